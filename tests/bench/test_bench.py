"""The benchmark harness works end to end (no timing assertions: ``invoke bench`` measures speed).

The smoke run scales the five seed releases to 20, converts them, builds the real and the bare
site, rebuilds twice, weighs pages and searches in Debian's chromium, then checks the report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path("content/sources")
SEED_GLOB = "[0-9][0-9][0-9]_*.txt"  # the five seeds among the collection's sources


@pytest.fixture
def seeds(repo_root, tmp_path) -> Path:
    """A folder holding only the five seed releases (the corpus the harness scales)."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    for path in sorted((repo_root / SEEDS).glob(SEED_GLOB)):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.fixture
def bench_modules(repo_root, monkeypatch):
    monkeypatch.syspath_prepend(str(repo_root))
    from benchmarks import corpus, report

    return corpus, report


def test_scaled_copy_has_new_id_date_and_text(bench_modules, repo_root):
    corpus, _ = bench_modules
    text = (repo_root / SEEDS / "000_ee7779428f760dd8.txt").read_text(encoding="utf-8")
    copy = corpus.scale_text(text, 2)
    assert "วันอาทิตย์ที่ 27 มีนาคม 2565" in copy  # 24 Mar 2024 - 2 × 364 days: a Sunday too
    assert "วันอาทิตย์ที่ 24 มีนาคม 2567" not in copy
    assert "สำเนาทดสอบชุดที่ 2" in copy
    assert corpus.scale_text(text, 0) == text


def test_make_corpus_reaches_the_size_and_is_reused(bench_modules, seeds, tmp_path):
    corpus, _ = bench_modules
    folder = corpus.make_corpus(seeds, 12, tmp_path)
    names = sorted(p.name for p in folder.glob("*.txt"))
    assert len(names) == 12 and sum(n.startswith("c02_") for n in names) == 2
    stamp = (folder / corpus.STAMP).stat().st_mtime_ns
    assert corpus.make_corpus(seeds, 12, tmp_path) == folder
    assert (folder / corpus.STAMP).stat().st_mtime_ns == stamp


def test_growth_exponent(bench_modules):
    _, report = bench_modules
    assert report.growth([5000, 20000], [10.0, 40.0]) == "1.00"
    assert report.growth([5000, 20000], [10.0, 20.0]) == "0.50"
    assert report.growth([5000], [10.0]) == ""


def test_combine_keeps_the_latest_run_of_each_size(bench_modules, tmp_path):
    _, report = bench_modules

    def run(name, date, commit, sizes):
        path = tmp_path / f"{name}.json"
        machine = {"cpu": "CPU " + commit, "commit": commit, "load_average_at_start": [1, 1, 1]}
        path.write_text(json.dumps({"date": date, "machine": machine,
                                    "sizes": [{"size": n, "mark": name} for n in sizes]}))
        return path

    old = run("old", "2026-12-01T20:40:00+00:00", "aaa", [5000, 20000])
    new = run("new", "2026-12-02T00:03:00+00:00", "bbb", [5000, 50000])
    combined = report.combine([new, old])
    assert [(s["size"], s["mark"], s["run_commit"]) for s in combined["sizes"]] == [
        (5000, "new", "bbb"), (20000, "old", "aaa"), (50000, "new", "bbb")]
    assert combined["machine"]["commit"] == "bbb"
    assert "## 20,000 releases — run 2026-12-01T20:40:00+00:00, commit aaa, CPU aaa" in (
        report.markdown(combined))


@pytest.mark.browser
def test_bench_smoke_run(repo_root, seeds, tmp_path):
    results = tmp_path / "results"
    env = dict(os.environ, PYTHAINLP_OFFLINE="1")
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench", "--source", str(seeds),
         "--sizes", "20", "--jobs", "1", "--work", str(tmp_path / "work"),
         "--results", str(results), "--search-repeats", "1"],
        cwd=repo_root, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    data = json.loads((results / "latest.json").read_text(encoding="utf-8"))
    size = data["sizes"][0]
    assert size["conversion"]["converted"] == 20 and size["conversion"]["refused"] == 0
    assert size["build"]["output"]["html_pages"] > 40  # 20 releases × 2 languages + term pages
    assert {p["lang"] for p in size["search"]} == {"th", "en"}
    assert all(p["results_shown"] > 0 for p in size["search"])
    assert size["page_weight"]["release_th"]["bytes"] > 0
    md = (results / "latest.md").read_text(encoding="utf-8")
    assert "Conversion throughput" in md and "Rebuild, one note changed" in md
