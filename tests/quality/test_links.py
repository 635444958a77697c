"""Links gate: the demo site served at the root path has no broken internal link, anchor or asset.

Uses the project's crawler (``qa.linkcheck``: HTML links, assets, CSS ``url()``, feed and
sitemap links, ``#fragment`` anchors). The sub-path build is covered by
tests/editors/test_publish_subpath.py with the same crawler. The last tests break a copy of the
output on purpose and check that the gate reports each breakage.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qa.linkcheck import crawl, serve

#: Files no page links to but readers and scripts fetch directly (ARCHITECTURE.md's URL list;
#: the search UI imports Pagefind's script at run time).
DIRECT = ("sitemap.xml", "data/releases.json", "data/taxonomy.json", "pagefind/pagefind.js",
          "th/feeds/all.atom.xml", "en/feeds/all.atom.xml")


def crawl_folder(output: Path):
    with serve(output, "/") as (base, _server):
        extra = tuple(p for p in DIRECT if (output / p).exists())
        return crawl(base, extra=extra), base


def describe(report) -> str:
    return f"{len(report.broken)} broken:\n" + "\n".join(map(str, report.broken[:40]))


def test_root_site_has_no_broken_links(demo_output):
    report, _ = crawl_folder(demo_output)
    assert not report.broken, describe(report)
    pages = len(list(demo_output.rglob("*.html")))
    assert report.pages >= pages * 0.9, f"crawled {report.pages} of {pages} pages"


def test_every_direct_url_exists(demo_output):
    missing = [p for p in DIRECT if not (demo_output / p).is_file()]
    assert missing == []


@pytest.fixture
def broken_copy(demo_output, tmp_path) -> Path:
    copy = tmp_path / "output"
    shutil.copytree(demo_output, copy)
    return copy


def test_gate_catches_a_broken_link_a_missing_anchor_and_asset(broken_copy):
    home = broken_copy / "en" / "index.html"
    html = home.read_text(encoding="utf-8")
    anchor_page = next(p for p in sorted((broken_copy / "en" / "releases").rglob("index.html")))
    target = "/" + anchor_page.parent.relative_to(broken_copy).as_posix() + "/"
    html = html.replace("</main>", f'<a href="/en/no-such-page/">x</a>'
                        f'<a href="{target}#no-such-anchor">y</a></main>', 1)
    assert "no-such-page" in html, "the home page has no <main> to break"
    home.write_text(html, encoding="utf-8")
    stylesheet = next(broken_copy.rglob("*.css"))
    stylesheet.unlink()
    report, base = crawl_folder(broken_copy)
    found = {(b.target.removeprefix(base), b.reason) for b in report.broken}
    assert ("en/no-such-page/", "HTTP 404") in found
    assert (f"{target[1:]}#no-such-anchor", "no such anchor") in found
    assert (stylesheet.relative_to(broken_copy).as_posix(), "HTTP 404") in found
