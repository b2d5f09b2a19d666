"""Articles in: JSON Lines (also gzipped), JSON, CSV and text files, directories and stdin, streamed.

Every record is either an :class:`Article` or a :class:`Reject` that says
which record was refused and why; a bad record never stops the run. Nothing
holds more than one record (or one ``.json`` file) at a time.

Formats
-------
- ``*.jsonl``, ``*.jsonl.gz`` (and any file given by name of no other kind):
  one JSON object a line, ``{"id", "text", "date"?, "title"?, "url"?}``.
  Other fields (``events``, ``notes``, ...) are ignored. Blank lines are skipped.
- ``*.json``: one such object, or an array of them (source ``file[N]``).
- ``*.csv`` (``*.csv.gz``): one article a row, columns named by
  :class:`~pipeline.csv_input.CsvColumns` (source ``file:row N``).
- ``*.txt``: one article a file; its id is the file's stem. A leading
  ``date YYYY-MM-DD`` token at the very start of the file is the publication
  date and is stripped from the text.
- a directory: its ``*.txt``, ``*.json``, ``*.jsonl`` and ``*.jsonl.gz``
  files, recursively, in sorted order.
- ``-``: JSON Lines on standard input.

Whole files are refused once, with one Reject: a binary file (an image, an
archive, mostly control bytes), a gzip file that is corrupt; a truncated
gzip file keeps the articles before the cut and rejects the rest. An input
that yields no article and no reject (an empty file, a directory with no
readable file) is reported as a Reject saying so. An article longer than
``max_chars`` is refused with its length.
"""
from __future__ import annotations

import gzip
import io
import json
import re
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .csv_input import CsvColumns, read_csv
from .input_files import (CSV, DIRECTORY_SUFFIXES, JSON, SNIFF_BYTES, STDIN, STDIN_NAME, TEXT, Input,
                          InputPath, MissingInputError, check_inputs, expand_inputs, is_gzip, kind_of,
                          resolve_inputs, sniff_binary)
from .records import (EXCERPT_CHARS, Article, InvalidRecord, Reject, article_from_record, excerpt,
                      utf8_error, valid_date)

__all__ = ["Article", "ArticleReader", "CsvColumns", "DEFAULT_MAX_CHARS", "InputPath", "InvalidRecord",
           "MissingInputError", "Reject", "STDIN", "article_from_record", "check_inputs", "excerpt",
           "expand_inputs", "read_articles", "DIRECTORY_SUFFIXES"]

TEXT_SUFFIX = ".txt"
# Longest article text accepted (characters). Long articles are processed in
# pieces with time and memory linear in their length, so this is a guard
# against a runaway record (a whole archive in one field), not a cost limit.
DEFAULT_MAX_CHARS = 20_000_000
# A JSON string may spend up to 6 bytes on one character ("\uXXXX").
_JSON_BYTES_PER_CHAR = 6

# "date 2018-07-27" at the very start of a text file; a token of digits and dashes only,
# so that an article that happens to begin with the word "date" is left alone.
_TEXT_DATE = re.compile(r"date[ \t]+(\d[\d-]*)(?=\s|$)")


def _peekable(stream: BinaryIO) -> io.BufferedReader:
    """The stream, buffered so that its first bytes can be looked at without consuming them."""
    return io.BufferedReader(stream, buffer_size=SNIFF_BYTES)  # type: ignore[arg-type]


class ArticleReader:
    """Streams Articles and Rejects from input paths; counts the bytes read for progress.

    >>> reader = ArticleReader(["corpus/"])
    >>> for item in reader: ...
    >>> reader.bytes_read, reader.total_bytes

    ``total_bytes`` is None when an input has no known size (stdin); for a
    gzip file both count its compressed bytes. Duplicate ids within one
    reader are rejected after their first occurrence.
    """

    def __init__(self, paths: Iterable[InputPath], *, stdin: BinaryIO | None = None,
                 max_chars: int = DEFAULT_MAX_CHARS, csv_columns: CsvColumns | None = None) -> None:
        self.inputs: list[Input] = resolve_inputs(paths)
        self.files = [file for item in self.inputs for file in item.files]
        self.max_chars = max_chars
        self.csv_columns = csv_columns or CsvColumns()
        self.bytes_read = 0
        self.total_bytes: int | None = self._total_bytes()
        self._stdin = stdin
        self._seen: dict[str, str] = {}  # id -> source of its first occurrence

    def _total_bytes(self) -> int | None:
        total = 0
        for path in self.files:
            if path == STDIN:
                return None
            try:
                total += Path(path).stat().st_size
            except OSError:
                continue  # reported as a Reject when the file is read
        return total

    def __iter__(self) -> Iterator[Article | Reject]:
        for given in self.inputs:
            if not given.files:
                yield Reject(str(given.given), None, "no article: the directory holds no "
                             f"{', '.join('*' + s for s in DIRECTORY_SUFFIXES)} file")
            for path in given.files:
                yielded = False
                for item in self._read_file(path):
                    yielded = True
                    yield self._checked(item)
                if not yielded:
                    name = STDIN_NAME if path == STDIN else str(path)
                    yield Reject(name, None, "no article: the input is empty (or holds only blank lines)")

    def _read_file(self, path: InputPath) -> Iterator[Article | Reject]:
        if path == STDIN:
            stream = self._stdin if self._stdin is not None else sys.stdin.buffer
            yield from self._read_stream(stream, STDIN_NAME, None)
            return
        path = Path(path)
        kind = kind_of(path)
        try:
            raw = path.open("rb")
        except OSError as error:
            yield Reject(str(path), path.stem if kind == TEXT else None,
                         f"cannot read file: {error.strerror or error}")
            return
        with raw:
            stream = gzip.GzipFile(fileobj=raw, mode="rb") if is_gzip(path) else raw
            yield from self._read_stream(stream, str(path), raw, kind=kind, path=path)

    def _read_stream(self, stream: BinaryIO, name: str, raw: BinaryIO | None, *, kind: str = "jsonl",
                     path: Path | None = None) -> Iterator[Article | Reject]:
        """One file's records; ``raw`` is the file under a gzip stream (for the bytes read)."""
        start = self.bytes_read
        line = 0
        stream = _peekable(stream)
        try:
            head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
            why = sniff_binary(head)
            if why is not None:
                yield Reject(name, path.stem if kind == TEXT and path else None, why)
                return
            if kind == TEXT and path is not None:
                yield from self._read_text(stream, path)
            elif kind == JSON:
                yield from self._read_json(stream, name)
            elif kind == CSV:
                yield from read_csv(stream, name, self.csv_columns)
            else:
                for line, item in self._read_jsonl(stream, name, raw, start):
                    if item is not None:
                        yield item
        except EOFError:
            yield Reject(f"{name}:{line + 1}" if line else name, None,
                         "truncated gzip file: the compressed data ends early; "
                         f"the records before line {line + 1} were read" if line else
                         "truncated gzip file: the compressed data ends before its first record")
        except (gzip.BadGzipFile, zlib.error) as error:
            where = f"{name}:{line + 1}" if line else name
            yield Reject(where, None, f"corrupt gzip file: {error}")
        finally:
            if raw is not None and not raw.closed:
                self.bytes_read = start + raw.tell()
            stream.detach()  # the caller closes what it opened (never stdin)

    def _read_jsonl(self, lines: Iterable[bytes], name: str, raw: BinaryIO | None, start: int
                    ) -> Iterator[tuple[int, Article | Reject | None]]:
        too_long = self.max_chars * _JSON_BYTES_PER_CHAR + 4096
        for number, data in enumerate(lines, 1):
            if raw is not None:
                self.bytes_read = start + raw.tell()
            else:
                self.bytes_read += len(data)
            source = f"{name}:{number}"
            if len(data) > too_long:
                yield number, Reject(source, None, f"line of {len(data):,} bytes: its text is longer "
                                     f"than --max-chars {self.max_chars:,}", excerpt(data[:EXCERPT_CHARS * 4]))
                continue
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as error:
                yield number, Reject(source, None, utf8_error(error, data)[1], excerpt(data))
                continue
            text = text.rstrip("\r\n")
            if number == 1:
                text = text.lstrip("\ufeff")
            if not text.strip():
                yield number, None
                continue
            yield number, self._parse_line(text, source)

    @staticmethod
    def _parse_line(line: str, source: str) -> Article | Reject:
        try:
            # strict=False: control characters (a raw tab, a NUL) inside strings are
            # taken as they are; pipeline.normalize cleans them before the model.
            record = json.loads(line, strict=False)
        except json.JSONDecodeError as error:
            return Reject(source, None, f"malformed JSON: {error.msg} (column {error.colno})",
                          excerpt(line))
        try:
            return article_from_record(record, source)
        except InvalidRecord as error:
            return Reject(source, error.article_id, str(error), excerpt(line))

    def _read_json(self, stream: BinaryIO, name: str) -> Iterator[Article | Reject]:
        data = stream.read()
        try:
            value = json.loads(data.decode("utf-8").lstrip("\ufeff"), strict=False)
        except UnicodeDecodeError as error:
            line, reason = utf8_error(error, data)
            yield Reject(f"{name}:{line}", None, reason, excerpt(data[:EXCERPT_CHARS * 4]))
            return
        except json.JSONDecodeError as error:
            yield Reject(f"{name}:{error.lineno}", None,
                         f"malformed JSON: {error.msg} (line {error.lineno}, column {error.colno})",
                         excerpt(data[:EXCERPT_CHARS * 4]))
            return
        if isinstance(value, list):
            for index, record in enumerate(value, 1):
                yield self._record(record, f"{name}[{index}]")
        else:
            yield self._record(value, name)

    @staticmethod
    def _record(record: object, source: str) -> Article | Reject:
        try:
            return article_from_record(record, source)
        except InvalidRecord as error:
            return Reject(source, error.article_id, str(error),
                          excerpt(json.dumps(record, ensure_ascii=False)[:EXCERPT_CHARS * 4]))

    def _read_text(self, stream: BinaryIO, path: Path) -> Iterator[Article | Reject]:
        article_id = path.stem
        if not is_gzip(path):
            size = path.stat().st_size
            if size > self.max_chars * 4:  # UTF-8 spends at most 4 bytes on a character
                yield Reject(str(path), article_id, f"file of {size:,} bytes: its text is longer "
                             f"than --max-chars {self.max_chars:,}")
                return
        data = stream.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line, reason = utf8_error(error, data)
            yield Reject(f"{path}:{line}", article_id, reason, excerpt(data[:EXCERPT_CHARS * 4]))
            return
        text = text.lstrip("\ufeff")
        date = None
        match = _TEXT_DATE.match(text)
        if match:
            try:
                date = valid_date(match.group(1))
            except InvalidRecord as error:
                yield Reject(str(path), article_id, str(error), excerpt(text))
                return
            text = text[match.end():].lstrip()
        if not text.strip():
            yield Reject(str(path), article_id, "empty text", excerpt(data))
            return
        yield Article(id=article_id, text=text, date=date, source=str(path))

    def _checked(self, item: Article | Reject) -> Article | Reject:
        """Refuse an article that is too long or whose id was seen before."""
        if isinstance(item, Reject):
            return item
        if len(item.text) > self.max_chars:
            return Reject(item.source, item.id, f"text of {len(item.text):,} characters is longer "
                          f"than --max-chars {self.max_chars:,}", excerpt(item.text))
        first = self._seen.get(item.id)
        if first is not None:
            return Reject(item.source, item.id, f"duplicate id (first seen at {first})",
                          excerpt(item.text))
        self._seen[item.id] = item.source
        return item


def read_articles(paths: Iterable[InputPath], *, stdin: BinaryIO | None = None,
                  max_chars: int = DEFAULT_MAX_CHARS, csv_columns: CsvColumns | None = None
                  ) -> Iterator[Article | Reject]:
    """Articles and Rejects of the inputs, streamed (see the module's doc for the formats)."""
    return iter(ArticleReader(paths, stdin=stdin, max_chars=max_chars, csv_columns=csv_columns))
