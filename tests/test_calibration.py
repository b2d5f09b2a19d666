"""pipeline.calibration: precision by confidence band, on hand-made gold and predictions (invented names)."""
from __future__ import annotations

import pytest

from pipeline.calibration import at_least, judge, precision_by_band, to_dict

GOLD = [
    {"id": "a1", "events": [
        {"type": "departure", "coach": "Lia Grant", "team": "Riverton FC", "role": "manager"},
        {"type": "hire", "coach": "Omar Vale", "team": "Riverton FC", "role": "manager"},
    ]},
    {"id": "a2", "events": []},
]


def pred(doc_id, type_, coach, team, confidence, role="manager"):
    return {"doc_id": doc_id, "type": type_, "coach": coach, "team": team, "role": role,
            "confidence": confidence}


PREDS = [
    pred("a1", "departure", "Lia Grant", "Riverton FC", 0.95),   # right
    pred("a1", "hire", "Omar Vale", "Riverton FC", 0.85),        # right
    pred("a1", "hire", "Omar Vale", "Lakeside", 0.82),           # wrong team
    pred("a2", "hire", "Pia Stone", "Lakeside", 0.55),           # no gold event
    pred("zz", "hire", "Pia Stone", "Lakeside", 0.65),           # article not in the gold file
    pred("a1", "hire", "Ned Cole", "Riverton FC", 0.99, role="general manager"),  # not scored
]


def test_judge_marks_matches_as_the_scorer_does():
    assert sorted(judge(GOLD, PREDS)) == [(0.55, False), (0.65, False), (0.82, False), (0.85, True), (0.95, True)]


def test_each_gold_event_is_matched_once():
    twice = [pred("a1", "hire", "Omar Vale", "Riverton FC", 0.9), pred("a1", "hire", "Omar Vale", "Riverton FC", 0.7)]
    assert sorted(judge(GOLD, twice)) == [(0.7, False), (0.9, True)]


def test_bands():
    bands = precision_by_band(judge(GOLD, PREDS))
    counts = {b.label(): (b.events, b.right) for b in bands}
    assert counts == {"[0.0, 0.5)": (0, 0), "[0.5, 0.6)": (1, 0), "[0.6, 0.7)": (1, 0), "[0.7, 0.8)": (0, 0),
                      "[0.8, 0.9)": (2, 1), "[0.9, 1.0]": (1, 1)}


@pytest.mark.parametrize(("confidence", "label"), [(0.0, "[0.0, 0.5)"), (0.8, "[0.8, 0.9)"), (0.9, "[0.9, 1.0]"),
                                                   (1.0, "[0.9, 1.0]")])
def test_band_edges(confidence, label):
    bands = precision_by_band([(confidence, True)])
    assert [b.label() for b in bands if b.events] == [label]


def test_at_least_the_trusted_threshold():
    top = at_least(judge(GOLD, PREDS))
    assert (top.events, top.right) == (3, 2)
    assert top.precision == pytest.approx(2 / 3)
    assert to_dict(judge(GOLD, PREDS))["at_least"] == {"threshold": 0.8, "events": 3, "right": 2,
                                                       "precision": 0.6667}


def test_evaluate_command_shows_the_bands(tmp_path):
    import json

    from typer.testing import CliRunner

    from pipeline.cli import app

    gold, preds = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(dict(d, text="x")) + "\n" for d in GOLD), encoding="utf-8")
    preds.write_text("".join(json.dumps(p) + "\n" for p in PREDS), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["evaluate", str(gold), str(preds), "--bands"], terminal_width=120)
    assert result.exit_code == 0, result.stderr
    assert "Precision by confidence band" in result.stdout
    assert ">= 0.8" in result.stdout and "0.667" in result.stdout
    plain = runner.invoke(app, ["evaluate", str(gold), str(preds)], terminal_width=120)
    assert "Precision by confidence band" not in plain.stdout
    data = json.loads(runner.invoke(app, ["evaluate", str(gold), str(preds), "--bands", "--json"]).stdout)
    assert data["confidence"]["at_least"]["events"] == 3
    assert [b["events"] for b in data["confidence"]["bands"]] == [0, 1, 1, 0, 2, 1]
