"""Build and write the timeline: meeting sessions and releases merged, newest first, by year."""

from __future__ import annotations

from datetime import date, datetime
from itertools import groupby

from pelican.generators import Generator

LANGS = ("th", "en")


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


class TimelineGenerator(Generator):
    """Writes ``/{lang}/timeline/`` for both languages."""

    def generate_context(self):
        """Nothing to read: the index is built when the articles are finalised."""

    def generate_output(self, writer):
        index = self.context.get("BRIEFING")
        if index is None:
            return
        alternates = {lang: f"{lang}/timeline/" for lang in LANGS}
        for lang in LANGS:
            url = f"{lang}/timeline/"
            writer.write_file(
                url + "index.html", self.get_template("timeline"), self.context,
                relative_urls=False, url=url, page_lang=lang, page_url=url,
                alternates=alternates, years=by_year(timeline_entries(index, lang)),
            )


def get_generators(pelican):
    return TimelineGenerator
