"""Shadow pages, the release language and the index builder (real Pagefind, tiny records)."""

from __future__ import annotations

import asyncio
import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from plugins.search.index import SearchRecord, build_index, shadow_page, text_language

RECORD = SearchRecord(
    url="th/releases/2024-03-24-1/", lang="th", title="ดีอี เป็นประธาน WG-AS",
    date="2024-03-24", text="มาตรการป้องกันการหลอกลวง เปิดบัญชีม้า", terms=["Call Center"],
    filters={"country": ["KH", "TH"], "year": ["2024"]}, tags=["country:KH"])


def test_shadow_page_codes_the_body_and_keeps_real_metadata():
    page = shadow_page(RECORD)
    body = re.search(r"<main data-pagefind-body>(.*)</main>", page).group(1)
    assert not re.search(r"[\u0e00-\u0e7f]", body)
    assert 'data-pagefind-meta="title">ดีอี เป็นประธาน WG-AS<' in page
    assert 'data-pagefind-filter="country">KH<' in page
    assert '<html lang="th">' in page


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
