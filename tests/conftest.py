"""Fixtures shared by the test suite.

``nlp`` is the real pipeline, loaded once per session: never load a model in
a test. Tests that change it (``max_length``) do so with ``monkeypatch``.
"""
from __future__ import annotations

import multiprocessing
import os
import re
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import pipeline
from pipeline.schema import Event, Evidence

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return pipeline.load()


@pytest.fixture(scope="session")
def corpus_events(nlp) -> list[dict]:
    """The records the session pipeline extracts from corpus/articles.jsonl (computed once)."""
    import json
    path = Path(__file__).resolve().parents[1] / "corpus" / "articles.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    inputs = [{k: v for k, v in r.items() if k in ("id", "text", "date", "title")} for r in records]
    return [event.to_record() for event in pipeline.extract(inputs, nlp)]


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared folder (spec, dev data, scorer), beside the repository."""
    if not SHARED.is_dir():
        pytest.skip(f"shared folder not found at {SHARED}")
    return SHARED


# A stand-in pipeline for the batch machinery (pieces, offsets, failures): blank
# English and one component that finds "<Team> sacked <First Last>", fails on any
# text containing "EXPLODE" and kills a worker process on "DIE_IN_WORKER". Its
# events point exactly at the matched words, in the title or in the text, as the
# real assembly does (Evidence.field).
FAKE_EVENT = re.compile(r"(?P<team>[A-Z][a-z]+(?: [A-Z][a-z]+)*) sacked (?P<coach>[A-Z][a-z]+ [A-Z][a-z]+)")


class FakeFailure(RuntimeError):
    pass


@Language.component("coaching_events_test_fake")
def _fake_events(doc: Doc) -> Doc:
    if "EXPLODE" in doc.text:
        raise FakeFailure("the fake component blew up")
    if "DIE_IN_WORKER" in doc.text and multiprocessing.parent_process() is not None:
        os._exit(3)  # a worker process that dies hard
    doc._.events = [
        Event(doc_id=doc._.doc_id, type="departure", coach=m["coach"], team=m["team"],
              role="manager", interim=False, manner="fired", date=doc._.published,
              evidence=_fake_evidence(doc, m), rule="fake", confidence=1.0)
        for m in FAKE_EVENT.finditer(doc.text)
    ]
    return doc


def _fake_evidence(doc: Doc, match: re.Match) -> Evidence:
    body = doc._.body_offset
    if match.start() < body:
        return Evidence(sentence=match.group(0), start=match.start(), end=match.end(),
                        trigger="sacked", field="title")
    return Evidence(sentence=match.group(0), start=match.start() - body, end=match.end() - body,
                    trigger="sacked", field="text")


@pytest.fixture(scope="session")
def fake_nlp() -> Language:
    fake = spacy.blank("en")
    fake.add_pipe("coaching_events_test_fake")
    return fake
