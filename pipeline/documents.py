"""An article as a spaCy Doc: its title and body tokenized with its context (``prepare``), and the pipes run
over it, all or up to a stage (``make_doc``, ``run_pipes``, ``run_until``). The batch path imports these
from here, so the package's ``__init__`` and the batch module do not import each other."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (registers Doc extensions)
from .extensions import UNDATED_KEY


def prepare(nlp: Language, text: str, date: str | None = None, *, doc_id: str | None = None,
            title: str | None = None) -> Doc:
    """Tokenize an article (title first, then body) and attach its context, without running the pipes.

    An article given without ``date`` stays undated: relative dates ("on Friday") resolve to nothing. A Doc
    made otherwise (plain ``nlp(text)``) with no ``doc._.published`` is dated today (see the timing stage)."""
    title = (title or "").strip()
    full = f"{title}\n\n{text}" if title else text
    doc = nlp.make_doc(full)
    doc._.published = date
    if date is None:
        doc.user_data[UNDATED_KEY] = True  # an article without a date stays undated (no "today" default)
    doc._.doc_id = doc_id
    doc._.body_offset = len(title) + 2 if title else 0
    return doc


def run_pipes(nlp: Language, doc: Doc, *, start: str | None = None, until: str | None = None,
              before: str | None = None) -> Doc:
    """Run a prepared Doc through the pipes of ``nlp`` in order, from the pipe ``start`` (the first when
    None) up to the pipe ``until`` (included) or ``before`` (excluded), the others disabled with
    ``nlp.select_pipes``: a stage's tests run it with what it reads from the stages before it and nothing
    after it."""
    names = nlp.pipe_names
    first = names.index(start) if start else 0
    stop = names.index(until) + 1 if until else names.index(before) if before else len(names)
    with nlp.select_pipes(enable=names[first:stop]):
        return nlp(doc)


def run_until(nlp: Language, stage: str, text: str, date: str | None = None, *, doc_id: str | None = None,
              title: str | None = None) -> Doc:
    """An article run through the pipeline up to ``stage`` (included): ``run_until(nlp, "coaching_mentions",
    text, date)`` has mentions linked and no candidates yet."""
    return run_pipes(nlp, prepare(nlp, text, date, doc_id=doc_id, title=title), until=stage)


def make_doc(nlp: Language, text: str, date: str | None = None, *, doc_id: str | None = None,
             title: str | None = None) -> Doc:
    """Run the whole pipeline on one article; ``doc._.events`` holds its events."""
    doc = prepare(nlp, text, date, doc_id=doc_id, title=title)
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc
