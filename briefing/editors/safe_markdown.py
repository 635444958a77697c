"""Editor-written Markdown to safe HTML: Markdown, then the project's one sanitiser.

The sanitiser is :func:`briefing.sanitise.sanitise_html` (``nh3`` allowlist, shared with the
release pages and feeds): no ``<script>``, ``<style>``, ``<iframe>``, event-handler attribute or
``javascript:`` URL survives; links in notes get ``rel="nofollow ugc"``. Used for editor notes
(:mod:`briefing.editors.notes`).
"""

from __future__ import annotations

import markdown

from briefing.sanitise import UGC_REL
from briefing.sanitise import sanitise_html as _sanitise

MARKDOWN_EXTENSIONS = ("extra", "sane_lists")


def sanitise_html(html: str) -> str:
    """Note HTML with only harmless markup left; every link gets ``rel="nofollow ugc"``."""
    return _sanitise(html, link_rel=UGC_REL)


def render_markdown_safe(text: str) -> str:
    """Markdown → HTML → sanitised HTML (the only way a note body reaches the site)."""
    html = markdown.markdown(text, extensions=list(MARKDOWN_EXTENSIONS), output_format="html")
    return sanitise_html(html).strip()
