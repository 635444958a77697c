"""The English page: real English from extracted data; Thai script only in the glossary table."""

from __future__ import annotations

import dataclasses
import re

import pytest

from briefing.convert.english import TRANSLATION_PLACEHOLDER, render_english, summary_th
from briefing.convert.romanise import find_names, royin
from briefing.convert.tag import tag
from briefing.model import MeetingRef, Release

THAI = re.compile(r"[\u0e00-\u0e7f]")
GLOSSARY_ROW = re.compile(r'\| <span lang="th">[^|]+</span> \| [^\u0e00-\u0e7f]+ \|')


@pytest.fixture(scope="module")
def english(seeds, matcher):
    return {key: render_english(release, matcher) for key, release in seeds.items()}


def test_headlines(english):
    assert english["001"].title == (
        "MDES Permanent Secretary Wisit Wisitsora-at chairs the 5th ASEAN Working Group on "
        "Anti-Online Scams meeting in Jakarta"
    )
    assert english["003"].title.startswith("Minister of Foreign Affairs Sihasak Phuangketkeow")
    assert "Global Partnership against Online Scams 2025 in Bangkok" in english["003"].title
    # Minister Prasert speaks, but he assigned Permanent Secretary Wisit, who travels
    # a visit the title announces: who travels, where, "to visit"; never a list of topics
    assert english["002"].title.startswith("MDES") and " and " not in english["002"].title
    assert "to visit Cambodia" in english["002"].title and "Prasert" not in english["002"].summary
    assert "2nd ADGSOM–ATRC Leaders' Retreat of 2023 in Bali" in english["004"].title


def test_no_thai_outside_the_glossary_table(english):
    for text in english.values():
        assert not THAI.search(text.title) and not THAI.search(text.summary)
        for line in text.body.splitlines():
            if THAI.search(line):
                assert GLOSSARY_ROW.fullmatch(line), line


def test_facts_use_babel_dates_status_and_figures(english):
    body = english["003"].body
    assert "- **Published:** 17 December 2025" in body
    assert "- **Event date:** 17–18 December 2025" in body  # a range starting on publication day
    assert "(17–18 December 2025; Bangkok, Thailand) — held" in body
    assert "338 participants from 58 countries" in body and "US$300 million" in body
    assert "Sihasak Phuangketkeow (Minister of Foreign Affairs)" in body
    assert "- **Countries:** " in body
    assert "    - Countries: China, " in body  # the seven delegations: named in passing
    facts = english["004"].body
    assert "4th ASEAN Digital Ministers' Meeting (ADGMIN) (1–2 February 2024; Singapore)" in facts
    assert "— announced (to be held)" in facts


def test_sections_and_placeholder(english):
    for text in english.values():
        assert text.body.index("## Facts") < text.body.index("## Glossary")
        assert text.body.index("## Glossary") < text.body.index("## Editor's translation")
        assert text.body.rstrip().endswith(TRANSLATION_PLACEHOLDER)
        assert "translation_status: reviewed" in text.body


def test_unknown_thai_names_are_romanised(matcher):
    text = "โดยมี นายสมศักดิ์ รักษ์ดีงาม ผู้ตรวจราชการ และนายกรัฐมนตรี กล่าวว่า นายประเสริฐ จันทรรวงทอง"
    known = [(h.start, h.end) for h in matcher.find(text) if h.kind == "people"]
    names = find_names(text, known)
    assert [thai for thai, _ in names] == ["สมศักดิ์ รักษ์ดีงาม"]
    assert names[0][1] == royin("สมศักดิ์ รักษ์ดีงาม") and names[0][1].startswith("Somsak ")


def test_romanised_names_are_flagged_in_the_english_page(seeds, matcher):
    roman = (("เอกพงษ์ หริ่มเจริญ", "Ekphong Rimcherin"),)
    body = render_english(dataclasses.replace(seeds["000"], romanised=roman), matcher).body
    assert "Ekphong Rimcherin *(romanised)*" in body
    assert '| <span lang="th">เอกพงษ์ หริ่มเจริญ</span> | Ekphong Rimcherin *(romanised)* |' in body


def test_summary_th(seeds):
    text = summary_th(seeds["001"])
    assert text.startswith("วันที่ 22 เมษายน 2568") and len(text) <= 301


def test_series_named_without_a_session_in_facts_not_headline(seeds, matcher):
    bare = (MeetingRef("wg-as", None, "mentioned"),)
    text = render_english(dataclasses.replace(seeds["002"], meetings=bare), matcher)
    assert (
        "ASEAN Working Group on Anti-Online Scams (WG-AS; session not stated) — mentioned"
        in text.body
    )
    assert "Working Group" not in text.title  # a series alone does not make the headline


def _headline(matcher, title: str, *paragraphs: str) -> str:
    release = tag(Release("x.txt", title=title, paragraphs=paragraphs), matcher)
    return render_english(release, matcher).title


def test_headline_subject_is_the_actor_not_a_person_named_in_passing(matcher):
    title = "การประชุม GBC ไทย - กัมพูชา ครั้งที่ 16 ณ กรุงพนมเปญ"
    later = "ตั้งแต่สมเด็จฮุน มาเนต รับตำแหน่ง นรม.กัมพูชา ก็ได้มีการออกนโยบายต่างๆ"
    lead = "วันนี้ นายสุทิน คลังแสง รัฐมนตรีว่าการกระทรวงกลาโหม ได้เข้าร่วมการประชุม GBC"
    assert _headline(matcher, title, lead, later).startswith("Minister of Defence Sutin Klungsang")
    unknown = "วันนี้ นายสมชาย ใจดีมาก รัฐมนตรี ได้เข้าร่วมการประชุม GBC ไทย - กัมพูชา"
    assert "Hun Manet" not in _headline(matcher, title, unknown, later)


def test_headline_subject_is_whom_a_spokesperson_reports_on(matcher):
    lead = ("นายจิรายุ ห่วงทรัพย์ โฆษกประจำสำนักนายกรัฐมนตรี เปิดเผยว่า นางสาวแพทองธาร ชินวัตร "
            "นายกรัฐมนตรี ได้หารือเรื่องการปราบปรามแก๊งคอลเซ็นเตอร์")
    title = _headline(matcher, "นายกฯ หารือปราบแก๊งคอลเซ็นเตอร์", lead)
    assert title.startswith("PM Paetongtarn"), title


def test_headline_subject_is_never_a_company_named_in_the_body(matcher):
    lead = ("นายสมชาย ใจดีมาก ผู้ว่าราชการจังหวัด เปิดเผยว่า มิจฉาชีพใช้เพจเฟซบุ๊กและแอปพลิเคชันไลน์ "
            "หลอกขายแพคเกจทัวร์ ทำให้ประชาชนเสียหาย ขอให้ระวังการโอนเงิน")
    title = _headline(matcher, "ผู้ว่าฯ เตือนภัยทัวร์ทิพย์หลอกลวงออนไลน์", lead)
    assert not title.startswith(("Meta", "LINE")), title


def test_thin_headlines_of_different_days_are_distinct():
    """A headline that shows no event, counterpart, place or figure carries its date, so two
    releases of different days never share it; one that shows its event stays as it is."""
    import datetime as dt

    from briefing.convert.compose import Facts
    from briefing.convert.english import dated_if_thin

    thin = [Facts(type="fake-news", actor="MDES", published=dt.date(2025, 6, d)) for d in (20, 21)]
    titles = {dated_if_thin("MDES flags a false claim circulating online", f) for f in thin}
    assert titles == {"MDES flags a false claim circulating online — 20 June 2025",
                      "MDES flags a false claim circulating online — 21 June 2025"}
    event = Facts(type="meeting", actor="MDES", event="5th ADGMIN", published=dt.date(2025, 1, 16))
    assert dated_if_thin("MDES attends the 5th ADGMIN", event) == "MDES attends the 5th ADGMIN"
