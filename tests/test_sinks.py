"""CSV, Parquet and several outputs in one run, from the command line (stand-in pipeline, conftest.fake_nlp)."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

import pipeline.run
from pipeline.cli import app
from pipeline.cli.extract import split_outputs
from pipeline.sinks import EVENT_COLUMNS, CsvSink, flat
from pipeline.schema import Event, Evidence

ARTICLES = [
    {"id": "s1", "date": "2022-05-01", "text": "Rovers sacked Tom Reed, \"for results\", on Sunday."},
    {"id": "s2", "text": "Nothing to see."},
    {"id": "s3", "text": "Harbour sacked Lee Park; then City sacked Ann Vale."},
]


def write_jsonl(path: Path, records: list) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def flattened(record: dict) -> dict:
    evidence = record.pop("evidence")
    record.update({f"evidence_{key}": value for key, value in evidence.items()})
    return record


@pytest.fixture(autouse=True)
def use_fake(monkeypatch, fake_nlp):
    monkeypatch.setattr(pipeline.run, "load_nlp", lambda model=None: fake_nlp)


@pytest.fixture
def source(tmp_path) -> Path:
    return write_jsonl(tmp_path / "in.jsonl", ARTICLES)


def invoke(*args: str):
    return CliRunner().invoke(app, ["extract", *args])


def test_one_run_writes_the_same_events_to_every_sink(tmp_path, source):
    out = tmp_path / "out"
    db = f"sqlite:///{out / 'events.db'}"
    result = invoke(str(source), "-o", str(out / "events.csv"), "-o", str(out / "events.jsonl"),
                    "-o", str(out / "events.parquet"), "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "read 3 articles, rejected 0, wrote 3 events" in result.stderr
    expected = [flattened(record) for record in read_jsonl(out / "events.jsonl")]
    assert [r["coach"] for r in expected] == ["Tom Reed", "Lee Park", "Ann Vale"]

    with (out / "events.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == list(EVENT_COLUMNS)
    assert rows[0]["evidence_sentence"] == "Rovers sacked Tom Reed" and rows[0]["interim"] == "false"
    assert [row["event_id"] for row in rows] == [r["event_id"] for r in expected]
    assert rows[0]["role"] == "manager" and rows[0]["sport"] == ""  # None is an empty cell

    table = pq.read_table(out / "events.parquet")
    assert table.column_names == list(EVENT_COLUMNS)
    assert table.to_pylist() == [{column: r[column] for column in EVENT_COLUMNS} for r in expected]

    engine = sa.create_engine(db)
    with engine.connect() as connection:
        ids = [row[0] for row in connection.execute(sa.text("SELECT event_id FROM events ORDER BY doc_id, position"))]
    engine.dispose()
    assert ids == [r["event_id"] for r in expected]


def test_csv_quotes_what_needs_quoting(tmp_path):
    event = Event(doc_id="q", type="departure", coach="Jo \"JJ\" Ode", team="A, B & C", role=None, interim=True,
                  manner="fired", date=None, evidence=Evidence("Line one\nline two, \"quoted\"", 0, 30, "sacked"),
                  rule="r", confidence=0.5)
    sink = CsvSink(tmp_path / "q.csv")
    sink.write_events([event])
    sink.close(ok=True)
    with (tmp_path / "q.csv").open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row == {key: ("true" if value is True else "" if value is None else str(value))
                   for key, value in flat(event).items()}


def test_a_failed_run_leaves_an_earlier_csv_as_it_was(tmp_path, source, fake_nlp, monkeypatch):
    target = tmp_path / "events.csv"
    target.write_text("the earlier complete output\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError("disk full (simulated by the test)")

    monkeypatch.setattr(pipeline.sinks.CsvSink, "write_events", broken)
    result = invoke(str(source), "-o", str(target))
    assert result.exit_code == 1
    assert "disk full" in result.stderr
    assert target.read_text(encoding="utf-8") == "the earlier complete output\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_parquet_without_pyarrow_says_which_extra_to_install(tmp_path, source, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = invoke(str(source), "-o", str(tmp_path / "events.parquet"))
    assert result.exit_code == 1
    assert "error: writing Parquet needs pyarrow: pip install 'coaching-events[parquet]'" in result.stderr
    assert not list(tmp_path.glob("*parquet*"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--db", "events.db"], "error: not a database URL: 'events.db' (expected e.g. sqlite:///",
                     id="path-not-url"),
        pytest.param(["--db", "postgresql://u:pw@127.0.0.1:1/x"],
                     "error: cannot open database postgresql+psycopg://u:***@127.0.0.1:1/x: ", id="unreachable"),
        pytest.param(["-o", "a.csv", "-o", "a.csv"], "error: two outputs are the same file: a.csv", id="same-file"),
    ],
)
def test_an_output_that_cannot_be_used_stops_the_run_before_it_starts(tmp_path, source, monkeypatch, args,
                                                                      message):
    monkeypatch.chdir(tmp_path)
    result = invoke(str(source), *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert "read " not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["--db"], "Option '--db' requires an argument", id="db-without-url"),
        pytest.param(["--force"], "error: --force is for runs with --db", id="force-without-db"),
    ],
)
def test_bad_command_line_is_exit_2(source, args, message):
    result = invoke(str(source), *args)
    assert result.exit_code == 2
    assert message in result.stderr


@pytest.mark.parametrize(
    ("outputs", "db", "expected"),
    [
        pytest.param([], None, ("-", []), id="stdout-by-default"),
        pytest.param([], "sqlite:///x.db", (None, []), id="db-only"),
        pytest.param(["a.csv", "b.jsonl", "c.parquet"], None, ("b.jsonl", ["a.csv", "c.parquet"]), id="mixed"),
        pytest.param(["a.csv", "-"], "sqlite:///x.db", ("-", ["a.csv"]), id="stdout-too"),
    ],
)
def test_split_outputs(outputs, db, expected):
    assert split_outputs(outputs, db) == expected


def test_rejects_go_beside_the_first_output_when_there_is_no_jsonl(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "ok", "text": "Rovers sacked Tom Reed."}, {"id": 5}])
    result = invoke(str(source), "-o", str(tmp_path / "out" / "events.csv"))
    assert result.exit_code == 0, result.output
    assert read_jsonl(tmp_path / "out" / "events.rejects.jsonl")[0]["reason"] == "missing text"


def test_temporary_files_of_killed_runs_are_cleaned_up(tmp_path, source):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".events.csv.{dead.stdout.strip()}.tmp"
    stale.write_text("half a file", encoding="utf-8")
    other = tmp_path / ".other.csv.1.tmp"  # another target's: left alone
    other.write_text("x", encoding="utf-8")
    result = invoke(str(source), "-o", str(tmp_path / "events.csv"))
    assert result.exit_code == 0, result.output
    assert not stale.exists() and other.exists()
    assert (tmp_path / "events.csv").read_text(encoding="utf-8").startswith("event_id,doc_id,")
