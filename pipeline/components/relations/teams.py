"""Which team a transition is with: the trigger's own arguments, the team that qualifies the person
("Fordham head coach X"), the sentence, a section heading, or the article's home team; and the teams a
coach moves from or to.

``TeamChoice`` is a mixin of ``RelationExtractor``: it reads ``former_words``, ``post_words``, ``dual_role``
and ``team_distance`` from it, and the argument helpers of ``Arguments``.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ... import syntax
from ...extensions import doc_text

TEAM_STOP_PREPS = {"against", "over", "to", "versus", "vs", "beat", "past"}
MEMO = "coaching_events.relations_memo"  # doc.user_data key, present only while the stage runs on the doc


class DocMemo:
    """What the team rules read again and again in one document, built once and answers kept: the role spans,
    the sentences and who is named in each, and the person-team lookups. Made by ``RelationExtractor.extract``
    (``doc.user_data[MEMO]``) for its own run and dropped after it, so it never outlives the parse it reads."""

    def __init__(self, doc: Doc) -> None:
        self.roles = list(doc.spans.get("roles", []))
        self.coaching_roles = [r for r in self.roles if r.label_ == "ROLE"]
        self.role_tokens = {j for r in self.roles for j in range(r.start, r.end)}
        self.sents = list(doc.sents)
        # the sentences (by index) that name each person
        self.named_in: dict[str, list[int]] = {}
        people = doc._.links["person"]
        for index, sent in enumerate(self.sents):
            for name in dict.fromkeys(people[i] for i in range(sent.start, sent.end) if i in people):
                self.named_in.setdefault(name, []).append(index)
        self.answers: dict[tuple, object] = {}


def memo_of(doc: Doc) -> DocMemo | None:
    return doc.user_data.get(MEMO)


class TeamChoice:
    """The team of a transition, and the teams moved from or to."""

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

    def _person_team(self, doc: Doc, sent: Span, person: str | None) -> str | None:
        """The team that qualifies the person's name: "Fordham's Sean Dorsey", "Fordham head coach Sean Dorsey"."""
        memo = memo_of(doc)
        if memo is None:
            return self._find_person_team(doc, sent, person, None)
        key = ("person_team", sent.start, sent.end, person)
        if key not in memo.answers:
            memo.answers[key] = self._find_person_team(doc, sent, person, memo)
        return memo.answers[key]  # type: ignore[return-value]

    def _find_person_team(self, doc: Doc, sent: Span, person: str | None, memo: DocMemo | None) -> str | None:
        people, teams = doc._.links["person"], doc._.links["team"]
        role_tokens = memo.role_tokens if memo is not None else \
            {j for r in doc.spans.get("roles", []) for j in range(r.start, r.end)}
        for i, name in people.items():
            if name != person or not (sent.start <= i < sent.end):
                continue
            token = doc[i]
            phrase = self._np(token)
            if any(t.lower_ in self.former_words for t in phrase):
                continue  # "the former Barcelona midfielder" played there once: no team of his now
            for t in phrase:
                if t.i in teams and t.i < i and not syntax.former(t, self.former_words):
                    return teams[t.i]
            j = i - 1
            while j >= sent.start and (doc[j].pos_ in ("PROPN", "NOUN") and j not in teams or doc[j].tag_ == "POS"):
                if j in role_tokens or doc[j].tag_ == "POS":
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
        memo = memo_of(doc)
        roles = memo.coaching_roles if memo is not None else [r for r in doc.spans.get("roles", []) if r.label_ == "ROLE"]
        phrases = [c for c in token.children if c.dep_ == "appos"]
        phrases += [c for c in token.children if c.dep_ == "relcl" and c.lemma_ == "be" and not syntax.future(c)]
        if token.dep_ == "nsubj" and token.head.lemma_ == "be" and not syntax.future(token.head):
            phrases += [c for c in token.head.children if c.dep_ == "attr"]
        for phrase in phrases:
            # not a relative clause on the description: "X, Y's lead assistant, who was named coach of Z"
            words = {t.i for t in phrase.subtree} - {t.i for c in phrase.children if c.dep_ in ("relcl", "acl")
                                                     for t in c.subtree}
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
        memo = memo_of(doc)
        if memo is not None:
            key = ("article_description", sent.start, person, frozenset(exclude))
            if key not in memo.answers:
                memo.answers[key] = self._find_article_description(doc, sent, person, exclude, memo)
            return memo.answers[key]  # type: ignore[return-value]
        return self._find_article_description(doc, sent, person, exclude, None)

    def _find_article_description(self, doc: Doc, sent: Span, person: str, exclude: set[str],
                                  memo: DocMemo | None) -> tuple[str, Span] | None:
        if memo is not None:  # the sentences that name the person, from the memo's index
            named = [memo.sents[index] for index in memo.named_in.get(person, [])]
        else:
            people = doc._.links["person"]
            named = [other for other in doc.sents if any(people.get(i) == person for i in range(other.start, other.end))]
        found = [(other.start < sent.start, self._person_team(doc, other, person), other) for other in named
                 if other.start != sent.start]
        before = [(team, other) for is_before, team, other in found if is_before and team and team not in exclude]
        after = [(team, other) for is_before, team, other in found if not is_before and team and team not in exclude]
        return before[-1] if before else after[0] if after else None

    def _keeps_post(self, doc: Doc, person: str) -> bool:
        """Whether a sentence about the person says he keeps his other post ("will keep FC Goa job")."""
        memo = memo_of(doc)
        if memo is not None:
            key = ("keeps_post", person)
            if key not in memo.answers:
                memo.answers[key] = any(any(t.lemma_ in self.dual_role for t in memo.sents[index])
                                        for index in memo.named_in.get(person, []))
            return bool(memo.answers[key])
        people = doc._.links["person"]
        return any(any(people.get(t.i) == person for t in sent) and any(t.lemma_ in self.dual_role for t in sent)
                   for sent in doc.sents)

    def _moves_on(self, head: Token) -> bool:
        """A departure with a purpose clause of taking another job: "quit Hull to take the Norwich job"."""
        return any(c.dep_ in ("xcomp", "advcl") and c.lemma_ in self.destination_verbs - {"return", "replace", "succeed"}
                   and any(m.lower_ == "to" for m in c.children if m.dep_ == "aux") for c in head.children)

    def _destinations(self, doc: Doc, head: Token) -> list[Token]:
        """Teams in a purpose clause of a departure: "left Michigan to coach the Chargers"."""
        teams, opponents = doc._.links["team"], doc._.links.get("opponent", {})
        out = []
        for child in head.children:
            if child.dep_ in ("xcomp", "advcl") and child.lemma_ in self.destination_verbs:
                out += [t for t in child.subtree if t.i in teams and t.dep_ in ("dobj", "pobj") and t.i not in opponents]
            elif child.dep_ == "prep" and child.lower_ == "for" and head.lemma_ in self.leaving_for_verbs:
                # "left Wake Forest for Auburn", "bolted for Auburn"
                out += [t for t in child.children if t.i in teams and t.dep_ == "pobj" and t.i not in opponents]
        return out

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
            if prep is not None and (prep.lower_ in TEAM_STOP_PREPS | {"from"} or prep.head.lemma_ in self.match_words):
                continue
            if any(a.lemma_ in self.match_words and a.i != head.i for a in list(token.ancestors)[:3]):
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

    @staticmethod
    def _office_there(doc: Doc, team: Token) -> bool:
        """ "arrives from X, where he had been head of sport": the post the "where" clause gives him at the
        team he comes from is a front-office one, so he leaves no coaching post there."""
        clauses = [c for c in team.children if c.dep_ == "relcl"]
        spans = [r for r in doc.spans.get("roles", []) for c in clauses if c.left_edge.i <= r.start <= c.right_edge.i]
        return any(r.label_ == "FRONT_OFFICE" for r in spans) and not any(r.label_ == "ROLE" for r in spans)

    def _moved_from_teams(self, doc: Doc, sent: Span, head: Token, person: str, team: str | None) -> list[str]:
        teams, people = doc._.links["team"], doc._.links["person"]
        found = []
        for i, name in teams.items():
            if not (sent.start <= i < sent.end) or name == team:
                continue
            token = doc[i]
            if token.dep_ == "pobj" and token.head.lower_ == "from" and not syntax.origin(doc, token.head):
                if not self._office_there(doc, token):
                    found.append(name)
                continue
            owned = token.head if token.dep_ == "poss" else None
            if owned is not None and owned.dep_ == "pobj" and owned.head.lower_ == "from" \
                    and owned.lemma_.lower() in self.post_words and not syntax.origin(doc, owned.head):
                found.append(name)  # "hired X from the Pelicans' bench"
                continue
            post = token.head.head if token.dep_ == "pobj" and token.head.lower_ in ("with", "at", "of") else None
            if post is not None and post.dep_ == "pobj" and post.head.lower_ == "from" \
                    and post.lemma_.lower() in self.post_words and not syntax.origin(doc, post.head):
                found.append(name)  # "came back from an assistant's job with the Heat"
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
