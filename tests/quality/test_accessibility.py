"""Accessibility gate: axe-core in Debian's chromium finds no serious or critical violation.

axe-core's own build (``axe.min.js``, shipped inside the PyPI package ``axe-playwright-python``, so
nothing is fetched at run time) is injected into each page of the served demo site: the landing
page, and in both languages the home, a release, a country, a meeting session, a topic and the
search page with results. The last test lowers a page's text contrast on purpose and checks that
the gate reports it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qa.linkcheck import serve

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}
PAGES = ["", "{lang}/", "{lang}/releases/2024-03-24-80784/", "{lang}/countries/kh/",
         "{lang}/meetings/wg-as/1/", "{lang}/topics/online-scams/", "{lang}/search/?q=ASEAN"]
URLS = sorted({p.format(lang=lang) for p in PAGES for lang in ("th", "en")})
#: Search results are drawn by script: wait for them before checking ("ASEAN" is in every seed).
SEARCH_READY = "[data-search-results] li"


def axe_script() -> str:
    axe = pytest.importorskip("axe_playwright_python", reason="pip install axe-playwright-python")
    return (Path(axe.__file__).with_name("axe.min.js")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(demo_output):
    with serve(demo_output, "/") as (base, _server):
        yield base


@pytest.fixture(scope="module")
def context(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def violations(context, url: str, css: str | None = None) -> list[dict]:
    """axe's serious/critical violations on ``url`` (after adding ``css``, if given)."""
    page = context.new_page()
    try:
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{url}: HTTP {response and response.status}"
        if "/search/" in url:
            page.locator(SEARCH_READY).first.wait_for(state="attached", timeout=15000)
        if css:
            page.add_style_tag(content=css)
        page.add_script_tag(content=axe_script())
        result = page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})")
    finally:
        page.close()
    return [v for v in result["violations"] if v.get("impact") in BLOCKING]


def describe(found: list[dict]) -> str:
    return json.dumps([{"id": v["id"], "impact": v["impact"], "help": v["help"],
                        "nodes": [n["target"] for n in v["nodes"][:5]]} for v in found],
                      ensure_ascii=False, indent=1)


@pytest.mark.parametrize("path", URLS)
def test_no_serious_or_critical_violation(site, context, path):
    found = violations(context, site + path)
    assert found == [], f"/{path}:\n{describe(found)}"


def test_gate_catches_poor_colour_contrast(site, context):
    found = violations(context, site + "en/",
                       css="body, body * { color: #bbbbbb !important;"
                           " background: #ffffff !important; }")
    assert "color-contrast" in {v["id"] for v in found}, describe(found)
