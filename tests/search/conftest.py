"""Search tests: make ``plugins.search`` importable (plugins/ is not an installed package)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


import os  # noqa: E402
import subprocess  # noqa: E402

import pytest  # noqa: E402
import yaml  # noqa: E402


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory):
    """The demo site built from the seeds: ``(output_dir, {lang: {slug: (front_matter, text)}})``.

    Converts ``content/sources`` with ``python -m briefing convert`` into a temporary folder and
    builds it with the project's ``pelicanconf.py`` (taxonomy from ``content/taxonomy``).
    """
    tmp = tmp_path_factory.mktemp("demo")
    env = {**os.environ, "PYTHAINLP_OFFLINE": "1"}
    py = os.environ.get("BRIEFING_PYTHON") or __import__("sys").executable
    releases = tmp / "content" / "releases"
    subprocess.run([py, "-m", "briefing", "convert", str(ROOT / "content" / "sources"),
                    "--out", str(releases)], cwd=ROOT, env=env, check=True, capture_output=True)
    out = tmp / "output"
    build = subprocess.run(
        [py, "-m", "pelican", str(tmp / "content"), "-s", str(ROOT / "pelicanconf.py"),
         "-o", str(out), "--fatal", "errors",
         "-e", f'BRIEFING_TAXONOMY_PATH="{ROOT / "content" / "taxonomy"}"'],
        cwd=ROOT, env=env, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    pages: dict[str, dict[str, tuple[dict, str]]] = {}
    for path in sorted(releases.glob("*/*.md")):
        meta = front_matter(path)
        pages.setdefault(meta["lang"], {})[meta["slug"]] = (meta, path.read_text(encoding="utf-8"))
    return out, pages
