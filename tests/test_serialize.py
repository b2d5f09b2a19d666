"""Candidates and events survive spaCy's own serialisation: ``Doc.to_bytes``, ``DocBin`` and the worker
processes of ``nlp.pipe(n_process=2)`` (all msgpack, through the codecs of ``pipeline.serialize``)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, DocBin

import pipeline
from pipeline.candidates import Candidate
from pipeline.schema import Event

# invented articles, in our own words
ARTICLES = [
    ("s1", "2022-03-14", "Harlow Town dismiss Ivo Brandt",
     "Harlow Town have dismissed manager Ivo Brandt after a run of six defeats. The club said on Monday that "
     "assistant Kemal Ostrova would take charge as caretaker."),
    ("s2", "2021-06-02", None,
     "The Riverton Hawks hired Dana Kowalczyk as their head coach on Tuesday, replacing Lyle Brandtner, who "
     "resigned in April."),
    ("s3", "2023-01-09", "Quiet week",
     "No coaching news this week: the league office confirmed the schedule for the spring."),
]


def _prepared(nlp):
    return [pipeline.prepare(nlp, text, date, doc_id=doc_id, title=title) for doc_id, date, title, text in ARTICLES]


@pytest.fixture(scope="module")
def processed(nlp) -> list[Doc]:
    return list(nlp.pipe(_prepared(nlp)))


def test_the_articles_give_events_and_vetoed_or_derived_candidates(processed):
    assert [len(d._.events) for d in processed][:2] != [0, 0]
    assert any(c.derived for d in processed for c in d._.candidates)  # a companion ("replaced") is typed too


def test_candidate_and_event_round_trip_through_dicts(processed):
    for doc in processed:
        for cand in doc._.candidates:
            assert Candidate.from_dict(cand.to_dict()) == cand
        for event in doc._.events:
            assert Event.from_dict(event.to_dict()) == event


def test_doc_to_bytes_keeps_candidates_and_events(nlp, processed):
    for doc in processed:
        back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        assert list(back._.events) == doc._.events
        assert list(back._.candidates) == doc._.candidates
        assert [c.rule for c in back._.candidates] == [c.rule for c in doc._.candidates]


def test_docbin_with_user_data_keeps_events(nlp, processed):
    data = DocBin(docs=processed, store_user_data=True).to_bytes()
    back = list(DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab))
    assert [list(d._.events) for d in back] == [d._.events for d in processed]
    assert [d._.doc_id for d in back] == [d._.doc_id for d in processed]


def test_pipe_with_two_processes_gives_the_same_events(nlp, processed):
    two = list(nlp.pipe(_prepared(nlp), n_process=2, batch_size=1))
    assert [list(d._.events) for d in two] == [d._.events for d in processed]
    assert [d._.published for d in two] == [date for _id, date, _title, _text in ARTICLES]
