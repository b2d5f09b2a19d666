"""``coaching-events transitions``: the changes consolidated across the articles of a database.

Registered in pipeline/cli/__init__.py. The list
goes to stdout (or ``-o FILE``) as a table, CSV, Markdown or JSON, and is kept
in the database's ``transitions`` table, rebuilt on each call.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, TextIO

import typer

from ..db import EventStore, StoreError
from ..transitions import COLUMNS, Change, consolidate
from .app import fail, say

HEADERS = {"team": "Team", "role": "Role", "outgoing_coach": "Outgoing coach", "manner": "Manner of departure",
           "vacancy_date": "Date of vacancy", "incoming_coach": "Incoming coach", "interim": "Interim",
           "appointment_date": "Date of appointment", "sources": "Sources"}


class Format(str, Enum):
    table = "table"
    csv = "csv"
    markdown = "markdown"
    json = "json"


def cell(change: Change, column: str) -> str:
    """A value as text: sources joined by ", ", interim as yes/no, nothing for unknown."""
    value = getattr(change, column)
    if column == "sources":
        return ", ".join(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def write_csv(changes: list[Change], stream: TextIO) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(COLUMNS)
    for change in changes:
        writer.writerow([cell(change, column) for column in COLUMNS])


def write_markdown(changes: list[Change], stream: TextIO) -> None:
    def row(values: list[str]) -> str:
        return "| " + " | ".join(value.replace("|", "\\|") for value in values) + " |\n"

    stream.write(row([HEADERS[column] for column in COLUMNS]))
    stream.write(row(["---"] * len(COLUMNS)))
    for change in changes:
        stream.write(row([cell(change, column) for column in COLUMNS]))


def write_json(changes: list[Change], stream: TextIO) -> None:
    json.dump([change.to_record() for change in changes], stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def write_table(changes: list[Change], stream: TextIO) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(changes)} coaching changes")
    for column in COLUMNS:
        table.add_column(HEADERS[column], overflow="fold")
    for change in changes:
        table.add_row(*(cell(change, column) for column in COLUMNS))
    terminal = stream.isatty() if hasattr(stream, "isatty") else False
    Console(file=stream, width=None if terminal else 200, force_terminal=terminal).print(table)


WRITERS = {Format.table: write_table, Format.csv: write_csv, Format.markdown: write_markdown,
           Format.json: write_json}


def render(changes: list[Change], format: Format) -> str:
    buffer = io.StringIO()
    WRITERS[format](changes, buffer)
    return buffer.getvalue()


def transitions(
    db: Annotated[str, typer.Option("--db", help="Database URL that extract --db filled.", show_default=False)],
    format: Annotated[
        Format, typer.Option("--format", "-f", help="table, csv, markdown or json.")
    ] = Format.table,
    output: Annotated[
        str, typer.Option("--output", "-o", help="File to write the list to, or - for stdout.")
    ] = "-",
) -> None:
    """Coaching changes across articles: each departure with its successor, every source listed.

    The list is also kept in the database's transitions table.
    """
    try:
        with EventStore.open(db) as store:
            changes = consolidate(store.reports())
            store.replace_transitions(changes)
    except StoreError as error:
        fail(str(error))
    if output == "-":
        WRITERS[format](changes, sys.stdout)
        sys.stdout.flush()
    else:
        try:
            path = Path(output)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(render(changes, format), encoding="utf-8")
        except OSError as error:
            fail(f"cannot write {output}: {error.strerror or error}")
    sources = len({source for change in changes for source in change.sources})
    say(f"{len(changes)} changes from {sources} articles; kept in the transitions table")

