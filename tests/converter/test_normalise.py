"""normalise: invisible characters, spaces, digits, line ends — and Thai marks kept."""

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.convert.normalise import compare_key, normalise_text


def test_invisible_and_spaces():
    raw = "\ufeffเเก้ว\u200b\u200c\u200d\u2060 ข่าว\u00a0\u00a0ดี\u202f \t x  \r\nบรรทัด\rสาม  "
    assert normalise_text(raw) == "แก้ว ข่าว ดี x\nบรรทัด\nสาม"


def test_thai_digits_and_marks_kept():
    assert normalise_text("วันที่ ๒๔ มีนาคม ๒๕๖๗") == "วันที่ 24 มีนาคม 2567"
    thai = "น้ำใจ ที่ผ่านมา กำลังคน ฯลฯ ๆ"
    assert normalise_text(thai) == thai


def test_bidi_controls_dropped():
    assert normalise_text("A\u202eB\u2066C\u200eD") == "ABCD"


def test_compare_key_ignores_spacing_and_dashes():
    assert compare_key("Anti – Online  Scams") == compare_key("Anti-Online Scams")
    assert compare_key("“ข่าว”") == compare_key("ข่าว")


printable = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200
)


@settings(deadline=None)  # no timing assertions: the machine may be busy
@given(printable)
def test_idempotent(text):
    once = normalise_text(text)
    assert normalise_text(once) == once


@settings(deadline=None)  # no timing assertions: the machine may be busy
@given(printable)
def test_no_invisible_or_cr_left(text):
    out = normalise_text(text)
    assert "\r" not in out and "\u200b" not in out and "\ufeff" not in out and "\u00a0" not in out
    assert all(not line.endswith(" ") and "  " not in line for line in out.split("\n"))
