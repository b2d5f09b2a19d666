"""Stage 4, modality: rumours, denials, negations, conditionals, speculation, contract
extensions and front-office posts yield no event.

Cues live in models/modality.jsonl (``cue`` lemma, ``veto`` reason, ``kind``):
``aux`` modal verbs on the trigger, ``neg`` negation on the trigger or a verb
that governs it, ``mark`` a subordinating conjunction (if, unless) on the
trigger's clause, ``governor`` a word whose clause or phrase holds the trigger
("reports that ...", "a candidate to replace ..."), ``object`` a word that makes
the change something else ("extension"), ``factive`` a reporting verb that keeps
a reported future a fact ("announced that X would depart").

Vetoed candidates stay in ``doc._.candidates`` with ``vetoed`` set, for explain.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, Iterable

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Token

from .. import resources
from ..candidates import Candidate
from ..extensions import register_extensions

CLAUSE_UP = {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "amod", "oprd"}


@Language.factory("coaching_modality", default_config={"data_dir": None, "coach_window": 4},
                  requires=["doc._.candidates"], assigns=["doc._.candidates"])
def make_modality(nlp: Language, name: str, data_dir: str | None, coach_window: int) -> "ModalityFilter":
    return ModalityFilter(nlp, name, data_dir=data_dir, coach_window=coach_window)


class ModalityFilter(Pipe):
    def __init__(self, nlp: Language, name: str = "coaching_modality", *, data_dir: str | None = None,
                 coach_window: int = 4) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.coach_window = coach_window
        self.initialize(data_dir=data_dir)

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, data_dir: str | None = None) -> None:
        self.rows = resources.load("modality.jsonl", Path(data_dir) if data_dir else None)
        self.cues: dict[str, dict[str, str]] = {}
        for row in self.rows:
            self.cues.setdefault(row["kind"], {})[row["cue"]] = row["veto"]

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(Path(path) / "modality.jsonl", self.rows)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "ModalityFilter":
        self.initialize(data_dir=str(path))
        return self

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            coaches = self._coaches(doc)
            self._players = self._titled(doc, "FRONT_OFFICE", 2) - coaches
            for cand in doc._.candidates or []:
                cand.vetoed = cand.vetoed or self.veto(doc, cand, coaches)
        except Exception as error:
            error_handler(self.name, self, [doc], error)
        return doc

    def _titled(self, doc: Doc, label: str, window: int) -> set[str]:
        """People the article gives a title of this kind somewhere ("coach X", "X, the manager")."""
        people = doc._.links["person"]
        out = set()
        for role in doc.spans.get("roles", []):
            if role.label_ != label:
                continue
            sent = doc[role.start].sent
            for i in range(max(sent.start, role.start - window), min(sent.end, role.end + window)):
                if i in people:
                    out.add(people[i])
        return out

    def _coaches(self, doc: Doc) -> set[str]:
        """People with a coaching title, or the clear subject of a strong trigger."""
        out = self._titled(doc, "ROLE", self.coach_window)
        for cand in doc._.candidates or []:
            if cand.strength == "strong" and ":nearest_person" not in cand.rule:
                out.add(cand.person)
        return out

    def _head(self, doc: Doc, cand: Candidate) -> Token:
        span = doc.char_span(*cand.trigger, alignment_mode="expand")
        return next((t for t in span if t.pos_ in ("VERB", "NOUN", "PROPN")), span[0])

    def _lemma_in(self, token: Token, kind: str) -> str | None:
        cues = self.cues.get(kind, {})
        lemma = token.lemma_.lower()
        if lemma in cues:
            return cues[lemma]
        two = f"{lemma} {token.nbor().lower_}" if token.i + 1 < len(token.doc) else ""
        return cues.get(two)

    def veto(self, doc: Doc, cand: Candidate, coaches: set[str]) -> str | None:
        head = self._head(doc, cand)
        trigger_text = doc.text[cand.trigger[0]:cand.trigger[1]].lower()
        negated_trigger = any(w in trigger_text.split() for w in ("not", "n't", "never"))
        chain = [head]
        token = head
        while token.dep_ in CLAUSE_UP and token.head.i != token.i and token.head.sent == head.sent:
            token = token.head
            chain.append(token)
        factive = any(self._lemma_in(t, "factive") is not None or t.lemma_ in self.cues.get("factive", {}) for t in chain[1:])
        for position, token in enumerate(chain):
            for child in token.children:
                if child.dep_ == "neg" and not negated_trigger:
                    return "negation"
                if child.dep_ == "det" and child.lower_ == "no" and position > 0:
                    return "negation"
                if child.dep_ == "aux" and child.lower_ in self.cues.get("aux", {}) and not (
                        child.lower_ == "would" and factive):
                    return self.cues["aux"][child.lower_]
                if child.dep_ == "mark" and child.lower_ in self.cues.get("mark", {}):
                    return self.cues["mark"][child.lower_]
                if child.dep_ == "advcl" and position == 0 and any(
                        g.dep_ == "mark" and g.lower_ in self.cues.get("mark", {}) for g in child.children):
                    return "conditional"
            if position > 0:
                reason = self._lemma_in(token, "governor")
                if reason:
                    return reason
        sentence = head.sent.text.lower()
        for cue, reason in self.cues.get("sentence", {}).items():
            if cue in sentence:
                return reason
        for child in head.subtree:
            if child.lemma_.lower() in self.cues.get("object", {}) and child.sent == head.sent and cand.type == "hire":
                return self.cues["object"][child.lemma_.lower()]
        if cand.role is None and any(n.startswith("front_office:") for n in cand.notes):
            return "front_office"
        if ":nearest_person" in cand.rule and cand.person not in coaches:
            return "unattached_person"
        if cand.strength == "weak" and cand.role is None and cand.person not in coaches and (
                cand.rule.count(":") > 1 and any(m in cand.rule for m in (":sentence_team", ":home_team", ":paragraph_team"))
                or cand.person in self._players):
            return "weak_trigger"
        return None
