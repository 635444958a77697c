"""Write the open data files: every release's metadata (both languages) and the taxonomy."""

from __future__ import annotations

import json
import os
from datetime import date, datetime

from briefing.sanitise import web_url_or_empty
from briefing.site.generator import SiteGenerator

TAG_FIELDS = ("countries", "meetings", "meeting_status", "topics", "organisations", "people")
RELEASES_PATH = "data/releases.json"
TAXONOMY_PATH = "data/taxonomy.json"


def _plain(value):
    if isinstance(value, datetime | date):
        return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def release_record(group: dict, siteurl: str) -> dict:
    """One release: ids, dates, source, tags, and per language its title, summary and URL."""
    lead = group.get("th") or next(iter(group.values()))
    meta = lead.metadata
    record = {
        "slug": lead.slug,
        "date": _plain(lead.date),
        "event_date": _plain(meta.get("event_date")),
        "event_end_date": _plain(meta.get("event_end_date")),
        "source_url": web_url_or_empty(meta.get("source_url")) or None,  # http(s) or null
        "source_file": meta.get("source_file"),
        "source_sha256": meta.get("source_sha256"),
        **{name: _plain(meta.get(name) or ([] if name != "meeting_status" else {}))
           for name in TAG_FIELDS},
        "type": meta.get("type") or "",
        "mentions": _plain(meta.get("mentions") or {}),
        "figures": _plain(meta.get("figures") or []),
        "also_published_as": [{k: e.get(k) for k in ("id", "slug", "source_url")}
                              for e in meta.get("also_published_as") or [] if isinstance(e, dict)],
        "languages": {},
    }
    for lang, article in sorted(group.items()):
        record["languages"][lang] = {
            "title": article.title,
            "url": f"{siteurl}/{article.url}",
            "translation_status": article.metadata.get("translation_status"),
        }
    return record


def releases_json(index, siteurl: str) -> str:
    records = [release_record(index.groups[slug], siteurl) for slug in index.order]
    return json.dumps({"releases": records}, ensure_ascii=False, indent=1, sort_keys=True)


def taxonomy_json(taxonomy) -> str:
    data = taxonomy.to_json()
    if isinstance(data, str):
        return data
    return json.dumps(_plain(data), ensure_ascii=False, indent=1, sort_keys=True)


def write_text(output_path: str, relative: str, text: str) -> None:
    target = os.path.join(output_path, relative)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "w", encoding="utf-8") as fh:
        fh.write(text + "\n")


class OpenDataGenerator(SiteGenerator):
    """Writes ``data/releases.json`` and ``data/taxonomy.json``."""

    def generate_output(self, writer):
        index = self.index
        siteurl, taxonomy = self.context["SITEURL"], self.context["BRIEFING_TAXONOMY"]
        write_text(self.output_path, RELEASES_PATH, releases_json(index, siteurl))
        write_text(self.output_path, TAXONOMY_PATH, taxonomy_json(taxonomy))


def get_generators(pelican):
    return OpenDataGenerator
