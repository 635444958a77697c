"""An English headline and lead sentence built from a release's extracted data (no translation).

The headline names who (a person with their role, or an organisation), what they did (a verb read
from Thai cue words in the title and opening), the main meeting and where: "MDES Permanent
Secretary Wisit Wisitsora-at chairs the 5th ASEAN Working Group on Anti-Online Scams meeting in
Jakarta". Without a meeting it falls back to a visit, then to the release's topics and countries.
"""

from __future__ import annotations

import re

from babel.dates import format_date

from briefing.model import MeetingRef, Release, release_text
from briefing.taxonomy.model import name

#: Thai cue words -> (present-tense verb, past-tense verb, future "to …" verb); first match wins.
VERBS = (
    (("รองประธาน",), ("serves as vice-chair of", "served as vice-chair of",
                     "to serve as vice-chair of")),
    (("เป็นประธานเปิด", "เปิดการประชุม", "เปิดงาน"), ("opens", "opened", "to open")),
    (("เป็นประธาน", "ประธานการประชุม"), ("chairs", "chaired", "to chair")),
    (("เจ้าภาพ",), ("hosts", "hosted", "to host")),
    (("หัวหน้าคณะผู้แทน",), ("leads Thailand's delegation to", "led Thailand's delegation to",
                           "to lead Thailand's delegation to")),
    (("จัดประชุม", "จัดการประชุม"), ("holds", "held", "to hold")),
)  # fmt: skip
DEFAULT_VERB = ("attends", "attended", "to attend")
VISIT_CUES = ("เยือน", "เดินทางไป")
#: Words that make a series name read as an event on its own (else " meeting" is appended).
EVENT_WORDS = ("Meeting", "Conference", "Retreat", "Summit", "Forum", "Dialogue", "Session")
#: Thai title words naming a post at an organisation: "ปลัดดีอี" -> "MDES Permanent Secretary".
POSTS = (("ปลัด", "Permanent Secretary"), ("รมว.", "Minister"), ("รัฐมนตรี", "Minister"),
         ("รองนายก", "Deputy Prime Minister"), ("เลขาธิการ", "Secretary-General"))  # fmt: skip
STATUS_ORDER = {"held": 0, "announced": 1, "mentioned": 2}
#: "… มอบหมายให้ <person or post> …": the one assigned is the one who acts; "<spokesperson>
#: เปิดเผยว่า <person> …": the one reported on acts.
ASSIGN_CUES = ("มอบหมายให้",)
REPORT_CUES = ("เปิดเผยว่า", "กล่าวว่า", "แจ้งว่า", "ระบุว่า")
#: "<person> ได้รับมอบหมาย …" / "<person> … จะเดินทางไป …": the person named before travels.
TRAVEL_CUES = ("ได้รับมอบหมาย", "เดินทาง")
#: How far (characters) a person's name may be before a travel cue, within one paragraph.
ACTOR_WINDOW = 200
#: How far after an assignment or report cue the person (or their post) is named.
ASSIGNEE_WINDOW = 20
#: Cabinet digests ("สรุปข่าวการประชุมคณะรัฐมนตรี", "ครม. รับทราบ…") are the Cabinet's, not the PM's.
CABINET_RE = re.compile(r"การประชุม\s*(?:คณะรัฐมนตรี|ครม\.?)|^\s*ครม\.")


def ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st…"""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def en_date(value) -> str:
    """``24 March 2024`` (Babel, CLDR English)."""
    return format_date(value, "d MMMM y", locale="en")


def en_date_range(start, end=None) -> str:
    """``19–21 March 2024``, ``30 January – 2 February 2024``, or one date."""
    if not end or end == start:
        return en_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{en_date(end)}"
    if start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale='en')} – {en_date(end)}"
    return f"{en_date(start)} – {en_date(end)}"


def lower_first(label: str) -> str:
    """Lower-case a label's first letter for use mid-sentence, unless it starts with an acronym."""
    first = label.split(" ", 1)[0]
    if sum(c.isupper() for c in first) > 1 or not label[:1].isupper():
        return label
    return label[:1].lower() + label[1:]


def meeting_phrase(ref: MeetingRef, taxonomy, article: bool = True) -> str:
    """ "the 5th ASEAN Working Group on Anti-Online Scams meeting", "the IC-GPOS 2025"."""
    series = taxonomy.get("meetings", ref.series)
    label = name(series, "en")
    numbering = series.extra.get("numbering", "ordinal")
    if not any(w in label for w in EVENT_WORDS) and numbering != "yearly":
        label += " meeting"
    year, _, number = (ref.session or "").rpartition("-")
    if ref.session is None:
        text = label
    elif numbering == "yearly":
        text = f"{label} {ref.session}"
    elif numbering == "year-ordinal" and number.isdigit():
        text = f"{ordinal(int(number))} {label} of {year}"
    elif ref.session.isdigit():
        text = f"{ordinal(int(ref.session))} {label}"
    else:
        text = label
    return f"the {text}" if article else text


def ranked_topics(release: Release, hits) -> list[str]:
    """The release's topics, most often named first (ties: first named first)."""
    counts: dict[str, int] = {}
    for h in hits:
        if h.kind == "topics":
            counts[h.id] = counts.get(h.id, 0) + 1
    order = list(counts)
    ranked = sorted(counts, key=lambda t: (-counts[t], order.index(t)))
    return [t for t in ranked if t in release.topics] + [
        t for t in release.topics if t not in counts
    ]


def _verb(text: str) -> tuple[str, str, str]:
    for cues, verbs in VERBS:
        if any(c in text for c in cues):
            return verbs
    return DEFAULT_VERB


def _person_label(pid: str, taxonomy) -> str:
    person = taxonomy.get("people", pid)
    role = person.extra.get("role", {}).get("en")
    return f"{role} {name(person, 'en')}" if role else name(person, "en")


def _org_label(org) -> str:
    return org.short.get("en") or name(org, "en")


def _named_after(text, cues, people, roles, span) -> list[str]:
    """People named right after a cue in ``text[span]``, by name or by their post (role)."""
    found = []
    for cue in cues:
        for m in re.finditer(re.escape(cue), text[span[0] : span[1]]):
            end = span[0] + m.end()
            window = text[end : end + ACTOR_WINDOW]
            after = window.lstrip()
            start = end + len(window) - len(after)
            named = [h.id for h in people if 0 <= h.start - start <= ASSIGNEE_WINDOW]
            found += named or [p for p, role in roles.items() if role and after.startswith(role)]
    return found


def _named_before(text, cues, people) -> list[str]:
    """The person named last before each cue, in the same paragraph."""
    found = []
    for cue in cues:
        for m in re.finditer(re.escape(cue), text):
            before = [h for h in people if m.start() - ACTOR_WINDOW <= h.end <= m.start()
                      and "\n" not in text[h.end : m.start()]]  # fmt: skip
            found += [before[-1].id] if before else []
    return found


def _actors(release: Release, body_hits, taxonomy, visit: bool = False) -> list[str]:
    """People who act, best first. In the lead paragraph: the one assigned ("มอบหมายให้ปลัด…"),
    the one a spokesperson reports on ("… เปิดเผยว่า นางสาวแพทองธาร …"), else its first person.
    For a visit, first whoever is assigned or named before "เดินทาง" anywhere in the body."""
    text = release_text(release)
    people = [h for h in body_hits if h.kind == "people"]
    roles = {h.id: taxonomy.get("people", h.id).extra.get("role", {}).get("th") for h in people}
    lead = (0, len(text))
    if release.paragraphs:
        lead = (len(release.title) + 1, len(release.title) + 1 + len(release.paragraphs[0]))
    found = []
    if visit:
        found += _named_after(text, ASSIGN_CUES, people, roles, (0, len(text)))
        found += _named_before(text, TRAVEL_CUES, people)
    first = [h for h in people if lead[0] <= h.start < lead[1]][:1]
    if first:  # the lead sentence: its first person and the verb that follows them
        sentence = (first[0].start, min(lead[1], first[0].end + ACTOR_WINDOW))
        found += _named_after(text, ASSIGN_CUES + REPORT_CUES, people, roles, sentence)
    found += [h.id for h in first]
    return list(dict.fromkeys(found))


def _foreign(term) -> bool:
    country = term.extra.get("country")
    return bool(country) and country != "TH"


def subject(release: Release, title_hits, body_hits, taxonomy, visit: bool = False) -> str:
    """Who the release is about, in English: a person named in the title; a Thai agency in the
    title (as the person of that agency who acts in the body, if any); the person who acts in
    the body; another Thai person; a Thai organisation; else Thailand. A foreign person named
    in passing, or a company named in the body (Meta for "เพจเฟซบุ๊ก"), is never the subject."""
    title_people = [h.id for h in title_hits if h.kind == "people"]
    if title_people:
        return _person_label(title_people[0], taxonomy)
    actors = _actors(release, body_hits, taxonomy, visit)
    people = actors + [h.id for h in body_hits if h.kind == "people"
                       and not _foreign(taxonomy.get("people", h.id))]  # fmt: skip
    title_orgs = [
        taxonomy.get("organisations", h.id) for h in title_hits if h.kind == "organisations"
    ]
    for org in (o for o in title_orgs if o.extra.get("country") == "TH"):
        hit_text = next(h.text for h in title_hits if h.id == org.id)
        post = next((en for th, en in POSTS if th in hit_text or th in release.title), None)
        staff = [p for p in people if taxonomy.get("people", p).extra.get("organisation") == org.id]
        ranked = [p for p in staff if p in actors] + [
            p for p in staff if post and post in _person_label(p, taxonomy)] + staff
        if ranked:
            return _person_label(ranked[0], taxonomy)
        return f"{_org_label(org)} {post}" if post else _org_label(org)
    if people:
        return _person_label(people[0], taxonomy)
    orgs = title_orgs + [
        org for org in (taxonomy.get("organisations", h.id) for h in body_hits
                        if h.kind == "organisations") if org.extra.get("country") == "TH"
    ]  # fmt: skip
    return _org_label(orgs[0]) if orgs else "Thailand"


def main_meeting(release: Release, title_hits) -> MeetingRef | None:
    """The meeting the release is about: one named in the title, else the first held one.

    Only refs with a session count: a series named without one does not make the headline.
    """
    in_title = {h.id for h in title_hits if h.kind == "meetings"}
    ranked = sorted(
        (m for m in release.meetings if m.session is not None),
        key=lambda m: (m.series not in in_title, STATUS_ORDER.get(m.status, 3)),
    )
    if ranked and (ranked[0].series in in_title or ranked[0].status == "held"):
        return ranked[0]
    return None


def _place(ref: MeetingRef | None, release: Release, taxonomy) -> str:
    session = taxonomy.session(ref.series, ref.session) if ref else None
    if session and session.city.get("en"):
        return session.city["en"]
    return release.places[0] if release.places and ref else ""


def meeting_headline(release: Release, title_hits, body_hits, taxonomy) -> tuple[str, str] | None:
    """(English headline, lead) for a release about a meeting session it names in its title
    (who chairs/attends/hosts which session, where, when), or ``None`` when it is not one:
    :mod:`briefing.convert.compose` writes those from the release's type and facts."""
    if CABINET_RE.search(release.title):
        return None
    countries = [h.id for h in title_hits if h.kind == "countries" and h.id != "TH"]
    visit = bool(countries) and any(c in release.title for c in VISIT_CUES)
    ref = main_meeting(release, title_hits)
    if ref is None or (visit and ref.series not in {h.id for h in title_hits}):
        return None
    who = subject(release, title_hits, body_hits, taxonomy, visit)
    opening = release.title + " " + (release.paragraphs[0] if release.paragraphs else "")
    present, past, future = _verb(opening)
    # the lead states the release's own event date as such, and the publication date as such
    on = f" on {en_date(release.event_date)}" if release.event_date else ""
    published = f" Published by the Thai government on {en_date(release.date)}." \
        if release.date and release.date != release.event_date else ""
    what = meeting_phrase(ref, taxonomy)
    place = _place(ref, release, taxonomy)
    where = f" in {place}" if place else ""
    if ref.status == "announced":
        return f"{who} {future} {what}{where}", f"{who} is {future} {what}{where}.{published}"
    return f"{who} {present} {what}{where}", f"{who} {past} {what}{where}{on}.{published}"
