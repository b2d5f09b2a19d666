"""Stage 3, relation extraction: trigger lexicon + dependency patterns → candidate transitions.

A trigger (models/triggers.jsonl) is matched on lemmas; its ``voice`` says how
its arguments sit in the parse:

- ``transitive``: a team acts on the coach ("Spain dismissed Lopetegui",
  "Potter was appointed by Chelsea");
- ``intransitive``: the coach acts ("Osorio stepped down", "took charge of El Tri");
- ``symmetric``: coach and team part ("parted ways with X");
- ``replace``: "A replaced B" (A's hire and B's departure);
- ``noun``: a nominalization ("the sacking of X", "X's appointment").

Each candidate keeps its rule id, trigger span and sentence for ``explain``.
Writes ``doc._.candidates``.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Iterable

import srsly
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span, Token

from .. import resources
from ..candidates import Candidate
from ..extensions import register_extensions

SUBJ = {"nsubj", "nsubjpass", "csubj"}
OBJ = {"dobj", "dative", "oprd", "attr"}
NP_STOP = {"prep", "relcl", "acl", "advcl", "punct", "cc", "conj", "ccomp", "xcomp", "mark", "appos"}
NEG = {"not", "n't", "never"}
DURATION = re.compile(r"(\d+-year-old|\b(years?|months?|weeks?|days?|hours?|minutes?|seasons?|decades?)\b(?!.*\b(ago|later|earlier|after|before)\b))", re.I)
RELATIVE = re.compile(r"^(last|this|earlier this|late last|early last)\s+(week|month|year|season)$", re.I)
COARSE_DATE = re.compile(r"^(in |the )?((early|late|mid-)?\s*(19|20)\d\d|[A-Z][a-z]+ (19|20)\d\d)$")
MATCH_WORDS = {"defeat", "win", "victory", "loss", "draw", "game", "match", "tie", "final", "clash", "trip",
               "derby", "meeting", "semifinal", "semi-final", "opener", "beat", "lose", "face", "play", "thrash"}
DESTINATION_VERBS = {"join", "coach", "take", "become", "manage", "lead", "replace", "succeed", "return", "move"}
REPORTING = {"announce", "confirm", "say", "reveal", "state", "tell", "declare", "inform", "make"}
PLAYER_ROLES = {"player", "captain"}
PAST = {"former", "ex", "ex-", "erstwhile", "one-time", "onetime"}
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
            elif word == "out":
                pattern.append({"LOWER": "out", "DEP": {"IN": ["ROOT", "advmod", "prt", "acomp"]}})
            else:
                # verbs, including gerunds and participles the tagger calls nouns or adjectives
                pattern.append({"LEMMA": word, "TAG": {"REGEX": "^VB"}})
            head_done = True
    return pattern


def _tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of a sentence through their lowest common ancestor."""
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in index_b:
            return n + index_b[token.i]
    return len(up_a) + len(up_b)


def _past_title(doc: Doc, role: Span) -> bool:
    """ "the former Barcelona midfielder": a playing career once had (a former executive stays one)."""
    return role.kb_id_ in PLAYER_ROLES and any(t.lower_ in PAST for t in doc[max(role.sent.start, role.start - 6):role.start])


def _origin(doc: Doc, prep: Token) -> bool:
    """ "the 48-year-old from Puerto Rico": a "from" phrase on a description says where one comes from."""
    owner = prep.head
    roles = {i for r in doc.spans.get("roles", []) for i in range(r.start, r.end)}
    return owner.pos_ in ("NOUN", "ADJ", "NUM") and owner.i not in doc._.links["person"] and owner.i not in roles


def _whose_antecedent(token: Token) -> Token | None:
    """ "Declan Kidney, whose contract was not renewed": the person a 'whose' phrase belongs to."""
    if not any(c.tag_ == "WP$" for c in token.children):
        return None
    clause = token.head
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    return clause.head


def _antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Dean Whitlock, who was sacked" → Whitlock."""
    if token.tag_ not in ("WP", "WDT") or token.head.i == token.i:
        return None
    clause = token.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "who led the side and was then released"
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    return clause.head


class RelationExtractor(Pipe):
    def __init__(self, nlp: Language, name: str = "coaching_relations", *, data_dir: str | None = None,
                 role_window: int = 12, team_distance: int = 4) -> None:
        register_extensions()
        self.nlp = nlp
        self.name = name
        self.role_window = role_window
        self.team_distance = team_distance  # edges in the parse between a trigger and a team it may take
        self.initialize(data_dir=data_dir)

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None, data_dir: str | None = None) -> None:
        directory = Path(data_dir) if data_dir else None
        self.triggers = resources.load("triggers.jsonl", directory)
        self.matcher = Matcher(self.nlp.vocab)
        for number, trigger in enumerate(self.triggers):
            self.matcher.add(str(number), [_token_pattern(trigger)])
        self.manners = resources.load("manners.jsonl", directory)
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

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(Path(path) / "triggers.jsonl", self.triggers)
        srsly.write_jsonl(Path(path) / "manners.jsonl", self.manners)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "RelationExtractor":
        self.initialize(data_dir=str(path))
        return self

    def __call__(self, doc: Doc) -> Doc:
        error_handler = self.get_error_handler()
        try:
            doc._.candidates = self.extract(doc)
        except Exception as error:
            error_handler(self.name, self, [doc], error)
        return doc

    # -- argument helpers ---------------------------------------------------
    def _np(self, token: Token) -> list[Token]:
        """The tokens of the noun phrase headed by ``token`` (no clauses or prepositions)."""
        out = [token]
        stack = [c for c in token.children if c.dep_ not in NP_STOP]
        # an apposition names the same entity: "head coach, Julen Lopetegui"
        stack += [c for c in token.children if c.dep_ == "appos"]
        while stack:
            child = stack.pop()
            out.append(child)
            stack.extend(c for c in child.children if c.dep_ not in NP_STOP)
        return out

    def _person(self, doc: Doc, token: Token | None) -> str | None:
        if token is None:
            return None
        people = doc._.links["person"]
        antecedent = _antecedent(token) or _whose_antecedent(token)
        if antecedent is not None:
            return self._person(doc, antecedent)
        if token.i not in people and token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha \
                and token.i not in doc._.links["team"] and token.ent_type_ in ("", "PERSON", "ORG", "NORP") \
                and not any(t.i in people for t in token.children):
            # a one-word name the model did not tag ("appoint Galtier"): the fullest name it ends
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
        return None

    def _team(self, doc: Doc, token: Token | None) -> str | None:
        if token is None:
            return None
        teams = doc._.links["team"]
        for t in sorted(self._np(token), key=lambda t: abs(t.i - token.i)):
            if t.i in teams:
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
    def _subject(head: Token) -> Token | None:
        token = head
        for _ in range(5):
            subj = [c for c in token.children if c.dep_ in SUBJ]
            if subj:
                return subj[-1]  # "CHICAGO BEARS: Matt Nagy was fired": a heading parsed as a second subject
            if token.dep_ == "xcomp":
                objects = [c for c in token.head.children if c.dep_ == "dobj"]
                if objects:
                    return objects[0]  # "appoint X to succeed Y": X succeeds
            if token.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep") and token.head.i != token.i:
                token = token.head
                continue
            if token.dep_ in ("relcl", "acl") and token.head.i != token.i:
                if token.head.dep_ in ("dobj", "pobj") and token.head.head.pos_ in ("VERB", "AUX"):
                    token = token.head.head  # "agreed a contract to become their coach"
                    continue
                return token.head
            break
        return None

    @staticmethod
    def _passive(head: Token) -> bool:
        return any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children) or (
            head.tag_ == "VBN" and head.dep_ in ("acl", "advcl") and not any(c.dep_ == "aux" for c in head.children))

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

    def _objects(self, head: Token, match: Span) -> list[Token]:
        objs = [c for t in match for c in t.children if c.dep_ in OBJ and c not in match]
        return objs

    # -- role and date ------------------------------------------------------
    def _role(self, doc: Doc, sent: Span, person_tokens: list[int], trigger: Span) -> tuple[str | None, bool, str | None]:
        """The coaching role nearest the person (or trigger), interim flag, and a front-office title if that is closer."""
        roles = [r for r in doc.spans.get("roles", []) if sent.start <= r.start < sent.end]
        anchor = person_tokens or [trigger.start]
        interim = any(r.id_ == "interim" and abs(r.start - trigger.start) <= self.role_window * 2 for r in roles)
        best = None
        for role in roles:
            points = anchor if role.label_ == "FRONT_OFFICE" else anchor + [trigger.start]
            distance = min(min(abs(role.start - a), abs(role.end - 1 - a)) for a in points)
            if role.label_ == "FRONT_OFFICE" and (not person_tokens or distance > 3 or _past_title(doc, role)
                                                  or self._office_of_another(doc, role, person_tokens)):
                continue
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
        # "as head of the national team delegation": the post is inside the "of" phrase
        anchors += [g for a in list(anchors) for c in a.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"]
        # "returns to Arsenal as chief executive": an "as" phrase the parser hung on the object
        for argument in [o for _p, o in preps] + list(objs):
            anchors += [g for c in argument.children if c.dep_ == "prep" and c.lower_ == "as"
                        for g in c.children if g.dep_ == "pobj"]
        for anchor in anchors:
            for role in roles:
                if role.start <= anchor.i < role.end:
                    return role
        return RelationExtractor._as_phrase_role(doc, match)

    @staticmethod
    def _as_phrase_role(doc: Doc, match: Span) -> Span | None:
        """The title in an "as ..." or "to ..." phrase right after the trigger, however the parser hung it:
        "has returned as Fenway Sports Group's chief executive", "stepped up from assistant to caretaker"."""
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

    def _date(self, doc: Doc, sent: Span, head: Token, claimed: set[int]) -> Span | None:
        """The DATE expression attached to the trigger, or to a verb that governs it."""
        ancestors = [head] + list(head.ancestors)
        best = None
        for ent in sent.ents:
            if ent.label_ not in ("DATE", "TIME") or DURATION.search(ent.text) and not RELATIVE.match(ent.text) or not re.search(r"[A-Za-z]|\d{4}", ent.text):
                continue
            verb = ent.root
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                if verb.pos_ == "NOUN" and verb.i == head.i:
                    break
                verb = verb.head
            rank = None
            if verb in ancestors:
                rank = ancestors.index(verb)
                if verb.i != head.i and verb.i in claimed and not COARSE_DATE.search(ent.text):
                    continue
            elif verb.lemma_ in REPORTING and not self._under_other_trigger(verb, head):
                rank = 0.5  # "..., the club announced on Wednesday"
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, ent)
        if best is None:
            return None
        return best[1] if best[0] == 0 else Span(doc, best[1].start, best[1].end, label="DATE_GOVERNOR")

    # -- extraction ---------------------------------------------------------
    def extract(self, doc: Doc) -> list[Candidate]:
        matches = self.matcher(doc)
        spans = []
        for match_id, start, end in matches:
            trigger = self.triggers[int(self.nlp.vocab.strings[match_id])]
            spans.append((start, end, trigger))
        # longest match per head token
        spans.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        chosen: dict[int, tuple[int, int, dict]] = {}
        for start, end, trigger in spans:
            span = doc[start:end]
            head = next((t for t in span if t.pos_ in ("VERB", "NOUN", "PROPN")), span[0])
            if head.i not in chosen or (end - start) > (chosen[head.i][1] - chosen[head.i][0]):
                chosen[head.i] = (start, end, trigger)
        covered = set()
        ordered = []
        for head_i, (start, end, trigger) in sorted(chosen.items(), key=lambda kv: -(kv[1][1] - kv[1][0])):
            if any(i in covered for i in range(start, end)) and end - start == 1:
                continue
            covered.update(range(start, end))
            ordered.append((head_i, start, end, trigger))
        claimed = {head_i for head_i, _s, _e, trigger in ordered if trigger["strength"] == "strong"}
        self._heads = {head_i for head_i, *_ in ordered}
        out: list[Candidate] = []
        for head_i, start, end, trigger in sorted(ordered):
            out.extend(self._candidates(doc, doc[head_i], doc[start:end], trigger, claimed))
        self._sentence_manners(doc, out)
        return out

    def _sentence_manners(self, doc: Doc, candidates: list[Candidate]) -> None:
        """A departure whose trigger says only that the coach left takes the manner its sentence states
        ("left by mutual consent", "stepped down when his contract ran out")."""
        cues: dict[int, list[tuple[int, str]]] = {}
        for match_id, start, end in self.manner_matcher(doc):
            cue = self.manners[int(self.nlp.vocab.strings[match_id])]
            cues.setdefault(doc[start].sent.start_char, []).append((doc[start].idx, cue["manner"]))
        for cand in candidates:
            if cand.type != "departure" or cand.manner not in (None, "unknown", "resigned"):
                continue
            found = {manner for _, manner in cues.get(cand.sentence[0], [])}
            for manner in ("mutual_consent", "contract_expired", "retired", "fired", "resigned"):
                if manner in found and (cand.manner in (None, "unknown") or manner in ("mutual_consent", "contract_expired")):
                    cand.manner = manner
                    cand.notes.append(f"manner:{manner}")
                    break

    def _candidates(self, doc: Doc, head: Token, match: Span, trigger: dict, claimed: set[int]) -> list[Candidate]:
        sent = head.sent
        voice = trigger["voice"]
        people, teams = doc._.links["person"], doc._.links["team"]
        subj = self._subject(head) if voice != "noun" else None
        objs = self._objects(head, match) if voice != "noun" else []
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
                agent = next((o for p, o in preps if p == "by"), None)
                team = self._team(doc, agent) or prep_team
                rule += ":passive"
            else:
                for obj in objs:
                    person = person or self._person(doc, obj)
                team = self._team(doc, subj) or next((self._team(doc, o) for o in objs if self._team(doc, o)), None) or prep_team
                rule += ":active"
        elif voice == "intransitive":
            person = self._person(doc, subj)
            team = next((self._team(doc, o) for o in objs if self._team(doc, o)), None) or prep_team
            if team is None and trigger["type"] == "departure":
                team = next((self._team(doc, o) for p, o in preps if p == "from" and self._team(doc, o)), None)
        elif voice == "symmetric":
            sides = [subj] + [o for p, o in preps if p == "with"] + objs
            sides += [c for side in sides if side is not None for c in side.children if c.dep_ == "conj"]
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
                    new = with_new  # "the club replaced him with Jim Montgomery"
            person = new
            team = prep_team if self._person(doc, subj) else prep_team or self._team(doc, subj)
            if old and old != new:
                others.append(("departure", old, "unknown"))
        elif voice == "noun":
            poss = [c for c in head.children if c.dep_ == "poss"]
            of = [o for p, o in preps if p == "of"]
            for token in poss + of:
                person = person or self._person(doc, token)
                team = team or self._team(doc, token)
            team = team or next((self._team(doc, o) for p, o in preps if p in ("at", "by", "as", "with", "from")
                                 and self._team(doc, o)), None)
            compound_team = [c for c in head.children if c.dep_ == "compound" and c.i in teams]
            if team is None and compound_team:
                team = teams[compound_team[0].i]
            if person is None and head.dep_ == "dobj" and trigger["type"] == "hire":
                # "announced the appointment of X" is covered above; "X's hiring" by poss
                pass
        if voice == "transitive" and trigger["type"] == "hire":
            argument = subj if passive else (objs[0] if objs else None)
            if argument is not None and argument.i in self._heads and argument.i != head.i:
                return []  # "X's sacking was confirmed": the argument is another transition
        if person is None and voice == "transitive" and head.dep_ == "amod":
            person = self._person(doc, head.head)  # "replacing the fired Gerard Gallant"
        fallback = False
        if person is None and trigger["strength"] == "strong":
            person = self._nearest(sent, head, people)
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
            exclude |= {teams[t.i] for t in destinations}
            team = self._sentence_team(doc, sent, head, exclude)
            if team is not None:
                rule += ":sentence_team"
            else:
                team = self._paragraph_team(doc, sent)
                rule += ":paragraph_team" if team else ":home_team"
                team = team or doc._.home_team
        role, interim, front_office = self._role(doc, sent, person_tokens, match)
        attached = self._attached_role(doc, head, match, preps, objs)
        if attached is not None and attached.label_ == "ROLE" and attached.kb_id_:
            role, interim = attached.kb_id_, interim or attached.id_ == "interim"
        elif attached is not None and attached.label_ == "ROLE" and attached.id_ == "interim":
            role, interim = None, True  # "stepped up from assistant to caretaker": the head post, for now
        elif attached is not None and attached.label_ == "FRONT_OFFICE" and attached.kb_id_:
            role, front_office = None, attached.kb_id_  # "returns as chief executive", "to become sporting director"
        date = self._date(doc, sent, head, claimed)
        base = dict(team=team, role=role, interim=interim, trigger=(match.start_char, match.end_char),
                    sentence=(sent.start_char, sent.end_char), strength=trigger["strength"],
                    date_text=date.text if date is not None else None,
                    date_span=(date.start_char, date.end_char) if date is not None else None)
        out = []
        if person is not None:
            cand = Candidate(type=trigger["type"], manner=trigger.get("manner") if trigger["type"] == "departure" else None,
                             person=person, rule=rule + (":nearest_person" if fallback else ""), **base)
            if date is not None:
                cand.notes.append("date:direct" if date.label_ == "DATE" else "date:governor")
            if front_office:
                cand.notes.append(f"front_office:{front_office}")
            if attached is not None and attached.kb_id_:
                cand.notes.append("role:attached")
            out.append(cand)
        if person is not None and destinations:
            out[0].manner = "moved"
            for token in destinations[:1]:
                out.append(Candidate(type="hire", manner=None, person=person, team=teams[token.i],
                                     rule=rule + ":moved_to", **{k: v for k, v in base.items() if k != "team"}
                                     | {"interim": False, "strength": "weak"}))
        for type_, other, manner in others:
            out.append(Candidate(type=type_, manner=manner, person=other, rule=rule + ":replaced",
                                 **{**base, "interim": False, "strength": "weak"}))
        if person is not None and not fallback:
            # "coordinators Sean Desai and Brian Johnson were fired": one transition each
            for other in self._conjoined_people(doc, person_tokens, person, head):
                tokens = [i for i, name in people.items() if name == other and sent.start <= i < sent.end]
                other_role, other_interim, other_office = self._role(doc, sent, tokens, match)
                extra = Candidate(type=trigger["type"], manner=out[0].manner, person=other, rule=rule + ":conj",
                                  **{**base, "role": other_role, "interim": other_interim})
                if other_office:
                    extra.notes.append(f"front_office:{other_office}")
                out.append(extra)
        # a coach hired away from the team he coaches: "hired Fordham head coach X", "lured X from Brighton"
        if trigger["type"] == "hire" and person is not None:
            moved = self._moved_from(doc, sent, head, person, team)
            if person_team and person_team != team and person_team not in moved:
                moved.append(person_team)
            for moved_from in moved:
                out.append(Candidate(type="departure", manner="moved", person=person, team=moved_from,
                                     rule=rule + ":moved_from", **{k: v for k, v in base.items() if k != "team"}
                                     | {"interim": False}))
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
            if head.dep_ in SUBJ:  # two subjects where the parser missed the coordination
                stack += [c for c in head.head.children if c.dep_ in SUBJ and c.i != head.i]
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
    def _nearest(sent: Span, head: Token, people: dict[int, str]) -> str | None:
        inside = [(abs(i - head.i), name) for i, name in people.items() if sent.start <= i < sent.end]
        return min(inside)[1] if inside else None

    def _person_team(self, doc: Doc, sent: Span, person: str | None) -> str | None:
        """The team that qualifies the person's name: "Fordham's Kyle Neptune", "Fordham head coach Kyle Neptune"."""
        people, teams = doc._.links["person"], doc._.links["team"]
        for i, name in people.items():
            if name != person or not (sent.start <= i < sent.end):
                continue
            token = doc[i]
            for t in self._np(token):
                if t.i in teams and t.i < i:
                    return teams[t.i]
            j = i - 1
            while j >= sent.start and (doc[j].pos_ in ("PROPN", "NOUN") and j not in teams or doc[j].tag_ == "POS"):
                if any(r.start <= j < r.end for r in doc.spans.get("roles", [])) or doc[j].tag_ == "POS":
                    j -= 1
                    continue
                break
            if j >= sent.start and j in teams and j < i - 1:
                return teams[j]
        return None

    def _under_other_trigger(self, token: Token, head: Token) -> bool:
        """Whether another trigger governs ``token`` below where it meets ``head`` (its own clause)."""
        above_head = {t.i for t in [head, *head.ancestors]}
        for ancestor in token.ancestors:
            if ancestor.i in above_head:
                return False
            if ancestor.i in self._heads:
                return True
        return False

    def _destinations(self, doc: Doc, head: Token) -> list[Token]:
        """Teams in a purpose clause of a departure: "left Michigan to coach the Chargers"."""
        teams = doc._.links["team"]
        out = []
        for child in head.children:
            if child.dep_ in ("xcomp", "advcl") and child.lemma_ in DESTINATION_VERBS:
                out += [t for t in child.subtree if t.i in teams and t.dep_ in ("dobj", "pobj")]
        return out

    def _sentence_team(self, doc: Doc, sent: Span, head: Token, exclude: set[str] = frozenset()) -> str | None:
        teams = doc._.links["team"]
        options = []
        for i, name in teams.items():
            if not (sent.start <= i < sent.end) or name in exclude:
                continue
            token = doc[i]
            if self._under_other_trigger(token, head):
                continue
            prep = token.head if token.dep_ == "pobj" else None
            if prep is not None and (prep.lower_ in TEAM_STOP_PREPS | {"from"} or prep.head.lemma_ in MATCH_WORDS):
                continue
            if any(a.lemma_ in MATCH_WORDS and a.i != head.i for a in list(token.ancestors)[:3]):
                continue
            distance = _tree_distance(token, head)
            if distance <= self.team_distance:
                options.append((distance, abs(i - head.i), name))
        return min(options)[2] if options else None

    @staticmethod
    def _paragraph_team(doc: Doc, sent: Span) -> str | None:
        """The latest team named earlier in the same paragraph (a section heading, the sentence before)."""
        teams = doc._.links["team"]
        start = doc.text.rfind("\n\n", 0, sent.start_char) + 2
        first = doc.char_span(start, min(sent.start_char, len(doc.text)), alignment_mode="expand")
        if first is None or not len(first):
            return None
        heading = next(iter(first.sents))
        # a heading line naming the team: "CHICAGO BEARS:", "JUVENTUS —"
        words = [t for t in heading if not t.is_space]
        named = [teams[t.i] for t in words if t.i in teams]
        if named and len(words) <= 6 or named and any(t.text in (":", "—", "–") for t in words[:6]):
            return named[0]
        return None

    def _moved_from(self, doc: Doc, sent: Span, head: Token, person: str, team: str | None) -> list[str]:
        teams, people = doc._.links["team"], doc._.links["person"]
        found = []
        for i, name in teams.items():
            if not (sent.start <= i < sent.end) or name == team:
                continue
            token = doc[i]
            if token.dep_ == "pobj" and token.head.lower_ == "from" and not _origin(doc, token.head):
                found.append(name)
                continue
            # "<Team> head coach <Person>": the team qualifies the person's current title
            j = i
            while j + 1 < sent.end and (j + 1 in teams and teams[j + 1] == name or doc[j + 1].tag_ == "POS"):
                j += 1
            k = j + 1
            roles = [r for r in doc.spans.get("roles", []) if r.start == k and r.label_ == "ROLE"]
            if roles and roles[0].end < sent.end and people.get(roles[0].end) == person:
                found.append(name)
        return list(dict.fromkeys(found))
