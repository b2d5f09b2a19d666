"""Stage 6, assembly: surviving candidates → ``doc._.events`` (one per transition per article).

Canonical team and fullest coach name come from the mention stage; the role
falls back to the article's own word for its head coaches ("manager" or
"head coach"), then to the team's (``head_title`` in models/teams.jsonl or leagues.jsonl); a coach who leaves one team for another gets manner ``moved``.
An event's ``confidence`` is the confidence model's estimate (models/confidence.json, see
:mod:`pipeline.confidence`) from the features of its candidates; without a model file, the best hand-set score.
The features of the events are left in ``doc.user_data[FEATURES_KEY]``, in the order of ``doc._.events``.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ..candidates import DROPPED, KEPT, VETOED, Candidate
from ..confidence import (MODEL_FILE, ArticleView, ConfidenceModel, event_features, hand_confidence, load_model,
                          teams_per_person)
from .relations.links import bind_guesses_to_stated_teams, bind_successions
from ..schema import Event, Evidence, post_kind
from ..extensions import doc_text
from .base import RuleComponent

FEATURES_KEY = "coaching_events.features"  # doc.user_data: the confidence features of doc._.events, in order


@Language.factory("coaching_assembly", default_config={"data_dir": None, "min_confidence": 0.0},
                  requires=["doc._.candidates", "doc._.doc_id", "doc._.body_offset", "doc._.home_team", "doc.spans"],
                  assigns=["doc._.events"])
def make_assembly(nlp: Language, name: str, data_dir: str | None, min_confidence: float) -> "Assembly":
    return Assembly(nlp, name, data_dir=data_dir, min_confidence=min_confidence)


DERIVED = ("moved_from", "moved_to", "replaced")  # implied transitions, which borrow their trigger's date
NEWS_DEFAULT_RANK = 3
SECTION_RANK = 2.5  # a live blog section's day: the news default of that section, before the article's


def _date_rank(cand: Candidate) -> float:
    """Which candidate's date an event takes: a date on the trigger itself, then one reached through the
    clause chain or counted from another date (an implied transition's borrowed date after its own trigger's),
    then an effective date ("from January"), then the news default."""
    if cand.date_source == "default":
        return NEWS_DEFAULT_RANK
    if cand.date_source == "section":
        return SECTION_RANK
    if cand.date_label == "effective":
        return 2
    rank = 0 if cand.date_label == "direct" and cand.date_source == "own" else 1
    return rank + 0.5 if cand.derived in DERIVED else rank


def _pick_date(cands: list[Candidate], siblings: list[Candidate]) -> str | None:
    """The best-ranked date of an event's candidates; when they only have the news default, the best date of
    the same transition's other candidates (a group split by role kind tells one story)."""
    fallback = None
    classes = {post_kind(c.role) for c in cands}
    # a sibling whose own attached post is another kind of job is another transition ("arrived as defensive
    # coordinator in January" is not the date of "promoted to head coach")
    siblings = [c for c in siblings if not (c.role_attached and post_kind(c.role) not in classes)]
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


def _referenced_date(cands: list[Candidate], groups: dict[tuple, list[Candidate]], depth: int = 0) -> str | None:
    """"Y took over when X left": with only the news default of its own, an event takes the date the article
    gives the transition its when-clause names."""
    if any(c.date and _date_rank(c) < SECTION_RANK for c in cands):
        return None
    for cand in cands:
        key = tuple(cand.date_ref) if cand.date_ref else None
        referenced = groups.get(key, []) if key else []
        dated = sorted((c for c in referenced if c.date and _date_rank(c) < SECTION_RANK),
                       key=lambda c: (_date_rank(c), c.trigger[0]))
        if dated:
            return dated[0].date
        if depth < 2 and referenced:  # the referenced transition is itself dated by reference
            onward = _referenced_date(referenced, groups, depth + 1)
            if onward:
                return onward
    return None


def _split_permanent(cands: list[Candidate]) -> list[list[Candidate]]:
    """ "Caretaker from March ... made permanent in June": two hires, the interim one
    and the permanent one; other mentions stay with the interim spell. A hire not called interim and dated
    by its own words after the interim spell's own date ("named interim coach on March 3 ... appointed head
    coach on May 20") is the permanent appointment too, even with no word saying it ended the spell."""
    spells = [c.date for c in cands if c.interim and c.date and c.date_source == "own"]
    permanent = [c for c in cands if c.permanent or not c.interim and any(_later(c, d) for d in spells)]
    if not permanent or not any(c.interim for c in cands):
        return [cands]
    return [[c for c in cands if c not in permanent], permanent]


def _later(cand: Candidate, spell: str) -> bool:
    """Whether the candidate's own date falls after ``spell`` at the precision both give."""
    if not cand.date or cand.date_source != "own":
        return False
    size = min(len(cand.date), len(spell))
    return cand.date[:size] > spell[:size]


def _interim_post(departure: list[Candidate], live: list[Candidate]) -> bool:
    """A departure is from an interim post when a row calls the post interim after the person's name
    ("Team — X — interim coach, not retained"), or when the article first tells the person's interim spell
    at that team and then his leaving it, with no permanent appointment between ("took over on an interim
    basis ... he left on Jan. 5"). A prose departure's own interim flag is not trusted: the word is as often
    about the successor ("fired X and named Y interim coach")."""
    if any(c.interim and c.voice == "row" for c in departure):
        return True
    first = min(departure, key=lambda c: c.trigger[0])
    hires = [c for c in live if c.type == "hire" and c.person == first.person and c.team == first.team]
    earlier = [c for c in hires if c.interim and c.trigger[0] < first.trigger[0]
               and (not c.date or not first.date or c.date[:len(first.date)] <= first.date)]
    return bool(earlier) and all(c.interim and not c.permanent for c in hires)


class Assembly(RuleComponent):
    # the gazetteer (a team's sport and head-coach title), words.jsonl (head roles, manner ranks) and the sports;
    # the confidence model (models/confidence.json) is saved and loaded beside them
    data_files = ("teams.jsonl", "federations.jsonl", "leagues.jsonl", "venues.jsonl", "words.jsonl", "sports.jsonl")

    def __init__(self, nlp: Language, name: str = "coaching_assembly", *, data_dir: str | None = None,
                 min_confidence: float = 0.0) -> None:
        self.min_confidence = min_confidence
        self.model: ConfidenceModel | None = None
        super().__init__(nlp, name, data_dir=data_dir, min_confidence=min_confidence)

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None,
                   data_dir: str | None = None) -> None:
        super().initialize(get_examples, nlp=nlp, data_dir=data_dir)
        self.model = load_model(Path(self.data_dir) if self.data_dir else None)

    def build(self) -> None:
        self.head_roles = self.lexicon.words("head_role")
        self.manner_rank = self.lexicon.values("manner_rank")
        # the words that tell a sport, for a team whose name stands for several (sports.jsonl)
        self.sport_cues = {row["name"]: re.compile("|".join(
            rf"\b(?i:{re.escape(w)})\b" if w.islower() else rf"\b{re.escape(w)}\b" for w in row["words"]))
            for row in self.data["sports.jsonl"] if row["words"]}

    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        super().to_disk(path, exclude=exclude)
        if self.model is not None:
            (Path(path) / MODEL_FILE).write_text(self.model.to_json(), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> "Assembly":
        super().from_disk(path, exclude=exclude)
        model_file = Path(path) / MODEL_FILE
        self.model = ConfidenceModel.read(model_file) if model_file.exists() else None
        return self

    def to_bytes(self, *, exclude: Any = ()) -> bytes:
        return srsly.msgpack_dumps({"rules": super().to_bytes(exclude=exclude),
                                    MODEL_FILE: self.model.to_json() if self.model is not None else None})

    def from_bytes(self, bytes_data: bytes, *, exclude: Any = ()) -> "Assembly":
        message = srsly.msgpack_loads(bytes_data)
        super().from_bytes(message["rules"], exclude=exclude)
        self.model = ConfidenceModel.parse(message[MODEL_FILE]) if message.get(MODEL_FILE) else None
        return self

    def process(self, doc: Doc) -> None:
        doc._.events = self.assemble(doc)

    @staticmethod
    def confidence(cand: Candidate) -> float:
        return hand_confidence(cand)

    def sport(self, doc: Doc, team: str, counted: dict[str, int] | None = None) -> str | None:
        """The team's sport; for a team that plays several (a college, a nation's sides), the one whose words
        the article uses most (the first the team's row lists on a tie), else the row's default. ``counted``
        keeps the counts of one document, so that each sport's words are counted once per article."""
        options = self.lexicon.gazetteer.sports(team)
        if len(options) <= 1:
            return options[0] if options else None
        counts = {} if counted is None else counted
        for sport in options:
            if sport not in counts:
                cues = self.sport_cues.get(sport)
                counts[sport] = len(cues.findall(doc_text(doc))) if cues else 0
        best = max(options, key=lambda s: counts[s])
        return best if counts[best] else self.lexicon.gazetteer.sport(team)

    def article_title(self, doc: Doc) -> str | None:
        """The article's own word for head coaches, when it uses one more than the other."""
        counts = Counter(r.kb_id_ for r in doc.spans.get("roles", []) if r.kb_id_ in self.head_roles)
        if counts["manager"] != counts["head coach"]:
            return "manager" if counts["manager"] > counts["head coach"] else "head coach"
        return None

    @staticmethod
    def _record_status(candidates: list[Candidate]) -> None:
        """What becomes of each candidate (``explain`` shows it): vetoed, dropped for want of a person or team,
        else kept (until the confidence threshold drops its group)."""
        for cand in candidates:
            if cand.vetoed:
                cand.status, cand.drop_reason = VETOED, cand.vetoed
            elif not cand.person:
                cand.status, cand.drop_reason = DROPPED, "no person"
            elif not cand.team:
                cand.status, cand.drop_reason = DROPPED, "no team"
            else:
                cand.status, cand.drop_reason = KEPT, None

    def assemble(self, doc: Doc) -> list[Event]:
        # "X replaces Y, who was sacked": settled once the stated facts are known (after modality's vetoes)
        bind_successions(doc._.candidates or [])
        bind_guesses_to_stated_teams(doc, doc._.candidates or [])
        self._record_status(doc._.candidates or [])
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
            named_posts = {k for k, group in classes.items() if any(c.role_attached for c in group)}
            if len(classes) > 1 and "head" in classes and named_posts - {"head"}:
                for group in classes.values():
                    merged.extend(_split_permanent(group))
            else:
                merged.extend(_split_permanent(cands))
        article_title = self.article_title(doc)
        gazetteer = self.lexicon.gazetteer
        moves = {(c.person, c.team) for c in live if c.type == "hire"}
        # the confidence features compare a team's kind of sport with the article's (sport_family: as the
        # model was trained, a college is one family whatever program the article is about)
        view = ArticleView.of(doc, gazetteer.sport_family)
        person_teams = teams_per_person(live)
        sport_counts: dict[str, int] = {}  # words of each sport in this article, counted once
        events = []
        features_of_events = []
        for cands in merged:
            best = max(cands, key=lambda c: (c.confidence, -c.trigger[0]))
            first = min(cands, key=lambda c: c.trigger[0])
            date = _pick_date(cands, groups[(best.type, best.person, best.team)])
            date = _referenced_date(cands, groups) or date
            manner = None
            if best.type == "departure":
                manner = max((c.manner for c in cands), key=lambda m: self.manner_rank.get(m, 0))
                if manner in (None, "unknown") and any(p == best.person and t != best.team for p, t in moves):
                    manner = "moved"
            role = next((c.role for c in sorted(cands, key=lambda c: (not c.role_attached, -c.confidence))
                         if c.role), None) \
                or article_title or (gazetteer and gazetteer.head_title(best.team)) or "head coach"
            interim = any(c.interim for c in cands) if best.type == "hire" else _interim_post(cands, live)
            features = event_features(cands, view, gazetteer.sport_family(best.team), person_teams[best.person])
            confidence = self.model(features) if self.model else max(c.confidence for c in cands)
            if confidence < self.min_confidence:
                for cand in cands:
                    cand.status, cand.drop_reason = DROPPED, "below the confidence threshold"
                continue
            features_of_events.append(features)
            events.append(Event(
                doc_id=str(doc._.doc_id or ""), type=best.type, coach=best.person, team=best.team,
                role=role, interim=interim, manner=manner, date=date,
                evidence=self.evidence(doc, first), rule=first.rule, confidence=confidence,
                sport=self.sport(doc, best.team, sport_counts),
            ))
        doc.user_data[FEATURES_KEY] = features_of_events
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
