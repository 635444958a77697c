"""Pelican side of search: the ``/{lang}/search/`` pages and the index of every release.

``SearchGenerator.generate_output`` builds the index from the release objects (their rendered HTML
as text, and the taxonomy names/aliases of the terms the release is tagged with) with
:func:`.index.build_index` into ``output/pagefind/``, then writes both search pages (template
``search.html``), which preload the bundle files Pagefind fetches first
(:func:`.index.preload_urls`).
Settings: ``SEARCH_INDEX`` (default True; False skips the index, e.g. for quick previews);
``SEARCH_PART_PAGES`` (pages per Pagefind run; defaults in ``briefing.site.settings``).
A rebuild keeps the bundle when :func:`index_fingerprint` (releases, taxonomy, plugin code) is
unchanged *and* the bundle is complete (:func:`.bundle.is_current`: every file its stamp lists is
there, with its size), so an unchanged site or an edited note does not re-index, and a bundle a
killed build left incomplete is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from html.parser import HTMLParser
from pathlib import Path

from briefing.contract import KINDS, LANGS, RELEASE_TYPE_NAMES
from briefing.site.generator import SiteGenerator, both, translate
from briefing.site.settings import setting

from .bundle import STAMP, is_current
from .index import (
    FILTER_KINDS,
    SearchRecord,
    build_index,
    preload_urls,
    text_language,
)
from .terms import facet_labels, term_names
from .textcode import FREQUENT_WORDS

log = logging.getLogger(__name__)
FINGERPRINT_FILE = STAMP  # in output/pagefind/: what the bundle was built from, and its files
TAG_KINDS = {"countries": "country", "meetings": "meeting", "topics": "topic"}
NAME_KINDS = KINDS
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "tr", "blockquote", "div", "br",
              "dd", "dt"}
#: The search page's own words: English msgids, translated by the theme's catalogues (.po).
STRINGS = {
    "title": "Search releases", "label": "Search the releases (English or Thai)",
    "button": "Search", "filters": "Filter results", "more": "Show more", "tags": "Tags",
    "count": "{n} releases found", "none": "No release matches your search",
    "prompt": "Type a word, or pick a filter", "error": "Search could not be loaded",
    "noscript": "Search needs JavaScript, which is turned off in this browser. "
                "You can still browse the releases:",
    "facets": {"type": "Type", "country": "Country", "meeting": "Meeting", "topic": "Topic",
               "year": "Year", "language": "Original language"},
    "browse": {"countries": "Countries", "meetings": "Meetings", "topics": "Topics",
               "timeline": "Timeline (browse link)"},
}


def search_strings(translate, lang: str, strings: dict = STRINGS) -> dict:
    """``STRINGS`` in ``lang``: ``translate(text, lang)`` is the theme's gettext."""
    return {key: search_strings(translate, lang, value) if isinstance(value, dict)
            else translate(value, lang) for key, value in strings.items()}


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_text(markup: str) -> str:
    """Plain text of rendered HTML (blocks separated by new lines)."""
    parser = _Text()
    parser.feed(markup or "")
    parser.close()
    return "".join(parser.parts)


def _ids(article, kind: str) -> list[str]:
    value = article.metadata.get(kind) or []
    return [str(v) for v in ([value] if isinstance(value, str) else value)]


def release_records(groups: dict, taxonomy):
    """One :class:`SearchRecord` per release page, from ``{slug: {lang: article}}``."""
    for group in groups.values():
        original = group.get("th") or next(iter(group.values()))
        language = text_language(html_text(original.content))
        for lang, article in group.items():
            text = html_text(article.content)
            tags = {kind: _ids(article, kind) for kind in NAME_KINDS}
            tags["meetings"] = sorted({ref.partition("/")[0] for ref in tags["meetings"]})
            terms = [n for kind in NAME_KINDS for i in tags[kind]
                     for n in term_names(taxonomy.get(kind, i))]
            filters = {TAG_KINDS[k]: tags[k] for k in TAG_KINDS}
            filters["type"] = [str(article.metadata["type"])] if article.metadata.get("type") \
                else []
            filters["year"] = [str(article.date.year)]
            filters["language"] = [language]
            yield SearchRecord(
                url=article.url, lang=lang, title=article.title,
                date=article.date.date().isoformat(), text=text, terms=terms, filters=filters,
                tags=[f"{TAG_KINDS[k]}:{i}" for k in TAG_KINDS for i in tags[k]],
            )


def index_fingerprint(groups: dict, settings) -> str:
    """Hash of what the index is made from: every release page (URL, title, date, tags, HTML),
    the taxonomy files and this plugin's code. Unchanged → the bundle on disk is current."""
    digest = hashlib.sha256()
    for path in sorted([*Path(__file__).parent.glob("*.py"), *Path(__file__).parent.glob("*.txt")]):
        digest.update(path.read_bytes())
    taxonomy_dir = settings.get("BRIEFING_TAXONOMY_PATH") or os.path.join(settings["PATH"],
                                                                          "taxonomy")
    for path in sorted(Path(taxonomy_dir).glob("*.yaml")):
        digest.update(path.read_bytes())
    for slug in sorted(groups):
        for lang, article in sorted(groups[slug].items()):
            tags = [article.metadata.get(kind) for kind in NAME_KINDS]
            html = getattr(article, "_content", None) or article.content
            digest.update(json.dumps([slug, lang, article.url, article.title, str(article.date),
                                      tags, html], ensure_ascii=False, default=str).encode())
    return digest.hexdigest()


def search_config(lang: str, siteurl: str, taxonomy, strings: dict, translate=None) -> dict:
    """What ``search.js`` reads from the page: base URL, facet names, labels and strings
    (``translate(text, lang)``: the theme's gettext, for the release types' names)."""
    labels = facet_labels(taxonomy, lang)
    labels["type"] = {t: (translate(name, lang) if translate else name)
                      for t, name in RELEASE_TYPE_NAMES.items()}
    return {
        "lang": lang, "base": f"{siteurl}/", "facets": list(FILTER_KINDS),
        "labels": labels, "strings": strings, "frequent": sorted(FREQUENT_WORDS),
    }


class SearchGenerator(SiteGenerator):
    """Builds the Pagefind index, then writes ``/{lang}/search/`` for both languages."""

    def generate_output(self, writer):
        index = self.index
        taxonomy = self.settings["BRIEFING_TAXONOMY"]
        if setting(self.settings, "SEARCH_INDEX"):
            self._build_index(index, taxonomy)
        bundle = Path(self.output_path) / "pagefind"
        alternates = both(lambda lang: f"{lang}/search/")
        for lang in LANGS:
            gettext = lambda text, code: translate(self.env, text, code)  # noqa: E731
            strings = search_strings(gettext, lang)
            self.write_page(
                writer, f"{lang}/search/", "search", lang, alternates,
                search_strings=strings, search_preload=preload_urls(bundle, lang),
                search_config=search_config(lang, self.settings.get("SITEURL", ""), taxonomy,
                                            strings, gettext),
            )

    def _build_index(self, index, taxonomy):
        fingerprint = index_fingerprint(index.groups, self.settings)
        if is_current(Path(self.output_path) / "pagefind", fingerprint):
            log.info("search: releases, taxonomy and indexer unchanged; index kept")
            return
        stats = build_index(release_records(index.groups, taxonomy), self.output_path,
                            part_pages=setting(self.settings, "SEARCH_PART_PAGES"),
                            fingerprint=fingerprint)
        log.info("search: indexed %d pages in %.1f s (%d KB)", stats.pages, stats.seconds,
                 stats.bundle_bytes // 1024)


def get_generators(pelican):
    return SearchGenerator
