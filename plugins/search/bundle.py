"""The search bundle on disk: put a new one in place atomically, and trust only a complete one.

A new bundle is written to ``output/.pagefind-new-PID``, stamped (:data:`STAMP`: the fingerprint
of what it was built from, then the size of every file in it), then swapped in with two renames
(the old bundle to ``.pagefind-old-PID``, the new one to ``pagefind``); the old one is removed
last. A build killed at any point leaves either the old complete bundle, the new complete one, or
none, never a half-removed one. :func:`is_current` keeps a bundle only when its stamp matches
*and* every file the stamp lists is there with its size. Pagefind's work folders
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


def manifest(bundle: Path) -> list[str]:
    """``size path`` of every file of ``bundle`` (but the stamp), sorted."""
    return sorted(f"{p.stat().st_size} {p.relative_to(bundle).as_posix()}"
                  for p in bundle.rglob("*") if p.is_file() and p.name != STAMP)


def write_stamp(bundle: Path, fingerprint: str) -> None:
    """Stamp ``bundle`` with ``fingerprint`` and the size of each of its files."""
    lines = [fingerprint, *manifest(bundle)]
    (bundle / STAMP).write_text("\n".join(lines) + "\n", encoding="utf-8")


def is_current(bundle: Path | str, fingerprint: str) -> bool:
    """Whether ``bundle`` was built from ``fingerprint`` and still has every file it had."""
    try:
        lines = (Path(bundle) / STAMP).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    if not lines or lines[0] != fingerprint:
        return False
    for line in lines[1:]:
        size, _, name = line.partition(" ")
        path = Path(bundle) / name
        try:
            if not path.is_file() or path.stat().st_size != int(size):
                return False
        except (OSError, ValueError):
            return False
    return True


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
