"""How big is a built site, and what makes it big: total, feeds' share, largest files.

GitHub Pages publishes sites up to 1 GB (and recommends staying well under it), so the bench
reports the output's size with its parts: ``python -m benchmarks.sitesize output`` prints the
same figures for any built site (the real collection: ``invoke build`` first).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HEAVY_PAGE_BYTES = 100 * 1024
FEED_MAX_BYTES = 200_000  # the site's FEED_MAX_BYTES default (briefing/site/settings.py)
LARGEST = 5


def site_stats(folder: Path) -> dict:
    """Sizes of ``folder`` (a built site): every file, the HTML pages, the Atom feeds."""
    files = sorted(((p.stat().st_size, p.relative_to(folder).as_posix())
                    for p in folder.rglob("*") if p.is_file()), reverse=True)
    html = [(size, path) for size, path in files if path.endswith(".html")]
    feeds = [(size, path) for size, path in files if path.endswith(".atom.xml")]
    search = [(size, path) for size, path in files if path.startswith("pagefind/")]
    total = sum(size for size, _ in files)
    feed_bytes = sum(size for size, _ in feeds)
    return {
        "files": len(files), "html_pages": len(html),
        "mb": round(total / 2**20, 1),
        "html_mb": round(sum(s for s, _ in html) / 2**20, 1),
        "search_mb": round(sum(s for s, _ in search) / 2**20, 1),
        "feeds": len(feeds), "feeds_mb": round(feed_bytes / 2**20, 2),
        "feeds_share": round(feed_bytes / total, 3) if total else 0.0,
        "feeds_over_limit": sum(size > FEED_MAX_BYTES for size, _ in feeds),
        "largest_feed": [feeds[0][1], feeds[0][0]] if feeds else None,
        "largest_html": [[path, size] for size, path in html[:3]],
        "largest_files": [[path, size] for size, path in files[:LARGEST]],
        "html_over_100kb": sum(size > HEAVY_PAGE_BYTES for size, _ in html),
    }


def describe(stats: dict) -> str:
    """The figures as a few readable lines."""
    lines = [f"site: {stats['mb']:,} MB in {stats['files']:,} files "
             f"({stats['html_pages']:,} HTML pages, {stats['html_mb']:,} MB; search index "
             f"{stats['search_mb']:,} MB)",
             f"feeds: {stats['feeds']:,} Atom feeds, {stats['feeds_mb']:,} MB "
             f"({stats['feeds_share']:.1%} of the site), {stats['feeds_over_limit']} over "
             f"{FEED_MAX_BYTES // 1000} KB" + (f"; largest {stats['largest_feed'][1] / 1024:,.0f}"
                                               f" KB: /{stats['largest_feed'][0]}"
                                               if stats["largest_feed"] else ""),
             f"pages over 100 KB: {stats['html_over_100kb']:,}"]
    lines += [f"  {size / 1024:,.0f} KB  /{path}" for path, size in stats["largest_files"]]
    return "\n".join(lines)


def size_rows(stats: dict, releases: int | None, ok=lambda met: "yes" if met else "no") -> list:
    """Report rows: the site's size, the feeds' share and the largest file. Goal: ≤ 300 MB at
    5,000 releases (GitHub Pages takes sites up to 1 GB)."""
    if "feeds_mb" not in stats:
        return []
    goal, met = "", ""
    if releases:
        at_5k = stats["mb"] * 5000 / releases
        goal = f"{at_5k:,.0f} MB at 5,000 (linear), {at_5k * 10 / 1024:,.2f} GB at 50,000"
        met = ok(at_5k <= 300)
    path, size = stats["largest_files"][0] if stats.get("largest_files") else ("", 0)
    return [("Site size", f"{stats['mb']:,} MB ({stats['files']:,} files)",
             f"feeds {stats['feeds_mb']:,} MB ({stats['feeds_share']:.1%}), "
             f"{stats['feeds_over_limit']} feeds over 200 KB; largest file "
             f"{size / 1024:,.0f} KB /{path}", goal, "≤ 300 MB at 5k", met)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sitesize", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, nargs="?", default=Path("output"))
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"error: no built site at {args.folder} (run invoke build)", file=sys.stderr)
        return 2
    stats = site_stats(args.folder)
    print(json.dumps(stats, indent=1) if args.json else describe(stats))
    return 0


if __name__ == "__main__":
    sys.exit(main())
