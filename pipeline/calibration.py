"""Is ``confidence`` worth its name? Precision of the predicted events by confidence band.

    judged = judge(gold_docs, preds)            # [(confidence, right), ...] for every scored prediction
    for band in precision_by_band(judged): ...  # Band(low, high, events, right); band.precision

A prediction is right when it matches a gold event as the scorer matches them (type, coach, team;
each gold event at most once); predictions the scorer leaves out (front-office roles) are left out here.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .evaluate import is_coaching, matches

EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
TRUSTED = 0.8  # the spec of issue 8: events at or above it should be right 9 times in 10


@dataclass(frozen=True)
class Band:
    low: float
    high: float  # exclusive, except for the last band, which holds 1.0
    events: int
    right: int

    @property
    def precision(self) -> float:
        return self.right / self.events if self.events else 0.0

    def label(self) -> str:
        closing = "]" if self.high >= 1.0 else ")"
        return f"[{self.low:.1f}, {self.high:.1f}{closing}"

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "events": self.events, "right": self.right,
                "precision": round(self.precision, 4)}


def judge(gold_docs: Iterable[Mapping[str, Any]], preds: Iterable[Mapping[str, Any]]) -> list[tuple[float, bool]]:
    """(confidence, right) for each scored prediction, gold events taken in order as the scorer does."""
    by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for pred in preds:
        if is_coaching(pred):
            by_doc[str(pred.get("doc_id"))].append(pred)
    judged: list[tuple[float, bool]] = []
    for doc in gold_docs:
        pending = by_doc.pop(str(doc["id"]), [])
        for gold in doc.get("events", []):
            hit = next((p for p in pending if matches(p, gold)), None)
            if hit is not None:
                pending.remove(hit)
                judged.append((float(hit.get("confidence") or 0.0), True))
        judged.extend((float(p.get("confidence") or 0.0), False) for p in pending)
    for stray in by_doc.values():  # predictions for articles the gold file does not hold
        judged.extend((float(p.get("confidence") or 0.0), False) for p in stray)
    return judged


def precision_by_band(judged: Iterable[tuple[float, bool]], edges: tuple[float, ...] = EDGES) -> list[Band]:
    """One band per pair of edges; a confidence of exactly 1.0 falls in the last band."""
    counts = [[0, 0] for _ in edges[1:]]
    for confidence, right in judged:
        index = next((i for i, high in enumerate(edges[1:]) if confidence < high), len(edges) - 2)
        counts[index][0] += 1
        counts[index][1] += bool(right)
    return [Band(low, high, n, r) for low, high, (n, r) in zip(edges, edges[1:], counts)]


def at_least(judged: Iterable[tuple[float, bool]], threshold: float = TRUSTED) -> Band:
    """The events at or above ``threshold`` taken together."""
    chosen = [right for confidence, right in judged if confidence >= threshold]
    return Band(threshold, 1.0, len(chosen), sum(chosen))


def to_dict(judged: list[tuple[float, bool]]) -> dict[str, Any]:
    """The bands and the trusted share, as JSON-ready data."""
    top = at_least(judged)
    return {"bands": [b.to_dict() for b in precision_by_band(judged)],
            "at_least": {"threshold": top.low, "events": top.events, "right": top.right,
                         "precision": round(top.precision, 4)}}


def render(judged: list[tuple[float, bool]], console: Any) -> None:
    """The bands as a rich table on ``console``; bands with no events are left out."""
    from rich import box
    from rich.table import Table

    table = Table(title="Precision by confidence band", title_justify="left",
                  box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for name, justify in (("confidence", "left"), ("events", "right"), ("right", "right"),
                          ("precision", "right")):
        table.add_column(name, justify=justify, no_wrap=True)
    top = at_least(judged)
    for band in [b for b in precision_by_band(judged) if b.events] + [top]:
        label = band.label() if band is not top else f">= {top.low:.1f}"
        table.add_row(label, str(band.events), str(band.right), f"{band.precision:.3f}")
    console.print(table)
