"""The conversion anchor: read every release and tokenise it with pythainlp ``newmm``, nothing else.

Same inputs and the same number of worker processes as the converter, so the ratio of the two
throughputs says how close the converter is to the cost of merely tokenising the text once.
Run: ``python -m benchmarks.floor FOLDER --jobs N`` (prints a JSON line: files, chars, tokens).
"""

from __future__ import annotations

import argparse
import json
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

ENGINE = "newmm"


def _warm() -> None:
    from pythainlp.tokenize import word_tokenize

    word_tokenize("อาเซียน", engine=ENGINE)


def tokenise_file(path: str) -> tuple[int, int]:
    """(chars, tokens) of one file, read and decoded like the converter does."""
    from pythainlp.tokenize import word_tokenize

    text = Path(path).read_bytes().decode("utf-8", errors="replace")
    return len(text), len(word_tokenize(text, engine=ENGINE))


def tokenise_all(files: list[str], jobs: int) -> tuple[int, int]:
    """Total (chars, tokens) over ``files`` with ``jobs`` processes (1: in this process)."""
    if jobs <= 1:
        _warm()
        results = map(tokenise_file, files)
        return tuple(map(sum, zip(*results, strict=True))) if files else (0, 0)
    chunk = max(1, min(32, len(files) // (jobs * 8)))
    with ProcessPoolExecutor(jobs, initializer=_warm) as pool:
        results = list(pool.map(tokenise_file, files, chunksize=chunk))
    return sum(r[0] for r in results), sum(r[1] for r in results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.floor", description=__doc__)
    parser.add_argument("folder", type=Path, help="folder of *.txt releases")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    files = sorted(p.as_posix() for p in args.folder.glob("*.txt"))
    chars, tokens = tokenise_all(files, args.jobs)
    print(json.dumps({"files": len(files), "chars": chars, "tokens": tokens}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
