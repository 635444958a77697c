"""Attach editor notes (``content/notes/*.md``) to release articles as ``article.notes``.

Settings: ``NOTES_PATH`` (folder under ``PATH``, default ``"notes"``). The folder is added to
``ARTICLE_EXCLUDES`` and ``PAGE_EXCLUDES`` so notes are never published as pages of their own.
Every release article in both languages gets ``article.notes``: a date-sorted list of
:class:`briefing.editors.notes.Note` (``author``, ``date``, ``lang``, ``html`` — sanitised —,
``source_path``, ``title``, ``id``). Templates show the notes in the page's language in full and
list the others with a language tag. A note whose ``release`` matches no article stops the build
with ``path:line: note points at no release``.

With ``REPOSITORY_URL`` set (``REPOSITORY_BRANCH``, default ``main``), each article also gets
``article.new_note_url``: GitHub's new-file page in ``content/notes/`` pre-filled with a file name
``YYYY-MM-DD-{slug}-1.md`` and the note's text, whose comments tell the editor what to change
(the date in the name and in ``date:``, ``author:``, the text). ``invoke check`` refuses each
placeholder left unchanged, so an editor who follows the comments writes a note it accepts.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlencode

from pelican import signals

from briefing.editors.notes import (
    DATE_PLACEHOLDER,
    Note,
    NoteError,
    NoteWarning,
    group_by_release,
    note_file_name,
    note_file_text,
    orphan_notes,
    read_notes,
)
from briefing.site.refusal import CONTEXT_KEY, refuse
from briefing.site.settings import setting

ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)


NEW_NOTE_HELP = """\
How to add a note (guide: CONTRIBUTING.md, "Add a note to a release"):
1. File name above: replace {placeholder} with today's date, e.g. {example}
   (if GitHub says that name exists, end it in -2, -3 … instead of -1).
2. Below: replace "Your name" with your name and YYYY-MM-DD with today's date.
3. Replace the line under the second --- with your note (Markdown).
These # lines may stay or go; ./dev.sh check (run on the pull request) names anything left."""


def new_note_url(repo: str, branch: str, slug: str, lang: str) -> str:
    """GitHub's "create a file" page for a note on ``slug`` with a placeholder name and text."""
    name = note_file_name(DATE_PLACEHOLDER, slug, 1)
    help_text = NEW_NOTE_HELP.format(placeholder=DATE_PLACEHOLDER,
                                     example=note_file_name("2026-11-22", slug, 1))
    text = note_file_text(slug, lang, "", DATE_PLACEHOLDER, help_text)
    query = urlencode({"filename": name, "value": text}, quote_via=quote)
    return f"{repo.rstrip('/')}/new/{branch or 'main'}/content/notes?{query}"


def exclude_notes(pelican) -> None:
    """Keep the notes folder out of the article and page generators."""
    folder = setting(pelican.settings, "NOTES_PATH")
    for key in ("ARTICLE_EXCLUDES", "PAGE_EXCLUDES"):
        excludes = list(pelican.settings.get(key) or [])
        if folder not in excludes:
            excludes.append(folder)
        pelican.settings[key] = excludes


def all_articles(generator) -> list:
    """Every article the generator read, whatever its status or language."""
    found = []
    for name in ARTICLE_LISTS:
        found.extend(getattr(generator, name, None) or [])
    return found


def notes_for(generator) -> tuple[list[Note], list[NoteError]]:
    """The notes of the site the generator builds and their problems (as ``invoke check``
    finds them; none when there is no notes folder)."""
    content = Path(generator.path)
    folder = content / setting(generator.settings, "NOTES_PATH")
    if not folder.is_dir():
        return [], []
    return read_notes(folder, relative_to=content.parent)


def attach_notes(generator) -> None:
    """Set ``article.notes`` on every release; fail on notes that point at no release."""
    articles = all_articles(generator)
    pending = generator.context.get(CONTEXT_KEY, [])  # refused releases: listed with the notes
    notes, problems = notes_for(generator)
    problems = [p for p in problems if not isinstance(p, NoteWarning)]  # sanitised anyway
    if problems:
        refuse([*generator.context.pop(CONTEXT_KEY, []), *map(str, problems)])
    if not pending:  # a note on a refused release is not an orphan
        refuse([str(e) for e in orphan_notes(notes, {a.slug for a in articles})])
    grouped = group_by_release(notes)
    repo = (generator.settings.get("REPOSITORY_URL") or "").strip()
    branch = generator.settings.get("REPOSITORY_BRANCH") or "main"
    for article in articles:
        article.notes = grouped.get(article.slug, [])
        article.new_note_url = (new_note_url(repo, branch, article.slug, article.lang)
                                if repo else "")


def register() -> None:
    """Connect the handlers (``initialized`` and ``article_generator_pretaxonomy``)."""
    signals.initialized.connect(exclude_notes)
    signals.article_generator_pretaxonomy.connect(attach_notes)
