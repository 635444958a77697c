"""Worker processes end with their parent: a killed converter leaves no workers behind.

A ``ProcessPoolExecutor`` worker waits on its task queue and never notices that the parent was
killed (``kill -9``): it would stay alive with its taxonomy and matcher (~185 MB). On Linux the
kernel is asked to send the worker ``SIGTERM`` when its parent dies (``PR_SET_PDEATHSIG``);
elsewhere a daemon thread checks every :data:`POLL_SECONDS` whether the parent is gone.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import threading
import time

PR_SET_PDEATHSIG = 1
POLL_SECONDS = 1.0


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os._exit(1)


def end_with_parent() -> None:
    """Call in a worker (the pool's initializer): the worker exits when its parent dies."""
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before prctl took effect
                os._exit(1)
            return
    except (OSError, AttributeError):
        pass
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="end-with-parent").start()
