"""Team mentions: the gazetteer's teams plus organisations that read as teams, opponents in a match,
"the club"/"the federation" and "they" linked to a team, and the article's home team.

``TeamMentions`` is a mixin of ``MentionLinker`` (components/mentions.py), which holds the word sets it reads.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .anaphora import SUBJECTS
from ..folding import fold
from ..team_types import org_is_team

SCORE_END = re.compile(r"(?<![\d-])\d{1,2}[-–]\d{1,2}$")  # "Arsenal 2-1 Chelsea": the score before the team
SCORE_START = re.compile(r"^\d{1,2}[-–]\d{1,2}(?![\d-])")


def _begins_title(doc: Doc, ent: Span) -> bool:
    """An organisation the model tagged that is the first word of a title: "Bench coach X" at a sentence
    start, where the capital comes from the sentence and not from a club name."""
    return any(r.start == ent.start and r.end > ent.end for r in doc.spans.get("roles", []))


def _subject_like(token: Token) -> bool:
    """A subject, or the owner of one: "Michigan's own vacancy dated to March 15, when the university fired X"
    (the university is Michigan)."""
    return token.dep_ in SUBJECTS or token.dep_ == "poss" and (
        token.head.dep_ in SUBJECTS or token.head.dep_ == "ROOT" and token.head.pos_ == "NOUN")  # a verb read as acl


class TeamMentions:
    """The teams of an article and their mentions."""

    def _teams(self, doc: Doc, person_tokens: set[int], people: list[str]
               ) -> tuple[list[str], list[tuple[int, int, str]], str | None, set[tuple[int, int]]]:
        mentions = [(s.start, s.end, s.kb_id_) for s in doc.spans.get("teams", [])]
        # organisations the gazetteer does not know may still be teams ("Molde", "Fordham")
        known = {i for s, e, _ in mentions for i in range(s, e)} | person_tokens
        name_words = {fold(w) for p in people for w in p.split() if w[:1].isupper() or len(w) > 3}
        for ent in doc.ents:
            if ent.label_ == "ORG" and not ent.kb_id_ and not any(i in known for i in range(ent.start, ent.end)) \
                    and not any(t.lower_ in self.not_team_words or self._is_match_word(t) for t in ent) \
                    and not ent.text.isupper() \
                    and not any(fold(t.text) in name_words for t in ent) \
                    and not self._named_like_a_person(doc, ent, person_tokens) \
                    and not _begins_title(doc, ent) and org_is_team(ent, self.org_words) \
                    and not (ent.end < len(doc) and doc[ent.end].lower_ in self.team_nouns):
                words = [t.text for t in ent if t.tag_ != "POS"]
                if words and words[0].lower() == "the":
                    words = words[1:]
                if words and not self._is_league(" ".join(words)):
                    mentions.append((ent.start, ent.end, " ".join(words)))
        mentions.sort()
        teams = []
        for _, _, name in mentions:
            if name not in teams:
                teams.append(name)
        opponents = {(s, e) for s, e, _ in mentions if self._is_opponent(doc, s, e)}
        own = [m for m in mentions if (m[0], m[1]) not in opponents]
        home = self._home(doc, own, [n for n in teams if any(m[2] == n for m in own)])
        nominal = self._nominal(doc, mentions, own, home)
        plural = self._team_pronouns(doc, sorted(own + nominal), person_tokens)
        return teams, mentions + nominal + plural, home, opponents

    def _named_like_a_person(self, doc: Doc, ent: Span, person_tokens: set[int]) -> bool:
        """An organisation the model tagged that reads as a person: after a person noun ("long-time colleague
        X"), or coordinated with a person ("after Lars-Göran Hedlund and Paolo Ferri")."""
        if ent.start > 0 and doc[ent.start - 1].lower_ in self.person_words or ent[0].text in self.honorifics:
            return True  # "long-time colleague X", "Coach K"
        root = ent.root
        linked = [root.head] if root.dep_ == "conj" else []
        linked += [c for c in root.children if c.dep_ == "conj"]
        return any(t.i in person_tokens for t in linked)

    def _is_league(self, name: str) -> bool:
        """A league, a division or another name that is no team, also with a common noun after it
        ("Eastern Conference rivals", "AFC North leaders")."""
        if name in self.leagues:
            return True
        words = name.split()
        return any(" ".join(words[:n]) in self.leagues and all(w.islower() for w in words[n:])
                   for n in range(1, len(words)))

    @staticmethod
    def _subject_team(doc: Doc, own: list[tuple[int, int, str]], position: int) -> str | None:
        """The latest team named as a subject (or a subject's owner) in the sentence of ``position`` or the one before: "The Crew hired
        X from rivals CF Montréal on Monday, the club said" (the club is the Crew)."""
        sent = doc[position].sent
        previous = doc[sent.start - 1].sent if sent.start > 0 else sent
        subjects = [n for s, e, n in own if previous.start <= s and e <= position and _subject_like(doc[s:e].root)]
        return subjects[-1] if subjects else None

    def _team_pronouns(self, doc: Doc, own: list[tuple[int, int, str]], person_tokens: set[int]
                       ) -> list[tuple[int, int, str]]:
        """ "they", "their": the latest team named as a subject in the same or the previous sentence
        ("the Jets said that they and their offensive coordinator would part ways")."""
        out = []
        for token in doc:
            if token.lower_ not in self.team_pronouns or token.pos_ != "PRON" or token.i in person_tokens:
                continue
            sent = token.sent
            previous = doc[sent.start - 1].sent if sent.start > 0 else sent
            before = [m for m in own if previous.start <= m[0] and m[1] <= token.i]
            subjects = [m for m in before if _subject_like(doc[m[0]:m[1]].root)]
            if subjects:
                out.append((token.i, token.i + 1, subjects[-1][2]))
        return out

    def _home(self, doc: Doc, mentions: list[tuple[int, int, str]], teams: list[str]) -> str | None:
        """The team of the headline, else of the first sentence, else the most named (opponents aside)."""
        body = doc._.body_offset or 0
        title_teams = [n for s, _, n in mentions if doc[s].idx < body]
        if title_teams:
            return title_teams[0]
        first_sent = next((s for s in doc.sents if s.start_char >= body and s.text.strip()), None)
        first = [n for s, _, n in mentions if first_sent is not None and first_sent.start <= s < first_sent.end]
        if first:
            return first[0]
        if teams:
            return max(teams, key=lambda n: sum(1 for *_, m in mentions if m == n))
        return None

    def _nominal(self, doc: Doc, mentions: list[tuple[int, int, str]], own: list[tuple[int, int, str]],
                 home: str | None) -> list[tuple[int, int, str]]:
        """"the club", "the federation": the latest subject team of the sentence or the one before, else the
        latest team named before (not an opponent), else home; a noun that names a kind of team looks for one
        of that kind ("the federation" a national team, "the program" a college, "the club" no national team)."""
        nominal = []
        for token in doc:
            if token.lower_ != "the" or token.i + 1 >= len(doc):
                continue
            two = doc[token.i + 1:token.i + 3].text.lower()
            one = doc[token.i + 1].lower_
            if two in self.team_nouns:
                end, noun = token.i + 3, two
            elif one in self.team_nouns and not (token.i + 2 < len(doc) and doc[token.i + 2].pos_ in ("NOUN", "PROPN")):
                end, noun = token.i + 2, one
            else:
                continue
            if any(s <= token.i < e for s, e, _ in mentions):
                continue
            before = [n for s, e, n in own if e <= token.i]
            options = [self._subject_team(doc, own, token.i), *reversed(before), home]
            required = self.noun_kinds.get(noun)
            target = next((n for n in options if n and (required is None or self.kinds.get(n, required) == required)),
                          None)
            if target:
                nominal.append((token.i, end, target))
        return nominal

    def _is_match_word(self, token: Token) -> bool:
        return token.lemma_ in self.match_words or token.text in self.match_words

    def _is_opponent(self, doc: Doc, start: int, end: int) -> bool:
        """A team named as the other side of a match: "a 2-1 defeat to Arsenal", "against Iceland",
        "beat Chelsea", "the tour of Australia", "Arsenal 2-1 Chelsea". Such a team plays the
        coach's team; it is never the team of a transition, nor what "the club" refers to."""
        span = doc[start:end]
        heads = [t for t in span if t.dep_ != "det" and not (span.start <= t.head.i < span.end and t.head.i != t.i)]
        token = heads[-1] if heads else span.root  # "the South Africa tour": Africa, not the determiner
        while token.dep_ in ("conj", "appos") and token.head.i != token.i:
            token = token.head  # "against Malta, Slovenia and Scotland"
        if token.dep_ == "pobj":
            prep = token.head
            if prep.lower_ in self.opponent_preps:
                return True
            if prep.lower_ in self.match_preps and self._is_match_word(prep.head):
                return True
        if token.dep_ in ("compound", "nmod") and self._is_match_word(token.head):
            return True  # "the South Africa tour", "the Arsenal game"
        if token.dep_ == "dobj" and token.head.pos_ == "VERB" and self._is_match_word(token.head) \
                and token.head.lemma_ not in ("win", "lose", "draw", "play"):
            return True
        before = doc[max(0, start - 3):start].text.replace(" ", "")
        after = doc[end:end + 3].text.replace(" ", "")
        return bool(SCORE_END.search(before) or SCORE_START.match(after))
