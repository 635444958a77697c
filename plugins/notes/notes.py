"""Attach editor notes (``content/notes/*.md``) to release articles as ``article.notes``.

Settings: ``NOTES_PATH`` (folder under ``PATH``, default ``"notes"``). The folder is added to
``ARTICLE_EXCLUDES`` and ``PAGE_EXCLUDES`` so notes are never published as pages of their own.
Every release article in both languages gets ``article.notes``: a date-sorted list of
:class:`briefing.notes.Note` (``author``, ``date``, ``lang``, ``html`` — already sanitised —,
``source_path``, ``title``, ``id``). Templates show the notes in the page's language in full and
list the others with a language tag. A note whose ``release`` matches no article stops the build
with ``path:line: note points at no release``.
"""

from __future__ import annotations

from pathlib import Path

from pelican import signals

from briefing.notes import Note, group_by_release, load_notes, orphan_notes

DEFAULT_NOTES_PATH = "notes"
ARTICLE_LISTS = (
    "articles",
    "translations",
    "hidden_articles",
    "hidden_translations",
    "drafts",
    "drafts_translations",
)


class NotesError(RuntimeError):
    """Notes that cannot be placed on the site (the build stops with this message)."""


def exclude_notes(pelican) -> None:
    """Keep the notes folder out of the article and page generators."""
    folder = pelican.settings.get("NOTES_PATH", DEFAULT_NOTES_PATH)
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


def notes_for(generator) -> list[Note]:
    """Read the notes folder of the site the generator builds (empty when there is none)."""
    content = Path(generator.path)
    folder = content / generator.settings.get("NOTES_PATH", DEFAULT_NOTES_PATH)
    if not folder.is_dir():
        return []
    return load_notes(folder, relative_to=content.parent)


def attach_notes(generator) -> None:
    """Set ``article.notes`` on every release; fail on notes that point at no release."""
    articles = all_articles(generator)
    notes = notes_for(generator)
    errors = orphan_notes(notes, {a.slug for a in articles})
    if errors:
        raise NotesError("\n".join(str(e) for e in errors))
    grouped = group_by_release(notes)
    for article in articles:
        article.notes = grouped.get(article.slug, [])


def register() -> None:
    """Connect the handlers (``initialized`` and ``article_generator_pretaxonomy``)."""
    signals.initialized.connect(exclude_notes)
    signals.article_generator_pretaxonomy.connect(attach_notes)
