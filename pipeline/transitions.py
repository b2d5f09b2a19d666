"""Across articles: the events of many reports consolidated into coaching changes, as sports editors list them.

    reports = [Report(event, published="2021-03-02"), ...]
    changes = consolidate(reports)       # list[Change], one a row

1. **Same transition, several reports.** Events with the same type, coach,
   team, kind of post and interim flag (names compared folded: case and
   accents aside) whose dates are compatible are one transition. Dates are
   compatible when either is unknown, when one is a prefix of the other
   (``2019-12`` and ``2019-12-20``), or when both are days at most
   :data:`SAME_DAYS` apart (the announcement and the day it took effect).
   The transition lists all its sources; its date is the best-supported one
   (the date most reports agree with, the more precise on a tie); a report
   with no date joins the spell whose date is nearest its publication and its
   manner the one most reports give (``unknown`` only when none says more).
2. **Departure and successor.** At one team and post, a departure pairs with
   the hire of another coach that follows it: the first hire dated from the
   departure on, within :data:`SUCCESSOR_DAYS` and before the team's next
   departure (an interim appointment before a permanent one of the same
   day); when a date is unknown, a hire reported in the same article. A hire
   with no departure before it, after an interim appointment at the team, has
   the interim coach as its outgoing coach (also when the interim coach is
   the one made permanent).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .folding import fold as _fold  # the one fold (the scorer's): "Sørensen" == "Sorensen"
from .schema import Event, post_kind

SAME_DAYS = 7
SUCCESSOR_DAYS = 180
COLUMNS = ("team", "role", "outgoing_coach", "manner", "vacancy_date", "incoming_coach", "interim",
           "appointment_date", "sources")


@dataclass(frozen=True)
class Report:
    """One event as one article reported it, with the article's publication date."""

    event: Event
    published: str | None = None


def _bounds(date: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a date of any precision (``2015``, ``2015-03``, ``2015-03-02``) can mean."""
    if not date:
        return None
    try:
        parts = [int(part) for part in date.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            start = dt.date(parts[0], parts[1], 1)
            end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
            return start, end
        day = dt.date(*parts[:3])
        return day, day
    except ValueError:
        return None


def compatible(a: str | None, b: str | None) -> bool:
    """Can two reported dates be the same transition's? (see the module's doc)"""
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    first, second = _bounds(a), _bounds(b)
    if first is None or second is None:
        return False
    if first[0] == first[1] and second[0] == second[1]:
        return abs((first[0] - second[0]).days) <= SAME_DAYS
    return False


def best_date(dates: Iterable[str | None]) -> str | None:
    """The date most reports agree with (a date supports another it is compatible with); more precise on a tie."""
    known = [date for date in dates if date]
    if not known:
        return None
    counts = Counter(known)

    def support(candidate: str) -> tuple:
        agreeing = sum(n for date, n in counts.items() if candidate.startswith(date) or date.startswith(candidate))
        return agreeing, len(candidate), counts[candidate], _earliest_first(candidate)

    return max(counts, key=support)


def _earliest_first(date: str) -> tuple[int, ...]:
    return tuple(-int(part) for part in date.split("-") if part.isdigit())


def best_manner(reports: Iterable[Report]) -> str | None:
    votes: Counter[str] = Counter()
    weight: Counter[str] = Counter()
    for report in reports:
        if report.event.manner:
            votes[report.event.manner] += 1
            weight[report.event.manner] += report.event.confidence
    if not votes:
        return None
    told = [manner for manner in votes if manner != "unknown"] or ["unknown"]
    return max(sorted(told), key=lambda manner: (votes[manner], weight[manner]))


def _best_name(names: Iterable[str]) -> str:
    """The spelling most reports use; the longer one on a tie (the fullest name)."""
    counts = Counter(names)
    return max(sorted(counts), key=lambda name: (counts[name], len(name)))


@dataclass
class Transition:
    """One hire or departure, consolidated over all the reports of it."""

    type: str
    coach: str
    team: str
    post: str
    interim: bool
    reports: list[Report] = field(default_factory=list)

    @property
    def date(self) -> str | None:
        return best_date(report.event.date for report in self.reports)

    @property
    def manner(self) -> str | None:
        return best_manner(self.reports) if self.type == "departure" else None

    @property
    def role(self) -> str | None:
        roles = [report.event.role for report in self.reports if report.event.role]
        return _best_name(roles) if roles else None

    @property
    def sources(self) -> set[str]:
        return {report.event.doc_id for report in self.reports}

    @property
    def published(self) -> str | None:
        dates = sorted(report.published for report in self.reports if report.published)
        return dates[0] if dates else None

    def accepts(self, report: Report) -> bool:
        return all(compatible(report.event.date, other.event.date) for other in self.reports)


def _key(event: Event) -> tuple[str, str, str, str, bool]:
    return event.type, _fold(event.coach), _fold(event.team), post_kind(event.role), event.interim


def group(reports: Iterable[Report]) -> list[Transition]:
    """Reports of the same transition together (see the module's doc), dated reports first."""
    by_key: dict[tuple, list[Report]] = defaultdict(list)
    for report in reports:
        by_key[_key(report.event)].append(report)
    transitions = []
    for key in sorted(by_key):
        found: list[Transition] = []
        members = sorted(by_key[key], key=lambda r: (r.event.date is None, r.event.date or "", r.event.doc_id))
        for report in members:
            home = next((t for t in found if report.event.date and t.accepts(report)), None)
            if home is None and not report.event.date and found:
                home = min(found, key=lambda t: _distance(report.published, t.date or t.published))
            if home is None:
                event = report.event
                home = Transition(event.type, event.coach, event.team, key[3], event.interim)
                found.append(home)
            home.reports.append(report)
        for transition in found:
            transition.coach = _best_name(r.event.coach for r in transition.reports)
            transition.team = _best_name(r.event.team for r in transition.reports)
        transitions.extend(found)
    return transitions


def _distance(a: str | None, b: str | None) -> int:
    first, second = _bounds(a), _bounds(b)
    if first is None or second is None:
        return 10**6
    return abs((first[0] - second[0]).days)


@dataclass
class Change:
    """A row of the editors' list: who left a post, how and when, who came, and from which reports."""

    team: str
    role: str | None
    outgoing_coach: str | None
    manner: str | None
    vacancy_date: str | None
    incoming_coach: str | None
    interim: bool | None
    appointment_date: str | None
    sources: list[str]
    event_ids: list[str]

    @property
    def change_id(self) -> str:
        return hashlib.sha1("\x1f".join(self.event_ids).encode("utf-8")).hexdigest()[:16]

    def to_record(self) -> dict:
        return {column: getattr(self, column) for column in COLUMNS}


def _change(team: str, departure: Transition | None, hire: Transition | None,
            outgoing: str | None = None) -> Change:
    parts = [t for t in (departure, hire) if t is not None]
    event_ids = sorted({r.event.event_id for t in parts for r in t.reports})
    roles = [t.role for t in parts if t.role]
    return Change(
        team=team, role=roles[0] if roles else None,
        outgoing_coach=departure.coach if departure else outgoing,
        manner=departure.manner if departure else None,
        vacancy_date=departure.date if departure else None,
        incoming_coach=hire.coach if hire else None,
        interim=hire.interim if hire else None,
        appointment_date=hire.date if hire else None,
        sources=sorted(set().union(*(t.sources for t in parts))), event_ids=event_ids)


def _on_or_after(later: str | None, earlier: str | None) -> bool:
    """Could ``later`` be on or after ``earlier``, within SUCCESSOR_DAYS?"""
    first, second = _bounds(earlier), _bounds(later)
    if first is None or second is None:
        return False
    return second[1] >= first[0] and (second[0] - first[1]).days <= SUCCESSOR_DAYS


def _order(transition: Transition) -> tuple:
    bounds = _bounds(transition.date) or _bounds(transition.published)
    return (bounds is None, bounds[0] if bounds else dt.date.min, transition.type != "departure",
            not transition.interim, _fold(transition.coach))


def pair(transitions: list[Transition]) -> list[Change]:
    """Departures with their successors' hires, team by team and post by post."""
    by_post: dict[tuple[str, str], list[Transition]] = defaultdict(list)
    for transition in transitions:
        by_post[_fold(transition.team), transition.post].append(transition)
    changes = []
    for key in sorted(by_post):
        timeline = sorted(by_post[key], key=_order)
        departures = [t for t in timeline if t.type == "departure"]
        hires = [t for t in timeline if t.type == "hire"]
        paired: dict[int, Transition] = {}
        taken: set[int] = set()
        for index, departure in enumerate(departures):
            following = departures[index + 1] if index + 1 < len(departures) else None
            candidates = [h for h in hires if id(h) not in taken and _fold(h.coach) != _fold(departure.coach)]
            dated = [h for h in candidates if _on_or_after(h.date, departure.date)
                     and (following is None or not _on_or_after(h.date, following.date))]
            same_article = [h for h in candidates if h.sources & departure.sources
                            and (h.date is None or departure.date is None)]
            chosen = (dated or same_article or [None])[0]  # candidates are in timeline order
            if chosen is not None:
                paired[id(departure)] = chosen
                taken.add(id(chosen))
        team = timeline[0].team
        previous: Transition | None = None
        for transition in timeline:
            if transition.type == "departure":
                hire = paired.get(id(transition))
                changes.append(_change(team, transition, hire))
                previous = hire or None
            elif id(transition) not in taken:
                outgoing = previous.coach if previous is not None and previous.interim else None
                changes.append(_change(team, None, transition, outgoing))
                previous = transition
    return changes


def consolidate(reports: Iterable[Report]) -> list[Change]:
    """The editors' list of changes from all reports, ordered by team, then date."""
    changes = pair(group(reports))
    return sorted(changes, key=lambda c: (_fold(c.team), c.vacancy_date or c.appointment_date or "9999",
                                          c.outgoing_coach or "", c.incoming_coach or ""))
