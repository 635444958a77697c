"""Who acts in a release: the actor of its headline, read from the title (then the lead).

``actor`` returns the English label of the first Thai person, post or Thai organisation the
title names ("PM Paetongtarn", "Deputy PM Prasert", "MDES"); past a spokesperson who reports on
someone else, that someone; else the lead's first Thai person or organisation. Labels come from
the taxonomy (names, roles, short names) and cues.yaml (posts, short roles).
"""

from __future__ import annotations

import re

from briefing.convert.names import english_name, person_names_in
from briefing.taxonomy.model import name


def is_foreign(hit, tax) -> bool:
    """A hit naming a foreign country, or a person/organisation/place of one."""
    if hit.kind == "countries":
        return hit.id != "TH"
    if hit.kind in ("people", "organisations", "places"):
        country = tax.get(hit.kind, hit.id).extra.get("country")
        return country not in (None, "TH")
    return False


def unquoted(text: str, cues: dict, shortest: int = 0) -> str:
    """``text`` with quotations of ``shortest`` characters or more blanked (same length), so a
    claim's words are not read as the release's."""
    for pair in cues["quotes"]:
        o, c = re.escape(pair[0]), re.escape(pair[1])
        text = re.sub(rf"{o}[^{c}\n]{{0,400}}{c}", lambda m: " " * len(m.group(0))
                      if len(m.group(0)) >= shortest else m.group(0), text)
    return text


def lead_paragraph(release) -> str:
    """The release's first body paragraph (``""`` without one)."""
    return release.paragraphs[0] if release.paragraphs else ""


def person_label(pid: str, tax, cues: dict, post: str = "") -> str:
    """"PM Paetongtarn", "MDES Minister Chaiwut", "Cambodian PM Hun Manet"."""
    person = tax.get("people", pid)
    full = name(person, "en")
    thai = person.extra.get("country") in (None, "TH")
    shown = full.split()[0] if thai else full
    role = person.extra.get("role", {}).get("en", "")
    short = cues["short_roles"].get(role) or (role if len(role.split()) <= cues["max_role_words"]
                                              else "")  # fmt: skip
    return f"{(post.replace('Thai ', '') if post else short)} {shown}".strip()


def org_label(oid: str, tax, cues: dict | None = None) -> str:
    """An organisation's short English name ("MDES"), or its name if short and no acronym is
    listed in cues.yaml ``plain_name_orgs``."""
    org = tax.get("organisations", oid)
    if cues and oid in cues.get("plain_name_orgs", ()):
        return name(org, "en")
    return org.short.get("en") or name(org, "en")


def _posts(title: str, cues: dict, tax, title_hits) -> list[tuple[int, int, str, str]]:
    """(start, end, label, taxonomy role) of posts the title names (not foreign ones)."""
    out, taken = [], []
    for cue, label, role in cues["posts"]:
        for m in re.finditer(re.escape(cue), title):
            if any(s <= m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if not any(is_foreign(h, tax) and 0 <= h.start - m.end() <= cues["foreign_after"]
                       for h in title_hits):  # fmt: skip
                out.append((m.start(), m.end(), label, role))
    return out


def _title_people(release, title_hits, tax, cues, lexicon) -> list[tuple[int, str, str]]:
    """(start, taxonomy id or '', English) of Thai people the title names."""
    out = [(h.start, h.id, "") for h in title_hits if h.kind == "people" and not is_foreign(h, tax)]
    for start, thai in person_names_in(release.title):
        people = [p for p in tax.terms("people").values() if p.name.get("th", "").split()[:1]
                  == thai.split()[:1] and p.extra.get("country") in (None, "TH")]  # fmt: skip
        if people:
            out.append((start, people[0].id, ""))
            continue
        en, source = english_name(thai, lead_paragraph(release), lexicon or {}, tax)
        if source in ("release", "corpus") and len(en.split()) >= 2:
            out.append((start, "", en))
    return out


def _partner(title: str, first, rest, tax, cues: dict, label: str) -> str:
    """" and <partner>" when the title joins a second Thai person or organisation to the actor
    ("ดีอี-ตร.", "ดีอี ร่วม ตำรวจไซเบอร์"), else ''."""
    if not rest or rest[0][1] == 1 or rest[0][0] - first[0] > cues["partner_window"]:
        return ""
    between = title[first[0] : rest[0][0]]
    if rest[0][2] in label or not any(j in between for j in cues["partner_joiners"]):
        return ""
    return f" and {rest[0][2]}"


def actor(release, title_hits, tax, cues: dict, lexicon=None, body_hits=(),
          action: bool = False) -> tuple[str, int]:
    """(who acts, position in the title or -1): the first Thai person, post or Thai organisation
    the title names (a post right before a person names both: "Deputy PM Prasert"); past a
    spokesperson who reports ("โฆษกรัฐบาลเผย นายกฯ สั่ง…"), the one reported on; else the lead's
    first Thai person or organisation. Foreign people are counterparts, not actors."""
    title = unquoted(release.title, cues, cues["claim_min"])
    gap = cues["post_gap"]
    posts = _posts(title, cues, tax, title_hits)
    found: list[tuple[int, int, str]] = []  # (position, rank, label): people, posts, orgs
    used = set()
    for start, pid, en in _title_people(release, title_hits, tax, cues, lexicon):
        post = [q for q in posts if 0 <= start - q[1] <= gap]
        used.update(q[0] for q in post)
        label = person_label(pid, tax, cues, post[0][2] if post else "") if pid else \
            f"{post[0][2] if post else ''} {en}".strip()
        found.append((post[0][0] if post else start, 0, label))
    body_people = list(dict.fromkeys(h.id for h in body_hits if h.kind == "people"))
    for start, _, label, role in posts:
        if start in used:
            continue
        holder = [p for p in body_people if role and
                  tax.get("people", p).extra.get("role", {}).get("en") == role]  # fmt: skip
        found.append((start, 1, person_label(holder[0], tax, cues, label) if holder else label))
    found += [(h.start, 2, org_label(h.id, tax, cues)) for h in title_hits
              if h.kind == "organisations" and tax.get(h.kind, h.id).extra.get("country") == "TH"]
    found.sort()
    while found:
        first = found[0]
        label = min((f for f in found if f[0] <= first[0] + gap), key=lambda f: f[1])[2]
        rest = [f for f in found if f[0] > first[0] + gap]
        spokesperson = any(w in label for w in cues["spokesperson_words"])
        reported = rest and any(c in title[first[0] : rest[0][0]] for c in cues["report_cues"])
        if not (spokesperson and reported):
            return label + _partner(title, first, rest, tax, cues, label), first[0]
        found = rest
    lead_hits = [h for h in body_hits if h.start > len(release.title)]
    for kind, label in (("people", lambda h: person_label(h.id, tax, cues)),
                        ("organisations", lambda h: org_label(h.id, tax, cues))):  # fmt: skip
        hits = [h for h in lead_hits if h.kind == kind and not is_foreign(h, tax)
                and (kind == "people" or tax.get(kind, h.id).extra.get("country") == "TH")
                and h.id != "cabinet" and not (kind == "people" and action and any(
                    r in tax.get(kind, h.id).extra.get("role", {}).get("en", "")
                    for r in cues["reporter_roles"]))]
        if hits:
            return label(hits[0]), -1
    return "", -1
