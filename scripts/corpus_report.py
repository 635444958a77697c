"""Run the converter over a corpus folder without writing, and print counts by outcome and reason.

    .venv/bin/python scripts/corpus_report.py [FOLDER] [--jobs N] [--limit N]

FOLDER defaults to ../shared/corpus/sample. Exit status 1 if any file crashed the converter.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

from briefing.convert.pipeline import Refused  # noqa: E402 (after PYTHAINLP_OFFLINE)
from briefing.convert.runner import collect_sources, convert_all  # noqa: E402


def corpus_counts(files: list[Path], jobs: int, taxonomy: Path) -> tuple[Counter, list[Refused]]:
    """Convert ``files`` in memory; return counts by outcome/reason and the crashed files."""
    counts: Counter = Counter()
    crashed: list[Refused] = []
    for result in convert_all(files, ROOT, taxonomy, jobs):
        if isinstance(result, Refused):
            counts[f"refused: {result.kind}"] += 1
            if result.crashed:
                crashed.append(result)
        else:
            counts["converted"] += 1
    return counts, crashed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", nargs="?", type=Path,
                        default=ROOT.parent / "shared" / "corpus" / "sample")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--taxonomy", type=Path, default=ROOT / "content" / "taxonomy")
    args = parser.parse_args()
    files = collect_sources([args.folder])
    if args.limit:
        files = files[: args.limit]
    start = time.perf_counter()
    counts, crashed = corpus_counts(files, args.jobs, args.taxonomy)
    seconds = time.perf_counter() - start
    print(f"{len(files)} files in {seconds:.1f} s with {args.jobs} jobs")
    for label, n in counts.most_common():
        print(f"{n:6d}  {label}")
    for refused in crashed:
        print(f"CRASH {refused.message}")
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
