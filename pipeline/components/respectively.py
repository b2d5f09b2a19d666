"""Parallel lists in one clause: "A and B hired C and D respectively" holds two changes, C to A and D to B.

The relations stage binds every person of a coordinated object to one team (the nearest, or the first of
the coordinated subject). When the clause says "respectively" and its subject coordinates as many teams as
the trigger has people, the n-th person goes with the n-th team. A previous post written before the list
and shared by it ("hired Rays coaches C and D respectively") is left by each of them.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..candidates import Candidate

SUBJECTS = ("nsubj", "nsubjpass", "agent")


def pair_respectively(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, with those of a "respectively" clause re-paired person by person."""
    by_trigger: dict[tuple[int, int], list[Candidate]] = {}
    for cand in candidates:
        by_trigger.setdefault(cand.trigger, []).append(cand)
    out = list(candidates)
    for trigger, group in by_trigger.items():
        span = doc.char_span(*trigger, alignment_mode="expand")
        if span is None or not _says_respectively(span.root):
            continue
        teams = _subject_teams(doc, span.root)
        changes = [c for c in group if c.derived not in ("moved_from", "replaced")]
        people = _in_text_order(doc, span.root, {c.person for c in changes})
        if len(teams) < 2 or len(teams) != len(people):
            continue
        team_of = dict(zip(people, teams))
        for cand in changes:
            if cand.team != team_of[cand.person]:
                cand.team = team_of[cand.person]
                cand.notes.append("team:respectively")
        out += _shared_previous_post(doc, span.root, group, people)
    return out


def _says_respectively(head: Token) -> bool:
    sent = head.sent
    return any(t.lower_ == "respectively" for t in sent) and head.pos_ in ("VERB", "AUX", "NOUN")


def _subject_teams(doc: Doc, head: Token) -> list[str]:
    """The teams the trigger's subject coordinates ("the Twins and the Blue Jays"), in order."""
    teams = doc._.links["team"]
    subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return []
    out: list[str] = []
    for token in subject.subtree:
        name = teams.get(token.i)
        if name and (not out or out[-1] != name or token.i - 1 not in teams):
            out.append(name)
    return out


def _in_text_order(doc: Doc, head: Token, names: set[str]) -> list[str]:
    """The people among ``names`` in the order the clause names them after the trigger."""
    people = doc._.links["person"]
    out: list[str] = []
    for token in head.sent:
        if token.i > head.i and people.get(token.i) in names and people[token.i] not in out:
            out.append(people[token.i])
    return out


def _shared_previous_post(doc: Doc, head: Token, group: list[Candidate], people: list[str]) -> list[Candidate]:
    """"hired Rays coaches C and D": the post written between the trigger and the list is each one's; copy
    the departure the parse gave the first of them to the others."""
    moved = [c for c in group if c.derived == "moved_from"]
    if not moved:
        return []
    source = moved[0]
    links = doc._.links
    first = min(t.i for t in head.sent if links["person"].get(t.i) == people[0])
    if not any(links["team"].get(i) == source.team for i in range(head.i + 1, first)):
        return []
    have = {c.person for c in moved}
    return [replace(source, person=person, id=None, notes=source.notes + ["team:respectively"])
            for person in people if person not in have]
