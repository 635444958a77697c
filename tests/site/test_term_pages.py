"""Term pages, indexes, sessions and the timeline of a tiny site, in both languages."""

from __future__ import annotations

import pytest
from site_build import build_site, pair
from site_html import find_all, json_ld, links, page, text

SVG = "{http://www.w3.org/2000/svg}"
CAMBODIA = ["2024-03-24-80784", "2024-03-07-80000", "2023-08-25-70000"]  # newest first


def release_links(tree, lang):
    cards = find_all(tree, "li", "release-card")
    return [links(card)[0] for card in cards]


def test_country_page_lists_exactly_its_releases_newest_first(tiny_site):
    for lang in ("th", "en"):
        tree = page(tiny_site, f"{lang}/countries/kh/")
        assert release_links(tree, lang) == [f"/{lang}/releases/{slug}/" for slug in CAMBODIA]


def test_releases_that_only_mention_a_term_are_listed_apart(tiny_site):
    for lang in ("th", "en"):
        tree = page(tiny_site, f"{lang}/countries/kh/")
        mentioned = find_all(tree, "section", "mentioned-in")[0]
        assert links(mentioned) == [f"/{lang}/releases/2025-04-23-90000/"]
        assert f"/{lang}/releases/2025-04-23-90000/" not in release_links(tree, lang)
    stats = text(find_all(page(tiny_site, "en/countries/kh/"), "p", "term-stats")[0])
    assert "3 releases" in stats and "1 more mentions it" in stats
    assert "อีก 1 ข่าวกล่าวถึง" in text(find_all(page(tiny_site, "th/countries/kh/"), "p",
                                                     "term-stats")[0])
    person = page(tiny_site, "en/people/wisit/")  # about in one release, mentioned in another
    assert len(release_links(person, "en")) == 1
    assert links(find_all(person, "section", "mentioned-in")[0]) == [
        "/en/releases/2025-04-23-90000/"]


def test_release_page_names_its_type_and_what_it_mentions(tiny_site):
    tree = page(tiny_site, "en/releases/2025-04-23-90000/")
    assert text(find_all(tree, "span", "release-type")[0]) == "Meeting"
    assert text(find_all(page(tiny_site, "th/releases/2025-04-23-90000/"), "span",
                         "release-type")[0]) == "การประชุม"
    mentions = find_all(tree, "details", "mentions")[0]
    assert "/en/countries/kh/" in links(mentions) and "/en/people/wisit/" in links(mentions)


def test_country_page_has_bilingual_name_intro_map_and_feed(tiny_site):
    tree = page(tiny_site, "en/countries/kh/")
    h1 = find_all(tree, "h1")[0]
    assert text(h1) == "Cambodia"
    alt = find_all(tree, "p", "term-alt-name")[0]
    assert text(alt) == "กัมพูชา" and alt.get("lang") == "th"
    assert "Cambodia" in text(find_all(tree, "p", "lead")[0])
    svg = next(tree.iter(SVG + "svg"))
    current = [a for a in svg.iter(SVG + "a") if "map-current" in a.get("class")]
    assert [text(a) for a in current] == ["Cambodia"]
    assert "/en/feeds/countries/kh/feed.atom.xml" in links(tree)
    related = text(find_all(tree, "section", "related-terms")[0])
    assert "Thailand" in related and "Online scams" in related


def test_indexes_show_counts_in_both_languages(tiny_site):
    en = page(tiny_site, "en/countries/")
    cards = {text(c.find(".//span[@class='term-name']")): text(c.find(".//span[@class='count']"))
             for c in find_all(en, "li", "term-card")}
    assert cards["Cambodia"] == "3 releases" and cards["Indonesia"] == "1 release"
    th = page(tiny_site, "th/countries/")
    counts = [text(c) for c in find_all(th, "span", "count")]
    assert "3 ข่าว" in counts
    for kind in ("meetings", "topics", "organisations", "people"):
        for lang in ("th", "en"):
            assert find_all(page(tiny_site, f"{lang}/{kind}/"), "li", "term-card")


def test_terms_without_releases_are_listed_apart_from_the_populated_ones(tiny_site):
    for lang, laos, heading in (("en", "Laos", "No releases yet"), ("th", "ลาว", "ยังไม่มีข่าว")):
        tree = page(tiny_site, f"{lang}/countries/")
        cards = find_all(tree, "li", "term-card")
        assert f"/{lang}/countries/la/" not in [href for c in cards for href in links(c)]
        assert all(text(c.find(".//span[@class='count']"))[0] != "0" for c in cards)
        (empty,) = find_all(tree, "section", "terms-empty")
        assert text(empty.find(".//h2")) == heading
        assert [text(li).split(" (")[0] for li in empty.iter("li")] == [laos]
        assert links(empty) == [f"/{lang}/countries/la/"]  # apart, with no count
        assert "0" not in text(empty)
        assert (tiny_site / lang / "countries/la/index.html").is_file(), "the page stays"
    assert find_all(page(tiny_site, "en/topics/"), "section", "terms-empty") == []


def test_meeting_series_lists_sessions_with_dates_venues_and_releases(tiny_site):
    tree = page(tiny_site, "en/meetings/wg-as/")
    sessions = find_all(tree, "li", "session")
    assert [text(s.find(".//h3")) for s in sessions] == [
        "Session 1 held", "Session 5 held", "Session 9 mentioned"]
    first, fifth, ninth = sessions
    assert "19 March 2024 · Phnom Penh, Cambodia" in text(first)
    assert "/en/releases/2024-03-24-80784/" in links(first)
    assert "22 April 2025 · Jakarta, Indonesia" in text(fifth)
    assert "/en/releases/2025-04-23-90000/" in links(fifth)
    assert "Details not yet recorded" in text(ninth)
    series = [d for d in json_ld(tree) if d["@type"] == "EventSeries"][0]
    assert series["name"] == "ASEAN Working Group on Anti-Online Scams"
    assert [e["startDate"] for e in series["subEvent"]] == ["2024-03-19", "2025-04-22"]
    assert series["subEvent"][0]["location"]["name"] == "Phnom Penh"
    th = page(tiny_site, "th/meetings/wg-as/")
    assert "19 มีนาคม 2567 · กรุงพนมเปญ, กัมพูชา" in text(find_all(th, "li", "session")[0])


def test_session_page_has_event_data_and_releases(tiny_site):
    tree = page(tiny_site, "en/meetings/wg-as/5/")
    event = [d for d in json_ld(tree) if d["@type"] == "Event"][0]
    assert event["startDate"] == "2025-04-22"
    assert event["location"]["address"]["addressCountry"] == "ID"
    assert release_links(tree, "en") == ["/en/releases/2025-04-23-90000/"]
    assert page(tiny_site, "th/meetings/wg-as/9/") is not None


def test_person_and_organisation_pages(tiny_site):
    person = page(tiny_site, "en/people/wisit/")
    assert "Permanent Secretary, MDES" in text(person)
    assert release_links(person, "en") == ["/en/releases/2024-03-24-80784/"]
    org = page(tiny_site, "th/organisations/mdes/")
    assert text(find_all(org, "h1")[0]) == "กระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม"


def test_timeline_is_split_by_year_newest_first(tiny_site):
    tree = page(tiny_site, "th/timeline/2025/")  # a year, linking every year with its releases
    nav = find_all(tree, "nav", "year-nav")[0]
    assert [text(a) for a in nav.iter("a")] == ["2568 1 ข่าว", "2567 2 ข่าว", "2566 1 ข่าว"]  # BE
    assert links(nav) == [f"/th/timeline/{year}/" for year in (2025, 2024, 2023)]
    assert [text(h) for h in tree.iter("h2")] == ["เมษายน 2568"]  # grouped by month
    assert find_all(tree, "nav", "pagination") == []  # one page a year: no page navigation
    en = page(tiny_site, "en/timeline/2024/")
    assert text(find_all(en, "h1")[0]) == "Timeline: 2024"
    assert [text(h) for h in en.iter("h2")] == ["March 2024"]
    items = [text(li) for li in find_all(en, "li", "timeline-session")]
    assert any("WG-AS · Session 1" in item and "19 March 2024" in item for item in items)
    releases = [len(find_all(page(tiny_site, f"en/timeline/{year}/"), "li", "timeline-release"))
                for year in (2025, 2024, 2023)]
    assert releases == [1, 2, 1]


BARE = "2025-06-10-95000"  # names WG-AS without a session: tagged with the bare series id


@pytest.fixture(scope="module")
def bare_site(tmp_path_factory):
    """The tiny site plus one release tagged ``wg-as`` (no session), as the converter writes it."""
    releases = pair("2024-03-24-80784", "2024-03-24", "ดีอี เป็นประธาน WG-AS", "MDES chairs WG-AS",
                    countries=["KH", "TH"], topics=["online-scams"], meetings=["wg-as/1"],
                    meeting_status={"wg-as/1": "held"})
    releases += pair("2025-04-23-90000", "2025-04-23", "ประชุม WG-AS ครั้งที่ 5", "WG-AS 5th meeting",
                     countries=["ID", "TH"], topics=["online-scams"], meetings=["wg-as/5"],
                     meeting_status={"wg-as/5": "held"})
    releases += pair(BARE, "2025-06-10", "ไทยหารือแนวทางของคณะทำงาน WG-AS", "Thailand on WG-AS",
                     countries=["TH"], topics=["online-scams"], meetings=["wg-as"],
                     meeting_status={"wg-as": "mentioned"})
    return build_site(tmp_path_factory.mktemp("bare"), releases)


def test_series_page_lists_a_bare_series_release_apart_from_the_sessions(bare_site):
    tree = page(bare_site, "en/meetings/wg-as/")
    sessions = find_all(tree, "li", "session")
    assert [text(s.find(".//h3")) for s in sessions] == [
        "Session 1 held", "Session 5 held"]  # no empty session row for the bare series
    assert all(f"/en/releases/{BARE}/" not in links(s) for s in sessions)
    (other,) = find_all(tree, "section", "series-only")
    assert text(other.find(".//h2")) == "Other releases about this series"
    assert links(other) == [f"/en/releases/{BARE}/"]
    assert "mentioned" in text(other).lower()
    assert f"/en/releases/{BARE}/" in release_links(tree, "en")  # and in the full list
    th = find_all(page(bare_site, "th/meetings/wg-as/"), "section", "series-only")[0]
    assert text(th.find(".//h2")) == "ข่าวอื่นเกี่ยวกับการประชุมชุดนี้"
    assert links(th) == [f"/th/releases/{BARE}/"]


def test_series_without_bare_releases_has_no_other_releases_section(tiny_site):
    assert find_all(page(tiny_site, "en/meetings/wg-as/"), "section", "series-only") == []


def test_meetings_index_counts_bare_series_releases(bare_site):
    for lang, expected in (("en", "3 releases"), ("th", "3 ข่าว")):
        cards = find_all(page(bare_site, f"{lang}/meetings/"), "li", "term-card")
        (wg_as,) = [c for c in cards if f"/{lang}/meetings/wg-as/" in links(c)]
        assert text(wg_as.find(".//span[@class='count']")) == expected


def test_release_page_shows_the_series_without_a_session_and_its_neighbours(bare_site):
    tree = page(bare_site, f"en/releases/{BARE}/")
    (item,) = find_all(find_all(tree, "ul", "fact-list")[0], "li")
    assert links(item) == ["/en/meetings/wg-as/"]  # no session link
    assert "Session" not in text(item) and "mentioned" in text(item)
    nav = find_all(tree, "nav", "series-nav")[0]
    assert "/en/releases/2025-04-23-90000/" in links(nav)  # previous in the series
    assert f"/en/releases/{BARE}/" in links(
        find_all(page(bare_site, "en/releases/2025-04-23-90000/"), "nav", "series-nav")[0])
    related = find_all(tree, "section", "related")[0]
    assert "/en/releases/2025-04-23-90000/" in links(related)


def canonical(tree) -> str:
    (href,) = [lk.get("href") for lk in tree.iter("link") if lk.get("rel") == "canonical"]
    return href


def test_timeline_index_is_its_own_page_not_a_copy_of_the_newest_year(tiny_site):
    for lang, years, sessions in (
        ("en", ["2025 1 release · 1 meeting session", "2024 2 releases · 1 meeting session",
                "2023 1 release"], "Session 5"),
        ("th", ["2568 1 ข่าว · การประชุม 1 ครั้ง", "2567 2 ข่าว · การประชุม 1 ครั้ง", "2566 1 ข่าว"],
         "ครั้งที่ 5"),
    ):
        home = page(tiny_site, f"{lang}/timeline/")
        newest = page(tiny_site, f"{lang}/timeline/2025/")
        assert canonical(home) == f"/{lang}/timeline/"
        assert canonical(newest) == f"/{lang}/timeline/2025/"
        assert text(find_all(home, "h1")[0]) != text(find_all(newest, "h1")[0])
        nav = find_all(home, "nav", "year-nav")[0]
        assert [text(li) for li in nav.iter("li")] == years  # every year, releases and sessions
        (latest,) = find_all(home, "section", "timeline-latest")
        items = find_all(latest, "li")  # the newest entries across years, newest first
        assert len(items) == 6 and sessions in text(items[1])  # the session of 22 April
        assert links(items[-1]) == [f"/{lang}/releases/2023-08-25-70000/"]
        assert links(find_all(latest, "p", "more")[0]) == [f"/{lang}/timeline/2025/"]
        assert find_all(newest, "section", "timeline-latest") == []
