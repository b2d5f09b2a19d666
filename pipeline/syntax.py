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


def when_clause_team(head: Token, teams: dict[int, str], opponents: dict[int, str]) -> str | None:
    """The team a "when" clause holding the trigger dates something of: "The Knicks' vacancy dates to April 12,
    when X was dismissed", "Colorado had been searching since October, when ..." - the subject of the
    clause the "when" clause hangs under, or its owner, when that is a team."""
    for node in [head, *head.ancestors]:
        if any(c.dep_ in SUBJ and c.i in teams for c in node.children):
            return None  # the trigger's own clause names its team: "when the Athletics allowed him to walk away"
        if node.dep_ in ("relcl", "advcl") and any(c.lower_ == "when" for c in node.children):
            for upper in node.ancestors:
                subjects = [c for c in upper.children if c.dep_ in SUBJ]
                if upper.dep_ == "ROOT" and upper.pos_ in ("NOUN", "PROPN"):
                    subjects.append(upper)  # "X's vacancy dated to ...": the parser made the noun the root
                for subject in subjects:
                    parts = [subject] + [c for c in subject.children if c.dep_ == "compound"]
                    owners = parts + [c for part in parts for c in part.children if c.dep_ == "poss"]
                    named = [teams[o.i] for o in owners if o.i in teams and o.i not in opponents]
                    if named:
                        return named[0]
                if subjects:
                    return None  # the clause is about someone or something else
            return None
    return None


def titled_list_after(doc: Doc, head: Token, person: str) -> list[str]:
    """Titled people listed right after the verb's titled object, read on the words when the parser broke the
    list ("fired coordinator X, line coach Y, running backs coach Z and tight ends coach W")."""
    people, sent = doc._.links["person"], head.sent
    first = next((i for i in range(head.i + 1, sent.end) if people.get(i) == person), None)
    return _titled_list(doc, first, sent.end, person)


def titled_list_before(doc: Doc, head: Token, person: str) -> list[str]:
    """The same list as the verb's subject, before it: "coordinator X, line coach Y and backs coach Z were let
    go" (the parser hangs the later names as appositions or modifiers of the first)."""
    people, sent = doc._.links["person"], head.sent
    first = next((i for i in range(sent.start, head.i) if people.get(i) == person), None)
    return _titled_list(doc, first, head.i, person)


def _titled_list(doc: Doc, first: int | None, stop: int, person: str) -> list[str]:
    """From the person's titled name at ``first``, the titled names that follow it joined by commas and
    "and", up to ``stop``."""
    people = doc._.links["person"]
    starts = {r.start: r for r in doc.spans.get("roles", []) if r.label_ == "ROLE"}
    if first is None or not any(r.end == first for r in starts.values()):
        return []
    out: list[str] = []
    i, name = first, person
    while True:
        while i < stop and people.get(i) == name:
            i += 1
        while i < stop and doc[i].lower_ in (",", "and"):
            i += 1
        role = starts.get(i)
        name = people.get(role.end) if role is not None and role.end < stop else None
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


def described(token: Token) -> bool:
    """A capitalised word that is a description, not a name: it has a determiner ("the former Memphis State
    All-American") or is the second half of a hyphenated word ("All-American")."""
    doc = token.doc
    glued = token.i > 1 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_ \
        and not doc[token.i - 1].whitespace_
    return glued or any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token.children)


def name_after_preposition(doc: Doc, token: Token, people: dict[int, str]) -> bool:
    """A word of a name whose first words are the object of a preposition other than "as" ("hand the interim
    job to Jeff Saturday"): the whole name sits in that phrase, however the parser hung its last word."""
    name = people.get(token.i)
    if name is None:
        return False
    word = token.i
    while word - 1 >= 0 and people.get(word - 1) == name:
        word -= 1
    return any(doc[k].dep_ == "pobj" and doc[k].head.lower_ != "as" for k in range(word, token.i + 1))


def trigger_head(span: Span, word: str | None = None) -> Token:
    """The head token of a trigger: the token of its head word ``word`` (a lemma: "be" of "has been interim
    coach since", "be" of "would not be back") when that is a verb or noun, or any "be" that is no auxiliary;
    else the span's first verb or noun; else its first token. Every stage reads it from ``Candidate.head``."""
    named = next((t for t in span if t.lemma_ == word), None) if word is not None else None
    if named is not None and (named.pos_ in ("VERB", "NOUN", "PROPN") or word == "be" and named.dep_ not in ("aux", "auxpass")):
        return named
    return next((t for t in span if t.pos_ in ("VERB", "NOUN", "PROPN")), span[0])
