"""Shared test fixtures: the repository root, offline pythainlp, the demo site and Chromium.

* ``demo_build`` / ``demo_output``: the five seeds converted and built with pelicanconf.py
  (``demo_site.build_demo``), once per test run, shared by every xdist worker.
* ``converted_demo``: a copy of ``content/`` with the seeds converted (for tests that change
  content or build differently: copy it first).
* ``chromium``: one headless Chromium (Playwright's sync API) per worker, launched by
  ``qa.browser``. Without a Chromium binary the browser tests skip — except when the ``CI``
  environment variable is set: CI must not skip them silently, so they fail there.

Playwright's sync API keeps an asyncio loop running in the thread that started it; the product
code must cope (the search index is built by Pagefind's command line, no asyncio), and no test
may start a second Playwright: use this fixture.
"""

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


def run_dir(tmp_path_factory) -> Path:
    """A folder common to every xdist worker of this run (the per-worker base's parent)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> Path:
    """The demo build's root: ``content/releases`` (converted seeds) and ``output/`` (the site)."""
    from demo_site import build_demo_once

    root = run_dir(tmp_path_factory) / "briefing-demo"
    build_demo_once(root)
    return root


@pytest.fixture(scope="session")
def demo_output(demo_build: Path) -> Path:
    """The built demo site (``output/``)."""
    return demo_build / "output"


@pytest.fixture(scope="session")
def converted_demo(tmp_path_factory) -> Path:
    """The demo content copied and converted once per worker (copy it before changing it)."""
    from editors_build import convert, copy_demo, output

    root = copy_demo(tmp_path_factory.mktemp("converted-demo"))
    run = convert(root)
    assert run.returncode == 0, output(run)
    return root


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} — CI is set, so browser tests must run, not skip", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium():
    """A headless Chromium (``playwright.sync_api.Browser``) shared by the worker's tests."""
    from qa.browser import chromium_path, launch

    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed (pip install -e '.[test]')")
    path = chromium_path()
    if path is None:
        _unavailable("Chromium not found: ./dev.sh test installs Debian's chromium, "
                     "or set BRIEFING_CHROMIUM to a Chromium/Chrome executable")
    with sync_playwright() as playwright:
        browser = launch(playwright, path)
        try:
            yield browser
        finally:
            browser.close()
