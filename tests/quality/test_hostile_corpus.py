"""Hostile corpus: nothing an editor or a release writes can run script on the site or in a feed.

Every payload of ``tests/fixtures/hostile/payloads.yaml`` (48: tags, handlers, ``javascript:``
URLs plain, padded, mixed-case and entity-encoded, ``data:``/``vbscript:``, ``srcdoc``, SVG and
MathML, CSS ``url()``/``expression()``, Markdown links, images, reference links, autolinks and
``{: attribute lists}``, a backslash undoing the converter's escape) is placed in every place text
comes from: the raw Thai source (body lines, title, the ``ที่มา`` source line), a reviewed English
translation, the Thai and English ``summary``, an editor note (body and author), a taxonomy term's
names and description, and a front-matter ``source_url``. A tiny site in ``tmp_path`` is
converted with ``python -m briefing convert`` and built with the project's settings; then

* every HTML page, feed and data file of the output is scanned for a live payload (an ``on*``
  attribute, ``srcdoc``, a script/``data:`` URL, CSS script, a frame, an injected script);
* every page that shows a payload, and the HTML of every feed entry, is opened in headless
  Chromium with ``alert``/``confirm``/``prompt`` recorded and dialogs hooked: nothing may fire
  and the DOM probe must find nothing;
* the converter names each bad ``ที่มา`` line with ``file:line`` and the text is still shown.
"""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from editors_build import build, ok, output
from editors_site import TAXONOMY
from hostile import (
    DOM_PROBE,
    INIT_SCRIPT,
    MARK,
    feed_entries_html,
    scan_html,
    script_urls_in_data,
)

from briefing.frontmatter import dump_markdown, load_markdown
from qa.linkcheck import serve

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "hostile"
PAYLOADS = yaml.safe_load((FIXTURES / "payloads.yaml").read_text(encoding="utf-8"))
ALL = "\n\n".join(p["text"] for p in PAYLOADS)
SUMMARY = " ".join(PAYLOADS[i]["text"] for i in (0, 1, 2, 5, 9, 16, 18, 44))
TOPIC = {
    "id": "hostile-topic",
    "name": {"th": "หัวข้อร้าย <img src=x onerror=alert('xss-t1')>",
             "en": "Hostile <script>alert('xss-t2')</script> topic"},
    "aliases": {"th": ["หัวข้อร้าย"]},
    "description": {"th": "<svg onload=alert('xss-t3')>", "en": "[d](javascript:alert('xss-t4'))"
                    " <a href=\"javascript:alert('xss-t5')\" onclick=\"alert('xss-t6')\">d</a>"},
}
LEAD = ("ศาสตราจารย์พิเศษวิศิษฏ์ วิศิษฏ์สรอรรถ ปลัดกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม "
        "กล่าวถึงหัวข้อร้าย ในการประชุมกับราชอาณาจักรกัมพูชา ครั้งที่ {n}")
#: Source stem → its ``ที่มา`` line (three hostile, one valid) and its date line.
SOURCES = {
    "s1": ("https://www.thaigov.go.th/a><svg/onload=alert('xss-s1')>", "วันพุธที่ 23 เมษายน 2568"),
    "s2": ("javascript:alert('xss-s2')", "วันพฤหัสบดีที่ 24 เมษายน 2568"),
    "s3": ("https://www.thaigov.go.th/x\"><script>alert('xss-s3')</script>",
           "วันศุกร์ที่ 25 เมษายน 2568"),
    "s4": ("https://www.thaigov.go.th/news/contents/details/99998", "วันเสาร์ที่ 26 เมษายน 2568"),
}
TITLE = "ข่าวทดสอบ <script>alert('xss-title')</script> ครั้งที่ {n}"


def source_text(n: int, url: str, date_line: str) -> str:
    title = TITLE.format(n=n)
    return (f"รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-{title}\n\n\n{date_line}\n{title}\n"
            f"{LEAD.format(n=n)}\n{ALL}\n1. ข้อที่หนึ่งของข่าว\n"
            f"-----------------\n\nที่มา : {url}\n")


def edit_release(path: Path, body: str | None = None, **meta) -> None:
    data, old_body = load_markdown(path.read_text(encoding="utf-8"))
    data.update(meta)
    path.write_text(dump_markdown(data, old_body if body is None else body), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(root, convert run) of the converted and built hostile site."""
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    (content / "taxonomy").mkdir(parents=True)
    for name, text in TAXONOMY.items():
        text = textwrap.dedent(text)
        if name == "topics.yaml":
            text += yaml.safe_dump([TOPIC], allow_unicode=True, sort_keys=False)
        (content / "taxonomy" / name).write_text(text, encoding="utf-8")
    (content / "sources").mkdir()
    for n, (stem, (url, day)) in enumerate(SOURCES.items(), 1):
        (content / "sources" / f"{stem}.txt").write_text(source_text(n, url, day), "utf-8")
    run = subprocess.run(  # not quiet: the converter's notes are checked below
        [sys.executable, "-m", "briefing", "convert", str(content / "sources"), "--out",
         str(content / "releases"), "--taxonomy", str(content / "taxonomy"), "--jobs", "1"],
        cwd=root, capture_output=True, text=True, env={**os.environ, "PYTHAINLP_OFFLINE": "1"})
    assert ok(run), output(run)
    releases = content / "releases"
    slug = next(p.stem for p in (releases / "th").glob("*.md") if p.stem.endswith("99998"))
    edit_release(releases / "th" / f"{slug}.md", summary=SUMMARY,
                 source_url="javascript:alert('xss-u1')")
    edit_release(releases / "en" / f"{slug}.md", body=f"A reviewed translation.\n\n{ALL}\n",
                 summary=SUMMARY, translation_status="reviewed",
                 source_url=" javascript:alert('xss-u2')")
    notes = content / "notes"
    notes.mkdir()
    for lang in ("th", "en"):
        (notes / f"2026-11-20-{slug}-{lang}.md").write_text(
            f"---\nrelease: {slug}\nauthor: \"<img src=x onerror=alert('xss-author')>Eve\"\n"
            f"date: 2026-11-20\nlang: {lang}\n---\nA note.\n\n{ALL}\n", encoding="utf-8")
    refused = build(root)  # a source_url that is no web address: refused, as check refuses it
    assert refused.returncode == 3 and "xss-u1" in refused.stdout + refused.stderr
    assert "xss-u2" in refused.stdout + refused.stderr, output(refused)
    for lang in ("th", "en"):  # the editor fixes it; every other payload stays in
        edit_release(releases / lang / f"{slug}.md", source_url=None)
    built = build(root)
    assert ok(built), output(built)
    return root, run, slug


def site_files(root: Path, suffixes: tuple[str, ...]) -> list[Path]:
    return sorted(p for p in (root / "output").rglob("*") if p.suffix in suffixes
                  and "pagefind" not in p.parts)


def test_the_corpus_is_large_and_every_payload_reached_the_site(hostile):
    root, _run, slug = hostile
    assert len(PAYLOADS) >= 40
    thai = (root / "output" / "th" / "releases" / slug / "index.html").read_text("utf-8")
    english = (root / "output" / "en" / "releases" / slug / "index.html").read_text("utf-8")
    assert "alert('xss-01')" in thai  # the Thai text, escaped
    for lang in ("th", "en"):  # the hostile taxonomy term has its page and its feed
        site = root / "output" / lang
        term = (site / "topics" / TOPIC["id"] / "index.html").read_text("utf-8")
        assert "xss-t2" in term or "xss-t1" in term
        assert (site / "feeds" / "topics" / TOPIC["id"] / "feed.atom.xml").exists()
    assert "A reviewed translation." in english and ">md10</a>" in english  # link text kept


def test_no_live_payload_in_any_page_feed_or_data_file(hostile):
    root, _run, _slug = hostile
    found = {}
    for path in site_files(root, (".html", ".xml", ".json")):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".xml":  # feeds (their entries' HTML) and the sitemap
            bad = [b for html in feed_entries_html(text) for b in scan_html(html)]
            bad += [u for u in ("javascript:", "vbscript:") if f"<loc>{u}" in text]
        elif path.suffix == ".html":
            bad = scan_html(text)
        else:  # open data: no value may be a script URL
            bad = script_urls_in_data(json.loads(text))
        if bad:
            found[str(path.relative_to(root / "output"))] = bad
    assert found == {}


def test_no_script_runs_in_chromium_on_any_page_or_feed_entry(hostile, chromium, tmp_path):
    root, _run, _slug = hostile
    site = root / "output"
    pages = [p for p in site_files(root, (".html",)) if MARK in p.read_text(encoding="utf-8")]
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    for i, path in enumerate(site_files(root, (".xml",))):
        entries = feed_entries_html(path.read_text(encoding="utf-8"))
        if any(MARK in e for e in entries):
            sections = "".join(f"<section>{e}</section>" for e in entries)
            (feeds / f"feed{i}.html").write_text(
                f"<!doctype html><meta charset=utf-8><title>feed</title>{sections}", "utf-8")
    assert len(pages) > 10 and list(feeds.iterdir()), "the payloads reached no page or feed"
    context = chromium.new_context()
    context.add_init_script(INIT_SCRIPT)
    problems = {}
    try:
        for folder, paths in ((site, pages), (feeds, sorted(feeds.iterdir()))):
            with serve(folder, "/") as (base, _server):
                for path in paths:
                    url = base + path.relative_to(folder).as_posix().removesuffix("index.html")
                    page = context.new_page()
                    fired: list[str] = []
                    page.on("dialog", lambda d, fired=fired: (fired.append(d.message),
                                                               d.dismiss()))
                    page.goto(url, wait_until="load")
                    ran = page.evaluate("window.__xssRan")
                    left = page.evaluate(DOM_PROBE)
                    page.close()
                    if fired or ran or left:
                        problems[url] = fired + ran + left
    finally:
        context.close()
    assert problems == {}


def test_bad_source_lines_are_named_with_file_and_line(hostile):
    root, run, _slug = hostile
    notes = [line for line in run.stdout.splitlines() if "is not an http(s) web address" in line]
    assert len(notes) == 3, run.stdout
    for stem in ("s1", "s2", "s3"):
        text = (root / "content" / "sources" / f"{stem}.txt").read_text(encoding="utf-8")
        line = next(i for i, t in enumerate(text.splitlines(), 1) if t.startswith("ที่มา"))
        assert any(f"{stem}.txt:{line}: source URL" in n for n in notes), notes


def test_the_thai_page_shows_the_hostile_text_as_text(hostile, chromium):
    """Escaped, not dropped: the reader sees what the release says (``1.`` without a backslash)."""
    root, _run, slug = hostile
    context = chromium.new_context()
    context.add_init_script(INIT_SCRIPT)
    page = context.new_page()
    with serve(root / "output", "/") as (base, _server):
        page.goto(f"{base}th/releases/{slug}/", wait_until="load")
        shown = page.locator("article.release").inner_text()
    context.close()
    for item in PAYLOADS:
        for line in item["text"].split("\n"):  # entities show decoded, tabs as spaces, and
            line = html.unescape(line).replace("*", "")  # *emphasis* stays Markdown
            assert " ".join(line.split()) in " ".join(shown.split()), line
    assert "1. ข้อที่หนึ่งของข่าว" in shown and "\\1." not in shown
