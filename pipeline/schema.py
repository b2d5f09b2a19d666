"""The event record: the one place that says what an emitted event holds."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from enum import Enum
from functools import lru_cache
from typing import Any

from .folding import fold


class EventType(str, Enum):
    HIRE = "hire"
    DEPARTURE = "departure"


class Manner(str, Enum):
    FIRED = "fired"
    RESIGNED = "resigned"
    MUTUAL_CONSENT = "mutual_consent"
    CONTRACT_EXPIRED = "contract_expired"
    RETIRED = "retired"
    MOVED = "moved"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Evidence:
    """Where in the article the event is stated: sentence text and character offsets."""

    sentence: str
    start: int  # offsets of the sentence in ``field`` of the article
    end: int
    trigger: str = ""
    field: str = "text"  # "text" or "title"


@dataclass
class Event:
    doc_id: str
    type: str
    coach: str
    team: str
    role: str | None
    interim: bool
    manner: str | None
    date: str | None
    evidence: Evidence
    rule: str
    confidence: float
    sport: str | None = None
    event_id: str = field(default="")

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = event_id(self.doc_id, self.type, self.coach, self.team, post=post_kind(self.role),
                                     interim=self.interim)

    def to_record(self) -> dict[str, Any]:
        record = asdict(self)
        return {
            "event_id": record.pop("event_id"),
            **record,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> "Event":
        data = dict(record)
        data["evidence"] = Evidence(**data["evidence"])
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        """The event as plain data (the output record; ``from_dict`` reads it back)."""
        return self.to_record()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        return cls.from_record(data)


@lru_cache(maxsize=1)
def _head_posts() -> frozenset[str]:
    """The roles that are the head coach's post (``head_post`` in models/words.jsonl, the packaged data: the
    key of an event must not change with a component's data folder)."""
    from . import lexicon
    return lexicon.load().words("head_post")


def post_kind(role: str | None) -> str:
    """The kind of post a role is, for the key: every head-coach title (and no role at all) is one post
    ("head"), others are themselves."""
    return "head" if role is None or role in _head_posts() else str(role)


def event_id(doc_id: str, type_: str, coach: str, team: str, *, post: str = "head", interim: bool = False) -> str:
    """Stable key for upserts: a hash of (article id, type, person, team), and of the kind of post and the
    interim flag when they are not the plain head-coach job, so that an interim spell and the permanent job,
    or an assistant's post and a later promotion, are two rows."""
    parts = [str(doc_id), type_, fold(coach), fold(team)]
    if post != "head" or interim:
        parts += [post, "interim" if interim else ""]
    key = "\x1f".join(parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
