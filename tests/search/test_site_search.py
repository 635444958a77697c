"""The search plugin in the built demo site: pages, bundle, and clean published HTML."""

from __future__ import annotations

import json
import re

from demo_site import SEARCH_PART_PAGES

from plugins.search.pfmerge import read_pf


def test_search_pages_and_bundle(demo_site):
    out, pages = demo_site
    for lang in ("th", "en"):
        html = (out / lang / "search" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html
        assert "data-search-results" in html and "<noscript>" in html
        assert f'action="/{lang}/search/"' in html
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    counts = {lang: v["page_count"] for lang, v in entry["languages"].items()}
    assert counts == {lang: len(pages[lang]) for lang in pages}


def test_search_pages_preload_what_pagefind_fetches_first(demo_site):
    out, _ = demo_site
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text())
    for lang, info in entry["languages"].items():
        html = (out / lang / "search" / "index.html").read_text(encoding="utf-8")
        assert '<link rel="modulepreload" href="/pagefind/pagefind.js">' in html
        preloaded = re.findall(r'<link rel="preload" href="/([^"]+)" as="fetch" crossorigin>', html)
        assert f"pagefind/pagefind.{info['hash']}.pf_meta" in preloaded
        assert f"pagefind/wasm.{info['wasm'] or 'unknown'}.pagefind" in preloaded
        # the filter index waits for the filters panel (search.js), so it is never preloaded
        assert not any(url.startswith("pagefind/filter/") for url in preloaded)
        assert all((out / url).is_file() for url in preloaded)


def test_published_pages_carry_no_segmentation_artefacts(demo_site):
    out, _ = demo_site
    for page in out.glob("*/releases/*/index.html"):
        html = page.read_text(encoding="utf-8")
        assert "\u200b" not in html, page
        assert not re.search(r"\bq[jkx][a-p]+z", html), page


def test_the_demo_index_is_joined_from_parts(demo_site):
    """The demo is indexed SEARCH_PART_PAGES pages at a time, so every browser test of the
    search page runs on an index pfmerge joined (as a site of thousands of releases is built)."""
    out, pages = demo_site
    assert all(len(pages[lang]) > SEARCH_PART_PAGES for lang in pages)
    assert not list((out / "pagefind").glob("*part*"))  # the parts were removed after the join


def test_no_index_word_is_thai_script(demo_site):
    """Pagefind would drop Thai marks and match inside words: every word it holds is coded,
    metadata (title) included; chunk bounds and filter values too."""
    out, _ = demo_site
    bundle = out / "pagefind"
    words = [word for path in bundle.glob("index/*.pf_index") for word, _, _ in read_pf(path)[0]]
    assert len(words) > 100
    metas = [read_pf(path) for path in bundle.glob("*.pf_meta")]
    words += [bound for meta in metas for lo, hi, _ in meta[2] for bound in (lo, hi)]
    for path in bundle.glob("filter/*.pf_filter"):
        words += [value for value, _ in read_pf(path)[1]]
    thai = [w for w in words if re.search(r"[\u0e00-\u0e7f]", w)]
    assert thai == []
