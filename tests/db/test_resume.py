"""A run killed with SIGKILL while rows are landing, started again, ends with the events of an uninterrupted run.

Real subprocesses of the command line, the real pipeline over a sample of corpus/, a real signal.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import sqlalchemy as sa

from .conftest import SAMPLE_SIZE, event_table

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
