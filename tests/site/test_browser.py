"""Walk the demo site in Debian's Chromium: every page type in both languages by clicking links.

The walk: landing → home → countries → a country → a release → the other language and back →
a meeting series → a session → a release → a topic → organisations → an organisation → a release
→ people → a person → a release → meetings, topics, timeline → a session → a timeline year → a
release → the header's search form → the search page's results → a release.

Builds the demo site once (the five seeds, converted into a temporary folder), serves it on
127.0.0.1 and fails on any 404, in the browser walk and in a crawl of every internal link.
The demo build and the browser are the shared session fixtures of ``tests/conftest.py``.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from demo_site import serve

pytestmark = pytest.mark.browser

CAMBODIA_SEEDS = {"000_ee7779428f760dd8.txt", "002_599a62f171b3e0cb.txt",
                  "003_71d132055a772030.txt", "004_de60a9fdace74075.txt"}


@pytest.fixture(scope="module")
def demo(demo_output):
    """``(output folder, base URL)`` of the served demo site."""
    server, base = serve(demo_output)
    yield demo_output, base
    server.shutdown()
    server.server_close()


def in_tab(chromium, steps, *args):
    """Run ``steps(tab, *args)`` in a fresh tab; fail if any response was a 4xx/5xx."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    failed = []
    tab.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400
           else None)
    try:
        result = steps(tab, *args)
    finally:
        context.close()
    assert failed == []
    return result


def click(tab, selector):
    tab.locator(selector).first.click()
    tab.wait_for_load_state()
    return tab.url


def walk(tab, base, lang):
    other = "en" if lang == "th" else "th"
    tab.goto(base + "/")
    assert click(tab, f'main a[href="/{lang}/"]') == f"{base}/{lang}/"
    assert click(tab, f'nav a[href="/{lang}/countries/"]') == f"{base}/{lang}/countries/"
    assert click(tab, f'a[href="/{lang}/countries/kh/"]') == f"{base}/{lang}/countries/kh/"
    release = click(tab, ".release-card a.release-title")
    assert re.fullmatch(rf"{base}/{lang}/releases/[\w-]+/", release)
    assert click(tab, "a.lang-switch") == release.replace(f"/{lang}/", f"/{other}/")
    assert tab.locator("html").get_attribute("lang") == other
    assert click(tab, "a.lang-switch") == release
    tab.goto(f"{base}/{lang}/releases/2024-03-24-80784/")
    assert click(tab, f'.chips-meetings a[href="/{lang}/meetings/wg-as/"]').endswith("/wg-as/")
    assert click(tab, f'a[href="/{lang}/meetings/wg-as/5/"]') == f"{base}/{lang}/meetings/wg-as/5/"
    assert "/releases/" in click(tab, ".release-card a.release-title")
    assert click(tab, ".chips-topics a").startswith(f"{base}/{lang}/topics/")
    for kind in ("organisations", "people"):  # index → a term page → one of its releases
        assert click(tab, f'nav a[href="/{lang}/{kind}/"]') == f"{base}/{lang}/{kind}/"
        assert re.fullmatch(rf"{base}/{lang}/{kind}/[\w-]+/", click(tab, ".term-card a"))
        assert tab.locator("h1").inner_text()
        assert "/releases/" in click(tab, ".release-card a.release-title")
    for kind in ("meetings", "topics", "timeline"):
        assert click(tab, f'nav a[href="/{lang}/{kind}/"]') == f"{base}/{lang}/{kind}/"
    assert click(tab, ".timeline-session a").startswith(f"{base}/{lang}/meetings/")
    tab.go_back()
    year = click(tab, f'.year-nav a[href="/{lang}/timeline/2024/"]')
    assert year == f"{base}/{lang}/timeline/2024/"
    assert tab.locator(".timeline-month h2").count() > 0
    assert "/releases/" in click(tab, ".timeline-release a")
    tab.locator("#site-search").fill("ASEAN")  # the header's search form → the search page
    tab.locator("#site-search").press("Enter")
    tab.wait_for_load_state()
    assert tab.url == f"{base}/{lang}/search/?q=ASEAN"
    result = tab.locator("[data-search-results] li.search-result h2 a").first
    result.wait_for(timeout=15000)
    assert re.fullmatch(rf"{base}/{lang}/releases/[\w-]+/", click(tab, "li.search-result h2 a"))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_walk_every_page_type_by_clicking(chromium, demo, lang):
    in_tab(chromium, walk, demo[1], lang)


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(attrs[name])


def test_no_internal_link_is_broken(demo):
    _, base = demo
    seen, queue, broken = set(), [base + "/"], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url) as response:
                kind = response.headers.get_content_type()
                body = response.read().decode("utf-8") if kind == "text/html" else ""
        except urllib.error.HTTPError as error:
            broken.append((url, error.code))
            continue
        parser = LinkParser()
        parser.feed(body)
        for link in parser.links:
            target = urldefrag(urljoin(url, link))[0]
            if urlparse(target).netloc == urlparse(base).netloc:
                queue.append(target)
    assert broken == []
    assert len(seen) > 100


def wg_as_sessions(tab, base):
    tab.goto(f"{base}/en/meetings/wg-as/")
    for number, when, where in (("1", "19 March 2024", "Phnom Penh, Cambodia"),
                                ("5", "22 April 2025", "Jakarta, Indonesia")):
        session = tab.locator("li.session", has=tab.locator(
            f'h3 a[href="/en/meetings/wg-as/{number}/"]'))
        assert f"{when} · {where}" in session.inner_text()
        first = session.locator(".session-releases a").first
        href = first.get_attribute("href")
        first.click()
        tab.wait_for_load_state()
        assert tab.url == base + href and "/en/releases/" in href
        tab.go_back()


def test_wg_as_series_lists_sessions_1_and_5_with_dates_venues_and_releases(chromium, demo):
    in_tab(chromium, wg_as_sessions, demo[1])


def cambodia_listing(tab, base):
    tab.goto(f"{base}/th/countries/kh/")
    cards = tab.locator(".release-card")
    hrefs = cards.locator("a.release-title").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    dates = cards.locator("time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    return hrefs, dates, cards.locator("time").first.inner_text()


def test_cambodia_page_lists_the_releases_about_it(chromium, demo):
    output, base = demo
    data = json.loads((output / "data/releases.json").read_text(encoding="utf-8"))["releases"]
    source_of = {r["languages"]["th"]["url"]: r["source_file"].rsplit("/", 1)[-1] for r in data}
    about = {r["source_file"].rsplit("/", 1)[-1] for r in data if "KH" in r["countries"]}
    mention = {r["source_file"].rsplit("/", 1)[-1] for r in data
               if "KH" in r["mentions"].get("countries", [])}
    hrefs, dates, first_date = in_tab(chromium, cambodia_listing, base)
    # releases about Cambodia are listed; those naming it in passing are "also mentioned in"
    assert len(hrefs) == len(about) and {source_of[h] for h in hrefs} == about
    assert CAMBODIA_SEEDS <= about | mention  # the four seeds name Cambodia
    assert dates == sorted(dates, reverse=True)
    assert re.search(r" 25[6-9]\d$", first_date)  # Buddhist Era year on the Thai page
