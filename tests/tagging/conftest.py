"""Fixtures for the tagging tests: the real taxonomy, its matcher (compiled once), tagged seeds."""

from __future__ import annotations

import pytest
from tagging_support import SEEDS, TAXONOMY, prepare

from briefing.convert.tag import compile_matcher
from briefing.taxonomy import load_taxonomy


@pytest.fixture(scope="session")
def taxonomy():
    return load_taxonomy(TAXONOMY)


@pytest.fixture(scope="session")
def matcher(taxonomy):
    return compile_matcher(taxonomy)


@pytest.fixture(scope="session")
def seeds(matcher) -> dict[str, object]:
    """Every seed release, tagged, by its three-digit prefix ("000"…"004")."""
    return {p.name[:3]: prepare(p, matcher) for p in SEEDS}
