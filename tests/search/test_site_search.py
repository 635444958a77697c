"""The search plugin in the built demo site: pages, bundle, and clean published HTML."""

from __future__ import annotations

import json
import re


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
        assert not re.search(r"\bq[jk][a-p]+z\b", html), page
