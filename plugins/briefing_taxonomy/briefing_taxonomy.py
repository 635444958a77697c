"""Signal handlers: load the taxonomy on init; check and enrich the releases once they are read.

Settings: ``BRIEFING_TAXONOMY_PATH`` (default ``<PATH>/taxonomy``). After the articles are read the
shared context holds ``BRIEFING`` (a :class:`briefing.site.index.SiteIndex`) and
``BRIEFING_TAXONOMY`` (the loaded
``briefing.taxonomy.Taxonomy``); each article gains ``terms``, ``meeting_refs``, ``alternate``,
``alternates``, ``related``, ``series_nav``, ``source_href``, ``source_host`` and
``source_official``.
"""

from __future__ import annotations

import os

from pelican.urlwrappers import Category

from briefing.contract import KINDS
from briefing.site.enrich import enrich, enrich_alone, settle_urls
from briefing.site.index import build_index, check_articles, shown_path
from briefing.site.refusal import refuse
from briefing.site.safe_html import unsanitised
from briefing.taxonomy import TaxonomyError, load_taxonomy


class UnsanitisedError(RuntimeError):
    """Releases reached the site without passing the sanitiser (a plugin left out)."""


def taxonomy_path(settings) -> str:
    return settings.get("BRIEFING_TAXONOMY_PATH") or os.path.join(settings["PATH"], "taxonomy")


def load_on_init(pelican) -> None:
    """Load the taxonomy once, with the project's one loader, into the settings (→ context)."""
    path = taxonomy_path(pelican.settings)
    try:
        taxonomy = load_taxonomy(path)
    except TaxonomyError as exc:  # the message ``invoke check`` prints, and no traceback
        file = exc.file if "/" in exc.file else f"{shown_path(path)}/{exc.file}"
        refuse([f"{file}:{exc.line or 1}: {exc.message}"])
    pelican.settings["BRIEFING_TAXONOMY"] = taxonomy
    pelican.settings["BRIEFING_TERMS"] = {kind: taxonomy.terms(kind) for kind in KINDS}


def index_articles(generator) -> None:
    """Check every release's tag ids (fail the build on unknown ones), then index and enrich."""
    terms = generator.settings.get("BRIEFING_TERMS")
    if terms is None:  # handler left connected by an earlier build in this process
        return
    articles = list(generator.articles) + list(generator.translations)
    drafts = list(generator.drafts) + list(generator.drafts_translations)
    raw = unsanitised(articles + drafts)
    if raw:  # the safe_html plugin is missing from PLUGINS: never publish unsanitised HTML
        raise UnsanitisedError(f"{raw[0]}: release HTML was not sanitised (add 'safe_html' to "
                               "PLUGINS, next to 'front_matter')")
    taxonomy = generator.settings["BRIEFING_TAXONOMY"]
    refuse(check_articles(articles + drafts, taxonomy, taxonomy_path(generator.settings)))
    settle_urls(articles + drafts)
    index = build_index(articles, terms)
    enrich(index)
    for draft in drafts:
        enrich_alone(draft, terms)
    generator.context["BRIEFING"] = index



def guard_draft_categories(generator) -> None:
    """Give drafts the default category back (pelican#3596: with ``CATEGORY_SAVE_AS = ""``
    articles lose their category and ``generate_drafts`` reads ``draft.category``)."""
    for draft in list(generator.drafts) + list(generator.drafts_translations):
        if not hasattr(draft, "category"):
            draft.category = Category(generator.settings["DEFAULT_CATEGORY"], generator.settings)


def skip_unwritten_authors(generator) -> None:
    """Forget the author list when no author page is written (``AUTHOR_SAVE_AS = ""``).

    Pelican's ``generate_authors`` first lists each author's articles in date order with a list
    scan per article (``article in articles``), and only then finds it has nowhere to write
    them. With one site-wide ``AUTHOR`` that scan is quadratic in the number of releases (about
    2 s of the 20,000-release rebuild) for pages that are never written."""
    if generator.settings.get("AUTHOR_SAVE_AS"):
        return
    generator.authors = []
    generator.context["authors"] = []
