"""Search text coding: Thai becomes mark-preserving ASCII index words, one per word start.

Pagefind drops combining marks (``\\p{M}``) and matches every index word that *starts with* a query
word, so for Thai ``ม้า`` = ``มา`` ⊂ ``มาตรการ``. We therefore never give Pagefind Thai script:
each Thai character becomes two ASCII letters (marks survive as letters, so ``ม้า`` never
matches ``มาตรการ``).

**The word-start rule.** Thai is written without spaces and loanwords are compounds the
segmenters cut differently in context (ICU cuts ``สแกมเมอร์`` into ``ส|แกม|เม|อร์`` but ``สแกม``
alone is one word). A query therefore matches text where it *begins at a word boundary*,
wherever it ends: ``สแกม`` finds ``สแกมเมอร์`` and ``แก๊งสแกมเมอร์``, ``ม้า`` finds ``บัญชีม้า``,
while ``ไลน์`` does not find ``ออนไลน์`` and ``ลาว`` not ``คลาวด์`` (no boundary before them).
Word boundaries are the union of ICU's (the browser's ``Intl.Segmenter``) and the taxonomy
tokenizer's (:meth:`briefing.taxonomy.matcher.ThaiIndex.tokenize`: newmm with the taxonomy's
words, so ``ดีเอสไอ`` or ``อินเตอร์โพล`` start a word even where ICU cuts them into letters).
At each boundary the index gets one word: ``qj`` + the code of the text from there, running on
over the next words until it holds at least :data:`SPAN` characters, + ``z`` + two letters giving
the length of the first word (so the coded text decodes back exactly). The browser codes a query
word as ``qj`` + the code of its first :data:`SPAN` characters, without the ``z``: Pagefind's
prefix match then *is* the word-start rule. The 200 most frequent words (``frequent_th.txt``) are
indexed alone, as ``qk…z``, and searched exactly (a prefix search for ``การ`` would fetch every
phrase that starts with it).

The coded text is lossless: tokens are separated by single spaces, a real white-space run becomes
the word ``_`` (or nothing between two non-Thai words, where it is implied); :func:`decode_text`
turns it back into the normalised original (the browser uses that to build excerpts and
highlight matches). ``theme/static/search/search.js`` holds the mirror image of
:func:`normalize`, the query coding and :func:`decode_text` (keep in sync).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import icu

PREFIX = "qj"
FREQUENT_PREFIX = "qk"  # for FREQUENT_WORDS: indexed alone and searched exactly
END = "z"
HI = "abcdef"  # high nibble of (code point - U+0E00): Thai block is U+0E01..U+0E5B
LO = "abcdefghijklmnop"  # low nibble; also the two letters of a first word's length
SPAN = 10  # characters an index word covers from its word start (a query word: its first SPAN)
MAX_WORD = len(LO) ** 2 - 1  # longest first word a length code can give; longer ones are cut
SPACE_WORD = "_"
THAI_RUN = re.compile(r"([\u0e01-\u0e3a\u0e3f-\u0e5b]+|\s+)")
CODED_WORD = re.compile(rf"^q[jk]((?:[{HI}][{LO}])+){END}([{LO}][{LO}])$")
FREQUENT_WORDS = frozenset(
    line for line in (Path(__file__).with_name("frequent_th.txt")
                      .read_text(encoding="utf-8").splitlines())
    if line and not line.startswith("#"))
# invisible characters that the press text carries inside words (and browsers paste into queries)
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
WHITESPACE = re.compile(r"\s+")
# Thai spelling variants that look the same: two SARA E for SARA AE, NIKHAHIT + SARA AA for SARA AM
VARIANTS = (("\u0e40\u0e40", "\u0e41"), ("\u0e4d\u0e32", "\u0e33"))
Tokenizer = Callable[[str], list[str]]


def normalize(text: str) -> str:
    """Normalise text the way the browser normalises queries (NFC, no invisibles, one space)."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    for old, new in VARIANTS:
        text = text.replace(old, new)
    return WHITESPACE.sub(" ", text).strip()


CODE_TABLE = {cp: HI[(cp - 0x0E00) >> 4] + LO[(cp - 0x0E00) & 15] for cp in range(0x0E01, 0x0E5C)}


def code(thai: str) -> str:
    """Two ASCII letters per Thai code point (``ม้า`` → ``cmeodd``)."""
    return thai.translate(CODE_TABLE)


def index_word(prefix: str, thai: str, first: int) -> str:
    """``prefix`` + the code of ``thai`` + ``z`` + the length of its first word (two letters)."""
    return prefix + code(thai) + END + LO[first >> 4] + LO[first & 15]


def query_word(word: str) -> str:
    """What the browser asks Pagefind for a Thai query word (a prefix, or exact if frequent)."""
    if word in FREQUENT_WORDS:
        return FREQUENT_PREFIX + code(word) + END
    return PREFIX + code(word[:SPAN])


def decode_word(word: str) -> str:
    """The text a coded index word stands for (its first word); any other word unchanged."""
    match = CODED_WORD.match(word)
    if not match:
        return word
    pairs, length = match.groups()
    first = (LO.index(length[0]) << 4) + LO.index(length[1])
    return "".join(
        chr(0x0E00 + (HI.index(pairs[i]) << 4) + LO.index(pairs[i + 1]))
        for i in range(0, 2 * first, 2)
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


def word_starts(run: str, tokenize: Tokenizer | None = None) -> list[tuple[int, str]]:
    """``(offset, word)`` at each word boundary of a Thai run: the union of ICU's cuts and
    ``tokenize``'s; ``word`` is the longer of the two words that begin there."""
    heads: dict[int, str] = {}
    for words in (thai_words(run), tokenize(run) if tokenize else ()):
        at = 0
        for word in words:
            if len(word) > len(heads.get(at, "")):
                heads[at] = word
            at += len(word)
    starts = sorted(heads)
    cuts = [*starts, len(run)]
    out = []
    for i, at in enumerate(starts):  # a first word longer than a length code can say is cut
        for cut in range(at, cuts[i + 1], MAX_WORD):
            out.append((cut, heads[at] if cut == at else run[cut:cut + MAX_WORD]))
    return out


def encode_run(run: str, tokenize: Tokenizer | None = None) -> list[str]:
    """The index words of one run of Thai characters, one per word start."""
    starts = word_starts(run, tokenize)
    cuts = [at for at, _ in starts] + [len(run)]
    words = []
    for i, (at, head) in enumerate(starts):
        first = cuts[i + 1] - at
        if head in FREQUENT_WORDS:
            words.append(index_word(FREQUENT_PREFIX, head, first))
            continue
        reach = at + max(SPAN, len(head))
        end = next((c for c in cuts[i + 1:] if c >= reach), len(run))
        words.append(index_word(PREFIX, run[at:end], first))
    return words


def tokens(text: str) -> list[tuple[str, str]]:
    """Split normalised ``text`` into ``(kind, piece)``: kind is ``thai`` (a run of Thai
    characters), ``space`` or ``other`` (cut at white space only, as Pagefind treats any page)."""
    out = []
    for piece in THAI_RUN.split(text):
        if not piece:
            continue
        if piece.isspace():
            out.append(("space", piece))
        elif THAI_RUN.fullmatch(piece):
            out.append(("thai", piece))
        else:
            out.append(("other", piece))
    return out


def taxonomy_tokenizer(taxonomy) -> Tokenizer:
    """The taxonomy matcher's Thai tokenizer (newmm with the taxonomy's words; about a second)."""
    from briefing.taxonomy.matcher import ThaiIndex, collect_aliases

    return ThaiIndex(collect_aliases(taxonomy)[0]).tokenize


def encode_text(text: str, tokenize: Tokenizer | None = None) -> str:
    """The index form of ``text``: Thai runs coded (:func:`encode_run`), other words kept,
    spaces as ``_`` — except between two other words, where the space is implied (so
    Pagefind sees ``scam centre`` as two neighbouring words, for phrase queries)."""
    out = []
    pieces = tokens(normalize(text.replace(SPACE_WORD, "-")))
    for i, (kind, piece) in enumerate(pieces):
        if kind == "space":
            if not (0 < i < len(pieces) - 1 and pieces[i - 1][0] == pieces[i + 1][0] == "other"):
                out.append(SPACE_WORD)
        elif kind == "thai":
            out.extend(encode_run(piece, tokenize))
        else:
            out.append(piece)
    return " ".join(out)


def decode_text(coded: str) -> str:
    """Inverse of :func:`encode_text` (gives the normalised text)."""
    out, plain = [], False
    for word in coded.split(" "):
        decoded = " " if word == SPACE_WORD else decode_word(word)
        now = word != SPACE_WORD and decoded == word
        out.append(" " + decoded if plain and now else decoded)
        plain = now
    return "".join(out)
