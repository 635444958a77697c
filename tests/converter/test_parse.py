"""parse: the thaigov and dated shapes, headline repeats, lists, hashtags, separators, source."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.convert.dates import dates as dates_stage
from briefing.convert.normalise import normalise_text
from briefing.convert.parse import derive_headline, parse
from briefing.model import Release, ReleaseError

PREFIX = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-"


def _parse(text: str) -> Release:
    return parse(Release("x.txt", text=normalise_text(text)))


def test_thaigov_shape():
    r = _parse(
        f"{PREFIX}ข่าวดี มีประชุม\n\n\nวันพุธที่ 23 เมษายน 2568\nข่าวดี มีประชุม\nข่าวดี  มีประชุม\n"
        "ย่อหน้าแรกของข่าวที่ยาวพอสมควร\n(1) ข้อแรก\n(2) ข้อสอง\nและ (3) ข้อสาม\nย่อหน้าสุดท้าย\n"
        "#ข่าว #ประชุม\n#อาเซียน\n-----\n\nที่มา : https://www.thaigov.go.th/news/contents/details/95636"
    )
    assert r.title == "ข่าวดี มีประชุม"
    assert (r.date_line, r.date_line_no) == ("วันพุธที่ 23 เมษายน 2568", 4)
    assert r.paragraphs == (
        "ย่อหน้าแรกของข่าวที่ยาวพอสมควร",
        "(1) ข้อแรก\n(2) ข้อสอง และ\n(3) ข้อสาม",  # "และ (3)": the conjunction is kept
        "ย่อหน้าสุดท้าย",
    )
    assert r.paragraph_lines == (7, 8, 11)
    assert r.points == ("(1) ข้อแรก", "(2) ข้อสอง และ", "(3) ข้อสาม")
    assert r.hashtags == ("ข่าว", "ประชุม", "อาเซียน")
    assert r.source_url == "https://www.thaigov.go.th/news/contents/details/95636"
    assert r.shape == "thaigov" and r.body_lang == "th"


def test_two_line_headline_is_joined():
    r = _parse(
        f"{PREFIX}หัวข่าวบรรทัดแรก\n\nวันที่ 1 มีนาคม 2567\nหัวข่าวบรรทัดแรก\nต่อหัวข่าวอีกนิด\n"
        "เนื้อข่าวยาวกว่าบรรทัดหัวข่าวมากพอที่จะเป็นย่อหน้าของเนื้อหาจริงไม่ใช่หัวข่าว\n"
        "ที่มา: https://www.thaigov.go.th/news/contents/details/1"
    )
    assert r.title == "หัวข่าวบรรทัดแรก ต่อหัวข่าวอีกนิด"
    assert r.paragraphs[0].startswith("เนื้อข่าว")


def test_truncated_title_takes_the_full_repeat():
    full = "ข่าวที่มีหัวข่าวยาวมากจนถูกตัดในบรรทัดแรกของหน้าเว็บไซต์ ทำเนียบ"
    r = _parse(f"{PREFIX}{full[:40]}\n\nวันที่ 1 มีนาคม 2567\n{full}\nเนื้อหาข่าว\n")
    assert r.title == full


def test_print_and_numeric_date_chrome_dropped():
    r = _parse(f"{PREFIX}หัว\n\nวันที่ 1 มีนาคม 2567\n01/03/2567\nพิมพ์\nหัว\nเนื้อ\n")
    assert r.paragraphs == ("เนื้อ",)


def test_dated_shape_derives_headline():
    r = _parse(
        " date 2025-12-17 กระทรวงการต่างประเทศ จัดประชุมระหว่างประเทศว่าด้วยความร่วมมือ"
        "เพื่อต่อต้านอาชญากรรมหลอกลวงทางอินเทอร์เน็ต ระหว่างวันที่ 17 - 18 ธันวาคม 2568 ที่กรุงเทพฯ\n"
        "ย่อหน้าที่สอง"
    )
    assert r.shape == "dated" and r.date == date(2025, 12, 17) and r.source_url is None
    assert r.title.endswith("ทางอินเทอร์เน็ต")
    assert len(r.paragraphs) == 2 and r.paragraphs[0].startswith("กระทรวง")


def test_english_language_release():
    r = _parse(
        f"{PREFIX}PM meets envoy\n\nวันจันทร์ที่ 25 สิงหาคม 2568\nPM meets envoy\n"
        "August 25, 2025, the Prime Minister met the ambassador to discuss online scams.\n"
    )
    assert r.body_lang == "en" and r.title == "PM meets envoy"


def test_derive_headline_cuts_at_space():
    text = "คำ " * 80
    head = derive_headline(text)
    assert head.endswith("…") and len(head) <= 121 and not head[:-1].endswith(" ")


@pytest.mark.parametrize(
    "text, reason",
    [
        ("   \n\n", "no text"),
        (f"{PREFIX}หัว\n\nไม่มีวันที่\nเนื้อ\n", "no date line"),
        (f"{PREFIX}หัว\n\nวันที่ 1 มีนาคม 2567\nหัว\n\nที่มา : https://x.org/1", "no body"),
        (" date 2025-02-30 เนื้อ", "impossible date"),
    ],
)
def test_refusals(text, reason):
    with pytest.raises(ReleaseError, match=reason):
        _parse(text)


THAI_LINES = st.sampled_from([
    "", "วันพุธที่ 23 เมษายน 2568", "วันที่ 30 กุมภาพันธ์ 2567", "หัวข่าว", "(1) ข้อ", "และ (2) ข้อ",
    "#แท็ก", "-----", "ที่มา : https://www.thaigov.go.th/news/contents/details/1", "พิมพ์",
    " date 2025-12-17 เนื้อ", "เมื่อวันที่ 6 – 8 ก.พ. 66", "August 25, 2025, text",
])


@settings(deadline=None)  # no timing assertions: the machine may be busy
@given(st.lists(st.one_of(THAI_LINES, st.text(max_size=40)), max_size=12))
def test_parse_and_dates_only_refuse_with_release_error(lines):
    """Any text either parses (with a date) or is refused with a ReleaseError — never a crash."""
    try:
        release = dates_stage(_parse(PREFIX + "\n".join(lines)), date(2026, 1, 1))
    except ReleaseError as exc:
        assert str(exc)
    else:
        assert release.date is not None and release.paragraphs and release.title


@pytest.mark.parametrize(("url", "warned"), [
    ("https://www.thaigov.go.th/news/contents/details/95636", False),
    ("https://thaigov.go.th/news/1", False),
    ("https://evil.example.com/news/91009", True),
    ("https://thaigov.go.th.evil.example/news/1", True),
    ("https://user@evil.example.com/?x=thaigov.go.th", True),
])
def test_a_source_url_off_thaigov_is_kept_with_a_warning(url, warned):
    r = _parse(f"{PREFIX}ข่าวดี มีประชุม\n\nวันพุธที่ 23 เมษายน 2568\nข่าวดี มีประชุม\n"
               f"ย่อหน้าแรกของข่าวที่ยาวพอสมควร\n\nที่มา : {url}")
    assert r.source_url == url
    notes = [w for w in r.warnings if "is not on thaigov.go.th" in w]
    assert bool(notes) == warned
    if warned:
        assert notes[0].startswith("7: source URL ")


@pytest.mark.parametrize("url", [
    "https://www.thaigov.go.th/a><svg/onload=alert(37)>",
    'https://www.thaigov.go.th/x"><script>alert(1)</script>',
    "javascript:alert(document.domain)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "https://www.thaigov.go.th/news/1 <img src=x onerror=alert(1)>",
])
def test_a_source_line_that_is_no_web_address_is_dropped_with_its_line(url):
    r = _parse(f"{PREFIX}ข่าวดี มีประชุม\n\nวันพุธที่ 23 เมษายน 2568\nข่าวดี มีประชุม\n"
               f"ย่อหน้าแรกของข่าวที่ยาวพอสมควร\n\nที่มา : {url}")
    assert r.source_url is None
    assert [w for w in r.warnings if "is not an http(s) web address" in w] == [
        f"7: source URL {url!r} is not an http(s) web address: dropped (the release gets no "
        "source link; fix the ที่มา line)"]
    assert all("ที่มา" not in p for p in r.paragraphs)


def test_a_line_about_origins_is_not_a_source_line():
    """``ที่มา`` also means "origin": a sentence that does not give an address stays body text."""
    r = _parse(f"{PREFIX}ข่าวดี มีประชุม\n\nวันพุธที่ 23 เมษายน 2568\nข่าวดี มีประชุม\n"
               "ย่อหน้าแรกของข่าวที่ยาวพอสมควร\n\nที่มาของปัญหาคือการหลอกลวง")
    assert r.source_url is None and not r.warnings
    assert r.paragraphs[-1] == "ที่มาของปัญหาคือการหลอกลวง"
