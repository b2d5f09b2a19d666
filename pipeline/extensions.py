"""Doc extension attributes, registered defensively so worker processes have them."""
from __future__ import annotations

from spacy.tokens import Doc

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
    for name, default in _DOC_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


register_extensions()
