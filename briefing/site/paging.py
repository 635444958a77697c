"""Paged lists (term, session and timeline pages), cut by Pelican's own ``Paginator``.

The URL rule is the site's ``PAGINATION_PATTERNS`` setting (pelicanconf.py): page 1 keeps the
list's own URL (``{lang}/{kind}/{id}/``), page n is ``…/page/{n}/``. The page size is the
``TERM_PAGE_SIZE`` setting (0 or ``None``: one page). Pure functions:

* :func:`paginate` — Pelican ``Page`` objects (``number``, ``url``, ``save_as``, ``object_list``,
  ``paginator.num_pages``) for one list at one base URL;
* :func:`page_urls` — every page's URL, per language (for navigation and hreflang alternates);
* :func:`year_jumps` — the years of a newest-first list with their counts and the page where each
  starts; :func:`year_anchors` names the first release of each year (``y2024``) so a jump lands
  on it.
"""

from __future__ import annotations

from datetime import date, datetime

from pelican.paginator import Paginator

from briefing.site.settings import page_size  # noqa: F401 (the paged lists' size setting)


def paginate(items: list, url: str, settings: dict, per_page: int | None) -> list:
    """Pelican ``Page`` objects for ``items`` listed at ``url`` (at least one, even when empty)."""
    paginator = Paginator(url + "index.html", url, items, settings, per_page)
    return [paginator.page(number) for number in paginator.page_range]


def page_urls(items: list, urls: dict[str, str], settings: dict,
              per_page: int | None) -> dict[str, list[str]]:
    """``{lang: [url of page 1, url of page 2, …]}`` for a list shown at ``urls[lang]``."""
    return {lang: [page.url for page in paginate(items, url, settings, per_page)]
            for lang, url in urls.items()}


def _day(value) -> date:
    return value.date() if isinstance(value, datetime) else value


def year_jumps(days: list, per_page: int | None) -> list[dict]:
    """``[{year, count, page, anchor}]`` for a newest-first list of dates, newest year first.

    ``page`` is the 1-based page where the year's first item is, ``anchor`` the id it carries.
    """
    jumps: list[dict] = []
    for at, day in enumerate(days):
        year = _day(day).year
        if jumps and jumps[-1]["year"] == year:
            jumps[-1]["count"] += 1
            continue
        jumps.append({"year": year, "count": 1, "page": at // per_page + 1 if per_page else 1,
                      "anchor": f"y{year}"})
    return jumps


def year_anchors(articles: list) -> dict[str, str]:
    """``{slug: "y2024"}`` for the first (newest) release of each year in a newest-first list."""
    anchors: dict[str, str] = {}
    seen: set[int] = set()
    for article in articles:
        year = _day(article.date).year
        if year not in seen:
            seen.add(year)
            anchors[article.slug] = f"y{year}"
    return anchors
