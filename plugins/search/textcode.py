"""Search text coding: Thai words become mark-preserving ASCII index words.

Pagefind drops combining marks (``\\p{M}``) and matches every index word that *starts with* a query
word, so for Thai ``ม้า`` = ``มา`` ⊂ ``มาตรการ`` and ``บญช`` finds ``บัญชี``. We therefore never give
Pagefind Thai script: each Thai word (ICU segmentation, the same ICU the browser's
``Intl.Segmenter`` uses for queries) is written as
``qj`` + two ASCII letters per code point + ``z``.
(The 200 most frequent words, ``frequent_th.txt``, get ``qk`` so they sort apart from the
rest and do not swell the index chunk a rare word is fetched from.)
Marks survive as letters, and the closing ``z`` stops prefix matches, so a Thai query word matches
exactly the same Thai word in the text, never a longer one. ``theme/static/search/search.js`` holds
the mirror image of :func:`normalize`, :func:`encode_word` and :func:`decode_text` (keep in sync).

The coded text is lossless: tokens are separated by single spaces, a real white-space run becomes
the word ``_``; :func:`decode_text` turns it back into the normalised original (the browser uses
that to build excerpts and highlight matches, so published pages never carry segmentation marks).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import icu

PREFIX = "qj"
FREQUENT_PREFIX = "qk"  # for FREQUENT_WORDS: they sort apart, in index chunks of their own
END = "z"
HI = "abcdef"  # high nibble of (code point - U+0E00): Thai block is U+0E01..U+0E5B
LO = "abcdefghijklmnop"  # low nibble
SPACE_WORD = "_"
THAI_RUN = re.compile(r"([\u0e01-\u0e3a\u0e3f-\u0e5b]+|\s+)")
CODED_WORD = re.compile(rf"^q[jk]((?:[{HI}][{LO}])+){END}$")
FREQUENT_WORDS = frozenset(
    line for line in (Path(__file__).with_name("frequent_th.txt")
                      .read_text(encoding="utf-8").splitlines())
    if line and not line.startswith("#"))
# invisible characters that the press text carries inside words (and browsers paste into queries)
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
WHITESPACE = re.compile(r"\s+")
# Thai spelling variants that look the same: two SARA E for SARA AE, NIKHAHIT + SARA AA for SARA AM
VARIANTS = (("\u0e40\u0e40", "\u0e41"), ("\u0e4d\u0e32", "\u0e33"))


def normalize(text: str) -> str:
    """Normalise text the way the browser normalises queries (NFC, no invisibles, one space)."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    for old, new in VARIANTS:
        text = text.replace(old, new)
    return WHITESPACE.sub(" ", text).strip()


CODE_TABLE = {cp: HI[(cp - 0x0E00) >> 4] + LO[(cp - 0x0E00) & 15] for cp in range(0x0E01, 0x0E5C)}


def encode_word(word: str) -> str:
    """``ม้า`` → ``qjcmeoddz``: an ASCII index word that keeps every Thai mark."""
    prefix = FREQUENT_PREFIX if word in FREQUENT_WORDS else PREFIX
    return prefix + word.translate(CODE_TABLE) + END


def decode_word(word: str) -> str:
    """Inverse of :func:`encode_word`; any other word is returned unchanged."""
    match = CODED_WORD.match(word)
    if not match:
        return word
    pairs = match.group(1)
    return "".join(
        chr(0x0E00 + (HI.index(pairs[i]) << 4) + LO.index(pairs[i + 1]))
        for i in range(0, len(pairs), 2)
    )


@lru_cache(maxsize=1)
def _breaker() -> icu.BreakIterator:
    return icu.BreakIterator.createWordInstance(icu.Locale("th"))


def thai_words(run: str) -> list[str]:
    """ICU dictionary segmentation of one run of Thai characters (all BMP, so offsets agree)."""
    breaker = _breaker()
    breaker.setText(run)
    words, start = [], breaker.first()
    for end in breaker:
        words.append(run[start:end])
        start = end
    return words


def tokens(text: str) -> list[tuple[str, str]]:
    """Split normalised ``text`` into ``(kind, token)``: kind is ``thai``, ``space`` or ``other``.

    Thai runs are segmented with ICU (the browser's ``Intl.Segmenter`` does the same to queries);
    other text is cut at white space only, so Pagefind treats it as it treats any page.
    """
    out = []
    for piece in THAI_RUN.split(text):
        if not piece:
            continue
        if piece.isspace():
            out.append(("space", piece))
        elif THAI_RUN.fullmatch(piece):
            out.extend(("thai", w) for w in thai_words(piece))
        else:
            out.append(("other", piece))
    return out


@lru_cache(maxsize=4096)
def encode_term(term: str) -> str:
    """:func:`encode_text` for short, often repeated strings (taxonomy names)."""
    return encode_text(term)


def encode_text(text: str) -> str:
    """The index form of ``text``: Thai words coded, other words kept, spaces as ``_``."""
    out = []
    for kind, token in tokens(normalize(text.replace(SPACE_WORD, "-"))):
        if kind == "space":
            out.append(SPACE_WORD)
        elif kind == "thai":
            out.append(encode_word(token))
        else:
            out.append(token)
    return " ".join(out)


def decode_text(coded: str) -> str:
    """Inverse of :func:`encode_text` (gives the normalised text)."""
    return "".join(" " if w == SPACE_WORD else decode_word(w) for w in coded.split(" "))
