"""Stage 5, dates: each candidate's DATE expression resolved against the publication date.

The publication date is ``doc._.published`` ("YYYY-MM-DD"), set by ``pipeline.prepare`` or by the caller.
A Doc without one (plain ``nlp(text)``) is dated as published today (UTC): with the setting
``default_published = "today"`` (the default) this stage writes today's date to ``doc._.published``
before it resolves anything; ``default_published = null`` leaves the Doc undated (relative dates then
resolve to nothing and there is no news default). An article that ``pipeline.prepare`` got without a
date (a record with no ``date``) stays undated, so a batch run gives the same output on any day.

A candidate with no date expression of its own takes the article's news date
when it is the article's news (told in the present perfect, present or
future, or in the headline), and none when it is a background fact. The news
date is the day the lead names ("the club announced on Tuesday night"), else
the publication date. Other sources of a date, in order: "two days later" counted
from the last day the text named before it; "replaces X, who left on Jan. 7"
from the replaced person's relative clause; and "three days after he resigned"
moves the governing clause's date by the interval.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import dates
from ..candidates import Candidate
from ..date_spans import bound_limit, dates_an_occasion, effective, trim_interval
from .base import RuleComponent
from ..extensions import doc_text, reference_date

PAST_PERFECT = ("had",)
EARLIER_STEP = ("previously", "formerly", "once")
FUTURE_AUX = ("will", "'ll", "shall")
FUTURE_FRAMES = ("expect", "set", "due", "schedule", "plan", "be")  # "is set to be unveiled on Friday"
NOT_COACHES = ("player", "front_office")  # vetoes that say the person holds no coaching post
ANNOUNCING = ("announce", "confirm")  # "The club confirmed the appointment on Friday": the lead's news day
NEWS_SENTENCES = 2  # of those, the ones about the news: a transition told or one of its people named
# a line that opens with a day and a dash or colon: "TUESDAY — ...", "- Wednesday: ...", "Jan. 8: ..."
_LABEL_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
# and the lines of a timeline: "2013: ...", "May 2021 — ...", "3 December 2019: ..."
DATE_LABEL = re.compile(r"^[\s\-•*–—]*(?P<label>(?:mon|tues|wednes|thurs|fri|satur|sun)day|" + _LABEL_MONTH
                        + r" \d{1,2}(?:, \d{4})?|\d{1,2} " + _LABEL_MONTH + r"(?: \d{4})?|" + _LABEL_MONTH
                        + r" (?:19|20)\d\d|(?:19|20)\d\d)\s*[:—–-]\s", re.I)
# a line that is nothing but a day: the heading of a live blog's or timeline's section ("TUESDAY 18 JANUARY",
# "Monday, Jan. 17", "17 January 2022")
DATE_HEADING = re.compile(r"^[\s#*]*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+"
                          + _LABEL_MONTH + r"|" + _LABEL_MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+(?:19|20)\d\d)?[\s:*]*$",
                          re.I)
YEAR_IN_TEXT = re.compile(r"\b(?:19|20)\d\d\b")
NEWS_KEY = ("coaching_timing", "news_date")  # doc.user_data cache of the news day
LEAD_SENTENCES = 4  # body sentences (of five words or more: datelines and bylines do not count) that may name the news day


def _lead_sentences(doc: Doc, offset: int) -> Iterator[Span]:
    """The body's sentences of five words or more, in order (read lazily: the lead needs only the first few)."""
    return (s for s in doc.sents if s.start_char >= offset and sum(t.is_alpha for t in s) >= 5)


@Language.factory("coaching_timing", default_config={"data_dir": None, "news_default": True,
                                                      "default_published": "today"},
                  requires=["doc._.candidates", "doc._.published", "doc._.body_offset", "doc._.links", "doc.ents",
                            "token.dep"],
                  assigns=["doc._.candidates", "doc._.published"])
def make_timing(nlp: Language, name: str, data_dir: str | None, news_default: bool,
                default_published: str | None) -> "Timing":
    return Timing(nlp, name, data_dir=data_dir, news_default=news_default, default_published=default_published)


class Timing(RuleComponent):
    data_files = ("mentions.jsonl", "words.jsonl")  # match words: "Saturday's defeat" dates a match, not the news

    def __init__(self, nlp: Language, name: str = "coaching_timing", *, data_dir: str | None = None,
                 news_default: bool = True, default_published: str | None = "today") -> None:
        if default_published not in ("today", None):
            raise ValueError(f"default_published must be \"today\" or null, not {default_published!r}")
        self.news_default = news_default
        self.default_published = default_published
        super().__init__(nlp, name, data_dir=data_dir, news_default=news_default,
                         default_published=default_published)

    def build(self) -> None:
        self.match_words = self.lexicon.match_date_words

    def process(self, doc: Doc) -> None:
        if doc._.published is None and self.default_published == "today":
            doc._.published = reference_date(doc)  # today's date, unless the article came without one
        live = [c for c in doc._.candidates or [] if not c.vetoed]
        for cand in live:
            cand.date = self.resolve(doc, cand)
        self._since_then(doc, live)
        self._when_of_a_date(doc, live)
        self._interim_succession(live)
        self._continue_story(doc, live)
        self._refer_when_clauses(doc, live)
        self._refer_since_event(doc, live)
        self._refer_successor(live)

    def _since_then(self, doc: Doc, live: list[Candidate]) -> None:
        """"X has led the team as interim coach since then": the spell starts at the last date named before it
        ("on leave since July. X has led the team since then" -> July)."""
        for cand in live:
            if cand.date_source != "default":
                continue
            head = self._trigger_head(doc, cand)
            if not any(t.lower_ == "since" and any(c.lower_ == "then" for c in t.children) for t in head.children):
                continue
            value = self._date_before(doc, cand.sentence[0])
            if value is not None:
                cand.date = value
                cand.date_source = "since_then"

    @staticmethod
    def _when_of_a_date(doc: Doc, live: list[Candidate]) -> None:
        """"without a coach since Monday morning, when the club parted ways with X": a when-clause right after
        a date tells what happened on that day, also when the date is a "since" limit of the main clause (the
        parser hangs the clause on the main verb, not on the date)."""
        for cand in live:
            if cand.date_source != "default" or cand.date_shift:
                continue
            clause = doc[cand.head]
            if clause.dep_ != "advcl" or not any(c.lower_ == "when" and c.i == clause.left_edge.i
                                                 for c in clause.children):
                continue
            end = clause.left_edge.i - (1 if clause.left_edge.i and doc[clause.left_edge.i - 1].is_punct else 0)
            start = end
            for ent in reversed([e for e in doc.ents if e.label_ in ("DATE", "TIME") and e.end <= end]):
                if ent.end != start:
                    break
                start = ent.start  # "Monday" (DATE) "morning" (TIME): one day
            if start == end:
                continue
            value = dates.resolve(trim_interval(doc, Span(doc, start, end, label="DATE")).text, doc._.published)
            if value is not None:
                cand.date, cand.date_source = value, "when_date"

    @staticmethod
    def _interim_succession(live: list[Candidate]) -> None:
        """An undated interim spell told after the departure it fills ("X resigned in July ... Y, one of his
        assistants, finished the season as interim coach") starts on the latest day the article dates a
        departure from that team before it."""
        for cand in live:
            if cand.type != "hire" or not cand.interim or cand.date_source != "default":
                continue
            before = [c.date for c in live if c.type == "departure" and c.team == cand.team and c.date
                      and c.person != cand.person and c.trigger[0] < cand.sentence[0] and c.date_source == "own"]
            if before:
                cand.date = max(before)
                cand.date_source = "interim_succession"

    def resolve(self, doc: Doc, cand: Candidate) -> str | None:
        value, source = self._dated(doc, cand)
        if value is not None and cand.date_shift:
            value, source = dates.shift_by(value, cand.date_shift, cand.date_shift_unit) or value, "shifted"
        if value is not None:
            cand.date_source = source
        return value

    def _continue_story(self, doc: Doc, live: list[Candidate]) -> None:
        """An undated change told in the simple past deep in the body continues the story of the sentence
        before it: "The post became vacant on May 3, when the club sacked X. Assistant Y was made caretaker
        manager." takes May 3, not the news default."""
        starts = [s.start_char for s in doc.sents]
        lead_end = self._lead_end(doc)
        for cand in live:
            if cand.date_source != "default" or cand.sentence[0] < lead_end or cand.date_shift:
                continue
            if not self._simple_past(doc, cand):
                continue
            previous = [s for s in starts if s < cand.sentence[0]]
            if not previous:
                continue
            before = (previous[-1], cand.sentence[0])
            donors = [c for c in live if before[0] <= c.trigger[0] < before[1] and c.date
                      and c.date_source in ("own", "clause") and c.date_label != "effective"]
            if donors:
                cand.date = donors[-1].date
                cand.date_source = "previous_sentence"

    def _refer_when_clauses(self, doc: Doc, live: list[Candidate]) -> None:
        """"Y took over when X left": Y's hire takes the date of X's departure wherever the article dates it
        (assembly follows ``date_ref`` to that transition's event)."""
        for cand in live:
            if cand.date_source != "default":
                continue
            head = self._trigger_head(doc, cand)
            for clause in head.children:
                if clause.dep_ != "advcl" or not any(c.lower_ == "when" for c in clause.children):
                    continue
                start, end = doc[clause.left_edge.i].idx, doc[clause.right_edge.i].idx
                # a vetoed mention ("when X left", a weak trigger) still names the transition it refers to
                inner = [c for c in doc._.candidates if start <= c.trigger[0] <= end and c is not cand and c.team]
                if inner:
                    cand.date_ref = (inner[0].type, inner[0].person, inner[0].team)

    @staticmethod
    def _refer_successor(live: list[Candidate]) -> None:
        """"appointed last June to succeed X": with no date of its own (nor in X's relative clause), or only a
        default, X's departure takes the date of the successor's appointment, wherever the article gives it."""
        for cand in live:
            if cand.derived != "replaced" or cand.date is not None and cand.date_source not in ("default", "section"):
                continue
            successor = next((c for c in live if c.trigger == cand.trigger and c.type == "hire"
                              and c.team == cand.team and c.person != cand.person), None)
            if successor is not None and not cand.date_ref:
                cand.date_ref = ("hire", successor.person, successor.team)
        # "X, who had left to become coach of Y": the undated move's hire happens with its departure
        for cand in live:
            if cand.type != "hire" or cand.date is not None or cand.date_ref:
                continue
            left = next((c for c in live if c.type == "departure" and c.person == cand.person and c.team
                         and c.team != cand.team and c.sentence == cand.sentence), None)
            if left is not None:
                cand.date_ref = ("departure", left.person, left.team)

    def _refer_since_event(self, doc: Doc, live: list[Candidate]) -> None:
        """"X, who has been interim coach since Y's dismissal": the spell starts with the transition the
        "since" phrase names, dated wherever the article dates it (assembly follows ``date_ref``)."""
        for cand in live:
            if cand.date_source != "default" or cand.type != "hire":
                continue
            span = doc.char_span(*cand.trigger, alignment_mode="expand")
            head = span.root
            since = [t for t in list(span) + list(head.children) if t.lower_ == "since"]
            objects = [c for t in since for c in t.children if c.dep_ == "pobj"]
            for obj in objects:
                inner = [c for c in doc._.candidates if c.trigger[0] <= obj.idx < c.trigger[1]
                         and c is not cand and c.team and c.person != cand.person]
                if inner:
                    cand.date_ref = (inner[0].type, inner[0].person, inner[0].team)
                    break

    @staticmethod
    def _lead_end(doc: Doc) -> int:
        """Where the lead (title and the first body sentences) ends, in characters."""
        offset = doc._.body_offset or 0
        body = list(islice(_lead_sentences(doc, offset), LEAD_SENTENCES + 1))  # no further than needed
        return body[LEAD_SENTENCES].start_char if len(body) > LEAD_SENTENCES else len(doc_text(doc))

    def _simple_past(self, doc: Doc, cand: Candidate) -> bool:
        head = self._trigger_head(doc, cand)
        auxes = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("has", "have", "had", "will", "'s", "'ve") for a in auxes):
            return False
        return head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)

    def _dated(self, doc: Doc, cand: Candidate) -> tuple[str | None, str]:
        """The date and where it came from: its own expression, a replaced person's clause, the news default."""
        published = doc._.published
        value = self._own_date(doc, cand)
        if value is not None:
            return value, "own"
        if cand.date_text and dates.relative_shift(cand.date_text) is not None:
            return None, "none"  # "two days later" with no day before it to count from
        value = self._line_label_date(doc, cand)
        if value is not None:
            return value, "label"
        if cand.derived == "replaced":
            value = self._replaced_date(doc, cand)
            if value is not None:
                return value, "clause"
        if self.news_default and published and not self._background(doc, cand):
            value = self._section_date(doc, cand)
            if value is not None:
                return value, "section"
            if NEWS_KEY not in doc.user_data:
                doc.user_data[NEWS_KEY] = self.news_date(doc)
            return doc.user_data[NEWS_KEY] or published, "default"
        return None, "none"

    def _own_date(self, doc: Doc, cand: Candidate) -> str | None:
        if not cand.date_text:
            return None
        days = dates.relative_shift(cand.date_text)
        if days is not None and cand.date_span is not None:
            return dates.shift(self._day_before(doc, cand.date_span[0]), days)
        future = cand.date_label == "effective" or self._future(doc, cand)
        if future and cand.date_label == "governor" and cand.date_span is not None:
            # "announced on Friday that X will take over": the day is the announcing verb's, told in the past
            span = doc.char_span(*cand.date_span, alignment_mode="expand")
            future = span is None or _dates_the_future(span) or self._told_in_future(span)
        published = doc._.published
        if not future and not YEAR_IN_TEXT.search(cand.date_text) and cand.date_span is not None:
            published = self._year_anchor(doc, cand) or published
        value = dates.resolve(cand.date_text, published, future)
        published = doc._.published
        if value and published and not future and value > published[:len(value)]:
            return None  # a change told in the past cannot come after publication ("an option for 2028")
        return value

    @staticmethod
    def _year_anchor(doc: Doc, cand: Candidate) -> str | None:
        """"appointed in May 2018, weeks after X resigned in March": a year-less month after a month of an
        earlier year in the same sentence belongs to that story (March 2018), not to the months before
        publication. The anchor is the last day of that month, the base the year-less date resolves from."""
        start, end = cand.sentence
        anchors = [e for e in doc.ents if e.label_ == "DATE" and start <= e.start_char and e.end_char <= cand.date_span[0]
                   and YEAR_IN_TEXT.search(e.text)]
        if not anchors:
            return None
        value = dates.resolve(trim_interval(doc, anchors[-1]).text, doc._.published)
        published = doc._.published or ""
        if value is None or len(value) < 7 or value[:4] >= published[:4]:
            return None
        return f"{value[:7]}-28"

    @staticmethod
    def _trigger_head(doc: Doc, cand: Candidate) -> Token:
        return doc[cand.head]  # relations and rows find it (syntax.trigger_head)

    def _background(self, doc: Doc, cand: Candidate) -> bool:
        """Told in the past perfect ("had been sacked") or as an earlier step ("previously left", "was once
        sacked"): a background fact with no date of its own."""
        head = self._trigger_head(doc, cand)
        for step in range(3):
            auxes = [c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")]
            earlier = [c.lower_ for c in head.children if c.dep_ == "advmod"]
            if step and head.dep_ == "ccomp":
                return False  # "confirmed he had asked to leave": reported news, its tense shifted back
            if any(a in PAST_PERFECT for a in auxes) or any(a in EARLIER_STEP for a in earlier):
                return True
            # "who had left to return to Madrid": a purpose clause shares the tense of the verb it serves
            if not (head.dep_ in ("xcomp", "advcl") and "to" in auxes) or head.head.i == head.i:
                return False
            head = head.head
        return False

    def _future(self, doc: Doc, cand: Candidate) -> bool:
        """"will step down on May 8": a year-less date is the next such day."""
        head = self._trigger_head(doc, cand)
        for token in (head, head.head):
            if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
                return True
        return False

    @staticmethod
    def _told_in_future(span: Span) -> bool:
        """The verb a date hangs on has a future auxiliary ("will be unveiled on Friday")."""
        verb = span.root
        while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
            verb = verb.head
        return any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in verb.children)

    def news_date(self, doc: Doc) -> str | None:
        """The day the lead names for its news ("the club announced on Tuesday night that ..."): a weekday-like
        date in the first opening sentence that tells of a transition or names one of its people. A lead
        about something else (a round-up's other stories, "Wednesday's draft") gives none."""
        published = doc._.published
        offset = doc._.body_offset or 0
        live = [c for c in doc._.candidates or [] if not c.vetoed]
        names = {c.person for c in live}
        every = {c.person for c in doc._.candidates or [] if c.vetoed not in NOT_COACHES}
        people = doc._.links.get("person", {}) if doc._.links else {}
        body = list(islice(_lead_sentences(doc, offset), LEAD_SENTENCES))
        qualifying = [s for s in body if any(s.start_char <= c.trigger[0] < s.end_char for c in live)
                      or any(people.get(i) in names for i in range(s.start, s.end)) or _announces(s, people, every)]
        for sent in qualifying[:NEWS_SENTENCES]:
            value = self._news_day(doc, sent, published)
            if value is not None:
                return value
        return None

    def _news_day(self, doc: Doc, sent: Span, published: str | None) -> str | None:
        for ent in sent.ents:
            ent = trim_interval(doc, ent)
            if ent.label_ not in ("DATE", "TIME") or not dates.NEWS_DAY.match(dates.clean(ent.text)):
                continue
            if bound_limit(doc, ent) or effective(doc, ent) or ent[-1].lower_ in ("'s", "’s") \
                    or dates_an_occasion(ent, self.match_words) or _dates_the_future(ent):
                continue
            value = dates.resolve(ent.text, published)
            if value is not None:
                return value
        return None

    @staticmethod
    def _day_before(doc: Doc, char: int) -> str | None:
        """The last day-precise date the text names before ``char``: what "two days later" counts from."""
        published = doc._.published
        for ent in reversed([e for e in doc.ents if e.end_char <= char and e.label_ in ("DATE", "TIME")]):
            ent = trim_interval(doc, ent)
            if bound_limit(doc, ent, since=False):
                continue  # "without a coach since September 28" still names the day the story counts from
            value = dates.resolve(ent.text, published)
            if value is not None and len(value) == 10:
                return value
        return None

    @staticmethod
    def _date_before(doc: Doc, char: int) -> str | None:
        """The last point in time (of any precision) the text names before ``char``."""
        for ent in reversed([e for e in doc.ents if e.end_char <= char and e.label_ == "DATE"]):
            value = dates.resolve(trim_interval(doc, ent).text, doc._.published)
            if value is not None:
                return value
        return None

    @staticmethod
    def _section_date(doc: Doc, cand: Candidate) -> str | None:
        """A change told under a line that is only a day ("MONDAY 17 JANUARY" over a live blog's entries) is
        news of that day, not of the publication day."""
        text = doc_text(doc)
        body = doc._.body_offset or 0
        end = text.rfind("\n", 0, cand.trigger[0])
        while end > body:
            start = text.rfind("\n", 0, end) + 1
            if DATE_HEADING.match(text[start:end]):
                return dates.resolve(text[start:end].strip(" #*:"), doc._.published)
            end = start - 1
        return None

    @staticmethod
    def _line_label_date(doc: Doc, cand: Candidate) -> str | None:
        """"TUESDAY — The club and X agreed to part ways.", "- Wednesday: Y hires X": a day that labels the
        line dates the transitions told on it."""
        start = doc_text(doc).rfind("\n", 0, cand.trigger[0]) + 1
        label = DATE_LABEL.match(doc_text(doc)[start:cand.trigger[0]])
        if label is None:
            return None
        return dates.resolve(label.group("label"), doc._.published)

    @staticmethod
    def _replaced_date(doc: Doc, cand: Candidate) -> str | None:
        """"succeeds X, who quit on March 2 to ...": the most precise date in X's relative clause."""
        start, end = cand.sentence
        people = doc._.links.get("person", {}) if doc._.links else {}
        best = None
        for i, name in people.items():
            token = doc[i]
            if name != cand.person or not (start <= token.idx < end):
                continue
            for clause in (c for c in token.children if c.dep_ == "relcl"):
                for ent in doc.ents:
                    if ent.label_ != "DATE" or not (clause.left_edge.i <= ent.start and ent.end <= clause.right_edge.i + 1):
                        continue
                    ent = trim_interval(doc, ent)
                    if bound_limit(doc, ent):
                        continue
                    value = dates.resolve(ent.text, doc._.published)
                    if value is not None and (best is None or len(value) > len(best)):
                        best = value
        return best


def _announces(sent: Span, people: dict[int, str], coaches: set[str]) -> bool:
    """"The team announced the move on Monday": a lead sentence that reports the announcement names the news
    day even when it names no transition of its own. One that announces news about someone with no part in
    any transition ("City confirmed on Monday the signing of striker X") is a round-up's other story."""
    root = sent.root
    if root.lemma_ not in ANNOUNCING or root.tag_ != "VBD":
        return False
    announcer = {t.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return all(people[i] in coaches for i in range(sent.start, sent.end) if i in people and i not in announcer)


def _dates_the_future(ent: Span) -> bool:
    """"... and will name a successor on Friday", "is due to be unveiled on Friday": not the news day."""
    verb = ent.root
    while verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in FUTURE_AUX for a in auxes):
        return True
    return any(a.lower_ == "to" for a in auxes) and verb.head.lemma_ in FUTURE_FRAMES
