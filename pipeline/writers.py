"""Records out: JSON Lines to a file or to stdout.

Lines are UTF-8 whatever the locale (``ensure_ascii=False``), one record a
line. A missing parent folder of the output is created.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from .readers import Reject
from .schema import Event

STDOUT = "-"

OutputPath = str | Path


def dumps(record: dict[str, Any]) -> bytes:
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


class _JsonlFile:
    """A JSON Lines output opened on first write (``lazy``) or on entering the context."""

    def __init__(self, path: OutputPath, *, lazy: bool = False) -> None:
        self.path = str(path)
        self.count = 0
        self._lazy = lazy
        self._stream: BinaryIO | None = None
        self._owned = False

    @property
    def is_stdout(self) -> bool:
        return self.path == STDOUT

    @property
    def opened(self) -> bool:
        """True once the output exists (a lazy writer that wrote nothing creates no file)."""
        return self._stream is not None

    def __enter__(self):
        if not self._lazy:
            self._open()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _open(self) -> BinaryIO:
        if self._stream is None:
            if self.is_stdout:
                sys.stdout.flush()  # keep any text already written in order
                self._stream = sys.stdout.buffer
            else:
                path = Path(self.path)
                path.parent.mkdir(parents=True, exist_ok=True)
                self._stream = path.open("wb")
                self._owned = True
        return self._stream

    def write_records(self, records: Iterable[dict[str, Any]]) -> int:
        """Write records, one a line, then flush; returns how many were written."""
        stream = self._open()
        written = 0
        for record in records:
            stream.write(dumps(record))
            written += 1
        stream.flush()
        self.count += written
        return written

    def close(self) -> None:
        if self._stream is not None:
            if self._owned:
                self._stream.close()
            else:
                self._stream.flush()
            self._stream = None


class JsonlWriter(_JsonlFile):
    """Events as JSON Lines (``Event.to_record()``), flushed after each chunk.

    >>> with JsonlWriter("out/events.jsonl") as writer:
    ...     writer.write_events(doc._.events)

    ``path`` may be ``-`` for stdout. The file is created on entering the
    context, so a run with no events leaves an empty file.
    """

    def __init__(self, path: OutputPath) -> None:
        super().__init__(path, lazy=False)

    def write_events(self, events: Iterable[Event]) -> int:
        return self.write_records(event.to_record() for event in events)


class RejectsWriter(_JsonlFile):
    """Refused records as JSON Lines: ``{"source", "id", "reason", "excerpt"}``.

    The file is created on the first reject only: a clean run leaves no file.
    """

    def __init__(self, path: OutputPath) -> None:
        super().__init__(path, lazy=True)

    def write_reject(self, reject: Reject) -> None:
        self.write_records([reject.to_record()])
