"""Fixtures for the tagging tests: the real taxonomy, its matcher (compiled once), tagged seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.dates import dates
from briefing.normalise import normalise
from briefing.parse import parse
from briefing.reader import read_release
from briefing.tag import compile_matcher, tag
from briefing.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[2]
TAXONOMY = ROOT / "content" / "taxonomy"
SEEDS = sorted((ROOT / "content" / "sources").glob("*.txt"))
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def taxonomy():
    return load_taxonomy(TAXONOMY)


@pytest.fixture(scope="session")
def matcher(taxonomy):
    return compile_matcher(taxonomy)


def prepare(path: Path, matcher):
    """Read → normalise → parse → dates → tag, as the converter does."""
    return tag(dates(parse(normalise(read_release(path, ROOT)))), matcher)


@pytest.fixture(scope="session")
def seeds(matcher) -> dict[str, object]:
    """Every seed release, tagged, by its three-digit prefix ("000"…"004")."""
    return {p.name[:3]: prepare(p, matcher) for p in SEEDS}
