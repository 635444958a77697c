"""Editor notes: read ``content/notes/*.md`` and render their Markdown body to safe HTML.

A note is a Markdown file with YAML front matter::

    ---
    release: 2024-03-24-80784   # slug of the release it comments on
    author: Somchai P.
    date: 2026-11-22
    lang: en                    # th | en — the language the note is written in
    title: Optional heading
    ---
    Markdown body.

Editor text is untrusted input: the body goes through Markdown and then the ``nh3`` sanitiser
(:mod:`briefing.editors.safe_markdown`). :func:`note_problems` lists every problem of a note,
placeholders left by :func:`scaffold_note` or the site's "Add a note" link included. The
front-matter reader (:mod:`briefing.frontmatter`) keeps the line of every key so
``briefing.editors.check`` and the Pelican plugin report ``path:line: …``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefing.contract import LANGS, as_date, buddhist_era_hint
from briefing.editors.safe_markdown import (  # noqa: F401
    NOTE_WITHOUT,
    removed_lines,
    render_markdown_safe,
    sanitise_html,
)
from briefing.frontmatter import FrontMatter, read_front_matter
from briefing.frontmatter import FrontMatterError as NoteError

NOTE_REQUIRED = ("release", "author", "date", "lang")


class NoteWarning(NoteError):
    """Something in a note the site removes (markup the sanitiser drops): said, not refused."""


@dataclass(frozen=True)
class Note:
    """One editor note, ready for templates (``html`` is already sanitised)."""

    release: str
    author: str
    date: dt.date
    lang: str
    html: str
    source_path: str
    title: str = ""
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    @property
    def id(self) -> str:
        """A stable HTML id for the note (from its file name)."""
        return "note-" + re.sub(r"[^a-z0-9-]+", "-", Path(self.source_path).stem.lower())


def note_problems(fm: FrontMatter, path: str) -> list[NoteError]:
    """Every problem of a note's front matter and body (empty when the note can be used)."""
    out = [NoteError(path, fm.start_line, f"missing required field '{key}'")
           for key in NOTE_REQUIRED
           if fm.data.get(key) is None or not str(fm.data[key]).strip()]
    if str(fm.data.get("author") or "").strip() == AUTHOR_PLACEHOLDER:
        out.append(NoteError(path, fm.line("author"), f"write your name in place of "
                             f"'{AUTHOR_PLACEHOLDER}'"))
    if Path(path).name.startswith(DATE_PLACEHOLDER):
        out.append(NoteError(path, 1, f"rename the file: today's date in place of "
                             f"{DATE_PLACEHOLDER} (notes are named {{date}}-{{slug}}-{{n}}.md)"))
    if str(fm.data.get("date")) == DATE_PLACEHOLDER:
        out.append(NoteError(path, fm.line("date"), f"write today's date in place of "
                             f"{DATE_PLACEHOLDER} (e.g. date: 2026-11-22)"))
    elif fm.data.get("date") is not None:
        if as_date(fm.data["date"]) is None:
            out.append(NoteError(path, fm.line("date"),
                                 f"bad date {fm.data['date']!r} (use YYYY-MM-DD)"))
        elif hint := buddhist_era_hint(fm.data["date"]):
            out.append(NoteError(path, fm.line("date"), f"bad date: {hint}"))
    lang = str(fm.data.get("lang") or "").strip()
    if lang and lang not in LANGS:
        out.append(NoteError(path, fm.line("lang"),
                             f"lang must be one of {', '.join(LANGS)}, not {lang!r}"))
    if not fm.body.strip():
        out.append(NoteError(path, fm.body_line, "the note has no text below the front matter"))
    return out


def parse_note(text: str, path: str) -> Note:
    """Read one note file's text; raise the first of its :class:`NoteError` (file:line)."""
    fm = read_front_matter(text, path)
    problems = note_problems(fm, path)
    if problems:
        raise problems[0]
    text_of = {key: str(fm.data.get(key) or "").strip() for key in (*NOTE_REQUIRED, "title")}
    return Note(release=text_of["release"], author=text_of["author"],
                date=as_date(fm.data["date"]), lang=text_of["lang"],
                html=render_markdown_safe(fm.body), source_path=path, title=text_of["title"],
                lines=fm.lines)


#: A note is a Markdown file; anything else in the notes folder is refused, not ignored.
NOTE_SUFFIXES = (".md", ".markdown")
NOT_A_NOTE = "not read: a note is a .md file (rename it to end in .md)"


def note_files(notes_dir: Path) -> tuple[list[Path], list[Path]]:
    """``(notes, others)``: the Markdown files under ``notes_dir`` and the other visible files
    (a ``.txt`` an editor meant as a note must not vanish silently)."""
    notes, others = [], []
    for file in sorted(Path(notes_dir).rglob("*")):
        if not file.is_file() or any(part.startswith(".") for part in file.parts[-1:]):
            continue
        (notes if file.suffix.lower() in NOTE_SUFFIXES else others).append(file)
    return notes, others


def note_file_problems(text: str, path: str) -> list[NoteError]:
    """Every problem of one note file's text, placeholders left by ``new-note`` included
    (:class:`NoteError` raised when the front matter cannot be read at all)."""
    fm = read_front_matter(text, path)
    found = note_problems(fm, path)
    found += [NoteWarning(path, line, message)  # the sanitiser removes it: say so
              for line, message in removed_lines(fm.body, fm.body_line, NOTE_WITHOUT)]
    if NOTE_PLACEHOLDER in text:
        line = text[: text.index(NOTE_PLACEHOLDER)].count("\n") + 1
        found.append(NoteError(path, line, "replace the placeholder text with your note"))
    return found


def read_notes(notes_dir: Path, relative_to: Path | None = None
               ) -> tuple[list[Note], list[NoteError]]:
    """``(notes, problems)`` of the notes folder: every usable note sorted by (date, path), and
    every problem of every file (``invoke check`` and the site build report the same)."""
    files, others = note_files(notes_dir)

    def shown(file: Path) -> str:
        return (file.relative_to(relative_to) if relative_to else file).as_posix()

    problems = [NoteError(shown(file), 1, NOT_A_NOTE) for file in others]
    notes = []
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
            found = note_file_problems(text, shown(file))
        except UnicodeDecodeError as exc:
            problems.append(NoteError(shown(file), 1, f"not UTF-8 text: {exc}"))
            continue
        except NoteError as exc:
            problems.append(exc)
            continue
        problems += found
        if not [p for p in found if not isinstance(p, NoteWarning)]:
            notes.append(parse_note(text, shown(file)))
    return sorted(notes, key=lambda n: (n.date, n.source_path)), problems


def group_by_release(notes: list[Note]) -> dict[str, list[Note]]:
    """Notes keyed by release slug, each list sorted by date."""
    grouped: dict[str, list[Note]] = {}
    for note in sorted(notes, key=lambda n: (n.date, n.source_path)):
        grouped.setdefault(note.release, []).append(note)
    return grouped


def orphan_notes(notes: list[Note], release_slugs: set[str]) -> list[NoteError]:
    """One error per note whose ``release`` names no known release slug."""
    return [NoteError(n.source_path, n.lines.get("release", 1),
                      f"note points at no release: '{n.release}'")
            for n in notes if n.release not in release_slugs]


NOTE_PLACEHOLDER = "Write your note here in Markdown"
NOTE_PLACEHOLDER_END = "context, a correction or a link to a source."
#: What a new note says until the editor fills it in (``check`` refuses it unchanged).
AUTHOR_PLACEHOLDER = "Your name"
DATE_PLACEHOLDER = "YYYY-MM-DD"


def note_file_name(day: str, slug: str, n: int | str) -> str:
    """The notes naming rule: ``{date}-{slug}-{n}.md``."""
    return f"{day}-{slug}-{n}.md"


def note_file_text(slug: str, lang: str, author: str, day: dt.date | str,
                   help_text: str = "") -> str:
    """A new note's text: front matter (``help_text`` as YAML comments first), the placeholder."""
    front = {"release": slug, "author": author or AUTHOR_PLACEHOLDER, "date": day, "lang": lang}
    comments = "".join(f"# {line}\n" for line in help_text.splitlines())
    text = yaml.safe_dump(front, sort_keys=False, allow_unicode=True)
    return f"---\n{comments}{text}---\n{NOTE_PLACEHOLDER}: {NOTE_PLACEHOLDER_END}\n"


def release_slugs(releases_dir: Path) -> set[str]:
    """Slugs of all release files under ``releases_dir`` (front matter ``slug``, else file stem)."""
    slugs = set()
    for file in Path(releases_dir).glob("*/*.md"):
        try:
            fm = read_front_matter(file.read_text(encoding="utf-8"), file.as_posix())
            slugs.add(str(fm.data.get("slug") or file.stem))
        except (NoteError, UnicodeDecodeError):
            slugs.add(file.stem)
    return slugs


def scaffold_note(content: Path, slug: str, lang: str, author: str, today: dt.date) -> Path:
    """Write ``content/notes/{today}-{slug}-{n}.md`` (first free n) with its front matter filled.

    Raises :class:`ValueError` naming close matches when ``slug`` is no known release.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    known = release_slugs(Path(content) / "releases")
    if slug not in known:
        close = difflib.get_close_matches(slug, sorted(known), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise ValueError(f"no release with slug {slug!r} under {content}/releases{hint}")
    folder = Path(content) / "notes"
    folder.mkdir(parents=True, exist_ok=True)
    n = 1
    while (folder / note_file_name(today.isoformat(), slug, n)).exists():
        n += 1
    path = folder / note_file_name(today.isoformat(), slug, n)
    with open(path, "x", encoding="utf-8") as fh:  # never overwrite an existing note
        fh.write(note_file_text(slug, lang, author, today))
    return path
