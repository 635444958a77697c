"""``invoke check``: validate every content and taxonomy file an editor can touch.

Checks ``content/taxonomy/*.yaml`` (through :func:`briefing.taxonomy.load_taxonomy`, the one
loader), ``content/releases/{th,en}/*.md`` and ``content/notes/*.md``: malformed YAML, missing
required fields, bad dates, unknown tag ids (countries, meeting series, topics, organisations,
people), bad ``meeting_status`` / ``translation_status`` values, duplicate slugs, Thai/English
pairs with one side missing, and notes pointing at no release. Each problem is printed as
``path:line: message`` (the line of the offending key or list item); the exit status is 1 when
there is any problem, else a one-line ``OK`` summary is printed and the status is 0.

    python -m briefing.check [--root DIR]      (also: python -m briefing check, invoke check)
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from briefing.notes import (
    LANGS,
    NOTE_PLACEHOLDER,
    FrontMatter,
    Note,
    NoteError,
    as_date,
    parse_note,
    read_front_matter,
)
from briefing.taxonomy import Taxonomy, TaxonomyError, load_taxonomy

RELEASE_REQUIRED = ("title", "date", "lang", "slug")
DATE_FIELDS = ("date", "event_date", "event_end_date")
TAG_FIELDS = ("countries", "topics", "organisations", "people")  # meetings are checked apart
MEETING_STATUSES = ("held", "announced", "mentioned")
TRANSLATION_STATUSES = ("machine", "reviewed")
EN_ONLY_FIELDS = ("translation_status", "translation_outdated")
SLUG_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
MEETING_RE = re.compile(r"^([a-z0-9-]+)/([A-Za-z0-9-]+)$")
LANG_NAMES = {"th": "Thai", "en": "English"}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor must fix."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Release:
    """What the cross-file checks need to know about one release file."""

    path: str
    lang: str
    slug: str
    slug_line: int


def check_release(
    fm: FrontMatter, path: str, folder_lang: str, tax: Taxonomy | None
) -> list[Problem]:
    """Problems in one release file's front matter (``tax`` None skips tag-id checks)."""
    data, out = fm.data, []

    def bad(key: str, message: str, index: int | None = None) -> None:
        out.append(Problem(path, fm.line(key, index), message))

    for key in RELEASE_REQUIRED:
        if data.get(key) in (None, ""):
            out.append(Problem(path, fm.start_line, f"missing required field '{key}'"))
    for key in DATE_FIELDS:
        if data.get(key) is not None and as_date(data[key]) is None:
            bad(key, f"bad date in '{key}': {data[key]!r} (use YYYY-MM-DD, a real day)")
    start, end = as_date(data.get("event_date")), as_date(data.get("event_end_date"))
    if start and end and end < start:
        bad("event_end_date", "event_end_date is before event_date")
    lang = data.get("lang")
    if lang is not None and lang != folder_lang:
        bad("lang", f"lang is {lang!r} but the file is in the {folder_lang!r} folder")
    slug = data.get("slug")
    if slug is not None and not SLUG_RE.match(str(slug)):
        bad("slug", f"slug {slug!r} must be ASCII letters, digits, '-', '_' or '.'")
    for key in EN_ONLY_FIELDS:
        if key in data and folder_lang != "en":
            bad(key, f"'{key}' belongs in the English file only")
    status = data.get("translation_status")
    if "translation_status" in data and status not in TRANSLATION_STATUSES:
        bad("translation_status", f"translation_status must be machine or reviewed, not {status!r}")
    if "translation_outdated" in data and not isinstance(data["translation_outdated"], bool):
        bad("translation_outdated", "translation_outdated must be true (or be deleted to clear it)")
    out += check_tags(fm, path, tax)
    return out


def _as_list(fm: FrontMatter, key: str, path: str, out: list[Problem]) -> list:
    value = fm.data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        out.append(Problem(path, fm.line(key), f"'{key}' must be a list, e.g. {key}: [a, b]"))
        return []
    return value


def check_tags(fm: FrontMatter, path: str, tax: Taxonomy | None) -> list[Problem]:
    """Unknown tag ids and malformed meeting references."""
    out: list[Problem] = []
    for kind in TAG_FIELDS:
        for i, tag in enumerate(_as_list(fm, kind, path, out)):
            if tax is not None and tax.get(kind, str(tag)) is None:
                out.append(
                    Problem(
                        path,
                        fm.line(kind, i),
                        f"unknown {kind} id {tag!r} (not in content/taxonomy/{kind}.yaml)",
                    )
                )
    meetings = _as_list(fm, "meetings", path, out)
    for i, ref in enumerate(meetings):
        match = MEETING_RE.match(str(ref))
        if not match:
            out.append(
                Problem(
                    path,
                    fm.line("meetings", i),
                    f"meeting {ref!r} must be 'series/session', e.g. wg-as/5",
                )
            )
        elif tax is not None and tax.get("meetings", match[1]) is None:
            out.append(
                Problem(
                    path,
                    fm.line("meetings", i),
                    f"unknown meeting series {match[1]!r} (not in content/taxonomy/meetings.yaml)",
                )
            )
    status = fm.data.get("meeting_status")
    if status is None:
        return out
    if not isinstance(status, dict):
        return out + [Problem(path, fm.line("meeting_status"), "meeting_status must be a mapping")]
    for i, (ref, value) in enumerate(status.items()):
        if ref not in meetings:
            out.append(
                Problem(
                    path,
                    fm.line("meeting_status", i),
                    f"meeting_status names {ref!r}, which is not in meetings",
                )
            )
        if value not in MEETING_STATUSES:
            out.append(
                Problem(
                    path,
                    fm.line("meeting_status", i),
                    f"meeting_status of {ref!r} "
                    f"must be held, announced or mentioned, not {value!r}",
                )
            )
    return out


def check_taxonomy(folder: Path, shown: str) -> tuple[Taxonomy | None, list[Problem]]:
    """Load the taxonomy; a :class:`TaxonomyError` becomes a problem at its file:line."""
    try:
        return load_taxonomy(folder), []
    except TaxonomyError as exc:
        file = exc.file if "/" in exc.file else f"{shown}/{exc.file}"
        return None, [Problem(file, exc.line or 1, exc.message)]
    except ValueError as exc:  # e.g. an impossible date that YAML itself refuses to construct
        return None, [Problem(shown, 1, f"cannot read the taxonomy: {exc}")]


def check_pairs(releases: list[Release]) -> list[Problem]:
    """Duplicate slugs within a language, and releases present in one language only."""
    out: list[Problem] = []
    seen: dict[tuple[str, str], Release] = {}
    for rel in sorted(releases, key=lambda r: r.path):
        first = seen.setdefault((rel.lang, rel.slug), rel)
        if first is not rel:
            out.append(
                Problem(
                    rel.path,
                    rel.slug_line,
                    f"duplicate slug {rel.slug!r} (also used by {first.path})",
                )
            )
    for (lang, slug), rel in seen.items():
        other = "en" if lang == "th" else "th"
        if (other, slug) not in seen:
            out.append(
                Problem(
                    rel.path,
                    rel.slug_line,
                    f"no {LANG_NAMES[other]} page with slug "
                    f"{slug!r} (expected content/releases/{other}/{slug}.md)",
                )
            )
    return out


def check_site(root: Path) -> tuple[list[Problem], str]:
    """All problems under ``root/content`` (sorted) and a one-line summary of what was read."""
    root = Path(root)
    content = root / "content"
    tax, problems = check_taxonomy(content / "taxonomy", "content/taxonomy")
    releases: list[Release] = []
    for lang in LANGS:
        for file in sorted((content / "releases" / lang).glob("*.md")):
            path = file.relative_to(root).as_posix()
            try:
                fm = read_front_matter(file.read_text(encoding="utf-8"), path)
            except (NoteError, UnicodeDecodeError) as exc:
                problems.append(_problem(exc, path))
                continue
            problems += check_release(fm, path, lang, tax)
            if fm.data.get("slug"):
                releases.append(Release(path, lang, str(fm.data["slug"]), fm.line("slug")))
    problems += check_pairs(releases)
    notes: list[Note] = []
    for file in sorted((content / "notes").glob("**/*.md")):
        path = file.relative_to(root).as_posix()
        try:
            text = file.read_text(encoding="utf-8")
            notes.append(parse_note(text, path))
        except (NoteError, UnicodeDecodeError) as exc:
            problems.append(_problem(exc, path))
            continue
        if NOTE_PLACEHOLDER in text:
            line = text[: text.index(NOTE_PLACEHOLDER)].count("\n") + 1
            problems.append(Problem(path, line, "replace the placeholder text with your note"))
    slugs = {r.slug for r in releases}
    problems += [
        Problem(
            n.source_path,
            n.lines.get("release", 1),
            f"note points at no release: {n.release!r} (no content/releases/*/{n.release}.md)",
        )
        for n in notes
        if n.release not in slugs
    ]
    terms = sum(1 for _ in tax) if tax is not None else 0
    summary = (
        f"OK: {len(releases)} release files, {len(notes)} notes and {terms} taxonomy terms "
        "checked, no problems"
    )
    return sorted(set(problems)), summary


def _problem(exc: Exception, path: str) -> Problem:
    if isinstance(exc, NoteError):
        return Problem(exc.path, exc.line, exc.message)
    return Problem(path, 1, f"not UTF-8 text: {exc}")


def main(argv: list[str] | None = None) -> int:
    """Command line: print problems as ``path:line: message``; exit 1 if any."""
    parser = argparse.ArgumentParser(
        prog="python -m briefing.check",
        description="Validate content/releases, content/notes and content/taxonomy. Prints each "
        "problem as path:line: message and exits with status 1 if there is any.",
    )
    parser.add_argument(
        "--root",
        type=Path,
        default=Path("."),
        help="project folder that holds content/ (default: current folder)",
    )
    args = parser.parse_args(argv)
    if not (args.root / "content").is_dir():
        print(f"{args.root}: no content/ folder here (use --root)", file=sys.stderr)
        return 2
    problems, summary = check_site(args.root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problem(s) found", file=sys.stderr)
        return 1
    print(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
