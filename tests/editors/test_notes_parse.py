"""``briefing.editors.notes``: front matter with lines, safe Markdown, editors' file quirks."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.editors.notes import NoteError, parse_note, read_front_matter, render_markdown_safe

NOTE = "---\nrelease: r-1\nauthor: A\ndate: 2026-01-02\nlang: th\n---\n{body}\n"


def test_bom_and_windows_line_endings_are_accepted(tmp_path):
    path = tmp_path / "n.md"
    path.write_bytes(("\ufeff" + NOTE.format(body="สวัสดี")).replace("\n", "\r\n").encode())
    note = parse_note(path.read_text("utf-8"), "n.md")
    assert (note.release, note.date, note.html) == ("r-1", dt.date(2026, 1, 2), "<p>สวัสดี</p>")


def test_key_and_item_lines_are_file_lines():
    fm = read_front_matter("\n---\na: 1\nlist:\n  - x\n  - y\n---\nbody\n", "f.md")
    assert fm.line("a") == 3 and fm.line("list", 1) == 6 and fm.body_line == 8


def test_markdown_structure_survives_and_links_are_marked():
    html = render_markdown_safe(
        "## Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code` and [UNODC](https://unodc.org)"
    )
    assert "<table>" in html and "<code>code</code>" in html
    assert '<a href="https://unodc.org" rel="nofollow ugc">UNODC</a>' in html
    assert "<h2>" not in html, "note headings may not compete with the page's own h2"


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](  JAVASCRIPT:alert(1))",
        '<a href="vbscript:msgbox(1)">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        "<style>body{display:none}</style>",
        '<div style="position:fixed">x</div>',
        "<svg><script>alert(1)</script></svg>",
        '<form action="https://evil.example"><input name=q></form>',
        "<!-- <script>alert(1)</script> -->",
    ],
)
def test_nothing_active_survives(body):
    html = render_markdown_safe(body).lower()
    for bad in (
        "<script",
        "onerror",
        "javascript:",
        "vbscript:",
        "<iframe",
        "<style",
        "style=",
        "<svg",
        "<form",
        "<input",
        "<!--",
    ):
        assert bad not in html, (body, html)


def test_missing_field_and_empty_body_are_refused():
    with pytest.raises(NoteError, match=r"^n.md:1: missing required field 'author'"):
        parse_note(NOTE.format(body="x").replace("author: A\n", ""), "n.md")
    with pytest.raises(NoteError, match=r"^n.md:7: the note has no text"):
        parse_note(NOTE.format(body=""), "n.md")
