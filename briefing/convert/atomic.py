"""Write several files all or none: temp files in the same folder, then ``os.replace`` each."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

#: A temp file is created, never opened if it exists (os.O_EXCL).
TEMP_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _open_temp(path: Path) -> tuple[int, str]:
    """A new temp file next to ``path``: named by the process id (no random name to draw), or by
    :func:`tempfile.mkstemp` if that name is taken (a file left by an earlier, killed run)."""
    tmp = str(path.parent / f".{path.name}.{os.getpid()}.tmp")
    try:
        return os.open(tmp, TEMP_FLAGS, 0o644), tmp
    except FileExistsError:
        return tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")


def write_atomically(items: list[tuple[Path, str]]) -> None:
    """Write every (path, text) or none: temp files in the same folder, then ``os.replace``."""
    temps: list[tuple[str, Path]] = []
    folders: set[Path] = set()
    try:
        for path, text in items:
            if path.parent not in folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                folders.add(path.parent)
            fd, tmp = _open_temp(path)
            temps.append((tmp, path))
            try:
                os.fchmod(fd, 0o644)  # mkstemp's files are 0600 and a umask can narrow os.open's
                data = memoryview(text.encode("utf-8"))
                while data:
                    data = data[os.write(fd, data):]
            finally:
                os.close(fd)
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
            try:
                os.unlink(tmp)
            except FileNotFoundError:
                pass
