"""Helpers for the search tests: a thread HTTP server and the real search page for an index.

``search_page`` renders the theme's real ``search.html`` (with the real ``base.html``, Jinja i18n
with the untranslated catalogue) next to an index built by ``build_index`` — used where the test
corpus is not a Pelican site (the search-quality test over raw releases).
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parents[2]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def serve(folder: Path):
    """Serve ``folder`` on 127.0.0.1 (random port) in a thread; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def search_page(out: Path, lang: str, taxonomy) -> None:
    """Write ``out/{lang}/search/index.html`` and the theme's search assets."""
    import plugins.search.search as plugin
    from plugins.search.index import preload_urls
    from plugins.theme_i18n.theme_i18n import load_catalogs

    catalogs = load_catalogs(str(ROOT / "theme"))
    strings = plugin.search_strings(lambda text, code: catalogs[code].gettext(text), lang)

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "theme" / "templates"),
                             extensions=["jinja2.ext.i18n"], autoescape=True)
    env.install_null_translations(newstyle=True)
    html = env.get_template("search.html").render(
        SITEURL="", THEME_STATIC_DIR="theme", DEFAULT_LANG="th", page_lang=lang,
        page_url=f"{lang}/search/", alternates={}, search_strings=strings,
        search_preload=preload_urls(out / "pagefind", lang),
        search_config=plugin.search_config(lang, "", taxonomy, strings))
    page = out / lang / "search" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(html, encoding="utf-8")
    shutil.copytree(ROOT / "theme" / "static" / "search", out / "theme" / "search",
                    dirs_exist_ok=True)
