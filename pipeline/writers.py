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

from .atomic import AtomicFile
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
        self._file: AtomicFile | None = None  # a file output is written beside, renamed on success

    @property
    def is_stdout(self) -> bool:
        return self.path == STDOUT

    @property
    def writing_to(self) -> Path | None:
        """The temporary file a file output is written to until it is moved into place."""
        return self._file.temporary if self._file is not None else None

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
        self.close(success=exc_type is None)

    def _open(self) -> BinaryIO:
        if self._stream is None:
            if self.is_stdout:
                sys.stdout.flush()  # keep any text already written in order
                self._stream = sys.stdout.buffer
            else:
                self._file = AtomicFile(self.path)
                self._stream = self._file.stream
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

    def close(self, success: bool = True) -> None:
        """Finish the output: a file is moved into place on success, else discarded."""
        if self._stream is not None:
            if self._file is not None:
                if success:
                    self._file.commit()
                else:
                    self._file.discard()
                self._file = None
            elif not self._owned:
                self._stream.flush()
            self._stream = None


class JsonlWriter(_JsonlFile):
    """Events as JSON Lines (``Event.to_record()``), flushed after each chunk.

    >>> with JsonlWriter("out/events.jsonl") as writer:
    ...     writer.write_events(doc._.events)

    ``path`` may be ``-`` for stdout. A file is written beside its target and
    renamed over it when the context ends without an error (:mod:`pipeline.atomic`):
    a failed or interrupted run leaves the previous output whole. A run with
    no events leaves an empty file.
    """

    def __init__(self, path: OutputPath) -> None:
        super().__init__(path, lazy=False)

    def write_events(self, events: Iterable[Event]) -> int:
        return self.write_records(event.to_record() for event in events)


class RejectsWriter(_JsonlFile):
    """Refused records as JSON Lines: ``{"source", "id", "reason", "excerpt"}``.

    The file is created on the first reject only (beside its target, renamed on
    success, as for :class:`JsonlWriter`); a clean run writes none.
    """

    def __init__(self, path: OutputPath) -> None:
        super().__init__(path, lazy=True)

    def write_reject(self, reject: Reject) -> None:
        self.write_records([reject.to_record()])
