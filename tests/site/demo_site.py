"""Build the demo site (the five seed releases, converted into a temporary folder) and serve it.

Used by the browser test: ``build_demo(root)`` converts ``content/sources`` with the project's
converter into ``root/content/releases``, builds it with the project's pelicanconf.py (every
plugin, the real taxonomy) and returns the output folder; ``build_demo_once`` shares one build
between parallel test workers; ``serve(folder)`` starts a local ``http.server`` on 127.0.0.1 in a
thread and returns ``(server, base_url)``.
"""

from __future__ import annotations

import fcntl
import functools
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings
from site_build import isolated_plugins

REPO = Path(__file__).resolve().parents[2]


def build_demo(root: Path) -> Path:
    releases = root / "content" / "releases"
    subprocess.run(
        [sys.executable, "-m", "briefing", "convert", "content/sources", "--out", str(releases)],
        cwd=REPO, check=True, capture_output=True, text=True,
    )
    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(root / "content"),
        "OUTPUT_PATH": str(root / "output"),
        "CACHE_PATH": str(root / "cache"),
        "BRIEFING_TAXONOMY_PATH": str(REPO / "content" / "taxonomy"),
    })
    with isolated_plugins():
        Pelican(settings).run()
    return root / "output"


def build_demo_once(root: Path) -> Path:
    """``build_demo`` guarded by a file lock, so parallel test workers share one build."""
    root.mkdir(parents=True, exist_ok=True)
    done = root / "built"
    with open(root / "lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not done.exists():
                build_demo(root)
                done.touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return root / "output"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        """Keep the test output clean."""


def serve(folder: Path) -> tuple[ThreadingHTTPServer, str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
