"""The demo site: the seeds and a few real releases, converted and built with the settings.

The real collection (``content/sources``, 337 files) takes minutes to convert and build; the
tests build a fixed subset instead (:func:`demo_sources`): the five seeds plus the real
releases in :data:`EDGE_CASES`, each chosen for something the site must handle.

``build_demo(root)`` converts :func:`demo_sources` with ``python -m briefing convert`` into
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
SOURCES = REPO / "content" / "sources"
#: The seeds: the five hand-picked releases the converter's golden tests are written against.
SEED_GLOB = "[0-9][0-9][0-9]_*.txt"
#: Real releases of the collection the demo adds, by thaigov id, and why.
EDGE_CASES = {
    "82501": "published twice: kept once, the other id a redirect (also_published_as)",
    "82538": "the second publication of 82501 (same text, next day, another id)",
    "82726": "the longest cabinet digest (609 KB of Thai): shown in parts",
    "77973": "same Thai headline as 78005, a day apart (lists must tell them apart)",
    "78005": "same Thai headline as 77973",
    "66419": "same English headline as 66428, same day, same meeting series (ADGMIN)",
    "66428": "same English headline as 66419",
}


def seed_sources() -> list[Path]:
    """The five seed files."""
    return sorted(SOURCES.glob(SEED_GLOB))


def demo_sources() -> list[Path]:
    """The files the demo converts: the seeds, then the edge cases (those present)."""
    real = [SOURCES / f"{key}.txt" for key in EDGE_CASES]
    return seed_sources() + [p for p in real if p.exists()]
SEARCH_PART_PAGES = 2  # pages per Pagefind run in the demo: 5 per language, so 3 joined parts


def _run(cmd: list[str]) -> None:
    env = {**os.environ, "PYTHAINLP_OFFLINE": "1"}
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"demo build step failed (exit {done.returncode}): {' '.join(cmd)}\n"
                           f"{done.stdout[-3000:]}\n{done.stderr[-3000:]}")


def build_demo(root: Path) -> Path:
    """Convert the demo sources into ``root/content/releases``, build ``root/output``."""
    releases = root / "content" / "releases"
    _run([sys.executable, "-m", "briefing", "convert", *map(str, demo_sources()),
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
