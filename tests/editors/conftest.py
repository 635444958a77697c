"""Fixtures for the editors' workflow tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from editors_site import make_site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A valid content tree in ``tmp_path``: a small taxonomy, one th/en release pair, one note."""
    return make_site(tmp_path)
