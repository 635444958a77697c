"""Thai personal names the taxonomy does not know, romanised with pythainlp (royin) and flagged.

A name is a title (นาย, นาง, นางสาว, ดร., military and police ranks…) followed by a given name, a
space and a family name. The romanisation is mechanical (royin drops unwritten vowels), so the
English page marks it "(romanised)" for an editor to check.
"""

from __future__ import annotations

import functools
import re

#: Titles that introduce a personal name, longest first so นางสาว wins over นาง.
TITLES = (
    "พลตำรวจเอก", "พลตำรวจโท", "พลตำรวจตรี", "พล.ต.อ.", "พล.ต.ท.", "พล.ต.ต.", "พันตำรวจเอก",
    "พ.ต.อ.", "พลอากาศเอก", "พลอากาศโท", "พลอากาศตรี", "พลเอก", "พลโท", "พลตรี", "พล.อ.",
    "พลเรือเอก", "พลเรือโท", "พลเรือตรี", "พันเอก", "พันตำรวจโท", "ว่าที่ร้อยตรี", "นายแพทย์",
    "แพทย์หญิง", "ทันตแพทย์", "เภสัชกร", "นางสาว", "น.ส.", "นาง", "นาย", "ดร.", "ศาสตราจารย์",
    "รองศาสตราจารย์", "ผู้ช่วยศาสตราจารย์", "ศาสตราจารย์พิเศษ",
)  # fmt: skip
#: Words that start like นาย… but are not names (นายกรัฐมนตรี, นายทะเบียน…).
NOT_NAMES = (
    "ก", "ทะเบียน", "จ้าง", "หน้า", "อำเภอ", "ด่าน", "ตำรวจ", "ทหาร", "แพทย์", "พล", "ประกัน",
    "ทุน", "ช่าง", "งาน", "สถานี", "ท่า", "เรือ", "ห้าง", "ร้อย", "สิบ", "พัน", "ใหญ่",
)  # fmt: skip
#: Verbs that glue onto a name when the press omits the space (นายประเสริฐกล่าว).
GLUED = (
    "กล่าว", "เปิดเผย", "ระบุ", "ย้ำ", "เผย", "ได้", "เป็น", "และ", "ที่", "ซึ่ง", "จึง", "ตอบ",
    "เน้น", "แถลง", "มอบ", "ให้", "พร้อม", "ยัง", "ชี้", "ร่วม", "เดินทาง", "มี", "ใน", "ว่า",
    "เพื่อ", "โดย", "จะ", "ก็", "นั้น", "นี้", "ดังกล่าว", "ผู้", "รัฐมนตรี", "ประธาน",
)  # fmt: skip
_TITLE = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
#: Words a title may be glued to ("และนางสาว…", "โดยนาย…").
JOINERS = ("และ", "กับ", "โดย", "ของ", "ได้แก่", "ทั้ง")
_JOINED = "|".join(f"(?<={j})" for j in JOINERS)
#: One or more titles ("ศาสตราจารย์ นายแพทย์…"), a given name, a space, a family name.
NAME_RE = re.compile(
    rf"(?:(?<![ก-๙])|{_JOINED})((?:{_TITLE})(?:\s?(?:{_TITLE}))*)\s?([ก-๙]{{2,20}}) ([ก-๙]{{2,25}})"
    r"(?![ก-๙])"
)
THAI_RE = re.compile(r"[\u0e00-\u0e7f]")
MAX_NAMES = 8


@functools.lru_cache(maxsize=65536)  # the same names recur from release to release
def _royin_word(word: str) -> str:
    from pythainlp.transliterate import romanize

    # royin leaves the odd Thai mark behind ("Monwioัt"); English text must not carry Thai script
    return THAI_RE.sub("", romanize(word, engine="royin")).capitalize()


def royin(thai: str) -> str:
    """Royin romanisation, each word capitalised (``เอกพงษ์ หริ่มเจริญ`` → ``Ekphong Rimcherin``)."""
    return " ".join(_royin_word(w) for w in thai.split())


def find_names(text: str, known: list[tuple[int, int]]) -> tuple[tuple[str, str], ...]:
    """(Thai name, romanisation) for titled names outside the ``known`` (start, end) spans."""
    out: dict[str, str] = {}
    for m in NAME_RE.finditer(text):
        given, family = m.group(2), m.group(3)
        if any(s < m.end() and m.start() < e for s, e in known):
            continue
        if m.group(1).endswith("นาย") and given.startswith(NOT_NAMES):
            continue
        if given.endswith(GLUED) or family.startswith(GLUED) or family.endswith(GLUED):
            continue
        if "ฯ" in given + family:  # an abbreviation ("ประวิตรฯ รองนายกฯ"), not a full name
            continue
        name = f"{given} {family}"
        if name not in out:
            out[name] = royin(name)
        if len(out) >= MAX_NAMES:
            break
    return tuple(out.items())
