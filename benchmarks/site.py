"""The benchmark's site work folder, the build commands it times, and page weight.

``benchmarks/work/site-N/`` holds ``content/releases`` (the converter's output for the N-release
corpus), a copy of ``content/taxonomy``, one editor note (``content/notes/bench-note.md``, changed
for the "one note changed" rebuild), ``output/`` (the real site), ``output-bare/`` (the anchor:
bare Pelican + ``simple`` theme + Pagefind), ``cache/`` (Pelican's content cache) and ``logs/``.
"""

from __future__ import annotations

import gzip
import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NOTE_NAME = "bench-note.md"
#: Assets a page loads that belong to search (excluded from page weight, measured apart).
SEARCH_ASSET_RE = re.compile(r"(^|/)(pagefind|search)/")
CSS_URL_RE = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
LOADED_RELS = {"stylesheet", "preload", "modulepreload", "icon"}


def site_dir(work: Path, size: int) -> Path:
    return work / f"site-{size}"


def prepare(site: Path) -> None:
    """Fresh content folders (releases are written by the converter) and the taxonomy copy."""
    for name in ("content", "output", "output-bare", "cache", "logs"):
        if (site / name).exists():
            shutil.rmtree(site / name)
    (site / "content" / "notes").mkdir(parents=True)
    (site / "logs").mkdir()
    shutil.copytree(REPO / "content" / "taxonomy", site / "content" / "taxonomy")


def first_release(site: Path) -> str:
    """Slug of the first Thai release (sorted), the one the note and page weight use."""
    pages = sorted((site / "content" / "releases" / "th").glob("*.md"))
    if not pages:
        raise FileNotFoundError(f"no releases converted into {site / 'content/releases/th'}")
    return pages[0].stem


def write_note(site: Path, slug: str, version: int) -> Path:
    """The benchmark's editor note on ``slug``; each ``version`` has a different text."""
    path = site / "content" / "notes" / NOTE_NAME
    path.write_text(
        "---\n"
        f"release: {slug}\n"
        "author: Benchmark\n"
        "date: 2026-01-01\n"
        "lang: en\n"
        "---\n\n"
        f"Benchmark note, version {version}: the rebuild after this edit is timed.\n",
        encoding="utf-8",
    )
    return path


def pelican_cmd(site: Path, *, bare: bool = False) -> list[str]:
    """The Pelican command for the real site (with its content cache) or the bare anchor."""
    if bare:
        return [sys.executable, "-m", "pelican", str(site / "content"),
                "-s", str(REPO / "benchmarks" / "bare_pelicanconf.py"),
                "-o", str(site / "output-bare"), "--fatal", "errors"]
    return [sys.executable, "-m", "pelican", str(site / "content"),
            "-s", str(REPO / "pelicanconf.py"), "-o", str(site / "output"), "--fatal", "errors",
            "-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true",
            f'CACHE_PATH="{site / "cache"}"']


def pagefind_cmd(site: Path) -> list[str]:
    """Pagefind (the installed binary: standard, one process for both languages) over the bare
    anchor's output."""
    return [sys.executable, "-m", "pagefind", "--site", str(site / "output-bare")]


class _Assets(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and LOADED_RELS & set((a.get("rel") or "").split()) and a.get("href"):
            self.urls.append(a["href"])
        elif tag in ("script", "img") and a.get("src"):
            self.urls.append(a["src"])


def _local(output: Path, page: Path, url: str) -> Path | None:
    url = url.split("#")[0].split("?")[0]
    if not url or re.match(r"^[a-z]+:", url) or url.startswith("//"):
        return None  # external: not part of the site's weight (the site should have none)
    path = output / url.lstrip("/") if url.startswith("/") else page.parent / url
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def page_weight(output: Path, url: str) -> dict:
    """Bytes of the page at ``url`` plus the CSS, JS, images and fonts it loads (search excluded).

    Returns raw and gzip-compressed totals and the list of files counted.
    """
    page = output / url.strip("/") / "index.html" if not url.endswith(".html") else output / url
    if not page.is_file():
        raise FileNotFoundError(f"page {url} not found in {output}")
    counted: dict[Path, None] = {page: None}
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    todo = [(page, u) for u in parser.urls]
    skipped = []
    while todo:
        base, url_ = todo.pop()
        if SEARCH_ASSET_RE.search(url_):
            skipped.append(url_)
            continue
        path = _local(output, base, url_)
        if path is None or path in counted:
            continue
        counted[path] = None
        if path.suffix == ".css":
            css = path.read_text(encoding="utf-8", errors="replace")
            todo.extend((path, m[0] or m[1]) for m in CSS_URL_RE.finditer(css))
    raw = {p: p.read_bytes() for p in counted}
    kinds: dict[str, int] = {}
    for p, data in raw.items():
        kind = "html" if p == page else p.suffix.lstrip(".") or "other"
        kinds[kind] = kinds.get(kind, 0) + len(data)
    return {
        "url": url,
        "bytes": sum(len(d) for d in raw.values()),
        "gzip_bytes": sum(len(gzip.compress(d, 6)) for d in raw.values()),
        "by_kind": kinds,
        "files": [p.relative_to(output).as_posix() for p in counted],
        "search_assets_excluded": sorted(set(skipped)),
    }
