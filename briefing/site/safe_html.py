"""Sanitise what a release becomes on the site: its HTML body and its summary, both languages.

:func:`sanitise_content` is the ``safe_html`` plugin's handler for Pelican's
``content_object_init`` signal, sent once for every article and page Pelican creates, whichever
reader made it and whether the reader's output came from the content cache (a cache written by
an older build cannot bring unsanitised HTML back). It passes the Markdown-rendered body
(``_content``) and the rendered ``summary`` (a Pelican ``FORMATTED_FIELDS`` entry, which feeds
write as ``<summary type="html">``) through :func:`briefing.sanitise.sanitise_html`, the one
sanitiser editor notes use too, and marks the object. :func:`unsanitised` lists releases without
that mark, so a site whose ``PLUGINS`` lack ``safe_html`` refuses to build rather than publish
raw HTML.
"""

from __future__ import annotations

from briefing.sanitise import sanitise_html

#: The attribute :func:`sanitise_content` sets on every content object it has cleaned.
MARK = "html_sanitised"
#: Metadata fields Pelican renders as HTML (its ``FORMATTED_FIELDS`` default).
HTML_FIELDS = ("summary",)


def sanitise_content(content) -> None:
    """``content_object_init`` handler: sanitise the body and the HTML metadata in place."""
    body = getattr(content, "_content", None)
    if isinstance(body, str):
        content._content = sanitise_html(body)
    metadata = getattr(content, "metadata", None) or {}
    for field in HTML_FIELDS:
        if isinstance(metadata.get(field), str):
            metadata[field] = sanitise_html(metadata[field])
    if isinstance(getattr(content, "_summary", None), str):
        # Pelican keeps the summary as read and puts it back into the metadata when it
        # resolves intersite links (Content.refresh_metadata_intersite_links): clean that too.
        content._summary = sanitise_html(content._summary)
    setattr(content, MARK, True)


def unsanitised(articles) -> list[str]:
    """Source paths of the articles :func:`sanitise_content` has not seen."""
    return [str(getattr(a, "source_path", a)) for a in articles if not getattr(a, MARK, False)]
