"""Screenshots of the built site at phone (375 px) and desktop width, into docs/screenshots/.

    python -m qa.screenshots [output]        # after invoke build; serves the folder itself

The bilingual root page, and home, a country, a meeting series, a topic and a release in Thai
and English, each at 375 px and 1280 px wide (the top of the page, up to two screens tall, as
JPEG to keep the repository light), plus docs/screenshot.png (the README's: an English release
on the desktop).
"""

from __future__ import annotations

import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from qa.browser import chromium_path, launch

PAGES = {
    "home": "{lang}/",
    "country": "{lang}/countries/kh/",
    "meeting-series": "{lang}/meetings/wg-as/",
    "topic": "{lang}/topics/call-centre-gangs/",
    "release": "{lang}/releases/2024-03-24-80784/",
}
WIDTHS = {"phone": (375, 812), "desktop": (1280, 900)}
OUT = Path("docs/screenshots")


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        """No request log."""


def main(argv: list[str] | None = None) -> int:
    from playwright.sync_api import sync_playwright

    argv = sys.argv[1:] if argv is None else argv
    site = Path(argv[0] if argv else "output")
    handler = functools.partial(Quiet, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch(playwright, chromium_path())
        for device, (width, height) in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": height})
            tab = context.new_page()
            for name, url in PAGES.items():
                for lang in ("th", "en"):
                    tab.goto(f"{base}/{url.format(lang=lang)}")
                    target = OUT / f"{name}-{lang}-{device}.jpg"
                    tab.screenshot(path=str(target), full_page=True, type="jpeg", quality=70, clip={
                        "x": 0, "y": 0, "width": width,
                        "height": min(height * 2, tab.evaluate("document.body.scrollHeight"))})
                    print(target)
            tab.goto(f"{base}/")
            tab.screenshot(path=str(OUT / f"root-{device}.jpg"), type="jpeg", quality=70)
            if device == "desktop":
                tab.goto(f"{base}/en/releases/2024-03-24-80784/")
                tab.screenshot(path="docs/screenshot.png")
            context.close()
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
