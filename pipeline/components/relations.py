"""Stage 3, relation extraction: trigger lexicon + dependency patterns → candidate transitions.

A trigger (models/triggers.jsonl) is matched on lemmas; its ``voice`` says how
its arguments sit in the parse:

- ``transitive``: a team acts on the coach ("Spain dismissed Soto",
  "Hale was appointed by Chelsea");
- ``intransitive``: the coach acts ("Cota stepped down", "took charge of El Tri");
- ``symmetric``: coach and team part ("parted ways with X");
- ``replace``: "A replaced B" (A's hire and B's departure);
- ``noun``: a nominalization ("the sacking of X", "X's appointment").

A trigger with ``"tag": "any"`` matches its head whatever the tagger called it.
A trigger with ``"match": "tree"`` is looked for on the parse only (its words a chain of
children from the verb: "left X in interim charge"), never as a token sequence.

Each candidate keeps its rule id, trigger span and sentence for ``explain``.
Writes ``doc._.candidates``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .. import dates
from ..candidates import Candidate
from ..date_spans import (DATE_NOTES, bound_limit, dates_an_occasion, effective,
                          interval_between, opening_shift, point_in_time, same_time_clause, shares_clause_date,
                          trim_interval, unlabelled_shifts)
from ..extensions import doc_text
from ..titles import title_at
from .base import RuleComponent
from . import syntax
from .syntax import SUBJ

OBJ = {"dobj", "dative", "oprd", "attr"}
NP_STOP = {"prep", "relcl", "acl", "advcl", "punct", "cc", "conj", "ccomp", "xcomp", "mark", "appos"}
NEG = {"not", "n't", "never"}
COARSE_DATE = re.compile(r"^(in |the )?((early|late|mid-)?\s*(19|20)\d\d|[A-Z][a-z]+ (19|20)\d\d)$")
MATCH_WORDS = {"defeat", "win", "victory", "loss", "draw", "game", "match", "tie", "final", "clash", "trip",
               "derby", "meeting", "semifinal", "semi-final", "opener", "beat", "lose", "face", "play", "thrash"}
DESTINATION_VERBS = {"join", "coach", "take", "become", "manage", "lead", "replace", "succeed", "return", "move"}
LEAVING_FOR_VERBS = {"leave", "depart", "bolt", "quit", "exit", "resign", "walk"}
REPORTING = {"announce", "confirm", "say", "reveal", "state", "tell", "declare", "inform", "make"}
PROMOTION = {"promote", "elevate", "upgrade"}
GUESSED_TEAM = (":sentence_team", ":paragraph_team", ":home_team", ":person_team")
LIST_DEPS = {"conj", "appos", "compound", "npadvmod", "dobj", "oprd", "prep", "pobj", "cc", "punct", "amod", "det"}
TEAM_STOP_PREPS = {"against", "over", "to", "versus", "vs", "beat", "past"}


@Language.factory("coaching_relations", default_config={"data_dir": None, "role_window": 12, "team_distance": 4},
                  requires=["doc.spans", "token.dep"], assigns=["doc._.candidates"])
def make_relations(nlp: Language, name: str, data_dir: str | None, role_window: int,
                   team_distance: int) -> "RelationExtractor":
    return RelationExtractor(nlp, name, data_dir=data_dir, role_window=role_window, team_distance=team_distance)


def _token_pattern(trigger: dict[str, Any]) -> list[dict[str, Any]]:
    words = trigger["pattern"].split()
    pattern: list[dict[str, Any]] = []
    head_done = False
    for word in words:
        if word == "*":
            pattern += [{"IS_SENT_START": False, "IS_PUNCT": False, "OP": "?"}] * 4
        elif word == "not":
            pattern.append({"LOWER": {"IN": sorted(NEG)}})
        elif word in ("to", "the", "of", "on", "contract") or head_done:
            pattern.append({"LEMMA": word})
        else:
            if trigger["voice"] == "noun":
                pattern.append({"LEMMA": word, "POS": {"IN": ["NOUN", "PROPN"]}})
            elif trigger.get("tag") == "any":
                pattern.append({"LEMMA": word})  # a head the tagger often gets wrong ("part ways" as a noun)
            elif word == "out":
                pattern.append({"LOWER": "out", "DEP": {"IN": ["ROOT", "advmod", "prt", "acomp"]}})
            else:
                # verbs, including gerunds and participles the tagger calls nouns or adjectives
                pattern.append({"LEMMA": word, "TAG": {"REGEX": "^VB"}})
            head_done = True
    return pattern


@dataclass(frozen=True)
class Triggers:
    """The triggers found in one document, handed to the argument rules (the component keeps no per-document state).

    ``heads``: token indices of every trigger's head; ``claimed``: those of strong triggers, whose dates
    are their own; ``headings``: section headings (start char, team) of an article with sections.
    """
    heads: frozenset[int]
    claimed: frozenset[int]
    headings: tuple[tuple[int, str], ...]


class RelationExtractor(RuleComponent):
    data_files = ("triggers.jsonl", "manners.jsonl", "club_words.jsonl", "modality.jsonl")

    def __init__(self, nlp: Language, name: str = "coaching_relations", *, data_dir: str | None = None,
                 role_window: int = 12, team_distance: int = 4) -> None:
        self.role_window = role_window
        self.team_distance = team_distance  # edges in the parse between a trigger and a team it may take
        super().__init__(nlp, name, data_dir=data_dir)

    def build(self) -> None:
        self.triggers = self.data["triggers.jsonl"]
        self.matcher = Matcher(self.nlp.vocab)
        for number, trigger in enumerate(self.triggers):
            if trigger.get("match") != "tree":  # "tree": only on the parse, where the gap is the object
                self.matcher.add(str(number), [_token_pattern(trigger)])
        # one-word transitive triggers by lemma, for headlines whose verb the tagger reads as a noun
        self.headline_triggers: dict[str, list[tuple[int, dict]]] = {}
        for number, trigger in enumerate(self.triggers):
            if trigger["voice"] == "transitive" and " " not in trigger["pattern"]:
                self.headline_triggers.setdefault(trigger["pattern"], []).append((number, trigger))
        # gapped verb triggers by their first lemma, for the parse-based search (_tree_matches)
        self.gapped: dict[str, list[tuple[int, dict, list[str]]]] = {}
        for number, trigger in enumerate(self.triggers):
            words = trigger["pattern"].split()
            if "*" in words and trigger["voice"] != "noun":
                path = [w for w in words[1:] if w not in ("*", "the")]
                self.gapped.setdefault(words[0], []).append((number, trigger, path))
        self.manners = self.data["manners.jsonl"]
        self.club_words = self.data["club_words.jsonl"]
        self.dual_role = {w for row in self.club_words if row["kind"] == "dual_role" for w in row["words"]}
        self.post_words = {row["cue"] for row in self.data["modality.jsonl"] if row["kind"] == "post_word"}
        # "the former Porto coach", "ex-Chelsea boss": the past-title words of models/modality.jsonl
        self.former_words = frozenset(row["cue"] for row in self.data["modality.jsonl"] if row["kind"] == "past")
        self.manner_matcher = Matcher(self.nlp.vocab)
        for number, cue in enumerate(self.manners):
            words = cue["pattern"].split()
            pattern = []
            for word in words:
                if word == "*":
                    pattern += [{"IS_PUNCT": False, "OP": "?"}] * 3
                elif word == "not":
                    pattern.append({"LOWER": {"IN": sorted(NEG)}})
                else:
                    pattern.append({"LEMMA": word})
            self.manner_matcher.add(str(number), [pattern])

    def process(self, doc: Doc) -> None:
        doc._.candidates = self.extract(doc)

    # -- argument helpers ---------------------------------------------------
    def _np(self, token: Token) -> list[Token]:
        """The tokens of the noun phrase headed by ``token`` (no clauses or prepositions)."""
        out = [token]
        stack = [c for c in token.children if c.dep_ not in NP_STOP]
        # an apposition names the same entity: "head coach, Ruben Soto"
        stack += [c for c in token.children if c.dep_ == "appos"]
        while stack:
            child = stack.pop()
            out.append(child)
            stack.extend(c for c in child.children if c.dep_ not in NP_STOP)
        return out

    def _person(self, doc: Doc, token: Token | None) -> str | None:
        if token is None:
            return None
        antecedent = syntax.antecedent(token) or syntax.whose_antecedent(token)
        if antecedent is not None:
            return self._person(doc, antecedent)
        people = doc._.links["person"]
        if token.i not in people and token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha \
                and token.i not in doc._.links["team"] and token.ent_type_ in ("", "PERSON", "ORG", "NORP") \
                and not any(t.i in people for t in token.children) and not syntax.described(token):
            # a one-word name the model did not tag ("appoint Corbin"): the fullest name it ends
            full = [p for p in doc._.people or [] if p.split()[-1] == token.text
                    or p.split()[0] == token.text and len(p.split()) == 2 and "-" in p.split()[1]]
            return max(full, key=len) if full else token.text
        np = sorted(self._np(token), key=lambda t: (t.i != token.i, abs(t.i - token.i)))
        for t in np:
            if t.i in people and t.dep_ != "poss" or t.i == token.i and t.i in people:
                return people[t.i]
        for t in np:
            if t.i in people:
                return people[t.i]
        return self._name_before_title(doc, np)

    @staticmethod
    def _name_before_title(doc: Doc, np: list[Token]) -> str | None:
        """A one-word name the parser made part of the title after it: "named Zecão head coach"."""
        people, teams = doc._.links["person"], doc._.links["team"]
        starts = {r.start for r in doc.spans.get("roles", []) if r.label_ == "ROLE"}
        for t in np:
            if t.dep_ == "compound" and t.pos_ == "PROPN" and t.is_alpha and t.text[:1].isupper() \
                    and not t.text.isupper() and t.i + 1 in starts and t.i not in teams and t.i not in people \
                    and not (t.i > 0 and doc[t.i - 1].pos_ == "PROPN") and not t.is_sent_start:
                full = [p for p in doc._.people or [] if p.split()[-1] == t.text]
                return max(full, key=len) if full else t.text
        return None

    def _conjoined(self, doc: Doc, arguments: list[Token], person: str) -> list[str]:
        """Other people coordinated with the argument: "dismissed X and general manager Y", "X and Y were fired"."""
        people = doc._.links["person"]
        out: list[str] = []
        for argument in arguments:
            # a coordinated name, or a second subject the parser hung on the same verb
            siblings = [c for c in argument.head.children if c.dep_ == argument.dep_ and c.i != argument.i
                        and (c.i < c.head.i) == (argument.i < argument.head.i)]  # same side of the verb
            for conj in [*argument.conjuncts, *siblings]:
                name = people.get(conj.i) or self._person(doc, conj)
                if name and name != person and name not in out and conj.pos_ != "PRON":
                    out.append(name)
        return out

    @staticmethod
    def _own_title(doc: Doc, sent: Span, person: str) -> tuple[str | None, str | None]:
        """The title written right before a person's name, or right after it with "as": (coaching role, front-office title)."""
        people = doc._.links["person"]
        starts = [i for i, name in people.items() if name == person and sent.start <= i < sent.end
                  and people.get(i - 1) != person]
        ends = [i for i, name in people.items() if name == person and sent.start <= i < sent.end
                and people.get(i + 1) != person]
        after = {i + 2 for i in ends if i + 1 < len(doc) and doc[i + 1].lower_ == "as"}  # "X as defensive coordinator"
        return title_at(doc, ends_at=set(starts), starts_at=after)

    @staticmethod
    def _listed_objects(doc: Doc, head: Token, person: str) -> list[str]:
        """People listed after the verb in its own clause, however the parser hung the list: "fired head coach
        X, general manager Y and coordinator Z", "appointed X as head coach and Y as defensive coordinator"."""
        people = doc._.links["person"]
        roles = doc.spans.get("roles", [])

        def titled(node: Token) -> bool:
            return any(r.start <= node.i < r.end for r in roles)

        out: list[str] = []
        for token in head.subtree:
            name = people.get(token.i)
            if token.i <= head.i or not name or name == person or name in out or token.pos_ == "PRON":
                continue
            node, ok = token, True
            while node.i != head.i and ok:
                ok = node.dep_ in LIST_DEPS and node.pos_ not in ("VERB", "AUX") \
                    and not (node.dep_ == "prep" and node.lower_ != "as") \
                    and not (node.dep_ == "pobj" and (node.head.lower_ != "as" or not titled(node)))
                node = node.head
            if ok:
                out.append(name)
        return out + [n for n in syntax.titled_list_after(doc, head, person) if n not in out]

    def _team(self, doc: Doc, token: Token | None) -> str | None:
        if token is None:
            return None
        antecedent = syntax.antecedent(token)
        if antecedent is not None:
            return self._team(doc, antecedent)  # "the Buccaneers, who fired him in 2009"
        teams, opponents = doc._.links["team"], doc._.links.get("opponent", {})
        for t in sorted(self._np(token), key=lambda t: abs(t.i - token.i)):
            if t.i in teams and t.i not in opponents:
                return teams[t.i]
        # "as head coach of X", "as X's manager": one level of prepositions inside the phrase
        for t in self._np(token):
            for prep in t.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "at", "for", "with"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj":
                            found = self._team(doc, obj)
                            if found:
                                return found
        return None

    @staticmethod
    def _absolute_subject(token: Token) -> Token | None:
        """ "..., with former captain X joining him as assistant": the noun before a subjectless gerund."""
        if token.dep_ not in ("advcl", "acl") or token.tag_ != "VBG":
            return None
        for prep in token.head.children:
            if prep.dep_ == "prep" and prep.lower_ == "with" and prep.i < token.i:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.right_edge.i == token.i - 1:
                        return obj
        return None

    @classmethod
    def _subject(cls, head: Token) -> Token | None:
        token = head
        for _ in range(5):
            subj = [c for c in token.children if c.dep_ in SUBJ]
            before = [c for c in subj if c.i < token.i]
            if subj:
                # "NEW YORK GIANTS: Joe Judd was fired": a heading parsed as a second subject; a "subject"
                # after the verb is the parser's mistake for its object ("A replaces B, whose ...")
                return before[-1] if before else subj[0]
            absolute = cls._absolute_subject(token)
            if absolute is not None:
                return absolute
            if token.dep_ == "xcomp":
                teams = token.doc._.links["team"] if token.doc._.links else {}
                objects = [c for c in token.head.children if c.dep_ == "dobj" and c.i not in teams]  # not "leaving Tigres to"
                if objects:
                    return objects[0]  # "appoint X to succeed Y": X succeeds
            if token.dep_ in ("advmod", "acomp") and token.head.lemma_ == "be" and token.head.i != token.i:
                token = token.head  # "X is out as coach"
                continue
            if (token.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep")
                    or token.dep_ == "dep" and token.pos_ == "VERB" and token.head.pos_ == "VERB") and token.head.i != token.i:
                token = token.head  # "dep": a second verb the parser did not coordinate ("led X, then walked away")
                continue
            if token.dep_ in ("relcl", "acl") and token.head.i != token.i:
                if token.head.dep_ in ("dobj", "pobj") and token.head.head.pos_ in ("VERB", "AUX"):
                    token = token.head.head  # "agreed a contract to become their coach"
                    continue
                return token.head
            break
        return None

    @staticmethod
    def _adjacent_actor(doc: Doc, match: Span) -> str | None:
        """The person named right before an intransitive trigger ("as Van Riel takes charge",
        "Smith has stepped down"): in headlines the parser often hangs the real subject elsewhere."""
        people = doc._.links["person"]
        i = match.start - 1
        while i >= match.sent.start and doc[i].pos_ in ("AUX", "ADV", "PART") and doc[i].lower_ not in NEG:
            i -= 1
        if i < match.sent.start or i not in people or doc[i].dep_ == "poss":
            return None
        return people[i]

    @staticmethod
    def _passive(head: Token) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children) or (
            head.tag_ == "VBN" and head.dep_ in ("acl", "advcl") and not any(c.dep_ == "aux" for c in head.children)) \
            or syntax.headline_passive(head)

    @staticmethod
    def _preps(tokens: list[Token]) -> list[tuple[str, Token]]:
        """(preposition, object) pairs hanging from the trigger, including "as X of Y"."""
        out = []
        for token in tokens:
            for child in token.children:
                if child.dep_ in ("prep", "agent", "dative"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            out.append((child.lower_, obj))
                elif child.dep_ == "prt":
                    for grand in child.children:
                        if grand.dep_ == "prep":
                            out += [(grand.lower_, o) for o in grand.children if o.dep_ == "pobj"]
        return out

    def _objects(self, head: Token, match: Span, words: set[str] = frozenset()) -> list[Token]:
        """Objects of the trigger's tokens; inside a gapped match ("introduced X as") the gap may hold them.
        The parser sometimes labels the object a second subject ("A replaces B, whose contract ...")."""
        objs = [c for t in match for c in t.children if c.dep_ in OBJ and (c not in match or c.lemma_ not in words)]
        if not objs:
            links = head.doc._.links
            objs = [c for c in head.children if c.i > head.i and c.dep_ in SUBJ | {"npadvmod", "dep"}
                    and (c.i in links["person"] or c.i in links["team"])]
        return objs

    # -- role and date ------------------------------------------------------
    def _role(self, doc: Doc, sent: Span, person_tokens: list[int], trigger: Span,
              skip: frozenset[int] = frozenset()) -> tuple[str | None, bool, str | None]:
        """The coaching role nearest the person (or trigger), interim flag, and a front-office title if that is closer.

        Roles starting at a token index in ``skip`` (the person's old post, for a hire) are passed over.
        """
        roles = [r for r in doc.spans.get("roles", []) if sent.start <= r.start < sent.end and r.start not in skip]
        anchor = person_tokens or [trigger.start]
        interim = any(r.id_ == "interim" and abs(r.start - trigger.start) <= self.role_window * 2
                      and not syntax.in_other_clause(r.root, trigger.root)
                      and not (r.end < len(doc) and doc[r.end].lower_ in ("tag", "label")) for r in roles)
        # "removed the interim tag": the post is now permanent
        best = None
        for role in roles:
            points = anchor if role.label_ == "FRONT_OFFICE" else anchor + [trigger.start]
            distance = min(min(abs(role.start - a), abs(role.end - 1 - a)) for a in points)
            if role.label_ == "FRONT_OFFICE" and (not person_tokens or distance > 3 or self._former_title(doc, role)
                                                  or self._office_of_another(doc, role, person_tokens)):
                continue  # "the former England captain" was a player once; "GM Y" is Y's title
            if role.kb_id_ == "":
                continue
            if best is None or distance < best[0]:
                best = (distance, role)
        if best is None or best[0] > self.role_window:
            return None, interim, None
        role = best[1]
        if role.label_ == "FRONT_OFFICE":
            return None, interim, role.kb_id_
        return role.kb_id_, interim or role.id_ == "interim", None

    @staticmethod
    def _old_posts(doc: Doc, sent: Span, person_tokens: list[int], team: str | None,
                   promotion: bool = False) -> list[Span]:
        """Roles that name the post a person holds before a hire, not the new one.

        "stepped up from assistant", "his assistant X", "LSU defensive coordinator X" (another team's
        title in front of the name), "named assistant X their interim coach" (a title before the name
        and another after it).
        """
        teams = doc._.links["team"]
        roles = [r for r in doc.spans.get("roles", []) if sent.start <= r.start < sent.end and r.label_ == "ROLE"]
        last = max(person_tokens, default=-1)
        out = []
        for role in roles:
            root = role.root
            while root.dep_ in ("poss", "compound", "amod") and root.head.i != root.i:
                root = root.head  # "from the assistant's role", "from assistant coach duties"
            if root.dep_ == "pobj" and root.head.lower_ == "from" or syntax.under_from(role.root):
                out.append(role)
                continue
            if not any(0 <= i - role.end <= 1 for i in person_tokens):
                continue
            left = doc[role.start - 1] if role.start > sent.start else None
            owner = teams.get(left.i) if left is not None else None
            title_after = any(0 < r.start - last <= 4 for r in roles)
            # "promoted assistant coach X": the title before the name is the one he is promoted from
            if title_after or promotion or (left is not None and left.tag_ == "PRP$") or (owner is not None and owner != team):
                out.append(role)
        return out

    @staticmethod
    def _others_titles(doc: Doc, sent: Span, person: str | None) -> frozenset[int]:
        """Roles written right before another person's name ("his assistant Y"): not this person's title."""
        people = doc._.links["person"]
        out = set()
        for role in doc.spans.get("roles", []):
            if sent.start <= role.start < sent.end:
                # "his assistant Y", "assistant coach, Y": not "on a caretaker basis after Y was sacked"
                gap = role.end < sent.end and doc[role.end].pos_ in ("ADP", "SCONJ", "VERB", "AUX")
                after = [people.get(i) for i in (role.end, role.end + 1) if i < sent.end and not (gap and i > role.end)]
                names = [name for name in after if name is not None]
                if names and person not in names or syntax.subject_elsewhere(role, people, person):
                    out.add(role.start)
        return frozenset(out)

    def _former_title(self, doc: Doc, role: Span) -> bool:
        """A title the person held before: "the former Chelsea captain", "ex-general manager"."""
        before = doc[max(role.sent.start, min(role.start - 4, role.root.left_edge.i)):role.start]
        return any(t.lower_ in self.former_words for t in before)

    @staticmethod
    def _office_of_another(doc: Doc, role: Span, person_tokens: list[int]) -> bool:
        """An executive title that is someone else's: "fired both Hinch and GM Jeff Luhnow" (the next name's),
        "serving as general manager, firing Bob Hill" (across a verb)."""
        people = doc._.links["person"]
        if role.end < len(doc) and role.end in people and role.end not in person_tokens:
            return True
        nearest = min(person_tokens, key=lambda i: min(abs(i - role.start), abs(i - role.end)))
        between = doc[min(nearest + 1, role.end):max(nearest, role.start)]
        return any(t.pos_ == "VERB" for t in between)

    @staticmethod
    def _attached_role(doc: Doc, head: Token, match: Span, preps: list, objs: list[Token]) -> Span | None:
        """The title the trigger itself names: "as head coach", "promoted to manager", "named X caretaker"."""
        roles = doc.spans.get("roles", [])
        inside = [r for r in roles if match.start <= r.start and r.end <= match.end and r.kb_id_]
        if inside:
            return inside[0]  # "handed X the head coach's job"
        anchors = [o for p, o in preps if p in ("as", "to", "into")] + [o for o in objs if o.dep_ in ("oprd", "attr")]
        anchors += [c for c in head.children if c.dep_ in ("oprd", "attr", "xcomp")]
        # "returns to Arsenal as chief executive", "elevated coordinator X to head coach": the parser may
        # hang the "as"/"to" phrase on an object
        anchors += [g for o in objs for c in o.children if c.dep_ == "prep" and c.lower_ in ("to", "into", "as")
                    for g in c.children if g.dep_ == "pobj"]
        anchors += [g for _p, o in preps for c in o.children if c.dep_ == "prep" and c.lower_ == "as"
                    for g in c.children if g.dep_ == "pobj"]
        # "as head of the national team delegation": the post is inside the "of" phrase
        anchors += [g for a in list(anchors) for c in a.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
        for anchor in anchors:
            for role in roles:
                if role.start <= anchor.i < role.end:
                    return role
        return RelationExtractor._as_phrase_role(doc, match)

    @staticmethod
    def _as_phrase_role(doc: Doc, match: Span) -> Span | None:
        """The title in an "as ..." or "to ..." phrase right after the trigger, however the parser hung it:
        "is back as the owners' chief executive", "stepped up from assistant to caretaker"."""
        start = match.end
        if start + 2 < len(doc) and doc[start].lower_ == "from":
            start += 2 if doc[start + 2].lower_ in ("as", "to") else 0  # "from assistant to caretaker"
        if start >= len(doc) or doc[start].lower_ not in ("as", "to") or start > match.end and doc[start].lower_ != "to":
            return None
        for role in doc.spans.get("roles", []):
            gap = doc[start + 1:role.start]
            if role.start > start and role.start - start <= 6 and (role.kb_id_ or role.id_ == "interim") \
                    and not any(t.pos_ in ("VERB", "AUX", "PUNCT") for t in gap):
                return role
        return None

    def _date(self, doc: Doc, sent: Span, head: Token, found: Triggers,
              match: Span | None = None) -> tuple[Span | None, tuple[int, str] | None]:
        """The DATE expression attached to the trigger, or to a verb that governs it, and a shift (count, unit).

        The shift comes from "three days after he resigned" / "a day after X's sacking": the trigger's
        date is the governing clause's date minus the interval (with no date there, the news date).
        """
        ancestors = [head] + list(head.ancestors)
        best = None
        for ent in [*sent.ents, *unlabelled_shifts(doc, ancestors), *opening_shift(doc, sent)]:
            ent = trim_interval(doc, ent)
            if not point_in_time(doc, ent) or syntax.past_colon(doc, head, ent):
                continue
            if ent.root in ancestors[1:]:
                rank: float | None = 0  # "on June 5, when the club fired X": the date the clause describes
            elif bound_limit(doc, ent) and not self._since_start(doc, ent, head) or dates_an_occasion(ent, MATCH_WORDS):
                continue  # "a deal until 2026", "the first time since 2016", "the defeat on Saturday"
            else:
                rank = self._date_rank(ent, head, ancestors, found, match)
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, ent)
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
    def _since_start(doc: Doc, ent: Span, head: Token) -> bool:
        """ "has been in charge since the summer": a "since" phrase on the trigger itself dates its start."""
        return ent.start > 0 and doc[ent.start - 1].lower_ == "since" and doc[ent.start - 1].head.i == head.i

    def _date_rank(self, ent: Span, head: Token, ancestors: list[Token], found: Triggers,
                   match: Span | None = None) -> float | None:
        """How far up the trigger's clause chain the date's verb sits (0 = the trigger itself)."""
        qualified = ent.root.head
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
        if verb.lemma_ in REPORTING and verb.dep_ != "relcl" and not self._under_other_trigger(verb, head, found.heads):
            return 0.5  # "..., the club announced on Wednesday" (not "X, who announced on Monday that ...")
        if verb.head.i == head.i and same_time_clause(verb):
            return 1.5  # "left Sunderland to take the job in July", "took over when the season ended in May"
        return None

    # -- extraction ---------------------------------------------------------
    def _tree_matches(self, doc: Doc, found: set[tuple[int, int]]) -> list[tuple[int, int, dict, int]]:
        """Gapped triggers whose gap is longer than the token pattern allows, found on the parse:
        "put [a long description of X] in charge", "relieved [X and Y] of their duties"."""
        out = []
        for token in doc:
            if not token.tag_.startswith("VB"):
                continue
            for number, trigger, path in self.gapped.get(token.lemma_, ()):
                if (token.i, number) not in found and self._path(token, path):
                    out.append((token.i, token.i + 1, trigger, len(trigger["pattern"].split())))
        return out

    def _headline_matches(self, doc: Doc, found: set[tuple[int, int]]) -> list[tuple[int, int, dict, int]]:
        """Headline verbs the tagger takes for nouns, found on the words: "Celtic appoint X as manager",
        "Forest sack X" (a team right before a one-word transitive trigger, a person right after)."""
        teams, people = doc._.links["team"], doc._.links["person"]
        out = []
        for token in doc[1:-1]:
            if token.tag_.startswith("VB") or token.i - 1 not in teams or token.i + 1 not in people:
                continue
            for number, trigger in self.headline_triggers.get(token.lemma_, ()):
                if (token.i, number) not in found:
                    out.append((token.i, token.i + 1, trigger, 1))
        return out

    @staticmethod
    def _path(token: Token, lemmas: list[str]) -> bool:
        """Each lemma a child of the one before, starting from ``token`` (never a subject)."""
        current = token
        for lemma in lemmas:
            nxt = next((c for c in current.children if c.lemma_ == lemma and c.dep_ not in ("nsubj", "nsubjpass")), None)
            if nxt is None:
                return False
            current = nxt
        return True

    @staticmethod
    def _trigger_head(span: Span, trigger: dict) -> Token:
        """The token of the trigger's head word ("be" of "has been interim coach since", "be" of "would not be
        back"), else its first verb or noun."""
        word = next((w for w in trigger["pattern"].split() if w not in ("not", "*")), None)
        named = next((t for t in span if t.lemma_ == word), None)
        if named is not None and (named.pos_ in ("VERB", "NOUN", "PROPN") or word == "be" and named.dep_ not in ("aux", "auxpass")):
            return named
        return next((t for t in span if t.pos_ in ("VERB", "NOUN", "PROPN")), span[0])

    def extract(self, doc: Doc) -> list[Candidate]:
        matches = self.matcher(doc)
        spans = []
        found = set()
        for match_id, start, end in matches:
            number = int(self.nlp.vocab.strings[match_id])
            trigger = self.triggers[number]
            spans.append((start, end, trigger, end - start))
            found.add((start, number))
        spans += self._tree_matches(doc, found)
        spans += self._headline_matches(doc, found)
        # longest match per head token
        spans.sort(key=lambda m: (m[0], -m[3]))
        chosen: dict[int, tuple[int, int, dict]] = {}
        sizes: dict[int, int] = {}
        for start, end, trigger, size in spans:
            head = self._trigger_head(doc[start:end], trigger)
            if head.i not in chosen or size > sizes[head.i]:
                chosen[head.i] = (start, end, trigger)
                sizes[head.i] = size
        covered = set()
        ordered = []
        for head_i, (start, end, trigger) in sorted(chosen.items(), key=lambda kv: -(kv[1][1] - kv[1][0])):
            if any(i in covered for i in range(start, end)) and end - start == 1:
                continue
            covered.update(range(start, end))
            ordered.append((head_i, start, end, trigger))
        found = Triggers(heads=frozenset(head_i for head_i, *_ in ordered),
                         claimed=frozenset(head_i for head_i, _s, _e, trigger in ordered if trigger["strength"] == "strong"),
                         headings=tuple(self._headings(doc)))
        out: list[Candidate] = []
        for head_i, start, end, trigger in sorted(ordered):
            out.extend(self._candidates(doc, doc[head_i], doc[start:end], trigger, found))
        self._sentence_manners(doc, out)
        self._not_the_hiring_team(doc, out)
        self._not_the_team_left(out)
        return out

    @staticmethod
    def _not_the_team_left(candidates: list[Candidate]) -> None:
        """A hire whose team was only guessed is not by the team the same person leaves in the same
        sentence ("leaves his post at X to take his first club job"): it is vetoed, to stay explainable."""
        left = {(c.person, c.team, c.sentence) for c in candidates if c.type == "departure"}
        for cand in candidates:
            if cand.type == "hire" and (cand.person, cand.team, cand.sentence) in left \
                    and any(m in cand.rule for m in GUESSED_TEAM) and not cand.vetoed:
                cand.vetoed = "team_left"

    def _not_the_hiring_team(self, doc: Doc, candidates: list[Candidate]) -> None:
        """A departure whose team was only guessed (sentence, section, home) is not from the team the same
        person is hired by: it takes the team that qualifies the person elsewhere ("Fordham head coach X")."""
        hires = {(c.person, c.team) for c in candidates if c.type == "hire"}
        for cand in candidates:
            if cand.type != "departure" or (cand.person, cand.team) not in hires \
                    or not any(m in cand.rule for m in GUESSED_TEAM):
                continue
            sent = doc.char_span(*cand.sentence, alignment_mode="expand")
            other = self._article_person_team(doc, sent, cand.person, exclude={cand.team}) if sent else None
            if other:
                cand.team = other
                cand.notes.append("team:not_the_hiring_team")

    def _sentence_manners(self, doc: Doc, candidates: list[Candidate]) -> None:
        """A departure whose trigger says only that the coach left takes the manner its sentence states
        ("left by mutual consent", "stepped down when his contract ran out")."""
        cues: dict[int, list[tuple[frozenset[str], str]]] = {}
        for match_id, start, end in self.manner_matcher(doc):
            cue = self.manners[int(self.nlp.vocab.strings[match_id])]
            owners = syntax.cue_owners(doc, doc[start:end])
            cues.setdefault(doc[start].sent.start_char, []).append((owners, cue["manner"]))
        for cand in candidates:
            if cand.type != "departure" or cand.manner not in (None, "unknown", "resigned"):
                continue
            # a cue said of someone else ("replaced the sacked X", "X, whose contract ran out") is his manner
            found = {manner for owners, manner in cues.get(cand.sentence[0], []) if not owners or cand.person in owners}
            for manner in ("mutual_consent", "contract_expired", "retired", "fired", "resigned"):
                if manner in found and (cand.manner in (None, "unknown") or manner in ("mutual_consent", "contract_expired")):
                    cand.manner = manner
                    cand.notes.append(f"manner:{manner}")
                    break

    def _candidates(self, doc: Doc, head: Token, match: Span, trigger: dict, found: Triggers) -> list[Candidate]:
        sent = head.sent
        voice = trigger["voice"]
        people, teams = doc._.links["person"], doc._.links["team"]
        subj = self._subject(head) if voice != "noun" else None
        objs = self._objects(head, match, set(trigger["pattern"].split())) if voice != "noun" else []
        preps = self._preps(list(match))
        passive = voice != "noun" and self._passive(head)
        rule = f"{voice}:{trigger['pattern']}"
        person = team = None
        others: list[tuple[str, str | None, str]] = []  # extra (type, person, manner) for "A replaced B"
        prep_team = next((self._team(doc, o) for p, o in preps if p in ("of", "at", "with", "for", "by", "as")
                          and self._team(doc, o)), None)
        if voice == "transitive":
            if passive:
                person = self._person(doc, subj)
                if head.dep_ in ("acl",) and person is None:
                    person = self._person(doc, head.head)
                if person is None and any(self._person(doc, o) for o in objs):
                    passive = False  # a participle the parser hung on a noun, with its object: "named X as coach"
            if passive:
                agent = next((o for p, o in preps if p == "by"), None)
                team = self._team(doc, agent) or prep_team
                rule += ":passive"
            else:
                for obj in objs + [o for p, o in preps if p == "to" and not objs]:
                    person = person or self._person(doc, obj)  # "handed the reins to X"
                team = self._team(doc, subj) or next((self._team(doc, o) for o in objs if self._team(doc, o)), None) or prep_team
                if person is None and subj is None and not objs and match.start > 0:
                    # a headline the parser flattened: "Watford sack Rob Edwardson", "Celtic appoint X as manager"
                    person = people.get(match.end)
                    team = team or teams.get(match.start - 1)
                rule += ":active"
        elif voice == "intransitive":
            person = self._adjacent_actor(doc, match) or self._person(doc, subj)
            team = next((self._team(doc, o) for o in objs if self._team(doc, o)), None) or prep_team
            if team is None and trigger["type"] == "departure":
                team = next((self._team(doc, o) for p, o in preps if p == "from" and self._team(doc, o)), None)
        elif voice == "symmetric":
            sides = [subj] + [o for p, o in preps if p in ("with", "from")] + objs
            sides += [c for side in sides if side is not None for c in side.conjuncts]  # "the Red Sox and X agreed"
            person = next((self._person(doc, s) for s in sides if self._person(doc, s)), None)
            team = next((self._team(doc, s) for s in sides if self._team(doc, s)), None)
        elif voice == "replace":
            if passive:
                old = self._person(doc, subj)
                new = next((self._person(doc, o) for p, o in preps if p == "by"), None)
            else:
                new = self._person(doc, subj)
                old = next((self._person(doc, o) for o in objs if self._person(doc, o)), None)
                with_new = next((self._person(doc, o) for p, o in preps if p == "with" and self._person(doc, o)), None)
                if with_new and not new:
                    new = with_new  # "the club replaced him with Lyle Brandt"
            person = new
            # the subject's team, unless the subject is a person ("Y replaces X") or a past post ("the former
            # Ajax coach replaces X"); "the club replaced him with Y" keeps the club
            titled = subj is not None and any(r.start <= subj.i < r.end for r in doc.spans.get("roles", []))
            subj_team = self._team(doc, subj) if subj is not None and not self._person(doc, subj) and not titled \
                and not any(t.lower_ in self.former_words for t in self._np(subj)) else None  # "the Duke head coach" is a person
            # "replaced X at Brentford": the replaced coach's team, when the parser hangs it on him
            obj_team = next((self._team(doc, o) for o in objs if self._team(doc, o)
                             and not any(t.lower_ in self.former_words for t in self._np(o))), None)
            team = prep_team or subj_team or obj_team
            if old and old != new:
                others.append(("departure", old, "unknown"))
        elif voice == "noun":
            poss = [c for c in head.children if c.dep_ == "poss"]
            of = [o for p, o in preps if p == "of"]
            for token in poss + of:
                person = person or self._person(doc, token)
                team = team or self._team(doc, token)
            # "his departure from X" names the team left; "his arrival from X" names where he came from
            noun_preps = ("at", "by", "as", "with", "from") if trigger["type"] == "departure" else ("at", "by", "as", "with")
            team = team or next((self._team(doc, o) for p, o in preps if p in noun_preps
                                 and self._team(doc, o)), None)
            compound_team = [c for c in head.children if c.dep_ == "compound" and c.i in teams]
            if team is None and compound_team:
                team = teams[compound_team[0].i]
            if person is None and head.dep_ == "dobj" and trigger["type"] == "hire":
                # "announced the appointment of X" is covered above; "X's hiring" by poss
                pass
        if voice == "transitive" and trigger["type"] == "hire":
            argument = subj if passive else (objs[0] if objs else None)
            if argument is not None and argument.i in found.heads and argument.i != head.i:
                return []  # "X's sacking was confirmed": the argument is another transition
        if person is None and voice == "transitive" and head.dep_ == "amod":
            person = self._person(doc, head.head)  # "replacing the fired Gerard Gallant"
        fallback = False
        if person is None and trigger["strength"] == "strong":
            person = self._nearest(sent, head, people, found.heads)
            fallback = person is not None
        if person is None and not others:
            return []
        person_tokens = [i for i, name in people.items() if name == person and sent.start <= i < sent.end]
        destinations = self._destinations(doc, head) if trigger["type"] == "departure" else []
        if team is not None and destinations and team in {teams[t.i] for t in destinations}:
            team = None
        person_team = self._person_team(doc, sent, person) if person else None
        if team is None and person_team and trigger["type"] == "departure":
            team = person_team
            rule += ":person_team"
        if team is None:
            exclude = {person_team} if person_team and trigger["type"] == "hire" else set()
            if trigger["type"] == "hire":  # "arrived from Army after five seasons at West Point": not the new team
                exclude |= {name for p, o in preps if p == "from" and (name := self._team(doc, o))}
            exclude |= {teams[t.i] for t in destinations}
            if trigger["type"] == "hire":  # "his arrival from Luton": where he came from
                exclude |= {self._team(doc, o) for p, o in preps if p == "from"} - {None}
            team = syntax.where_clause_team(head, teams)
            if team is not None:
                rule += ":where_team"
            elif (team := self._sentence_team(doc, sent, head, person, exclude, found.heads)) is not None:
                rule += ":sentence_team"
            elif person and trigger["type"] == "departure" and not destinations \
                    and self._article_person_team(doc, sent, person):
                team = self._article_person_team(doc, sent, person)
                rule += ":person_team"
            else:
                team = self._section_team(sent, found.headings)
                rule += ":paragraph_team" if team else ":home_team"
                team = team or doc._.home_team
        # "promoted assistant coach X", "assistant X takes charge": the title before the name is the one he leaves
        # and so does a successor's ("associate head coach X will succeed Y"), when the titled name is the subject
        promotion = head.lemma_ in PROMOTION or voice == "intransitive" \
            or voice == "replace" and subj is not None and subj.pos_ != "PRON" and subj.i in person_tokens
        old_posts = self._old_posts(doc, sent, person_tokens, team, promotion=promotion) \
            if trigger["type"] == "hire" else []
        # "left X to become an assistant with Y": the title in the purpose clause is the new post's
        new_posts = self._destination_roles(doc, head) if trigger["type"] == "departure" else []
        skip = frozenset(r.start for r in old_posts + new_posts) | self._others_titles(doc, sent, person)
        role, interim, front_office = self._role(doc, sent, person_tokens, match, skip)
        attached = self._attached_role(doc, head, match, preps, objs)
        if attached is not None and attached.label_ == "ROLE" and attached.kb_id_:
            role, interim = attached.kb_id_, interim or attached.id_ == "interim"
        elif attached is not None and attached.label_ == "ROLE" and attached.id_ == "interim":
            role, interim = None, True  # "stepped up from assistant to caretaker": the head post, for now
        elif attached is not None and attached.label_ == "FRONT_OFFICE" and attached.kb_id_:
            role, front_office = None, attached.kb_id_  # "returns as chief executive", "to become sporting director"
        date, date_shift = self._date(doc, sent, head, found, match)
        base = dict(team=team, role=role, interim=interim, trigger=(match.start_char, match.end_char),
                    sentence=(sent.start_char, sent.end_char), strength=trigger["strength"],
                    date_text=date.text if date is not None else None,
                    date_span=(date.start_char, date.end_char) if date is not None else None,
                    date_shift=date_shift[0] if date_shift else None,
                    date_shift_unit=date_shift[1] if date_shift else "day")
        out = []
        if person is not None:
            cand = Candidate(type=trigger["type"], manner=trigger.get("manner") if trigger["type"] == "departure" else None,
                             person=person, rule=rule + (":nearest_person" if fallback else ""), **base)
            if date is not None:
                cand.notes.append(DATE_NOTES[date.label_])
            if front_office:
                cand.notes.append(f"front_office:{front_office}")
            if attached is not None and attached.kb_id_:
                cand.notes.append("role:attached")
            out.append(cand)
        if person is not None and (destinations or trigger["type"] == "departure" and self._moves_on(head)):
            out[0].manner = "moved"
            for token in destinations[:1]:
                # with no title of its own, the new post is taken to be of the same rank as the old one
                new_role = next((r.kb_id_ for r in new_posts if r.label_ == "ROLE" and r.kb_id_), base["role"])
                out.append(Candidate(type="hire", manner=None, person=person, team=teams[token.i],
                                     rule=rule + ":moved_to", **{k: v for k, v in base.items() if k != "team"}
                                     | {"interim": False, "strength": "weak", "role": new_role}))
        if person is not None and out and voice != "replace":
            # "dismissed X and general manager Y", "coordinators X and Y were fired": one transition each
            arguments = [t for t in ([subj] if passive or voice in ("intransitive", "symmetric") else objs) if t is not None]
            coordinated = self._conjoined(doc, arguments, person)
            if voice == "transitive" and not passive:
                coordinated += [n for n in self._listed_objects(doc, head, person) if n not in coordinated]
            coordinated += [name for name in self._conjoined_people(doc, person_tokens, person, head)
                            if name not in coordinated]
            for other in coordinated:
                tokens = [i for i, name in people.items() if name == other and sent.start <= i < sent.end]
                other_role, other_office = self._own_title(doc, sent, other)
                other_interim = False
                if other_role is None and other_office is None:
                    other_role, other_interim, other_office = self._role(doc, sent, tokens, match)
                extra = Candidate(type=trigger["type"], manner=out[0].manner, person=other, rule=out[0].rule + ":conj",
                                  **{**base, "role": other_role, "interim": other_interim})
                if other_office:
                    extra.notes.append(f"front_office:{other_office}")
                out.append(extra)
        for type_, other, manner in others:
            out.append(Candidate(type=type_, manner=manner, person=other, rule=rule + ":replaced",
                                 **{**base, "interim": False, "strength": "weak"}))
        # a coach hired away from the team he coaches: "hired Fordham head coach X", "lured X from Brighton"
        if trigger["type"] == "hire" and person is not None and not any(t.lemma_ in self.dual_role for t in sent):
            moved = self._moved_from(doc, sent, head, person, team)
            if person_team and person_team != team and person_team not in moved:
                moved.append(person_team)
            old_role = old_posts[0].kb_id_ if old_posts and old_posts[0].kb_id_ else base["role"]
            for moved_from in moved:
                out.append(Candidate(type="departure", manner="moved", person=person, team=moved_from,
                                     rule=rule + ":moved_from", **{k: v for k, v in base.items() if k != "team"}
                                     | {"interim": False, "role": old_role}))
            elsewhere = self._article_description(doc, sent, person, exclude={team}) \
                if not moved and team and not self._keeps_post(doc, person) and not rule.endswith(":where_team") \
                else None  # a "where" clause tells the team's past, the description the person's present
            if elsewhere is not None:
                # "Callan had been the Bengals offensive coordinator": the team the person coaches, said elsewhere
                role = self._described_role(doc, elsewhere[1], person) or base["role"]
                out.append(Candidate(type="departure", manner="moved", person=person, team=elsewhere[0],
                                     rule=rule + ":moved_from", **{k: v for k, v in base.items() if k not in ("team", "role")}
                                     | {"interim": False, "role": role}))
        return out

    @staticmethod
    def _is_argument(token: Token, trigger_head: Token) -> bool:
        """The phrase is the trigger's subject or object, or the object of one of its prepositions."""
        if token.head.i == trigger_head.i:
            return token.dep_ in SUBJ | OBJ
        return token.dep_ == "pobj" and token.head.head.i == trigger_head.i

    def _conjoined_people(self, doc: Doc, person_tokens: list[int], person: str, trigger_head: Token) -> list[str]:
        """Other people coordinated with the person's phrase ("X and Y were fired")."""
        found: list[str] = []
        people = doc._.links["person"]
        for i in person_tokens:
            head = doc[i]
            while head.dep_ in ("compound", "flat", "appos") and head.head.i != head.i:
                head = head.head
            if not self._is_argument(head, trigger_head):
                continue
            stack = [c for c in head.children if c.dep_ == "conj"]
            if head.dep_ in SUBJ:  # two subjects where the parser missed the coordination (same side of the verb)
                stack += [c for c in head.head.children if c.dep_ in SUBJ and c.i != head.i
                          and (c.i < head.head.i) == (head.i < head.head.i)]
            # "coordinator X and coordinator Y", parsed as two appositions of the first title
            if head.i not in people:
                stack += [c for c in head.children if c.dep_ == "appos" and c.i in people and c.i not in person_tokens]
            while stack:
                conj = stack.pop()
                stack.extend(c for c in conj.children if c.dep_ == "conj")
                name = self._person(doc, conj)
                if name and name != person and name not in found:
                    found.append(name)
        return found

    @staticmethod
    def _nearest(sent: Span, head: Token, people: dict[int, str], heads: frozenset[int]) -> str | None:
        """The person named nearest the trigger in its sentence, leaving out the arguments of other triggers
        ("hired the Duke coach to replace the fired X": X is the fired one, not the hire)."""
        doc = sent.doc
        inside = [(abs(i - head.i), name) for i, name in people.items() if sent.start <= i < sent.end
                  and not RelationExtractor._under_other_trigger(doc[i], head, heads)]
        return min(inside)[1] if inside else None

    def _person_team(self, doc: Doc, sent: Span, person: str | None) -> str | None:
        """The team that qualifies the person's name: "Fordham's Sean Dorsey", "Fordham head coach Sean Dorsey"."""
        people, teams = doc._.links["person"], doc._.links["team"]
        for i, name in people.items():
            if name != person or not (sent.start <= i < sent.end):
                continue
            token = doc[i]
            if any(t.lower_ in self.former_words for t in self._np(token)):
                continue  # "the former Barcelona midfielder" played there once: no team of his now
            for t in self._np(token):
                if t.i in teams and t.i < i and not syntax.former(t, self.former_words):
                    return teams[t.i]
            j = i - 1
            while j >= sent.start and (doc[j].pos_ in ("PROPN", "NOUN") and j not in teams or doc[j].tag_ == "POS"):
                if any(r.start <= j < r.end for r in doc.spans.get("roles", [])) or doc[j].tag_ == "POS":
                    j -= 1
                    continue
                break
            if j >= sent.start and j in teams and j < i - 1 and not syntax.former(doc[j], self.former_words):
                return teams[j]
            described = self._described_team(doc, token) or self._possessed_team(doc, token)
            if described:
                return described
        return None

    @staticmethod
    def _possessed_team(doc: Doc, token: Token) -> str | None:
        """The team a person's possessive names: "His club, Santos, said", "members of his Montréal staff"."""
        teams, opponents = doc._.links["team"], doc._.links.get("opponent", {})
        if token.dep_ != "poss" or token.pos_ != "PRON" or token.head.pos_ != "NOUN":
            return None
        owned = token.head
        for child in owned.children:
            if child.dep_ in ("appos", "compound") and child.i in teams and child.i not in opponents:
                return teams[child.i]
        return None

    def _described_team(self, doc: Doc, token: Token) -> str | None:
        """The team of a coaching title that describes the person: "Sean Dorsey, the Fordham head coach",
        "Callan, who has been the Bengals' offensive coordinator", "Callan was the Bengals offensive coordinator"."""
        teams, opponents = doc._.links["team"], doc._.links.get("opponent", {})
        roles = [r for r in doc.spans.get("roles", []) if r.label_ == "ROLE"]
        phrases = [c for c in token.children if c.dep_ == "appos"]
        phrases += [c for c in token.children if c.dep_ == "relcl" and c.lemma_ == "be" and not syntax.future(c)]
        if token.dep_ == "nsubj" and token.head.lemma_ == "be" and not syntax.future(token.head):
            phrases += [c for c in token.head.children if c.dep_ == "attr"]
        for phrase in phrases:
            words = {t.i for t in phrase.subtree}
            for role in (r for r in roles if r.start in words):
                for i in sorted(words):
                    if i in teams and i not in opponents and not syntax.former(doc[i], self.former_words) and syntax.qualifies(doc[i], role.root):
                        return teams[i]
        return None

    def _article_person_team(self, doc: Doc, sent: Span, person: str, exclude: set[str] = frozenset()) -> str | None:
        """The team that qualifies the person elsewhere in the article ("Fordham head coach Sean Dorsey"),
        the latest before this sentence, else the first after it."""
        found = self._article_description(doc, sent, person, exclude)
        return found[0] if found else None

    def _article_description(self, doc: Doc, sent: Span, person: str, exclude: set[str] = frozenset()
                             ) -> tuple[str, Span] | None:
        """(team, sentence) of the title that qualifies the person elsewhere in the article."""
        people = doc._.links["person"]
        found = [(other.start < sent.start, self._person_team(doc, other, person), other) for other in doc.sents
                 if other.start != sent.start and any(people.get(i) == person for i in range(other.start, other.end))]
        before = [(team, other) for is_before, team, other in found if is_before and team and team not in exclude]
        after = [(team, other) for is_before, team, other in found if not is_before and team and team not in exclude]
        return before[-1] if before else after[0] if after else None

    def _keeps_post(self, doc: Doc, person: str) -> bool:
        """Whether a sentence about the person says he keeps his other post ("will keep FC Goa job")."""
        people = doc._.links["person"]
        return any(any(people.get(t.i) == person for t in sent) and any(t.lemma_ in self.dual_role for t in sent)
                   for sent in doc.sents)

    def _described_role(self, doc: Doc, sent: Span, person: str) -> str | None:
        """The coaching title next to the person in ``sent`` ("the Bengals offensive coordinator")."""
        tokens = [i for i, name in doc._.links["person"].items() if name == person and sent.start <= i < sent.end]
        if not tokens:
            return None
        role, _interim, _front_office = self._role(doc, sent, tokens, doc[tokens[0]:tokens[0] + 1])
        return role

    @staticmethod
    def _qualified_person(doc: Doc, token: Token) -> str | None:
        """The person a team qualifies: "Luis Ocampo of the White Sox", "the Bengals' coordinator Rob Kessler"."""
        people = doc._.links["person"]
        current = token
        for _ in range(4):
            if current.dep_ not in ("pobj", "prep", "poss", "compound", "appos", "nmod") or current.head.i == current.i:
                return None
            current = current.head
            if current.i in people:
                return people[current.i]
        return None

    @staticmethod
    def _under_other_trigger(token: Token, head: Token, heads: frozenset[int]) -> bool:
        """Whether another trigger governs ``token`` below where it meets ``head`` (its own clause), or
        ``token`` is the object of a trigger ``head`` is coordinated with ("departs Welford Road and will join
        Scotland": Welford Road belongs to "departs"; a shared subject belongs to both)."""
        above_head = {t.i for t in [head, *head.ancestors]}
        child = token
        for ancestor in token.ancestors:
            if ancestor.i in above_head:
                return ancestor.i != head.i and ancestor.i in heads and child.dep_ not in SUBJ \
                    and RelationExtractor._coordinated_below(head, ancestor)
            if ancestor.i in heads:
                return True
            child = ancestor
        return False

    @staticmethod
    def _coordinated_below(head: Token, ancestor: Token) -> bool:
        """Whether ``head`` hangs from ``ancestor`` as a clause of its own: coordinated ("leaves X and will
        join Y") or a purpose clause ("leaving Tigres to succeed Gallo")."""
        token = head
        while token.i != ancestor.i and token.head.i != token.i:
            if token.dep_ in ("conj", "xcomp", "advcl"):
                return True
            token = token.head
        return False

    @staticmethod
    def _moves_on(head: Token) -> bool:
        """A departure with a purpose clause of taking another job: "quit Hull to take the Norwich job"."""
        return any(c.dep_ in ("xcomp", "advcl") and c.lemma_ in DESTINATION_VERBS - {"return", "replace", "succeed"}
                   and any(m.lower_ == "to" for m in c.children if m.dep_ == "aux") for c in head.children)

    def _destinations(self, doc: Doc, head: Token) -> list[Token]:
        """Teams in a purpose clause of a departure: "left Michigan to coach the Chargers"."""
        teams, opponents = doc._.links["team"], doc._.links.get("opponent", {})
        out = []
        for child in head.children:
            if child.dep_ in ("xcomp", "advcl") and child.lemma_ in DESTINATION_VERBS:
                out += [t for t in child.subtree if t.i in teams and t.dep_ in ("dobj", "pobj") and t.i not in opponents]
            elif child.dep_ == "prep" and child.lower_ == "for" and head.lemma_ in LEAVING_FOR_VERBS:
                # "left Wake Forest for Auburn", "bolted for Auburn"
                out += [t for t in child.children if t.i in teams and t.dep_ == "pobj" and t.i not in opponents]
        return out

    @staticmethod
    def _destination_roles(doc: Doc, head: Token) -> list[Span]:
        """Titles inside a departure's purpose clause or "for" phrase: "left to become an assistant with Y",
        "leaves for the Sounders assistant's role" name the post he goes to, not the one he leaves."""
        clause: set[int] = set()
        for child in head.children:
            if child.dep_ in ("xcomp", "advcl") and child.lemma_ in DESTINATION_VERBS \
                    or child.dep_ == "prep" and child.lower_ == "for" and head.lemma_ in LEAVING_FOR_VERBS:
                clause |= {t.i for t in child.subtree}
        return [r for r in doc.spans.get("roles", []) if r.root.i in clause]

    def _sentence_team(self, doc: Doc, sent: Span, head: Token, person: str | None,
                       exclude: set[str], heads: frozenset[int]) -> str | None:
        teams, opponents = doc._.links["team"], doc._.links.get("opponent", {})
        options = []
        for i, name in teams.items():
            if not (sent.start <= i < sent.end) or name in exclude or i in opponents:
                continue
            token = doc[i]
            root = token
            while root.dep_ in ("compound", "flat") and teams.get(root.head.i) == name and root.head.i != root.i:
                root = root.head  # the name's head word: "RB" of "RB Leipzig" is in the phrase "from RB Leipzig"
            if root.dep_ == "pobj" and root.head.lower_ == "from":
                continue
            if self._under_other_trigger(token, head, heads) or syntax.former(token, self.former_words):
                continue
            owner = self._qualified_person(doc, token)
            if owner is not None and owner != person:
                continue  # "after Luis Ocampo of the White Sox": another person's team
            prep = token.head if token.dep_ == "pobj" else None
            if prep is not None and (prep.lower_ in TEAM_STOP_PREPS | {"from"} or prep.head.lemma_ in MATCH_WORDS):
                continue
            if any(a.lemma_ in MATCH_WORDS and a.i != head.i for a in list(token.ancestors)[:3]):
                continue
            distance = syntax.tree_distance(token, head)
            if distance <= self.team_distance:
                options.append((distance, abs(i - head.i), name))
        return min(options)[2] if options else None

    @staticmethod
    def _heading_team(doc: Doc, line: Span) -> str | None:
        """The team a heading names: a line "CHICAGO BEARS:" / "• JUVENTUS — ...", or a short line with no verb."""
        teams, opponents = doc._.links["team"], doc._.links.get("opponent", {})
        words = [t for t in line if not t.is_space]
        while words and words[0].is_punct:
            words = words[1:]  # a bullet
        named = [teams[t.i] for t in words if t.i in teams and t.i not in opponents]
        row_end = doc_text(doc).find("\n", line.start_char)
        if not named or "|" in doc_text(doc)[line.start_char:row_end if row_end >= 0 else len(doc_text(doc))]:
            return None  # a table row names its own team only
        if any(t.text in (":", "—", "–") for t in words[:6]) and words[0].i in teams:
            return named[0]
        if words[0].i in teams and words[0].text.isupper() and len(words[0].text) > 3:
            return named[0]  # a lede that opens with the team in capitals: "BURNLEY, relegated last month, ..."
        if len(words) <= 6 and not any(t.pos_ in ("VERB", "AUX") for t in words):
            return named[0]
        return None

    def _headings(self, doc: Doc) -> list[tuple[int, str]]:
        """(start char, team) of the section headings of the body. One lone "CARDIFF —" is a dateline, not a
        section: an article has sections when at least two headings name different teams."""
        body = doc._.body_offset or 0
        out = []
        for line in doc.sents:
            if line.start_char < body or doc_text(doc)[doc_text(doc).rfind("\n", 0, line.start_char) + 1:line.start_char].strip():
                continue  # the title, or not the start of a line
            team = self._heading_team(doc, line)
            if team is not None:
                out.append((line.start_char, team))
        return out if len({team for _, team in out}) >= 2 else []

    @staticmethod
    def _section_team(sent: Span, headings: tuple[tuple[int, str], ...]) -> str | None:
        """The team of the latest section heading at or above the sentence."""
        above = [team for start, team in headings if start <= sent.start_char]
        return above[-1] if above else None

    def _moved_from(self, doc: Doc, sent: Span, head: Token, person: str, team: str | None) -> list[str]:
        teams, people = doc._.links["team"], doc._.links["person"]
        found = []
        for i, name in teams.items():
            if not (sent.start <= i < sent.end) or name == team:
                continue
            token = doc[i]
            if token.dep_ == "pobj" and token.head.lower_ == "from" and not syntax.origin(doc, token.head):
                found.append(name)
                continue
            owned = token.head if token.dep_ == "poss" else None
            if owned is not None and owned.dep_ == "pobj" and owned.head.lower_ == "from" \
                    and owned.lemma_.lower() in self.post_words and not syntax.origin(doc, owned.head):
                found.append(name)  # "hired X from the Pelicans' bench"
                continue
            # "<Team> head coach <Person>": the team qualifies the person's current title
            j = i
            while j + 1 < sent.end and (j + 1 in teams and teams[j + 1] == name or doc[j + 1].tag_ == "POS"):
                j += 1
            k = j + 1
            roles = [r for r in doc.spans.get("roles", []) if r.start == k and r.label_ == "ROLE"]
            if roles and roles[0].end < sent.end and people.get(roles[0].end) == person and not syntax.former(token, self.former_words):
                found.append(name)
        return list(dict.fromkeys(found))
