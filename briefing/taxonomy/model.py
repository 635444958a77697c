"""The one taxonomy model: :class:`Term`, :class:`Session`, :class:`TaxonomyError`, :func:`name`.

The converter tags with these objects, ``check`` validates them and the site renders them
(labels in both languages, URLs from :mod:`briefing.contract`). Kept apart from the YAML reader
so every room can import them cheaply.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefing.contract import EXTRA_KINDS, KINDS, LANGS, session_url, term_feed_url, term_slug
from briefing.contract import term_url as contract_term_url

__all__ = ["EXTRA_KINDS", "KINDS", "LANGS", "Session", "TaxonomyError", "Term", "name"]


class TaxonomyError(ValueError):
    """A taxonomy file is malformed; ``str()`` reads ``file:line: message``."""

    def __init__(self, file: str, line: int | None, message: str):
        self.file, self.line, self.message = file, line, message
        super().__init__(f"{file}:{line}: {message}" if line else f"{file}: {message}")


@dataclass(frozen=True)
class Session:
    """One session of a meeting series (``series/id`` is the URL and front-matter id).

    ``known`` is False for a session that releases name but meetings.yaml does not list yet.
    """

    series: str
    id: str
    date: dt.date | None = None
    end_date: dt.date | None = None
    city: dict[str, str] = field(default_factory=dict)
    country: str | None = None
    note: dict[str, str] = field(default_factory=dict)
    known: bool = True

    def __hash__(self) -> int:
        return hash((self.series, self.id))

    @property
    def ref(self) -> str:
        return f"{self.series}/{self.id}"


    def url(self, lang: str) -> str:
        return session_url(lang, self.series, self.id)

    def sort_key(self):
        return (self.date or dt.date.max, self.id)


@dataclass(frozen=True)
class Term:
    """One taxonomy entry; ``extra`` holds kind-specific fields (lat/lon, role, numbering…)."""

    id: str
    kind: str
    name: dict[str, str]
    short: dict[str, str] = field(default_factory=dict)
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    description: dict[str, str] = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    sessions: tuple[Session, ...] = ()  # meeting series: as listed in meetings.yaml

    def __hash__(self) -> int:
        return hash((self.kind, self.id))

    @property
    def slug(self) -> str:
        return term_slug(self.id)

    def label(self, lang: str) -> str:
        """The name in ``lang``, falling back to English, then Thai, then the id."""
        return self.name.get(lang) or self.name.get("en") or self.name.get("th") or self.id

    def short_label(self, lang: str) -> str:
        return self.short.get(lang) or self.label(lang)

    def intro(self, lang: str) -> str:
        return self.description.get(lang, "")

    def url(self, lang: str) -> str:
        return contract_term_url(lang, self.kind, self.id)

    def feed_url(self, lang: str) -> str:
        return term_feed_url(lang, self.kind, self.id)

    def session(self, session_id: str) -> Session | None:
        return next((s for s in self.sessions if s.id == session_id), None)


def name(term: Term | None, lang: str = "en") -> str:
    """The term's name in ``lang``, falling back to English, then Thai, then its id."""
    return term.label(lang) if term is not None else ""
