"""A generator for ``/`` (bilingual landing), ``/{lang}/`` (homes), ``/{lang}/feeds/all.atom.xml``,
and the redirect pages of releases published twice (``also_published_as``).

Language feeds use Pelican's feed writer (feedgenerator's Atom), with absolute links built from
``SITEURL`` (or ``LOCAL_SITE_ORIGIN`` when SITEURL is empty for local previews), titled with the
site's name in the feed's language (the theme catalogue's ``Briefing``: ``บรีฟฟิง`` in Thai).
The ``feed_generated`` handler :func:`settle_feed` settles every feed of the site (term feeds too):
its ``<id>`` is its own URL, its ``<link rel="alternate">`` the page it follows (``FEED_PAGE_URL``
in the feed's context: the language home, the term page) rather than the site root.
"""

from __future__ import annotations

from datetime import UTC, datetime

from briefing.contract import LANGS
from briefing.site.generator import SiteGenerator, both, feed_context, localised_site_name
from briefing.site.settings import setting

EMPTY_SITE_DATE = datetime(2000, 1, 1, tzinfo=UTC)
FEED_TITLES = {"th": "ข่าวภาษาไทย", "en": "Releases in English"}


def newest_release_date(context):
    """The date of the site's newest release (a fixed date for an empty site)."""
    index = context.get("BRIEFING")
    if index is not None and index.order:
        return index.article(index.order[0], "th").date
    return EMPTY_SITE_DATE


def summary_only(feed, limit: int) -> None:
    """Entries carry their summary and link, not the release's whole text (Pelican's Atom writer
    puts the full body in ``<content>``), and the feed stays under ``limit`` bytes: the oldest
    entries are dropped first if it would not."""
    for item in feed.items:
        if item.get("content") and not item.get("description"):
            item["description"] = item["content"]  # Pelican drops a summary equal to the body
        item["content"] = None
    if not limit:
        return
    while len(feed.items) > 1 and len(feed.writeString("utf-8").encode("utf-8")) > limit:
        feed.items.pop()


def settle_feed(context, feed) -> None:
    """``feed_generated`` handler: each feed's Atom ``<id>`` is its own URL (not the site's), its
    entries are summaries (:func:`summary_only`), and a feed without entries is dated by the
    newest release rather than the build time, so two builds of the same content are
    byte-identical."""
    summary_only(feed, setting(context, "FEED_MAX_BYTES"))
    if feed.feed.get("feed_url"):
        feed.feed["id"] = feed.feed["feed_url"]
    if context.get("FEED_PAGE_URL") is not None:
        feed.feed["link"] = f"{context['SITEURL']}/{context['FEED_PAGE_URL']}"
    if not feed.items:
        updated = newest_release_date(context)
        feed.latest_post_date = lambda: updated


def language_feed_path(lang: str) -> str:
    return f"{lang}/feeds/all.atom.xml"


class SitePagesGenerator(SiteGenerator):
    """Writes the landing page, the two language homes and the two language feeds."""

    def generate_output(self, writer):
        index = self.index
        alternates = both(lambda lang: f"{lang}/")
        landing = setting(self.settings, "LANDING_LATEST")
        self.write_page(writer, "", "landing", "en", alternates,
                        latest={lang: index.releases(lang)[:landing] for lang in LANGS})
        for lang in LANGS:
            releases = index.releases(lang)
            self.write_page(
                writer, f"{lang}/", "index", lang, alternates,
                releases=releases[:setting(self.settings, "HOME_LATEST")],
                release_count=len(releases),
                countries=index.count_by_kind("countries"),
                meetings=index.count_by_kind("meetings"),
                topics=index.count_by_kind("topics"),
            )
            for article in releases:
                self.write_redirects(writer, article)
            own = [a for a in releases if a.lang == lang]
            name = localised_site_name(self.env, lang, self.context.get("SITENAME", ""))
            writer.write_feed(own, feed_context(self.context, name, f"{lang}/"),
                              language_feed_path(lang), feed_type="atom",
                              feed_title=FEED_TITLES[lang])

    def write_redirects(self, writer, article) -> None:
        """A page at the address of each other publication of ``article`` (``also_published_as``:
        the same text under another thaigov id) that sends the reader to it."""
        for entry in article.metadata.get("also_published_as") or ():
            slug = entry.get("slug") if isinstance(entry, dict) else None
            if not slug or slug == article.slug:
                continue
            url = f"{article.lang}/releases/{slug}/"
            writer.write_file(url + "index.html", self.get_template("redirect"), self.context,
                              relative_urls=False, page_lang=article.lang, target=article)


def get_generators(pelican):
    return SitePagesGenerator
