"""A local rebuild after a release is deleted (issue 20, case 16): its pages and feeds go, the
sitemap lists only what this build wrote, and nothing the generators do not own is touched.
Publishing without a site URL is refused instead of building for a made-up address."""

from __future__ import annotations

import os
import subprocess
import sys

from site_build import REPO, build_site, pair


def test_pages_of_a_deleted_release_are_removed_and_unlisted(tmp_path):
    releases = (pair("2024-01-02-1", "2024-01-02", "ข่าว", "News", countries=["KH"])
                + pair("2024-01-03-2", "2024-01-03", "ข่าวสอง", "News two", countries=["KH"]))
    out = build_site(tmp_path, releases)
    gone = out / "en/releases/2024-01-03-2/index.html"
    assert gone.is_file()
    keep = [out / "pagefind/pagefind.js", out / "data/extra.json", out / "en/notes.txt"]
    for path in keep:  # files no generator of this site writes
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("kept")
    for lang in ("th", "en"):
        (tmp_path / "content/releases" / lang / "2024-01-03-2.md").unlink()
    out = build_site(tmp_path, [])
    assert not gone.exists() and not gone.parent.exists()
    assert not (out / "th/releases/2024-01-03-2").exists()
    assert (out / "en/releases/2024-01-02-1/index.html").is_file()
    assert (out / "en/countries/kh/index.html").is_file()
    assert all(path.read_text() == "kept" for path in keep)
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "2024-01-03-2" not in sitemap and "releases/2024-01-02-1/" in sitemap
    assert "/pagefind/" not in sitemap


def test_publish_without_a_site_url_is_refused(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SITEURL"}
    run = subprocess.run([sys.executable, "-c", "import publishconf"], cwd=REPO, env=env,
                         capture_output=True, text=True)
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert "SITEURL is not set" in run.stderr
    invoke = [sys.executable, "-m", "invoke", "publish"]
    run = subprocess.run(invoke, cwd=REPO, env=env, capture_output=True, text=True)
    assert run.returncode != 0
    assert "give the site's absolute address" in run.stderr
