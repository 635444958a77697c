"""The tag stage: countries, meetings, topics, organisations, people, figures, places, glossary.

``compile_matcher(taxonomy)`` does the expensive work once (tokenizer dictionary, alias token
index, Latin regex). A :class:`Matcher` pickles as plain taxonomy data and rebuilds its indexes
lazily in each worker process. ``tag(release, matcher)`` is pure: it returns a copy of the
release with every tag field filled, and a warning for each meeting session the taxonomy lacks.

Implied tags are data too: a place or organisation with ``country`` tags that country, a person
tags their organisation's country, a meeting series with ``topics`` tags those topics, and a
session reported held or announced tags its host country.
"""

from __future__ import annotations

import dataclasses

from briefing.convert.figures import find_figures
from briefing.convert.meetings import find_meetings
from briefing.convert.romanise import find_names
from briefing.model import Release
from briefing.taxonomy.matcher import Hit, LatinIndex, ThaiIndex, alias_conflicts, collect_aliases
from briefing.taxonomy.model import name

#: A topic alias is not a translation ("ยึดทรัพย์สิน" is not "Money laundering and asset seizure"):
#: the glossary shows what the Thai term was tagged as, labelled as such.
TOPIC_GLOSS = "topic: {}"
#: How many recently scanned texts ``Matcher.find`` remembers (one release's title and body).
RECENT_TEXTS = 4


class Matcher:
    """Everything tagging needs, built from a taxonomy once per process."""

    def __init__(self, taxonomy):
        self.taxonomy = taxonomy
        self._thai_aliases, self._latin_aliases = collect_aliases(taxonomy)
        self.conflicts = alias_conflicts(self._latin_aliases)
        self._thai: ThaiIndex | None = None
        self._latin: LatinIndex | None = None
        self._recent: dict[str, tuple[Hit, ...]] = {}  # the last texts scanned → their hits

    def __getstate__(self) -> dict:
        return {"taxonomy": self.taxonomy}  # indexes are rebuilt where they are used

    def __setstate__(self, state: dict) -> None:
        self.__init__(state["taxonomy"])

    def build(self) -> Matcher:
        """Build the indexes now (about a second) instead of on first use."""
        if self._thai is None:
            self._thai = ThaiIndex(self._thai_aliases)
            self._latin = LatinIndex(self._latin_aliases)
        return self

    def find(self, text: str) -> list[Hit]:
        """Every taxonomy term occurrence in ``text``, in order of position."""
        if text in self._recent:  # tag() then render_english() scan the same texts
            return list(self._recent[text])
        self.build()
        hits = self._thai.find(text) + self._latin.find(text)
        hits = sorted(hits, key=lambda h: (h.start, -h.end, h.kind))
        self._recent[text] = tuple(hits)
        while len(self._recent) > RECENT_TEXTS:
            del self._recent[next(iter(self._recent))]
        return hits

    def tokenize(self, text: str) -> list[str]:
        """``newmm`` tokens with the taxonomy's words in the dictionary (whitespace kept)."""
        self.build()
        return self._thai.tokenize(text)


def compile_matcher(taxonomy) -> Matcher:
    """A ready :class:`Matcher` for ``taxonomy`` (see :func:`briefing.taxonomy.load_taxonomy`)."""
    return Matcher(taxonomy).build()


def release_text(release: Release) -> str:
    """The text tags are read from: the headline and body (falling back to the whole text)."""
    if release.paragraphs:
        return "\n".join([release.title, *release.paragraphs])
    return release.text or release.title


def _first_seen(hits: list[Hit], kind: str) -> list[str]:
    return list(dict.fromkeys(h.id for h in hits if h.kind == kind))


def _glossary(hits: list[Hit], taxonomy) -> tuple[tuple[str, str], ...]:
    pairs: dict[tuple[str, str], tuple[str, str]] = {}
    for h in hits:
        if not h.thai:
            continue
        term = taxonomy.get(h.kind, h.id)
        english = name(term, "en")
        short = term.short.get("en")
        if short and short not in english:
            english = f"{english} ({short})"
        if h.kind == "topics":
            english = TOPIC_GLOSS.format(english)
        pairs.setdefault((h.kind, h.id), (" ".join(h.text.split()), english))
    return tuple(pairs.values())


def tag(release: Release, matcher: Matcher) -> Release:
    """Fill the release's tag fields from its text (pure; returns a copy)."""
    tax = matcher.taxonomy
    text = release_text(release)
    hits = matcher.find(text)
    found = {
        kind: _first_seen(hits, kind)
        for kind in ("countries", "places", "organisations", "people", "topics", "meetings")
    }
    countries = set(found["countries"])
    topics = set(found["topics"])
    orgs = set(found["organisations"])
    for kind in ("places", "organisations"):
        for tid in found[kind]:
            countries.update(_codes(tax.get(kind, tid).extra.get("country")))
    for pid in found["people"]:
        person = tax.get("people", pid)
        countries.update(_codes(person.extra.get("country")))
        org = tax.get("organisations", person.extra.get("organisation") or "")
        if org is not None:
            orgs.add(org.id)
            countries.update(_codes(org.extra.get("country")))
    for sid in found["meetings"]:
        topics.update(tax.get("meetings", sid).extra.get("topics", ()))
    pub = release.date
    meetings = find_meetings(text, hits, tax, pub, release.event_date)
    warnings = list(release.warnings)
    for ref in meetings:
        if ref.session is None:  # the series alone: nothing for an editor to add
            continue
        session = tax.session(ref.series, ref.session)
        if session is None:
            warnings.append(
                f"meeting {ref.id} is not in content/taxonomy/meetings.yaml: add its date and "
                "venue there"
            )
        elif session.country and ref.status in ("held", "announced"):
            countries.add(session.country)
    places = [name(tax.get("places", p), "en") for p in found["places"]]
    people_spans = [(h.start, h.end) for h in hits if h.kind == "people"]
    return dataclasses.replace(
        release,
        countries=tuple(sorted(countries)),
        meetings=meetings,
        topics=tuple(sorted(topics)),
        organisations=tuple(sorted(orgs)),
        people=tuple(sorted(found["people"])),
        figures=find_figures(text),
        places=tuple(dict.fromkeys(places)),
        glossary=_glossary(hits, tax),
        romanised=find_names(text, people_spans),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _codes(value) -> list[str]:
    if not value:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]
