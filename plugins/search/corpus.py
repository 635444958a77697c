"""Search records without Pelican: from raw release files, or from converted release pages.

:func:`corpus_records` needs no converter run: the title is the first line, the date comes from
the Thai date line, the tags are the terms the taxonomy's matcher finds in the text (what the
converter would tag). :func:`converted_records` reads the converter's output (``th/`` and
``en/`` Markdown pages) and makes the records the site makes (:func:`.search.release_records`),
for the search-quality test over the real collection in both languages.
``python -m plugins.search.corpus --help`` builds an
index for a folder of releases (e.g. ``../shared/corpus/sample``) and prints its size and time.
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from pythainlp.util.date import thai_full_months

from briefing.contract import KINDS, ce_year
from briefing.convert.tag import compile_matcher
from briefing.frontmatter import load_markdown

from .index import IndexStats, SearchRecord, build_index, text_language
from .textcode import taxonomy_tokenizer

TITLE_PREFIX = "รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-"
DATE_LINE = re.compile(rf"(\d{{1,2}}) ({'|'.join(thai_full_months)}) (25\d\d)")
ISO_DATE = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
FACETS = {"countries": "country", "meetings": "meeting", "topics": "topic"}


def raw_release(text: str) -> tuple[str, str, str]:
    """``(title, iso_date, body)`` of a raw release (date ``""`` when none is found)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0].removeprefix(TITLE_PREFIX).strip() if lines else ""
    date = ""
    for line in lines[:4]:
        if m := DATE_LINE.search(line):
            month = thai_full_months.index(m.group(2)) + 1
            date = f"{ce_year(int(m.group(3)))}-{month:02d}-{int(m.group(1)):02d}"
            break
        if m := ISO_DATE.search(line):
            date = m.group(0)
            break
    return title, date, "\n".join(lines[1:])


class Tagger:
    """Taxonomy terms whose names occur in a text (found by the taxonomy's one alias matcher):
    ids per kind."""

    def __init__(self, taxonomy):
        self.matcher = compile_matcher(taxonomy)

    def __call__(self, text: str) -> dict[str, list[str]]:
        found = {(hit.kind, hit.id) for hit in self.matcher.find(text) if hit.kind in KINDS}
        return {kind: sorted(i for k, i in found if k == kind) for kind in KINDS}


def corpus_records(folder: Path | str, taxonomy, limit: int | None = None
                   ) -> Iterator[SearchRecord]:
    """Thai-page records (``th/releases/{stem}/``) for the ``*.txt`` releases in ``folder``."""
    tagger = Tagger(taxonomy)
    for path in sorted(Path(folder).glob("*.txt"), key=lambda p: p.name)[:limit]:
        title, date, body = raw_release(path.read_text(encoding="utf-8", errors="replace"))
        tags = tagger(f"{title}\n{body}")
        yield SearchRecord(
            url=f"th/releases/{path.stem}/", lang="th", title=title, date=date, text=body,
            about=[f"{k}:{i}" for k in KINDS for i in tags[k]],
            filters={**{FACETS[k]: tags[k] for k in FACETS}, "year": [date[:4]] if date else [],
                     "language": [text_language(body)]},
            tags=[f"{FACETS[k]}:{i}" for k in FACETS for i in tags[k]],
        )


def search_index(folder: Path | str, out_dir: Path | str, taxonomy=None,
                 limit: int | None = None, progress: bool = True) -> IndexStats:
    """Index the raw releases in ``folder`` into ``out_dir/pagefind/`` (the benchmark hook)."""
    if taxonomy is None:
        from briefing.taxonomy import load_taxonomy

        taxonomy = load_taxonomy(Path(__file__).resolve().parents[2] / "content" / "taxonomy")
    return build_index(corpus_records(folder, taxonomy, limit), out_dir, progress=progress,
                       tokenize=taxonomy_tokenizer(taxonomy))


class Page:
    """A converted release page as :func:`.search.release_records` reads a Pelican article."""

    def __init__(self, path: Path, markdown):
        self.metadata, body = load_markdown(path.read_text(encoding="utf-8"))
        self.content = markdown.reset().convert(body)
        self.title = str(self.metadata.get("title") or "")
        self.url = f"{self.metadata['lang']}/releases/{self.metadata['slug']}/"
        day = self.metadata["date"]
        self.date = datetime.datetime.fromisoformat(str(day))


def converted_groups(folder: Path | str) -> dict[str, dict[str, Page]]:
    """``{slug: {lang: page}}`` for the converter's output in ``folder`` (``th/``, ``en/``),
    rendered with the site's Markdown settings (``MARKDOWN`` in ``pelicanconf.py``)."""
    import markdown

    md = markdown.Markdown(extensions=["markdown.extensions.extra",
                                       "markdown.extensions.sane_lists"], output_format="html")
    groups: dict[str, dict[str, Page]] = {}
    for path in sorted(Path(folder).glob("*/*.md")):
        page = Page(path, md)
        groups.setdefault(str(page.metadata["slug"]), {})[str(page.metadata["lang"])] = page
    return groups


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m plugins.search.corpus",
        description="Build a Pagefind index (Thai pages) for a folder of raw release .txt files "
        "and print pages, seconds and bundle size. The index lands in OUT/pagefind/.")
    parser.add_argument("folder", help="folder of raw releases, e.g. ../shared/corpus/sample")
    parser.add_argument("out", help="output folder (OUT/pagefind/ is replaced)")
    parser.add_argument("--limit", type=int, default=None, help="index only the first N files")
    parser.add_argument("--taxonomy", default="content/taxonomy", help="taxonomy folder")
    args = parser.parse_args(argv)
    from briefing.taxonomy import load_taxonomy

    if not Path(args.folder).is_dir():
        parser.error(f"{args.folder}: not a folder")
    stats = search_index(args.folder, args.out, load_taxonomy(args.taxonomy), args.limit)
    print(f"pages={stats.pages} seconds={stats.seconds} bundle_bytes={stats.bundle_bytes} "
          f"files={stats.files}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
