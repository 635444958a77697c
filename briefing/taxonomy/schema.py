"""Read and validate one taxonomy YAML file into :class:`~briefing.taxonomy.model.Term` objects.

Every error is a :class:`~briefing.taxonomy.model.TaxonomyError` naming the file and the line
of the faulty field, or of the term when the term itself is wrong
(``meetings.yaml:40: wg-as: session without id``); line numbers come from a YAML loader that
records each mapping's start line as ``__line__`` and each key's line in ``__fields__``. The
files are read with the YAML 1.2 core schema (``NO`` is Norway, not false). Dates must be
Gregorian (``2567-03-20`` is refused with the CE year to write), coordinates on the globe, and
aliases bounded (:data:`MAX_ALIAS_CHARS`, :data:`MAX_ALIASES`): the matcher compiles every alias.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from briefing.contract import LANGS, buddhist_era_hint
from briefing.frontmatter import TextDateLoader, yaml_error_mark
from briefing.taxonomy.countries import COUNTRY_ID_RE, cldr_countries
from briefing.taxonomy.model import Session, TaxonomyError, Term

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SESSION_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NUMBERING = ("ordinal", "yearly", "year-ordinal")
COMMON_FIELDS = {"id", "name", "short", "aliases", "description", "sessions"}
LINE_KEY = "__line__"
FIELDS_KEY = "__fields__"  # {key: line} of a mapping's keys
META_KEYS = (LINE_KEY, FIELDS_KEY)
#: Bounds on aliases (the longest real one is ~120 characters, the longest list 12 a language):
#: the matcher compiles every alias into its tokenizer, and an unbounded list takes minutes.
MAX_ALIAS_CHARS = 200
MAX_ALIASES = 100
#: Coordinates (``lat``/``lon``) must lie on the globe.
COORD_RANGES = {"lat": 90.0, "lon": 180.0}


class _LineLoader(TextDateLoader):
    """The text-date loader, recording each mapping's line as ``__line__`` and refusing
    duplicate keys (dates stay text so an impossible date is reported with its line)."""

    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.MarkedYAMLError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"duplicate key {key!r}",
                    key_node.start_mark,
                )
            seen[key] = True
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        mapping[FIELDS_KEY] = {str(k.value): k.start_mark.line + 1 for k, _v in node.value}
        return mapping


def read_yaml(path: Path) -> list:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)  # noqa: S506
    except UnicodeDecodeError as exc:
        raise TaxonomyError(path.name, None, f"not UTF-8 text ({exc.reason})") from exc
    except yaml.MarkedYAMLError as exc:
        mark, problem = yaml_error_mark(exc)  # the rule the front-matter reader uses too
        line = mark.line + 1 if mark else None
        raise TaxonomyError(path.name, line, f"malformed YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise TaxonomyError(path.name, None, f"malformed YAML: {exc}") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise TaxonomyError(
            path.name, 1, "expected a YAML list of terms (each starting with '- id:')"
        )
    return data


def _as_lang_map(value, what: str, err) -> dict[str, str]:
    if value is None:
        return {}
    if isinstance(value, str):
        return {"en": value}
    if not isinstance(value, dict):
        raise err(f"{what} must be a mapping like {{th: …, en: …}}")
    out = {}
    for lang, text in value.items():
        if lang in META_KEYS:
            continue
        if lang not in LANGS:
            raise err(f"{what}: unknown language {lang!r} (use th or en)")
        if not isinstance(text, str | int | float) or not str(text).strip():
            raise err(f"{what}.{lang} must be non-empty text")
        out[lang] = str(text).strip()
    return out


def _as_aliases(value, err) -> dict[str, tuple[str, ...]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise err("aliases must be a mapping like {th: [...], en: [...]}")
    out = {}
    for lang, items in value.items():
        if lang in META_KEYS:
            continue
        if lang not in LANGS:
            raise err(f"aliases: unknown language {lang!r} (use th or en)")
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not all(isinstance(i, str | int) for i in items):
            raise err(f"aliases.{lang} must be a list of strings")
        if len(items) > MAX_ALIASES:
            raise err(f"aliases.{lang}: {len(items)} aliases (at most {MAX_ALIASES} a language)")
        long = next((str(i) for i in items if len(str(i)) > MAX_ALIAS_CHARS), None)
        if long is not None:
            raise err(f"aliases.{lang}: an alias of {len(long)} characters (at most "
                      f"{MAX_ALIAS_CHARS}): {long[:40]!r}…")
        out[lang] = tuple(str(i).strip() for i in items if str(i).strip())
    return out


def _as_date(value, what: str, err) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        day = dt.date.fromisoformat(str(value))
    except ValueError:
        raise err(f"{what}: bad date {value!r} (write YYYY-MM-DD, a real day)") from None
    if hint := buddhist_era_hint(day):
        raise err(f"{what}: {hint}")
    return day


def field_line(item, key: str) -> int | None:
    """The line of ``key`` in the mapping ``item`` (None when unknown)."""
    return item.get(FIELDS_KEY, {}).get(key) if isinstance(item, dict) else None


def _check_coordinates(extra: dict, err) -> None:
    for key, bound in COORD_RANGES.items():
        if key not in extra:
            continue
        value = extra[key]
        if isinstance(value, bool) or not isinstance(value, int | float) \
                or not -bound <= value <= bound:
            raise err(f"{key} must be a number from {-bound:g} to {bound:g}, not {value!r}", key)


def _parse_sessions(series: str, raw, countries: set[str], err_at) -> tuple[Session, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise err_at(None, "sessions must be a list")
    sessions, seen = [], set()
    for item in raw:
        line = item.get(LINE_KEY) if isinstance(item, dict) else None

        def err(msg, key=None, item=item, line=line):
            return err_at(field_line(item, key) or line, f"{series}: {msg}")

        if not isinstance(item, dict):
            raise err("each session must be a mapping with at least an id")
        sid = item.get("id")
        if sid is None or str(sid).strip() == "":
            raise err("session without id")
        sid = str(sid).strip()
        if not SESSION_ID_RE.match(sid):
            raise err(f"bad session id {sid!r} (use digits/lower-case, e.g. 5, 2025, 2024-1)",
                      "id")
        if sid in seen:
            raise err(f"duplicate session id {sid!r}", "id")
        seen.add(sid)

        def at(key, err=err):
            return lambda msg: err(msg, key)

        date = _as_date(item.get("date"), f"session {sid} date", at("date"))
        end = _as_date(item.get("end_date"), f"session {sid} end_date", at("end_date"))
        if date and end and end < date:
            raise err(f"session {sid}: end_date {end} is before date {date}", "end_date")
        country = item.get("country")
        if country is not None and str(country) not in countries:
            raise err(f"session {sid}: unknown country code {country!r}", "country")
        sessions.append(
            Session(
                series=series,
                id=sid,
                date=date,
                end_date=end,
                city=_as_lang_map(item.get("city"), "city", at("city")),
                country=str(country) if country else None,
                note=_as_lang_map(item.get("note"), "note", at("note")),
            )
        )
    return tuple(sessions)


def parse_term(kind: str, item, filename: str, countries: set[str]) -> Term:
    line = item.get(LINE_KEY) if isinstance(item, dict) else None

    def err_at(at, msg):
        return TaxonomyError(filename, at or line, msg)

    def err(msg, key=None):
        return err_at(field_line(item, key) or line, msg)

    def at(key):
        return lambda msg: err(msg, key)

    if not isinstance(item, dict):
        raise err("each term must be a mapping starting with 'id:'")
    tid = item.get("id")
    if tid is None or str(tid).strip() == "":
        raise err("term without id")
    tid = str(tid).strip()
    pattern = COUNTRY_ID_RE if kind == "countries" else ID_RE
    if not pattern.match(tid):
        hint = "two upper-case letters (ISO 3166-1)" if kind == "countries" else "[a-z0-9-]"
        raise err(f"bad id {tid!r}: use {hint}", "id")
    names = _as_lang_map(item.get("name"), "name", at("name"))
    if kind == "countries":
        if tid not in countries:
            raise err(f"unknown country code {tid!r} (not in CLDR)", "id")
        names = {**cldr_countries()[tid], **names}
    if not names.get("en") or not names.get("th"):
        raise err(f"{tid}: name needs both th and en", "name")
    extra = {k: v for k, v in item.items() if k not in COMMON_FIELDS and k not in META_KEYS}
    sessions: tuple[Session, ...] = ()
    extra = {k: _strip_lines(v) for k, v in extra.items()}
    if kind == "meetings":
        numbering = extra.get("numbering", "ordinal")
        if numbering not in NUMBERING:
            raise err(f"{tid}: numbering must be one of {', '.join(NUMBERING)}", "numbering")
        extra["numbering"] = numbering
        sessions = _parse_sessions(tid, item.get("sessions"), countries, err_at)
    for key in ("country", "countries"):
        if key in extra:
            codes = extra[key] if isinstance(extra[key], list) else [extra[key]]
            for code in codes:
                if str(code) not in countries:
                    raise err(f"{tid}: unknown country code {code!r}", key)
    _check_coordinates(extra, err)
    for key in ("role",):
        if key in extra:
            extra[key] = _as_lang_map(extra[key], key, at(key))
    return Term(
        id=tid,
        kind=kind,
        name=names,
        short=_as_lang_map(item.get("short"), "short", at("short")),
        aliases=_as_aliases(item.get("aliases"), at("aliases")),
        description=_as_lang_map(item.get("description"), "description", at("description")),
        extra=extra,
        sessions=sessions,
    )


def _strip_lines(value):
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k not in META_KEYS}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value
