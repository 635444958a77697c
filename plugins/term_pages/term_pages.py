"""A Pelican generator writing, in both languages, every taxonomy index and term page and feed.

``/{lang}/{kind}/`` index with counts · ``/{lang}/{kind}/{id}/`` term page (bilingual name, intro,
releases newest first, related terms, feed link) · ``/{lang}/meetings/{series}/{session}/``
session pages · ``/{lang}/feeds/{kind}/{id}/feed.atom.xml`` per-term Atom feeds. Term and
session release lists are paged (``TERM_PAGE_SIZE``, see ``paging``): page n at ``…/page/{n}/``.
Reads the ``BRIEFING`` site index the ``briefing_taxonomy`` plugin puts in the context.
"""

from __future__ import annotations

from briefing.contract import KINDS, LANGS
from briefing.site.generator import SiteGenerator, both, feed_context, localised_site_name
from briefing.site.paging import page_size, page_urls, paginate, year_anchors, year_jumps
from briefing.site.settings import setting

from .worldmap import country_map

#: How many of the releases that only mention a term its first page lists.
MENTIONS_SHOWN = 50


def session_rows(index, series, lang: str) -> list[dict]:
    """One row per session of a series: the session, its status and its releases."""
    return [
        {
            "session": session,
            "status": index.session_status(session),
            "releases": index.session_releases(session, lang),
        }
        for session in index.sessions(series)
    ]


def series_json_ld(series, rows: list[dict], lang: str, siteurl: str) -> dict:
    """schema.org ``EventSeries`` for a meeting series, its dated sessions as ``subEvent``s."""
    events = []
    for row in rows:
        session = row["session"]
        if not session.date:
            continue
        event = {
            "@type": "Event",
            "name": f"{series.label(lang)} {session.id}",
            "startDate": session.date.isoformat(),
            "endDate": (session.end_date or session.date).isoformat(),
            "url": f"{siteurl}/{session.url(lang)}",
        }
        if session.city or session.country:
            event["location"] = {
                "@type": "Place", "name": session.city.get(lang, ""),
                "address": {"@type": "PostalAddress", "addressCountry": session.country or ""},
            }
        events.append(event)
    return {
        "@context": "https://schema.org", "@type": "EventSeries",
        "name": series.label(lang), "alternateName": series.label("en" if lang == "th" else "th"),
        "description": series.intro(lang), "url": f"{siteurl}/{series.url(lang)}",
        "subEvent": events,
    }


class TermPagesGenerator(SiteGenerator):
    """Writes the term pages from the site index (after all contexts are generated)."""

    def _write_paged(self, writer, template, path_for, lists, first_page, **extra):
        """Write a list page by page in both languages: ``lists[lang]`` (articles, or
        ``(article, status)`` pairs) shown at ``path_for(lang)``; page n links to page n in the
        other language; ``first_page[lang]`` (intro, map, sessions…) goes to page 1 only."""
        per_page = page_size(self.settings)
        urls = page_urls(lists[LANGS[0]], both(path_for), self.settings, per_page)
        for lang in LANGS:
            items = lists[lang]
            articles = [item[0] if isinstance(item, tuple) else item for item in items]
            pages = paginate(items, path_for(lang), self.settings, per_page)
            paged = len(pages) > 1  # one page: no navigation, jump list or anchors
            jumps = year_jumps([a.date for a in articles], per_page) if paged else []
            anchors = year_anchors(articles) if paged else {}
            for page in pages:
                number = page.number
                self.write_page(
                    writer, page.url, template, lang,
                    {code: found[number - 1] for code, found in urls.items()},
                    save_as=page.save_as, pager=page, pager_urls=urls[lang], total=len(items),
                    year_jumps=jumps if number == 1 else [], anchors=anchors,
                    **(first_page.get(lang, {}) if number == 1 else {}), **extra,
                )

    def generate_output(self, writer):
        index = self.index
        names = {lang: localised_site_name(self.env, lang, self.context.get("SITENAME", ""))
                 for lang in LANGS}
        countries = list(index.terms["countries"].values())
        for kind in KINDS:
            counted = index.count_by_kind(kind)
            for lang in LANGS:
                self.write_page(writer, f"{lang}/{kind}/", "term_index", lang,
                            both(lambda code, k=kind: f"{code}/{k}/"), kind=kind, terms=counted,
                            map=country_map(countries) if kind == "countries" else None)
            for term, _count in counted:
                self._write_term(writer, index, term, names)

    def _first_page(self, index, term, lang) -> dict:
        """What only page 1 of a term shows: sessions, series-only releases, JSON-LD, map."""
        extra = {"related_terms": index.related_terms(term),
                 "mentioned": index.mention_releases(term, lang)[:MENTIONS_SHOWN],
                 "mention_total": index.mention_count(term)}
        if term.kind == "meetings":
            extra["sessions"] = session_rows(index, term, lang)
            extra["series_only"] = index.series_only_releases(term, lang)
            extra["jsonld"] = series_json_ld(term, extra["sessions"], lang,
                                             self.context.get("SITEURL", ""))
        if term.kind == "countries":
            extra["map"] = country_map(index.terms["countries"].values(), current=term)
        return extra

    def _write_term(self, writer, index, term, names):
        lists = {lang: index.term_releases(term, lang) for lang in LANGS}
        self._write_paged(writer, "term", term.url, lists,
                          {lang: self._first_page(index, term, lang) for lang in LANGS},
                          term=term, kind=term.kind)
        limit = setting(self.settings, "TERM_FEED_MAX_ITEMS")
        for lang in LANGS:
            writer.write_feed(
                lists[lang][:limit], feed_context(self.context, names[lang], term.url(lang)),
                term.feed_url(lang), feed_type="atom", feed_title=term.label(lang),
            )
        if term.kind == "meetings":
            for session in index.sessions(term):
                self._write_paged(
                    writer, "session", session.url,
                    {lang: index.session_releases(session, lang) for lang in LANGS}, {},
                    term=term, kind="meetings", session=session,
                    status=index.session_status(session),
                )


def get_generators(pelican):
    return TermPagesGenerator
