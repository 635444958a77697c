"""Install Jinja's i18n extension on every generator, with one catalogue per language.

The theme's ``translations/{lang}/LC_MESSAGES/messages.po`` are compiled in memory with Babel at
build time (no ``.mo`` files are committed or written). ``_()`` picks the catalogue from the
template's ``lang`` variable (set in ``base.html`` from ``page_lang`` or ``article.lang``).
Filters: ``fdate`` (Thai Buddhist-Era / English long date), ``isodate``, ``number``.
"""

from __future__ import annotations

import gettext
import io
import os
from datetime import date, datetime, time

from babel.dates import format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from jinja2 import pass_context
from markupsafe import Markup
from pythainlp.util import thai_strftime

from briefing.contract import RELEASE_TYPE_NAMES, year_label

FALLBACK_LANG = "en"


def compile_catalog(po_path: str) -> gettext.GNUTranslations:
    """Read a ``.po`` file and return it as compiled translations (in memory)."""
    with open(po_path, "rb") as fh:
        catalog = read_po(fh)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def load_catalogs(theme_dir: str) -> dict[str, gettext.NullTranslations]:
    """``{lang: translations}`` for every ``translations/<lang>/LC_MESSAGES/messages.po``."""
    root = os.path.join(theme_dir, "translations")
    catalogs: dict[str, gettext.NullTranslations] = {}
    if os.path.isdir(root):
        for lang in sorted(os.listdir(root)):
            po = os.path.join(root, lang, "LC_MESSAGES", "messages.po")
            if os.path.isfile(po):
                catalogs[lang] = compile_catalog(po)
    return catalogs


def context_lang(ctx) -> str:
    """The language of the page being rendered."""
    lang = ctx.get("lang") or ctx.get("page_lang")
    if not lang:
        article = ctx.get("article") or ctx.get("page")
        lang = getattr(article, "lang", None) or ctx.get("DEFAULT_LANG") or FALLBACK_LANG
    return lang


def make_gettext(catalogs):
    """``gettext``/``ngettext`` callables for Jinja that pick the catalogue from the page's
    language. Looked-up messages are remembered per generator (templates ask for the same few
    dozen strings on every one of thousands of pages)."""
    null = gettext.NullTranslations()
    seen: dict[tuple[str, str], str] = {}

    @pass_context
    def _gettext(ctx, message):
        key = (context_lang(ctx), message)
        found = seen.get(key)
        if found is None:
            found = seen[key] = catalogs.get(key[0], null).gettext(message)
        return found

    @pass_context
    def _ngettext(ctx, singular, plural, n):
        return catalogs.get(context_lang(ctx), null).ngettext(singular, plural, n)

    return _gettext, _ngettext


def make_fast_alias(gettext_func):
    """A ``_()`` for templates that does what Jinja's new-style ``_`` does (look up, mark safe
    under autoescape, then ``%``-format with the keyword arguments) in one call instead of three
    (``_gettext_alias`` → ``gettext`` → the look-up), and remembers the result of a call without
    arguments. Templates call ``_()`` some 40 times per page; on a site of thousands of pages
    Jinja's two extra layers were a tenth of the build."""
    seen: dict[tuple[str, str, bool], str] = {}

    @pass_context
    def _(ctx, message, **variables):
        autoescape = ctx.eval_ctx.autoescape
        if variables:
            found = gettext_func(ctx, message)
            return (Markup(found) if autoescape else found) % variables
        key = (context_lang(ctx), message, autoescape)
        done = seen.get(key)
        if done is None:
            found = gettext_func(ctx, message)
            done = seen[key] = (Markup(found) if autoescape else found) % {}
        return done

    return _


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value[:10])
    return None


def format_long_date(value, lang: str) -> str:
    """``24 มีนาคม 2567`` (Buddhist Era) for Thai, ``24 March 2024`` for English."""
    day = _as_date(value)
    if day is None:
        return ""
    if lang == "th":  # pythainlp's Thai date: Buddhist Era, Thai month names
        return thai_strftime(datetime.combine(day, time()), "%-d %B %Y")
    return format_date(day, "d MMMM y", locale=lang)


def format_date_range(start, end, lang: str) -> str:
    """A date, or ``start – end`` when an end date differs."""
    if end and _as_date(end) != _as_date(start):
        return f"{format_long_date(start, lang)} – {format_long_date(end, lang)}"
    return format_long_date(start, lang)


def iso_date(value) -> str:
    day = _as_date(value)
    return day.isoformat() if day else ""


def format_number(value, lang: str) -> str:
    return format_decimal(value, locale=lang)


def install(generator) -> None:
    """``generator_init`` handler: i18n extension, catalogues and filters on the generator's env."""
    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    catalogs = load_catalogs(generator.theme)
    gettext_func, ngettext_func = make_gettext(catalogs)
    env.install_gettext_callables(gettext_func, ngettext_func, newstyle=True)
    env.globals["_"] = make_fast_alias(gettext_func)  # {% trans %} keeps Jinja's own gettext
    env.globals["RELEASE_TYPE_NAMES"] = RELEASE_TYPE_NAMES  # msgids of the release types
    env.filters.update(
        fdate=memoised_dates(), fdaterange=format_date_range, isodate=iso_date,
        number=format_number, yearlabel=year_label,
    )


def memoised_dates():
    """An ``fdate`` filter that formats each (day, language) once per generator: a site of
    thousands of releases shows the same few thousand dates on many pages, and Babel's
    formatting is the costly part."""
    seen: dict[tuple[date, str], str] = {}

    def fdate(value, lang: str) -> str:
        key = (_as_date(value), lang)
        found = seen.get(key)
        if found is None:
            found = seen[key] = format_long_date(key[0], lang)
        return found

    return fdate
