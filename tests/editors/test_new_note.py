"""``invoke new-note SLUG`` scaffolds a note for a known release and refuses an unknown slug."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from editors_site import REPO

from briefing.editors.check import check_site
from briefing.editors.notes import NOTE_PLACEHOLDER, parse_note, scaffold_note

SLUG = "2024-03-24-80784"
TODAY = dt.date(2026, 11, 22)


def test_scaffold_fills_front_matter_and_numbers_files(site):
    first = scaffold_note(site / "content", SLUG, "th", "สมชาย ใจดี", TODAY)
    second = scaffold_note(site / "content", SLUG, "en", "", TODAY)
    assert first.name == f"2026-11-22-{SLUG}-1.md" and second.name == f"2026-11-22-{SLUG}-2.md"
    note = parse_note(first.read_text("utf-8"), "n.md")
    assert (note.release, note.author, note.date, note.lang) == (SLUG, "สมชาย ใจดี", TODAY, "th")
    assert NOTE_PLACEHOLDER in first.read_text("utf-8")


def test_check_flags_an_unedited_scaffold_until_the_text_is_written(site):
    path = scaffold_note(site / "content", SLUG, "en", "Nok", TODAY)
    rel = path.relative_to(site).as_posix()
    problems, _ = check_site(site)
    assert [str(p) for p in problems] == [f"{rel}:7: replace the placeholder text with your note"]
    text = path.read_text("utf-8")
    path.write_text(text[: text.index(NOTE_PLACEHOLDER)] + "A real note.\n", "utf-8")
    assert check_site(site)[0] == []


def test_unknown_slug_is_refused_with_close_matches(site):
    with pytest.raises(
        ValueError,
        match=r"no release with slug '2024-03-24-8078'.*did you mean "
        r"2024-03-24-80784",
    ):
        scaffold_note(site / "content", "2024-03-24-8078", "en", "Nok", TODAY)
    assert not list((site / "content" / "notes").glob("*-2024-03-24-8078-*"))


def test_invoke_new_note_refuses_an_unknown_slug():
    notes = sorted((REPO / "content" / "notes").glob("*.md"))
    run = subprocess.run(
        [sys.executable, "-m", "invoke", "new-note", "no-such-release"],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert run.returncode != 0
    assert "new-note: no release with slug 'no-such-release'" in run.stderr
    assert sorted((REPO / "content" / "notes").glob("*.md")) == notes
