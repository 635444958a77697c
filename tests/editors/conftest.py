"""Fixtures for the editors' workflow tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from editors_site import make_site


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A valid content tree in ``tmp_path``: a small taxonomy, one th/en release pair, one note."""
    return make_site(tmp_path)


@pytest.fixture(scope="session")
def converted_demo(tmp_path_factory) -> Path:
    """The demo content copied and converted once per session (copy it before changing it)."""
    from editors_build import convert, copy_demo, output

    root = copy_demo(tmp_path_factory.mktemp("demo"))
    run = convert(root)
    assert run.returncode == 0, output(run)
    return root


@pytest.fixture
def demo(converted_demo: Path, tmp_path: Path) -> Path:
    """A private copy of the converted demo content."""
    import shutil

    shutil.copytree(converted_demo / "content", tmp_path / "content")
    return tmp_path
