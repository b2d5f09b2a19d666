"""The extract job: read articles, run the pipeline, write events and rejects.

    counts = run_extract(ExtractOptions(inputs=["corpus/"], output="out/events.jsonl"))

The CLI is a thin layer over :func:`run_extract`; tests call it directly.
"""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from spacy.language import Language

from .gate import Gate
from .parallel import ArticleProcessor
from .progress import byte_progress, wanted
from .readers import STDIN, ArticleReader, InputPath, Reject, check_inputs
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
    """

    inputs: list[InputPath]
    output: OutputPath = STDOUT
    rejects: OutputPath | None = None
    model: str | None = None
    batch_size: int = DEFAULT_BATCH_SIZE
    n_process: int = 1
    progress: bool | None = False
    gate: bool = True  # the relevance gate (pipeline.gate): parse only articles that can hold an event

    def rejects_path(self) -> Path:
        if self.rejects is not None:
            return Path(self.rejects)
        if str(self.output) == STDOUT:
            return Path(REJECTS_ON_STDOUT)
        return Path(self.output).with_suffix(REJECTS_SUFFIX)


@dataclass
class RunCounts:
    """What a run did. ``read`` counts every record, ``rejected`` is a part of it."""

    read: int = 0
    rejected: int = 0
    events: int = 0
    rejects_path: Path | None = None  # set when a rejects file was written

    def summary(self) -> str:
        return f"read {self.read} articles, rejected {self.rejected}, wrote {self.events} events"


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
    if str(options.output) != STDOUT:
        outputs.append(("output", Path(options.output)))
    outputs.append(("rejects", options.rejects_path()))
    for name, path in outputs:
        for source in input_files:
            if source != STDIN and _same_file(path, Path(source)):
                raise OutputConflictError(f"{name} file {path} is also an input")
    if len(outputs) == 2 and _same_file(outputs[0][1], outputs[1][1]):
        raise OutputConflictError(f"output and rejects are the same file: {outputs[0][1]}")


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
    check_inputs(options.inputs)
    reader = ArticleReader(options.inputs)
    check_outputs(options, reader.files)
    nlp = nlp if nlp is not None else load_nlp(options.model)

    counts = RunCounts()
    rejects = RejectsWriter(options.rejects_path())

    def reject(item: Reject) -> None:
        counts.rejected += 1
        rejects.write_reject(item)
        if on_reject is not None:
            on_reject(item)

    gate = Gate.for_pipeline(nlp) if options.gate else None
    processor = ArticleProcessor(nlp, batch_size=options.batch_size, n_process=options.n_process, gate=gate)
    with JsonlWriter(options.output) as output, rejects, processor, \
            byte_progress(reader, wanted(options.progress)) as progress:
        for batch in processor.process_batches(_batched(reader, options.batch_size)):
            for _record, result in batch:
                counts.read += 1
                if isinstance(result, Reject):
                    reject(result)
                else:
                    counts.events += output.write_events(result)
            progress.update()
    if rejects.count:
        counts.rejects_path = Path(rejects.path)
    return counts
