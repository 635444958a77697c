"""Taxonomy for search: every name/alias of a term, and the facet labels.

A release is indexed with all names and aliases (both scripts) of the terms it is tagged with, so
``คอลเซ็นเตอร์`` finds a release that writes only ``Call Center`` and ``Cambodia`` finds an English
page of a release tagged ``KH``. Which terms a text names is decided by the taxonomy's one alias
matcher (the converter's tagger, :func:`briefing.convert.tag.compile_matcher`), never here.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.contract import KINDS, year_label

__all__ = ["KINDS", "LANGUAGE_NAMES", "facet_labels", "term_names"]
LANGUAGE_NAMES = {"th": {"th": "ไทย", "en": "อังกฤษ"}, "en": {"th": "Thai", "en": "English"}}


def term_names(term) -> list[str]:
    """Names, short names and aliases of a ``briefing.taxonomy.model.Term`` (empty for None)."""
    if term is None:
        return []
    names = [*term.name.values(), *term.short.values()]
    for aliases in term.aliases.values():
        names.extend(aliases)
    return list(dict.fromkeys(n for n in names if n and n.strip()))


def facet_labels(taxonomy, lang: str, years: Iterable[int] = range(2000, 2041)) -> dict:
    """``{facet: {id: label}}`` in ``lang`` for the search page (years in BE for Thai)."""
    labels: dict[str, dict[str, str]] = {"year": {}, "language": LANGUAGE_NAMES[lang]}
    for year in years:
        labels["year"][str(year)] = str(year_label(year, lang))
    for facet, kind in (("country", "countries"), ("meeting", "meetings"), ("topic", "topics")):
        terms = taxonomy.terms(kind).values() if taxonomy is not None else ()
        labels[facet] = {t.id: _name(t, lang) for t in terms}
    return labels


def _name(term, lang: str) -> str:
    short = term.short.get(lang) or term.short.get("en")
    full = term.name.get(lang) or term.name.get("en") or term.name.get("th") or term.id
    return short if short and term.kind == "meetings" else full
