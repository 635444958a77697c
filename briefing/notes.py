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
(:mod:`briefing.safe_markdown`). :func:`note_problems` lists every problem of a note, placeholders
left by :func:`scaffold_note` or the site's "Add a note" link included. The front-matter reader
keeps the line of every key so ``briefing.check`` and the Pelican plugin report ``path:line: …``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefing.safe_markdown import render_markdown_safe, sanitise_html  # noqa: F401

LANGS = ("th", "en")
NOTE_REQUIRED = ("release", "author", "date", "lang")
FENCE = re.compile(r"^(---|\.\.\.)\s*$")


class TextDateLoader(yaml.SafeLoader):
    """SafeLoader keeping dates as text, so an impossible date is a checkable value, not a crash."""


TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class NoteError(ValueError):
    """A note or front matter that cannot be used; ``str()`` reads ``path:line: message``."""

    def __init__(self, path: str, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")


@dataclass(frozen=True)
class FrontMatter:
    """YAML front matter of a Markdown file, with the 1-based file line of each top-level key."""

    data: dict
    lines: dict[str, int]
    body: str
    start_line: int  # line of the opening ``---``
    body_line: int  # first line of the body
    item_lines: dict[str, list[int]] = field(default_factory=dict)  # list items / mapping keys

    def line(self, key: str, index: int | None = None) -> int:
        """The line of ``key`` (of its ``index``-th item if given; else the opening fence)."""
        if index is not None and index < len(self.item_lines.get(key, ())):
            return self.item_lines[key][index]
        return self.lines.get(key, self.start_line)


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


def yaml_error_mark(exc: yaml.YAMLError) -> tuple[yaml.Mark | None, str]:
    """Where to point an editor, and what to say: a scalar the scanner could not finish (an
    unclosed quote) is reported where it starts (``context_mark``), not at the end of the text
    where PyYAML gave up (``problem_mark``); anything else where the problem was found."""
    context, problem = getattr(exc, "context", None) or "", getattr(exc, "problem", None)
    context_mark = getattr(exc, "context_mark", None)
    if "quoted scalar" in context and context_mark is not None:
        return context_mark, f"the quoted text that starts on this line is not closed ({problem})"
    mark = getattr(exc, "problem_mark", None) or context_mark
    return mark, problem or str(exc).splitlines()[0]


def read_front_matter(text: str, path: str) -> FrontMatter:
    """Split ``---`` YAML front matter from the body; raise :class:`NoteError` with file:line."""
    lines = text.removeprefix("\ufeff").splitlines(keepends=True)  # editors' tools add BOMs
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first >= len(lines) or lines[first].strip() != "---":
        raise NoteError(
            path, first + 1 if lines else 1, "no YAML front matter (must start with ---)"
        )
    end = next((i for i in range(first + 1, len(lines)) if FENCE.match(lines[i])), None)
    if end is None:
        raise NoteError(path, first + 1, "front matter is not closed (no second --- line)")
    yaml_text = "".join(lines[first + 1 : end])
    offset = first + 1  # yaml marks are 0-based within yaml_text; file line = mark + offset + 1
    loader = TextDateLoader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark, problem = yaml_error_mark(exc)
        line = mark.line + offset + 1 if mark is not None else first + 1
        raise NoteError(path, line, f"malformed YAML front matter: {problem}") from None
    finally:
        loader.dispose()
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        raise NoteError(path, first + 2, "front matter must be a mapping of key: value lines")
    key_lines: dict[str, int] = {}
    item_lines: dict[str, list[int]] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            key, line = str(key_node.value), key_node.start_mark.line + offset + 1
            if key in key_lines:
                raise NoteError(
                    path, line, f"duplicate key '{key}' (first on line {key_lines[key]})"
                )
            key_lines[key] = line
            if isinstance(value, yaml.SequenceNode):
                items = value.value
            elif isinstance(value, yaml.MappingNode):
                items = [k for k, _v in value.value]
            else:
                continue
            item_lines.setdefault(key, [n.start_mark.line + offset + 1 for n in items])
    return FrontMatter(
        data=data,
        lines=key_lines,
        body="".join(lines[end + 1 :]),
        start_line=first + 1,
        body_line=end + 2,
        item_lines=item_lines,
    )


def as_date(value: object) -> dt.date | None:
    """An ISO date from YAML (already a date, or a ``YYYY-MM-DD`` string); ``None`` if invalid."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


#: A year above this is a Buddhist-Era year (CE + 543) written by mistake: 2567 is 2024.
BUDDHIST_ERA_MIN_YEAR = 2400
BUDDHIST_ERA_OFFSET = 543


def buddhist_era_hint(value: object) -> str:
    """``"2567 looks like a Buddhist-Era year: use 2024"`` for a BE date, else ``""``."""
    day = as_date(value)
    if day is None or day.year <= BUDDHIST_ERA_MIN_YEAR:
        return ""
    return (f"{day.year} looks like a Buddhist-Era year: use {day.year - BUDDHIST_ERA_OFFSET} "
            f"(dates are Gregorian, YYYY-MM-DD)")


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


def load_notes(notes_dir: Path, relative_to: Path | None = None) -> list[Note]:
    """Every ``*.md`` note under ``notes_dir`` sorted by (date, path); paths shown relative."""
    notes = []
    for file in sorted(Path(notes_dir).rglob("*.md")):
        shown = file.relative_to(relative_to) if relative_to else file
        notes.append(parse_note(file.read_text(encoding="utf-8"), shown.as_posix()))
    return sorted(notes, key=lambda n: (n.date, n.source_path))


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
