"""Benchmark results as JSON and as a Markdown report (goals per size, then scaling).

``write`` stores ``bench-<UTC date>.json``, ``latest.json`` and ``latest.md`` in the results
folder. The scaling table gives each figure at every size and its growth exponent
``log(v_last / v_first) / log(n_last / n_first)`` (1.0 = linear, below 1 = better than linear).
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

from benchmarks.sitesize import size_rows

KB = 1024
MEMORY_GOAL_MB = 1024
MEMORY_GOAL_SIZE = 5000


def _ok(met: bool) -> str:
    return "yes" if met else "**no**"


def _t(m: dict) -> str:
    return f"{m['seconds']:.1f} s (cpu {m['cpu_seconds']:.1f} s)"


def _conversion_rows(conv: dict) -> list:
    rows = [("Conversion throughput",
             f"{conv['releases_per_s']:.1f} releases/s, {conv['chars_per_s'] / 1000:.0f} k chars/s;"
             f" {_t(conv['converter'])}",
             f"newmm: {conv['floor_releases_per_s']:.1f} releases/s; {_t(conv['floor'])}",
             f"{conv['ratio']:.0%} (cpu {conv['cpu_ratio']:.0%})", "≥ 70 %",
             _ok(conv["ratio"] >= 0.70))]
    share = conv.get("per_release_cpu")
    if share:
        rows.append(("Conversion, CPU per release (one process)",
                     f"{share['convert_cpu_s'] / share['files'] * 1000:.1f} ms",
                     f"newmm: {share['floor_cpu_s'] / share['files'] * 1000:.1f} ms "
                     f"({share['files']} releases alternated)", f"{share['ratio']:.0%}",
                     "≥ 70 %", _ok(share["ratio"] >= 0.70)))
    return rows


def _build_rows(build: dict) -> list:
    rows = []
    full = build["full"]
    if "bare_seconds" in build:
        rows.append(("Full site build", _t(full),
                     f"bare Pelican + Pagefind: {build['bare_seconds']:.1f} s "
                     f"(cpu {build['bare_cpu_seconds']:.1f} s)",
                     f"{build['ratio']:.2f}× (cpu {build['cpu_ratio']:.2f}×)", "≤ 2×",
                     _ok(build["ratio"] <= 2)))
    for key, label in (("rebuild_unchanged", "Rebuild, nothing changed"),
                       ("rebuild_note", "Rebuild, one note changed")):
        if key in build:
            rows.append((label, _t(build[key]), f"full build: {full['seconds']:.1f} s",
                         f"{build[key + '_ratio']:.0%} (cpu {build[key + '_cpu_ratio']:.0%})",
                         "≤ 30 %", _ok(build[key + "_ratio"] <= 0.30)))
    return rows


def _memory_rows(size: dict) -> list:
    conv, build = size.get("conversion", {}), size.get("build", {})
    goal = size["size"] <= MEMORY_GOAL_SIZE
    peaks = [("converter", conv.get("converter"), "newmm", conv.get("floor", {})),
             ("full build", build.get("full"), "bare", {"peak_tree_mb": build.get("bare_peak_mb")}),
             ("rebuild", build.get("rebuild_note"), "bare",
              {"peak_tree_mb": build.get("bare_peak_mb")})]
    rows = []
    for label, m, anchor, am in peaks:
        if not m:
            continue
        peak = m["peak_tree_mb"]
        rows.append((f"Peak memory, {label}", f"{peak:.0f} MB",
                     f"{anchor}: {am['peak_tree_mb']:.0f} MB" if am.get("peak_tree_mb") else "",
                     "", "≤ 1 GB" if goal else "finishes",
                     _ok(peak <= MEMORY_GOAL_MB) if goal else "yes"))
    return rows


def _weight_rows(weights: dict) -> list:
    rows = []
    for name, weight in weights.items():
        is_release = name.startswith("release")
        rows.append((f"Page weight, {name.replace('_', ' ')}",
                     f"{weight['bytes'] / KB:.1f} KB ({weight['gzip_bytes'] / KB:.1f} KB gzip)",
                     ", ".join(f"{k} {v / KB:.1f}" for k, v in weight["by_kind"].items()), "",
                     "≤ 50 KB" if is_release else "—",
                     _ok(weight["bytes"] <= 50 * KB) if is_release else ""))
    return rows


def _largest_rows(build: dict) -> list:
    """The heaviest HTML pages of our site and of the bare anchor (pages must stay light)."""
    rows = []
    for key, label in (("output", "Largest HTML page"), ("output_bare", "Largest HTML, bare")):
        stats = build.get(key, {})
        if stats.get("largest_html"):
            path, size = stats["largest_html"][0]
            rows.append((label, f"{size / KB:,.0f} KB: /{path}",
                         f"{stats['html_over_100kb']:,} of {stats['html_pages']:,} pages "
                         "over 100 KB", "", "—", ""))
    return rows


def _search_rows(probes: list) -> list:
    """Bytes on the wire (gzip for text, as GitHub Pages sends it); uncompressed in brackets
    when the probe recorded both. Goal: first results ≤ 300 ms, page + query ≤ 200 KB."""
    rows = []
    for probe in probes:
        total = probe["query_bytes"] + probe["page_load_bytes"]
        raw = ""
        if "page_load_bytes_raw" in probe:
            raw_total = probe["page_load_bytes_raw"] + probe["query_bytes_raw"]
            raw = f" ({raw_total / KB:.0f} KB uncompressed)"
        ready = f"ready {probe['ready_ms']:.0f} ms after navigation; " if "ready_ms" in probe \
            else ""
        panel = (f"; opening the filters panel adds {probe['filters_bytes'] / KB:.0f} KB"
                 if "filters_bytes" in probe else "")
        rows.append((f"Search '{probe['query']}' ({probe['lang']})",
                     f"{probe['first_results_ms']:.0f} ms to first results; "
                     f"{probe['query_bytes'] / KB:.0f} KB for the query",
                     f"{ready}page + Pagefind load {probe['page_load_bytes'] / KB:.0f} KB; "
                     f"{probe['status']}; runs {probe.get('runs_ms')} ms{panel}",
                     f"{total / KB:.0f} KB in all{raw}", "≤ 300 ms, ≤ 200 KB",
                     _ok(probe["first_results_ms"] <= 300 and total <= 200 * KB)))
    return rows


def goal_rows(size: dict) -> list[tuple[str, str, str, str, str, str]]:
    """(figure, measured, anchor, ratio, goal, met) for one size (figures measured so far)."""
    rows = []
    if "conversion" in size:
        rows += _conversion_rows(size["conversion"])
    if "full" in size.get("build", {}):
        rows += _build_rows(size["build"])
    rows += _memory_rows(size)
    rows += _weight_rows(size.get("page_weight", {}))
    rows += size_rows(size.get("build", {}).get("output", {}), size.get("size"), _ok)
    rows += _largest_rows(size.get("build", {}))
    rows += _search_rows(size.get("search", []))
    return rows


SCALING = (
    ("Conversion, s", lambda s: s["conversion"]["converter"]["seconds"]),
    ("newmm floor, s", lambda s: s["conversion"]["floor"]["seconds"]),
    ("Full build, s", lambda s: s["build"]["full"]["seconds"]),
    ("Bare Pelican + Pagefind, s", lambda s: s["build"]["bare_seconds"]),
    ("Conversion, cpu s", lambda s: s["conversion"]["converter"]["cpu_seconds"]),
    ("newmm floor, cpu s", lambda s: s["conversion"]["floor"]["cpu_seconds"]),
    ("Full build, cpu s", lambda s: s["build"]["full"]["cpu_seconds"]),
    ("Bare Pelican + Pagefind, cpu s", lambda s: s["build"]["bare_cpu_seconds"]),
    ("Rebuild one note, cpu s", lambda s: s["build"]["rebuild_note"]["cpu_seconds"]),
    ("Rebuild unchanged, s", lambda s: s["build"]["rebuild_unchanged"]["seconds"]),
    ("Rebuild one note, s", lambda s: s["build"]["rebuild_note"]["seconds"]),
    ("Peak MB, converter", lambda s: s["conversion"]["converter"]["peak_tree_mb"]),
    ("Peak MB, full build", lambda s: s["build"]["full"]["peak_tree_mb"]),
    ("Output pages (HTML)", lambda s: s["build"]["output"]["html_pages"]),
    ("Output MB", lambda s: s["build"]["output"]["mb"]),
    ("Largest HTML page, KB", lambda s: s["build"]["output"]["largest_html"][0][1] / KB),
    ("Search th, ms", lambda s: _probe(s, "th", "first_results_ms")),
    ("Search en, ms", lambda s: _probe(s, "en", "first_results_ms")),
    ("Search th, query KB", lambda s: _probe(s, "th", "query_bytes", KB)),
    ("Search en, query KB", lambda s: _probe(s, "en", "query_bytes", KB)),
)


def _probe(size: dict, lang: str, key: str, scale: float = 1) -> float | None:
    for probe in size.get("search", []):
        if probe["lang"] == lang:
            return probe[key] / scale
    return None


def growth(sizes: list[int], values: list[float | None]) -> str:
    """Growth exponent from the first to the last size (1.0 = linear)."""
    pairs = [(n, v) for n, v in zip(sizes, values, strict=True) if v]
    if len(pairs) < 2 or pairs[0][0] == pairs[-1][0]:
        return ""
    (n0, v0), (n1, v1) = pairs[0], pairs[-1]
    return f"{math.log(v1 / v0) / math.log(n1 / n0):.2f}"


def _fmt(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _table(header: list[str], rows: list) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def markdown(results: dict) -> str:
    """The whole report."""
    m = results["machine"]
    out = ["# Briefing benchmarks", "",
           f"{results['date']} · {m.get('cores')} cores ({m.get('cpu', '?')}), "
           f"{m.get('memory_gb', '?')} GB RAM · Python {m.get('python')} · commit "
           f"{m.get('commit', '?')} · load average at start {m.get('load_average_at_start')} · "
           f"run took {results.get('seconds', 0) / 60:.1f} min", ""]
    for size in results["sizes"]:
        if "size" not in size:
            continue
        conv = size.get("conversion", {})
        pages = size.get("build", {}).get("output", {}).get("html_pages")
        head = f"## {size['size']:,} releases"
        if conv:
            head += (f" ({conv['converted']:,} converted, {conv['refused']:,} refused; "
                     f"{conv['chars'] / 1e6:.1f} M chars; {conv['jobs']} jobs"
                     + (f"; {pages:,} HTML pages)" if pages else ")"))
        if size.get("run_date"):
            head += (f" — run {size['run_date']}, commit {size.get('run_commit')}, "
                     f"{size.get('run_cpu')}, load average {size.get('run_load')}")
        out += [head, ""]
        out += _table(["Figure", "Measured", "Anchor / detail", "Ratio", "Goal", "Met"],
                      goal_rows(size))
        out.append("")
    sizes = [s["size"] for s in results["sizes"] if "size" in s]
    if len(sizes) > 1:
        out += ["## Scaling", "", "Growth exponent: 1.0 = linear, < 1 better than linear.", ""]
        rows = []
        for label, get in SCALING:
            values = []
            for s in results["sizes"]:
                try:
                    values.append(get(s))
                except (KeyError, TypeError):
                    values.append(None)
            rows.append([label, *map(_fmt, values), growth(sizes, values)])
        out += _table(["Figure", *(f"{n:,}" for n in sizes), "growth"], rows)
        out.append("")
    out += ["Times are wall-clock seconds of whole commands (start-up included); memory is the "
            "peak summed proportional set size of the command's process tree. Page weight counts "
            "the HTML and the CSS/JS/images it loads, search assets excluded; search bytes are "
            "what the local server sent, text gzip-encoded as GitHub Pages sends it (Pagefind's "
            "own files are gzip already and go as they are). The machine is shared: cpu seconds "
            "(user + system of the command and its children) are steadier than wall-clock "
            "seconds.", ""]
    return "\n".join(out)


def write(results: dict, folder: Path) -> Path:
    """Store the JSON (dated and latest) and latest.md; return the dated JSON's path."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = results["date"][:16].replace(":", "").replace("-", "")
    text = json.dumps(results, ensure_ascii=False, indent=1) + "\n"
    dated = folder / f"bench-{stamp}.json"
    dated.write_text(text, encoding="utf-8")
    (folder / "latest.json").write_text(text, encoding="utf-8")
    (folder / "latest.md").write_text(markdown(results), encoding="utf-8")
    return dated


def combine(paths: list[Path]) -> dict:
    """One result set from several runs (sizes sorted; each size keeps its run's date, load and
    commit; a size measured by several runs is taken from the latest of them)."""
    runs = sorted((json.loads(p.read_text(encoding="utf-8")) for p in paths),
                  key=lambda r: r["date"])
    latest = runs[-1]
    by_size = {}
    for run in runs:  # oldest first: a later run of the same size replaces an earlier one
        for size in run["sizes"]:
            by_size[size.get("size", 0)] = dict(
                size, run_date=run["date"], run_commit=run["machine"].get("commit"),
                run_cpu=run["machine"].get("cpu"),
                run_load=run["machine"].get("load_average_at_start"))
    return {**latest, "sizes": [by_size[n] for n in sorted(by_size)],
            "combined_from": [str(p) for p in paths]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.report",
        description="Combine result files of separate runs (e.g. one size each) into one report "
                    "with the scaling table.")
    parser.add_argument("results", nargs="+", type=Path, help="result JSON files")
    parser.add_argument("--out", type=Path, required=True, help="folder for JSON and latest.md")
    args = parser.parse_args(argv)
    print(write(combine(args.results), args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
