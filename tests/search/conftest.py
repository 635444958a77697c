"""Search tests: make ``plugins.search`` importable (plugins/ is not an installed package)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


import pytest  # noqa: E402
import yaml  # noqa: E402


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
