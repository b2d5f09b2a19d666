"""The article's sport, decided once from its teams and words, and used to choose between gazetteer aliases.

"Tigers" is a baseball club, a college and a rugby league side; "Lions" an NFL club and a CFL one;
"Golden State" an NBA and a WNBA team. A short alias or a nickname is taken as a team only when that
team can be of the article's sport and level:

- votes: every club of one sport named by a strong form (its full name or a multi-word alias,
  unambiguous), every league named (models/leagues.jsonl, with its sport), each once, and every
  mention of a sport's own words (``words`` in models/sports.jsonl: "puck", "AFL", "rugby league"; a
  word two sports share, "football", says nothing); a national team's name is every sport's, and a
  college plays several: neither votes;
- the article's sport is the one with most votes (at least two, more than any other, or the only one
  there is); a college or a
  national team fits every sport (a school's name is all its programs', a nation's all its sides');
- level: a team of a closed league (``closed`` in leagues.jsonl: NFL, CFL, NBA, WNBA ...) named by a
  weak form is no team of an article that names another closed league of its sport and never its own.

With no clear sport only the level is checked.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

@dataclass(frozen=True)
class ArticleSport:
    """What an article is about: its sport (None when unclear) and the leagues it names or implies."""
    sport: str | None
    leagues: frozenset[str] = field(default_factory=frozenset)  # named, or of a team named in full
    named_leagues: frozenset[str] = field(default_factory=frozenset)  # named in the text


class SportVoter:
    """Built once from the data rows; ``decide`` votes on one document."""

    def __init__(self, nlp: Language, leagues: list[dict[str, Any]], sports: list[dict[str, Any]]) -> None:
        self.league_sport = {row["name"]: row.get("sport") for row in leagues}
        self.closed = {row["name"] for row in leagues if row.get("closed")}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrases: dict[str, tuple[str, str]] = {}  # key → ("league" | "sport", name)
        for row in leagues:
            for form in [row["name"], *row.get("aliases", [])]:
                self._add(nlp, self.matcher, f"L:{form}", form, ("league", row["name"]))
        # a sport's words ("puck", "AFL", "rugby league"); a word two sports share ("football") tells nothing
        owners: dict[str, set[str]] = {}
        for row in sports:
            for word in row.get("words", []):
                owners.setdefault(word, set()).add(row["name"])
        league_forms = {form.lower() for row in leagues for form in [row["name"], *row.get("aliases", [])]}
        for word, names in owners.items():
            # a league's name among the words ("World Cup") votes once, as a league
            if len(names) == 1 and word.lower() not in league_forms:
                matcher = self.matcher if any(c.isupper() for c in word) else self.lower_matcher
                self._add(nlp, matcher, f"S:{word}", word, ("sport", next(iter(names))))

    def _add(self, nlp: Language, matcher: PhraseMatcher, key: str, form: str, value: tuple[str, str]) -> None:
        self.phrases[key] = value
        matcher.add(key, [nlp.make_doc(form)])

    def decide(self, doc: Doc, strong: list[dict[str, Any]]) -> ArticleSport:
        """Vote with the teams named by strong forms (their gazetteer rows) and the words of the article."""
        votes: Counter[str] = Counter()
        leagues: set[str] = set()
        in_text: set[str] = set()
        named: set[str] = set()
        for row in strong:
            if row.get("league") in self.closed:
                leagues.add(row["league"])
            # a national team's name is every sport's ("England"), a college plays several: no vote
            if row.get("sport") and row.get("kind") != "national" and row["name"] not in named:
                named.add(row["name"])
                votes[row["sport"]] += 1
        # the longest phrase wins: "Rugby World Cup" is no "World Cup"
        found: dict[tuple[int, int], list[int]] = {}
        for matcher in (self.matcher, self.lower_matcher):
            for match_id, start, end in matcher(doc):
                found.setdefault((start, end), []).append(match_id)
        kept = filter_spans([Span(doc, start, end) for start, end in found])
        for match_id in [m for span in sorted(kept, key=lambda sp: sp.start) for m in found[(span.start, span.end)]]:
            kind, name = self.phrases[doc.vocab.strings[match_id]]
            if kind == "sport":
                votes[name] += 1
                continue
            leagues.add(name)
            in_text.add(name)
            if name not in named and self.league_sport.get(name):
                named.add(name)  # each league once: "the World Cup" ten times is one competition
                votes[self.league_sport[name]] += 1
        ranked = votes.most_common()
        # at least two votes, more than any other sport's; or the only vote there is ("AFL" in an AFL story)
        if not ranked or ranked[0][1] < 2 and len(ranked) > 1 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return ArticleSport(None, frozenset(leagues), frozenset(in_text))
        return ArticleSport(ranked[0][0], frozenset(leagues), frozenset(in_text))

    def fits(self, row: dict[str, Any] | None, article: ArticleSport) -> bool:
        """Whether a team (its gazetteer row) can be a team of the article: its sport and level."""
        if row is None or row.get("kind") in ("national", "college"):
            return True  # a national team's name is every sport's, a college's name every program's
        sports = [row["sport"]] if row.get("sport") else list(row.get("sports", []))
        if article.sport is not None and sports and article.sport not in sports:
            return False
        league = row.get("league")
        if league in self.closed and league not in article.leagues:
            # another closed league of the sport that the text names ("the CFL"), not one a team named in
            # full implies: a coach may come from the NBA's Pelicans to the WNBA's Sky
            rivals = {other for other in article.named_leagues if other in self.closed
                      and self.league_sport.get(other) == self.league_sport.get(league)}
            if rivals:
                return False  # "Lions" in a CFL story, "Golden State" in a WNBA one
        return True
