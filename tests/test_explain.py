"""pipeline.explain: what each sentence gave, vetoes with their reasons, the terminal layout, the command.

The sentences are written for these tests.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

import pipeline.run
from pipeline.cli import app
from pipeline.explain import VETOED, Explanation, explain, render

TITLE = "Burnley change manager as Leeds stay quiet"
RUMOUR = "Leeds United have been linked with sacking Daniel Farke."
FACT = "Burnley sacked manager Gareth Pimlott on Monday."
TEXT = f"{FACT} {RUMOUR}\nFarke trained the squad as usual on Tuesday."
DATE = "2024-03-06"


@pytest.fixture(scope="module")
def explanation(nlp) -> Explanation:
    return explain(nlp, TEXT, DATE, title=TITLE, doc_id="x1")


def sentence_with(explanation: Explanation, text: str):
    return next(s for s in explanation.sentences if s.text == text)


def test_sentences_title_first(explanation):
    assert explanation.sentences[0].text == TITLE and explanation.sentences[0].field == "title"
    assert all(s.field == "text" for s in explanation.sentences[1:])
    assert [s.text for s in explanation.sentences[1:3]] == [FACT, RUMOUR]
    assert (explanation.doc_id, explanation.date, explanation.title) == ("x1", DATE, TITLE)


def test_a_rumour_shows_its_veto(explanation):
    sentence = sentence_with(explanation, RUMOUR)
    [cand] = sentence.candidates
    assert (cand.type, cand.person, cand.team) == ("departure", "Daniel Farke", "Leeds United")
    assert (cand.status, cand.reason) == (VETOED, "rumour")
    assert cand.rule and cand.trigger == "sacking"
    assert sentence.events == []
    assert explanation.veto_counts() == {"rumour": 1}


def test_a_fact_gives_an_event(explanation):
    sentence = sentence_with(explanation, FACT)
    assert any(c.status == "kept" and c.person == "Gareth Pimlott" for c in sentence.candidates)
    [number] = sentence.events
    event = explanation.events[number]
    assert (event.type, event.coach, event.team, event.manner) == ("departure", "Gareth Pimlott", "Burnley", "fired")
    start, end = explanation.event_spans[number]
    assert explanation.text[start:end] == FACT
    assert [(e.coach, e.type) for e in explanation.events] == [("Gareth Pimlott", "departure")]


def test_entities_and_linked_mentions(explanation):
    fact = sentence_with(explanation, FACT)
    assert {(e.text, e.label) for e in fact.entities} >= {("Burnley", "ORG"), ("Gareth Pimlott", "PERSON"),
                                                          ("Monday", "DATE")}
    last = explanation.sentences[-1]
    assert ("Farke", "PERSON", "Daniel Farke") in {(m.text, m.label, m.canonical) for m in last.mentions}
    assert {("Leeds", "TEAM", "Leeds United")} <= {(m.text, m.label, m.canonical)
                                                   for m in explanation.sentences[0].mentions}


def test_to_dict_is_json(explanation):
    data = json.loads(json.dumps(explanation.to_dict()))
    assert data["events"][0]["coach"] == "Gareth Pimlott"
    rumour = next(s for s in data["sentences"] if s["text"] == RUMOUR)
    assert rumour["candidates"][0]["reason"] == "rumour"


def test_terminal_layout(explanation):
    console = Console(record=True, width=140, force_terminal=False, color_system=None)
    render(explanation, console)
    out = console.export_text()
    assert "1 vetoed (rumour 1)" in out
    rumour_line = next(line for line in out.splitlines() if "Daniel Farke / Leeds United" in line)
    assert "vetoed" in rumour_line and "rumour" in rumour_line and 'trigger "sacking"' in rumour_line
    assert "→ event 1: departure Gareth Pimlott / Burnley" in out
    assert "Farke → Daniel Farke" in out
    assert "Events (1)" in out


@pytest.mark.parametrize("sentence, reason", [
    ("Leeds United will not sack Daniel Farke, the chairman said.", "negation"),
    ("Leeds United named Daniel Farke as general manager.", "front_office"),
    ("There is speculation that Leeds United will appoint Daniel Farke as manager.", "rumour"),
])
def test_other_vetoes_show_their_reason(nlp, sentence, reason):
    result = explain(nlp, sentence, DATE)
    assert [(c.status, c.reason) for c in result.candidates] == [(VETOED, reason)]
    assert result.events == []


def test_an_article_with_nothing_in_it(nlp):
    result = explain(nlp, "It rained all afternoon.", None)
    assert result.events == [] and result.candidates == []
    console = Console(record=True, width=100, force_terminal=False)
    render(result, console)
    assert "Events (0)" in console.export_text()


# -- the command -------------------------------------------------------------------------------
@pytest.fixture
def runner(monkeypatch, nlp) -> CliRunner:
    monkeypatch.setattr(pipeline.run, "load_nlp", lambda model=None: nlp)
    return CliRunner()


def test_explain_command_text(runner):
    result = runner.invoke(app, ["explain", TEXT, "--date", DATE, "--title", TITLE])
    assert result.exit_code == 0, result.stderr
    assert "rumour" in result.stdout and "Gareth Pimlott" in result.stdout
    assert "loading the pipeline" in result.stderr and "rumour" not in result.stderr


def test_explain_command_json_from_an_input_file(runner, tmp_path: Path):
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "other", "text": "Nothing here."}) + "\n"
                        + json.dumps({"id": "k9", "date": DATE, "title": TITLE, "text": TEXT}) + "\n",
                        encoding="utf-8")
    result = runner.invoke(app, ["explain", "--input", str(articles), "--id", "k9", "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["doc_id"], data["date"], data["title"]) == ("k9", DATE, TITLE)
    assert [e["coach"] for e in data["events"]] == ["Gareth Pimlott"]


def test_explain_command_html(runner, tmp_path: Path):
    page = tmp_path / "out" / "page.html"
    result = runner.invoke(app, ["explain", TEXT, "--date", DATE, "--html", str(page)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert f"page written to {page}" in result.stderr
    assert 'class="event-card departure"' in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, code, message", [
    ([], 2, "give the article's text"),
    (["Burnley sacked Gareth Pimlott.", "--date", "6 March 2024"], 2, "--date is not YYYY-MM-DD"),
    (["some text", "--input", "x.jsonl", "--id", "a"], 2, "not both"),
    (["--input", "x.jsonl"], 2, "--input needs --id"),
    (["--id", "a"], 2, "--id needs --input"),
    (["--input", "missing.jsonl", "--id", "a"], 1, "input not found"),
    (["   "], 2, "the text is empty"),
])
def test_explain_command_errors(runner, tmp_path, monkeypatch, args, code, message):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["explain", *args])
    assert result.exit_code == code
    assert message in result.stderr and result.stdout == ""


def test_explain_command_unknown_id(runner, tmp_path):
    articles = tmp_path / "a.jsonl"
    articles.write_text(json.dumps({"id": "a", "text": "Nothing here."}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["explain", "--input", str(articles), "--id", "b"])
    assert result.exit_code == 1 and "no article with id b" in result.stderr
