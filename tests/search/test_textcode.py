"""The Thai search coding: lossless, mark-exact, never a prefix of a longer word."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from plugins.search.textcode import (
    FREQUENT_WORDS,
    decode_text,
    decode_word,
    encode_text,
    encode_word,
    normalize,
    thai_words,
)

THAI = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B).filter(
    lambda c: not 0x0E3B <= ord(c) <= 0x0E3E)
TEXT = st.text(st.one_of(THAI, st.sampled_from("abcXYZ019 -–.,()\n\u200b")), max_size=80)


@given(TEXT)
def test_coding_is_lossless(text):
    assert decode_text(encode_text(text)) == normalize(text.replace("_", "-"))


@given(st.text(THAI, min_size=1, max_size=12))
def test_coded_words_are_ascii_and_round_trip(word):
    coded = encode_word(word)
    assert re.fullmatch(r"q[jk][a-p]+z", coded)
    assert decode_word(coded) == word


def test_marks_count_and_no_prefix_matches():
    # Pagefind folds marks (ม้า = มา) and prefix-matches (มา ⊂ มาตรการ): the codes must not
    assert encode_word("ม้า") != encode_word("มา")
    assert not encode_word("มาตรการ").startswith(encode_word("มา"))
    assert encode_word("บัญชี") != encode_word("บญช")


def test_thai_is_cut_like_the_browser():
    # what Chromium's Intl.Segmenter('th') gives for the same runs (ICU dictionary)
    assert thai_words("การหลอกลวง") == ["การ", "หลอก", "ลวง"]
    assert thai_words("เปิดบัญชีม้า") == ["เปิด", "บัญชี", "ม้า"]


def test_coded_text_has_no_thai_and_keeps_other_words():
    coded = encode_text("แก๊ง Call Center ใน กัมพูชา WG-AS")
    assert not re.search(r"[\u0e00-\u0e7f]", coded)
    assert "Call _ Center" in coded and "WG-AS" in coded


def test_normalize_removes_invisibles_and_spelling_variants():
    assert normalize("เเละ\u200b คน  ทํา") == "และ คน ทำ"


def test_frequent_words_sort_apart():
    assert "การ" in FREQUENT_WORDS and "กัมพูชา" not in FREQUENT_WORDS
    assert encode_word("การ").startswith("qk") and encode_word("กัมพูชา").startswith("qj")
    assert decode_text(encode_text("การกัมพูชา")) == "การกัมพูชา"
