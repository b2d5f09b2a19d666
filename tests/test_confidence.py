"""pipeline.confidence: event features, the logistic model file, and the packaged model in assembly.

Every sentence here was written for this test.
"""
from __future__ import annotations

import json
import math

import pytest

import pipeline
from pipeline.candidates import Candidate
from pipeline.components.assembly import FEATURES_KEY
from pipeline.confidence import ConfidenceModel, hand_confidence, load_model

PUBLISHED = "2022-03-14"


def candidate(strength: str = "strong", **provenance) -> Candidate:
    return Candidate(type="departure", manner="fired", person="Dana Holt", team="Rovers", role="manager",
                     interim=False, trigger=(0, 5), sentence=(0, 40), strength=strength, **provenance)


@pytest.mark.parametrize(
    ("provenance", "strength", "expected"),
    [
        pytest.param(dict(voice="transitive", pattern="sack", passive=False), "strong", 0.9, id="strong"),
        pytest.param(dict(voice="intransitive", pattern="leave"), "weak", 0.75, id="weak"),
        pytest.param(dict(voice="transitive", pattern="sack", passive=False, team_from="home_team"), "strong", 0.75,
                     id="home-team-fallback"),
        pytest.param(dict(voice="transitive", pattern="sack", passive=False, team_from="home_team",
                          nearest_person=True), "weak", 0.4, id="two-fallbacks"),
    ],
)
def test_hand_set_confidence(provenance, strength, expected):
    assert hand_confidence(candidate(strength, **provenance)) == expected


def test_model_is_a_sigmoid_of_the_weighted_features():
    model = ConfidenceModel(weights={"a": 2.0, "b": -1.0}, intercept=0.5, info={})
    assert model({"a": 1.0, "b": 1.0}) == round(1 / (1 + math.exp(-1.5)), 2)
    assert model({}) == round(1 / (1 + math.exp(-0.5)), 2)  # a missing feature counts as 0
    assert model({"a": 1.0, "unknown": 5.0}) == round(1 / (1 + math.exp(-2.5)), 2)


def test_model_file_round_trip(tmp_path):
    model = ConfidenceModel(weights={"strong": 1.25, "single_name": -0.5}, intercept=-0.25,
                            info={"trained_on": "invented.jsonl"})
    (tmp_path / "confidence.json").write_text(model.to_json(), encoding="utf-8")
    again = load_model(tmp_path)
    assert again is not None
    assert again.weights == model.weights and again.intercept == model.intercept
    assert again.info["trained_on"] == "invented.jsonl"


def test_no_model_file_means_no_model(tmp_path):
    assert load_model(tmp_path) is None


def test_a_file_that_is_not_a_model_is_refused(tmp_path):
    (tmp_path / "confidence.json").write_text(json.dumps({"kind": "tree", "nodes": []}), encoding="utf-8")
    with pytest.raises(ValueError, match="not a logistic confidence model"):
        load_model(tmp_path)


def test_the_packaged_model_is_loaded():
    model = load_model()
    assert model is not None
    assert "single_name" in model.weights and "hand" in model.weights


CLEAR = "Harbour Town sacked manager Dana Holt on Sunday after eleven games without a win."
CROWDED = ("Dana Holt, who guided Harbour Town to promotion, watched as Millbrook, now coached by "
           "Kit Varga, were beaten; Holt was dismissed a day later.")


@pytest.mark.parametrize("text", [pytest.param(CLEAR, id="clear"), pytest.param(CROWDED, id="crowded")])
def test_assembly_scores_each_event_with_the_model(nlp, text):
    doc = pipeline.make_doc(nlp, text, PUBLISHED, doc_id="k1")
    model = nlp.get_pipe("coaching_assembly").model
    features = doc.user_data[FEATURES_KEY]
    assert doc._.events and len(features) == len(doc._.events)
    for event, row in zip(doc._.events, features):
        assert event.confidence == model(row)
        assert 0.0 <= event.confidence <= 1.0


def test_features_describe_the_binding(nlp):
    clear = pipeline.make_doc(nlp, CLEAR, PUBLISHED, doc_id="k1").user_data[FEATURES_KEY][0]
    assert clear["person_in_sentence"] == 1.0 and clear["team_in_sentence"] == 1.0
    assert clear["single_name"] == 0.0 and clear["strong"] == 1.0
    assert clear["person_gap"] < 1.0  # the name is next to the trigger


def test_without_a_model_the_hand_set_confidence_is_used(nlp, monkeypatch):
    monkeypatch.setattr(nlp.get_pipe("coaching_assembly"), "model", None)
    doc = pipeline.make_doc(nlp, CLEAR, PUBLISHED, doc_id="k1")
    for event in doc._.events:
        own = [c for c in doc._.candidates
               if not c.vetoed and (c.type, c.person, c.team) == (event.type, event.coach, event.team)]
        assert event.confidence == max(hand_confidence(c) for c in own)


def test_every_weight_of_the_packaged_model_is_a_feature_the_pipeline_computes(nlp):
    """A renamed or dropped feature would silently count as 0: refit the model when features change."""
    doc = pipeline.make_doc(nlp, CLEAR, PUBLISHED, doc_id="k1")
    computed = set(doc.user_data[FEATURES_KEY][0])
    assert set(load_model().weights) == computed
