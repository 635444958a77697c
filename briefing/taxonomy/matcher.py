"""Find taxonomy terms in a text: token-aware Thai matching and boundary-aware Latin matching.

Thai aliases are matched on ``newmm`` tokens (pythainlp's nlpO3 engine: the same maximal-matching
algorithm compiled in Rust, several times faster than the pure-Python engine), with the taxonomy's
Thai words added to the tokenizer's dictionary, so ``ลาว`` matches the word ลาว and never the
inside of ``ลาวา``. A token that mixes Thai with other characters (``(กัมพูชา``, ``ไทย-กัมพูชา``)
is cut where the script changes, so punctuation never hides a name.
Dictionary compounds that hide a country or place name behind an ordinary word (``ประเทศไทย``,
``คนไทย``) are dropped from the dictionary so the name is seen. Latin aliases match on word
boundaries, ignoring case (except short all-capital acronyms such as ``US`` or ``LINE``),
dashes, spaces and apostrophes, so ``WG – AS``, ``WG-AS`` and ``WGAS`` are one alias.

Each kind is matched on its own (leftmost-longest, no overlaps within a kind), so the organisation
``หน่วยงานกำกับดูแลกิจการโทรคมนาคมแห่งราชอาณาจักรกัมพูชา`` still yields the country KH.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from briefing.taxonomy.model import EXTRA_KINDS, KINDS

THAI_CHAR_RE = re.compile(r"[\u0e00-\u0e7f]")
LATIN_CHAR_RE = re.compile(r"[A-Za-z]")
ALNUM_RE = re.compile(r"[A-Za-z0-9]+")
#: A run of text without Thai letters that holds at least one Latin letter or digit.
LATIN_RUN_RE = re.compile(r"[^\u0e00-\u0e7f]*[A-Za-z0-9][^\u0e00-\u0e7f]*")
#: Characters a Latin alias may have between its words (none at all is fine too).
LATIN_SEP = r"[\s\-\u2010-\u2015_.,:'\u2018\u2019&/]*"
#: Thai aliases shorter than this (or with words the base dictionary lacks) become dictionary words.
DICT_WORD_MAX = 20
#: Kinds whose names are freed from dictionary compounds (ประเทศไทย → ประเทศ + ไทย).
COMPOUND_KINDS = ("countries", "places")
ACRONYM_MAX = 3  # all-capital Latin aliases up to this many letters match only in capitals,
ACRONYM_WORD_MAX = 5  # and so do single all-capital words up to this length (LINE, ASEAN)
MATCH_KINDS = KINDS + EXTRA_KINDS
#: A token that has Thai next to a non-Thai character, and the script runs it is cut into.
MIXED_SCRIPT_RE = re.compile(r"[\u0e00-\u0e7f][^\u0e00-\u0e7f]|[^\u0e00-\u0e7f][\u0e00-\u0e7f]")
SCRIPT_RUN_RE = re.compile(r"[\u0e00-\u0e7f]+|[^\u0e00-\u0e7f]+")
DICT_NAME_PREFIX = "briefing-"


@dataclass(frozen=True)
class Hit:
    """One occurrence of a term: ``text[start:end]`` is the surface form."""

    kind: str
    id: str
    start: int
    end: int
    text: str

    @property
    def thai(self) -> bool:
        return bool(THAI_CHAR_RE.search(self.text))


def latin_key(text: str) -> str:
    """Normalised form of a Latin alias or match: letters and digits only, lower case."""
    return "".join(ALNUM_RE.findall(text)).lower()


def _is_acronym(alias: str) -> bool:
    """Short all-capital aliases (US, U.S., LINE, ASEAN) match only in capitals."""
    chunks = ALNUM_RE.findall(alias)
    letters = "".join(chunks)
    if not letters.isupper():
        return False
    return len(letters) <= ACRONYM_MAX or (len(chunks) == 1 and len(letters) <= ACRONYM_WORD_MAX)


def _latin_pattern(alias: str) -> str:
    chunks = ALNUM_RE.findall(alias)
    body = LATIN_SEP.join(re.escape(c) for c in chunks)
    return body + ("s?" if chunks[-1][-1].isalpha() else "")


class ThaiIndex:
    """The tokenizer dictionary and the token sequences of every Thai alias (built once)."""

    def __init__(self, aliases: list[tuple[str, str, str]]):
        from pythainlp.corpus import thai_words

        base = set(thai_words())
        words = set(base)
        names = {a for kind, _, a in aliases if kind in COMPOUND_KINDS and " " not in a}
        for word in base:
            if word not in names and _hides_name(word, names, base):
                words.discard(word)
        for _, _, alias in aliases:
            for part in alias.split():
                if THAI_CHAR_RE.search(part) and (
                    len(part) < DICT_WORD_MAX or not self._known(part, base)
                ):
                    words.add(part)
        self.dict_name = load_tokenizer_dict(words)
        index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for kind, tid, alias in aliases:
            tokens = tuple(t.lower() for t in self.tokenize(alias) if t.strip())
            if tokens:
                index.setdefault(tokens[0], []).append((tokens, kind, tid))
        for cands in index.values():
            cands.sort(key=lambda c: -len(c[0]))
        self.index = index

    @staticmethod
    def _known(part: str, base: set[str]) -> bool:
        """True if ``part`` splits wholly into dictionary words (a word-break check)."""
        ok = [True] + [False] * len(part)
        for end in range(1, len(part) + 1):
            ok[end] = any(ok[s] and part[s:end] in base for s in range(max(0, end - 30), end))
        return ok[-1]

    def tokenize(self, text: str) -> list[str]:
        """Tokens that join back into ``text`` exactly (whitespace kept as tokens)."""
        from pythainlp.tokenize.nlpo3 import segment

        tokens = []
        for token in segment(text, custom_dict=self.dict_name):
            if MIXED_SCRIPT_RE.search(token):
                tokens.extend(SCRIPT_RUN_RE.findall(token))
            else:
                tokens.append(token)
        return tokens

    def find(self, text: str) -> list[Hit]:
        """Leftmost-longest alias matches per kind over the text's tokens."""
        raw = self.tokenize(text)
        ends = list(accumulate(map(len, raw)))
        keep = [i for i, tok in enumerate(raw) if tok.strip()]
        tokens = [raw[i].lower() for i in keep]
        starts = [ends[i] - len(raw[i]) for i in keep]
        ends = [ends[i] for i in keep]
        index = self.index
        hits: list[Hit] = []
        free: dict[str, int] = {}
        for i in [i for i, tok in enumerate(tokens) if tok in index]:  # most tokens name nothing
            best: dict[str, tuple[int, str]] = {}
            for seq, kind, tid in index[tokens[i]]:
                if kind in best or i < free.get(kind, 0):
                    continue
                if len(seq) == 1 or tuple(tokens[i : i + len(seq)]) == seq:
                    best[kind] = (len(seq), tid)
            for kind, (length, tid) in best.items():
                start, end = starts[i], ends[i + length - 1]
                hits.append(Hit(kind, tid, start, end, text[start:end]))
                free[kind] = i + length
        return hits


def load_tokenizer_dict(words: set[str]) -> str:
    """Load ``words`` as an nlpO3 dictionary and return its name (named by its content, so a
    process loads each distinct dictionary once and two taxonomies never share one)."""
    from nlpo3 import load_dict, segment

    text = "\n".join(sorted(words)) + "\n"
    name = DICT_NAME_PREFIX + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    try:
        segment("ก", name)  # already loaded in this process
        return name
    except RuntimeError:
        pass
    with tempfile.TemporaryDirectory(prefix="briefing-dict-") as tmp:
        path = Path(tmp) / "words.txt"
        path.write_text(text, encoding="utf-8")
        message, ok = load_dict(str(path), name)  # read into memory: the file can go
    if not ok:
        raise RuntimeError(f"cannot load the tokenizer dictionary: {message}")
    return name


def _hides_name(word: str, names: set[str], base: set[str]) -> bool:
    """True if ``word`` is a name glued to an ordinary word (ประเทศไทย, คนไทย, ไทยรัฐ)."""
    for cut in range(2, len(word) - 1):
        head, tail = word[:cut], word[cut:]
        if (head in names and (tail in base or tail in names)) or (tail in names and head in base):
            return True
    return False


class LatinIndex:
    """One regex for every Latin alias (longest first) and a key → term table."""

    def __init__(self, aliases: list[tuple[str, str, str]]):
        self.keys: dict[str, list[tuple[str, str, str | None]]] = {}
        patterns = {}
        for kind, tid, alias in aliases:
            if not ALNUM_RE.search(alias):
                continue
            exact = "".join(ALNUM_RE.findall(alias)) if _is_acronym(alias) else None
            self.keys.setdefault(latin_key(alias), []).append((kind, tid, exact))
            patterns[_latin_pattern(alias)] = len(latin_key(alias))
        ordered = sorted(patterns, key=lambda p: (-patterns[p], p))
        body = "|".join(ordered) or r"(?!x)x"
        self.regex = re.compile(rf"(?<![A-Za-z0-9])(?:{body})(?![A-Za-z0-9$])", re.IGNORECASE)

    def _matches(self, text: str):
        """Regex matches, scanning only the runs of non-Thai text that hold a Latin letter or digit
        (an alias has no Thai letter, so no match crosses Thai text; Thai pages scan little)."""
        for run in LATIN_RUN_RE.finditer(text):
            yield from self.regex.finditer(text, run.start(), run.end())

    def find(self, text: str) -> list[Hit]:
        hits = []
        for m in self._matches(text):
            surface = m.group(0)
            key = latin_key(surface)
            entries = self.keys.get(key) or self.keys.get(key[:-1], [])
            letters = "".join(ALNUM_RE.findall(surface))
            seen = set()
            for kind, tid, exact in entries:
                if exact is not None and letters not in (exact, exact + "s"):
                    continue
                if kind not in seen:
                    seen.add(kind)
                    hits.append(Hit(kind, tid, m.start(), m.end(), surface))
        return hits


def collect_aliases(taxonomy) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(Thai aliases, Latin aliases) as (kind, id, alias) from names, short names and aliases."""
    thai, latin = [], []
    for kind in MATCH_KINDS:
        for term in taxonomy.terms(kind).values():
            # an ambiguous name (a country called มาลี, Jordan…) tags only through its aliases
            names = () if term.extra.get("ambiguous") else term.name.values()
            forms = [*names, *term.short.values()]
            for values in term.aliases.values():
                forms.extend(values)
            for form in dict.fromkeys(forms):
                if THAI_CHAR_RE.search(form):
                    thai.append((kind, term.id, form))
                elif LATIN_CHAR_RE.search(form):
                    latin.append((kind, term.id, form))
    return thai, latin


def alias_conflicts(latin: list[tuple[str, str, str]]) -> list[str]:
    """Latin aliases that normalise to the same key for two terms of one kind (an editor's slip)."""
    seen: dict[tuple[str, str], str] = {}
    out = []
    for kind, tid, alias in latin:
        key = (kind, latin_key(alias))
        if key in seen and seen[key] != tid:
            out.append(f"{kind}: alias {alias!r} names both {seen[key]} and {tid}")
        seen.setdefault(key, tid)
    return out
