"""Explicit links between the transitions of one sentence, settled once every candidate is known and the
modality stage has vetoed what is no fact (assembly calls ``bind_successions`` first).

"X replaces Y, who was sacked in May": the succession names no team of its own, and the relative clause
under Y names none either, so both were given a guessed team (the sentence's, the section's or the
article's home team). The team is X's new team: the one the article binds X's hire to in a clause of its
own ("the Twins hired X"); Y leaves that team.
"""
from __future__ import annotations

from collections import defaultdict

from ...candidates import Candidate

GUESSED_TEAM = (":sentence_team", ":paragraph_team", ":home_team", ":person_team")
DERIVED = (":moved_to", ":moved_from", ":replaced", ":conj")


def guessed(cand: Candidate) -> bool:
    return any(marker in cand.rule for marker in GUESSED_TEAM)


def bind_successions(candidates: list[Candidate]) -> None:
    """Give a succession whose team was guessed the team of the successor's own-clause hire (when the
    article binds him to exactly one), and the same to the departures of the replaced person in that
    sentence whose team was the same guess."""
    bound: dict[str, set[str]] = defaultdict(set)
    for cand in candidates:
        if cand.type == "hire" and cand.team and not cand.vetoed and not guessed(cand) \
                and not any(m in cand.rule for m in DERIVED):
            bound[cand.person].add(cand.team)
    for cand in candidates:
        if cand.type != "hire" or not cand.rule.startswith("replace:") or not guessed(cand) \
                or cand.rule.endswith(":replaced") or len(bound.get(cand.person, ())) != 1:
            continue
        team = next(iter(bound[cand.person]))
        if team == cand.team:
            continue
        replaced = {c.person for c in candidates if c.trigger == cand.trigger and c.rule.endswith(":replaced")}
        linked = [cand] + [c for c in candidates if c.type == "departure" and c.sentence == cand.sentence
                           and c.person in replaced and c.team == cand.team and guessed(c)]
        for other in linked:
            other.team = team
            other.notes.append("team:succession")
