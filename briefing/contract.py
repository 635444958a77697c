"""The shared contract: the facts every room of the project agrees on, defined once.

Tag kinds and languages, the meeting-status and translation-status values, the Buddhist-Era
offset, meeting ids (``series/session`` or a bare series), the site's URL rules for terms,
sessions and feeds, and what counts as the official source host. This module imports nothing
from the project: the front-matter reader, the taxonomy, the converter, the editors' tools, the
site code and the plugins all import it (see docs/ARCHITECTURE.md, "Rooms").
"""

from __future__ import annotations

import datetime as dt
import re

#: The tag kinds of a release, in the order readers see them (facts, term lists, indexes).
KINDS = ("countries", "meetings", "topics", "organisations", "people")
#: Optional taxonomy files that are not tags: cities → country, extra glossary terms.
EXTRA_KINDS = ("places", "glossary")
#: The site's languages; the first is the language releases are published in.
LANGS = ("th", "en")
#: Tag lists holding plain taxonomy ids (``meetings`` holds meeting ids, checked apart).
TAG_FIELDS = ("countries", "topics", "organisations", "people")
#: What a release says of a meeting, strongest first.
MEETING_STATUSES = ("held", "announced", "mentioned")
#: What kind of release it is (front matter ``type``); visit-out: a Thai official travels
#: abroad, visit-in: a foreign one comes to Thailand.
RELEASE_TYPE_NAMES = {
    "meeting": "Meeting", "visit-out": "Visit abroad", "visit-in": "Visit to Thailand",
    "courtesy-call": "Courtesy call", "agreement": "Agreement", "fake-news": "Fake-news check",
    "cabinet-digest": "Cabinet digest", "crackdown": "Crackdown", "statement": "Statement",
    "policy": "Policy", "other": "Other",
}  # English names: msgids of the theme's catalogues (Thai in theme/translations)
RELEASE_TYPES = tuple(RELEASE_TYPE_NAMES)
#: ``translation_status`` of an English page.
TRANSLATION_STATUSES = ("machine", "reviewed")

#: Buddhist Era year = Common Era year + BE_OFFSET (2567 is 2024).
BE_OFFSET = 543

#: Hosts a source URL is expected on (the Thai government's news site); others get a warning.
OFFICIAL_SOURCE_HOSTS = ("thaigov.go.th",)
URL_HOST_RE = re.compile(r"^https?://(?:[^@/]*@)?(?P<host>[^/:?#]+)", re.IGNORECASE)


#: A text is English when it has more than this many Latin letters per Thai character.
ENGLISH_RATIO = 2.0
THAI_RUN_RE = re.compile(r"[\u0e00-\u0e7f]+")
LATIN_RUN_RE = re.compile(r"[A-Za-z]+")


def text_language(text: str) -> str:
    """``th`` or ``en``: the language a release is written in (Thai script vs Latin letters)."""
    thai = sum(map(len, THAI_RUN_RE.findall(text)))
    latin = sum(map(len, LATIN_RUN_RE.findall(text)))
    return "en" if latin > ENGLISH_RATIO * thai else "th"


def be_year(year: int) -> int:
    """The Buddhist-Era year of a Common-Era year."""
    return year + BE_OFFSET


def ce_year(year: int) -> int:
    """The Common-Era year of a Buddhist-Era year."""
    return year - BE_OFFSET


def year_label(year: int, lang: str) -> int:
    """The year as readers of ``lang`` write it (Buddhist Era in Thai)."""
    return be_year(year) if lang == "th" else year


def meeting_id(series: str, session: str | None) -> str:
    """``wg-as/5`` for a session, the bare series id ``wg-as`` when no session is stated."""
    return series if not session else f"{series}/{session}"


def split_meeting(ref: str) -> tuple[str, str]:
    """``wg-as/5`` → ``("wg-as", "5")``; a bare series ``wg-as`` → ``("wg-as", "")``."""
    series, _, session = str(ref).partition("/")
    return series, session


def term_slug(term_id: str) -> str:
    """The URL segment of a term id (country codes are upper case in front matter)."""
    return str(term_id).lower()


def term_url(lang: str, kind: str, term_id: str) -> str:
    """Site-relative URL of a term page: ``en/countries/kh/``."""
    return f"{lang}/{kind}/{term_slug(term_id)}/"


def session_url(lang: str, series: str, session: str) -> str:
    """Site-relative URL of a meeting session page: ``en/meetings/wg-as/5/``."""
    return f"{lang}/meetings/{series}/{session}/"


def term_feed_url(lang: str, kind: str, term_id: str) -> str:
    """Site-relative URL of a term's Atom feed."""
    return f"{lang}/feeds/{kind}/{term_slug(term_id)}/feed.atom.xml"


def source_host(url: str) -> str:
    """The host of an http(s) ``url``, lower case (``""`` when it has none)."""
    m = URL_HOST_RE.match(url or "")
    return m["host"].lower().rstrip(".") if m else ""


def is_official_source(url: str) -> bool:
    """True if ``url`` is on one of :data:`OFFICIAL_SOURCE_HOSTS` (or a subdomain of one)."""
    host = source_host(url)
    return any(host == h or host.endswith("." + h) for h in OFFICIAL_SOURCE_HOSTS)


def as_date(value: object) -> dt.date | None:
    """An ISO date from YAML (a date, or ``YYYY-MM-DD`` text); ``None`` when there is none."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


#: A year above this is a Buddhist-Era year (CE + BE_OFFSET) written by mistake: 2567 is 2024.
BUDDHIST_ERA_MIN_YEAR = 2400


def buddhist_era_hint(value: object) -> str:
    """``"2567 looks like a Buddhist-Era year: use 2024"`` for a BE date, else ``""``."""
    day = as_date(value)
    if day is None or day.year <= BUDDHIST_ERA_MIN_YEAR:
        return ""
    return (f"{day.year} looks like a Buddhist-Era year: use {day.year - BE_OFFSET} "
            f"(dates are Gregorian, YYYY-MM-DD)")
