"""What a release is about (briefing.convert.about): edge cases, each on a small inline release.

The real taxonomy (every CLDR country included) and the converter's compiled matcher.
"""

import pytest

from briefing.convert.about import about
from briefing.convert.digest import digest_items


@pytest.fixture(scope="module")
def built(matcher):
    return matcher, matcher.cues


def run_about(built, title, paragraphs, rtype=None):
    matcher, cues = built
    hits = matcher.find("\n".join([title, *paragraphs]))
    return about(title, paragraphs, hits, matcher.taxonomy, cues, rtype)

LEAD = ("กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม (ดีอี) ร่วมกับสำนักงานตำรวจแห่งชาติ เปิดปฏิบัติการ"
        "กวาดล้างแก๊งคอลเซ็นเตอร์ที่หลอกลวงประชาชนผ่านโทรศัพท์ พร้อมขยายผลจับกุมผู้เกี่ยวข้อง")


def test_hotline_footer_is_not_a_topic(built):
    paras = [LEAD,
             "สามารถแจ้งเบาะแส ข่าวปลอม และอาชญากรรมออนไลน์ทุกรูปแบบ โทรสายด่วน 1111 (24 ชม.)",
             "|  Line ID: @antifakenewscenter | เว็บไซต์ www.antifakenewscenter.com"]
    ab = run_about(built, "ดีอี ผนึกตำรวจ ทลายแก๊งคอลเซ็นเตอร์", paras)
    assert "call-centre-gangs" in ab.core["topics"]
    assert "fake-news" not in ab.core["topics"]
    assert "fake-news" in ab.mentioned["topics"]
    assert "anti-fake-news-center" not in ab.core["organisations"]


def test_asean_member_list_only_mentions_countries(built):
    members = ("ที่ประชุมมีผู้แทนจากประเทศสมาชิกอาเซียน ได้แก่ บรูไน กัมพูชา อินโดนีเซีย ลาว "
               "มาเลเซีย เมียนมา ฟิลิปปินส์ สิงคโปร์ และเวียดนาม เข้าร่วมการประชุมครั้งนี้ด้วย")
    ab = run_about(built, "ปลัดดีอี เป็นประธานการประชุมเจ้าหน้าที่อาวุโสอาเซียนด้านดิจิทัล",
                   [LEAD, members])
    assert ab.core["countries"] == ("TH",)
    assert {"KH", "SG", "VN"} <= set(ab.mentioned["countries"])


def test_counterpart_in_title_is_core(built):
    ab = run_about(built, "นายกฯ หารือนายกรัฐมนตรีกัมพูชา ร่วมปราบแก๊งคอลเซ็นเตอร์", [LEAD])
    assert set(ab.core["countries"]) == {"TH", "KH"}


def test_capital_in_lead_makes_country_core(built):
    lead = ("รองนายกรัฐมนตรีเดินทางถึงกรุงพนมเปญ เพื่อหารือความร่วมมือด้านการปราบปราม"
            "แก๊งคอลเซ็นเตอร์กับรัฐบาลกัมพูชาอย่างเป็นทางการในวันนี้")
    ab = run_about(built, "รองนายกฯ ร่วมหารือความร่วมมือ", [lead])
    assert "KH" in ab.core["countries"]


def test_ministry_in_a_persons_title_is_mentioned(built):
    lead = ("นายประเสริฐ จันทรรวงทอง รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม กล่าวว่า"
            " ประชาชนควรระวังการหลอกลวงออนไลน์ในช่วงเทศกาลปีใหม่อย่างยิ่ง")
    ab = run_about(built, "ประเสริฐ เตือนภัยออนไลน์ช่วงปีใหม่", [lead])
    assert "mdes" not in ab.core["organisations"]
    assert "mdes" in ab.mentioned["organisations"]


DIGEST_BODY = [
    "วันนี้ เวลา 09.00 น. ณ ตึกสันติไมตรี ทำเนียบรัฐบาล นายกรัฐมนตรี เป็นประธานการประชุม"
    "คณะรัฐมนตรี ซึ่งสรุปสาระสำคัญดังนี้",
    "1. เรื่อง ร่างพระราชกฤษฎีกากำหนดเขตที่ดินในบริเวณที่ดินป่าชายเลน",
    "2. เรื่อง มาตรการป้องกันและปราบปรามอาชญากรรมทางเทคโนโลยี",
    "1. เรื่อง ร่างพระราชกฤษฎีกากำหนดเขตที่ดินในบริเวณที่ดินป่าชายเลน",
    "คณะรัฐมนตรีมีมติอนุมัติตามที่กระทรวงทรัพยากรธรรมชาติเสนอ ร่วมกับประเทศญี่ปุ่นและจีน",
    "2. เรื่อง มาตรการป้องกันและปราบปรามอาชญากรรมทางเทคโนโลยี",
    "คณะรัฐมนตรีรับทราบมาตรการแก้ไขปัญหาแก๊งคอลเซ็นเตอร์และบัญชีม้า ตามที่กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคมเสนอ",
]


def test_cabinet_digest_items(built):
    _, cues = built
    text = "\n".join(["สรุปข่าวการประชุมคณะรัฐมนตรี 7 มกราคม 2568", *DIGEST_BODY])
    items = digest_items(text, cues)
    assert [i.number for i in items] == [1, 2]  # the table of contents is not taken for items
    assert text[items[1].start:].startswith("2. เรื่อง มาตรการ")
    assert items[0].end == items[1].start


def test_cabinet_digest_is_about_its_scam_items(built):
    ab = run_about(built, "สรุปข่าวการประชุมคณะรัฐมนตรี 7 มกราคม 2568", DIGEST_BODY,
                   "cabinet-digest")
    assert ab.core["countries"] == ("TH",)
    assert "cabinet" in ab.core["organisations"]
    assert "call-centre-gangs" in ab.core["topics"]
    assert {"JP", "CN"} <= set(ab.mentioned["countries"])
    on = [i.number for i in ab.items if i.on_subject]
    assert on == [2]
