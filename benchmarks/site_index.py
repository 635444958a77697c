"""How ``briefing.site.index.build_index`` grows with the number of releases (synthetic articles).

    .venv/bin/python -m benchmarks.site_index [--sizes 2000,4000,8000]

Each synthetic release is tagged with countries, topics, a bare meeting series (``wg-as``, the
case that was quadratic: a set rebuilt per reference) and a session. Prints seconds per size and
the growth exponent between the smallest and the largest (1.0 = linear), with Python's
cyclic garbage collector paused while it is timed. A measurement to read,
not a test: no test times anything.
"""

from __future__ import annotations

import argparse
import gc
import math
import time
from datetime import datetime, timedelta
from types import SimpleNamespace

from briefing.contract import KINDS
from briefing.site.index import build_index


def synthetic_articles(n: int) -> list:
    start = datetime(2020, 1, 1)
    articles = []
    for i in range(n):
        meta = {"countries": ["TH", ["KH", "LA", "MM"][i % 3]], "topics": ["online-scams"],
                "meetings": ["wg-as", f"adgmin/{i % 7}"],
                "meeting_status": {"wg-as": "mentioned", f"adgmin/{i % 7}": "held"}}
        for lang in ("th", "en"):
            articles.append(SimpleNamespace(metadata=meta, lang=lang, slug=f"r{i}",
                                            date=start + timedelta(hours=i), url=f"{lang}/r{i}/",
                                            source_path=f"r{i}.md"))
    return articles


def measure(n: int) -> float:
    articles = synthetic_articles(n)
    terms = {kind: {} for kind in KINDS}
    gc.collect()
    gc.disable()  # the collector's passes over a growing heap are not the algorithm's cost
    try:
        began = time.perf_counter()
        build_index(articles, terms)
        return time.perf_counter() - began
    finally:
        gc.enable()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.site_index",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,4000,8000", help="comma-separated release counts")
    sizes = [int(s) for s in parser.parse_args(argv).sizes.split(",")]
    seconds = {n: measure(n) for n in sizes}
    for n, s in seconds.items():
        print(f"{n:>7} releases  {s:7.3f} s")
    lo, hi = min(sizes), max(sizes)
    print(f"growth exponent {math.log(seconds[hi] / seconds[lo]) / math.log(hi / lo):.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
