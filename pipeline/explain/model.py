"""What the pipeline saw and decided for one article, sentence by sentence: the data of an explanation.

For every sentence (the title is the first) an :class:`Explanation` holds the
entities (``doc.ents``), the linked mentions (``doc.spans["mentions"]``, each
with its canonical person or team), the candidates relation extraction
proposed with their rule, trigger and fate (kept, or vetoed by modality with
the reason, or dropped for want of a team or a person), and the events whose
evidence is the sentence.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import DROPPED, KEPT, VETOED, Candidate  # the statuses assembly records
from ..schema import Event

__all__ = ["DROPPED", "KEPT", "VETOED", "CandidateView", "EntityView", "Explanation", "MentionView", "SentenceView",
           "explain", "explain_doc"]


@dataclass
class EntityView:
    text: str
    label: str
    start: int  # character offsets in the Doc's text (title, blank line, body)
    end: int
    kb_id: str = ""


@dataclass
class MentionView:
    text: str
    label: str  # PERSON | TEAM
    canonical: str
    start: int
    end: int


@dataclass
class CandidateView:
    """A proposed transition and what became of it."""

    type: str
    person: str
    team: str | None
    role: str | None
    interim: bool
    manner: str | None
    date: str | None
    date_text: str | None
    rule: str
    strength: str
    trigger: str
    trigger_start: int
    trigger_end: int
    status: str  # kept | vetoed | dropped
    reason: str | None  # the veto (rumour, negation, front_office, ...) or why it was dropped
    confidence: float
    notes: list[str] = field(default_factory=list)

    @property
    def outcome(self) -> str:
        return f"{self.status} ({self.reason})" if self.reason else self.status


@dataclass
class SentenceView:
    index: int
    start: int
    end: int
    text: str
    field: str  # "title" or "text"
    entities: list[EntityView] = field(default_factory=list)
    mentions: list[MentionView] = field(default_factory=list)
    candidates: list[CandidateView] = field(default_factory=list)
    events: list[int] = field(default_factory=list)  # indices into Explanation.events

    @property
    def eventful(self) -> bool:
        return bool(self.entities or self.mentions or self.candidates or self.events)


@dataclass
class Explanation:
    doc_id: str | None
    title: str | None
    date: str | None
    text: str  # the Doc's text: the title, a blank line, the body
    body_offset: int
    sentences: list[SentenceView]
    events: list[Event]
    event_spans: list[tuple[int, int]]  # each event's evidence sentence in ``text``
    event_sentences: list[int]  # each event's sentence index
    people: list[str]
    teams: list[str]
    home_team: str | None
    doc: Doc | None = field(default=None, repr=False, compare=False)

    @property
    def candidates(self) -> list[CandidateView]:
        return [c for s in self.sentences for c in s.candidates]

    @property
    def vetoed(self) -> list[CandidateView]:
        return [c for c in self.candidates if c.status == VETOED]

    def veto_counts(self) -> Counter:
        return Counter(c.reason for c in self.vetoed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id, "title": self.title, "date": self.date, "home_team": self.home_team,
            "people": self.people, "teams": self.teams,
            "sentences": [{**asdict(s), "field": s.field} for s in self.sentences],
            "events": [{**e.to_record(), "sentence": i} for e, i in zip(self.events, self.event_sentences)],
        }


# -- building -------------------------------------------------------------------------------
def explain(nlp: Language, text: str, date: str | None = None, title: str | None = None, *,
            doc_id: str | None = None) -> Explanation:
    """Run the pipeline on one article and collect what it saw and decided."""
    from .. import make_doc

    return explain_doc(make_doc(nlp, text, date, doc_id=doc_id, title=title))


def _candidate_view(doc: Doc, cand: Candidate) -> CandidateView:
    """The candidate as assembly left it (its ``status`` and ``drop_reason``)."""
    return CandidateView(
        type=cand.type, person=cand.person, team=cand.team, role=cand.role, interim=cand.interim,
        manner=cand.manner, date=cand.date, date_text=cand.date_text, rule=cand.rule, strength=cand.strength,
        trigger=doc.text[cand.trigger[0]:cand.trigger[1]], trigger_start=cand.trigger[0],
        trigger_end=cand.trigger[1], status=cand.status or "not assembled", reason=cand.drop_reason,
        confidence=cand.confidence, notes=cand.flags,
    )


def _evidence_span(doc: Doc, event: Event) -> tuple[int, int]:
    """The event's evidence sentence as offsets in ``doc.text``, without surrounding blanks."""
    offset = 0 if event.evidence.field == "title" else (doc._.body_offset or 0)
    start, end = event.evidence.start + offset, event.evidence.end + offset
    start, end = max(0, min(start, len(doc.text))), max(0, min(end, len(doc.text)))
    raw = doc.text[start:end]
    start += len(raw) - len(raw.lstrip())
    end = start + len(raw.strip())
    return start, end


def explain_doc(doc: Doc) -> Explanation:
    """The explanation of a Doc the whole pipeline has run on."""
    body_offset = doc._.body_offset or 0
    sentences = []
    for index, sent in enumerate(doc.sents):
        sentences.append(SentenceView(index=index, start=sent.start_char, end=sent.end_char,
                                      text=sent.text.strip(),
                                      field="title" if sent.start_char < body_offset else "text"))
    starts = [s.start for s in sentences]

    def sentence_of(char: int) -> int:
        return max(0, bisect.bisect_right(starts, char) - 1)

    for ent in doc.ents:
        sentences[sentence_of(ent.start_char)].entities.append(
            EntityView(ent.text, ent.label_, ent.start_char, ent.end_char, ent.kb_id_))
    for span in doc.spans.get("mentions", []):
        sentences[sentence_of(span.start_char)].mentions.append(
            MentionView(span.text, span.label_, span.kb_id_, span.start_char, span.end_char))
    events = list(doc._.events or [])
    for cand in doc._.candidates or []:
        sentences[sentence_of(cand.sentence[0])].candidates.append(_candidate_view(doc, cand))
    spans, owners = [], []
    for number, event in enumerate(events):
        span = _evidence_span(doc, event)
        spans.append(span)
        owner = sentence_of(span[0])
        owners.append(owner)
        sentences[owner].events.append(number)
    title = doc.text[:body_offset].strip() if body_offset else None
    return Explanation(
        doc_id=doc._.doc_id, title=title or None, date=doc._.published, text=doc.text, body_offset=body_offset,
        sentences=sentences, events=events, event_spans=spans, event_sentences=owners,
        people=list(doc._.people or []), teams=list(doc._.teams or []), home_team=doc._.home_team, doc=doc,
    )
