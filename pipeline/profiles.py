"""Who the people of an article are, from what it says of them: evidence for a player profile.

A coaching event needs a person whose profile allows a coaching post. The modality stage keeps the
profile (coach, player, executive, unknown); this module holds the evidence that is not a title:

- a transfer told with its fee: "X signed from Y for £60m", "confirmed his return for €105 million"
  — coaches move with compensation too, but a coach is titled
  somewhere in the article, and a title wins over this evidence (see ``ModalityFilter._people_kinds``).

- an age and a country: "X, 45,", "Norwegian coach X", "X, a Dane" (``person_traits``), which a
  description ("the 45-year-old Norwegian") must fit to stand for X (``description_traits``).

The words (``transfer_word`` and ``salary_word`` rows of models/modality.jsonl) are lemmas of the verbs
and nouns a fee hangs from, and of the nouns that make it a salary instead.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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


AGE_WORD = re.compile(r"^(1[6-9]|[2-9]\d)$")
AGE_ADJ = re.compile(r"^(1[6-9]|[2-9]\d)-year-old$")
ARTICLES = ("a", "an", "the")


@dataclass(frozen=True)
class Traits:
    """What the article says a person is: an age ("45") and a country ("Norway"), each or both unknown."""
    age: str | None = None
    country: str | None = None

    def fits(self, other: "Traits") -> bool:
        """Whether a description with ``other`` traits can be this person: no trait contradicts."""
        return not (self.age and other.age and self.age != other.age) \
            and not (self.country and other.country and self.country != other.country)

    def shares(self, other: "Traits") -> bool:
        """Whether the description's traits are stated of this person, none contradicting."""
        return self.fits(other) and bool(self.age and self.age == other.age
                                         or self.country and self.country == other.country)


def _demonym_ending(doc: Doc, end: int, countries: dict[str, str]) -> tuple[int, str | None]:
    """The demonym of one to three words ending just before ``end``: (its start, its country)."""
    for size in (3, 2, 1):
        if end - size >= 0 and doc[end - size:end].text in countries:
            return end - size, countries[doc[end - size:end].text]
    return end, None


def _demonym_starting(doc: Doc, start: int, countries: dict[str, str]) -> tuple[int, str | None]:
    """The demonym of one to three words starting at ``start``: (its end, its country)."""
    for size in (3, 2, 1):
        if start + size <= len(doc) and doc[start:start + size].text in countries:
            return start + size, countries[doc[start:start + size].text]
    return start, None


def description_traits(doc: Doc, start: int, end: int, countries: dict[str, str]) -> Traits:
    """The age and country a description states: "the 45-year-old Norwegian", "the Dane"."""
    text = doc[start:end].text
    age = re.search(r"\b(1[6-9]|[2-9]\d)\s*-\s*year\s*-\s*old\b", text)
    country = None
    for i in range(start, end):
        _stop, country = _demonym_starting(doc, i, countries)
        if country:
            break
    return Traits(age.group(1) if age else None, country)


def person_traits(doc: Doc, mentions: Iterable[tuple[int, int, str]], countries: dict[str, str]) -> dict[str, Traits]:
    """Each named person's age and country, from the words around a mention of the name: a demonym before
    it, alone or before a lower-case title ("Norwegian coach X", "the Dane X"), or an apposition after it
    ("X, a Dane,", "X, the 45-year-old Norwegian"), and an age in apposition ("X, 45,")."""
    ages: dict[str, str] = {}
    nations: dict[str, str] = {}
    for start, end, name in mentions:
        if doc[start].pos_ == "PRON" or doc[start].lower_ in ARTICLES:
            continue
        j = start
        while j > 0 and start - j < 3 and doc[j - 1].is_alpha and doc[j - 1].text.islower() \
                and doc[j - 1].lower_ not in ARTICLES:
            j -= 1  # "coach", "head coach"
        _first, country = _demonym_ending(doc, j, countries)
        if country:
            nations.setdefault(name, country)
        if end + 2 < len(doc) and doc[end].text in (",", "(") :
            nxt = doc[end + 1]
            if AGE_WORD.match(nxt.text) and doc[end + 2].text in (",", ";", ")", "."):
                ages.setdefault(name, nxt.text)
            elif nxt.lower_ in ARTICLES:
                k = end + 2
                while k < len(doc) and k < end + 8 and doc[k].text not in (",", ";", ".", "\n"):
                    k += 1
                found = description_traits(doc, end + 2, k, countries)
                if found.age:
                    ages.setdefault(name, found.age)
                if found.country:
                    nations.setdefault(name, found.country)
    return {name: Traits(ages.get(name), nations.get(name)) for name in set(ages) | set(nations)}
