"""Line breaks are sentence boundaries: titles, bylines, captions and table rows never run into prose.

Except in a hard-wrapped page (text broken into lines of about one width, most of them mid-sentence:
"named the new head coach of the New York\nRangers"), where a break after a word that ends no sentence
is only a space and the parser decides.

Runs before the parser, which respects sentence starts set here.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", "'", ")", "]", "|")
WRAP_MIN_LINES = 8  # a hard-wrapped page has many lines ...
WRAP_WIDTH = (45, 100)  # ... most of one width, a screen's or an e-mail's ...
WRAP_SHARE = 0.4  # ... and many of them broken mid-sentence


def hard_wrapped(text: str) -> bool:
    """Whether the text is broken into lines of about one width, many of them mid-sentence."""
    lines = [line.rstrip() for line in text.split("\n")]
    lines = [line for line in lines[:-1] if line]
    if len(lines) < WRAP_MIN_LINES:
        return False
    widths = sorted(len(line) for line in lines)
    median = widths[len(widths) // 2]
    mid_sentence = sum(not line.endswith(SENTENCE_END) for line in lines)
    return WRAP_WIDTH[0] <= median <= WRAP_WIDTH[1] and mid_sentence >= WRAP_SHARE * len(lines) \
        and sum(len(line) <= WRAP_WIDTH[1] for line in lines) == len(lines) and "\n\n" not in text


@Language.component("coaching_lines", assigns=["token.is_sent_start"])
def line_boundaries(doc: Doc) -> Doc:
    wrapped = hard_wrapped(doc.text)
    line_start = 0  # first token after the last line break or space token (kept as we go: linear)
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws or previous.is_space:
            line_start = token.i
        if wrapped and ("\n" in previous.text_with_ws or previous.is_space and "\n" in previous.text):
            before = doc[token.i - 2] if previous.is_space and token.i >= 2 else previous
            if not before.text.endswith(SENTENCE_END):
                continue  # "of the New York\nRangers": a wrapped line, one sentence
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
