"""Transitions written as labelled list lines rather than prose (part of the ``rows`` stage).

- a team before a separator and the change after it ("NEW YORK GIANTS: X was fired", "• SEATTLE STORM —
  Fired X this month", "Bears: X, fired");
- tracker lines, "Team — Person — status", where the line's shape binds the team even when the gazetteer
  does not know it; each ``;`` clause with a change word and its own person gives a change of that team
  ("fired (May 2); assistant Y named interim"), "along with assistants A and B" repeats the change for each,
  "hired from X, where he was ..." leaves X; the date in brackets dates its clause, else the line;
- lines labelled by the change ("Fired: X (Bears), Y (Vikings)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..candidates import Candidate
from ..date_spans import first_point_in_time
from ..extensions import doc_text
from ..titles import title_at
from .row_fields import MONTHS_AND_DAYS, RowFields

BULLET = re.compile(r"^\s*(?:[•·▪*–-]|\d{1,2}[.)])\s+")
LABEL_SEPARATOR = re.compile(r"\s*(?:—|–|--|:|\|)\s+|\s+-\s+")
MAX_LABEL_WORDS = 6
BLOCK_LINES = 6  # how far above a labelled line its block's team heading may be
ALONG_WITH = re.compile(r"\b(?:along with|together with|as well as)\s+", re.I)


@dataclass
class TrackerClause:
    """One clause of a tracker line: the line's team, the clause's change word and where it is."""
    team: str
    cue: tuple[int, int, str, str | None]
    trigger: tuple[int, int]
    span: tuple[int, int]
    line: tuple[int, int]


class LineReader(RowFields):
    """Candidates of labelled list lines (a mixin of the rows component)."""

    label_posts: dict[str, tuple[str, bool]]  # "caretakers" -> ("hire", interim)

    def _labelled_line(self, doc: Doc, text: str, start: int, end: int) -> list[Candidate]:
        bullet = BULLET.match(text)
        body_start = start + (bullet.end() if bullet else 0)
        body = doc_text(doc)[body_start:end]
        separator = LABEL_SEPARATOR.search(body)
        if separator is None or len(body[:separator.start()].split()) > MAX_LABEL_WORDS or separator.start() == 0:
            return []
        label = (body_start, body_start + separator.start())
        if self._dateline(doc, label):
            return []
        rest = (body_start + separator.end(), end)
        label_teams = self._teams(doc, *label)
        label_text = doc_text(doc)[label[0]:label[1]]
        tracker = self._tracker_person(doc, rest)
        if label_teams and self._covers(doc, label, label_teams):
            return self._team_labelled(doc, label_teams[0][1], rest, (start, end), tracker)
        if tracker is not None and self._name_like(doc, label):
            # "• Wollaston Rovers — X — sacked (May 3)": the line's shape says the label is the team, also
            # one the gazetteer does not know
            return self._team_labelled(doc, label_text.strip(), rest, (start, end), tracker)
        post = self.label_posts.get(label_text.strip().lower())
        if post is not None:  # "Interim: X", "Caretakers: A (Rovers), B (Town)"
            return self._cue_labelled(doc, (0, len(label_text), post[0], None), label, rest, (start, end),
                                      interim=post[1])
        cue = self._cue(label_text)
        if cue and len(label_text.split()) <= 2:
            return self._cue_labelled(doc, cue, label, rest, (start, end))
        return []

    def _tracker_person(self, doc: Doc, rest: tuple[int, int]) -> tuple[int, str] | None:
        """ "Team — X — fired (May 9)": the person that fills the middle field of a tracker line, alone
        between two separators (with at most a title before the name)."""
        text = doc_text(doc)[rest[0]:rest[1]]
        separator = LABEL_SEPARATOR.search(text)
        if separator is None or separator.start() == 0:
            return None
        field = (rest[0], rest[0] + separator.start())
        people = self._people(doc, *field)
        span = doc.char_span(*field, alignment_mode="expand")
        if span is None or len(people) > 1:
            return None
        if not people:
            return self._unlinked_name(doc, span)
        names = doc._.links["person"]
        others = [t for t in span if t.i not in names and t.is_alpha and t.pos_ != "PROPN"]
        return people[0] if len(others) <= 3 else None

    @staticmethod
    def _name_like(doc: Doc, label: tuple[int, int]) -> bool:
        """A label that can be a team's name: a few capitalised words ("St Kilda", "GWS Giants")."""
        words = doc_text(doc)[label[0]:label[1]].split()
        return 0 < len(words) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in words) \
            and not any(w.rstrip(".").lower() in MONTHS_AND_DAYS for w in words)

    @staticmethod
    def _dateline(doc: Doc, label: tuple[int, int]) -> bool:
        """ "WACO, Texas —" or "SYDNEY —" opening the body is where the story was filed, not a team."""
        body = doc._.body_offset or 0
        first_line = doc_text(doc).find("\n", body + 1)
        return "," in doc_text(doc)[label[0]:label[1]] or body <= label[0] and (first_line < 0 or label[0] < first_line) \
            and len(doc_text(doc)[body:label[0]].strip()) == 0

    def _covers(self, doc: Doc, label: tuple[int, int], teams: list[tuple[int, str]]) -> bool:
        """The label is the team's name (perhaps with a word or two of its own), not a sentence."""
        team_tokens = {i for i in self._tokens(doc, *label) if i in doc._.links["team"]}
        words = [i for i in self._tokens(doc, *label) if doc[i].is_alpha and doc[i].lower_ != "the"]
        return bool(words) and all(i in team_tokens for i in words)

    def _team_labelled(self, doc: Doc, team: str, rest: tuple[int, int], line: tuple[int, int],
                       tracker: tuple[int, int] | None = None) -> list[Candidate]:
        """"NEW YORK GIANTS: X was fired after two seasons." The first sentence with a change word; on a tracker
        line ("Team — X — fired (May 9); assistant Y named interim") every clause of the line with a change
        word and its own person gives a change of the team."""
        span = doc.char_span(rest[0], rest[1], alignment_mode="expand")
        if span is None:
            return []
        out: list[Candidate] = []
        line_date = self._clause_date(doc, *rest) if tracker is not None else None
        for s_start, s_end in self._clauses(doc, span, rest, split=tracker is not None):
            cue = self._cue(doc_text(doc)[s_start:s_end])
            if cue is None:
                continue
            trigger = (s_start + cue[0], s_start + cue[1])
            people = self._people(doc, s_start, s_end)
            before = [p for p in people if doc[p[0]].idx < trigger[0]]
            if tracker is not None and not out:
                people = [tracker] + [p for p in people if p[1] != tracker[1]]
            elif tracker is not None:
                people = before  # a later clause names its own person before its change word
            if not people:
                if out or tracker is not None:
                    continue
                return []
            token, person = people[0]
            role, front_office = title_at(doc, ends_at={token})
            clause = TrackerClause(team, cue, trigger, (s_start, s_end), line)
            interim = self._interim_after(doc, token, clause, people)
            if cue[2] == "hire":
                # the title before a hired person's name is the post he leaves; the new one follows the cue
                tail = re.search(r"\b(?:from|where)\b", doc_text(doc)[trigger[1]:s_end])
                new_role = self._role_in(doc, trigger[1], trigger[1] + tail.start() if tail else s_end)
                role = new_role if new_role is not None or interim else role
            cand = self._candidate(doc, type_=cue[2], manner=cue[3], person=person, team=team,
                                   kind="tracker" if tracker is not None else "labelled",
                                   trigger=trigger, line=line, role=role, front_office=front_office,
                                   date=self._clause_date(doc, s_start, s_end) or line_date)
            cand.interim = interim
            out.append(cand)
            if tracker is None:
                return out
            out += self._along_with(doc, clause, cand, {p for _, p in people[:1]})
            if cue[2] == "hire":
                out += self._hired_from(doc, clause, cand)
        return out

    def _clauses(self, doc: Doc, span: Span, rest: tuple[int, int], *, split: bool) -> list[tuple[int, int]]:
        """The sentences of a line's text after its label; on a tracker line also its ``;`` clauses."""
        out = []
        for sent in span.sents:
            s_start, s_end = max(sent.start_char, rest[0]), min(sent.end_char, rest[1])
            if not split:
                out.append((s_start, s_end))
                continue
            position = s_start
            for piece in doc_text(doc)[s_start:s_end].split(";"):
                out.append((position, position + len(piece)))
                position += len(piece) + 1
        return out

    def _interim_after(self, doc: Doc, token: int, clause: "TrackerClause", people: list[tuple[int, str]]) -> bool:
        """The clause calls the person's post interim after the name and before any other person
        ("X — interim coach, not retained", "Y named caretaker"); a title before the name is his old post
        ("interim assistant X hired")."""
        later = [doc[i].idx for i, _ in people if i > token]
        limit = min(later + [clause.span[1]])
        return any(r.id_ == "interim" and doc[token].idx < r.start_char < limit
                   for r in doc.spans.get("roles", []))

    def _along_with(self, doc: Doc, clause: "TrackerClause", cand: Candidate, named: set[str]) -> list[Candidate]:
        """ "fired (July 1), along with assistants A and B": the same change for each person listed after
        "along with" or "as well as", with the title written before them."""
        text = doc_text(doc)[clause.trigger[1]:clause.span[1]]
        found = ALONG_WITH.search(text)
        if found is None:
            return []
        start = clause.trigger[1] + found.end()
        out = []
        role = self._role_in(doc, start, clause.span[1])
        for token, person in self._people(doc, start, clause.span[1]):
            if person in named:
                continue
            extra = self._candidate(doc, type_=cand.type, manner=cand.manner, person=person, team=clause.team,
                                    kind="tracker", derived="conj", trigger=clause.trigger, line=clause.line,
                                    date=self._clause_date(doc, *clause.span), role=role)
            out.append(extra)
        return out

    def _hired_from(self, doc: Doc, clause: "TrackerClause", cand: Candidate) -> list[Candidate]:
        """ "hired from Oregon, where he was offensive coordinator": the hire leaves its previous post."""
        text = doc_text(doc)[clause.trigger[1]:clause.span[1]]
        found = re.match(r"\s*(?:away\s+)?from\s+", text)
        if found is None:
            return []
        start = clause.trigger[1] + found.end()
        teams = [(i, t) for i, t in self._teams(doc, start, clause.span[1]) if t != clause.team]
        if not teams or doc[teams[0][0]].idx > start + 4:
            return []
        where = text.find("where", found.end())
        role = self._role_in(doc, clause.trigger[1] + where, clause.span[1]) if where >= 0 else None
        return [self._candidate(doc, type_="departure", manner="moved", person=cand.person, team=teams[0][1],
                                kind="tracker", derived="moved_from", trigger=clause.trigger, line=clause.line,
                                date=self._clause_date(doc, *clause.span), role=role)]

    def _cue_labelled(self, doc: Doc, cue: tuple[int, int, str, str | None], label: tuple[int, int],
                      rest: tuple[int, int], line: tuple[int, int], *, interim: bool = False) -> list[Candidate]:
        """"Fired: X (Bears), Y (Vikings)": each person with the team named after it; with none, the team
        whose name heads the block of lines ("CHICAGO BEARS" over "Fired: X" and "Interim: Y")."""
        people = self._people(doc, *rest)
        teams = self._teams(doc, *rest)
        block = None
        out = []
        for n, (token, person) in enumerate(people):
            limit = people[n + 1][0] if n + 1 < len(people) else len(doc)
            team = next((t for i, t in teams if token < i < limit), None)
            if team is None and not teams:
                block = block or self._block_team(doc, line[0])
                team = block
            if team is None:
                continue
            cand = self._candidate(doc, type_=cue[2], manner=cue[3], person=person, team=team, kind="cue_label",
                                   trigger=(label[0] + cue[0], label[0] + cue[1]), line=line,
                                   date=first_point_in_time(doc, doc[token].idx, doc[limit - 1].idx if limit < len(doc) else rest[1]))
            cand.interim = interim
            out.append(cand)
        return out

    def _block_team(self, doc: Doc, line_start: int) -> str | None:
        """The team named alone on a line above, in the same block of lines (no blank line between)."""
        text = doc_text(doc)
        end = line_start - 1
        for _ in range(BLOCK_LINES):
            if end <= (doc._.body_offset or 0):
                return None
            start = text.rfind("\n", 0, end) + 1
            if not text[start:end].strip():
                return None
            body = BULLET.sub("", text[start:end]).strip(" :")
            first = start + text[start:end].find(body)
            teams = self._teams(doc, first, first + len(body)) if body else []
            if teams and self._covers(doc, (first, first + len(body)), teams):
                return teams[0][1]
            end = start - 1
        return None
