"""Robustness over ../shared/corpus/sample: every release converts or is refused with a reason.

Runs in memory (nothing written) with 2 workers over a deterministic subset (every Nth file) to
stay fast; ``scripts/corpus_report.py`` runs the full set and prints the same counts.
"""

from __future__ import annotations

from collections import Counter

import pytest

from briefing.convert.pipeline import Refused
from briefing.convert.runner import collect_sources, convert_all

#: Every Nth file of the sample is converted here (1 = all; the full set takes minutes).
STRIDE = 10


@pytest.mark.corpus
def test_corpus_sample_never_crashes(repo_root):
    sample = repo_root.parent / "shared" / "corpus" / "sample"
    if not sample.is_dir():
        pytest.skip(f"corpus not present at {sample}")
    files = collect_sources([sample])[::STRIDE]
    counts: Counter = Counter()
    crashed = []
    for result in convert_all(files, repo_root, repo_root / "content" / "taxonomy", jobs=2):
        if isinstance(result, Refused):
            counts[f"refused: {result.kind}"] += 1
            if result.crashed:
                crashed.append(result.message)
        else:
            counts["converted"] += 1
    print(f"\n{len(files)} corpus files:")
    for label, n in counts.most_common():
        print(f"{n:6d}  {label}")
    assert not crashed, "\n".join(crashed[:20])
    assert sum(counts.values()) == len(files)
    assert counts["converted"] > 0.9 * len(files)
