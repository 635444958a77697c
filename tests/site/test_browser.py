"""Walk the demo site in Debian's Chromium: every page type in both languages by clicking links.

Builds the demo site once (the five seeds, converted into a temporary folder), serves it on
127.0.0.1 and fails on any 404, in the browser walk and in a crawl of every internal link.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlparse

import pytest
from demo_site import build_demo_once, serve

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
CAMBODIA_SEEDS = {"000_ee7779428f760dd8.txt", "002_599a62f171b3e0cb.txt",
                  "003_71d132055a772030.txt", "004_de60a9fdace74075.txt"}


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    """``(output folder, base URL)`` of the served demo site, built once for all xdist workers."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, common to every worker
    output = build_demo_once(shared / "briefing-demo")
    server, base = serve(output)
    yield output, base
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser(demo):  # after the demo: Pagefind's asyncio must not run inside Playwright's loop
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not shutil.which(CHROMIUM) and not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed (./dev.sh test installs it)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(demo, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.missing = []
    tab.on("response", lambda r: tab.missing.append(r.url) if r.status >= 400 else None)
    yield tab
    context.close()


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("href", "src"):
            if attrs.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(attrs[name])


def click(page, selector):
    page.locator(selector).first.click()
    page.wait_for_load_state()
    return page.url


@pytest.mark.parametrize("lang", ["th", "en"])
def test_walk_every_page_type_by_clicking(page, demo, lang):
    _, base = demo
    other = "en" if lang == "th" else "th"
    page.goto(base + "/")
    assert click(page, f'main a[href="/{lang}/"]') == f"{base}/{lang}/"
    assert click(page, f'nav a[href="/{lang}/countries/"]') == f"{base}/{lang}/countries/"
    assert click(page, f'a[href="/{lang}/countries/kh/"]') == f"{base}/{lang}/countries/kh/"
    release = click(page, ".release-card a.release-title")
    assert re.fullmatch(rf"{base}/{lang}/releases/[\w-]+/", release)
    switched = click(page, "a.lang-switch")
    assert switched == release.replace(f"/{lang}/", f"/{other}/")
    assert page.locator("html").get_attribute("lang") == other
    click(page, "a.lang-switch")
    page.goto(f"{base}/{lang}/releases/2024-03-24-80784/")
    assert click(page, f'.chips-meetings a[href="/{lang}/meetings/wg-as/"]').endswith("/wg-as/")
    assert click(page, f'a[href="/{lang}/meetings/wg-as/5/"]') == f"{base}/{lang}/meetings/wg-as/5/"
    click(page, ".release-card a.release-title")
    assert click(page, ".chips-topics a").startswith(f"{base}/{lang}/topics/")
    for kind in ("organisations", "people", "meetings", "topics", "timeline"):
        assert click(page, f'nav a[href="/{lang}/{kind}/"]') == f"{base}/{lang}/{kind}/"
    assert page.missing == []


def test_no_internal_link_is_broken(demo):
    output, base = demo
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


def test_wg_as_series_lists_sessions_1_and_5_with_dates_venues_and_releases(page, demo):
    _, base = demo
    page.goto(f"{base}/en/meetings/wg-as/")
    for number, when, where in (("1", "19 March 2024", "Phnom Penh, Cambodia"),
                                ("5", "22 April 2025", "Jakarta, Indonesia")):
        session = page.locator("li.session", has=page.locator(
            f'h3 a[href="/en/meetings/wg-as/{number}/"]'))
        assert f"{when} · {where}" in session.inner_text()
        first = session.locator(".session-releases a").first
        href = first.get_attribute("href")
        first.click()
        page.wait_for_load_state()
        assert page.url == base + href and "/en/releases/" in href
        page.go_back()
    assert page.missing == []


def test_cambodia_page_lists_exactly_the_four_seeds(page, demo):
    output, base = demo
    data = json.loads((output / "data/releases.json").read_text(encoding="utf-8"))["releases"]
    by_url = {r["languages"]["th"]["url"]: r["source_file"].rsplit("/", 1)[-1] for r in data}
    page.goto(f"{base}/th/countries/kh/")
    hrefs = page.locator(".release-card a.release-title").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert {by_url[h] for h in hrefs} == CAMBODIA_SEEDS and len(hrefs) == 4
    dates = page.locator(".release-card time").evaluate_all(
        "ts => ts.map(t => t.getAttribute('datetime'))")
    assert dates == sorted(dates, reverse=True)
    assert re.search(r" 25[6-9]\d$", page.locator(".release-card time").first.inner_text())
