"""The matching rules of the event spec: name folding, which events count, when a prediction matches a
gold event and when an attribute is right."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..folding import fold  # the one fold: the scorer's rule

FIELDS = ("role", "interim", "manner", "date")
EVENT_TYPES = ("hire", "departure")
COACHING_HINTS = ("coach", "manager", "coordinator", "caretaker", "trainer", "boss", "skipper")
FRONT_OFFICE_HINTS = ("general manager", "director", "president", "executive", "owner", "chairman", "ceo")


def role_key(role: Any) -> str:
    """The role as compared: folded, and a plain "coach" of a team is its head coach."""
    folded = fold(role)
    return "head coach" if folded == "coach" else folded


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def is_coaching(event: Mapping[str, Any]) -> bool:
    """False for a front-office role or a role that names no coaching post; True with no role."""
    role = fold(event.get("role"))
    if any(hint in role for hint in FRONT_OFFICE_HINTS):
        return False
    return not role or any(hint in role for hint in COACHING_HINTS)


def matches(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Same type, and coach and team equal to the gold value or an alias (folded)."""
    if pred.get("type") != gold["type"]:
        return False
    coaches = {fold(n) for n in [gold["coach"], *gold.get("coach_aliases", [])]}
    teams = {fold(n) for n in [gold["team"], *gold.get("team_aliases", [])]}
    return fold(pred.get("coach")) in coaches and fold(pred.get("team")) in teams


def field_right(name: str, pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    """Whether the predicted value of one attribute is one the gold event accepts."""
    want = as_list(gold.get(name))
    got = pred.get(name)
    if name == "role":
        return role_key(got) in {role_key(w) for w in want}
    if name == "interim":
        return bool(got) in {bool(w) for w in want}
    if name == "date":
        for w in want:
            if w is None and got is None:
                return True
            if w is not None and isinstance(got, str) and got.startswith(str(w)):
                return True
        return False
    return got in want


def evaluated_fields(gold: Mapping[str, Any]) -> tuple[str, ...]:
    """The attributes scored on a match: ``manner`` for departures only."""
    return tuple(n for n in FIELDS if n != "manner" or gold["type"] == "departure")
