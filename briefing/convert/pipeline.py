"""Compose the converter's stages for one file: read → normalise → parse → dates → tag → render.

``convert_file`` never raises for bad input: it returns a :class:`Converted` (both files' front
matter and bodies, ready for ``merge``) or a :class:`Refused` with a ``file:line: reason`` message.
Tagging and the English text come from ``briefing.convert.tag`` and ``briefing.convert.english``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from briefing.convert.dates import dates
from briefing.convert.english import render_english
from briefing.convert.merge import short_hash
from briefing.convert.normalise import normalise
from briefing.convert.parse import parse
from briefing.convert.reader import read_release
from briefing.convert.relevance import Relevance, relevance
from briefing.convert.render import (
    english_front_matter,
    english_original,
    make_slug,
    thai_body,
    thai_front_matter,
)
from briefing.convert.tag import compile_matcher, release_text, tag
from briefing.model import Release, ReleaseError
from briefing.taxonomy import load_taxonomy

#: Where the particulars of a reason start (a quote, a parenthesis, "of <file>"): cut for its kind.
REASON_DETAIL_START_RE = re.compile(r"\s+(?:'|\(|of\s)")
REASON_NUMBER_RE = re.compile(r"\s*(?<![\w-])\d[\d,.\-]*")
LINE_PREFIX_RE = re.compile(r"^\d+:\s*")
CRASH_KIND = "converter error"


@dataclass(frozen=True)
class Converted:
    """Both generated files of one release (before merging with what is on disk)."""

    source_file: str
    slug: str
    th_meta: dict[str, Any]
    th_body: str
    en_meta: dict[str, Any]
    en_body: str
    body_key: str  # short hash of the generated Thai body: equal bodies = duplicate releases
    warnings: tuple[str, ...] = ()
    #: the prepared release, to render the English page again from tags an editor changed
    #: (dropped once placed: it is not sent back to the parent process)
    release: Release | None = None
    relevance: Relevance | None = None  # on the site's subject? (topic words, how often)


@dataclass(frozen=True)
class Refused:
    """A file the converter will not convert, and why."""

    source_file: str
    reason: str
    crashed: bool = False  # True when the converter itself failed (a bug, not bad input)

    @property
    def message(self) -> str:
        return f"{self.source_file}:{self.reason}" if self.reason[:1].isdigit() else \
            f"{self.source_file}: {self.reason}"

    @property
    def kind(self) -> str:
        """The reason without its particulars, for counting refusals by class."""
        if self.crashed:
            return CRASH_KIND
        text = LINE_PREFIX_RE.sub("", self.reason)
        text = REASON_DETAIL_START_RE.split(text, maxsplit=1)[0]
        return " ".join(REASON_NUMBER_RE.sub("", text).split())


def load_matcher(taxonomy_dir: Path):
    """Load the taxonomy and compile the tagger's matcher (expensive: once per process).

    The compiled matcher is reused while the taxonomy files are unchanged (same names, sizes and
    modification times), so repeated runs in one process compile it once.
    """
    folder = Path(taxonomy_dir).resolve()
    signature = tuple(
        (p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*.yaml"))
    )
    return _compiled_matcher(folder, signature)


@functools.lru_cache(maxsize=4)
def _compiled_matcher(folder: Path, signature: tuple):
    return compile_matcher(load_taxonomy(folder))


def prepare(release: Release, matcher, today: date | None = None) -> Release:
    """The pure stages after reading: normalise → parse → dates → tag, then the slug."""
    release = dates(parse(normalise(release)), today=today)
    release = tag(release, matcher)
    return replace(release, slug=make_slug(release))


def build(release: Release, matcher, lexicon: dict | None = None) -> Converted:
    """Render a prepared release into both files' front matter and bodies."""
    english = render_english(release, matcher, lexicon)
    body = thai_body(release)
    en_title, en_summary, en_body = english.title, english.summary, english.body
    if release.body_lang == "en":
        en_title, en_summary, en_body = english_original(release, english.body)
    return Converted(
        source_file=release.source_file,
        slug=release.slug,
        th_meta=thai_front_matter(release),
        th_body=body,
        en_meta=english_front_matter(release, en_title, en_summary),
        en_body=en_body,
        body_key=short_hash(body),
        warnings=tuple(release.warnings),
        release=release,
        relevance=relevance(release_text(release), matcher),
    )


def _reason(exc: ReleaseError) -> str:
    return f"{exc.line}: {exc.reason}" if exc.line else exc.reason


def convert_file(path: Path, root: Path, matcher, today: date | None = None,
                 lexicon: dict | None = None) -> Converted | Refused:
    """Convert one raw file; bad input becomes a Refused with a readable reason."""
    source_file = path.as_posix()
    try:
        release = read_release(path, root)
        source_file = release.source_file
        return build(prepare(release, matcher, today), matcher, lexicon)
    except ReleaseError as exc:
        return Refused(source_file, _reason(exc))
    except Exception as exc:  # a converter bug must not stop the batch; it is reported as such
        return Refused(source_file, f"{CRASH_KIND} {type(exc).__name__}: {exc}", crashed=True)
