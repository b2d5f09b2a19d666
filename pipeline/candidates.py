"""What relation extraction proposes and later stages refine (internal to the pipeline).

A :class:`Candidate` carries its provenance as typed fields, set by the stage that knows it and read by
the later ones; ``rule`` is only a display string built from them ("transitive:appoint:active:sentence_team").

| field | set by | meaning |
| --- | --- | --- |
| ``voice``, ``pattern`` | relations, rows | the trigger's voice and lexicon pattern; rows: ``"row"`` and the row kind |
| ``head`` | relations | token index of the trigger's head word (``None`` for rows) |
| ``passive`` | relations | transitive triggers: whether the clause was read as passive (else ``None``) |
| ``team_from`` | relations | how the trigger's team was found when its arguments did not give it (``TEAM_SOURCES``); a derived candidate carries its trigger's |
| ``nearest_person`` | relations | the person is the name nearest the trigger, not one of its arguments |
| ``derived``, ``derived_from`` | relations, rows | a transition implied by another (``DERIVED``), and that one's ``id`` |
| ``date_label`` | relations, rows | where the date expression sits: on the trigger (``direct``), on a governing verb (``governor``), or an effective date (``effective``) |
| ``date_source`` | timing | where the resolved date came from (``own``, ``default``, ``clause``, ...) |
| ``date_ref`` | timing | (type, person, team) of the transition a "when" clause names, whose date this one takes |
| ``role_attached`` | relations | the trigger itself names the post ("appointed X as head coach") |
| ``front_office`` | relations, rows | the front-office title near the person, when that, not a coaching role, is the post |
| ``permanent`` | modality | a hire that ends an interim spell ("was given the job permanently") |
| ``status``, ``drop_reason`` | assembly | ``kept``, ``vetoed`` or ``dropped``, and why (the veto, "no team", ...) |
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

TEAM_SOURCES = ("person_team", "where_team", "when_team", "sentence_team", "paragraph_team", "home_team",
                "predecessor_team")
GUESSED_TEAM = ("sentence_team", "paragraph_team", "home_team", "person_team")  # a team not read off the trigger
DERIVED = ("conj", "moved_to", "moved_from", "replaced")
KEPT, VETOED, DROPPED = "kept", "vetoed", "dropped"
_TUPLES = ("trigger", "sentence", "date_span", "date_ref")  # msgpack and JSON give them back as lists


@dataclass
class Candidate:
    """A proposed coaching transition, with its provenance.

    Offsets are character offsets into ``doc.text``.
    """

    type: str  # "hire" | "departure"
    manner: str | None
    person: str  # canonical (fullest) name of the person
    team: str | None  # canonical team name, or None when unknown
    role: str | None
    interim: bool
    trigger: tuple[int, int]  # char span of the trigger
    sentence: tuple[int, int]  # char span of the sentence
    voice: str = ""  # "transitive", "intransitive", "symmetric", "replace", "noun", or "row"
    pattern: str = ""  # the trigger's pattern in models/triggers.jsonl, or the kind of row
    strength: str = "strong"  # "strong" | "weak"
    head: int | None = None  # token index of the trigger's head word
    passive: bool | None = None
    team_from: str | None = None
    nearest_person: bool = False
    derived: str | None = None
    id: int | None = None  # position in the document's candidates when relations made it
    derived_from: int | None = None
    date_text: str | None = None  # the DATE expression attached to the transition
    date_span: tuple[int, int] | None = None
    date_label: str | None = None  # "direct" | "governor" | "effective"
    date_shift: int | None = None  # from the governing clause's date: "three days after he resigned" → -3
    date_shift_unit: str = "day"  # "day", "month" or "year" ("a year after he replaced X" → -1 year)
    date: str | None = None  # resolved ISO date with its precision (timing)
    date_source: str | None = None
    date_ref: tuple[str, str, str] | None = None  # "when X left": resolve to another event's date
    role_attached: bool = False
    front_office: str | None = None
    permanent: bool = False
    vetoed: str | None = None  # reason (rumour, negation, ...) when modality vetoes it
    confidence: float = 0.0
    status: str | None = None
    drop_reason: str | None = None
    notes: list[str] = field(default_factory=list)  # for the reader of ``explain`` only: no stage reads them

    @property
    def rule(self) -> str:
        """The id of the rule that produced the candidate, for display: voice, pattern, then how it was read."""
        parts = [self.voice, self.pattern]
        if self.passive is not None:
            parts.append("passive" if self.passive else "active")
        if self.team_from:
            parts.append(self.team_from)
        if self.nearest_person:
            parts.append("nearest_person")
        if self.derived:
            parts.append(self.derived)
        return ":".join(parts)

    @property
    def flags(self) -> list[str]:
        """The provenance that is not in ``rule``, as short labels (for explain)."""
        out = [f"date:{self.date_label}"] if self.date_label else []
        out += [f"date_source:{self.date_source}"] if self.date_source else []
        out += [f"front_office:{self.front_office}"] if self.front_office else []
        out += ["role:attached"] if self.role_attached else []
        out += ["permanent"] if self.permanent else []
        return out + self.notes

    @property
    def markers(self) -> frozenset[str]:
        """How the person and team were bound, as the words of ``rule`` after the pattern that name a
        fallback or a derivation: ``team_from``, ``derived``, "nearest_person", "passive"."""
        found = {self.team_from, self.derived, "nearest_person" if self.nearest_person else None,
                 "passive" if self.passive else None}
        return frozenset(marker for marker in found if marker)

    @property
    def team_guessed(self) -> bool:
        """The team was not read off the trigger's own arguments (sentence, section, home, the person's)."""
        return self.team_from in GUESSED_TEAM

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Candidate":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        for name in _TUPLES:
            if values.get(name) is not None:
                values[name] = tuple(values[name])
        values["notes"] = list(values.get("notes") or [])
        return cls(**values)
