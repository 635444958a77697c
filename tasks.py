"""Project tasks (run them through ``./dev.sh TASK``, which sets up the virtualenv first).

    convert   raw releases in content/sources → content/releases/{th,en}/*.md
    build     convert + build the whole site into output/ (the demo site)
    serve     serve output/ on http://localhost:8000/
    test      ruff + the whole test suite (browser tests use Debian's chromium)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
PY = sys.executable
os.environ.setdefault("PYTHAINLP_OFFLINE", "1")


@task(help={"src": "files or folders of raw releases (default content/sources)"})
def convert(c, src="content/sources"):
    """Convert raw releases into bilingual Markdown under content/releases/."""
    c.run(f"{PY} -m briefing convert {src} --out content/releases", pty=False)


@task(help={"settings": "Pelican settings file", "skip_convert": "do not run the converter first"})
def build(c, settings="pelicanconf.py", skip_convert=False):
    """Build the demo site into output/ (converts the sources first)."""
    if not skip_convert:
        convert(c)
    c.run(f"{PY} -m pelican content -s {settings} -o output --fatal errors", pty=False)


@task(help={"port": "port to serve on"})
def serve(c, port=8000):
    """Serve output/ locally."""
    c.run(f"{PY} -m http.server {port} -d output", pty=False)


@task(help={"k": "only tests matching this expression", "x": "stop at the first failure"})
def test(c, k="", x=False):
    """Lint with ruff, then run the whole test suite."""
    c.run(f"{PY} -m ruff check .", pty=False)
    opts = ["-n", "2"]
    if k:
        opts += ["-k", repr(k)]
    if x:
        opts.append("-x")
    c.run(f"{PY} -m pytest {' '.join(opts)}", pty=False)
