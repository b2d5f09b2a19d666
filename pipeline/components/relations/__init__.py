"""Stage 3, relation extraction: trigger lexicon + dependency patterns → candidate transitions.

A trigger (models/triggers.jsonl) is matched on lemmas (``triggers``); its ``voice`` says how its
arguments sit in the parse (``voices``). Shared steps then choose the person (``arguments``), the team
(``teams``), the post (``roles``) and the date (``dates``), and add the transitions a sentence implies
(``proposals``). Last, document-level checks: a departure's manner stated elsewhere in its sentence, and
guessed teams that contradict another transition of the same person.

Each candidate keeps its rule id, trigger span and sentence for ``explain``.
Writes ``doc._.candidates``.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ... import syntax
from ...candidates import Candidate
from ...windowed import WindowedMatcher
from ..base import RuleComponent
from .arguments import NEG, Arguments
from .dates import Dating
from .proposals import Proposals
from .roles import Roles
from .teams import MATCH_WORDS, MEMO, DocMemo, TeamChoice
from .triggers import TriggerFinder, Triggers

__all__ = ["RelationExtractor", "make_relations", "MATCH_WORDS"]

GUESSED_TEAM = (":sentence_team", ":paragraph_team", ":home_team", ":person_team")


@Language.factory("coaching_relations", default_config={"data_dir": None, "role_window": 12, "team_distance": 4},
                  requires=["doc.spans", "token.dep"], assigns=["doc._.candidates"])
def make_relations(nlp: Language, name: str, data_dir: str | None, role_window: int,
                   team_distance: int) -> "RelationExtractor":
    return RelationExtractor(nlp, name, data_dir=data_dir, role_window=role_window, team_distance=team_distance)


class RelationExtractor(Proposals, Arguments, TeamChoice, Roles, Dating, RuleComponent):
    data_files = ("triggers.jsonl", "manners.jsonl", "club_words.jsonl", "modality.jsonl")

    def __init__(self, nlp: Language, name: str = "coaching_relations", *, data_dir: str | None = None,
                 role_window: int = 12, team_distance: int = 4) -> None:
        self.role_window = role_window
        self.team_distance = team_distance  # edges in the parse between a trigger and a team it may take
        super().__init__(nlp, name, data_dir=data_dir)

    def build(self) -> None:
        self.triggers = self.data["triggers.jsonl"]
        self.find_triggers = TriggerFinder(self.nlp.vocab, self.triggers)
        self.manners = self.data["manners.jsonl"]
        self.club_words = self.data["club_words.jsonl"]
        self.dual_role = {w for row in self.club_words if row["kind"] == "dual_role" for w in row["words"]}
        self.post_words = {row["cue"] for row in self.data["modality.jsonl"] if row["kind"] == "post_word"}
        # "the former Porto coach", "ex-Chelsea boss": the past-title words of models/modality.jsonl
        self.former_words = frozenset(row["cue"] for row in self.data["modality.jsonl"] if row["kind"] == "past")
        self.manner_matcher = WindowedMatcher(self.nlp.vocab)  # runs only where a cue's first word is
        for number, cue in enumerate(self.manners):
            words = cue["pattern"].split()
            pattern = []
            for word in words:
                if word == "*":
                    pattern += [{"IS_PUNCT": False, "OP": "?"}] * 3
                elif word == "not":
                    pattern.append({"LOWER": {"IN": sorted(NEG)}})
                else:
                    pattern.append({"LEMMA": word})
            self.manner_matcher.add(str(number), pattern)

    def process(self, doc: Doc) -> None:
        doc._.candidates = self.extract(doc)

    def extract(self, doc: Doc) -> list[Candidate]:
        doc.user_data[MEMO] = DocMemo(doc)
        try:
            return self._extract(doc)
        finally:
            del doc.user_data[MEMO]

    def _extract(self, doc: Doc) -> list[Candidate]:
        matches = self.find_triggers(doc)
        found = Triggers(heads=frozenset(m.head for m in matches),
                         claimed=frozenset(m.head for m in matches if m.trigger["strength"] == "strong"),
                         headings=tuple(self._headings(doc)))
        out: list[Candidate] = []
        for m in matches:
            out.extend(self._candidates(doc, doc[m.head], doc[m.start:m.end], m.trigger, found))
        self._sentence_manners(doc, out)
        self._not_the_hiring_team(doc, out)
        self._not_the_team_left(out)
        return out

    @staticmethod
    def _not_the_team_left(candidates: list[Candidate]) -> None:
        """A hire whose team was only guessed is not by the team the same person leaves in the same
        sentence ("leaves his post at X to take his first club job"): it is vetoed, to stay explainable."""
        left = {(c.person, c.team, c.sentence) for c in candidates if c.type == "departure"}
        for cand in candidates:
            if cand.type == "hire" and (cand.person, cand.team, cand.sentence) in left \
                    and any(m in cand.rule for m in GUESSED_TEAM) and not cand.vetoed:
                cand.vetoed = "team_left"

    def _not_the_hiring_team(self, doc: Doc, candidates: list[Candidate]) -> None:
        """A departure whose team was only guessed (sentence, section, home) is not from the team the same
        person is hired by: it takes the team that qualifies the person elsewhere ("Fordham head coach X")."""
        hires = {(c.person, c.team) for c in candidates if c.type == "hire"}
        for cand in candidates:
            if cand.type != "departure" or (cand.person, cand.team) not in hires \
                    or not any(m in cand.rule for m in GUESSED_TEAM):
                continue
            sent = doc.char_span(*cand.sentence, alignment_mode="expand")
            other = self._article_person_team(doc, sent, cand.person, exclude={cand.team}) if sent else None
            if other:
                cand.team = other
                cand.notes.append("team:not_the_hiring_team")

    def _sentence_manners(self, doc: Doc, candidates: list[Candidate]) -> None:
        """A departure whose trigger says only that the coach left takes the manner its sentence states
        ("left by mutual consent", "stepped down when his contract ran out")."""
        cues: dict[int, list[tuple[frozenset[str], str]]] = {}
        for match_id, start, end in self.manner_matcher(doc):
            cue = self.manners[int(self.nlp.vocab.strings[match_id])]
            owners = syntax.cue_owners(doc, doc[start:end])
            cues.setdefault(doc[start].sent.start_char, []).append((owners, cue["manner"]))
        for cand in candidates:
            if cand.type != "departure" or cand.manner not in (None, "unknown", "resigned"):
                continue
            # a cue said of someone else ("replaced the sacked X", "X, whose contract ran out") is his manner
            found = {manner for owners, manner in cues.get(cand.sentence[0], []) if not owners or cand.person in owners}
            for manner in ("mutual_consent", "contract_expired", "retired", "fired", "resigned"):
                if manner in found and (cand.manner in (None, "unknown") or manner in ("mutual_consent", "contract_expired")):
                    cand.manner = manner
                    cand.notes.append(f"manner:{manner}")
                    break

