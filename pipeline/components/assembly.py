"""Stage 6, assembly: surviving candidates → ``doc._.events`` (one per transition per article).

Canonical team and fullest coach name come from the mention stage; the role
falls back to the article's own word for its head coaches ("manager" or
"head coach"), then to the team's (``head_title`` in models/teams.jsonl or leagues.jsonl); a coach who leaves one team for another gets manner ``moved``.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import Candidate
from .relations.links import bind_guesses_to_stated_teams, bind_successions
from ..schema import Event, Evidence, post_kind
from ..extensions import doc_text
from .base import RuleComponent

HEAD_ROLES = ("head coach", "manager")
MANNER_RANK = {None: 0, "unknown": 1, "moved": 2, "contract_expired": 3, "retired": 3, "mutual_consent": 4,
               "resigned": 3, "fired": 3}


@Language.factory("coaching_assembly", default_config={"min_confidence": 0.0},
                  requires=["doc._.candidates"], assigns=["doc._.events"])
def make_assembly(nlp: Language, name: str, min_confidence: float) -> "Assembly":
    return Assembly(nlp, name, min_confidence=min_confidence)


DERIVED = (":moved_from", ":moved_to", ":replaced")
NEWS_DEFAULT_RANK = 3


def _date_rank(cand: Candidate) -> float:
    """Which candidate's date an event takes: a date on the trigger itself, then one reached through the
    clause chain or counted from another date (an implied transition's borrowed date after its own trigger's),
    then an effective date ("from January"), then the news default."""
    if "date_source:default" in cand.notes:
        return NEWS_DEFAULT_RANK
    if "date:effective" in cand.notes:
        return 2
    rank = 0 if "date:direct" in cand.notes and "date_source:own" in cand.notes else 1
    return rank + 0.5 if any(marker in cand.rule for marker in DERIVED) else rank


def _pick_date(cands: list[Candidate], siblings: list[Candidate]) -> str | None:
    """The best-ranked date of an event's candidates; when they only have the news default, the best date of
    the same transition's other candidates (a group split by role kind tells one story)."""
    fallback = None
    classes = {post_kind(c.role) for c in cands}
    # a sibling whose own attached post is another kind of job is another transition ("arrived as defensive
    # coordinator in January" is not the date of "promoted to head coach")
    siblings = [c for c in siblings if not ("role:attached" in c.notes and post_kind(c.role) not in classes)]
    for pool in (cands, siblings):
        dated = sorted((c for c in pool if c.date), key=lambda c: (_date_rank(c), c.trigger[0]))
        if dated and _date_rank(dated[0]) < NEWS_DEFAULT_RANK:
            return _most_precise(dated[0].date, dated)
        if dated and pool is cands:
            fallback = dated[0].date
    return fallback


def _most_precise(date: str, dated: list[Candidate]) -> str:
    """"fired this season" (2024) and "fired on Sept. 22" (2024-09-22) agree: the event takes the precise one."""
    agreeing = [c.date for c in dated if c.date.startswith(date) and _date_rank(c) < NEWS_DEFAULT_RANK]
    return max(agreeing, key=len, default=date)


def _referenced_date(cands: list[Candidate], groups: dict[tuple, list[Candidate]]) -> str | None:
    """"Y took over when X left": with only the news default of its own, an event takes the date the article
    gives the transition its when-clause names."""
    if any(c.date and _date_rank(c) < NEWS_DEFAULT_RANK for c in cands):
        return None
    for cand in cands:
        key = tuple(cand.date_ref.split("|")) if cand.date_ref else None
        referenced = groups.get(key, []) if key else []
        dated = sorted((c for c in referenced if c.date and _date_rank(c) < NEWS_DEFAULT_RANK),
                       key=lambda c: (_date_rank(c), c.trigger[0]))
        if dated:
            return dated[0].date
    return None


def _split_permanent(cands: list[Candidate]) -> list[list[Candidate]]:
    """ "Caretaker from March ... made permanent in June": two hires, the interim one
    and the permanent one; other mentions stay with the interim spell."""
    permanent = [c for c in cands if "permanent" in c.notes]
    if not permanent or not any(c.interim for c in cands):
        return [cands]
    return [[c for c in cands if c not in permanent], permanent]


class Assembly(RuleComponent):
    def __init__(self, nlp: Language, name: str = "coaching_assembly", *, min_confidence: float = 0.0) -> None:
        self.min_confidence = min_confidence
        super().__init__(nlp, name)

    def process(self, doc: Doc) -> None:
        doc._.events = self.assemble(doc)

    def _gazetteer(self) -> Any:
        """The entities stage's gazetteer when it is in the pipeline (for sport and head-coach title)."""
        for _name, proc in self.nlp.pipeline:
            gazetteer = getattr(proc, "gazetteer", None)
            if gazetteer is not None:
                return gazetteer
        return None

    @staticmethod
    def confidence(cand: Candidate) -> float:
        score = 0.9 if cand.strength == "strong" else 0.75
        for marker, cost in ((":nearest_person", 0.2), (":home_team", 0.15), (":sentence_team", 0.05),
                             (":replaced", 0.1), (":moved_from", 0.1)):
            if marker in cand.rule:
                score -= cost
        return round(max(score, 0.05), 2)

    @staticmethod
    def article_title(doc: Doc) -> str | None:
        """The article's own word for head coaches, when it uses one more than the other."""
        counts = Counter(r.kb_id_ for r in doc.spans.get("roles", []) if r.kb_id_ in HEAD_ROLES)
        if counts["manager"] != counts["head coach"]:
            return "manager" if counts["manager"] > counts["head coach"] else "head coach"
        return None

    def assemble(self, doc: Doc) -> list[Event]:
        # "X replaces Y, who was sacked": settled once the stated facts are known (after modality's vetoes)
        bind_successions(doc._.candidates or [])
        bind_guesses_to_stated_teams(doc, doc._.candidates or [])
        live = [c for c in doc._.candidates or [] if not c.vetoed and c.team and c.person]
        for cand in live:
            cand.confidence = self.confidence(cand)
        groups: dict[tuple, list[Candidate]] = {}
        for cand in live:
            key = (cand.type, cand.person, cand.team)
            groups.setdefault(key, []).append(cand)
        # split a group whose candidates name different kinds of post (assistant, then head coach),
        # and an interim spell from the permanent appointment that ended it
        merged: list[list[Candidate]] = []
        for cands in groups.values():
            classes: dict[str, list[Candidate]] = {}
            for cand in cands:
                classes.setdefault(post_kind(cand.role), []).append(cand)
            # a second kind of post is a second transition only when a trigger names it ("named assistant
            # coach in 2019 ... promoted to head coach"); a title near the name ("defensive coordinator X was
            # promoted") describes the post he held
            named_posts = {k for k, group in classes.items() if any("role:attached" in c.notes for c in group)}
            if len(classes) > 1 and "head" in classes and named_posts - {"head"}:
                for group in classes.values():
                    merged.extend(_split_permanent(group))
            else:
                merged.extend(_split_permanent(cands))
        article_title = self.article_title(doc)
        gazetteer = self._gazetteer()
        moves = {(c.person, c.team) for c in live if c.type == "hire"}
        events = []
        for cands in merged:
            best = max(cands, key=lambda c: (c.confidence, -c.trigger[0]))
            first = min(cands, key=lambda c: c.trigger[0])
            date = _pick_date(cands, groups[(best.type, best.person, best.team)])
            date = _referenced_date(cands, groups) or date
            manner = None
            if best.type == "departure":
                manner = max((c.manner for c in cands), key=lambda m: MANNER_RANK.get(m, 0))
                if manner in (None, "unknown") and any(p == best.person and t != best.team for p, t in moves):
                    manner = "moved"
            role = next((c.role for c in sorted(cands, key=lambda c: ("role:attached" not in c.notes, -c.confidence))
                         if c.role), None) \
                or article_title or (gazetteer and gazetteer.head_title(best.team)) or "head coach"
            interim = best.type == "hire" and any(c.interim for c in cands)
            confidence = max(c.confidence for c in cands)
            if confidence < self.min_confidence:
                continue
            events.append(Event(
                doc_id=str(doc._.doc_id or ""), type=best.type, coach=best.person, team=best.team,
                role=role, interim=interim, manner=manner, date=date,
                evidence=self.evidence(doc, first), rule=first.rule, confidence=confidence,
                sport=gazetteer.sport(best.team) if gazetteer else None,
            ))
        return events

    @staticmethod
    def evidence(doc: Doc, cand: Candidate) -> Evidence:
        start, end = cand.sentence
        raw = doc_text(doc)[start:end]
        start += len(raw) - len(raw.lstrip())
        end -= len(raw) - len(raw.rstrip())
        offset = doc._.body_offset or 0
        text = doc_text(doc)[start:end]
        trigger = doc_text(doc)[cand.trigger[0]:cand.trigger[1]]
        if start < offset:
            return Evidence(sentence=text, start=start, end=end, trigger=trigger, field="title")
        return Evidence(sentence=text, start=start - offset, end=end - offset, trigger=trigger, field="text")
