"""Editor-written Markdown to safe HTML: Markdown, then the project's one sanitiser.

The sanitiser is :func:`briefing.sanitise.sanitise_html` (``nh3`` allowlist, shared with the
release pages and feeds): no ``<script>``, ``<style>``, ``<iframe>``, event-handler attribute or
``javascript:`` URL survives; links in notes get ``rel="nofollow ugc"``. Used for editor notes
(:mod:`briefing.editors.notes`).
"""

from __future__ import annotations

import markdown

from briefing.sanitise import UGC_REL, removed_markup
from briefing.sanitise import sanitise_html as _sanitise

MARKDOWN_EXTENSIONS = ("extra", "sane_lists")
#: A note sits under the release: its headings may not compete with the page's own ``<h2>``.
NOTE_WITHOUT = frozenset({"h2"})


def sanitise_html(html: str) -> str:
    """Note HTML with only harmless markup left; every link gets ``rel="nofollow ugc"``."""
    return _sanitise(html, link_rel=UGC_REL, without=NOTE_WITHOUT)


def render_markdown_safe(text: str) -> str:
    """Markdown → HTML → sanitised HTML (the only way a note body reaches the site)."""
    html = markdown.markdown(text, extensions=list(MARKDOWN_EXTENSIONS), output_format="html")
    return sanitise_html(html).strip()


#: Where ``invoke check`` sends an editor whose Markdown holds HTML the site removes.
HTML_HELP = 'CONTRIBUTING.md, "HTML in translations and notes"'


def removed_lines(body: str, first_line: int, without: frozenset[str] = frozenset()
                  ) -> list[tuple[int, str]]:
    """``(file line, message)`` for each body line holding HTML the site removes (a script, an
    ``on…=`` attribute, a ``javascript:`` link…); ``first_line`` is the body's first file line."""
    html = markdown.markdown(body, extensions=list(MARKDOWN_EXTENSIONS), output_format="html")
    lines = body.lower().split("\n")
    found: dict[int, list[str]] = {}
    for item in removed_markup(html, without):
        name, _, value = item.strip("<>").partition("=")
        needles = [f"{name.lower()}=", value.strip('"').lower()[:20]] if value else [f"<{name}"]
        at = next((i for n in needles if n for i, text in enumerate(lines) if n in text), 0)
        found.setdefault(first_line + at, []).append(item)
    return [(line, f"the site removes {', '.join(items)} from this line: write plain Markdown "
                   f"(see {HTML_HELP})") for line, items in sorted(found.items())]
