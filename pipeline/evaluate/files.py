"""Reading gold and prediction files."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..jsonl import JsonlError, read_objects


class DataFileError(JsonlError):
    """A gold or predictions file that cannot be read, with the place and the reason."""


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file (blank lines skipped); DataFileError on a bad line."""
    return read_objects(path, error=DataFileError)


def check_gold(gold_docs: Iterable[Mapping[str, Any]], source: str = "gold") -> None:
    """DataFileError when an article has no id or an event lacks type, coach or team."""
    for number, doc in enumerate(gold_docs, 1):
        if "id" not in doc:
            raise DataFileError(f"{source}: article {number} has no id")
        events = doc.get("events", [])
        if not isinstance(events, list):
            raise DataFileError(f"{source}: article {doc['id']}: events is not a list")
        for event in events:
            missing = [k for k in ("type", "coach", "team") if not isinstance(event, Mapping) or k not in event]
            if missing:
                raise DataFileError(f"{source}: article {doc['id']}: an event lacks {', '.join(missing)}")
