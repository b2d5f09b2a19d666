"""Articles from CSV files: one article a row, columns named by the user.

    coaching-events extract feed.csv --id-col guid --text-col body --date-col published

The first row names the columns. The id and text columns must exist (else the
whole file is refused once, naming the columns it has); the date, title and
url columns are optional (an absent column or an empty cell is no value).
Every row is checked as a JSON Lines record is, and a bad row is a Reject
whose source is ``file:row N`` (the header is row 1, as in a spreadsheet).
The file is read as UTF-8 (a byte-order mark is skipped), streamed row by row;
``*.csv.gz`` is read through gzip.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from .records import Article, InvalidRecord, Reject, article_from_record, excerpt

# csv refuses fields over 128 KiB by default; an article may be far longer
# (the reader's --max-chars decides what is too long).
csv.field_size_limit(2**31 - 1)


@dataclass(frozen=True)
class CsvColumns:
    """Which CSV column holds which field of an article."""

    id: str = "id"
    text: str = "text"
    date: str | None = "date"
    title: str | None = "title"
    url: str | None = "url"


def _not_utf8(values: list[str]) -> bool:
    # decoded with surrogateescape: a byte that is not UTF-8 became a lone surrogate
    try:
        "".join(values).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def read_csv(stream: BinaryIO, name: str, columns: CsvColumns) -> Iterator[Article | Reject]:
    """Articles and Rejects of one CSV stream (see the module doc)."""
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    try:
        yield from _read_rows(csv.reader(text), name, columns)
    finally:
        text.detach()  # the caller closes the stream it opened


def _read_rows(rows: Iterator[list[str]], name: str, columns: CsvColumns) -> Iterator[Article | Reject]:
    try:
        header = next(rows, None)
    except csv.Error as error:
        yield Reject(f"{name}:row 1", None, f"malformed CSV header: {error}")
        return
    if header is None:
        return
    header = [cell.strip() for cell in header]
    missing = [col for col in (columns.id, columns.text) if col not in header]
    if missing:
        yield Reject(f"{name}:row 1", None,
                     f"no column {', '.join(repr(col) for col in missing)} in the CSV header "
                     f"(columns: {', '.join(header)}); name them with --id-col/--text-col",
                     excerpt(",".join(header)))
        return
    where = {column: header.index(column) for column in
             (columns.id, columns.text, columns.date, columns.title, columns.url)
             if column is not None and column in header}
    number = 1
    while True:
        number += 1
        source = f"{name}:row {number}"
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            yield Reject(source, None, f"malformed CSV: {error}")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if _not_utf8(row):
            yield Reject(source, None, "not valid UTF-8", excerpt(",".join(row).encode(
                "utf-8", errors="surrogateescape")))
            continue
        if len(row) != len(header):
            yield Reject(source, None, f"row has {len(row)} fields, the header has {len(header)}",
                         excerpt(",".join(row)))
            continue
        yield _article(row, where, columns, source)


def _article(row: list[str], where: dict[str, int], columns: CsvColumns, source: str
             ) -> Article | Reject:
    def cell(column: str | None) -> str | None:
        if column is None or column not in where:
            return None
        value = row[where[column]]
        return value if value.strip() else None

    record = {"id": cell(columns.id), "text": cell(columns.text), "date": cell(columns.date),
              "title": cell(columns.title), "url": cell(columns.url)}
    if record["date"] is not None:
        record["date"] = record["date"].strip()
    try:
        return article_from_record(record, source)
    except InvalidRecord as error:
        return Reject(source, error.article_id, str(error), excerpt(",".join(row)))
