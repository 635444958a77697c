"""The committed demo content is what the converter makes of the committed sources and taxonomy.

A taxonomy or converter change that would alter a demo release must be landed together with the
re-converted files (``./dev.sh convert``); otherwise the site would show stale tags. The check is a
dry run of the real converter over the real tree: every release must come out "unchanged".
"""

from __future__ import annotations

from pathlib import Path

from briefing.convert.runner import run

ROOT = Path(__file__).resolve().parents[2]


def test_demo_releases_are_up_to_date_with_sources_and_taxonomy():
    summary = run([ROOT / "content" / "sources"], ROOT / "content" / "releases",
                  ROOT / "content" / "taxonomy", root=ROOT, jobs=2, dry_run=True)
    sources = sorted(p.name for p in (ROOT / "content" / "sources").glob("*.txt"))
    assert not summary.refused, [f"{r.source_file}: {r.reason}" for r in summary.refused]
    assert summary.updated == [] and summary.converted == [], (
        "content/releases is stale: run ./dev.sh convert and commit the result",
        summary.updated, summary.converted)
    assert summary.conflicts == []
    aliased = [n for n, note in summary.warnings if "also_published_as" in note]
    assert len(summary.unchanged) + len(aliased) == len(sources) >= 5
    assert not summary.off_topic()
