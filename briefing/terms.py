"""Taxonomy data types: :class:`Term`, :class:`Session`, :class:`TaxonomyError` and :func:`name`.

Kept apart from the YAML reader so the tagger, renderer and Pelican plugins can import them cheaply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

KINDS = ("countries", "meetings", "organisations", "people", "topics")
EXTRA_KINDS = ("places", "glossary")  # optional files: cities -> country, extra glossary terms
LANGS = ("th", "en")


class TaxonomyError(ValueError):
    """A taxonomy file is malformed; ``str()`` reads ``file:line: message``."""

    def __init__(self, file: str, line: int | None, message: str):
        self.file, self.line, self.message = file, line, message
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")


@dataclass(frozen=True)
class Term:
    """One taxonomy entry; ``extra`` holds kind-specific fields (lat/lon, role, sessions…)."""

    id: str
    kind: str
    name: dict[str, str]
    short: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.kind, self.id))


@dataclass(frozen=True)
class Session:
    """One session of a meeting series (``series/id`` is the URL and front-matter id)."""

    series: str
    id: str
    date: dt.date | None = None
    end_date: dt.date | None = None
    city: dict[str, str] = field(default_factory=dict)
    country: str | None = None
    note: dict[str, str] = field(default_factory=dict)

    def __hash__(self) -> int:
        return hash((self.series, self.id))

    @property
    def ref(self) -> str:
        return f"{self.series}/{self.id}"


def name(term: Term | None, lang: str = "en") -> str:
    """The term's name in ``lang``, falling back to English, then Thai, then its id."""
    if term is None:
        return ""
    return term.name.get(lang) or term.name.get("en") or term.name.get("th") or term.id
