"""Stage 4, modality: rumours, denials, negations, conditionals, speculation, contract
extensions and front-office posts yield no event.

Cues live in models/modality.jsonl (``cue`` lemma, ``veto`` reason, ``kind``):
``aux`` modal verbs on the trigger, ``neg`` negation on the trigger or a verb
that governs it, ``mark`` a subordinating conjunction (if, unless) on the
trigger's clause, ``governor`` a word whose clause or phrase holds the trigger
("reports that ...", "a candidate to replace ..."), ``object`` a word that makes
the change something else ("extension"), ``factive`` a reporting verb that keeps
a reported future a fact ("announced that X would depart").

Vetoed candidates stay in ``doc._.candidates`` with ``vetoed`` set, for explain.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..candidates import Candidate
from ..extensions import doc_text
from ..profiles import transfer_players
from .base import RuleComponent
from .relations.links import bind_successors_to_predecessors

CLAUSE_UP = {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp", "pobj", "prep", "dobj", "nsubj", "nsubjpass", "attr", "appos", "compound", "amod", "oprd"}


@Language.factory("coaching_modality", default_config={"data_dir": None, "coach_window": 4},
                  requires=["doc._.candidates", "doc._.links", "doc.spans", "token.dep", "token.lemma"],
                  assigns=["doc._.candidates"])
def make_modality(nlp: Language, name: str, data_dir: str | None, coach_window: int) -> "ModalityFilter":
    return ModalityFilter(nlp, name, data_dir=data_dir, coach_window=coach_window)


@dataclass(frozen=True)
class PeopleKinds:
    """Who one article's people are (worked out per document, never kept on the component)."""

    titled_coaches: frozenset[str]  # a coaching title anywhere
    players: frozenset[str]
    front_office: frozenset[str]


class ModalityFilter(RuleComponent):
    data_files = ("modality.jsonl", "words.jsonl")

    def __init__(self, nlp: Language, name: str = "coaching_modality", *, data_dir: str | None = None,
                 coach_window: int = 4) -> None:
        self.coach_window = coach_window
        super().__init__(nlp, name, data_dir=data_dir, coach_window=coach_window)

    def build(self) -> None:
        self.negation = self.lexicon.words("negation")
        self.rows = self.data["modality.jsonl"]
        self.cues: dict[str, dict[str, str]] = {}
        for row in self.rows:
            self.cues.setdefault(row["kind"], {})[row["cue"]] = row["veto"]
        self.factive_gerund = {row["cue"] for row in self.rows if row["kind"] == "factive_mark" and row.get("gerund")}

    def process(self, doc: Doc) -> None:
        candidates = doc._.candidates or []
        for cand in candidates:
            cand.vetoed = self.context_veto(doc, cand) or cand.vetoed
            self._mark_permanent(doc, cand)
        # who the people are, from what the article states as fact ("he might become a coach" is no title)
        stated = [c for c in candidates if not c.vetoed]
        coaches = self._coaches(doc, stated)
        kinds = self._people_kinds(doc, stated)
        for cand in stated:
            cand.vetoed = self._person_veto(doc, cand, coaches, kinds)
        bind_successors_to_predecessors(doc, stated)  # "He was replaced by Z": the team the replaced coach left
        self._share_post_vetoes(candidates, kinds)

    def _mark_permanent(self, doc: Doc, cand: Candidate) -> None:
        """ "was given the job permanently", "confirmed as permanent coach": a hire that ends an interim spell
        (assembly keeps it apart from the interim hire)."""
        if cand.type != "hire" or cand.interim:
            return
        phrase = " ".join(t.lower_ for t in self._head(doc, cand).subtree)
        if any(f" {cue} " in f" {phrase} " for cue in self.cues.get("permanent", {})):
            cand.permanent = True

    def _people_kinds(self, doc: Doc, candidates: list[Candidate]) -> PeopleKinds:
        """Coaches (a coaching title anywhere), and, among the others, players and executives."""
        titled = self._titled_roles(doc, "FRONT_OFFICE", 2)
        for name, posts in self._attached_offices(candidates).items():
            titled.setdefault(name, set()).update(posts)
        coaches = self._titled(doc, "ROLE", self.coach_window) | self._attached_coaches(candidates)
        players = {name for name, posts in titled.items() if posts & self._player_roles} | self._player_talk(doc)
        players |= transfer_players(doc, self.cues.get("transfer_word", {}), self.cues.get("salary_word", {}))
        office = {name for name, posts in titled.items() if posts - self._player_roles} - coaches
        return PeopleKinds(frozenset(coaches), frozenset(players - coaches), frozenset(office))

    def _share_post_vetoes(self, candidates: list[Candidate], kinds: PeopleKinds) -> None:
        """"X succeeds Y as captain": when the post X takes is no coaching post, Y held no coaching post
        either, and Y's other moves in the article are no coaching events."""
        held: dict[str, str] = {}
        for cand in candidates:
            if cand.derived != "replaced" or cand.vetoed:
                continue
            for other in candidates:
                if other.trigger == cand.trigger and other is not cand and other.vetoed in ("front_office", "player") \
                        and other.derived != "replaced" and self._office_named(candidates, other):
                    cand.vetoed = other.vetoed
                    if cand.person not in kinds.titled_coaches:
                        held[cand.person] = other.vetoed
        for cand in candidates:
            if cand.person in held and not cand.vetoed and not (cand.role and cand.role_attached):
                cand.vetoed = held[cand.person]

    @staticmethod
    def _office_named(candidates: list[Candidate], cand: Candidate) -> bool:
        """The sentence names the non-coaching post the person takes ("appointed Test captain, succeeding Y")."""
        return any(c.person == cand.person and c.sentence == cand.sentence and c.role_attached and c.front_office
                   for c in candidates)

    @property
    def _player_roles(self) -> set[str]:
        return set(self.cues.get("player_role", {}))

    def _titled_roles(self, doc: Doc, label: str, window: int) -> dict[str, set[str]]:
        """The titles of this kind the article gives each person ("coach X", "X, the manager")."""
        people = doc._.links["person"]
        out: dict[str, set[str]] = {}
        for role in doc.spans.get("roles", []):
            if role.label_ != label or not role.kb_id_:
                continue
            sent = doc[role.start].sent
            if role.kb_id_ in self._player_roles and self._past_title(doc, role):
                continue  # "the Uruguayan former defender" coaches now; a former executive stays one
            if role.end < len(doc) and role.end in people and self._is_name(doc[role.end]):
                # "head coach Dale Prentice": the title is the next name's, not a name before it
                out.setdefault(people[role.end], set()).add(role.kb_id_)
                continue
            for i in range(max(sent.start, role.start - window), min(sent.end, role.end + window)):
                # "the point guard on X's first title team": a possessor's name is not the title's holder
                if i in people and self._is_name(doc[i]) and not role.start <= i < role.end and not self._possessor(doc, i) \
                        and not (self._verb_between(doc, i, role) and not self._predicative(role)):
                    out.setdefault(people[i], set()).add(role.kb_id_)
            # at a distance only an executive title: "won the title as a player" is a career, not a post now
            executive = role.kb_id_ not in self._player_roles
            named = (self._apposed_name(doc, role) or self._as_title_of(doc, role)) if executive else None
            if named:
                out.setdefault(named, set()).add(role.kb_id_)
        return out

    def _as_title_of(self, doc: Doc, role: Span) -> str | None:
        """ "Max Eberl began work as Bayern's board member for sport": an "as" title is its clause subject's."""
        root = role.root
        if root.dep_ == "pobj" and root.head.lower_ == "as":
            return self._clause_person(doc, root)
        return None

    def _apposed_name(self, doc: Doc, role: Span) -> str | None:
        """ "Paul Greer, the owners' director of football": a title in apposition, however long the phrase."""
        people = doc._.links["person"]
        root = role.root
        if root.dep_ == "appos" and root.head.i in people and self._is_name(root.head):
            return people[root.head.i]
        named = [c for c in root.children if c.dep_ == "appos" and c.i in people and self._is_name(c)]
        return people[named[0].i] if named else None

    def _past_title(self, doc: Doc, role: Span) -> bool:
        before = doc[max(role.sent.start, role.start - 3):role.start]
        return any(t.lower_ in self.cues.get("past", {}) for t in before)

    @staticmethod
    def _possessor(doc: Doc, i: int) -> bool:
        """The name ends in a possessive that qualifies another noun ("X's team")."""
        people = doc._.links["person"]
        j = i
        while j + 1 < len(doc) and people.get(j + 1) == people[i]:
            j += 1
        run = doc[i:j + 2] if j + 1 < len(doc) else doc[i:j + 1]
        return any(t.dep_ == "poss" or t.tag_ == "POS" for t in run)

    @staticmethod
    def _verb_between(doc: Doc, i: int, role: Span) -> bool:
        """ "Harlow fired head coach Dale Prentice": the title is the object's, not the subject's."""
        between = range(i + 1, role.start) if i < role.start else range(role.end, i)
        return any(doc[j].pos_ == "VERB" for j in between)

    @staticmethod
    def _predicative(role: Span) -> bool:
        """A title said of the subject across a verb: "was introduced as head coach", "is the manager"."""
        root = role.root
        return root.dep_ in ("attr", "oprd") or root.dep_ == "pobj" and root.head.lower_ == "as"

    @staticmethod
    def _is_name(token: Token) -> bool:
        """A word of a name, not a pronoun or a description ("he", "the coach") linked to one."""
        return token.pos_ in ("PROPN", "NOUN", "X") and token.text[:1].isupper()

    def _titled(self, doc: Doc, label: str, window: int) -> set[str]:
        return set(self._titled_roles(doc, label, window))

    @staticmethod
    def _attached_offices(candidates: list[Candidate]) -> dict[str, set[str]]:
        """Non-coaching posts a trigger itself names: "appointed X as sporting director"."""
        out: dict[str, set[str]] = {}
        for cand in candidates:
            if cand.front_office and cand.role_attached:
                out.setdefault(cand.person, set()).add(cand.front_office)
        return out

    @staticmethod
    def _attached_coaches(candidates: list[Candidate]) -> set[str]:
        return {c.person for c in candidates if c.role and c.role_attached}

    def _player_talk(self, doc: Doc) -> set[str]:
        """People the article says played: "he scored 256 goals", "the country's record goalscorer"."""
        words = self.cues.get("player_word", {})
        out = set()
        for token in doc:
            if token.lower_ in words or token.lemma_.lower() in words:
                player = self._clause_person(doc, token)
                if player:
                    out.add(player)
        return out

    @staticmethod
    def _clause_person(doc: Doc, token: Token) -> str | None:
        """The person a word is said of: a name its phrase hangs from, or the subject of its clause."""
        people = doc._.links["person"]
        for ancestor in token.ancestors:
            if ancestor.i in people:
                return people[ancestor.i]
            subjects = [c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in people]
            if ancestor.pos_ in ("VERB", "AUX") and subjects:
                return people[subjects[0].i]
        return None

    def _coaches(self, doc: Doc, candidates: list[Candidate]) -> set[str]:
        """People with a coaching title, or the clear subject of a strong trigger to a coaching post."""
        out = self._titled(doc, "ROLE", self.coach_window) | self._attached_coaches(candidates)
        for cand in candidates:
            if cand.strength == "strong" and not cand.nearest_person and not cand.front_office:
                out.add(cand.person)
        return out

    @staticmethod
    def _head(doc: Doc, cand: Candidate) -> Token:
        return doc[cand.head]  # relations and rows find it (syntax.trigger_head)

    def _lemma_in(self, token: Token, kind: str) -> str | None:
        cues = self.cues.get(kind, {})
        lemma = token.lemma_.lower()
        if lemma in cues:
            return cues[lemma]
        two = f"{lemma} {token.nbor().lower_}" if token.i + 1 < len(token.doc) else ""
        return cues.get(two)

    def _chain(self, head: Token) -> list[Token]:
        """The trigger and the words whose clause or phrase holds it, up to a relative clause:
        "X, who was sacked in May, has not coached since" states the sacking as a fact; and up to a
        subordinate clause that presupposes its content (``factive_mark``: since, after, though, ...):
        "he has not worked since Y sacked him", "could only move once Z agreed to release him"."""
        chain = [head]
        token = head
        while token.dep_ in CLAUSE_UP and token.head.i != token.i and token.head.sent == head.sent:
            if token.dep_ == "relcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
                break  # a finite relative clause; "a candidate to replace X" is no fact
            if self._presupposed(token):
                break
            low, high = sorted((token.i, token.head.i))
            if any(t.text in (";", ":") for t in token.doc[low:high]) and token.dep_ in ("ccomp", "conj", "parataxis"):
                break  # "the club had named him coach; he had not yet taken a match": two statements
            token = token.head
            chain.append(token)
        return chain

    def _presupposed(self, token: Token) -> bool:
        """A finite adverbial clause (or a prepositional clause: "after being sacked") opened by a word that
        presents it as fact whatever the main clause says: "since", "after", "even though"."""
        marks = self.cues.get("factive_mark", {})
        if token.dep_ == "advcl":
            return any(c.dep_ == "mark" and c.lower_ in marks for c in token.children)
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.lower_ in marks:
            # "after being sacked" is a fact, "before taking charge of a game" need not be
            return token.tag_ != "VBG" or token.head.lower_ in self.factive_gerund
        return False

    def _factive_above(self, chain: list[Token], position: int) -> bool:
        """A reporting verb whose complement holds chain[position]: "announced that X would leave"."""
        for token in chain[position:-1]:
            if token.dep_ not in ("ccomp", "conj", "xcomp", "advcl"):
                return False
            parent = token.head
            if self._lemma_in(parent, "factive") is not None or parent.lemma_ in self.cues.get("factive", {}):
                return True
        return False

    def _inverted_condition(self, clause: Token) -> bool:
        """ "Should they lose, ...", "Were he to resign, ...": a condition by inversion."""
        first = clause.left_edge
        if first.lower_ not in self.cues.get("inversion", {}) or first.head.i != clause.i and first.i != clause.i:
            return False
        return any(c.dep_ in ("nsubj", "nsubjpass") and c.i > first.i for c in [*clause.children, *first.children])

    def _grammar_veto(self, chain: list[Token], negated_trigger: bool) -> str | None:
        for position, token in enumerate(chain):
            for child in token.children:
                if child.dep_ == "neg" and not negated_trigger:
                    return "negation"
                if child.dep_ == "det" and child.lower_ == "no" and position > 0:
                    return "negation"
                if child.dep_ == "aux" and child.lower_ in self.cues.get("aux", {}) and not (
                        child.lower_ == "would" and self._factive_above(chain, position)):
                    return self.cues["aux"][child.lower_]
                if child.dep_ == "mark" and child.lower_ in self.cues.get("mark", {}):
                    return self.cues["mark"][child.lower_]
                if child.dep_ == "advcl" and position == 0 and any(
                        g.dep_ == "mark" and g.lower_ in self.cues.get("mark", {}) for g in child.children):
                    return "conditional"
                if child.dep_ == "advcl" and self._inverted_condition(child):
                    return "conditional"
            # a verb the trigger's clause is only conjoined to does not govern it: "turned down a new
            # contract and agreed to return to X" (negation and modals still reach: "did not resign and leave")
            if position > 0 and chain[position - 1].dep_ != "conj":
                reason = self._lemma_in(token, "governor")
                if reason:
                    return reason
                reason = self._lemma_in(token, "imminent")
                if reason and not self._agreed(token.sent):
                    return reason
        return None

    def _agreed(self, sent: Span) -> bool:
        """ "set to be unveiled after signing a three-year deal": the deal is done, the hire is a fact."""
        return any(t.lemma_.lower() in self.cues.get("agreed", {}) for t in sent)

    def _idiom_veto(self, head: Token) -> str | None:
        """A trigger verb in a phrase that is no transition: "signed off with a title", "left out of the
        squad", "returned to matchday duties"; or a bare verb between commas ("X, left, and Y")."""
        cues = self.cues.get("idiom", {})
        lemma = head.lemma_.lower()
        for child in head.children:
            # the particle or preposition follows the verb: "left out of the squad", not "left on Monday, out of contract"
            if child.dep_ != "dobj" and child.i != head.i + 1 and child.dep_ != "prt":
                continue
            words = [child] + [g for g in child.children if g.dep_ == "pobj"] if child.dep_ in ("prt", "prep", "dobj", "advmod") else []
            for word in words:
                reason = cues.get(f"{lemma} {word.lemma_.lower()}")
                if reason:
                    return reason
        if head.i > 0 and head.i + 1 < len(head.doc) and head.doc[head.i - 1].is_punct and head.doc[head.i + 1].is_punct \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "prep") for c in head.children):
            return "not_a_transition"
        return None

    def _award(self, doc: Doc, head: Token) -> str | None:
        """ "named manager of the month", "coach of the year": an award, not a post (one won in a relative
        clause below is another fact: "left to take over at Duke, where he won coach of the year")."""
        cues = self.cues.get("award", {})
        subtree, stack = set(), [head]
        while stack:
            token = stack.pop()
            subtree.add(token.i)
            # nor one in a presupposed clause: "fired, a year after being named manager of the year"
            stack.extend(c for c in token.children if c.dep_ != "relcl" and not self._presupposed(c)
                         and not (c.dep_ == "prep" and any(self._presupposed(g) for g in c.children)))
        for role in doc.spans.get("roles", []):
            if role.start in subtree:
                after = " ".join(t.lower_ for t in doc[role.end:role.end + 3])
                reason = next((cues[c] for c in cues if after.startswith(c)), None)
                if reason:
                    return reason
        return None

    def _retention(self, cand: Candidate, head: Token) -> str | None:
        """ "X will return as head coach next season": the coach stays, no new hire."""
        if cand.pattern not in self.cues.get("retention_trigger", {}):
            return None
        if not any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in head.children):
            return None
        phrase = " ".join(t.lower_ for t in head.subtree)
        return next((self.cues["retention"][cue] for cue in self.cues.get("retention", {}) if cue in phrase), None)

    def _object_not_a_post(self, doc: Doc, cand: Candidate, head: Token) -> str | None:
        """ "took over the play-calling", "took over oversight of the football operation", "became the
        club's all-time leader in wins": what is taken over or become must be a team or a post."""
        pattern = cand.pattern
        if pattern not in self.cues.get("open_object", {}):
            return None
        teams = doc._.links["team"]
        roles = {i for r in doc.spans.get("roles", []) for i in range(r.start, r.end)}
        posts = self.cues.get("post_word", {})
        for obj in (c for c in head.children if c.dep_ in ("dobj", "attr", "oprd")):
            if obj.i not in teams and obj.i not in roles and obj.lemma_.lower() not in posts:
                return self.cues["open_object"][pattern]
        return None

    def _keeps_post(self, doc: Doc, cand: Candidate) -> str | None:
        """ "X, who will keep his club job as well, takes over": an implied departure that the
        sentence denies (he keeps the old post)."""
        if cand.derived != "moved_from":
            return None
        sent = doc.char_span(*cand.sentence, alignment_mode="expand")
        cues = self.cues.get("keeps_post", {})
        return next((cues[t.lemma_.lower()] for t in sent if t.lemma_.lower() in cues), None)

    def _past_team(self, doc: Doc, cand: Candidate) -> str | None:
        """ "appointed the former Porto coach X": a team he once coached is no team he leaves now."""
        if cand.derived != "moved_from":
            return None
        teams = doc._.links["team"]
        start, end = cand.sentence
        mentions = [i for i, name in teams.items() if name == cand.team and start <= doc[i].idx < end]
        firsts = [i for i in mentions if i - 1 not in mentions]
        if firsts and all(any(t.lower_ in self.cues.get("past", {}) for t in doc[max(0, i - 2):i]) for i in firsts):
            return "past_role"
        return None

    @staticmethod
    def _replaced_with_manner(cand: Candidate) -> bool:
        """The coach someone replaces, with the way he left stated: "replaces X, whose contract expired"."""
        return cand.derived == "replaced" and cand.manner not in (None, "unknown")

    def _post_object(self, doc: Doc, cand: Candidate) -> bool:
        """A weak verb with a clear object: "left the bench", "left his job", "left Leipzig", or a team it
        leaves for or comes from: "bolted for Auburn", "arrived from Leipzig", "walked away from the club"."""
        teams = doc._.links["team"]
        posts = self.cues.get("post_word", {})
        head = self._head(doc, cand)
        return any(c.dep_ == "dobj" and (c.i in teams or c.lemma_.lower() in posts)
                   or c.dep_ == "prep" and c.lower_ in ("for", "from")
                   and any(g.i in teams or c.lower_ == "from" and g.lemma_.lower() in posts for g in c.children)
                   for c in head.children)

    @staticmethod
    def _named_in_trigger(doc: Doc, cand: Candidate) -> bool:
        """The person sits inside the trigger phrase: "hand Paolo Ferri the interim job"."""
        people = doc._.links["person"]
        span = doc.char_span(*cand.trigger, alignment_mode="expand")
        return any(people.get(t.i) == cand.person for t in span)

    def _person_veto(self, doc: Doc, cand: Candidate, coaches: set[str], kinds: PeopleKinds) -> str | None:
        """Who the person is: a front-office figure, a player, or nobody the trigger reaches."""
        attached_coaching = cand.role is not None and cand.role_attached
        past = self._past_team(doc, cand) or self._keeps_post(doc, cand)
        if past:
            return past
        office = cand.role is None and cand.front_office is not None
        if office and cand.role_attached:  # "appointed X as sporting director", "named X captain"
            return "player" if cand.front_office in self._player_roles else "front_office"
        # "sporting director X will take charge of the team" is a coaching post all the same
        coaching_trigger = cand.pattern in self.cues.get("coaching_trigger", {}) or cand.interim
        if not attached_coaching and not coaching_trigger and (office or cand.person in kinds.front_office):
            return "front_office"
        if not attached_coaching and cand.person in kinds.players:
            return "player"
        if cand.nearest_person and cand.person not in coaches and not self._named_in_trigger(doc, cand):
            return "unattached_person"
        if cand.strength == "weak" and cand.role is None and not cand.interim and cand.person not in coaches \
                and cand.derived != "moved_to" \
                and not self._post_object(doc, cand) and not self._replaced_with_manner(cand) \
                and cand.team_from in ("sentence_team", "home_team", "paragraph_team"):
            return "weak_trigger"
        return None

    def context_veto(self, doc: Doc, cand: Candidate) -> str | None:
        """What the sentence says of the transition: negated, conditional, rumoured, or no transition at all."""
        head = self._head(doc, cand)
        text = doc_text(doc)
        line = text[text.rfind("\n", 0, cand.trigger[0]) + 1:cand.trigger[0]].lstrip().lower()
        for label, reason in self.cues.get("link_label", {}).items():
            if line.startswith(label):  # "RELATED: X appoint Y": a link to another story, not this one's news
                return reason
        trigger_text = text[cand.trigger[0]:cand.trigger[1]].lower()
        negated_trigger = any(w in trigger_text.split() for w in self.negation)
        idiom = None if cand.voice == "row" else self._idiom_veto(head)  # a row's "(fired)" is a cell
        reason = self._grammar_veto(self._chain(head), negated_trigger) or idiom or self._competition_left(cand, head) \
            or self._object_not_a_post(doc, cand, head) or self._retention(cand, head) or self._award(doc, head)
        if reason:
            return reason
        chain = self._chain(head)
        # a finite relative clause states its own fact: "Conte, who took over in May 2019, reportedly ..."
        clause = chain[-1] if chain[-1].dep_ == "relcl" else None
        sentence = " ".join(t.lower_ for t in clause.subtree) if clause is not None else head.sent.text.lower()
        for cue, reason in self.cues.get("sentence", {}).items():
            if cue in sentence:
                return reason
        for child in self._own_clause(head):
            if child.lemma_.lower() in self.cues.get("object", {}) and cand.type == "hire":
                return self.cues["object"][child.lemma_.lower()]
        return None

    def _competition_left(self, cand: Candidate, head: Token) -> str | None:
        """ "X leaves the World Cup at the group stage", "his exit from the FA Cup": what is left is a
        competition (an EVENT entity or a ``competition`` word of models/modality.jsonl), not a post."""
        if cand.type != "departure" or cand.voice not in ("intransitive", "noun"):
            return None
        words = self.cues.get("competition", {})
        left = [c for c in head.children if c.dep_ == "dobj"]
        left += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                 for g in c.children if g.dep_ == "pobj"]
        for obj in left:
            phrase = [t for t in obj.subtree if t.dep_ not in ("relcl", "acl")]
            if obj.ent_type_ == "EVENT" or any(t.lemma_.lower() in words or t.lower_ in words for t in phrase
                                                 if t.i <= obj.i):
                return next(iter(words.values()), "competition_exit")
        return None

    @staticmethod
    def _own_clause(head: Token) -> list[Token]:
        """The trigger's phrase without clauses conjoined to it or to a clause inside it ("was hired in 2019
        ... and received an extension last summer", "was hired weeks after X left, and received an extension")."""
        out, stack = [], [head]
        while stack:
            token = stack.pop()
            out.append(token)
            stack.extend(c for c in token.children if not (
                c.dep_ in ("conj", "parataxis") and (token is head or c.pos_ in ("VERB", "AUX"))))
        return out
