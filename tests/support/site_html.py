"""Read written pages in tests: parse HTML with html5lib and pick out links, text and JSON-LD."""

from __future__ import annotations

import json
from pathlib import Path

import html5lib


def page(output: Path, url: str):
    """The parsed ``index.html`` behind a site-relative directory URL (``en/countries/kh/``)."""
    path = output / url / "index.html"
    assert path.is_file(), f"missing page {url}"
    return html5lib.parse(path.read_text(encoding="utf-8"), namespaceHTMLElements=False)


def text(element) -> str:
    return " ".join("".join(element.itertext()).split())


def find_all(tree, tag: str, cls: str | None = None) -> list:
    return [e for e in tree.iter(tag) if cls is None or cls in (e.get("class") or "").split()]


def links(element) -> list[str]:
    return [a.get("href") for a in element.iter("a") if a.get("href")]


def json_ld(tree) -> list[dict]:
    return [json.loads(s.text) for s in tree.iter("script")
            if s.get("type") == "application/ld+json"]
