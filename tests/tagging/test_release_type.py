"""Release types (briefing.convert.release_type) from cue words, on small inline texts named by
edge case."""

import pytest

from briefing.convert.release_type import classify, load_types


@pytest.fixture(scope="module")
def rules():
    return load_types()


def test_visit_out(rules):
    title = "นายกฯ เยือนราชอาณาจักรกัมพูชาอย่างเป็นทางการ หารือปราบแก๊งคอลเซ็นเตอร์"
    body = "นายกรัฐมนตรีเดินทางถึงกรุงพนมเปญ ราชอาณาจักรกัมพูชา เพื่อเยือนอย่างเป็นทางการตามคำเชิญของรัฐบาลกัมพูชา"
    assert classify(title, body, rules) == "visit-out"


def test_visit_in(rules):
    title = "นายกฯ ให้การต้อนรับประธานาธิบดีอินโดนีเซีย เยือนไทยอย่างเป็นทางการ"
    body = ("ประธานาธิบดีสาธารณรัฐอินโดนีเซียเดินทางเยือนประเทศไทยอย่างเป็นทางการ "
            "โดยนายกรัฐมนตรีให้การต้อนรับ ณ ทำเนียบรัฐบาล")
    assert classify(title, body, rules) == "visit-in"


def test_study_visit_to_thailand_is_visit_in(rules):
    title = "ดีอี ต้อนรับ คณะผู้บริหาร สปป.ลาว ศึกษาดูงานศูนย์ AOC"
    assert classify(title, "", rules) == "visit-in"


def test_courtesy_call(rules):
    title = "เอกอัครราชทูตปากีสถานประจำประเทศไทย เข้าเยี่ยมคารวะรัฐมนตรี"
    assert classify(title, "", rules) == "courtesy-call"


def test_fake_news_debunk(rules):
    title = "ดีอี เตือน ข่าวปลอม “จะเกิดแผ่นดินไหวที่ภาคอีสาน” สร้างความเข้าใจผิด"
    body = "กรมอุตุนิยมวิทยาตรวจสอบพบว่าเป็นข้อมูลเท็จ ขอให้ประชาชนอย่าแชร์หรือส่งต่อข่าวดังกล่าวโดยเด็ดขาด"
    assert classify(title, body, rules) == "fake-news"


def test_cabinet_digest(rules):
    assert classify("สรุปข่าวการประชุม ครม. 1 เมษายน 2568", "", rules) == "cabinet-digest"


def test_crackdown(rules):
    title = "ดีอี-ตำรวจไซเบอร์ ทลายเครือข่ายเว็บพนัน จับกุมผู้ต้องหา 20 ราย"
    assert classify(title, "", rules) == "crackdown"


def test_agreement(rules):
    title = "ดีอี ร่วมลงนาม MOU กับกระทรวงการสื่อสารอินโดนีเซีย"
    assert classify(title, "", rules) == "agreement"


def test_nothing_is_other(rules):
    assert classify("", "", rules) == "other"
