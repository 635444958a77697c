"""Acceptance: an editor's note and reviewed translation survive converter re-runs and render.

On a copy of the demo content: add a note (``new-note`` scaffold + text) and a reviewed English
translation, build, re-run the converter on the same sources (nothing changes), then on a changed
source (the translation is kept and flagged "may be out of date") after two taxonomy edits (a new
topic whose alias the release uses, a session's venue), and build again: all of it shows.
"""

from __future__ import annotations

import datetime as dt

from editors_build import build, check, convert, ok, output
from editors_site import active_content

from briefing.editors.notes import NOTE_PLACEHOLDER, read_front_matter, scaffold_note

SLUG = "2024-03-24-80784"  # seed 000: the 1st WG-AS meeting
SOURCE = "000_ee7779428f760dd8.txt"
TRANSLATION = (
    "On 19–21 March 2024 in Phnom Penh, the Permanent Secretary of the Ministry of Digital "
    "Economy and Society chaired the first meeting of the ASEAN Working Group on Anti-Online "
    "Scams (WG-AS). EDITOR-TRANSLATION-MARKER"
)
NOTE_TEXT = "The meeting's joint statement is on the [ASEAN site](https://asean.org/). NOTE-MARKER"
XSS = "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n"


NEW_TOPIC = """
- id: cooperation-platforms
  name: {th: เวทีความร่วมมือ, en: Cooperation platforms}
  aliases: {th: [เวทีความร่วมมือ], en: [cooperation platform]}
"""
VENUE = ("city: {th: กรุงพนมเปญ, en: Phnom Penh}", "city: {th: กรุงพนมเปญ, en: Phnom Penh VENUE}")


def edit_taxonomy(content) -> None:
    """What an editor does: add a topic, and a detail to the WG-AS 1 session (first Phnom Penh)."""
    topics, meetings = content / "taxonomy" / "topics.yaml", content / "taxonomy" / "meetings.yaml"
    topics.write_text(topics.read_text("utf-8") + NEW_TOPIC, "utf-8")
    text = meetings.read_text("utf-8")
    assert text.index(VENUE[0]) > text.index("- id: wg-as\n")
    meetings.write_text(text.replace(*VENUE, 1), "utf-8")


def page(root, lang: str) -> str:
    return (root / "output" / lang / "releases" / SLUG / "index.html").read_text("utf-8")


def review_translation(en_file) -> None:
    """What an editor does: replace the English body, set translation_status: reviewed."""
    text = en_file.read_text("utf-8")
    fm = read_front_matter(text, str(en_file))
    head = text[: len(text) - len(fm.body)]
    assert "translation_status: machine" in head
    head = head.replace("translation_status: machine", "translation_status: reviewed")
    en_file.write_text(head + "\n" + TRANSLATION + "\n", "utf-8")


def test_note_and_reviewed_translation_survive_reconversion(demo):
    content = demo / "content"
    en_file = content / "releases" / "en" / f"{SLUG}.md"
    note = scaffold_note(content, SLUG, "en", "Nok Editor", dt.date(2026, 11, 20))
    note.write_text(
        note.read_text("utf-8").replace(
            note.read_text("utf-8").split("---\n", 2)[2], NOTE_TEXT + "\n"
        ),
        "utf-8",
    )
    assert NOTE_PLACEHOLDER not in note.read_text("utf-8")
    hostile = scaffold_note(
        content, SLUG, "en", "<b onmouseover=alert(1)>X</b>", dt.date(2026, 11, 21)
    )
    hostile.write_text(hostile.read_text("utf-8").split(NOTE_PLACEHOLDER)[0] + XSS, "utf-8")
    review_translation(en_file)
    run = check(demo)  # the hostile note is named (the build drops its HTML), nothing else
    named = hostile.relative_to(demo).as_posix()
    warned = run.stdout.splitlines()[:-1]  # then the OK summary: warnings stop nothing
    assert ok(run) and warned and run.stdout.splitlines()[-1].startswith("OK"), output(run)
    assert all(line.startswith(f"{named}:") and "warning: the site removes" in line
               for line in warned), output(run)

    assert ok(run := build(demo)), output(run)
    en, th = page(demo, "en"), page(demo, "th")
    assert "EDITOR-TRANSLATION-MARKER" in en
    assert "Reviewed translation" in en and "may be out of date" not in en
    assert "NOTE-MARKER" in en and "Nok Editor" in en and '<time datetime="2026-11-20">' in en
    assert en.index("EDITOR-TRANSLATION-MARKER") < en.index("NOTE-MARKER"), "note after the text"
    assert "NOTE-MARKER" not in th and 'class="lang-tag"' in th and "Nok Editor" in th
    for html in (en, th):  # the hostile note is shown, but nothing in it can run
        assert active_content(html) == []
    assert '<img src="x">' in en and "&lt;b onmouseover=alert(1)&gt;X&lt;/b&gt;" in en

    hostile.unlink()  # shown safe; without it check is clean again
    edited, note_text = en_file.read_text("utf-8"), note.read_text("utf-8")
    assert ok(run := convert(demo)), output(run)
    assert en_file.read_text("utf-8") == edited, "same sources: the edited file is untouched"
    assert note.read_text("utf-8") == note_text

    edit_taxonomy(content)
    assert ok(run := check(demo)), output(run)
    source = content / "sources" / SOURCE
    source.write_text(source.read_text("utf-8").rstrip("\n") + "\n\nย่อหน้าใหม่ที่เพิ่มในข่าว\n", "utf-8")
    assert ok(run := convert(demo)), output(run)
    fm = read_front_matter(en_file.read_text("utf-8"), str(en_file))
    assert fm.data["translation_status"] == "reviewed"
    assert fm.data["translation_outdated"] is True
    assert TRANSLATION in fm.body
    th_file = content / "releases" / "th" / f"{SLUG}.md"
    assert "ย่อหน้าใหม่ที่เพิ่มในข่าว" in th_file.read_text("utf-8"), "Thai page refreshed"
    assert note.read_text("utf-8") == note_text

    assert ok(run := build(demo)), output(run)
    en = page(demo, "en")
    assert "EDITOR-TRANSLATION-MARKER" in en and "NOTE-MARKER" in en
    assert "Translation may be out of date" in en
    for lang in ("th", "en"):
        path = content / "releases" / lang / f"{SLUG}.md"
        data = read_front_matter(path.read_text("utf-8"), "x").data  # about it, or in passing
        assert "cooperation-platforms" in data["topics"] + data["mentions"].get("topics", [])
    topic = demo / "output" / "en" / "topics" / "cooperation-platforms" / "index.html"
    topic_page = topic.read_text("utf-8")
    assert "Cooperation platforms" in topic_page and f"releases/{SLUG}/" in topic_page
    session = demo / "output" / "en" / "meetings" / "wg-as" / "1" / "index.html"
    assert "Phnom Penh VENUE" in session.read_text("utf-8")
