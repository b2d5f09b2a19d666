"""People's names: the spans of an article that name a person, and every mention linked to the fullest name.

The model's PERSON entities, plus names it tagged as organisations or places or left untagged (after a
title, with a particle, a quoted nickname, a surname the article also uses alone), grown over the words
it left out; a surname or first name alone links to the fullest name in the article.

``Names`` is a mixin of ``MentionLinker`` (components/mentions.py), which holds the word sets it reads.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..extensions import doc_text
from ..folding import fold

QUOTES = {"'", "‘", "’", '"', "“", "”", "``", "''"}
NICKNAME = re.compile(r"\s+['‘\"“][^'’\"”]{1,20}['’\"”]\s+")
# a given name, a quoted nickname and a family name: "Marcelo 'Rulo' Gallo" (the model may tag the first
# word alone, even as an organisation)
NICKNAMED = re.compile(r"\b[A-ZÀ-Þ][\w-]+\s+['‘\"“][A-ZÀ-Þ][\w-]*(?:\s[A-ZÀ-Þ][\w-]*)?['’\"”]\s+[A-ZÀ-Þ][\w'-]+")
AGE_NUMBER = re.compile(r"^(1[6-9]|[2-9]\d)$")
INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w.'’-]*$")
NAME_ENT_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}




def _titled_relative(doc: Doc, end: int, roles: list[Span]) -> bool:
    """A name followed by a "who" clause that gives a coaching title: "X, who left his job as Y head coach"."""
    pronoun = next((t for t in doc[end:end + 2] if t.lower_ in ("who", "whose", "whom")), None)
    if pronoun is None or pronoun.head.dep_ != "relcl":
        return False
    clause = pronoun.head
    return any(r.label_ == "ROLE" and clause.left_edge.i <= r.start and r.end <= clause.right_edge.i + 1 for r in roles)


class Names:
    """The people of an article and their mentions by name."""

    def _people(self, doc: Doc) -> tuple[list[str], list[tuple[int, int, str]]]:
        raw = []
        blocked = {i for span in doc.spans.get("teams", []) for i in range(span.start, span.end)}
        blocked |= {i for span in doc.spans.get("roles", []) for i in range(span.start, span.end)}
        spans = self._nicknamed_names(doc, blocked)
        nicknamed = {i for s, e in spans for i in range(s, e)}
        spans += [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"
                  and not any(i in nicknamed for i in range(e.start, e.end))]
        spans += self._org_names(doc, blocked)
        taken = {i for s, e in spans for i in range(s, e)}
        spans += self._particle_names(doc, taken, blocked)
        taken = {i for s, e in spans for i in range(s, e)}
        spans += self._role_names(doc, taken, blocked)
        spans += self._propn_names(doc, taken | {i for s, e in spans for i in range(s, e)}, blocked)
        spans += self._surname_names(doc, taken | {i for s, e in spans for i in range(s, e)}, blocked)
        for start, end in sorted(spans):
            start, end = self._extend(doc, start, end, blocked)
            while start < end - 1 and (doc[start].text in self.name_start_stop or doc[start].text in self.person_nouns):
                start += 1  # "Fired Jane Doe" in a headline or bullet, "Argentine Marcelo Gallo"
            start = self._after_descriptor(doc, start, end)
            words = self._name_tokens(doc[start:end])
            if words and not self._not_a_name(words):
                raw.append((start, end, " ".join(words)))
        # longest names first, then in the order the article names them: never a set's order, which follows
        # the interpreter's hash seed and would pick between two namesakes ("Tom Okafor", "Jim Okafor")
        full = sorted(dict.fromkeys(n for _, _, n in raw if len(n.split()) > 1), key=lambda n: -len(n.split()))
        folded_full = [(n, [fold(w) for w in n.split()]) for n in full]

        def resolve(name: str, position: int, last_seen: dict[str, int]) -> str:
            words = [fold(w) for w in name.split()]
            options = [n for n, fw in folded_full if len(fw) > len(words) and
                       (fw[-len(words):] == words or fw[:len(words)] == words)]
            if not options:
                return name
            # the latest-mentioned of several namesakes
            return max(options, key=lambda n: (last_seen.get(n, -1), len(n)))

        mentions = []
        last_seen: dict[str, int] = {}
        for start, end, name in raw:
            canonical = resolve(name, start, last_seen)
            last_seen[canonical] = start
            mentions.append((start, end, canonical))
        # surnames the model missed: proper nouns equal to a known surname
        surnames: dict[str, str] = {n: n for n in dict.fromkeys(n for _, _, n in raw) if len(n.split()) == 1 and n[:1].isupper()
                                    and not any(f.split()[-1] == n or f.split()[0] == n for f in full)}  # mononyms
        for name in full:
            parts = name.split()
            surnames.setdefault(parts[-1], name)
            if len(parts) == 2 and "-" in parts[1] and parts[1].split("-")[1][:1].islower():
                surnames.setdefault(parts[0], name)  # family name first: "Lee Jae-won" ... "Lee"
            for i in range(1, len(parts) - 1):
                if parts[i][0].islower():  # "van Riel", "ten Broek"
                    surnames.setdefault(" ".join(parts[i:]), name)
        covered = {i for s, e, _ in mentions for i in range(s, e)}
        for token in doc:
            if token.i in covered or not token.text[:1].isupper():
                continue
            for surname, name in surnames.items():
                n = len(surname.split())
                if doc[token.i:token.i + n].text in (surname, surname[:1].upper() + surname[1:]) and not any(
                        j in covered for j in range(token.i, token.i + n)):
                    if token.ent_type_ in ("", "PERSON", "NORP", "GPE", "ORG") and not self._in_team(doc, token.i):
                        mentions.append((token.i, token.i + n, name))
                        covered.update(range(token.i, token.i + n))
                    break
        mentions.sort()
        people = []
        for _, _, name in mentions:
            if name not in people:
                people.append(name)
        return people, mentions

    def _after_descriptor(self, doc: Doc, start: int, end: int) -> int:
        """Where a name begins after a phrase describing the person that ends inside it: "New Zealander"
        of "New Zealander Sam Rowe" (the model's name "Zealander Sam Rowe"), "All Black" of "All Black Dan
        Marsh". At least one word of the name stays."""
        for phrase in self.person_descriptors:
            size = len(phrase)
            for before in range(size):  # words of the phrase before the name's first word
                first = start - before
                if first < 0 or first + size >= end:
                    continue
                words = doc[first:first + size]
                if tuple(t.text for t in words) == phrase and "\n" not in words[:-1].text_with_ws:
                    return first + size
        return start

    def _name_tokens(self, span: Span) -> list[str]:
        """The name as written ("Lee Jae-won", "Joost van Riel"), without titles or a possessive."""
        tokens = list(span)
        while tokens and (tokens[0].text in self.honorifics or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and (tokens[-1].text in ("'s", "’s") or tokens[-1].is_punct or tokens[-1].is_space):
            tokens = tokens[:-1]
        if not tokens:
            return []
        text = doc_text(span.doc)[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
        text = NICKNAME.sub(" ", text)  # "Marcelo 'Rulo' Gallo": the nickname is no part of the name
        return text.split()

    def _extend(self, doc: Doc, start: int, end: int, blocked: set[int]) -> tuple[int, int]:
        """Grow a name over the capitalised words the model left out ("Jan" of "Jan Erik Lindqvist")."""
        while start > 0 and start - 1 not in blocked:
            prev = doc[start - 1]
            if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.is_alpha and "\n" not in prev.text_with_ws \
                    and prev.text not in self.honorifics and not prev.text.isupper() \
                    and prev.text not in self.name_start_stop and prev.ent_type_ not in ("DATE", "TIME"):  # "on Friday Bennett"
                start -= 1
            elif prev.text == "-" and not prev.whitespace_ and start - 2 >= 0 and not doc[start - 2].whitespace_ \
                    and doc[start - 2].text[:1].isupper() and doc[start - 2].is_alpha and start - 2 not in blocked:
                start -= 2  # "Hans" + "-" + "Peter Wollnik"
            elif prev.lower_ in self.particles and prev.text.islower() and start - 2 >= 0 and start - 2 not in blocked \
                    and doc[start - 2].pos_ == "PROPN" and doc[start - 2].text[:1].isupper() and doc[start - 2].is_alpha \
                    and "\n" not in doc[start - 2].text_with_ws + prev.text_with_ws:
                start -= 2  # "Joost" + "van" + "Riel"
            else:
                break
        while end + 1 < len(doc) and end not in blocked and end + 1 not in blocked:
            nxt, after = doc[end], doc[end + 1]
            if nxt.lower_ in self.particles and after.text[:1].isupper() and after.is_alpha and "\n" not in nxt.text_with_ws:
                end += 2  # "Joost" + "van Riel", "Hans" + "ten Broek"
            elif nxt.text in ("-",) and not nxt.whitespace_ and not doc[end - 1].whitespace_ and after.is_alpha:
                end += 2  # "Myung" + "-bo"
            elif self._glued_given_name(doc, end):
                end += 3  # "Park" + "Sun-woo"
            elif nxt.text in QUOTES and doc[end - 1].whitespace_:
                close = next((k for k in range(end + 2, min(end + 5, len(doc))) if doc[k].text in QUOTES), None)
                if close is None or close + 1 >= len(doc) or not doc[close + 1].text[:1].isupper() \
                        or doc[close + 1].pos_ != "PROPN" or close + 1 in blocked:
                    break
                end = close + 2  # "Marcelo" + "'Rulo'" + "Gallo"
            else:
                break
        if end - start == 1 and end < len(doc) and end not in blocked and self._family_name_after(doc, end):
            end += 1  # "Corey" + "Chamblin", "Jeff" + "Saturday": a given name alone is rare in news
        return start, end

    @staticmethod
    def _family_name_after(doc: Doc, i: int) -> bool:
        """A capitalised word right after a lone given name that the model left out of the name: untagged or
        mistagged as a place or number, or a weekday that is no date ("turn to Jeff Saturday as coach")."""
        token = doc[i]
        if not (token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha and not token.text.isupper()
                and "\n" not in doc[i - 1].text_with_ws and doc[i - 1].whitespace_):
            return False
        if token.ent_type_ in ("", "GPE", "CARDINAL", "NORP", "LOC"):
            return True
        weekday = token.lower_ in WEEKDAYS and token.ent_iob_ == "B" and (i + 1 >= len(doc) or doc[i + 1].ent_iob_ != "I")
        return weekday and not (i + 1 < len(doc) and doc[i + 1].like_num)

    @staticmethod
    def _glued_given_name(doc: Doc, end: int) -> bool:
        """A hyphenated given name after a family name: "Park" + "Sun-woo", "Lee" + "Jae-won"."""
        if end + 2 >= len(doc):
            return False
        first, dash, second = doc[end], doc[end + 1], doc[end + 2]
        return first.text[:1].isupper() and first.is_alpha and not first.whitespace_ and dash.text == "-" \
            and not dash.whitespace_ and second.is_alpha and second.text.islower() and "\n" not in doc[end - 1].text_with_ws

    def _has_age(self, doc: Doc, surname: str) -> bool:
        """The article gives this surname an age in apposition ("Harlow, 61,"): a person."""
        for token in doc[:-3]:
            if token.text == surname and doc[token.i + 1].text == "," and AGE_NUMBER.match(doc[token.i + 2].text) \
                    and doc[token.i + 3].text in (",", ";"):
                return True
        return False

    def _person_slot(self, doc: Doc, start: int, end: int) -> bool:
        """A proper noun in a place only a person fills: the object of "sacked", the passive subject of
        "appointed", right after a title or description, or in apposition to one."""
        root = doc[start:end].root
        head = root.head
        if root.dep_ in ("dobj", "nsubjpass") and head.lemma_ in self.person_slot_verbs:
            return True
        if root.dep_ == "nsubj" and head.lemma_ in ("resign", "quit"):
            return True
        if root.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ in ("part", "way", "company"):
            return True  # "parted ways with X"
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in self.person_slot_nouns:
            return True  # "the appointment of X", "the sacking of X"
        roles = doc.spans.get("roles", [])
        if end + 1 < len(doc) and doc[end].lower_ == "as" and any(r.start == end + 1 for r in roles):
            return True  # "X as manager"
        if root.dep_ == "appos" and (any(r.start <= head.i < r.end for r in roles) or head.text in self.person_nouns):
            return True
        if _titled_relative(doc, end, roles):
            return True
        before = doc[start - 1] if start > 0 else None
        return before is not None and (any(r.end == start for r in roles) or before.text in self.person_nouns
                                       or before.lower_ in self.person_words)  # "his predecessor X"

    def _org_names(self, doc: Doc, blocked: set[int]) -> list[tuple[int, int]]:
        """Names the model tagged as organisations or places that the sentence shows are people."""
        out = []
        for ent in doc.ents:
            if ent.label_ not in NAME_ENT_LABELS or not 2 <= len(ent) <= 4 or ent.kb_id_:
                continue
            if any(i in blocked for i in range(ent.start, ent.end)) or ent.text in self.leagues:
                continue
            words = [t for t in ent if t.text != "-"]
            if not all(NAME_TOKEN.match(t.text) and (not t.text.isupper() or INITIALS.match(t.text)) and t.pos_ == "PROPN"
                       for t in words) \
                    or any(t.text in self.not_person_words or t.lower_ in self.not_team_words for t in words):
                continue
            if self._person_slot(doc, ent.start, ent.end) or self._has_age(doc, ent[-1].text):
                out.append((ent.start, ent.end))
        return out

    @staticmethod
    def _nicknamed_names(doc: Doc, blocked: set[int]) -> list[tuple[int, int]]:
        """Names written with a quoted nickname inside ("Marcelo 'Rulo' Gallo"), whatever the model tagged."""
        out = []
        for match in NICKNAMED.finditer(doc_text(doc)):
            span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
            if span is not None and len(span) >= 3 and not any(i in blocked for i in range(span.start, span.end)):
                out.append((span.start, span.end))
        return out

    def _particle_names(self, doc: Doc, taken: set[int], blocked: set[int]) -> list[tuple[int, int]]:
        """ "Joost van Riel" where the model tagged only a part, or the given name as a place."""
        out = []
        for token in doc[1:-1]:
            first, last = doc[token.i - 1], doc[token.i + 1]
            if token.lower_ not in self.particles or not token.text.islower() or "\n" in first.text_with_ws + token.text_with_ws:
                continue
            span = range(first.i, last.i + 1)
            if any(i in taken or i in blocked for i in span):
                continue
            if all(t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.text.isupper() for t in (first, last)):
                out.append((first.i, last.i + 1))
        return out

    def _not_a_name(self, words: list[str]) -> bool:
        """Bylines, competitions and descriptions the model tags as people ("Staff Reporter", "the Londoner")."""
        return any(w in self.not_person_words for w in words) or " ".join(words) in self.leagues \
            or len(words) == 1 and (words[0] in self.person_nouns or words[0].lower() in self.not_team_words
                                    or words[0] in self.team_nicknames) \
            or any(not w[:1].isupper() and w.lower() not in self.particles or any(c.isdigit() for c in w) for w in words)

    def _role_names(self, doc: Doc, taken: set[int], blocked: set[int]) -> list[tuple[int, int]]:
        """Names right after a coaching title: "Corinthians coach Zecão", "manager Belmiro", "assistant manager,
        Pieter Lindqvist" (the model may take such a name for an organisation)."""
        out = []
        for role in doc.spans.get("roles", []):
            i = role.end
            if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].ent_type_ in ("ORG", "PERSON", ""):
                i += 1
            j = i
            while j < len(doc) and j not in taken and j not in blocked and doc[j].pos_ == "PROPN" \
                    and doc[j].text[:1].isupper() and doc[j].is_alpha and j - i < 4:
                j += 1
            if j > i:
                out.append((i, j))
        return out

    @staticmethod
    def _propn_names(doc: Doc, taken: set[int], blocked: set[int]) -> list[tuple[int, int]]:
        """Runs of two or more capitalised proper nouns the model left untagged, as subject or object."""
        out = []
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and j not in taken and j not in blocked and doc[j].pos_ == "PROPN" \
                    and doc[j].is_alpha and doc[j].text[:1].isupper() and not doc[j].text.isupper() \
                    and doc[j].ent_type_ in ("", "PERSON") and (j == i or "\n" not in doc[j - 1].text_with_ws):
                j += 1
            if j - i >= 2 and any(t.dep_ in ("nsubj", "nsubjpass", "dobj", "appos", "pobj", "poss") for t in doc[i:j]):
                out.append((i, j))
            i = max(j, i + 1)
        return out

    def _surname_names(self, doc: Doc, taken: set[int], blocked: set[int]) -> list[tuple[int, int]]:
        """Full names the model tagged as an organisation or place ("Owen Fairley", "Joost van Riel")
        whose last word the article also uses alone, as one does with a person's surname."""
        def capital(t: Token) -> bool:
            return t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() and not t.text.isupper() \
                and t.i not in blocked

        def titled(t: Token) -> bool:
            return capital(t) and t.i not in taken

        alone = {t.text for t in doc if capital(t) and not (t.i > 0 and capital(doc[t.i - 1]))
                 and not (t.i + 1 < len(doc) and capital(doc[t.i + 1]))}
        out = []
        i = 0
        while i < len(doc):
            j = i
            while j < len(doc) and j - i < 4 and (titled(doc[j]) or j > i and doc[j].lower_ in self.particles
                                                  and j + 1 < len(doc) and titled(doc[j + 1])) \
                    and (j == i or "\n" not in doc[j - 1].text_with_ws):
                j += 1
            run = doc[i:j]
            if j - i >= 2 and titled(doc[j - 1]) and doc[j - 1].text in alone \
                    and any(t.ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC") for t in run) \
                    and not any(t.lower_ in self.not_team_words or t.lower_ in self.team_nouns for t in run):
                out.append((i, j))
            i = max(j, i + 1)
        return out

    @staticmethod
    def _in_team(doc: Doc, i: int) -> bool:
        return any(span.start <= i < span.end for span in doc.spans.get("teams", []))
