"""A converter killed with ``kill -9`` (issue 20, case 9): its workers end with it, the temp
files it left are removed by the next run, and a kill between the Thai and the English rename
never leaves one language alone (the next run finishes the pair from its journal)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from converter_support import SEEDS, TAXONOMY, TODAY

from briefing.convert.atomic import repair
from briefing.convert.runner import run

REPO = Path(__file__).resolve().parents[2]
DEAD_PID = 2**22 + 12345  # above Linux's pid_max default: never a live process


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, seconds: float = 60.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def test_workers_end_when_the_converter_is_killed(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(60):
        for seed in SEEDS:
            shutil.copy(seed, src / f"{i:03d}-{seed.name}")
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", "convert", str(src), "--out", str(tmp_path / "out"),
         "--taxonomy", str(TAXONOMY), "--jobs", "2", "--quiet"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_for(lambda: len(children(proc.pid)) >= 2), "the workers never started"
        workers = children(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert wait_for(lambda: not any(alive(w) for w in workers)), \
            f"workers {workers} outlived their parent"
    finally:
        if proc.poll() is None:
            proc.kill()


def test_temp_files_of_dead_runs_are_removed(tmp_path):
    out = tmp_path / "out"
    (out / "th").mkdir(parents=True)
    stale = [out / "th" / f".2024-03-24-80784.md.{DEAD_PID}.tmp",
             out / "th" / f".2024-03-24-80784.md.{DEAD_PID}.k3j2_x.tmp"]
    mine = out / "th" / f".2024-03-24-80784.md.{os.getpid()}.tmp"  # a live process's
    for path in [*stale, mine]:
        path.write_text("half a page")
    summary = run([SEEDS[0]], out, TAXONOMY, root=tmp_path, today=TODAY)
    assert not any(p.exists() for p in stale) and mine.exists()
    assert any("left by a stopped run" in message for _, message in summary.warnings)


def test_a_kill_between_the_two_renames_is_finished_on_the_next_run(tmp_path):
    out = tmp_path / "out"
    run([SEEDS[0]], out, TAXONOMY, root=tmp_path, today=TODAY)
    (th,) = (out / "th").glob("*.md")
    en = out / "en" / th.name
    new_th, new_en = th.read_text() + "\nnew\n", en.read_text() + "\nnew\n"
    # what a run killed right after renaming the Thai page leaves: the Thai page is new, the
    # English temp file and the journal are still there
    en_tmp = en.parent / f".{en.name}.{DEAD_PID}.tmp"
    en_tmp.write_text(new_en)
    th.write_text(new_th)
    journal = th.parent / f".{th.name}.{DEAD_PID}.journal"
    journal.write_text(json.dumps([[str(th.parent / f".{th.name}.{DEAD_PID}.tmp"), str(th)],
                                   [str(en_tmp), str(en)]]))
    done = repair([out / "th", out / "en"])
    assert done == [f"finished the interrupted write of {en}"]
    assert en.read_text() == new_en and th.read_text() == new_th
    assert not journal.exists() and not en_tmp.exists()


def test_a_journal_cut_short_means_nothing_was_renamed(tmp_path):
    folder = tmp_path / "th"
    folder.mkdir()
    target = folder / "a.md"
    target.write_text("old")
    tmp = folder / f".a.md.{DEAD_PID}.tmp"
    tmp.write_text("new")
    (folder / f".a.md.{DEAD_PID}.journal").write_text('[["' + str(tmp))  # killed mid-write
    repair([folder])
    assert target.read_text() == "old" and not tmp.exists()
    assert [p.name for p in folder.iterdir()] == ["a.md"]
