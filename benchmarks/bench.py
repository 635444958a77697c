"""``invoke bench``: conversion, site build, rebuilds, memory, page weight and search at scale.

For each corpus size N (real releases from ``../shared/corpus/sample``, scaled copies past its
size, see :mod:`benchmarks.corpus`), in ``benchmarks/work/site-N/``:

1. convert the corpus (``python -m briefing convert --jobs J``) — anchor: pythainlp ``newmm``
   tokenising the same files with J processes (:mod:`benchmarks.floor`);
2. full site build (Pelican + plugins + search index, empty content cache) — anchor: bare Pelican
   with its ``simple`` theme (:file:`bare_pelicanconf.py`) plus Pagefind over its output
   (measured after the search probe, so that a long run has the user-facing figures early);
3. page weight of a release page and the home pages; 4. search in headless Chromium;
5. rebuild with nothing changed, then with one editor note changed (content cache on).

Every command runs as a subprocess timed with its process tree's peak memory (:mod:`.measure`).
Results: ``RESULTS/bench-<date>.json``, ``latest.json`` and ``latest.md`` (:mod:`.report`).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import corpus, report, site
from benchmarks.measure import CommandFailed, Measurement, run
from benchmarks.sitesize import site_stats

REPO = site.REPO
DEFAULT_SOURCE = REPO.parent / "shared" / "corpus" / "sample"
DEFAULT_WORK = REPO / "benchmarks" / "work"
DEFAULT_RESULTS = REPO / "benchmarks" / "results"
DEFAULT_SIZES = (5000, 20000, 50000)
QUICK_SIZES = (500,)
QUERIES = (("th", "อาเซียน"), ("en", "Cambodia"))
CPU_SAMPLE = 200  # releases in the in-process per-release CPU comparison
SUMMARY_RE = re.compile(r"(\d+) converted, (\d+) updated, (\d+) unchanged, (\d+) refused")


def _env() -> dict:
    env = dict(os.environ, PYTHAINLP_OFFLINE="1", PYTHONPATH=str(REPO))
    env.pop("PYTHONHASHSEED", None)
    return env


def _log(message: str) -> None:
    print(f"[bench {datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def _timed(name: str, cmd: list[str], site_dir: Path, ok_codes=(0,)) -> tuple[Measurement, str]:
    log = site_dir / "logs" / f"{name}.log"
    try:
        measured = run(cmd, cwd=REPO, env=_env(), log=log, ok_codes=ok_codes)
    except CommandFailed as exc:
        raise SystemExit(f"bench: step '{name}' failed:\n{exc}") from None
    _log(f"{name}: {measured.seconds:.1f} s, peak {measured.peak_tree_mb:.0f} MB")
    return measured, log.read_text(encoding="utf-8", errors="replace")


def _json_line(text: str) -> dict:
    return json.loads([line for line in text.splitlines() if line.startswith("{")][-1])


def measure_conversion(corpus_dir: Path, site_dir: Path, jobs: int) -> dict:
    """Converter vs. the newmm floor on the same files with the same number of processes."""
    out = site_dir / "content" / "releases"
    cmd = [sys.executable, "-m", "briefing", "convert", str(corpus_dir), "--out", str(out),
           "--jobs", str(jobs), "--quiet", "--taxonomy", str(REPO / "content" / "taxonomy")]
    conv, text = _timed("convert", cmd, site_dir, ok_codes=(0, 1))  # 1: some files refused
    counts = SUMMARY_RE.findall(text)
    converted, _, _, refused = (int(x) for x in counts[-1]) if counts else (0, 0, 0, 0)
    floor, text = _timed("floor_newmm", [sys.executable, "-m", "benchmarks.floor",
                                         str(corpus_dir), "--jobs", str(jobs)], site_dir)
    totals = _json_line(text)
    files, chars = totals["files"], totals["chars"]
    _, text = _timed("cpu_share", [sys.executable, "-m", "benchmarks.cpu_share", str(corpus_dir),
                                   "--sample", str(CPU_SAMPLE)], site_dir)
    return {
        "per_release_cpu": _json_line(text),  # in one process, release by release: load-proof
        "jobs": jobs, "files": files, "chars": chars, "converted": converted, "refused": refused,
        "converter": conv.as_dict(), "floor": floor.as_dict(),
        "releases_per_s": round(files / conv.seconds, 2),
        "chars_per_s": round(chars / conv.seconds),
        "floor_releases_per_s": round(files / floor.seconds, 2),
        "floor_chars_per_s": round(chars / floor.seconds),
        "ratio": round(floor.seconds / conv.seconds, 3),  # throughput: converter / floor
        "cpu_ratio": round(floor.cpu_seconds / conv.cpu_seconds, 3),
    }


def _output_stats(folder: Path) -> dict:
    return site_stats(folder)


def measure_full_build(site_dir: Path) -> dict:
    """The full build (empty content cache, fresh output) with the benchmark's editor note."""
    slug = site.first_release(site_dir)
    site.write_note(site_dir, slug, 1)
    full, _ = _timed("build_full", site.pelican_cmd(site_dir), site_dir)
    return {"slug": slug, "full": full.as_dict(), "output": _output_stats(site_dir / "output")}


def measure_anchor(site_dir: Path, out: dict) -> None:
    """Bare Pelican (``simple`` theme) plus Pagefind on the same Markdown, into ``out``."""
    bare, _ = _timed("bare_pelican", site.pelican_cmd(site_dir, bare=True), site_dir)
    pagefind, _ = _timed("bare_pagefind", site.pagefind_cmd(site_dir), site_dir)
    anchor_s, anchor_cpu = bare.seconds + pagefind.seconds, bare.cpu_seconds + pagefind.cpu_seconds
    out.update(
        output_bare=_output_stats(site_dir / "output-bare"),
        bare_pelican=bare.as_dict(), bare_pagefind=pagefind.as_dict(),
        bare_seconds=round(anchor_s, 3), bare_cpu_seconds=round(anchor_cpu, 3),
        bare_peak_mb=round(max(bare.peak_tree_mb, pagefind.peak_tree_mb), 1),
        ratio=round(out["full"]["seconds"] / anchor_s, 3),
        cpu_ratio=round(out["full"]["cpu_seconds"] / anchor_cpu, 3))


def measure_rebuild(site_dir: Path, out: dict, key: str) -> None:
    """A rebuild with the content cache (``rebuild_unchanged``, or ``rebuild_note`` after the
    note is edited), as a share of the full build, into ``out``."""
    if key == "rebuild_note":
        site.write_note(site_dir, out["slug"], 2)
    m, _ = _timed(key, site.pelican_cmd(site_dir), site_dir)
    out.update({key: m.as_dict(), f"{key}_ratio": round(m.seconds / out["full"]["seconds"], 3),
                f"{key}_cpu_ratio": round(m.cpu_seconds / out["full"]["cpu_seconds"], 3)})


def measure_weights(site_dir: Path, slug: str) -> dict:
    out = site_dir / "output"
    pages = {"release_th": f"th/releases/{slug}/", "release_en": f"en/releases/{slug}/",
             "home_th": "th/", "home_en": "en/", "landing": "index.html"}
    return {name: site.page_weight(out, url) for name, url in pages.items()
            if (out / url).exists()}


def bench_size(size: int, args, result: dict, save=lambda: None) -> dict:
    """Every measurement for one corpus size into ``result``; ``save()`` after each figure.

    Order: conversion, full build, page weight, search (needs only the built site), the bare
    anchor, then the two rebuilds.
    """
    _log(f"size {size}: corpus")
    corpus_dir = corpus.make_corpus(args.source, size, args.work)
    site_dir = site.site_dir(args.work, size)
    site.prepare(site_dir)
    result.update(size=size, corpus=str(corpus_dir))
    result["conversion"] = measure_conversion(corpus_dir, site_dir, args.jobs)
    save()
    build = result["build"] = measure_full_build(site_dir)
    result["page_weight"] = measure_weights(site_dir, build["slug"])
    save()
    if args.search_repeats > 0:
        from benchmarks.search_probe import run_probes

        _log(f"size {size}: search in Chromium")
        result["search"] = run_probes(site_dir / "output", list(QUERIES), args.search_repeats)
        save()
    measure_anchor(site_dir, build)
    save()
    for key in ("rebuild_unchanged", "rebuild_note"):
        measure_rebuild(site_dir, build, key)
        save()
    return result


def machine() -> dict:
    """Where the figures come from."""
    info = {"cores": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform()}
    try:
        mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
        info["memory_gb"] = round(int(mem) / 2**20, 1)
        cpu = [ln for ln in Path("/proc/cpuinfo").read_text().splitlines() if "model name" in ln]
        info["cpu"] = cpu[0].split(":", 1)[1].strip() if cpu else platform.processor()
        info["load_average_at_start"] = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        pass
    try:
        info["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                                        capture_output=True, text=True).stdout.strip()
    except OSError:
        pass
    return info


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.bench", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default=None,
                        help="comma-separated corpus sizes (default 5000,20000,50000)")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 500 releases, results under benchmarks/work/")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE,
                        help="folder of real *.txt releases (default ../shared/corpus/sample)")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                        help="worker processes for the converter and its anchor (default: cores)")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK,
                        help="scratch folder for corpora and sites (default benchmarks/work)")
    parser.add_argument("--results", type=Path, default=None,
                        help="where JSON and latest.md go (default benchmarks/results)")
    parser.add_argument("--search-repeats", type=int, default=3,
                        help="runs per search query, median kept (0: skip the browser)")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick and not args.sizes else \
        tuple(int(s) for s in (args.sizes or ",".join(map(str, DEFAULT_SIZES))).split(","))
    args.sizes = sizes
    if args.results is None:
        args.results = DEFAULT_WORK / "results-quick" if args.quick else DEFAULT_RESULTS
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.source.is_dir() or not corpus.source_files(args.source):
        print(f"bench: skipped — no corpus at {args.source} (the real releases are needed; "
              "pass --source FOLDER)", file=sys.stderr)
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    started = time.time()
    results = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine(),
               "source": str(args.source), "sizes": []}
    for size in args.sizes:
        results["sizes"].append({})

        def save():  # after each figure: a long or interrupted run keeps what it has
            results["seconds"] = round(time.time() - started, 1)
            report.write(results, args.results)

        bench_size(size, args, results["sizes"][-1], save)
        save()
    print(report.markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
