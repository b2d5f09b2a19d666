"""Where a DATE expression sits in the parse: the span-level half of date handling.

``dates`` turns a date's text into an ISO value; these helpers decide which
spans are dates of a transition at all (not contract end dates, not "since"
limits), trim an interval spaCy fused onto a date, and read the interval of
"three days after he resigned", which dates one transition from another.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from . import dates
from .extensions import reference_date

DURATION = re.compile(r"(\d+-year-old|\b(years?|months?|weeks?|days?|hours?|minutes?|seasons?|decades?)\b(?!.*\b(ago|later|earlier|after|before)\b))", re.I)
RELATIVE = re.compile(r"^(last|this|earlier this|late last|early last)\s+(week|month|year|season)$", re.I)
NAMED_POINT = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
                         r"June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|"
                         r"Nov|Dec)\b")
SHIFT_HEADS = {"day", "days", "week", "weeks", "later", "earlier"}
INTERVAL_CUTS = {",", "after", "before", "into"}
LIMIT_WORDS = {"until", "through", "till", "thru", "since", "to"}
RUN_VERBS = {"run", "last", "extend", "expire", "keep", "tie"}
EFFECTIVE_WORDS = {"from", "starting", "effective"}
SEQUENCE_WORDS = {"after": -1, "before": 1}
# the label relations gives a date span → Candidate.date_label
DATE_LABELS = {"DATE": "direct", "DATE_GOVERNOR": "governor", "DATE_EFFECTIVE": "effective"}


def trim_interval(doc: Doc, ent: Span) -> Span:
    """"May 17, two days (after ...)" → "May 17", "May 3 after two seasons" → "May 3": spaCy often fuses a date
    and the interval after it."""
    if not dates.APPOSED_INTERVAL.search(ent.text.lower()):
        return ent
    cut = next((t for t in ent if t.lower_ in INTERVAL_CUTS and t.i > ent.start), None)
    if cut is None:
        return ent
    return Span(doc, ent.start, cut.i, label=ent.label_)


def bound_limit(doc: Doc, ent: Span, *, since: bool = True) -> bool:
    """A date that bounds a state rather than dating a change: "until 2026", "through 2027", "since 2016"
    (``since=False``: only the end bounds, which name no day the story has reached)."""
    if ent.start == 0:
        return False
    before = doc[ent.start - 1]
    if before.lower_ not in LIMIT_WORDS or before.lower_ == "since" and not since:
        return False
    if before.lower_ == "to":
        return before.head.lemma_ in RUN_VERBS or doc[before.i - 1].lower_ == "through"
    return True


def effective(doc: Doc, ent: Span) -> bool:
    """"from January", "effective June 1": when the change takes effect, not when it was made."""
    return ent.start > 0 and doc[ent.start - 1].lower_ in EFFECTIVE_WORDS


def interval_between(doc: Doc, chain: list[Token]) -> tuple[int, str] | None:
    """Signed count and unit from the governing clause to the trigger along its clause chain
    (``chain`` = trigger and its ancestors): "three days after he resigned" → (-3, "day"),
    "48 hours after X left", "a day after X's sacking", "a year after he replaced X" → (-1, "year")."""
    for token in chain[:-1]:
        links = [token] if token is not chain[0] else []
        links += [c for c in token.children if c.dep_ in ("mark", "prep") and c.i < token.i]
        for link in links:
            way = SEQUENCE_WORDS.get(link.lower_)
            if way is None or link.i < 2:
                continue
            count = dates.interval(doc[link.i - 2].lower_, doc[link.i - 1].lower_)
            return (way * count[0], count[1]) if count is not None else None
    return None


def dates_an_occasion(ent: Span, occasions: set[str]) -> bool:
    """"after the 3-0 defeat by Hull on Saturday": the date belongs to a match (or another occasion noun)
    on the way up to the verb, not to the verb's transition."""
    token = ent.root
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        token = token.head
        if token.lemma_.lower() in occasions and token.pos_ in ("NOUN", "PROPN"):
            return True
    return False


def point_in_time(doc: Doc, ent: Span) -> bool:
    """A DATE/TIME entity that names a point in time (or a day count from one), not a length of time."""
    if ent.label_ not in ("DATE", "TIME") or names_a_person(doc, ent):
        return False
    if dates.relative_shift(ent.text) is not None:
        return True  # "two days later"
    # "the 2014 season": a season named by its year is a point in time, not a length
    named = NAMED_POINT.search(ent.text) or dates.YEAR_SEASON.match(dates.clean(ent.text))
    if not named and (DURATION.search(ent.text) and not RELATIVE.match(ent.text) or not re.search(r"[A-Za-z]|\d{4}", ent.text)):
        return False
    # "late-night", "afternoon", "the day": no point of their own
    published = reference_date(doc)  # a plain nlp(text) counts from today, as the timing stage will
    return not published or dates.resolve(ent.text, published) is not None


def names_a_person(doc: Doc, ent: Span) -> bool:
    """A weekday or month that is part of a linked person's name ("Jeff Saturday", "April Ross") is no date."""
    people = doc._.links.get("person", {}) if doc._.links else {}
    return any(i in people for i in range(ent.start, ent.end))


def unlabelled_shifts(doc: Doc, ancestors: list[Token]) -> list[Span]:
    """"The following day the club appointed X": a day count the entity recognizer left unlabelled."""
    out = []
    for token in ancestors:
        for candidate in [token, *(c for c in token.children if c.dep_ in ("npadvmod", "advmod"))]:
            if candidate.ent_type_ or candidate.lower_ not in SHIFT_HEADS:
                continue
            span = doc[candidate.left_edge.i:candidate.i + 1]
            if dates.relative_shift(span.text) is not None:
                out.append(Span(doc, span.start, span.end, label="DATE"))
    return out


def opening_shift(doc: Doc, sent: Span) -> list[Span]:
    """A sentence that opens with a day count ("The following day president X and the board put Y in charge",
    however the parser hangs it): it dates the sentence's transitions."""
    words = [t for t in sent[:5] if not t.is_punct]
    for size in (4, 3, 2):
        if len(words) >= size and dates.relative_shift(" ".join(t.text for t in words[:size])) is not None:
            return [Span(doc, words[0].i, words[size - 1].i + 1, label="DATE")]
    return []


def first_point_in_time(doc: Doc, start: int, end: int) -> Span | None:
    """The first date expression starting in a char range (a table cell, a list line), trimmed of a fused
    interval ("Saturday, seven weeks") and cut at the range's end ("Jan. 8" of "(fired Jan. 8)")."""
    for ent in doc.ents:
        if not start <= ent.start_char < end:
            continue
        # "expand": a cut inside a token ("8)" of "(fired Jan. 8)") keeps the token; its bracket is noise
        cut = doc.char_span(ent.start_char, min(ent.end_char, end), alignment_mode="expand")
        if cut is None or not len(cut):
            continue
        span = trim_interval(doc, Span(doc, cut.start, cut.end, label=ent.label_))
        if point_in_time(doc, span) and not bound_limit(doc, span):
            return span
    return None


def same_time_clause(verb: Token) -> bool:
    """A clause that happens with its head: an infinitive of purpose ("to take the job") or a when-clause."""
    if verb.dep_ not in ("advcl", "xcomp"):
        return False
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children)


def shares_clause_date(doc: Doc, chain: list[Token]) -> bool:
    """Whether a trigger shares the date of the clause at the top of ``chain`` (trigger .. dated verb) although
    that clause tells another transition: "three days after he resigned" (counted), "with X appointed as",
    coordinated verbs ("relieved X on Monday and appointed Y") and when-clauses."""
    below = chain[:-1]
    return (interval_between(doc, chain) is not None
            or any(t.lower_ == "with" for t in chain[1:-1])
            or all(t.dep_ == "conj" for t in below)
            or any(same_time_clause(t) and any(c.lower_ == "when" for c in t.children) for t in below)
            or any(_participle_clause(t) for t in below))


def _participle_clause(verb: Token) -> bool:
    """"he was appointed in February, leaving Tigres": a bare present participle tells the same moment."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj") for c in verb.children)
