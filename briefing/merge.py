"""Merge freshly generated output with the file on disk: editors own what they edit (pure).

Every machine-made field and the body are recorded in the ``machine:`` map as a short hash of the
value last written. On re-run a field whose current value still hashes to its record is the
machine's and is refreshed; any other value is the editor's and is kept — a *conflict* is reported
when the machine's own value changed meanwhile. Editor-added fields survive. An English file
marked ``translation_status: reviewed`` keeps its body, and gets ``translation_outdated: true``
when the source changed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

import yaml

from briefing.render import dump_markdown, load_markdown

HASH_LENGTH = 12
MACHINE_KEY = "machine"
BODY_KEY = "body"
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


def fresh(meta: dict[str, Any], body: str) -> str:
    """A brand-new file: the generated front matter plus its ``machine`` map."""
    out = dict(meta)
    out[MACHINE_KEY] = {**{k: short_hash(v) for k, v in meta.items()}, BODY_KEY: short_hash(body)}
    return dump_markdown(out, body)


def merge(existing: str | None, meta: dict[str, Any], body: str) -> MergeResult:
    """Combine the generated ``meta``/``body`` with the ``existing`` file text (None: new file)."""
    if existing is None:
        return MergeResult(fresh(meta, body), "converted")
    try:
        old, old_body = load_markdown(existing)
    except yaml.YAMLError:
        old = {}
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

    body_hash = machine[BODY_KEY] = short_hash(body)
    if reviewed or short_hash(old_body) != recorded.get(BODY_KEY):
        new_body = old_body  # the editor's text (or a reviewed translation) is never touched
        machine_changed = recorded.get(BODY_KEY) != body_hash
        if not reviewed and short_hash(old_body) != body_hash and machine_changed:
            conflicts.append(BODY_KEY)
    else:
        new_body = body
    out[MACHINE_KEY] = machine
    text = dump_markdown(out, new_body)
    status = "unchanged" if text == existing else "updated"
    return MergeResult(text, status, tuple(conflicts))
