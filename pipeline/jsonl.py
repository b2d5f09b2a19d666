"""The one JSON Lines reader for whole files: data files of models/, gold and event files."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any


class JsonlError(ValueError):
    """A JSON Lines file that cannot be read, with the file, the line and the reason."""


def read_objects(path: str | Path, *, error: type[JsonlError] = JsonlError,
                 comments: bool = False, required: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The JSON objects of ``path``, one a line; blank lines (and ``//`` lines when ``comments``) skipped.

    A line that is not a JSON object or lacks a ``required`` key, or a file that is not UTF-8, raises ``error`` naming the place.
    """
    path = Path(path)
    rows = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip() or (comments and line.lstrip().startswith("//")):
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as reason:
                    raise error(f"{path}:{number}: not JSON: {reason}") from None
                if not isinstance(row, dict):
                    raise error(f"{path}:{number}: not a JSON object")
                missing = [key for key in required if key not in row]
                if missing:
                    raise error(f"{path}:{number}: missing {', '.join(missing)}")
                rows.append(row)
    except UnicodeDecodeError as reason:
        raise error(f"{path}: not valid UTF-8: {reason}") from None
    return rows
