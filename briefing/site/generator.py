"""A base for the site's page generators, and the feed helpers they share.

Every Briefing generator writes from the ``BRIEFING`` site index that the ``briefing_taxonomy``
plugin builds when the articles are read; :attr:`SiteGenerator.index` refuses to go on without
it (a plugin left out of ``PLUGINS``) instead of writing a site with pages missing.
"""

from __future__ import annotations

from jinja2 import TemplateError
from pelican.generators import Generator

from briefing.contract import LANGS
from briefing.site.settings import setting


class MissingIndexError(RuntimeError):
    """A page generator ran without the site index (the briefing_taxonomy plugin is missing)."""


def both(path_for) -> dict[str, str]:
    """``{lang: url}`` for a page that exists in both languages."""
    return {lang: path_for(lang) for lang in LANGS}


def feed_context(context: dict, site_name: str = "", page_url: str | None = None) -> dict:
    """The context of one feed: absolute origin (``SITEURL``, or ``LOCAL_SITE_ORIGIN`` when it is
    empty), the site's name in the feed's language and ``FEED_PAGE_URL``, the page the feed
    follows (``site_pages.settle_feed`` makes it the feed's ``<link rel="alternate">``)."""
    origin = context.get("SITEURL") or setting(context, "LOCAL_SITE_ORIGIN")
    found = {**context, "SITEURL": origin, "FEED_DOMAIN": origin}
    if site_name:
        found["SITENAME"] = site_name
    if page_url is not None:
        found["FEED_PAGE_URL"] = page_url
    return found


def translate(env, text: str, lang: str, default: str | None = None) -> str:
    """``text`` (an English msgid) in ``lang`` from the theme's catalogues; ``default`` (else
    ``text``) when the environment has no i18n (theme_i18n) installed."""
    try:
        return env.from_string("{{ _(text) }}").render(text=text, lang=lang) or text
    except TemplateError:
        return text if default is None else default


def localised_site_name(env, lang: str, default: str) -> str:
    """The site's name in ``lang`` from the theme's catalogue (``default`` without one)."""
    return translate(env, "Briefing", lang, default)


class SiteGenerator(Generator):
    """Writes pages from the site index; reads nothing of its own."""

    def generate_context(self):
        """Nothing to read: the index is built when the articles are finalised."""

    @property
    def index(self):
        index = self.context.get("BRIEFING")
        if index is None:
            raise MissingIndexError(
                f"{type(self).__name__}: no BRIEFING site index in the context; add the "
                "briefing_taxonomy plugin to PLUGINS (pelicanconf.py) before this one"
            )
        return index

    def write_page(self, writer, url, template, lang, alternates, save_as=None, **extra):
        """One page at site-relative ``url`` in ``lang`` with its other-language ``alternates``."""
        writer.write_file(
            save_as or url + "index.html",
            self.get_template(template),
            self.context,
            relative_urls=False,
            url=url,
            page_lang=lang,
            page_url=url,
            alternates=alternates,
            **extra,
        )
