"""Helpers for the editors' tests: write a tiny, valid content tree (taxonomy, releases, notes)."""

from __future__ import annotations

import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

TAXONOMY = {
    "countries.yaml": """\
        - id: KH
          aliases: {th: ["ราชอาณาจักรกัมพูชา"]}
        - id: TH
        """,
    "meetings.yaml": """\
        - id: wg-as
          name: {th: "คณะทำงานอาเซียนด้านการป้องกันปัญหาการหลอกลวงผ่านสื่อออนไลน์",
                 en: "ASEAN Working Group on Anti-Online Scams"}
          numbering: ordinal
          sessions:
            - {id: "1", date: 2024-03-19, city: {th: กรุงเทพฯ, en: Bangkok}, country: TH}
        """,
    "topics.yaml": """\
        - id: online-scams
          name: {th: การหลอกลวงออนไลน์, en: Online scams}
        """,
    "organisations.yaml": """\
        - id: mdes
          name: {th: กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม, en: Ministry of Digital Economy and Society}
        """,
    "people.yaml": """\
        - id: wisit-wisitsora-at
          name: {th: วิศิษฏ์ วิศิษฏ์สรอรรถ, en: Wisit Wisitsora-at}
          organisation: mdes
        """,
}

RELEASE = """\
---
title: {title}
date: 2024-03-24
lang: {lang}
slug: {slug}
source_url: null
source_file: content/sources/x.txt
countries: [KH, TH]
meetings: [wg-as/1]
meeting_status: {{wg-as/1: held}}
topics: [online-scams]
organisations: [mdes]
people: [wisit-wisitsora-at]
{extra}---
{body}
"""

NOTE = """\
---
release: {release}
author: {author}
date: 2026-11-20
lang: {lang}
---
{body}
"""


def write_release(root: Path, slug: str, lang: str, extra: str = "", body: str = "") -> Path:
    """Write one release file under ``root/content/releases/{lang}/``."""
    path = root / "content" / "releases" / lang / f"{slug}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    title = "ข่าวทดสอบ" if lang == "th" else "A test release"
    if lang == "en" and "translation_status" not in extra:
        extra = "translation_status: machine\n" + extra
    path.write_text(
        RELEASE.format(title=title, lang=lang, slug=slug, extra=extra, body=body or "Text."),
        encoding="utf-8",
    )
    return path


def write_note(
    root: Path,
    name: str,
    release: str,
    lang: str = "en",
    body: str = "A note.",
    author: str = "Somchai P.",
) -> Path:
    """Write one note file under ``root/content/notes/``."""
    path = root / "content" / "notes" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NOTE.format(release=release, lang=lang, body=body, author=author), "utf-8")
    return path


def make_site(root: Path) -> Path:
    """A valid content tree under ``root``: a small taxonomy, one th/en release pair, one note."""
    tax = root / "content" / "taxonomy"
    tax.mkdir(parents=True)
    for name, text in TAXONOMY.items():
        (tax / name).write_text(textwrap.dedent(text), encoding="utf-8")
    for lang in ("th", "en"):
        write_release(root, "2024-03-24-80784", lang)
    write_note(root, "2026-11-20-2024-03-24-80784-1.md", "2024-03-24-80784")
    return root


def active_content(html: str) -> list[str]:
    """Anything in ``html`` that could run: event-handler attributes, ``javascript:`` URLs,
    ``<script>``/``<iframe>``/``<object>``/``<embed>`` elements carrying ``alert``."""
    import html5lib

    found = []
    for element in html5lib.parse(html, namespaceHTMLElements=False).iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        for name, value in element.attrib.items():
            if name.lower().startswith("on"):
                found.append(f"<{tag} {name}={value!r}>")
            if value.strip().lower().replace("\t", "").startswith("javascript:"):
                found.append(f"<{tag} {name}={value!r}>")
        if tag in ("script", "iframe", "object", "embed") and "alert" in (element.text or ""):
            found.append(f"<{tag}>{element.text}")
    return found
