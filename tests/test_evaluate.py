"""pipeline.evaluate: agreement with the reference scorer, and each kind of error on hand-made cases.

The articles, names and teams of the hand-made cases are invented for these tests.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline
import pipeline.run
from pipeline.cli import app
from pipeline.evaluate import evaluate, fold, is_coaching, read_jsonl, role_key
from pipeline.schema import Event, Evidence


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def reference(shared_dir: Path, gold: Path, pred: Path) -> tuple[dict, list[tuple[str, str]]]:
    """The reference scorer's numbers and its (kind, doc id) errors."""
    done = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), str(gold), str(pred),
                           "--json", "--errors"], capture_output=True, text=True, encoding="utf-8",
                          timeout=120, check=True)
    lines = done.stdout.splitlines()
    numbers = json.loads(lines[-1])
    errors = [(line[:14].strip(), line[16:].split("  ", 1)[0]) for line in lines[:-1]]
    return numbers, errors


def assert_agrees(report, numbers: dict, errors: list[tuple[str, str]]) -> None:
    mine = report.to_dict()
    for key, value in numbers.items():
        assert mine[key] == value, key
    assert sorted((e.label, e.doc_id) for e in report.errors if not e.unknown_article) == sorted(errors)


# -- agreement with shared/eval/score.py --------------------------------------------------------
def test_agrees_with_the_reference_scorer_on_the_dev_set(nlp, shared_dir, tmp_path):
    gold_path = shared_dir / "dev" / "dev.jsonl"
    gold = read_jsonl(gold_path)
    preds = [event.to_record() for event in pipeline.extract(gold, nlp)]
    assert preds, "the extractor found nothing on the dev set"
    pred_path = write_jsonl(tmp_path / "pred.jsonl", preds)
    numbers, errors = reference(shared_dir, gold_path, pred_path)
    report = evaluate(gold, preds)
    assert_agrees(report, numbers, errors)
    # the breakdowns add up to the totals
    assert sum(c.gold for c in report.by_type.values()) == report.gold
    assert sum(c.matched for c in report.by_type.values()) == report.matched
    assert sum(c.predicted for c in report.by_type.values()) == report.predicted
    # Event objects score as their records do
    assert evaluate(gold, [Event.from_record(p) for p in preds]).to_dict() == report.to_dict()


# -- hand-made cases ----------------------------------------------------------------------------
RIVERTON = ["Riverton", "the Otters"]
GOLD = [
    {"id": "a1", "date": "2021-03-02", "title": "Riverton part with Bram de Wit",
     "text": "Riverton FC sacked manager Bram de Wit on Tuesday. Assistant Ana Souza was put in charge until "
             "the summer.\nDe Wit had been at the club since 2019.",
     "events": [
         {"type": "departure", "coach": "Bram de Wit", "team": "Riverton FC", "team_aliases": RIVERTON,
          "role": "manager", "interim": False, "manner": "fired", "date": "2021-03-02"},
         {"type": "hire", "coach": "Ana Souza", "team": "Riverton FC", "team_aliases": RIVERTON,
          "role": "manager", "interim": True, "manner": None, "date": "2021-03"},
     ]},
    {"id": "a2", "date": "2022-11-20", "title": "Peñalosa leaves Harbour City",
     "text": "José Peñalosa has left Harbour City by mutual consent. Ståle Sølvik steps up as head coach.",
     "events": [
         {"type": "departure", "coach": "José Peñalosa", "team": "Harbour City", "role": "head coach",
          "interim": False, "manner": ["mutual_consent", "resigned"], "date": ["2022-11-20", "2022-11-19"]},
         {"type": "hire", "coach": "Ståle Sølvik", "coach_aliases": ["Stale Solvik"], "team": "Harbour City",
          "role": "head coach", "interim": False, "manner": None, "date": None},
     ]},
    {"id": "a3", "date": "2020-06-01", "title": "A quiet week", "text": "Nothing changed at Lakeside.",
     "events": []},
]


def pred(doc_id: str, type_: str, coach: str, team: str, *, role: str | None = "manager", interim: bool = False,
         manner: str | None = None, date: str | None = None, sentence: str = "An invented sentence.") -> dict:
    return {"doc_id": doc_id, "type": type_, "coach": coach, "team": team, "role": role, "interim": interim,
            "manner": manner, "date": date, "evidence": {"sentence": sentence, "start": 0, "end": len(sentence),
                                                         "trigger": "", "field": "text"}}


def perfect() -> list[dict]:
    return [
        pred("a1", "departure", "Bram de Wit", "Riverton FC", manner="fired", date="2021-03-02"),
        pred("a1", "hire", "Ana Souza", "Riverton FC", interim=True, date="2021-03"),
        pred("a2", "departure", "José Peñalosa", "Harbour City", role="head coach", manner="mutual_consent",
             date="2022-11-20"),
        pred("a2", "hire", "Ståle Sølvik", "Harbour City", role="head coach", date=None),
    ]


def test_perfect_predictions_score_one():
    report = evaluate(GOLD, perfect())
    assert (report.gold, report.predicted, report.matched) == (4, 4, 4)
    assert report.f1 == report.strict_f1 == 1.0
    assert report.errors == []
    assert report.to_dict()["attribute_accuracy"] == {"role": 1.0, "interim": 1.0, "manner": 1.0, "date": 1.0}
    assert report.by_type["hire"].f1 == report.by_type["departure"].f1 == 1.0
    assert report.attributes["manner"].asked == 2  # departures only


def test_a_missed_event():
    preds = perfect()[1:]
    report = evaluate(GOLD, preds)
    assert (report.matched, report.recall, report.precision) == (3, 0.75, 1.0)
    [error] = report.errors
    assert (error.kind, error.label, error.doc_id, error.coach, error.type) == (
        "missed", "missed", "a1", "Bram de Wit", "departure")
    assert error.predicted is None and error.gold["team"] == "Riverton FC"
    assert error.context == "Riverton part with Bram de Wit"  # the title is the first sentence
    assert report.by_type["departure"].recall == 0.5 and report.by_type["hire"].recall == 1.0


def test_a_spurious_event_carries_its_evidence():
    preds = perfect() + [pred("a3", "departure", "Kit Moran", "Lakeside", manner="fired",
                              sentence="Lakeside fired Kit Moran.")]
    report = evaluate(GOLD, preds)
    assert (report.predicted, report.matched, report.precision) == (5, 4, 0.8)
    [error] = report.errors
    assert (error.kind, error.doc_id, error.coach, error.evidence) == (
        "spurious", "a3", "Kit Moran", "Lakeside fired Kit Moran.")
    assert report.by_type["departure"].predicted == 3


def test_a_spurious_event_names_the_gold_event_it_nearly_matched():
    preds = perfect()
    preds[0] = pred("a1", "departure", "Bram de Wit", "Riverside", manner="fired", date="2021-03-02")
    report = evaluate(GOLD, preds)
    assert [e.kind for e in report.errors] == ["missed", "spurious"]
    assert report.errors[1].hint == "gold has team Riverton FC for this coach"


@pytest.mark.parametrize("index, change, field", [
    (0, {"role": "assistant coach"}, "role"),
    (0, {"manner": "resigned"}, "manner"),
    (0, {"date": "2021-02-27"}, "date"),
    (0, {"date": "2021-03"}, "date"),  # less precise than the gold date
    (0, {"date": None}, "date"),
    (1, {"interim": False}, "interim"),
    (3, {"date": "2022-11-20"}, "date"),  # gold says the article gives no date
])
def test_a_wrong_attribute(index, change, field):
    preds = perfect()
    preds[index].update(change)
    report = evaluate(GOLD, preds)
    assert (report.matched, report.f1) == (4, 1.0)
    assert report.overall.strict_matched == 3 and report.strict_f1 == 0.75
    [error] = report.errors
    assert (error.kind, error.field, error.label) == ("wrong", field, f"wrong {field}")
    assert error.got == change[field]
    assert error.expected == GOLD[0 if index < 2 else 1]["events"][index % 2][field]
    assert error.evidence == "An invented sentence."
    assert report.attributes[field].right == report.attributes[field].asked - 1


@pytest.mark.parametrize("index, change", [
    (0, {"role": "Manager"}),
    (2, {"role": "coach"}),  # a plain coach of a team is its head coach
    (0, {"date": "2021-03-02T10:00"}),
    (1, {"date": "2021-03-02"}),  # more precise than the gold month
    (2, {"manner": "resigned"}),  # one of the gold's accepted manners
    (2, {"date": "2022-11-19"}),  # one of the gold's accepted dates
    (1, {"interim": 1}),
])
def test_an_accepted_variant(index, change):
    preds = perfect()
    preds[index].update(change)
    assert evaluate(GOLD, preds).strict_f1 == 1.0


@pytest.mark.parametrize("index, coach, team", [
    (0, "Bram de Wit", "Riverton"),  # team alias
    (0, "Bram de Wit", "The Otters"),  # alias, case and a leading "the"
    (0, "bram DE-WIT", "riverton fc."),  # case and punctuation
    (2, "Jose Penalosa", "Harbour City"),  # accents folded
    (3, "Stale Solvik", "Harbour City"),  # ø folded to o, and a listed alias
    (3, "STÅLE SØLVIK", "the Harbour City"),
])
def test_names_match_through_aliases_and_folding(index, coach, team):
    preds = perfect()
    preds[index].update(coach=coach, team=team)
    report = evaluate(GOLD, preds)
    assert report.matched == 4 and report.errors == []


def test_a_different_type_does_not_match():
    preds = perfect()
    preds[0]["type"] = "hire"
    report = evaluate(GOLD, preds)
    assert report.matched == 3
    assert sorted(e.kind for e in report.errors) == ["missed", "spurious"]


def test_each_gold_event_matches_once():
    preds = perfect() + [perfect()[0]]
    report = evaluate(GOLD, preds)
    assert (report.matched, report.predicted) == (4, 5)
    assert [e.kind for e in report.errors] == ["spurious"]


@pytest.mark.parametrize("role", ["general manager", "sporting director", "President", "club owner",
                                  "chief executive", "player", "chairman"])
def test_front_office_and_other_posts_are_left_out(role):
    preds = perfect() + [pred("a1", "hire", "Lia Grant", "Riverton FC", role=role)]
    report = evaluate(GOLD, preds)
    assert (report.predicted, report.excluded, report.f1) == (4, 1, 1.0)
    assert report.errors == []


@pytest.mark.parametrize("role", [None, "", "caretaker boss", "defensive coordinator", "goalkeeping coach",
                                  "skipper", "assistant manager"])
def test_coaching_posts_and_no_role_are_scored(role):
    assert is_coaching({"role": role})
    report = evaluate(GOLD, perfect() + [pred("a1", "hire", "Lia Grant", "Riverton FC", role=role)])
    assert report.predicted == 5 and [e.kind for e in report.errors] == ["spurious"]


def test_predictions_for_unknown_articles_count_as_predicted():
    report = evaluate(GOLD, perfect() + [pred("zz", "hire", "Lia Grant", "Riverton FC")])
    assert (report.predicted, report.unknown_article_predictions, report.precision) == (5, 1, 0.8)
    [error] = report.errors
    assert error.kind == "spurious" and error.unknown_article
    assert report.to_dict()["predictions_for_unknown_articles"] == 1


def test_event_objects_are_accepted():
    events = [Event(doc_id="a1", type="departure", coach="Bram de Wit", team="Riverton FC", role="manager",
                    interim=False, manner="fired", date="2021-03-02",
                    evidence=Evidence("Riverton FC sacked manager Bram de Wit on Tuesday.", 0, 51, "sacked"),
                    rule="test", confidence=1.0)]
    report = evaluate(GOLD, events)
    assert report.matched == 1 and report.precision == 1.0


def test_the_report_is_json():
    preds = perfect()[1:] + [pred("a3", "hire", "Kit Moran", "Lakeside")]
    preds[0]["date"] = "2020"
    data = json.loads(json.dumps(evaluate(GOLD, preds).to_dict(errors=True)))
    assert data["by_type"]["hire"]["gold"] == 2
    assert data["attributes"]["date"] == {"right": 2, "asked": 3, "accuracy": 0.6667}
    assert data["error_counts"] == {"missed": 1, "wrong date": 1, "spurious": 1}
    assert [e["label"] for e in data["errors"]] == ["missed", "wrong date", "spurious"]
    assert "errors" not in evaluate(GOLD, preds).to_dict()


def test_hand_made_cases_agree_with_the_reference(shared_dir, tmp_path):
    preds = perfect()
    preds[0].update(role="coach", date="2021-03")
    preds[2].update(coach="Jose Penalosa", manner="fired")
    preds += [pred("a3", "hire", "Kit Moran", "Lakeside"), pred("a1", "hire", "Lia Grant", "x", role="owner"),
              pred("zz", "hire", "Lia Grant", "Riverton FC"), perfect()[3]]
    gold_path, pred_path = write_jsonl(tmp_path / "gold.jsonl", GOLD), write_jsonl(tmp_path / "pred.jsonl", preds)
    numbers, errors = reference(shared_dir, gold_path, pred_path)
    assert_agrees(evaluate(GOLD, preds), numbers, errors)


def test_fold_and_role_key():
    assert fold("The Ålborg  F.C.") == "alborg f c"
    assert fold("Søren Læbeltoft") == "soren laebeltoft"  # as the reference: lower-case æ only
    assert fold(None) == ""
    assert role_key("Coach") == "head coach" and role_key("assistant coach") == "assistant coach"


# -- the command -------------------------------------------------------------------------------
@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_evaluate_command_json(runner, tmp_path):
    gold, preds = write_jsonl(tmp_path / "gold.jsonl", GOLD), write_jsonl(tmp_path / "pred.jsonl", perfect()[1:])
    result = runner.invoke(app, ["evaluate", str(gold), str(preds), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["matched"], data["recall"], data["f1"]) == (3, 0.75, 0.8571)
    assert "errors" not in data
    result = runner.invoke(app, ["evaluate", str(gold), str(preds), "--json", "--errors"])
    assert [e["kind"] for e in json.loads(result.stdout)["errors"]] == ["missed"]


def test_evaluate_command_table_and_errors(runner, tmp_path):
    preds = perfect()
    preds[0]["date"] = "2021-03-01"
    preds.append(pred("a3", "hire", "Kit Moran", "Lakeside", sentence="Lakeside turned to Kit Moran."))
    gold, pred_path = write_jsonl(tmp_path / "gold.jsonl", GOLD), write_jsonl(tmp_path / "pred.jsonl", preds)
    result = runner.invoke(app, ["evaluate", str(gold), str(pred_path), "--errors"], terminal_width=160)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "gold events 4  predicted 5  matched 4" in out
    assert "departure" in out and "hire" in out and "date" in out
    assert "wrong date" in out and '"2021-03-01", gold "2021-03-02"' in out
    assert "spurious" in out and "evidence: Lakeside turned to Kit Moran." in out
    assert result.stderr == ""


def test_evaluate_command_runs_the_extractor_without_predictions(runner, tmp_path, monkeypatch, nlp):
    monkeypatch.setattr(pipeline.run, "load_nlp", lambda model=None: nlp)
    gold = write_jsonl(tmp_path / "gold.jsonl", [
        {"id": "g1", "date": "2023-05-08", "text": "Leeds United have sacked manager Daniel Farke.",
         "events": [{"type": "departure", "coach": "Daniel Farke", "team": "Leeds United", "role": "manager",
                     "interim": False, "manner": "fired", "date": "2023-05-08"}]},
        {"id": "g2", "date": "2023-05-08", "text": "It rained all afternoon in Leeds.", "events": []},
    ])
    result = runner.invoke(app, ["evaluate", str(gold), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["articles"], data["gold"], data["matched"]) == (2, 1, 1)
    assert "extracting events from 2 articles" in result.stderr


@pytest.mark.parametrize("content, message", [
    (None, "gold file not found"),
    ('{"id": "a"}\nnot json\n', "gold.jsonl:2: not JSON"),
    ('{"id": "a", "events": [{"type": "hire"}]}\n', "an event lacks coach, team"),
])
def test_evaluate_command_bad_gold(runner, tmp_path, content, message):
    gold = tmp_path / "gold.jsonl"
    if content is not None:
        gold.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), str(gold)])
    assert result.exit_code == 1
    assert message in result.stderr and result.stdout == ""
