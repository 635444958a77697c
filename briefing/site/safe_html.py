"""Sanitise what a release becomes on the site: its HTML body and its summary, both languages.

Two steps share :func:`briefing.sanitise.sanitise_html`, the one sanitiser editor notes use too:

* :func:`sanitise_read` runs in the release reader (``front_matter``), on the Markdown-rendered
  body and the rendered ``summary`` (a Pelican ``FORMATTED_FIELDS`` entry, which feeds write as
  ``<summary type="html">``), and stamps the metadata with a :class:`Sanitised` mark of the
  current allowlist (:data:`briefing.sanitise.POLICY`). Pelican's reader cache keeps the result,
  so a rebuild does not sanitise unchanged releases again.
* :func:`sanitise_content` is the ``safe_html`` plugin's handler for Pelican's
  ``content_object_init`` signal, sent once for every article and page Pelican creates, whichever
  reader made it and whether its text came from the cache. It sanitises whatever does not carry
  the current mark: a cache written before the sanitiser (or under another allowlist), another
  reader. The mark is an object, not text, so front matter cannot forge it. Every object it sees
  gets ``html_sanitised``; :func:`unsanitised` lists releases without it, so a site whose
  ``PLUGINS`` lack ``safe_html`` refuses to build rather than publish raw HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.sanitise import POLICY, sanitise_html

#: The attribute :func:`sanitise_content` sets on every content object it has cleaned.
MARK = "html_sanitised"
#: The metadata key of the reader's :class:`Sanitised` stamp.
STAMP = "_briefing_sanitised"
#: Metadata fields Pelican renders as HTML (its ``FORMATTED_FIELDS`` default).
HTML_FIELDS = ("summary",)


@dataclass(frozen=True)
class Sanitised:
    """The reader's stamp: this body and summary went through the allowlist ``policy``."""

    policy: str


def _clean_fields(metadata: dict) -> None:
    for field in HTML_FIELDS:
        if isinstance(metadata.get(field), str):
            metadata[field] = sanitise_html(metadata[field])


def sanitise_read(html: str, metadata: dict) -> str:
    """The reader's step: the sanitised body; the metadata's HTML fields cleaned and stamped."""
    _clean_fields(metadata)
    metadata[STAMP] = Sanitised(POLICY)
    return sanitise_html(html)


def sanitise_content(content) -> None:
    """``content_object_init`` handler: sanitise the body and the HTML metadata in place unless
    the reader already did so under the current allowlist."""
    metadata = getattr(content, "metadata", None) or {}
    if metadata.get(STAMP) != Sanitised(POLICY):
        body = getattr(content, "_content", None)
        if isinstance(body, str):
            content._content = sanitise_html(body)
        _clean_fields(metadata)
        if isinstance(getattr(content, "_summary", None), str):
            # Pelican keeps the summary as read and puts it back into the metadata when it
            # resolves intersite links (Content.refresh_metadata_intersite_links): clean it too.
            content._summary = sanitise_html(content._summary)
    setattr(content, MARK, True)


def unsanitised(articles) -> list[str]:
    """Source paths of the articles :func:`sanitise_content` has not seen."""
    return [str(getattr(a, "source_path", a)) for a in articles if not getattr(a, MARK, False)]
