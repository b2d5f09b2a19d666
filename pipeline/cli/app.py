"""The ``coaching-events`` command line: the typer app, what its commands share, and its conventions.

Data goes to stdout (or the output file) and nothing else does; messages,
rejects, the summary and the progress bar go to stderr.

Exit codes: 0 the run finished (also when records were rejected);
1 the run could not start or could not write (missing input, model or
data file not loadable, output not writable); 2 the command line is wrong.

A new command goes in its own module of this package as a plain function with typer
annotations (use the shared options below and :func:`fail` for errors), and is
registered in ``pipeline/cli/__init__.py`` with ``app.command("name")(function)``.
Command modules import this module; it imports none of them.
"""
from __future__ import annotations

import sys
from typing import Annotated, NoReturn

import typer

from .. import DEFAULT_MODELS, __version__

EXIT_OK = 0
EXIT_FAILURE = 1

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,  # locals would dump whole articles
    help="Extract coaching-transition events (hires and departures) from sports news.",
)


def say(message: str) -> None:
    """A line for the person at the terminal: stderr, never stdout."""
    print(message, file=sys.stderr, flush=True)


def fail(message: str, code: int = EXIT_FAILURE) -> NoReturn:
    say(f"error: {message}")
    raise typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        print(f"coaching-events {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Extract coaching-transition events (hires and departures) from sports news."""


ModelOption = Annotated[
    str | None,
    typer.Option(help="spaCy model to build on. Default: the first of "
                      f"{', '.join(DEFAULT_MODELS)} that is installed.", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON object on stdout instead of tables.")]
