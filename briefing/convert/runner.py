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

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from briefing.contract import LANGS
from briefing.convert import pipeline
from briefing.convert.atomic import repair, write_atomically
from briefing.convert.edited_tags import edited_tags, with_edited_tags
from briefing.convert.english import render_english
from briefing.convert.merge import MACHINE_KEY, MergeResult, merge
from briefing.convert.names import batch_lexicon
from briefing.convert.pipeline import Converted, Refused
from briefing.convert.workers import end_with_parent
from briefing.frontmatter import load_markdown
from briefing.taxonomy import load_taxonomy

SOURCE_GLOB = "*.txt"
#: Below this many files no progress bar is drawn.
PROGRESS_MIN_FILES = 20
#: Reported when a source takes over a release whose own source file no longer exists (renamed).
REPLACES = "replaces {old}, whose source is gone (same release, new source file)"
_WORKER: dict = {}  # the worker process's matcher, set once by ``_init_worker``



class UsageError(Exception):
    """A problem with the command line (missing source path…), exit status 2."""


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

    def refused_by_kind(self) -> Counter:
        return Counter(r.kind for r in self.refused)


def collect_sources(paths: Iterable[Path]) -> list[Path]:
    """Files as given plus ``*.txt`` inside folders, sorted and de-duplicated."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob(SOURCE_GLOB)):
                found[child] = None
        elif path.exists():
            found[path] = None
        else:
            raise UsageError(f"no such file or folder: {path}")
    return sorted(found, key=lambda p: p.as_posix())


def _front_matter(path: Path) -> dict:
    return load_markdown(path.read_text(encoding="utf-8", errors="replace"))[0]


def io_reason(exc: OSError | UnicodeDecodeError) -> str:
    """A one-line reason for an output file that could not be read or written."""
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 (byte at offset {exc.start}); fix or delete the file"
    return exc.strerror or str(exc)


@dataclass(frozen=True)
class Existing:
    """A release already converted into the output folder."""

    slug: str
    body_key: str | None


def existing_outputs(out_dir: Path, failed: list | None = None) -> dict[str, Existing]:
    """``source_file`` → slug and recorded Thai body hash of every Thai file in ``out_dir``
    (a file that cannot be read is added to ``failed``)."""
    found: dict[str, Existing] = {}
    for path in sorted((out_dir / "th").glob("*.md")):
        try:
            meta = _front_matter(path)
        except OSError as exc:
            if failed is not None:
                failed.append((path.as_posix(), f"cannot read: {io_reason(exc)}"))
            continue
        source = meta.get("source_file")
        if isinstance(source, str):
            machine = meta.get(MACHINE_KEY) if isinstance(meta.get(MACHINE_KEY), dict) else {}
            found.setdefault(source, Existing(path.stem, machine.get("body")))
    return found


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
                 slugs: dict[str, str] | None = None, lexicon: dict | None = None) -> None:
    end_with_parent()
    _WORKER["matcher"] = pipeline.load_matcher(Path(taxonomy_dir))
    _WORKER["lexicon"] = lexicon or {}
    _WORKER["out_dir"] = Path(out_dir) if out_dir else None
    _WORKER["slugs"] = slugs or {}


def place(result: Converted | Refused, out_dir: Path, slugs: dict[str, str],
          matcher=None) -> Placed | Refused | Failed:
    """Give a converted release its existing slug (if any) and merge both files with the disk.

    With ``matcher``, an English page whose tags an editor changed gets its Facts rendered
    again from the tags as edited (:mod:`briefing.convert.edited_tags`)."""
    if isinstance(result, Refused):
        return result
    slug = slugs.get(result.source_file)
    if slug is not None and slug != result.slug:
        result = replace(result, slug=slug)
        result.th_meta["slug"] = result.en_meta["slug"] = slug
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
            outcome = _facts_as_edited(result, outcome, existing, matcher)
        merged.append((path, replace(outcome, meta=None)))
    return Placed(replace(result, release=None), tuple(merged))


def _facts_as_edited(result: Converted, outcome: MergeResult, existing: str, matcher):
    """Merge again with the English body rendered from the tags of the merged front matter."""
    if matcher is None or result.release is None or result.release.body_lang == "en":
        return outcome
    merged_meta = outcome.meta
    if not merged_meta or not edited_tags(merged_meta, result.en_meta):
        return outcome
    release = with_edited_tags(result.release, merged_meta, matcher.taxonomy)
    body = render_english(release, matcher).body
    return merge(existing, result.en_meta, body)


def _convert_in_worker(args: tuple[str, str, date | None]) -> Converted | Refused | Placed:
    path, root, today = args
    result = pipeline.convert_file(Path(path), Path(root), _WORKER["matcher"], today,
                                   _WORKER.get("lexicon"))
    out_dir = _WORKER.get("out_dir")
    if out_dir is None:
        return replace(result, release=None) if isinstance(result, Converted) else result
    return place(result, out_dir, _WORKER["slugs"], _WORKER["matcher"])


def convert_all(files: list[Path], root: Path, taxonomy_dir: Path, jobs: int,
                today: date | None = None, out_dir: Path | None = None,
                slugs: dict[str, str] | None = None) -> Iterator[Converted | Refused | Placed]:
    """Convert ``files`` (in their order) with ``jobs`` worker processes (1: in this process).

    With ``out_dir``, each converted release comes back :class:`Placed` (merged with the files
    in ``out_dir``, under its slug from ``slugs`` when it already has one).
    """
    lexicon = batch_lexicon(files)
    if jobs <= 1 or len(files) <= 1:
        matcher = pipeline.load_matcher(taxonomy_dir)
        for path in files:
            result = pipeline.convert_file(path, root, matcher, today, lexicon)
            yield result if out_dir is None else place(result, out_dir, slugs or {}, matcher)
        return
    args = [(p.as_posix(), root.as_posix(), today) for p in files]
    chunk = max(1, min(32, len(files) // (jobs * 8)))
    initargs = (taxonomy_dir.as_posix(), out_dir.as_posix() if out_dir else None, slugs, lexicon)
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
    results = convert_all(files, root, taxonomy_dir, jobs, today, out_dir=out_dir, slugs=slugs)
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
                placed = place(result, out_dir, {result.source_file: known[old].slug})
                result = placed.result
            summary.warnings.append((result.source_file, REPLACES.format(old=old)))
        elif clash:
            other, why = clash[0]
            summary.refused.append(Refused(result.source_file, f"duplicate of {other} ({why})"))
            continue
        body_owner[result.body_key] = slug_owner[result.slug] = result.source_file
        summary.warnings.extend((result.source_file, w) for w in result.warnings)
        _record(placed, summary, dry_run)
    summary.refused.sort(key=lambda r: r.source_file)
    summary.failed.sort()
    return summary
