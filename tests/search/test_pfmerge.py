"""An index built in parts and joined (:mod:`plugins.search.pfmerge`) holds exactly what Pagefind
writes when it indexes every page at once: the same words on the same pages at the same places,
the same accented variants, filters, word counts and meta fields — compared page by page (pages
are identified by their fragment, since Pagefind numbers them in no fixed order)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from plugins.search.index import SearchRecord, build_index
from plugins.search.pfmerge import (
    PAGEFIND_VERSION,
    MergeError,
    chunk_bounds,
    encode_pf,
    installed_version,
    merge_parts,
    read_pf,
    require_version,
)

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "content" / "sources").glob("[0-9][0-9][0-9]_*.txt"))  # the seeds


def _records(count: int) -> list[SearchRecord]:
    """``count`` Thai and English records cut from the demo sources, each with words of its
    own (so there are many words, in several index chunks) and, past the first eight, tags."""
    texts = [p.read_text(encoding="utf-8").split() for p in SOURCES]
    records = []
    for n in range(count):
        words = texts[n % len(texts)]
        start = (n * 37) % max(1, len(words) - 200)
        body = " ".join(words[start:start + 200] + [f"หมายเลข{n} code{n}x Türkiye{n % 3}"])
        lang = "en" if n % 4 == 3 else "th"
        if lang == "en":
            body = (f"Release {n} on Cambodia, Türkiye and scam centres. "
                    + " ".join(f"case{n}x{k}" for k in range(800)))
        records.append(SearchRecord(
            url=f"{lang}/releases/2024-01-{n:04d}/", lang=lang, title=f"ข่าว {n} WG-AS",
            date=f"2024-{1 + n % 12:02d}-01", text=body,
            about=["topics:call-centre-gangs"] if n % 2 else [],
            filters={"year": [str(2020 + n % 5)], "country": ["KH"] if n % 3 else ["TH", "LA"]},
            tags=[f"country:KH{n % 2}"] if n >= 8 else []))
    return records


def logical(bundle: Path, lang: str) -> dict:
    """What a language's index says, page numbers replaced by the pages' fragments."""
    info = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    info = info["languages"][lang]
    _, pages, chunks, filters, sorts, fields = read_pf(bundle / f"pagefind.{info['hash']}.pf_meta")
    key = [gzip.decompress((bundle / "fragment" / f"{h}.pf_fragment").read_bytes())
           for h, _ in pages]

    def decode(entries):
        page, found = 0, {}
        for delta, locs, meta in entries:
            page += delta
            found[key[page]] = (locs, [fields[-m - 1] if m < 0 else m for m in meta])
        return found

    words = {}
    for _, _, chunk_hash in chunks:
        for word, entries, variants in read_pf(bundle / "index" / f"{chunk_hash}.pf_index")[0]:
            words[word] = (decode(entries), {v: decode(e) for v, e in variants})
    filtered = {}
    for _, filter_hash in filters:
        name, values = read_pf(bundle / "filter" / f"{filter_hash}.pf_filter")
        filtered[name] = {value: sorted(key[p] for p in found) for value, found in values}
    return {"pages": sorted((key[i], count) for i, (_, count) in enumerate(pages)),
            "words": words, "filters": filtered, "sorts": sorts, "fields": fields,
            "chunks": len(chunks), "page_count": info["page_count"]}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    records = _records(48)
    whole, parts = tmp_path_factory.mktemp("whole"), tmp_path_factory.mktemp("parts")
    build_index(records, whole)
    build_index(records, parts, part_pages=5)  # 36 Thai pages: 8 parts; 12 English: 3
    return whole / "pagefind", parts / "pagefind"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_an_index_joined_from_parts_is_the_index_of_all_pages(built, lang):
    whole, parts = (logical(bundle, lang) for bundle in built)
    assert whole["chunks"] > 1 and parts["page_count"] == whole["page_count"] > 10
    assert any(variants for _, variants in whole["words"].values())  # Türkiye under turkiye
    assert set(whole["fields"]) == {"date", "tags", "title", "url"}  # first parts have no tags
    for part in ("pages", "words", "filters", "sorts", "fields", "chunks"):
        assert parts[part] == whole[part], part


def test_joined_chunks_have_pagefinds_bounds(built):
    whole, parts = built
    meta = {b: read_pf(next(b.glob("pagefind.th_*.pf_meta"))) for b in built}
    assert [c[:2] for c in meta[parts][2]] == [c[:2] for c in meta[whole][2]]
    leftovers = [p.name for p in parts.iterdir() if "part" in p.name]
    assert leftovers == []


def test_chunk_bounds_are_shortened_as_pagefind_does():
    # as read off Pagefind 1.5.2's own index of the 5,000-release benchmark site: one character
    # past the neighbours' common prefix, but a "to" that would sort before its chunk's "from"
    # stays the whole word
    assert chunk_bounds([("a", "awareness"), ("away", "cabinet"), ("cabinets", "d")]) == [
        ("a", "awar"), ("away", "cabinet"), ("cabinets", "d")]
    assert chunk_bounds([("qjbedbbk", "qjbedjz"), ("qjbeeacdciz", "qk")]) == [
        ("qjbedbbk", "qjbedjz"), ("qjbee", "qk")]
    assert chunk_bounds([("cat", "cath"), ("cathartic", "x")]) == [("cat", "cath"),
                                                                   ("catha", "x")]


def test_a_fragment_name_two_parts_share_is_renamed(tmp_path):
    """Pagefind names fragments by 7 hex digits of their hash, so parts indexed apart can pick
    the same name for different pages; the later part's page gets a name of its own."""
    records = [r for r in _records(16) if r.lang == "th"]
    for name, chosen in (("a", records[:6]), ("b", records[6:]), ("all", records)):
        build_index(chosen, tmp_path / name)
    a, b = tmp_path / "a" / "pagefind", tmp_path / "b" / "pagefind"
    taken = read_pf(next(a.glob("*.pf_meta")))[1][0][0]
    meta_path = next(b.glob("*.pf_meta"))
    meta = read_pf(meta_path)
    old = meta[1][0][0]
    (b / "fragment" / f"{old}.pf_fragment").rename(b / "fragment" / f"{taken}.pf_fragment")
    meta[1][0][0] = taken
    meta_path.write_bytes(encode_pf(meta))
    out = tmp_path / "joined"
    info = merge_parts([a, b], "th", out)
    (out / "pagefind-entry.json").write_text(json.dumps({"languages": {"th": info}}))
    names = [h for h, _ in read_pf(out / f"pagefind.{info['hash']}.pf_meta")[1]]
    assert len(set(names)) == len(names) == len(records)
    assert logical(out, "th")["words"] == logical(tmp_path / "all" / "pagefind", "th")["words"]


def test_parts_that_cannot_be_joined_are_refused(tmp_path):
    build_index([r for r in _records(4) if r.lang == "th"], tmp_path / "a")
    bundle = tmp_path / "a" / "pagefind"
    with pytest.raises(MergeError, match="no en index"):
        merge_parts([bundle], "en", tmp_path / "out")
    meta_path = next(bundle.glob("*.pf_meta"))
    meta = read_pf(meta_path)
    meta[4] = [["date", [0, 1, 2]]]
    meta_path.write_bytes(encode_pf(meta))
    with pytest.raises(MergeError, match="sort orders cannot be merged"):
        merge_parts([bundle], "th", tmp_path / "out")
    with pytest.raises(MergeError, match="no th parts"):
        merge_parts([], "th", tmp_path / "out")


def test_the_merge_is_locked_to_one_pagefind_version(tmp_path):
    """pfmerge reads Pagefind's undocumented files: any other version is refused, clearly."""
    assert installed_version() == PAGEFIND_VERSION  # the pin in pyproject.toml
    require_version()
    with pytest.raises(MergeError, match=f"1.6.0.*Pagefind {PAGEFIND_VERSION} only"):
        require_version("1.6.0")
    build_index([r for r in _records(4) if r.lang == "th"], tmp_path / "a")
    bundle = tmp_path / "a" / "pagefind"
    meta_path = next(bundle.glob("*.pf_meta"))
    meta = read_pf(meta_path)
    meta[0] = "1.4.0"
    meta_path.write_bytes(encode_pf(meta))
    with pytest.raises(MergeError, match="a part's index.*version 1.4.0"):
        merge_parts([bundle], "th", tmp_path / "out")


def test_pagefinds_chunk_size_override_is_ignored(tmp_path, monkeypatch, built):
    """PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE would change Pagefind's chunking, which the merge
    reproduces: it is removed from Pagefind's environment, so the join is still exact."""
    monkeypatch.setenv("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE", "500")
    build_index(_records(48), tmp_path, part_pages=5)
    whole, _ = built
    for lang in ("th", "en"):
        assert logical(tmp_path / "pagefind", lang) == logical(whole, lang)
