"""Debian's Chromium for Playwright: where it is and how to launch it (tests and benchmarks).

The binary is ``$BRIEFING_CHROMIUM`` when set (CI points it at the runner's Google Chrome),
else ``/usr/bin/chromium`` (Debian's package), else ``chromium`` on the ``PATH``. Playwright never
downloads a browser here: it always launches this executable, with the arguments below.

    from playwright.sync_api import sync_playwright
    with sync_playwright() as pw:
        browser = launch(pw)
"""

from __future__ import annotations

import os
import shutil

DEFAULT_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """The Chromium executable to use, or None when none is installed."""
    wanted = os.environ.get("BRIEFING_CHROMIUM", DEFAULT_CHROMIUM)
    return shutil.which(wanted) or shutil.which("chromium")


def launch(playwright, executable: str | None = None):
    """Launch Chromium headless through a started Playwright (sync or async API object)."""
    path = executable or chromium_path()
    if path is None:
        raise RuntimeError("Chromium not found: install Debian's chromium (./dev.sh test does) "
                           "or set BRIEFING_CHROMIUM to a Chromium/Chrome executable")
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
