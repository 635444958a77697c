"""The English page of a release, written from extracted data — real English, no translation model.

``render_english(release, matcher)`` returns an :class:`EnglishText`: a headline, a one-sentence
summary, and a Markdown body with a lead paragraph, a **Facts** list (dates written with Babel,
meetings with their status, place, people with roles, organisations, countries by their CLDR
English names, topics, key figures), a **Glossary** table of the Thai terms found (the only place
Thai script appears, marked ``lang="th"``), names romanised from Thai marked *(romanised)*, and an
**Editor's translation** section with a placeholder for an editor to replace.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.contract import split_meeting
from briefing.convert.compose import compose
from briefing.convert.compose import lead as compose_lead
from briefing.convert.figures import combined
from briefing.convert.headline import (
    en_date,
    en_date_range,
    lower_first,
    meeting_headline,
    meeting_phrase,
    ranked_topics,
)
from briefing.convert.headline_facts import facts_from_release as headline_facts
from briefing.model import Release, release_text
from briefing.taxonomy.model import name

STATUS_EN = {
    "held": "held",
    "announced": "announced (to be held)",
    "mentioned": "mentioned",
}
TRANSLATION_PLACEHOLDER = (
    "*No English translation yet.* Editors: replace this paragraph with a faithful English "
    "translation of the Thai release, then set `translation_status: reviewed` in the front matter."
)
SUMMARY_TOPICS = 3
LISTED = ("Meetings", "People", "Also mentioned")  # Facts rows nested when they have several items
#: Release types whose headline names the meeting session they are about, when there is one.
MEETING_HEADLINE_TYPES = ("meeting", "agreement", "visit-out", "visit-in", "statement", "other")
#: How the "Also mentioned" row names each kind of term named in passing.
MENTION_KINDS = (("countries", "Countries"), ("meetings", "Meetings"), ("topics", "Topics"),
                 ("organisations", "Organisations"), ("people", "People"))


@dataclass(frozen=True)
class EnglishText:
    """The English page: ``title`` and ``summary`` go to front matter, ``body`` is Markdown."""

    title: str
    summary: str
    body: str


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _thai(text: str) -> str:
    return f'<span lang="th">{_cell(text)}</span>'


def _join(items: list[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def _figures(release: Release) -> list[str]:
    out, figures, i = [], list(release.figures), 0
    while i < len(figures):
        nxt = figures[i + 1] if i + 1 < len(figures) else None
        joined = combined(figures[i], nxt) if nxt is not None else None
        out.append(joined or figures[i].en)  # "338 participants from 58 countries"
        i += 2 if joined else 1
    return out


def _meetings(release: Release, taxonomy) -> list[str]:
    out = []
    for ref in release.meetings:
        series = taxonomy.get("meetings", ref.series)
        short = series.short.get("en")
        if ref.session is None:  # the series alone: "… (WG-AS; session not stated)"
            phrase = name(series, "en")
            details = [short] if short and short not in phrase else []
            details.append("session not stated")
        else:
            phrase = meeting_phrase(ref, taxonomy, article=False)
            details = []
        if short and short not in phrase and ref.session is not None:
            phrase += f" ({short})"
        session = taxonomy.session(ref.series, ref.session) if ref.session else None
        if session and session.date:
            details.append(en_date_range(session.date, session.end_date))
        if session and session.city.get("en"):
            city = session.city["en"]
            country = name(taxonomy.get("countries", session.country or ""), "en")
            details.append(city if country in ("", city) else f"{city}, {country}")
        if not ref.known:
            details.append("details not yet recorded")
        extra = f" ({'; '.join(details)})" if details else ""
        out.append(f"{phrase}{extra} — {STATUS_EN.get(ref.status, ref.status)}")
    return out


def _people(release: Release, taxonomy) -> list[str]:
    out = []
    for pid in release.people:
        person = taxonomy.get("people", pid)
        role = person.extra.get("role", {}).get("en")
        out.append(f"{name(person, 'en')} ({role})" if role else name(person, "en"))
    out += [f"{roman} *(romanised)*" for _, roman in release.romanised]
    return out


def _org(oid: str, taxonomy) -> str:
    org = taxonomy.get("organisations", oid)
    short = org.short.get("en")
    full = name(org, "en")
    return f"{full} ({short})" if short and short not in full else full


def _mentioned(release: Release, taxonomy) -> list[str]:
    """One item per kind of the terms the release names only in passing."""
    out = []
    for kind, label in MENTION_KINDS:
        ids = [split_meeting(i)[0] if kind == "meetings" else i
               for i in release.mentions.get(kind, ())]
        names = [name(taxonomy.get(kind, i), "en") for i in dict.fromkeys(ids)
                 if taxonomy.get(kind, i) is not None]
        if names:
            out.append(f"{label}: {', '.join(names)}")
    return out


def facts(release: Release, taxonomy) -> list[str]:
    """The Facts list as Markdown bullet lines (English only)."""
    rows: list[tuple[str, list[str] | str]] = []
    if release.date:
        rows.append(("Published", en_date(release.date)))
    ranged = release.event_end_date and release.event_end_date != release.event_date
    if release.event_date and (ranged or release.event_date != release.date):
        rows.append(("Event date", en_date_range(release.event_date, release.event_end_date)))
    rows.append(("Meetings", _meetings(release, taxonomy)))
    rows.append(("Places", list(release.places)))
    rows.append(("People", _people(release, taxonomy)))
    rows.append(("Organisations", [_org(o, taxonomy) for o in release.organisations]))
    countries = [name(taxonomy.get("countries", c), "en") for c in release.countries]
    rows.append(("Countries", countries))
    rows.append(("Topics", [name(taxonomy.get("topics", t), "en") for t in release.topics]))
    rows.append(("Also mentioned", _mentioned(release, taxonomy)))
    rows.append(("Key figures", _figures(release)))
    if release.source_url:
        rows.append(("Original release (Thai)", f"<{release.source_url}>"))
    lines = []
    for label, value in rows:
        if isinstance(value, list) and label in LISTED and len(value) > 1:
            lines.append(f"- **{label}:**")
            lines += [f"    - {item}" for item in value]
            continue
        if isinstance(value, list):
            if not value:
                continue
            value = "; ".join(value)
        lines.append(f"- **{label}:** {value}")
    return lines


def glossary(release: Release) -> list[str]:
    """The glossary table (Thai term | English) as Markdown lines, or nothing."""
    pairs = list(release.glossary) + [(th, f"{en} *(romanised)*") for th, en in release.romanised]
    if not pairs:
        return []
    lines = ["| Thai | English |", "| --- | --- |"]
    lines += [f"| {_thai(th)} | {_cell(en)} |" for th, en in pairs]
    return lines


def summary_th(release: Release, limit: int = 300) -> str:
    """The first sentence of the Thai body (up to the first space after ~limit/2), trimmed."""
    text = release.paragraphs[0] if release.paragraphs else release_text(release)
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return text[: cut if cut > 0 else limit].rstrip() + "…"


DATED_RE = re.compile(r"\b\d{1,2} [A-Z][a-z]+ \d{4}\b")


def dated_if_thin(title: str, told) -> str:
    """A headline that shows no event, counterpart, place or figure carries the publication
    date, so two releases share a headline only when they are of the same day."""
    shown = [x for x in (told.event, told.counterpart, told.place, *told.figures) if x]
    if told.original or any(x in title for x in shown):
        return title
    if told.published is None or DATED_RE.search(title):  # dated already (a Cabinet meeting's)
        return title
    return f"{title} — {en_date(told.published)}"


def render_english(release: Release, matcher, lexicon: dict | None = None) -> EnglishText:
    """The English headline, summary and Markdown body of a tagged release (``lexicon``: the
    English names learned from the whole batch, :func:`briefing.convert.names.build_lexicon`)."""
    tax = matcher.taxonomy
    body_hits = matcher.find(release_text(release))
    title_hits = matcher.find(release.title) if release.title else []
    about_meeting = meeting_headline(release, title_hits, body_hits, tax) \
        if release.type in MEETING_HEADLINE_TYPES else None
    if about_meeting is not None:  # a session it is about: who did what at it, where, when
        title, lead = about_meeting
    else:
        told = headline_facts(release, matcher, matcher.headline_cues, lexicon or {})
        title, lead = dated_if_thin(compose(told), told), compose_lead(told)
    ranked = ranked_topics(release, body_hits)[:SUMMARY_TOPICS]
    topics = [lower_first(name(tax.get("topics", t), "en")) for t in ranked]
    topics = [t for t in topics if t not in lead]  # the lead may already name them
    summary = lead + (f" Topics: {_join(topics)}." if topics else "")
    parts = [lead, "", "## Facts", "", *facts(release, tax)]
    table = glossary(release)
    if table:
        parts += ["", "## Glossary", "", *table]
    parts += ["", "## Editor's translation", "", TRANSLATION_PLACEHOLDER, ""]
    return EnglishText(title=title, summary=summary, body="\n".join(parts))
