"""The numbers of an evaluation: counts per event type, attribute scores, the error list, the report."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from .rules import EVENT_TYPES

DIGITS = 4  # rounding of the reported ratios, as the reference scorer does

MISSED = "missed"
SPURIOUS = "spurious"
WRONG = "wrong"  # kind of an error on one attribute; ErrorItem.field names it


def _show(value: Any) -> str:
    """A name on one line (extracted names may hold line breaks)."""
    return " ".join(str(value).split()) if value is not None else "-"


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Counts:
    """Gold, predicted and matched events of one slice (all events, or one type)."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    strict_matched: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)

    @property
    def strict_precision(self) -> float:
        return _ratio(self.strict_matched, self.predicted)

    @property
    def strict_recall(self) -> float:
        return _ratio(self.strict_matched, self.gold)

    @property
    def strict_f1(self) -> float:
        return _f1(self.strict_precision, self.strict_recall)

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            "strict_matched": self.strict_matched,
            "precision": round(self.precision, DIGITS), "recall": round(self.recall, DIGITS),
            "f1": round(self.f1, DIGITS),
            "strict_precision": round(self.strict_precision, DIGITS),
            "strict_recall": round(self.strict_recall, DIGITS), "strict_f1": round(self.strict_f1, DIGITS),
        }


@dataclass
class AttributeScore:
    """How often one attribute was right over the matched events that are asked for it."""

    right: int = 0
    asked: int = 0

    @property
    def accuracy(self) -> float:
        return _ratio(self.right, self.asked)

    def to_dict(self) -> dict[str, Any]:
        return {"right": self.right, "asked": self.asked, "accuracy": round(self.accuracy, DIGITS)}


@dataclass
class ErrorItem:
    """One error: a missed gold event, a spurious prediction, or a wrong attribute of a match.

    ``gold`` and ``predicted`` are the event records involved (one of them is None
    for a miss or a spurious event); ``evidence`` is the predicted event's
    evidence sentence; ``context`` for a miss is the first sentence of the
    article that names the coach (a hint where to look, not gold evidence).
    """

    kind: str  # "missed" | "spurious" | "wrong"
    doc_id: str
    type: str | None
    coach: str | None
    team: str | None
    field: str | None = None  # the attribute, for kind "wrong"
    expected: Any = None  # the gold value(s) of that attribute
    got: Any = None  # the predicted value
    evidence: str | None = None
    context: str | None = None
    gold: dict[str, Any] | None = None
    predicted: dict[str, Any] | None = None
    unknown_article: bool = False  # a prediction for an article the gold file does not hold
    hint: str | None = None  # for a spurious event: the missed gold event it nearly matched

    @property
    def label(self) -> str:
        """The reference scorer's name of the error: missed, spurious, or "wrong <field>"."""
        return f"{self.kind} {self.field}" if self.kind == WRONG else self.kind

    def describe(self) -> str:
        """One line for a person."""
        who = f"{self.type} {_show(self.coach)} / {_show(self.team)}"
        if self.kind == WRONG:
            text = f"{who}: {self.field} {json.dumps(self.got, ensure_ascii=False)}, " \
                   f"gold {json.dumps(self.expected, ensure_ascii=False)}"
        elif self.unknown_article:
            text = f"{who} (article not in the gold file)"
        else:
            text = who
        if self.hint:
            text += f" ({self.hint})"
        return text

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {"kind": self.kind, "label": self.label, "doc_id": self.doc_id,
                                  "type": self.type, "coach": self.coach, "team": self.team}
        if self.kind == WRONG:
            record.update(field=self.field, expected=self.expected, got=self.got)
        if self.evidence is not None:
            record["evidence"] = self.evidence
        if self.context is not None:
            record["context"] = self.context
        if self.unknown_article:
            record["unknown_article"] = True
        if self.hint is not None:
            record["hint"] = self.hint
        record["gold"] = self.gold
        record["predicted"] = self.predicted
        return record


@dataclass
class Report:
    """The evaluation of predictions against gold articles."""

    articles: int = 0
    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in EVENT_TYPES})
    attributes: dict[str, AttributeScore] = field(default_factory=dict)
    attributes_by_type: dict[str, dict[str, AttributeScore]] = field(
        default_factory=lambda: {t: {} for t in EVENT_TYPES})
    errors: list[ErrorItem] = field(default_factory=list)
    unknown_article_predictions: int = 0  # predictions for articles the gold file does not hold
    excluded: int = 0  # predictions left out of scoring (front-office or non-coaching role)

    # the headline numbers, under the reference scorer's names
    @property
    def gold(self) -> int:
        return self.overall.gold

    @property
    def predicted(self) -> int:
        return self.overall.predicted

    @property
    def matched(self) -> int:
        return self.overall.matched

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1

    @property
    def strict_f1(self) -> float:
        return self.overall.strict_f1

    def attribute_accuracy(self) -> dict[str, float]:
        return {name: round(score.accuracy, DIGITS) for name, score in self.attributes.items() if score.asked}

    def errors_of(self, kind: str) -> list[ErrorItem]:
        return [e for e in self.errors if e.kind == kind]

    def to_dict(self, *, errors: bool = False) -> dict[str, Any]:
        """JSON-ready: the reference scorer's keys and values, then the breakdowns (and the errors)."""
        overall = self.overall.to_dict()
        result: dict[str, Any] = {
            "articles": self.articles, "gold": self.gold, "predicted": self.predicted, "matched": self.matched,
            **{k: overall[k] for k in ("precision", "recall", "f1",
                                       "strict_precision", "strict_recall", "strict_f1")},
            "attribute_accuracy": self.attribute_accuracy(),
            "predictions_for_unknown_articles": self.unknown_article_predictions,
            "excluded_non_coaching": self.excluded,
            "strict_matched": self.overall.strict_matched,
            "by_type": {
                name: {**counts.to_dict(),
                       "attributes": {k: v.to_dict() for k, v in self.attributes_by_type[name].items()}}
                for name, counts in self.by_type.items()
            },
            "attributes": {name: score.to_dict() for name, score in self.attributes.items()},
            "error_counts": self.error_counts(),
        }
        if errors:
            result["errors"] = [e.to_dict() for e in self.errors]
        return result

    def error_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for error in self.errors:
            counts[error.label] = counts.get(error.label, 0) + 1
        return counts
