"""Small helpers shared by the quality gates: list a built site's pages and tell their language."""

from __future__ import annotations

import re
from pathlib import Path

THAI_RE = re.compile(r"[\u0e01-\u0e5b]")


def html_pages(output: Path) -> list[Path]:
    """Every generated HTML page, sorted."""
    return sorted(output.rglob("*.html"))


def page_lang(output: Path, page: Path) -> str | None:
    """The language a page is in, from its URL: ``/th/…`` or ``/en/…`` (None for the landing)."""
    first = page.relative_to(output).parts[0]
    return first if first in ("th", "en") else None
