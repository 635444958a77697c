"""XSS gate: hostile release titles and editor notes cannot run script in the built site.

A copy of the demo content gets a release whose Thai and English titles carry ``<script>``,
``<img onerror=…>`` and ``javascript:`` payloads, and an editor note (both languages) with the same
in its Markdown body and author. The site is built, served and every page showing the release
(release pages, homes, country, topic, meeting, timeline, search results) is loaded in chromium
with a dialog and console hook: nothing may fire, and no live ``on*=`` handler, ``javascript:``
URL or injected ``<script>`` may be left in the DOM (the probe is ``tests/support/hostile.py``'s;
``test_hostile_corpus.py`` puts many more payloads in every other place text comes from).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from editors_build import build, ok, output
from hostile import DOM_PROBE, INIT_SCRIPT

from qa.linkcheck import serve

pytestmark = pytest.mark.browser

SLUG = "2024-03-24-80784"
PAYLOAD = ("ข่าว <script>alert('xss-title-script')</script>"
           " <img src=x onerror=\"alert('xss-title-img')\">"
           " <a href=\"javascript:alert('xss-title-link')\">link</a>"
           " [md](javascript:alert('xss-title-md')) Scam")
NOTE = """---
release: {slug}
author: "<img src=x onerror=alert('xss-author')>Eve"
date: 2026-11-20
lang: {lang}
---
A note. <script>alert('xss-note-script')</script>
<img src="x" onerror="alert('xss-note-img')">
[click me](javascript:alert('xss-note-md')) and <a href="javascript:alert('xss-note-a')">this</a>
<svg onload="alert('xss-note-svg')"></svg>
<iframe src="javascript:alert('xss-note-iframe')"></iframe>
"""
PAGES = ["{lang}/releases/{slug}/", "{lang}/", "", "{lang}/countries/kh/",
         "{lang}/meetings/wg-as/1/", "{lang}/timeline/", "{lang}/search/?q=Scam"]


def set_title(path: Path, title: str) -> None:
    text = path.read_text(encoding="utf-8")
    end = text.index("\n---\n", 3)
    meta = yaml.safe_load(text[4:end + 1])
    meta["title"] = title
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{front}---\n{text[end + 5:]}", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(converted_demo, tmp_path_factory):
    root = tmp_path_factory.mktemp("xss")
    shutil.copytree(converted_demo / "content", root / "content")
    for lang in ("th", "en"):
        set_title(root / "content" / "releases" / lang / f"{SLUG}.md", PAYLOAD)
        note = root / "content" / "notes" / f"2026-11-20-{SLUG}-xss-{lang}.md"
        note.write_text(NOTE.format(slug=SLUG, lang=lang), encoding="utf-8")
    run = build(root)
    assert ok(run), output(run)
    with serve(root / "output", "/") as (base, _server):
        yield base


@pytest.fixture(scope="module")
def context(chromium):
    context = chromium.new_context()
    context.add_init_script(INIT_SCRIPT)
    yield context
    context.close()


@pytest.mark.parametrize("path", sorted({p.format(lang=lang, slug=SLUG) for p in PAGES
                                         for lang in ("th", "en")}))
def test_no_payload_runs(hostile_site, context, path):
    page = context.new_page()
    fired: list[str] = []
    page.on("dialog", lambda d: (fired.append(d.message), d.dismiss()))
    page.on("console", lambda m: fired.append(m.text) if "xss-" in m.text else None)
    try:
        response = page.goto(hostile_site + path, wait_until="load")
        assert response is not None and response.ok
        if "/search/" in path:
            page.locator("[data-search-results] li").first.wait_for(timeout=15000)
        page.wait_for_load_state("networkidle")
        ran = page.evaluate("window.__xssRan")
        left = page.evaluate(DOM_PROBE)
        shown = page.locator("body").inner_text()
    finally:
        page.close()
    assert fired == [] and ran == [], f"script ran on /{path}: {fired + ran}"
    assert left == [], f"live payload left on /{path}: {left}"
    if path.startswith(("th/releases", "en/releases")):
        assert "Scam" in shown, "the hostile title is not shown at all"


def test_gate_catches_a_live_payload(chromium, tmp_path):
    """The probe itself: a page that does run a payload is reported."""
    (tmp_path / "index.html").write_text(
        "<!doctype html><title>x</title><img src=x onerror=\"alert('xss-img')\">"
        "<a href=\"javascript:alert('xss-a')\">a</a>", encoding="utf-8")
    context = chromium.new_context()
    context.add_init_script(INIT_SCRIPT)
    page = context.new_page()
    with serve(tmp_path, "/") as (base, _server):
        page.goto(base, wait_until="load")
        page.wait_for_function("window.__xssRan.length > 0")
        assert page.evaluate("window.__xssRan") == ["xss-img"]
        assert len(page.evaluate(DOM_PROBE)) == 2
    context.close()
