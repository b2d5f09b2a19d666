"""The command line: exit codes, stderr messages, clean stdout, rejects file.

Most tests run the stand-in pipeline (conftest.fake_nlp) so that they test the
command, not the rules; those at the end run the real one (the session ``nlp``).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pipeline.run
from pipeline.cli import app
from pipeline.resources import ResourceError
from pipeline.schema import Event

ARTICLES = [
    {"id": "c1", "date": "2020-01-05", "text": "Rovers sacked Tom Reed on Saturday."},
    {"id": "c2", "text": "Harbour sacked Lee Park."},
]
EVENT_FIELDS = {"event_id", "doc_id", "type", "coach", "team", "role", "interim", "manner", "date",
                "evidence", "rule", "confidence", "sport"}


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records),
                    encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def use_fake(monkeypatch, fake_nlp):
    monkeypatch.setattr(pipeline.run, "load_nlp", lambda model=None: fake_nlp)


@pytest.fixture
def use_real(monkeypatch, nlp):
    monkeypatch.setattr(pipeline.run, "load_nlp", lambda model=None: nlp)


@pytest.fixture
def in_tmp(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def extract(runner: CliRunner, *args: str, stdin: str | None = None):
    return runner.invoke(app, ["extract", *args], input=stdin)


def test_extract_to_a_file(runner, use_fake, in_tmp):
    write_jsonl(in_tmp / "in.jsonl", ARTICLES)
    result = extract(runner, "in.jsonl", "-o", "out/events.jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == "read 2 articles, rejected 0, wrote 2 events\n"
    records = read_jsonl(in_tmp / "out" / "events.jsonl")
    assert [(r["doc_id"], r["coach"]) for r in records] == [("c1", "Tom Reed"), ("c2", "Lee Park")]
    assert not (in_tmp / "out" / "events.rejects.jsonl").exists()


def test_stdout_holds_only_jsonl(runner, use_fake, in_tmp):
    write_jsonl(in_tmp / "in.jsonl", ARTICLES + [{"id": "c3", "text": ""}])
    result = extract(runner, "in.jsonl", "-o", "-", "--progress")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["coach"] for r in records] == ["Tom Reed", "Lee Park"]
    assert all(set(r) == EVENT_FIELDS for r in records)
    assert "rejected in.jsonl:3 (c3): empty text" in result.stderr
    assert "read 3 articles, rejected 1, wrote 2 events" in result.stderr
    assert (in_tmp / "rejects.jsonl").exists()  # stdout output: rejects in the working folder


def test_output_is_stdout_by_default(runner, use_fake, in_tmp):
    write_jsonl(in_tmp / "in.jsonl", ARTICLES)
    result = extract(runner, "in.jsonl")
    assert result.exit_code == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_rejects_are_reported_and_written(runner, use_fake, in_tmp):
    write_jsonl(in_tmp / "in.jsonl", [
        ARTICLES[0],
        '{"id": "c9", "text": ',
        {"text": "No id."},
        {"id": "c4", "text": "x", "date": "5 May 2020"},
        {"id": "c1", "text": "Duplicate."},
        {"id": "c5", "text": "EXPLODE"},
        ARTICLES[1],
    ])
    result = extract(runner, "in.jsonl", "-o", "events.jsonl")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "rejected in.jsonl:2: malformed JSON: Expecting value (column 22)",
        "rejected in.jsonl:3: missing id",
        'rejected in.jsonl:4 (c4): date is not YYYY-MM-DD: "5 May 2020"',
        "rejected in.jsonl:5 (c1): duplicate id (first seen at in.jsonl:1)",
        "rejected in.jsonl:6 (c5): pipeline failed: FakeFailure: the fake component blew up",
        "read 7 articles, rejected 5, wrote 2 events",
        "rejects written to events.rejects.jsonl",
    ]
    rejects = read_jsonl(in_tmp / "events.rejects.jsonl")
    assert [(r["source"], r["id"]) for r in rejects] == [
        ("in.jsonl:2", None), ("in.jsonl:3", None), ("in.jsonl:4", "c4"), ("in.jsonl:5", "c1"),
        ("in.jsonl:6", "c5")]
    assert rejects[0]["excerpt"] == '{"id": "c9", "text":'
    assert len(read_jsonl(in_tmp / "events.jsonl")) == 2


def test_rejects_path_option(runner, use_fake, in_tmp):
    write_jsonl(in_tmp / "in.jsonl", [{"id": "c1", "text": " "}])
    result = extract(runner, "in.jsonl", "-o", "events.jsonl", "--rejects", "logs/bad.jsonl")
    assert result.exit_code == 0, result.stderr
    assert read_jsonl(in_tmp / "logs" / "bad.jsonl")[0]["reason"] == "empty text"
    assert not (in_tmp / "events.rejects.jsonl").exists()


def test_stdin_input(runner, use_fake, in_tmp):
    stdin = "".join(json.dumps(r) + "\n" for r in ARTICLES)
    result = extract(runner, "-", "-o", "-", stdin=stdin)
    assert result.exit_code == 0, result.stderr
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["c1", "c2"]


def test_directory_with_text_files(runner, use_fake, in_tmp):
    (in_tmp / "news").mkdir()
    (in_tmp / "news" / "reed.txt").write_text("date 2020-01-05\nRovers sacked Tom Reed.", encoding="utf-8")
    write_jsonl(in_tmp / "news" / "more.jsonl", [ARTICLES[1]])
    result = extract(runner, "news", "-o", "-")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["doc_id"], r["date"]) for r in records] == [("c2", None), ("reed", "2020-01-05")]


def test_missing_input_exits_1(runner, use_fake, in_tmp):
    write_jsonl(in_tmp / "in.jsonl", ARTICLES)
    result = extract(runner, "in.jsonl", "absent.jsonl", "-o", "events.jsonl")
    assert result.exit_code == 1
    assert result.stderr == "error: input not found: absent.jsonl\n"
    assert result.stdout == ""
    assert not (in_tmp / "events.jsonl").exists()


def test_output_over_an_input_exits_1(runner, use_fake, in_tmp):
    write_jsonl(in_tmp / "in.jsonl", ARTICLES)
    result = extract(runner, "in.jsonl", "-o", "in.jsonl")
    assert result.exit_code == 1
    assert result.stderr == "error: output file in.jsonl is also an input\n"
    assert len(read_jsonl(in_tmp / "in.jsonl")) == 2


def test_unwritable_output_exits_1(runner, use_fake, in_tmp):
    write_jsonl(in_tmp / "in.jsonl", ARTICLES)
    (in_tmp / "taken").write_text("a file, not a folder", encoding="utf-8")
    result = extract(runner, "in.jsonl", "-o", "taken/events.jsonl")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")


def test_bad_data_file_exits_1(runner, monkeypatch, in_tmp):
    def broken(model=None):
        raise ResourceError("models/roles.jsonl:3: missing role")

    monkeypatch.setattr(pipeline.run, "load_nlp", broken)
    write_jsonl(in_tmp / "in.jsonl", ARTICLES)
    result = extract(runner, "in.jsonl")
    assert result.exit_code == 1
    assert result.stderr == "error: models/roles.jsonl:3: missing role\n"


@pytest.mark.parametrize(
    "args",
    [
        pytest.param([], id="no-input"),
        pytest.param(["in.jsonl", "--batch-size", "0"], id="batch-size-0"),
        pytest.param(["in.jsonl", "--n-process", "zero"], id="n-process-word"),
        pytest.param(["in.jsonl", "--no-such-option"], id="unknown-option"),
        pytest.param(["in.jsonl", "--min-confidence", "1.5"], id="min-confidence-above-1"),
        pytest.param(["in.jsonl", "--min-confidence", "-0.1"], id="min-confidence-below-0"),
        pytest.param(["in.jsonl", "--min-confidence", "high"], id="min-confidence-word"),
    ],
)
def test_usage_errors_exit_2(runner, use_fake, in_tmp, args):
    write_jsonl(in_tmp / "in.jsonl", ARTICLES)
    result = extract(runner, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Usage:" in result.stderr


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.startswith("coaching-events ")


def test_python_dash_m_pipeline():
    result = subprocess.run([sys.executable, "-m", "pipeline", "extract", "--help"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "--batch-size" in result.stdout


# --- the real pipeline ------------------------------------------------------------------------

SACKING = ("Everton have sacked manager Dominic Hale after a run of seven straight "
           "defeats, the club announced on Monday.")


def test_unknown_model_exits_1(runner, in_tmp):
    write_jsonl(in_tmp / "in.jsonl", ARTICLES)
    result = extract(runner, "in.jsonl", "--model", "no_such_spacy_model_here")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: no spaCy model could be loaded")
    assert result.stdout == ""


def test_real_pipeline_stdout_is_clean_jsonl(runner, use_real, in_tmp):
    write_jsonl(in_tmp / "in.jsonl", [
        {"id": "e1", "date": "2021-11-08", "title": "Everton sack Hale", "text": SACKING},
        {"id": "e2", "date": "2021-11-08", "text": "It rained all weekend and the match was postponed."},
    ])
    result = extract(runner, "in.jsonl", "-o", "-")
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(set(r) >= EVENT_FIELDS for r in records)
    assert all(Event.from_record(r).event_id == r["event_id"] for r in records)
    assert result.stderr.endswith(f"read 2 articles, rejected 0, wrote {len(records)} events\n")


def test_real_pipeline_long_text_in_pieces(nlp, monkeypatch):
    from pipeline.batch import article_pieces, extract_articles
    from pipeline.readers import Article

    filler = "The weather was mild and the crowd was small for the friendly."
    text = "\n\n".join([filler] * 6 + [SACKING] + [filler] * 2)
    article = Article(id="long", date="2021-11-08", title="Weekend round-up", text=text)
    [(_, whole)] = list(extract_articles(nlp, [article]))

    monkeypatch.setattr(nlp, "max_length", 300)
    assert len(article_pieces(nlp, article)) > 2
    [(_, pieces)] = list(extract_articles(nlp, [article]))

    assert [e.to_record() for e in pieces] == [e.to_record() for e in whole]
    assert pieces, "the real pipeline found no event in the sacking paragraph"
    for event in pieces:
        assert event.evidence.field == "text"
        assert event.evidence.start == article.text.index(SACKING)
        assert article.text[event.evidence.start:event.evidence.end].strip() == event.evidence.sentence


@pytest.mark.parametrize(
    ("threshold", "kept"),
    [pytest.param("0", 1, id="zero-keeps-all"), pytest.param("0.05", 1, id="low-keeps"),
     pytest.param("1", 0, id="one-drops-what-is-not-certain")],
)
def test_min_confidence_filters_written_events(runner, use_real, in_tmp, threshold, kept):
    write_jsonl(in_tmp / "in.jsonl", [{"id": "e1", "date": "2021-11-08", "text": SACKING}])
    result = extract(runner, "in.jsonl", "-o", "out.jsonl", "--min-confidence", threshold)
    assert result.exit_code == 0, result.stderr
    records = read_jsonl(in_tmp / "out.jsonl") if kept else []
    assert len(records) == kept
    assert all(r["confidence"] >= float(threshold) for r in records)
    assert result.stderr.endswith(f"read 1 articles, rejected 0, wrote {kept} events\n")
