"""Meeting sessions and their status from synthetic sentences (real taxonomy)."""

from __future__ import annotations

import datetime as dt

from briefing.convert.meetings import find_meetings


def refs(matcher, text, pub=None, event=None) -> dict[str, tuple[str, bool]]:
    found = find_meetings(text, matcher.find(text), matcher.taxonomy, pub, event)
    return {m.id: (m.status, m.known) for m in found}


def test_thai_number_after_the_series(matcher):
    text = "ปลัดกระทรวงเป็นประธานการประชุมคณะทำงาน WG-AS ครั้งที่ 5 ณ กรุงจาการ์ตา"
    assert refs(matcher, text, dt.date(2025, 4, 23)) == {"wg-as/5": ("held", True)}


def test_english_ordinal_before_the_series(matcher):
    text = "ได้เข้าร่วมการประชุม (The 4th ASEAN Digital Ministers’ Meeting: The 4th ADGMIN)"
    assert refs(matcher, text, dt.date(2024, 3, 7)) == {"adgmin/4": ("held", True)}


def test_first_meeting_is_number_one_and_future_date_is_announced(matcher):
    text = "และจะจัดประชุมคณะทำงานอาเซียน WG-AS ครั้งแรก อีกด้วย"
    assert refs(matcher, text, dt.date(2023, 8, 25)) == {"wg-as/1": ("announced", True)}


def test_unknown_session_of_a_known_series_is_kept(matcher):
    text = "ปลัดดีอี เป็นประธานการประชุม WG-AS ครั้งที่ 9 ณ กรุงมะนิลา"
    assert refs(matcher, text, dt.date(2027, 5, 1)) == {"wg-as/9": ("held", False)}


def test_undated_session_goes_by_cue_words(matcher):
    assert refs(matcher, "มีกำหนดจะจัดการประชุม WG-AS ครั้งที่ 8 ในเดือนมีนาคมนี้") == {
        "wg-as/8": ("announced", False)
    }
    assert refs(matcher, "ผลการประชุม WG-AS ครั้งที่ 8 สรุปว่า") == {"wg-as/8": ("held", False)}
    assert refs(matcher, "ตามแนวทางของ WG-AS ครั้งที่ 8 ด้วย") == {"wg-as/8": ("mentioned", False)}


def test_past_session_only_named_is_mentioned(matcher):
    text = "ไทยผลักดันแนวทางตามมติของ ADGMIN ครั้งที่ 4 อย่างต่อเนื่อง"
    assert refs(matcher, text, dt.date(2025, 6, 1)) == {"adgmin/4": ("mentioned", True)}


def test_number_within_a_year(matcher):
    text = (
        "เข้าร่วมการประชุมผู้นำเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัลและผู้นำสภาหน่วยงานกำกับดูแลกิจการ"
        "โทรคมนาคมแห่งอาเซียน อย่างไม่เป็นทางการ ครั้งที่ 2 (The 2nd ASEAN Digital Senior Officials "
        "Meeting - ASEAN Telecommunications Regulators’ Council Leaders’ Retreat of 2023) "
        "ประจำปี 2566"
    )
    assert refs(matcher, text, dt.date(2023, 8, 25), dt.date(2023, 8, 24)) == {
        "adgsom-atrc/2023-2": ("held", True)
    }


def test_year_taken_from_the_release_when_not_written(matcher):
    text = "ร่วมประชุม ADGSOM-ATRC Leaders’ Retreat ครั้งที่ 3 ที่ผ่านมา"
    assert refs(matcher, text, dt.date(2024, 9, 1)) == {"adgsom-atrc/2024-3": ("held", False)}


def test_yearly_series_takes_the_year_or_the_dated_session(matcher):
    assert refs(matcher, "ไทยจะเป็นเจ้าภาพ IC-GPOS 2026", dt.date(2026, 1, 5)) == {
        "ic-gpos/2026": ("announced", False)
    }
    text = "จัดประชุม IC-GPOS ที่กรุงเทพฯ"
    assert refs(matcher, text, dt.date(2025, 12, 17)) == {"ic-gpos/2025": ("held", True)}


def test_unnumbered_mention_far_from_any_session_tags_the_series_alone(matcher):
    assert refs(matcher, "ไทยเป็นประธาน WG-AS", dt.date(2030, 1, 1)) == {"wg-as": ("held", True)}


def test_series_alone_gets_its_status_from_cue_words(matcher):
    text = "ไทยมีกำหนดจะจัดการประชุมคณะทำงาน WG-AS ในเดือนหน้า"
    assert refs(matcher, text, dt.date(2030, 1, 1)) == {"wg-as": ("announced", True)}
    text = "ตามแนวทางของคณะทำงาน WG-AS ด้วย"
    assert refs(matcher, text, dt.date(2030, 1, 1)) == {"wg-as": ("mentioned", True)}


def test_series_alone_is_not_added_when_a_numbered_session_is_named(matcher):
    text = "ผลการประชุม WG-AS ครั้งที่ 8 สรุปว่า\nคณะทำงาน WG-AS จะติดตามผลต่อไป"
    assert refs(matcher, text, dt.date(2030, 1, 1)) == {"wg-as/8": ("held", False)}


def test_series_alone_ref_has_the_series_as_its_id(matcher):
    (ref,) = find_meetings("ไทยเป็นประธาน WG-AS", matcher.find("ไทยเป็นประธาน WG-AS"),
                           matcher.taxonomy, dt.date(2030, 1, 1))
    assert (ref.series, ref.session, ref.id) == ("wg-as", None, "wg-as")


def test_distant_number_needs_a_meeting_word(matcher):
    text = "คณะทำงาน WG-AS ได้ดำเนินงานตามแผนงานด้านการป้องกันภัยออนไลน์ของภูมิภาคต่อเนื่องครั้งที่ 3"
    assert refs(matcher, text, dt.date(2030, 1, 1)) == {"wg-as": ("mentioned", True)}


def test_tag_warns_about_unknown_sessions(matcher):
    from briefing.convert.tag import tag
    from briefing.model import Release

    release = Release(
        source_file="x.txt",
        title="ปลัดดีอี เป็นประธานการประชุม WG-AS ครั้งที่ 9",
        paragraphs=("ปลัดดีอี เป็นประธานการประชุม WG-AS ครั้งที่ 9 ณ กรุงมะนิลา",),
        date=dt.date(2027, 5, 1),
    )
    tagged = tag(release, matcher)
    assert [m.id for m in tagged.meetings] == ["wg-as/9"]
    assert tagged.warnings == (
        "meeting wg-as/9 is not in content/taxonomy/meetings.yaml: add its date and venue there",
    )
    assert "PH" in tagged.countries and tagged.places == ("Manila",)


def test_other_meetings_named_after_a_series_are_not_it(matcher):
    assert refs(matcher, "การประชุมสุดยอดอาเซียน - จีน ครั้งที่ 27") == {}
    assert refs(matcher, "การประชุมสุดยอดอาเซียนบวกสาม ครั้งที่ 26") == {}


def test_two_consecutive_sessions(matcher):
    text = "นายกรัฐมนตรีเข้าร่วมการประชุมสุดยอดอาเซียน ครั้งที่ 44 และ 45 ณ เวียงจันทน์"
    assert refs(matcher, text, dt.date(2024, 10, 12)) == {
        "asean-summit/44": ("held", True),
        "asean-summit/45": ("held", True),
    }


def test_committee_numbered_within_a_year(matcher):
    text = "เป็นประธานการประชุมคณะกรรมการป้องกันและปราบปรามอาชญากรรมทางเทคโนโลยี ครั้งที่ 3/2568"
    assert refs(matcher, text, dt.date(2025, 4, 26)) == {
        "tech-crime-committee/2025-3": ("held", True)
    }


def test_the_press_paraphrases_of_the_working_group_name_the_series(matcher):
    """Names of WG-AS seen in real releases (paraphrases, spaces inside included)."""
    for text in (
        "การตั้งคณะทำงานอาเซียนด้านการป้องกันและปราบปรามปัญหา หลอกลวง ทางสื่อออนไลน์ต่างๆ",
        "เป็นประธานคณะทำงานว่าด้วยการต่อต้านการหลอกลวงออนไลน์ในอาเซียน และได้จัดทำรายงาน",
        "ข้อเสนอการจัดตั้งคณะทำงานด้านการต่อต้านการหลอกลวงออนไลน์ของอาเซียน เพื่อให้เกิด",
        "ตามแนวทางของคณะทำงานอาเซียนด้านการป้องกันการหลอกลวงผ่านสื่อออนไลน์ ด้วย",
    ):
        assert "wg-as" in refs(matcher, text, dt.date(2030, 1, 1)), text
