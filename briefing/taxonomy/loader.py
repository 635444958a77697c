"""The one loader of ``content/taxonomy/*.yaml``: countries, meetings, organisations, people…

Used by the converter's tagger, the Pelican plugins and ``invoke check``; nothing else parses
these files. Every error names the file and line (``countries.yaml:12: …``) so an editor can fix
it from a pull-request check. Country names default to Babel's CLDR names (th/en) when the YAML
gives none. Run ``python -m briefing.taxonomy [DIR]`` to validate a taxonomy and print its size.
"""

from __future__ import annotations

import datetime as dt
import functools
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from briefing.contract import split_meeting
from briefing.taxonomy.countries import NOT_COUNTRIES, cldr_countries, cldr_country_term
from briefing.taxonomy.model import EXTRA_KINDS, KINDS, Session, TaxonomyError, Term
from briefing.taxonomy.schema import LINE_KEY, field_line, parse_term, read_yaml


class Taxonomy:
    """All terms by kind, read-only after loading."""

    def __init__(self, terms: dict[str, dict[str, Term]], sessions: dict[tuple[str, str], Session]):
        self._terms = terms
        self._sessions = sessions

    kinds = KINDS

    def terms(self, kind: str) -> dict[str, Term]:
        """All terms of ``kind`` by id (``places``/``glossary`` too; empty when absent)."""
        if kind not in KINDS + EXTRA_KINDS:
            raise KeyError(f"unknown taxonomy kind {kind!r}; expected one of {KINDS + EXTRA_KINDS}")
        return self._terms.get(kind, {})

    def get(self, kind: str, id: str) -> Term | None:
        return self.terms(kind).get(id)

    def session(self, series_id: str, session_id: str) -> Session | None:
        return self._sessions.get((series_id, session_id))

    def sessions(self, series_id: str) -> tuple[Session, ...]:
        """The series' sessions as listed in meetings.yaml."""
        term = self.get("meetings", series_id)
        return term.sessions if term else ()

    def unknown_tags(self, meta: Mapping) -> list[tuple[str, int, str]]:
        """``(field, position, id)`` of each tag in front matter ``meta`` that no term defines:
        ``field`` is the kind (``countries``…) or ``mentions.<kind>`` for a passing mention (a
        meeting by its series; an undefined session of a known series is allowed). The one rule
        ``invoke check`` and the site build both apply."""
        found = []
        mentions = meta.get("mentions")
        mentions = mentions if isinstance(mentions, Mapping) else {}
        for field, lists in (("", meta), ("mentions.", mentions)):
            for kind in KINDS:
                value = lists.get(kind) or []
                for i, ref in enumerate([value] if isinstance(value, str) else value):
                    term_id = split_meeting(ref)[0] if kind == "meetings" else str(ref)
                    if self.get(kind, term_id) is None:
                        found.append((field + kind, i, term_id))
        return found

    def __iter__(self) -> Iterator[Term]:
        for kind in KINDS + EXTRA_KINDS:
            yield from self.terms(kind).values()

    def to_json(self) -> dict:
        """Plain JSON-ready data for ``/data/taxonomy.json`` (dates as ISO strings)."""
        out: dict[str, list] = {}
        for kind in KINDS + EXTRA_KINDS:
            items = []
            for term in self.terms(kind).values():
                item = {
                    "id": term.id,
                    "name": term.name,
                    "short": term.short,
                    "aliases": {k: list(v) for k, v in term.aliases.items()},
                    "description": term.description,
                }
                for key, value in term.extra.items():
                    item[key] = _jsonable(value)
                if kind == "meetings":
                    item["sessions"] = _jsonable(term.sessions)
                items.append(item)
            out[kind] = items
        return out


def _jsonable(value):
    if isinstance(value, Session):
        return {
            "id": value.id,
            "date": value.date.isoformat() if value.date else None,
            "end_date": value.end_date.isoformat() if value.end_date else None,
            "city": value.city,
            "country": value.country,
            "note": value.note,
        }
    if isinstance(value, tuple | list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _signature(path: Path) -> tuple:
    return tuple(
        (p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(path.glob("*.yaml"))
    )


def load_taxonomy(path: Path = Path("content/taxonomy")) -> Taxonomy:
    """Load and validate every ``*.yaml`` under ``path``; raise :class:`TaxonomyError` if bad.

    Results are cached per directory and file modification times, so plugins may call it freely.
    """
    path = Path(path)
    if not path.is_dir():
        raise TaxonomyError(str(path), None, "taxonomy folder not found")
    return _load(path.resolve(), _signature(path))


@functools.lru_cache(maxsize=8)
def _load(path: Path, signature: tuple) -> Taxonomy:
    del signature  # part of the cache key only
    unknown = [p.name for p in path.glob("*.yaml") if p.stem not in KINDS + EXTRA_KINDS]
    if unknown:
        raise TaxonomyError(unknown[0], None, f"unknown taxonomy file; expected {KINDS}")
    countries = set(cldr_countries())
    terms: dict[str, dict[str, Term]] = {}
    sessions: dict[tuple[str, str], Session] = {}
    lines: dict[tuple[str, str], dict] = {}
    for kind in KINDS + EXTRA_KINDS:
        file = path / f"{kind}.yaml"
        if not file.exists():
            continue
        by_id: dict[str, Term] = {}
        aliases: dict[tuple[str, str], tuple[str, int | None]] = {}
        for item in read_yaml(file):
            term = parse_term(kind, item, file.name, countries)
            if term.id in by_id:
                line = field_line(item, "id") or item.get(LINE_KEY)
                raise TaxonomyError(file.name, line, f"duplicate id {term.id!r}")
            by_id[term.id] = term
            lines[(kind, term.id)] = item
            _check_alias_owner(term, field_line(item, "aliases") or item.get(LINE_KEY),
                               aliases, file.name)
            for s in term.sessions:
                sessions[(term.id, s.id)] = s
        terms[kind] = by_id
    terms["countries"] = every_country(terms.get("countries", {}), countries)
    _check_references(terms, lines)
    return Taxonomy(terms, sessions)


def every_country(curated: dict[str, Term], codes) -> dict[str, Term]:
    """Every CLDR territory as a country term: the curated ones first (in countries.yaml's
    order), then the others by code. Curated entries add aliases, coordinates and notes."""
    out = {code: cldr_country_term(code, term) if code in codes else term
           for code, term in curated.items()}
    for code in sorted(set(codes) - set(out) - NOT_COUNTRIES):
        if len(cldr_countries()[code]) == 2:  # a name in both languages (not Sark, "CQ")
            out[code] = cldr_country_term(code)
    return out


def _alias_key(alias: str) -> str:
    return " ".join(alias.casefold().split())


def _check_alias_owner(term: Term, line: int | None, owners: dict, filename: str) -> None:
    """One alias names one term of a kind: the tagger could not tell which the press meant."""
    for lang, items in term.aliases.items():
        for alias in items:
            owner = owners.setdefault((lang, _alias_key(alias)), (term.id, line))
            if owner[0] != term.id:
                raise TaxonomyError(filename, line, f"{term.id}: alias {alias!r} is also an "
                                    f"alias of {owner[0]!r} (line {owner[1]}); keep it on one")


def _check_references(terms: dict[str, dict[str, Term]], lines: dict) -> None:
    """Cross-file references: people.organisation names an organisation, ``topics`` name topics,
    and every ``country`` of places, organisations, people and sessions is in countries.yaml."""
    orgs = terms.get("organisations", {})
    countries = terms.get("countries", {})
    for kind, by_id in terms.items():
        for term in by_id.values():
            item = lines.get((kind, term.id), {})

            def line(key, item=item):
                return field_line(item, key) or item.get(LINE_KEY)

            org = term.extra.get("organisation")
            if kind == "people" and org is not None and org not in orgs:
                raise TaxonomyError(
                    f"{kind}.yaml",
                    line("organisation"),
                    f"{term.id}: unknown organisation {org!r} (not in organisations.yaml)",
                )
            for topic in term.extra.get("topics", ()):
                if topic not in terms.get("topics", {}):
                    raise TaxonomyError(
                        f"{kind}.yaml",
                        line("topics"),
                        f"{term.id}: unknown topic {topic!r} (not in topics.yaml)",
                    )
            raw = item.get("sessions") if isinstance(item.get("sessions"), list) else []
            codes = [(term.extra.get("country"), line("country"))] + [
                (s.country, field_line(r, "country") or line("sessions"))
                for s, r in zip(term.sessions, raw, strict=False)
            ]
            for code, at in codes:
                if code is not None and code not in countries:
                    raise TaxonomyError(
                        f"{kind}.yaml",
                        at,
                        f"{term.id}: {code!r} is not a country (a CLDR territory code, "
                        "see countries.yaml)",
                    )


def main(argv: list[str] | None = None) -> int:
    """Validate a taxonomy folder: ``python -m briefing.taxonomy [DIR]``."""
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in ("-h", "--help"):
        print(
            "usage: python -m briefing.taxonomy [DIR]\n\nValidate content/taxonomy/*.yaml "
            "(or DIR) and print how many terms of each kind it defines."
        )
        return 0
    folder = Path(args[0]) if args else Path("content/taxonomy")
    try:
        tax = load_taxonomy(folder)
    except TaxonomyError as exc:
        print(f"{folder}/{exc}", file=sys.stderr)
        return 1
    for kind in KINDS + EXTRA_KINDS:
        print(f"{kind:14} {len(tax.terms(kind)):4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
