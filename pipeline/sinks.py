"""Where a run's events go besides the main JSON Lines output: CSV, Parquet, more JSON Lines, a database.

    sinks = Sinks.open(["events.csv", "events.parquet"], db="sqlite:///events.db", version=...)
    with sinks:
        sinks.write_batch([(article, events), ...])     # once a batch, in input order

A CSV or Parquet file has one row an event, the evidence flattened into
``evidence_sentence``, ``evidence_start``, ``evidence_end``, ``evidence_trigger``,
``evidence_field`` (the columns of the database's ``events`` table). Files are
written beside their target under a temporary name and renamed over it when
the run ends well, so a failed or killed run leaves an earlier complete file
as it was. The database gets each batch (articles and events) in one
transaction, as it comes.
"""
from __future__ import annotations

import csv
import glob
import os
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from .db import EventStore, event_row
from .readers import Article
from .schema import Event
from .writers import JsonlWriter, OutputPath

EVENT_COLUMNS = ("event_id", "doc_id", "type", "coach", "team", "role", "interim", "manner", "date",
                 "evidence_sentence", "evidence_start", "evidence_end", "evidence_trigger", "evidence_field",
                 "rule", "confidence", "sport")
CSV_SUFFIX = ".csv"
PARQUET_SUFFIX = ".parquet"
PARQUET_HINT = "writing Parquet needs pyarrow: pip install 'coaching-events[parquet]'"


class SinkError(RuntimeError):
    """A sink cannot be opened or written; the message names it."""


def flat(event: Event) -> dict[str, Any]:
    """An event as one flat row of :data:`EVENT_COLUMNS`."""
    row = event_row(event, 0)
    return {column: row[column] for column in EVENT_COLUMNS}


def is_file_sink(path: OutputPath) -> bool:
    """True for outputs this module writes (CSV, Parquet); JSON Lines is the writers' job."""
    return Path(str(path)).suffix.lower() in (CSV_SUFFIX, PARQUET_SUFFIX)


class FileSink(Protocol):
    path: Path

    def write_events(self, events: Sequence[Event]) -> int: ...

    def close(self, ok: bool) -> None: ...


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    return True


class _Staged:
    """A file written under a temporary name beside ``path`` (``.NAME.PID.tmp``), renamed over it by
    ``close(ok=True)``. Temporary files of the same target left by killed runs (their process is gone)
    are removed."""

    def __init__(self, path: OutputPath) -> None:
        self.path = Path(path)
        self.temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._remove_stale()
        except OSError as error:
            raise SinkError(f"cannot write {self.path}: {error.strerror or error}") from None

    def _remove_stale(self) -> None:
        prefix = f".{self.path.name}."
        for candidate in self.path.parent.glob(f"{glob.escape(prefix)}*.tmp"):
            pid = candidate.name[len(prefix):-len(".tmp")]
            if pid.isdigit() and not _alive(int(pid)):
                candidate.unlink(missing_ok=True)

    def _finish(self, ok: bool) -> None:
        if ok:
            os.replace(self.temporary, self.path)
        else:
            self.temporary.unlink(missing_ok=True)


class CsvSink(_Staged):
    """Events as CSV (``csv`` module, UTF-8, a header line); booleans as ``true``/``false``, nulls empty."""

    def __init__(self, path: OutputPath) -> None:
        super().__init__(path)
        try:
            self._stream = self.temporary.open("w", encoding="utf-8", newline="")
        except OSError as error:
            raise SinkError(f"cannot write {self.path}: {error.strerror or error}") from None
        self._writer = csv.DictWriter(self._stream, fieldnames=EVENT_COLUMNS)
        self._writer.writeheader()

    @staticmethod
    def _cell(value: Any) -> Any:
        if isinstance(value, bool):
            return "true" if value else "false"
        return value

    def write_events(self, events: Sequence[Event]) -> int:
        for event in events:
            self._writer.writerow({key: self._cell(value) for key, value in flat(event).items()})
        self._stream.flush()
        return len(events)

    def close(self, ok: bool) -> None:
        self._stream.close()
        self._finish(ok)


def parquet_schema():
    import pyarrow as pa

    types = {"interim": pa.bool_(), "evidence_start": pa.int64(), "evidence_end": pa.int64(),
             "confidence": pa.float64()}
    return pa.schema([(column, types.get(column, pa.string())) for column in EVENT_COLUMNS])


def require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise SinkError(PARQUET_HINT) from None


class ParquetSink(_Staged):
    """Events as a Parquet file (pyarrow, the ``[parquet]`` extra), one row group a batch."""

    def __init__(self, path: OutputPath) -> None:
        require_pyarrow()
        import pyarrow.parquet as pq

        super().__init__(path)
        self._schema = parquet_schema()
        try:
            self._writer = pq.ParquetWriter(str(self.temporary), self._schema)
        except OSError as error:
            raise SinkError(f"cannot write {self.path}: {error}") from None

    def write_events(self, events: Sequence[Event]) -> int:
        import pyarrow as pa

        if events:
            rows = [flat(event) for event in events]
            self._writer.write_table(pa.Table.from_pylist(rows, schema=self._schema))
        return len(events)

    def close(self, ok: bool) -> None:
        self._writer.close()
        self._finish(ok)


class JsonlSink:
    """A further JSON Lines file (the first one is the run's main output)."""

    def __init__(self, path: OutputPath) -> None:
        self.path = Path(path)
        self._writer = JsonlWriter(path).__enter__()

    def write_events(self, events: Sequence[Event]) -> int:
        return self._writer.write_events(events)

    def close(self, ok: bool) -> None:
        self._writer.close()


def open_file_sink(path: OutputPath) -> FileSink:
    suffix = Path(str(path)).suffix.lower()
    if suffix == CSV_SUFFIX:
        return CsvSink(path)
    if suffix == PARQUET_SUFFIX:
        return ParquetSink(path)
    return JsonlSink(path)


def check_sinks(paths: Iterable[OutputPath]) -> None:
    """Fail before any work when a sink cannot be written at all (Parquet without pyarrow)."""
    if any(Path(str(path)).suffix.lower() == PARQUET_SUFFIX for path in paths):
        require_pyarrow()


class Sinks:
    """The extra outputs of one run, written batch by batch; closed with the run's outcome."""

    def __init__(self, files: list[FileSink], store: EventStore | None = None, version: str = "") -> None:
        self.files = files
        self.store = store
        self.version = version

    @classmethod
    def open(cls, paths: Sequence[OutputPath], *, store: EventStore | None = None, version: str = "") -> Sinks:
        files: list[FileSink] = []
        try:
            for path in paths:
                files.append(open_file_sink(path))
        except BaseException:
            for sink in files:
                sink.close(ok=False)
            raise
        return cls(files, store, version)

    def write_batch(self, results: Sequence[tuple[Article, list[Event]]], *,
                    recorded: Collection[str] = ()) -> None:
        """One batch of articles with their events, in input order: every file gets the events, the
        database (in one transaction) the articles and events it does not hold yet (ids not in ``recorded``)."""
        for sink in self.files:
            for _article, events in results:
                sink.write_events(events)
        if self.store is not None:
            self.store.write([pair for pair in results if pair[0].id not in recorded], self.version)

    def __enter__(self) -> Sinks:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        for sink in self.files:
            sink.close(ok=exc_type is None)
