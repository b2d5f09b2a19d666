"""What every coaching component shares: spaCy's ``Pipe`` plumbing around rule data from models/.

It follows spaCy's own rule components (``SpanRuler``, ``EntityRuler``):

- ``__init__`` is cheap: it keeps the settings (``self.cfg``, with ``data_dir``) and loads nothing;
- ``initialize()`` loads the data from the configured ``data_dir`` (the packaged models/ when None;
  ``initialize(data_dir=...)`` changes the setting) through the shared lexicon (pipeline/lexicon.py), then
  calls ``build`` to compile matchers and word sets; ``pipeline.load()`` initializes each component once;
- ``to_disk``/``from_disk`` and ``to_bytes``/``from_bytes`` save and restore ``cfg`` and exactly the data
  files the component reads (``data_files``), so a pipeline saved with ``nlp.to_disk`` loads with
  ``spacy.load`` without the folder it was built from; ``from_disk`` builds from the saved files only.

A component that is called before any of these (``nlp.add_pipe(...)`` then ``nlp(text)``) initializes
itself from its configured ``data_dir`` first. Components keep no state between documents: what one
document needs lives on the Doc or in locals.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc

from .. import lexicon as lexicon_module
from ..extensions import register_extensions
from ..lexicon import Lexicon

CFG_FILE = "cfg"


class RuleComponent(Pipe):
    data_files: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str, *, data_dir: str | None = None, **settings: Any) -> None:
        register_extensions()  # also in worker processes that never imported the package
        self.nlp = nlp
        self.name = name
        self.cfg: dict[str, Any] = {"data_dir": data_dir, **settings}
        self._apply_cfg()
        self.lexicon: Lexicon | None = None
        self.data: dict[str, list[dict[str, Any]]] = {}

    def _apply_cfg(self) -> None:
        """Each setting of ``cfg`` (but the data folder) is an attribute: ``self.role_window``."""
        for key, value in self.cfg.items():
            if key != "data_dir":
                setattr(self, key, value)

    @property
    def data_dir(self) -> str | None:
        return self.cfg.get("data_dir")

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, data_dir: str | None = None) -> None:
        """Load the data from ``data_dir`` (kept as the component's setting) or the configured one."""
        if data_dir is not None:
            self.cfg["data_dir"] = str(data_dir)
        self._use(lexicon_module.load(self.data_dir))

    def _use(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.data = lexicon.files(self.data_files)
        self.build()

    def build(self) -> None:
        """Compile ``self.data`` and ``self.lexicon`` (nothing to do for a component without data)."""

    # -- serialization (spaCy's protocol) --------------------------------------------------------------
    def _ready(self) -> Lexicon:
        if self.lexicon is None:
            self.initialize()
        assert self.lexicon is not None
        return self.lexicon

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self._ready()
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / CFG_FILE, self.cfg)
        for name, rows in self.data.items():
            srsly.write_jsonl(path / name, rows)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "RuleComponent":
        path = Path(path)
        if (path / CFG_FILE).exists():
            self.cfg.update(srsly.read_json(path / CFG_FILE))
            self._apply_cfg()
        self._use(Lexicon.from_dir(path))
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        self._ready()
        return srsly.msgpack_dumps({CFG_FILE: self.cfg, "data": self.data})

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> "RuleComponent":
        message = srsly.msgpack_loads(bytes_data)
        self.cfg.update(message.get(CFG_FILE, {}))
        self._apply_cfg()
        self._use(Lexicon.from_rows(message["data"], origin=f"{self.name} (bytes)"))
        return self

    # -- processing -------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self._ready()
        try:
            self.process(doc)
        except Exception as error:  # spaCy's component protocol: the error handler decides
            self.get_error_handler()(self.name, self, [doc], error)
        return doc

    def process(self, doc: Doc) -> None:
        raise NotImplementedError
