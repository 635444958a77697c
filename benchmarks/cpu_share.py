"""Per-release CPU cost of the converter against ``newmm`` tokenising, in one process.

On a shared machine wall-clock throughput depends on what else runs; CPU time measured in the
same process, alternating release by release between the two, does not. For a sample of the
corpus (every k-th file), each release is tokenised with ``newmm`` and converted (all stages plus
the merge into new files, no writing); the matcher is built before timing starts.
Run: ``python -m benchmarks.cpu_share FOLDER --sample 200`` (prints one JSON line).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent


def compare(files: list[Path], taxonomy: Path) -> dict:
    """CPU seconds of newmm and of the converter over ``files``, alternating per file."""
    from pythainlp.tokenize import word_tokenize

    from briefing.convert import pipeline
    from briefing.convert.merge import merge

    matcher = pipeline.load_matcher(taxonomy)
    word_tokenize("อาเซียน", engine="newmm")
    floor = convert = 0.0
    chars = 0
    for path in files:
        start = time.process_time()
        text = path.read_bytes().decode("utf-8", errors="replace")
        word_tokenize(text, engine="newmm")
        middle = time.process_time()
        result = pipeline.convert_file(path, REPO, matcher)
        if isinstance(result, pipeline.Converted):
            merge(None, dict(result.th_meta), result.th_body)
            merge(None, dict(result.en_meta), result.en_body)
        end = time.process_time()
        floor += middle - start
        convert += end - middle
        chars += len(text)
    return {"files": len(files), "chars": chars, "floor_cpu_s": round(floor, 3),
            "convert_cpu_s": round(convert, 3), "ratio": round(floor / convert, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cpu_share", description=__doc__)
    parser.add_argument("folder", type=Path, help="folder of *.txt releases")
    parser.add_argument("--sample", type=int, default=200, help="how many files (spread evenly)")
    parser.add_argument("--taxonomy", type=Path, default=REPO / "content" / "taxonomy")
    args = parser.parse_args(argv)
    files = sorted(args.folder.glob("*.txt"))
    step = max(1, len(files) // max(1, args.sample))
    print(json.dumps(compare(files[::step][: args.sample], args.taxonomy)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
