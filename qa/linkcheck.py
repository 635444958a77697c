"""Crawl a built site over HTTP and report every broken internal link, asset or fragment anchor.

Starting from the landing page, every internal ``href``/``src``/``srcset`` in HTML, ``url(…)`` in
CSS, ``<link href>`` in Atom feeds and ``<loc>`` in sitemaps is fetched once; ``#fragment`` links
must name an ``id`` (or ``<a name>``) on the target page. "Internal" means the same host *and*
under the site's base path, so a link that escapes a sub-path (``/en/…`` on a site served from
``/repo/``) is reported too. :func:`serve` serves a folder under a sub-path on localhost.

    python -m qa.linkcheck output --prefix /repo     (serve output/ at /repo/ and crawl it)
    python -m qa.linkcheck --url http://127.0.0.1:8000/repo/
"""

from __future__ import annotations

import argparse
import contextlib
import http.server
import re
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

SKIP_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "about:")
LINK_ATTRS = {"href", "src", "poster", "data", "action"}  # action: a <form> (e.g. search)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
XML_LINK = re.compile(r"""<(?:atom:)?link\b[^>]*?\bhref=["']([^"']+)["']""")
XML_LOC = re.compile(r"<loc>\s*([^<\s]+)\s*</loc>")
XML_HREF = re.compile(r"""\bhref=["']([^"']+)["']""")


@dataclass(frozen=True, order=True)
class Broken:
    """One link that does not work: where it was found, what it points at, and why."""

    page: str
    target: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.target} ({self.reason})"


@dataclass
class Report:
    """What the crawl saw."""

    pages: int = 0
    fetched: int = 0
    links: int = 0
    broken: list[Broken] = field(default_factory=list)


class _Collector(HTMLParser):
    """Collects link targets and element ids from one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []
        self.ids: set[str] = set()
        self.base: str | None = None
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        if tag == "base" and attrs.get("href"):
            self.base = attrs["href"]
        for name in LINK_ATTRS & attrs.keys():
            if attrs[name] and not (
                tag == "link" and attrs.get("rel") in ("preconnect", "dns-prefetch")
            ):
                self.targets.append(attrs[name])
        for name in ("srcset", "imagesrcset"):
            for part in (attrs.get(name) or "").split(","):
                if part.strip():
                    self.targets.append(part.split()[0])
        if attrs.get("style"):
            self.targets += CSS_URL.findall(attrs["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.targets += CSS_URL.findall(data)


def _fetch(url: str) -> tuple[int, str, bytes]:
    """(status, content type, body) — status 0 with the reason as type on network errors."""
    request = urllib.request.Request(url, headers={"User-Agent": "briefing-linkcheck"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (local crawl)
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, "", b""
    except (urllib.error.URLError, OSError) as exc:
        return 0, str(exc), b""


def _links_in(url: str, ctype: str, body: bytes) -> tuple[list[str], set[str]]:
    """Absolute link targets and the ids a page defines."""
    text = body.decode("utf-8", errors="replace")
    if ctype == "text/html" or url.endswith((".html", "/")):
        parser = _Collector()
        parser.feed(text)
        base = urllib.parse.urljoin(url, parser.base) if parser.base else url
        return [urllib.parse.urljoin(base, t.strip()) for t in parser.targets], parser.ids
    if ctype == "text/css" or url.endswith(".css"):
        return [urllib.parse.urljoin(url, t.strip()) for t in CSS_URL.findall(text)], set()
    if "xml" in ctype or url.endswith(".xml"):
        found = XML_LINK.findall(text) + XML_LOC.findall(text)
        if "<urlset" in text:  # sitemap: hreflang alternates are xhtml:link href
            found += XML_HREF.findall(text)
        return [urllib.parse.urljoin(url, t.strip()) for t in found], set()
    return [], set()


def crawl(start: str, extra: tuple[str, ...] = ()) -> Report:
    """Crawl every internal URL reachable from ``start`` (plus ``extra`` paths under it)."""
    root = urllib.parse.urlsplit(start)
    prefix = root.path if root.path.endswith("/") else root.path.rsplit("/", 1)[0] + "/"

    def internal(url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        return parts.netloc == root.netloc and parts.scheme in ("http", "https")

    report = Report()
    ids: dict[str, set[str]] = {}
    status: dict[str, str] = {}
    seen_from: dict[str, str] = {}
    fragments: list[tuple[str, str, str]] = []  # (page, url without fragment, fragment)
    queue = [start] + [urllib.parse.urljoin(start, e) for e in extra]
    for url in queue:
        seen_from.setdefault(url, "(start)")
    while queue:
        url = queue.pop()
        report.fetched += 1
        parts = urllib.parse.urlsplit(url)
        if not parts.path.startswith(prefix):
            status[url] = f"outside the site's base path {prefix}"
            continue
        code, ctype, body = _fetch(url)
        if code != 200:
            status[url] = f"HTTP {code}" if code else ctype
            continue
        status[url] = "ok"
        targets, page_ids = _links_in(url, ctype, body)
        if ctype == "text/html":
            report.pages += 1
            ids[url] = page_ids
        for target in targets:
            if target.lower().startswith(SKIP_SCHEMES) or not internal(target):
                continue
            report.links += 1
            plain, _, fragment = target.partition("#")
            if fragment:
                fragments.append((url, plain, urllib.parse.unquote(fragment)))
            if plain not in seen_from:
                seen_from[plain] = url
                queue.append(plain)
    for url, why in status.items():
        if why != "ok":
            report.broken.append(Broken(seen_from.get(url, "(start)"), url, why))
    for page, plain, fragment in fragments:
        if status.get(plain) == "ok" and plain in ids and fragment not in ids[plain]:
            report.broken.append(Broken(page, f"{plain}#{fragment}", "no such anchor"))
    report.broken = sorted(set(report.broken))
    return report


class _PrefixHandler(http.server.SimpleHTTPRequestHandler):
    """Serves ``server.root`` under ``server.prefix``; anything else is a 404."""

    def translate_path(self, path):
        prefix, self.directory = self.server.prefix, self.server.root
        clean = urllib.parse.urlsplit(path).path
        if not (clean + "/").startswith(prefix):
            return str(Path(self.server.root) / ".outside-the-served-prefix")
        return super().translate_path("/" + clean[len(prefix) :])

    def log_message(self, format, *args):  # noqa: A002 (signature from the base class)
        pass


@contextlib.contextmanager
def serve(root: Path | None = None, prefix: str = "/") -> Iterator[tuple[str, object]]:
    """Serve a folder at ``http://127.0.0.1:PORT{prefix}`` in a thread.

    Yields ``(base_url, server)``; the port is chosen first so a site can be built for it
    afterwards: set ``server.root`` before crawling when ``root`` was not known yet.
    """
    prefix = "/" + prefix.strip("/") + "/" if prefix.strip("/") else "/"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PrefixHandler)
    server.root, server.prefix = str(root or "."), prefix
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}", server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def main(argv: list[str] | None = None) -> int:
    """Command line: crawl a running site (``--url``) or serve a folder and crawl it."""
    parser = argparse.ArgumentParser(
        prog="python -m qa.linkcheck",
        description="Crawl a built site and list broken internal links, assets and #anchors.",
    )
    parser.add_argument("folder", nargs="?", type=Path, help="built site to serve (e.g. output)")
    parser.add_argument("--prefix", default="/", help="sub-path to serve it under (e.g. /repo)")
    parser.add_argument("--url", help="crawl this running site instead of serving a folder")
    args = parser.parse_args(argv)
    if args.url:
        report = crawl(args.url)
    elif args.folder and args.folder.is_dir():
        with serve(args.folder, args.prefix) as (base, _server):
            report = crawl(base)
    else:
        parser.error("give a built site folder or --url")
    for broken in report.broken:
        print(broken)
    print(
        f"{report.pages} pages, {report.links} internal links, {len(report.broken)} broken",
        file=sys.stderr,
    )
    return 1 if report.broken else 0


if __name__ == "__main__":
    sys.exit(main())
