"""Finding triggers: the trigger lexicon (models/triggers.jsonl) compiled into token patterns, gapped
triggers found on the parse, headline verbs the tagger read as nouns, and one match kept per head word.

A trigger with ``"tag": "any"`` matches its head whatever the tagger called it. A trigger with
``"match": "tree"`` is looked for on the parse only (its words a chain of children from the verb: "left X
in interim charge"), never as a token sequence.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ... import syntax
from ...windowed import WindowedMatcher


@dataclass(frozen=True)
class Triggers:
    """The triggers found in one document, handed to the argument rules (the component keeps no per-document state).

    ``heads``: token indices of every trigger's head; ``claimed``: those of strong triggers, whose dates
    are their own; ``headings``: section headings (start char, team) of an article with sections.
    """
    heads: frozenset[int]
    claimed: frozenset[int]
    headings: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Match:
    """One trigger found in a document: its head token, its token span and its lexicon row."""
    head: int
    start: int
    end: int
    trigger: dict[str, Any]


def token_pattern(trigger: dict[str, Any], negation: frozenset[str]) -> list[dict[str, Any]]:
    """The Matcher pattern of a trigger row (``negation``: the words of "not" in a pattern, words.jsonl)."""
    words = trigger["pattern"].split()
    pattern: list[dict[str, Any]] = []
    head_done = False
    for word in words:
        if word == "*":
            pattern += [{"IS_SENT_START": False, "IS_PUNCT": False, "OP": "?"}] * 4
        elif word == "not":
            pattern.append({"LOWER": {"IN": sorted(negation)}})
        elif word in ("to", "the", "of", "on", "contract") or head_done:
            pattern.append({"LEMMA": word})
        else:
            if trigger["voice"] == "noun":
                pattern.append({"LEMMA": word, "POS": {"IN": ["NOUN", "PROPN"]}})
            elif trigger.get("tag") == "any":
                pattern.append({"LEMMA": word})  # a head the tagger often gets wrong ("part ways" as a noun)
            elif word == "out":
                pattern.append({"LOWER": "out", "DEP": {"IN": ["ROOT", "advmod", "prt", "acomp"]}})
            else:
                # verbs, including gerunds and participles the tagger calls nouns or adjectives
                pattern.append({"LEMMA": word, "TAG": {"REGEX": "^VB"}})
            head_done = True
    return pattern


def trigger_head(span: Span, trigger: dict[str, Any]) -> Token:
    """The head token of a matched trigger: its head word (the first word of its pattern that is not
    "not" or a gap), as ``syntax.trigger_head`` finds it."""
    return syntax.trigger_head(span, next((w for w in trigger["pattern"].split() if w not in ("not", "*")), None))


def _path(token: Token, lemmas: list[str]) -> bool:
    """Each lemma a child of the one before, starting from ``token`` (never a subject)."""
    current = token
    for lemma in lemmas:
        nxt = next((c for c in current.children if c.lemma_ == lemma and c.dep_ not in ("nsubj", "nsubjpass")), None)
        if nxt is None:
            return False
        current = nxt
    return True


class TriggerFinder:
    """The trigger lexicon compiled for one vocabulary."""

    def __init__(self, vocab: Vocab, triggers: list[dict[str, Any]], negation: frozenset[str]) -> None:
        self.vocab = vocab
        self.triggers = triggers
        self.matcher = WindowedMatcher(vocab)  # runs only where a trigger's first word is
        for number, trigger in enumerate(triggers):
            if trigger.get("match") != "tree":  # "tree": only on the parse, where the gap is the object
                self.matcher.add(str(number), token_pattern(trigger, negation))
        # one-word transitive triggers by lemma, for headlines whose verb the tagger reads as a noun
        self.headline_triggers: dict[str, list[tuple[int, dict]]] = {}
        for number, trigger in enumerate(triggers):
            if trigger["voice"] == "transitive" and " " not in trigger["pattern"]:
                self.headline_triggers.setdefault(trigger["pattern"], []).append((number, trigger))
        # gapped verb triggers by their first lemma, for the parse-based search (_tree_matches)
        self.gapped: dict[str, list[tuple[int, dict, list[str]]]] = {}
        self._gapped_lemmas: numpy.ndarray | None = None
        for number, trigger in enumerate(triggers):
            words = trigger["pattern"].split()
            if "*" in words and trigger["voice"] != "noun":
                path = [w for w in words[1:] if w not in ("*", "the")]
                self.gapped.setdefault(words[0], []).append((number, trigger, path))

    def __call__(self, doc: Doc) -> list[Match]:
        """The triggers of ``doc``, the longest match per head token, in token order."""
        spans = []
        found = set()
        for match_id, start, end in self.matcher(doc):
            number = int(self.vocab.strings[match_id])
            trigger = self.triggers[number]
            spans.append((start, end, trigger, end - start))
            found.add((start, number))
        spans += self._tree_matches(doc, found)
        spans += self._headline_matches(doc, found)
        # longest match per head token
        spans.sort(key=lambda m: (m[0], -m[3]))
        chosen: dict[int, tuple[int, int, dict]] = {}
        sizes: dict[int, int] = {}
        for start, end, trigger, size in spans:
            head = trigger_head(doc[start:end], trigger)
            if head.i not in chosen or size > sizes[head.i]:
                chosen[head.i] = (start, end, trigger)
                sizes[head.i] = size
        covered = set()
        ordered = []
        for head_i, (start, end, trigger) in sorted(chosen.items(), key=lambda kv: -(kv[1][1] - kv[1][0])):
            if any(i in covered for i in range(start, end)) and end - start == 1:
                continue
            covered.update(range(start, end))
            ordered.append((head_i, start, end, trigger))
        return [Match(head_i, start, end, trigger) for head_i, start, end, trigger in sorted(ordered)]

    def _tree_matches(self, doc: Doc, found: set[tuple[int, int]]) -> list[tuple[int, int, dict, int]]:
        """Gapped triggers whose gap is longer than the token pattern allows, found on the parse:
        "put [a long description of X] in charge", "relieved [X and Y] of their duties"."""
        out = []
        if self._gapped_lemmas is None:
            self._gapped_lemmas = numpy.array(sorted(self.vocab.strings.add(w) for w in self.gapped), dtype=numpy.uint64)
        # only the words whose lemma begins a gapped trigger (found from the doc's array, no Token for the rest)
        for i in numpy.flatnonzero(numpy.isin(doc.to_array(LEMMA), self._gapped_lemmas)).tolist():
            token = doc[i]
            if not token.tag_.startswith("VB"):
                continue
            for number, trigger, path in self.gapped.get(token.lemma_, ()):
                if (token.i, number) not in found and _path(token, path):
                    out.append((token.i, token.i + 1, trigger, len(trigger["pattern"].split())))
        return out

    def _headline_matches(self, doc: Doc, found: set[tuple[int, int]]) -> list[tuple[int, int, dict, int]]:
        """Headline verbs the tagger takes for nouns, found on the words: "Celtic appoint X as manager",
        "Forest sack X" (a team right before a one-word transitive trigger, a person right after)."""
        teams, people = doc._.links["team"], doc._.links["person"]
        out = []
        # only words between a team and a person (looked up by position, no Token made for the others)
        for i in range(1, len(doc) - 1):
            if i - 1 not in teams or i + 1 not in people:
                continue
            token = doc[i]
            if token.tag_.startswith("VB"):
                continue
            for number, trigger in self.headline_triggers.get(token.lemma_, ()):
                if (token.i, number) not in found:
                    out.append((token.i, token.i + 1, trigger, 1))
        return out
