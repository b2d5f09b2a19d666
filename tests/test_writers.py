"""The writers: one JSON record a line, UTF-8, stdout or a file (parent folders made)."""
from __future__ import annotations

import json
import os

import pytest

from pipeline.readers import Reject
from pipeline.schema import Event, Evidence
from pipeline.writers import JsonlWriter, RejectsWriter


def make_event(coach: str = "José Núñez", team: str = "Real Betis") -> Event:
    sentence = f"{team} sacked {coach} on Sunday."
    return Event(doc_id="w1", type="departure", coach=coach, team=team, role="manager",
                 interim=False, manner="fired", date="2021-03-14",
                 evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger="sacked"),
                 rule="test", confidence=0.9, sport="soccer")


def read_lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_events_are_written_one_record_a_line_without_ascii_escapes(tmp_path):
    path = tmp_path / "deep" / "er" / "events.jsonl"  # folders created
    events = [make_event(), make_event(coach="Ana Pérez")]
    with JsonlWriter(path) as writer:
        assert writer.write_events(events) == 2
        assert writer.write_events([]) == 0
    assert writer.count == 2
    raw = path.read_text(encoding="utf-8")
    assert "José Núñez" in raw and "\\u00e9" not in raw
    assert read_lines(path) == [event.to_record() for event in events]
    assert Event.from_record(read_lines(path)[0]) == events[0]


def test_each_chunk_is_flushed(tmp_path):
    path = tmp_path / "events.jsonl"
    with JsonlWriter(path) as writer:
        writer.write_events([make_event()])
        partial = writer.writing_to
        assert partial.parent == tmp_path and partial != path
        assert len(read_lines(partial)) == 1  # visible before the writer closes
        assert not path.exists()  # the target appears only when the run ends well
    assert len(read_lines(path)) == 1 and not partial.exists()


def test_a_failed_run_keeps_the_previous_output_and_leaves_no_temporary_file(tmp_path):
    path = tmp_path / "events.jsonl"
    path.write_text("previous complete output\n", encoding="utf-8")
    with pytest.raises(RuntimeError), JsonlWriter(path) as writer:
        writer.write_events([make_event()])
        raise RuntimeError("the run fails half way")
    assert path.read_text(encoding="utf-8") == "previous complete output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]


def test_an_output_file_gets_the_usual_permissions(tmp_path):
    path = tmp_path / "events.jsonl"
    with JsonlWriter(path):
        pass
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_no_events_leaves_an_empty_file(tmp_path):
    path = tmp_path / "events.jsonl"
    with JsonlWriter(path):
        pass
    assert path.read_bytes() == b""


def test_stdout_gets_utf8_lines(capsysbinary):
    with JsonlWriter("-") as writer:
        writer.write_events([make_event()])
    out = capsysbinary.readouterr().out
    assert out.endswith(b"\n") and out.count(b"\n") == 1
    assert json.loads(out.decode("utf-8"))["coach"] == "José Núñez"


def test_rejects_file_is_created_on_first_reject_only(tmp_path):
    path = tmp_path / "out" / "events.rejects.jsonl"
    with RejectsWriter(path) as writer:
        assert not path.exists()
        writer.write_reject(Reject("in.jsonl:2", "a2", "empty text", '{"id": "a2", "text": ""}'))
        writer.write_reject(Reject("in.jsonl:3", None, "missing id", '{"text": "x"}'))
    assert read_lines(path) == [
        {"source": "in.jsonl:2", "id": "a2", "reason": "empty text", "excerpt": '{"id": "a2", "text": ""}'},
        {"source": "in.jsonl:3", "id": None, "reason": "missing id", "excerpt": '{"text": "x"}'},
    ]


def test_clean_run_leaves_no_rejects_file(tmp_path):
    path = tmp_path / "events.rejects.jsonl"
    with RejectsWriter(path) as writer:
        pass
    assert writer.count == 0 and not path.exists()
