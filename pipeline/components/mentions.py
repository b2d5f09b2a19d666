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
from pathlib import Path
from typing import Any, Callable, Iterable

import srsly
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..extensions import register_extensions

AGE = re.compile(r"^\d{2}-year-old$")
SUBJECTS = {"nsubj", "nsubjpass"}
QUOTES = {"'", '"', "‘", "’", "“", "”"}
NICKNAME = re.compile(r"\s['\"‘“][A-Z][\w-]*['\"’”](?=\s)")
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


def _main_subject(doc: Doc, mentions: list[tuple[int, int, str]]) -> str | None:
    """The person who is the subject of a sentence's main verb (or of a verb conjoined with it)."""
    for start, end, name in mentions:
        head = doc[start:end].root
        verb = head.head
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        if head.dep_ in SUBJECTS and verb.dep_ == "ROOT":
            return name
    return None


class MentionLinker(Pipe):
    def __init__(self, nlp: Language, name: str = "coaching_mentions", *, data_dir: str | None = None) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.initialize(data_dir=data_dir)

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, data_dir: str | None = None) -> None:
        self.rows = resources.load("mentions.jsonl", Path(data_dir) if data_dir else None)
        words = {row["kind"]: row["words"] for row in self.rows}
        self.pronouns = {w.lower() for w in words.get("pronoun", [])}
        self.person_nouns = set(words.get("person_noun", []))
        self.team_nouns = {w.lower() for w in words.get("team_noun", [])}
        self.honorifics = set(words.get("honorific", []))
        self.leagues = set()
        for row in resources.load("leagues.jsonl", Path(data_dir) if data_dir else None):
            self.leagues.update([row["name"], *row.get("aliases", [])])
        self.leagues.update(words.get("not_team", []))
        self.not_team_words = {w.lower() for w in words.get("not_team_word", [])}

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(Path(path) / "mentions.jsonl", self.rows)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "MentionLinker":
        self.initialize(data_dir=str(path))
        return self

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            self._link(doc)
        except Exception as error:
            error_handler(self.name, self, [doc], error)
        return doc

    # -- people ------------------------------------------------------------
    def _name_tokens(self, span: Span) -> list[str]:
        """The name as written ("Hong Myung-bo", "Erik ten Hag"), without titles or a possessive."""
        tokens = list(span)
        while tokens and (tokens[0].text in self.honorifics or tokens[0].is_punct):
            tokens = tokens[1:]
        while tokens and (tokens[-1].text in ("'s", "’s") or tokens[-1].is_punct or tokens[-1].is_space):
            tokens = tokens[:-1]
        if not tokens:
            return []
        text = span.doc.text[tokens[0].idx:tokens[-1].idx + len(tokens[-1].text)]
        return NICKNAME.sub("", text).split()  # "Gerardo 'Tata' Martino" is Gerardo Martino

    def _extend(self, doc: Doc, start: int, end: int, blocked: set[int]) -> tuple[int, int]:
        """Grow a name over the capitalised words the model left out ("Ole" of "Ole Gunnar Solskjær")."""
        while start > 0 and start - 1 not in blocked:
            prev = doc[start - 1]
            if prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.is_alpha and "\n" not in prev.text_with_ws \
                    and prev.text not in self.honorifics and not prev.text.isupper():
                start -= 1
            else:
                break
        while end + 1 < len(doc) and end not in blocked and end + 1 not in blocked:
            nxt, after = doc[end], doc[end + 1]
            if nxt.lower_ in PARTICLES and after.text[:1].isupper() and after.is_alpha and "\n" not in nxt.text_with_ws:
                end += 2  # "Erik" + "ten Hag", "Ruud" + "van Nistelrooy"
            elif nxt.text in ("-",) and not nxt.whitespace_ and not doc[end - 1].whitespace_ and after.is_alpha:
                end += 2  # "Myung" + "-bo"
            elif nxt.text in QUOTES and end + 3 < len(doc) and doc[end + 2].text in QUOTES and after.is_title \
                    and doc[end + 3].is_title and doc[end + 3].pos_ == "PROPN" and end + 3 not in blocked:
                end += 4  # "Gerardo" + "'Tata' Martino"
            else:
                break
        return start, end

    def _role_names(self, doc: Doc, taken: set[int], blocked: set[int]) -> list[tuple[int, int]]:
        """Names right after a coaching title: "Corinthians coach Tite", "manager Dunga"."""
        out = []
        for role in doc.spans.get("roles", []):
            i = role.end
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
        """Full names the model tagged as an organisation or place ("Eddie Jones", "Giovanni van Bronckhorst")
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
        spans = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
        taken = {i for s, e in spans for i in range(s, e)}
        spans += self._role_names(doc, taken, blocked)
        spans += self._propn_names(doc, taken | {i for s, e in spans for i in range(s, e)}, blocked)
        spans += self._surname_names(doc, taken | {i for s, e in spans for i in range(s, e)}, blocked)
        for start, end in sorted(spans):
            start, end = self._extend(doc, start, end, blocked)
            words = self._name_tokens(doc[start:end])
            if words:
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
        surnames: dict[str, str] = {}
        for name in full:
            parts = name.split()
            surnames.setdefault(parts[-1], name)
            if len(parts) == 2 and "-" in parts[1] and parts[1].split("-")[1][:1].islower():
                surnames.setdefault(parts[0], name)  # family name first: "Hong Myung-bo" ... "Hong"
            for i in range(1, len(parts) - 1):
                if parts[i][0].islower():  # "ten Hag", "van Nistelrooy"
                    surnames.setdefault(" ".join(parts[i:]), name)
        covered = {i for s, e, _ in mentions for i in range(s, e)}
        for token in doc:
            if token.i in covered or not token.text[:1].isupper():
                continue
            for surname, name in surnames.items():
                n = len(surname.split())
                if doc[token.i:token.i + n].text == surname and not any(
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
                    while j < len(doc) and j < token.i + 6 and doc[j].lower_ not in ("boss", "manager", "coach"):
                        j += 1
                    if j < len(doc) and doc[j].lower_ in ("boss", "manager", "coach"):
                        end = j + 1
                        span = (token.i, end)
                elif nxt.like_num and doc[token.i + 2:token.i + 6].text == "-year-old":
                    # "the 56-year-old", tokenized as 56 - year - old
                    end = token.i + 6
                    if end < len(doc) and doc[end].text in self.person_nouns:
                        end += 1
                    span = (token.i, end)
                elif AGE.match(nxt.text) or nxt.text in self.person_nouns:
                    # "the 56-year-old", "the 45-year-old Norwegian", "the Colombian"
                    if end < len(doc) and (AGE.match(nxt.text) and doc[end].text in self.person_nouns):
                        end += 1
                    head = doc[end - 1]
                    if head.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and not (end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN")):
                        span = (token.i, end)
            if span is None:
                continue
            # pronouns already resolved count as mentions: "He started out at Cardiff. He takes over ..."
            target = self._antecedent(doc, sorted(by_start + out), span[0])
            if target:
                out.append((span[0], span[1], target))
        return out

    @staticmethod
    def _antecedent(doc: Doc, mentions: list[tuple[int, int, str]], position: int) -> str | None:
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
            if start < sent_start:
                # an earlier sentence: its main-clause subject before a subject inside a subordinate clause
                # ("X stepped up after Y was fired. He ...": he is X)
                main = _main_subject(doc, [m for m in before if doc[m[0]].sent.start == doc[start].sent.start])
                if main:
                    return main
            if head.dep_ in SUBJECTS or (start >= sent_start and head.dep_ == "poss"):
                return name
        return before[-1][2]

    # -- teams -------------------------------------------------------------
    def _teams(self, doc: Doc, person_tokens: set[int], people: list[str]) -> tuple[list[str], list[tuple[int, int, str]], str | None]:
        mentions = [(s.start, s.end, s.kb_id_) for s in doc.spans.get("teams", [])]
        # organisations the gazetteer does not know may still be teams ("Molde", "Fordham")
        known = {i for s, e, _ in mentions for i in range(s, e)} | person_tokens
        name_words = {w for p in people for w in p.split()}
        for ent in doc.ents:
            if ent.label_ == "ORG" and not ent.kb_id_ and not any(i in known for i in range(ent.start, ent.end)) \
                    and not any(t.lower_ in self.not_team_words for t in ent) and not ent.text.isupper() \
                    and not any(t.text in name_words for t in ent):
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
        home = None
        body = doc._.body_offset or 0
        title_teams = [n for s, _, n in mentions if doc[s].idx < body]
        if title_teams:
            home = title_teams[0]
        else:
            first_sent = next((s for s in doc.sents if s.start_char >= body and s.text.strip()), None)
            first = [n for s, _, n in mentions if first_sent is not None and first_sent.start <= s < first_sent.end]
            if first:
                home = first[0]
            elif teams:
                home = max(teams, key=lambda n: sum(1 for *_, m in mentions if m == n))
        # "the club", "the federation": the latest team named before, else home
        nominal = []
        for token in doc:
            if token.lower_ != "the" or token.i + 1 >= len(doc):
                continue
            two = doc[token.i + 1:token.i + 3].text.lower()
            one = doc[token.i + 1].lower_
            if two in self.team_nouns:
                end = token.i + 3
            elif one in self.team_nouns and not (token.i + 2 < len(doc) and doc[token.i + 2].pos_ in ("NOUN", "PROPN")):
                end = token.i + 2
            else:
                continue
            if any(s <= token.i < e for s, e, _ in mentions):
                continue
            before = [n for s, e, n in mentions if e <= token.i]
            target = before[-1] if before else home
            if one == "federation" or two.startswith("national"):
                national = [n for n in ([*reversed(before)] + ([home] if home else [])) if n]
                target = national[0] if national else target
            if target:
                nominal.append((token.i, end, target))
        return teams, mentions + nominal, home

    def _link(self, doc: Doc) -> None:
        people, person_mentions = self._people(doc)
        person_mentions += self._anaphors(doc, person_mentions)
        teams, team_mentions, home = self._teams(doc, {i for s, e, _ in person_mentions for i in range(s, e)}, people)
        spans = [Span(doc, s, e, label="PERSON", kb_id=n) for s, e, n in person_mentions]
        spans += [Span(doc, s, e, label="TEAM", kb_id=n) for s, e, n in team_mentions]
        doc.spans["mentions"] = sorted(spans, key=lambda s: (s.start, s.end))
        links: dict[str, dict[int, str]] = {"person": {}, "team": {}}
        for span in spans:
            kind = "person" if span.label_ == "PERSON" else "team"
            for i in range(span.start, span.end):
                links[kind].setdefault(i, span.kb_id_)
        doc._.people = people
        doc._.teams = teams
        doc._.home_team = home
        doc._.links = links
