"""The extract job: read articles, run the pipeline, write events and rejects.

    counts = run_extract(ExtractOptions(inputs=["corpus/"], output="out/events.jsonl"))

The CLI is a thin layer over :func:`run_extract`; tests call it directly.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from spacy.language import Language

from .atomic import remove_stale
from .gate import Gate
from .lifecycle import Interrupted, interruptible
from .parallel import ArticleProcessor
from .db import EventStore, StoreError, pipeline_version
from .db.resume import Resume
from .progress import byte_progress, wanted
from .readers import DEFAULT_MAX_CHARS, STDIN, Article, ArticleReader, CsvColumns, InputPath, Reject, check_inputs
from .schema import Event
from .sinks import Sinks, check_sinks
from .writers import STDOUT, JsonlWriter, OutputPath, RejectsWriter

DEFAULT_BATCH_SIZE = 32
REJECTS_SUFFIX = ".rejects.jsonl"
REJECTS_ON_STDOUT = "rejects.jsonl"

T = TypeVar("T")


class OutputConflictError(ValueError):
    """An output path is also an input, or both outputs are the same file."""


@dataclass
class ExtractOptions:
    """What one extract run reads, writes and how.

    rejects: where refused records go; by default OUTPUT with the suffix
    ``.rejects.jsonl``, or ``rejects.jsonl`` in the working folder when the
    output is stdout. The file is created only when something is rejected.
    progress: True/False to force the progress bar on stderr on or off;
    None shows it when stderr is a terminal. gate: False parses every article
    whole (``--no-gate``, for comparisons).
    max_chars: longest article text accepted; a longer one is rejected.
    csv_columns: which columns of a CSV input hold the id, text, date, title, url.
    output: the JSON Lines output, stdout (``-``) or None for none; ``outputs``:
    further files, written by their suffix (``.csv``, ``.parquet``, else JSON
    Lines); ``db``: a SQLAlchemy URL to upsert articles and events into, where
    articles already recorded with the same text by this pipeline version are
    skipped unless ``force``.
    min_confidence: events whose confidence is below it are written to no sink.
    """

    inputs: list[InputPath]
    output: OutputPath | None = STDOUT
    rejects: OutputPath | None = None
    model: str | None = None
    batch_size: int = DEFAULT_BATCH_SIZE
    n_process: int = 1
    progress: bool | None = False
    gate: bool = True  # the relevance gate (pipeline.gate): parse only articles that can hold an event
    outputs: list[OutputPath] = field(default_factory=list)
    db: str | None = None
    force: bool = False
    min_confidence: float = 0.0
    max_chars: int = DEFAULT_MAX_CHARS
    csv_columns: CsvColumns = field(default_factory=CsvColumns)

    def rejects_path(self) -> Path:
        if self.rejects is not None:
            return Path(self.rejects)
        main = self.output if self.output is not None else next(iter(self.outputs), STDOUT)
        if str(main) == STDOUT:
            return Path(REJECTS_ON_STDOUT)
        return Path(main).with_suffix(REJECTS_SUFFIX)


@dataclass
class RunCounts:
    """What a run did. ``read`` counts every record, ``rejected`` is a part of it."""

    read: int = 0
    rejected: int = 0
    events: int = 0
    rejects_path: Path | None = None  # set when a rejects file was written
    skipped: int = 0  # already in the database (a part of ``read``)

    def summary(self) -> str:
        skipped = f", skipped {self.skipped} already in the database" if self.skipped else ""
        return f"read {self.read} articles{skipped}, rejected {self.rejected}, wrote {self.events} events"


class RunInterrupted(Exception):
    """A run stopped by SIGINT/SIGTERM: what it had done, and the signal (``exit_code``)."""

    def __init__(self, counts: RunCounts, interrupted: Interrupted) -> None:
        super().__init__(f"{interrupted.name}: stopped after {counts.summary()}")
        self.counts = counts
        self.signal_name = interrupted.name
        self.exit_code = interrupted.exit_code


def load_nlp(model: str | None = None) -> Language:
    """The pipeline a run uses when none is given (a seam for tests)."""
    from . import load

    return load(model)


def _batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _same_file(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def check_outputs(options: ExtractOptions, input_files: Iterable[InputPath]) -> None:
    """Refuse to overwrite an input, or to write events and rejects to one file."""
    outputs = []
    if options.output is not None and str(options.output) != STDOUT:
        outputs.append(("output", Path(options.output)))
    outputs.extend(("output", Path(path)) for path in options.outputs if str(path) != STDOUT)
    outputs.append(("rejects", options.rejects_path()))
    for name, path in outputs:
        for source in input_files:
            if source != STDIN and _same_file(path, Path(source)):
                raise OutputConflictError(f"{name} file {path} is also an input")
    for (name_a, a), (name_b, b) in itertools.combinations(outputs, 2):
        if _same_file(a, b):
            names = "output and rejects" if name_a != name_b else "two outputs"
            raise OutputConflictError(f"{names} are the same file: {a}")


def run_extract(options: ExtractOptions, nlp: Language | None = None, *,
                on_reject: Callable[[Reject], None] | None = None) -> RunCounts:
    """Extract the events of every input article into ``options.output``.

    Raises MissingInputError (an input does not exist) or OutputConflictError
    before anything is loaded or written; a bad record or an article the
    pipeline fails on is a Reject (written, passed to ``on_reject``, counted)
    and the run goes on.
    """
    if options.batch_size < 1 or options.n_process < 1:
        raise ValueError("batch_size and n_process must be at least 1")
    if not 0.0 <= options.min_confidence <= 1.0:
        raise ValueError(f"min_confidence must be between 0 and 1, got {options.min_confidence}")
    check_inputs(options.inputs)
    reader = ArticleReader(options.inputs, max_chars=options.max_chars, csv_columns=options.csv_columns)
    check_outputs(options, reader.files)
    check_sinks(options.outputs)
    store = EventStore.open(options.db) if options.db else None  # StoreError: exit before the model loads
    counts = RunCounts()
    try:
        nlp = nlp if nlp is not None else load_nlp(options.model)
        return _run(options, nlp, reader, store, counts, on_reject)
    except StoreError as error:  # the database went away during the run
        raise StoreError(f"{error}\nstopped after: {counts.summary()}; the batches written before are kept: "
                         "run the same command again to resume") from None
    finally:
        if store is not None:
            store.close()


def _run(options: ExtractOptions, nlp: Language, reader: ArticleReader, store: EventStore | None,
         counts: RunCounts, on_reject: Callable[[Reject], None] | None) -> RunCounts:
    rejects = RejectsWriter(options.rejects_path())

    def reject(item: Reject) -> None:
        counts.rejected += 1
        rejects.write_reject(item)
        if on_reject is not None:
            on_reject(item)

    version = pipeline_version(nlp) if store is not None else ""
    batches = _batched(reader, options.batch_size)
    resume = None
    if store is not None and not options.force:
        resume = Resume(store, version, read_back=options.output is not None or bool(options.outputs))
        batches = resume.batches(batches)
    gate = Gate.for_pipeline(nlp) if options.gate else None
    processor = ArticleProcessor(nlp, batch_size=options.batch_size, n_process=options.n_process, gate=gate)
    if store is not None:
        store.engine.dispose()  # no open connection for forked workers to inherit
    main_output = JsonlWriter(options.output) if options.output is not None else nullcontext(None)
    try:
        # Files are written beside their targets and moved into place only when
        # the block ends well (pipeline.atomic): an interrupted run keeps the old ones.
        with interruptible(), main_output as output, rejects, processor, \
                Sinks.open(options.outputs, store=store, version=version) as sinks, \
                byte_progress(reader, wanted(options.progress)) as progress:
            for batch in processor.process_batches(batches):
                done: list[tuple[Article, list[Event]]] = []
                recorded: set[str] = set()  # articles the database holds already (resumed runs)
                for record, result, fresh in resume.merge(batch) if resume else ((*pair, True) for pair in batch):
                    counts.read += 1
                    if isinstance(result, Reject):
                        reject(result)
                    else:
                        result = [event for event in result if event.confidence >= options.min_confidence]
                        counts.events += output.write_events(result) if output is not None else len(result)
                        done.append((record, result))
                        if not fresh:
                            recorded.add(record.id)
                sinks.write_batch(done, recorded=recorded)
                progress.update(read=counts.read, events=counts.events, rejected=counts.rejected)
    except Interrupted as interrupted:
        counts.skipped = resume.skipped if resume else 0
        raise RunInterrupted(counts, interrupted) from None
    counts.skipped = resume.skipped if resume else 0
    if rejects.count:
        counts.rejects_path = Path(rejects.path)
    else:
        remove_stale(rejects.path)  # an earlier run's rejects do not belong to this output
    return counts
