"""Stage 1, entities: a sports gazetteer (teams, federations, roles) over the statistical NER.

Writes ``doc.spans["teams"]`` (kb_id_ = canonical team), ``doc.spans["roles"]``
(label_ ROLE or FRONT_OFFICE, kb_id_ = normalized role, id_ = "interim" for
interim titles) and corrects ``doc.ents``: team names become ORG, known
mistakes of the model (tournament groups as people, surnames as ORG) are fixed.
"""
from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..sport import SportVoter
from ..extensions import doc_text
from .base import RuleComponent

DATA_FILES = ("teams.jsonl", "federations.jsonl", "leagues.jsonl", "roles.jsonl", "entity_fixes.jsonl",
              "club_words.jsonl", "venues.jsonl", "words.jsonl", "mentions.jsonl", "sports.jsonl")
YOUTH = re.compile(r"^(?:['’]s)?\s*(?:U|u|Under|under)\s?-?\s?(\d{2})s?\b")
WOMEN = re.compile(r"^(?:['’]s)?\s+(?:women|Women)(?:['’]s)?\b")
NOT_NAME_ENTS = {"DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL"}


def _name_word(token: Token, person_ok: bool = False) -> bool:
    """A capitalised word that continues a proper name (not a date, a person, an acronym or a line break);
    ``person_ok`` when the model may have taken the club for a person ("Grimsby Town")."""
    excluded = NOT_NAME_ENTS - {"PERSON"} if person_ok else NOT_NAME_ENTS
    return token.pos_ == "PROPN" and token.text[:1].isupper() and token.is_alpha and not token.text.isupper() \
        and token.ent_type_ not in excluded and "\n" not in token.text_with_ws


def _title_case(doc: Doc, span: Span) -> bool:
    """Whether the line of ``span`` is written in title case, where every word is capitalised."""
    start = doc_text(doc).rfind("\n", 0, span.start_char) + 1
    end = doc_text(doc).find("\n", span.end_char)
    words = [w for w in doc_text(doc)[start:end if end >= 0 else len(doc_text(doc))].split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


NAME_LABELS = {"ORG", "GPE", "NORP", "PRODUCT", "FAC", "LOC", "WORK_OF_ART"}


@Language.factory(
    "coaching_entities",
    default_config={"data_dir": None},
    requires=["doc.ents", "token.pos", "token.ent_type"],
    assigns=["doc.ents", "doc.spans"],
)
def make_entities(nlp: Language, name: str, data_dir: str | None) -> "SportsEntities":
    return SportsEntities(nlp, name, data_dir=data_dir)


class SportsEntities(RuleComponent):
    """Gazetteer matching and NER correction."""

    data_files = DATA_FILES

    def __init__(self, nlp: Language, name: str = "coaching_entities", *, data_dir: str | None = None) -> None:
        super().__init__(nlp, name, data_dir=data_dir)

    # -- data ------------------------------------------------------------
    def build(self) -> None:
        self.gazetteer = self.lexicon.gazetteer
        self.sport_voter = SportVoter(self.nlp, self.data["leagues.jsonl"], self.data["sports.jsonl"])
        self.team_matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        forms = sorted(self.gazetteer.forms)
        for form, doc in zip(forms, self.nlp.tokenizer.pipe(forms)):
            self.team_matcher.add(form, [doc])
        # headings in capitals ("CHICAGO BEARS:") name teams too
        upper = [f for f in forms if len(f) > 3 and not f.isupper()]
        for form, doc in zip(upper, self.nlp.tokenizer.pipe([f.upper() for f in upper])):
            self.team_matcher.add(form, [doc])
        self.roles = {row["pattern"].lower(): row for row in self.data["roles.jsonl"]}
        self.role_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        patterns = sorted(self.roles)
        for pattern, doc in zip(patterns, self.nlp.tokenizer.pipe(patterns)):
            self.role_matcher.add(pattern, [doc])
        self.club_suffixes = self.lexicon.words("suffix")
        self.club_prefixes = self.lexicon.words("prefix")
        self.club_affixes = self.club_suffixes | self.club_prefixes
        self.place_preps = self.lexicon.words("place_prep")
        self.origin_words = self.lexicon.words("origin_word", lower=True)
        self.competition_words = self.lexicon.words("competition_word")
        self.not_teams = self.lexicon.not_teams  # "AFC North" has a club word but is a division
        self.fix_matcher = Matcher(self.nlp.vocab)
        for number, row in enumerate(self.data["entity_fixes.jsonl"]):
            self.fix_matcher.add(f"fix{number}", [row["pattern"]])

    # -- processing ------------------------------------------------------
    def process(self, doc: Doc) -> None:
        self._teams(doc)
        self._roles(doc)
        self._fix_ents(doc)

    def _teams(self, doc: Doc) -> None:
        matches = []
        for match_id, start, end in self.team_matcher(doc):
            form = self.nlp.vocab.strings[match_id]
            matches.append((start, end, form))
        spans = filter_spans([Span(doc, s, e, label=self.gazetteer.kinds.get(f, "TEAM")) for s, e, f in matches])
        forms = {(s, e): f for s, e, f in matches}
        # people's names win over a team word inside them ("Jordan Henderson")
        persons = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
        surnames = {p[-1].text for p in persons if p[-1].is_alpha}
        kept = []
        for span in spans:
            if any(self._name_holds(p, span) for p in persons) or self._in_compound(span):
                continue
            if len(span) == 1 and span.text in surnames and not self._named_in_full(span, spans, forms):
                continue  # "Juarez, 43, had been in charge": the surname of Freddy Juarez, not FC Juárez
            if self._inside_longer_name(span, forms[(span.start, span.end)]) or self._place_after_town(span) \
                    or self._place_of_origin(span) or self._competition(span):
                continue
            kept.append(span)
        kept = self._with_unknown_clubs(doc, kept, forms)
        # ambiguous forms ("the Blues") go to the team the article names unambiguously
        unambiguous = Counter()
        for span in kept:
            if span.kb_id_:
                continue
            names = self.gazetteer.forms[forms[(span.start, span.end)]]
            if len(names) == 1:
                unambiguous[next(iter(names))] += 1
        # teams a form of the article names alone among the teams it is the full name or alias of ("Memphis")
        named_alone = Counter(next(iter(self.gazetteer.primary[forms[(s.start, s.end)]])) for s in kept
                              if not s.kb_id_ and len(self.gazetteer.primary.get(forms[(s.start, s.end)], ())) == 1)
        article = self.sport_voter.decide(doc, [self.gazetteer.teams[n] for span in kept if not span.kb_id_
                                                for n in self._strong_names(forms[(span.start, span.end)])])
        result = []
        for span in kept:
            if span.kb_id_:
                result.append(span)  # a club the gazetteer does not know, named by its own words
                continue
            form = forms[(span.start, span.end)]
            names = sorted(self.gazetteer.forms[form])
            fitting = [n for n in names if self.sport_voter.fits(self.gazetteer.teams.get(n), article)]
            if len(names) > 1:
                ranked = sorted(names, key=lambda n: -unambiguous[n])
                primary = sorted(self.gazetteer.primary.get(forms[(span.start, span.end)], ()))
                # else the one team of the article's league (the Colts are named: "the Panthers" is Carolina's)
                leagues = {self.gazetteer.teams[n].get("league") for n in unambiguous if n in self.gazetteer.teams}
                same_league = [n for n in names if self.gazetteer.teams.get(n, {}).get("league") in leagues - {None}]
                if unambiguous[ranked[0]]:
                    names = ranked[:1]
                elif len(primary) == 1:
                    names = primary
                elif len(same_league) == 1:
                    names = same_league
                else:
                    continue
            if not self._strong_names(form) and names[0] not in fitting:
                # a short alias or nickname of a team of another sport or level ("Tigers", "Lions"): only a
                # fitting team the article names by an unambiguous form may take it, else it is no team
                named = [n for n in fitting if unambiguous[n] or named_alone[n]]
                if len(named) != 1:
                    continue
                names = named
            result.append(self._squad(Span(doc, span.start, span.end, label=span.label_, kb_id=names[0])))
        doc.spans["teams"] = result

    def _strong_names(self, form: str) -> list[str]:
        """The team a form names beyond doubt: its full name, or a multi-word alias of one team only that is
        not the place its name begins with."""
        names = self.gazetteer.forms.get(form, set())
        bare = form[4:] if form.startswith(("the ", "The ")) else form
        if len(names) != 1 or self.gazetteer.kinds.get(form) != "TEAM":
            return []
        name = next(iter(names))
        # a multi-word alias that is not the place the full name begins with ("Golden State")
        if bare == name or len(bare.split()) > 1 and name in self.gazetteer.primary.get(form, ()) \
                and not name.startswith(bare + " "):
            return [name] if name in self.gazetteer.teams else []
        return []

    def _inside_longer_name(self, span: Span, form: str) -> bool:
        """A short team form that ends a longer proper name: "City" of "Lincoln City" or "Carson City",
        "A's" of "Serie A's"; a ground that begins one: "Anfield" of "Anfield Holdings Group". The team's full
        name is never cut; a title-case headline proves nothing."""
        doc = span.doc
        if form in self.gazetteer.teams or _title_case(doc, span):
            return False
        if span.start > 0 and _name_word(doc[span.start - 1], person_ok=True):
            return True
        if span.end + 1 < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_ \
                and not doc[span.end].whitespace_ and doc[span.end + 1].is_lower:
            return True  # "Sun" of "Park Sun-woo"
        return self.gazetteer.kinds.get(form) == "VENUE" and span.end < len(doc) and _name_word(doc[span.end])

    def _with_unknown_clubs(self, doc: Doc, spans: list[Span], forms: dict[tuple[int, int], str]) -> list[Span]:
        """Clubs the gazetteer does not know, recognised by a club word: "Grimsby Town", "Bristol Rovers",
        "FC Goa". A city form inside is absorbed ("Bristol" of "Bristol Rovers"), a full team name is not
        ("Mexico" of "Mexico City"); a name after "in" is a place; a title-case headline proves nothing."""
        weak = {i: span for span in spans if forms.get((span.start, span.end)) not in self.gazetteer.teams
                for i in range(span.start, span.end)}
        taken = {i for span in spans for i in range(span.start, span.end)}
        absorbed: set[int] = set()
        out = []
        for token in doc:
            if token.i in taken or token.text not in self.club_affixes:
                continue
            start, end = token.i, token.i + 1
            if token.text in self.club_suffixes:
                while start > 0 and (doc[start - 1].i in weak or start - 1 not in taken) \
                        and _name_word(doc[start - 1], person_ok=True):
                    start -= 1
            if start == token.i and token.text in self.club_prefixes:
                while end < len(doc) and end not in taken and _name_word(doc[end]):
                    end += 1
            if end - start < 2 or _title_case(doc, doc[start:end]) or doc[start:end].text in self.not_teams \
                    or start > 0 and doc[start - 1].lower_ in self.place_preps:
                continue
            out.append(Span(doc, start, end, label="TEAM", kb_id=doc[start:end].text))
            absorbed.update(id(weak[i]) for i in range(start, end) if i in weak)
            taken.update(range(start, end))
        out += [span for span in spans if id(span) not in absorbed]
        return sorted(out, key=lambda s: s.start)

    def _competition(self, span: Span) -> bool:
        """ "the FA Cup", "the Africa Cup of Nations": the team's name begins a competition's."""
        doc = span.doc
        return span.end < len(doc) and doc[span.end].text in self.competition_words

    def _place_of_origin(self, span: Span) -> bool:
        """ "a Liverpool-born coach", "a Madrid-based agent": the team's name is a place here."""
        doc = span.doc
        return span.end + 1 < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_ \
            and doc[span.end + 1].lower_ in self.origin_words

    def _squad(self, span: Span) -> Span:
        """A national team's youth or women's side is a team of its own: "Argentina U-20", "Argentina's
        under-20 national team", "Spain women" (never the senior team)."""
        record = self.gazetteer.teams.get(span.kb_id_)
        if record is None or record.get("kind") != "national" or record.get("parent"):
            return span
        doc = span.doc
        after = doc_text(doc)[span.end_char:span.end_char + 40]
        youth, women = YOUTH.match(after), WOMEN.match(after)
        if youth:
            name = f"{span.kb_id_} U-{youth.group(1)}"
        elif women:
            name = next((n for n, r in self.gazetteer.teams.items() if r.get("parent") == span.kb_id_
                         and r.get("gender") == "women"), f"{span.kb_id_} women's national team")
        else:
            return span
        found = youth or women
        longer = doc.char_span(span.start_char, span.end_char + found.end(), alignment_mode="expand")
        if longer is None:
            return span
        return Span(doc, longer.start, longer.end, label=span.label_, kb_id=name)

    @staticmethod
    def _place_after_town(span: Span) -> bool:
        """A state or country after a town and a comma is a place: "Carson City, Nevada", "Enugu, Nigeria"."""
        doc = span.doc
        if span.start < 2 or doc[span.start - 1].text != "," or span.root.ent_type_ not in ("GPE", "LOC"):
            return False
        town = doc[span.start - 2]
        return town.ent_type_ in ("GPE", "LOC", "FAC") and town.pos_ == "PROPN" and town.ent_iob_ in ("B", "I")

    def _named_in_full(self, span: Span, spans: list[Span], forms: dict[tuple[int, int], str]) -> bool:
        """Whether the article also names the team of ``span`` by a longer form ("Club América")."""
        names = self.gazetteer.forms[forms[(span.start, span.end)]]
        return any(len(other) > 1 and names & self.gazetteer.forms[forms[(other.start, other.end)]]
                   for other in spans)

    @staticmethod
    def _in_compound(span: Span) -> bool:
        """A team form glued by a hyphen to a lower-case word is part of another word:
        "Liverpool-born", "Sun-woo"."""
        doc = span.doc
        end = span.end
        return end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].text.islower()

    @staticmethod
    def _name_holds(person: Span, team: Span) -> bool:
        """A person's name holds a one-word team form ("Jordan Henderson"), not a team phrase ("Manchester United's")."""
        if not (person.start <= team.start and team.end <= person.end) or len(team) > 1:
            return False
        rest = [t for t in person if not (team.start <= t.i < team.end)]
        return bool(rest) and all(t.pos_ == "PROPN" and t.tag_ != "POS" for t in rest)

    def _roles(self, doc: Doc) -> None:
        spans = []
        for match_id, start, end in self.role_matcher(doc):
            if end - start == 1 and doc[start].pos_ == "VERB":
                continue
            pattern = self.nlp.vocab.strings[match_id]
            spans.append(Span(doc, start, end, label=pattern))
        out = []
        for span in filter_spans(spans):
            row = self.roles[span.label_]
            label = "ROLE" if row["coaching"] else "FRONT_OFFICE"
            out.append(Span(doc, span.start, span.end, label=label, kb_id=row["role"] or "",
                            span_id="interim" if row["interim"] else ""))
        doc.spans["roles"] = out

    def _fix_ents(self, doc: Doc) -> None:
        drop = {(doc[s:e].start_char, doc[s:e].end_char) for _, s, e in self.fix_matcher(doc)}
        trimmed = []
        for ent in doc.ents:
            start, end = ent.start, ent.end
            while end > start and (doc[end - 1].is_space or doc[end - 1].text.strip() == ""):
                end -= 1
            if end > start:
                trimmed.append(Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_))
        doc.ents = trimmed
        teams = list(doc.spans["teams"])
        team_tokens = {i for span in teams for i in range(span.start, span.end)}
        ents = [e for e in doc.ents if (e.start_char, e.end_char) not in drop]
        # surnames the model took for organisations or places
        surnames = set()
        for ent in ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                surnames.add(ent[-1].text)
                surnames.add(ent.text)
        fixed = []
        for ent in ents:
            if ent.label_ in NAME_LABELS and ent.text in surnames and not any(
                    i in team_tokens for i in range(ent.start, ent.end)):
                ent = Span(doc, ent.start, ent.end, label="PERSON")
            fixed.append(ent)
        team_ents = [Span(doc, t.start, t.end, label="ORG", kb_id=t.kb_id_) for t in teams]
        doc.ents = filter_spans(team_ents + [e for e in fixed
                                            if not any(i in team_tokens for i in range(e.start, e.end))])
