"""Who the people of an article are, from what it says of them: evidence for a player profile.

A coaching event needs a person whose profile allows a coaching post. The modality stage keeps the
profile (coach, player, executive, unknown); this module holds the evidence that is not a title:

- a transfer told with its fee: "X signed from Y for £60m", "confirmed his return for €105 million"
  — coaches move with compensation too, but a coach is titled
  somewhere in the article, and a title wins over this evidence (see ``ModalityFilter._people_kinds``).

The words (``transfer_word`` and ``salary_word`` rows of models/modality.jsonl) are lemmas of the verbs
and nouns a fee hangs from, and of the nouns that make it a salary instead.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

SUBJECTS = ("nsubj", "nsubjpass")
OWNERS = ("nsubj", "nsubjpass", "dobj", "poss", "dative")
CURRENCY = {"£", "€", "$"}
MAX_STEPS = 5  # edges from the fee up to the word it prices


def _people_of(token: Token, people: dict[int, str]) -> list[str]:
    """The people a transfer word is said of: its subject, object or possessor ("his return"), or, for a
    noun, the subject of the verb it hangs from ("completed his move", "joined ... for a fee")."""
    verb = token
    if token.pos_ == "NOUN":
        verb = token.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
    out = [people[c.i] for c in token.children if c.dep_ in OWNERS and c.i in people]
    out = out or [people[c.i] for c in verb.children if c.dep_ in OWNERS and c.i in people]
    if not out and verb.dep_ == "relcl" and verb.head.i in people \
            and any(c.dep_ in SUBJECTS and c.tag_ in ("WP", "WDT") for c in verb.children):
        out = [people[verb.head.i]]  # "X, who joined from Y for £20m"
    return out


def transfer_players(doc: Doc, transfer_words: Iterable[str], salary_words: Iterable[str] = ()) -> set[str]:
    """People whose move the article prices: the fee (a MONEY entity) hangs, within a few edges of the
    parse, from a transfer word (a sum is a MONEY entity or a currency sign) whose subject, object or possessor is the person. A sum that prices a
    contract on the way up ("signed a $50 million contract", "£2m in compensation") is a coach's as much
    as a player's: no evidence."""
    words, salary = frozenset(transfer_words), frozenset(salary_words)
    people = doc._.links["person"] if doc._.links else {}
    out: set[str] = set()
    sums = [ent.root for ent in doc.ents if ent.label_ == "MONEY"]
    sums += [t for t in doc if t.text in CURRENCY and t.ent_type_ != "MONEY"]  # "£47.5m" the model missed
    for token in sums:
        for _ in range(MAX_STEPS):
            if token.head.i == token.i:
                break
            token = token.head
            if token.lemma_.lower() in salary:
                break
            if token.lemma_.lower() in words:
                out.update(_people_of(token, people))
                break
    return out
