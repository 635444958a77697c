"""Robustness corpus: every malformed or tricky release in tests/fixtures/bad/ through the real CLI.

The whole folder (plus a 50 MB file written into ``tmp_path``) is converted in one batch with
``python -m briefing convert``. Each case is either refused with its expected reason, leaving no
file behind, or converted into Thai and English pages whose YAML front matter round-trips exactly
and whose Markdown renders to inert text (no live ``<script>``, ``onerror=`` or ``javascript:``).
The table of cases is ``tests/fixtures/bad/EXPECTED.yaml``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import html5lib
import markdown
import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
BAD = REPO / "tests" / "fixtures" / "bad"
EXPECTED: dict[str, dict] = yaml.safe_load((BAD / "EXPECTED.yaml").read_text(encoding="utf-8"))
HUGE = "huge-50mb"
HUGE_BYTES = 50 * 1024 * 1024
MIN_CASES = 30
#: The Markdown configuration the site renders release bodies with (pelicanconf.MARKDOWN).
MD_EXTENSIONS = ["markdown.extensions.extra", "markdown.extensions.attr_list",
                 "markdown.extensions.sane_lists"]
DANGEROUS_TAGS = {"script", "img", "iframe", "object", "embed", "svg", "style"}


def split_front_matter(text: str) -> tuple[dict, str]:
    """Strictly split ``---`` YAML front matter from the body (fails loudly on anything else)."""
    assert text.startswith("---\n"), "the file does not start with a '---' line"
    end = text.index("\n---\n", 3)
    meta = yaml.safe_load(text[4:end + 1])
    assert isinstance(meta, dict), "the front matter is not a mapping"
    return meta, text[end + 5:]


class Batch:
    """The result of converting the corpus once: exit status, printed report, pages by source."""

    def __init__(self, out: Path, proc: subprocess.CompletedProcess):
        self.out = out
        self.returncode = proc.returncode
        self.stdout = proc.stdout
        self.stderr = proc.stderr
        self.pages: dict[str, dict[str, tuple[dict, str]]] = {}
        for path in sorted(out.rglob("*.md")):
            meta, body = split_front_matter(path.read_text(encoding="utf-8"))
            case = Path(meta["source_file"]).stem
            self.pages.setdefault(case, {})[path.parent.name] = (meta, body)

    def refusal(self, case: str) -> str | None:
        for line in self.stdout.splitlines():
            if line.startswith("refused: ") and f"/{case}.txt" in line.split(" ", 2)[1]:
                return line
        return None


@pytest.fixture(scope="module")
def batch(tmp_path_factory) -> Batch:
    root = tmp_path_factory.mktemp("robustness")
    sources = root / "sources"
    shutil.copytree(BAD, sources, ignore=shutil.ignore_patterns("*.yaml"))
    with open(sources / f"{HUGE}.txt", "wb") as fh:  # a real 50 MB file, never committed
        line = ("ข่าวยาวมาก " * 40 + "\n").encode()
        fh.write(line * (HUGE_BYTES // len(line) + 1))
    out = root / "out"
    env = {**os.environ, "PYTHAINLP_OFFLINE": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "briefing", "convert", str(sources), "--out", str(out),
         "--taxonomy", str(REPO / "content" / "taxonomy"), "--jobs", "2", "--quiet"],
        cwd=root, env=env, capture_output=True, text=True, timeout=600)
    return Batch(out, proc)


def test_corpus_table_matches_the_files():
    files = {p.stem for p in BAD.glob("*.txt")}
    assert files | {HUGE} == set(EXPECTED), "EXPECTED.yaml and the .txt files disagree"
    assert len(EXPECTED) >= MIN_CASES
    assert all(("refused" in case) != ("converts" in case) for case in EXPECTED.values())


def test_batch_exits_1_and_converts_the_rest(batch):
    assert batch.returncode == 1, batch.stdout + batch.stderr
    assert "converter error" not in batch.stdout, "the converter crashed on a case"
    converted = [c for c, e in EXPECTED.items() if "converts" in e]
    assert f"{len(converted)} converted" in batch.stdout
    refused = len(EXPECTED) - len(converted)
    assert f"{refused} refused" in batch.stdout


def test_nothing_half_written(batch):
    leftovers = [p for p in batch.out.rglob("*") if p.is_file() and p.suffix != ".md"]
    assert leftovers == []
    assert all(set(pages) == {"th", "en"} for pages in batch.pages.values())


@pytest.mark.parametrize("case", sorted(c for c, e in EXPECTED.items() if "refused" in e))
def test_refused_case(batch, case):
    line = batch.refusal(case)
    assert line is not None, f"{case} was not refused:\n{batch.stdout}"
    assert EXPECTED[case]["refused"] in line
    assert case not in batch.pages, f"{case} was refused but left pages behind"


@pytest.mark.parametrize("case", sorted(c for c, e in EXPECTED.items() if "converts" in e))
def test_converted_case(batch, case):
    assert batch.refusal(case) is None, batch.refusal(case)
    pages = batch.pages.get(case)
    assert pages and set(pages) == {"th", "en"}, f"{case}: expected a th and an en page"
    want = EXPECTED[case]["converts"]
    th_meta, th_body = pages["th"]
    en_meta, en_body = pages["en"]
    assert th_meta["lang"] == "th" and en_meta["lang"] == "en"
    assert th_meta["slug"] == en_meta["slug"]
    assert isinstance(th_meta["date"], date)
    for key in ("title", "date", "source_url", "slug"):
        if key in want:
            assert th_meta[key] == want[key], f"{case}: {key}"
    for fragment in want.get("body_has", []):
        assert fragment in th_body, f"{case}: body lost {fragment!r}"
    for lang, (meta, body) in pages.items():
        assert_inert(f"{case} ({lang})", body)
        assert not any(ord(ch) < 32 and ch not in "\t\n" for ch in str(meta["title"]))
        assert not any("\u202a" <= ch <= "\u202e" or "\u2066" <= ch <= "\u2069"
                       for ch in str(meta["title"]))


def assert_inert(label: str, body: str) -> None:
    """The Markdown body, rendered as the site renders it, has no active HTML or script URL."""
    html = markdown.markdown(body, extensions=MD_EXTENSIONS, output_format="html5")
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        assert element.tag not in DANGEROUS_TAGS, f"{label}: live <{element.tag}> in the body"
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{label}: live {name}= in the body"
            assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:")), \
                f"{label}: live {name}={value!r} in the body"
