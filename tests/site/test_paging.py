"""Paged term, session and timeline pages: a tiny site with page sizes of 3, in both languages.

Seven releases share every tag (Cambodia, WG-AS session 1, a topic, an organisation, a person)
and span 2022–2024, so every term list runs to three pages (3 + 3 + 1) and the 2024 timeline to
two. The tests follow the pages a reader can reach and check URLs, headings, navigation,
``rel=prev/next``, canonical and hreflang links, the "by year" jump list, the sitemap, and that
every release is listed exactly once.
"""

from __future__ import annotations

from datetime import date

import html_gate
import pytest
from site_build import build_site, pair
from site_html import find_all, links, page, text

from briefing.site.paging import year_jumps

DAYS = ["2024-11-05", "2024-08-20", "2024-03-24", "2024-01-10", "2023-09-01", "2023-02-14",
        "2022-06-30"]  # newest first
SLUGS = [f"{day}-{70000 + at}" for at, day in enumerate(DAYS)]
TAGS = {"countries": ["KH"], "topics": ["online-scams"], "organisations": ["mdes"],
        "people": ["wisit"], "meetings": ["wg-as/1"], "meeting_status": {"wg-as/1": "held"}}
TERMS = ["countries/kh", "meetings/wg-as", "meetings/wg-as/1", "topics/online-scams",
         "organisations/mdes", "people/wisit"]


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory):
    releases = []
    for slug, day in zip(SLUGS, DAYS, strict=True):
        releases += pair(slug, day, f"ข่าว {slug}", f"News {slug}", **TAGS)
    return build_site(tmp_path_factory.mktemp("paged"), releases,
                      TERM_PAGE_SIZE=3, TIMELINE_PAGE_SIZE=3)


def head_link(tree, rel: str) -> str | None:
    found = [e.get("href") for e in tree.iter("link") if e.get("rel") == rel]
    return found[0] if found else None


def alternates(tree) -> dict[str, str]:
    return {e.get("hreflang"): e.get("href") for e in tree.iter("link")
            if e.get("rel") == "alternate" and e.get("hreflang")}


def follow(output, url: str) -> list[str]:
    """Site-relative URLs of a list's pages, from ``url`` following ``rel=next``."""
    urls = []
    while url:
        urls.append(url)
        nxt = head_link(page(output, url), "next")
        url = nxt.lstrip("/") if nxt else None
    return urls


def cards(tree) -> list[str]:
    return [links(card)[0] for card in find_all(tree, "li", "release-card")]


@pytest.mark.parametrize("term", TERMS)
@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_term_list_is_paged_and_lists_each_release_once(paged_site, term, lang):
    base = f"{lang}/{term}/"
    urls = follow(paged_site, base)
    assert urls == [base, base + "page/2/", base + "page/3/"]
    listed = [href for url in urls for href in cards(page(paged_site, url))]
    assert listed == [f"/{lang}/releases/{slug}/" for slug in SLUGS]  # once each, newest first
    assert not (paged_site / base / "page/4").exists()
    assert not (paged_site / base / "page/1").exists()  # page 1 keeps the list's own URL


def test_a_middle_page_has_its_heading_navigation_and_links(paged_site):
    tree = page(paged_site, "en/countries/kh/page/2/")
    assert text(find_all(tree, "h1")[0]) == "Cambodia page 2 of 3"
    assert head_link(tree, "canonical") == "/en/countries/kh/page/2/"
    assert head_link(tree, "prev") == "/en/countries/kh/"
    assert head_link(tree, "next") == "/en/countries/kh/page/3/"
    assert alternates(tree) == {"en": "/en/countries/kh/page/2/", "th": "/th/countries/kh/page/2/",
                                "x-default": "/"}
    (nav,) = find_all(tree, "nav", "pagination")
    assert nav.get("aria-label") == "Pages of Cambodia"
    assert links(nav) == ["/en/countries/kh/", "/en/countries/kh/", "/en/countries/kh/page/2/",
                          "/en/countries/kh/page/3/", "/en/countries/kh/page/3/"]
    current = [a for a in nav.iter("a") if a.get("aria-current") == "page"]
    assert [text(a) for a in current] == ["Page 2"]
    assert {a.get("rel") for a in nav.iter("a")} >= {"prev", "next"}
    assert "/en/countries/kh/" in links(find_all(tree, "nav", "breadcrumbs")[0])  # back to page 1
    assert "Releases 4–6 of 7" in text(find_all(tree, "p", "term-stats")[0])
    th = page(paged_site, "th/countries/kh/page/2/")
    assert text(find_all(th, "h1")[0]) == "กัมพูชา หน้า 2 จาก 3"
    assert find_all(th, "nav", "pagination")[0].get("aria-label") == "หน้ารายการ กัมพูชา"


def test_first_and_last_pages_link_one_way(paged_site):
    first = page(paged_site, "th/topics/online-scams/")
    assert head_link(first, "prev") is None
    assert head_link(first, "next") == "/th/topics/online-scams/page/2/"
    assert head_link(first, "canonical") == "/th/topics/online-scams/"
    last = page(paged_site, "th/topics/online-scams/page/3/")
    assert head_link(last, "next") is None
    assert head_link(last, "prev") == "/th/topics/online-scams/page/2/"


def test_intro_map_related_and_feed_only_on_the_first_page(paged_site):
    first = page(paged_site, "en/countries/kh/")
    assert find_all(first, "figure", "country-map") and find_all(first, "section", "related-terms")
    assert "/en/feeds/countries/kh/feed.atom.xml" in links(first)
    assert "7 releases" in text(find_all(first, "p", "term-stats")[0])  # the total
    later = page(paged_site, "en/countries/kh/page/3/")
    assert find_all(later, "figure", "country-map") == []
    assert find_all(later, "section", "related-terms") == []
    assert find_all(later, "p", "lead") == []
    assert find_all(page(paged_site, "en/meetings/wg-as/page/2/"), "section", "sessions") == []
    assert find_all(page(paged_site, "en/meetings/wg-as/"), "section", "sessions")


def test_year_jump_list_leads_to_where_each_year_starts(paged_site):
    for lang, labels in (("en", ["2024 4 releases", "2023 2 releases", "2022 1 release"]),
                         ("th", ["2567 4 ข่าว", "2566 2 ข่าว", "2565 1 ข่าว"])):
        (jumps,) = find_all(page(paged_site, f"{lang}/countries/kh/"), "nav", "year-jumps")
        assert [text(a) for a in jumps.iter("a")] == labels
        hrefs = links(jumps)
        assert hrefs == [f"/{lang}/countries/kh/#y2024", f"/{lang}/countries/kh/page/2/#y2023",
                         f"/{lang}/countries/kh/page/3/#y2022"]
        for href in hrefs:  # the anchor is the first release of that year, on that page
            url, anchor = href.lstrip("/").split("#")
            target = [c for c in find_all(page(paged_site, url), "li", "release-card")
                      if c.get("id") == anchor]
            assert len(target) == 1 and anchor[1:] in links(target[0])[0]
    assert find_all(page(paged_site, "en/countries/kh/page/2/"), "nav", "year-jumps") == []


def test_year_jumps_count_and_place_each_year():
    days = [date(2024, 5, 1), date(2024, 1, 1), date(2023, 7, 1), date(2021, 1, 1)]
    assert year_jumps(days, 2) == [
        {"year": 2024, "count": 2, "page": 1, "anchor": "y2024"},
        {"year": 2023, "count": 1, "page": 2, "anchor": "y2023"},
        {"year": 2021, "count": 1, "page": 2, "anchor": "y2021"},
    ]
    assert [j["page"] for j in year_jumps(days, None)] == [1, 1, 1]


def test_indexes_count_every_release_not_the_first_page(paged_site):
    for lang, expected in (("en", "7 releases"), ("th", "7 ข่าว")):
        for kind, term in (("countries", "kh"), ("meetings", "wg-as"), ("people", "wisit")):
            cards_ = find_all(page(paged_site, f"{lang}/{kind}/"), "li", "term-card")
            (card,) = [c for c in cards_ if f"/{lang}/{kind}/{term}/" in links(c)]
            assert text(card.find(".//span[@class='count']")) == expected


def test_sitemap_lists_every_page_with_its_twin(paged_site):
    sitemap = (paged_site / "sitemap.xml").read_text(encoding="utf-8")
    for url in ("en/countries/kh/page/3/", "th/meetings/wg-as/1/page/2/",
                "en/timeline/2024/page/2/", "th/people/wisit/page/2/"):
        assert f"<loc>http://localhost:8000/{url}</loc>" in sitemap
    twin = 'hreflang="th" href="http://localhost:8000/th/countries/kh/page/3/"'
    assert twin in sitemap


def test_timeline_years_are_paged_and_list_each_release_once(paged_site):
    for lang in ("th", "en"):
        home = page(paged_site, f"{lang}/timeline/")
        nav = find_all(home, "nav", "year-nav")[0]
        assert links(nav) == [f"/{lang}/timeline/{year}/" for year in (2025, 2024, 2023, 2022)]
        assert [text(a).split()[1] for a in nav.iter("a")] == ["0", "4", "2", "1"]
        assert follow(paged_site, f"{lang}/timeline/2024/") == [
            f"{lang}/timeline/2024/", f"{lang}/timeline/2024/page/2/"]
        listed = []
        for year in (2025, 2024, 2023, 2022):
            for url in follow(paged_site, f"{lang}/timeline/{year}/"):
                tree = page(paged_site, url)
                listed += [links(li)[0] for li in find_all(tree, "li", "timeline-release")]
        assert listed == [f"/{lang}/releases/{slug}/" for slug in SLUGS]
    year = page(paged_site, "en/timeline/2024/")
    assert text(find_all(year, "h1")[0]) == "Timeline: 2024 page 1 of 2"
    assert [text(h) for h in year.iter("h2")] == ["November 2024", "August 2024", "March 2024"]
    months = find_all(year, "nav", "year-jumps")[0]
    assert [text(a) for a in months.iter("a")] == [
        "November 2024 1 release", "August 2024 1 release", "March 2024 1 release",
        "January 2024 1 release"]  # releases only: the March session is not counted
    assert links(months) == ["/en/timeline/2024/#m2024-11", "/en/timeline/2024/#m2024-08",
                             "/en/timeline/2024/#m2024-03", "/en/timeline/2024/page/2/#m2024-01"]
    later = page(paged_site, "th/timeline/2024/page/2/")
    assert head_link(later, "prev") == "/th/timeline/2024/"
    assert alternates(later)["en"] == "/en/timeline/2024/page/2/"
    assert [text(h) for h in later.iter("h2")] == ["มีนาคม 2567", "มกราคม 2567"]
    assert "WG-AS · ครั้งที่ 1" in text(find_all(later, "li", "timeline-session")[0])


def test_one_page_lists_have_no_page_navigation(tiny_site):
    for url in ("en/countries/kh/", "th/meetings/wg-as/", "en/meetings/wg-as/1/", "th/timeline/",
                "en/timeline/2024/"):
        tree = page(tiny_site, url)
        assert find_all(tree, "nav", "pagination") == []
        assert find_all(tree, "nav", "year-jumps") == []
        assert head_link(tree, "prev") is None and head_link(tree, "next") is None
        assert "page 1 of 1" not in text(tree) and "หน้า 1 จาก 1" not in text(tree)
    assert not (tiny_site / "en/countries/kh/page").exists()


def test_paged_pages_are_valid_html(paged_site):
    problems = html_gate.vnu_errors(paged_site)
    for path in sorted(paged_site.glob("*/*/**/page/*/index.html")):
        problems += html_gate.structure_problems(paged_site, path)
    assert problems == []
