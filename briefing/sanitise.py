"""The one HTML sanitiser: what editor- or source-written text may become on a page or in a feed.

Every piece of HTML made from text the project does not write itself goes through
:func:`sanitise_html` before it reaches the site: release bodies in both languages and their
summaries (the ``safe_html`` plugin, on Pelican's ``content_object_init``), editor notes
(:mod:`briefing.editors.safe_markdown`). It is an allowlist (``nh3``, the Rust ``ammonia``
sanitiser, which parses like a browser): text structure, tables, links, images, code, ``lang``;
no ``<script>``, ``<style>``, ``<iframe>``, ``<svg>``, forms, event-handler or ``style``
attributes (except ``text-align`` on table cells, which Markdown writes), and URLs only
``http``, ``https``, ``mailto`` or site-relative (entity-encoded or space-padded schemes are
decoded first, as a browser would). :func:`is_web_url` is the rule for a release's
``source_url``: an absolute http(s) address with a host and nothing a link could break on.

This module imports nothing from the project, so every room may use it (docs/ARCHITECTURE.md).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from html.parser import HTMLParser

import nh3

#: Elements any sanitised HTML may hold (what Markdown "extra" writes, and inline HTML an
#: editor may use in a translation or a note).
ALLOWED_TAGS = frozenset(
    "a abbr b blockquote br caption code dd del div dl dt em h2 h3 h4 h5 h6 hr i img ins kbd li "
    "mark ol p pre q s small span strong sub sup table tbody td tfoot th thead tr u ul".split()
)
#: Attributes per element (``*``: on every element). No ``id``/``class`` except what Markdown's
#: footnotes need, no ``style`` except table alignment (filtered to ``text-align``), no ``on*``.
ALLOWED_ATTRIBUTES = {
    "*": {"lang", "title"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "ol": {"start"},
    "td": {"align", "style"},
    "th": {"align", "style"},
    "li": {"id"},
    "sup": {"id"},
}
#: The only classes kept: Markdown's footnotes (``[^1]``).
ALLOWED_CLASSES = {"a": {"footnote-ref", "footnote-backref"}, "div": {"footnote"}}
#: CSS properties a ``style`` attribute may keep (Markdown tables align cells with it).
ALLOWED_STYLE = frozenset({"text-align"})
#: URL schemes a link or image may use; site-relative URLs (``/en/…``, ``#fn:1``) are kept too.
URL_SCHEMES = frozenset({"http", "https", "mailto"})
#: Elements removed with everything inside them (the rest lose their tags, keep their text).
DROP_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object",
                          "svg", "math", "textarea", "select"})
#: ``rel`` of links in text written by anyone (editor notes); release bodies keep their links.
UGC_REL = "nofollow ugc"

#: The allowlist's fingerprint: HTML stamped as sanitised under another one is cleaned again.
POLICY = hashlib.sha256(repr((sorted(ALLOWED_TAGS), sorted((t, sorted(a)) for t, a in
                                                          ALLOWED_ATTRIBUTES.items()),
                              sorted((t, sorted(c)) for t, c in ALLOWED_CLASSES.items()),
                              sorted(ALLOWED_STYLE), sorted(URL_SCHEMES), sorted(DROP_CONTENT),
                              nh3.__version__)).encode()).hexdigest()[:16]

#: An absolute http(s) URL with a host: no spaces, quotes, angle brackets or control characters.
WEB_URL_RE = re.compile(
    r"^https?://(?:[^\s/?#@<>\"'`\\]+@)?[^\s/?#@:<>\"'`\\\x00-\x1f\x7f]+(?::\d{1,5})?"
    r"(?:[/?#][^\s<>\"'`\\\x00-\x1f\x7f]*)?\Z",
    re.IGNORECASE,
)


def sanitise_html(html: str, link_rel: str | None = None,
                  without: frozenset[str] = frozenset()) -> str:
    """``html`` with only harmless markup left (see the module docstring); ``link_rel`` is
    added to every link (:data:`UGC_REL` for notes), ``None`` leaves links without ``rel``;
    ``without`` names allowed elements a use keeps out too (their text stays)."""
    if not html:
        return html
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS - without),
        clean_content_tags=set(DROP_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in ALLOWED_CLASSES.items()},
        filter_style_properties=set(ALLOWED_STYLE),
        url_schemes=set(URL_SCHEMES),
        link_rel=link_rel,
        strip_comments=True,
    )


class _Markup(HTMLParser):
    """Start tags of an HTML text: ``(tag, [(attribute, value), …])`` in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, [(name, value or "") for name, value in attrs]))


def _markup(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    parser = _Markup()
    parser.feed(html)
    parser.close()
    return parser.tags


def removed_markup(html: str, without: frozenset[str] = frozenset()) -> list[str]:
    """What :func:`sanitise_html` takes out of ``html``, readably and in order: ``<script>``,
    ``onclick=``, ``href="javascript:…"`` (for ``invoke check``: say what the site drops)."""
    kept = _markup(sanitise_html(html, without=without))
    tags = Counter(tag for tag, _ in kept)
    attrs = Counter((tag, name, value) for tag, found in kept for name, value in found)
    named = Counter((tag, name) for tag, found in kept for name, _ in found)
    out: list[str] = []
    for tag, found in _markup(html):
        if tags[tag] <= 0:
            out.append(f"<{tag}>")
            continue
        tags[tag] -= 1
        for name, value in found:
            if attrs[(tag, name, value)] > 0:
                attrs[(tag, name, value)] -= 1
                named[(tag, name)] -= 1
            elif named[(tag, name)] > 0:  # kept, rewritten (a style keeps text-align only)
                named[(tag, name)] -= 1
            else:
                out.append(f'{name}="{value[:40]}"' if value else f"{name}=")
    return list(dict.fromkeys(out))


def is_web_url(url: object) -> bool:
    """True for an absolute ``http://`` or ``https://`` URL with a host that is safe to print
    as a link (a release's ``source_url``); False for anything else, ``javascript:`` included."""
    return isinstance(url, str) and WEB_URL_RE.match(url) is not None


def web_url_or_empty(url: object) -> str:
    """``url`` when :func:`is_web_url` accepts it, else ``""`` (the theme then shows no link)."""
    return url if is_web_url(url) else ""
