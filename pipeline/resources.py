"""Loads and validates the rule data files of models/ (shipped as ``pipeline.models``)."""
from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from .jsonl import JsonlError, read_objects

REQUIRED = {
    "teams.jsonl": ("name",),
    "federations.jsonl": ("name", "team"),
    "leagues.jsonl": ("name",),
    "roles.jsonl": ("pattern", "role", "interim", "coaching"),
    "triggers.jsonl": ("pattern", "type", "strength", "voice"),
    "modality.jsonl": ("cue", "veto", "kind"),
    "manners.jsonl": ("pattern", "manner"),
    "rows.jsonl": ("kind", "words"),
    "club_words.jsonl": ("kind", "words"),
    "venues.jsonl": ("name", "teams"),
    "sports.jsonl": ("name", "words"),
}


class ResourceError(JsonlError):
    """A data file of models/ is missing or malformed."""


def models_dir() -> Path:
    return Path(str(resources.files("pipeline.models")))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Rows of a JSON Lines data file; a bad line or a missing key is an error naming file and line."""
    return read_objects(path, error=ResourceError, comments=True, required=REQUIRED.get(path.name, ()))


def load(name: str, directory: Path | None = None) -> list[dict[str, Any]]:
    """The rows of one data file, from ``directory`` or the packaged models/."""
    path = (directory or models_dir()) / name
    if not path.exists():
        raise ResourceError(f"data file not found: {path}")
    return read_jsonl(path)
