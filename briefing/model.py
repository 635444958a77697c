"""The one dataclass the converter pipeline passes from stage to stage.

Each stage is a pure function ``Release -> Release`` (it returns a copy via
``dataclasses.replace``) or raises :class:`ReleaseError` to refuse the input with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


class ReleaseError(ValueError):
    """The input cannot be converted; ``str()`` is a reader-facing reason (with line if known)."""

    def __init__(self, reason: str, line: int | None = None):
        self.reason = reason
        self.line = line
        super().__init__(f"line {line}: {reason}" if line else reason)


@dataclass(frozen=True)
class Figure:
    """A key number found in the text, with ready-to-show phrases in both languages."""

    value: float | int
    unit: str  # e.g. "participants", "countries", "USD", "THB", "accounts", "cases", "people"
    th: str  # the phrase as written in the Thai text
    en: str  # English rendering (Babel-formatted)


@dataclass(frozen=True)
class MeetingRef:
    """A meeting session named in the release, or only its series when no session is identified."""

    series: str  # taxonomy id, e.g. "wg-as"
    session: str | None  # "5", "2025" or "2024-1"; None: the series is named, no session stated
    status: str  # "held" | "announced" | "mentioned"
    known: bool = True  # False when the session is not yet in the taxonomy

    @property
    def id(self) -> str:
        """``series/session`` (``wg-as/5``), or the bare series id (``wg-as``) without a session."""
        return self.series if self.session is None else f"{self.series}/{self.session}"


@dataclass(frozen=True)
class Release:
    """Everything the pipeline knows about one press release."""

    # --- input (set by the reader) ---
    source_file: str  # path relative to the project root (or as given)
    raw: bytes = b""
    source_sha256: str = ""
    # --- normalise ---
    text: str = ""  # normalised Unicode text, LF line endings
    # --- parse ---
    title: str = ""
    date_line: str = ""  # the Thai date line as written
    date_line_no: int | None = None
    paragraphs: tuple[str, ...] = ()  # body blocks; a numbered list is one block of "(n) …" lines
    points: tuple[str, ...] = ()  # numbered points "(1) …" found in the body, in order
    hashtags: tuple[str, ...] = ()
    source_url: str | None = None
    shape: str = "thaigov"  # "thaigov" | "dated" (starts " date YYYY-MM-DD") | …
    paragraph_lines: tuple[int, ...] = ()  # source line number of each block in ``paragraphs``
    body_lang: str = "th"  # "en" when the release itself is written in English (Latin ≫ Thai)
    # --- dates ---
    date: date | None = None  # publication date (CE)
    event_date: date | None = None
    event_end_date: date | None = None
    # --- tag ---
    type: str = ""  # meeting, visit-out, visit-in, … (briefing.contract.RELEASE_TYPES)
    countries: tuple[str, ...] = ()
    meetings: tuple[MeetingRef, ...] = ()
    topics: tuple[str, ...] = ()
    organisations: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    #: terms named only in passing: {kind: ids} (the tag lists above hold what it is about)
    mentions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    agenda: tuple = ()  # cabinet digests: the agenda items on the site's subject (DigestItem)
    figures: tuple[Figure, ...] = ()
    places: tuple[str, ...] = ()  # city/place names found (English), e.g. "Phnom Penh"
    glossary: tuple[tuple[str, str], ...] = ()  # (Thai term, English name)
    romanised: tuple[tuple[str, str], ...] = ()  # (Thai name, royin romanisation) — flagged
    # --- render ---
    slug: str = ""
    en_title: str = ""
    summary_th: str = ""
    summary_en: str = ""
    warnings: tuple[str, ...] = field(default_factory=tuple)


def release_text(release: Release) -> str:
    """The text tags are read from: the headline and body (falling back to the whole text)."""
    if release.paragraphs:
        return "\n".join([release.title, *release.paragraphs])
    return release.text or release.title
