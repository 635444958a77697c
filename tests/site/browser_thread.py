"""Debian's Chromium through Playwright's sync API, kept in a thread of its own.

Playwright's sync API runs an asyncio loop in the thread that starts it: while it is open, that
thread can neither start a second Playwright nor call ``asyncio.run`` (Pagefind's Python API does,
during a site build). Running the browser in a dedicated thread keeps the test thread free, so
browser tests, in-process site builds and other modules' browsers can share an xdist worker.

    with BrowserThread() as chromium:
        title = chromium.run(lambda browser: browser.new_page().goto(url) and ...)
"""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """Debian's chromium, or None when it is not installed."""
    return CHROMIUM if shutil.which(CHROMIUM) else shutil.which("chromium")


class BrowserThread:
    """A Playwright Chromium living in one worker thread; ``run(fn, *args)`` calls
    ``fn(browser, *args)`` there and returns its result (exceptions are re-raised here)."""

    def __init__(self, executable: str | None = None):
        self._executable = executable or chromium_path()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium")
        self._playwright = self._browser = None

    def _start(self):
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=self._executable, args=CHROMIUM_ARGS)

    def _stop(self):
        try:
            if self._browser is not None:
                self._browser.close()
        finally:
            if self._playwright is not None:
                self._playwright.stop()

    def __enter__(self) -> BrowserThread:
        self._pool.submit(self._start).result()
        return self

    def __exit__(self, *exc) -> None:
        try:
            self._pool.submit(self._stop).result()
        finally:
            self._pool.shutdown(wait=True)

    def run(self, fn, *args):
        return self._pool.submit(fn, self._browser, *args).result()
