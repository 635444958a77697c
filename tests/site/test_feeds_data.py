"""Atom feeds, open data and the hreflang sitemap of the tiny site."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def atom(path):
    """Parse an Atom feed and check the elements RFC 4287 requires."""
    root = ET.parse(path).getroot()
    assert root.tag == ATOM + "feed"
    for name in ("id", "title", "updated"):
        assert root.find(ATOM + name).text
    self_links = [lk.get("href") for lk in root.findall(ATOM + "link") if lk.get("rel") == "self"]
    assert len(self_links) == 1 and root.find(ATOM + "id").text == self_links[0]
    entries = root.findall(ATOM + "entry")
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert entry.find(ATOM + name).text
        assert entry.find(f"{ATOM}author/{ATOM}name").text
        assert entry.find(ATOM + "link").get("href").startswith("http://localhost:8000/")
    return root, entries


def entry_links(entries):
    hrefs = [e.find(ATOM + "link").get("href") for e in entries]
    return [href.removeprefix("http://localhost:8000") for href in hrefs]


def test_language_feeds_are_atom_with_that_languages_releases(tiny_site):
    _, th = atom(tiny_site / "th/feeds/all.atom.xml")
    root, en = atom(tiny_site / "en/feeds/all.atom.xml")
    assert len(th) == len(en) == 4
    assert entry_links(en)[0] == "/en/releases/2025-04-23-90000/"
    assert all(link.startswith("/th/releases/") for link in entry_links(th))
    assert root.find(ATOM + "title").text == "Briefing - Releases in English"


def test_term_feeds(tiny_site):
    _, entries = atom(tiny_site / "en/feeds/countries/kh/feed.atom.xml")
    assert entry_links(entries) == ["/en/releases/2024-03-24-80784/",
                                    "/en/releases/2024-03-07-80000/",
                                    "/en/releases/2023-08-25-70000/"]
    _, entries = atom(tiny_site / "th/feeds/meetings/wg-as/feed.atom.xml")
    assert len(entries) == 3


def alternate_link(root) -> str:
    (href,) = [lk.get("href") for lk in root.findall(ATOM + "link") if lk.get("rel") == "alternate"]
    return href


def test_feeds_link_to_the_page_they_follow_and_carry_the_languages_site_name(tiny_site):
    origin = "http://localhost:8000"
    for path, page_url, title in (
        ("en/feeds/countries/kh/feed.atom.xml", "/en/countries/kh/", "Briefing - Cambodia"),
        ("th/feeds/countries/kh/feed.atom.xml", "/th/countries/kh/", "บรีฟฟิง - กัมพูชา"),
        ("th/feeds/meetings/wg-as/feed.atom.xml", "/th/meetings/wg-as/", None),
        ("en/feeds/all.atom.xml", "/en/", "Briefing - Releases in English"),
        ("th/feeds/all.atom.xml", "/th/", "บรีฟฟิง - ข่าวภาษาไทย"),
    ):
        root, _ = atom(tiny_site / path)
        assert alternate_link(root) == origin + page_url, path
        assert (tiny_site / page_url.strip("/") / "index.html").is_file()
        if title:
            assert root.find(ATOM + "title").text == title
        if path.startswith("th/"):
            assert "Briefing" not in root.find(ATOM + "title").text


def test_feed_without_entries_is_dated_by_the_newest_release_not_the_build(tiny_site):
    root, entries = atom(tiny_site / "en/feeds/countries/la/feed.atom.xml")
    assert entries == []
    assert root.find(ATOM + "updated").text == "2025-04-23T00:00:00+07:00"
    assert root.find(ATOM + "id").text.endswith("/en/feeds/countries/la/feed.atom.xml")


def test_open_data(tiny_site):
    data = json.loads((tiny_site / "data/releases.json").read_text(encoding="utf-8"))
    releases = data["releases"]
    assert [r["slug"] for r in releases][0] == "2025-04-23-90000"
    first = next(r for r in releases if r["slug"] == "2024-03-24-80784")
    assert first["countries"] == ["KH", "TH"] and first["meeting_status"] == {"wg-as/1": "held"}
    assert first["languages"]["en"]["title"] == "MDES chairs WG-AS"
    assert first["languages"]["th"]["url"] == "/th/releases/2024-03-24-80784/"
    assert first["event_date"] == "2024-03-19"
    taxonomy = json.loads((tiny_site / "data/taxonomy.json").read_text(encoding="utf-8"))
    wg = next(t for t in taxonomy["meetings"] if t["id"] == "wg-as")
    assert [s["id"] for s in wg["sessions"]] == ["1", "5"]


def test_sitemap_lists_pages_with_hreflang_alternates(tiny_site):
    root = ET.parse(tiny_site / "sitemap.xml").getroot()
    urls = {u.find(SITEMAP + "loc").text: u for u in root.findall(SITEMAP + "url")}
    origin = "http://localhost:8000/"
    assert origin in urls and origin + "en/meetings/wg-as/5/" in urls
    alternates = {a.get("hreflang"): a.get("href")
                  for a in urls[origin + "th/countries/kh/"].findall(XHTML + "link")}
    assert alternates == {"th": origin + "th/countries/kh/", "en": origin + "en/countries/kh/"}
    assert not any("/theme/" in loc for loc in urls)
