"""The command line: exit codes, --help, the summary and --dry-run."""

from __future__ import annotations

import os
import subprocess
import sys

from converter_support import TAXONOMY

from briefing.cli import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, main


def _main(*args: str) -> int:
    return main(["convert", *args, "--taxonomy", str(TAXONOMY), "--jobs", "1"])


def test_help_explains(capsys):
    assert main(["convert", "--help"]) == EXIT_OK
    text = capsys.readouterr().out
    for needle in ("--out", "--jobs", "--dry-run", "examples:", "exit status:", "refused"):
        assert needle in text


def test_usage_errors(tmp_path, capsys):
    assert main(["convert"]) == EXIT_USAGE
    assert main(["frobnicate"]) == EXIT_USAGE
    assert _main(str(tmp_path / "missing"), "--out", str(tmp_path)) == EXIT_USAGE
    assert "no such file or folder" in capsys.readouterr().err
    assert main(["convert", str(tmp_path), "--out", str(tmp_path), "--jobs", "0"]) == EXIT_USAGE


def test_convert_ok_then_refused(sources, tmp_path, capsys):
    out = tmp_path / "out"
    assert _main(str(sources), "--out", str(out), "--dry-run") == EXIT_OK
    assert "5 would be converted" in capsys.readouterr().out and not out.exists()
    assert _main(str(sources), "--out", str(out)) == EXIT_OK
    assert "5 converted, 0 updated, 0 unchanged, 0 refused, 0 conflicts" in capsys.readouterr().out
    (sources / "empty.txt").write_bytes(b"")
    assert _main(str(sources), "--out", str(out), "--quiet") == EXIT_REFUSED
    printed = capsys.readouterr().out
    assert "refused: " in printed and "empty.txt: empty file" in printed
    assert "0 converted, 0 updated, 5 unchanged, 1 refused" in printed
    assert "refused by reason: empty file ×1" in printed


def test_module_entry_point(sources, tmp_path, repo_root):
    env = {**os.environ, "PYTHONPATH": str(repo_root), "PYTHAINLP_OFFLINE": "1"}
    one = sources / "seed-002-announcement.txt"
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "convert", str(one), "--out", str(tmp_path / "o"),
         "--taxonomy", str(TAXONOMY)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == EXIT_OK, done.stderr
    assert "1 converted" in done.stdout
    assert (tmp_path / "o" / "th" / "2024-03-07-80014.md").exists()


OFF_TOPIC = ("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-นายกฯ เปิดงานเกษตรแฟร์\n\n\nวันศุกร์ที่ 1 มีนาคม 2567\n"
             "นายกฯ เปิดงานเกษตรแฟร์\nนายกรัฐมนตรีเปิดงานเกษตรแฟร์ ชมผลผลิตข้าวและผลไม้ไทย\n")


def test_each_release_is_reported_with_its_topic_relevance(sources, tmp_path, capsys):
    (sources / "zz-farm-fair.txt").write_text(OFF_TOPIC, encoding="utf-8")
    out = tmp_path / "out"
    assert _main(str(sources), "--out", str(out), "--dry-run") == EXIT_OK
    printed = capsys.readouterr().out.splitlines()
    farm = [line for line in printed if "zz-farm-fair.txt" in line]
    assert len(farm) == 1 and farm[0].startswith("would be converted: ")
    assert farm[0].endswith("zz-farm-fair.txt — off-topic? (score 0: no topic word)")
    seeds = [line for line in printed if "seed-" in line and "converted:" in line]
    assert len(seeds) == 5 and all("— on topic (score " in line for line in seeds)
    assert printed[-1].endswith("0 conflicts, 1 off-topic?")
    # --quiet still names the off-topic release; --relevance lists unchanged ones too
    assert _main(str(sources), "--out", str(out), "--quiet") == EXIT_OK
    quiet = capsys.readouterr().out
    assert "zz-farm-fair.txt — off-topic?" in quiet and "seed-000" not in quiet
    assert _main(str(sources), "--out", str(out), "--relevance", "--quiet") == EXIT_OK
    again = capsys.readouterr().out
    assert "0 off-topic?" in again  # nothing new: unchanged releases are not flagged again
    assert _main(str(sources), "--out", str(out), "--relevance") == EXIT_OK
    listed = capsys.readouterr().out
    assert listed.count("unchanged: ") == 6 and "— on topic (score " in listed
