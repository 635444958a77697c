"""``qa.linkcheck`` finds each kind of broken link on a small site served at a sub-path."""

from __future__ import annotations

from qa.linkcheck import crawl, serve

INDEX = """<!DOCTYPE html><html><head><link rel="stylesheet" href="style.css">
<link rel="alternate" type="application/atom+xml" href="feed.xml"></head><body>
<a href="a.html#here">ok anchor</a> <a href="a.html#gone">bad anchor</a>
<a href="missing.html">missing page</a> <a href="/en/">escapes the sub-path</a>
<a href="https://example.org/">external</a> <a href="mailto:x@example.org">mail</a>
<img src="img/ok.png" srcset="img/ok.png 1x, img/big.png 2x"> <a href="#top">self</a>
<h1 id="top">Top</h1></body></html>"""


def test_crawl_reports_each_broken_kind(tmp_path):
    (tmp_path / "index.html").write_text(INDEX, "utf-8")
    (tmp_path / "a.html").write_text('<p id="here">x</p>', "utf-8")
    (tmp_path / "style.css").write_text("body{background:url('img/none.png')}", "utf-8")
    (tmp_path / "img").mkdir()
    (tmp_path / "img/ok.png").write_bytes(b"\x89PNG")
    feed = '<feed><link href="{base}a.html" rel="alternate"/><link href="{base}old.html"/></feed>'
    with serve(tmp_path, "/repo") as (base, _server):
        (tmp_path / "feed.xml").write_text(feed.format(base=base), "utf-8")
        report = crawl(base)
    got = {(b.target.removeprefix(base), b.reason) for b in report.broken}
    root = base.removesuffix("repo/")
    assert got == {
        ("a.html#gone", "no such anchor"),
        ("missing.html", "HTTP 404"),
        (f"{root}en/", "outside the site's base path /repo/"),
        ("img/big.png", "HTTP 404"),
        ("img/none.png", "HTTP 404"),
        ("old.html", "HTTP 404"),
    }
    assert report.pages == 2


def test_server_refuses_paths_outside_the_prefix(tmp_path):
    (tmp_path / "index.html").write_text("<p>hi</p>", "utf-8")
    with serve(tmp_path, "/repo") as (base, _server):
        assert crawl(base).broken == []
        outside = crawl(base.removesuffix("repo/") + "index.html")
    assert [b.reason for b in outside.broken] == ["HTTP 404"]
