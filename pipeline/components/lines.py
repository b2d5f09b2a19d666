"""Line breaks are sentence boundaries: titles, bylines, captions and table rows never run into prose.

Runs before the parser, which respects sentence starts set here.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("coaching_lines", assigns=["token.is_sent_start"])
def line_boundaries(doc: Doc) -> Doc:
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
        elif previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
    return doc
