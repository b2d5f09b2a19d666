"""Worker processes started with ``spawn`` (the default on macOS and Windows) get a pickled pipeline and
nothing else: unpickling it must register every ``doc._`` attribute the components use.

This module imports neither spaCy's pipeline nor ours at the top, so the spawned child starts bare.
"""
from __future__ import annotations

import multiprocessing
import pickle

NAMES = ("doc_id", "published", "body_offset", "people", "teams", "home_team", "links", "candidates", "events")


def _run_in_child(payload: bytes) -> tuple[list[str], list[tuple[str, str]]]:
    """In the spawned child: which attributes exist after unpickling the pipeline, and what it extracts."""
    from spacy.tokens import Doc

    nlp = pickle.loads(payload)
    missing = [name for name in NAMES if not Doc.has_extension(name)]
    doc = nlp.make_doc("Burnley sacked manager Dean Whitlock on Monday.")
    doc._.published = "2021-11-09"
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return missing, [(e.type, e.coach) for e in doc._.events]


def test_a_spawned_worker_has_every_extension_and_extracts(nlp):
    payload = pickle.dumps(nlp)
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        missing, events = pool.apply(_run_in_child, (payload,))
    assert missing == []
    assert events == [("departure", "Dean Whitlock")]
