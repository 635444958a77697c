"""Search quality over tests/search/queries.yaml, through the real pagefind.js in Chromium.

The index is built from the real on-topic releases (``../shared/corpus/ontopic``, skipped when
absent) with the project's ``build_index``; each query goes through the search page's own query
coding (``BriefingSearch.pagefindQuery`` from ``search.js``) into Pagefind, in the browser. Truth
for a query: the release text (title + body, normalised, case-folded) contains the query or a
name/alias of a taxonomy term whose names contain the query (Latin: as a whole word) — the search
indexes those names with each release whose text mentions the term, so ``Cambodia`` finds
``กัมพูชา`` and ``scam`` finds a release about ``หลอกลวงออนไลน์``. Recall and
precision are micro-averaged over all queries, printed, and must both be ≥ 0.95.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from search_harness import ROOT, search_page, serve

from briefing.taxonomy import load_taxonomy
from plugins.search.corpus import corpus_records, raw_release
from plugins.search.index import build_index
from plugins.search.terms import KINDS, term_names
from plugins.search.textcode import normalize

CORPUS = ROOT.parent / "shared" / "corpus" / "ontopic"
QUERIES = yaml.safe_load((Path(__file__).parent / "queries.yaml").read_text(encoding="utf-8"))
FIND_ALL = """async (q) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({ noWorker: true });  // as search.js (the bundle has no worker script)
  await pagefind.init();
  const search = await pagefind.search(window.BriefingSearch.pagefindQuery(q));
  const data = await Promise.all(search.results.map((r) => r.data()));
  return data.map((d) => d.meta.url);
}"""

pytestmark = [pytest.mark.browser, pytest.mark.corpus]


def names_query(names: set[str], needle: str) -> bool:
    """Does one of a term's names contain the query (Latin: as a whole word)?"""
    if not re.search(r"[a-z0-9]", needle):
        return any(needle in name for name in names)
    word = re.compile(rf"(?<![a-z0-9]){re.escape(needle)}(?![a-z0-9])")
    return any(word.search(name) for name in names)


def truth(query: dict, texts: dict[str, str], groups: list[list[str]]) -> set[str]:
    """Releases whose text contains the query (substring) or an alias of a term it names.

    Aliases are matched the way the taxonomy is (token-aware): Latin ones as whole words, so the
    alias ``DE`` does not count inside ``developing``.
    """
    needle = normalize(query["q"]).casefold()
    aliases: set[str] = set()
    for names in groups:
        folded = {normalize(n).casefold() for n in names}
        if names_query(folded, needle):
            aliases |= folded - {needle}
    thai = [a for a in aliases if not re.search(r"[a-z0-9]", a)]
    latin = sorted(set(aliases) - set(thai), key=len, reverse=True)
    word = (re.compile(rf"(?<![a-z0-9])(?:{'|'.join(map(re.escape, latin))})(?![a-z0-9])")
            if latin else None)
    return {url for url, text in texts.items()
            if needle in text or any(a in text for a in thai) or (word and word.search(text))}


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS} (only present on the development machine)")
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy")
    out = tmp_path_factory.mktemp("quality")
    # in parts of 100 pages joined into one index, as a site of thousands of releases is built:
    # every query below then also checks the join (plugins/search/pfmerge.py) in a browser
    build_index(corpus_records(CORPUS, taxonomy), out, part_pages=100)
    search_page(out, "th", taxonomy)
    texts = {}
    for path in sorted(CORPUS.glob("*.txt")):
        title, _, body = raw_release(path.read_text(encoding="utf-8", errors="replace"))
        texts[f"th/releases/{path.stem}/"] = normalize(f"{title}\n{body}").casefold()
    groups = [term_names(t) for k in KINDS for t in taxonomy.terms(k).values()]
    return out, texts, groups


def test_recall_and_precision_at_least_095(corpus_site, chromium):
    out, texts, groups = corpus_site
    assert len(QUERIES) >= 30
    rows, hits, found_total, truth_total = [], 0, 0, 0
    with serve(out) as base:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(f"{base}/th/search/")
        page.wait_for_function("window.BriefingSearch !== undefined")
        for query in QUERIES:
            found = set(page.evaluate(FIND_ALL, query["q"]))
            expected = truth(query, texts, groups)
            assert expected, f"query {query['q']!r} has no release in the corpus: pick another"
            good = len(found & expected)
            hits, found_total = hits + good, found_total + len(found)
            truth_total += len(expected)
            rows.append(f"{query['q']:<16} {query['kind']:<14} truth={len(expected):>3} "
                        f"found={len(found):>3} recall={good / len(expected):.2f} "
                        f"precision={good / len(found) if found else 0:.2f}")
        context.close()
    recall, precision = hits / truth_total, hits / found_total
    print("\n".join(rows))
    print(f"search quality over {len(QUERIES)} queries (browser, real pagefind.js): "
          f"recall={recall:.3f} precision={precision:.3f}")
    assert recall >= 0.95, "\n".join(rows)
    assert precision >= 0.95, "\n".join(rows)
