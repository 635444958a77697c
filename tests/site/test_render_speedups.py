"""The rebuild speed-ups keep what pages show: series neighbours by look-up, ``_()`` in one call,
URLs fixed once (each checked against the slow way it replaces), and no author lists for
author pages that are not written."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest
from briefing_taxonomy.briefing_taxonomy import skip_unwritten_authors
from jinja2 import Environment
from theme_i18n.theme_i18n import make_fast_alias, make_gettext

from briefing.contract import KINDS
from briefing.site.enrich import series_neighbours, settle_urls
from briefing.site.index import build_index
from briefing.taxonomy import Term

TERMS = {kind: {} for kind in KINDS}
TERMS["meetings"] = {"cabinet": Term("cabinet", "meetings", {"th": "ครม.", "en": "Cabinet"})}


def _release(day: int, meetings=("cabinet",)):
    when = date(2024, 1, 1) + timedelta(days=day)
    return SimpleNamespace(slug=f"{when}-{day}", date=when, lang="th",
                           metadata={"meetings": list(meetings)})


def test_series_neighbours_of_a_long_series_are_its_previous_and_next_by_date():
    releases = [_release(day) for day in range(300)] + [_release(400, meetings=())]
    index = build_index(releases, TERMS)
    oldest_first = [r.slug for r in releases[:300]]
    for at, slug in enumerate(oldest_first):
        expected = (oldest_first[at - 1] if at else None,
                    oldest_first[at + 1] if at + 1 < len(oldest_first) else None)
        assert series_neighbours(index, slug, "cabinet") == expected
    assert series_neighbours(index, releases[-1].slug, "cabinet") == (None, None)
    assert series_neighbours(index, oldest_first[0], "no-such-series") == (None, None)


class _Catalog:
    def __init__(self, messages):
        self.messages = messages

    def gettext(self, message):
        return self.messages.get(message, message)

    def ngettext(self, singular, plural, n):
        return singular if n == 1 else plural


TEMPLATES = {
    "plain": "{{ _('Published') }}",
    "percent": "{{ _('100%% sure') }}",
    "variable": "{{ _('Source named in the release: %(host)s', host=host) }}",
    "markup": "{{ _('Read <b>this</b>') }}",
    "twice": "{{ _('Published') }} {{ _('Published') }}",
    "lang-from-article": "{% set lang = None %}{{ _('Published') }}",
}


@pytest.mark.parametrize("autoescape", [True, False])
@pytest.mark.parametrize("lang", ["th", "en", "fr"])
@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_fast_underscore_renders_what_jinjas_own_does(name, lang, autoescape):
    catalogs = {"th": _Catalog({"Published": "เผยแพร่", "Read <b>this</b>": "อ่าน <b>นี่</b>",
                                "Source named in the release: %(host)s": "แหล่งที่มา: %(host)s"})}
    context = {"lang": lang, "host": "<evil & co>", "article": SimpleNamespace(lang="th")}
    rendered = []
    for fast in (False, True):
        env = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
        gettext_func, ngettext_func = make_gettext(catalogs)
        env.install_gettext_callables(gettext_func, ngettext_func, newstyle=True)
        if fast:
            env.globals["_"] = make_fast_alias(gettext_func)
        template = env.from_string(TEMPLATES[name])
        rendered.append([template.render(context) for _ in range(2)])  # second: remembered
    assert rendered[1] == rendered[0]
    if name == "variable":
        assert ("&lt;evil &amp; co&gt;" in rendered[1][0]) is autoescape


def test_settled_urls_are_pelicans_own_and_an_override_is_kept():
    from pelican.contents import Article
    from pelican.settings import DEFAULT_CONFIG

    settings = dict(DEFAULT_CONFIG, ARTICLE_URL="{lang}/releases/{slug}/",
                    ARTICLE_LANG_URL="{lang}/releases/{slug}/")
    articles = [Article("x", metadata={"title": "T", "slug": f"s{n}", "date": datetime(2024, 1, n),
                                       "lang": "th"}, settings=settings) for n in (1, 2)]
    articles[1].override_url = "custom/place/"
    expected = [a.url for a in articles]
    settle_urls(articles)
    assert [a.url for a in articles] == expected == ["th/releases/s1/", "custom/place/"]
    assert articles[0].override_url == "th/releases/s1/"


def _generator(save_as: str):
    authors = [("Briefing editors", [_release(day) for day in range(3)])]
    return SimpleNamespace(settings={"AUTHOR_SAVE_AS": save_as}, authors=list(authors),
                           context={"authors": list(authors)})


def test_author_lists_are_dropped_only_when_no_author_page_is_written():
    unwritten = _generator("")
    skip_unwritten_authors(unwritten)
    assert unwritten.authors == [] and unwritten.context["authors"] == []
    written = _generator("author/{slug}.html")
    skip_unwritten_authors(written)
    assert [name for name, _ in written.authors] == ["Briefing editors"]
    assert len(written.context["authors"][0][1]) == 3
