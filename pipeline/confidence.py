"""How sure an event is: features of an event's candidates, and the model that turns them into ``confidence``.

The rules propose candidates; assembly groups them into events. Each event gets a handful of
features that describe how it was found (the rule's strength and family, how its team and person were
bound, whether the team is a known team of the article's sport, how often the article names them, ...).
``models/confidence.json`` holds a logistic model over those features, fitted on the gold articles by
``python -m pipeline.train_confidence`` (see that module); its output is the event's ``confidence``, an
estimate of the chance that the event is right (an event match in the spec's sense). Without the model file
the hand-set rule strengths and penalties of :func:`hand_confidence` are used.
"""
from __future__ import annotations

import bisect
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from .candidates import Candidate

MODEL_FILE = "confidence.json"
RULE_FAMILIES = ("transitive", "intransitive", "replace", "row", "noun", "symmetric")
BINDING_MARKERS = ("home_team", "sentence_team", "paragraph_team", "person_team", "where_team", "nearest_person",
                   "moved_from", "moved_to", "replaced", "conj", "passive")
GAP_CAP = 3.0


@lru_cache(maxsize=1)
def _penalties() -> tuple[tuple[str, float], ...]:
    """What a fallback costs the hand-set score, by the candidate's marker (Candidate.markers):
    ``confidence_penalty`` in models/words.jsonl, the packaged data (the trained model's ``hand`` feature
    was computed with it)."""
    from . import lexicon
    return tuple(lexicon.load().values("confidence_penalty").items())


def hand_confidence(cand: Candidate) -> float:
    """The hand-set score of one candidate: 0.9 for a strong trigger, 0.75 for a weak one, less for the
    fallbacks that bound its person or team."""
    score = 0.9 if cand.strength == "strong" else 0.75
    for marker, cost in _penalties():
        if marker in cand.markers:
            score -= cost
    return round(max(score, 0.05), 2)


@dataclass
class ArticleView:
    """What the features need to know of the article, computed once per document."""

    body_offset: int
    person_mentions: Counter
    team_mentions: Counter
    mention_spans: list[tuple[int, int, str, str]]  # (start_char, end_char, label, canonical)
    article_sport: str | None
    home_team: str | None
    glued: frozenset  # people whose name follows a capitalised word ("New Zealander Dave Rennie")

    @classmethod
    def of(cls, doc: Doc, sport_of: Any = None) -> "ArticleView":
        people: Counter = Counter()
        teams: Counter = Counter()
        spans = []
        glued = set()
        for span in doc.spans.get("mentions", []):
            (people if span.label_ == "PERSON" else teams)[span.kb_id_] += 1
            spans.append((span.start_char, span.end_char, span.label_, span.kb_id_))
            before = doc[span.start - 1] if span.start > 0 else None
            if span.label_ == "PERSON" and before is not None and before.is_title and not before.is_sent_start:
                glued.add(span.kb_id_)
        sports: Counter = Counter()
        for team, count in teams.items():
            team_sport = sport_of(team) if sport_of else None
            if team_sport:
                sports[team_sport] += count
        sport = sports.most_common(1)[0][0] if sports else None
        return cls(body_offset=doc._.body_offset or 0, person_mentions=people, team_mentions=teams,
                   mention_spans=sorted(spans), article_sport=sport, home_team=doc._.home_team,
                   glued=frozenset(glued))

    def _within(self, sentence: tuple[int, int]) -> list[tuple[int, int, str, str]]:
        """The mentions inside the sentence (``mention_spans`` is sorted by start)."""
        start, end = sentence
        low = bisect.bisect_left(self.mention_spans, (start,))
        high = bisect.bisect_left(self.mention_spans, (end,))
        return [m for m in self.mention_spans[low:high] if m[1] <= end]

    def in_sentence(self, sentence: tuple[int, int], label: str, canonical: str) -> bool:
        return self.gap(sentence, sentence, label, canonical) < GAP_CAP

    def gap(self, sentence: tuple[int, int], trigger: tuple[int, int], label: str, canonical: str) -> float:
        """Characters (in hundreds, at most GAP_CAP) from the trigger to the nearest mention of ``canonical``
        in the trigger's sentence; GAP_CAP when the sentence does not name it."""
        gaps = [max(trigger[0] - e, s - trigger[1], 0) for s, e, lab, kb in self._within(sentence)
                if lab == label and kb == canonical]
        return min([g / 100 for g in gaps] + [GAP_CAP])

    def crowd(self, sentence: tuple[int, int], label: str) -> int:
        """How many different people (or teams) the sentence names."""
        return len({kb for _s, _e, lab, kb in self._within(sentence) if lab == label})


def event_features(cands: list[Candidate], view: ArticleView, sport: str | None,
                   teams_of_person: int) -> dict[str, float]:
    """The features of one event (its candidates share type, person and team)."""
    best = max(cands, key=lambda c: (hand_confidence(c), -c.trigger[0]))
    family = best.voice
    markers = best.markers
    surname_only = len(best.person.split()) == 1
    features: dict[str, float] = {
        "hand": max(hand_confidence(c) for c in cands),
        "strong": float(any(c.strength == "strong" for c in cands)),
        "support": math.log1p(len(cands) - 1),
        "sentences": math.log1p(len({c.sentence for c in cands}) - 1),
        "in_title": float(any(c.sentence[0] < view.body_offset for c in cands)),
        "departure": float(best.type == "departure"),
        "interim": float(any(c.interim for c in cands)),
        "role_attached": float(any(c.role_attached for c in cands)),
        "news_date": float(all(c.date_source == "default" or not c.date for c in cands)),
        "single_name": float(surname_only),
        "name_after_capital": float(best.person in view.glued),
        "person_mentions": math.log1p(view.person_mentions.get(best.person, 0)),
        "team_mentions": math.log1p(view.team_mentions.get(best.team or "", 0)),
        "home_team": float(best.team == view.home_team),
        "team_in_sentence": float(any(view.in_sentence(c.sentence, "TEAM", c.team or "") for c in cands)),
        "person_in_sentence": float(any(view.in_sentence(c.sentence, "PERSON", c.person) for c in cands)),
        "known_team": float(sport is not None),
        "other_sport": float(sport is not None and view.article_sport is not None and sport != view.article_sport),
        "person_teams": math.log1p(max(teams_of_person - 1, 0)),
        "person_gap": view.gap(best.sentence, best.trigger, "PERSON", best.person),
        "team_gap": view.gap(best.sentence, best.trigger, "TEAM", best.team or ""),
        "sentence_people": math.log1p(max(view.crowd(best.sentence, "PERSON") - 1, 0)),
        "sentence_teams": math.log1p(max(view.crowd(best.sentence, "TEAM") - 1, 0)),
        "sentence_length": min((best.sentence[1] - best.sentence[0]) / 100, GAP_CAP),
    }
    for name in RULE_FAMILIES:
        features[f"family:{name}"] = float(family == name)
    for marker in BINDING_MARKERS:
        features[f"bound:{marker}"] = float(marker in markers)
    return features


@dataclass
class ConfidenceModel:
    """A logistic model: confidence = sigmoid(intercept + sum(weight * feature)), rounded to 2 places."""

    weights: Mapping[str, float]
    intercept: float
    info: Mapping[str, Any]

    def __call__(self, features: Mapping[str, float]) -> float:
        z = self.intercept + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return round(1.0 / (1.0 + math.exp(-z)), 2)

    def to_json(self) -> str:
        body = {"kind": "logistic", "intercept": self.intercept, "weights": dict(sorted(self.weights.items())),
                **dict(self.info)}
        return json.dumps(body, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def read(cls, path: Path) -> "ConfidenceModel":
        return cls.parse(path.read_text(encoding="utf-8"), origin=str(path))

    @classmethod
    def parse(cls, text: str, origin: str = "confidence model") -> "ConfidenceModel":
        data = json.loads(text)
        if data.get("kind") != "logistic" or not isinstance(data.get("weights"), dict):
            raise ValueError(f"{origin}: not a logistic confidence model (kind, intercept, weights)")
        info = {k: v for k, v in data.items() if k not in ("kind", "intercept", "weights")}
        return cls(weights={str(k): float(v) for k, v in data["weights"].items()},
                   intercept=float(data["intercept"]), info=info)


def load_model(directory: Path | None = None) -> ConfidenceModel | None:
    """The confidence model of ``directory`` (default: the packaged models/), or None when there is none."""
    from .resources import models_dir
    path = (directory or models_dir()) / MODEL_FILE
    return ConfidenceModel.read(path) if path.exists() else None


def teams_per_person(cands: Iterable[Candidate]) -> Counter:
    """How many different teams the surviving candidates give each person."""
    pairs = {(c.person, c.team) for c in cands}
    return Counter(person for person, _team in pairs)
