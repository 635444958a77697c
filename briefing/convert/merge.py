"""Merge freshly generated output with the file on disk: editors own what they edit (pure).

Every machine-made field and the body are recorded in the ``machine:`` map as a short hash of the
value last written. On re-run a field whose current value still hashes to its record is the
machine's and is refreshed; any other value is the editor's and is kept — a *conflict* is reported
when the machine's own value changed meanwhile. Editor-added fields survive. An English file
marked ``translation_status: reviewed`` keeps its body, and gets ``translation_outdated: true``
when the source changed.

A body made of ``## `` sections (the English page: lead, Facts, Glossary, Editor's translation) is
merged section by section, each recorded under ``machine.sections``: a section the editor changed
is kept, the ones they did not touch are refreshed (an edited translation does not freeze Facts).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from briefing.frontmatter import dump_markdown, load_markdown

HASH_LENGTH = 12
MACHINE_KEY = "machine"
BODY_KEY = "body"
SECTIONS_KEY = "sections"
#: A body section starts at a ``## Heading`` line; the text before the first one is the lead.
SECTION_RE = re.compile(r"^## (?P<name>.+?)\s*$", re.M)
LEAD = "lead"
#: Fields the converter sets but never records in ``machine`` (they belong to editors once set).
EDITOR_FLAGS = ("translation_outdated",)
REVIEWED = "reviewed"
#: The conflict reported for a file whose front matter cannot be read (it is left untouched).
UNREADABLE = "front matter (missing or invalid YAML; file left as it is)"


def short_hash(value: Any) -> str:
    """A short, stable hash of a front-matter value or a body."""
    if isinstance(value, str):
        value = value.strip()
    # JSON with dates as ISO strings and tuples as lists: a value hashes the same before writing
    # and after reading it back from YAML (what the YAML round trip gives, without its cost).
    data = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class MergeResult:
    """The text to write and its status: ``converted`` | ``updated`` | ``unchanged``."""

    text: str
    status: str
    conflicts: tuple[str, ...] = ()
    #: the merged front matter, when there was a file to merge with (not sent between processes)
    meta: dict[str, Any] | None = field(default=None, compare=False, repr=False)


def split_sections(body: str) -> list[tuple[str, str]]:
    """``[(name, text)]``: the lead (text before the first ``## `` heading), then each section
    with its heading. A body without headings is one section, the lead."""
    starts = [m.start() for m in SECTION_RE.finditer(body)]
    parts = [(LEAD, body[: starts[0]] if starts else body)]
    for start, end in zip(starts, [*starts[1:], len(body)], strict=False):
        text = body[start:end]
        parts.append((SECTION_RE.match(text)["name"], text))
    return parts


def join_sections(texts: list[str]) -> str:
    """The inverse of :func:`split_sections` (sections separated by one blank line)."""
    return "\n\n".join(t.strip() for t in texts if t.strip()) + "\n"


def _section_hashes(body: str) -> dict[str, str] | None:
    parts = split_sections(body)
    return {name: short_hash(text) for name, text in parts} if len(parts) > 1 else None


def _machine(meta: dict[str, Any], body: str) -> dict[str, Any]:
    machine: dict[str, Any] = {k: short_hash(v) for k, v in meta.items()}
    machine[BODY_KEY] = short_hash(body)
    sections = _section_hashes(body)
    if sections:
        machine[SECTIONS_KEY] = sections
    return machine


def fresh(meta: dict[str, Any], body: str) -> str:
    """A brand-new file: the generated front matter plus its ``machine`` map."""
    return dump_markdown({**meta, MACHINE_KEY: _machine(meta, body)}, body)


def merge_sections(old_body: str, body: str, recorded: dict) -> tuple[str, list[str]]:
    """Merge an edited body section by section against ``recorded`` (name → hash of the
    machine's text last written): (merged body, conflicts as ``body (Facts)``)."""
    new = dict(split_sections(body))
    out: list[tuple[str, str]] = []
    conflicts: list[str] = []
    for name, text in split_sections(old_body):
        edited = recorded.get(name) != short_hash(text)
        if name in new and not edited:
            out.append((name, new[name]))  # the machine's, untouched: refreshed
        elif name in new:
            out.append((name, text))  # the editor's: kept
            machine_changed = short_hash(new[name]) != recorded.get(name)
            if machine_changed and short_hash(text) != short_hash(new[name]):
                conflicts.append(f"{BODY_KEY} ({name})")
        elif edited or name not in recorded:
            out.append((name, text))  # the editor's own section, or one the converter dropped
    kept = {name for name, _ in out}
    for i, (name, text) in enumerate(new.items()):
        if name in kept:
            continue
        if name in recorded:  # the editor deleted it: stays deleted
            if recorded[name] != short_hash(text):
                conflicts.append(f"{BODY_KEY} ({name})")
            continue
        before = [n for n in list(new)[:i] if n in kept]  # a section new in this version
        at = next((j + 1 for j, (n, _) in enumerate(out) if before and n == before[-1]), len(out))
        out.insert(at, (name, text))
        kept.add(name)
    return join_sections([text for _, text in out]), conflicts


def merge(existing: str | None, meta: dict[str, Any], body: str) -> MergeResult:
    """Combine the generated ``meta``/``body`` with the ``existing`` file text (None: new file)."""
    if existing is None:
        return MergeResult(fresh(meta, body), "converted")
    old, old_body = load_markdown(existing)
    if not old:
        # Front matter missing or not valid YAML (an edit in progress?): the file is left alone.
        return MergeResult(existing, "unchanged", (UNREADABLE,))
    recorded = old.get(MACHINE_KEY) if isinstance(old.get(MACHINE_KEY), dict) else {}
    reviewed = old.get("translation_status") == REVIEWED
    source_changed = old.get("source_sha256") != meta.get("source_sha256")

    out: dict[str, Any] = {}
    machine: dict[str, str] = {}
    conflicts: list[str] = []
    for key, value in meta.items():
        new_hash = machine[key] = short_hash(value)
        if key not in old:
            if key not in recorded:
                out[key] = value  # a field this converter version adds
            elif recorded[key] != new_hash:
                conflicts.append(key)  # the editor deleted it and the machine value changed
            continue
        if key in recorded and short_hash(old[key]) == recorded[key]:
            out[key] = value
        else:
            out[key] = old[key]
            if short_hash(old[key]) != new_hash and recorded.get(key) != new_hash:
                conflicts.append(key)
    for key, value in old.items():  # editor-added fields and flags, in their order
        if key not in out and key != MACHINE_KEY and key not in meta:
            out[key] = value
    if reviewed and source_changed:
        out["translation_outdated"] = True

    body_machine = _machine({}, body)
    body_hash = body_machine[BODY_KEY]
    machine.update(body_machine)
    sections = recorded.get(SECTIONS_KEY)
    if not reviewed and short_hash(old_body) == recorded.get(BODY_KEY):
        new_body = body
    elif not reviewed and isinstance(sections, dict) and SECTIONS_KEY in body_machine:
        new_body, edited = merge_sections(old_body, body, sections)
        conflicts += edited
    else:
        new_body = old_body  # the editor's text (or a reviewed translation) is never touched
        machine_changed = recorded.get(BODY_KEY) != body_hash
        if not reviewed and short_hash(old_body) != body_hash and machine_changed:
            conflicts.append(BODY_KEY)
    out[MACHINE_KEY] = machine
    text = dump_markdown(out, new_body)
    status = "unchanged" if text == existing else "updated"
    return MergeResult(text, status, tuple(conflicts), out)
