"""The rule regression suite: tests/rules/regression.jsonl, one record per line.

Each record is a short article written for this suite with the events it must
yield, in the manner of a news-event coder's validation record::

    {"id", "text", "date", "title"?, "events": [{"type", "coach", "team", "role",
     "interim", "manner", "date"}], "note"}

The pipeline must yield EXACTLY those events (no more, no fewer), compared on
type, coach, team, role (a plain "coach" is a head coach), interim, manner and
date. The suite must pass 100%: a rule change that breaks a record is a
regression. Add a record for every bug fixed.

A record whose rule exists for a mistake of the statistical model states that
mistake as its premise, so that the record keeps testing the rule when a newer
model stops making it::

    "premise": {"ents": [{"text": "Ray Doyle", "label": "ORG"}]}

The runner forces it: after the statistical pipes, each span whose text is
given (every occurrence) becomes an entity with that label, then the coaching
stages run. A premise that names no text of the article fails the record.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from spacy.tokens import Doc

import pipeline

RECORDS_PATH = Path(__file__).with_name("regression.jsonl")
FIELDS = ("type", "coach", "team", "role", "interim", "manner", "date")
MANNERS = {"fired", "resigned", "mutual_consent", "contract_expired", "retired", "moved", "unknown"}
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def load_records() -> list[dict]:
    records = []
    with RECORDS_PATH.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as error:  # pragma: no cover - a broken file fails loudly
                    raise AssertionError(f"{RECORDS_PATH.name}:{number}: not JSON: {error}") from error
    return records


RECORDS = load_records()


def role_key(role: str | None) -> str | None:
    return "head coach" if role == "coach" else role


def as_tuple(event: dict) -> tuple:
    return tuple(role_key(event[f]) if f == "role" else event[f] for f in FIELDS)


# -- the data file itself ---------------------------------------------------------------------

def test_the_suite_is_well_formed():
    assert len(RECORDS) >= 25
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]
    assert any(not r["events"] for r in RECORDS), "the suite needs no-event records"
    for record in RECORDS:
        assert {"id", "text", "date", "events", "note"} <= set(record), record["id"]
        assert record["note"].strip(), record["id"]
        published = dt.date.fromisoformat(record["date"])
        for event in record["events"]:
            assert set(FIELDS) <= set(event), (record["id"], event)
            assert event["type"] in ("hire", "departure"), record["id"]
            if event["type"] == "hire":
                assert event["manner"] is None, record["id"]
            else:
                assert event["manner"] in MANNERS, record["id"]
                assert event["interim"] is False, record["id"]
            assert event["role"] == event["role"].lower(), record["id"]
            assert isinstance(event["interim"], bool), record["id"]
            if event["date"] is not None:
                assert ISO.match(event["date"]), record["id"]
                assert event["date"] <= published.isoformat(), record["id"]
            article = (record.get("title") or "") + "\n" + record["text"]
            assert event["coach"].split()[-1] in article, record["id"]


# -- the pipeline against it ------------------------------------------------------------------

FIRST_STAGE = "coaching_entities"


def force_premise(doc: Doc, premise: dict) -> None:
    """Give every occurrence of each premise text the premise's entity label (other entities that overlap
    it are dropped)."""
    for ent in premise.get("ents", []):
        starts = [m.start() for m in re.finditer(re.escape(ent["text"]), doc.text)]
        assert starts, f"premise text {ent['text']!r} is not in the article"
        spans = [doc.char_span(s, s + len(ent["text"]), label=ent["label"]) for s in starts]
        assert all(spans), f"premise text {ent['text']!r} does not fall on token boundaries"
        kept = [e for e in doc.ents if not any(e.start < s.end and s.start < e.end for s in spans)]
        doc.ents = sorted(kept + spans, key=lambda e: e.start)


def run_record(nlp, record: dict) -> Doc:
    doc = pipeline.prepare(nlp, record["text"], record.get("date"), doc_id=record["id"], title=record.get("title"))
    if "premise" not in record:
        return pipeline.run_pipes(nlp, doc)
    doc = pipeline.run_pipes(nlp, doc, before=FIRST_STAGE)
    force_premise(doc, record["premise"])
    return pipeline.run_pipes(nlp, doc, start=FIRST_STAGE)


def test_a_premise_is_forced_on_the_model(nlp):
    record = next(r for r in RECORDS if r.get("premise", {}).get("ents"))
    doc = pipeline.run_pipes(nlp, pipeline.prepare(nlp, record["text"], record["date"]), before=FIRST_STAGE)
    force_premise(doc, record["premise"])
    for ent in record["premise"]["ents"]:
        assert {e.label_ for e in doc.ents if e.text == ent["text"]} == {ent["label"]}


@pytest.mark.parametrize("record", [pytest.param(r, id=r["id"]) for r in RECORDS])
def test_record_yields_exactly_its_events(nlp, record):
    doc = run_record(nlp, record)
    got = Counter(as_tuple({f: getattr(e, f) for f in FIELDS}) for e in doc._.events)
    want = Counter(as_tuple(e) for e in record["events"])
    missing = sorted((want - got).elements(), key=str)
    extra = sorted((got - want).elements(), key=str)
    assert not missing and not extra, (
        f"{record['id']} ({record['note']})\n  fields: {FIELDS}\n  missing: {missing}\n  unexpected: {extra}"
    )
