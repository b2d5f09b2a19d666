"""What every coaching component shares: spaCy's ``Pipe`` plumbing around rule data from models/.

A component names its data files (``data_files``); ``initialize`` loads them into ``self.data`` and
calls ``build`` to compile matchers and word sets; ``to_disk``/``from_disk`` save and reload exactly
those rows; ``__call__`` runs ``process`` under the component's error handler, as spaCy's own
components do.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .. import resources
from ..extensions import register_extensions


class RuleComponent(Pipe):
    data_files: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str, *, data_dir: str | None = None) -> None:
        register_extensions()  # also in worker processes that never imported the package
        self.nlp = nlp
        self.name = name
        self.data: dict[str, list[dict[str, Any]]] = {}
        self.initialize(data_dir=data_dir)

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, data_dir: str | None = None) -> None:
        directory = Path(data_dir) if data_dir else None
        self.data = {name: resources.load(name, directory) for name in self.data_files}
        self.build()

    def build(self) -> None:
        """Compile ``self.data`` (nothing to do for a component without data files)."""

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, rows in self.data.items():
            srsly.write_jsonl(path / name, rows)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "RuleComponent":
        self.initialize(data_dir=str(path))
        return self

    def __call__(self, doc: Doc) -> Doc:
        try:
            self.process(doc)
        except Exception as error:  # spaCy's component protocol: the error handler decides
            self.get_error_handler()(self.name, self, [doc], error)
        return doc

    def process(self, doc: Doc) -> None:
        raise NotImplementedError
