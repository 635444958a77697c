"""Search benchmark: index a folder of raw releases, then measure a Thai query in Chromium.

``python -m plugins.search.bench ../shared/corpus/sample OUT`` builds ``OUT/pagefind/`` and the
real search page, serves OUT on 127.0.0.1, loads ``/th/search/?q=QUERY`` in Debian's Chromium and
prints: index build time and size, bytes fetched (all requests of the page, as sent) and the time
from navigation start to the first rendered result. ``--skip-build`` reuses an existing index.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from urllib.parse import quote, urlparse

ROOT = Path(__file__).resolve().parents[2]


FIRST_RESULTS = """() => {
  const mark = performance.getEntriesByName("search-first-results")[0];
  return {origin: performance.timeOrigin, first: mark ? mark.startTime : null};
}"""
TEXT_TYPES = (".js", ".css", ".html", ".json", "/")


def wire_bytes(out: Path, path: str, size: int) -> int:
    """Bytes a gzip-serving host (GitHub Pages) sends: text assets gzipped, Pagefind files as is."""
    if not path.endswith(TEXT_TYPES):
        return size  # .pf_* and wasm files are gzip-compressed by Pagefind already
    local = out / path.lstrip("/")
    local = local / "index.html" if local.is_dir() else local
    return len(gzip.compress(local.read_bytes(), 6)) if local.is_file() else size


def measure(out: Path, query: str) -> dict:
    """Load the search page for ``query``; bytes fetched and time until the first results."""
    sys.path.insert(0, str(ROOT / "tests" / "search"))
    from playwright.sync_api import sync_playwright
    from search_harness import serve

    from briefing.browser import launch

    seen: list[tuple[str, int, float]] = []  # path, body bytes, epoch ms when finished

    def finished(request) -> None:
        size = request.sizes()["responseBodySize"]
        seen.append((urlparse(request.url).path, size, time.time() * 1000))

    with serve(out) as base, sync_playwright() as pw:
        browser = launch(pw)
        page = browser.new_page()
        page.on("requestfinished", finished)  # includes the Pagefind worker's fetches
        page.goto(f"{base}/th/search/?q={quote(query)}")
        page.wait_for_selector("[data-search-app][data-state=done]")
        timing = page.evaluate(FIRST_RESULTS)
        status = page.locator("[data-search-status]").inner_text()
        browser.close()
    first = timing["first"]
    limit = timing["origin"] + first if first is not None else float("inf")
    before = [(p, n) for p, n, end in seen if end <= limit + 5]
    return {
        "query": query, "status": status, "ms_to_first_results": round(first or -1),
        "requests_before_first_results": len(before),
        "bytes_before_first_results": sum(n for _, n in before),
        "wire_bytes_before_first_results": sum(wire_bytes(out, p, n) for p, n in before),
        "bytes_total": sum(n for _, n, _ in seen),
        "largest": sorted(before, key=lambda x: -x[1])[:5],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plugins.search.bench", description=__doc__)
    parser.add_argument("folder", help="folder of raw release .txt files")
    parser.add_argument("out", help="output folder for the index and the search page")
    parser.add_argument("--query", default="หลอกลวง", help="Thai query to time (default หลอกลวง)")
    parser.add_argument("--limit", type=int, default=None, help="index only the first N files")
    parser.add_argument("--skip-build", action="store_true", help="reuse OUT/pagefind/")
    args = parser.parse_args(argv)
    from briefing.taxonomy import load_taxonomy

    from .corpus import search_index

    sys.path.insert(0, str(ROOT / "tests" / "search"))
    from search_harness import search_page

    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy")
    out = Path(args.out)
    result = {}
    if not args.skip_build:
        stats = search_index(args.folder, out, taxonomy, args.limit)
        result.update(pages=stats.pages, build_seconds=stats.seconds,
                      bundle_bytes=stats.bundle_bytes, files=stats.files)
    search_page(out, "th", taxonomy)
    result.update(measure(out, args.query))
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
