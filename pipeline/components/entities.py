"""Stage 1, entities: a sports gazetteer (teams, federations, roles) over the statistical NER.

Writes ``doc.spans["teams"]`` (kb_id_ = canonical team), ``doc.spans["roles"]``
(label_ ROLE or FRONT_OFFICE, kb_id_ = normalized role, id_ = "interim" for
interim titles) and corrects ``doc.ents``: team names become ORG, known
mistakes of the model (tournament groups as people, surnames as ORG) are fixed.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

import srsly
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import resources
from ..extensions import register_extensions
from ..gazetteer import Gazetteer

DATA_FILES = ("teams.jsonl", "federations.jsonl", "leagues.jsonl", "roles.jsonl", "entity_fixes.jsonl")
NAME_LABELS = {"ORG", "GPE", "NORP", "PRODUCT", "FAC", "LOC", "WORK_OF_ART"}


@Language.factory(
    "coaching_entities",
    default_config={"data_dir": None},
    requires=["doc.ents", "token.pos"],
    assigns=["doc.ents", "doc.spans"],
)
def make_entities(nlp: Language, name: str, data_dir: str | None) -> "SportsEntities":
    return SportsEntities(nlp, name, data_dir=data_dir)


def _glued_word(doc: Doc, span: Span) -> bool:
    """A team word that is only the start of a hyphenated word: "Sun" in "Hwang Sun-hong"."""
    end = span.end
    return end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
        and not doc[end].whitespace_ and doc[end + 1].text[:1].islower()


class SportsEntities(Pipe):
    """Gazetteer matching and NER correction."""

    def __init__(self, nlp: Language, name: str = "coaching_entities", *, data_dir: str | None = None) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.initialize(data_dir=data_dir)

    # -- data ------------------------------------------------------------
    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, data_dir: str | None = None) -> None:
        directory = Path(data_dir) if data_dir else None
        self.data = {name: resources.load(name, directory) for name in DATA_FILES}
        self._build()

    def _build(self) -> None:
        self.gazetteer = Gazetteer.from_rows(self.data["teams.jsonl"], self.data["federations.jsonl"],
                                             self.data["leagues.jsonl"])
        self.team_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        forms = sorted(self.gazetteer.forms)
        for form, doc in zip(forms, self.nlp.tokenizer.pipe(forms)):
            self.team_matcher.add(form, [doc])
        # headings in capitals ("CHICAGO BEARS:") name teams too
        upper = [f for f in forms if len(f) > 3 and not f.isupper()]
        for form, doc in zip(upper, self.nlp.tokenizer.pipe([f.upper() for f in upper])):
            self.team_matcher.add(form, [doc])
        self.roles = {row["pattern"].lower(): row for row in self.data["roles.jsonl"]}
        self.role_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        patterns = sorted(self.roles)
        for pattern, doc in zip(patterns, self.nlp.tokenizer.pipe(patterns)):
            self.role_matcher.add(pattern, [doc])
        self.fix_matcher = Matcher(self.nlp.vocab)
        for number, row in enumerate(self.data["entity_fixes.jsonl"]):
            self.fix_matcher.add(f"fix{number}", [row["pattern"]])

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, rows in self.data.items():
            srsly.write_jsonl(path / name, rows)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "SportsEntities":
        self.initialize(data_dir=str(path))
        return self

    # -- processing ------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self._teams(doc)
            self._roles(doc)
            self._fix_ents(doc)
            return doc
        except Exception as error:  # spaCy's component protocol: the handler decides
            error_handler(self.name, self, [doc], error)
            return doc

    def _teams(self, doc: Doc) -> None:
        matches = []
        for match_id, start, end in self.team_matcher(doc):
            form = self.nlp.vocab.strings[match_id]
            matches.append((start, end, form))
        spans = filter_spans([Span(doc, s, e, label=self.gazetteer.kinds.get(f, "TEAM")) for s, e, f in matches])
        forms = {(s, e): f for s, e, f in matches}
        # people's names win over a team word inside them ("Jordan Henderson")
        persons = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
        kept = []
        for span in spans:
            if not any(self._name_holds(p, span) for p in persons) and not _glued_word(doc, span):
                kept.append(span)
        # ambiguous forms ("the Blues") go to the team the article names unambiguously
        unambiguous = Counter()
        for span in kept:
            names = self.gazetteer.forms[forms[(span.start, span.end)]]
            if len(names) == 1:
                unambiguous[next(iter(names))] += 1
        result = []
        for span in kept:
            names = sorted(self.gazetteer.forms[forms[(span.start, span.end)]])
            if len(names) > 1:
                ranked = sorted(names, key=lambda n: -unambiguous[n])
                primary = sorted(self.gazetteer.primary.get(forms[(span.start, span.end)], ()))
                if unambiguous[ranked[0]]:
                    names = ranked[:1]
                elif len(primary) == 1:
                    names = primary
                else:
                    continue
            result.append(Span(doc, span.start, span.end, label=span.label_, kb_id=names[0]))
        doc.spans["teams"] = result

    @staticmethod
    def _name_holds(person: Span, team: Span) -> bool:
        """A person's name holds a one-word team form ("Jordan Henderson"), not a team phrase ("Manchester United's")."""
        if not (person.start <= team.start and team.end <= person.end) or len(team) > 1:
            return False
        rest = [t for t in person if not (team.start <= t.i < team.end)]
        return bool(rest) and all(t.pos_ == "PROPN" and t.tag_ != "POS" for t in rest)

    def _roles(self, doc: Doc) -> None:
        spans = []
        for match_id, start, end in self.role_matcher(doc):
            if end - start == 1 and doc[start].pos_ == "VERB":
                continue
            pattern = self.nlp.vocab.strings[match_id]
            spans.append(Span(doc, start, end, label=pattern))
        out = []
        for span in filter_spans(spans):
            row = self.roles[span.label_]
            label = "ROLE" if row["coaching"] else "FRONT_OFFICE"
            out.append(Span(doc, span.start, span.end, label=label, kb_id=row["role"] or "",
                            span_id="interim" if row["interim"] else ""))
        doc.spans["roles"] = out

    def _fix_ents(self, doc: Doc) -> None:
        drop = {(doc[s:e].start_char, doc[s:e].end_char) for _, s, e in self.fix_matcher(doc)}
        trimmed = []
        for ent in doc.ents:
            start, end = ent.start, ent.end
            while end > start and (doc[end - 1].is_space or doc[end - 1].text.strip() == ""):
                end -= 1
            if end > start:
                trimmed.append(Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_))
        doc.ents = trimmed
        teams = list(doc.spans["teams"])
        team_tokens = {i for span in teams for i in range(span.start, span.end)}
        ents = [e for e in doc.ents if (e.start_char, e.end_char) not in drop]
        # surnames the model took for organisations or places
        surnames = set()
        for ent in ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                surnames.add(ent[-1].text)
                surnames.add(ent.text)
        fixed = []
        for ent in ents:
            if ent.label_ in NAME_LABELS and ent.text in surnames and not any(
                    i in team_tokens for i in range(ent.start, ent.end)):
                ent = Span(doc, ent.start, ent.end, label="PERSON")
            fixed.append(ent)
        team_ents = [Span(doc, t.start, t.end, label="ORG", kb_id=t.kb_id_) for t in teams]
        doc.ents = filter_spans(team_ents + [e for e in fixed
                                            if not any(i in team_tokens for i in range(e.start, e.end))])
