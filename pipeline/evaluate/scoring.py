"""Scoring predictions against gold articles: ``evaluate`` and the context it gives each error."""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .report import MISSED, SPURIOUS, WRONG, AttributeScore, Counts, ErrorItem, Report, _show
from .rules import evaluated_fields, field_right, fold, is_coaching, matches

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


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
