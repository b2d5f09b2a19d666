"""What the parse says around a trigger: the noun a relative pronoun stands for, a team in a past or
another person's title, a "where" clause's team, a list of titled people the parser broke.

Plain functions of tokens and spans, used by the relations stage.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

SUBJ = {"nsubj", "nsubjpass", "csubj"}
RELATIVE_PRONOUNS = {"who", "whom", "that"}


def former(token: Token, words: frozenset[str]) -> bool:
    """Whether a team sits in a phrase about the past: "a former France captain", "the ex-Porto coach"."""
    current = token
    for _ in range(3):
        if any(c.lower_ in words for c in current.children) or current.i > 0 and current.doc[current.i - 1].lower_ in words:
            return True
        if current.dep_ not in ("compound", "poss", "pobj", "prep", "nmod", "amod", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def future(verb: Token) -> bool:
    """ "will be head coach", "is to be", "would be": the title is the new job, not the current one."""
    return any(c.lower_ in ("will", "'ll", "would", "shall", "to") for c in verb.children if c.dep_ in ("aux", "mark"))


def qualifies(team: Token, title: Token) -> bool:
    """Whether a team qualifies a title: "the Fordham head coach", "the Bengals' coordinator", "coach of X"."""
    current = team
    for _ in range(3):
        if current.i == title.i:
            return True
        if current.dep_ not in ("compound", "poss", "nmod", "amod", "pobj") and not (
                current.dep_ == "prep" and current.lower_ in ("of", "at", "for")) or current.head.i == current.i:
            return False
        current = current.head
    return current.i == title.i


def in_other_clause(token: Token, trigger: Token) -> bool:
    """Whether ``token`` sits in a relative clause that does not hold the trigger: "X, who has run the
    team on an interim basis since November, will take over as head coach" (the interim post is the past one)."""
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ in ("relcl", "acl") and trigger not in ancestor.subtree:
            return True
    return False


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of a sentence through their lowest common ancestor."""
    up_a = [a] + list(a.ancestors)
    up_b = [b] + list(b.ancestors)
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, token in enumerate(up_a):
        if token.i in index_b:
            return n + index_b[token.i]
    return len(up_a) + len(up_b)


def origin(doc: Doc, prep: Token) -> bool:
    """ "the 48-year-old from Puerto Rico": a "from" phrase on a description says where one comes from."""
    owner = prep.head
    roles = {i for r in doc.spans.get("roles", []) for i in range(r.start, r.end)}
    return owner.pos_ in ("NOUN", "ADJ", "NUM") and owner.i not in doc._.links["person"] and owner.i not in roles


def whose_antecedent(token: Token) -> Token | None:
    """ "Declan Kidney, whose contract was not renewed": the person a 'whose' phrase belongs to."""
    if not any(c.tag_ == "WP$" for c in token.children):
        return None
    clause = token.head
    if clause.dep_ != "relcl" or clause.head.i == clause.i:
        return None
    return clause.head


def antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: "Dean Whitlock, who was sacked" → Whitlock, "the Bucs, who
    fired him" → the Bucs."""
    if token.lower_ not in RELATIVE_PRONOUNS or token.tag_ not in ("WP", "WDT") or token.head.i == token.i:
        return None
    clause = token.head
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head  # "who led the side and was then released"
    if clause.dep_ not in ("relcl", "acl") or clause.head.i == clause.i or clause.head.pos_ not in ("PROPN", "NOUN"):
        return None
    return clause.head


def subject_elsewhere(role: Span, people: dict[int, str], person: str | None) -> bool:
    """A title that another person's verb takes with "from" or "as": "Reed was promoted from offensive
    coordinator when X retired" (Reed's old title, not X's)."""
    root = role.root
    if root.dep_ != "pobj" or root.head.lower_ not in ("from", "as"):
        return False
    subjects = [c for c in root.head.head.children if c.dep_ in SUBJ]
    return any(people.get(c.i) != person and (c.i in people or c.pos_ == "PROPN") for c in subjects)


def headline_passive(head: Token) -> bool:
    """A headline's passive without its auxiliary: "X named Spurs head coach" (a name for subject, a title
    for complement, no object)."""
    children = list(head.children)
    return head.tag_ in ("VBD", "VBN") and any(c.dep_ == "oprd" for c in children) \
        and not any(c.dep_ in ("dobj", "aux", "auxpass", "dative") for c in children) \
        and any(c.dep_ == "nsubj" and c.i in head.doc._.links["person"] for c in children)


def where_clause_team(head: Token, teams: dict[int, str]) -> str | None:
    """The team a "where" clause holding the trigger describes: "He leaves Lazio, where he took charge in
    2016 after X was sacked" (both transitions are Lazio's)."""
    for node in [head, *head.ancestors]:
        if node.dep_ == "relcl" and node.head.i in teams and any(c.lower_ == "where" for c in node.children):
            return teams[node.head.i]
    return None


def titled_list_after(doc: Doc, head: Token, person: str) -> list[str]:
    """Titled people listed right after the verb's titled object, read on the words when the parser broke the
    list ("fired coordinator X, line coach Y, running backs coach Z and tight ends coach W")."""
    people, sent = doc._.links["person"], head.sent
    starts = {r.start: r for r in doc.spans.get("roles", []) if r.label_ == "ROLE"}
    first = next((i for i in range(head.i + 1, sent.end) if people.get(i) == person), None)
    if first is None or not any(r.end == first for r in starts.values()):
        return []
    out: list[str] = []
    i, name = first, person
    while True:
        while i < sent.end and people.get(i) == name:
            i += 1
        while i < sent.end and doc[i].lower_ in (",", "and"):
            i += 1
        role = starts.get(i)
        name = people.get(role.end) if role is not None and role.end < sent.end else None
        if role is None or name is None or name == person or name in out:
            return out
        out.append(name)
        i = role.end


def past_colon(doc: Doc, head: Token, ent: Span) -> bool:
    """"He takes charge with two qualifiers imminent: away to X on September 9": what follows a colon after the
    trigger lists other things (fixtures, a schedule), not the trigger's date."""
    return any(t.text == ":" for t in doc[head.i + 1:ent.start])


OWNER_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})


def cue_owners(doc: Doc, cue: Span) -> frozenset[str]:
    """The people a manner cue is said of, when the parse ties it to someone: the person it qualifies or
    whose relative clause holds it ("the sacked X", "X, whose contract ran out"), or the subject,
    object or owner of its own word ("the club fired X", "X's dismissal"), with the names coordinated
    with that person ("A and B, whose contracts end"). Empty when the parse ties it to no one."""
    # a pronoun's link is a guess (the sentence's subject), so only names decide
    people = {i: person for i, person in doc._.links["person"].items() if doc[i].pos_ != "PRON"}
    owner = next((child for token in cue for child in token.children
                  if child.dep_ in OWNER_DEPS and child.i in people and child.i not in range(cue.start, cue.end)),
                 None) or next((token for token in cue.root.ancestors if token.i in people), None)
    if owner is None:
        return frozenset()
    group = [owner, *owner.conjuncts, *(c for t in owner.conjuncts for c in t.conjuncts)]
    return frozenset(people[t.i] for t in group if t.i in people)


def under_from(token: Token) -> bool:
    """The token sits in a clause about the place a person came from: "came from Philadelphia, where he had
    been offensive coordinator" (the title is the old post)."""
    return any(a.dep_ == "relcl" and a.head.dep_ == "pobj" and a.head.head.lower_ == "from" for a in token.ancestors)
