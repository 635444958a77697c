"""Benchmark results as JSON and as a Markdown report (goals per size, then scaling).

``write`` stores ``bench-<UTC date>.json``, ``latest.json`` and ``latest.md`` in the results
folder. The scaling table gives each figure at every size and its growth exponent
``log(v_last / v_first) / log(n_last / n_first)`` (1.0 = linear, below 1 = better than linear).
"""

from __future__ import annotations

import json
import math
from pathlib import Path

KB = 1024
MEMORY_GOAL_MB = 1024
MEMORY_GOAL_SIZE = 5000


def _ok(met: bool) -> str:
    return "yes" if met else "**no**"


def goal_rows(size: dict) -> list[tuple[str, str, str, str, str, str]]:
    """(figure, measured, anchor, ratio, goal, met) for one size."""
    conv, build = size["conversion"], size["build"]
    full = build["full"]["seconds"]
    rows = [
        ("Conversion throughput",
         f"{conv['releases_per_s']:.1f} releases/s, {conv['chars_per_s'] / 1000:.0f} k chars/s",
         f"newmm: {conv['floor_releases_per_s']:.1f} releases/s", f"{conv['ratio']:.0%}",
         "≥ 70 %", _ok(conv["ratio"] >= 0.70)),
        ("Full site build", f"{full:.1f} s",
         f"bare Pelican + Pagefind: {build['bare_seconds']:.1f} s", f"{build['ratio']:.2f}×",
         "≤ 2×", _ok(build["ratio"] <= 2)),
        ("Rebuild, nothing changed", f"{build['rebuild_unchanged']['seconds']:.1f} s",
         f"full build: {full:.1f} s", f"{build['rebuild_unchanged_ratio']:.0%}", "≤ 30 %",
         _ok(build["rebuild_unchanged_ratio"] <= 0.30)),
        ("Rebuild, one note changed", f"{build['rebuild_note']['seconds']:.1f} s",
         f"full build: {full:.1f} s", f"{build['rebuild_note_ratio']:.0%}", "≤ 30 %",
         _ok(build["rebuild_note_ratio"] <= 0.30)),
    ]
    memory_goal = size["size"] <= MEMORY_GOAL_SIZE
    for label, peak in (("converter", conv["converter"]["peak_tree_mb"]),
                        ("full build", build["full"]["peak_tree_mb"]),
                        ("rebuild", build["rebuild_note"]["peak_tree_mb"])):
        rows.append((f"Peak memory, {label}", f"{peak:.0f} MB",
                     f"bare: {build['bare_peak_mb']:.0f} MB" if label != "converter" else
                     f"newmm: {conv['floor']['peak_tree_mb']:.0f} MB", "",
                     "≤ 1 GB" if memory_goal else "finishes",
                     _ok(peak <= MEMORY_GOAL_MB) if memory_goal else "yes"))
    for name, weight in size.get("page_weight", {}).items():
        is_release = name.startswith("release")
        rows.append((f"Page weight, {name.replace('_', ' ')}",
                     f"{weight['bytes'] / KB:.1f} KB ({weight['gzip_bytes'] / KB:.1f} KB gzip)",
                     ", ".join(f"{k} {v / KB:.1f}" for k, v in weight["by_kind"].items()), "",
                     "≤ 50 KB" if is_release else "—",
                     _ok(weight["bytes"] <= 50 * KB) if is_release else ""))
    for probe in size.get("search", []):
        total = probe["query_bytes"] + probe["page_load_bytes"]
        rows.append((f"Search '{probe['query']}' ({probe['lang']})",
                     f"{probe['first_results_ms']:.0f} ms to first results; "
                     f"{probe['query_bytes'] / KB:.0f} KB for the query",
                     f"page + Pagefind load {probe['page_load_bytes'] / KB:.0f} KB; "
                     f"{probe['status']}", f"{total / KB:.0f} KB in all",
                     "≤ 300 ms, ≤ 200 KB",
                     _ok(probe["first_results_ms"] <= 300 and probe["query_bytes"] <= 200 * KB)))
    return rows


SCALING = (
    ("Conversion, s", lambda s: s["conversion"]["converter"]["seconds"]),
    ("newmm floor, s", lambda s: s["conversion"]["floor"]["seconds"]),
    ("Full build, s", lambda s: s["build"]["full"]["seconds"]),
    ("Bare Pelican + Pagefind, s", lambda s: s["build"]["bare_seconds"]),
    ("Rebuild unchanged, s", lambda s: s["build"]["rebuild_unchanged"]["seconds"]),
    ("Rebuild one note, s", lambda s: s["build"]["rebuild_note"]["seconds"]),
    ("Peak MB, converter", lambda s: s["conversion"]["converter"]["peak_tree_mb"]),
    ("Peak MB, full build", lambda s: s["build"]["full"]["peak_tree_mb"]),
    ("Output pages (HTML)", lambda s: s["build"]["output"]["html_pages"]),
    ("Output MB", lambda s: s["build"]["output"]["mb"]),
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
        conv = size["conversion"]
        out += [f"## {size['size']:,} releases ({conv['converted']:,} converted, "
                f"{conv['refused']:,} refused; {conv['chars'] / 1e6:.1f} M chars; "
                f"{conv['jobs']} jobs; {size['build']['output']['html_pages']:,} HTML pages)", ""]
        out += _table(["Figure", "Measured", "Anchor / detail", "Ratio", "Goal", "Met"],
                      goal_rows(size))
        out.append("")
    sizes = [s["size"] for s in results["sizes"]]
    if len(sizes) > 1:
        out += ["## Scaling", "", "Growth exponent: 1.0 = linear, < 1 better than linear.", ""]
        rows = []
        for label, get in SCALING:
            values = []
            for s in results["sizes"]:
                try:
                    values.append(get(s))
                except KeyError:
                    values.append(None)
            rows.append([label, *map(_fmt, values), growth(sizes, values)])
        out += _table(["Figure", *(f"{n:,}" for n in sizes), "growth"], rows)
        out.append("")
    out += ["Times are wall-clock seconds of whole commands (start-up included); memory is the "
            "peak summed proportional set size of the command's process tree. Page weight counts "
            "the HTML and the CSS/JS/images it loads, search assets excluded; search bytes are "
            "what the local server sent (uncompressed).", ""]
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
