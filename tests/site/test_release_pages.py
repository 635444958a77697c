"""Release pages, homes and the landing page of the tiny site: links, dates, badges, SEO, hooks."""

from __future__ import annotations

from site_html import find_all, json_ld, links, page, text

SLUG = "2024-03-24-80784"


def test_translations_link_both_ways(tiny_site):
    th = page(tiny_site, f"th/releases/{SLUG}/")
    en = page(tiny_site, f"en/releases/{SLUG}/")
    assert f"/en/releases/{SLUG}/" in links(find_all(th, "p", "translation-link")[0])
    assert f"/th/releases/{SLUG}/" in links(find_all(en, "p", "translation-link")[0])
    for tree, lang in ((th, "th"), (en, "en")):
        assert tree.get("lang") == lang
        alternates = {link.get("hreflang"): link.get("href") for link in tree.iter("link")
                      if link.get("rel") == "alternate" and link.get("hreflang")}
        assert alternates == {"th": f"/th/releases/{SLUG}/", "en": f"/en/releases/{SLUG}/",
                              "x-default": "/"}
        switch = find_all(tree, "a", "lang-switch")[0]
        assert switch.get("href") == alternates["en" if lang == "th" else "th"]


def test_dates_thai_buddhist_era_and_english(tiny_site):
    th = page(tiny_site, f"th/releases/{SLUG}/")
    en = page(tiny_site, f"en/releases/{SLUG}/")
    assert "เผยแพร่ 24 มีนาคม 2567" in text(find_all(th, "p", "dates")[0])
    assert "Published 24 March 2024" in text(find_all(en, "p", "dates")[0])
    assert "Event 19 March 2024" in text(find_all(en, "p", "dates")[0])


def test_release_page_facts_source_chips_and_cite(tiny_site):
    en = page(tiny_site, f"en/releases/{SLUG}/")
    facts = find_all(en, "section", "facts")[0]
    assert "338 participants" in text(facts)
    assert "Session 1, 19 March 2024, Phnom Penh held" in text(facts)
    assert {"/en/countries/kh/", "/en/meetings/wg-as/", "/en/topics/mou/",
            "/en/organisations/mdes/", "/en/people/wisit/"} <= set(links(facts))
    th = page(tiny_site, f"th/releases/{SLUG}/")
    assert "338 คน" in text(find_all(th, "section", "facts")[0])
    source = find_all(en, "section", "source")[0]
    assert "ab" * 32 in text(source)
    assert "https://www.thaigov.go.th/news/contents/details/80784" in links(source)
    assert "MDES chairs WG-AS" in text(find_all(en, "section", "cite")[0])


def test_series_navigation_and_related_releases(tiny_site):
    en = page(tiny_site, f"en/releases/{SLUG}/")
    nav = find_all(en, "nav", "series-nav")[0]
    assert links(nav) == ["/en/meetings/wg-as/", "/en/releases/2024-03-07-80000/",
                          "/en/releases/2025-04-23-90000/"]
    related = links(find_all(en, "section", "related")[0])
    assert related[0] in ("/en/releases/2024-03-07-80000/", "/en/releases/2025-04-23-90000/")
    assert f"/en/releases/{SLUG}/" not in related


def test_translation_badges_are_honest(tiny_site):
    machine = text(find_all(page(tiny_site, f"en/releases/{SLUG}/"), "p", "translation-status")[0])
    assert machine == "Machine-made English from extracted data"
    outdated = page(tiny_site, "en/releases/2023-08-25-70000/")
    badges = text(find_all(outdated, "p", "translation-status")[0])
    assert "Translation may be out of date" in badges
    assert not find_all(page(tiny_site, f"th/releases/{SLUG}/"), "p", "translation-status")


def test_seo_and_json_ld(tiny_site):
    en = page(tiny_site, f"en/releases/{SLUG}/")
    head = {m.get("property") or m.get("name"): m.get("content") for m in en.iter("meta")}
    assert head["og:type"] == "article" and head["og:title"] == "MDES chairs WG-AS"
    assert head["description"] == "Summary of MDES chairs WG-AS."
    canonical = [lk.get("href") for lk in en.iter("link") if lk.get("rel") == "canonical"]
    assert canonical == [f"/en/releases/{SLUG}/"]
    article = [d for d in json_ld(en) if d["@type"] == "NewsArticle"][0]
    assert article["datePublished"] == "2024-03-24" and article["inLanguage"] == "en"
    assert "Cambodia" in article["contentLocation"]


def test_search_hooks_only_release_pages_are_indexed(tiny_site):
    for url in (f"th/releases/{SLUG}/", "en/countries/kh/", "th/", "en/timeline/"):
        tree = page(tiny_site, url)
        form = [f for f in tree.iter("form") if f.get("role") == "search"][0]
        lang = url[:2]
        assert form.get("action") == f"/{lang}/search/"
        assert [i.get("name") for i in form.iter("input")] == ["q"]
        bodies = [e for e in tree.iter() if e.get("data-pagefind-body") is not None]
        assert len(bodies) == (1 if "releases" in url else 0)


def test_ui_strings_come_from_the_page_language_catalogue(tiny_site):
    th_nav = [text(a) for a in page(tiny_site, "th/").find(".//nav").iter("a")]
    en_nav = [text(a) for a in page(tiny_site, "en/").find(".//nav").iter("a")]
    assert th_nav[:2] == ["ประเทศ", "การประชุม"]
    assert en_nav[:2] == ["Countries", "Meetings"]


def test_homes_and_landing(tiny_site):
    landing = page(tiny_site, "")
    assert {"/th/", "/en/"} <= set(links(landing))
    sections = {s.get("lang"): s for s in find_all(landing, "section", "landing-lang")}
    assert set(sections) == {"th", "en"}
    assert "/th/releases/2025-04-23-90000/" == links(sections["th"])[1]
    home = page(tiny_site, "en/")
    cards = [links(c)[0] for c in find_all(home, "li", "release-card")]
    assert cards[0] == "/en/releases/2025-04-23-90000/" and len(cards) == 4
    assert "/en/countries/kh/" in links(home)


def test_every_page_exists_in_both_languages_and_pelican_extras_are_off(tiny_site):
    pages = {p.parent.relative_to(tiny_site).as_posix() for p in tiny_site.rglob("index.html")}
    th = {p[3:] for p in pages if p.startswith("th/")} | {""}
    en = {p[3:] for p in pages if p.startswith("en/")} | {""}
    assert th == en
    for unused in ("category", "tag", "author", "archives.html", "tags.html", "drafts"):
        assert not (tiny_site / unused).exists()


def test_editor_placeholder_becomes_a_notice_for_readers(tmp_path):
    from site_build import build_site, pair

    from briefing.convert.english import TRANSLATION_PLACEHOLDER  # what the converter writes

    machine_body = ("MDES chaired WG-AS.\n\n## Facts\n\n- **Published:** 24 March 2024\n\n"
                    f"## Editor's translation\n\n{TRANSLATION_PLACEHOLDER}\n")
    releases = pair("2024-03-24-1", "2024-03-24", "ข่าว", "News")
    releases[1]["body"] = machine_body
    reviewed = pair("2024-03-25-2", "2024-03-25", "ข่าวสอง", "News two")
    reviewed[1]["body"] = "## Editor's translation\n\nA faithful translation, by Nok."
    reviewed[1]["front"]["translation_status"] = "reviewed"
    out = build_site(tmp_path, releases + reviewed,
                     REPOSITORY_URL="https://github.com/org/briefing")
    en = page(out, "en/releases/2024-03-24-1/")
    body = text(find_all(en, "div", "release-body")[0])
    assert "MDES chaired WG-AS." in body and "Published: 24 March 2024" in body
    assert "Editors: replace" not in text(en) and "translation_status" not in text(en)
    (notice,) = find_all(en, "section", "translation-notice")
    assert text(notice).startswith("No human translation yet The facts above are generated "
                                   "from the Thai release")
    assert links(notice) == [
        "/th/releases/2024-03-24-1/",
        "https://github.com/org/briefing/edit/main/content/releases/en/2024-03-24-1.md"]
    source = (tmp_path / "content/releases/en/2024-03-24-1.md").read_text("utf-8")
    assert TRANSLATION_PLACEHOLDER in source, "the Markdown keeps the placeholder for editors"
    done = page(out, "en/releases/2024-03-25-2/")
    assert "A faithful translation, by Nok." in text(done)
    assert find_all(done, "section", "translation-notice") == []
    assert find_all(page(out, "th/releases/2024-03-24-1/"), "section", "translation-notice") == []
