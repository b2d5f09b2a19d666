"""Articles and their events in a database (any SQLAlchemy URL; SQLite and PostgreSQL tested).

    store = EventStore.open("sqlite:///events.db")     # creates or migrates the tables
    todo = store.unrecorded(articles, version)          # what this pipeline version has not done yet
    store.write([(article, events), ...], version)      # one transaction: articles and events

Writes are upserts on the primary keys (``ON CONFLICT DO UPDATE`` of the
SQLite and PostgreSQL dialects). An article's events that its new run no
longer yields (new text, new pipeline version) are deleted in the same
transaction, so a database never holds an event twice or a stale one.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from ..readers import Article
from ..schema import Event, Evidence
from ..transitions import Change, Report
from .tables import MIGRATIONS, SCHEMA_VERSION, articles, events, metadata, schema_version, transitions

# PostgreSQL without a driver in the URL means psycopg (version 3), the driver this package pins.
DEFAULT_DRIVERS = {"postgresql": "postgresql+psycopg"}
UPSERT_DIALECTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


class StoreError(RuntimeError):
    """The database cannot be opened, migrated or written; the message says which and why."""


def normalize_url(url: str) -> URL:
    """The SQLAlchemy URL for ``url``; a bare path ``events.db`` is not accepted (say ``sqlite:///events.db``)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL: {url!r} (expected e.g. sqlite:///events.db or "
                         "postgresql://user@host/dbname)") from None
    driver = DEFAULT_DRIVERS.get(parsed.drivername)
    return parsed.set(drivername=driver) if driver else parsed


def shown(url: URL) -> str:
    return url.render_as_string(hide_password=True)


def _reason(error: BaseException) -> str:
    """The first line of a driver's message (they run on with hints and SQL)."""
    message = str(getattr(error, "orig", None) or error).strip()
    return message.splitlines()[0] if message else type(error).__name__


def content_hash(article: Article) -> str:
    """What the events of an article depend on: its text, title and publication date."""
    key = json.dumps([article.text, article.title, article.date], ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def event_row(event: Event, position: int) -> dict[str, Any]:
    record = event.to_record()
    evidence = record.pop("evidence")
    record.update({f"evidence_{key}": value for key, value in evidence.items()})
    record["position"] = position
    return record


def event_from_row(row: dict[str, Any]) -> Event:
    data = {key: value for key, value in row.items() if not key.startswith("evidence_") and key != "position"}
    evidence = Evidence(sentence=row["evidence_sentence"], start=row["evidence_start"], end=row["evidence_end"],
                        trigger=row["evidence_trigger"], field=row["evidence_field"])
    return Event(evidence=evidence, **data)


def _make_sqlite_folder(url: URL) -> None:
    """Create the folder of a SQLite file, as -o does for files."""
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:") \
            and not url.database.startswith("file:"):
        try:
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(f"cannot open database {shown(url)}: {error.strerror or error}") from None


class EventStore:
    """A database of articles and events; open with :meth:`open`, close with :meth:`close`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url
        upsert = UPSERT_DIALECTS.get(engine.dialect.name)
        if upsert is None:
            raise StoreError(f"{engine.dialect.name} databases are not supported (use SQLite or PostgreSQL)")
        self._upsert = upsert

    @classmethod
    def open(cls, url: str) -> EventStore:
        """Connect, create the tables of a new database or migrate an older one; StoreError if it cannot."""
        parsed = normalize_url(url)
        try:
            engine = create_engine(parsed)
        except (NoSuchModuleError, ImportError) as error:
            raise StoreError(f"cannot use database {shown(parsed)}: no driver for it ({_reason(error)})") from None
        except ArgumentError as error:
            raise StoreError(f"not a database URL: {url!r} ({_reason(error)})") from None
        store = cls(engine)
        try:
            _make_sqlite_folder(parsed)
            store.migrate()
        except SQLAlchemyError as error:
            engine.dispose()
            raise StoreError(f"cannot open database {shown(parsed)}: {_reason(error)}") from None
        except StoreError:
            engine.dispose()
            raise
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- schema ------------------------------------------------------------------------------

    def version(self) -> int | None:
        """The schema version recorded in the database, None for a database without our tables."""
        with self.engine.connect() as connection:
            if not self.engine.dialect.has_table(connection, schema_version.name):
                return None
            return connection.execute(select(func.max(schema_version.c.version))).scalar()

    def migrate(self) -> None:
        """Bring the database to :data:`SCHEMA_VERSION`, in one transaction."""
        with self.engine.begin() as connection:
            has_versions = self.engine.dialect.has_table(connection, schema_version.name)
            found = connection.execute(select(func.max(schema_version.c.version))).scalar() \
                if has_versions else None
            if found is None and self.engine.dialect.has_table(connection, events.name):
                raise StoreError(f"database {shown(self.url)} has an events table but no schema_version: "
                                 "not a coaching-events database")
            if found is not None and found > SCHEMA_VERSION:
                raise StoreError(f"database {shown(self.url)} has schema version {found}, newer than this "
                                 f"coaching-events knows ({SCHEMA_VERSION}): upgrade coaching-events")
            current = found
            while current is not None and current < SCHEMA_VERSION:
                MIGRATIONS[current](connection)
                current += 1
            metadata.create_all(connection, checkfirst=True)
            if found != SCHEMA_VERSION:
                connection.execute(delete(schema_version))
                connection.execute(insert(schema_version).values(version=SCHEMA_VERSION))

    # --- articles and events -----------------------------------------------------------------

    def recorded(self, ids: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Article id -> (content hash, pipeline version) for those of ``ids`` in the database."""
        if not ids:
            return {}
        query = select(articles.c.id, articles.c.content_hash, articles.c.pipeline_version) \
            .where(articles.c.id.in_(list(ids)))
        try:
            with self.engine.connect() as connection:
                return {row.id: (row.content_hash, row.pipeline_version) for row in connection.execute(query)}
        except SQLAlchemyError as error:
            raise StoreError(f"cannot read database {shown(self.url)}: {_reason(error)}") from None

    def unrecorded(self, batch: Sequence[Article], version: str) -> list[Article]:
        """The articles of ``batch`` not yet recorded with this text and this pipeline version."""
        done = self.recorded([article.id for article in batch])
        return [article for article in batch if done.get(article.id) != (content_hash(article), version)]

    def write(self, results: Iterable[tuple[Article, list[Event]]], version: str) -> int:
        """Record articles and their events in one transaction; returns the number of events written."""
        results = list(results)
        if not results:
            return 0
        now = dt.datetime.now(dt.timezone.utc)
        article_rows = [
            {"id": article.id, "published": article.date, "title": article.title, "url": article.url,
             "content_hash": content_hash(article), "pipeline_version": version, "processed_at": now,
             "n_events": len(found)}
            for article, found in results
        ]
        event_rows = [event_row(event, position)
                      for _article, found in results for position, event in enumerate(found)]
        try:
            with self.engine.begin() as connection:
                connection.execute(self._upsert_statement(articles, "id"), article_rows)
                stale = delete(events).where(events.c.doc_id.in_([row["id"] for row in article_rows]))
                if event_rows:
                    stale = stale.where(events.c.event_id.not_in([row["event_id"] for row in event_rows]))
                connection.execute(stale)
                if event_rows:
                    connection.execute(self._upsert_statement(events, "event_id"), event_rows)
        except SQLAlchemyError as error:
            raise StoreError(f"cannot write to database {shown(self.url)}: {_reason(error)}") from None
        return len(event_rows)

    def _upsert_statement(self, table, key: str):
        statement = self._upsert(table)
        updates = {column.name: statement.excluded[column.name] for column in table.columns if column.name != key}
        return statement.on_conflict_do_update(index_elements=[table.c[key]], set_=updates)

    def events_of(self, ids: Sequence[str]) -> dict[str, list[Event]]:
        """The recorded events of the articles ``ids``, each article's in its output order."""
        query = select(events).where(events.c.doc_id.in_(list(ids))).order_by(events.c.doc_id, events.c.position, events.c.event_id)
        found: dict[str, list[Event]] = {article_id: [] for article_id in ids}
        try:
            with self.engine.connect() as connection:
                for row in connection.execute(query).mappings():
                    found[row["doc_id"]].append(event_from_row(dict(row)))
        except SQLAlchemyError as error:
            raise StoreError(f"cannot read database {shown(self.url)}: {_reason(error)}") from None
        return found

    # --- across articles -------------------------------------------------------------------------

    def reports(self) -> list[Report]:
        """Every recorded event with its article's publication date, in a stable order."""
        query = select(events, articles.c.published).join(articles, articles.c.id == events.c.doc_id) \
            .order_by(events.c.doc_id, events.c.position, events.c.event_id)
        try:
            with self.engine.connect() as connection:
                return [Report(event_from_row({k: v for k, v in row.items() if k != "published"}), row["published"])
                        for row in connection.execute(query).mappings()]
        except SQLAlchemyError as error:
            raise StoreError(f"cannot read database {shown(self.url)}: {_reason(error)}") from None

    def replace_transitions(self, changes: Iterable[Change]) -> int:
        """The ``transitions`` table rebuilt from ``changes``, in one transaction."""
        rows = [{"change_id": change.change_id, **change.to_record(), "sources": ",".join(change.sources),
                 "event_ids": ",".join(change.event_ids)} for change in changes]
        try:
            with self.engine.begin() as connection:
                connection.execute(delete(transitions))
                if rows:
                    connection.execute(insert(transitions), rows)
        except SQLAlchemyError as error:
            raise StoreError(f"cannot write to database {shown(self.url)}: {_reason(error)}") from None
        return len(rows)
