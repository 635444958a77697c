"""Pelican side of search: the ``/{lang}/search/`` pages and the index of every release.

``SearchGenerator.generate_output`` builds the index from the release objects (their rendered HTML
as text — the page's own words only — and their front-matter tag lists, for the labelled
expansion of :mod:`.terms`) with :func:`.index.build_index` into ``output/pagefind/``, then writes
both search pages (template ``search.html``; each searches its own language's pages and says
so), which preload the bundle files Pagefind fetches first (:func:`.index.preload_urls`) and carry
the expansion table (:func:`.terms.expansion_table`).
Settings: ``SEARCH_INDEX`` (default True; False skips the index, e.g. for quick previews);
``SEARCH_PART_PAGES`` (pages per Pagefind run; defaults in ``briefing.site.settings``).
A rebuild keeps the bundle when :func:`index_fingerprint` (releases, taxonomy, plugin code,
Pagefind's version) is unchanged *and* the bundle is complete (:func:`.bundle.is_current`: every
file its stamp lists is there, with its size), so an unchanged site or an edited note does not
re-index, and a bundle a killed build left incomplete is rebuilt.
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
from .pfmerge import installed_version
from .terms import expansion_table, facet_labels
from .textcode import FREQUENT_WORDS, SPAN, taxonomy_tokenizer

log = logging.getLogger(__name__)
FINGERPRINT_FILE = STAMP  # in output/pagefind/: what the bundle was built from, and its files
TAG_KINDS = {"countries": "country", "meetings": "meeting", "topics": "topic"}
NAME_KINDS = KINDS
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "td", "th", "tr", "blockquote", "div", "br",
              "dd", "dt"}
#: The search page's own words: English msgids, translated by the theme's catalogues (.po).
STRINGS = {
    "title": "Search releases",
    "about": "Also showing {n} releases that name {terms}",
    "about_later": "Releases that name {terms} follow those that contain the word",
    "about_off": "Show only releases that contain the word",
    "about_on": "Also show releases that name {terms}",
    "about_label": "Mentions {terms}",
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


#: What each language's search box searches (its own index: the pages in that language).
INDEX_STRINGS = {
    "th": {"label": "Search the Thai releases",
           "hint": "Searches the Thai text of each release. A Thai word also finds the words "
                   "that begin with it (สแกม finds สแกมเมอร์); the name of a country, "
                   "organisation, person or topic also lists the releases that name it."},
    "en": {"label": "Search the English pages",
           "hint": "Searches the English pages: headlines, facts and the names of the "
                   "countries, organisations, people, places and topics each release mentions, "
                   "so a name finds every release about it. Thai words: use the Thai search."},
}


def search_strings(translate, lang: str, strings: dict = STRINGS) -> dict:
    """``STRINGS`` and ``lang``'s ``INDEX_STRINGS`` in ``lang`` (``translate(text, lang)`` is the
    theme's gettext)."""
    if strings is STRINGS:
        strings = {**STRINGS, **INDEX_STRINGS[lang]}
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


def full_html(article) -> str:
    """The whole body, every part of a release shown in parts (``release_parts``) included."""
    parts = getattr(article, "body_parts", None)
    return "".join(parts) if parts else article.content


def body_text(article) -> str:
    """The page's text for the index: its HTML as text, without a first paragraph that only
    repeats the summary (the English pages' generated lead, whose date is the event's)."""
    text = html_text(full_html(article)).strip()
    summary = str(article.metadata.get("summary") or "")
    first, _, rest = text.partition("\n")
    if first.strip() and summary.startswith(first.strip()):
        return rest
    return text


def named(article, tags: dict) -> dict[str, list[str]]:
    """The terms a release names, by kind: what it is about (its tag lists) and what it names in
    passing (``mentions``): a query naming the term another way finds it by expansion."""
    mentions = article.metadata.get("mentions") or {}
    mentions = mentions if isinstance(mentions, dict) else {}
    return {kind: list(dict.fromkeys([*tags[kind], *(str(i).partition("/")[0] if kind ==
                                                     "meetings" else str(i)
                                                     for i in mentions.get(kind) or ())]))
            for kind in NAME_KINDS}


def release_records(groups: dict):
    """One :class:`SearchRecord` per release page, from ``{slug: {lang: article}}``."""
    for group in groups.values():
        original = group.get("th") or next(iter(group.values()))
        language = text_language(html_text(original.content))
        for lang, article in group.items():
            tags = {kind: _ids(article, kind) for kind in NAME_KINDS}
            tags["meetings"] = sorted({ref.partition("/")[0] for ref in tags["meetings"]})
            filters = {TAG_KINDS[k]: tags[k] for k in TAG_KINDS}
            filters["type"] = [str(article.metadata["type"])] if article.metadata.get("type") \
                else []
            filters["year"] = [str(article.date.year)]
            filters["language"] = [language]
            yield SearchRecord(
                url=article.url, lang=lang, title=article.title,
                date=article.date.date().isoformat(), text=body_text(article),
                about=[f"{k}:{i}" for k in NAME_KINDS for i in named(article, tags)[k]],
                filters=filters,
                tags=[f"{TAG_KINDS[k]}:{i}" for k in TAG_KINDS for i in tags[k]],
            )


def index_fingerprint(groups: dict, settings) -> str:
    """Hash of what the index is made from: every release page (URL, title, date, tags, HTML),
    the taxonomy files, this plugin's code and Pagefind's version. Unchanged → the bundle on disk
    is current."""
    digest = hashlib.sha256(f"pagefind {installed_version()}\n".encode())
    for path in sorted([*Path(__file__).parent.glob("*.py"), *Path(__file__).parent.glob("*.txt")]):
        digest.update(path.read_bytes())
    taxonomy_dir = settings.get("BRIEFING_TAXONOMY_PATH") or os.path.join(settings["PATH"],
                                                                          "taxonomy")
    for path in sorted(Path(taxonomy_dir).glob("*.yaml")):
        digest.update(path.read_bytes())
    for slug in sorted(groups):
        for lang, article in sorted(groups[slug].items()):
            tags = [article.metadata.get(kind) for kind in NAME_KINDS]
            html = full_html(article)
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
        "labels": labels, "strings": strings,
        "frequent": sorted(FREQUENT_WORDS), "span": SPAN,
        "expansion": expansion_table(taxonomy, lang),
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
        stats = build_index(release_records(index.groups), self.output_path,
                            part_pages=setting(self.settings, "SEARCH_PART_PAGES"),
                            fingerprint=fingerprint, tokenize=taxonomy_tokenizer(taxonomy))
        log.info("search: indexed %d pages in %.1f s (%d KB)", stats.pages, stats.seconds,
                 stats.bundle_bytes // 1024)


def get_generators(pelican):
    return SearchGenerator
