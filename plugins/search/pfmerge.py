"""Merge Pagefind indexes of one language, built in parts, into the index of all their pages.

Pagefind's indexer holds about 0.3 MB per Thai page until it writes (see :mod:`.index`), so a
site of thousands of releases would need gigabytes in one run. :func:`.index.build_index` runs
Pagefind on parts of at most ``part_pages`` pages each and :func:`merge_parts` joins the parts'
files into one bundle as Pagefind writes it for the whole site at once — same file formats, same
word chunking (:data:`CHUNK_UNITS`, :func:`chunk_bounds`), so the browser loads the same number of
bytes and ranks with the whole site's statistics. Memory stays at one index chunk per part.

Pagefind 1.5's files (each ``gzip`` of :data:`SIGNATURE` + CBOR), as read off its output:

- ``pagefind.{hash}.pf_meta``: ``[version, [[fragment hash, word count]…], [[from, to, chunk
  hash]…], [[filter, filter hash]…], sorts, [meta field…]]``; a page's number is its place here;
- ``index/{hash}.pf_index``: ``[[[word, entries, [[variant, entries]…]]…]]``, words sorted;
  entries are ``[[page delta, locations, meta locations]…]``, page numbers as differences from
  the previous entry; in meta locations ``-(i + 1)`` names meta field ``i``; variants are the
  word's spellings with marks (``türkiye`` under ``turkiye``);
- ``filter/{hash}.pf_filter``: ``[filter, [[value, [page…]]…]]``; ``fragment/{hash}.pf_fragment``:
  one page's JSON, independent of page numbers (copied as it is).

These formats are Pagefind's own and undocumented: this module is an adapter locked to
:data:`PAGEFIND_VERSION`. Another installed version, or parts written by one, are refused with a
:class:`MergeError` that says so (upgrade by re-reading the formats and the chunking off the new
version's output and changing this module and the pin in ``pyproject.toml`` together). Pagefind
is always run without :data:`UNSET_ENV` (its unstable chunk-size override would change the
chunking the merge reproduces). Sort orders in a part are refused too.
"""

from __future__ import annotations

import gzip
import hashlib
import heapq
import json
import shutil
from collections.abc import Iterator, Sequence
from itertools import groupby
from pathlib import Path

import cbor2

PAGEFIND_VERSION = "1.5.2"  # the only version whose files this module reads and writes
UNSET_ENV = ("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE",)  # removed from Pagefind's environment
SIGNATURE = b"pagefind_dcd"
CHUNK_UNITS = 20_000  # Pagefind closes an index chunk once its entries' lengths reach this
ENTRY = "pagefind-entry.json"


class MergeError(ValueError):
    """Parts that cannot be merged (the message names the part and why)."""


def installed_version() -> str:
    """The installed Pagefind's version (its Python package), ``""`` when it is not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind")
    except PackageNotFoundError:
        return ""


def require_version(found: str | None = None, where: str = "the installed Pagefind") -> None:
    """Raise :class:`MergeError` unless ``found`` (default: the installed version) is
    :data:`PAGEFIND_VERSION`."""
    found = installed_version() if found is None else found
    if found != PAGEFIND_VERSION:
        raise MergeError(
            f"{where} is version {found or 'unknown'}, but plugins/search/pfmerge.py joins the "
            f"index files of Pagefind {PAGEFIND_VERSION} only (an undocumented format): install "
            f"pagefind=={PAGEFIND_VERSION}, or build with SEARCH_PART_PAGES above the number of "
            f"pages so no merge is needed")


def read_pf(path: Path):
    """Decode one Pagefind file."""
    raw = gzip.decompress(Path(path).read_bytes())
    if not raw.startswith(SIGNATURE):
        raise MergeError(f"{path}: not a Pagefind file (no {SIGNATURE!r} signature)")
    return cbor2.loads(raw[len(SIGNATURE):])


def encode_pf(value) -> bytes:
    """Encode one Pagefind file (``mtime=0``: the same content gives the same bytes)."""
    return gzip.compress(SIGNATURE + cbor2.dumps(value), compresslevel=6, mtime=0)


def _name(data: bytes, lang: str, taken: set[str], length: int = 7) -> str:
    digest = hashlib.sha256(data).hexdigest()
    while f"{lang}_{digest[:length]}" in taken and length < len(digest):
        length += 1
    name = f"{lang}_{digest[:length]}"
    taken.add(name)
    return name


def chunk_bounds(first_last: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """``(from, to)`` of each chunk from its first and last word, shortened as Pagefind does:
    between neighbours, one character past their common prefix — except a ``to`` that would
    sort before its own chunk's ``from``, which stays the whole word."""
    bounds = [list(pair) for pair in first_last]
    for left, right in zip(bounds, bounds[1:], strict=False):
        a, b = left[1], right[0]
        common = 0
        while common < min(len(a), len(b)) and a[common] == b[common]:
            common += 1
        if a[:common + 1] >= left[0]:
            left[1] = a[:common + 1]
        right[0] = b[:common + 1]
    return [tuple(pair) for pair in bounds]


def _units(entries) -> int:
    return sum(len(locs) + len(meta) + 1 for _, locs, meta in entries)


class _Part:
    """One part's bundle: its entry, pf_meta, page offset in the merged index and meta fields."""

    def __init__(self, root: Path, lang: str, offset: int):
        self.root, self.offset = Path(root), offset
        try:
            info = json.loads((self.root / ENTRY).read_text(encoding="utf-8"))["languages"][lang]
        except (OSError, ValueError, KeyError) as exc:
            raise MergeError(f"{self.root}: no {lang} index in {ENTRY} ({exc})") from None
        self.info = info
        meta = read_pf(self.root / f"pagefind.{info['hash']}.pf_meta")
        if len(meta) != 6:
            raise MergeError(f"{self.root}: pf_meta has {len(meta)} fields, not Pagefind 1.5's 6")
        self.version, self.pages, self.chunks, self.filters, sorts, self.fields = meta
        require_version(str(self.version), f"{self.root} (a part's index)")
        if sorts:
            raise MergeError(f"{self.root}: sort orders cannot be merged")

    def words(self, remap: dict[int, int]) -> Iterator[tuple[str, int, list, list]]:
        """``(word, part offset, entries, [[variant, entries]…])`` in word order, one chunk in
        memory at a time, as the part wrote them (page deltas within the part), with meta
        field numbers mapped to the merged list. Variants are the word's accented spellings."""
        moved = any(i != j for i, j in remap.items())
        for _, _, chunk_hash in self.chunks:
            for word, entries, variants in read_pf(
                    self.root / "index" / f"{chunk_hash}.pf_index")[0]:
                if moved:
                    for found in (entries, *(v for _, v in variants)):
                        for entry in found:
                            entry[2] = [-(remap[-m - 1] + 1) if m < 0 else m for m in entry[2]]
                yield word, self.offset, entries, variants


class _Joined:
    """One word's entries from consecutive parts, page deltas carried across the joins."""

    def __init__(self):
        self.entries: list = []
        self.last = 0  # absolute number of the last page in ``entries``

    def add(self, offset: int, entries: list) -> None:
        if not entries:
            return
        last_in_part = sum(entry[0] for entry in entries)
        entries[0][0] += offset - self.last  # the first delta counted from the part's page 0
        self.entries.extend(entries)
        self.last = offset + last_in_part


def merge_parts(part_dirs: Sequence[Path], lang: str, out: Path) -> dict:
    """Merge the ``lang`` indexes of ``part_dirs`` (Pagefind bundles of disjoint pages) into
    ``out`` (index, fragment and filter folders, pf_meta, and the JS/WebAssembly of the first
    part); return the language's ``pagefind-entry.json`` record (``hash``, ``wasm``,
    ``page_count``)."""
    parts, offset = [], 0
    for root in part_dirs:
        parts.append(_Part(root, lang, offset))
        offset += len(parts[-1].pages)
    if not parts:
        raise MergeError(f"no {lang} parts to merge")
    versions = {p.version for p in parts}
    if len(versions) > 1:
        raise MergeError(f"parts come from different Pagefind versions: {sorted(versions)}")
    out = Path(out)
    for sub in ("index", "fragment", "filter"):
        (out / sub).mkdir(parents=True, exist_ok=True)

    fields = sorted({f for p in parts for f in p.fields})
    remaps = [{i: fields.index(f) for i, f in enumerate(p.fields)} for p in parts]
    pages = _copy_fragments(parts, lang, out)
    filters = _merge_filters(parts, lang, out)

    streams = [p.words(remap) for p, remap in zip(parts, remaps, strict=True)]
    taken: set[str] = set()
    chunks, chunk, units = [], [], 0

    def flush():
        data = encode_pf([chunk])
        chunks.append((chunk[0][0], chunk[-1][0], _name(data, lang, taken)))
        (out / "index" / f"{chunks[-1][2]}.pf_index").write_bytes(data)

    merged = heapq.merge(*streams, key=lambda item: (item[0], item[1]))
    for word, group in groupby(merged, key=lambda item: item[0]):
        entries, variants = _Joined(), {}
        for _, part_offset, part_entries, part_variants in group:
            entries.add(part_offset, part_entries)
            for variant, found in part_variants:
                variants.setdefault(variant, _Joined()).add(part_offset, found)
        chunk.append([word, entries.entries,
                      [[variant, joined.entries] for variant, joined in variants.items()]])
        units += _units(entries.entries)
        if units >= CHUNK_UNITS:
            flush()
            chunk, units = [], 0
    if chunk:
        flush()
    bounds = chunk_bounds([(first, last) for first, last, _ in chunks])
    index_chunks = [[lo, hi, name] for (lo, hi), (_, _, name) in zip(bounds, chunks, strict=True)]

    meta = [parts[0].version, pages, index_chunks, filters, [], fields]
    data = encode_pf(meta)
    meta_hash = _name(data, lang, set(), length=10)
    (out / f"pagefind.{meta_hash}.pf_meta").write_bytes(data)
    for name in ("pagefind.js", f"wasm.{parts[0].info.get('wasm') or 'unknown'}.pagefind"):
        if (parts[0].root / name).is_file():
            shutil.copyfile(parts[0].root / name, out / name)
    return {"hash": meta_hash, "wasm": parts[0].info.get("wasm"), "page_count": len(pages)}


def _copy_fragments(parts, lang: str, out: Path) -> list:
    """Copy every part's fragments; a short hash two parts use for different pages is renamed
    in the later part. Returns the merged ``[[hash, word count]…]``."""
    seen: dict[str, str] = {}  # fragment name -> digest of its bytes
    pages = []
    for part in parts:
        for fragment_hash, word_count in part.pages:
            data = (part.root / "fragment" / f"{fragment_hash}.pf_fragment").read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            name = fragment_hash
            if name in seen and seen[name] != digest:
                name = _name(data, lang, set(seen), length=8)
            if name not in seen:
                seen[name] = digest
                (out / "fragment" / f"{name}.pf_fragment").write_bytes(data)
            pages.append([name, word_count])
    return pages


def _merge_filters(parts, lang: str, out: Path) -> list:
    """Merge each filter's value → pages lists (pages shifted by each part's offset)."""
    values: dict[str, dict[str, list[int]]] = {}
    for part in parts:
        for _, filter_hash in part.filters:
            name, packed = read_pf(part.root / "filter" / f"{filter_hash}.pf_filter")
            merged = values.setdefault(name, {})
            for value, pages in packed:
                merged.setdefault(value, []).extend(page + part.offset for page in pages)
    taken: set[str] = set()
    listed = []
    for name in sorted(values):
        packed = [[value, sorted(pages)] for value, pages in sorted(values[name].items())]
        data = encode_pf([name, packed])
        filter_hash = _name(data, lang, taken)
        (out / "filter" / f"{filter_hash}.pf_filter").write_bytes(data)
        listed.append([name, filter_hash])
    return listed
