"""The demo site: the five seed releases converted and built with the project's settings.

``build_demo(root)`` converts ``content/sources`` with ``python -m briefing convert`` into
``root/content/releases`` and builds it with ``python -m pelican`` and the repository's
``pelicanconf.py`` (every plugin, the real taxonomy; the search index in parts of
:data:`SEARCH_PART_PAGES` pages, so every search test runs on a joined index) into
``root/output`` — subprocesses, so no
Pelican plugin or signal state leaks into the test process. ``build_demo_once`` shares one build
between parallel test workers (file lock); ``serve(folder)`` serves a folder on 127.0.0.1.
The session fixtures in ``tests/conftest.py`` (``demo_build``, ``demo_output``) use these.
"""

from __future__ import annotations

import fcntl
import functools
import json
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEARCH_PART_PAGES = 2  # pages per Pagefind run in the demo: 5 per language, so 3 joined parts


def _run(cmd: list[str]) -> None:
    env = {**os.environ, "PYTHAINLP_OFFLINE": "1"}
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"demo build step failed (exit {done.returncode}): {' '.join(cmd)}\n"
                           f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def build_demo(root: Path) -> Path:
    """Convert the seeds into ``root/content/releases``, build ``root/output``; returns output."""
    releases = root / "content" / "releases"
    _run([sys.executable, "-m", "briefing", "convert", str(REPO / "content" / "sources"),
          "--out", str(releases)])
    taxonomy = json.dumps(str(REPO / "content" / "taxonomy"))
    cache = json.dumps(str(root / "cache"))
    _run([sys.executable, "-m", "pelican", str(root / "content"),
          "-s", str(REPO / "pelicanconf.py"), "-o", str(root / "output"), "--fatal", "errors",
          "-e", f"BRIEFING_TAXONOMY_PATH={taxonomy}", f"CACHE_PATH={cache}",
          f"SEARCH_PART_PAGES={SEARCH_PART_PAGES}"])
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
    """Serve ``folder`` from a daemon thread; returns ``(server, base_url)``."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
