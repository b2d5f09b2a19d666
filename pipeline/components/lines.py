"""Line breaks are sentence boundaries: titles, bylines, captions and table rows never run into prose.

Runs before the parser, which respects sentence starts set here.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


BULLETS = ("•", "·", "▪", "*", "-", "–", "—")


@Language.component("coaching_lines", assigns=["token.is_sent_start"])
def line_boundaries(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
        elif previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
        # a dateline ("KRASNODAR, Russia —") is not part of the first sentence
        if token.text in ("—", "–", "--") and token.i + 1 < len(doc) and _dateline(doc, token.i):
            doc[token.i + 1].is_sent_start = True
    return doc


def _dateline(doc: Doc, dash: int) -> bool:
    start = dash
    while start > 0 and "\n" not in doc[start - 1].text_with_ws and not doc[start - 1].is_space:
        start -= 1
    if doc[start].text in BULLETS:
        return False  # "• GWS Giants — X — sacked": a list item's label, not where the story was filed
    words = [t for t in doc[start:dash] if t.is_alpha]
    return 0 < len(words) <= 6 and words[0].text.isupper() and len(words[0]) > 1
