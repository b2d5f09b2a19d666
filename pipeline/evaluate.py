"""Scoring extracted events against gold articles, as ``../shared/spec/EVENTS.md`` says.

    report = evaluate(gold_docs, preds)
    report.f1, report.by_type["hire"].recall, report.attributes["date"].accuracy
    report.to_dict()            # the reference scorer's numbers, plus the breakdowns
    report.to_dict(errors=True) # ... and every error

The rules are those of the reference scorer (``shared/eval/score.py``), which a
test keeps this module in agreement with:

- predicted events whose role is a front-office post, or names no coaching
  post, are left out; an event with no role is scored;
- a predicted event matches a gold event of the same article when the type is
  equal and coach and team equal the gold value or one of its aliases, after
  :func:`fold` (case, accents, punctuation, a leading "the"); gold events are
  taken in order, each matches the first pending prediction, at most once;
- attribute accuracy over matched events: ``role`` (a plain "coach" is a head
  coach), ``interim``, ``manner`` (departures only), ``date`` (equal to a gold
  value, or more precise and starting with it); gold values may be lists;
- strict: a match whose evaluated attributes are all right;
- predictions for articles the gold file does not hold count as predicted.

Beyond the reference: scores per event type, right/asked counts per
attribute, and an error list (missed, spurious, wrong attribute) that carries
the evidence sentence of the predicted event.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .folding import fold
from .jsonl import JsonlError, read_objects

FIELDS = ("role", "interim", "manner", "date")
EVENT_TYPES = ("hire", "departure")
COACHING_HINTS = ("coach", "manager", "coordinator", "caretaker", "trainer", "boss", "skipper")
FRONT_OFFICE_HINTS = ("general manager", "director", "president", "executive", "owner", "chairman", "ceo")
DIGITS = 4  # rounding of the reported ratios, as the reference scorer does

MISSED = "missed"
SPURIOUS = "spurious"
WRONG = "wrong"  # kind of an error on one attribute; ErrorItem.field names it

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


# -- the rules of EVENTS.md -------------------------------------------------------------
# names are compared folded (pipeline/folding.py: the scorer's rule)


def role_key(role: Any) -> str:
    """The role as compared: folded, and a plain "coach" of a team is its head coach."""
    folded = fold(role)
    return "head coach" if folded == "coach" else folded


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def is_coaching(event: Mapping[str, Any]) -> bool:
    """False for a front-office role or a role that names no coaching post; True with no role."""
    role = fold(event.get("role"))
    if any(hint in role for hint in FRONT_OFFICE_HINTS):
        return False
    return not role or any(hint in role for hint in COACHING_HINTS)


def matches(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Same type, and coach and team equal to the gold value or an alias (folded)."""
    if pred.get("type") != gold["type"]:
        return False
    coaches = {fold(n) for n in [gold["coach"], *gold.get("coach_aliases", [])]}
    teams = {fold(n) for n in [gold["team"], *gold.get("team_aliases", [])]}
    return fold(pred.get("coach")) in coaches and fold(pred.get("team")) in teams


def field_right(name: str, pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Whether the predicted value of one attribute is one the gold event accepts."""
    want = as_list(gold.get(name))
    got = pred.get(name)
    if name == "role":
        return role_key(got) in {role_key(w) for w in want}
    if name == "interim":
        return bool(got) in {bool(w) for w in want}
    if name == "date":
        for w in want:
            if w is None and got is None:
                return True
            if w is not None and isinstance(got, str) and got.startswith(str(w)):
                return True
        return False
    return got in want


def evaluated_fields(gold: Mapping[str, Any]) -> tuple[str, ...]:
    """The attributes scored on a match: ``manner`` for departures only."""
    return tuple(n for n in FIELDS if n != "manner" or gold["type"] == "departure")


# -- the report ---------------------------------------------------------------------------
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


# -- scoring -----------------------------------------------------------------------------
def _record(pred: Any) -> dict[str, Any]:
    """A prediction as a plain record (an Event is turned into its record)."""
    if isinstance(pred, Mapping):
        return dict(pred)
    to_record = getattr(pred, "to_record", None)
    if to_record is None:
        raise TypeError(f"a prediction must be a mapping or an Event, not {type(pred).__name__}")
    return to_record()


def evidence_sentence(pred: Mapping[str, Any]) -> str | None:
    evidence = pred.get("evidence")
    if isinstance(evidence, Mapping):
        sentence = evidence.get("sentence")
        return str(sentence) if sentence is not None else None
    if isinstance(evidence, str):
        return evidence
    return None


def sentences(text: str) -> list[str]:
    """A rough split of an article into sentences (lines, then ., ! or ? followed by a space)."""
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def context_sentence(doc: Mapping[str, Any], gold: Mapping[str, Any]) -> str | None:
    """The first sentence of the article (title first) that names the gold coach, by surname."""
    names = [gold.get("coach"), *gold.get("coach_aliases", [])]
    keys = {fold(n).split()[-1] for n in names if fold(n)}
    if not keys:
        return None
    for sentence in sentences(f"{doc.get('title') or ''}\n{doc.get('text') or ''}"):
        if keys & set(fold(sentence).split()):
            return sentence
    return None


def _show(value: Any) -> str:
    """A name on one line (extracted names may hold line breaks)."""
    return " ".join(str(value).split()) if value is not None else "-"


def near_miss(pred: Mapping[str, Any], missed: Iterable[Mapping[str, Any]]) -> str | None:
    """How a spurious prediction differs from a missed gold event of the same type and coach or team."""
    for gold in missed:
        if pred.get("type") != gold["type"]:
            continue
        coaches = {fold(n) for n in [gold["coach"], *gold.get("coach_aliases", [])]}
        teams = {fold(n) for n in [gold["team"], *gold.get("team_aliases", [])]}
        if fold(pred.get("coach")) in coaches:
            return f"gold has team {_show(gold['team'])} for this coach"
        if fold(pred.get("team")) in teams:
            return f"gold has coach {_show(gold['coach'])} for this team"
    return None


def _add(scores: dict[str, AttributeScore], name: str, right: bool) -> None:
    score = scores.setdefault(name, AttributeScore())
    score.asked += 1
    score.right += right


def evaluate(gold_docs: Iterable[Mapping[str, Any]], preds: Iterable[Any]) -> Report:
    """Score predicted events (records with ``doc_id``, or Events) against gold articles."""
    gold_docs = list(gold_docs)
    report = Report(articles=len(gold_docs))
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for pred in map(_record, preds):
        if is_coaching(pred):
            by_doc.setdefault(str(pred.get("doc_id")), []).append(pred)
        else:
            report.excluded += 1
    known = {str(d["id"]) for d in gold_docs}

    def count_predicted(pred: Mapping[str, Any]) -> None:
        report.overall.predicted += 1
        if pred.get("type") in report.by_type:
            report.by_type[pred["type"]].predicted += 1

    for doc in gold_docs:
        doc_id = str(doc["id"])
        golds = doc.get("events", [])
        pending = list(by_doc.get(doc_id, []))
        missed: list[Mapping[str, Any]] = []
        for pred in pending:
            count_predicted(pred)
        for gold in golds:
            counts = report.by_type.setdefault(gold["type"], Counts())
            report.overall.gold += 1
            counts.gold += 1
            hit = next((p for p in pending if matches(p, gold)), None)
            if hit is None:
                missed.append(gold)
                report.errors.append(ErrorItem(MISSED, doc_id, gold["type"], gold.get("coach"), gold.get("team"),
                                               context=context_sentence(doc, gold), gold=dict(gold)))
                continue
            pending.remove(hit)
            report.overall.matched += 1
            counts.matched += 1
            all_right = True
            for name in evaluated_fields(gold):
                right = field_right(name, hit, gold)
                _add(report.attributes, name, right)
                _add(report.attributes_by_type.setdefault(gold["type"], {}), name, right)
                if not right:
                    all_right = False
                    report.errors.append(ErrorItem(
                        WRONG, doc_id, gold["type"], gold.get("coach"), gold.get("team"), field=name,
                        expected=gold.get(name), got=hit.get(name), evidence=evidence_sentence(hit),
                        gold=dict(gold), predicted=hit))
            report.overall.strict_matched += all_right
            counts.strict_matched += all_right
        report.errors.extend(
            ErrorItem(SPURIOUS, doc_id, p.get("type"), p.get("coach"), p.get("team"),
                      evidence=evidence_sentence(p), predicted=p, hint=near_miss(p, missed))
            for p in pending)
    for doc_id, preds_of_doc in by_doc.items():
        if doc_id in known:
            continue
        for pred in preds_of_doc:
            count_predicted(pred)
            report.unknown_article_predictions += 1
            report.errors.append(ErrorItem(SPURIOUS, doc_id, pred.get("type"), pred.get("coach"), pred.get("team"),
                                           evidence=evidence_sentence(pred), predicted=pred,
                                           unknown_article=True))
    return report


# -- files ---------------------------------------------------------------------------------
class DataFileError(JsonlError):
    """A gold or predictions file that cannot be read, with the place and the reason."""


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON Lines file (blank lines skipped); DataFileError on a bad line."""
    return read_objects(path, error=DataFileError)


def check_gold(gold_docs: Iterable[Mapping[str, Any]], source: str = "gold") -> None:
    """DataFileError when an article has no id or an event lacks type, coach or team."""
    for number, doc in enumerate(gold_docs, 1):
        if "id" not in doc:
            raise DataFileError(f"{source}: article {number} has no id")
        events = doc.get("events", [])
        if not isinstance(events, list):
            raise DataFileError(f"{source}: article {doc['id']}: events is not a list")
        for event in events:
            missing = [k for k in ("type", "coach", "team") if not isinstance(event, Mapping) or k not in event]
            if missing:
                raise DataFileError(f"{source}: article {doc['id']}: an event lacks {', '.join(missing)}")


# -- a readable table ----------------------------------------------------------------------
def render(report: Report, console: Any, *, errors: bool = False) -> None:
    """The report as rich tables on ``console`` (and the errors, one a line, with ``errors``)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    console.print(f"articles {report.articles}  gold events {report.gold}  predicted {report.predicted}  "
                  f"matched {report.matched}"
                  + (f"  (left out, not coaching: {report.excluded})" if report.excluded else ""),
                  highlight=False, markup=False)
    table = Table(title="Events", title_justify="left", box=box.SIMPLE_HEAD, caption="sP sR sF1: strict",
                  caption_justify="left", show_edge=False, pad_edge=False)
    table.add_column("slice", no_wrap=True, min_width=9)
    for name in ("gold", "pred", "match", "P", "R", "F1", "sP", "sR", "sF1"):
        table.add_column(name, justify="right", no_wrap=True)
    rows = [("all", report.overall)] + [(name, counts) for name, counts in report.by_type.items()]
    for name, c in rows:
        table.add_row(name, str(c.gold), str(c.predicted), str(c.matched),
                      *(f"{v:.3f}" for v in (c.precision, c.recall, c.f1,
                                              c.strict_precision, c.strict_recall, c.strict_f1)))
    console.print(table)
    attributes = Table(title="Attribute accuracy over matched events", title_justify="left", box=box.SIMPLE_HEAD)
    attributes.add_column("attribute")
    attributes.add_column("all", justify="right")
    for name in report.by_type:
        attributes.add_column(name, justify="right")

    def cell(score: AttributeScore | None) -> str:
        return f"{score.accuracy:.3f} ({score.right}/{score.asked})" if score and score.asked else "-"

    for name in FIELDS:
        if name in report.attributes:
            attributes.add_row(name, cell(report.attributes[name]),
                               *(cell(report.attributes_by_type.get(t, {}).get(name)) for t in report.by_type))
    console.print(attributes)
    if report.unknown_article_predictions:
        console.print(f"predictions for articles not in the gold file: {report.unknown_article_predictions}",
                      highlight=False, markup=False)
    if not errors:
        return
    console.print()
    console.print(f"Errors ({len(report.errors)})", style="bold")
    styles = {MISSED: "yellow", SPURIOUS: "red", WRONG: "magenta"}
    for error in report.errors:
        line = Text()
        line.append(f"{error.label:>15}", style=styles.get(error.kind, ""))
        line.append(f"  {error.doc_id}  {error.describe()}")
        console.print(line, soft_wrap=True)  # one line an error, whatever the width: grep-able
        if error.evidence:
            console.print(Text(f"{'':>17}evidence: {error.evidence}", style="dim"), soft_wrap=True)
        elif error.context:
            console.print(Text(f"{'':>17}context: {error.context}", style="dim"), soft_wrap=True)
