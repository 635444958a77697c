"""A Pelican generator writing, in both languages, every taxonomy index and term page and feed.

``/{lang}/{kind}/`` index with counts · ``/{lang}/{kind}/{id}/`` term page (bilingual name, intro,
releases newest first, related terms, feed link) · ``/{lang}/meetings/{series}/{session}/``
session pages · ``/{lang}/feeds/{kind}/{id}/feed.atom.xml`` per-term Atom feeds.
Reads the ``BRIEFING`` site index the ``briefing_taxonomy`` plugin puts in the context.
"""

from __future__ import annotations

from pelican.generators import Generator

LANGS = ("th", "en")
KINDS = ("countries", "meetings", "topics", "organisations", "people")
LOCAL_ORIGIN = "http://localhost:8000"


def both(path_for) -> dict[str, str]:
    """``{lang: url}`` for a page that exists in both languages."""
    return {lang: path_for(lang) for lang in LANGS}


def feed_context(context: dict) -> dict:
    """Feeds need absolute links: use SITEURL, or the local server's origin when it is empty."""
    origin = context.get("SITEURL") or context.get("LOCAL_SITE_ORIGIN", LOCAL_ORIGIN)
    return {**context, "SITEURL": origin, "FEED_DOMAIN": origin}


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


def country_map(countries, width: int = 640, height: int = 420, pad: float = 6.0) -> dict | None:
    """An equirectangular plot of every country with ``lat``/``lon``: points and a 10° grid."""
    located = [t for t in countries if None not in (t.extra.get("lat"), t.extra.get("lon"))]
    if not located:
        return None
    lats = [float(t.extra["lat"]) for t in located]
    lons = [float(t.extra["lon"]) for t in located]
    south, north = min(lats) - pad, max(lats) + pad
    west, east = min(lons) - pad, max(lons) + pad * 2  # room for labels on the right
    scale = min(width / (east - west), height / (north - south))

    def xy(lat, lon):
        return round((lon - west) * scale, 1), round((north - lat) * scale, 1)

    grid = []
    for lon in range(int(west // 10 * 10) + 10, int(east) + 1, 10):
        x = xy(0, lon)[0]
        grid.append({"x1": x, "y1": 0, "x2": x, "y2": height})
    for lat in range(int(south // 10 * 10) + 10, int(north) + 1, 10):
        y = xy(lat, 0)[1]
        grid.append({"x1": 0, "y1": y, "x2": width, "y2": y})
    points = []
    for term in sorted(located, key=lambda t: t.id):
        x, y = xy(float(term.extra["lat"]), float(term.extra["lon"]))
        points.append({"term": term, "x": x, "y": y, "asean": bool(term.extra.get("asean"))})
    return {"width": width, "height": height, "points": points, "grid": grid}


class TermPagesGenerator(Generator):
    """Writes the term pages from the site index (after all contexts are generated)."""

    def generate_context(self):
        """Nothing to read: the index is built when the articles are finalised."""

    def _write(self, writer, url, template, lang, alternates, **extra):
        writer.write_file(
            url + "index.html",
            self.get_template(template),
            self.context,
            relative_urls=False,
            url=url,
            page_lang=lang,
            page_url=url,
            alternates=alternates,
            **extra,
        )

    def generate_output(self, writer):
        index = self.context.get("BRIEFING")
        if index is None:
            return
        fctx = feed_context(self.context)
        self.map = country_map(index.terms["countries"].values())
        for kind in KINDS:
            counted = index.count_by_kind(kind)
            for lang in LANGS:
                self._write(writer, f"{lang}/{kind}/", "term_index", lang,
                            both(lambda code, k=kind: f"{code}/{k}/"), kind=kind, terms=counted,
                            map=self.map)
            for term, _count in counted:
                self._write_term(writer, index, term, fctx)

    def _write_term(self, writer, index, term, fctx):
        for lang in LANGS:
            releases = index.term_releases(term, lang)
            extra = {}
            if term.kind == "meetings":
                extra["sessions"] = session_rows(index, term, lang)
            self._write(
                writer, term.url(lang), "term", lang, both(term.url),
                term=term, kind=term.kind, releases=releases,
                related_terms=index.related_terms(term), map=self.map, **extra,
            )
            writer.write_feed(
                releases, fctx, term.feed_url(lang), feed_type="atom",
                feed_title=term.label(lang),
            )
        if term.kind == "meetings":
            for session in index.sessions(term):
                for lang in LANGS:
                    self._write(
                        writer, session.url(lang), "session", lang, both(session.url),
                        term=term, kind="meetings", session=session,
                        status=index.session_status(session),
                        session_releases=index.session_releases(session, lang),
                    )


def get_generators(pelican):
    return TermPagesGenerator
