"""The sports gazetteer: surface forms of teams, federations and leagues → canonical entries.

Built by the lexicon (pipeline/lexicon.py) from models/teams.jsonl, federations.jsonl, leagues.jsonl and
venues.jsonl; the entities component matches its forms, the assembly reads sports from it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any


NATIONAL_FORMS = (
    "{name} national team", "{name}'s national team", "{name} men's national team",
    "{dem} national team", "{dem} national side", "{dem} men's national team",
)
FEDERATION_FORMS = ("{dem} federation", "{dem} football federation", "{dem} Football Federation",
                    "{dem} Federation", "{dem} FA", "{name} FA")


@dataclass
class Gazetteer:
    teams: dict[str, dict[str, Any]] = field(default_factory=dict)  # canonical → record
    forms: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # surface → canonicals
    kinds: dict[str, str] = field(default_factory=dict)  # surface → TEAM | FEDERATION
    leagues: set[str] = field(default_factory=set)
    league_titles: dict[str, str] = field(default_factory=dict)  # league → its word for a head coach
    primary: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # surface → teams whose name/alias it is

    def add_form(self, form: str, canonical: str, kind: str = "TEAM", primary: bool = False) -> None:
        form = form.strip()
        if not form:
            return
        bare = form[4:] if form.startswith(("the ", "The ")) else form
        variants = {form, bare, "the " + bare, "The " + bare}
        for variant in variants:
            self.forms[variant].add(canonical)
            self.kinds.setdefault(variant, kind)
            if primary:
                self.primary[variant].add(canonical)

    def sport(self, canonical: str) -> str | None:
        """The team's sport (models/sports.jsonl), None when its row gives several and no default."""
        record = self.teams.get(canonical)
        return record.get("sport") if record else None

    def sport_family(self, canonical: str) -> str | None:
        """The team's sport, or for a team of several sports with no default (a college) all of them as one
        value: what the confidence features compare between a team and its article."""
        record = self.teams.get(canonical)
        if not record:
            return None
        return record.get("sport") or " / ".join(record.get("sports", [])) or None

    def sports(self, canonical: str) -> list[str]:
        """Every sport the team's name stands for: a college's programs, a nation's football and rugby sides."""
        record = self.teams.get(canonical)
        if not record:
            return []
        return list(record.get("sports") or ([record["sport"]] if record.get("sport") else []))

    def head_title(self, canonical: str) -> str | None:
        """The word a team's own world uses for its head coach ("manager" in English football and
        MLB), from the team's row or its league's; None when the data says nothing."""
        record = self.teams.get(canonical)
        if not record:
            return None
        return record.get("head_title") or self.league_titles.get(record.get("league", ""))

    @classmethod
    def from_rows(cls, teams: list[dict], federations: list[dict], leagues: list[dict],
                  venues: list[dict] | None = None, *, city_stop: frozenset[str] = frozenset()) -> "Gazetteer":
        """``city_stop``: first words of club names that are no city ("Real", "Inter"; words.jsonl)."""
        gaz = cls()
        for row in teams:
            name = row["name"]
            gaz.teams.setdefault(name, row)
            for form in [name, *row.get("aliases", [])]:
                gaz.add_form(form, name, primary=True)
            for form in row.get("nicknames", []):
                gaz.add_form(form, name)
            words = name.split()
            if row.get("kind") == "club" and len(words) > 1 and words[0] not in city_stop:
                # a club is often called by its city alone ("Leicester", "Chicago", "Columbus" of the Blue
                # Jackets); ambiguity is settled by the teams the article names in full
                gaz.add_form(" ".join(words[:-1]), name)
                for alias in row.get("aliases", []):
                    if name.endswith(" " + alias) and len(alias.split()) > 1:
                        gaz.add_form(name[:-len(alias) - 1], name)
            if row.get("kind") == "national":
                for dem in [None, *row.get("demonyms", [])]:
                    for pattern in NATIONAL_FORMS:
                        if dem is None and "{dem}" in pattern:
                            continue
                        gaz.add_form(pattern.format(name=name, dem=dem or name), name)
                        gaz.add_form("the " + pattern.format(name=name, dem=dem or name), name)
                    for pattern in FEDERATION_FORMS:
                        if dem is None and "{dem}" in pattern:
                            continue
                        gaz.add_form("the " + pattern.format(name=name, dem=dem or name), name, "FEDERATION")
        for row in federations:
            for form in [row["name"], *row.get("aliases", [])]:
                gaz.add_form(form, row["team"], "FEDERATION")
                if not form.startswith("the "):
                    gaz.add_form("the " + form, row["team"], "FEDERATION")
        for row in venues or []:
            # a team's ground names the team: "returns to Old Trafford"; a shared ground is settled by the article
            for form in [row["name"], *row.get("aliases", [])]:
                for team in row["teams"]:
                    gaz.add_form(form, team, "VENUE")
        for row in leagues:
            gaz.leagues.update([row["name"], *row.get("aliases", [])])
            if row.get("head_title"):
                gaz.league_titles[row["name"]] = row["head_title"]
        # a league's name is never a team
        for league in gaz.leagues:
            gaz.forms.pop(league, None)
        return gaz
