"""Convert and build a copy of the demo content in a temporary folder (subprocesses, no shared
state): used by the editors' acceptance test and the sub-path link check.

The copy holds ``content/`` (sources, taxonomy, notes) only; settings, theme and plugins are the
repository's own (``pelicanconf.py`` / ``publishconf.py``), pointed at the copy's content.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def copy_demo(root: Path) -> Path:
    """Copy the repository's content/ (without converted releases; of the sources, only the
    demo's: ``demo_site.demo_sources``) into ``root``."""
    from demo_site import demo_sources

    keep = {p.name for p in demo_sources()}
    shutil.copytree(
        REPO / "content", root / "content",
        ignore=lambda folder, names: [
            n for n in names if n in ("releases", "__pycache__")
            or (Path(folder).name == "sources" and n.endswith(".txt") and n not in keep)])
    (root / "content" / "notes").mkdir(exist_ok=True)
    return root


def convert(root: Path) -> subprocess.CompletedProcess:
    """``python -m briefing convert`` on the copy's sources (cwd = the copy)."""
    content = root / "content"
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "briefing",
            "convert",
            str(content / "sources"),
            "--out",
            str(content / "releases"),
            "--taxonomy",
            str(content / "taxonomy"),
            "-q",
            "--jobs",
            "1",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHAINLP_OFFLINE": "1"},
    )


def build(
    root: Path, settings: str = "pelicanconf.py", siteurl: str = "", repository: str = ""
) -> subprocess.CompletedProcess:
    """Build the copy into ``root/output`` with the repository's settings file.

    ``siteurl`` and ``repository`` are passed as ``SITEURL`` / ``REPOSITORY_URL`` (publishconf).
    """
    extra = {
        "BRIEFING_TAXONOMY_PATH": str(root / "content" / "taxonomy"),
        "CACHE_PATH": str(root / "cache"),
    }
    cmd = [
        sys.executable,
        "-m",
        "pelican",
        str(root / "content"),
        "-s",
        str(REPO / settings),
        "-o",
        str(root / "output"),
        "--fatal",
        "errors",
        "--log-handler",
        "plain",
        "-e",
    ]
    cmd += [f"{key}={json.dumps(value)}" for key, value in extra.items()]
    env = {**os.environ, "PYTHAINLP_OFFLINE": "1", "SITEURL": siteurl, "REPOSITORY_URL": repository}
    return subprocess.run(cmd, cwd=root, capture_output=True, text=True, env=env)


def check(root: Path) -> subprocess.CompletedProcess:
    """``python -m briefing.editors.check`` on the copy."""
    return subprocess.run(
        [sys.executable, "-m", "briefing.editors.check", "--root", str(root)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )


def ok(run: subprocess.CompletedProcess) -> bool:
    """True when the process succeeded (use as ``assert ok(run), output(run)``)."""
    return run.returncode == 0


def output(run: subprocess.CompletedProcess) -> str:
    return f"exit {run.returncode}\n{run.stdout[-4000:]}\n{run.stderr[-4000:]}"
