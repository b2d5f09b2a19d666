"""One article record: what an Article holds, what a Reject says, and the checks on a record.

Every reader (JSON Lines, JSON, CSV, text files) builds its Articles through
:func:`article_from_record`, so a bad field is refused with the same reason
whatever the format.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

EXCERPT_CHARS = 80

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def utf8_error(error: UnicodeDecodeError, data: bytes) -> tuple[int, str]:
    """(1-based line, reason) of a decoding error in ``data``."""
    line = data.count(b"\n", 0, error.start) + 1
    line_start = data.rfind(b"\n", 0, error.start) + 1
    column = error.start - line_start + 1
    return line, f"not valid UTF-8 (byte 0x{data[error.start]:02x} at column {column})"


def valid_date(value: Any) -> str | None:
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
            date=valid_date(record.get("date")),
            title=_optional_string(record, "title"),
            url=_optional_string(record, "url"),
            source=source,
        )
    except InvalidRecord as error:
        raise InvalidRecord(str(error), article_id) from None


def _json_type(value: Any) -> str:
    names = {list: "array", str: "string", int: "number", float: "number", bool: "boolean"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


