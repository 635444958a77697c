"""Fixtures for the quality gates: the demo site (built once, shared with tests/site) and chromium.

The demo build is the site tests' own (``tests/site/demo_site.build_demo_once``: the five seeds
converted and built with pelicanconf.py, one build shared by all xdist workers); subprocess builds
of private copies reuse the editors' helpers (``tests/editors/editors_build.py``). Both folders
are put on ``sys.path`` here so these tests also run on their own.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
for helper_dir in (TESTS / "site", TESTS / "editors"):
    if str(helper_dir) not in sys.path:
        sys.path.append(str(helper_dir))

from demo_site import build_demo_once  # noqa: E402  (needs the path above)

os.environ.setdefault("PYTHAINLP_OFFLINE", "1")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def shared_dir(tmp_path_factory) -> Path:
    """A folder common to every xdist worker of this run (the per-worker base's parent)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def demo_output(tmp_path_factory) -> Path:
    """The built demo site (``output/``), the same build tests/site/test_browser.py uses."""
    return build_demo_once(shared_dir(tmp_path_factory) / "briefing-demo")


@pytest.fixture(scope="session")
def chromium(demo_output):
    """Debian's chromium through Playwright (started after the demo build: see test_browser)."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        pytest.skip("Debian's chromium is not installed (./dev.sh test installs it)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()



@pytest.fixture(scope="session")
def converted_demo(tmp_path_factory) -> Path:
    """The demo content copied and converted once per session (copy it before changing it)."""
    from editors_build import convert, copy_demo, output

    root = copy_demo(tmp_path_factory.mktemp("quality-demo"))
    run = convert(root)
    assert run.returncode == 0, output(run)
    return root
