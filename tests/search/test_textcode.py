"""The Thai search coding: lossless, mark-exact, and the word-start rule both ways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.taxonomy import load_taxonomy
from plugins.search.textcode import (
    FREQUENT_WORDS,
    SPAN,
    decode_text,
    decode_word,
    encode_run,
    encode_text,
    normalize,
    query_word,
    taxonomy_tokenizer,
    thai_words,
)

ROOT = Path(__file__).resolve().parents[2]
THAI = st.characters(min_codepoint=0x0E01, max_codepoint=0x0E5B).filter(
    lambda c: not 0x0E3B <= ord(c) <= 0x0E3E)
TEXT = st.text(st.one_of(THAI, st.sampled_from("abcXYZ019 -–.,()\n\u200b")), max_size=80)


@pytest.fixture(scope="module")
def tokenize():
    return taxonomy_tokenizer(load_taxonomy(ROOT / "content" / "taxonomy"))


def finds(query: str, text: str, tokenize) -> bool:
    """What Pagefind does with the coded words: an index word that starts with the query's."""
    wanted = query_word(normalize(query))
    return any(word.startswith(wanted) for word in encode_text(text, tokenize).split(" "))


@given(TEXT)
def test_coding_is_lossless(text):
    assert decode_text(encode_text(text)) == normalize(text.replace("_", "-"))


@given(st.text(THAI, min_size=1, max_size=40))
def test_coded_words_are_ascii_and_decode_to_their_first_word(run):
    words = encode_run(run)
    assert all(re.fullmatch(r"q[jk][a-p]+z[a-p]{2}", w) for w in words)
    assert "".join(decode_word(w) for w in words) == run


@pytest.mark.parametrize("query, text", [
    ("สแกม", "สแกมเมอร์"),  # ICU cuts it ส|แกม|เม|อร์; สแกม alone is one word
    ("สแกม", "แก๊งสแกมเมอร์ในกัมพูชา"),
    ("สแกมเมอร์", "ศูนย์สแกมเมอร์"),
    ("ม้า", "เปิดบัญชีม้า"),
    ("ตัดไฟ", "มาตรการตัดไฟฟ้า"),
    ("ดีเอสไอ", "กรมสอบสวนคดีพิเศษหรือดีเอสไอ"),  # a taxonomy word ICU cuts into letters
    ("อินเตอร์โพล", "ประสานอินเตอร์โพลแล้ว"),
    ("แก๊งคอลเซ็นเตอร์", "ปราบปรามแก๊งคอลเซ็นเตอร์"),  # longer than SPAN: its first SPAN
])
def test_a_word_finds_words_that_begin_with_it_at_a_word_boundary(query, text, tokenize):
    assert finds(query, text, tokenize)


@pytest.mark.parametrize("query, text", [
    ("ม้า", "มาตรการป้องกัน"),  # marks count: ม้า is not มา
    ("มา", "ม้าลาย"),
    ("บญช", "เปิดบัญชี"),  # stripped marks find nothing
    ("ไลน์", "สื่อออนไลน์"),  # no word boundary before ไลน์
    ("ลาว", "ระบบคลาวด์"),
    ("จีน", "จังหวัดปราจีนบุรี"),
    ("ดีอี", "ดำเนินคดีอีก"),
    ("การ", "การประชุม"),  # a frequent word is searched exactly
])
def test_a_word_never_finds_a_word_it_is_only_inside(query, text, tokenize):
    assert not finds(query, text, tokenize)


def test_long_queries_are_cut_to_span():
    assert len(query_word("แก๊งคอลเซ็นเตอร์")) == 2 + 2 * SPAN


def test_thai_is_cut_like_the_browser():
    # what Chromium's Intl.Segmenter('th') gives for the same runs (ICU dictionary)
    assert thai_words("การหลอกลวง") == ["การ", "หลอก", "ลวง"]
    assert thai_words("เปิดบัญชีม้า") == ["เปิด", "บัญชี", "ม้า"]


def test_coded_text_has_no_thai_and_keeps_other_words(tokenize):
    coded = encode_text("แก๊ง Call Center ใน กัมพูชา WG-AS", tokenize)
    assert not re.search(r"[\u0e00-\u0e7f]", coded)
    assert "Call Center" in coded and "WG-AS" in coded  # neighbours, for phrase queries
    assert decode_text(coded) == "แก๊ง Call Center ใน กัมพูชา WG-AS"


def test_normalize_removes_invisibles_and_spelling_variants():
    assert normalize("เเละ\u200b คน  ทํา") == "และ คน ทำ"


def test_frequent_words_are_indexed_alone():
    assert "การ" in FREQUENT_WORDS and "กัมพูชา" not in FREQUENT_WORDS
    first, second = encode_text("การกัมพูชา").split(" ")
    assert first.startswith("qk") and second.startswith("qj")
    assert first.startswith(query_word("การ")) and decode_text(f"{first} {second}") == "การกัมพูชา"
