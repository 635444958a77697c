"""Shared test fixtures (keep small and generic): the repository root, offline pythainlp."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The project's root folder (where pyproject.toml is)."""
    return REPO_ROOT
