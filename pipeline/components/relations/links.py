"""Explicit links between the transitions of one article, settled once every candidate is known and the
modality stage has vetoed what is no fact (assembly calls these first).

"X replaces Y, who was sacked in May": the succession names no team of its own, and the relative clause
under Y names none either, so both were given a guessed team (the sentence's, the section's or the
article's home team). The team is X's new team: the one the article binds X's hire to in a clause of its
own ("the Twins hired X"); Y leaves that team.
"""
from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Doc

from ...candidates import Candidate

WEAK = "weak_trigger"  # the modality veto of a weak trigger bound to a guessed team only
PLACE_GUESSES = ("sentence_team", "paragraph_team", "home_team")  # not the person's own qualifier


def bind_successions(candidates: list[Candidate]) -> None:
    """Give a succession whose team was guessed the team of the successor's own-clause hire (when the
    article binds him to exactly one), and the same to the departures of the replaced person in that
    sentence whose team was the same guess."""
    bound: dict[str, set[str]] = defaultdict(set)
    for cand in candidates:
        if cand.type == "hire" and cand.team and not cand.vetoed and not cand.team_guessed and not cand.derived:
            bound[cand.person].add(cand.team)
    for cand in candidates:
        if cand.type != "hire" or cand.voice != "replace" or not cand.team_guessed or cand.derived \
                or len(bound.get(cand.person, ())) != 1:
            continue
        team = next(iter(bound[cand.person]))
        if team == cand.team:
            continue
        replaced = {c.person for c in candidates if c.trigger == cand.trigger and c.derived == "replaced"}
        linked = [cand] + [c for c in candidates if c.type == "departure" and c.sentence == cand.sentence
                           and c.person in replaced and c.team == cand.team and c.team_guessed]
        for other in linked:
            other.team = team
            other.notes.append("team:succession")


def bind_successors_to_predecessors(doc: Doc, candidates: list[Candidate]) -> None:
    """ "X was sacked by Lazio. He was replaced by Z" / "Z was chosen as his successor": a succession whose
    team was only guessed takes the team the replaced coach is stated to leave (exactly one, in a clause
    of its own, or the one its sentence names), and his post when it names none; so does the replaced coach's departure it implies. Run
    after the person vetoes: a weak trigger bound this way is bound to a stated team, and its veto for
    having none (``weak_trigger``) is lifted."""
    left: dict[str, list[Candidate]] = defaultdict(list)
    posts: dict[tuple[str, str], str] = {}
    # a successor whose hire the article binds in a clause of its own takes that team (bind_successions)
    hired = {c.person for c in candidates if c.type == "hire" and c.team and not c.vetoed
             and not c.team_guessed and not c.derived}
    for cand in candidates:
        if cand.type == "departure" and cand.team and not cand.vetoed and not cand.derived and (
                not cand.team_guessed or cand.team_from == "sentence_team" and _named_in_sentence(doc, cand)):
            left[cand.person].append(cand)
            if cand.role:
                posts.setdefault((cand.person, cand.team), cand.role)
    for cand in candidates:
        if cand.type != "hire" or cand.voice not in ("replace", "noun") or cand.derived \
                or cand.vetoed not in (None, WEAK) or not cand.team_guessed or cand.person in hired:
            continue
        replaced = [c for c in candidates if c.trigger == cand.trigger and c.derived == "replaced"]
        # the replaced coach's departure at the time of the succession, not an earlier one of his career
        teams = {d.team for c in replaced for d in left.get(c.person, ()) if _same_time(d.date, cand.date)}
        if len(teams) != 1:
            continue
        team = next(iter(teams))
        for other in [cand] + [c for c in replaced if c.team_guessed and c.vetoed in (None, WEAK)]:
            other.team, other.team_from, other.vetoed = team, "predecessor_team", None
            other.role = other.role or posts.get((replaced[0].person, team))
            other.notes.append("team:predecessor")


def _same_time(one: str | None, other: str | None) -> bool:
    """Two dates that may be one moment: either unknown, or one month's prefix of the other."""
    return not one or not other or one[:7].startswith(other[:7]) or other[:7].startswith(one[:7])


def _named_in_sentence(doc: Doc, cand: Candidate) -> bool:
    """The candidate's team is named in its sentence by a name, not only by "the university" or "it"."""
    sent = doc.char_span(*cand.sentence, alignment_mode="expand")
    teams = doc._.links["team"]
    return sent is not None and any(teams.get(t.i) == cand.team and t.text[:1].isupper() and t.pos_ == "PROPN"
                                    for t in sent)


def bind_guesses_to_stated_teams(doc: Doc, candidates: list[Candidate]) -> None:
    """A transition whose team was only guessed from the sentence or the article ("Baldelli becomes the
    youngest manager in the majors", "Allardyce signed a contract the following day") restates the person's
    transition of the same kind whose team the article binds in a clause of its own and names there ("the
    Twins hired Baldelli"; not "the university named X"): it takes that team, when there is exactly one and
    the guessed transition has no date of its own that differs."""
    stated: dict[tuple[str, str], set[str]] = defaultdict(set)
    dates: dict[tuple[str, str], set[str | None]] = defaultdict(set)
    for cand in candidates:
        if cand.team and not cand.vetoed and not cand.team_guessed and not cand.derived \
                and _named_in_sentence(doc, cand):
            stated[(cand.type, cand.person)].add(cand.team)
            dates[(cand.type, cand.person)].add(cand.date)
    for cand in candidates:
        teams = stated.get((cand.type, cand.person), set())
        if cand.vetoed or len(teams) != 1 or cand.team_from not in PLACE_GUESSES:
            continue
        # the same transition: the stated one's date, or the news date's month for a transition dated by
        # default ("he had taken over in December 2019" is another move than the one of today's news)
        own = cand.date if cand.date_source != "default" else (cand.date or "")[:7]
        if own and not any(d is None or d.startswith(own) or own.startswith(d) for d in dates[(cand.type, cand.person)]):
            continue
        team = next(iter(teams))
        if team != cand.team:
            cand.team = team
            cand.notes.append("team:stated_elsewhere")
