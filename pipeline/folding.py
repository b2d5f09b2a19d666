"""The one ``fold``: how two spellings of a name are told to be the same.

Case, accents, punctuation and a leading "the" do not count, and a few letters that Unicode does not
decompose are spelled out ("Sørensen" == "Sorensen", "Læstadius" == "Laestadius"). This is the rule the
scorer applies (docs/events.md, "Scoring"), so the ``event_id`` key, the name linking and the evaluation
agree on who is the same person.
"""
from __future__ import annotations

import unicodedata
from typing import Any

_LETTERS = (("ø", "o"), ("Ø", "o"), ("æ", "ae"), ("ß", "ss"))


def fold(text: Any) -> str:
    """``text`` lower-cased, without accents, punctuation or a leading "the"; ``""`` for None."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c))
    for letter, spelled in _LETTERS:
        text = text.replace(letter, spelled)
    text = "".join(c if c.isalnum() else " " for c in text.lower())
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)
