"""Stage 3b, rows: transitions written as table rows and labelled list lines, not as prose.

Trackers and round-ups list changes in structures the parser reads badly:

- tables, cells split by ``|`` or tabs, under a header row whose words name the
  columns (``Team | Out | In | Date``): each row gives the outgoing coach's departure,
  the incoming coach's hire and, when the cell names the hire's previous post
  ("X, Bengals offensive coordinator"), that departure too;
  a change column ("Manner") tells how the outgoing coach left, never what the incoming one did; a cell may
  name several people ("A and B (caretakers)"), each with the same change;
- labelled and tracker lines (``row_lines``).

A row that names a team, a person and a change word is strong evidence on its own.
Column words and change words live in ``models/rows.jsonl``; candidates get the rule
``row:table``, ``row:headless``, ``row:labelled`` or ``row:cue_label``. Relation candidates inside a table
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
from .base import RuleComponent
from .respectively import pair_respectively
from .row_lines import LineReader

CELL_SPLIT = re.compile(r"\s*(?:\||\t)\s*")
INTERIM_WORD = re.compile(r"\b(?:interim|caretakers?|acting|temporary)\b", re.I)
PERMANENT = re.compile(r"\bpermanent(?:ly)?\b", re.I)


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

class RowReader(LineReader, RuleComponent):
    data_files = ("rows.jsonl", "manners.jsonl")

    def __init__(self, nlp: Language, name: str = "coaching_rows", *, data_dir: str | None = None) -> None:
        super().__init__(nlp, name, data_dir=data_dir)

    def build(self) -> None:
        self.rows = self.data["rows.jsonl"]
        self.columns: dict[str, str] = {}
        self.cues: list[tuple[re.Pattern[str], str, str | None]] = []
        self.label_posts: dict[str, tuple[str, bool]] = {}
        self.manner_phrases = [(" " + row["pattern"].lower() + " ", row["manner"]) for row in self.data["manners.jsonl"]]
        for row in self.rows:
            if row["kind"] == "column":
                for word in row["words"]:
                    self.columns[word.lower()] = row["column"]
            elif row["kind"] == "cue":
                for word in row["words"]:
                    self.cues.append((_cue_pattern(word), row["type"], row.get("manner")))
            elif row["kind"] == "label":  # a label that is a post, not a change word: "Caretakers: A (X), B (Y)"
                for word in row["words"]:
                    self.label_posts[word.lower()] = (row["type"], bool(row.get("interim")))

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
        candidates = self._outside_tracker_lines(candidates, added)
        # the row says which team; a parse of the same clause ("Fired X on Sunday") keeps its date and title
        kept = []
        for cand in candidates:
            row = next((r for r in added if r.pattern in ("labelled", "tracker", "cue_label") and r.type == cand.type and r.person == cand.person
                        and r.sentence[0] <= cand.trigger[0] < r.sentence[1]), None)
            if row is None:
                kept.append(cand)
                continue
            if cand.date_text and not row.date_text:  # the row's own date beats one the parse bound
                row.date_text, row.date_span = cand.date_text, cand.date_span
                row.date_label = cand.date_label
            row.role = row.role or cand.role
            row.interim = row.interim or (cand.interim and row.type == "hire")
        for row in added:  # "out (July 12); he and the club agreed to end his tenure": the line says how he left
            if row.type == "departure" and row.manner in (None, "unknown"):
                row.manner = self._line_manner(doc, *row.sentence) or row.manner
        # "A and B hired C and D respectively": several changes in one clause, paired in order
        kept = pair_respectively(doc, kept)
        next_id = max((c.id for c in kept if c.id is not None), default=-1) + 1
        for number, cand in enumerate(added):
            cand.id = next_id + number
            if cand.derived is not None:  # a row's implied move follows the row's own candidate
                cand.derived_from = added[number - 1].id
        doc._.candidates = kept + added

    def _line_manner(self, doc: Doc, start: int, end: int) -> str | None:
        """The manner a row's line states in words of ``models/manners.jsonl`` ("by mutual consent", "agreed
        to end"), matched on lemmas."""
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        lemmas = " " + " ".join(t.lemma_.lower() for t in span) + " "
        return next((manner for phrase, manner in self.manner_phrases if phrase in lemmas), None)

    @staticmethod
    def _outside_tracker_lines(candidates: list[Candidate], added: list[Candidate]) -> list[Candidate]:
        """On a tracker line ("Team — X — hired from Y (June 30)") the line's fields bind person and team; a
        parse candidate there that had to guess an argument, or that tells one of the row's own changes of
        another team, is the parse misreading the line."""
        rows = [c for c in added if c.pattern == "tracker"]
        kept = []
        for cand in candidates:
            line = [r for r in rows if r.sentence[0] <= cand.trigger[0] < r.sentence[1]]
            guessed = cand.nearest_person or cand.derived == "conj" \
                or cand.team_from in ("home_team", "paragraph_team", "sentence_team")
            clash = any(r.person == cand.person and r.type == cand.type for r in line)
            if line and (guessed or clash):
                continue
            kept.append(cand)
        return kept

    def _table_row(self, doc: Doc, cells: list[Cell], line: tuple[int, int]) -> list[Candidate]:
        by_column = {c.column: c for c in cells if c.column}
        team_cell = by_column.get("team")
        teams = self._teams(doc, team_cell.start, team_cell.end) if team_cell else []
        if not teams:
            return []
        team = teams[0][1]
        date_cell = by_column.get("date")
        row_date = self._clause_date(doc, date_cell.start, date_cell.end) if date_cell else None
        status = by_column.get("status")
        status_text = doc_text(doc)[status.start:status.end] if status else ""
        out: list[Candidate] = []
        for column, default_type in (("out", "departure"), ("in", "hire"), ("person", None)):
            cell = by_column.get(column)
            if cell is None:
                continue
            people = self._people(doc, cell.start, cell.end)
            if not people:
                span = doc.char_span(cell.start, cell.end, alignment_mode="expand")
                unlinked = self._unlinked_name(doc, span) if span is not None else None
                people = [unlinked] if unlinked else []
            if not people:
                continue
            token, person = people[0]
            after_name = doc[token].idx + len(doc[token].text)
            cue = self._cue(doc_text(doc)[after_name:cell.end])
            trigger = (after_name + cue[0], after_name + cue[1]) if cue else (doc[token].idx, after_name)
            # "Team | Out | Manner | In": the change column tells how the outgoing coach left (or, with one person
            # column, what happened to him); it says nothing of the incoming one
            if cue is None and status is not None and default_type != "hire":
                cue = self._cue(status_text)
                trigger = (status.start + cue[0], status.start + cue[1]) if cue else trigger
                if cue is not None and default_type == "departure" and cue[2] != "departure":
                    cue = None
            if cue is None and cell.header_cue is not None and cell.header_cue[2] == default_type:
                cue, trigger = cell.header_cue, (cell.start, cell.end)  # under a "Fired" column
            type_ = cue[2] if cue else default_type
            if type_ is None:
                continue
            manner = cue[3] if cue else "unknown"
            date = self._clause_date(doc, cell.start, cell.end) or row_date
            # "A and B (caretakers)": every person the cell names makes the same change
            for n, (token, person) in enumerate(people):
                cand = self._candidate(doc, type_=type_, manner=manner, person=person, team=team, kind="table",
                                       trigger=trigger, line=line, date=date)
                cand.interim = type_ == "hire" and bool(INTERIM_WORD.search(doc_text(doc)[cell.start:cell.end]))
                if type_ == "hire" and PERMANENT.search(status_text + " " + doc_text(doc)[cell.start:cell.end]) \
                        and not cand.interim:
                    cand.permanent = True
                out.append(cand)
                if type_ == "hire" and n == 0 and len(people) == 1:
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

