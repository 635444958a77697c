"""Kill the site build (``kill -9``) at several points, then rebuild: the site ends complete and
verified (issue 20, cases 6 and 9). Each round first changes a release, so the search index has
to be rebuilt, and kills the build while it writes pages, while Pagefind works in its temp
folder, and while the new bundle is written beside the old one."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from search.bundle import STAMP, is_current
from search.index import check_bundle
from site_build import REPO, pair, write_content

SLUGS = ["2024-01-02-1", "2024-01-03-2", "2024-01-04-3"]


def start_build(root: Path) -> subprocess.Popen:
    extra = {"BRIEFING_TAXONOMY_PATH": "content/taxonomy", "CACHE_PATH": str(root / "cache")}
    return subprocess.Popen(
        [sys.executable, "-m", "pelican", "content", "-s", str(REPO / "pelicanconf.py"),
         "-o", "output", "--fatal", "errors",
         "-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())],
        cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True)


def work_dirs(pid: int) -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob(f"briefing-search-{pid}-*"))


def page_rewritten(root: Path, pid: int, start: float) -> bool:
    try:
        return (root / f"output/en/releases/{SLUGS[0]}/index.html").stat().st_mtime > start
    except FileNotFoundError:
        return False


POINTS = {
    "pages": page_rewritten,
    "pagefind": lambda root, pid, start: bool(work_dirs(pid)),
    "new bundle": lambda root, pid, start: any(
        root.glob("output/.pagefind-new-*/pagefind-entry.json")),
}


def kill_at(root: Path, point: str) -> int | None:
    """Start a build and kill it (and its Pagefind) once ``point`` is reached; its pid if it
    was killed."""
    start = time.time()
    proc = start_build(root)
    end = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < end:
        if POINTS[point](root, proc.pid, start):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            return proc.pid
        time.sleep(0.005)
    proc.communicate()
    return None


def verify(root: Path) -> None:
    out = root / "output"
    for slug in SLUGS:
        for lang in ("th", "en"):
            page = out / lang / "releases" / slug / "index.html"
            assert page.is_file() and page.read_text(encoding="utf-8").rstrip().endswith("</html>")
    bundle = out / "pagefind"
    check_bundle(bundle)
    assert is_current(bundle, (bundle / STAMP).read_text().splitlines()[0])
    assert next(bundle.glob("wasm.*")).stat().st_size > 0 and any(bundle.glob("fragment/*"))
    assert not list(out.glob(".pagefind-*"))
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert all(f"en/releases/{slug}/" in sitemap for slug in SLUGS)


def test_killed_builds_then_a_rebuild_give_a_complete_site(tmp_path):
    releases = [r for i, slug in enumerate(SLUGS)
                for r in pair(slug, slug[:10], f"ข่าว {i}", f"News {i}", countries=["KH"])]
    write_content(tmp_path, releases)
    first = start_build(tmp_path)
    assert first.wait() == 0, first.communicate()[0]
    killed = []
    for round_, point in enumerate(POINTS):
        page = tmp_path / "content/releases/en" / f"{SLUGS[0]}.md"
        page.write_text(re.sub(r"English body[^\n]*", f"English body, round {round_}.",
                               page.read_text(encoding="utf-8")), encoding="utf-8")
        pid = kill_at(tmp_path, point)
        if pid is not None:
            killed.append(point)
        final = start_build(tmp_path)
        output = final.communicate()[0]
        assert final.returncode == 0, output
        assert "index kept" not in output  # the index was rebuilt, not a half one trusted
        verify(tmp_path)
        assert pid is None or not work_dirs(pid)  # the killed build's Pagefind folder is gone
    assert killed, "no build was caught at any kill point"
