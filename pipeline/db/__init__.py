"""The database side of a batch run: tables, migrations, the event store.

    from pipeline.db import EventStore, pipeline_version
    with EventStore.open("sqlite:///events.db") as store:
        store.write([(article, events)], pipeline_version(nlp))
"""
from .store import EventStore, StoreError, content_hash, event_from_row, event_row, normalize_url
from .tables import SCHEMA_VERSION
from .versioning import pipeline_version

__all__ = ["EventStore", "StoreError", "SCHEMA_VERSION", "content_hash", "event_from_row", "event_row",
           "normalize_url", "pipeline_version"]
