"""The date expression a trigger's clause carries, and the shift of "three days after he resigned".

``Dating`` is a mixin of ``RelationExtractor``; it reads ``Arguments._under_other_trigger``.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ... import dates
from ... import syntax
from ...date_spans import (bound_limit, dates_an_occasion, effective, interval_between, opening_shift,
                           point_in_time, same_time_clause, shares_clause_date, trim_interval, unlabelled_shifts)
from .teams import memo_of
from .triggers import Triggers

ANNOUNCING = ("announce", "confirm", "say", "reveal", "agree")


def _told_in_future(head: Token) -> bool:
    """The trigger has a future auxiliary ("will become")."""
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in head.children)


COARSE_DATE = re.compile(r"^(in |the )?((early|late|mid-)?\s*(19|20)\d\d|[A-Z][a-z]+ (19|20)\d\d)$")


class Dating:
    """Dates of a trigger."""

    def _date(self, doc: Doc, sent: Span, head: Token, found: Triggers,
              match: Span | None = None) -> tuple[Span | None, tuple[int, str] | None]:
        """The DATE expression attached to the trigger, or to a verb that governs it, and a shift (count, unit).

        The shift comes from "three days after he resigned" / "a day after X's sacking": the trigger's
        date is the governing clause's date minus the interval (with no date there, the news date).
        """
        ancestors = [head] + list(head.ancestors)
        best = None
        announced = None
        for ent in [*self._sentence_dates(doc, sent), *unlabelled_shifts(doc, ancestors), *opening_shift(doc, sent)]:
            ent, point = self._trimmed_point(doc, ent)
            if not point or syntax.past_colon(doc, head, ent):
                continue
            if ent.root in ancestors[1:]:
                rank: float | None = 0  # "on June 5, when the club fired X": the date the clause describes
            elif bound_limit(doc, ent) and not self._since_start(doc, ent, head) or dates_an_occasion(ent, self.match_words):
                continue  # "a deal until 2026", "the first time since 2016", "the defeat on Saturday"
            else:
                rank = self._date_rank(ent, head, ancestors, found, match)
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, ent)
            if rank is not None and rank >= 1 and self._announced_in_past(ent) and _told_in_future(head):
                announced = (rank, ent) if announced is None or rank < announced[0] else announced
        if announced is not None and best is not None and best[0] == 0:
            # "announced last week that he will become their coach this summer": a change still to come is
            # dated by its announcement (the spec's rule; the effective date is only also accepted)
            best = announced
        if best is None:
            return None, interval_between(doc, ancestors)
        # the interval counts from the date's own clause: "came a day after Madrid announced on Tuesday
        # that he would become" dates "become" on Tuesday, not the day before
        interval = interval_between(doc, ancestors[:int(best[0]) + 1]) if best[0] >= 1 else None
        if effective(doc, best[1]):
            label = "DATE_EFFECTIVE"
        else:
            label = "DATE" if best[0] == 0 else "DATE_GOVERNOR"
        return Span(doc, best[1].start, best[1].end, label=label), interval

    @staticmethod
    def _sentence_dates(doc: Doc, sent: Span) -> list[Span]:
        """The entities of the sentence (found once per sentence while the stage runs: several triggers share it)."""
        memo = memo_of(doc)
        if memo is None:
            return list(sent.ents)
        key = ("ents", sent.start, sent.end)
        if key not in memo.answers:
            memo.answers[key] = list(sent.ents)
        return memo.answers[key]  # type: ignore[return-value]

    @staticmethod
    def _trimmed_point(doc: Doc, ent: Span) -> tuple[Span, bool]:
        """The entity without an interval word ("until"), and whether it names a point in time (once per entity)."""
        memo = memo_of(doc)
        key = ("point", ent.start, ent.end, ent.label_)
        if memo is not None and key in memo.answers:
            return memo.answers[key]  # type: ignore[return-value]
        trimmed = trim_interval(doc, ent)
        answer = (trimmed, point_in_time(doc, trimmed))
        if memo is not None:
            memo.answers[key] = answer
        return answer

    @staticmethod
    def _announced_in_past(ent: Span) -> bool:
        """The date hangs on a past-tense verb of announcing ("announced last week", "confirmed on Monday")."""
        verb = ent.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        return verb.tag_ == "VBD" and verb.lemma_ in ANNOUNCING

    @staticmethod
    def _since_start(doc: Doc, ent: Span, head: Token) -> bool:
        """ "has been in charge since the summer": a "since" phrase on the trigger itself dates its start."""
        return ent.start > 0 and doc[ent.start - 1].lower_ == "since" and doc[ent.start - 1].head.i == head.i

    def _date_rank(self, ent: Span, head: Token, ancestors: list[Token], found: Triggers,
                   match: Span | None = None) -> float | None:
        """How far up the trigger's clause chain the date's verb sits (0 = the trigger itself)."""
        qualified = ent.root.head
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.dep_ == "prep" and before.lower_ in ("on", "in") and before.head in ancestors \
                and not any(c.dep_ == "pobj" for c in before.children):
            # "On Sunday Sundowns named ...": the parser hung the day on the subject; its preposition is the verb's
            return ancestors.index(before.head)
        if (ent.root.dep_ in ("compound", "nmod", "amod", "poss", "nummod") and qualified.i != head.i
                and qualified.ent_type_ not in ("DATE", "TIME") and qualified.lower_ not in dates.DAYPARTS):
            return None  # a date qualifying a noun ("the 1996 title team", "last season's final") dates no change
        verb = ent.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            if verb.pos_ == "NOUN" and verb.i == head.i:
                break
            verb = verb.head
        if match is not None and verb not in ancestors and match.start <= verb.i < match.end:
            return 0  # "let him go in November 2019": the date hangs on a later word of the trigger
        if verb in ancestors:
            rank = ancestors.index(verb)
            shared = shares_clause_date(ent.doc, ancestors[:rank + 1])
            if verb.i != head.i and verb.i in found.claimed and not COARSE_DATE.search(ent.text) and not shared:
                return None
            return rank
        if verb.lemma_ in self.reporting_verbs and verb.dep_ != "relcl" and not self._under_other_trigger(verb, head, found.heads):
            return 0.5  # "..., the club announced on Wednesday" (not "X, who announced on Monday that ...")
        if verb.head.i == head.i and same_time_clause(verb):
            return 1.5  # "left Sunderland to take the job in July", "took over when the season ended in May"
        return None
