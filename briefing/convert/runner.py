"""Batch conversion: find sources, convert in parallel, merge with what exists, write atomically.

Workers (a ProcessPoolExecutor) convert each file and merge it with the files already on disk
(the YAML work is theirs, so the parent is never the bottleneck); the parent only checks for
duplicates and writes, in sorted order, so the output does not depend on the number of jobs. The
taxonomy is loaded and the matcher compiled once per worker by the pool's initializer (the parent
loads the taxonomy first, so a bad one is one ``TaxonomyError``, not a broken pool); workers end
with the parent (:mod:`briefing.convert.workers`).

An output file that cannot be read (not UTF-8, no permission) or written (read-only folder, full
disk) is reported in ``Summary.failed`` with its reason; the other releases are still written.
A batch starts by repairing what a killed run left (:func:`briefing.convert.atomic.repair`).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from briefing.contract import LANGS
from briefing.convert import aliases, pipeline
from briefing.convert.atomic import repair, write_atomically
from briefing.convert.edited_tags import facts_as_edited
from briefing.convert.merge import MergeResult, merge
from briefing.convert.names import batch_lexicon
from briefing.convert.outputs import (  # noqa: F401 (the CLI and tools import them from here)
    SOURCE_GLOB,
    Existing,
    UsageError,
    _relative,
    collect_sources,
    existing_outputs,
    io_reason,
)
from briefing.convert.pipeline import Converted, Refused
from briefing.convert.workers import end_with_parent
from briefing.taxonomy import load_taxonomy

#: Below this many files no progress bar is drawn.
PROGRESS_MIN_FILES = 20
#: Reported when a source takes over a release whose own source file no longer exists (renamed).
REPLACES = "replaces {old}, whose source is gone (same release, new source file)"
_WORKER: dict = {}  # the worker process's matcher, set once by ``_init_worker``



@dataclass
class Summary:
    """What a batch did, file by file."""

    converted: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[Refused] = field(default_factory=list)
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # (output file, field)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (source file, message)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, why it was not written)
    relevance: dict = field(default_factory=dict)  # source file → its Relevance

    def off_topic(self) -> list[str]:
        """Sources converted or updated in this run that look off the site's subject."""
        return [s for s in (*self.converted, *self.updated)
                if s in self.relevance and not self.relevance[s].on_topic]

    def refused_by_kind(self) -> Counter:
        return Counter(r.kind for r in self.refused)


@dataclass(frozen=True)
class Failed:
    """A release whose output file could not be read: nothing of it is written."""

    path: str
    reason: str


@dataclass(frozen=True)
class Placed:
    """A converted release merged with the files on disk: what to write for each language."""

    result: Converted
    merged: tuple[tuple[Path, MergeResult], ...]


def _init_worker(taxonomy_dir: str, out_dir: str | None = None,
                 slugs: dict[str, str] | None = None, lexicon: dict | None = None,
                 also: dict[str, tuple] | None = None) -> None:
    end_with_parent()
    _WORKER["matcher"] = pipeline.load_matcher(Path(taxonomy_dir))
    _WORKER["lexicon"] = lexicon or {}
    _WORKER["out_dir"] = Path(out_dir) if out_dir else None
    _WORKER["slugs"] = slugs or {}
    _WORKER["also"] = also or {}


def place(result: Converted | Refused, out_dir: Path, slugs: dict[str, str],
          also: dict[str, tuple] | None = None, matcher=None) -> Placed | Refused | Failed:
    """Give a converted release its existing slug (if any) and its other publications
    (``also_published_as``, from ``also``), then merge both files with the disk.

    With ``matcher``, an English page whose tags an editor changed gets its Facts rendered
    again from the tags as edited (:mod:`briefing.convert.edited_tags`)."""
    if isinstance(result, Refused):
        return result
    slug = slugs.get(result.source_file)
    if slug is not None and slug != result.slug:
        result = replace(result, slug=slug)
        result.th_meta["slug"] = result.en_meta["slug"] = slug
    entries = (also or {}).get(result.source_file, ())
    result = replace(result, th_meta=aliases.with_aliases(result.th_meta, entries),
                     en_meta=aliases.with_aliases(result.en_meta, entries))
    merged = []
    for lang in LANGS:
        path = out_dir / lang / f"{result.slug}.md"
        try:
            existing = path.read_text(encoding="utf-8") if path.exists() else None
        except (OSError, UnicodeDecodeError) as exc:
            return Failed(path.as_posix(), f"cannot read: {io_reason(exc)} (left as it is; "
                          f"{result.source_file} not converted)")
        meta = result.th_meta if lang == "th" else result.en_meta
        body = result.th_body if lang == "th" else result.en_body
        outcome = merge(existing, meta, body)
        if lang == "en" and existing is not None:
            outcome = facts_as_edited(result, outcome, existing, matcher)
        merged.append((path, replace(outcome, meta=None)))
    return Placed(replace(result, release=None), tuple(merged))


def _convert_in_worker(args: tuple[str, str, date | None]) -> Converted | Refused | Placed:
    path, root, today = args
    result = pipeline.convert_file(Path(path), Path(root), _WORKER["matcher"], today,
                                   _WORKER.get("lexicon"))
    out_dir = _WORKER.get("out_dir")
    if out_dir is None:
        return replace(result, release=None) if isinstance(result, Converted) else result
    return place(result, out_dir, _WORKER["slugs"], _WORKER["also"], _WORKER["matcher"])


def convert_all(files: list[Path], root: Path, taxonomy_dir: Path, jobs: int,
                today: date | None = None, out_dir: Path | None = None,
                slugs: dict[str, str] | None = None,
                also: dict[str, tuple] | None = None) -> Iterator[Converted | Refused | Placed]:
    """Convert ``files`` (in their order) with ``jobs`` worker processes (1: in this process).

    With ``out_dir``, each converted release comes back :class:`Placed` (merged with the files
    in ``out_dir``, under its slug from ``slugs`` when it already has one).
    """
    lexicon = batch_lexicon(files)
    if jobs <= 1 or len(files) <= 1:
        matcher = pipeline.load_matcher(taxonomy_dir)
        for path in files:
            result = pipeline.convert_file(path, root, matcher, today, lexicon)
            yield result if out_dir is None else place(result, out_dir, slugs or {}, also,
                                                       matcher)
        return
    args = [(p.as_posix(), root.as_posix(), today) for p in files]
    chunk = max(1, min(32, len(files) // (jobs * 8)))
    initargs = (taxonomy_dir.as_posix(), out_dir.as_posix() if out_dir else None, slugs, lexicon,
                also)
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=initargs) as pool:
        yield from pool.map(_convert_in_worker, args, chunksize=chunk)


def _source_exists(source_file: str, root: Path) -> bool:
    """Whether a release's ``source_file`` (relative to ``root``, or as given) still exists."""
    return (root / source_file).exists() or Path(source_file).exists()


def _record(placed: Placed, summary: Summary, dry_run: bool) -> None:
    for path, outcome in placed.merged:
        summary.conflicts.extend((path.as_posix(), f) for f in outcome.conflicts)
    statuses = {m.status for _, m in placed.merged}
    source = placed.result.source_file
    if statuses == {"unchanged"}:
        summary.unchanged.append(source)
        return
    if not dry_run:
        items = [(p, m.text) for p, m in placed.merged if m.status != "unchanged"]
        try:
            write_atomically(items)
        except OSError as exc:  # nothing of this release was written; the batch goes on
            name = str(exc.filename or "")
            where = name if name and not Path(name).name.startswith(".") else items[0][0]
            summary.failed.append((Path(where).as_posix(), f"cannot write: {io_reason(exc)} "
                                   f"({source} not converted)"))
            return
    (summary.converted if statuses == {"converted"} else summary.updated).append(source)


def run(sources: list[Path], out_dir: Path, taxonomy_dir: Path, *, root: Path, jobs: int = 1,
        dry_run: bool = False, today: date | None = None,
        progress: Callable[[Iterator, int], Iterator] | None = None) -> Summary:
    """Convert ``sources`` (files or folders) into ``out_dir/{th,en}/SLUG.md``; return a Summary."""
    files = collect_sources(sources)
    load_taxonomy(taxonomy_dir)  # a TaxonomyError here, not in every worker
    summary = Summary()
    if not dry_run:
        summary.warnings += [("", done) for done in repair(out_dir / lang for lang in LANGS)]
    known = existing_outputs(out_dir, summary.failed)
    slug_owner = {e.slug: src for src, e in known.items()}
    body_owner = {e.body_key: src for src, e in known.items() if e.body_key}
    slugs = {src: e.slug for src, e in known.items()}
    gone = {src for src in known if not _source_exists(src, root)}
    also = {src: e.aliases for src, e in known.items() if e.aliases}
    found: dict[str, list[dict]] = {}  # kept release's source → its other publications
    results = convert_all(files, root, taxonomy_dir, jobs, today, out_dir=out_dir, slugs=slugs,
                          also=also)
    if progress is not None:
        results = progress(results, len(files))
    for placed in results:  # written as they come: overlaps the workers' conversion
        if isinstance(placed, Refused):
            summary.refused.append(placed)
            continue
        if isinstance(placed, Failed):
            summary.failed.append((placed.path, placed.reason))
            continue
        result = placed.result
        same_slug = ("same date and source URL" if result.th_meta.get("source_url") else
                     f"same slug {result.slug}: same date, and no source URL, so the slug "
                     "comes from the file name; rename one file")
        owners = (
            (body_owner.get(result.body_key), "same text"),
            (slug_owner.get(result.slug), same_slug),
        )
        clash = [(o, why) for o, why in owners if o is not None and o != result.source_file]
        if clash and clash[0][0] in gone:  # a renamed source: it takes over the old release
            old = clash[0][0]
            gone.discard(old)
            if known[old].slug != result.slug:
                placed = place(result, out_dir, {result.source_file: known[old].slug}, also)
                result = placed.result
            summary.warnings.append((result.source_file, REPLACES.format(old=old)))
        elif clash and clash[0][1] == "same text" and \
                slug_owner.get(result.slug) in (None, result.source_file):
            kept = clash[0][0]  # published again under another id: kept once, recorded there
            found.setdefault(kept, []).append(aliases.alias_entry(
                result.source_file, result.slug, result.th_meta.get("source_url")))
            slug_owner[result.slug] = result.source_file
            summary.warnings.append((result.source_file, aliases.ALIAS_NOTE.format(kept=kept)))
            continue
        elif clash:
            other, why = clash[0]
            summary.refused.append(Refused(result.source_file, f"duplicate of {other} ({why})"))
            continue
        body_owner[result.body_key] = slug_owner[result.slug] = result.source_file
        summary.warnings.extend((result.source_file, w) for w in result.warnings)
        if result.relevance is not None:
            summary.relevance[result.source_file] = result.relevance
        _record(placed, summary, dry_run)
    batch = {Path(p).as_posix() for p in files} | {_relative(p, root) for p in files}
    _settle_aliases(also, found, batch, summary, out_dir, taxonomy_dir, root, today, slugs,
                    dry_run)
    summary.refused.sort(key=lambda r: r.source_file)
    summary.failed.sort()
    return summary


def _settle_aliases(also, found, batch, summary, out_dir, taxonomy_dir, root, today, slugs,
                    dry_run) -> None:
    """Rewrite the kept releases whose ``also_published_as`` differs from what they were placed
    with (converted again here, in this process: only releases whose duplicates changed)."""
    exists = functools.partial(_source_exists, root=root)
    redo = {}
    for src in sorted(set(found) | set(also)):
        entries = aliases.settle(also.get(src, ()), found.get(src, []), batch, exists)
        if entries != list(also.get(src, ())) and _source_exists(src, root):
            redo[src] = tuple(entries)
    if not redo:
        return
    matcher = pipeline.load_matcher(taxonomy_dir)
    for src, entries in redo.items():
        path = root / src if (root / src).exists() else Path(src)
        placed = place(pipeline.convert_file(path, root, matcher, today), out_dir, slugs,
                       {src: entries})
        if isinstance(placed, Refused):
            continue
        was_new = src in summary.converted
        for group in (summary.converted, summary.updated, summary.unchanged):
            if src in group:
                group.remove(src)
        _record(placed, summary, dry_run)
        if was_new and src in summary.updated:  # new in this run: still "converted"
            summary.updated.remove(src)
            summary.converted.append(src)
