"""Meeting sessions named in a release, and whether it reports them held, announced or mentioned.

A session is a series (a taxonomy term found by the matcher) plus a number written near it:
``ครั้งที่ 5`` or ``ครั้งแรก`` after the series name, ``The 4th`` before an English name, and for
series numbered within a year a year nearby (``ประจำปี 2566``, ``of 2023``, ``ครั้งที่ 1/2567``).
A series named without a number is resolved to a known session whose dates match the release's;
failing that (and when no numbered session of the series is named either) the release gets a
series-only ref (``session=None``, id ``wg-as``) so it is still found under the series.

Status: a session dated after the release is *announced*; a past or ongoing one is *held* when the
release reports it (cue words such as ``เป็นประธานการประชุม``, ``เมื่อวันที่``, or the release's
event date falls on it), otherwise *mentioned*. Undated sessions go by cue words alone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from briefing.contract import BE_OFFSET
from briefing.model import MeetingRef
from briefing.taxonomy.matcher import Hit

#: "ครั้งที่ 5", "ครั้งที่ 1/2567" (Nth of a Buddhist-Era year), "ครั้งแรก" (= 1) after a series.
THAI_NUMBER_RE = re.compile(r"ครั้งที่\s*(\d{1,3})(?:\s*/\s*(\d{4}))?|(ครั้งแรก)")
#: A second, consecutive session right after the first: "ครั้งที่ 44 และ 45", "ครั้งที่ 44-45".
PAIR_RE = re.compile(r"\s?(?:และ(?:ครั้งที่)?|[-–,])\s?(\d{1,3})\b")
#: "The 4th", "5 th", "1st", "first" right before an English series name.
EN_NUMBER_RE = re.compile(
    r"(?:\b(\d{1,3})\s?(?:st|nd|rd|th)|\b(first|inaugural))\W{0,3}$", re.IGNORECASE
)
#: "ประจำปี 2566", "ประจำปี พ.ศ. 2566", "of 2023", "ปี 2025" — the year of a session.
YEAR_RE = re.compile(r"(?:ประจำปี|\bof|ปี)\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*(\d{4})\b")
#: A year written right after a series name ("IC-GPOS 2025").
NEXT_YEAR_RE = re.compile(r"^\W{0,3}(?:ค\.ศ\.\s*)?(\d{4})\b")
#: A series name followed by these is part of another meeting's name ("สุดยอดอาเซียน-จีน", "บวกสาม").
COMPOUND_RE = re.compile(r"^\s?(?:[-–+]\s?\S|บวก)")
#: How far after a series name its number may be (characters), and how close is "right after".
NUMBER_REACH, NUMBER_NEAR = 160, 14
YEAR_REACH = 220
#: Words between a series name and a distant "ครั้งที่ N" that show the number is the meeting's.
MEETING_WORDS = ("ประชุม", "meeting", "Meeting")
MEETING_GAP = 6  # characters allowed between that word and "ครั้งที่" ("กัน", "ฯ")
ANNOUNCE_CUES = (
    "จะ", "มีกำหนด", "กำหนดจัด", "เตรียม", "ที่จะถึง", "ครั้งต่อไป", "ครั้งหน้า",
    "will", "upcoming", "to be held",
)  # fmt: skip
ANNOUNCE_AFTER_CUES = ("นี้", "ที่จะถึง", "ต่อไป")
#: Right after a mention these make it future whatever came before ("… ครั้งที่ 6 มีกำหนดจัดขึ้น").
FUTURE_AFTER_CUES = ("มีกำหนด", "กำหนดจะ", "กำหนดจัด", "จะจัดขึ้น", "จะมีขึ้น", "ที่จะถึง", "will be held")
FUTURE_AFTER = 70
HELD_CUES = (
    "เป็นประธานการประชุม", "เป็นประธานประชุม", "เป็นประธาน", "เปิดการประชุม", "เข้าร่วม",
    "ร่วมประชุม", "ร่วมการประชุม", "หัวหน้าคณะผู้แทน", "เมื่อวันที่", "ที่ผ่านมา", "ได้จัด",
    "จัดขึ้น", "ผลการประชุม", "ที่ประชุม", "ได้ข้อสรุป", "ถก", "เป็นเจ้าภาพ", "จัดประชุม",
    "จัดการประชุม",
    "chaired", "attended", "was held", "were held",
)  # fmt: skip
HELD_AFTER_CUES = ("เมื่อวันที่", "ระหว่างวันที่", "ได้มีการ", "ที่ประชุม", "ได้ข้อสรุป")
CUE_BEFORE, CUE_AFTER = 90, 70
TENSE_REACH = 12  # characters before a verb cue searched for จะ/เตรียม/มีกำหนด
#: A series named without a number is this session if the release's dates fall this close to it.
INFER_BEFORE, INFER_AFTER = dt.timedelta(days=3), dt.timedelta(days=10)


@dataclass(frozen=True)
class Mention:
    """One series mention with the session it names (or ``None``) and its cue votes."""

    series: str
    session: str | None
    start: int
    held: bool
    announced: bool


def _ce(year: int) -> int:
    return year - BE_OFFSET if year > 2400 else year


def _line_window(text: str, start: int, end: int) -> tuple[int, int]:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def _number_after(text: str, hit: Hit, stop: int) -> tuple[int, int | None] | None:
    tail = text[hit.end : stop]
    m = THAI_NUMBER_RE.search(tail)
    if not m:
        return None
    between = tail[: m.start()]
    if m.start() > NUMBER_NEAR:
        # a distant number must follow the word "meeting" itself ("โดยมีการประชุมกันครั้งที่ 1"),
        # not another meeting's name ("ในการประชุม ADMM อย่างไม่เป็นทางการ ครั้งที่ 9")
        last = max(between.rfind(w) + len(w) if w in between else -1 for w in MEETING_WORDS)
        if last < 0 or "ครั้ง" in between or len(between[last:].strip()) > MEETING_GAP:
            return None
    if m.group(3):
        return 1, None, None
    pair = PAIR_RE.match(tail[m.end() :])
    second = int(pair.group(1)) if pair and int(pair.group(1)) == int(m.group(1)) + 1 else None
    return int(m.group(1)), _ce(int(m.group(2))) if m.group(2) else None, second


def _number_before(text: str, hit: Hit) -> int | None:
    if hit.thai:
        return None
    m = EN_NUMBER_RE.search(text[max(0, hit.start - 16) : hit.start])
    if not m:
        return None
    return int(m.group(1)) if m.group(1) else 1


def _year_near(text: str, hit: Hit, stop: int) -> int | None:
    m = NEXT_YEAR_RE.match(text[hit.end : stop])
    if not m:
        m = YEAR_RE.search(text[hit.end : min(stop, hit.end + YEAR_REACH)])
    return _ce(int(m.group(1))) if m else None


def _last(text: str, cues: tuple[str, ...]) -> int:
    return max((text.rfind(c) + len(c) for c in cues if c in text), default=-1)


def _cues(text: str, hit: Hit) -> tuple[bool, bool]:
    """(held, announced) from the cue word nearest before the mention, else from just after it."""
    lo, hi = _line_window(text, hit.start, hit.end)
    before = text[max(lo, hit.start - CUE_BEFORE) : hit.start]
    soon_after = text[hit.end : min(hi, hit.end + FUTURE_AFTER)]
    if any(c in soon_after for c in FUTURE_AFTER_CUES):
        return False, True
    held_at, announced_at = _last(before, HELD_CUES), _last(before, ANNOUNCE_CUES)
    if held_at >= 0 or announced_at >= 0:
        if held_at > announced_at:  # a verb; "จะเข้าร่วม" / "มีกำหนดจะจัดการประชุม" is future
            ends = [c for c in HELD_CUES if c in before and before.rfind(c) + len(c) == held_at]
            verb = max(ends, key=len)
            lead = before[max(0, held_at - len(verb) - TENSE_REACH) : held_at - len(verb)]
            future = any(c in lead for c in ANNOUNCE_CUES)
            return not future, future
        return False, True
    after = text[hit.end : min(hi, hit.end + CUE_AFTER)]
    held = any(c in after for c in HELD_AFTER_CUES)
    return held, not held and any(c in after for c in ANNOUNCE_AFTER_CUES)


def _mentions(text: str, hits: list[Hit], taxonomy) -> list[Mention]:
    hits = sorted(
        (
            h
            for h in hits
            if h.kind == "meetings" and not COMPOUND_RE.match(text[h.end : h.end + 5])
        ),
        key=lambda h: h.start,
    )
    out = []
    for i, hit in enumerate(hits):
        numbering = taxonomy.get("meetings", hit.id).extra.get("numbering", "ordinal")
        _, line_end = _line_window(text, hit.start, hit.end)
        nxt = next((h.start for h in hits[i + 1 :] if h.id != hit.id), line_end)
        stop = min(line_end, nxt, hit.end + NUMBER_REACH)
        found = _number_after(text, hit, stop)
        number, year, second = found if found else (_number_before(text, hit), None, None)
        session = None
        if numbering == "yearly":
            year = _year_near(text, hit, min(line_end, nxt))
            session = str(year) if year else None
        elif number is not None and numbering == "year-ordinal":
            year = year or _year_near(text, hit, min(line_end, nxt))
            session = f"{year}-{number}" if year else f"?-{number}"
        elif number is not None and year is None:
            session = str(number)
        held, announced = _cues(text, hit)
        out.append(Mention(hit.id, session, hit.start, held, announced))
        if second is not None and numbering == "ordinal" and year is None:
            out.append(Mention(hit.id, str(second), hit.start, held, announced))
    return out


def _infer(series: str, taxonomy, dates: list[dt.date]) -> str | None:
    for s in taxonomy.sessions(series):
        if s.date is None:
            continue
        last = s.end_date or s.date
        if any(s.date - INFER_BEFORE <= d <= last + INFER_AFTER for d in dates):
            return s.id
    return None


def _status(session, mentions: list[Mention], pub: dt.date | None, event: dt.date | None) -> str:
    held = any(m.held for m in mentions)
    announced = any(m.announced for m in mentions)
    if session is not None and session.date and pub:
        last = session.end_date or session.date
        if session.date > pub:
            return "announced"
        on_event = event is not None and session.date <= event <= last
        return "held" if held or on_event else "mentioned"
    if announced:
        return "announced"
    return "held" if held else "mentioned"


def find_meetings(
    text: str,
    hits: list[Hit],
    taxonomy,
    pub: dt.date | None = None,
    event: dt.date | None = None,
) -> tuple[MeetingRef, ...]:
    """Every meeting session the text names, in order of first mention, with its status.

    A series named with no identifiable session gives one ref with ``session=None``.
    """
    mentions = _mentions(text, hits, taxonomy)
    dates = [d for d in (event, pub) if d]
    fallback_year = (event or pub).year if (event or pub) else None
    numbered = {m.series for m in mentions if m.session}
    by_session: dict[tuple[str, str | None], list[Mention]] = {}
    for m in mentions:
        session = m.session
        if session and session.startswith("?-"):
            session = f"{fallback_year}-{session[2:]}" if fallback_year else None
        if session is None and m.series not in numbered:
            # no session of this series is named: a matching known one, else the series alone
            session = _infer(m.series, taxonomy, dates)
            by_session.setdefault((m.series, session), []).append(m)
        elif session is not None:
            by_session.setdefault((m.series, session), []).append(m)
    refs = []
    for (series, sid), group in by_session.items():
        session = taxonomy.session(series, sid) if sid is not None else None
        status = _status(session, group, pub, event)
        refs.append(MeetingRef(series, sid, status, known=sid is None or session is not None))
    return tuple(refs)
