"""The English page's "Editor's translation" placeholder: for editors in the Markdown, not readers.

The converter (``briefing/english.py``, ``TRANSLATION_PLACEHOLDER`` under the heading
``## Editor's translation``) ends every machine-made English body with instructions for editors.
:func:`split_placeholder` finds that section in the rendered HTML while it still holds the
placeholder and cuts it out; :func:`hide_placeholders` (``article_generator_finalized``) does so
for every English release and sets ``article.awaiting_translation``, so the theme shows readers a
notice instead ("No human translation yet…", the Thai original, "Suggest an edit"). A section an
editor has filled in is left as it is. The Markdown files are not changed.
"""

from __future__ import annotations

import re

#: The section heading as Markdown renders it (the apostrophe may come out as an entity).
EDITOR_HEADING_RE = re.compile(
    r"<h2\b[^>]*>\s*Editor(?:'|&#39;|&#x27;|&rsquo;|\u2019)s translation\s*</h2>", re.IGNORECASE
)
#: The start of the converter's placeholder paragraph (``TRANSLATION_PLACEHOLDER``).
PLACEHOLDER_MARK = "No English translation yet"
NEXT_SECTION_RE = re.compile(r"<h2\b")
ARTICLE_LISTS = ("articles", "translations", "drafts", "drafts_translations")


def split_placeholder(html: str) -> tuple[str, bool]:
    """``(html without the editor section, True)`` while that section is still the
    placeholder; ``(html, False)`` when there is no such section or an editor filled it in."""
    heading = EDITOR_HEADING_RE.search(html)
    if heading is None:
        return html, False
    after = NEXT_SECTION_RE.search(html, heading.end())
    end = after.start() if after else len(html)
    if PLACEHOLDER_MARK not in html[heading.end():end]:
        return html, False
    return (html[: heading.start()].rstrip() + "\n" + html[end:]).strip(), True


def hide_placeholders(generator) -> None:
    """Cut the placeholder section from every English release; set ``awaiting_translation``."""
    for name in ARTICLE_LISTS:
        for article in getattr(generator, name, None) or []:
            found = False
            if getattr(article, "lang", None) == "en" and article._content:
                article._content, found = split_placeholder(article._content)
            article.awaiting_translation = found
