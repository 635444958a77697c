"""Normalise the decoded text of a release (pure: ``str -> str`` and ``Release -> Release``).

Removes what makes equal text compare unequal: BOM, zero-width and bidi control characters,
exotic spaces, CR line ends, Thai digits and the doubled ``เเ`` typo, while keeping every Thai
vowel and tone mark. Each table below is a named constant.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from pythainlp.util import thai_digit_to_arabic_digit

from briefing.model import Release

#: Invisible characters dropped outright: BOM, zero-width space/joiners, word joiner, soft hyphen,
#: bidi marks, embeddings, overrides and isolates, and the Mongolian vowel separator.
INVISIBLE_CHARS = (
    "\ufeff\u200b\u200c\u200d\u2060\u00ad\u180e\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2061\u2062\u2063\u2064"
)
INVISIBLE_RE = re.compile(f"[{INVISIBLE_CHARS}]")
#: Every Unicode space but the ASCII one (NBSP, en/em, thin, ideographic…) and tabs, form
#: feeds and vertical tabs: all made an ordinary space.
SPACE_RE = re.compile(r"[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
#: Remaining C0/C1 control characters (not newline) are noise from copy-paste; dropped.
CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
#: Thai digits ๐–๙ (made ASCII with pythainlp).
THAI_DIGIT_RE = re.compile("[\u0e50-\u0e59]")
#: Two SARA E typed instead of one SARA AE (the typo pythainlp's ``normalize`` fixes).
DOUBLE_SARA_E_RE = re.compile("\u0e40\u0e40")
SARA_AE = "\u0e41"
#: Line ends: CRLF, lone CR, and the Unicode line/paragraph separators.
LINE_END_RE = re.compile(r"\r\n|\r|\u2028|\u2029|\x85")
MULTI_SPACE_RE = re.compile(r" {2,}")
#: Spaces at the end of a line (after the substitutions above, the space is the only blank left).
TRAILING_SPACE_RE = re.compile(r" +$", re.MULTILINE)
#: The replacement character left where a byte-truncated title cut a Thai letter in two.
REPLACEMENT_CHAR = "\ufffd"


def normalise_text(text: str) -> str:
    """Return ``text`` with invisible characters removed and spaces, digits and lines normalised."""
    text = LINE_END_RE.sub("\n", text)
    text = INVISIBLE_RE.sub("", text)
    text = SPACE_RE.sub(" ", text)
    text = CONTROL_RE.sub("", text)
    text = unicodedata.normalize("NFC", text)
    if THAI_DIGIT_RE.search(text):  # rare; pythainlp's translate walks every character
        text = thai_digit_to_arabic_digit(text)
    text = DOUBLE_SARA_E_RE.sub(SARA_AE, text)
    text = text.replace(REPLACEMENT_CHAR, "")
    return TRAILING_SPACE_RE.sub("", MULTI_SPACE_RE.sub(" ", text))


def compare_key(text: str) -> str:
    """A key under which two renderings of the same line compare equal (headline repeats)."""
    text = normalise_text(text).casefold()
    text = re.sub(r"\s*[-–—]\s*", "-", text)
    return re.sub(r"[\s\"'“”‘’]+", "", text)


def normalise(release: Release) -> Release:
    """Pipeline stage: fill ``release.text`` from ``release.text`` (as decoded by the reader)."""
    return replace(release, text=normalise_text(release.text))
