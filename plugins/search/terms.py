"""Taxonomy for search: every name/alias of a term, alias matching in text, facet labels.

A release is indexed with all names and aliases (both scripts) of the terms it is tagged with or
whose names occur in its text, so ``คอลเซ็นเตอร์`` finds a release that writes only ``Call Center``
and ``Cambodia`` finds an English page of a release tagged ``KH``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .textcode import normalize

KINDS = ("countries", "meetings", "organisations", "people", "topics")
LATIN = re.compile(r"[A-Za-z0-9]")
BUDDHIST_ERA_OFFSET = 543
LANGUAGE_NAMES = {"th": {"th": "ไทย", "en": "อังกฤษ"}, "en": {"th": "Thai", "en": "English"}}


def term_names(term) -> list[str]:
    """Names, short names and aliases of a ``briefing.terms.Term`` (empty for None)."""
    if term is None:
        return []
    names = [*term.name.values(), *term.short.values()]
    for aliases in term.aliases.values():
        names.extend(aliases)
    return list(dict.fromkeys(n for n in names if n and n.strip()))


class AliasMatcher:
    """Finds alias groups whose names occur in a text (Latin names as whole words, any case)."""

    def __init__(self, groups: Iterable[Sequence[str]]):
        self.groups: list[list[str]] = []
        self.thai: list[tuple[str, int]] = []  # (needle, group)
        latin: dict[str, list[int]] = {}
        for i, names in enumerate(groups):
            self.groups.append(list(names))
            for name in names:
                needle = normalize(name).casefold()
                if needle and LATIN.search(needle):
                    latin.setdefault(needle, []).append(i)
                elif needle:
                    self.thai.append((needle, i))
        self.latin = latin
        self.pattern = bool(latin)

    @classmethod
    def from_taxonomy(cls, taxonomy) -> AliasMatcher:
        if taxonomy is None:
            return cls([])
        return cls(term_names(t) for k in KINDS for t in taxonomy.terms(k).values())

    def hit_indexes(self, text: str) -> list[int]:
        """Indexes of the groups with a name in ``text``."""
        haystack = normalize(text).casefold()
        hits = {i for needle, i in self.thai if needle in haystack}
        if self.pattern:
            for found in set(self._latin_hits(haystack)):
                hits.update(self.latin[found])
        return sorted(hits)

    def _latin_hits(self, haystack: str):
        """Every Latin name in ``haystack`` (overlapping names too: each start is tried)."""
        for needle in self.latin:
            start = haystack.find(needle)
            while start >= 0:
                end = start + len(needle)
                before = haystack[start - 1] if start else " "
                after = haystack[end] if end < len(haystack) else " "
                if not (before.isascii() and before.isalnum()) and not (
                        after.isascii() and after.isalnum()):
                    yield needle
                    break
                start = haystack.find(needle, start + 1)

    def matches(self, text: str) -> list[str]:
        """All names of every group with a name in ``text``."""
        return [name for i in self.hit_indexes(text) for name in self.groups[i]]


def facet_labels(taxonomy, lang: str, years: Iterable[int] = range(2000, 2041)) -> dict:
    """``{facet: {id: label}}`` in ``lang`` for the search page (years in BE for Thai)."""
    labels: dict[str, dict[str, str]] = {"year": {}, "language": LANGUAGE_NAMES[lang]}
    for year in years:
        labels["year"][str(year)] = str(year + BUDDHIST_ERA_OFFSET if lang == "th" else year)
    for facet, kind in (("country", "countries"), ("meeting", "meetings"), ("topic", "topics")):
        terms = taxonomy.terms(kind).values() if taxonomy is not None else ()
        labels[facet] = {t.id: _name(t, lang) for t in terms}
    return labels


def _name(term, lang: str) -> str:
    short = term.short.get(lang) or term.short.get("en")
    full = term.name.get(lang) or term.name.get("en") or term.name.get("th") or term.id
    return short if short and term.kind == "meetings" else full
