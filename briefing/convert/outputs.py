"""The runner's view of the disk: the sources to convert and the releases already written.

``collect_sources`` lists the ``*.txt`` files given (folders searched), ``existing_outputs`` reads
the front matter of every Thai page in the output folder (its source, slug, the Thai body's hash
and the other publications it records), so a re-run keeps slugs and finds duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from briefing.convert import aliases
from briefing.convert.merge import MACHINE_KEY
from briefing.frontmatter import load_markdown

SOURCE_GLOB = "*.txt"


class UsageError(Exception):
    """A problem with the command line (missing source path…), exit status 2."""


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
    aliases: tuple[dict, ...] = ()  # its ``also_published_as`` entries


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
            found.setdefault(source, Existing(path.stem, machine.get("body"),
                                              aliases.recorded(meta)))
    return found


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
