"""Read a raw release file: check the bytes, decode UTF-8, hash, and locate it in the project.

Refuses, with a one-line reason, what is not a plain-text release: empty or whitespace-only files,
binary data, UTF-16 text, bytes that are not UTF-8 (TIS-620 / Latin-1 exports: the offset is
named), HTML pages and files too large to be a press release. The size and the file type are
checked before anything is read (a FIFO, a device or a 4 GB sparse file is refused unread), and
a symbolic link whose target is outside the project is refused.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from briefing.model import Release, ReleaseError

MAX_BYTES = 5 * 1024 * 1024
#: Share of control characters (other than tab/LF/CR/FF) above which a file is binary.
MAX_CONTROL_RATIO = 0.01
CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13)) + b"\x7f"
#: An HTML page rather than release text: a doctype or an <html>/<head>/<body> tag at the top.
HTML_RE = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<\?xml)", re.I)
HTML_SNIFF_BYTES = 1024
UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: Opened without waiting (a FIFO would block ``open``) and never handed to a child process.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
NUL = b"\x00"


def project_root(start: Path | None = None) -> Path:
    """The git root above ``start`` (default the cwd), or the cwd when not in a git checkout."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def relative_source(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` (POSIX) when inside it, else the path as given."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _too_large(size: int) -> ReleaseError:
    return ReleaseError(f"too large ({size:,} bytes; a release is under {MAX_BYTES:,})")


def check_bytes(raw: bytes) -> str:
    """Decode ``raw`` as UTF-8 after the sanity checks; ReleaseError with the reason if refused."""
    if len(raw) > MAX_BYTES:
        raise _too_large(len(raw))
    if not raw.strip():
        raise ReleaseError("empty file" if not raw else "only whitespace")
    if raw.startswith(UTF16_BOMS):
        raise ReleaseError("UTF-16 text, not UTF-8 (save the file as UTF-8)")
    if NUL in raw:
        raise ReleaseError(f"binary file (NUL byte at offset {raw.index(NUL)})")
    controls = sum(raw.count(bytes([b])) for b in CONTROL_BYTES)
    if controls > MAX_CONTROL_RATIO * len(raw):
        raise ReleaseError(f"binary file ({controls} control bytes in {len(raw)})")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = raw[exc.start : exc.start + 1].hex()
        raise ReleaseError(
            f"not UTF-8 (byte 0x{bad} at offset {exc.start}; TIS-620 or Latin-1? re-save as UTF-8)"
        ) from None
    if HTML_RE.match(raw[:HTML_SNIFF_BYTES].removeprefix(UTF8_BOM)):
        raise ReleaseError("an HTML page, not release text (save the page as plain text)")
    return text


def read_release(path: Path, root: Path) -> Release:
    """Read ``path`` into a Release (``raw``, ``text``, ``source_sha256``, ``source_file``)."""
    raw = read_bounded(path, root)
    return Release(
        source_file=relative_source(path, root),
        raw=raw,
        source_sha256=hashlib.sha256(raw).hexdigest(),
        text=check_bytes(raw),
    )


FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
              (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
              (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str:
    return next((name for test, name in FILE_KINDS if test(mode)), "not a regular file")


def read_bounded(path: Path, root: Path) -> bytes:
    """The bytes of a regular file of at most :data:`MAX_BYTES`, checked before reading: a
    symbolic link must stay inside ``root``, and FIFOs, devices and oversized files are refused
    unread."""
    try:
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(Path(root).resolve()):
                raise ReleaseError(f"a symbolic link to {target}, outside the project")
        fd = os.open(path, OPEN_FLAGS)
    except OSError as exc:
        raise ReleaseError(f"cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReleaseError(f"not a release file: {_kind(info.st_mode)}")
        if info.st_size > MAX_BYTES:
            raise _too_large(info.st_size)
        chunks, left = [], MAX_BYTES + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise ReleaseError(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
