"""Atomic writes of a release's pair of files, and repair of what a killed run left behind.

:func:`write_atomically` writes every file of a set (the Thai and English pages of one release)
to a temp file in its own folder (``.NAME.PID.tmp``), then a *journal* next to the first file
(``.NAME.PID.journal``: each temp file and its target), then renames the temp files over their
targets and removes the journal. A run killed before the journal is complete has renamed
nothing; one killed after has a complete journal. :func:`repair` (run at the start of every
batch) finishes the renames of a dead process's complete journal (so a kill between the Thai and
the English rename never leaves one language alone) and removes the temp files and broken
journals of processes that no longer run.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path

#: A temp file is created, never opened if it exists (os.O_EXCL).
TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
#: ``.NAME.PID.tmp`` / ``.NAME.PID.XXXX.tmp`` (mkstemp fallback) and ``.NAME.PID.journal``.
LEFTOVER_RE = re.compile(r"^\..+?\.(?P<pid>\d+)(?:\.[^.]+)?\.(?P<kind>tmp|journal)$")


def _open_temp(path: Path) -> tuple[int, str]:
    """A new temp file next to ``path``, named by the process id (or, if a killed run left that
    name, by :func:`tempfile.mkstemp` with the process id in its prefix)."""
    tmp = str(path.parent / f".{path.name}.{os.getpid()}.tmp")
    try:
        return os.open(tmp, TEMP_FLAGS, 0o644), tmp
    except FileExistsError:
        return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.",
                                suffix=".tmp")


def _write_fd(fd: int, data: bytes) -> None:
    try:
        os.fchmod(fd, 0o644)  # mkstemp's files are 0600 and a umask can narrow os.open's
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def write_atomically(items: list[tuple[Path, str]]) -> None:
    """Write every (path, text) or none: temp files, a journal, then ``os.replace``."""
    temps: list[tuple[str, Path]] = []
    folders: set[Path] = set()
    journal: Path | None = None
    try:
        for path, text in items:
            if path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            fd, tmp = _open_temp(path)
            temps.append((tmp, path))
            _write_fd(fd, text.encode("utf-8"))
        if len(temps) > 1:
            first = temps[0][1]
            journal = first.parent / f".{first.name}.{os.getpid()}.journal"
            body = json.dumps([[tmp, str(path)] for tmp, path in temps]).encode("utf-8")
            _write_fd(os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), body)
        done: list[tuple[Path, bytes | None]] = []
        try:
            for tmp, path in temps:
                try:
                    old = path.read_bytes()
                except FileNotFoundError:
                    old = None
                os.replace(tmp, path)
                done.append((path, old))
        except BaseException:
            for path, old in reversed(done):  # put back what was there
                if old is None:
                    path.unlink(missing_ok=True)
                else:
                    path.write_bytes(old)
            raise
    finally:
        for tmp, _ in temps:
            _unlink(tmp)
        if journal is not None:
            _unlink(journal)


def _unlink(path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (this process counts as alive)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def repair(folders) -> list[str]:
    """Finish or undo what dead processes left in ``folders``; return what was done."""
    done: list[str] = []
    leftovers = []
    for folder in folders:
        if Path(folder).is_dir():
            leftovers += [p for p in Path(folder).iterdir() if LEFTOVER_RE.match(p.name)]
    dead = [p for p in leftovers if not pid_alive(int(LEFTOVER_RE.match(p.name)["pid"]))]
    for journal in (p for p in dead if p.name.endswith(".journal")):
        try:
            pairs = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pairs = []  # written only in part: nothing was renamed yet
        for tmp, target in pairs:
            if os.path.exists(tmp):
                os.replace(tmp, target)
                done.append(f"finished the interrupted write of {target}")
        _unlink(journal)
    for tmp in (p for p in dead if p.name.endswith(".tmp")):
        if tmp.exists():
            _unlink(tmp)
            done.append(f"removed {tmp} (left by a stopped run)")
    return done
