"""The people a trigger is about: its subject, objects and prepositional objects read as person slots,
coordinated and listed names, and the nearest name when the parse gives none.

``Arguments`` is a mixin of ``RelationExtractor``; its methods read ``doc._.links`` (from the mentions stage).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ... import syntax
from ...syntax import SUBJ
from ...titles import title_at

OBJ = {"dobj", "dative", "oprd", "attr"}
NP_STOP = {"prep", "relcl", "acl", "advcl", "punct", "cc", "conj", "ccomp", "xcomp", "mark", "appos"}
LIST_DEPS = {"conj", "appos", "compound", "npadvmod", "dobj", "oprd", "prep", "pobj", "cc", "punct", "amod", "det"}


class Arguments:
    """Person slots of a trigger."""

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
                if syntax.name_after_preposition(doc, conj, people):
                    continue
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
        refused: set[str] = set()
        for token in head.subtree:
            name = people.get(token.i)
            if token.i <= head.i or not name or name == person or name in out or token.pos_ == "PRON":
                continue
            if name in refused or syntax.name_after_preposition(doc, token, people):
                refused.add(name)
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
                people = token.doc._.links["person"] if token.doc._.links else {}
                # not "leaving Tigres to", nor "had left the Chile job to take over": the object controls the
                # infinitive only when it is someone
                objects = [c for c in token.head.children if c.dep_ == "dobj" and c.i not in teams
                           and (c.i in people or c.pos_ in ("PRON", "PROPN"))]
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

    def _adjacent_actor(self, doc: Doc, match: Span) -> str | None:
        """The person named right before an intransitive trigger ("as Van Riel takes charge",
        "Smith has stepped down"): in headlines the parser often hangs the real subject elsewhere."""
        people = doc._.links["person"]
        i = match.start - 1
        while i >= match.sent.start and doc[i].pos_ in ("AUX", "ADV", "PART") and doc[i].lower_ not in self.negation:
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
                  and not Arguments._under_other_trigger(doc[i], head, heads)]
        return min(inside)[1] if inside else None

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
                    and Arguments._coordinated_below(head, ancestor)
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
