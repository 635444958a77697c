"""Key figures: what a number counts, and its English phrase formatted with Babel."""

from __future__ import annotations

import pytest

from briefing.convert.figures import combined, find_figures, money_en


def phrases(text: str) -> list[tuple[str, str]]:
    return [(f.unit, f.en) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("มีผู้เข้าร่วมประชุม 338 คน จาก 58 ประเทศ",
         [("participants", "338 participants"), ("countries", "participants from 58 countries")]),
        ("ยึดทรัพย์ได้มูลค่าเกือบ 300 ล้านดอลลาร์สหรัฐ", [("USD", "nearly US$300 million")]),
        ("ความเสียหายกว่า 1,234.5 ล้านบาท", [("THB", "more than THB 1.23 billion")]),
        ("ช่วยส่งกลับบุคคลกว่า 10,000 คน", [("repatriated", "more than 10,000 people repatriated")]),
        ("ระงับบัญชีม้าแล้ว 79,505 บัญชี", [("accounts-frozen", "79,505 accounts frozen")]),
        ("มีผู้เปิดบัญชีธนาคาร 1,200 บัญชี", [("accounts", "1,200 accounts")]),
        ("ปิดกั้นเว็บไซต์พนันแล้ว 742 ยูอาร์แอล", [("urls-blocked", "742 URLs blocked")]),
        ("จับกุมผู้ต้องหาได้ 2 แสนคน", [("arrested", "200,000 suspects arrested")]),
    ],
)  # fmt: skip
def test_figures(text, expected):
    assert phrases(text) == expected


def test_thai_phrase_is_kept_as_written():
    (figure,) = find_figures("มูลค่าเกือบ 300 ล้านดอลลาร์สหรัฐ")
    assert (figure.value, figure.th) == (300_000_000, "เกือบ 300 ล้านดอลลาร์สหรัฐ")


def test_unclear_and_routine_numbers_are_left_out():
    assert phrases("มีผู้ติดเชื้อ 5 คน และเด็ก 3 คน") == []
    assert phrases("ประเทศสมาชิกอาเซียน 10 ประเทศ") == []
    assert phrases("เมื่อวันที่ 22 เมษายน 2568 ครั้งที่ 5") == []
    assert phrases("3.4 หมายเลขโทรศัพท์ 3.6 หมายเลข") == []
    assert phrases("ค่าธรรมเนียม 495 บาท") == []


def test_repeated_figures_are_listed_once():
    text = "ผู้แทนจาก 58 ประเทศ และอีกครั้ง 58 ประเทศ"
    assert phrases(text) == [("countries", "participants from 58 countries")]


def test_money_formats():
    assert money_en(5_000, "USD") == "US$5,000"
    assert money_en(2_500_000, "CNY") == "CNY 2.5 million"


def test_counts_of_countries_say_what_they_count():
    """Seed 003: "7 countries" and "more than 40 countries" alone said nothing."""
    assert phrases("โดยในจำนวนนี้มีผู้แทนระดับรัฐมนตรี 7 ประเทศ ประกอบด้วยรวันดา") == [
        ("countries", "ministerial-level delegations from 7 countries")]
    assert phrases("ส่งกลับบุคคลกว่า 10,000 คน จากกว่า 40 ประเทศ") == [
        ("repatriated", "more than 10,000 people repatriated"),
        ("countries", "people repatriated from more than 40 countries"),
    ]
    assert phrases("โดยมีเอกอัครราชทูตและคู่สมรสจาก 28 ประเทศ") == [
        ("countries", "ambassadors from 28 countries")]


def test_context_less_counts_of_countries_are_left_out():
    assert phrases("ซึ่งทำการเก็บข้อมูลจากมากกว่า 220 ประเทศ พบว่า") == []
    assert phrases("ความร่วมมือของทั้ง 2 ประเทศ") == []
    assert phrases("ไทยอยู่ในอันดับ 101 จาก 180 ประเทศ") == []
    assert phrases("พบว่า ปี 2564 ประเทศไทยมีความยาวชายฝั่ง") == []


def test_a_count_and_the_countries_it_came_from_read_as_one():
    people, countries = find_figures("ส่งกลับบุคคลกว่า 10,000 คน จากกว่า 40 ประเทศ")
    assert combined(people, countries) == (
        "more than 10,000 people repatriated from more than 40 countries")
    assert combined(countries, people) is None
