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
from .files import DataFileError, check_gold, read_jsonl
from .report import DIGITS, MISSED, SPURIOUS, WRONG, AttributeScore, Counts, ErrorItem, Report
from .rules import (COACHING_HINTS, EVENT_TYPES, FIELDS, FRONT_OFFICE_HINTS, as_list, evaluated_fields, field_right,
                    fold, is_coaching, matches, role_key)
from .scoring import context_sentence, evaluate, evidence_sentence, near_miss, sentences
from .terminal import render

__all__ = ["DIGITS", "MISSED", "SPURIOUS", "WRONG", "AttributeScore", "Counts", "ErrorItem", "Report",
           "COACHING_HINTS", "EVENT_TYPES", "FIELDS", "FRONT_OFFICE_HINTS", "as_list", "evaluated_fields",
           "field_right", "fold", "is_coaching", "matches", "role_key", "context_sentence", "evaluate",
           "evidence_sentence", "near_miss", "sentences", "render", "DataFileError", "check_gold", "read_jsonl"]
