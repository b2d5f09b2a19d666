"""Stage 3b, rows: transitions written as table rows and labelled list lines, not as prose.

Trackers and round-ups list changes in structures the parser reads badly:

- tables, cells split by ``|`` or tabs, under a header row whose words name the
  columns (``Team | Out | In | Date``): each row gives the outgoing coach's departure,
  the incoming coach's hire and, when the cell names the hire's previous post
  ("X, Bengals offensive coordinator"), that departure too;
- labelled lines, a team before a separator and the change after it
  ("NEW YORK GIANTS: X was fired", "• SEATTLE STORM — Fired X this month", "Bears: X, fired");
- lines labelled by the change ("Fired: X (Bears), Y (Vikings)").

A row that names a team, a person and a change word is strong evidence on its own.
Column words and change words live in ``models/rows.jsonl``; candidates get the voice
``row`` and the pattern ``table``, ``headless``, ``labelled`` or ``cue_label`` (rule ``row:table``, ...). Relation candidates inside a table
row (the parse of a row is no sentence) are replaced by the row's own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..candidates import Candidate
from ..date_spans import first_point_in_time
from ..extensions import doc_text
from ..syntax import trigger_head
from ..titles import title_at
from .base import RuleComponent

CELL_SPLIT = re.compile(r"\s*(?:\||\t)\s*")
BULLET = re.compile(r"^\s*(?:[•·▪*–-]|\d{1,2}[.)])\s+")
LABEL_SEPARATOR = re.compile(r"\s*(?:—|–|--|:|\|)\s+|\s+-\s+")
MAX_LABEL_WORDS = 6


def _cue_pattern(words: str) -> re.Pattern[str]:
    """A change word or phrase as a case-blind regex; ``*`` stands for one to four words ("let * go")."""
    parts = [r"(?:\S+\s+){1,4}?" if word == "*" else re.escape(word) + r"\s+" for word in words.split()]
    body = "".join(parts)[:-len(r"\s+")]
    return re.compile(r"(?<![\w])" + body + r"(?![\w])", re.I)


@dataclass
class Cell:
    start: int  # char offsets into doc_text(doc)
    end: int
    column: str | None = None
    header_cue: tuple[int, int, str, str | None] | None = None  # a header that is itself a change word ("Fired")


@Language.factory("coaching_rows", default_config={"data_dir": None},
                  requires=["doc._.candidates", "doc.spans", "doc._.links", "doc._.body_offset"],
                  assigns=["doc._.candidates"])
def make_rows(nlp: Language, name: str, data_dir: str | None) -> "RowReader":
    return RowReader(nlp, name, data_dir=data_dir)


class RowReader(RuleComponent):
    data_files = ("rows.jsonl",)

    def __init__(self, nlp: Language, name: str = "coaching_rows", *, data_dir: str | None = None) -> None:
        super().__init__(nlp, name, data_dir=data_dir)

    def build(self) -> None:
        self.rows = self.data["rows.jsonl"]
        self.columns: dict[str, str] = {}
        self.cues: list[tuple[re.Pattern[str], str, str | None]] = []
        for row in self.rows:
            if row["kind"] == "column":
                for word in row["words"]:
                    self.columns[word.lower()] = row["column"]
            elif row["kind"] == "cue":
                for word in row["words"]:
                    self.cues.append((_cue_pattern(word), row["type"], row.get("manner")))

    def process(self, doc: Doc) -> None:
        self.read(doc)

    # -- lines and cells ----------------------------------------------------
    @staticmethod
    def _lines(doc: Doc) -> list[tuple[int, int]]:
        out, start = [], 0
        for line in doc_text(doc).split("\n"):
            out.append((start, start + len(line)))
            start += len(line) + 1
        return out

    @staticmethod
    def _cells(text: str, offset: int) -> list[Cell]:
        if "|" not in text and "\t" not in text:
            return []
        cells, position = [], 0
        for piece in re.split(r"(\||\t)", text):
            if piece not in ("|", "\t"):
                stripped = piece.strip()
                if stripped:
                    lead = len(piece) - len(piece.lstrip())
                    cells.append(Cell(offset + position + lead, offset + position + lead + len(stripped)))
            position += len(piece)
        return cells

    def _header(self, doc: Doc, cells: list[Cell]) -> list[str | None] | None:
        columns = [self.columns.get(doc_text(doc)[c.start:c.end].lower().strip(" :")) for c in cells]
        known = [c for c in columns if c]
        if len(known) >= 2 and len(known) == len(columns) and ("out" in known or "in" in known or "person" in known):
            return columns
        return None

    # -- links inside a char range -------------------------------------------
    @staticmethod
    def _tokens(doc: Doc, start: int, end: int) -> list[int]:
        span = doc.char_span(start, end, alignment_mode="expand")
        return list(range(span.start, span.end)) if span is not None else []

    def _people(self, doc: Doc, start: int, end: int) -> list[tuple[int, str]]:
        """The people named in a char range, each at its first token, in order (pronouns left out)."""
        people = doc._.links["person"]
        out: list[tuple[int, str]] = []
        for i in self._tokens(doc, start, end):
            if i in people and doc[i].pos_ != "PRON" and people[i] not in {name for _, name in out}:
                out.append((i, people[i]))
        return out

    def _teams(self, doc: Doc, start: int, end: int) -> list[tuple[int, str]]:
        teams = doc._.links["team"]
        out: list[tuple[int, str]] = []
        for i in self._tokens(doc, start, end):
            if i in teams and (not out or out[-1][1] != teams[i] or i - 1 not in teams):
                out.append((i, teams[i]))
        return out

    def _cue(self, text: str) -> tuple[int, int, str, str | None] | None:
        """The first change word of a text: (start, end, type, manner)."""
        found = [(m.start(), m.end(), type_, manner) for pattern, type_, manner in self.cues
                 for m in [pattern.search(text)] if m]
        return min(found, key=lambda f: (f[0], -(f[1] - f[0]))) if found else None


    # -- candidates ----------------------------------------------------------
    def _candidate(self, doc: Doc, *, type_: str, manner: str | None, person: str, team: str, kind: str,
                   trigger: tuple[int, int], line: tuple[int, int], date: Span | None,
                   role: str | None = None, front_office: str | None = None, derived: str | None = None) -> Candidate:
        cand = Candidate(type=type_, manner=manner if type_ == "departure" else None, person=person, team=team,
                         role=role, interim=False, voice="row", pattern=kind, derived=derived, trigger=trigger,
                         head=trigger_head(doc.char_span(*trigger, alignment_mode="expand")).i,
                         sentence=line, strength="strong", date_label="direct" if date is not None else None,
                         front_office=front_office or None,
                         date_text=date.text if date is not None else None,
                         date_span=(date.start_char, date.end_char) if date is not None else None)
        return cand

    def read(self, doc: Doc) -> None:
        candidates = list(doc._.candidates or [])
        added: list[Candidate] = []
        table_rows: list[tuple[int, int]] = []
        header: list[str | None] | None = None
        header_cues: list[tuple[int, int, str, str | None] | None] = []
        for start, end in self._lines(doc):
            text = doc_text(doc)[start:end]
            cells = self._cells(text, start)
            if cells and self._header(doc, cells):
                header = self._header(doc, cells)
                header_cues = [self._cue(doc_text(doc)[c.start:c.end]) for c in cells]
                continue
            if header and cells and len(cells) == len(header):
                for cell, column, header_cue in zip(cells, header, header_cues):
                    cell.column, cell.header_cue = column, header_cue
                added += self._table_row(doc, cells, (start, end))
                table_rows.append((start, end))
                continue
            header = None
            if len(cells) >= 2:
                found = self._headless_row(doc, cells, (start, end))
                if found:
                    added += found
                    table_rows.append((start, end))
                    continue
            if text.strip():
                added += self._labelled_line(doc, text, start, end)
        if table_rows:
            candidates = [c for c in candidates if not any(s <= c.trigger[0] < e for s, e in table_rows)]
        # the row says which team; a parse of the same clause ("Fired X on Sunday") keeps its date and title
        kept = []
        for cand in candidates:
            row = next((r for r in added if r.pattern in ("labelled", "cue_label") and r.type == cand.type and r.person == cand.person
                        and r.sentence[0] <= cand.trigger[0] < r.sentence[1]), None)
            if row is None:
                kept.append(cand)
                continue
            if cand.date_text:
                row.date_text, row.date_span = cand.date_text, cand.date_span
                row.date_label = cand.date_label
            row.role = row.role or cand.role
            row.interim = row.interim or cand.interim
        next_id = max((c.id for c in kept if c.id is not None), default=-1) + 1
        for number, cand in enumerate(added):
            cand.id = next_id + number
            if cand.derived is not None:  # a row's implied move follows the row's own candidate
                cand.derived_from = added[number - 1].id
        doc._.candidates = kept + added

    def _table_row(self, doc: Doc, cells: list[Cell], line: tuple[int, int]) -> list[Candidate]:
        by_column = {c.column: c for c in cells if c.column}
        team_cell = by_column.get("team")
        teams = self._teams(doc, team_cell.start, team_cell.end) if team_cell else []
        if not teams:
            return []
        team = teams[0][1]
        date_cell = by_column.get("date")
        row_date = first_point_in_time(doc, date_cell.start, date_cell.end) if date_cell else None
        out: list[Candidate] = []
        for column, default_type in (("out", "departure"), ("in", "hire"), ("person", None)):
            cell = by_column.get(column)
            if cell is None:
                continue
            people = self._people(doc, cell.start, cell.end)
            if not people:
                continue
            token, person = people[0]
            after_name = doc[token].idx + len(doc[token].text)
            cue = self._cue(doc_text(doc)[after_name:cell.end])
            trigger = (after_name + cue[0], after_name + cue[1]) if cue else (doc[token].idx, after_name)
            status = by_column.get("status")
            if cue is None and status is not None:  # "Team | Coach | Status": the change in a column of its own
                cue = self._cue(doc_text(doc)[status.start:status.end])
                trigger = (status.start + cue[0], status.start + cue[1]) if cue else trigger
            if cue is None and cell.header_cue is not None and cell.header_cue[2] == default_type:
                cue, trigger = cell.header_cue, (cell.start, cell.end)  # under a "Fired" column
            type_ = cue[2] if cue else default_type
            if type_ is None:
                continue
            manner = cue[3] if cue else "unknown"
            date = first_point_in_time(doc, cell.start, cell.end) or row_date
            out.append(self._candidate(doc, type_=type_, manner=manner, person=person, team=team, kind="table",
                                       trigger=trigger, line=line, date=date))
            if type_ == "hire":
                out += self._previous_post(doc, cell, token, person, team, line, date)
        return out

    def _headless_row(self, doc: Doc, cells: list[Cell], line: tuple[int, int]) -> list[Candidate]:
        """ "Atlanta Falcons | Joe Judd (fired Jan. 9)": a row without a header, a team cell and a
        person cell that carries its change word."""
        team_cell = next((c for c in cells if self._teams(doc, c.start, c.end)
                          and not self._people(doc, c.start, c.end)), None)
        if team_cell is None:
            return []
        team = self._teams(doc, team_cell.start, team_cell.end)[0][1]
        out = []
        for cell in cells:
            people = self._people(doc, cell.start, cell.end)
            if cell is team_cell or not people:
                continue
            token, person = people[0]
            after_name = doc[token].idx + len(doc[token].text)
            cue = self._cue(doc_text(doc)[after_name:cell.end])
            if cue is None:
                continue
            out.append(self._candidate(doc, type_=cue[2], manner=cue[3], person=person, team=team, kind="headless",
                                       trigger=(after_name + cue[0], after_name + cue[1]), line=line,
                                       date=first_point_in_time(doc, after_name, cell.end)))
        return out

    def _previous_post(self, doc: Doc, cell: Cell, token: int, person: str, team: str,
                       line: tuple[int, int], date: Span | None) -> list[Candidate]:
        """"X, Bengals offensive coordinator": the hire leaves the post the cell names."""
        after = doc[token].idx + len(doc[token].text)
        teams = [(i, t) for i, t in self._teams(doc, after, cell.end) if t != team]
        if not teams:
            return []
        role = next((r.kb_id_ for r in doc.spans.get("roles", [])
                     if r.label_ == "ROLE" and r.kb_id_ and after <= r.start_char < cell.end), None)
        return [self._candidate(doc, type_="departure", manner="moved", person=person, team=teams[0][1],
                                kind="table", derived="moved_from", trigger=(doc[teams[0][0]].idx, cell.end),
                                line=line, date=date, role=role)]

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
        if label_teams and self._covers(doc, label, label_teams):
            return self._team_labelled(doc, label_teams[0][1], rest, (start, end))
        cue = self._cue(label_text)
        if cue and len(label_text.split()) <= 2:
            return self._cue_labelled(doc, cue, label, rest, (start, end))
        return []

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

    def _team_labelled(self, doc: Doc, team: str, rest: tuple[int, int], line: tuple[int, int]) -> list[Candidate]:
        """"NEW YORK GIANTS: X was fired after two seasons." The first sentence with a change word."""
        span = doc.char_span(rest[0], rest[1], alignment_mode="expand")
        if span is None:
            return []
        for sent in span.sents:
            s_start, s_end = max(sent.start_char, rest[0]), min(sent.end_char, rest[1])
            cue = self._cue(doc_text(doc)[s_start:s_end])
            if cue is None:
                continue
            people = self._people(doc, s_start, s_end)
            if not people:
                return []
            token, person = people[0]
            role, front_office = title_at(doc, ends_at={token})
            return [self._candidate(doc, type_=cue[2], manner=cue[3], person=person, team=team, kind="labelled",
                                    trigger=(s_start + cue[0], s_start + cue[1]), line=line,
                                    date=first_point_in_time(doc, s_start, s_end), role=role, front_office=front_office)]
        return []

    def _cue_labelled(self, doc: Doc, cue: tuple[int, int, str, str | None], label: tuple[int, int],
                      rest: tuple[int, int], line: tuple[int, int]) -> list[Candidate]:
        """"Fired: X (Bears), Y (Vikings)": each person with the team named after it."""
        people = self._people(doc, *rest)
        teams = self._teams(doc, *rest)
        out = []
        for n, (token, person) in enumerate(people):
            limit = people[n + 1][0] if n + 1 < len(people) else len(doc)
            team = next((t for i, t in teams if token < i < limit), None)
            if team is None:
                continue
            out.append(self._candidate(doc, type_=cue[2], manner=cue[3], person=person, team=team, kind="cue_label",
                                       trigger=(label[0] + cue[0], label[0] + cue[1]), line=line,
                                       date=first_point_in_time(doc, doc[token].idx, doc[limit - 1].idx if limit < len(doc) else rest[1])))
        return out
