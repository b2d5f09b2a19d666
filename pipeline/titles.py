"""The titles written next to a name: "head coach X", "general manager Y", "X as defensive coordinator"."""
from __future__ import annotations

from spacy.tokens import Doc


def title_at(doc: Doc, *, ends_at: set[int] | frozenset[int] = frozenset(),
             starts_at: set[int] | frozenset[int] = frozenset()) -> tuple[str | None, str | None]:
    """The first title span of ``doc.spans["roles"]`` ending right before one of ``ends_at`` (a name's first
    token) or starting at one of ``starts_at``: (coaching role, front-office title), one of them None."""
    for role in doc.spans.get("roles", []):
        if role.end in ends_at or role.start in starts_at:
            if role.label_ == "FRONT_OFFICE":
                return None, role.kb_id_
            return role.kb_id_ or None, None
    return None, None
