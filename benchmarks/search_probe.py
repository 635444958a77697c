"""Search in headless Chromium: time to first results and bytes fetched, through the real page.

The built site is served over HTTP from a thread; Debian's ``/usr/bin/chromium`` is driven by
Playwright. For each query, a fresh browser context (empty cache) opens ``/{lang}/search/`` and
waits until the search UI is ready (``[data-search-app][data-state=idle]``: Pagefind's entry,
WebAssembly and page metadata are loaded; ``ready_ms`` is that moment, from navigation start).
Then the query is typed and submitted *inside the page*, which records ``performance.now()`` at
submit and when the first result element appears in ``[data-search-results]``. Bytes are counted
by the HTTP server (every body it sends, including any Web Worker's fetches), split into the page
load and the query itself. Last, the filters panel is opened (its facets fetch Pagefind's filter
index, which a plain query does not need): ``filters_bytes`` is what that costs on top.

The server compresses like GitHub Pages, the site's host: text types (HTML, CSS, JavaScript,
JSON, SVG, XML) go out with ``Content-Encoding: gzip`` when the browser accepts it; other types
(Pagefind's ``.pagefind``/``.pf_*`` files, already gzip inside, served as octet-stream) go out
as they are. Each body is logged with its bytes on the wire and its uncompressed size.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import re
import threading
from contextlib import contextmanager
from pathlib import Path

from qa.browser import launch

TIMEOUT_MS = 60_000
READY = "[data-search-app][data-state=idle], [data-search-app][data-state=done]"
# what GitHub Pages serves gzip-encoded (by Content-Type); everything else is sent as stored
COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|.*\+xml)|image/svg\+xml)")
GZIP_LEVEL = 6

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
    """Quiet static handler that gzips text like GitHub Pages and logs
    (path, bytes on the wire, uncompressed bytes) for every response body."""

    def log_message(self, *args):
        pass

    def do_GET(self):
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # the redirect to the folder's URL
            target = target / "index.html"
        kind = self.guess_type(str(target))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and COMPRESSIBLE.match(kind) and target.is_file()):
            return super().do_GET()
        raw = target.read_bytes()
        body = gzip.compress(raw, GZIP_LEVEL)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.server.sent.append((self.path, len(body), len(raw)))

    def copyfile(self, source, outputfile):
        data = source.read()
        outputfile.write(data)
        self.server.sent.append((self.path, len(data), len(data)))


@contextmanager
def serve(folder: Path):
    """Serve ``folder`` on a free localhost port; yields (base URL, list of
    (path, bytes on the wire, uncompressed bytes))."""
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
        ready_ms = page.evaluate("performance.now()")  # since navigation start (polled: ± a frame)
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
        opened = len(sent)
        page.click("[data-search-filters] summary", timeout=TIMEOUT_MS)
        page.wait_for_selector("[data-facet] input", state="attached", timeout=TIMEOUT_MS)
        page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
        panel = sent[opened:]
        return {
            "lang": lang, "query": query, "first_results_ms": round(first_ms, 1),
            "ready_ms": round(ready_ms, 1),
            "query_bytes": sum(f[1] for f in asked), "query_files": len(asked),
            "query_bytes_raw": sum(f[2] for f in asked),
            "page_load_bytes": sum(f[1] for f in loaded), "page_load_files": len(loaded),
            "page_load_bytes_raw": sum(f[2] for f in loaded),
            "results_shown": shown, "status": status,
            "filters_bytes": sum(f[1] for f in panel), "filters_files": len(panel),
            "largest_files": sorted(loaded + asked, key=lambda f: -f[1])[:8],
            "files": {"page_load": loaded, "query": asked, "filters_panel": panel},
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
