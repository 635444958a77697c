"""Where each matcher hit sits in a release, and which hits are boilerplate, lists or roles.

A release is laid out as the converter's tag text: ``"\\n".join([title, *paragraphs])``; block 0
is the title, block ``i`` the ``i``-th paragraph. :func:`locate` turns the matcher's hits on that
text into :class:`Where` records (block, in title / lead, at the lead's start, listed, role,
boilerplate) using only regexes over the text already in hand: nothing is re-tokenised.

Cue words and patterns come from ``data/about_cues.yaml`` through :func:`compile_cues`, built once
per process and passed in (no module-level state).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Cues:
    """Compiled ``about_cues.yaml``."""

    raw: dict
    para_res: tuple[re.Pattern, ...]
    span_res: tuple[re.Pattern, ...]
    gap_re: re.Pattern
    item_re: re.Pattern


@dataclass(frozen=True)
class Where:
    """One hit with its evidence."""

    kind: str
    id: str
    start: int
    block: int  # 0 = title
    lead: bool
    subject: bool  # near the start of the lead (who acts)
    weak: bool  # in a list of names, inside a person's title, or an ambiguous bare name
    boilerplate: bool
    opens: bool = False  # near the start of any body paragraph (who acts in it)


def compile_cues(path: Path = DATA / "about_cues.yaml") -> Cues:
    """Compile the cue file (once per process; the tag stage's matcher keeps it)."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    bp = raw["boilerplate"]
    return Cues(
        raw=raw,
        para_res=tuple(re.compile(p, re.I) for p in bp["paragraphs"]),
        span_res=tuple(re.compile(p, re.I) for p in bp["spans"]),
        gap_re=re.compile(raw["enumeration"]["gap"], re.I),
        item_re=re.compile(raw["digest"]["item"], re.M),
    )


def block_starts(title: str, paragraphs) -> list[int]:
    """Start offset of each block (title first) in the joined text."""
    starts, pos = [], 0
    for block in (title, *paragraphs):
        starts.append(pos)
        pos += len(block) + 1
    return starts


def boilerplate_spans(blocks: list[str], starts: list[int], cues: Cues) -> list[tuple[int, int]]:
    """(start, end) spans of boilerplate: whole paragraphs, hotline footers, contact lines."""
    spans = []
    short = cues.raw["boilerplate"]["short_paragraph"]
    for i, block in enumerate(blocks):
        if i == 0:
            continue  # the headline is never boilerplate
        base = starts[i]
        if any(r.search(block) for r in cues.para_res):
            spans.append((base, base + len(block)))
            continue
        found = [m.span() for r in cues.span_res for m in r.finditer(block)]
        if found and len(block) < short:
            spans.append((base, base + len(block)))
        else:
            spans.extend((base + a, base + b) for a, b in found)
    return sorted(spans)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def lead_block(blocks: list[str], starts: list[int], spans, cues: Cues) -> int | None:
    """The first body paragraph that is long enough and not boilerplate (else the first that
    is not boilerplate: a short release's only paragraph is its lead)."""
    least = cues.raw["lead"]["min_chars"]
    usable = [i for i in range(1, len(blocks)) if not _inside(starts[i], spans)]
    return next((i for i in usable if len(blocks[i]) >= least), usable[0] if usable else None)


def listed(text: str, hits, cues: Cues) -> set[int]:
    """Indexes (into ``hits``) of country hits that are part of an enumeration."""
    enum = cues.raw["enumeration"]
    idx = [i for i, h in enumerate(hits) if h.kind == "countries"]
    out: set[int] = set()
    run: list[int] = []

    def close(run):
        if not run:
            return
        first = hits[run[0]]
        before = text[max(0, first.start - enum["cue_reach"]) : first.start]
        cued = any(c in before for c in enum["cues"])
        distinct = {hits[i].id for i in run}
        if len(distinct) >= enum["min_run"] or (cued and len(distinct) >= enum["cued_run"]):
            out.update(run)

    for i in idx:
        if run:
            prev = hits[run[-1]]
            gap = text[prev.end : hits[i].start]
            if len(gap) <= enum["max_gap"] and cues.gap_re.match(gap):
                run.append(i)
                continue
        close(run)
        run = [i]
    close(run)
    return out


def _role(text: str, hit, cues: Cues) -> bool:
    if hit.kind != "organisations":
        return False
    reach = cues.raw["role_reach"]
    before = text[max(0, hit.start - 40) : hit.start]
    return any(
        w in before and len(before) - (before.rfind(w) + len(w)) <= reach
        for w in cues.raw["role_words"]
    )


def _ambiguous(text: str, hit, cues: Cues) -> bool:
    amb = cues.raw["ambiguous_countries"]
    if hit.kind != "countries" or hit.text not in amb["names"]:
        return False
    before = text[max(0, hit.start - amb["reach"]) : hit.start]
    return not any(p in before for p in amb["prefixes"])


def locate(title: str, paragraphs, hits, cues: Cues, spans=None) -> tuple[list[Where], int | None]:
    """Evidence for every hit, and the lead's block index."""
    blocks = [title, *paragraphs]
    starts = block_starts(title, paragraphs)
    text = "\n".join(blocks)
    if spans is None:
        spans = boilerplate_spans(blocks, starts, cues)
    lead = lead_block(blocks, starts, spans, cues)
    lists = listed(text, hits, cues)
    reach = cues.raw["lead"]["subject_reach"]
    out = []
    for i, h in enumerate(hits):
        block = bisect.bisect_right(starts, h.start) - 1
        in_lead = block == lead
        opens = block > 0 and h.start - starts[block] <= reach
        subject = in_lead and opens
        weak = i in lists or _role(text, h, cues) or _ambiguous(text, h, cues)
        bp = block > 0 and _inside(h.start, spans)
        out.append(Where(h.kind, h.id, h.start, block, in_lead, subject, weak, bp, opens))
    return out, lead
