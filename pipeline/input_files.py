"""Which files an input names, what kind each is, and whether a file looks like text at all.

Kinds, by name: ``*.txt`` (one article), ``*.json`` (one article, or an array
of articles), ``*.csv`` / ``*.csv.gz`` (one article a row), and JSON Lines for
everything else (``*.jsonl``, ``*.jsonl.gz``, any other name, stdin). A
directory is walked recursively, in sorted order, for its ``.txt``, ``.json``,
``.jsonl`` and ``.jsonl.gz`` files (a CSV needs its columns named, so it is
read only when given by name).

:func:`sniff_binary` looks at the first bytes of a file: an image, an archive
or a file of mostly control bytes is refused once, as a whole, instead of
giving one reject per "line".
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

STDIN = "-"
STDIN_NAME = "<stdin>"

TEXT, JSON, JSONL, CSV = "text", "json", "jsonl", "csv"
DIRECTORY_SUFFIXES = (".txt", ".json", ".jsonl", ".jsonl.gz")
SNIFF_BYTES = 8192

InputPath = str | Path

# First bytes of common binary formats, and what to call them.
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a zip archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data (name the file *.gz to read it)"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf", "a 7-zip archive"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
)
_TEXT_CONTROLS = frozenset(b"\t\n\r\x0c\x0b\x08\x1b")


class MissingInputError(FileNotFoundError):
    """An input path given by the user does not exist."""

    def __init__(self, path: InputPath) -> None:
        super().__init__(f"input not found: {path}")
        self.path = str(path)


@dataclass
class Input:
    """One path the user gave, and the files it stands for."""

    given: InputPath
    files: list[InputPath] = field(default_factory=list)

    @property
    def is_directory(self) -> bool:
        return str(self.given) != STDIN and Path(self.given).is_dir()


def check_inputs(paths: Iterable[InputPath]) -> None:
    """Raise MissingInputError for the first path that does not exist."""
    for path in paths:
        if str(path) != STDIN and not Path(path).exists():
            raise MissingInputError(path)


def _wanted_in_directory(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(DIRECTORY_SUFFIXES) and path.is_file()


def resolve_inputs(paths: Iterable[InputPath]) -> list[Input]:
    """Each given path with its files, in order: directories expanded (recursively, sorted)."""
    inputs = []
    for given in paths:
        if str(given) == STDIN:
            inputs.append(Input(STDIN, [STDIN]))
            continue
        path = Path(given)
        if not path.exists():
            raise MissingInputError(path)
        if path.is_dir():
            files = sorted((p for p in path.rglob("*") if _wanted_in_directory(p)),
                           key=lambda p: p.relative_to(path).parts)
            inputs.append(Input(path, list(files)))
        else:
            inputs.append(Input(path, [path]))
    return inputs


def expand_inputs(paths: Iterable[InputPath]) -> list[InputPath]:
    """The files to read, in order: directories expanded (recursively, sorted), ``-`` kept."""
    return [file for item in resolve_inputs(paths) for file in item.files]


def kind_of(path: InputPath) -> str:
    """TEXT, JSON, CSV or JSONL, by the file's name (``.gz`` looked through)."""
    if str(path) == STDIN:
        return JSONL
    name = Path(path).name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith(".txt"):
        return TEXT
    if name.endswith(".json"):
        return JSON
    if name.endswith(".csv"):
        return CSV
    return JSONL


def is_gzip(path: InputPath) -> bool:
    return str(path) != STDIN and Path(path).name.lower().endswith(".gz")


def sniff_binary(head: bytes) -> str | None:
    """Why ``head`` (a file's first bytes, decompressed) is no text, or None when it looks like text.

    Text may hold a stray NUL or control character (they are cleaned before
    the model sees the text); a file is binary when it starts like a known
    binary format or when more than one byte in ten is a NUL or a control byte.
    """
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return f"binary file ({name}), not text"
    if not head:
        return None
    controls = sum(1 for byte in head if byte < 0x20 and byte not in _TEXT_CONTROLS)
    if controls * 10 > len(head):
        return f"binary file, not text ({controls} control bytes in its first {len(head)})"
    return None
