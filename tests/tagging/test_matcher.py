"""Token-aware Thai matching and boundary-aware Latin matching."""

from __future__ import annotations

import pickle

import pytest

from briefing.convert.tag import compile_matcher
from briefing.taxonomy import load_taxonomy
from briefing.taxonomy.matcher import latin_key


def found(matcher, text: str, kind: str | None = None) -> list[str]:
    return [h.id for h in matcher.find(text) if kind is None or h.kind == kind]


def test_lao_inside_another_word_is_not_laos(matcher):
    assert found(matcher, "ภูเขาไฟพ่นลาวาออกมา", "countries") == []
    assert found(matcher, "นักท่องเที่ยวชมลาวาที่ไหลลงทะเล", "countries") == []
    assert found(matcher, "ประชาชนชาวลาวและแรงงานลาว", "countries") == ["LA", "LA"]
    assert found(matcher, "สปป.ลาว และ สปป. ลาว", "countries") == ["LA", "LA"]


def test_names_glued_to_common_words_are_seen(matcher):
    assert found(matcher, "คนไทยในกัมพูชา", "countries") == ["TH", "KH"]
    assert found(matcher, "ประเทศไทยและราชอาณาจักรกัมพูชา", "countries") == ["TH", "KH"]
    assert found(matcher, "เกาหลีเหนือ", "countries") == ["KP"]  # North Korea, not South Korea


def test_short_thai_alias_does_not_match_across_words(matcher):
    assert found(matcher, "ทำได้ดีอีกด้วย", "organisations") == []
    assert found(matcher, "ดีอี เตรียมเยือนกัมพูชา", "organisations") == ["mdes"]


@pytest.mark.parametrize(
    "text",
    ["WG-AS", "WG – AS", "WG - AS", "WGAS", "wg-as", "ASEAN Working Group on Anti – Online Scams"],
)
def test_wg_as_spellings(matcher, text):
    assert found(matcher, f"การประชุม {text} ครั้งที่ 1", "meetings") == ["wg-as"]


def test_generic_anti_online_scam_is_not_the_working_group(matcher):
    text = "ศูนย์ AOC 1441 (Anti Online Scam Operation Center)"
    assert found(matcher, text, "meetings") == []
    assert "aoc-1441" in found(matcher, text, "organisations")


def test_short_capital_acronyms_match_only_in_capitals(matcher):
    assert found(matcher, "help us now", "countries") == []
    assert found(matcher, "the US and Cambodia", "countries") == ["US", "KH"]
    assert found(matcher, "US$300 million", "countries") == []


def test_typo_aliases_are_data(matcher):
    assert "asean" in found(matcher, "ประเทศสมาชิกอาเชียน", "organisations")


def test_each_kind_matches_on_its_own(matcher):
    text = "หน่วยงานกำกับดูแลกิจการโทรคมนาคมแห่งราชอาณาจักรกัมพูชา"
    hits = {(h.kind, h.id) for h in matcher.find(text)}
    assert {("organisations", "trc"), ("countries", "KH")} <= hits


def test_matcher_pickles_without_its_indexes(matcher):
    data = pickle.dumps(matcher)
    assert len(data) < 2_000_000
    clone = pickle.loads(data)
    text = "คณะทำงาน WG-AS ณ กรุงจาการ์ตา"
    assert found(clone, text) == found(matcher, text)


def test_latin_key():
    assert latin_key("WG – AS") == latin_key("wgas") == "wgas"


def test_tiny_taxonomy(tmp_path):
    folder = tmp_path / "tax"
    folder.mkdir()
    (folder / "countries.yaml").write_text("- id: LA\n  aliases: {th: [สปป.ลาว]}\n", "utf-8")
    (folder / "topics.yaml").write_text(
        "- id: scams\n  name: {th: มิจฉาชีพ, en: Scams}\n  aliases: {en: [Online Scam]}\n", "utf-8"
    )
    tiny = compile_matcher(load_taxonomy(folder))
    assert found(tiny, "มิจฉาชีพใน สปป.ลาว ใช้ online scams") == ["scams", "LA", "scams"]
    assert tiny.conflicts == []


def test_every_country_is_known_with_its_press_forms(matcher):
    for text, code in (("สหพันธรัฐรัสเซีย", "RU"), ("ซาอุดีอาระเบีย", "SA"), ("ไต้หวัน", "TW"),
                       ("สหรัฐอาหรับเอมิเรตส์", "AE"), ("คาซัคสถาน", "KZ"), ("New Zealand", "NZ"),
                       ("ฝรั่งเศส", "FR"), ("Germany", "DE")):
        assert found(matcher, f"ความร่วมมือกับ{text} ด้านดิจิทัล", "countries") == [code], text
    # CLDR's own names are in both languages, from Babel: no hand-written country table
    assert matcher.taxonomy.get("countries", "KZ").name == {"th": "คาซัคสถาน", "en": "Kazakhstan"}


def test_a_country_name_that_is_also_a_word_tags_only_in_its_press_form(matcher):
    assert found(matcher, "นางสาวมาลี ใจดี เจ้าหน้าที่", "countries") == []
    assert found(matcher, "ความร่วมมือกับประเทศมาลี", "countries") == ["ML"]
    assert found(matcher, "Mr Jordan Smith spoke", "countries") == []
