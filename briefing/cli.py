"""Command line: ``python -m briefing convert SRC... --out DIR`` (see ``--help``)."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from briefing.convert import runner
from briefing.convert.merge import UNREADABLE
from briefing.convert.reader import project_root
from briefing.taxonomy import TaxonomyError

EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_TAXONOMY, EXIT_IO = 0, 1, 2, 3, 4

#: A converter warning that starts with the line it is about (``"12: source URL …"``).
LINE_FIRST_RE = re.compile(r"^\d+: ")
DESCRIPTION = """\
Convert raw Thai government press releases (plain-text .txt files) into a Thai and an
English Markdown page each, with YAML front matter carrying dates, source, countries,
meetings, topics, organisations, people and key figures from the taxonomy.

Re-running is safe: unchanged sources leave files byte-identical; fields and text an
editor changed are kept (conflicts are reported); writes are atomic."""

EPILOG = """\
examples:
  python -m briefing convert content/sources --out content/releases
  python -m briefing convert new/80784.txt --out content/releases --dry-run
  python -m briefing convert ../shared/corpus/sample --out /tmp/out --jobs 2 --quiet

exit status:
  0  every file converted, updated or unchanged
  1  at least one file was refused (bad input: empty, binary, UTF-16 or not UTF-8, HTML,
     not a regular file, too large, no or impossible date line, duplicate of another
     release…); the others are written
  2  usage error (unknown option, missing source path, --out naming a file)
  3  the taxonomy is invalid (its file:line: message is printed); nothing is converted
  4  an output file could not be read (not UTF-8, no permission) or written (read-only
     folder, full disk): each is named with its reason; the others are written
     (4 wins over 1 when both happen)"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m briefing", description="Briefing: bilingual press-release converter.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    conv = sub.add_parser(
        "convert", help="convert raw releases into bilingual Markdown",
        description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    conv.add_argument("sources", nargs="+", type=Path, metavar="SRC",
                      help="raw release files, or folders searched for *.txt")
    conv.add_argument("--out", required=True, type=Path, metavar="DIR",
                      help="output folder; pages go to DIR/th/SLUG.md and DIR/en/SLUG.md")
    conv.add_argument("--taxonomy", type=Path, default=Path("content/taxonomy"), metavar="DIR",
                      help="taxonomy folder (default: content/taxonomy)")
    conv.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1, metavar="N",
                      help="worker processes (default: number of cores)")
    conv.add_argument("--quiet", "-q", action="store_true",
                      help="no progress bar; print only refusals, conflicts and the totals")
    conv.add_argument("--dry-run", action="store_true",
                      help="convert and report, but write nothing")
    conv.add_argument("--relevance", action="store_true",
                      help="report every release's topic score, unchanged ones too (converted "
                           "and updated ones always show it; off-topic ones even with --quiet)")
    chk = sub.add_parser("check", add_help=False,
                         help="validate content and taxonomy (python -m briefing check --help)")
    chk.add_argument("check_args", nargs=argparse.REMAINDER)  # main() hands them to check
    return parser


def _progress(quiet: bool):
    if quiet:
        return None

    def bar(results, total):
        if total < runner.PROGRESS_MIN_FILES:
            return results
        from tqdm import tqdm

        return tqdm(results, total=total, unit="file", file=sys.stderr, desc="converting")

    return bar


def _topic(summary, name: str) -> str:
    found = summary.relevance.get(name)
    return f" — {found.label()}" if found is not None else ""


def report(summary, *, quiet: bool, dry_run: bool, out=None, relevance: bool = False) -> None:
    """Print what happened: each release with its topic score, refusals with reasons, conflicts,
    then the totals (with the number of releases that look off the site's subject)."""
    out = out or sys.stdout
    would = "would be " if dry_run else ""
    off_topic = set(summary.off_topic())
    groups = [("converted", summary.converted), ("updated", summary.updated)]
    if relevance:
        groups.append(("unchanged", summary.unchanged))
    for label, files in groups:
        for name in files:
            if not quiet or name in off_topic:
                print(f"{would}{label}: {name}{_topic(summary, name)}", file=out)
    if not quiet:
        for name, message in summary.warnings:  # "12: …" (a line of the file) → name:12: …
            sep = ":" if LINE_FIRST_RE.match(message) else ": "
            print(f"note: {name}{sep}{message}" if name else f"note: {message}", file=out)
    for refused in summary.refused:
        print(f"refused: {refused.message}", file=out)
    for name, reason in summary.failed:
        print(f"failed: {name}: {reason}", file=out)
    for name, field in summary.conflicts:
        if field == UNREADABLE:
            print(f"conflict: {name}: {field}", file=out)
        else:
            print(f"conflict: {name}: '{field}' was edited by hand and the converter's value"
                  " changed; the edit is kept", file=out)
    print(f"{len(summary.converted)} {would}converted, {len(summary.updated)} {would}updated, "
          f"{len(summary.unchanged)} unchanged, {len(summary.refused)} refused, "
          f"{len(summary.conflicts)} conflicts, {len(off_topic)} off-topic?"
          + (f", {len(summary.failed)} failed" if summary.failed else ""), file=out)
    kinds = summary.refused_by_kind()
    if kinds:
        print("refused by reason: " + "; ".join(f"{k} ×{n}" for k, n in kinds.most_common()),
              file=out)


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["check"]:  # python -m briefing check …  ==  python -m briefing.editors.check …
        from briefing.editors.check import main as check_main

        return check_main(argv[1:])
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.jobs < 1:
        print("error: --jobs must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    if not args.taxonomy.is_dir():
        print(f"error: taxonomy folder not found: {args.taxonomy}", file=sys.stderr)
        return EXIT_USAGE
    if args.out.exists() and not args.out.is_dir():
        print(f"error: --out must be a folder; {args.out} is a file", file=sys.stderr)
        return EXIT_USAGE
    try:
        summary = runner.run(args.sources, args.out, args.taxonomy, root=project_root(),
                             jobs=args.jobs, dry_run=args.dry_run, progress=_progress(args.quiet))
    except runner.UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except TaxonomyError as exc:
        where = exc.file if "/" in exc.file else f"{args.taxonomy.as_posix()}/{exc.file}"
        print(f"error: {where}:{exc.line or 1}: {exc.message}", file=sys.stderr)
        return EXIT_TAXONOMY
    except OSError as exc:  # the output folder cannot be listed, a work file cannot be written
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_IO
    report(summary, quiet=args.quiet, dry_run=args.dry_run, relevance=args.relevance)
    if summary.failed:
        return EXIT_IO
    return EXIT_REFUSED if summary.refused else EXIT_OK

