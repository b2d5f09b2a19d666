"""Doc extension attributes, registered defensively so worker processes have them."""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from . import serialize

_DOC_ATTRS = {
    "doc_id": None,  # the article id
    "published": None,  # publication date, "YYYY-MM-DD" or None
    "body_offset": 0,  # where the article body starts in doc.text (after the title)
    "people": None,  # list of canonical person names
    "teams": None,  # list of canonical team names
    "home_team": None,  # canonical name of the article's main team
    "links": None,  # {(start_char, end_char): ("person"|"team", canonical)}
    "candidates": None,  # list[Candidate]
    "events": None,  # list[Event]
}


def register_extensions() -> None:
    """The ``doc._`` attributes, and the msgpack codecs of the candidates and events they hold."""
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    serialize.register()


register_extensions()


_TEXT_KEY = "coaching_events.text"
# set by ``pipeline.prepare`` for an article that comes without a publication date: it stays undated (timing
# does not fall back on today's date, so a batch run gives the same output on any day)
UNDATED_KEY = "coaching_events.undated"


def reference_date(doc: Doc) -> str | None:
    """The date relative dates count from: ``doc._.published``; for a Doc nobody dated (plain ``nlp(text)``)
    today's (UTC), the date the timing stage then writes to ``doc._.published``; None for an article given
    without a date (``pipeline.prepare``)."""
    if doc._.published is not None or doc.user_data.get(UNDATED_KEY):
        return doc._.published
    return dt.datetime.now(dt.timezone.utc).date().isoformat()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins every token on each access, and the rules read
    the text line by line, so uncached access made the stages quadratic in the article's length."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
