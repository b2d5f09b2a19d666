"""A run killed with SIGKILL while rows are landing, started again, ends with the events of an uninterrupted run.

Real subprocesses of the command line, the real pipeline over a sample of corpus/, a real signal.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from pipeline.parallel import can_fork
from pipeline.run import ExtractOptions, run_extract

from .conftest import SAMPLE_SIZE, event_table, write_jsonl

TIMEOUT = 300


def extract_command(source, url: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "extract", str(source), "--db", url, "-b", "1", "--no-progress"]


def articles_recorded(url: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            if not engine.dialect.has_table(connection, "articles"):
                return 0
            return connection.execute(sa.text("SELECT count(*) FROM articles")).scalar()
    except sa.exc.OperationalError:  # SQLite busy while the run commits: look again
        return 0
    finally:
        engine.dispose()


def wait_for_rows(process: subprocess.Popen, url: str) -> int:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        landed = articles_recorded(url)
        if landed:
            return landed
        assert process.poll() is None, f"the run ended before any row landed: {process.communicate()}"
        time.sleep(0.05)
    raise AssertionError("no row landed in time")


def test_a_run_killed_with_sigkill_resumes_to_the_same_events(db_url, corpus_sample, corpus_reference):
    process = subprocess.Popen(extract_command(corpus_sample, db_url), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    wait_for_rows(process, db_url)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=TIMEOUT)
    assert process.returncode == -signal.SIGKILL
    landed = articles_recorded(db_url)
    assert 0 < landed < SAMPLE_SIZE, "the kill did not fall in the middle of the run"

    again = subprocess.run(extract_command(corpus_sample, db_url), capture_output=True, text=True, timeout=TIMEOUT)
    assert again.returncode == 0, again.stderr
    assert f"read {SAMPLE_SIZE} articles, skipped {landed} already in the database" in again.stderr
    assert event_table(db_url) == corpus_reference


# --- resumed runs that also write files (stand-in pipeline, conftest.fake_nlp) --------------------

FEED = [{"id": f"f{n}", "text": f"Rovers sacked Tom Reed{'x' * n}; then City sacked Ann Vale{'y' * n}."}
        for n in range(7)] + [{"id": "empty", "text": "No change."}, {"id": 3}]


def test_a_resumed_run_writes_complete_files_in_input_order(fake_nlp, tmp_path, db_url):
    feed = write_jsonl(tmp_path / "feed.jsonl", FEED)
    fresh = tmp_path / "fresh"
    run_extract(ExtractOptions(inputs=[str(feed)], output=str(fresh / "e.jsonl"), outputs=[str(fresh / "e.csv")],
                               batch_size=3), fake_nlp)
    # A first run that got through part of the feed, then the full run over the same database.
    write_jsonl(tmp_path / "part.jsonl", FEED[1:5:2])
    run_extract(ExtractOptions(inputs=[str(tmp_path / "part.jsonl")], output=None, db=db_url), fake_nlp)
    resumed = tmp_path / "resumed"
    counts = run_extract(ExtractOptions(inputs=[str(feed)], output=str(resumed / "e.jsonl"),
                                        outputs=[str(resumed / "e.csv")], db=db_url, batch_size=3), fake_nlp)
    assert (counts.read, counts.skipped, counts.rejected, counts.events) == (9, 2, 1, 14)
    for name in ("e.jsonl", "e.csv"):
        assert (resumed / name).read_bytes() == (fresh / name).read_bytes()
    assert len(event_table(db_url)) == 14


@pytest.mark.skipif(not can_fork(), reason="worker processes need fork()")
def test_worker_processes_write_the_same_rows(fake_nlp, tmp_path, db_url):
    feed = write_jsonl(tmp_path / "feed.jsonl", FEED)
    run_extract(ExtractOptions(inputs=[str(feed)], output=None, db=db_url, batch_size=2, n_process=2), fake_nlp)
    parallel = event_table(db_url)
    run_extract(ExtractOptions(inputs=[str(feed)], output=None, db=db_url, batch_size=2, force=True), fake_nlp)
    assert event_table(db_url) == parallel and len(parallel) == 14
