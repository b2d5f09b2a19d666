"""pipeline.train_confidence: labelling predicted events, fitting the model, the command line.

The articles are invented for this test.
"""
from __future__ import annotations

import json

import pytest

from pipeline.confidence import ConfidenceModel, load_model
from pipeline.train_confidence import Sample, collect, fit, judged, main, source_of

GOLD = [
    {"id": "t1", "date": "2022-03-14", "title": "Harbour Town sack Holt",
     "text": "Harbour Town sacked manager Dana Holt on Sunday after eleven games without a win.",
     "events": [{"type": "departure", "coach": "Dana Holt", "team": "Harbour Town", "role": "manager",
                 "interim": False, "manner": "fired", "date": "2022-03-13"}]},
    {"id": "t2", "date": "2022-03-14",
     "text": "Harbour Town sacked manager Dana Holt on Sunday after eleven games without a win.",
     "events": []},
]


def test_collect_labels_each_event(nlp):
    samples = collect(nlp, GOLD)
    by_doc = {s.doc_id: s for s in samples}
    assert by_doc["t1"].right is True
    assert by_doc["t2"].right is False  # the same text, but its gold says nothing happened
    assert "hand" in by_doc["t1"].features
    assert nlp.get_pipe("coaching_assembly").model is not None  # put back after collecting


@pytest.mark.parametrize(("doc_id", "source"), [("m2-007", "m2-"), ("c031", "c"), ("d12", "d"), ("x", "x")])
def test_source_of(doc_id, source):
    assert source_of(doc_id) == source


def synthetic(n: int = 60) -> list[Sample]:
    """Events whose rightness follows one feature: the model must learn its sign."""
    out = []
    for i in range(n):
        good = i % 3 != 0
        out.append(Sample(doc_id=f"{'ab'[i % 2]}{i}", features={"signal": 1.0 if good else 0.0, "noise": (i % 5) / 5},
                          right=good if i % 10 else not good, hand=0.75))
    return out


def test_fit_learns_the_sign_of_a_feature():
    model = fit(synthetic())
    assert isinstance(model, ConfidenceModel)
    assert model.weights["signal"] > 0
    assert model({"signal": 1.0}) > model({"signal": 0.0})
    assert model.info["events"] == 60 and set(model.info["rescaled"]) == {"slope", "offset", "folds"}


def test_fit_needs_both_kinds():
    with pytest.raises(SystemExit, match="both right and wrong"):
        fit([Sample("a1", {"x": 1.0}, True, 0.9), Sample("b2", {"x": 0.0}, True, 0.9)])


def test_judged_uses_the_model_or_the_hand_value():
    samples = synthetic(6)
    model = ConfidenceModel(weights={"signal": 10.0}, intercept=-5.0, info={})
    assert [c for c, _r in judged(samples, None)] == [0.75] * 6
    assert {c for c, _r in judged(samples, model)} == {model({"signal": 1.0}), model({"signal": 0.0})}


def test_command_writes_a_model(nlp, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("pipeline.train_confidence.load", lambda: nlp)
    more = [dict(GOLD[0], id=f"t1-{i}") for i in range(5)] + [dict(GOLD[1], id=f"t2-{i}") for i in range(5)]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(d) + "\n" for d in GOLD + more), encoding="utf-8")
    assert main([str(gold), "-o", str(tmp_path / "confidence.json")]) == 0
    model = load_model(tmp_path)
    assert model is not None and model.info["trained_on"] == "gold.jsonl"
    assert "fitted on them" in capsys.readouterr().err
