"""Shadow pages, the release language and the index builder (real Pagefind, tiny records)."""

from __future__ import annotations

import asyncio
import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from plugins.search.index import (
    TERMS_MARK,
    SearchRecord,
    about_word,
    build_index,
    shadow_page,
    text_language,
)
from plugins.search.textcode import decode_text

RECORD = SearchRecord(
    url="th/releases/2024-03-24-1/", lang="th", title="ดีอี เป็นประธาน WG-AS",
    date="2024-03-24", text="มาตรการป้องกันการหลอกลวง เปิดบัญชีม้า",
    about=["topics:call-centre-gangs", "countries:KH"],
    filters={"country": ["KH", "TH"], "year": ["2024"]}, tags=["country:KH"])


def test_shadow_page_holds_the_pages_own_words_coded_and_no_thai_script():
    page = shadow_page(RECORD)
    assert not re.search(r"[\u0e00-\u0e7f]", page)  # Pagefind indexes metadata words too
    title = re.search(r'data-pagefind-meta="title">([^<]*)<', page).group(1)
    assert decode_text(title) == "ดีอี เป็นประธาน WG-AS"
    assert 'data-pagefind-filter="country">KH<' in page
    assert '<html lang="th">' in page
    # no names of the tagged terms, only their opaque about-words after the mark
    assert "Call" not in page and "call-centre" not in page
    text, _, about = page.partition(TERMS_MARK)
    assert about_word("topics:call-centre-gangs") in about
    assert about_word("topics:call-centre-gangs") not in text
    assert re.fullmatch(r"qx[a-p]+z", about_word("countries:KH"))


def test_text_language():
    assert text_language("การประชุม ASEAN") == "th"
    assert text_language("The ASEAN meeting on online scams in กรุงเทพ") == "en"


def test_build_index_writes_one_index_per_language(tmp_path):
    english = SearchRecord(url="en/releases/2024-03-24-1/", lang="en", title="DE chairs WG-AS",
                           date="2024-03-24", text="Cambodia and Thailand", filters={})
    stats = build_index([RECORD, english], tmp_path)
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert stats.pages == 2
    assert {k: v["page_count"] for k, v in entry["languages"].items()} == {"th": 1, "en": 1}
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    # each language came from a Pagefind run of its own; both pf_meta files are in the merged bundle
    metas = sorted(p.name for p in (tmp_path / "pagefind").glob("*.pf_meta"))
    assert metas == sorted(f"pagefind.{v['hash']}.pf_meta" for v in entry["languages"].values())
    for unused in ("pagefind-ui.js", "pagefind-worker.js"):  # UI kit; search.js sets noWorker
        assert not (tmp_path / "pagefind" / unused).exists()


def test_build_index_works_inside_a_running_event_loop(tmp_path):
    """An async caller (or Playwright's sync API) has a loop running: the build must still work."""

    async def caller():
        asyncio.get_running_loop()  # a loop is running in this thread now
        return build_index([RECORD], tmp_path)

    # in a thread of its own: this worker's thread may hold the shared browser's running loop
    with ThreadPoolExecutor(max_workers=1) as pool:
        stats = pool.submit(asyncio.run, caller()).result()
    assert stats.pages == 1
    assert (tmp_path / "pagefind" / "pagefind-entry.json").is_file()


def test_a_broken_bundle_is_refused_with_the_file_named(tmp_path):
    """An empty entry file or index file (Pagefind issue #1271) fails the build, clearly."""
    from plugins.search.index import SearchIndexError, check_bundle

    build_index([RECORD], tmp_path)
    bundle = tmp_path / "pagefind"
    check_bundle(bundle)  # a good bundle passes
    meta = next(bundle.glob("*.pf_meta"))
    meta.write_bytes(b"")
    with pytest.raises(SearchIndexError, match="missing or empty"):
        check_bundle(bundle)
    (bundle / "pagefind-entry.json").write_text("", encoding="utf-8")
    with pytest.raises(SearchIndexError, match="pagefind-entry.json"):
        check_bundle(bundle)


def test_the_index_fingerprint_names_pagefinds_version(tmp_path, monkeypatch):
    """Another Pagefind writes other files: a rebuild must not keep the old bundle."""
    from pathlib import Path

    import plugins.search.search as plugin

    taxonomy = Path(__file__).resolve().parents[2] / "content" / "taxonomy"
    settings = {"PATH": str(tmp_path), "BRIEFING_TAXONOMY_PATH": str(taxonomy)}
    before = plugin.index_fingerprint({}, settings)
    assert plugin.index_fingerprint({}, settings) == before
    monkeypatch.setattr(plugin, "installed_version", lambda: "9.9.9")
    assert plugin.index_fingerprint({}, settings) != before
