"""The fields of a table row or a list line: the people, teams, change word and date inside a char range.

Shared by the table reader (``rows``) and the list-line reader (``row_lines``). The class is a mixin: it
expects ``self.cues`` (change-word patterns) and ``self.columns`` (column words) from ``models/rows.jsonl``.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..candidates import Candidate
from ..date_spans import first_point_in_time
from ..extensions import doc_text
from ..syntax import trigger_head

BULLET_CHARS = "•·▪*–- "
MONTHS_AND_DAYS = {"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
                   "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
                   "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
# a month and day the statistical NER may leave untagged inside brackets: "(Aug 22)", "(Sept. 29, 2022)", "7 Sep"
MONTH_DAY = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:,\s+(?:19|20)\d\d)?\b",
                       re.I)
DAY_MONTH = re.compile(r"\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?(?:\s+(?:19|20)\d\d)?\b",
                       re.I)

# "two days after that", "a day later", "the following day": counted from the day the text named before
RELATIVE_DAY = re.compile(r"\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?)\s+"
                          r"(?:later|earlier|after that|before that)|the (?:following|next|previous) day|the day (?:after|before)"
                          r"|later that day|that same day|the same day)\b", re.I)


class RowFields:
    """Readers of the arguments a row or line holds within a char range of ``doc_text(doc)``."""

    cues: list[tuple[re.Pattern[str], str, str | None]]
    columns: dict[str, str]

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
        teams = {i: name.lstrip(BULLET_CHARS) for i, name in doc._.links["team"].items()}  # "• GWS Giants"
        out: list[tuple[int, str]] = []
        for i in self._tokens(doc, start, end):
            if i in teams and teams[i] and (not out or out[-1][1] != teams[i] or i - 1 not in teams):
                out.append((i, teams[i]))
        return out

    def _cue(self, text: str) -> tuple[int, int, str, str | None] | None:
        """The first change word of a text: (start, end, type, manner)."""
        found = [(m.start(), m.end(), type_, manner) for pattern, type_, manner in self.cues
                 for m in [pattern.search(text)] if m]
        if not found:
            return None
        first = min(found, key=lambda f: (f[0], -(f[1] - f[0])))
        if first[2] == "departure" and first[3] == "unknown":
            # "left by mutual consent": the trigger is the first change word, the manner the one that says how
            manners = [f for f in sorted(found) if f[2] == "departure" and f[3] != "unknown"]
            if manners:
                first = (*first[:3], manners[0][3])
        return first

    def _candidate(self, doc: Doc, *, type_: str, manner: str | None, person: str, team: str, kind: str,
                   trigger: tuple[int, int], line: tuple[int, int], date: Span | None,
                   role: str | None = None, front_office: str | None = None, derived: str | None = None) -> Candidate:
        return Candidate(type=type_, manner=manner if type_ == "departure" else None, person=person, team=team,
                         role=role, interim=False, voice="row", pattern=kind, derived=derived, trigger=trigger,
                         head=trigger_head(doc.char_span(*trigger, alignment_mode="expand")).i,
                         sentence=line, strength="strong", date_label="direct" if date is not None else None,
                         front_office=front_office or None,
                         date_text=date.text if date is not None else None,
                         date_span=(date.start_char, date.end_char) if date is not None else None)

    @staticmethod
    def _clause_date(doc: Doc, start: int, end: int) -> Span | None:
        """The clause's first point in time, also a month and day the NER left untagged ("(Aug 22)")."""
        found = MONTH_DAY.search(doc_text(doc), start, end) or DAY_MONTH.search(doc_text(doc), start, end)
        date = first_point_in_time(doc, start, end)
        relative = RELATIVE_DAY.search(doc_text(doc), start, end)
        if date is None and found is None and relative is not None:
            return doc.char_span(relative.start(), relative.end(), alignment_mode="expand")
        if found and (date is None or date.start_char >= found.start() and date.end_char <= found.end()):
            # the whole day ("22 Dec 2016") rather than the part the NER tagged ("Dec 2016")
            return doc.char_span(found.start(), found.end(), alignment_mode="expand")
        return date

    @staticmethod
    def _role_in(doc: Doc, start: int, end: int) -> str | None:
        return next((r.kb_id_ for r in doc.spans.get("roles", [])
                     if r.label_ == "ROLE" and r.kb_id_ and start <= r.start_char < end), None)

    def _unlinked_name(self, doc: Doc, span: Span) -> tuple[int, str] | None:
        """A name the NER missed still fills a person field of a row: two to four capitalised words that are
        no team, before any bracket or comma ("Dermot Keane (caretaker)")."""
        words = []
        for token in span:
            if token.text in ("(", ",", ";", "[") or token.is_space:
                break
            if not token.is_punct:
                words.append(token)
        if not 2 <= len(words) <= 4 or not all(t.text[:1].isupper() and t.is_alpha for t in words) \
                or any(t.i in doc._.links["team"] for t in words) \
                or any(t.lower_ in MONTHS_AND_DAYS or self.columns.get(t.lower_) for t in words):
            return None
        return words[0].i, " ".join(t.text for t in words)
