"""Articles through the pipeline in this process or in several worker processes.

The workers here are forked once with the loaded pipeline and send back only what the run writes: each
article's events, or its Reject.

Why not spaCy's ``nlp.pipe(n_process=N)``, which works since candidates and events have msgpack codecs
(``pipeline.serialize``)? Measured on corpus/ + shared/dev (141 articles, 180k characters), one loaded
pipeline, batch size 32, 2 processes, on the shared 2-core machine (load average 7-10, so wall times are
noisy; `python bench/n_process.py corpus/articles.jsonl ../shared/dev/*.jsonl`):

    wall, best of 3 (median)       in-process 25.5 s (29.7)   fork pool 22.9 s (24.3)   nlp.pipe 31.4 s (31.6)
    wall, batch size 8, best of 2  in-process 33.8 s          fork pool 33.4 s          nlp.pipe 35.0 s
    CPU seconds, parent + workers  in-process  9.2 s          fork pool 10.9 s          nlp.pipe 12.9 s

``nlp.pipe`` was the slowest in every round: its workers send each whole Doc back as bytes (tokens, spans,
user data) for the parent to rebuild, where the pool sends a few events, and it starts new processes on
every call. It is not simpler either: an exception in a worker loses its whole batch to the error handler,
where the pool rejects only the failing article (``extract_articles`` runs in the worker) and goes on in
this process when a worker dies. So the pool stays.
"""
from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from spacy.language import Language

from .batch import extract_articles
from .gate import Gate
from .lifecycle import Interrupted, follow_parent, stop_workers
from .readers import Article, Reject
from .schema import Event

logger = logging.getLogger(__name__)

Result = list[Event] | Reject

_worker_nlp: Language | None = None
_worker_batch_size = 32
_worker_gate: Gate | None = None


def _start_worker(nlp: Language, batch_size: int, gate: Gate | None = None) -> None:
    global _worker_nlp, _worker_batch_size, _worker_gate
    follow_parent()  # exit when the parent dies; Ctrl-C is the parent's to handle
    _worker_nlp = nlp
    _worker_batch_size = batch_size
    _worker_gate = gate


def _ready() -> bool:
    return _worker_nlp is not None


def _work(articles: list[Article]) -> list[Result]:
    assert _worker_nlp is not None, "worker started without a pipeline"
    return [result for _, result in extract_articles(_worker_nlp, articles, batch_size=_worker_batch_size,
                                                     gate=_worker_gate)]


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class ArticleProcessor:
    """Processes lists of articles; with ``n_process > 1``, in forked workers.

    >>> with ArticleProcessor(nlp, batch_size=32, n_process=2) as processor:
    ...     for article, result in processor.process(articles): ...

    Each worker takes one batch (``batch_size`` records) at a time; results
    come back in order. Where processes cannot be forked (Windows), or when a worker dies,
    the articles are processed in this process instead.
    """

    def __init__(self, nlp: Language, *, batch_size: int = 32, n_process: int = 1,
                 gate: Gate | None = None) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.n_process = n_process
        self.gate = gate  # the relevance gate (pipeline.gate), or None to parse every article whole
        self._executor: ProcessPoolExecutor | None = None

    @property
    def parallel(self) -> bool:
        return self._executor is not None

    def __enter__(self) -> ArticleProcessor:
        if self.n_process > 1:
            if can_fork():
                self._start()
            else:
                logger.warning("n_process=%d needs fork(); processing in one process", self.n_process)
        return self

    def _start(self) -> None:
        self._executor = ProcessPoolExecutor(
            max_workers=self.n_process,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(self.nlp, self.batch_size, self.gate),
        )
        # Fork the workers now, before this process starts other threads (the progress bar).
        self._executor.submit(_ready).result()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._executor is not None and isinstance(exc, (Interrupted, KeyboardInterrupt)):
            stop_workers(self._executor)  # do not wait for the batches the workers hold
            self._executor = None
        self._stop(cancel=exc_type is not None)

    def _stop(self, cancel: bool = False) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=cancel)
            self._executor = None

    def process_batches(self, batches: Iterable[list[Article | Reject]]
                        ) -> Iterator[list[tuple[Article | Reject, Result]]]:
        """Each batch back, in order, as (record, result) pairs.

        A record that is already a Reject (from the reader) is its own result.
        With workers, up to two batches per worker are in flight while the
        next ones are read, so a slow article holds up no other worker.
        """
        if self._executor is None:
            for batch in batches:
                yield self._merge(batch, self._here(batch))
            return
        in_flight = 2 * self.n_process
        pending: deque[tuple[list[Article | Reject], Future[list[Result]] | None]] = deque()
        batches = iter(batches)
        for batch in batches:
            pending.append((batch, self._submit(batch)))
            if len(pending) >= in_flight:
                yield self._collect(*pending.popleft())
        while pending:
            yield self._collect(*pending.popleft())

    def process(self, articles: list[Article]) -> Iterator[tuple[Article, Result]]:
        """Each article with its events or its Reject, in order."""
        batches = [articles[i:i + self.batch_size] for i in range(0, len(articles), self.batch_size)]
        for batch in self.process_batches(batches):
            yield from batch  # type: ignore[misc]

    @staticmethod
    def _articles(batch: list[Article | Reject]) -> list[Article]:
        return [record for record in batch if isinstance(record, Article)]

    def _here(self, batch: list[Article | Reject]) -> list[Result]:
        return [result for _, result in
                extract_articles(self.nlp, self._articles(batch), batch_size=self.batch_size, gate=self.gate)]

    def _submit(self, batch: list[Article | Reject]) -> Future[list[Result]] | None:
        if self._executor is None:
            return None
        try:
            return self._executor.submit(_work, self._articles(batch))
        except BrokenProcessPool:
            self._broken()
            return None

    def _collect(self, batch: list[Article | Reject], future: Future[list[Result]] | None
                 ) -> list[tuple[Article | Reject, Result]]:
        if future is not None:
            try:
                return self._merge(batch, future.result())
            except BrokenProcessPool:
                self._broken()
        return self._merge(batch, self._here(batch))

    def _broken(self) -> None:
        if self._executor is not None:
            logger.warning("a worker process died; going on in this process")
            self._stop(cancel=True)

    @staticmethod
    def _merge(batch: list[Article | Reject], results: list[Result]
               ) -> list[tuple[Article | Reject, Result]]:
        """Pair each record of the batch with its result (a Reject is its own)."""
        found = iter(results)
        merged = [(record, record if isinstance(record, Reject) else next(found)) for record in batch]
        if next(found, None) is not None:
            raise RuntimeError("more results than articles in a batch")
        return merged
