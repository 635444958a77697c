"""Build and write the timeline: meeting sessions and releases merged, newest first, by year.

One page set per year, ``/{lang}/timeline/{year}/``, cut into pages of ``TIMELINE_PAGE_SIZE``
entries (``…/{year}/page/{n}/``, the site's ``PAGINATION_PATTERNS``, Pelican's ``Paginator``);
each page groups its entries by month. ``/{lang}/timeline/`` is the timeline's own page, not a
copy of a year: every year with its number of releases and meeting sessions, and the newest
``TIMELINE_HOME_LATEST`` entries (default 20, across years) with a link to the newest year.
Every page links to every year (with its release count); a year's first page, when the year
spans several pages, lists its months with the page where each starts.
"""

from __future__ import annotations

from datetime import date, datetime
from itertools import groupby

from babel.dates import format_date

from briefing.contract import LANGS
from briefing.contract import year_label as contract_year_label
from briefing.site.generator import SiteGenerator, both
from briefing.site.paging import page_size, paginate
from briefing.site.settings import setting


def _day(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def timeline_entries(index, lang: str) -> list[dict]:
    """``[{date, kind: "session"|"release", …}]`` newest first (sessions without a date skipped)."""
    entries = []
    for series in index.terms["meetings"].values():
        for session in index.sessions(series):
            if session.date:
                entries.append({
                    "date": session.date, "kind": "session", "series": series,
                    "session": session, "status": index.session_status(session),
                })
    for article in index.releases(lang):
        entries.append({"date": _day(article.date), "kind": "release", "article": article})
    entries.sort(key=lambda e: (e["date"], e["kind"] == "release"), reverse=True)
    return entries


def by_year(entries: list[dict]) -> list[tuple[int, list[dict]]]:
    return [(year, list(group)) for year, group in groupby(entries, key=lambda e: e["date"].year)]


def year_label(year: int, lang: str) -> str:
    """``2567`` (Buddhist Era) in Thai, ``2024`` in English."""
    return str(contract_year_label(year, lang))


def month_label(day: date, lang: str) -> str:
    """``มีนาคม 2567`` / ``March 2024``."""
    return f"{format_date(day, 'LLLL', locale=lang)} {year_label(day.year, lang)}"


def month_id(day: date) -> str:
    return f"m{day.year}-{day.month:02d}"


def by_month(entries: list[dict], lang: str) -> list[dict]:
    """The entries of one page grouped by month: ``[{id, label, entries}]``."""
    return [{"id": month_id(first), "label": month_label(first, lang), "entries": group}
            for first, group in (
                (date(y, m, 1), list(g))
                for (y, m), g in groupby(entries, key=lambda e: (e["date"].year, e["date"].month)))]


def month_jumps(entries: list[dict], per_page: int | None, lang: str) -> list[dict]:
    """``[{label, count, page, anchor}]``: each month of a year's entries (newest first), its
    number of releases and the page where it starts."""
    jumps: list[dict] = []
    for at, entry in enumerate(entries):
        anchor = month_id(entry["date"])
        if not jumps or jumps[-1]["anchor"] != anchor:
            jumps.append({"anchor": anchor, "label": month_label(entry["date"], lang), "count": 0,
                          "page": at // per_page + 1 if per_page else 1})
        jumps[-1]["count"] += entry["kind"] == "release"
    return jumps


def year_nav(years: list[tuple[int, list[dict]]], lang: str) -> list[dict]:
    """``[{year, label, count, sessions, url}]``: every year with its number of releases and of
    meeting sessions, newest first."""
    return [{"year": year, "label": year_label(year, lang), "url": f"{lang}/timeline/{year}/",
             "count": sum(1 for e in entries if e["kind"] == "release"),
             "sessions": sum(1 for e in entries if e["kind"] == "session")}
            for year, entries in years]


class TimelineGenerator(SiteGenerator):
    """Writes ``/{lang}/timeline/`` and ``/{lang}/timeline/{year}/…`` for both languages."""

    def _write(self, writer, url, save_as, lang, alternates, **extra):
        self.write_page(writer, url, "timeline", lang, alternates, save_as=save_as, **extra)

    def generate_output(self, writer):
        index = self.index
        per_page = page_size(self.settings, "TIMELINE_PAGE_SIZE")
        latest = int(setting(self.settings, "TIMELINE_HOME_LATEST"))
        for lang in LANGS:
            entries = timeline_entries(index, lang)
            years = by_year(entries)
            nav = year_nav(years, lang)
            home = f"{lang}/timeline/"
            self._write(writer, home, home + "index.html", lang,
                        both(lambda code: f"{code}/timeline/"), home=True, years=nav,
                        groups=by_month(entries[:latest], lang), latest_count=len(entries[:latest]),
                        pager=None, pager_urls=[])
            for year, entries in years:
                pages = paginate(entries, f"{lang}/timeline/{year}/", self.settings, per_page)
                urls = [page.url for page in pages]
                jumps = month_jumps(entries, per_page, lang) if len(pages) > 1 else []
                for page in pages:
                    extra = {
                        "year": year, "year_label": year_label(year, lang), "years": nav,
                        "groups": by_month(page.object_list, lang), "pager": page,
                        "pager_urls": urls, "month_jumps": jumps if page.number == 1 else [],
                    }
                    alternates = {code: page.url.replace(f"{lang}/", f"{code}/", 1)
                                  for code in LANGS}
                    self._write(writer, page.url, page.save_as, lang, alternates, **extra)


def get_generators(pelican):
    return TimelineGenerator
