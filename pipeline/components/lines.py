"""Line breaks are sentence boundaries: titles, bylines, captions and table rows never run into prose.

Runs before the parser, which respects sentence starts set here.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("coaching_lines", assigns=["token.is_sent_start"])
def line_boundaries(doc: Doc) -> Doc:
    line_start = 0  # first token after the last line break or space token (kept as we go: linear)
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws or previous.is_space:
            line_start = token.i
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
        elif previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
        # a dateline ("KRASNODAR, Russia —") is not part of the first sentence
        if token.text in ("—", "–", "--") and token.i + 1 < len(doc) and _dateline(doc, line_start, token.i):
            doc[token.i + 1].is_sent_start = True
    return doc


BULLETS = ("•", "·", "▪", "*", "-", "–", "—")


def _dateline(doc: Doc, start: int, dash: int) -> bool:
    if doc[start].text in BULLETS:
        return False  # "• GWS Giants — X — sacked": a list item's label, not where the story was filed
    # at most 6 words before the dash: look no further back than that, whatever the line's length
    words = []
    for token in doc[start:dash]:
        if token.is_alpha:
            words.append(token)
            if len(words) > 6:
                return False
    return 0 < len(words) <= 6 and words[0].text.isupper() and len(words[0]) > 1
