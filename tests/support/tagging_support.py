"""Helpers shared by the tagging tests: paths and the converter's stages up to tagging."""

from __future__ import annotations

from pathlib import Path

from briefing.convert.dates import dates
from briefing.convert.normalise import normalise
from briefing.convert.parse import parse
from briefing.convert.reader import read_release
from briefing.convert.tag import tag

ROOT = Path(__file__).resolve().parents[2]
TAXONOMY = ROOT / "content" / "taxonomy"
SEEDS = sorted((ROOT / "content" / "sources").glob("[0-9][0-9][0-9]_*.txt"))  # the five seeds
CORPUS = ROOT.parent / "shared" / "corpus"


def prepare(path: Path, matcher):
    """Read → normalise → parse → dates → tag, as the converter does."""
    return tag(dates(parse(normalise(read_release(path, ROOT)))), matcher)
