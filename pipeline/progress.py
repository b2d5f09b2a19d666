"""Progress by bytes read, on stderr, only when asked or when stderr is a terminal.

The bar shows the bytes read of all inputs, the articles done and their rate
(articles per second), the events written and the records rejected.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class ByteCounter(Protocol):
    bytes_read: int
    total_bytes: int | None


class Progress(Protocol):
    def update(self, *, read: int = 0, events: int = 0, rejected: int = 0) -> None: ...


class _Silent:
    def update(self, *, read: int = 0, events: int = 0, rejected: int = 0) -> None:
        return None


class _RichBar:
    def __init__(self, progress, task, counter: ByteCounter) -> None:
        self._progress = progress
        self._task = task
        self._counter = counter
        self._started = time.monotonic()
        self._counts = (0, 0, 0)

    def update(self, *, read: int | None = None, events: int | None = None,
               rejected: int | None = None) -> None:
        """Move the bar to the bytes read so far; show the articles, their rate, events and rejects."""
        if read is not None:
            self._counts = (read, events or 0, rejected or 0)
        read, events, rejected = self._counts
        rate = read / max(time.monotonic() - self._started, 1e-6)
        self._progress.update(self._task, completed=self._counter.bytes_read,
                              counts=f"{read:,} articles ({rate:,.1f}/s) · {events:,} events · "
                                     f"{rejected:,} rejected")


def wanted(flag: bool | None) -> bool:
    """The --progress/--no-progress flag, or (unset) whether stderr is a terminal."""
    if flag is not None:
        return flag
    return sys.stderr.isatty()


@contextmanager
def byte_progress(counter: ByteCounter, enabled: bool, description: str = "extracting") -> Iterator[Progress]:
    """A progress bar over ``counter.bytes_read`` of ``counter.total_bytes`` (stderr only)."""
    if not enabled:
        yield _Silent()
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as RichProgress

    columns = [TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
               TextColumn("{task.fields[counts]}"), TimeRemainingColumn()]
    with RichProgress(*columns, console=Console(stderr=True), transient=True,
                      redirect_stdout=False) as progress:
        task = progress.add_task(description, total=counter.total_bytes, counts="")
        bar = _RichBar(progress, task, counter)
        yield bar
        bar.update()
