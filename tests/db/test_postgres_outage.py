"""The PostgreSQL server stops in the middle of a run: the run says so and fails; after a restart, a re-run
completes with nothing lost. Needs the cluster's name (COACHING_EVENTS_TEST_PG_CLUSTER, set by .ci/postgres)
and the right to run pg_ctlcluster (root)."""
from __future__ import annotations

import os
import subprocess

import pytest

from .conftest import PG_CLUSTER_ENV, SAMPLE_SIZE, empty_postgres, event_table, pg_url
from .test_resume import TIMEOUT, articles_recorded, extract_command, wait_for_rows


@pytest.fixture
def cluster() -> list[str]:
    url = pg_url()
    name = os.environ.get(PG_CLUSTER_ENV)
    if not name:
        pytest.skip(f"{PG_CLUSTER_ENV} is not set: the test cannot stop and restart the server")
    empty_postgres(url)
    version, cluster_name = name.split("/")
    yield [version, cluster_name]
    subprocess.run(["pg_ctlcluster", version, cluster_name, "start"], capture_output=True, check=False)


def test_a_server_that_stops_mid_run_is_reported_and_a_rerun_loses_nothing(cluster, corpus_sample,
                                                                            corpus_reference):
    url = pg_url()
    process = subprocess.Popen(extract_command(corpus_sample, url), stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    wait_for_rows(process, url)
    subprocess.run(["pg_ctlcluster", *cluster, "stop", "-m", "fast"], check=True, capture_output=True)
    _out, err = process.communicate(timeout=TIMEOUT)
    assert process.returncode == 1, err
    assert "error: cannot " in err and "database postgresql+psycopg://coaching_events:***@" in err
    assert "stopped after: read " in err
    assert "the batches written before are kept: run the same command again to resume" in err

    subprocess.run(["pg_ctlcluster", *cluster, "start"], check=True, capture_output=True)
    landed = articles_recorded(url)
    assert 0 < landed < SAMPLE_SIZE
    again = subprocess.run(extract_command(corpus_sample, url), capture_output=True, text=True, timeout=TIMEOUT)
    assert again.returncode == 0, again.stderr
    assert f"skipped {landed} already in the database" in again.stderr
    assert event_table(url) == corpus_reference
