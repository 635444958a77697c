"""Editor-written Markdown to safe HTML: Markdown, then the ``nh3`` sanitiser.

No ``<script>``, ``<style>``, ``<iframe>``, event-handler attribute or ``javascript:`` URL
survives; links get ``rel="nofollow ugc"``. Used for editor notes (:mod:`briefing.editors.notes`).
"""

from __future__ import annotations

import markdown
import nh3

MARKDOWN_EXTENSIONS = ("extra", "sane_lists")
# What a note may contain once rendered: text structure, links, images, tables, code.
ALLOWED_TAGS = frozenset(
    "a abbr b blockquote br code del dd dl dt em h3 h4 h5 h6 hr i img li ol p pre q s small "
    "strong sub sup table tbody td tfoot th thead tr ul".split()
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "td": {"align"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align"},
    "*": {"lang"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow ugc"


def sanitise_html(html: str) -> str:
    """Keep only harmless markup: no scripts, styles, frames, event handlers or unsafe URLs."""
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render_markdown_safe(text: str) -> str:
    """Markdown → HTML → sanitised HTML (the only way a note body reaches the site)."""
    html = markdown.markdown(text, extensions=list(MARKDOWN_EXTENSIONS), output_format="html")
    return sanitise_html(html).strip()
