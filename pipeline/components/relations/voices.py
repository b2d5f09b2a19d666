"""How each trigger voice finds its person and team in the parse: one function per voice, in ``VOICES``.

- ``transitive``: a team acts on the coach ("Spain dismissed Soto", "Hale was appointed by Chelsea");
- ``intransitive``: the coach acts ("Cota stepped down", "took charge of El Tri");
- ``symmetric``: coach and team part ("parted ways with X");
- ``replace``: "A replaced B" (A's hire and B's departure);
- ``noun``: a nominalization ("the sacking of X", "X's appointment"); a successor noun reads like
  ``replace`` ("X was named as his successor": X's hire, and the departure of the one he succeeds).

A voice function reads a ``Site`` (the trigger and its arguments in the parse) and returns a ``Reading``,
or ``None`` when the trigger yields no transition at all.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from spacy.tokens import Doc, Span, Token

from .triggers import Triggers


class ArgumentReader(Protocol):
    """What a voice asks of the extractor (``RelationExtractor`` through its ``Arguments`` and ``TeamChoice``)."""

    former_words: frozenset[str]
    successor_nouns: frozenset[str]

    def _person(self, doc: Doc, token: Token | None) -> str | None: ...
    def _team(self, doc: Doc, token: Token | None) -> str | None: ...
    def _np(self, token: Token) -> list[Token]: ...
    def _adjacent_actor(self, doc: Doc, match: Span) -> str | None: ...
    def _subject(self, head: Token) -> Token | None: ...
    def _objects(self, head: Token, match: Span, words: set[str] = ...) -> list[Token]: ...
    def _preps(self, tokens: list[Token]) -> list[tuple[str, Token]]: ...
    def _passive(self, head: Token) -> bool: ...


@dataclass(frozen=True)
class Site:
    """A trigger in its sentence, with the arguments the parse gives it."""
    doc: Doc
    head: Token
    match: Span
    trigger: dict[str, Any]
    found: Triggers
    subj: Token | None
    objs: list[Token]
    preps: list[tuple[str, Token]]  # (preposition, object)
    passive: bool
    prep_team: str | None  # the team of an "of/at/with/for/by/as" phrase on the trigger

    @property
    def sent(self) -> Span:
        return self.head.sent

    @property
    def voice(self) -> str:
        return self.trigger["voice"]

    @property
    def type(self) -> str:
        return self.trigger["type"]


@dataclass
class Reading:
    """What a voice reads off the parse: the person and team, whether the clause is passive after all,
    and extra (type, person, manner) transitions ("A replaced B": B's departure)."""
    person: str | None = None
    team: str | None = None
    passive: bool = False
    others: list[tuple[str, str | None, str]] = field(default_factory=list)


def site_of(x: ArgumentReader, doc: Doc, head: Token, match: Span, trigger: dict[str, Any],
            found: Triggers) -> Site:
    voice = trigger["voice"]
    preps = x._preps(list(match))
    prep_team = next((x._team(doc, o) for p, o in preps if p in ("of", "at", "with", "for", "by", "as")
                      and x._team(doc, o)), None)
    return Site(doc=doc, head=head, match=match, trigger=trigger, found=found,
                subj=x._subject(head) if voice != "noun" else None,
                objs=x._objects(head, match, set(trigger["pattern"].split())) if voice != "noun" else [],
                preps=preps, passive=voice != "noun" and x._passive(head), prep_team=prep_team)


def transitive(x: ArgumentReader, site: Site) -> Reading | None:
    doc, head, match, subj, objs, preps = site.doc, site.head, site.match, site.subj, site.objs, site.preps
    people, teams = doc._.links["person"], doc._.links["team"]
    person = team = None
    passive = site.passive
    if passive:
        person = x._person(doc, subj)
        if head.dep_ in ("acl",) and person is None:
            person = x._person(doc, head.head)
        if person is None and any(x._person(doc, o) for o in objs):
            passive = False  # a participle the parser hung on a noun, with its object: "named X as coach"
    if passive:
        agent = next((o for p, o in preps if p == "by"), None)
        team = x._team(doc, agent) or site.prep_team
    else:
        for obj in objs + [o for p, o in preps if p == "to" and not objs]:
            person = person or x._person(doc, obj)  # "handed the reins to X"
        team = x._team(doc, subj) or next((x._team(doc, o) for o in objs if x._team(doc, o)), None) or site.prep_team
        if person is None and subj is None and not objs and match.start > 0:
            # a headline the parser flattened: "Watford sack Rob Edwardson", "Celtic appoint X as manager"
            person = people.get(match.end)
            team = team or teams.get(match.start - 1)
    if site.type == "hire":
        argument = subj if passive else (objs[0] if objs else None)
        if argument is not None and argument.i in site.found.heads and argument.i != head.i:
            return None  # "X's sacking was confirmed": the argument is another transition
    if person is None and head.dep_ == "amod":
        person = x._person(doc, head.head)  # "replacing the fired Gerard Gallant"
    return Reading(person=person, team=team, passive=passive)


def intransitive(x: ArgumentReader, site: Site) -> Reading:
    doc = site.doc
    person = x._adjacent_actor(doc, site.match) or x._person(doc, site.subj)
    team = next((x._team(doc, o) for o in site.objs if x._team(doc, o)), None) or site.prep_team
    if team is None and site.type == "departure":
        team = next((x._team(doc, o) for p, o in site.preps if p == "from" and x._team(doc, o)), None)
    return Reading(person=person, team=team, passive=site.passive)


def symmetric(x: ArgumentReader, site: Site) -> Reading:
    doc = site.doc
    subj = site.subj
    if subj is None and site.head.dep_ == "dobj" and site.head.pos_ == "NOUN":
        subj = x._subject(site.head.head)  # "X and Y agreed a parting of the ways": the light verb's subject
    sides = [subj] + [o for p, o in site.preps if p in ("with", "from", "on")] + site.objs  # "walked out on X"
    sides += [c for side in sides if side is not None for c in side.conjuncts]  # "the Red Sox and X agreed"
    person = next((x._person(doc, s) for s in sides if x._person(doc, s)), None)
    team = next((x._team(doc, s) for s in sides if x._team(doc, s)), None)
    return Reading(person=person, team=team, passive=site.passive)


def replace(x: ArgumentReader, site: Site) -> Reading:
    doc, subj, objs, preps = site.doc, site.subj, site.objs, site.preps
    if site.passive:
        old = x._person(doc, subj)
        new = next((x._person(doc, o) for p, o in preps if p == "by"), None)
    else:
        new = x._person(doc, subj)
        old = next((x._person(doc, o) for o in objs if x._person(doc, o)), None)
        with_new = next((x._person(doc, o) for p, o in preps if p == "with" and x._person(doc, o)), None)
        if with_new and not new:
            new = with_new  # "the club replaced him with Lyle Brandt"
    # the subject's team, unless the subject is a person ("Y replaces X") or a past post ("the former
    # Ajax coach replaces X"); "the club replaced him with Y" keeps the club
    titled = subj is not None and any(r.start <= subj.i < r.end for r in doc.spans.get("roles", []))
    subj_team = x._team(doc, subj) if subj is not None and not x._person(doc, subj) and not titled \
        and not any(t.lower_ in x.former_words for t in x._np(subj)) else None  # "the Duke head coach" is a person
    # "replaced X at Brentford": the replaced coach's team, when the parser hangs it on him
    obj_team = next((x._team(doc, o) for o in objs if x._team(doc, o)
                     and not any(t.lower_ in x.former_words for t in x._np(o))), None)
    reading = Reading(person=new, team=site.prep_team or subj_team or obj_team, passive=site.passive)
    if old and old != new:
        reading.others.append(("departure", old, "unknown"))
    return reading


def _said_of(x: ArgumentReader, doc: Doc, head: Token) -> str | None:
    """The person a noun is said of: "X was named as his successor", "named X as his successor", "X's
    appointment as successor", "X is the replacement", "his successor, X"."""
    appositions = [c for c in head.children if c.dep_ == "appos" and x._person(doc, c)]
    if appositions:
        return x._person(doc, appositions[0])
    if head.dep_ == "appos":
        return x._person(doc, head.head)
    governor = head.head
    if head.dep_ == "pobj" and governor.lower_ == "as":
        governor = governor.head
    elif head.dep_ != "attr":
        return None
    if governor.pos_ == "NOUN":  # "X's appointment as the successor to Y"
        return next((x._person(doc, c) for c in governor.children if c.dep_ == "poss" and x._person(doc, c)), None)
    objects = [c for c in governor.children if c.dep_ == "dobj" and x._person(doc, c)]
    if objects:
        return x._person(doc, objects[0])  # "the club named X as his successor"
    subjects = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass") and x._person(doc, c)]
    return x._person(doc, subjects[0]) if subjects else None


def successor(x: ArgumentReader, site: Site) -> Reading:
    """ "X was named as his successor", "X's appointment as the successor to Y at Milan": X's hire, and the
    departure of the person succeeded (the noun's possessor, or its "to"/"of" object)."""
    doc, head, preps = site.doc, site.head, site.preps
    old_tokens = [c for c in head.children if c.dep_ == "poss"] + [o for p, o in preps if p in ("to", "of")]
    old = next((x._person(doc, t) for t in old_tokens if x._person(doc, t)), None)
    new = _said_of(x, doc, head)
    # "the successor to Y at Milan": the team may hang on the person succeeded
    team = site.prep_team or next((x._team(doc, o) for t in old_tokens for c in t.children if c.dep_ == "prep"
                                   and c.lower_ in ("at", "of", "with") for o in c.children if x._team(doc, o)), None)
    reading = Reading(person=new if new != old else None, team=team, passive=site.passive)
    if old and new and old != new:  # "a song for his successor" names no succession
        reading.others.append(("departure", old, "unknown"))
    return reading


def noun(x: ArgumentReader, site: Site) -> Reading:
    doc, head, preps = site.doc, site.head, site.preps
    if head.lemma_.lower() in x.successor_nouns:
        return successor(x, site)
    teams = doc._.links["team"]
    person = team = None
    poss = [c for c in head.children if c.dep_ == "poss"]
    of = [o for p, o in preps if p == "of"]
    for token in poss + of:
        person = person or x._person(doc, token)
        team = team or x._team(doc, token)
    # "his departure from X" names the team left; "his arrival from X" names where he came from
    noun_preps = ("at", "by", "as", "with", "from") if site.type == "departure" else ("at", "by", "as", "with")
    team = team or next((x._team(doc, o) for p, o in preps if p in noun_preps and x._team(doc, o)), None)
    compound_team = [c for c in head.children if c.dep_ == "compound" and c.i in teams]
    if team is None and compound_team:
        team = teams[compound_team[0].i]
    return Reading(person=person, team=team, passive=site.passive)


VOICES: dict[str, Callable[[ArgumentReader, Site], Reading | None]] = {
    "transitive": transitive, "intransitive": intransitive, "symmetric": symmetric, "replace": replace, "noun": noun,
}
