"""English headlines and leads composed from a release's headline facts (no translation).

``compose(facts)`` picks the first template of the release type (``headlines.yaml``) whose fields
are all known, so thin facts give a shorter, honest headline ("MDES flags a false claim
circulating online") and never a list of topics. ``disambiguate`` makes headlines of different
events distinct; ``lead`` states the publication date and the event date, each as such.
"""

from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import yaml

from briefing.convert.headline import en_date

PHRASING = Path(__file__).resolve().parent / "data" / "headlines.yaml"
MAX_WORDS = 16


@dataclass(frozen=True)
class Facts:
    """What a headline may say. Empty strings mean "not known" and are never guessed."""

    type: str = "other"
    actor: str = ""  # "PM Paetongtarn", "MDES"
    verb: str = ""  # key of headlines.yaml ``verbs``: chairs, attends, hosts, signs, visits…
    event: str = ""  # "6th BIMSTEC Summit", "PDPA Expo 2025"
    label: str = ""  # another Latin name the title writes (a platform, a company): "DE-fence"
    subject: str = ""  # topic id (headlines.yaml ``subjects``) or an English phrase
    subject2: str = ""  # a second subject the title names (joined only where it reads as one)
    counterpart: str = ""  # "Cambodia", "UNODC"
    visitor: str = ""  # who comes from the counterpart: "the ambassador of Sri Lanka"
    place: str = ""  # "Phnom Penh"
    figures: tuple[str, ...] = ()  # ("820 cases", "THB 12.5 billion")
    published: date | None = None
    event_date: date | None = None
    claim: str = ""  # fake news: the claim's Latin words, if any ("Vistanix")
    original: str = ""  # an English-language release's own English title (used as is)
    future: bool = False  # the title announces it ("เตรียมเดินทางเยือน…": to visit)


@functools.lru_cache(maxsize=4)
def load_phrasing(path: Path = PHRASING) -> dict:
    """The phrasing data (headlines.yaml)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _fields(template: str) -> list[str]:
    return [f for _, f, _, _ in string.Formatter().parse(template) if f]


def _subject(facts: Facts, ph: dict) -> str:
    return ph["subjects"].get(facts.subject, facts.subject)


def _verb(facts: Facts, ph: dict, template: str) -> tuple[str, str]:
    key = facts.verb
    if "{verb} {subject}" in template and facts.subject in ph["predicates"]:
        return ph["predicates"][facts.subject], ph["predicates_past"][facts.subject]
    if facts.type in ("meeting", "other") and "{event}" in template:
        key = key if key in ph["meeting_verbs"] else ph["default_verb"].get(facts.type, "attends")
    elif "{subject}" in template:
        if key not in ph["subject_verbs"]:
            key = ph["default_verb"].get(facts.type, "reports")
    elif key not in ph["verbs"]:
        key = ph["default_verb"].get(facts.type, "reports")
    return tuple(ph["verbs"].get(key, ph["verbs"]["reports"]))


def values(facts: Facts, ph: dict | None = None, template: str = "") -> dict[str, str]:
    """The template fields for ``facts`` ('' when unknown)."""
    ph = ph or load_phrasing()
    present, past = _verb(facts, ph, template)
    when = facts.event_date or facts.published
    return {
        "actor": facts.actor,
        "verb": present,
        "verb_past": past,
        "event": facts.event,
        "subject": "" if facts.subject in ph["predicates"] and "{verb} {subject}" in template
        else _subject(facts, ph),
        "counterpart": (f"the {facts.counterpart}" if facts.counterpart in ph["with_article"]
                        else facts.counterpart),
        "visitor": facts.visitor,
        "place": facts.place if facts.place not in facts.event else "",
        "figures": ", ".join(facts.figures[:2]),
        "label": facts.label,
        "claim": facts.claim,
        "date": en_date(when) if when else "",
        "published": en_date(facts.published) if facts.published else "",
        "event_date": en_date(facts.event_date) if facts.event_date else "",
    }


def _plural(text: str, actor: str) -> str:
    """"MDES and RTP crack down…": the verb after a joint actor agrees with it."""
    if " and " not in actor or not text.startswith(actor + " "):
        return text
    rest = text[len(actor) + 1 :]
    word, _, tail = rest.partition(" ")
    if word.endswith(("ches", "shes", "sses", "xes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return f"{actor} {word} {tail}".rstrip()


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([:,])", r"\1", text).rstrip(" :,")
    text = re.sub(r"\bthe the\b", "the", text, flags=re.I)
    text = re.sub(r"\ba (?=[AEIOU])", "an ", text)
    return text[:1].upper() + text[1:]


def _two_subjects(facts: Facts, ph: dict, template: str, vals: dict, text: str) -> str:
    """The headline naming both subjects ("orders action against online gambling and
    call-centre gangs"), only where it is one action on two things: never "on A and B"."""
    second = ph["subjects"].get(facts.subject2, facts.subject2)
    if not second or not vals.get("subject") or "{subject}" not in template:
        return ""
    if " and " in second + vals["subject"]:
        return ""
    if " on " in f" {text.lower()} " or facts.subject2 in ph["predicates"]:
        return ""
    return _plural(_tidy(template.format(**{**vals, "subject": f"{vals['subject']} and {second}"})),
                   facts.actor)


def compose(facts: Facts, ph: dict | None = None) -> str:
    """The English headline: the first template of the type whose fields are all known."""
    ph = ph or load_phrasing()
    if facts.original:
        return _tidy(facts.original)
    templates = ph["templates"].get(facts.type) or ph["templates"]["other"]
    if facts.future and f"{facts.type}-future" in ph["templates"]:
        templates = ph["templates"][f"{facts.type}-future"]
    if not facts.actor:
        templates = ph["no_actor"].get(facts.type) or ph["no_actor"]["other"]
        facts = replace(facts, actor="Thai government")
    for entry in [*templates, *ph["templates"]["other"]]:
        template = entry if isinstance(entry, str) else entry["text"]
        if not isinstance(entry, str) and facts.verb not in entry["verbs"]:
            continue
        vals = values(facts, ph, template)
        if all(vals.get(f) or (f == "subject" and "{verb} {subject}" in template
                               and facts.subject in ph["predicates"]) for f in _fields(template)):
            text = _plural(_tidy(template.format(**vals)), facts.actor)
            both = _two_subjects(facts, ph, template, vals, text)
            for candidate in (both, text):
                if candidate and len(candidate.split()) <= MAX_WORDS:
                    return candidate
    return _tidy(f"{facts.actor} issues an update")


def lead(facts: Facts, ph: dict | None = None) -> str:
    """The English lead: the publication date as such, and the event date as such (if known).
    A fake-news release never states an event date (its dates are the rumour's)."""
    ph = ph or load_phrasing()
    parts, vals = [], values(facts, ph)
    if not facts.actor:
        vals["actor"] = "The Thai government"
    if facts.type == "fake-news":
        parts.append(ph["lead"]["fake_news"].format(**vals))
    elif facts.type == "cabinet-digest" and vals["date"]:
        parts.append(ph["lead"]["cabinet"].format(**vals))
    elif facts.event_date and facts.published and facts.event_date > facts.published:
        pass  # a date ahead may be a deadline or a plan, not the event: the headline says it
    elif facts.event_date:
        parts.append(ph["lead"]["event_noted"].format(**vals))
    if vals["published"]:
        parts.append(ph["lead"]["published"].format(**vals))
    return _tidy(" ".join(parts))


def _event_key(facts: Facts) -> tuple:
    """Two releases with equal keys report the same event on the same day."""
    return (facts.type, facts.event_date or facts.published, facts.event, facts.counterpart)


def _extras(facts: Facts, headline: str) -> list[str]:
    """Distinguishing details not yet in the headline, most telling first."""
    out = []
    if facts.counterpart and facts.counterpart not in headline:
        out.append(f"concerning {facts.counterpart}")
    if facts.place and facts.place not in headline:
        out.append(f"in {facts.place}")
    out += [f for f in facts.figures if f not in headline][:1]
    when = facts.event_date or facts.published
    if when:
        out.append(en_date(when))
    return out


def disambiguate(items: list[tuple[str, Facts, str]]) -> dict[str, str]:
    """slug → headline, distinct unless two releases report the same event on the same day.

    Each headline shared by different events gains its first detail (counterpart, place,
    figure, date) that tells it apart; repeated until distinct or out of details."""
    out = {slug: head for slug, _, head in items}
    facts = {slug: f for slug, f, _ in items}
    for depth in range(1, 5):
        groups: dict[str, list[str]] = {}
        for slug, head in out.items():
            groups.setdefault(head.lower(), []).append(slug)
        clash = [g for g in groups.values() if len({_event_key(facts[s]) for s in g}) > 1]
        if not clash:
            break
        for group in clash:
            for slug in group:
                extra = _extras(facts[slug], out[slug])
                if extra:
                    sep = ", " if depth > 1 or ":" in out[slug] else " — "
                    out[slug] = f"{out[slug]}{sep}{extra[0]}"
    return out
