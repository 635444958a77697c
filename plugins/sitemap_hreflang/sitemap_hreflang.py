"""Write ``sitemap.xml`` once the whole site is written, from the pages actually in ``output/``.

Every ``…/index.html`` becomes a directory URL; a page under ``th/`` whose twin exists under
``en/`` (and the reverse) gets ``xhtml:link rel="alternate" hreflang`` entries; ``/`` is the
``x-default``. URLs are absolute from ``SITEURL`` (or ``LOCAL_SITE_ORIGIN`` when empty).
"""

from __future__ import annotations

import os
from xml.sax.saxutils import quoteattr

from briefing.contract import LANGS
from briefing.site.settings import setting

SKIP_DIRS = {"theme", "data", "feeds", "pagefind", "drafts"}


def page_paths(output_path: str) -> list[str]:
    """Site-relative directory URLs (``""`` for the root, ``th/…/``) of every HTML page."""
    paths = []
    for root, dirs, files in os.walk(output_path):
        rel = os.path.relpath(root, output_path).replace(os.sep, "/")
        rel = "" if rel == "." else rel + "/"
        dirs[:] = sorted(d for d in dirs if not (rel == "" and d in SKIP_DIRS))
        if "index.html" in files:
            paths.append(rel)
    return sorted(paths)


def alternates_of(path: str, existing: set[str]) -> dict[str, str]:
    """``{hreflang: path}`` of a page's language twins (empty when it has none)."""
    if path == "":
        twins = {code: f"{code}/" for code in LANGS}
        return {**twins, "x-default": ""} if set(twins.values()) <= existing else {}
    lang, _, rest = path.partition("/")
    if lang not in LANGS:
        return {}
    twins = {code: f"{code}/{rest}" for code in LANGS}
    found = {code: p for code, p in twins.items() if p in existing}
    return found if len(found) > 1 else {}


def sitemap_xml(paths: list[str], origin: str) -> str:
    """The sitemap document for ``paths`` under ``origin``."""
    existing = set(paths)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for path in paths:
        lines.append(f"  <url><loc>{origin}/{path}</loc>")
        for code, twin in alternates_of(path, existing).items():
            href = quoteattr(f"{origin}/{twin}")
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{code}" href={href}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemap(pelican) -> None:
    """``finalized`` handler."""
    origin = pelican.settings.get("SITEURL") or setting(pelican.settings, "LOCAL_SITE_ORIGIN")
    text = sitemap_xml(page_paths(pelican.output_path), origin)
    with open(os.path.join(pelican.output_path, "sitemap.xml"), "w", encoding="utf-8") as fh:
        fh.write(text)
