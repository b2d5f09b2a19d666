"""What relation extraction proposes and later stages refine (internal to the pipeline)."""
from __future__ import annotations

from dataclasses import dataclass, field


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
    rule: str  # id of the rule / pattern that fired
    trigger: tuple[int, int]  # char span of the trigger
    sentence: tuple[int, int]  # char span of the sentence
    strength: str = "strong"  # "strong" | "weak"
    date_text: str | None = None  # the DATE expression attached to the transition
    date_span: tuple[int, int] | None = None
    date_shift: int | None = None  # from the governing clause's date: "three days after he resigned" → -3
    date_shift_unit: str = "day"  # "day", "month" or "year" ("a year after he replaced X" → -1 year)
    date: str | None = None  # resolved ISO date with its precision (timing)
    date_ref: str | None = None  # "when X left": resolve to another event's date
    vetoed: str | None = None  # reason (rumour, negation, ...) when modality vetoes it
    confidence: float = 0.0
    notes: list[str] = field(default_factory=list)
