"""spaCy's saving and loading rules: a saved pipeline needs nothing but the folder it was saved to.

The pipeline is built from a copy of models/ in a temporary folder, saved with ``nlp.to_disk``, the copy
deleted, and ``spacy.load`` must then give the same events on corpus/ as the session pipeline (built from
the packaged models/). Components also round-trip through ``to_bytes``/``from_bytes`` with their settings.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import spacy

import pipeline
from pipeline import STAGES, resources

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "articles.jsonl"


def extract_corpus(nlp) -> list[dict]:
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [event.to_record() for event in pipeline.extract(records, nlp)]


@pytest.fixture(scope="module")
def reference(corpus_events) -> list[dict]:
    return corpus_events  # the session pipeline's, built from the packaged models/


def test_a_saved_pipeline_loads_without_its_data_folder(nlp, tmp_path, reference, monkeypatch):
    data_dir = tmp_path / "data"
    shutil.copytree(resources.models_dir(), data_dir, ignore=shutil.ignore_patterns("__*"))
    built = pipeline.load(data_dir=str(data_dir))
    assert built.get_pipe("coaching_entities").data_dir == str(data_dir)
    built.to_disk(tmp_path / "saved")
    del built
    shutil.rmtree(data_dir)

    built_by: list[str] = []
    for cls in {type(nlp.get_pipe(name)) for name in STAGES}:
        original = cls.build

        def counting(self, original=original):
            built_by.append(self.name)
            original(self)
        monkeypatch.setattr(cls, "build", counting)
    loaded = spacy.load(tmp_path / "saved")
    assert sorted(built_by) == sorted(STAGES)  # each component built once, from the saved files
    assert [n for n in loaded.pipe_names if n.startswith("coaching_")][1:] == list(STAGES)
    assert (tmp_path / "saved" / "coaching_relations" / "cfg").exists()
    assert loaded.get_pipe("coaching_relations").cfg["role_window"] == 12
    assert extract_corpus(loaded) == reference


def test_initialize_keeps_the_configured_data_dir(nlp, tmp_path):
    data_dir = tmp_path / "data"
    shutil.copytree(resources.models_dir(), data_dir, ignore=shutil.ignore_patterns("__*"))
    component = nlp.create_pipe("coaching_mentions", config={"data_dir": str(data_dir)})
    assert component.lexicon is None  # __init__ loads nothing
    component.initialize()
    assert component.lexicon.origin == str(data_dir.resolve())
    component.initialize(data_dir=str(tmp_path / "data"))
    assert component.data_dir == str(tmp_path / "data")


@pytest.mark.parametrize("name", STAGES)
def test_a_component_round_trips_through_bytes(nlp, name):
    original = nlp.get_pipe(name)
    config = {**original.cfg, "data_dir": "/nonexistent/folder"}  # from_bytes must not read it
    if name == "coaching_relations":
        config["role_window"] = 9
    copy = nlp.create_pipe(name, config=config)
    copy.from_bytes(original.to_bytes())
    assert copy.data == original.data
    assert copy.cfg == original.cfg  # the saved settings win over the ones it was made with
    if name == "coaching_relations":
        assert copy.role_window == 12
    doc = pipeline.prepare(nlp, "Rovers sacked manager Dominic Hale on Monday.", "2021-11-08", doc_id="b1")
    for step, proc in nlp.pipeline:
        doc = (copy if step == name else proc)(doc)
    assert [(e.type, e.coach, e.team, e.date) for e in doc._.events] == [
        ("departure", "Dominic Hale", "Blackburn Rovers", "2021-11-08")]


def test_plain_nlp_call_gives_dated_events(nlp):
    """No publication date set: relative dates resolve against today (doc._.published is set to it)."""
    doc = nlp("Rovers sacked manager Dominic Hale on Monday.")
    assert doc._.published is not None
    assert [e.date for e in doc._.events] and all(e.date for e in doc._.events)
