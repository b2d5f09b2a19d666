"""Resuming a run over a database: skip what is recorded before the NLP, keep file outputs complete.

    resume = Resume(store, version, read_back=True)
    for batch in processor.process_batches(resume.batches(batches)):
        for record, result, fresh in resume.merge(batch): ...

An article the database already holds with the same content hash for this
pipeline version does not go to the pipeline. With ``read_back`` (the run
also writes files), its recorded events are read back and put in its place,
so that a resumed run's files hold every event, in input order, like an
uninterrupted run's; ``fresh`` is False for them (the database has them).
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from ..readers import Article, Reject
from ..schema import Event
from .store import EventStore

Record = Article | Reject
Result = list[Event] | Reject


class Resume:
    def __init__(self, store: EventStore, version: str, *, read_back: bool) -> None:
        self.store = store
        self.version = version
        self.read_back = read_back
        self.skipped = 0
        self._pending: deque[tuple[list[Record], set[int]]] = deque()  # each batch, ids of its skipped articles

    def batches(self, batches: Iterable[list[Record]]) -> Iterator[list[Record]]:
        """Each batch without its recorded articles (possibly empty, so that merge() stays in step)."""
        for batch in batches:
            articles = [record for record in batch if isinstance(record, Article)]
            todo = {id(article) for article in self.store.unrecorded(articles, self.version)}
            skipped = {id(article) for article in articles if id(article) not in todo}
            self._pending.append((batch, skipped))
            yield [record for record in batch if id(record) not in skipped]

    def merge(self, processed: list[tuple[Record, Result]]) -> Iterator[tuple[Record, Result, bool]]:
        """The whole batch back in input order: processed records, and the skipped ones with their recorded events."""
        batch, skipped = self._pending.popleft()
        self.skipped += len(skipped)
        recorded: dict[str, list[Event]] = {}
        if skipped and self.read_back:
            recorded = self.store.events_of([record.id for record in batch if id(record) in skipped])
        fresh = iter(processed)
        for record in batch:
            if id(record) in skipped:
                yield record, recorded.get(record.id, []), False
            else:
                done, result = next(fresh)
                assert done is record, "batches came back out of step"
                yield record, result, True
