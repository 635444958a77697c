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

from briefing.convert.about import about
from briefing.convert.evidence import compile_cues
from briefing.convert.figures import find_figures
from briefing.convert.headline_facts import load_cues as load_headline_cues
from briefing.convert.meetings import find_meetings
from briefing.convert.release_type import classify, load_types
from briefing.convert.romanise import find_names
from briefing.model import Release, release_text
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
        self.cues = compile_cues()  # what-a-release-is-about evidence (data/about_cues.yaml)
        self.types = load_types()  # release types (data/release_types.yaml)
        self.headline_cues = load_headline_cues()  # data/headline_cues.yaml

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
    """Fill the release's tag fields from its text (pure; returns a copy).

    The tag lists hold what the release is *about* (:mod:`briefing.convert.about`); terms it
    only names in passing go to ``mentions``. Meetings it is not about are mentions too.
    """
    tax = matcher.taxonomy
    text = release_text(release)
    hits = matcher.find(text)
    title, paragraphs = (release.title, release.paragraphs) if release.paragraphs else \
        ("", (text,))
    rtype = classify(title, "\n".join(paragraphs), matcher.types)
    refs = find_meetings(text, hits, tax, release.date, release.event_date)
    ab = about(title, paragraphs, hits, tax, matcher.cues, rtype, refs)
    core = {kind: list(ids) for kind, ids in ab.core.items()}
    mentions = {kind: list(ids) for kind, ids in ab.mentioned.items()}
    meetings, warnings = [], list(release.warnings)
    for ref, seen in zip(refs, ab.meetings, strict=True):
        session = tax.session(ref.series, ref.session) if ref.session else None
        if ref.session is not None and session is None:
            warnings.append(
                f"meeting {ref.id} is not in content/taxonomy/meetings.yaml: add its date and "
                "venue there"
            )
        if not (seen.core or _on_event(session, release)):
            mentions["meetings"].append(ref.id)
            continue
        meetings.append(dataclasses.replace(ref, status=ref.status if not seen.core
                                            else seen.status))
        if session is not None and session.country and seen.status in ("held", "announced"):
            core["countries"].append(session.country)
    mentions["meetings"] = [m for m in dict.fromkeys(mentions["meetings"])
                            if m not in {r.id for r in meetings}]
    countries = sorted(set(core["countries"]))
    mentions["countries"] = sorted(set(mentions["countries"]) - set(countries))
    found_places = _first_seen(hits, "places")
    places = [name(tax.get("places", p), "en") for p in found_places]
    people_spans = [(h.start, h.end) for h in hits if h.kind == "people"]
    return dataclasses.replace(
        release,
        type=rtype,
        countries=tuple(countries),
        meetings=tuple(meetings),
        topics=tuple(sorted(core["topics"])),
        organisations=tuple(sorted(core["organisations"])),
        people=tuple(sorted(core["people"])),
        mentions={kind: tuple(ids) for kind, ids in mentions.items() if ids},
        agenda=tuple(item for item in ab.items if item.on_subject),
        figures=find_figures(text),
        places=tuple(dict.fromkeys(places)),
        glossary=_glossary(hits, tax),
        romanised=find_names(text, people_spans),
        warnings=tuple(dict.fromkeys(warnings)),
    )


def _on_event(session, release: Release) -> bool:
    """The release reports a session of the taxonomy on the days the session took place: the
    event it is about, even where the text names it only in the body."""
    if session is None or session.date is None or release.event_date is None:
        return False
    end = release.event_end_date or release.event_date
    return session.date <= end and release.event_date <= (session.end_date or session.date)


def _codes(value) -> list[str]:
    if not value:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]
