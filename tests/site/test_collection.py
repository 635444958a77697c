"""The demo built from the seeds and the real edge cases (tests/support/demo_site.EDGE_CASES):
bounded summary feeds, long releases in parts, a release published twice, lists that tell
same-headline releases apart, and a root page for both languages."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from demo_site import EDGE_CASES, demo_sources
from site_html import find_all, links, page, text

ATOM = "{http://www.w3.org/2005/Atom}"
FEED_MAX_BYTES = 200_000
FEED_MAX_ENTRIES = 20
PAGE_MAX_BYTES = 150 * 1024

needs_real = pytest.mark.skipif(
    len(demo_sources()) < 5 + len(EDGE_CASES),
    reason="the real collection's edge cases are not in content/sources")


def test_every_feed_is_valid_atom_with_bounded_summary_entries(demo_output):
    feeds = sorted(demo_output.rglob("*.atom.xml"))
    assert feeds
    for path in feeds:
        assert path.stat().st_size <= FEED_MAX_BYTES, path
        root = ET.parse(path).getroot()  # well-formed XML
        assert root.tag == ATOM + "feed"
        for name in ("id", "title", "updated"):
            assert root.find(ATOM + name).text, (path, name)
        entries = root.findall(ATOM + "entry")
        assert len(entries) <= FEED_MAX_ENTRIES, path
        for entry in entries:
            for name in ("id", "title", "updated"):
                assert entry.find(ATOM + name).text, (path, name)
            assert entry.find(ATOM + "link").get("href").startswith("http")
            assert entry.find(ATOM + "content") is None, f"{path}: full text in a feed entry"
            assert entry.find(ATOM + "summary").text.strip(), path


def test_no_release_page_is_heavier_than_150_kb(demo_output):
    pages = list((demo_output / "th" / "releases").rglob("index.html"))
    pages += list((demo_output / "en" / "releases").rglob("index.html"))
    heavy = [(p.relative_to(demo_output).as_posix(), p.stat().st_size) for p in pages
             if p.stat().st_size > PAGE_MAX_BYTES]
    assert pages and heavy == []


@needs_real
def test_a_long_cabinet_digest_is_shown_in_parts(demo_output):
    base = "th/releases/2024-05-07-82726/"
    first = page(demo_output, base)
    nav = find_all(first, "nav", "release-parts")
    assert len(nav) == 1
    parts = [href for href in links(nav[0]) if "/page/" in href]
    assert f"/{base}page/2/" in parts
    count = max(int(h.rstrip("/").rsplit("/", 1)[1]) for h in parts)
    assert count >= 5  # 609 KB of Thai in parts of at most ~90 KB
    last = page(demo_output, f"{base}page/{count}/")
    assert f"/{base}" in links(find_all(last, "nav", "release-parts")[0])
    bodies = [text(find_all(page(demo_output, base + (f"page/{n}/" if n > 1 else "")), "div",
                            "release-body")[0]) for n in range(1, count + 1)]
    assert len(set(bodies)) == count and all(bodies)  # every part shows its own text
    assert "9. เรื่อง" in " ".join(bodies)


@needs_real
def test_the_second_publication_redirects_to_the_kept_release(demo_output):
    for lang in ("th", "en"):
        redirect = (demo_output / lang / "releases" / "2024-05-03-82538" / "index.html")
        html = redirect.read_text(encoding="utf-8")
        assert f'url=/{lang}/releases/2024-05-02-82501/"' in html
        assert f'rel="canonical" href="/{lang}/releases/2024-05-02-82501/"' in html
    data = json.loads((demo_output / "data" / "releases.json").read_text(encoding="utf-8"))
    kept = next(r for r in data["releases"] if r["slug"] == "2024-05-02-82501")
    assert kept["also_published_as"] == [{
        "id": "82538", "slug": "2024-05-03-82538",
        "source_url": "https://www.thaigov.go.th/news/contents/details/82538"}]
    assert not any(r["slug"] == "2024-05-03-82538" for r in data["releases"])


def _list_titles(tree) -> list[list[str]]:
    """The release headlines of every list on a page, in order."""
    lists = find_all(tree, "ol", "release-list") + find_all(tree, "ol", "timeline")
    lists += find_all(tree, "ul", "landing-latest")
    return [[text(a) for a in ol.iter("a") if "/releases/" in (a.get("href") or "")]
            for ol in lists]


@needs_real
@pytest.mark.parametrize("url", ["", "th/", "en/", "th/timeline/2024/", "en/timeline/2023/",
                                 "en/meetings/adgmin/", "th/topics/online-scams/"])
def test_no_two_adjacent_identical_headlines(demo_output, url):
    tree = page(demo_output, url)
    for titles in _list_titles(tree):
        for before, after in zip(titles, titles[1:], strict=False):
            assert before != after, (url, before)


def test_series_previous_and_next_are_two_different_releases(demo_output):
    for path in (demo_output / "en" / "releases").glob("*/index.html"):
        tree = page(demo_output, path.parent.relative_to(demo_output).as_posix())
        for nav in find_all(tree, "ul", "prev-next"):
            hrefs = [h for h in links(nav) if "/releases/" in h]
            assert len(hrefs) == len(set(hrefs)), path
            assert f"/{path.parent.relative_to(demo_output).as_posix()}/" not in hrefs


def test_root_page_offers_both_languages(demo_output):
    tree = page(demo_output, "")
    menus = {nav.get("lang"): links(nav) for nav in find_all(tree, "nav", "site-nav")}
    assert set(menus) == {"th", "en"}
    for lang, hrefs in menus.items():
        assert f"/{lang}/" in hrefs and f"/{lang}/countries/" in hrefs
        assert all(h.startswith(f"/{lang}/") for h in hrefs)
