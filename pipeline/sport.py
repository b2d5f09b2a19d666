"""The article's sport, decided once from its teams and words, and used to choose between gazetteer aliases.

"Tigers" is a baseball club, a college and a rugby league side; "Lions" an NFL club and a CFL one;
"Golden State" an NBA and a WNBA team. A short alias or a nickname is taken as a team only when that
team can be of the article's sport and level:

- votes: every club or college named by a strong form (its full name or a multi-word alias,
  unambiguous), every league named (models/leagues.jsonl, with its sport), each once, and every
  mention of a sport's name (models/sports.jsonl: "hockey", "AFL", "rugby league"); a national team's
  name is every sport's and does not vote;
- the article's sport is the one with most votes (at least two, more than any other); college teams
  ("college" in teams.jsonl) go with the sports a college plays (``covers`` in sports.jsonl);
- level: a team of a closed league (``closed`` in leagues.jsonl: NFL, CFL, NBA, WNBA ...) named by a
  weak form is no team of an article that names another closed league of its sport and never its own.

With no clear sport nothing is filtered.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

COLLEGE = "college"


@dataclass(frozen=True)
class ArticleSport:
    """What an article is about: its sport (None when unclear) and the leagues it names or implies."""
    sport: str | None
    leagues: frozenset[str] = field(default_factory=frozenset)


class SportVoter:
    """Built once from the data rows; ``decide`` votes on one document."""

    def __init__(self, nlp: Language, leagues: list[dict[str, Any]], sports: list[dict[str, Any]]) -> None:
        self.league_sport = {row["name"]: row.get("sport") for row in leagues}
        self.closed = {row["name"] for row in leagues if row.get("closed")}
        self.college_covers = set(next((row.get("covers", []) for row in sports if row["name"] == COLLEGE), []))
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrases: dict[str, tuple[str, str]] = {}  # key → ("league" | "sport", name)
        for row in leagues:
            for form in [row["name"], *row.get("aliases", [])]:
                self._add(nlp, self.matcher, f"L:{form}", form, ("league", row["name"]))
        for row in sports:
            if row["name"] == COLLEGE:
                continue
            for form in [row["name"], *row.get("aliases", [])]:
                # "AFL", "NCAA" by their letters; "hockey", "rugby league" in any case
                matcher = self.matcher if any(c.isupper() for c in form) else self.lower_matcher
                self._add(nlp, matcher, f"S:{form}", form, ("sport", row["name"]))

    def _add(self, nlp: Language, matcher: PhraseMatcher, key: str, form: str, value: tuple[str, str]) -> None:
        self.phrases[key] = value
        matcher.add(key, [nlp.make_doc(form)])

    def decide(self, doc: Doc, strong: list[dict[str, Any]]) -> ArticleSport:
        """Vote with the teams named by strong forms (their gazetteer rows) and the words of the article."""
        votes: Counter[str] = Counter()
        leagues: set[str] = set()
        named: set[str] = set()
        for row in strong:
            if row.get("league") in self.closed:
                leagues.add(row["league"])
            # a national team's name is every sport's ("England"): no vote
            if row.get("sport") and row.get("kind") != "national" and row["name"] not in named:
                named.add(row["name"])
                votes[row["sport"]] += 1
        for matcher in (self.matcher, self.lower_matcher):
            for match_id, _start, _end in matcher(doc):
                kind, name = self.phrases[doc.vocab.strings[match_id]]
                if kind == "sport":
                    votes[name] += 1
                    continue
                leagues.add(name)
                if name not in named and self.league_sport.get(name):
                    named.add(name)  # each league once: "the World Cup" ten times is one competition
                    votes[self.league_sport[name]] += 1
        # a college article's sport is the sport the college plays: its votes go to that sport when named
        if votes[COLLEGE] and any(votes[s] for s in self.college_covers):
            best_covered = max(self.college_covers, key=lambda s: (votes[s], s))
            votes[best_covered] += votes.pop(COLLEGE)
        ranked = votes.most_common()
        if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return ArticleSport(None, frozenset(leagues))
        return ArticleSport(ranked[0][0], frozenset(leagues))

    def fits(self, row: dict[str, Any] | None, article: ArticleSport) -> bool:
        """Whether a team (its gazetteer row) can be a team of the article: its sport and level."""
        if row is None or article.sport is None or row.get("kind") == "national":
            return True  # a national team's name is every sport's
        sport = row.get("sport")
        if sport and sport != article.sport:
            college = COLLEGE in (sport, article.sport) and ({sport, article.sport} - {COLLEGE}) <= self.college_covers
            if not college:
                return False
        league = row.get("league")
        if league in self.closed and league not in article.leagues:
            rivals = {other for other in article.leagues if other in self.closed
                      and self.league_sport.get(other) == self.league_sport.get(league)}
            if rivals:
                return False  # "Lions" in a CFL story, "Golden State" in a WNBA one
        return True
