"""Search tests: shared fixtures (``plugins.search`` imports by pytest's pythonpath setting)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


@pytest.fixture(scope="session")
def demo_site(demo_build):
    """The demo site built from the seeds: ``(output_dir, {lang: {slug: (front_matter, text)}})``.

    The shared demo build of ``tests/conftest.py`` (seeds converted with ``python -m briefing
    convert``, built with the project's ``pelicanconf.py``); truth comes from its release files.
    """
    pages: dict[str, dict[str, tuple[dict, str]]] = {}
    for path in sorted((demo_build / "content" / "releases").glob("*/*.md")):
        meta = front_matter(path)
        pages.setdefault(meta["lang"], {})[meta["slug"]] = (meta, path.read_text(encoding="utf-8"))
    return demo_build / "output", pages
