"""Every CLDR territory as a country of the taxonomy (Babel's names in Thai and English).

``content/taxonomy/countries.yaml`` only adds to these: press forms of the names, coordinates
for the map, ``asean``, descriptions, ``ambiguous: true`` for a name that is also a common word.
"""

from __future__ import annotations

import functools
import re

from babel import Locale

from briefing.contract import LANGS
from briefing.taxonomy.model import Term

COUNTRY_ID_RE = re.compile(r"^[A-Z]{2}$")

#: CLDR region codes that are not countries: the Eurozone, Outlying Oceania, the United Nations,
#: pseudo-regions and "unknown". Every other two-letter CLDR territory is a country term.
NOT_COUNTRIES = frozenset({"EZ", "QO", "UN", "XA", "XB", "ZZ"})
BRACKET_RE = re.compile(r"^(?P<head>.+?)\s*\((?P<inner>[^)]+)\)\s*$")


def name_variants(name: str) -> list[str]:
    """Spellings hidden in one CLDR name: its bracket parts (``เมียนมา (พม่า)`` → ``เมียนมา``,
    ``พม่า``), ``&`` written ``and``, ``St.`` written ``Saint``."""
    out = []
    m = BRACKET_RE.match(name)
    if m:
        out += [m["head"], m["inner"]]
    if "&" in name:
        out.append(name.replace("&", "and"))
    if name.startswith("St. "):
        out.append("Saint " + name[4:])
    return [v for v in out if v and v != name]


def cldr_country_term(code: str, curated: Term | None = None) -> Term:
    """The country term of a CLDR territory: Babel's names in both languages and their
    variants as aliases, merged with the curated entry of countries.yaml when there is one
    (its names override, its aliases and fields add). ``extra["cldr"]`` marks a country the
    curated taxonomy does not list (the site writes its page only when a release names it)."""
    names = {**cldr_countries()[code], **(curated.name if curated else {})}
    aliases: dict[str, tuple[str, ...]] = {}
    for lang in LANGS:
        forms = [*(curated.aliases.get(lang, ()) if curated else ()),
                 *name_variants(cldr_countries()[code].get(lang, ""))]
        forms = [f for f in dict.fromkeys(forms) if f != names.get(lang)]
        if forms:
            aliases[lang] = tuple(forms)
    if curated is not None:
        extra = dict(curated.extra)
        if not curated.description and not set(extra) - {"ambiguous"}:
            extra["cldr"] = True  # only press forms added: still a CLDR country for the site
        return Term(id=code, kind="countries", name=names, short=curated.short, aliases=aliases,
                    description=curated.description, extra=extra)
    return Term(id=code, kind="countries", name=names, aliases=aliases, extra={"cldr": True})


@functools.cache
def cldr_countries() -> dict[str, dict[str, str]]:
    names = {lang: Locale(lang).territories for lang in LANGS}
    return {
        code: {lang: names[lang][code] for lang in LANGS if code in names[lang]}
        for code in names["en"]
        if COUNTRY_ID_RE.match(code)
    }
