"""No page of the demo site scrolls sideways on a 375px-wide phone (Chromium, both languages).

Every page type — landing, homes, every release, each term index and a page of each kind, a
meeting session, the timeline and a timeline year, search with results — is opened in a 375px
viewport; the document must not be wider than the viewport (a bare URL or a wide grid column
would make it so). On failure the message names the widest elements.
"""

from __future__ import annotations

import json

import pytest
from demo_site import serve

pytestmark = pytest.mark.browser

WIDTH = 375
PAGE_TYPES = (
    "{lang}/", "{lang}/countries/", "{lang}/countries/kh/", "{lang}/meetings/",
    "{lang}/meetings/wg-as/", "{lang}/meetings/wg-as/1/", "{lang}/topics/",
    "{lang}/topics/online-scams/", "{lang}/organisations/", "{lang}/organisations/mdes/",
    "{lang}/people/", "{lang}/people/wisit-wisitsora-at/", "{lang}/timeline/",
    "{lang}/timeline/2024/", "{lang}/search/?q=ASEAN",
)
WIDEST = """() => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
  .slice(-3).map(e => e.tagName.toLowerCase() + '.' + e.className + ' → '
                 + Math.round(e.getBoundingClientRect().right) + 'px')"""


@pytest.fixture(scope="module")
def served(demo_output):
    server, base = serve(demo_output)
    yield base
    server.shutdown()
    server.server_close()


def urls(output, lang: str) -> list[str]:
    releases = json.loads((output / "data/releases.json").read_text("utf-8"))["releases"]
    return [u.format(lang=lang) for u in PAGE_TYPES] + [
        r["languages"][lang]["url"].lstrip("/") for r in releases if lang in r["languages"]]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_page_scrolls_horizontally_at_375px(chromium, demo_output, served, lang):
    context = chromium.new_context(viewport={"width": WIDTH, "height": 800})
    tab = context.new_page()
    too_wide = []
    try:
        for url in ([""] if lang == "en" else []) + urls(demo_output, lang):
            tab.goto(f"{served}/{url}")
            if "search/" in url:
                tab.locator("[data-search-results] > *").first.wait_for(timeout=10000)
            width = tab.evaluate("document.documentElement.scrollWidth")
            if width > WIDTH:
                too_wide.append(f"/{url}: {width}px wide, {tab.evaluate(WIDEST)}")
    finally:
        context.close()
    assert too_wide == []
