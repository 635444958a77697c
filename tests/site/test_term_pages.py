"""Term pages, indexes, sessions and the timeline of a tiny site, in both languages."""

from __future__ import annotations

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


def test_timeline_merges_sessions_and_releases_by_year(tiny_site):
    tree = page(tiny_site, "th/timeline/")
    years = [text(h) for h in tree.iter("h2")]
    assert years == ["2568", "2567", "2566"]  # Buddhist Era years, newest first
    en = page(tiny_site, "en/timeline/")
    items = [text(li) for li in find_all(en, "li", "timeline-session")]
    assert any("WG-AS · Session 1" in item and "19 March 2024" in item for item in items)
    assert len(find_all(en, "li", "timeline-release")) == 4
