"""Articles through the pipeline in batches: long texts in pieces, failures isolated.

:func:`extract_articles` is what the CLI and the evaluation run on: it takes
Articles and yields, for each in order, its events or a Reject saying why
the pipeline could not process it.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language

from . import prepare
from .gate import Gate, Selection
from .readers import Article, Reject, excerpt
from .schema import Event

logger = logging.getLogger(__name__)

# Where a long text may be cut, best first: paragraph, line, sentence, word.
SEPARATORS = ("\n\n", "\n", ". ", " ")


class ArticleTooLong(ValueError):
    """The article cannot be cut into pieces that fit nlp.max_length."""


@dataclass(frozen=True)
class Piece:
    """A part of an article's body, starting at ``start`` in the body."""

    start: int
    text: str


def split_text(text: str, limit: int) -> list[Piece]:
    """Cut ``text`` into pieces of at most ``limit`` characters, at the best separator.

    The pieces put together give ``text`` back exactly (separators stay at the
    end of the piece before them), so offsets map back by adding ``start``.
    """
    if limit < 1:
        raise ValueError(f"limit must be positive, got {limit}")
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = start + limit
        for separator in SEPARATORS:
            at = window.rfind(separator)
            if at > 0:
                cut = start + at + len(separator)
                break
        pieces.append(Piece(start, text[start:cut]))
        start = cut
    pieces.append(Piece(start, text[start:]))
    return pieces


def _title_overhead(title: str | None) -> int:
    """Characters that pipeline.prepare puts before the body: the title and a blank line."""
    title = (title or "").strip()
    return len(title) + 2 if title else 0


def article_pieces(nlp: Language, article: Article) -> list[Piece]:
    """The article's body as one piece, or in pieces when the doc would exceed ``nlp.max_length``.

    Every piece is processed with the article's title, so each keeps its
    headline context; whitespace-only pieces are dropped.
    """
    budget = nlp.max_length - _title_overhead(article.title)
    if len(article.text) <= budget:
        return [Piece(0, article.text)]
    if budget < 1:
        raise ArticleTooLong(
            f"title of {_title_overhead(article.title) - 2} characters leaves no room under "
            f"nlp.max_length ({nlp.max_length})")
    return [piece for piece in split_text(article.text, budget) if piece.text.strip()]


def shift_event(event: Event, piece_start: int) -> Event:
    """An event of a piece with its evidence offsets moved into the whole article.

    Offsets into the title (``evidence.field == "title"``), which every piece
    shares, stay as they are; offsets into the text move by the piece's start.
    """
    if piece_start == 0 or event.evidence.field == "title":
        return event
    evidence = replace(event.evidence, start=event.evidence.start + piece_start,
                       end=event.evidence.end + piece_start)
    return replace(event, evidence=evidence)


def _unique(events: Iterable[Event]) -> list[Event]:
    seen: set[str] = set()
    kept = []
    for event in events:
        if event.event_id not in seen:
            seen.add(event.event_id)
            kept.append(event)
    return kept


def _gated(gate: Gate | None, article: Article) -> tuple[Article | None, Selection | None]:
    """What of the article the model parses: all of it (no gate), nothing (None), or the gate's selection."""
    if gate is None:
        return article, None
    selection = gate.select(article.title, article.text)
    if selection is None:
        return None, None
    return (article if selection.whole else replace(article, text=selection.text)), selection


def _run(nlp: Language, articles: list[Article], batch_size: int, gate: Gate | None = None) -> list[list[Event]]:
    """Events of each article, all pieces of all articles in one ``nlp.pipe`` stream."""
    docs = []
    for index, article in enumerate(articles):
        parsed, selection = _gated(gate, article)
        if parsed is None:
            continue  # the gate found nothing that can hold an event: no parse
        for piece in article_pieces(nlp, parsed):
            doc = prepare(nlp, piece.text, article.date, doc_id=article.id, title=article.title)
            docs.append((doc, (index, piece.start, selection)))
    found: list[list[Event]] = [[] for _ in articles]
    for doc, (index, start, selection) in nlp.pipe(docs, as_tuples=True, batch_size=batch_size):
        for event in doc._.events or []:
            event = shift_event(event, start)
            found[index].append(selection.shift(event) if selection is not None else event)
    return [_unique(events) for events in found]


def _alone(nlp: Language, article: Article, gate: Gate | None = None) -> list[Event] | Reject:
    """One article on its own; any failure of the pipeline on it becomes a Reject."""
    try:
        return _run(nlp, [article], batch_size=1, gate=gate)[0]
    except ArticleTooLong as error:
        return Reject(article.source, article.id, str(error), excerpt(article.text))
    # The isolation boundary of one article: whatever a component raises on this
    # text is reported as this article's reject, and the run goes on.
    except Exception as error:  # noqa: BLE001
        logger.debug("pipeline failed on %s (%s)", article.source, article.id, exc_info=True)
        return Reject(article.source, article.id,
                      f"pipeline failed: {type(error).__name__}: {error}", excerpt(article.text))


def extract_articles(nlp: Language, articles: Iterable[Article], *, batch_size: int = 32,
                     gate: Gate | None = None) -> Iterator[tuple[Article, list[Event] | Reject]]:
    """Each article with its events (or a Reject), in order, in this process.

    The articles go through ``nlp.pipe`` together; when that fails, each is
    run alone so that only the article that fails is rejected. With a
    :class:`pipeline.gate.Gate`, only what it selects of each article is
    parsed. For several processes see :class:`pipeline.parallel.ArticleProcessor`.
    """
    articles = list(articles)
    if not articles:
        return
    try:
        results: list[list[Event] | Reject] = list(_run(nlp, articles, batch_size, gate))
    # A failure inside a batch does not say which article caused it: re-run them
    # one by one below, where each failure is caught and reported.
    except Exception:  # noqa: BLE001
        logger.debug("batch of %d articles failed; running them one by one", len(articles),
                     exc_info=True)
        results = [_alone(nlp, article, gate) for article in articles]
    yield from zip(articles, results, strict=True)
