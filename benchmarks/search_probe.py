"""Search in headless Chromium: time to first results and bytes fetched, through the real page.

The built site is served over HTTP from a thread; Debian's ``/usr/bin/chromium`` is driven by
Playwright. For each query, a fresh browser context (empty cache) opens ``/{lang}/search/`` and
waits until the search UI is ready (``[data-search-app][data-state=idle]``: Pagefind's entry,
WebAssembly and filter index are loaded). Then the query is typed and submitted *inside the
page*, which records ``performance.now()`` at submit and when the first result element appears
in ``[data-search-results]``. Bytes are counted by the HTTP server (every body it sends,
including the Web Worker's fetches), split into the page load and the query itself.
"""

from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from pathlib import Path

from briefing.browser import launch

TIMEOUT_MS = 60_000
READY = "[data-search-app][data-state=idle], [data-search-app][data-state=done]"

SUBMIT_JS = """(q) => {
  const app = document.querySelector('[data-search-app]');
  const list = app.querySelector('[data-search-results]');
  const input = app.querySelector('input[name=q]');
  window.__benchFirst = null;
  const t0 = performance.now();
  new MutationObserver((_, obs) => {
    if (list.children.length && window.__benchFirst === null) {
      window.__benchFirst = performance.now() - t0; obs.disconnect();
    }
  }).observe(list, {childList: true});
  input.value = q;
  app.querySelector('form').requestSubmit();
}"""


class _Counting(http.server.SimpleHTTPRequestHandler):
    """Quiet static handler that logs (path, bytes sent) for every response body."""

    def log_message(self, *args):
        pass

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        self.server.sent.append((self.path, len(data)))


@contextmanager
def serve(folder: Path):
    """Serve ``folder`` on a free localhost port; yields (base URL, list of (path, bytes))."""
    handler = functools.partial(_Counting, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.sent = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", server.sent
    finally:
        server.shutdown()
        server.server_close()


def probe(base_url: str, sent: list, lang: str, query: str, browser) -> dict:
    """One query on ``/{lang}/search/`` in a fresh context; figures in ms and bytes."""
    context = browser.new_context()
    try:
        page = context.new_page()
        start = len(sent)
        page.goto(f"{base_url}/{lang}/search/", wait_until="load", timeout=TIMEOUT_MS)
        page.wait_for_selector(READY, state="attached", timeout=TIMEOUT_MS)
        page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
        before = len(sent)
        page.evaluate(SUBMIT_JS, query)
        page.wait_for_function("window.__benchFirst !== null", timeout=TIMEOUT_MS)
        page.wait_for_selector("[data-search-app][data-state=done]", state="attached",
                               timeout=TIMEOUT_MS)
        page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
        first_ms = page.evaluate("window.__benchFirst")
        shown = page.locator("[data-search-results] > *").count()
        status = page.locator("[data-search-status]").inner_text()
        loaded, asked = sent[start:before], sent[before:]
        return {
            "lang": lang, "query": query, "first_results_ms": round(first_ms, 1),
            "query_bytes": sum(n for _, n in asked), "query_files": len(asked),
            "page_load_bytes": sum(n for _, n in loaded), "page_load_files": len(loaded),
            "results_shown": shown, "status": status,
            "largest_files": sorted(loaded + asked, key=lambda f: -f[1])[:6],
        }
    finally:
        context.close()


def run_probes(output: Path, queries: list[tuple[str, str]], repeats: int = 3) -> list[dict]:
    """Every (lang, query) ``repeats`` times (fresh context each); the median run is kept."""
    from playwright.sync_api import sync_playwright

    results = []
    with serve(output) as (base, sent), sync_playwright() as pw:
        browser = launch(pw)
        try:
            for lang, query in queries:
                runs = sorted((probe(base, sent, lang, query, browser) for _ in range(repeats)),
                              key=lambda r: r["first_results_ms"])
                best = dict(runs[len(runs) // 2])
                best["runs_ms"] = [r["first_results_ms"] for r in runs]
                results.append(best)
        finally:
            browser.close()
    return results
