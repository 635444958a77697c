"""Fixtures for the editors' workflow tests (``converted_demo`` comes from tests/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from editors_site import make_site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A valid content tree in ``tmp_path``: a small taxonomy, one th/en release pair, one note."""
    return make_site(tmp_path)


@pytest.fixture
def demo(converted_demo: Path, tmp_path: Path) -> Path:
    """A private copy of the converted demo content."""
    import shutil

    shutil.copytree(converted_demo / "content", tmp_path / "content")
    return tmp_path
