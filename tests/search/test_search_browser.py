"""The search page of the built demo site, driven in Debian's Chromium through Playwright.

Real queries typed into the search boxes; assertions on what ``[data-search-results]`` shows.
Truth comes from the converted release files (front matter and text) of the same build.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from search_harness import serve

from plugins.search.textcode import normalize

pytestmark = pytest.mark.browser
RESULT_LINKS = "els => els.map(e => e.getAttribute('href'))"


@pytest.fixture(scope="module")
def browser_site(demo_site, chromium):
    """``(browser, base URL, pages)``: the shared Chromium and the served demo site."""
    out, pages = demo_site
    with serve(out) as base:
        yield chromium, base, pages


@pytest.fixture
def page(browser_site):
    browser, _, _ = browser_site
    context = browser.new_context()
    yield context.new_page()
    context.close()


def wait_done(page, query: str | None = None) -> None:
    page.wait_for_function(
        "q => { const a = document.querySelector('[data-search-app]');"
        " return a && a.dataset.state === 'done'"
        " && (q === null || new URLSearchParams(location.search).get('q') === q); }",
        arg=query)


def result_slugs(page) -> set[str]:
    """Every result's slug, after pressing "more results" until all are shown."""
    more = page.locator("[data-search-more]")
    while more.count() and more.is_visible():
        shown = page.locator("[data-search-results] li").count()
        more.click()
        page.wait_for_function(
            "n => document.querySelectorAll('[data-search-results] li').length > n", arg=shown)
    hrefs = page.eval_on_selector_all("[data-search-results] li h2 a", RESULT_LINKS)
    return {h.rstrip("/").split("/")[-1] for h in hrefs}


def open_search(page, base: str, lang: str, query: str, extra: str = "") -> set[str]:
    page.goto(f"{base}/{lang}/search/?q={quote(query)}{extra}")
    wait_done(page)
    return result_slugs(page)


def open_filters(page) -> None:
    """Open the filters panel and wait for its facets (they load with it)."""
    page.click("[data-search-filters] summary")
    page.wait_for_selector("[data-facet] input")


def containing(pages, lang: str, word: str) -> set[str]:
    return {slug for slug, (_, text) in pages[lang].items() if normalize(word) in normalize(text)}


def tagged(pages, lang: str, kind: str, value: str) -> set[str]:
    """Releases about the term (its tag list)."""
    return {slug for slug, (meta, _) in pages[lang].items() if value in (meta.get(kind) or [])}


def named(pages, lang: str, kind: str, value: str) -> set[str]:
    """Releases that name the term: about it, or in passing (``mentions``)."""
    return tagged(pages, lang, kind, value) | {
        slug for slug, (meta, _) in pages[lang].items()
        if value in ((meta.get("mentions") or {}).get(kind) or [])}


def test_header_search_box_finds_thai_word_inside_compounds(browser_site, page):
    _, base, pages = browser_site
    expected = containing(pages, "th", "หลอกลวง")
    assert len(expected) >= 5  # the seeds and the real releases of the demo
    page.goto(f"{base}/th/")
    page.fill("header input[name=q]", "หลอกลวง")
    page.press("header input[name=q]", "Enter")
    wait_done(page, "หลอกลวง")
    assert result_slugs(page) == expected
    assert page.locator("[data-search-status]").inner_text().startswith(f"พบ {len(expected)}")


def test_thai_marks_count(browser_site, page):
    _, base, pages = browser_site
    expected = containing(pages, "th", "ม้า")
    assert expected and len(expected) < len(pages["th"])
    assert open_search(page, base, "th", "ม้า") == expected
    marks = page.eval_on_selector_all("[data-search-results] mark",
                                      "els => els.map(e => e.textContent)")
    assert marks and set(marks) == {"ม้า"}


def test_stripped_marks_find_nothing(browser_site, page):
    _, base, _ = browser_site
    assert open_search(page, base, "th", "บญช") == set()
    assert page.locator("[data-search-status]").inner_text() == "ไม่พบข่าวที่ตรงกับคำค้น"


def test_compound_part_found(browser_site, page):
    _, base, pages = browser_site
    assert containing(pages, "th", "เปิดบัญชี")
    # every release that writes it (a release tagged with a term named บัญชีม้า may come too)
    assert containing(pages, "th", "บัญชี") <= open_search(page, base, "th", "บัญชี")


def test_alias_finds_the_releases_that_name_the_term_in_any_spelling(browser_site, page):
    _, base, pages = browser_site
    naming = named(pages, "th", "topics", "call-centre-gangs")  # about it, or in passing
    written = containing(pages, "th", "คอลเซ็นเตอร์")
    other_spelling = containing(pages, "th", "Call Center") - written
    assert other_spelling & naming, "seeds: a release writing only 'Call Center'"
    found = open_search(page, base, "th", "คอลเซ็นเตอร์")
    assert naming | written == found  # the word typed, then (labelled) the term named otherwise


def about_flags(page) -> list[tuple[str, bool]]:
    """``(slug, labelled as expansion)`` of the results shown, in order."""
    shown = page.eval_on_selector_all(
        "[data-search-results] > li",
        "els => els.map(e => [e.querySelector('h2 a').getAttribute('href'), 'about' in e.dataset])")
    return [(href.rstrip("/").split("/")[-1], about) for href, about in shown]


def test_expansion_comes_after_the_word_labelled_and_can_be_turned_off(browser_site, page):
    """A query that is a term's alias lists the releases that contain it, then, labelled, the
    releases that name the term otherwise (about it or in passing); the reader can turn the
    second part off."""
    _, base, pages = browser_site
    direct = containing(pages, "th", "แก๊งคอลเซ็นเตอร์")
    about = named(pages, "th", "topics", "call-centre-gangs") - direct
    assert direct and about, "the seeds should have both kinds for this test"
    open_search(page, base, "th", "แก๊งคอลเซ็นเตอร์")
    shown = about_flags(page)
    assert [slug for slug, flag in shown if not flag] == [s for s, _ in shown[:len(direct)]]
    assert {slug for slug, flag in shown if not flag} == direct
    assert {slug for slug, flag in shown if flag} == about
    note = page.locator("[data-search-about]")
    assert note.is_visible() and "กล่าวถึง" in note.inner_text()
    assert page.locator("[data-about] .search-about-label").count() == len(about)
    page.click("[data-search-about] button")
    page.wait_for_function("location.search.includes('about=0')")
    wait_done(page)
    assert about_flags(page) == [(slug, False) for slug, flag in shown if not flag]
    page.click("[data-search-about] button")  # and back on
    page.wait_for_function("!location.search.includes('about=0')")
    wait_done(page)
    assert about_flags(page) == shown


def test_a_word_that_names_no_term_is_not_expanded(browser_site, page):
    _, base, pages = browser_site
    assert open_search(page, base, "th", "หลอกลวง") == containing(pages, "th", "หลอกลวง")
    assert page.locator("[data-search-about]").is_hidden()
    assert page.locator("[data-about]").count() == 0


@pytest.mark.parametrize("lang, label", [("th", "ภาษาไทย"), ("en", "English pages")])
def test_one_search_box_that_says_what_it_searches(browser_site, page, lang, label):
    _, base, _ = browser_site
    page.goto(f"{base}/{lang}/search/")
    assert page.locator("input[name=q]").count() == 1  # no second box in the header
    assert label in page.locator("label[for=search-q]").inner_text()
    hint = page.locator("#search-hint")
    assert hint.is_visible()
    assert page.get_attribute("#search-q", "aria-describedby") == "search-hint"
    if lang == "en":
        assert "names" in hint.inner_text() and "English" in hint.inner_text()


def test_meeting_alias_spellings(browser_site, page):
    _, base, pages = browser_site
    spaced = containing(pages, "th", "WG – AS") - containing(pages, "th", "WG-AS")
    hyphen = containing(pages, "th", "WG-AS")
    assert spaced and hyphen
    found = open_search(page, base, "th", "WG-AS")
    assert spaced <= found and hyphen <= found
    assert spaced | hyphen <= open_search(page, base, "th", "WG – AS")


def test_cambodia_on_english_side(browser_site, page):
    _, base, pages = browser_site
    expected = named(pages, "en", "countries", "KH")  # its English page names Cambodia
    assert expected
    found = open_search(page, base, "en", "Cambodia")
    assert found == expected
    hrefs = page.eval_on_selector_all("[data-search-results] li h2 a", RESULT_LINKS)
    assert all("/en/releases/" in h for h in hrefs)


def test_result_shows_title_date_excerpt_and_chips(browser_site, page):
    _, base, _ = browser_site
    open_search(page, base, "th", "หลอกลวง")
    first = page.locator("[data-search-results] li").first
    title = first.locator("h2 a").inner_text().strip()
    assert title and re.search(r"[\u0e00-\u0e7f]", title) and "qj" not in title  # decoded
    assert first.locator("time").get_attribute("datetime")
    assert first.locator(".search-excerpt mark").count() >= 1
    assert first.locator(".chips li").count() >= 1
    assert "\u200b" not in page.content()


@pytest.mark.parametrize("facet, kind", [("country", "countries"), ("topic", "topics")])
def test_facet_counts_and_filtering(browser_site, page, facet, kind):
    _, base, pages = browser_site
    open_search(page, base, "th", "หลอกลวง")
    open_filters(page)
    box = page.locator(f"[data-facet={facet}]")
    value = box.locator("input").first.get_attribute("value")
    expected = tagged(pages, "th", kind, value) & containing(pages, "th", "หลอกลวง")
    count = box.locator(f"label:has(input[value='{value}']) .count").get_attribute("data-count")
    assert int(count) == len(expected)
    box.locator(f"input[value='{value}']").check()
    page.wait_for_function(f"location.search.includes('{facet}=')")
    wait_done(page)
    assert result_slugs(page) == expected


def test_facets_combine_and_live_in_the_url(browser_site, page):
    _, base, pages = browser_site
    slug, (meta, _) = sorted(pages["th"].items())[0]
    country, year = meta["countries"][0], str(meta["date"])[:4]
    found = open_search(page, base, "th", "หลอกลวง", f"&country={country}&year={year}")
    expected = {s for s in tagged(pages, "th", "countries", country)
                if str(pages["th"][s][0]["date"]).startswith(year)}
    assert found == expected & containing(pages, "th", "หลอกลวง")
    assert page.locator(f"[data-facet=country] input[value='{country}']").is_checked()
    assert page.locator(f"[data-facet=year] input[value='{year}']").is_checked()
    for facet in ("country", "meeting", "topic", "year"):
        assert page.locator(f"[data-facet={facet}]").count() == 1, facet
    # every seed's original is Thai: a one-option filter is not offered
    assert {meta["lang"] for meta, _ in pages["th"].values()} == {"th"}
    assert page.locator("[data-facet=language]").count() == 0


def test_filter_index_loads_only_with_the_filters_panel(browser_site, page):
    _, base, pages = browser_site
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(request.url))
    found = open_search(page, base, "th", "หลอกลวง")
    assert found and not any("/pagefind/filter/" in url for url in fetched)
    assert page.locator("[data-search-filters]").get_attribute("open") is None
    assert page.locator("[data-facet]").count() == 0
    open_filters(page)
    assert any("/pagefind/filter/" in url for url in fetched)
    assert result_slugs(page) == found  # opening the panel leaves the results as they were
    counts = page.eval_on_selector_all(
        "[data-facet=year] .count", "els => els.map(e => Number(e.dataset.count))")
    assert sum(counts) == len(found)  # one year per release


def test_filters_panel_without_a_query_offers_every_filter(browser_site, page):
    _, base, pages = browser_site
    page.goto(f"{base}/en/search/")
    page.wait_for_function("document.querySelector('[data-search-app]').dataset.state === 'idle'")
    open_filters(page)
    counts = page.eval_on_selector_all(
        "[data-facet=year] .count", "els => els.map(e => Number(e.dataset.count))")
    assert sum(counts) == len(pages["en"])
    page.locator("[data-facet=year] input").first.check()
    page.wait_for_function("location.search.includes('year=')")
    wait_done(page)
    year = page.locator("[data-facet=year] input:checked").get_attribute("value")
    assert result_slugs(page) == {s for s, (meta, _) in pages["en"].items()
                                  if str(meta["date"]).startswith(year)}


def test_query_from_url_on_load_and_typing_updates_url(browser_site, page):
    _, base, _ = browser_site
    open_search(page, base, "th", "ม้า")
    assert page.input_value("#search-q") == "ม้า"
    page.fill("#search-q", "กัมพูชา")
    wait_done(page, "กัมพูชา")
    assert result_slugs(page)


def test_without_javascript_the_page_says_so(browser_site):
    browser, base, _ = browser_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}/en/search/?q=Cambodia")
    note = page.locator("[data-search-noscript]")
    assert "JavaScript" in note.inner_text()
    links = note.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert {link.rstrip("/").split("/")[-1] for link in links} == {
        "countries", "meetings", "topics", "timeline"}
    assert not page.locator("[data-search-app]").is_visible()
    context.close()


def test_keyboard_filtering_keeps_focus_and_announces_counts(browser_site, page):
    _, base, _ = browser_site
    open_search(page, base, "th", "หลอกลวง")
    assert page.get_attribute("[data-search-status]", "aria-live") == "polite"
    assert page.locator("label[for=search-q]").count() == 1
    page.focus("[data-search-filters] summary")
    page.keyboard.press("Enter")  # the panel opens from the keyboard too
    page.wait_for_selector("[data-facet=country] input")
    box = page.locator("[data-facet=country] input").first
    value = box.get_attribute("value")
    box.focus()
    page.keyboard.press("Space")
    page.wait_for_function(f"location.search.includes('country={value}')")
    wait_done(page)
    focused = page.evaluate("[document.activeElement.name, document.activeElement.value]")
    assert focused == ["country", value]
    assert page.locator("[data-search-status]").inner_text().startswith("พบ")


def test_about_releases_wait_until_they_are_due(chromium, tmp_path):
    """With a page of direct matches, the about-releases are searched for (their index chunk
    fetched) only when the reader asks for more; then they follow, labelled, and are counted."""
    from search_harness import search_page

    from briefing.taxonomy import load_taxonomy
    from plugins.search.index import SearchRecord, build_index

    records = [SearchRecord(url=f"th/releases/2024-01-01-{n}/", lang="th", title=f"ข่าว {n}",
                            date="2024-01-01", text=f"ความร่วมมือกับกัมพูชา ครั้งที่ {n}",
                            about=["countries:KH"]) for n in range(12)]
    records += [SearchRecord(url=f"th/releases/2024-01-02-{n}/", lang="th", title=f"ข่าว {n}",
                             date="2024-01-02", text="ความร่วมมือที่ปอยเปต", about=["countries:KH"])
                for n in range(2)]
    build_index(records, tmp_path)
    search_page(tmp_path, "th", load_taxonomy(Path(__file__).resolve().parents[2] / "content"
                                              / "taxonomy"))
    with serve(tmp_path) as base:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(f"{base}/th/search/?q={quote('กัมพูชา')}")
        wait_done(page)
        assert page.locator("[data-search-results] > li").count() == 10
        assert page.locator("[data-about]").count() == 0
        note = page.locator("[data-search-about]").inner_text()
        assert "กัมพูชา" in note and "ต่อจาก" in note  # they follow; not counted yet
        page.click("[data-search-more]")
        page.wait_for_function("document.querySelectorAll('[data-search-results] > li')"
                               ".length === 14")
        flags = page.eval_on_selector_all("[data-search-results] > li",
                                          "els => els.map(e => 'about' in e.dataset)")
        assert flags == [False] * 12 + [True] * 2
        assert "2" in page.locator("[data-search-about]").inner_text()
        context.close()
