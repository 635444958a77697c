"""Build tiny Briefing sites in a temporary folder: hand-made releases + a tiny taxonomy.

``build_site(root, releases)`` writes ``content/`` under ``root``, runs Pelican programmatically
with the project's pelicanconf.py (search plugin left out) and returns the output folder.
"""

from __future__ import annotations

import textwrap
import weakref
from contextlib import contextmanager
from pathlib import Path

import yaml
from blinker import Signal
from pelican import Pelican
from pelican.plugins import signals
from pelican.settings import read_settings

REPO = Path(__file__).resolve().parents[2]

TAXONOMY = {
    "countries": """
        - id: TH
          lat: 13.75
          lon: 100.5
          asean: true
          description: {th: "ประเทศไทย", en: "Thailand, the publisher's country"}
        - id: KH
          lat: 11.56
          lon: 104.92
          asean: true
          description: {th: "กัมพูชา", en: "Cambodia"}
        - id: ID
          lat: -6.2
          lon: 106.8
          asean: true
        - id: CN
          lat: 39.9
          lon: 116.4
        - id: LA
          lat: 17.97
          lon: 102.6
          asean: true
    """,
    "meetings": """
        - id: wg-as
          name:
            th: คณะทำงานอาเซียนด้านการป้องกันการหลอกลวงออนไลน์
            en: ASEAN Working Group on Anti-Online Scams
          short: {th: WG-AS, en: WG-AS}
          numbering: ordinal
          description: {th: "คณะทำงานอาเซียน", en: "The ASEAN working group against online scams"}
          sessions:
            - id: "1"
              date: 2024-03-19
              city: {th: กรุงพนมเปญ, en: Phnom Penh}
              country: KH
            - id: "5"
              date: 2025-04-22
              city: {th: กรุงจาการ์ตา, en: Jakarta}
              country: ID
    """,
    "topics": """
        - id: online-scams
          name: {th: การหลอกลวงออนไลน์, en: Online scams}
        - id: mou
          name: {th: บันทึกความเข้าใจ, en: Memoranda of understanding}
    """,
    "organisations": """
        - id: mdes
          name: {th: กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม, en: Ministry of Digital Economy and Society}
          short: {th: ดีอี, en: MDES}
    """,
    "people": """
        - id: wisit
          name: {th: วิศิษฏ์ วิศิษฏ์สรอรรถ, en: Wisit Wisitsora-at}
          role: {th: ปลัดกระทรวงดิจิทัลฯ, en: "Permanent Secretary, MDES"}
          organisation: mdes
    """,
}


def release(slug: str, lang: str, title: str, day: str, body: str = "Body text.", **meta) -> dict:
    """Front matter + body of one release file (``meta`` adds tags, figures, …)."""
    front = {"title": title, "date": day, "lang": lang, "slug": slug,
             "source_url": f"https://www.thaigov.go.th/news/contents/details/{slug[-5:]}",
             "source_file": f"content/sources/{slug}.txt", "source_sha256": "ab" * 32,
             "summary": f"Summary of {title}."}
    front.update(meta)
    return {"path": f"{lang}/{slug}.md", "front": front, "body": body}


def pair(slug: str, day: str, th_title: str, en_title: str, **meta) -> list[dict]:
    """A release in both languages, with the same tags."""
    return [release(slug, "th", th_title, day, "เนื้อหาข่าวภาษาไทย", **meta),
            release(slug, "en", en_title, day, "English body.", translation_status="machine",
                    **meta)]


def disconnect_plugins() -> None:
    """Disconnect every receiver from Pelican's signals.

    Plugins connect their handlers in ``register()`` and blinker keeps them for the life of the
    process, so without this a build would also run the plugins of every earlier build in the
    same test worker (e.g. the search indexer in a tiny site that did not ask for it).
    """
    for signal in vars(signals).values():
        if isinstance(signal, Signal):
            for ref in list(signal.receivers.values()):
                receiver = ref() if isinstance(ref, weakref.ref) else ref
                if receiver is not None:
                    signal.disconnect(receiver)


@contextmanager
def isolated_plugins():
    """Run a build with only its own plugins connected, and leave none connected after it."""
    disconnect_plugins()
    try:
        yield
    finally:
        disconnect_plugins()


def write_content(root: Path, releases: list[dict], taxonomy: dict | None = None) -> Path:
    content = root / "content"
    for item in releases:
        target = content / "releases" / item["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(item["front"], allow_unicode=True, sort_keys=False)
        target.write_text(f"---\n{front}---\n\n{item['body']}\n", encoding="utf-8")
    tax = content / "taxonomy"
    tax.mkdir(parents=True, exist_ok=True)
    for kind, text in (taxonomy or TAXONOMY).items():
        (tax / f"{kind}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return content


def build_site(root: Path, releases: list[dict], taxonomy: dict | None = None,
               plugins_extra: tuple = (), **overrides) -> Path:
    """Write the content and build it; returns the output folder."""
    content = write_content(root, releases, taxonomy)
    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(content),
        "OUTPUT_PATH": str(root / "output"),
        "BRIEFING_TAXONOMY_PATH": str(content / "taxonomy"),
        "CACHE_PATH": str(root / "cache"),
        "PLUGINS": [p for p in read_settings(str(REPO / "pelicanconf.py"))["PLUGINS"]
                    if p != "search"] + list(plugins_extra),
        **overrides,
    })
    with isolated_plugins():
        Pelican(settings).run()
    return root / "output"
