"""reader: bad bytes are refused with a one-line reason."""

import pytest

from briefing.convert.reader import MAX_BYTES, check_bytes, relative_source
from briefing.model import ReleaseError


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"", "empty file"),
        (b" \n\t\r\n", "only whitespace"),
        (b"abc\x00def", "binary file \\(NUL byte at offset 3\\)"),
        (bytes(range(1, 9)) * 50, "binary file"),
        ("วันที่".encode("tis-620"), "not UTF-8 \\(byte 0xc7 at offset 0"),
        ("café".encode("latin-1"), "not UTF-8 \\(byte 0xe9 at offset 3"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "HTML page"),
        (b"\xef\xbb\xbf<html lang='th'>", "HTML page"),
        (b"x" * (MAX_BYTES + 1), "too large"),
    ],
)
def test_refused(raw, reason):
    with pytest.raises(ReleaseError, match=reason):
        check_bytes(raw)


def test_accepts_utf8_with_bom():
    assert check_bytes("\ufeffข่าว".encode()) == "\ufeffข่าว"


def test_relative_source(tmp_path):
    inside = tmp_path / "content" / "sources" / "a.txt"
    assert relative_source(inside, tmp_path) == "content/sources/a.txt"
    other = tmp_path.parent / "elsewhere.txt"
    assert relative_source(other, tmp_path / "content") == other.as_posix()
