"""Briefing's own Pelican settings and their defaults, in one table.

``pelicanconf.py`` sets only what a site changes; every plugin reads these through
:func:`setting`, so a default is written once.
"""

from __future__ import annotations

DEFAULTS = {
    "LOCAL_SITE_ORIGIN": "http://localhost:8000",  # absolute links in feeds/sitemap, SITEURL ""
    "TERM_PAGE_SIZE": 50,  # releases a term or session page lists (0/None: one page)
    "TERM_FEED_MAX_ITEMS": 20,  # entries of a term's feed
    "RELEASE_PART_BYTES": 90_000,  # a release body longer than this is shown in parts
    "FEED_MAX_BYTES": 200_000,  # every feed stays under this (oldest entries dropped; 0: no cap)
    "TIMELINE_PAGE_SIZE": 100,  # entries a timeline year page lists
    "TIMELINE_HOME_LATEST": 20,  # entries on the timeline overview
    "HOME_LATEST": 12,  # releases on a language home
    "LANDING_LATEST": 5,  # releases per language on the bilingual landing page
    "SEARCH_INDEX": True,  # build the Pagefind index
    "SEARCH_PART_PAGES": 1000,  # pages Pagefind indexes per run (parts are joined)
    "NOTES_PATH": "notes",  # editor notes, under PATH
}


def setting(settings: dict, name: str):
    """``settings[name]``, or Briefing's default for it."""
    return settings.get(name, DEFAULTS[name])


def page_size(settings: dict, name: str = "TERM_PAGE_SIZE") -> int | None:
    """A page-size setting as a number (``None`` when lists are not to be cut)."""
    value = setting(settings, name)
    return int(value) if value else None
