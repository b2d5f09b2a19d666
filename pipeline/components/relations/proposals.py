"""From a trigger to its candidate transitions: the voice reads person and team (``voices.VOICES``), then
shared steps fill in what the voice left open and add the transitions the sentence implies.

Steps, in order: the nearest person for a strong trigger with none; the team when the voice found none
(``_fallback_team``); the post (``_post``); the date; then the main candidate and its companions — the new
job of a coach who moves on (``_moved_to``), people coordinated with him (``_coordinated``), the coach
replaced (``_replaced``), the job a hired coach leaves (``_moved_from``).

``Proposals`` is a mixin of ``RelationExtractor``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, Token

from ... import syntax
from ...candidates import Candidate
from ...date_spans import DATE_LABELS
from .triggers import Triggers
from .voices import VOICES, Reading, Site, site_of



@dataclass(frozen=True)
class Post:
    """The post a transition is about, and the titles set aside while finding it."""
    role: str | None
    interim: bool
    front_office: str | None
    attached: Span | None  # the title the trigger itself names ("as head coach")
    old_posts: list[Span]  # a hire's old titles ("promoted assistant coach X")
    new_posts: list[Span]  # a departure's next titles ("left to become an assistant with Y")


@dataclass
class Draft:
    """What the steps share about one trigger's main transition."""
    site: Site
    reading: Reading
    person: str | None
    person_tokens: list[int]
    person_team: str | None
    destinations: list[Token]
    team: str | None
    base: dict[str, Any]  # the Candidate fields every transition of this trigger shares


class Proposals:
    """Candidates of one trigger."""

    def _candidates(self, doc: Doc, head: Token, match: Span, trigger: dict, found: Triggers) -> list[Candidate]:
        site = site_of(self, doc, head, match, trigger, found)
        reading = VOICES[site.voice](self, site)
        if reading is None:
            return []
        sent, people, teams = site.sent, doc._.links["person"], doc._.links["team"]
        person, fallback = reading.person, False
        if person is None and trigger["strength"] == "strong" and not self._unnamed_object(site):
            person = self._nearest(sent, head, people, found.heads)
            fallback = person is not None
        if person is None and not reading.others:
            return []
        person_tokens = [i for i, name in people.items() if name == person and sent.start <= i < sent.end]
        destinations = self._destinations(doc, head) if site.type == "departure" else []
        team = reading.team
        if team is not None and destinations and team in {teams[t.i] for t in destinations}:
            team = None
        person_team = self._person_team(doc, sent, person) if person else None
        team, team_from = self._fallback_team(site, team, person, person_team, destinations)
        post = self._post(site, person, person_tokens, team)
        date, date_shift = self._date(doc, sent, head, found, match)
        base = dict(team=team, role=post.role, interim=post.interim, trigger=(match.start_char, match.end_char),
                    voice=site.voice, pattern=trigger["pattern"], head=head.i, team_from=team_from,
                    passive=reading.passive if site.voice == "transitive" else None,
                    sentence=(sent.start_char, sent.end_char), strength=trigger["strength"],
                    date_text=date.text if date is not None else None,
                    date_span=(date.start_char, date.end_char) if date is not None else None,
                    date_shift=date_shift[0] if date_shift else None,
                    date_shift_unit=date_shift[1] if date_shift else "day")
        draft = Draft(site=site, reading=reading, person=person, person_tokens=person_tokens,
                      person_team=person_team, destinations=destinations, team=team, base=base)
        out = []
        if person is not None:
            cand = Candidate(type=trigger["type"], manner=trigger.get("manner") if trigger["type"] == "departure" else None,
                             person=person, nearest_person=fallback, front_office=post.front_office or None,
                             date_label=DATE_LABELS[date.label_] if date is not None else None,
                             role_attached=post.attached is not None and bool(post.attached.kb_id_), **base)
            out.append(cand)
            out += self._moved_to(draft, cand, post)
            if site.voice != "replace":
                out += self._coordinated(draft, cand)
        out += self._replaced(draft)
        if trigger["type"] == "hire" and person is not None:
            out += self._moved_from(draft, post)
        return out

    @staticmethod
    def _unnamed_object(site: Site) -> bool:
        """ "will now hire a coordinator of his own", "to appoint a new manager": the person slot holds a
        description of someone not yet named, so the nearest name is not the one hired or fired."""
        if site.voice != "transitive" or site.passive:
            return False
        people = site.doc._.links["person"]
        return any(o.pos_ == "NOUN" and o.i not in people and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another")
                                                                   for c in o.children) for o in site.objs)

    def _fallback_team(self, site: Site, team: str | None, person: str | None, person_team: str | None,
                       destinations: list[Token]) -> tuple[str | None, str | None]:
        """The team when the voice found none, and how it was found (``Candidate.team_from``): the team
        qualifying the person (departures), a "where" clause, the sentence, the person's description
        elsewhere in the article, the section heading, or the article's home team."""
        doc, sent, head, preps = site.doc, site.sent, site.head, site.preps
        teams = doc._.links["team"]
        if team is None and person_team and site.type == "departure":
            return person_team, "person_team"
        if team is not None:
            return team, None
        exclude = {person_team} if person_team and site.type == "hire" else set()
        if site.type == "hire":  # "arrived from Army after five seasons at West Point": not the new team
            exclude |= {name for p, o in preps if p == "from" and (name := self._team(doc, o))}
        exclude |= {teams[t.i] for t in destinations}
        if site.type == "hire":  # "his arrival from Luton": where he came from
            exclude |= {self._team(doc, o) for p, o in preps if p == "from"} - {None}
        team = syntax.where_clause_team(head, teams)
        if team is not None:
            return team, "where_team"
        team = syntax.when_clause_team(head, teams, doc._.links.get("opponent", {}))
        if team is not None and team not in exclude:
            return team, "when_team"
        if (team := self._sentence_team(doc, sent, head, person, exclude, site.found.heads)) is not None:
            return team, "sentence_team"
        if person and site.type == "departure" and not destinations and self._article_person_team(doc, sent, person):
            return self._article_person_team(doc, sent, person), "person_team"
        if site.trigger.get("team") == "home":
            # a career phrase ("got the job", "is back with") names its team or means the article's own: the
            # heading of a tracker's section is some other item's team
            return doc._.home_team, "home_team"
        team = self._section_team(sent, site.found.headings)
        return team or doc._.home_team, "paragraph_team" if team else "home_team"

    def _post(self, site: Site, person: str | None, person_tokens: list[int], team: str | None) -> Post:
        """The role, interim flag and front-office title of the main transition."""
        doc, sent, head, match, subj = site.doc, site.sent, site.head, site.match, site.subj
        # "promoted assistant coach X", "assistant X takes charge": the title before the name is the one he leaves
        # and so does a successor's ("associate head coach X will succeed Y"), when the titled name is the subject
        promotion = head.lemma_ in self.promotion_verbs or site.voice == "intransitive" \
            or site.voice == "replace" and subj is not None and subj.pos_ != "PRON" and subj.i in person_tokens
        old_posts = self._old_posts(doc, sent, person_tokens, team, promotion=promotion) \
            if site.type == "hire" else []
        if site.type == "hire":  # "served as X at A before taking charge of B": X is the post he leaves
            old_posts += [r for r in self._earlier_post(doc, head)[0] if r not in old_posts]
        # "left X to become an assistant with Y": the title in the purpose clause is the new post's
        new_posts = self._destination_roles(doc, head) if site.type == "departure" else []
        skip = frozenset(r.start for r in old_posts + new_posts) | self._others_titles(doc, sent, person)
        role, interim, front_office = self._role(doc, sent, person_tokens, match, skip)
        attached = self._attached_role(doc, head, match, site.preps, site.objs)
        if attached is not None and attached.label_ == "ROLE" and attached.kb_id_:
            role, interim = attached.kb_id_, interim or attached.id_ == "interim"
        elif attached is not None and attached.label_ == "ROLE" and attached.id_ == "interim":
            role, interim = None, True  # "stepped up from assistant to caretaker": the head post, for now
        elif attached is not None and attached.label_ == "FRONT_OFFICE" and attached.kb_id_:
            role, front_office = None, attached.kb_id_  # "returns as chief executive", "to become sporting director"
        return Post(role=role, interim=interim, front_office=front_office, attached=attached,
                    old_posts=old_posts, new_posts=new_posts)

    def _moved_to(self, draft: Draft, main: Candidate, post: Post) -> list[Candidate]:
        """A departure to another job ("left Michigan to coach the Chargers"): its manner is "moved", and the
        new job is a hire of its own."""
        site, base = draft.site, draft.base
        if not (draft.destinations or site.type == "departure" and self._moves_on(site.head)):
            return []
        main.manner = "moved"
        teams = site.doc._.links["team"]
        out = []
        for token in draft.destinations[:1]:
            # with no title of its own, the new post is taken to be of the same rank as the old one
            new_role = next((r.kb_id_ for r in post.new_posts if r.label_ == "ROLE" and r.kb_id_), base["role"])
            out.append(Candidate(type="hire", manner=None, person=main.person, team=teams[token.i],
                                 derived="moved_to", **{k: v for k, v in base.items() if k != "team"}
                                 | {"interim": False, "strength": "weak", "role": new_role}))
        return out

    def _coordinated(self, draft: Draft, main: Candidate) -> list[Candidate]:
        """ "dismissed X and general manager Y", "coordinators X and Y were fired": one transition each."""
        site, person = draft.site, main.person
        doc, sent, subj = site.doc, site.sent, site.subj
        people = doc._.links["person"]
        passive = draft.reading.passive
        arguments = [t for t in ([subj] if passive or site.voice in ("intransitive", "symmetric") else site.objs)
                     if t is not None]
        coordinated = self._conjoined(doc, arguments, person)
        if site.voice == "symmetric":
            # "parted company with manager X, assistant manager Y and goalkeeping coach Z": the list the
            # person heads after "with"
            partners = [o for p, o in site.preps if p == "with" and people.get(o.i) == person]
            coordinated += [n for n in self._conjoined(doc, partners, person) if n not in coordinated]
            for partner in partners:
                coordinated += [n for n in self._listed_objects(doc, partner, person) if n not in coordinated]
        if site.voice == "transitive" and not passive:
            coordinated += [n for n in self._listed_objects(doc, site.head, person) if n not in coordinated]
        elif site.voice != "noun":  # the list as the subject: "coordinator X, line coach Y and Z were let go"
            coordinated += [n for n in syntax.titled_list_before(doc, site.head, person) if n not in coordinated]
        coordinated += [name for name in self._conjoined_people(doc, draft.person_tokens, person, site.head)
                        if name not in coordinated]
        out = []
        for other in coordinated:
            tokens = [i for i, name in people.items() if name == other and sent.start <= i < sent.end]
            other_role, other_office = self._own_title(doc, sent, other)
            other_interim = False
            if other_role is None and other_office is None:
                other_role, other_interim, other_office = self._role(doc, sent, tokens, site.match)
            out.append(Candidate(type=site.type, manner=main.manner, person=other, derived="conj",
                                 nearest_person=main.nearest_person, front_office=other_office or None,
                                 **{**draft.base, "role": other_role, "interim": other_interim}))
        return out

    @staticmethod
    def _replaced(draft: Draft) -> list[Candidate]:
        """The other transitions the voice read ("A replaced B": B's departure)."""
        return [Candidate(type=type_, manner=manner, person=other, derived="replaced",
                          **{**draft.base, "interim": False, "strength": "weak"})
                for type_, other, manner in draft.reading.others]

    def _moved_from(self, draft: Draft, post: Post) -> list[Candidate]:
        """A coach hired away from the team he coaches: "hired Fordham head coach X", "lured X from Brighton"."""
        site, person, team, base = draft.site, draft.person, draft.team, draft.base
        doc, sent = site.doc, site.sent
        if any(t.lemma_ in self.dual_role for t in sent):
            return []
        out = []
        moved = self._moved_from_teams(doc, sent, site.head, person, team)
        moved += [name for name in self._earlier_post(doc, site.head)[1] if name != team and name not in moved]
        if draft.person_team and draft.person_team != team and draft.person_team not in moved:
            moved.append(draft.person_team)
        old_role = post.old_posts[0].kb_id_ if post.old_posts and post.old_posts[0].kb_id_ else base["role"]
        for moved_from in moved:
            out.append(Candidate(type="departure", manner="moved", person=person, team=moved_from,
                                 derived="moved_from", **{k: v for k, v in base.items() if k != "team"}
                                 | {"interim": False, "role": old_role}))
        elsewhere = self._article_description(doc, sent, person, exclude={team}) \
            if not moved and team and not self._keeps_post(doc, person) and base["team_from"] != "where_team" \
            else None  # a "where" clause tells the team's past, the description the person's present
        if elsewhere is not None:
            # "Callan had been the Bengals offensive coordinator": the team the person coaches, said elsewhere
            role = self._described_role(doc, elsewhere[1], person) or base["role"]
            out.append(Candidate(type="departure", manner="moved", person=person, team=elsewhere[0],
                                 derived="moved_from", **{k: v for k, v in base.items() if k not in ("team", "role")}
                                 | {"interim": False, "role": role}))
        return out
