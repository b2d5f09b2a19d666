"""Counts over extracted events: by type, team, sport, month and manner, and a plot per month.

    stats = compute_stats(read_jsonl("events.jsonl"))
    stats.by_team.most_common(10)
    plot(stats, "per-month.png")   # matplotlib, no display needed

The month of an event is the first seven characters of its ``date``
(``2018-07`` of ``2018-07-27``); an event dated to a year only, or with
no date (or none that reads as one), has no month and is counted apart
(``year_only``, ``undated``).
Manners are counted over departures.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EVENT_TYPES = ("hire", "departure")
UNKNOWN = "unknown"
_MONTH = re.compile(r"^(\d{4})-(\d{2})")
_YEAR = re.compile(r"^\d{4}\b")
TYPE_COLORS = {"hire": "#1b7f4b", "departure": "#b3261e"}


def month_of(date: Any) -> str | None:
    """``YYYY-MM`` of an ISO date with at least a month, else None."""
    if not isinstance(date, str):
        return None
    match = _MONTH.match(date)
    if not match or not 1 <= int(match.group(2)) <= 12:
        return None
    return date[:7]


def _sorted(counter: Counter) -> dict[str, int]:
    """Most frequent first, ties by name."""
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0]))))


@dataclass
class Stats:
    total: int = 0
    articles: int = 0
    by_type: Counter = field(default_factory=Counter)
    by_team: Counter = field(default_factory=Counter)
    by_sport: Counter = field(default_factory=Counter)
    by_month: Counter = field(default_factory=Counter)
    by_manner: Counter = field(default_factory=Counter)  # departures only
    by_month_type: dict[str, Counter] = field(default_factory=dict)  # month -> type -> count
    year_only: int = 0  # events dated to a year only (no month)
    undated: int = 0  # events with no date

    def months(self) -> list[str]:
        """Every month from the first to the last with an event, gaps included, in order."""
        if not self.by_month:
            return []
        first, last = min(self.by_month), max(self.by_month)
        year, month = int(first[:4]), int(first[5:7])
        out = []
        while f"{year:04d}-{month:02d}" <= last:
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "events": self.total,
            "articles": self.articles,
            "by_type": _sorted(self.by_type),
            "by_team": _sorted(self.by_team),
            "by_sport": _sorted(self.by_sport),
            "by_month": dict(sorted(self.by_month.items())),
            "by_month_type": {m: dict(sorted(c.items())) for m, c in sorted(self.by_month_type.items())},
            "by_manner": _sorted(self.by_manner),
            "year_only": self.year_only,
            "undated": self.undated,
        }


def _record(event: Any) -> Mapping[str, Any]:
    if isinstance(event, Mapping):
        return event
    return event.to_record()


def compute_stats(events: Iterable[Any]) -> Stats:
    """Counts over event records (or Events)."""
    stats = Stats()
    articles = set()
    for event in map(_record, events):
        stats.total += 1
        articles.add(str(event.get("doc_id")))
        kind = event.get("type") or UNKNOWN
        stats.by_type[kind] += 1
        stats.by_team[event.get("team") or UNKNOWN] += 1
        stats.by_sport[event.get("sport") or UNKNOWN] += 1
        if kind == "departure":
            stats.by_manner[event.get("manner") or UNKNOWN] += 1
        date = event.get("date")
        month = month_of(date)
        if month:
            stats.by_month[month] += 1
            stats.by_month_type.setdefault(month, Counter())[kind] += 1
        elif isinstance(date, str) and _YEAR.match(date):
            stats.year_only += 1
        else:
            stats.undated += 1
    stats.articles = len(articles)
    return stats


def render(stats: Stats, console: Any, *, top: int = 15) -> None:
    """The counts as rich tables on ``console``; the ``top`` teams only."""
    from rich import box
    from rich.columns import Columns
    from rich.table import Table

    console.print(f"{stats.total} events in {stats.articles} articles", highlight=False, markup=False)

    def table(title: str, column: str, counts: dict[str, int], limit: int | None = None) -> Table:
        out = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD)
        out.add_column(column)
        out.add_column("events", justify="right")
        items = list(counts.items())
        for name, count in items[:limit] if limit else items:
            out.add_row(str(name), str(count))
        if limit and len(items) > limit:
            out.add_row(f"… {len(items) - limit} more", str(sum(c for _, c in items[limit:])))
        return out

    console.print(Columns([table("By type", "type", _sorted(stats.by_type)),
                           table("By sport", "sport", _sorted(stats.by_sport)),
                           table("By manner (departures)", "manner", _sorted(stats.by_manner))]))
    console.print(table("By team", "team", _sorted(stats.by_team), top))
    months = Table(title="By month", title_justify="left", box=box.SIMPLE_HEAD)
    for name in ("month", *EVENT_TYPES, "all"):
        months.add_column(name, justify="right" if name != "month" else "left")
    for month in sorted(stats.by_month):
        per_type = stats.by_month_type.get(month, Counter())
        months.add_row(month, *(str(per_type.get(t, 0)) for t in EVENT_TYPES), str(stats.by_month[month]))
    if stats.year_only:
        months.add_row("year only", "", "", str(stats.year_only))
    if stats.undated:
        months.add_row("undated", "", "", str(stats.undated))
    console.print(months)


def plot(stats: Stats, path: str | Path, *, title: str = "Coaching transitions per month") -> Path:
    """A bar chart of events per month (hires and departures stacked), written as PNG (Agg, no display)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    path = Path(path)
    months = stats.months()
    figure = Figure(figsize=(max(6.0, min(16.0, 0.35 * len(months) + 3)), 4.2), dpi=120, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = list(range(len(months)))
    bottom = [0] * len(months)
    kinds = [*EVENT_TYPES, *sorted({k for c in stats.by_month_type.values() for k in c} - set(EVENT_TYPES))]
    for kind in kinds:
        values = [stats.by_month_type.get(m, Counter()).get(kind, 0) for m in months]
        if not any(values):
            continue
        axes.bar(positions, values, bottom=bottom, label=kind, color=TYPE_COLORS.get(kind, "#777777"), width=0.8)
        bottom = [b + v for b, v in zip(bottom, values)]
    if months:
        if len(months) <= 36:  # a tick a month
            ticks = [(i, m) for i, m in enumerate(months)]
            axes.set_xticks([i for i, _ in ticks], [m for _, m in ticks], rotation=60, ha="right", fontsize=8)
        else:  # a tick a year (every few years over a long span), at January
            januaries = [(i, m[:4]) for i, m in enumerate(months) if m.endswith("-01")]
            step = max(1, len(januaries) // 20)
            ticks = januaries[::step]
            axes.set_xticks([i for i, _ in ticks], [y for _, y in ticks], fontsize=8)
        axes.set_xlim(-1, len(months))
        axes.legend(loc="upper left", frameon=False)
    else:
        axes.set_xticks([])
        axes.text(0.5, 0.5, "no events dated to a month", ha="center", va="center", transform=axes.transAxes)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_ylabel("events")
    apart = [f"{n} {what}" for n, what in ((stats.year_only, "dated to a year only"), (stats.undated, "undated"))
             if n]
    axes.set_title(title + (f"  (not shown: {', '.join(apart)})" if apart else ""), fontsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png")
    return path
