"""``coaching-events extract``: articles in, events out (a thin command over :func:`pipeline.run.run_extract`)."""
from __future__ import annotations

import os
import sys
from typing import Annotated, NoReturn

import typer

from ..db import StoreError
from ..readers import DEFAULT_MAX_CHARS, CsvColumns, MissingInputError, Reject
from ..resources import ResourceError
from ..run import DEFAULT_BATCH_SIZE, ExtractOptions, OutputConflictError, RunInterrupted, run_extract
from ..sinks import SinkError, is_file_sink
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
            help="JSON Lines files (.jsonl, .jsonl.gz), .json, .csv and .txt files, directories "
                 "(their *.jsonl, *.jsonl.gz, *.json and *.txt, recursively) or - for JSON Lines on stdin.",
            show_default=False,
            metavar="INPUT",
        ),
    ],
    output: Annotated[
        list[str] | None,
        typer.Option("--output", "-o",
                     help="Events file: .csv, .parquet (needs the [parquet] extra), else JSON Lines; "
                          "- for stdout. May be given several times. Default: stdout, unless --db is given.",
                     show_default=False),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database URL to upsert articles and events into: sqlite:///events.db, "
                                  "postgresql://user@host/dbname (any SQLAlchemy URL).",
                     show_default=False),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="With --db: process again the articles the database already holds "
                                     "for this text and pipeline version (skipped by default)."),
    ] = False,
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
    min_confidence: Annotated[
        float,
        typer.Option("--min-confidence", min=0.0, max=1.0,
                     help="Write only events whose confidence is at least this (0-1)."),
    ] = 0.0,
    max_chars: Annotated[
        int, typer.Option("--max-chars", min=1, help="Reject an article whose text is longer (characters).")
    ] = DEFAULT_MAX_CHARS,
    id_col: Annotated[str, typer.Option("--id-col", help="CSV inputs: the id column.")] = "id",
    text_col: Annotated[str, typer.Option("--text-col", help="CSV inputs: the text column.")] = "text",
    date_col: Annotated[str, typer.Option("--date-col", help="CSV inputs: the date column (YYYY-MM-DD).")] = "date",
    title_col: Annotated[str, typer.Option("--title-col", help="CSV inputs: the title column.")] = "title",
    url_col: Annotated[str, typer.Option("--url-col", help="CSV inputs: the url column.")] = "url",
    gate: Annotated[
        bool,
        typer.Option("--gate/--no-gate",
                     help="Relevance gate: skip the parser for articles with no coaching change in sight."),
    ] = True,
) -> None:
    """Extract the events of articles into JSON Lines, one event a line."""
    if force and not db:
        fail("--force is for runs with --db (it processes again what the database holds)", code=2)
    main, extra = split_outputs(output or [], db)
    options = ExtractOptions(inputs=list(inputs), output=main, rejects=rejects, model=model,
                             batch_size=batch_size, n_process=n_process, progress=progress,
                             outputs=extra, db=db, force=force, min_confidence=min_confidence,
                             max_chars=max_chars, gate=gate,
                             csv_columns=CsvColumns(id=id_col, text=text_col, date=date_col,
                                                    title=title_col, url=url_col))
    try:
        counts = run_extract(options, on_reject=_print_reject)
    except RunInterrupted as stopped:
        kept = "; the database keeps the batches written: run the same command again to resume" if db else ""
        say(f"interrupted by {stopped.signal_name}: {stopped.counts.summary()} so far; "
            f"the output and rejects files were not written (earlier ones are left as they were){kept}")
        raise typer.Exit(stopped.exit_code) from None
    except BrokenPipeError:
        _stdout_closed()
    except (MissingInputError, OutputConflictError, ResourceError, SinkError, StoreError) as error:
        fail(str(error))
    except OSError as error:  # the model cannot be loaded, an output cannot be written
        fail(str(error))
    say(counts.summary())
    if counts.read == counts.rejected:
        say("warning: no article was read from the inputs")
    if counts.rejects_path is not None:
        say(f"rejects written to {counts.rejects_path}")


def split_outputs(outputs: list[str], db: str | None) -> tuple[str | None, list[str]]:
    """The main JSON Lines output (the first -o that is not CSV or Parquet) and the other outputs.

    Without any -o, events go to stdout, unless they go to a database.
    """
    if not outputs:
        return (None if db else "-"), []
    main = next((path for path in outputs if not is_file_sink(path)), None)
    extra = list(outputs)
    if main is not None:
        extra.remove(main)
    return main, extra

