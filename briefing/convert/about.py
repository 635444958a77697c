"""What a release is ABOUT: per kind, the CORE ids (the release is about them) and the MENTIONED.

Input is what the tag stage already has: the title, the body paragraphs and the matcher's hits on
``"\\n".join([title, *paragraphs])`` (``briefing.convert.tag.release_text``), plus the taxonomy.
Evidence per hit comes from :mod:`briefing.convert.evidence` (title, lead, subject, spread, lists,
roles, boilerplate); weights and thresholds are data in ``data/about_cues.yaml``.

Implied evidence, as in ``briefing.tag``: a place, a foreign organisation or a person is evidence
for their country (a capital in the headline makes the country core); a meeting series' topics and
a person's organisation are only *mentioned*. The publisher's country is always core. A cabinet
digest is about the cabinet and the home country, plus what its on-subject agenda items are
about (see :mod:`digest`); all else in a digest is mentioned.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.contract import KINDS
from briefing.convert.digest import DigestItem, digest_items
from briefing.convert.evidence import Cues, Where, block_starts, boilerplate_spans, locate

DIGEST = "cabinet-digest"


@dataclass(frozen=True)
class MeetingAbout:
    """A meeting session (or series) the release names, whether it is core, and its status."""

    id: str
    series: str
    status: str  # held | announced | mentioned
    core: bool


@dataclass(frozen=True)
class About:
    core: dict[str, tuple[str, ...]]
    mentioned: dict[str, tuple[str, ...]]
    meetings: tuple[MeetingAbout, ...] = ()
    items: tuple[DigestItem, ...] = ()
    scores: dict[tuple[str, str], float] = field(default_factory=dict)


def _implied(w: Where, taxonomy) -> list[Where]:
    """Country evidence carried by places, foreign organisations and people."""
    if w.kind not in ("places", "organisations", "people"):
        return []
    term = taxonomy.get(w.kind, w.id)
    codes = term.extra.get("country") if term else None
    codes = codes if isinstance(codes, list) else [codes] if codes else []
    # a person's title naming their ministry is no evidence for its country either
    return [Where("countries", str(c), w.start, w.block, w.lead, w.subject, w.weak, w.boilerplate,
                  w.opens) for c in codes]


def score(records: list[Where], lead: int | None, weights: dict, broad: bool = False) -> float:
    """Evidence score of one id from its hit records (boilerplate already removed).

    A *broad* term (taxonomy ``broad: true``, e.g. cybercrime: nearly every release says it)
    counts only where it is named in the headline or the lead, never by repetition."""
    strong = [r for r in records if not r.weak]
    s = weights["weak"] * bool(records and not strong)
    if any(r.block == 0 for r in strong):
        s += weights["title"]
    if any(r.lead for r in strong):
        s += weights["lead"]
    if any(r.subject for r in strong):
        s += weights["subject"]
    if any(r.opens and not r.lead for r in strong):  # acts at the start of a later paragraph
        s += weights.get("opens", 0)
    body = {r.block for r in strong if r.block not in (0, lead)}
    if broad:
        return s
    return s + weights["body"] * min(len(body), weights["body_cap"])


def _decide(by_id: dict[str, list[Where]], lead, weights, broad=frozenset()
            ) -> tuple[list[str], list[str], dict]:
    scores = {tid: score([r for r in recs if not r.boilerplate], lead, weights, tid in broad)
              for tid, recs in by_id.items()}
    core = [t for t, s in sorted(scores.items(), key=lambda x: -x[1]) if s >= weights["core_score"]]
    core = core[: weights.get("max_core", len(core))]
    return core, [t for t in by_id if t not in core], scores


def _group(records: list[Where]) -> dict[str, dict[str, list[Where]]]:
    out: dict[str, dict[str, list[Where]]] = {k: {} for k in KINDS}
    for r in records:
        if r.kind in out:
            out[r.kind].setdefault(r.id, []).append(r)
    return out


def _digest(text: str, title: str, records, items, taxonomy, cues: Cues):
    """Core ids of a digest: its own (cabinet, home country) and its on-subject items'."""
    dg = cues.raw["digest"]
    subject = set(dg["subject_topics"])
    reach = dg["item_lead_chars"]
    core: dict[str, list[str]] = {k: [] for k in KINDS}
    core["countries"].append(cues.raw["home_country"])
    core["organisations"].extend(dg["core_orgs"])
    out_items = []
    for item in items:
        near = [r for r in records if item.start <= r.start < item.start + reach
                and not r.boilerplate and r.start < item.end]
        topics = list(dict.fromkeys(r.id for r in near if r.kind == "topics"))
        on = bool(subject.intersection(topics))
        out_items.append(DigestItem(item.number, item.title, item.start, item.end,
                                    tuple(topics), on))
        if on:
            head = item.start + dg["item_head_chars"]
            for r in near:
                if r.kind != "topics" and r.start >= head:
                    continue
                if r.kind in ("topics", "countries", "organisations") and not r.weak:
                    if r.id not in core[r.kind]:
                        core[r.kind].append(r.id)
    return core, tuple(out_items)


def about(title: str, paragraphs, hits, taxonomy, cues: Cues, rtype: str | None = None,
          refs=()) -> About:
    """Core and mentioned ids per kind.

    ``hits``: ``matcher.find("\\n".join([title, *paragraphs]))`` (Hit kind/id/start/end/text).
    ``rtype``: the release type (:func:`release_type.classify`); ``"cabinet-digest"`` switches
    to agenda items. ``refs``: the ``MeetingRef``s of ``briefing.meetings.find_meetings`` for
    the same text, to which a status from the same evidence is given.
    """
    paragraphs = list(paragraphs)
    blocks = [title, *paragraphs]
    starts = block_starts(title, paragraphs)
    text = "\n".join(blocks)
    spans = boilerplate_spans(blocks, starts, cues)
    where, lead = locate(title, paragraphs, hits, cues, spans)
    records = where + [i for w in where for i in _implied(w, taxonomy)]
    grouped = _group(records)
    core, mentioned, scores = {}, {}, {}
    for kind in KINDS:
        broad = {t for t in grouped[kind] if (term := taxonomy.get(kind, t)) is not None
                 and term.extra.get("broad")}
        c, m, s = _decide(grouped[kind], lead, cues.raw["weights"][kind], broad)
        core[kind], mentioned[kind] = c, m
        scores.update({(kind, t): v for t, v in s.items()})
    home = cues.raw["home_country"]
    if home not in core["countries"]:
        core["countries"].insert(0, home)
    items: tuple[DigestItem, ...] = ()
    if rtype == DIGEST:
        found = digest_items(text, cues)
        dcore, items = _digest(text, title, records, found, taxonomy, cues)
        dcore["people"] = [p for p in core["people"] if any(r.block == 0 or r.lead
                           for r in grouped["people"][p] if not r.boilerplate)]
        dcore["meetings"] = []
        core = dcore
    for kind in KINDS:  # what is not core but named (or implied) is mentioned
        named = list(grouped[kind])
        if kind == "topics":
            named += [t for mid in grouped["meetings"]
                      for t in taxonomy.get("meetings", mid).extra.get("topics", ())]
        if kind == "organisations":
            for pid in grouped["people"]:
                org = taxonomy.get("people", pid).extra.get("organisation")
                named += [org] if org else []
        mentioned[kind] = [t for t in dict.fromkeys(named) if t not in core[kind]]
    meetings = tuple(meeting_status(ref, ref.series in core["meetings"]) for ref in refs)
    return About({k: tuple(v) for k, v in core.items()},
                 {k: tuple(v) for k, v in mentioned.items()}, meetings, items, scores)


def meeting_status(ref, core: bool) -> MeetingAbout:
    """A meeting the release is not about is only mentioned, whatever its cue words say."""
    status = ref.status if core else "mentioned"
    return MeetingAbout(ref.id, ref.series, status, core)
