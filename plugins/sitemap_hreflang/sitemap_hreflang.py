"""Write ``sitemap.xml`` once the whole site is written, from the pages this build wrote.

Pages this build did not write are stale (a release deleted since the last local build): the
ones this site's generators own (``index.html`` pages and Atom feeds under ``th/``, ``en/`` and
``drafts/``) are removed, with the folders they leave empty; nothing else in ``output/`` (the
search bundle, theme files, open data) is touched. Without the writer's record
(``unchanged_writer`` not loaded) the sitemap lists what is in ``output/`` and nothing is removed.

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
#: Top folders whose pages and feeds only this site's generators write.
OWNED_DIRS = (*LANGS, "drafts")
OWNED_FILES = ("index.html", ".atom.xml")
WRITTEN_KEY = "BRIEFING_WRITTEN_FILES"  # unchanged_writer's record of this build's files


def stale_files(output_path: str, written) -> list[str]:
    """Pages and feeds in the owned folders of ``output_path`` that this build did not write."""
    written = {os.path.abspath(p) for p in written}
    stale = []
    for top in OWNED_DIRS:
        for root, _dirs, files in os.walk(os.path.join(output_path, top)):
            for name in files:
                path = os.path.abspath(os.path.join(root, name))
                if name.endswith(OWNED_FILES) and path not in written:
                    stale.append(path)
    return sorted(stale)


def remove_stale(output_path: str, written) -> list[str]:
    """Remove :func:`stale_files` and the folders they leave empty; return what was removed."""
    removed = stale_files(output_path, written)
    for path in removed:
        os.unlink(path)
        folder = os.path.dirname(path)
        while folder != os.path.abspath(output_path) and not os.listdir(folder):
            os.rmdir(folder)
            folder = os.path.dirname(folder)
    return removed


def written_pages(output_path: str, written) -> list[str]:
    """Site-relative directory URLs of the ``index.html`` pages in ``written``."""
    paths = set()
    for path in written:
        rel = os.path.relpath(path, output_path).replace(os.sep, "/")
        if rel == "index.html":
            paths.add("")
        elif rel.endswith("/index.html") and rel.split("/")[0] not in SKIP_DIRS:
            paths.add(rel[: -len("index.html")])
    return sorted(paths)


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
    written = pelican.settings.get(WRITTEN_KEY)
    if written is None:
        paths = page_paths(pelican.output_path)
    else:
        remove_stale(pelican.output_path, written)
        paths = written_pages(pelican.output_path, written)
    text = sitemap_xml(paths, origin)
    with open(os.path.join(pelican.output_path, "sitemap.xml"), "w", encoding="utf-8") as fh:
        fh.write(text)
