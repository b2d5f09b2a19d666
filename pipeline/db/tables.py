"""The database's tables (SQLAlchemy Core) and how to migrate an older one.

Schema version 2:

- ``articles``: one row an article processed (id, publication date, title, url,
  content hash, pipeline version, processed at, number of events).
- ``events``: one row an event, every output field a column, the evidence
  flattened into ``evidence_*`` columns; ``event_id`` is the primary key.
  ``position`` is the event's place in its article's output.
- ``transitions``: the consolidated changes written by ``coaching-events transitions``.
- ``schema_version``: one row, the version of this layout.

Version 1 had no ``events.position``; :data:`MIGRATIONS` brings a version 1
database to version 2 when it is opened.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import (Boolean, Column, Connection, DateTime, Float, Integer, MetaData, String, Table, Text,
                        text)

SCHEMA_VERSION = 2

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", String, primary_key=True),
    Column("published", String(10)),  # YYYY-MM-DD, as in the input
    Column("title", Text),
    Column("url", Text),
    Column("content_hash", String(64), nullable=False),
    Column("pipeline_version", String, nullable=False),
    Column("processed_at", DateTime(timezone=True), nullable=False),
    Column("n_events", Integer, nullable=False),
)

events = Table(
    "events", metadata,
    Column("event_id", String(16), primary_key=True),
    Column("doc_id", String, nullable=False, index=True),
    Column("type", String(16), nullable=False),
    Column("coach", Text, nullable=False),
    Column("team", Text, nullable=False),
    Column("role", Text),
    Column("interim", Boolean, nullable=False),
    Column("manner", String(32)),
    Column("date", String(10)),
    Column("evidence_sentence", Text),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("evidence_trigger", Text),
    Column("evidence_field", String(8)),
    Column("rule", Text),
    Column("confidence", Float),
    Column("sport", String(32)),
    Column("position", Integer),  # added in version 2
)

transitions = Table(
    "transitions", metadata,
    Column("change_id", String(16), primary_key=True),
    Column("team", Text, nullable=False),
    Column("role", Text),
    Column("outgoing_coach", Text),
    Column("manner", String(32)),
    Column("vacancy_date", String(10)),
    Column("incoming_coach", Text),
    Column("interim", Boolean),
    Column("appointment_date", String(10)),
    Column("sources", Text, nullable=False),  # article ids, comma-separated, sorted
    Column("event_ids", Text, nullable=False),
)


def _v1_to_v2(connection: Connection) -> None:
    connection.execute(text("ALTER TABLE events ADD COLUMN position INTEGER"))


# version N -> the step that makes it version N + 1
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _v1_to_v2}
