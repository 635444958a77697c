"""Taxonomy for search: the expansion table, every name/alias of a term, and the facet labels.

The index holds each page's own words only. A query that *is* a term's name or alias (any script:
``UNODC`` / ``ยูเอ็นโอดีซี``) also lists the releases tagged with that term, after the direct
matches and labelled so (``search.js``). :func:`expansion_table` ships the aliases to the page,
keyed the way the taxonomy matcher (:mod:`briefing.taxonomy.matcher`, docs/ARCHITECTURE.md
"Matching") compares them: a Thai alias is a whole token sequence, so the whole query (spaces
removed) must equal it; a Latin alias ignores case, spaces, dashes and apostrophes
(:func:`~briefing.taxonomy.matcher.latin_key`, a plural ``s`` allowed), except the short
all-capital acronyms, which must be typed in capitals. ``search.js`` looks the query up there
and does nothing fuzzier. Which terms a release is about is its front matter's tag lists.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.contract import KINDS, year_label
from briefing.taxonomy.matcher import ALNUM_RE, THAI_CHAR_RE, _is_acronym, latin_key

from .textcode import normalize

__all__ = ["KINDS", "LANGUAGE_NAMES", "expansion_table", "facet_labels", "term_names"]
SPACES = re.compile(r"\s+")
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


def expansion_table(taxonomy, lang: str) -> dict:
    """``{"thai": {alias: [tag…]}, "latin": {key: [[tag, capitals or null]…]}, "names": {tag:
    name in lang}}`` for every term of the tag kinds (a tag is ``kind:id``, as the index's
    about-words); see the module docstring for the keys."""
    thai: dict[str, list[str]] = {}
    latin: dict[str, list] = {}
    names: dict[str, str] = {}
    for kind in KINDS:
        for term in (taxonomy.terms(kind).values() if taxonomy is not None else ()):
            tag = f"{kind}:{term.id}"
            names[tag] = _name(term, lang)
            for alias in term_names(term):
                if THAI_CHAR_RE.search(alias):
                    key = SPACES.sub("", normalize(alias))
                    if tag not in thai.setdefault(key, []):
                        thai[key].append(tag)
                elif ALNUM_RE.search(alias):
                    exact = "".join(ALNUM_RE.findall(alias)) if _is_acronym(alias) else None
                    entry = [tag, exact]
                    if entry not in latin.setdefault(latin_key(alias), []):
                        latin[latin_key(alias)].append(entry)
    return {"thai": thai, "latin": latin, "names": names}
