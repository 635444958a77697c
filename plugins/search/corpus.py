"""Search records straight from raw release files (benchmarks and the search-quality test).

No converter run: the title is the first line, the date comes from the Thai date line, tags come
from the taxonomy aliases the tagger's matcher finds in the text.
``python -m plugins.search.corpus --help`` builds an
index for a folder of releases (e.g. ``../shared/corpus/sample``) and prints its size and time.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from pythainlp.util.date import thai_full_months

from briefing.contract import KINDS, ce_year
from briefing.convert.tag import compile_matcher

from .index import IndexStats, SearchRecord, build_index, text_language
from .terms import term_names

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
    ids per kind plus all their names."""

    def __init__(self, taxonomy):
        self.taxonomy = taxonomy
        self.matcher = compile_matcher(taxonomy)

    def __call__(self, text: str) -> tuple[dict[str, list[str]], list[str]]:
        found = {(hit.kind, hit.id) for hit in self.matcher.find(text) if hit.kind in KINDS}
        ids = {kind: sorted(i for k, i in found if k == kind) for kind in KINDS}
        names = [n for kind in KINDS for i in ids[kind]
                 for n in term_names(self.taxonomy.get(kind, i))]
        return ids, names


def corpus_records(folder: Path | str, taxonomy, limit: int | None = None
                   ) -> Iterator[SearchRecord]:
    """Thai-page records (``th/releases/{stem}/``) for the ``*.txt`` releases in ``folder``."""
    tagger = Tagger(taxonomy)
    for path in sorted(Path(folder).glob("*.txt"), key=lambda p: p.name)[:limit]:
        title, date, body = raw_release(path.read_text(encoding="utf-8", errors="replace"))
        tags, names = tagger(f"{title}\n{body}")
        yield SearchRecord(
            url=f"th/releases/{path.stem}/", lang="th", title=title, date=date, text=body,
            terms=names,
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
    return build_index(corpus_records(folder, taxonomy, limit), out_dir, progress=progress)


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
