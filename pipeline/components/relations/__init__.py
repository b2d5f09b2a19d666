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
from spacy.matcher import Matcher
from spacy.tokens import Doc

from ... import syntax
from ...candidates import Candidate
from ..base import RuleComponent
from .arguments import Arguments
from .dates import Dating
from .proposals import Proposals
from .roles import Roles
from .teams import TeamChoice
from .triggers import TriggerFinder, Triggers

__all__ = ["RelationExtractor", "make_relations"]


@Language.factory("coaching_relations", default_config={"data_dir": None, "role_window": 12, "team_distance": 4},
                  requires=["doc.spans", "doc.ents", "token.dep", "token.lemma", "doc._.links", "doc._.people",
                            "doc._.teams", "doc._.home_team", "doc._.body_offset", "doc._.published"],
                  assigns=["doc._.candidates"])
def make_relations(nlp: Language, name: str, data_dir: str | None, role_window: int,
                   team_distance: int) -> "RelationExtractor":
    return RelationExtractor(nlp, name, data_dir=data_dir, role_window=role_window, team_distance=team_distance)


class RelationExtractor(Proposals, Arguments, TeamChoice, Roles, Dating, RuleComponent):
    data_files = ("triggers.jsonl", "manners.jsonl", "club_words.jsonl", "modality.jsonl", "mentions.jsonl",
                  "words.jsonl")

    def __init__(self, nlp: Language, name: str = "coaching_relations", *, data_dir: str | None = None,
                 role_window: int = 12, team_distance: int = 4) -> None:
        self.role_window = role_window
        self.team_distance = team_distance  # edges in the parse between a trigger and a team it may take
        super().__init__(nlp, name, data_dir=data_dir, role_window=role_window, team_distance=team_distance)

    def build(self) -> None:
        lexicon = self.lexicon
        self.negation = lexicon.words("negation")
        self.match_words = lexicon.match_date_words  # a date or team they govern is a match's
        self.destination_verbs = lexicon.words("destination_verb")
        self.leaving_for_verbs = lexicon.words("leaving_for_verb")
        self.reporting_verbs = lexicon.words("reporting_verb")
        self.promotion_verbs = lexicon.words("promotion_verb")
        self.successor_nouns = lexicon.words("successor_noun")  # "his successor": the possessor is replaced
        self.manner_precedence = lexicon.ordered("manner_precedence")
        self.manner_override = lexicon.words("manner_override")
        self.triggers = self.data["triggers.jsonl"]
        self.find_triggers = TriggerFinder(self.nlp.vocab, self.triggers, self.negation)
        self.home_team_patterns = frozenset(t["pattern"] for t in self.triggers if t.get("team") == "home")
        self.manners = self.data["manners.jsonl"]
        self.club_words = self.data["club_words.jsonl"]
        self.dual_role = {w for row in self.club_words if row["kind"] == "dual_role" for w in row["words"]}
        self.post_words = {row["cue"] for row in self.data["modality.jsonl"] if row["kind"] == "post_word"}
        # "the former Porto coach", "ex-Chelsea boss": the past-title words of models/modality.jsonl
        self.former_words = frozenset(row["cue"] for row in self.data["modality.jsonl"] if row["kind"] == "past")
        self.manner_matcher = Matcher(self.nlp.vocab)
        for number, cue in enumerate(self.manners):
            words = cue["pattern"].split()
            pattern = []
            for word in words:
                if word == "*":
                    pattern += [{"IS_PUNCT": False, "OP": "?"}] * 3
                elif word == "not":
                    pattern.append({"LOWER": {"IN": sorted(self.negation)}})
                else:
                    pattern.append({"LEMMA": word})
            self.manner_matcher.add(str(number), [pattern])

    def process(self, doc: Doc) -> None:
        doc._.candidates = self.extract(doc)

    def extract(self, doc: Doc) -> list[Candidate]:
        matches = self.find_triggers(doc)
        found = Triggers(heads=frozenset(m.head for m in matches),
                         claimed=frozenset(m.head for m in matches if m.trigger["strength"] == "strong"),
                         headings=tuple(self._headings(doc)))
        out: list[Candidate] = []
        for m in matches:
            of_trigger = self._candidates(doc, doc[m.head], doc[m.start:m.end], m.trigger, found)
            main = next((c for c in of_trigger if c.derived is None), None)
            for cand in of_trigger:
                cand.id = len(out)
                out.append(cand)
                if cand.derived is not None and main is not None:
                    cand.derived_from = main.id
        self._sentence_manners(doc, out)
        self._not_the_hiring_team(doc, out)
        self._not_the_team_left(doc, out)
        self._restated_hire(out)
        return out

    def _restated_hire(self, candidates: list[Candidate]) -> None:
        """A career phrase with no team of its own ("X gets a second head job") restates a hire of the same
        person that the article reads, with its team, elsewhere: the article's team is then no guess to make.
        It is vetoed, to stay explainable."""
        read = {(c.person, c.team) for c in candidates if c.type == "hire" and c.team and not c.team_guessed}
        for cand in candidates:
            if cand.type == "hire" and cand.pattern in self.home_team_patterns and cand.team_from == "home_team" \
                    and not cand.vetoed and any(p == cand.person and t != cand.team for p, t in read):
                cand.vetoed = "restated_hire"

    @staticmethod
    def _said_of_person(doc: Doc, cand: Candidate) -> bool:
        """The trigger heads a relative clause on the person's own name ("X, who had been promoted ...")."""
        head = doc[cand.head] if cand.head is not None else None
        return head is not None and head.dep_ == "relcl" and doc._.links["person"].get(head.head.i) == cand.person

    def _not_the_team_left(self, doc: Doc, candidates: list[Candidate]) -> None:
        """A hire whose team was only guessed is not by the team the same person leaves in the same
        sentence ("leaves his post at X to take his first club job"): it is vetoed, to stay explainable."""
        left: dict[tuple, set] = {}
        for c in candidates:
            if c.type == "departure":
                left.setdefault((c.person, c.team, c.sentence), set()).add(c.date_text)
        for cand in candidates:
            dates = left.get((cand.person, cand.team, cand.sentence))
            # a hire dated on its own ("fired X, who had been promoted to the job in January 2021") is the
            # start of the post he now leaves, not the same move
            history = cand.date_text is not None and dates is not None and cand.date_text not in dates \
                and self._said_of_person(doc, cand)
            if cand.type == "hire" and dates is not None and cand.team_guessed and not cand.vetoed and not history:
                cand.vetoed = "team_left"

    def _not_the_hiring_team(self, doc: Doc, candidates: list[Candidate]) -> None:
        """A departure whose team was only guessed (sentence, section, home) is not from the team the same
        person is hired by: it takes the team that qualifies the person elsewhere ("Fordham head coach X")."""
        hires = {(c.person, c.team) for c in candidates if c.type == "hire"}
        for cand in candidates:
            if cand.type != "departure" or (cand.person, cand.team) not in hires \
                    or not cand.team_guessed:
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
            for manner in self.manner_precedence:
                if manner in found and (cand.manner in (None, "unknown") or manner in self.manner_override):
                    cand.manner = manner
                    cand.notes.append(f"manner:{manner}")
                    break

