"""Classify a release by type from cue words in ``data/release_types.yaml`` (data, not code).

``classify(title, body)`` returns one of ``meeting, visit-out, visit-in, courtesy-call,
agreement, fake-news, cabinet-digest, crackdown, statement, policy, other``. The headline
weighs most, then the lead (the first substantial paragraph), then the rest of the body; each
cue counts once per zone. *Decisive* title cues settle digests and fake-news debunks at once.
Visit direction: ``visit-in`` cues (``เยือนไทย``, ``ศึกษาดูงาน``) and ``visit-out`` cues
(``เยือน``, ``บินไป``, ``ณ กรุง…``) are separate types, so whichever direction the text
supports more wins. Build the compiled rules once with :func:`load_types` and pass them in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"
LEAD_MIN = 60


@dataclass(frozen=True)
class TypeRules:
    zones: dict
    fallback: str
    decisive: tuple[tuple[str, re.Pattern], ...]
    cues: tuple[tuple[str, re.Pattern, float], ...]
    order: tuple[str, ...]


def load_types(path: Path = DATA / "release_types.yaml") -> TypeRules:
    """Compile the type cues (once per process; the tag stage's matcher keeps them)."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    decisive = tuple((t, re.compile(p, re.I)) for t, ps in raw["decisive"].items() for p in ps)
    cues = tuple(
        (t, re.compile(c["cue"]), float(c["weight"]))
        for t, items in raw["types"].items()
        for c in items
    )
    return TypeRules(raw["zones"], raw["fallback"], decisive, cues, tuple(raw["types"]))


def split_lead(body: str) -> tuple[str, str]:
    """(lead, rest): the first paragraph of at least LEAD_MIN characters, and what follows."""
    paras = body.split("\n")
    for i, p in enumerate(paras):
        if len(p.strip()) >= LEAD_MIN:
            return p, "\n".join(paras[i + 1 :])
    return "", body


def scores(title: str, body: str, rules: TypeRules) -> dict[str, float]:
    """Each type's total cue weight over the three zones."""
    lead, rest = split_lead(body)
    weights = rules.zones
    zones = ((title, weights["title"]), (lead, weights["lead"]), (rest, weights["body"]))
    out = {t: 0.0 for t in rules.order}
    for rtype, pattern, weight in rules.cues:
        out[rtype] += sum(zw * weight for text, zw in zones if text and pattern.search(text))
    return out


def classify(title: str, body: str, rules: TypeRules | None = None) -> str:
    """The release's type (``rules`` from :func:`load_types`; loaded here if omitted)."""
    rules = rules or load_types()
    for rtype, pattern in rules.decisive:
        if pattern.search(title):
            return rtype
    totals = scores(title, body, rules)
    best = max(rules.order, key=lambda t: (totals[t], -rules.order.index(t)))
    return best if totals[best] > 0 else rules.fallback
