"""One release published twice: the same text under two thaigov ids is kept once (pure helpers).

The government site sometimes publishes a release again a day later under a new id (same text,
another date line and URL). The converter keeps the first in sorted order and records the other
in the kept release's front matter, both languages::

    also_published_as:
      - {id: "82538", slug: 2024-05-03-82538, source_url: https://…/82538,
         source_file: content/sources/82538.txt}

so the site can answer the other id's URL (a redirect page at its slug) and the open data lists
it. The field is machine-made (recorded in ``machine``), so re-running is byte-identical and an
editor's change to it is kept by the merge. A copy with the same URL (the same file twice) is
still refused as a duplicate: there is no second address to keep.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from briefing.convert.render import THAIGOV_ID_RE

ALIASES_KEY = "also_published_as"
#: The note the converter prints for the second copy (it is not an error).
ALIAS_NOTE = "same text as {kept}: kept once, recorded there as also_published_as"


def alias_entry(source_file: str, slug: str, source_url: str | None) -> dict[str, Any]:
    """The record of one other publication of a kept release."""
    found = THAIGOV_ID_RE.search(source_url or "")
    return {"id": found["id"] if found else None, "slug": slug, "source_url": source_url,
            "source_file": source_file}


def recorded(meta: dict[str, Any]) -> tuple[dict[str, Any], ...]:
    """The ``also_published_as`` entries of a front matter (valid dict entries only)."""
    value = meta.get(ALIASES_KEY)
    if not isinstance(value, list):
        return ()
    return tuple(dict(e) for e in value if isinstance(e, dict) and e.get("slug"))


def with_aliases(meta: dict[str, Any], entries: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """``meta`` with ``also_published_as`` set to ``entries`` (sorted by slug), or without it."""
    out = {k: v for k, v in meta.items() if k != ALIASES_KEY}
    entries = sorted(entries, key=lambda e: (str(e.get("slug")), str(e.get("source_file"))))
    if entries:
        out[ALIASES_KEY] = [dict(e) for e in entries]
    return out


def settle(before: tuple[dict, ...], found: list[dict], batch: set[str],
           exists) -> list[dict[str, Any]]:
    """The entries a kept release should carry after a batch: those ``found`` in it, plus the
    ones recorded ``before`` whose source was not in this batch and still ``exists``."""
    kept = [e for e in before if e.get("source_file") not in batch
            and exists(str(e.get("source_file")))]
    seen = {e.get("source_file") for e in found}
    return sorted([*found, *(e for e in kept if e.get("source_file") not in seen)],
                  key=lambda e: (str(e.get("slug")), str(e.get("source_file"))))
