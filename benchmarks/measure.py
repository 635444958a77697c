"""Run a command and measure it: wall time and peak memory of its whole process tree.

Peak memory is sampled from ``/proc`` (the sum of the proportional set size — shared pages split
between the processes sharing them — of the command and all its descendants, every
``SAMPLE_SECONDS``) — a process pool's workers count together. The largest
single process (``ru_maxrss`` from ``wait4``) is reported too; it is exact, the tree sum is a
sample. On systems without ``/proc`` only the latter is available.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

SAMPLE_SECONDS = 0.2  # each sample reads /proc: sparse enough not to steal CPU from the command
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
MB = 1024 * 1024


class CommandFailed(RuntimeError):
    """A measured command exited with an error (its output tail is in the message)."""


@dataclass
class Measurement:
    """What one measured command cost."""

    seconds: float
    cpu_seconds: float  # user + system time of the command and the descendants it waited for
    peak_tree_mb: float  # sampled sum of PSS over the process tree
    peak_process_mb: float  # largest single process (getrusage of children)

    def as_dict(self) -> dict:
        return {k: round(v, 3) for k, v in asdict(self).items()}


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2:].split()
        tree.setdefault(int(fields[1]), []).append(int(entry.name))
    return tree


def _rss(pid: int) -> int:
    """Proportional set size (shared pages split between the sharers), else the RSS."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as fh:
            for line in fh:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE_BYTES
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants, now."""
    tree = _children()
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _rss(current)
        todo.extend(tree.get(current, ()))
    return total


class _Sampler(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self):
        while not self.stop.wait(SAMPLE_SECONDS):
            self.peak = max(self.peak, tree_rss(self.pid))


def run(cmd: list[str], *, cwd: Path | None = None, env: dict | None = None,
        log: Path | None = None, ok_codes: tuple[int, ...] = (0,)) -> Measurement:
    """Run ``cmd`` to completion; raise CommandFailed (with its output) if it fails."""
    out = open(log, "wb") if log else subprocess.DEVNULL  # noqa: SIM115
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        sampler = _Sampler(proc.pid)
        if Path("/proc").is_dir():
            sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        sampler.stop.set()
    finally:
        if log:
            out.close()
    if code not in ok_codes:
        tail = log.read_text(errors="replace")[-3000:] if log else ""
        raise CommandFailed(f"{' '.join(map(str, cmd))} exited with {code}\n{tail}")
    process_mb = usage.ru_maxrss / 1024  # this child and the descendants it waited for
    cpu = usage.ru_utime + usage.ru_stime
    return Measurement(seconds, cpu, max(sampler.peak / MB, process_mb), process_mb)
