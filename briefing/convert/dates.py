"""Dates: Thai (Buddhist Era) and English date phrases → ``datetime.date`` (pure).

Month names come from pythainlp (Thai, full and abbreviated) and Babel's CLDR data (English).
``parse_date_line`` reads the release's date line; ``find_body_dates`` scans body text for single
dates and ranges; the ``dates`` stage sets ``date`` / ``event_date`` / ``event_end_date``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from babel.dates import get_month_names
from pythainlp.util.date import thai_full_month_lists, thai_full_weekdays

from briefing.contract import BE_OFFSET
from briefing.model import Release, ReleaseError

#: Years accepted for a publication date (CE). Anything outside is refused as implausible.
EARLIEST_YEAR = 2000
FUTURE_LIMIT = timedelta(days=366)
#: 2-digit Buddhist-Era years (``66``) are read as 25xx.
BE_CENTURY = 2500


def _month_key(name: str) -> str:
    return re.sub(r"[.\s]", "", name).casefold()


def _month_table() -> dict[str, int]:
    table: dict[str, int] = {}
    for number, names in enumerate(thai_full_month_lists, start=1):
        for name in names:
            if not name.isdigit():
                table[_month_key(name)] = number
    for width in ("wide", "abbreviated"):
        for number, name in get_month_names(width, locale="en").items():
            table[_month_key(name)] = number
    table["sept"] = 9
    return table


#: Month name (dots and spaces removed, case-folded) → month number.
MONTHS = _month_table()
_THAI_MONTH_ALT = "|".join(
    sorted({re.escape(n) for ns in thai_full_month_lists for n in ns if not n.isdigit()},
           key=len, reverse=True)
).replace(r"\.", r"\.?\s*")
_EN_MONTH_ALT = "|".join(
    sorted({n for k in ("wide", "abbreviated") for n in get_month_names(k, locale="en").values()},
           key=len, reverse=True)
) + "|Sept"
DASH = r"\s*[-–—]\s*"
#: Thai: ``24 มีนาคม 2567``, ``24– 25 สิงหาคม 2566``, ``6 – 8 ก.พ. 66``, ``ค.ศ. 2025``.
THAI_DATE_RE = re.compile(
    rf"(?<!\d)(?P<d1>\d{{1,2}})(?:{DASH}(?P<d2>\d{{1,2}}))?\s*"
    rf"(?P<month>{_THAI_MONTH_ALT})\.?\s*(?P<era>พ\.?\s*ศ\.?|ค\.?\s*ศ\.?)?\s*(?P<year>\d{{4}}|\d{{2}})(?!\d)"
)
#: English: ``January 16, 2025``, ``August 24-27, 2025``, ``16 January 2025``, ``16-18 Jan 2025``.
EN_MDY_RE = re.compile(
    rf"\b(?P<month>{_EN_MONTH_ALT})\.?\s+(?P<d1>\d{{1,2}})(?:{DASH}(?P<d2>\d{{1,2}}))?"
    rf"(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"
)
EN_DMY_RE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:{DASH}(?P<d2>\d{{1,2}}))?(?:st|nd|rd|th)?\s+"
    rf"(?P<month>{_EN_MONTH_ALT})\.?,?\s+(?P<year>\d{{4}})\b"
)
_WEEKDAY_ALT = "|".join(re.escape(d.removeprefix("วัน")) for d in thai_full_weekdays)
#: The whole date line: optional ``วันอาทิตย์ที่`` / ``วันที่``, then a Thai date, nothing else.
DATE_LINE_RE = re.compile(
    rf"^\s*(?:วัน(?:{_WEEKDAY_ALT})?\s*(?:ที่)?\s*)?(?P<date>.+?)\s*$"
)
#: The ``dated`` shape's first line: `` date 2025-12-17 …``.
ISO_LINE_RE = re.compile(r"^\s*date\s+(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")


@dataclass(frozen=True)
class DateSpan:
    """A date or a range found in text; ``end`` is None for a single day."""

    start: date
    end: date | None
    text: str


def to_ce(year_text: str, era: str | None = None, *, english: bool = False) -> int:
    """Turn a written year into a CE year (BE → CE; 2-digit BE; explicit ``ค.ศ.``; English CE)."""
    year = int(year_text)
    if len(year_text) == 2:
        year += BE_CENTURY
    if era and "ค" in era:
        return year
    if english:
        return year
    if year > 2400:
        return year - BE_OFFSET
    if EARLIEST_YEAR <= year <= 2100:
        # a CE year written where BE was expected: unambiguous (BE 2000-2100 would be 1457-1557)
        return year
    raise ValueError(f"year {year_text} is neither a plausible Buddhist-Era nor CE year")


def _build(m: re.Match, *, english: bool) -> DateSpan:
    month = MONTHS[_month_key(m["month"])]
    year = to_ce(m["year"], m.groupdict().get("era"), english=english)
    day1 = int(m["d1"])
    try:
        start = date(year, month, day1)
        end = date(year, month, int(m["d2"])) if m["d2"] else None
    except ValueError as exc:
        raise ValueError(f"impossible date '{m.group(0).strip()}' ({exc})") from None
    if end is not None and end <= start:
        raise ValueError(f"date range '{m.group(0).strip()}' ends before it starts")
    return DateSpan(start, end, m.group(0).strip())


def parse_thai_date(text: str) -> DateSpan:
    """Parse one Thai date (or range) that makes up ``text``; ValueError with a reason if not."""
    m = THAI_DATE_RE.fullmatch(text.strip())
    if not m:
        raise ValueError(f"not a Thai date: '{text.strip()}'")
    return _build(m, english=False)


def parse_date_line(line: str) -> DateSpan | None:
    """Parse a date line (``วันอาทิตย์ที่ 24 มีนาคม 2567``); None if the line is not one.

    Raises ValueError when the line is a date line but the date is impossible.
    """
    m = DATE_LINE_RE.match(line)
    if not m or not THAI_DATE_RE.fullmatch(m["date"]):
        return None
    return parse_thai_date(m["date"])


def check_publication_date(day: date, today: date) -> None:
    """Refuse a publication date before 2000 or more than a year ahead of ``today``."""
    if day.year < EARLIEST_YEAR:
        raise ValueError(f"date {day.isoformat()} is before {EARLIEST_YEAR}")
    if day > today + FUTURE_LIMIT:
        raise ValueError(f"date {day.isoformat()} is more than a year in the future")


def find_body_dates(text: str) -> list[DateSpan]:
    """Every well-formed date or range in ``text`` (Thai, English), in order; bad ones skipped."""
    found: list[tuple[int, DateSpan]] = []
    for regex, english in ((THAI_DATE_RE, False), (EN_MDY_RE, True), (EN_DMY_RE, True)):
        for m in regex.finditer(text):
            try:
                found.append((m.start(), _build(m, english=english)))
            except (ValueError, KeyError):
                continue
    found.sort(key=lambda pair: pair[0])
    return [span for _, span in found]


#: Event dates further than this from the publication date are not the release's event.
EVENT_WINDOW = timedelta(days=400)


def dates(release: Release, today: date | None = None) -> Release:
    """Pipeline stage: publication date from the date line; event date from the body."""
    today = today or date.today()
    pub = release.date
    if pub is None:
        if not release.date_line:
            raise ReleaseError("no date line (expected e.g. 'วันอาทิตย์ที่ 24 มีนาคม 2567')")
        try:
            span = parse_date_line(release.date_line)
            if span is None:
                raise ValueError(f"cannot read the date line '{release.date_line}'")
        except ValueError as exc:
            raise ReleaseError(str(exc), release.date_line_no) from None
        pub = span.start
    try:
        check_publication_date(pub, today)
    except ValueError as exc:
        raise ReleaseError(str(exc), release.date_line_no) from None
    event = None
    for paragraph in release.paragraphs:
        spans = [s for s in find_body_dates(paragraph) if abs(s.start - pub) <= EVENT_WINDOW]
        if spans:
            event = spans[0]
            break
    if event is None or (event.start == pub and event.end is None):
        return replace(release, date=pub, event_date=None, event_end_date=None)
    return replace(release, date=pub, event_date=event.start, event_end_date=event.end)
