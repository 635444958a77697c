"""The site built with ``publishconf.py`` for a sub-path ``SITEURL`` works when served there.

The demo content is converted, built for ``http://127.0.0.1:PORT/repo`` and served from ``/repo/``
only (anything outside is a 404); the crawler follows every internal link, asset, feed and anchor.
"""

from __future__ import annotations

import re
import shutil

from editors_build import build, ok, output

from qa.linkcheck import crawl, serve

REPOSITORY = "https://github.com/org/briefing"
EDIT_LINK = re.compile(re.escape(REPOSITORY) + r"/edit/main/([^\"]+)\"")


def test_published_site_has_no_broken_links_under_a_sub_path(converted_demo, tmp_path):
    shutil.copytree(converted_demo / "content", tmp_path / "content")
    with serve(None, "/repo") as (base, server):
        run = build(tmp_path, "publishconf.py", base.rstrip("/"), repository=REPOSITORY)
        assert ok(run), output(run)
        server.root = str(tmp_path / "output")
        report = crawl(base)
    assert not report.broken, f"{len(report.broken)} broken:\n" + "\n".join(map(str, report.broken))
    assert report.pages >= 20, report
    home = (tmp_path / "output" / "en" / "index.html").read_text("utf-8")
    assert f'href="{base}en/' in home, "links are absolute under the sub-path"
    feed = (tmp_path / "output" / "en" / "feeds" / "all.atom.xml").read_text("utf-8")
    assert f"{base}en/releases/" in feed
    releases = sorted(p for p in (tmp_path / "output" / "en" / "releases").glob("*/index.html")
                      if 'http-equiv="refresh"' not in p.read_text("utf-8"))  # not a redirect
    assert len(releases) == len(list((tmp_path / "content/releases/en").glob("*.md"))) > 0
    for release in releases:
        (path,) = set(EDIT_LINK.findall(release.read_text("utf-8")))  # notice + notes box
        assert (tmp_path / path).is_file(), f"'Suggest an edit' points at {path}, not a file"
        assert path == f"content/releases/en/{release.parent.name}.md"
