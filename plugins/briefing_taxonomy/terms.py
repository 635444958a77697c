"""Taxonomy terms as the site sees them: small frozen objects with bilingual labels and URLs.

Built from the plain data of ``briefing.taxonomy`` (``Taxonomy.to_json()``: ``{kind: [term, …]}``
following the schema in docs/ARCHITECTURE.md), so the plugins never parse YAML themselves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from babel import Locale

KINDS = ("countries", "meetings", "topics", "organisations", "people")
LANGS = ("th", "en")


def _as_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _bilingual(value) -> dict:
    """``{th, en}`` from a mapping, a plain string (both languages) or nothing."""
    if isinstance(value, dict):
        return {lang: str(value[lang]) for lang in LANGS if value.get(lang)}
    if value:
        return {lang: str(value) for lang in LANGS}
    return {}


@dataclass(frozen=True)
class Session:
    """One session of a meeting series (from the taxonomy, or only named by releases)."""

    series: str
    id: str
    date: date | None = None
    end_date: date | None = None
    city: dict = field(default_factory=dict)
    country: str | None = None
    note: dict = field(default_factory=dict)
    known: bool = True

    @property
    def key(self) -> str:
        return f"{self.series}/{self.id}"

    def url(self, lang: str) -> str:
        return f"{lang}/meetings/{self.series}/{self.id}/"

    def sort_key(self):
        return (self.date or date.max, self.id)


@dataclass(frozen=True)
class Term:
    """A country, meeting series, topic, organisation or person."""

    kind: str
    id: str
    name: dict
    short: dict = field(default_factory=dict)
    description: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    sessions: tuple[Session, ...] = ()

    @property
    def slug(self) -> str:
        return self.id.lower()

    def label(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("en") or self.name.get("th") or self.id

    def short_label(self, lang: str) -> str:
        return self.short.get(lang) or self.label(lang)

    def intro(self, lang: str) -> str:
        return self.description.get(lang, "")

    def url(self, lang: str) -> str:
        return f"{lang}/{self.kind}/{self.slug}/"

    def feed_url(self, lang: str) -> str:
        return f"{lang}/feeds/{self.kind}/{self.slug}/feed.atom.xml"

    def session(self, session_id: str) -> Session | None:
        return next((s for s in self.sessions if s.id == session_id), None)


def country_name(code: str, lang: str) -> str:
    """CLDR name of an ISO alpha-2 country (``KH`` → ``Cambodia`` / ``กัมพูชา``)."""
    return Locale(lang).territories.get(code.upper(), code.upper())


def _session(series: str, raw: dict) -> Session:
    return Session(
        series=series,
        id=str(raw["id"]),
        date=_as_date(raw.get("date")),
        end_date=_as_date(raw.get("end_date")),
        city=_bilingual(raw.get("city")),
        country=(raw.get("country") or None),
        note=_bilingual(raw.get("note")),
    )


def make_term(kind: str, raw: dict) -> Term:
    """One taxonomy entry (a mapping in the documented schema) → :class:`Term`."""
    term_id = str(raw["id"])
    name = _bilingual(raw.get("name"))
    if kind == "countries":
        name = {lang: name.get(lang) or country_name(term_id, lang) for lang in LANGS}
    known = {"id", "name", "short", "description", "aliases", "sessions"}
    extra = {k: v for k, v in raw.items() if k not in known}
    sessions = tuple(_session(term_id, s) for s in raw.get("sessions") or ())
    return Term(
        kind=kind,
        id=term_id,
        name=name,
        short=_bilingual(raw.get("short")),
        description=_bilingual(raw.get("description")),
        extra=extra,
        sessions=tuple(sorted(sessions, key=Session.sort_key)),
    )


def taxonomy_data(taxonomy) -> dict:
    """The plain ``{kind: [term mapping, …]}`` data of a loaded ``briefing.taxonomy`` object."""
    data = taxonomy.to_json() if hasattr(taxonomy, "to_json") else taxonomy
    if isinstance(data, str | bytes):
        data = json.loads(data)
    return data


def build_terms(data: dict) -> dict[str, dict[str, Term]]:
    """``{kind: {id: Term}}`` for every kind (missing kinds are empty)."""
    return {
        kind: {str(r["id"]): make_term(kind, r) for r in data.get(kind) or ()} for kind in KINDS
    }
