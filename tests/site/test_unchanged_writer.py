"""unchanged_writer: a rebuild leaves identical pages untouched and rewrites the changed ones."""

from __future__ import annotations

import os

import pytest
from site_build import build_site, pair
from unchanged_writer.unchanged_writer import write_if_changed


def _mtimes(out):
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns
            for p in out.rglob("*") if p.is_file()}


def test_write_if_changed(tmp_path):
    path = tmp_path / "page.html"
    assert write_if_changed(str(path), b"one") is True  # new file
    assert write_if_changed(str(path), b"one") is False  # same bytes: left alone
    assert write_if_changed(str(path), b"two") is True  # same size, other bytes
    assert write_if_changed(str(path), b"three") is True  # other size
    assert path.read_bytes() == b"three"


def test_rebuild_rewrites_only_the_pages_that_changed(tmp_path):
    releases = pair("2024-01-02-1", "2024-01-02", "ข่าวหนึ่ง", "First news", countries=["KH"])
    releases += pair("2024-01-03-2", "2024-01-03", "ข่าวสอง", "Second news", countries=["KH"])
    out = build_site(tmp_path, releases)
    first = _mtimes(out)
    for path in first:  # back-date everything, so a rewrite cannot go unseen
        os.utime(out / path, ns=(1_000_000_000, 1_000_000_000))
    releases[3]["front"]["title"] = "Second news, corrected"  # en/2024-01-03-2
    build_site(tmp_path, releases)
    second = _mtimes(out)
    assert set(second) == set(first)
    rewritten = {path for path, ns in second.items() if ns != 1_000_000_000}
    assert "en/releases/2024-01-03-2/index.html" in rewritten
    # the Thai pages do not show the English title: untouched (the English pages that list the
    # release, such as the other release's "related" box, are rewritten)
    assert {"th/releases/2024-01-02-1/index.html", "th/releases/2024-01-03-2/index.html",
            "th/index.html", "th/countries/kh/index.html"}.isdisjoint(rewritten)
    assert "Second news, corrected" in (out / "en/releases/2024-01-03-2/index.html").read_text(
        encoding="utf-8")
    assert len(rewritten) < len(second) / 2, sorted(rewritten)


def test_pelicans_double_write_check_is_kept(tmp_path):
    from pelican.writers import FileOverwriteFailedError
    from unchanged_writer.unchanged_writer import UnchangedWriter

    writer = UnchangedWriter(str(tmp_path), settings={"OUTPUT_PATH": str(tmp_path)})
    path = str(tmp_path / "a.html")
    with writer._open_w(path, "utf-8") as fh:
        fh.write("x")
    with pytest.raises(FileOverwriteFailedError):
        writer._open_w(path, "utf-8")
    assert (tmp_path / "a.html").read_text() == "x"
