"""Loads and validates the rule data files of models/ (shipped as ``pipeline.models``)."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

REQUIRED = {
    "teams.jsonl": ("name",),
    "federations.jsonl": ("name", "team"),
    "leagues.jsonl": ("name",),
    "roles.jsonl": ("pattern", "role", "interim", "coaching"),
    "triggers.jsonl": ("pattern", "type", "strength", "voice"),
    "modality.jsonl": ("cue", "veto", "kind"),
    "manners.jsonl": ("pattern", "manner"),
    "club_words.jsonl": ("kind", "words"),
    "venues.jsonl": ("name", "teams"),
}


class ResourceError(ValueError):
    """A data file of models/ is missing or malformed."""


def models_dir() -> Path:
    return Path(str(resources.files("pipeline.models")))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Rows of a JSON Lines data file; a bad line is an error naming file and line."""
    rows = []
    required = REQUIRED.get(path.name, ())
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("//"):
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise ResourceError(f"{path}:{number}: not JSON: {error}") from error
            if not isinstance(row, dict):
                raise ResourceError(f"{path}:{number}: expected an object")
            missing = [key for key in required if key not in row]
            if missing:
                raise ResourceError(f"{path}:{number}: missing {', '.join(missing)}")
            rows.append(row)
    return rows


def load(name: str, directory: Path | None = None) -> list[dict[str, Any]]:
    """The rows of one data file, from ``directory`` or the packaged models/."""
    path = (directory or models_dir()) / name
    if not path.exists():
        raise ResourceError(f"data file not found: {path}")
    return read_jsonl(path)
