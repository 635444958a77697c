"""Build the Pagefind search index from release records (pure of Pelican; the benchmark calls it).

Each record becomes a *shadow page* — never published — whose indexed body is the coded text of
:mod:`.textcode`: the page's own title and text only, then, after :data:`TERMS_MARK`, one opaque
word per term the release is tagged with (:func:`about_word`: nobody types it; ``search.js``
asks for it when a query names the term, to list the releases *about* it after those that
contain the word), with Pagefind filters and the coded title, date, URL and tags as metadata
(Pagefind indexes metadata words too, so no Thai script reaches the index at all).
Shadow pages are written
to a temporary folder and indexed by Pagefind's command line (``python -m pagefind --site``: fast,
where the Python API's ``add_custom_record`` costs ~100 ms per record, and it has written every
file when it exits). The bundle lands in ``{out_dir}/pagefind/``, one index per language
(``<html lang>``).

Memory: Pagefind's indexer holds everything until it writes — about 0.3 MB per Thai page (coded
words), 0.1 MB per English one — so a 5,000-release site would need 1.4 GB in one run. Each
language is therefore indexed in parts of at most ``part_pages`` pages, one Pagefind process at
a time, and the parts are joined into the language's one index by :func:`.pfmerge.merge_parts`
(the same files Pagefind writes for all pages at once); then the languages' bundles are merged
(:func:`merge_bundles`). Pagefind's peak is one part's, whatever the size of the site. Only
the files the browser loads are kept (not Pagefind's own UI kits).
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.contract import text_language  # noqa: F401 (re-exported for the search tools)
from briefing.site.settings import DEFAULTS

from .bundle import new_bundle_dir, remove_leftovers, swap_in, work_prefix, write_stamp
from .pfmerge import ENTRY, UNSET_ENV, merge_parts, require_version
from .textcode import LO, Tokenizer, encode_text

FILTER_KINDS = ("type", "country", "meeting", "topic", "year", "language")
TERMS_MARK = "qjtermsz"  # coded-body word that separates the page's text from its about-words
ABOUT_PREFIX = "qx"
HYPHENATED = re.compile(r"(?<![A-Za-z0-9-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+(?![A-Za-z0-9-])")
PART_PAGES = DEFAULTS["SEARCH_PART_PAGES"]  # pages per Pagefind run: ~300 MB for Thai pages
# what pagefind.js loads (search.js runs it without its Web Worker; the UI kits are unused)
BUNDLE_FILES = re.compile(r"^(pagefind\.js|wasm\..+\.pagefind|"
                          r"pagefind\..+\.pf_meta|(index|fragment|filter)/.+)$")


@dataclass(frozen=True)
class SearchRecord:
    """One page to index. ``url`` is site-relative (``th/releases/SLUG/``)."""

    url: str
    lang: str
    title: str
    date: str  # ISO date
    text: str  # plain text of the page body
    about: Sequence[str] = ()  # "kind:id" of every term the release is tagged with (expansion)
    filters: dict[str, Sequence[str]] = field(default_factory=dict)  # kind -> ids
    tags: Sequence[str] = ()  # "kind:id" chips shown with the result


@dataclass(frozen=True)
class IndexStats:
    """What :func:`build_index` did."""

    pages: int
    seconds: float
    bundle_bytes: int
    files: int


def about_word(tag: str) -> str:
    """The index word of a tag ``kind:id`` (``qx`` + two letters per byte + ``z``); the mirror is
    ``aboutWord`` in ``search.js``."""
    return ABOUT_PREFIX + "".join(LO[b >> 4] + LO[b & 15] for b in tag.encode()) + "z"


def shadow_page(record: SearchRecord, tokenize: Tokenizer | None = None) -> str:
    """The HTML Pagefind indexes for ``record`` (coded body and metadata, no Thai script)."""
    esc = html.escape
    title = encode_text(record.title, tokenize)
    body = [f"<h1>{esc(title)}</h1>", f"<p>{esc(encode_text(record.text, tokenize))}</p>"]
    # "WG-AS" is also indexed as "wgas", the form search.js asks for (Pagefind's own is unreliable)
    joined = {w.replace("-", "").lower()
              for w in HYPHENATED.findall(" ".join([record.title, record.text]))}
    about = list(dict.fromkeys(about_word(tag) for tag in record.about))
    if about or joined:
        body.append(f"<p>{TERMS_MARK} _ {esc(' _ '.join([*about, *sorted(joined)]))}</p>")
    meta = {"title": title, "date": record.date, "url": record.url, "tags": " ".join(record.tags)}
    tail = [f'<span data-pagefind-meta="{k}">{esc(v)}</span>' for k, v in meta.items() if v]
    for kind, values in record.filters.items():
        tail.extend(f'<span data-pagefind-filter="{kind}">{esc(v)}</span>' for v in values)
    return (
        f'<!doctype html><html lang="{record.lang}"><head><meta charset="utf-8">'
        f"<title>{esc(record.url)}</title></head><body>"
        f'<main data-pagefind-body>{"".join(body)}</main>'
        f"<footer>{''.join(tail)}</footer></body></html>\n"
    )


def write_shadow_pages(records: Iterable[SearchRecord], root: Path, progress: bool = False,
                       part_pages: int = PART_PAGES, tokenize: Tokenizer | None = None
                       ) -> dict[str, int]:
    """Write one shadow page per record at ``root/{lang}/{part}/{url}`` (parts ``0000``, ``0001``…
    of at most ``part_pages`` pages); return pages per language."""
    if progress:
        from tqdm import tqdm

        records = tqdm(records, desc="search: shadow pages", unit="page")
    counts: dict[str, int] = {}
    for record in records:
        at = counts.get(record.lang, 0)
        part = f"{at // max(1, part_pages):04d}"
        page = root / record.lang / part / record.url.strip("/") / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(shadow_page(record, tokenize), encoding="utf-8")
        counts[record.lang] = at + 1
    return counts


def index_language(site: Path, lang: str, bundle: Path) -> None:
    """Index one language's shadow pages (``site/{part}/…``) into ``bundle``: Pagefind on each
    part in turn, then the parts joined into one index (a single part is used as it is)."""
    part_sites = sorted(p for p in site.iterdir() if p.is_dir())
    if len(part_sites) == 1:
        _pagefind(part_sites[0], bundle)
        return
    require_version()  # before hours of indexing: the join reads Pagefind's own file formats
    part_bundles = [bundle.parent / f"{lang}-part-{p.name}" for p in part_sites]
    for part_site, part_bundle in zip(part_sites, part_bundles, strict=True):
        _pagefind(part_site, part_bundle)
    info = merge_parts(part_bundles, lang, bundle)
    entry = json.loads((part_bundles[0] / ENTRY).read_text(encoding="utf-8"))
    entry["languages"] = {lang: info}
    (bundle / ENTRY).write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    check_bundle(bundle)
    for part_bundle in part_bundles:
        shutil.rmtree(part_bundle)


def merge_bundles(parts: Sequence[Path], bundle: Path) -> None:
    """Merge one-language Pagefind bundles into ``bundle``: their files (content-hashed names,
    so they never clash; the shared JS and WebAssembly are identical) and the languages of their
    ``pagefind-entry.json``. Only what the browser loads is kept (:data:`BUNDLE_FILES`)."""
    entry: dict = {}
    for part in parts:
        part_entry = json.loads((part / ENTRY).read_text(encoding="utf-8"))
        if entry and part_entry["version"] != entry["version"]:
            raise ValueError(f"{part}: Pagefind {part_entry['version']}, not {entry['version']}")
        languages = {**entry.get("languages", {}), **part_entry["languages"]}
        entry = {**part_entry, "languages": languages}
        for path in part.rglob("*"):
            name = path.relative_to(part).as_posix()
            if path.is_file() and BUNDLE_FILES.match(name):
                (bundle / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, bundle / name)
    (bundle / ENTRY).write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")


def preload_urls(bundle: Path, lang: str) -> list[str]:
    """Bundle files (site-relative URLs) that ``pagefind.js`` fetches on a ``lang`` page before
    the first search — its WebAssembly and the language's ``pf_meta`` — for
    ``<link rel=preload>``; ``[]`` without an index for ``lang``. The filter chunks are not
    preloaded: ``search.js`` fetches them only when the reader opens the filters panel."""
    entry = Path(bundle) / ENTRY
    if not entry.is_file():
        return []
    info = json.loads(entry.read_text(encoding="utf-8"))["languages"].get(lang)
    if not info:
        return []
    files = [f"wasm.{info['wasm'] or 'unknown'}.pagefind", f"pagefind.{info['hash']}.pf_meta"]
    return [f"{Path(bundle).name}/{name}" for name in files if (Path(bundle) / name).is_file()]


class SearchIndexError(RuntimeError):
    """Pagefind failed or wrote an unusable bundle (the message says which and why)."""


def _pagefind(site: Path, bundle: Path) -> None:
    """Index ``site`` (shadow pages of one language) into ``bundle`` with Pagefind's command
    line (``python -m pagefind``, the installed binary), and check what it wrote.

    The command writes every file before it exits, unlike the Python API's service mode, which
    can report a bundle written while its last bytes are still on their way (Pagefind issue
    #1271: an empty ``pagefind-entry.json`` under load)."""
    cmd = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle),
           "--silent"]
    # the merge assumes Pagefind's own chunking (pfmerge.CHUNK_UNITS): never another chunk size
    env = {k: v for k, v in os.environ.items() if k not in UNSET_ENV}
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()[-2000:]
        raise SearchIndexError(
            f"search: Pagefind failed on {site} (exit {done.returncode}): {detail}")
    check_bundle(bundle)


def check_bundle(bundle: Path) -> None:
    """Raise :class:`SearchIndexError` unless ``bundle`` has a readable entry file and every file it
    names for each language (a truncated index would leave the search page waiting forever)."""
    entry_path = Path(bundle) / ENTRY
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        languages = entry["languages"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SearchIndexError(f"search: Pagefind wrote no usable {entry_path}: {exc}") from None
    for lang, info in languages.items():
        meta = Path(bundle) / f"pagefind.{info['hash']}.pf_meta"
        if not meta.is_file() or meta.stat().st_size == 0:
            raise SearchIndexError(f"search: Pagefind's {lang} index {meta} is missing or empty")
    empty = [p.name for p in Path(bundle).rglob("*.pf_*") if p.stat().st_size == 0]
    if empty:
        raise SearchIndexError(f"search: Pagefind wrote empty index files: {', '.join(empty[:5])}")


def build_index(records: Iterable[SearchRecord], out_dir: Path | str, progress: bool = False,
                part_pages: int = PART_PAGES, fingerprint: str = "",
                tokenize: Tokenizer | None = None) -> IndexStats:
    """Index ``records`` into ``out_dir/pagefind/`` (replacing it) and return stats; Pagefind
    indexes at most ``part_pages`` pages at a time (:func:`index_language`). ``tokenize`` adds
    the taxonomy tokenizer's word starts to ICU's (:func:`.textcode.taxonomy_tokenizer`). The
    new bundle is written beside the old one, checked, stamped with ``fingerprint`` and the size
    of each file, then swapped in (:mod:`.bundle`): a killed build never leaves half a bundle.

    Usable on its own (benchmarks): records need no Pelican. Thai text is coded by
    :func:`.textcode.encode_text`; the browser side is ``theme/static/search/search.js``.
    """
    start = time.perf_counter()
    remove_leftovers(out_dir)
    new = new_bundle_dir(out_dir)
    with tempfile.TemporaryDirectory(prefix=work_prefix()) as tmp:
        shadow, parts = Path(tmp) / "shadow", Path(tmp) / "bundles"
        counts = write_shadow_pages(records, shadow, progress, part_pages, tokenize)
        for lang in sorted(counts):  # one process at a time: the peak is one part's
            index_language(shadow / lang, lang, parts / lang)
        merge_bundles([parts / lang for lang in sorted(counts)], new)
    check_bundle(new)
    write_stamp(new, fingerprint)
    bundle = swap_in(new, out_dir)
    files = [p for p in bundle.rglob("*") if p.is_file()]
    return IndexStats(
        pages=sum(counts.values()),
        seconds=round(time.perf_counter() - start, 2),
        bundle_bytes=sum(p.stat().st_size for p in files),
        files=len(files),
    )
