"""A spaCy ``Matcher`` run only over the stretches of a document where one of its patterns can start.

spaCy's ``Matcher`` tries every pattern at every token; with the trigger lexicon's hundred and fifty
patterns that was a third of what the relation stage cost. Each of our patterns holds a fixed word (a
lemma or a lower-case form), so the tokens where a pattern can be are found at once from the doc's
arrays, and the matcher runs only over the stretch around each (as far as the pattern reaches on either
side of that word; stretches that overlap are merged). The matches, and their order, are those of the
matcher over the whole doc: every match lies inside one stretch, where the matcher sees exactly the tokens
it would see in the doc, and no pattern ends in an optional token that a stretch's end could cut short.
"""
from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab


def _fixed_words(spec: dict[str, Any]) -> tuple[str, list[str]] | None:
    """(attribute, words) of a pattern token that must be one of some fixed words, else None."""
    if "OP" in spec:
        return None
    for attr in ("LEMMA", "LOWER"):
        value = spec.get(attr)
        if isinstance(value, str):
            return attr, [value]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return attr, list(value["IN"])
    return None


def _rarity(words: list[str]) -> tuple[bool, int]:
    """Which fixed token of a pattern to look for first: a word that is no stop word, then the longest."""
    return any(w.lower() in STOP_WORDS for w in words), -min(len(w) for w in words)


class WindowedMatcher:
    """``add`` and ``__call__`` as spaCy's ``Matcher`` (match tuples, positions in the doc).

    Each pattern is found through one of its fixed tokens (its *anchor*: the rarest-looking word), at
    most ``before`` tokens after the match's start and ``after`` tokens before its end.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab)
        # anchor word (hash) -> (most tokens before it, most tokens from it to the end), per attribute
        self.anchors: dict[str, dict[int, tuple[int, int]]] = {"LEMMA": {}, "LOWER": {}}
        self.anywhere = False  # a pattern with no fixed token: match the whole doc
        self._arrays: dict[str, numpy.ndarray] | None = None

    def add(self, key: str, pattern: list[dict[str, Any]]) -> None:
        self.matcher.add(key, [pattern])
        self._arrays = None
        fixed = [(position, found) for position, spec in enumerate(pattern) if (found := _fixed_words(spec))]
        if not fixed:
            self.anywhere = True
            return
        position, (attr, words) = min(fixed, key=lambda f: _rarity(f[1][1]))
        reach = (position, len(pattern) - position)
        for word in words:
            word_hash = self.vocab.strings.add(word)
            old = self.anchors[attr].get(word_hash, (0, 0))
            self.anchors[attr][word_hash] = (max(old[0], reach[0]), max(old[1], reach[1]))

    def _anchor_arrays(self) -> dict[str, numpy.ndarray]:
        if self._arrays is None:
            self._arrays = {attr: numpy.array(sorted(found), dtype=numpy.uint64) for attr, found in self.anchors.items()}
        return self._arrays

    def _stretches(self, doc: Doc) -> list[tuple[int, int]]:
        values = doc.to_array([LEMMA, LOWER])
        arrays = self._anchor_arrays()
        windows = []
        for column, attr in ((0, "LEMMA"), (1, "LOWER")):
            found = values[:, column]
            for i in numpy.flatnonzero(numpy.isin(found, arrays[attr])).tolist():
                before, after = self.anchors[attr][int(found[i])]
                windows.append((max(i - before, 0), min(i + after, len(doc))))
        stretches: list[tuple[int, int]] = []
        for start, end in sorted(windows):
            if stretches and start <= stretches[-1][1]:
                stretches[-1] = (stretches[-1][0], max(stretches[-1][1], end))
            else:
                stretches.append((start, end))
        return stretches

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        if self.anywhere or not len(doc):
            return self.matcher(doc)
        out = []
        for start, end in self._stretches(doc):
            out.extend((key, start + s, start + e) for key, s, e in self.matcher(doc[start:end]))
        return out
