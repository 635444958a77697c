"""What the XSS tests look for in a built site: live handlers, script URLs, injected scripts.

``INIT_SCRIPT`` replaces ``alert``/``confirm``/``prompt`` with a recorder before any page script
runs; ``DOM_PROBE`` (run in the page after load) lists every ``on*`` attribute, ``srcdoc``,
``javascript:``/``vbscript:``/``data:`` URL and injected ``<script>`` (one whose text holds the
payloads' ``xss-`` marker) left in the DOM. :func:`scan_html` does the same on HTML text (a page,
or a feed entry's HTML), :func:`feed_entries_html` takes the HTML out of an Atom feed and
:func:`script_urls_in_data` finds script URLs among the values of a JSON document.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

MARK = "xss-"
INIT_SCRIPT = ("window.__xssRan = [];"
               "for (const name of ['alert', 'confirm', 'prompt']) {"
               "  window[name] = (m) => { window.__xssRan.push(String(m)); };"
               "}")
#: Attributes holding a URL a browser would load or follow.
URL_ATTRS = ("href", "src", "action", "formaction", "data", "xlink:href", "poster", "background",
             "cite", "ping", "srcset")
BAD_URL_RE = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE)
BAD_STYLE_RE = re.compile(r"javascript:|expression\s*\(|url\s*\(", re.IGNORECASE)
#: Elements the theme never writes: any of them in the output came from content.
FOREIGN_TAGS = frozenset({"iframe", "object", "embed", "base", "frame", "frameset", "math",
                          "textarea", "video", "audio", "source"})

DOM_PROBE = """() => {
  const bad = [];
  const urlAttrs = URL_ATTRS;
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (attr.name.startsWith('on')) bad.push(`${el.tagName} ${attr.name}=`);
      if (attr.name === 'srcdoc') bad.push(`${el.tagName} srcdoc`);
      if (urlAttrs.includes(attr.name) && /^(javascript|vbscript|data):/.test(value)) {
        bad.push(`${el.tagName} ${attr.name}=${value}`);
      }
    }
    const data = ['application/ld+json', 'application/json'].includes(el.type);  // inert JSON
    if (el.tagName === 'SCRIPT' && !data && el.textContent.includes('MARK')) {
      bad.push('injected <script>');
    }
  }
  return bad;
}""".replace("URL_ATTRS", str(list(URL_ATTRS))).replace("MARK", MARK)


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        if tag in FOREIGN_TAGS:
            self.bad.append(f"<{tag}>")
        if tag == "meta" and any(n == "http-equiv" for n, _ in attrs):
            self.bad.append("<meta http-equiv>")
        for name, value in attrs:
            value = re.sub(r"[\x00-\x20]", "", value or "")
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}=>")
            elif name == "srcdoc":
                self.bad.append(f"<{tag} srcdoc>")
            elif name in URL_ATTRS and BAD_URL_RE.match(value):
                self.bad.append(f"<{tag} {name}={value[:40]}>")
            elif name == "style" and BAD_STYLE_RE.search(value):
                self.bad.append(f"<{tag} style={value[:40]}>")
        kind = dict(attrs).get("type") or ""
        self._script = tag == "script" and kind not in ("application/ld+json", "application/json")

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script and MARK in data:
            self.bad.append("injected <script>")


def scan_html(text: str) -> list[str]:
    """Live payloads in ``text`` (HTML): handlers, ``srcdoc``, script/data URLs, CSS tricks,
    frames and forms, injected scripts."""
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.bad


ATOM = "{http://www.w3.org/2005/Atom}"


def feed_entries_html(xml_text: str) -> list[str]:
    """The HTML of every ``<summary>`` / ``<content>`` of an Atom feed (unescaped)."""
    root = ET.fromstring(xml_text)
    return [el.text or "" for tag in ("summary", "content")
            for el in root.iter(f"{ATOM}{tag}") if el.get("type") == "html"]


def script_urls_in_data(data) -> list[str]:
    """Every string value of decoded JSON ``data`` that is a ``javascript:``/``vbscript:``/
    ``data:`` URL (text that merely mentions one is not a URL)."""
    if isinstance(data, dict):
        return [u for v in data.values() for u in script_urls_in_data(v)]
    if isinstance(data, list):
        return [u for v in data for u in script_urls_in_data(v)]
    if isinstance(data, str) and BAD_URL_RE.match(re.sub(r"[\x00-\x20]", "", data)):
        return [data[:40]]
    return []
