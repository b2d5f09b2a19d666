"""The post a transition is about: the title nearest the person or trigger, the one the trigger itself
names ("as head coach"), and the titles that are not the new post (the old one, another person's, a
former one).

``Roles`` is a mixin of ``RelationExtractor``: it reads ``role_window`` and ``former_words`` from it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ... import syntax


class Roles:
    """Titles around a trigger."""

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
    def _earlier_post(doc: Doc, head: Token) -> tuple[list[Span], list[str]]:
        """The post a career sentence says a hired coach held just before, in a phrase tied to the hire by
        "before" or "after": "served as X at A before taking charge of B", "after two seasons as X at A, he
        took charge of B". Returns the titles and the teams of that phrase (the hire's own phrase left out)."""
        phrases: list[Token] = []
        up = head.head
        if head.dep_ == "pcomp" and up.dep_ == "prep" and up.lower_ == "before" or \
                head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in head.children):
            verb = up.head if head.dep_ == "pcomp" else up
            phrases += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"]
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "after"):
            phrases += [t for t in prep.subtree if t.dep_ == "prep" and t.lower_ == "as"]
        mine = {t.i for t in head.subtree} - {t.i for p in phrases for t in p.subtree}
        teams = doc._.links["team"]
        roles, names = [], []
        for phrase in phrases:
            span = {t.i for t in phrase.subtree} - mine
            roles += [r for r in doc.spans.get("roles", []) if r.label_ == "ROLE" and r.start in span]
            names += [teams[i] for i in sorted(span) if i in teams and teams[i] not in names]
        return roles, names

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
        return Roles._as_phrase_role(doc, match)

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

    def _destination_roles(self, doc: Doc, head: Token) -> list[Span]:
        """Titles inside a departure's purpose clause or "for" phrase: "left to become an assistant with Y",
        "leaves for the Sounders assistant's role" name the post he goes to, not the one he leaves."""
        clause: set[int] = set()
        for child in head.children:
            if child.dep_ in ("xcomp", "advcl") and child.lemma_ in self.destination_verbs \
                    or child.dep_ == "prep" and child.lower_ == "for" and head.lemma_ in self.leaving_for_verbs:
                clause |= {t.i for t in child.subtree}
        return [r for r in doc.spans.get("roles", []) if r.root.i in clause]

    def _described_role(self, doc: Doc, sent: Span, person: str) -> str | None:
        """The coaching title next to the person in ``sent`` ("the Bengals offensive coordinator")."""
        tokens = [i for i, name in doc._.links["person"].items() if name == person and sent.start <= i < sent.end]
        if not tokens:
            return None
        role, _interim, _front_office = self._role(doc, sent, tokens, doc[tokens[0]:tokens[0] + 1])
        return role
