"""dates: Thai/English date phrases, BE→CE, ranges, refusals."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pythainlp.util.date import thai_abbr_months, thai_full_months

from briefing.contract import be_year
from briefing.convert.dates import check_publication_date, find_body_dates, parse_date_line
from briefing.convert.dates import dates as dates_stage
from briefing.model import Release, ReleaseError

TODAY = date(2026, 1, 1)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("วันอาทิตย์ที่ 24 มีนาคม 2567", date(2024, 3, 24)),
        ("24 มีนาคม 2567", date(2024, 3, 24)),  # no day name
        ("วันที่ 24  มีนาคม  2567", date(2024, 3, 24)),
        ("วันพุธที่ 23 เม.ย. 68", date(2025, 4, 23)),  # abbreviated month, 2-digit BE year
        ("วันพุธที่ 23 เมย 2568", date(2025, 4, 23)),  # abbreviation without dots
        ("วันศุกร์ที่ 25 สิงหาคม 2023", date(2023, 8, 25)),  # CE year where BE expected
    ],
)
def test_date_line(line, expected):
    assert parse_date_line(line).start == expected


@pytest.mark.parametrize("line", ["ตุลาคม 2567", "ข่าววันนี้", "วันพุธที่ 23 เมษายน 2568 ข่าว", ""])
def test_not_a_date_line(line):
    assert parse_date_line(line) is None


def test_impossible_date_line():
    with pytest.raises(ValueError, match="impossible date"):
        parse_date_line("วันศุกร์ที่ 30 กุมภาพันธ์ 2567")


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("เมื่อวันที่ 24– 25 สิงหาคม 2566 ณ", date(2023, 8, 24), date(2023, 8, 25)),
        ("ระหว่างวันที่ 19-21 มีนาคม 2567", date(2024, 3, 19), date(2024, 3, 21)),
        ("6 – 8 ก.พ. 66", date(2023, 2, 6), date(2023, 2, 8)),
        ("วันนี้ (27 พฤษภาคม 2567) เวลา", date(2024, 5, 27), None),
        ("August 25, 2025, Deputy", date(2025, 8, 25), None),
        ("on 16 January 2025 the", date(2025, 1, 16), None),
        ("12 ม.ค.2567", date(2024, 1, 12), None),
        ("วันที่ 5 มกราคม ค.ศ. 2025", date(2025, 1, 5), None),
    ],
)
def test_body_dates(text, start, end):
    span = find_body_dates(text)[0]
    assert (span.start, span.end) == (start, end)


def test_month_without_day_is_not_a_date():
    assert find_body_dates("ในเดือนตุลาคม 2568 และปี ค.ศ. 2025") == []


def test_publication_date_limits():
    check_publication_date(date(2024, 1, 1), TODAY)
    with pytest.raises(ValueError, match="before 2000"):
        check_publication_date(date(1999, 12, 31), TODAY)
    with pytest.raises(ValueError, match="future"):
        check_publication_date(date(2027, 6, 1), TODAY)


def _release(date_line, *paragraphs):
    return Release("x.txt", date_line=date_line, date_line_no=4, paragraphs=paragraphs)


def test_stage_event_date_differs():
    r = dates_stage(_release("วันพุธที่ 23 เมษายน 2568", "วันที่ 22 เมษายน 2568 ประชุม"), TODAY)
    assert (r.date, r.event_date, r.event_end_date) == (date(2025, 4, 23), date(2025, 4, 22), None)


def test_stage_same_day_has_no_event_date():
    r = dates_stage(_release("วันพุธที่ 23 เมษายน 2568", "วันนี้ (23 เมษายน 2568) ประชุม"), TODAY)
    assert r.event_date is None


def test_stage_refuses_far_future_with_line():
    with pytest.raises(ReleaseError) as err:
        dates_stage(_release("วันพุธที่ 23 เมษายน 2590", "ข่าว"), TODAY)
    assert err.value.line == 4 and "future" in str(err.value)


def test_stage_refuses_impossible_with_line():
    with pytest.raises(ReleaseError, match="line 4: impossible date"):
        dates_stage(_release("วันศุกร์ที่ 31 เมษายน 2567", "ข่าว"), TODAY)


@settings(deadline=None)  # no timing assertions: the machine may be busy
@given(st.dates(date(2000, 1, 1), date(2030, 12, 31)), st.booleans(), st.booleans())
def test_roundtrip_thai_dates(day, abbreviated, short_year):
    month = (thai_abbr_months if abbreviated else thai_full_months)[day.month - 1]
    year = be_year(day.year)
    written = f"{day.day} {month} {str(year)[-2:] if short_year else year}"
    assert parse_date_line(f"วันที่ {written}").start == day
    assert find_body_dates(f"เมื่อ {written} ที่ผ่านมา")[0].start == day
