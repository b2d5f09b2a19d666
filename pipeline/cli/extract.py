"""``coaching-events extract``: articles in, events out (a thin command over :func:`pipeline.run.run_extract`)."""
from __future__ import annotations

import os
import sys
from typing import Annotated, NoReturn

import typer

from ..readers import MissingInputError, Reject
from ..resources import ResourceError
from ..run import DEFAULT_BATCH_SIZE, ExtractOptions, OutputConflictError, run_extract
from .app import EXIT_FAILURE, ModelOption, fail, say


def _print_reject(reject: Reject) -> None:
    say(reject.describe())


def _stdout_closed() -> NoReturn:
    # The reader of stdout went away (``| head``): stop quietly, as Python's docs advise.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    raise typer.Exit(EXIT_FAILURE)


def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="JSON Lines files, .txt files, directories (their *.jsonl and *.txt, "
                 "recursively) or - for JSON Lines on stdin.",
            show_default=False,
            metavar="INPUT",
        ),
    ],
    output: Annotated[
        str, typer.Option("--output", "-o", help="Events file (JSON Lines), or - for stdout.")
    ] = "-",
    rejects: Annotated[
        str | None,
        typer.Option(
            help="Rejected records (JSON Lines). Default: OUTPUT with the suffix .rejects.jsonl, "
                 "or rejects.jsonl when OUTPUT is stdout. Written only when something is rejected.",
            show_default=False,
        ),
    ] = None,
    model: ModelOption = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", "-b", min=1, help="Articles per nlp.pipe batch.")
    ] = DEFAULT_BATCH_SIZE,
    n_process: Annotated[
        int,
        typer.Option("--n-process", "-n", min=1, help="Worker processes (forked with the loaded pipeline)."),
    ] = 1,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress",
                     help="Progress bar on stderr. Default: shown when stderr is a terminal.",
                     show_default=False),
    ] = None,
    gate: Annotated[
        bool,
        typer.Option("--gate/--no-gate",
                     help="Relevance gate: skip the parser for articles with no coaching change in sight."),
    ] = True,
) -> None:
    """Extract the events of articles into JSON Lines, one event a line."""
    options = ExtractOptions(inputs=list(inputs), output=output, rejects=rejects, model=model,
                             batch_size=batch_size, n_process=n_process, progress=progress, gate=gate)
    try:
        counts = run_extract(options, on_reject=_print_reject)
    except BrokenPipeError:
        _stdout_closed()
    except (MissingInputError, OutputConflictError, ResourceError) as error:
        fail(str(error))
    except OSError as error:  # the model cannot be loaded, an output cannot be written
        fail(str(error))
    say(counts.summary())
    if counts.rejects_path is not None:
        say(f"rejects written to {counts.rejects_path}")
