"""The event store on SQLite and PostgreSQL: upserts, replacement, resume, migration, errors.

Runs extract with the stand-in pipeline (conftest.fake_nlp: "<Team> sacked <First Last>").
"""
from __future__ import annotations

import pandas as pd
import pytest
import sqlalchemy as sa

from pipeline.db import SCHEMA_VERSION, EventStore, StoreError, content_hash
from pipeline.readers import Article
from pipeline.run import ExtractOptions, run_extract
from pipeline.schema import Event, Evidence

from .conftest import table_rows, write_jsonl

ARTICLES = [
    {"id": "a1", "date": "2021-03-01", "title": "Change at Rovers", "url": "https://example.test/a1",
     "text": "Rovers sacked Tom Reed on Monday; then Harbour sacked Lee Park."},
    {"id": "a2", "date": "2021-03-02", "text": "City sacked Ann Vale."},
    {"id": "a3", "text": "Nothing happened at the club this week."},
]
EVENTS_QUERY = "SELECT doc_id, coach, team, event_id FROM events ORDER BY doc_id, coach"


def run(fake_nlp, inputs, db_url, **options):
    return run_extract(ExtractOptions(inputs=[str(path) for path in inputs], output=None, db=db_url,
                                      **options), fake_nlp)


def test_articles_and_events_land_in_their_tables(fake_nlp, tmp_path, db_url):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    counts = run(fake_nlp, [source], db_url)
    assert (counts.read, counts.events, counts.skipped) == (3, 3, 0)
    assert [row[:3] for row in table_rows(db_url, EVENTS_QUERY)] == [
        ("a1", "Lee Park", "Harbour"), ("a1", "Tom Reed", "Rovers"), ("a2", "Ann Vale", "City")]
    articles = table_rows(db_url, "SELECT id, published, title, url, n_events, content_hash, pipeline_version "
                                  "FROM articles ORDER BY id")
    assert [row[:5] for row in articles] == [
        ("a1", "2021-03-01", "Change at Rovers", "https://example.test/a1", 2),
        ("a2", "2021-03-02", None, None, 1),
        ("a3", None, None, None, 0)]
    assert all(len(row[5]) == 64 and row[6].startswith("coaching-events ") for row in articles)


def test_evidence_is_flattened_into_columns(fake_nlp, tmp_path, db_url):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES[1:2])
    run(fake_nlp, [source], db_url)
    assert table_rows(db_url, "SELECT evidence_sentence, evidence_start, evidence_end, evidence_trigger, "
                              "evidence_field, interim, manner, rule, confidence FROM events") == [
        ("City sacked Ann Vale", 0, 20, "sacked", "text", False, "fired", "fake", 1.0)]


def test_running_twice_or_over_overlapping_inputs_duplicates_nothing(fake_nlp, tmp_path, db_url):
    first = write_jsonl(tmp_path / "first.jsonl", ARTICLES[:2])
    overlap = write_jsonl(tmp_path / "overlap.jsonl", ARTICLES[1:])
    run(fake_nlp, [first], db_url)
    once = table_rows(db_url, EVENTS_QUERY)
    run(fake_nlp, [first], db_url)
    run(fake_nlp, [overlap], db_url, force=True)
    assert table_rows(db_url, EVENTS_QUERY) == once
    assert table_rows(db_url, "SELECT count(*) FROM articles") == [(3,)]


def test_a_second_run_skips_what_is_recorded_and_force_runs_it_again(fake_nlp, tmp_path, db_url):
    source = write_jsonl(tmp_path / "in.jsonl", ARTICLES)
    run(fake_nlp, [source], db_url)
    again = run(fake_nlp, [source], db_url)
    assert (again.read, again.skipped, again.events) == (3, 3, 0)
    assert "skipped 3 already in the database" in again.summary()
    forced = run(fake_nlp, [source], db_url, force=True)
    assert (forced.read, forced.skipped, forced.events) == (3, 0, 3)
    assert len(table_rows(db_url, EVENTS_QUERY)) == 3


def test_an_article_with_new_text_replaces_its_old_events(fake_nlp, tmp_path, db_url):
    run(fake_nlp, [write_jsonl(tmp_path / "v1.jsonl", ARTICLES[:1])], db_url)
    edited = dict(ARTICLES[0], text="Rovers sacked Tom Reed on Monday. Dale sacked Kim Ross too.")
    counts = run(fake_nlp, [write_jsonl(tmp_path / "v2.jsonl", [edited])], db_url)
    assert (counts.skipped, counts.events) == (0, 2)
    assert [row[1:3] for row in table_rows(db_url, EVENTS_QUERY)] == [("Kim Ross", "Dale"), ("Tom Reed", "Rovers")]
    assert table_rows(db_url, "SELECT n_events FROM articles") == [(2,)]


def test_a_new_pipeline_version_processes_again_and_replaces(fake_nlp, tmp_path, db_url):
    article = Article(id="a9", text="Town sacked Bo Lind.", source="test")
    old = Event(doc_id="a9", type="departure", coach="Old Name", team="Town", role="manager", interim=False,
                manner="fired", date=None, evidence=Evidence("x", 0, 1), rule="old", confidence=0.5)
    with EventStore.open(db_url) as store:
        store.write([(article, [old])], "coaching-events 0.0.1")
        assert store.unrecorded([article], "coaching-events 0.0.1") == []
        assert store.unrecorded([article], "coaching-events 0.1.0") == [article]
    run(fake_nlp, [write_jsonl(tmp_path / "in.jsonl", [{"id": "a9", "text": article.text}])], db_url)
    assert [row[1] for row in table_rows(db_url, EVENTS_QUERY)] == ["Bo Lind"]


def test_events_read_back_equal_the_events_written(db_url):
    article = Article(id="r1", text="...", date="2020-01-01", source="test")
    events = [
        Event(doc_id="r1", type="hire", coach="Ida Moss", team="Port Vale", role="head coach", interim=True,
              manner=None, date="2020-01", evidence=Evidence("Ida Moss takes over.", 4, 24, "takes over", "title"),
              rule="r", confidence=0.8, sport="soccer"),
        Event(doc_id="r1", type="departure", coach="Al Dunn", team="Port Vale", role=None, interim=False,
              manner="resigned", date=None, evidence=Evidence("Dunn quit.", 30, 40, "quit"), rule="s",
              confidence=0.7),
    ]
    with EventStore.open(db_url) as store:
        assert store.write([(article, events)], "v") == 2
        assert store.events_of(["r1", "nope"]) == {"r1": events, "nope": []}


def test_pandas_reads_the_tables(fake_nlp, tmp_path, db_url):
    run(fake_nlp, [write_jsonl(tmp_path / "in.jsonl", ARTICLES)], db_url)
    engine = sa.create_engine(db_url)
    try:
        frame = pd.read_sql("SELECT e.*, a.published FROM events e JOIN articles a ON a.id = e.doc_id "
                            "ORDER BY e.doc_id, e.coach", engine)
    finally:
        engine.dispose()
    assert list(frame["coach"]) == ["Lee Park", "Tom Reed", "Ann Vale"]
    assert list(frame["published"]) == ["2021-03-01", "2021-03-01", "2021-03-02"]
    assert {"event_id", "evidence_sentence", "evidence_start", "confidence"} <= set(frame.columns)


# --- schema versions ----------------------------------------------------------------------

V1_TABLES = [
    "CREATE TABLE schema_version (version INTEGER NOT NULL)",
    "INSERT INTO schema_version (version) VALUES (1)",
    "CREATE TABLE articles (id VARCHAR PRIMARY KEY, published VARCHAR(10), title TEXT, url TEXT, "
    "content_hash VARCHAR(64) NOT NULL, pipeline_version VARCHAR NOT NULL, "
    "processed_at TIMESTAMP WITH TIME ZONE NOT NULL, n_events INTEGER NOT NULL)",
    "CREATE TABLE events (event_id VARCHAR(16) PRIMARY KEY, doc_id VARCHAR NOT NULL, type VARCHAR(16) NOT NULL, "
    "coach TEXT NOT NULL, team TEXT NOT NULL, role TEXT, interim BOOLEAN NOT NULL, manner VARCHAR(32), "
    "date VARCHAR(10), evidence_sentence TEXT, evidence_start INTEGER, evidence_end INTEGER, "
    "evidence_trigger TEXT, evidence_field VARCHAR(8), rule TEXT, confidence FLOAT, sport VARCHAR(32))",
    "INSERT INTO events (event_id, doc_id, type, coach, team, interim) "
    "VALUES ('00ff00ff00ff00ff', 'old', 'hire', 'Kept Coach', 'Kept Team', false)",
]


def test_a_version_1_database_is_migrated_on_open_and_keeps_its_rows(db_url):
    engine = sa.create_engine(db_url)
    with engine.begin() as connection:
        for statement in V1_TABLES:
            connection.execute(sa.text(statement))
    engine.dispose()
    with EventStore.open(db_url) as store:
        assert store.version() == SCHEMA_VERSION == 2
    assert table_rows(db_url, "SELECT coach, position FROM events") == [("Kept Coach", None)]
    assert table_rows(db_url, "SELECT version FROM schema_version") == [(2,)]
    with EventStore.open(db_url) as store:  # opening again changes nothing
        assert store.version() == 2
    assert table_rows(db_url, "SELECT count(*) FROM transitions") == [(0,)]


def test_a_database_newer_than_the_tool_is_refused(db_url):
    with EventStore.open(db_url):
        pass
    engine = sa.create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE schema_version SET version = 99"))
    engine.dispose()
    with pytest.raises(StoreError, match=r"schema version 99, newer than this coaching-events knows \(2\)"):
        EventStore.open(db_url)


def test_a_foreign_events_table_is_not_taken_over(db_url):
    engine = sa.create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(sa.text("CREATE TABLE events (x INTEGER)"))
    engine.dispose()
    with pytest.raises(StoreError, match="has an events table but no schema_version: not a coaching-events"):
        EventStore.open(db_url)


# --- URLs and errors --------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("url", "message"),
    [
        pytest.param("events.db", r"not a database URL: 'events.db' \(expected e.g. sqlite:///events.db", id="path"),
        pytest.param("nosuchdialect://x/y", "cannot use database nosuchdialect://x/y: no driver", id="dialect"),
        pytest.param("postgresql://someone:secret@127.0.0.1:1/db",
                     r"cannot open database postgresql\+psycopg://someone:\*\*\*@127.0.0.1:1/db: .*refused",
                     id="unreachable"),
    ],
)
def test_a_bad_url_is_a_clear_error_without_the_password(url, message):
    with pytest.raises(StoreError, match=message) as caught:
        EventStore.open(url)
    assert "secret" not in str(caught.value)


def test_a_sqlite_file_gets_its_folder(tmp_path):
    with EventStore.open(f"sqlite:///{tmp_path / 'new' / 'deeper' / 'events.db'}") as store:
        assert store.version() == SCHEMA_VERSION
    assert (tmp_path / "new" / "deeper" / "events.db").is_file()


def test_content_hash_follows_text_title_and_date():
    base = Article(id="x", text="Same text.", date="2020-01-01", title="T", source="a")
    assert content_hash(base) == content_hash(Article(id="y", text="Same text.", date="2020-01-01", title="T",
                                                      source="b", url="https://example.test"))
    assert len({content_hash(base), content_hash(Article(id="x", text="Same text!", date="2020-01-01", title="T")),
                content_hash(Article(id="x", text="Same text.", date="2020-01-02", title="T")),
                content_hash(Article(id="x", text="Same text.", date="2020-01-01", title=None))}) == 4
