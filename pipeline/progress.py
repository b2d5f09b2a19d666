"""Progress by bytes read, on stderr, only when asked or when stderr is a terminal."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class ByteCounter(Protocol):
    bytes_read: int
    total_bytes: int | None


class Progress(Protocol):
    def update(self) -> None: ...


class _Silent:
    def update(self) -> None:
        return None


class _RichBar:
    def __init__(self, progress, task, counter: ByteCounter) -> None:
        self._progress = progress
        self._task = task
        self._counter = counter

    def update(self) -> None:
        self._progress.update(self._task, completed=self._counter.bytes_read)


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
    from rich.progress import BarColumn, DownloadColumn, TextColumn, TimeRemainingColumn, TransferSpeedColumn
    from rich.progress import Progress as RichProgress

    columns = [TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
               TransferSpeedColumn(), TimeRemainingColumn()]
    with RichProgress(*columns, console=Console(stderr=True), transient=True,
                      redirect_stdout=False) as progress:
        task = progress.add_task(description, total=counter.total_bytes)
        bar = _RichBar(progress, task, counter)
        yield bar
        bar.update()
