"""A run's life: workers that die with their parent, SIGINT/SIGTERM as one clean interruption.

- :func:`follow_parent` (called in each forked worker): the worker exits when
  the process that started it dies, however it dies (``kill -9`` included):
  Linux's ``prctl(PR_SET_PDEATHSIG)`` sends it SIGTERM, and a watcher thread
  that polls the parent's pid covers other systems. Workers ignore SIGINT:
  Ctrl-C at a terminal reaches the whole process group, and it is the parent
  that decides how the run ends.
- :func:`interruptible` (around the main loop): SIGTERM raises
  :class:`Interrupted` as Ctrl-C raises KeyboardInterrupt, so both unwind the
  run the same way (outputs discarded, workers stopped) and the caller can
  say what was done so far.
- :func:`stop_workers` ends a process pool's workers now, without waiting for
  the batches they hold.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from types import FrameType

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5


class Interrupted(Exception):
    """The run was stopped by a signal (SIGINT or SIGTERM)."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        self.name = signal.Signals(signum).name
        super().__init__(f"interrupted by {self.name}")

    @property
    def exit_code(self) -> int:
        return 128 + self.signum  # the shell's convention: 130 for SIGINT, 143 for SIGTERM


def _set_parent_death_signal(signum: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    return libc.prctl(PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent:
            os._exit(1)  # the parent is gone: nobody will read this worker's results


def follow_parent(parent: int | None = None) -> None:
    """In a worker process: exit when ``parent`` (by default, the current parent) dies."""
    parent = os.getppid() if parent is None else parent
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _set_parent_death_signal(signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the death signal was armed
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="parent-watch", daemon=True).start()


@contextmanager
def interruptible() -> Iterator[None]:
    """SIGTERM and Ctrl-C (SIGINT) inside the block raise :class:`Interrupted`.

    Only in the main thread (signal handlers can be set nowhere else); in any
    other thread the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_term(signum: int, _frame: FrameType | None) -> None:
        raise Interrupted(signum)

    previous = signal.signal(signal.SIGTERM, on_term)
    try:
        yield
    except KeyboardInterrupt:
        raise Interrupted(signal.SIGINT) from None
    finally:
        signal.signal(signal.SIGTERM, previous)


def stop_workers(executor: ProcessPoolExecutor) -> None:
    """Terminate the pool's worker processes now and shut the pool down without waiting."""
    # ProcessPoolExecutor has no public way to end busy workers before Python 3.14
    # (terminate_workers); its _processes map is the same in 3.10 to 3.13.
    terminate = getattr(executor, "terminate_workers", None)
    if terminate is not None:
        terminate()
        return
    processes = dict(getattr(executor, "_processes", None) or {})
    for process in processes.values():
        process.terminate()
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes.values():
        process.join(timeout=5)
