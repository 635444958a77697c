"""Render a tagged Release as the Thai and English Markdown files (pure).

Front matter follows docs/ARCHITECTURE.md field by field and is written by
``briefing.frontmatter.dump_markdown`` (never string-joined); that module is the one place
that knows the ``---`` fenced file layout; ``merge`` and the site reader use it.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Any

from briefing.contract import KINDS
from briefing.model import Release

#: thaigov.go.th release URLs end in a numeric "details" id, used in the slug.
THAIGOV_ID_RE = re.compile(r"/details/(?P<id>\d+)/?(?:[?#].*)?$")
SLUG_UNSAFE_RE = re.compile(r"[^a-z0-9]+")
#: The Thai summary is the opening of the first paragraph, cut at a space before this length.
SUMMARY_MAX = 200
#: Characters that would start Markdown block syntax at the beginning of a paragraph (each is
#: one of Markdown's backslash-escapable characters, so ``\\`` before it shows it as written).
MD_BLOCK_START_RE = re.compile(r"^(#|>|[-+*]\s|-+$|\|)")
#: ``1. `` / ``1) `` opening a paragraph would start a list: the escape goes before the ``.``
#: (``1\\. ``), since a backslash before a digit is shown as a backslash.
MD_NUMBER_START_RE = re.compile(r"^(\d+)([.)])(?=\s)")
#: Raw text → inert Markdown: a backslash first (so ``\\[`` cannot undo the bracket escape),
#: ``<`` (no HTML, no ``<javascript:…>`` autolink), ``[`` (no link, image or reference
#: definition), ``{`` (no ``{: onclick=…}`` attribute list) and a backtick (no code span, in
#: which the other escapes would show).
INLINE_ESCAPES = str.maketrans({"\\": "\\\\", "<": "&lt;", "[": "\\[", "{": "\\{",
                                "`": "\\`"})
#: English-language releases: their English page shows the original text under this note.
ORIGINAL_ENGLISH_NOTE = "*This release was published in English; its original text follows.*"
SECTION_BREAK = "\n## "
EDITOR_SECTION = "\n## Editor's translation"


def make_slug(release: Release) -> str:
    """``{date}-{thaigov id}`` if the source URL carries one, else ``{date}-{ascii file stem}``."""
    m = THAIGOV_ID_RE.search(release.source_url or "")
    if m:
        tail = m["id"]
    else:
        stem = PurePath(release.source_file).stem.encode("ascii", "ignore").decode().lower()
        tail = SLUG_UNSAFE_RE.sub("-", stem).strip("-") or release.source_sha256[:12]
    return f"{release.date.isoformat()}-{tail}"


def _inline_escape(text: str) -> str:
    """Raw text made inert in Markdown: no HTML tags, no ``[link](javascript:…)``/image syntax,
    no attribute lists; shown exactly as written (:data:`INLINE_ESCAPES`)."""
    return text.translate(INLINE_ESCAPES)


def _md_escape(text: str) -> str:
    """A paragraph of raw text as Markdown that renders as that one paragraph of text."""
    text = _inline_escape(text)
    if MD_NUMBER_START_RE.match(text):
        return MD_NUMBER_START_RE.sub(r"\1\\\2", text, count=1)
    return "\\" + text if MD_BLOCK_START_RE.match(text) else text


def thai_body(release: Release) -> str:
    """The release text as Markdown: one paragraph per block, numbered points as a list."""
    out: list[str] = []
    for block in release.paragraphs:
        if block.startswith("(") and block.split("\n")[0] in release.points:
            items = []
            for item in block.split("\n"):
                number, _, text = item[1:].partition(") ")
                items.append(f"{number}. {_inline_escape(text)}")
            out.append("\n".join(items))
        else:
            out.append(_md_escape(block))
    return "\n\n".join(out) + "\n"


def cut_summary(text: str, limit: int = SUMMARY_MAX) -> str:
    """The first ``limit`` characters of ``text``, cut at a space, with an ellipsis if cut."""
    text = text.strip()
    if len(text) <= limit:
        return text
    space = text.rfind(" ", limit // 2, limit)
    return (text[:space] if space > 0 else text[:limit]).rstrip(" ,;:") + "…"


def _common(release: Release) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "title": release.title,
        "date": release.date,
        "lang": "th",
        "slug": release.slug,
        "source_url": release.source_url,
        "source_file": release.source_file,
        "source_sha256": release.source_sha256,
        "type": release.type,
    }
    if release.event_date:
        meta["event_date"] = release.event_date
    if release.event_end_date:
        meta["event_end_date"] = release.event_end_date
    meta["countries"] = sorted(set(release.countries))
    meta["meetings"] = [m.id for m in release.meetings]
    meta["meeting_status"] = {m.id: m.status for m in release.meetings}
    meta["topics"] = list(release.topics)
    meta["organisations"] = list(release.organisations)
    meta["people"] = list(release.people)
    if release.mentions:
        meta["mentions"] = {kind: list(release.mentions[kind]) for kind in KINDS
                            if release.mentions.get(kind)}
    if release.agenda:
        meta["agenda"] = [{"number": item.number, "title": item.title, "topics": list(item.topics)}
                          for item in release.agenda]
    meta["figures"] = [
        {"value": f.value, "unit": f.unit, "th": f.th, "en": f.en}
        for f in release.figures
    ]
    meta["hashtags"] = list(release.hashtags)
    return meta


def thai_front_matter(release: Release) -> dict[str, Any]:
    """Front matter of the Thai file (without the ``machine`` map, which ``merge`` adds)."""
    meta = _common(release)
    # Pelican renders the summary as Markdown (FORMATTED_FIELDS): escaped like the body.
    meta["summary"] = _md_escape(release.summary_th or cut_summary(release.paragraphs[0]))
    return meta


def english_front_matter(release: Release, title: str, summary: str) -> dict[str, Any]:
    """Front matter of the English file (without ``machine``)."""
    meta = _common(release)
    meta["title"] = title
    meta["lang"] = "en"
    meta["summary"] = summary
    meta["translation_status"] = "machine"
    return meta


def english_original(release: Release, english_body: str) -> tuple[str, str, str]:
    """(title, summary, body) of the English page of a release *published in English*.

    The release's own English text replaces the machine-made lead, followed by the generated
    sections (Facts, Glossary) without the "Editor's translation" placeholder, which has no
    purpose when there is nothing to translate.
    """
    _, found, rest = english_body.partition(SECTION_BREAK)
    generated = (found + rest).split(EDITOR_SECTION, 1)[0]
    body = f"{ORIGINAL_ENGLISH_NOTE}\n\n{thai_body(release).strip()}\n{generated.rstrip()}\n"
    return release.title, _md_escape(cut_summary(release.paragraphs[0])), body
