"""``invoke check``: validate every content and taxonomy file an editor can touch.

Checks ``content/taxonomy/*.yaml`` (through :func:`briefing.taxonomy.load_taxonomy`, the one
loader), ``content/releases/{th,en}/*.md`` and ``content/notes/*.md``: malformed YAML, missing
required fields, bad dates, unknown tag ids (countries, meeting series, topics, organisations,
people), bad ``meeting_status`` / ``translation_status`` values, duplicate slugs, Thai/English
pairs with one side missing, tagged or dated differently, notes pointing at no release, and HTML
in a release body or a note that the site's sanitiser would remove (the build drops it). Each
problem is printed as ``path:line: message`` (the line of the offending key or list item), then
the count, all on standard output in that order; in GitHub Actions each problem is also printed
as an ``::error file=…,line=…::`` annotation. The exit status is 1 when there is any problem,
else a one-line ``OK`` summary is printed and the status is 0.

    python -m briefing.editors.check [--root DIR]   (or: python -m briefing check, invoke check)
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

from briefing.contract import LANGS, TAG_FIELDS, as_date
from briefing.editors.notes import Note, NoteError, NoteWarning, read_notes
from briefing.editors.release_check import Problem, check_release
from briefing.frontmatter import read_front_matter
from briefing.taxonomy import Taxonomy, TaxonomyError, load_taxonomy

LANG_NAMES = {"th": "Thai", "en": "English"}


@dataclass(frozen=True)
class Release:
    """What the cross-file checks need to know about one release file."""

    path: str
    lang: str
    slug: str
    slug_line: int
    tags: tuple[tuple[str, tuple[str, ...], int], ...] = ()  # (field, sorted ids, line)
    date: dt.date | None = None
    date_line: int = 1

    @classmethod
    def from_front_matter(cls, fm, path: str, lang: str) -> Release:
        tags = tuple(
            (key, tuple(sorted(str(v) for v in fm.data[key])), fm.line(key))
            for key in (*TAG_FIELDS, "meetings")
            if isinstance(fm.data.get(key), list)
        )
        return cls(path, lang, str(fm.data["slug"]), fm.line("slug"), tags,
                   as_date(fm.data.get("date")), fm.line("date"))


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
    """Duplicate slugs, releases present in one language only, and pairs tagged differently."""
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
        elif lang == "en":
            out += tags_differ(seen[("th", slug)], rel) + dates_differ(seen[("th", slug)], rel)
    return out


def dates_differ(th: Release, en: Release) -> list[Problem]:
    """The Thai and English files of a release must carry the same publication ``date``."""
    if th.date is None or en.date is None or th.date == en.date:
        return []  # a missing or bad date is reported on its own
    return [Problem(en.path, en.date_line, f"date {en.date.isoformat()} differs from the Thai "
                    f"page {th.path} (date {th.date.isoformat()}); date both alike")]


def tags_differ(th: Release, en: Release) -> list[Problem]:
    """The Thai and English files of a release must carry the same tags."""
    th_tags = {key: ids for key, ids, _line in th.tags}
    out = []
    for key, ids, line in en.tags:
        if key in th_tags and th_tags[key] != ids:
            only_th = sorted(set(th_tags[key]) - set(ids))
            only_en = sorted(set(ids) - set(th_tags[key]))
            out.append(
                Problem(
                    en.path,
                    line,
                    f"{key} differ from the Thai page {th.path}: only "
                    f"Thai has {only_th}, only English has {only_en}; tag both alike",
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
                releases.append(Release(path, lang, file.stem, 1))  # unreadable, but present
                continue
            problems += check_release(fm, path, lang, tax)
            if fm.data.get("slug"):
                releases.append(Release.from_front_matter(fm, path, lang))
    problems += check_pairs(releases)
    notes: list[Note] = []
    if (content / "notes").is_dir():
        notes, found = read_notes(content / "notes", relative_to=root)
        problems += [_problem(exc, exc.path) for exc in found]  # every problem, not the first
    slugs = {r.slug for r in releases}
    problems += [
        Problem(
            n.source_path,
            n.lines.get("release", 1),
            f"note points at no release: {n.release!r} (no content/releases/*/{n.release}.md)",
        )
        for n in notes
        if n.release not in slugs and releases  # none converted yet: nothing to compare with
    ]
    terms = sum(1 for _ in tax) if tax is not None else 0
    summary = (
        f"OK: {len(releases)} release files, {len(notes)} notes and {terms} taxonomy terms "
        "checked, no problems"
    )
    if notes and not releases:
        summary += " (notes not matched to releases: none converted yet, run ./dev.sh convert)"
    return sorted(set(problems)), summary


def _problem(exc: Exception, path: str) -> Problem:
    if isinstance(exc, NoteError):
        return Problem(exc.path, exc.line, exc.message, warning=isinstance(exc, NoteWarning))
    return Problem(path, 1, f"not UTF-8 text: {exc}")


def main(argv: list[str] | None = None) -> int:
    """Command line: print problems as ``path:line: message``; exit 1 if any."""
    parser = argparse.ArgumentParser(
        prog="python -m briefing.editors.check",
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
    print_problems(problems, summary)
    return 1 if [p for p in problems if not p.warning] else 0


def annotation(problem: Problem) -> str:
    """A GitHub Actions ``::error`` workflow command for ``problem`` (shown on the PR's file)."""
    def escape(text: str, extra: str = "") -> str:
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        for char in extra:
            text = text.replace(char, f"%{ord(char):02X}")
        return text

    level = "warning" if problem.warning else "error"
    return (f"::{level} file={escape(problem.path, ':,')},line={problem.line}::"
            f"{escape(problem.message)}")


def print_problems(problems: list[Problem], summary: str, out=None) -> None:
    """Problems then the summary, on one stream (stdout), in order, flushed; in GitHub Actions
    (``GITHUB_ACTIONS=true``) each problem is also printed as an annotation."""
    out = out or sys.stdout
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem, file=out)
        if github:
            print(annotation(problem), file=out)
    errors = [p for p in problems if not p.warning]
    print(f"{len(errors)} problem(s) found" if errors else summary, file=out, flush=True)


if __name__ == "__main__":
    sys.exit(main())
