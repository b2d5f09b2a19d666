"""What an organisation the gazetteer does not know may be: a team, or something else the model tagged.

An event's team must be a team. The statistical model tags many things ORG that are no team: a
competition or a level ("the Grey Cup", "Division I", "the Under-20s"), a table cell or a verb glued
to a line ("Sacked"), a nationality ("Uruguayan"), a department ("professional squad department").
``org_is_team`` types such a mention from its words; the word lists live in models/mentions.jsonl
(``competition_name_word``, ``not_team_word``, ``not_name_start``, person nouns and demonyms).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

# lower-case words that may sit inside a club's proper name ("Bowling Green", "Brighton and Hove Albion",
# "Vitória de Guimarães")
NAME_PARTICLES = {"of", "and", "the", "de", "da", "do", "dos", "das", "del", "della", "di", "la", "le", "les",
                  "y", "e", "van", "von", "der", "den", "du", "&", "'s", "’s", "-", "/", "."}


@dataclass(frozen=True)
class OrgWords:
    """The word lists ``org_is_team`` reads."""
    competition_words: frozenset[str]  # lower case: "cup", "division", "conference"
    person_nouns: frozenset[str]  # as written: "Uruguayan", "Dutchman"
    not_name_start: frozenset[str]  # as written: "Sacked", "Fired"


def _competition(word: str, words: frozenset[str]) -> bool:
    low = word.lower()
    return low in words or low.endswith("s") and low[:-1] in words  # "Grey Cups", "Finals"


def org_is_team(ent: Span, words: OrgWords) -> bool:
    """Whether an unknown organisation can be a team: a proper name (every word capitalised but name
    particles), no competition or level word, not a lone nationality or a lone verb or headline word."""
    tokens = [t for t in ent if not t.is_punct and t.tag_ != "POS"]
    if not tokens:
        return False
    if any(t.is_alpha and t.text[:1].islower() and t.lower_ not in NAME_PARTICLES for t in tokens):
        return False  # "professional squad department": a description, not a name
    if any(_competition(t.text, words.competition_words) for t in tokens):
        return False  # "the Grey Cup", "Division", "the Eastern Conference"
    if len(tokens) == 1:
        word = tokens[0]
        if word.text in words.person_nouns or word.text in words.not_name_start or word.tag_.startswith("VB"):
            return False  # "Uruguayan", "Sacked"
    return True
