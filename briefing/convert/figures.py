"""Key figures in a Thai release: money, participants, countries, people repatriated, accounts…

A figure is a number, an optional Thai scale word (ล้าน, แสน…) and a unit word; what it counts is
read from the unit and the words just before it (``ผู้เข้าร่วมประชุม 338 คน`` → participants).
Numbers whose meaning is unclear (a bare ``5 คน``) are left out: these are *key* figures. The
English phrase is formatted with Babel (``US$300 million``, ``more than 10,000 people
repatriated``). The tables below are the whole vocabulary; extend them, not the code.
"""

from __future__ import annotations

import re

from babel.numbers import format_compact_decimal, format_decimal

from briefing.model import Figure

SCALES = {"ล้านล้าน": 10**12, "พันล้าน": 10**9, "ล้าน": 10**6, "แสน": 10**5, "หมื่น": 10**4}
#: Thai unit word -> currency code, or a count unit.
CURRENCIES = {
    "ดอลลาร์สหรัฐ": "USD", "เหรียญสหรัฐ": "USD", "ดอลลาร์": "USD", "บาท": "THB",
    "หยวน": "CNY", "ยูโร": "EUR",
}  # fmt: skip
COUNT_WORDS = ("คน", "ราย", "ประเทศ", "บัญชี", "คดี", "หมายเลข", "ซิม", "URL", "ยูอาร์แอล",
               "เว็บไซต์", "ลิงก์", "องค์การระหว่างประเทศ", "องค์กร")  # fmt: skip
#: (unit word, context words before it, unit id, English phrase); first match wins.
COUNT_RULES = (
    (("คน", "ราย"), ("ผู้เข้าร่วม", "เข้าร่วมประชุม", "เข้าร่วมงาน", "ผู้แทน"), "participants",
     "participants"),
    (("คน", "ราย"), ("ส่งกลับ", "ส่งตัวกลับ", "เดินทางกลับ"), "repatriated", "people repatriated"),
    (("คน", "ราย"), ("ช่วยเหลือ", "ได้รับการช่วยเหลือ"), "rescued", "people rescued"),
    (("คน", "ราย"), ("จับกุม", "ผู้ต้องหา", "ผู้กระทำผิด"), "arrested", "suspects arrested"),
    (("คน", "ราย"), ("ผู้เสียหาย", "เหยื่อ"), "victims", "victims"),
    (("ประเทศ",), (), "countries", "countries"),  # said what they count: see COUNTRY_RULES
    (("บัญชี",), ("อายัด", "ระงับ"), "accounts-frozen", "accounts frozen"),
    (("บัญชี",), (), "accounts", "accounts"),
    (("คดี",), (), "cases", "cases"),
    (("หมายเลข", "ซิม"), (), "numbers", "phone numbers or SIM cards"),
    (("URL", "ยูอาร์แอล", "เว็บไซต์", "ลิงก์"), ("ปิดกั้น", "ระงับ", "บล็อก", "ลบ"), "urls-blocked",
     "URLs blocked"),
    (("URL", "ยูอาร์แอล", "เว็บไซต์", "ลิงก์"), (), "urls", "URLs"),
    (("องค์การระหว่างประเทศ",), (), "organisations", "international organisations"),
)  # fmt: skip
#: A count of countries is a key figure only when it says what it counts: (context words just
#: before it, English phrase); first match wins. "{n}" is the number with its qualifier. A count
#: right after another ("338 คน จาก 58 ประเทศ") is that count's: "participants from 58 countries".
COUNTRY_RULES = (
    (("ระดับรัฐมนตรี",), "ministerial-level delegations from {n} countries"),
    (("รัฐมนตรี",), "ministers from {n} countries"),
    (("ผู้นำ",), "leaders of {n} countries"),
    (("เอกอัครราชทูต",), "ambassadors from {n} countries"),
    (("ผู้แทน", "ตัวแทน", "ผู้เข้าร่วม", "เข้าร่วม"), "participants from {n} countries"),
    (("สมาชิก",), "{n} member countries"),
)  # fmt: skip
#: unit id -> English noun of a count ("participants"), for "… from 58 countries".
COUNT_PHRASES = {unit: phrase for _, _, unit, phrase in reversed(COUNT_RULES)}
COUNTRY_CONTEXT = 30  # characters before a count of countries searched for COUNTRY_RULES
FROM_WORDS = ("จาก",)  # "… คน จาก 58 ประเทศ": the countries those people came from
FROM_PHRASE = "{what} from {n} countries"
MIN_COUNTRIES = 3  # "ทั้ง 2 ประเทศ" (both countries) is not a key figure
#: A unit word that is the start of a name, not a unit: "2564 ประเทศไทย…".
NOT_UNITS = {"ประเทศ": ("ไทย",)}
QUALIFIERS = {
    "มากกว่า": "more than", "กว่า": "more than", "ไม่น้อยกว่า": "at least", "เกิน": "over",
    "เกือบ": "nearly", "ประมาณ": "about", "ราว": "about", "กว่าทั้งสิ้น": "more than",
}  # fmt: skip
CONTEXT = 45  # characters before a number searched for context words
MIN_COUNT = 2
#: Smaller sums of money are not key figures (fees, prices); other currencies use the default.
MIN_MONEY = {"THB": 100_000}
MIN_MONEY_DEFAULT = 10_000
MAX_FIGURES = 8
#: "10 ประเทศ" right after "อาเซียน" is ASEAN's membership, not news.
ROUTINE = (("countries", 10, "อาเซียน"),)

_SCALE = "|".join(sorted(SCALES, key=len, reverse=True))
_UNIT = "|".join(sorted([*CURRENCIES, *COUNT_WORDS], key=len, reverse=True))
_QUAL = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
FIGURE_RE = re.compile(
    rf"(?:({_QUAL})\s*)?(?<![\d.,])(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"\s*({_SCALE})?\s*({_UNIT})"
)


def _value(number: str, scale: str | None) -> int | float:
    value = float(number.replace(",", "")) * SCALES.get(scale or "", 1)
    return int(value) if value == int(value) else value


def money_en(value: int | float, code: str) -> str:
    """``US$300 million``, ``THB 1.5 billion``, ``US$5,000``."""
    if value >= 10**6:
        amount = format_compact_decimal(value, format_type="long", locale="en", fraction_digits=2)
    else:
        amount = format_decimal(value, locale="en")
    return f"US${amount}" if code == "USD" else f"{code} {amount}"


def count_en(value: int | float, phrase: str) -> str:
    """``10,000 people repatriated``, ``1.5 million accounts``."""
    return f"{_number_en(value)} {phrase}"


def _number_en(value: int | float) -> str:
    if value >= 10**6:
        return format_compact_decimal(value, format_type="long", locale="en", fraction_digits=2)
    return format_decimal(value, locale="en")


def _countries_en(number: str, before: str, previous: tuple[str, str] | None) -> str | None:
    """What a count of countries counts ("participants from 58 countries"), or None if unsaid.

    ``previous`` is (text between the last count and this one, that count's English noun).
    """
    if previous is not None and previous[0].strip() in FROM_WORDS:
        return FROM_PHRASE.format(what=previous[1], n=number)
    near = before[-COUNTRY_CONTEXT:]
    for words, phrase in COUNTRY_RULES:
        if any(w in near for w in words):
            return phrase.format(n=number)
    return None


def combined(first: Figure, second: Figure) -> str | None:
    """One phrase for a count and the countries it came from ("338 participants from 58
    countries"), or None unless ``second`` counts the countries ``first`` came from."""
    noun = COUNT_PHRASES.get(first.unit)
    head = f"{noun} from "
    if not noun or second.unit != "countries" or not second.en.startswith(head):
        return None
    return f"{first.en} from {second.en[len(head):]}"


def _classify(unit_word: str, before: str) -> tuple[str, str] | None:
    for words, context, unit, phrase in COUNT_RULES:
        if unit_word in words and (not context or any(c in before for c in context)):
            return unit, phrase
    return None


def find_figures(text: str) -> tuple[Figure, ...]:
    """Key figures in order of appearance, one per (unit, value), at most ``MAX_FIGURES``."""
    out: list[Figure] = []
    seen: set[tuple[str, float]] = set()
    last_count: tuple[int, str] | None = None  # (end, English noun) of the last count found
    for m in FIGURE_RE.finditer(text):
        qualifier, number, scale, unit_word = m.groups()
        if text.startswith(NOT_UNITS.get(unit_word, ()), m.end()):
            continue
        value = _value(number, scale)
        before = text[max(0, m.start() - CONTEXT) : m.start()]
        qualified = f"{QUALIFIERS[qualifier]} " if qualifier else ""
        if unit_word in CURRENCIES:
            unit = CURRENCIES[unit_word]
            if value < MIN_MONEY.get(unit, MIN_MONEY_DEFAULT):
                continue
            en = qualified + money_en(value, unit)
        else:
            found = _classify(unit_word, before)
            if found is None or value < MIN_COUNT or not float(value).is_integer():
                continue  # "3.4 หมายเลข…" is a section number, not 3.4 phone numbers
            unit, phrase = found
            if any(u == unit and v == value and w in before[-20:] for u, v, w in ROUTINE):
                continue
            if unit == "countries":
                previous = (text[last_count[0] : m.start()], last_count[1]) if last_count else None
                en = _countries_en(qualified + _number_en(value), before, previous)
                if en is None or value < MIN_COUNTRIES:
                    continue  # "58 countries" alone does not say what it counts
            else:
                en = qualified + count_en(value, phrase)
                last_count = (m.end(), phrase)
        if (unit, value) in seen:
            continue
        seen.add((unit, value))
        out.append(Figure(value=value, unit=unit, th=m.group(0).strip(), en=en))
        if len(out) >= MAX_FIGURES:
            break
    return tuple(out)
