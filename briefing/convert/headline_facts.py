"""Headline facts read cheaply from a prepared Thai release (title + lead paragraph).

``facts_from_release(release, matcher, cues)`` takes a release that went through the snapshot's
normalise → parse → dates → tag stages and returns a :class:`headline.Facts`. Each fact has its
own function (``release_type``, ``visit_direction``, ``actor``, ``verb``, ``event``,
``subject``, ``counterpart``, ``place``, ``figures``, ``event_date``, ``claim``) so any can be
swapped for a better one (type classification and event discovery are being built elsewhere).
Quoted text in a title (a rumour, a slogan) is blanked before facts are read from it, so a
claim's words never become the release's counterpart, verb or date.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import yaml

from briefing.convert.actors import actor, lead_paragraph, org_label, unquoted
from briefing.convert.compose import Facts
from briefing.convert.dates import find_body_dates
from briefing.convert.figures import find_figures
from briefing.convert.headline import main_meeting, meeting_phrase, ordinal
from briefing.model import release_text
from briefing.taxonomy.model import name

CUES = Path(__file__).resolve().parent / "data" / "headline_cues.yaml"
LATIN_RE = re.compile(r"[A-Za-z][A-Za-z0-9.&+\-–' ]*[A-Za-z0-9]|[A-Z]{2,}")
ORDINAL_RE = re.compile(r"^\s*ครั้งที่\s*(\d+)")
THAI_RE = re.compile(r"[\u0e00-\u0e7f]")
EVENT_WORDS_RE = re.compile(r"\b(?:Summit|Forum|Meeting|Conference|Expo|Day|Week|Workshop|"
                            r"Dialogue|Festival|Retreat|Symposium|Session|Congress|Award)s?\b")


@functools.lru_cache(maxsize=4)
def load_cues(path: Path = CUES) -> dict:
    """The extraction cue words (cues.yaml)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _foreign_countries(hits) -> list[str]:
    return list(dict.fromkeys(h.id for h in hits if h.kind == "countries" and h.id != "TH"))


def verb(title: str, cues: dict, after: int = 0) -> str:
    """The verb key of the earliest cue after the actor (position ``after``); ties: list order."""
    best = None
    for rank, (key, words) in enumerate(cues["verbs"]):
        for w in words:
            i = title.find(w, max(after, 0))
            if i >= 0 and (best is None or (i, -len(w), rank) < best[0]):
                best = ((i, -len(w), rank), key)
    if best is None and after > 0:
        return verb(title, cues, 0)
    return best[1] if best else ""


def latin_names(title: str, skip: list[tuple[int, int]], cues: dict) -> tuple[str, str]:
    """(event-like, other) Latin names the title writes outside ``skip`` spans: an event has an
    ordinal after it ("DPC ครั้งที่ 95" → "95th DPC meeting") or an event word ("PDPA Expo")."""
    event = other = ""
    for m in LATIN_RE.finditer(title):
        text = m.group(0).strip(" -–'")
        if len(text) < 3 or any(s < m.end() and m.start() < e for s, e in skip):
            continue
        n = ORDINAL_RE.match(title[m.end() :])
        if n and not event:
            event = f"{ordinal(int(n.group(1)))} {text}" + (
                "" if EVENT_WORDS_RE.search(text) else " meeting")
        elif EVENT_WORDS_RE.search(text) and not event:
            event = text
        elif not event and title[: m.start()].rstrip().endswith(tuple(cues["meeting_words"])):
            event = f"{text} meeting"
        elif not other:
            other = text
    return event, other


def _title_meeting(release, title_hits):
    """The main meeting session, only when the title names its series."""
    ref = main_meeting(release, title_hits)
    named = {h.id for h in title_hits if h.kind == "meetings"}
    return ref if ref is not None and ref.series in named else None


def event(release, title_hits, tax, cues: dict) -> tuple[str, str]:
    """(event name, other Latin name): a taxonomy meeting session, else Latin in the title."""
    ref = _title_meeting(release, title_hits)
    title = unquoted(release.title, cues, cues["claim_min"])
    skip = [(h.start, h.end) for h in title_hits if h.kind != "meetings"]
    latin_event, other = latin_names(title, skip, cues)
    if ref is not None:
        return meeting_phrase(ref, tax, article=False), other
    in_title = [h for h in title_hits if h.kind == "meetings"]
    if in_title:
        return name(tax.get("meetings", in_title[0].id), "en"), other
    return latin_event, other


def subject(title: str, title_hits, lead_hits, cues: dict) -> tuple[str, str]:
    """(main subject, second subject or ''): topics the title names (specific ones first) and
    subject cue words in the title, else the topic the lead names most. Topic ids or English."""
    weak = cues["weak_subjects"]
    named = [(h.start, h.id) for h in title_hits if h.kind == "topics"]
    named += [(title.find(cue), subj) for cue, subj in cues["subject_cues"] if cue in title]
    ordered = list(dict.fromkeys(s for _, s in sorted(named)))
    strong = [s for s in ordered if s not in weak]
    specific = [s for s in strong if s not in cues["broad_subjects"]]
    if specific:
        strong = specific
    if strong:
        return strong[0], (strong[1] if len(strong) > 1 else "")
    counts: dict[str, int] = {}
    for h in lead_hits:
        if h.kind == "topics" and h.id not in weak:
            counts[h.id] = counts.get(h.id, 0) + 1
    if counts:
        return max(counts, key=lambda t: (counts[t], -list(counts).index(t))), ""
    return (ordered[0] if ordered else ""), ""


def _company(oid: str, tax, cues: dict) -> bool:
    text = tax.get("organisations", oid).description.get("en", "").lower()
    return any(w in text for w in cues["company_words"])


def counterpart(title_hits, lead_hits, tax, cues: dict, kind: str) -> str:
    """The foreign country or foreign/international body (not a company) the title names
    first; for meetings, visits and agreements, else the lead's only foreign country."""
    for h in title_hits:
        if h.kind == "countries" and h.id != "TH":
            return name(tax.get("countries", h.id), "en")
        if (h.kind == "organisations" and tax.get(h.kind, h.id).extra.get("country") != "TH"
                and not _company(h.id, tax, cues)):
            return org_label(h.id, tax, cues)
    lead = _foreign_countries(lead_hits)
    if kind in cues["lead_counterpart_types"] and len(lead) == 1:
        return name(tax.get("countries", lead[0]), "en")
    return ""


def visitor(title: str, who: str, cues: dict) -> str:
    """Who comes from the counterpart ("the ambassador of Sri Lanka"), by the title's word."""
    if not who:
        return ""
    phrase = next((en for cue, en in cues["visitors"] if cue in title), cues["visitor_default"])
    return phrase.format(c=who)


def place(release, title_hits, tax) -> str:
    """The meeting's city, else a place the title names."""
    ref = _title_meeting(release, title_hits)
    session = tax.session(ref.series, ref.session) if ref else None
    if session and session.city.get("en"):
        return session.city["en"]
    places = [h.id for h in title_hits if h.kind == "places"]
    return name(tax.get("places", places[0]), "en") if places else ""


def figures(title: str) -> tuple[str, ...]:
    """Key figures the title states (the lead's are not headline material)."""
    return tuple(f.en for f in find_figures(title))


def event_date(release, kind: str, cues: dict) -> date | None:
    """The first date of the title or lead outside quotations, near publication; none for a
    fake-news release (its dates belong to the rumour). Cabinet digest: the meeting's date."""
    pub = release.date
    if kind not in cues["dated_types"] or pub is None:
        return None
    text = unquoted(release.title + "\n" + lead_paragraph(release)[: cues["lead_date_chars"]], cues)
    before, after = cues["event_window"]
    for span in find_body_dates(text):
        if -timedelta(days=before) <= span.start - pub <= timedelta(days=after):
            return span.start
    return pub if kind == "cabinet-digest" else None


def claim(title: str, cues: dict) -> str:
    """What a quoted fake-news claim is about: its Latin words ("Vistanix"), else a claim topic
    ("an earthquake"), else ''."""
    for q in re.findall(r"[“\"]([^”\"]{2,200})[”\"]", title):
        latin = [m.group(0) for m in LATIN_RE.finditer(q) if len(m.group(0)) >= 3]
        if latin:
            return f"“{latin[0]}”"
        for cue, topic in cues["claim_topics"]:
            if cue in q:
                return topic
    return ""


def opening_hits(release, matcher) -> tuple[list, list]:
    """(hits in the lead paragraph, at its own offsets; hits in the title and the first three
    paragraphs), read off the tag stage's scan of the whole text (``matcher.find`` remembers it)
    instead of tokenising those texts again: they are its prefix, cut at a line break."""
    if not release.paragraphs:
        return [], matcher.find(release.title)
    hits = matcher.find(release_text(release))
    start = len(release.title) + 1
    lead_end = start + len(release.paragraphs[0])
    opening_end = start + len("\n".join(release.paragraphs[:3]))
    lead = [replace(h, start=h.start - start, end=h.end - start) for h in hits
            if start <= h.start and h.end <= lead_end]
    return lead, [h for h in hits if h.end <= opening_end]


def facts_from_release(release, matcher, cues: dict | None = None, lexicon=None,
                       kind: str | None = None) -> Facts:
    """The headline facts of a prepared release; ``kind`` overrides the type (e.g. gold)."""
    cues = cues or load_cues()
    tax = matcher.taxonomy
    title = unquoted(release.title, cues, cues["claim_min"])
    title_hits = [h for h in matcher.find(release.title) if title[h.start : h.end].strip()]
    lead_hits, body_hits = opening_hits(release, matcher)
    kind = kind or release.type or "other"
    who, at = actor(release, title_hits, tax, cues, lexicon, body_hits,
                    kind in cues["action_types"])
    cp = "" if kind == "fake-news" else counterpart(title_hits, lead_hits, tax, cues, kind)
    subj, subj2 = subject(title, title_hits, lead_hits, cues)
    ev, other = event(release, title_hits, tax, cues) if kind != "fake-news" else ("", "")
    facts = Facts(
        type=kind,
        actor=who,
        verb=verb(title, cues, at),
        event=ev,
        label=other,
        subject=subj,
        subject2=subj2,
        counterpart=cp,
        visitor=visitor(title, cp, cues),
        place=place(release, title_hits, tax),
        figures=figures(title),
        published=release.date,
        event_date=event_date(release, kind, cues),
        claim=claim(release.title, cues) if kind == "fake-news" else "",
        future=any(w in title for w in cues["future_cues"]),
    )
    if release.body_lang == "en" and not THAI_RE.search(release.title):
        facts = replace(facts, original=release.title)
    if kind == "cabinet-digest":
        facts = replace(facts, actor="Cabinet", event="", counterpart="")
    elif re.search(cues["cabinet_acts_re"], release.title):
        facts = replace(facts, actor="Cabinet", verb=verb(release.title, cues))
    return facts
