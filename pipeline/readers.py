"""Articles in: JSON Lines files, text files, directories and stdin, streamed.

Every record is either an :class:`Article` or a :class:`Reject` that says
which record was refused and why; a bad record never stops the run.

Formats
-------
- ``*.jsonl`` (and any file given by name that does not end in ``.txt``):
  one JSON object a line, ``{"id", "text", "date"?, "title"?, "url"?}``.
  Other fields (``events``, ``notes``, ...) are ignored. Blank lines are skipped.
- ``*.txt``: one article a file; its id is the file's stem. A leading
  ``date YYYY-MM-DD`` token at the very start of the file is the publication
  date and is stripped from the text.
- a directory: its ``*.jsonl`` and ``*.txt`` files, recursively, in sorted order.
- ``-``: JSON Lines on standard input.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

STDIN = "-"
STDIN_NAME = "<stdin>"
TEXT_SUFFIX = ".txt"
DIRECTORY_SUFFIXES = (".jsonl", ".txt")
EXCERPT_CHARS = 80

InputPath = str | Path

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# "date 2018-07-27" at the very start of a text file; a token of digits and dashes only,
# so that an article that happens to begin with the word "date" is left alone.
_TEXT_DATE = re.compile(r"date[ \t]+(\d[\d-]*)(?=\s|$)")


@dataclass(frozen=True)
class Article:
    """One article to extract events from."""

    id: str
    text: str
    date: str | None = None
    title: str | None = None
    url: str | None = None
    source: str = ""  # "file:line" for JSON Lines, the file's path for a text file


@dataclass(frozen=True)
class Reject:
    """A record that was refused, with the reason."""

    source: str  # "file:line", or the file's path
    id: str | None
    reason: str
    excerpt: str = ""  # the start of the raw record

    def to_record(self) -> dict[str, Any]:
        return {"source": self.source, "id": self.id, "reason": self.reason, "excerpt": self.excerpt}

    def describe(self) -> str:
        """One line for a person: ``rejected <source> (<id>): <reason>``."""
        who = f" ({self.id})" if self.id is not None else ""
        return f"rejected {self.source}{who}: {self.reason}"


class MissingInputError(FileNotFoundError):
    """An input path given by the user does not exist."""

    def __init__(self, path: InputPath) -> None:
        super().__init__(f"input not found: {path}")
        self.path = str(path)


class InvalidRecord(ValueError):
    """Why one record cannot become an Article, and its id when it has one."""

    def __init__(self, reason: str, article_id: str | None = None) -> None:
        super().__init__(reason)
        self.article_id = article_id


def excerpt(raw: str | bytes) -> str:
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    raw = raw.strip()
    return raw if len(raw) <= EXCERPT_CHARS else raw[: EXCERPT_CHARS - 1] + "…"


def check_inputs(paths: Iterable[InputPath]) -> None:
    """Raise MissingInputError for the first path that does not exist."""
    for path in paths:
        if str(path) != STDIN and not Path(path).exists():
            raise MissingInputError(path)


def expand_inputs(paths: Iterable[InputPath]) -> list[InputPath]:
    """The files to read, in order: directories expanded (recursively, sorted), ``-`` kept."""
    files: list[InputPath] = []
    for path in paths:
        if str(path) == STDIN:
            files.append(STDIN)
            continue
        path = Path(path)
        if not path.exists():
            raise MissingInputError(path)
        if path.is_dir():
            files.extend(
                sorted(
                    (p for p in path.rglob("*") if p.suffix in DIRECTORY_SUFFIXES and p.is_file()),
                    key=lambda p: p.relative_to(path).parts,
                )
            )
        else:
            files.append(path)
    return files


def _utf8_error(error: UnicodeDecodeError, data: bytes) -> tuple[int, str]:
    """(1-based line, reason) of a decoding error in ``data``."""
    line = data.count(b"\n", 0, error.start) + 1
    line_start = data.rfind(b"\n", 0, error.start) + 1
    column = error.start - line_start + 1
    return line, f"not valid UTF-8 (byte 0x{data[error.start]:02x} at column {column})"


def _valid_date(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            return value
    raise InvalidRecord(f"date is not YYYY-MM-DD: {json.dumps(value, ensure_ascii=False)}")


def _optional_string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidRecord(f"{key} is not a string (got {type(value).__name__})")
    return value.strip() or None


def _record_id(record: dict[str, Any]) -> str:
    value = record.get("id")
    if value is None:
        raise InvalidRecord("missing id")
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InvalidRecord(f"id is not a string (got {type(value).__name__})")
    value = str(value).strip()
    if not value:
        raise InvalidRecord("empty id")
    return value


def _record_text(record: dict[str, Any]) -> str:
    value = record.get("text")
    if value is None:
        raise InvalidRecord("missing text")
    if not isinstance(value, str):
        raise InvalidRecord(f"text is not a string (got {type(value).__name__})")
    if not value.strip():
        raise InvalidRecord("empty text")
    return value


def article_from_record(record: Any, source: str) -> Article:
    """An Article from one decoded JSON value, or InvalidRecord with the reason."""
    if not isinstance(record, dict):
        raise InvalidRecord(f"not a JSON object (got {_json_type(record)})")
    article_id = _record_id(record)
    try:
        return Article(
            id=article_id,
            text=_record_text(record),
            date=_valid_date(record.get("date")),
            title=_optional_string(record, "title"),
            url=_optional_string(record, "url"),
            source=source,
        )
    except InvalidRecord as error:
        raise InvalidRecord(str(error), article_id) from None


def _json_type(value: Any) -> str:
    names = {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


class ArticleReader:
    """Streams Articles and Rejects from input paths; counts the bytes read for progress.

    >>> reader = ArticleReader(["corpus/"])
    >>> for item in reader: ...
    >>> reader.bytes_read, reader.total_bytes

    ``total_bytes`` is None when an input has no known size (stdin).
    Duplicate ids within one reader are rejected after their first occurrence.
    """

    def __init__(self, paths: Iterable[InputPath], *, stdin: BinaryIO | None = None) -> None:
        self.files = expand_inputs(paths)
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
        for path in self.files:
            if path == STDIN:
                stream = self._stdin if self._stdin is not None else sys.stdin.buffer
                items = self._read_jsonl(stream, STDIN_NAME)
            elif Path(path).suffix == TEXT_SUFFIX:
                items = self._read_text(Path(path))
            else:
                items = self._read_jsonl_file(Path(path))
            for item in items:
                yield self._unique(item)

    def _unique(self, item: Article | Reject) -> Article | Reject:
        if isinstance(item, Reject):
            return item
        first = self._seen.get(item.id)
        if first is not None:
            return Reject(item.source, item.id, f"duplicate id (first seen at {first})",
                          excerpt(item.text))
        self._seen[item.id] = item.source
        return item

    def _read_jsonl_file(self, path: Path) -> Iterator[Article | Reject]:
        try:
            stream = path.open("rb")
        except OSError as error:
            yield Reject(str(path), None, f"cannot read file: {error.strerror or error}")
            return
        with stream:
            yield from self._read_jsonl(stream, str(path))

    def _read_jsonl(self, stream: BinaryIO, name: str) -> Iterator[Article | Reject]:
        for number, raw in enumerate(stream, 1):
            self.bytes_read += len(raw)
            source = f"{name}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as error:
                yield Reject(source, None, _utf8_error(error, raw)[1], excerpt(raw))
                continue
            line = line.rstrip("\r\n")
            if number == 1:
                line = line.lstrip("\ufeff")
            if not line.strip():
                continue
            yield self._parse_line(line, source)

    @staticmethod
    def _parse_line(line: str, source: str) -> Article | Reject:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            return Reject(source, None, f"malformed JSON: {error.msg} (column {error.colno})",
                          excerpt(line))
        try:
            return article_from_record(record, source)
        except InvalidRecord as error:
            return Reject(source, error.article_id, str(error), excerpt(line))

    def _read_text(self, path: Path) -> Iterator[Article | Reject]:
        article_id = path.stem
        try:
            data = path.read_bytes()
        except OSError as error:
            yield Reject(str(path), article_id, f"cannot read file: {error.strerror or error}")
            return
        self.bytes_read += len(data)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line, reason = _utf8_error(error, data)
            yield Reject(f"{path}:{line}", article_id, reason, excerpt(data[:EXCERPT_CHARS * 4]))
            return
        text = text.lstrip("\ufeff")
        date = None
        match = _TEXT_DATE.match(text)
        if match:
            try:
                date = _valid_date(match.group(1))
            except InvalidRecord as error:
                yield Reject(str(path), article_id, str(error), excerpt(text))
                return
            text = text[match.end():].lstrip()
        if not text.strip():
            yield Reject(str(path), article_id, "empty text", excerpt(data))
            return
        yield Article(id=article_id, text=text, date=date, source=str(path))


def read_articles(paths: Iterable[InputPath], *, stdin: BinaryIO | None = None) -> Iterator[Article | Reject]:
    """Articles and Rejects of the inputs, streamed (see the module's doc for the formats)."""
    return iter(ArticleReader(paths, stdin=stdin))
