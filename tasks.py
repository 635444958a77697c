"""Project tasks (run them through ``./dev.sh TASK``, which sets up the virtualenv first).

    convert   raw releases in content/sources → content/releases/{th,en}/*.md
    build     convert + build the whole site into output/ (the demo site)
    serve     serve output/ on http://localhost:8000/
    test      ruff + the whole test suite (browser tests use Debian's chromium)
    check     validate content and taxonomy; new-note SLUG scaffolds an editor's note
    publish   production build (publishconf.py, absolute SITEURL); gh-pages publishes by branch
    bench     benchmarks at scale (conversion, build, rebuilds, memory, page weight, search)
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
def convert(c, src="content/sources", warn=False):
    """Convert raw releases into bilingual Markdown under content/releases/."""
    return c.run(f"{PY} -m briefing convert {src} --out content/releases", pty=False, warn=warn)


@task(help={"settings": "Pelican settings file", "skip_convert": "do not run the converter first"})
def build(c, settings="pelicanconf.py", skip_convert=False):
    """Build the demo site into output/ (converts the sources first)."""
    if not skip_convert:
        # A refused source never stops the others from being built (invoke check fails on it).
        done = convert(c, warn=True)
        if done is not None and done.exited == 1:
            print("build: some sources were refused (see above); building the others",
                  file=sys.stderr)
        elif done is not None and done.exited:
            sys.exit(done.exited)
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


# --- editors' workflow and publishing ---------------------------------------------------------


@task
def check(c):
    """Validate content/releases, content/notes and content/taxonomy (path:line: message), and
    that every source in content/sources converts (a refused one fails, with its reason)."""
    result = c.run(f"{PY} -m briefing.editors.check --root {ROOT}", pty=False, warn=True)
    sources = c.run(f"{PY} -m briefing convert content/sources --out content/releases "
                    "--dry-run --quiet", pty=False, warn=True)
    if result.exited or sources.exited:
        sys.exit(result.exited or sources.exited)


@task(
    name="new-note",
    help={
        "slug": "slug of the release the note is about (e.g. 2024-03-24-80784)",
        "lang": "language the note is written in: th or en (default en)",
        "author": "your name as shown on the site (default: git config user.name)",
    },
)
def new_note(c, slug, lang="en", author=""):
    """Scaffold content/notes/{date}-{slug}-{n}.md for a release, ready to edit."""
    import datetime as dt

    from briefing.editors.notes import scaffold_note

    if not author:
        found = c.run("git config user.name", warn=True, hide=True, pty=False)
        author = found.stdout.strip() if found and found.ok else ""
    try:
        path = scaffold_note(ROOT / "content", slug, lang, author, dt.date.today())
    except ValueError as exc:
        sys.exit(f"new-note: {exc}")
    print(f"created {path.relative_to(ROOT)} — write your note below its front matter")


def publish_url(siteurl: str) -> str:
    """The absolute URL to publish at (``--siteurl`` or ``$SITEURL``); exit when there is none."""
    url = (siteurl or os.environ.get("SITEURL") or "").strip()
    if not url.startswith(("https://", "http://")):
        sys.exit("publish: give the site's absolute address (--siteurl https://ORG.github.io/REPO"
                 " or SITEURL=…); nothing was built")
    return url


@task(help={"siteurl": "absolute URL the site is published at (default: $SITEURL; required)"})
def publish(c, siteurl=""):
    """Build the production site into output/ with publishconf.py (absolute URLs, feeds)."""
    os.environ["SITEURL"] = publish_url(siteurl)
    build(c, settings="publishconf.py")


@task(
    name="gh-pages",
    help={
        "siteurl": "absolute URL of the published site (e.g. https://ORG.github.io/REPO)",
        "push": "push the gh-pages branch to origin after committing",
    },
)
def gh_pages(c, siteurl="", push=False):
    """Publish by branch: build with publishconf.py, commit output/ to gh-pages (ghp-import)."""
    publish(c, siteurl=publish_url(siteurl))
    flags = "-n -f" + (" -p" if push else "")
    c.run(f"{PY} -m ghp_import {flags} -m 'Publish site' -b gh-pages output", pty=False)


@task(name="check-workflows")
def check_workflows(c):
    """Lint .github/workflows/*.yml with actionlint."""
    workflows = " ".join(str(p) for p in sorted((ROOT / ".github" / "workflows").glob("*.yml")))
    c.run(f"{Path(PY).with_name('actionlint')} -color=false {workflows}", pty=False)


@task(help={
    "sizes": "comma-separated corpus sizes (default 5000,20000,50000)",
    "quick": "smoke run on 500 releases (results under benchmarks/work/)",
    "jobs": "converter worker processes (default: number of cores)",
    "source": "folder of real *.txt releases (default ../shared/corpus/sample)",
    "search_repeats": "runs per search query in Chromium (0 skips the browser)",
})
def bench(c, sizes="", quick=False, jobs=0, source="", search_repeats=3):
    """Benchmarks: results in benchmarks/results/ (JSON + latest.md); see benchmarks/bench.py."""
    opts = [f"--search-repeats {int(search_repeats)}"]
    if sizes:
        opts.append(f"--sizes {sizes}")
    if quick:
        opts.append("--quick")
    if jobs:
        opts.append(f"--jobs {int(jobs)}")
    if source:
        opts.append(f"--source {source}")
    c.run(f"{PY} -m benchmarks.bench {' '.join(opts)}", pty=False)
