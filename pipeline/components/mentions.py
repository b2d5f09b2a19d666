"""Stage 2, mention linking: the people and teams of an article, every mention linked to one.

Rule-based and explainable: a surname or first name alone links to the fullest
name in the article; pronouns and descriptions ("the 56-year-old", "the
Colombian") link to the latest person who was a grammatical subject; "the
club", "the federation" link to the latest team, or the article's home team.

Writes ``doc.spans["mentions"]`` (label_ PERSON or TEAM, kb_id_ canonical),
``doc._.people``, ``doc._.teams``, ``doc._.home_team`` and ``doc._.links``
({"person": {token index: name}, "team": {token index: name}}).

How names, pronouns and team mentions are found lives in ``pipeline/mentions/`` (``names``,
``anaphora``, ``teams``); this module is the spaCy component that holds their word lists.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..mentions.anaphora import Anaphora
from ..folding import fold
from ..mentions.names import Names
from ..mentions.teams import TeamMentions
from ..team_types import OrgWords
from .base import RuleComponent

__all__ = ["MentionLinker", "make_mentions", "fold"]

DATA_FILES = ("mentions.jsonl", "leagues.jsonl", "teams.jsonl", "federations.jsonl", "words.jsonl")


@Language.factory("coaching_mentions", default_config={"data_dir": None},
                  requires=["doc.ents", "doc.spans", "token.dep", "token.pos", "doc._.body_offset"],
                  assigns=["doc.spans", "doc._.people", "doc._.teams", "doc._.home_team", "doc._.links"])
def make_mentions(nlp: Language, name: str, data_dir: str | None) -> "MentionLinker":
    return MentionLinker(nlp, name, data_dir=data_dir)


class MentionLinker(Names, Anaphora, TeamMentions, RuleComponent):
    data_files = DATA_FILES

    def __init__(self, nlp: Language, name: str = "coaching_mentions", *, data_dir: str | None = None) -> None:
        super().__init__(nlp, name, data_dir=data_dir)

    def build(self) -> None:
        lexicon = self.lexicon
        words = {kind: lexicon.ordered(kind) for kind in lexicon.kinds("mentions.jsonl")}
        self.particles = lexicon.words("name_particle")
        self.pronouns = {w.lower() for w in words.get("pronoun", [])}
        # "the Slovak", "the Ghanaian": every national team's demonym describes a person too
        self.person_nouns = set(words.get("person_noun", [])) | lexicon.demonyms
        self.successor_nouns = lexicon.words("successor_noun")  # "his successor" is never the clause's subject
        self.person_descriptors = lexicon.person_descriptors  # "New Zealander", "All Black": never a name's start
        self.person_words = {w.lower() for w in [*self.person_nouns, *words.get("relation_noun", [])]}
        self.team_nouns = {w.lower() for w in words.get("team_noun", [])}
        self.honorifics = set(words.get("honorific", []))
        self.leagues = lexicon.not_teams
        self.not_team_words = {w.lower() for w in words.get("not_team_word", [])}
        self.name_start_stop = set(words.get("not_name_start", []))
        self.not_person_words = set(words.get("not_person_word", []))
        # one-word team nicknames ("Spurs", "Gunners") are no person even when ambiguous between two teams
        self.team_nicknames = lexicon.one_word_nicknames
        self.person_slot_verbs = set(words.get("person_slot_verb", []))
        self.person_slot_nouns = set(words.get("person_slot_noun", []))
        self.kinds = lexicon.team_kinds
        self.noun_kinds = {noun.lower(): kind for kind in ("national", "college", "club")
                           for noun in words.get(f"{kind}_noun", [])}
        self.match_words = lexicon.match_words
        self.team_pronouns = {w.lower() for w in words.get("team_pronoun", [])}
        self.opponent_preps = {w.lower() for w in words.get("opponent_prep", [])}
        self.match_preps = {w.lower() for w in words.get("match_prep", [])}
        self.former_nouns = {w.lower() for w in words.get("former_noun", ["boss", "manager", "coach"])}
        self.org_words = OrgWords(competition_words=frozenset(w.lower() for w in words.get("competition_name_word", [])),
                                  person_nouns=frozenset(self.person_nouns),
                                  not_name_start=frozenset(self.name_start_stop))

    def process(self, doc: Doc) -> None:
        self._link(doc)

    def _link(self, doc: Doc) -> None:
        people, person_mentions = self._people(doc)
        person_mentions += self._anaphors(doc, person_mentions)
        teams, team_mentions, home, opponents = self._teams(
            doc, {i for s, e, _ in person_mentions for i in range(s, e)}, people)
        spans = [Span(doc, s, e, label="PERSON", kb_id=n) for s, e, n in person_mentions]
        spans += [Span(doc, s, e, label="TEAM", kb_id=n) for s, e, n in team_mentions]
        doc.spans["mentions"] = sorted(spans, key=lambda s: (s.start, s.end))
        links: dict[str, dict[int, str]] = {"person": {}, "team": {}, "opponent": {}}
        for span in spans:
            kind = "person" if span.label_ == "PERSON" else "team"
            for i in range(span.start, span.end):
                links[kind].setdefault(i, span.kb_id_)
                if (span.start, span.end) in opponents and kind == "team":
                    links["opponent"].setdefault(i, span.kb_id_)
        doc._.people = people
        doc._.teams = teams
        doc._.home_team = home
        doc._.links = links
