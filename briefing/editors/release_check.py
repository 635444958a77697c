"""Checks of one release file's front matter for ``invoke check`` (:mod:`briefing.editors.check`).

Required fields (``source_url`` must be present, ``null`` when there is no online source, else an
http(s) address: a ``javascript:`` or malformed URL is refused), ISO
dates with a Gregorian year (a Buddhist-Era year such as 2567 is refused with the CE year to use),
``lang`` against its folder, slug shape, English-only fields,
``translation_status`` and ``meeting_status`` values, tag ids against the taxonomy, and HTML in the
body that the site's sanitiser would remove (a ``<script>``, an ``on…=`` attribute, a
``javascript:`` link). Every :class:`Problem` carries the line of the offending key, list item
or body line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.contract import (
    KINDS,
    MEETING_STATUSES,
    RELEASE_TYPES,
    TAG_FIELDS,
    TRANSLATION_STATUSES,
    as_date,
    buddhist_era_hint,
)
from briefing.editors.safe_markdown import removed_lines
from briefing.frontmatter import FrontMatter
from briefing.sanitise import is_web_url
from briefing.taxonomy import Taxonomy

RELEASE_REQUIRED = ("title", "date", "lang", "slug")
#: Keys that must be present though their value may be ``null`` (docs/ARCHITECTURE.md contract).
RELEASE_REQUIRED_KEYS = ("source_url",)
DATE_FIELDS = ("date", "event_date", "event_end_date")
EN_ONLY_FIELDS = ("translation_status", "translation_outdated")
SLUG_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
#: ``series/session`` (``wg-as/5``) or a bare series (``wg-as``) when no session is identified.
MEETING_RE = re.compile(r"^([a-z0-9-]+)(?:/([A-Za-z0-9-]+))?$")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor must fix."""

    path: str
    line: int
    message: str
    #: A warning does not stop ``check`` or the build: markup the sanitiser removes anyway.
    warning: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {'warning: ' if self.warning else ''}{self.message}"


def check_release(
    fm: FrontMatter, path: str, folder_lang: str, tax: Taxonomy | None
) -> list[Problem]:
    """Problems in one release file's front matter (``tax`` None skips tag-id checks)."""
    data, out = fm.data, []

    def bad(key: str, message: str, index: int | None = None) -> None:
        out.append(Problem(path, fm.line(key, index), message))

    for key in RELEASE_REQUIRED:
        if data.get(key) in (None, ""):
            out.append(Problem(path, fm.start_line, f"missing required field '{key}'"))
    for key in RELEASE_REQUIRED_KEYS:
        if key not in data:
            out.append(Problem(path, fm.start_line, f"missing required field '{key}' (write "
                               f"'{key}: null' when there is none)"))
    url = data.get("source_url")
    if url is not None and not is_web_url(url):
        bad("source_url", f"source_url {url!r} must be an http(s) web address "
                          "(https://www.thaigov.go.th/…) or null")
    for key in DATE_FIELDS:
        if data.get(key) is None:
            continue
        if as_date(data[key]) is None:
            bad(key, f"bad date in '{key}': {data[key]!r} (use YYYY-MM-DD, a real day)")
        elif hint := buddhist_era_hint(data[key]):
            bad(key, f"bad date in '{key}': {hint}")
    start, end = as_date(data.get("event_date")), as_date(data.get("event_end_date"))
    if start and end and end < start:
        bad("event_end_date", "event_end_date is before event_date")
    lang = data.get("lang")
    if lang is not None and lang != folder_lang:
        bad("lang", f"lang is {lang!r} but the file is in the {folder_lang!r} folder")
    slug = data.get("slug")
    if slug is not None and not SLUG_RE.match(str(slug)):
        bad("slug", f"slug {slug!r} must be ASCII letters, digits, '-', '_' or '.'")
    for key in EN_ONLY_FIELDS:
        if key in data and folder_lang != "en":
            bad(key, f"'{key}' belongs in the English file only")
    status = data.get("translation_status")
    if "translation_status" in data and status not in TRANSLATION_STATUSES:
        bad("translation_status", f"translation_status must be machine or reviewed, not {status!r}")
    if "translation_outdated" in data and not isinstance(data["translation_outdated"], bool):
        bad("translation_outdated", "translation_outdated must be true (or be deleted to clear it)")
    rtype = data.get("type")
    if "type" in data and rtype not in RELEASE_TYPES:
        bad("type", f"type must be one of {', '.join(RELEASE_TYPES)}, not {rtype!r}")
    out += check_tags(fm, path, tax)
    out += [Problem(path, line, message, warning=True)  # the sanitiser removes it: say so
            for line, message in removed_lines(fm.body, fm.body_line)]
    return out


def _as_list(fm: FrontMatter, key: str, path: str, out: list[Problem]) -> list:
    value = fm.data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        out.append(Problem(path, fm.line(key), f"'{key}' must be a list, e.g. {key}: [a, b]"))
        return []
    return value


def check_tags(fm: FrontMatter, path: str, tax: Taxonomy | None) -> list[Problem]:
    """Unknown tag ids and malformed meeting references."""
    out: list[Problem] = []
    lists = {kind: _as_list(fm, kind, path, out) for kind in (*TAG_FIELDS, "meetings")}
    meetings = lists["meetings"]
    bad_refs = set()
    for i, ref in enumerate(meetings):
        if not MEETING_RE.match(str(ref)):
            bad_refs.add(i)
            out.append(
                Problem(
                    path,
                    fm.line("meetings", i),
                    f"meeting {ref!r} must be 'series/session' (e.g. wg-as/5) or a series "
                    "id alone (e.g. wg-as)",
                )
            )
    mentions = fm.data.get("mentions")
    if mentions is not None and not (isinstance(mentions, dict) and set(mentions) <= set(KINDS)
                                     and all(isinstance(v, list) for v in mentions.values())):
        out.append(Problem(path, fm.line("mentions"), "mentions must map kinds (countries, "
                           "meetings, topics, organisations, people) to lists of ids"))
        mentions = None
    lists["mentions"] = mentions or {}
    for where, i, term_id in tax.unknown_tags(lists) if tax is not None else ():
        kind = where.removeprefix("mentions.")
        line = fm.line(kind, i) if kind == where else fm.line("mentions")
        if kind != "meetings":
            message = f"unknown {kind} id {term_id!r} (not in content/taxonomy/{kind}.yaml)"
        elif kind == where and i in bad_refs:
            continue
        else:
            message = f"unknown meeting series {term_id!r} (not in content/taxonomy/meetings.yaml)"
        out.append(Problem(path, line, message if kind == where else f"{where}: {message}"))
    status = fm.data.get("meeting_status")
    if status is None:
        return out
    if not isinstance(status, dict):
        return out + [Problem(path, fm.line("meeting_status"), "meeting_status must be a mapping")]
    for i, (ref, value) in enumerate(status.items()):
        if ref not in meetings:
            out.append(
                Problem(
                    path,
                    fm.line("meeting_status", i),
                    f"meeting_status names {ref!r}, which is not in meetings",
                )
            )
        if value not in MEETING_STATUSES:
            out.append(
                Problem(
                    path,
                    fm.line("meeting_status", i),
                    f"meeting_status of {ref!r} "
                    f"must be held, announced or mentioned, not {value!r}",
                )
            )
    return out
