"""Pronouns and descriptions ("he", "the 56-year-old", "the Colombian", "the former Chelsea boss") linked
to the person they stand for: the latest person who was a grammatical subject, with the exceptions the
sentence shows.

``Anaphora`` is a mixin of ``MentionLinker`` (components/mentions.py), which holds the word sets it reads.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

AGE = re.compile(r"^\d{2}-year-old$")
SUBJECTS = {"nsubj", "nsubjpass"}


def _relative_reporter(doc: Doc, mentions: list[tuple[int, int, str]], position: int) -> str | None:
    """ "X, who announced that he would stand down": a pronoun under a relative clause whose subject is
    'who' is the person the clause hangs on."""
    by_token = {i: name for start, end, name in mentions for i in range(start, end)}
    for verb in doc[position].ancestors:
        if verb.dep_ == "relcl" and any(c.dep_ in SUBJECTS and c.tag_ == "WP" for c in verb.children):
            phrase = [verb.head] + [c for c in verb.head.children if c.dep_ in ("compound", "flat", "nmod", "appos")]
            return next((by_token[t.i] for t in phrase if t.i in by_token), None)
    return None


def _subordination(token: Token) -> int:
    """How many subordinate clauses (adverbial, relative, prepositional) lie between a word and its root."""
    count = 0
    while token.head.i != token.i:
        if token.dep_ in ("advcl", "relcl", "acl", "pcomp", "pobj"):
            count += 1
        token = token.head
    return count


class Anaphora:
    """Mentions of people by pronoun or description."""

    def _anaphors(self, doc: Doc, mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Pronouns and descriptions linked to the latest person who was a subject."""
        by_start = sorted(mentions)
        out = []
        occupied = {i for s, e, _ in mentions for i in range(s, e)}
        occupied |= {i for span in doc.spans.get("teams", []) for i in range(span.start, span.end)}
        name_words = {w for _s, _e, name in mentions for w in name.split()}
        for token in doc:
            if token.i in occupied:
                continue
            span = None
            if token.lower_ in self.pronouns and token.pos_ == "PRON":
                span = (token.i, token.i + 1)
            elif token.lower_ == "the" and token.i + 1 < len(doc):
                nxt = doc[token.i + 1]
                end = token.i + 2
                if nxt.text.lower() == "former" and token.i + 3 < len(doc):
                    # "the former Chelsea boss"
                    j = token.i + 2
                    while j < len(doc) and j < token.i + 10 and doc[j].lower_ not in self.former_nouns \
                            and doc[j].pos_ not in ("VERB", "AUX") and not doc[j].is_sent_start:
                        j += 1  # "the former Barcelona, Valencia and Argentina midfielder"
                    if j < len(doc) and doc[j].lower_ in self.former_nouns and not (
                            j + 1 < len(doc) and (j + 1) in {i for s, e, _ in mentions for i in range(s, e)}):
                        end = j + 1  # not a title before the name itself: "the former Porto coach X"
                        span = (token.i, end)
                elif nxt.like_num and doc[token.i + 2:token.i + 6].text == "-year-old":
                    # "the 56-year-old", tokenized as 56 - year - old
                    end = token.i + 6
                    if end < len(doc) and doc[end].text in self.person_nouns:
                        end += 1
                    span = (token.i, end)
                elif AGE.match(nxt.text) or nxt.text in self.person_nouns or self._described_as(doc, nxt, name_words):
                    # "the 56-year-old", "the 45-year-old Norwegian", "the Colombian"
                    if end < len(doc) and (AGE.match(nxt.text) and doc[end].text in self.person_nouns):
                        end += 1
                    head = doc[end - 1]
                    if head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and not (end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN")):
                        span = (token.i, end)
            if span is None:
                continue
            target = None
            sent_start = token.sent.start
            if token.lower_ == "the" and (any(sent_start <= m[0] and doc[m[0]].pos_ == "PRON"
                                              and doc[m[0]].dep_ in SUBJECTS for m in out)
                                          or doc[span[1] - 1].dep_ not in SUBJECTS
                                          and self._other_named_after_subject(doc, by_start, sent_start, span[0])):
                # after a pronoun subject, a description in the same sentence names someone else, the name
                # given there: "He replaced X in 2019, hours after the Argentine was sacked" is X; so after a
                # named subject and another name, for a description that is no subject itself: "Y replaced X
                # in June after the federation sacked the Argentine" is X ("..., with the Dutchman starting" is Y)
                named = [m for m in by_start if sent_start <= m[0] and m[1] <= span[0]
                         and doc[m[0]:m[1]].root.dep_ != "poss"]
                target = named[-1][2] if named else None
            # pronouns already resolved count as mentions: "He started out at Cardiff. He takes over ..."
            target = target or self._antecedent(doc, sorted(by_start + out), span[0])
            if target:
                out.append((span[0], span[1], target))
        return out

    def _described_as(self, doc: Doc, token: Token, name_words: set[str]) -> bool:
        """ "The Basque, a former assistant, ...": after "the", one capitalised singular word that is no name
        of the article (no team, no person, no word of a name) and ends its phrase describes a person, as a
        demonym does."""
        if not (token.is_alpha and token.text[:1].isupper() and not token.text.isupper()
                and token.tag_ in ("NNP", "JJ") and token.dep_ in SUBJECTS | {"appos"}
                and not token.text.endswith("s") and token.ent_type_ in ("", "NORP")):
            return False
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN") or nxt.text in ("-", "'s", "’s")):
            return False
        return token.text not in name_words and token.text not in self.team_nicknames \
            and token.text not in self.not_person_words and token.text not in self.name_start_stop

    @staticmethod
    def _other_named_after_subject(doc: Doc, named: list[tuple[int, int, str]], sent_start: int, position: int) -> bool:
        """A person named as the sentence's subject, then another person named, both before ``position``."""
        inside = [m for m in named if sent_start <= m[0] and m[1] <= position]
        subjects = [m for m in inside if doc[m[0]:m[1]].root.dep_ in SUBJECTS]
        return bool(subjects) and any(m[0] > subjects[0][0] and m[2] != subjects[0][2]
                                      and doc[m[0]:m[1]].root.dep_ != "poss" for m in inside)

    def _antecedent(self, doc: Doc, mentions: list[tuple[int, int, str]], position: int) -> str | None:
        before = [m for m in mentions if m[1] <= position]
        sent_start = doc[position].sent.start
        pronoun = doc[position]
        noun = pronoun.head
        if pronoun.dep_ == "poss" and noun.lemma_.lower() in self.successor_nouns \
                and (noun.dep_ in ("attr", "appos") or noun.dep_ == "pobj" and noun.head.lower_ == "as"):
            # "X was chosen as his successor", "X is his replacement": nobody succeeds himself, so not a
            # person of the same sentence ("X led a song for his successor" is X's)
            before = [m for m in before if m[1] <= sent_start]
        if not before:
            return None
        reporter = _relative_reporter(doc, before, position)
        if reporter:
            return reporter
        # in the pronoun's own sentence a subject outranks a possessor ("She spent years on X's bench
        # after the Spurs hired her": her is she)
        same = [m for m in before if m[0] >= sent_start and doc[m[0]:m[1]].root.dep_ in SUBJECTS]
        if same:
            return same[-1][2]
        for start, end, name in reversed(before):
            head = doc[start:end].root
            if start < sent_start and head.dep_ == "poss" and head.head.dep_ in SUBJECTS \
                    and head.head.head.dep_ == "ROOT" and not any(
                        doc[s:e].root.dep_ in SUBJECTS for s, e, _n in before if head.sent.start <= s < head.sent.end):
                return name  # "X's own rise followed a script. The Basque ...": the subject's owner is the topic
            if head.dep_ in SUBJECTS and start < sent_start:
                # an earlier sentence: its main clause's subject outranks one in a subordinate clause
                # ("X stepped up after Y was fired. He ...": he is X)
                sent = head.sent
                subjects = [(_subordination(doc[s:e].root), s, n) for s, e, n in before
                            if sent.start <= s < sent.end and doc[s:e].root.dep_ in SUBJECTS]
                return min(subjects)[2] if subjects else name
            if head.dep_ in SUBJECTS:
                return name
            if start >= sent_start and head.dep_ == "poss":
                # "X's staff hired her": the owner, unless someone was named as the object before it ("listed
                # Hyde as Maddon's bench coach ... had picked him": him is Hyde)
                objects = [n for s, e, n in before if sent_start <= s < start
                           and doc[s:e].root.dep_ == "dobj" and doc[position].dep_ in ("dobj", "pobj")]
                return objects[-1] if objects else name
            if head.dep_ == "appos" and head.head.dep_ in SUBJECTS:
                return name  # "Hale's assistant, Pieter Lindqvist, is moving on"
        # no subject before: the latest person named in full, not a possessive ("Hale's successor")
        return next((name for start, end, name in reversed(before) if doc[start:end].root.dep_ != "poss"), before[-1][2])
