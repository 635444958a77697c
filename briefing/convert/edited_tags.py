"""Facts follow the front matter as edited: the tags an editor changed by hand, read back.

The English page's **Facts** list is generated from the release's tags. When an editor removes a
country or a topic from the front matter (the merge keeps their edit), the Facts must not go on
listing it: :func:`with_edited_tags` gives the release the tags of the merged front matter, so
the converter renders the Facts again from them (the section is refreshed like any machine
section; a Facts section the editor rewrote by hand is still theirs).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from briefing.contract import MEETING_STATUSES, TAG_FIELDS, split_meeting
from briefing.convert.english import render_english
from briefing.convert.merge import MergeResult, merge
from briefing.model import MeetingRef, Release

EDITABLE = (*TAG_FIELDS, "meetings", "meeting_status")


def _ids(value) -> tuple[str, ...]:
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def edited_tags(merged: dict[str, Any], generated: dict[str, Any]) -> bool:
    """Whether the merged front matter's tags differ from the ones the converter generated."""
    return any(merged.get(key) != generated.get(key) for key in EDITABLE)


def with_edited_tags(release: Release, meta: dict[str, Any], taxonomy) -> Release:
    """``release`` with the tags of front matter ``meta`` (meetings with their stated status)."""
    status = meta.get("meeting_status") if isinstance(meta.get("meeting_status"), dict) else {}
    known = {m.id: m for m in release.meetings}
    meetings = []
    for ref in _ids(meta.get("meetings")):
        series, session = split_meeting(ref)
        said = status.get(ref)
        said = said if said in MEETING_STATUSES else MEETING_STATUSES[-1]
        old = known.get(ref)
        found = taxonomy.session(series, session) is not None if session else True
        meetings.append(replace(old, status=said) if old else
                        MeetingRef(series, session or None, said, found))
    return replace(release, meetings=tuple(meetings),
                   **{key: _ids(meta.get(key)) for key in TAG_FIELDS})


def facts_as_edited(result, outcome: MergeResult, existing: str, matcher) -> MergeResult:
    """Merge again with the English body rendered from the tags of the merged front matter
    (``result``: the runner's :class:`~briefing.convert.pipeline.Converted`)."""
    if matcher is None or result.release is None or result.release.body_lang == "en":
        return outcome
    merged_meta = outcome.meta
    if not merged_meta or not edited_tags(merged_meta, result.en_meta):
        return outcome
    release = with_edited_tags(result.release, merged_meta, matcher.taxonomy)
    body = render_english(release, matcher).body
    return merge(existing, result.en_meta, body)
