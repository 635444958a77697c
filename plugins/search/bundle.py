"""The search bundle on disk: put a new one in place atomically, and trust only a complete one.

A new bundle is written to ``output/.pagefind-new-PID``, stamped (:data:`STAMP`: the fingerprint
of what it was built from, then how many files each part of it holds and their total size), then
swapped in with two renames
(the old bundle to ``.pagefind-old-PID``, the new one to ``pagefind``); the old one is removed
last. A build killed at any point leaves either the old complete bundle, the new complete one, or
none, never a half-removed one. :func:`is_current` keeps a bundle only when its stamp matches
*and* it still holds what the stamp counted. The stamp counts by part (``fragment/``,
``index/``, ``*.pagefind``…), not by file name, so two builds of one site write the same stamp:
Pagefind names its filter and ``pf_meta`` files by value lists it writes in hash-map order, so
for those parts (:data:`UNORDERED`) only the number of files is compared. Pagefind's work folders
(``briefing-search-PID-*`` in the temp directory) and swap folders of processes that no longer
run are removed when the next index is built (:func:`remove_leftovers`).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from briefing.convert.atomic import pid_alive

BUNDLE = "pagefind"
STAMP = "fingerprint.txt"
WORK_PREFIX = "briefing-search-"
WORK_RE = re.compile(rf"^{WORK_PREFIX}(?P<pid>\d+)-")
SWAP_RE = re.compile(r"^\.pagefind-(?:new|old)-(?P<pid>\d+)$")
#: Parts whose file names or sizes vary between two builds of the same site: counted only.
UNORDERED = ("filter", "*.pf_meta", "*.json")


def work_prefix() -> str:
    """Prefix of this process's Pagefind work folder in the temp directory."""
    return f"{WORK_PREFIX}{os.getpid()}-"


def _remove_dead(folder: Path, pattern: re.Pattern) -> list[Path]:
    removed = []
    if not folder.is_dir():
        return removed
    for path in folder.iterdir():
        match = pattern.match(path.name)
        if match and path.is_dir() and not pid_alive(int(match["pid"])):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def remove_leftovers(out_dir: Path | str, temp_dir: str | None = None) -> list[Path]:
    """Remove the work and swap folders that killed builds left; return what was removed."""
    return (_remove_dead(Path(temp_dir or tempfile.gettempdir()), WORK_RE)
            + _remove_dead(Path(out_dir), SWAP_RE))


def _part(relative: Path) -> str:
    """The part of the bundle a file belongs to: its folder, or ``*.ext`` at the top."""
    return relative.parts[0] if len(relative.parts) > 1 else f"*{relative.suffix}"


def manifest(bundle: Path) -> list[str]:
    """``part files bytes`` for each part of ``bundle`` (bytes ``-`` for :data:`UNORDERED`)."""
    parts: dict[str, list[int]] = {}
    for path in bundle.rglob("*"):
        if path.is_file() and path.name != STAMP:
            count = parts.setdefault(_part(path.relative_to(bundle)), [0, 0])
            count[0] += 1
            count[1] += path.stat().st_size
    return [f"{part} {n} {'-' if part in UNORDERED else size}"
            for part, (n, size) in sorted(parts.items())]


def write_stamp(bundle: Path, fingerprint: str) -> None:
    """Stamp ``bundle`` with ``fingerprint`` and what each of its parts holds."""
    lines = [fingerprint, *manifest(bundle)]
    (bundle / STAMP).write_text("\n".join(lines) + "\n", encoding="utf-8")


def is_current(bundle: Path | str, fingerprint: str) -> bool:
    """Whether ``bundle`` was built from ``fingerprint`` and still holds what it held."""
    try:
        lines = (Path(bundle) / STAMP).read_text(encoding="utf-8").splitlines()
        return bool(lines) and lines[0] == fingerprint and lines[1:] == manifest(Path(bundle))
    except (OSError, UnicodeDecodeError):
        return False


def new_bundle_dir(out_dir: Path | str) -> Path:
    """An empty folder for this process's new bundle, beside the live one."""
    new = Path(out_dir) / f".pagefind-new-{os.getpid()}"
    if new.exists():
        shutil.rmtree(new)
    new.parent.mkdir(parents=True, exist_ok=True)
    return new


def swap_in(new: Path, out_dir: Path | str) -> Path:
    """Make ``new`` the site's bundle (two renames; the old bundle is removed after)."""
    bundle, old = Path(out_dir) / BUNDLE, Path(out_dir) / f".pagefind-old-{os.getpid()}"
    if old.exists():
        shutil.rmtree(old)
    if bundle.exists():
        os.rename(bundle, old)
    os.rename(new, bundle)
    shutil.rmtree(old, ignore_errors=True)
    return bundle
