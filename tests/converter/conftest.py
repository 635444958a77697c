"""Converter test fixtures: the compiled matcher (once per session) and seed copies."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from converter_support import SEEDS, TAXONOMY


@pytest.fixture(scope="session")
def matcher():
    """The tagger's matcher for the frozen test taxonomy, compiled once per test session."""
    from briefing.convert.pipeline import load_matcher

    return load_matcher(TAXONOMY)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A folder in ``tmp_path`` holding copies of the five seed releases."""
    folder = tmp_path / "sources"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder / seed.name)
    return folder
