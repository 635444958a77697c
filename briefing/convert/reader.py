"""Read a raw release file: check the bytes, decode UTF-8, hash, and locate it in the project.

Refuses, with a one-line reason, what is not a plain-text release: empty or whitespace-only files,
binary data, bytes that are not UTF-8 (TIS-620 / Latin-1 exports: the offset is named), HTML pages
and files too large to be a press release.
"""

from __future__ import annotations

import hashlib
import re
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


def check_bytes(raw: bytes) -> str:
    """Decode ``raw`` as UTF-8 after the sanity checks; ReleaseError with the reason if refused."""
    if len(raw) > MAX_BYTES:
        raise ReleaseError(f"too large ({len(raw):,} bytes; a release is under {MAX_BYTES:,})")
    if not raw.strip():
        raise ReleaseError("empty file" if not raw else "only whitespace")
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
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ReleaseError(f"cannot read: {exc.strerror or exc}") from None
    return Release(
        source_file=relative_source(path, root),
        raw=raw,
        source_sha256=hashlib.sha256(raw).hexdigest(),
        text=check_bytes(raw),
    )
