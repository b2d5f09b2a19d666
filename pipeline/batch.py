"""Articles through the pipeline in batches: long texts in pieces, failures isolated.

:func:`extract_articles` is what the CLI and the evaluation run on: it takes
Articles and yields, for each in order, its events or a Reject saying why
the pipeline could not process it.
"""
from __future__ import annotations

import logging
import weakref
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace

from spacy.language import Language

from .documents import prepare
from .gate import Gate, Selection
from .normalize import Cleaned, clean
from .readers import Article, Reject, excerpt
from .schema import Event

logger = logging.getLogger(__name__)

# Where a long text may be cut, best first: paragraph, line, sentence, word.
SEPARATORS = ("\n\n", "\n", ". ", " ")
# The largest piece of an article one Doc holds. spaCy's cost per character
# grows with the length of a Doc (a 1 MB Doc takes gigabytes and minutes), so
# a longer article is cut into pieces of about this size and they are
# streamed: time and memory grow linearly with the article. Four times the
# longest article of the dev sets, so that ordinary articles stay whole.
PIECE_CHARS = 20_000
# At most this many characters of Docs are in memory at once (one nlp.pipe
# group, inside one memory zone), however many articles or pieces a batch has.
GROUP_CHARS = 100_000


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
    """The article's body as one piece, or in pieces when the doc would exceed ``PIECE_CHARS``
    (or ``nlp.max_length`` when that is smaller).

    Every piece is processed with the article's title, so each keeps its
    headline context; whitespace-only pieces are dropped.
    """
    budget = min(nlp.max_length, PIECE_CHARS) - _title_overhead(article.title)
    if len(article.text) <= budget:
        return [Piece(0, article.text)]
    if budget < 1:
        raise ArticleTooLong(
            f"title of {_title_overhead(article.title) - 2} characters leaves no room under "
            f"nlp.max_length ({nlp.max_length})")
    return [piece for piece in split_text(article.text, budget) if piece.text.strip()]


def shift_event(event: Event, piece_start: int, text: Cleaned, title: Cleaned | None = None) -> Event:
    """An event of a piece with its evidence offsets moved into the whole article.

    ``text`` is the piece as cleaned for the model (:mod:`pipeline.normalize`)
    and ``title`` the title: offsets go back through their maps into the
    original characters, and the evidence sentence is the original's slice.
    Offsets into the title (``evidence.field == "title"``), which every piece
    shares, do not move by the piece's start; offsets into the text do.
    """
    evidence = event.evidence
    field = title if evidence.field == "title" else text
    if field is not None and field.changed:
        start, end = field.span(evidence.start, evidence.end)
        evidence = replace(evidence, start=start, end=end, sentence=field.original[start:end])
    if piece_start and evidence.field != "title":
        evidence = replace(evidence, start=evidence.start + piece_start, end=evidence.end + piece_start)
    return event if evidence is event.evidence else replace(event, evidence=evidence)


def _unique(events: Iterable[Event]) -> list[Event]:
    seen: set[str] = set()
    kept = []
    for event in events:
        if event.event_id not in seen:
            seen.add(event.event_id)
            kept.append(event)
    return kept


@dataclass(frozen=True)
class _Job:
    """One piece of one article, cleaned, with what maps its events back."""

    index: int  # of the article in the batch
    start: int  # of the piece in the article's text
    text: Cleaned
    title: Cleaned | None
    article: Article
    selection: Selection | None = None  # what the gate kept of the article's text (None: all of it)


def _gated(gate: Gate | None, article: Article) -> tuple[Article | None, Selection | None]:
    """What of the article the model parses: all of it (no gate), nothing (None), or the gate's selection."""
    if gate is None:
        return article, None
    selection = gate.select(article.title, article.text)
    if selection is None:
        return None, None
    return (article if selection.whole else replace(article, text=selection.text)), selection


def _jobs(nlp: Language, articles: list[Article], gate: Gate | None = None) -> Iterator[_Job]:
    for index, article in enumerate(articles):
        parsed, selection = _gated(gate, article)
        if parsed is None:
            continue  # the gate found nothing that can hold an event: no parse
        title = clean(article.title).stripped() if article.title else None
        for piece in article_pieces(nlp, parsed):
            yield _Job(index, piece.start, clean(piece.text), title, article, selection)


def _groups(jobs: Iterable[_Job], limit: int) -> Iterator[list[_Job]]:
    """Consecutive jobs in groups of at most ``limit`` characters (a longer job alone)."""
    group: list[_Job] = []
    size = 0
    for job in jobs:
        if group and size + len(job.text.text) > limit:
            yield group
            group, size = [], 0
        group.append(job)
        size += len(job.text.text)
    if group:
        yield group


# Pipelines whose tokenizer cache has been filled by a first group run outside a
# memory zone (spaCy fills no cache inside one; forked workers inherit it).
_WARM: weakref.WeakSet[Language] = weakref.WeakSet()


def _memory_zone(nlp: Language) -> AbstractContextManager[object]:
    """``nlp.memory_zone()``, except for a pipeline's first group, which fills the tokenizer cache."""
    if nlp in _WARM:
        return nlp.memory_zone()
    _WARM.add(nlp)
    return nullcontext()


def _run(nlp: Language, articles: list[Article], batch_size: int, gate: Gate | None = None) -> list[list[Event]]:
    """Events of each article; pieces streamed through ``nlp.pipe`` in bounded groups.

    Each group runs in an ``nlp.memory_zone()``: the strings and lexemes its
    Docs added to the vocabulary are freed after it, so a long run's memory
    stays flat. Only the events (plain Python values) leave the zone. With a
    gate, only what it selects of each article is parsed.
    """
    found: list[list[Event]] = [[] for _ in articles]
    for group in _groups(_jobs(nlp, articles, gate), GROUP_CHARS):
        with _memory_zone(nlp):
            docs = ((prepare(nlp, job.text.text, job.article.date, doc_id=job.article.id,
                             title=job.title.text if job.title else None), job) for job in group)
            for doc, job in nlp.pipe(docs, as_tuples=True, batch_size=batch_size):
                for event in doc._.events or []:
                    event = shift_event(event, job.start, job.text, job.title)
                    found[job.index].append(job.selection.shift(event) if job.selection is not None else event)
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
