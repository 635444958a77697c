"""Search benchmark: index a folder of raw releases, then measure a Thai query in Chromium.

``python -m plugins.search.bench ../shared/corpus/sample OUT`` builds ``OUT/pagefind/`` and the
real search page, serves OUT on 127.0.0.1, loads ``/th/search/?q=QUERY`` in Debian's Chromium and
prints: index build time and size, bytes fetched (all requests of the page, as sent) and the time
from navigation start to the first rendered result. ``--skip-build`` reuses an existing index.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]


def measure(out: Path, query: str) -> dict:
    """Load the search page for ``query`` and return bytes fetched / time to first results."""
    sys.path.insert(0, str(ROOT / "tests" / "search"))
    from playwright.sync_api import sync_playwright
    from search_harness import CHROMIUM, CHROMIUM_ARGS, serve

    with serve(out) as base, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        sizes: dict[str, int] = {}
        page.on("requestfinished",
                lambda r: sizes.__setitem__(r.url, r.sizes()["responseBodySize"]))
        page.goto(f"{base}/th/search/?q={quote(query)}")
        page.wait_for_selector("[data-search-results] li, [data-search-app][data-state=done]")
        first = page.evaluate("performance.now()")
        page.wait_for_selector("[data-search-app][data-state=done]")
        count = page.locator("[data-search-status]").inner_text()
        browser.close()
    index_bytes = sum(v for k, v in sizes.items() if "/pagefind/" in k)
    return {"query": query, "ms_to_first_results": round(first),
            "bytes_fetched": sum(sizes.values()), "pagefind_bytes": index_bytes,
            "requests": len(sizes), "status": count}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plugins.search.bench", description=__doc__)
    parser.add_argument("folder", help="folder of raw release .txt files")
    parser.add_argument("out", help="output folder for the index and the search page")
    parser.add_argument("--query", default="หลอกลวง", help="Thai query to time (default หลอกลวง)")
    parser.add_argument("--limit", type=int, default=None, help="index only the first N files")
    parser.add_argument("--skip-build", action="store_true", help="reuse OUT/pagefind/")
    args = parser.parse_args(argv)
    from briefing.taxonomy import load_taxonomy

    from .corpus import corpus_records
    from .index import build_index

    sys.path.insert(0, str(ROOT / "tests" / "search"))
    from search_harness import search_page

    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy")
    out = Path(args.out)
    result = {}
    if not args.skip_build:
        stats = build_index(corpus_records(args.folder, taxonomy, args.limit), out)
        result.update(pages=stats.pages, build_seconds=stats.seconds,
                      bundle_bytes=stats.bundle_bytes, files=stats.files)
    search_page(out, "th", taxonomy)
    result.update(measure(out, args.query))
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
