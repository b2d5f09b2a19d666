"""Stage 2, mention linking: the people and teams of an article, every mention linked to one.

Rule-based and explainable: a surname or first name alone links to the fullest
name in the article; pronouns and descriptions ("the 56-year-old", "the
Colombian") link to the latest person who was a grammatical subject; "the
club", "the federation" link to the latest team, or the article's home team.

Writes ``doc.spans["mentions"]`` (label_ PERSON or TEAM, kb_id_ canonical),
``doc._.people``, ``doc._.teams``, ``doc._.home_team`` and ``doc._.links``
({"person": {token index: name}, "team": {token index: name}}).
"""
from __future__ import annotations

import re
import unicodedata

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..extensions import doc_text
from ..team_types import OrgWords, org_is_team
from .base import RuleComponent

DATA_FILES = ("mentions.jsonl", "leagues.jsonl", "teams.jsonl", "federations.jsonl")
AGE = re.compile(r"^\d{2}-year-old$")
SCORE_END = re.compile(r"(?<![\d-])\d{1,2}[-–]\d{1,2}$")  # "Arsenal 2-1 Chelsea": the score before the team
SCORE_START = re.compile(r"^\d{1,2}[-–]\d{1,2}(?![\d-])")
SUBJECTS = {"nsubj", "nsubjpass"}
QUOTES = {"'", "‘", "’", '"', "“", "”", "``", "''"}
NICKNAME = re.compile(r"\s+['‘\"“][^'’\"”]{1,20}['’\"”]\s+")
# a given name, a quoted nickname and a family name: "Marcelo 'Rulo' Gallo" (the model may tag the first
# word alone, even as an organisation)
NICKNAMED = re.compile(r"\b[A-ZÀ-Þ][\w-]+\s+['‘\"“][A-ZÀ-Þ][\w-]*(?:\s[A-ZÀ-Þ][\w-]*)?['’\"”]\s+[A-ZÀ-Þ][\w'-]+")
AGE_NUMBER = re.compile(r"^(1[6-9]|[2-9]\d)$")
INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w.'’-]*$")
NAME_ENT_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART"}
PARTICLES = {"van", "von", "de", "der", "den", "ten", "ter", "da", "di", "del", "della", "dos", "das", "la", "le", "du", "bin", "al"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("ø", "o").replace("æ", "ae").lower()


@Language.factory("coaching_mentions", default_config={"data_dir": None},
                  requires=["doc.ents", "doc.spans"], assigns=["doc.spans"])
def make_mentions(nlp: Language, name: str, data_dir: str | None) -> "MentionLinker":
    return MentionLinker(nlp, name, data_dir=data_dir)


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


def _titled_relative(doc: Doc, end: int, roles: list[Span]) -> bool:
    """A name followed by a "who" clause that gives a coaching title: "X, who left his job as Y head coach"."""
    pronoun = next((t for t in doc[end:end + 2] if t.lower_ in ("who", "whose", "whom")), None)
    if pronoun is None or pronoun.head.dep_ != "relcl":
        return False
    clause = pronoun.head
    return any(r.label_ == "ROLE" and clause.left_edge.i <= r.start and r.end <= clause.right_edge.i + 1 for r in roles)


def _begins_title(doc: Doc, ent: Span) -> bool:
    """An organisation the model tagged that is the first word of a title: "Bench coach X" at a sentence
    start, where the capital comes from the sentence and not from a club name."""
    return any(r.start == ent.start and r.end > ent.end for r in doc.spans.get("roles", []))


class MentionLinker(RuleComponent):
    data_files = DATA_FILES

    def __init__(self, nlp: Language, name: str = "coaching_mentions", *, data_dir: str | None = None) -> None:
        super().__init__(nlp, name, data_dir=data_dir)

    def build(self) -> None:
        self.rows = self.data["mentions.jsonl"]
        words = {row["kind"]: row["words"] for row in self.rows}
        self.pronouns = {w.lower() for w in words.get("pronoun", [])}
        # "the Slovak", "the Ghanaian": every national team's demonym describes a person too
        demonyms = {d for row in self.data["teams.jsonl"] if row.get("kind") == "national"
                    for d in row.get("demonyms", []) if len(d.split()) == 1}
        self.person_nouns = set(words.get("person_noun", [])) | demonyms
        self.person_words = {w.lower() for w in [*self.person_nouns, *words.get("relation_noun", [])]}
        self.team_nouns = {w.lower() for w in words.get("team_noun", [])}
        self.honorifics = set(words.get("honorific", []))
        self.leagues = set()
        for row in self.data["leagues.jsonl"]:
            self.leagues.update([row["name"], *row.get("aliases", [])])
        self.leagues.update(words.get("not_team", []))
        self.not_team_words = {w.lower() for w in words.get("not_team_word", [])}
        self.name_start_stop = set(words.get("not_name_start", []))
        self.not_person_words = set(words.get("not_person_word", []))
        # one-word team nicknames ("Spurs", "Gunners") are no person even when ambiguous between two teams
        self.team_nicknames = {n.removeprefix("the ").removeprefix("The ") for row in self.data["teams.jsonl"]
                               for n in row.get("nicknames", []) if len(n.removeprefix("the ").split()) == 1}
        self.person_slot_verbs = set(words.get("person_slot_verb", []))
        self.person_slot_nouns = set(words.get("person_slot_noun", []))
        self.kinds = {row["name"]: row.get("kind") for row in self.data["teams.jsonl"]}
        self.kinds.update({row["team"]: "national" for row in self.data["federations.jsonl"]})
        self.noun_kinds = {noun.lower(): kind for kind in ("national", "college", "club")
                           for noun in words.get(f"{kind}_noun", [])}
        self.match_words = set(words.get("match_word", []))
        self.team_pronouns = {w.lower() for w in words.get("team_pronoun", [])}
        self.opponent_preps = {w.lower() for w in words.get("opponent_prep", [])}
        self.match_preps = {w.lower() for w in words.get("match_prep", [])}
        self.former_nouns = {w.lower() for w in words.get("former_noun", ["boss", "manager", "coach"])}
        self.org_words = OrgWords(competition_words=frozenset(w.lower() for w in words.get("competition_word", [])),
                                  person_nouns=frozenset(self.person_nouns),
                                  not_name_start=frozenset(self.name_start_stop))

    def process(self, doc: Doc) -> None:
        self._link(doc)

    # -- people ------------------------------------------------------------
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
                    and prev.text not in self.name_start_stop:
                start -= 1
            elif prev.text == "-" and not prev.whitespace_ and start - 2 >= 0 and not doc[start - 2].whitespace_ \
                    and doc[start - 2].text[:1].isupper() and doc[start - 2].is_alpha and start - 2 not in blocked:
                start -= 2  # "Hans" + "-" + "Peter Wollnik"
            elif prev.lower_ in PARTICLES and prev.text.islower() and start - 2 >= 0 and start - 2 not in blocked \
                    and doc[start - 2].pos_ == "PROPN" and doc[start - 2].text[:1].isupper() and doc[start - 2].is_alpha \
                    and "\n" not in doc[start - 2].text_with_ws + prev.text_with_ws:
                start -= 2  # "Joost" + "van" + "Riel"
            else:
                break
        while end + 1 < len(doc) and end not in blocked and end + 1 not in blocked:
            nxt, after = doc[end], doc[end + 1]
            if nxt.lower_ in PARTICLES and after.text[:1].isupper() and after.is_alpha and "\n" not in nxt.text_with_ws:
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
        return start, end

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
            if token.lower_ not in PARTICLES or not token.text.islower() or "\n" in first.text_with_ws + token.text_with_ws:
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
            or any(not w[:1].isupper() and w.lower() not in PARTICLES or any(c.isdigit() for c in w) for w in words)

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
            while j < len(doc) and j - i < 4 and (titled(doc[j]) or j > i and doc[j].lower_ in PARTICLES
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
            words = self._name_tokens(doc[start:end])
            if words and not self._not_a_name(words):
                raw.append((start, end, " ".join(words)))
        full = sorted({n for _, _, n in raw if len(n.split()) > 1}, key=lambda n: -len(n.split()))
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
        surnames: dict[str, str] = {n: n for n in {n for _, _, n in raw} if len(n.split()) == 1 and n[:1].isupper()
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
        return name in self.leagues

    @staticmethod
    def _in_team(doc: Doc, i: int) -> bool:
        return any(span.start <= i < span.end for span in doc.spans.get("teams", []))

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

    @classmethod
    def _antecedent(cls, doc: Doc, mentions: list[tuple[int, int, str]], position: int) -> str | None:
        before = [m for m in mentions if m[1] <= position]
        if not before:
            return None
        sent_start = doc[position].sent.start
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
            if head.dep_ in SUBJECTS or (start >= sent_start and head.dep_ == "poss"):
                return name
            if head.dep_ == "appos" and head.head.dep_ in SUBJECTS:
                return name  # "Hale's assistant, Pieter Lindqvist, is moving on"
        # no subject before: the latest person named in full, not a possessive ("Hale's successor")
        return next((name for start, end, name in reversed(before) if doc[start:end].root.dep_ != "poss"), before[-1][2])

    # -- teams -------------------------------------------------------------
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

    @staticmethod
    def _subject_team(doc: Doc, own: list[tuple[int, int, str]], position: int) -> str | None:
        """The latest team named as a subject in the sentence of ``position`` or the one before: "The Crew hired
        X from rivals CF Montréal on Monday, the club said" (the club is the Crew)."""
        sent = doc[position].sent
        previous = doc[sent.start - 1].sent if sent.start > 0 else sent
        subjects = [n for s, e, n in own if previous.start <= s and e <= position and doc[s:e].root.dep_ in SUBJECTS]
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
            subjects = [m for m in before if doc[m[0]:m[1]].root.dep_ in SUBJECTS]
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

    def _link(self, doc: Doc) -> None:
        people, person_mentions = self._people(doc)
        person_mentions += self._anaphors(doc, person_mentions)
        teams, team_mentions, home, opponents = self._teams(
            doc, {i for s, e, _ in person_mentions for i in range(s, e)}, people)
        spans = [Span(doc, s, e, label="PERSON", kb_id=n) for s, e, n in person_mentions]
        spans += [Span(doc, s, e, label="TEAM", kb_id=n) for s, e, n in team_mentions]
        doc.spans["mentions"] = sorted(spans, key=lambda s: (s.start, s.end))
        links: dict[str, dict[int, str]] = {"person": {}, "team": {}, "opponent": {}}
        for span in spans:
            kind = "person" if span.label_ == "PERSON" else "team"
            for i in range(span.start, span.end):
                links[kind].setdefault(i, span.kb_id_)
                if (span.start, span.end) in opponents and kind == "team":
                    links["opponent"].setdefault(i, span.kb_id_)
        doc._.people = people
        doc._.teams = teams
        doc._.home_team = home
        doc._.links = links
