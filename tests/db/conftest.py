"""Databases for the tests: a SQLite file, and a real PostgreSQL server when CI provides one.

``.ci/postgres`` starts the server and prints the variables:
COACHING_EVENTS_TEST_PG (a SQLAlchemy URL) and COACHING_EVENTS_TEST_PG_CLUSTER
(VERSION/NAME for pg_ctlcluster). When COACHING_EVENTS_TEST_PG is set, a server
that cannot be reached fails the tests; when it is unset, the PostgreSQL
cases are skipped with the reason.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import sqlalchemy as sa

PG_ENV = "COACHING_EVENTS_TEST_PG"
PG_CLUSTER_ENV = "COACHING_EVENTS_TEST_PG_CLUSTER"
TABLES = ("events", "articles", "transitions", "schema_version")


def pg_url() -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test against (.ci/postgres starts one)")
    return url


def empty_postgres(url: str) -> None:
    """Drop our tables so that each test starts from an empty database; fails if the server is not there."""
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            for table in TABLES:
                connection.execute(sa.text(f"DROP TABLE IF EXISTS {table}"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """An empty database of each kind."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'events.db'}"
    url = pg_url()
    empty_postgres(url)
    return url


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def table_rows(url: str, query: str) -> list[tuple]:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(sa.text(query))]
    finally:
        engine.dispose()


CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "articles.jsonl"
SAMPLE_SIZE = 24  # articles of corpus/ the resume tests run on


@pytest.fixture(scope="session")
def corpus_sample(tmp_path_factory) -> Path:
    """The first articles of corpus/, as a JSON Lines file."""
    lines = CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)[:SAMPLE_SIZE]
    path = tmp_path_factory.mktemp("sample") / "articles.jsonl"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def event_table(url: str) -> list[tuple]:
    """Every row of the events table, every column, in key order (types as SQLAlchemy reads them)."""
    from pipeline.db.tables import events

    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(sa.select(events).order_by(events.c.event_id))]
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def corpus_reference(nlp, corpus_sample, tmp_path_factory) -> list[tuple]:
    """The events table of an uninterrupted run over the corpus sample with the real pipeline."""
    from pipeline.run import ExtractOptions, run_extract

    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'events.db'}"
    run_extract(ExtractOptions(inputs=[str(corpus_sample)], output=None, db=url, batch_size=1), nlp)
    rows = event_table(url)
    assert len(rows) > 50
    return rows
