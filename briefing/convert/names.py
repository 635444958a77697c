"""An English-name lexicon learned from the corpus, and ``english_name`` for a Thai-script name.

``build_lexicon(texts)`` is a deterministic build step over a list of release texts. It keeps
(1) pairs the releases write as a Thai name followed by its Latin form in parentheses
("กรมสอบสวนคดีพิเศษ (DSI)", "นายฝ่าม มิงห์ จิ๋งห์ (Pham Minh Chinh)"), the most frequent Latin
form per Thai phrase, and (2) Latin personal names written in the corpus ("Mr. Ken Saito", in
English releases or Thai ones), against which a foreign name written in Thai script is matched by
its consonant skeleton. Nothing is hand-written per name.

``english_name(thai, release_text, lexicon, taxonomy)`` → (English, source), source one of
release | taxonomy | corpus | romanised | needs-editor. A foreign name written in Thai script
(Vietnamese, Japanese, Chinese, Korean…) is never romanised as if it were Thai: without a known
Latin form it is returned as ``needs-editor`` with the royin form only as a hint.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from briefing.convert.reader import MAX_BYTES
from briefing.convert.romanise import GLUED, NAME_RE, NOT_NAMES, TITLES, royin

THAI = "\u0e00-\u0e7f"
#: Latin in parentheses ("(Pham Minh Chinh)"), and the Thai phrase (up to 3 space-separated
#: chunks) that ends right before it, read from a window before the parenthesis.
LATIN_PAREN_RE = re.compile(r"\(\s*([A-Z][A-Za-z0-9 .&'’,\-]{1,80}?)\s*\)")
THAI_TAIL_RE = re.compile(rf"((?:[{THAI}][{THAI}.]*\s){{0,2}}[{THAI}][{THAI}.]*)\s*$")
WINDOW = 90
#: A Latin personal name after an honorific or post ("Mr. Ken Saito", "H.E. Pham Minh Chinh").
LATIN_PERSON_RE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|H\.\s?E|Madam|Prime Minister|Minister|President|Ambassador)\.?\s+"
    r"((?:[A-Z][a-z]+[\- ]){1,3}[A-Z][a-z]+)\b"
)
HONORIFIC_RE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|H\.\s?E|Madam|Excellency|His|Her)\.?\s+)+")
_TITLES = sorted(TITLES, key=len, reverse=True)
#: The tone mark Thai personal names hardly use but transliterated foreign names do (๋).
FOREIGN_MARKS = ("\u0e4b",)
FOREIGN_CONTEXT = 30  # characters before a name searched for a foreign country's name
MAX_EXTRA = 8  # a corpus phrase may hold this many characters before the name asked about
MIN_SUFFIX = 4  # a lexicon phrase may end with the name asked about (at least this long)


def norm_th(text: str) -> str:
    """A Thai name without spaces and leading honorifics (นาย, นางสาว, ดร., ranks…)."""
    text = re.sub(r"\s+", "", text)
    changed = True
    while changed:
        changed = False
        for t in _TITLES:
            if text.startswith(t) and len(text) > len(t) + 1:
                text, changed = text[len(t) :], True
                break
    return text


def _person_latin(latin: str) -> bool:
    words = HONORIFIC_RE.sub("", latin).split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w[1:].islower() for w in words)


def pairs_in(text: str) -> list[tuple[str, str]]:
    """(Thai phrase, Latin) for each Latin parenthesis right after Thai text."""
    out = []
    for m in LATIN_PAREN_RE.finditer(text):
        tail = THAI_TAIL_RE.search(text[max(0, m.start() - WINDOW) : m.start()])
        if tail:
            out.append((tail.group(1), m.group(1)))
    return out


def build_lexicon(texts: list[str]) -> dict:
    """{"pairs": {Thai (normalised): Latin}, "people": (Latin personal names, sorted)}."""
    pairs: dict[str, Counter] = {}
    people: Counter = Counter()
    for text in texts:
        for thai, latin in pairs_in(text):
            latin = HONORIFIC_RE.sub("", latin.strip(" .,"))
            words = len(latin.split()) if _person_latin(latin) else 1
            thai = " ".join(thai.split()[-words:])  # a person: one chunk a word; else the last
            key = norm_th(thai)
            if len(key) >= 2:
                pairs.setdefault(key, Counter())[latin] += 1
            if _person_latin(latin):
                people[latin] += 1
        for m in LATIN_PERSON_RE.finditer(text):
            people[m.group(1).replace("-", " ").strip()] += 1
    best = {k: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for k, c in pairs.items()}
    return {"pairs": dict(sorted(best.items())), "people": tuple(sorted(people))}


def skeleton(latin: str) -> str:
    """Consonant skeleton for matching a royin form to a Latin spelling: "Pham Minh Chinh" and
    royin "Fam Ming Ching" both give "pm mn cn"."""
    out = []
    for word in latin.lower().split():
        w = re.sub(r"ng", "n", word)
        w = re.sub(r"ph|f", "p", w)
        w = re.sub(r"th", "t", w)
        w = re.sub(r"kh|c(?!h)|q|g", "k", w)
        w = re.sub(r"ch|j|tr|sh|zh", "c", w)
        w = re.sub(r"[^a-z]|[aeiouyhw]", "", w)
        w = re.sub(r"(.)\1+", r"\1", w)
        out.append(w)
    return " ".join(out)


def _country_words(taxonomy) -> list[str]:
    words = []
    for term in taxonomy.terms("countries").values():
        if term.id == "TH":
            continue
        words += [term.name.get("th", ""), *term.aliases.get("th", ())]
    return [w for w in words if len(w) >= 3]


def looks_foreign(thai: str, release_text: str, taxonomy) -> bool:
    """True when a Thai-script name is a foreign one: foreign tone marks (๊ ๋), more than two
    words, or a foreign country named just before it in the release."""
    bare = " ".join(norm_th(w) for w in thai.split())
    if any(m in bare for m in FOREIGN_MARKS) or len(bare.split()) > 2:
        return True
    i = release_text.find(thai.split()[0]) if thai.split() else -1
    if i < 0:
        return False
    before = release_text[max(0, i - FOREIGN_CONTEXT) : i]
    before = before.rsplit(" ", 2)[-2] if before.count(" ") >= 2 else before  # the post only
    return any(w in before for w in _country_words(taxonomy))


def _in_release(thai: str, release_text: str) -> str:
    for phrase, latin in pairs_in(release_text):
        if norm_th(phrase).endswith(norm_th(thai)) and len(norm_th(thai)) >= MIN_SUFFIX:
            return HONORIFIC_RE.sub("", latin.strip(" .,"))
    return ""


def _in_taxonomy(key: str, taxonomy) -> str:
    for kind in ("people", "organisations", "meetings", "places", "countries"):
        for term in taxonomy.terms(kind).values():
            names = [term.name.get("th", ""), *term.aliases.get("th", ())]
            if any(n and norm_th(n) == key for n in names):
                return term.name.get("en", "")
    return ""


def _in_corpus(key: str, lexicon: dict, person: bool = False) -> str:
    pairs = lexicon.get("pairs", {})
    ends = sorted((k for k in pairs if k.endswith(key) and len(key) >= MIN_SUFFIX
                   and len(k) - len(key) <= MAX_EXTRA), key=len)  # fmt: skip
    found = [pairs[k] for k in ([key] if key in pairs else []) + ends]
    found = [en for en in found if _person_latin(en)] if person else found
    return found[0] if found else ""


def _by_sound(thai: str, lexicon: dict) -> str:
    words = [norm_th(w) for w in thai.split()]
    target = skeleton(" ".join(royin(w) for w in words))
    found = [p for p in lexicon.get("people", ()) if skeleton(p) == target and
             len(p.split()) == len(words)]  # fmt: skip
    return found[0] if len(set(found)) == 1 else ""


def english_name(thai: str, release_text: str, lexicon: dict, taxonomy) -> tuple[str, str]:
    """(English name, source): the release's own Latin form, the taxonomy's name, the corpus
    lexicon's, and only then royin (source "romanised"); a foreign name without a known Latin
    form is ("<royin hint>", "needs-editor")."""
    key = norm_th(thai)
    for source, en in (("release", _in_release(thai, release_text)),
                       ("taxonomy", _in_taxonomy(key, taxonomy)),
                       ("corpus", _in_corpus(key, lexicon, " " in thai.strip()))):  # fmt: skip
        if en:
            return en, source
    bare = " ".join(norm_th(w) for w in thai.split())
    if looks_foreign(thai, release_text, taxonomy):
        en = _by_sound(bare, lexicon)
        return (en, "corpus") if en else (royin(bare), "needs-editor")
    return royin(bare), "romanised"


def person_names_in(text: str) -> list[tuple[int, str]]:
    """(position, Thai name) of titled names ("นายเอกพงษ์ หริ่มเจริญ") and of quoted single
    names ("“ชัยวุฒิ”") in ``text``."""
    out = []
    for m in NAME_RE.finditer(text):
        given, family = m.group(2), m.group(3)
        if m.group(1).endswith("นาย") and given.startswith(NOT_NAMES):
            continue
        if given.endswith(GLUED) or family.startswith(GLUED) or family.endswith(GLUED):
            continue
        out.append((m.start(), f"{given} {family}"))
    quoted = re.finditer(rf"[“‘\"']([{THAI}]{{3,20}})[”’\"']", text)
    out += [(m.start(1), m.group(1)) for m in quoted]
    return sorted(out)


def batch_lexicon(files: list[Path]) -> dict:
    """English names the batch's releases write beside Thai ones (one regex pass over the
    sources; :func:`briefing.convert.names.build_lexicon`), so each release can use a name
    another release spells out."""
    texts = []
    for path in files:
        try:  # only what the reader stage would read: regular files of a release's size
            if path.is_file() and path.stat().st_size <= MAX_BYTES:
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:  # unreadable: the reader stage refuses it with the reason
            continue
    return build_lexicon(texts)
