"""Stage 2, coaching_mentions: every mention of a person or team linked to one canonical entity.

Every sentence here was written for this test.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

import pipeline

PUBLISHED = "2018-07-27"


def run(nlp, text: str, title: str | None = None, date: str = PUBLISHED) -> Doc:
    """The doc as this stage leaves it (relations and the later stages do not run)."""
    return pipeline.run_until(nlp, "coaching_mentions", text, date, title=title)


def linked(doc: Doc, surface: str, kind: str, occurrence: int = -1) -> str | None:
    """The canonical entity the ``occurrence``-th mention span reading ``surface`` links to."""
    label = "PERSON" if kind == "person" else "TEAM"
    spans = [s for s in doc.spans["mentions"] if s.text == surface and s.label_ == label]
    assert spans, f"no {label} mention {surface!r} among {[(s.text, s.label_) for s in doc.spans['mentions']]}"
    return spans[occurrence].kb_id_


# -- people ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "surface", "person"),
    [
        pytest.param("Burnley sacked Dean Whitlock on Friday. Whitlock had been in charge since 2015.",
                     "Whitlock", "Dean Whitlock", id="surname"),
        pytest.param("Burnley sacked Dean Whitlock on Friday. Whitlock's side had won two of their last "
                     "fifteen games.", "Whitlock", "Dean Whitlock", id="possessive-surname"),
        pytest.param("Tottenham dismissed Matías Pardo on Tuesday. Matías had been at the club "
                     "since 2014.", "Matías", "Matías Pardo", id="first-name"),
        pytest.param("Jan Erik Lindqvist was sacked by Manchester United on Sunday. Lindqvist had been in "
                     "charge for almost three years.", "Lindqvist", "Jan Erik Lindqvist", id="three-word-name"),
        pytest.param("Sir Bobby Harland retired in 2013. Harland had managed the club for 26 years.",
                     "Harland", "Bobby Harland", id="honorific-dropped"),
        pytest.param("Gary Neville coached Valencia in 2016. Phil Neville later coached Inter Miami. "
                     "Neville was dismissed in 2023.", "Neville", "Phil Neville", id="latest-namesake"),
    ],
)
def test_a_short_name_links_to_the_fullest_name(nlp, text, surface, person):
    doc = run(nlp, text)
    assert linked(doc, surface, "person") == person


@pytest.mark.parametrize(
    ("text", "surface", "person"),
    [
        pytest.param("Dean Whitlock thanked chairman Rob Tanner for the opportunity. He leaves after three "
                     "seasons in charge.", "He", "Dean Whitlock", id="pronoun-to-subject-not-latest"),
        pytest.param("Everton sacked Marco Silva on Thursday. He had lost eight of his last twelve games.",
                     "He", "Marco Silva", id="pronoun-only-person"),
        pytest.param("Leeds United appointed Marcelo Bielsa in June. Bielsa said he was proud to join the club.",
                     "he", "Marcelo Bielsa", id="pronoun-in-reported-speech"),
        pytest.param("Norwich City named Daniel Farke as head coach. The German arrived from Borussia "
                     "Dortmund's reserve side.", "The German", "Daniel Farke", id="the-nationality"),
        pytest.param("Joost van Riel was sacked by Everton on Monday. The Dutchman had been in "
                     "charge since 2022.", "The Dutchman", "Joost van Riel", id="the-dutchman"),
        pytest.param("Burnley sacked Dean Whitlock on Friday. The veteran had been in charge since 2015.",
                     "The veteran", "Dean Whitlock", id="the-veteran"),
        pytest.param("Chelsea sacked Tom Brandt in January. Supporters still sing the name of the former "
                     "Chelsea boss.", "the former Chelsea boss", "Tom Brandt", id="the-former-boss"),
        pytest.param("Tom Hale stepped up to caretaker in March after Kevin Marsh was fired. He was handed the job "
                     "permanently in June.", "He", "Tom Hale", id="pronoun-to-main-clause-subject"),
        pytest.param("Laura Quint joined the staff in 2016. She spent six seasons on Dan Ferris's bench after the "
                     "Kings hired her.", "her", "Laura Quint", id="subject-outranks-possessor"),
        pytest.param("Tom Ashby replaces Glen Morrow, who said in March that he would be stepping down.", "he",
                     "Glen Morrow", id="pronoun-in-a-who-clause"),
        pytest.param("Tom Hale was appointed on Monday. He later coached the under-21 side while Kevin Marsh was in "
                     "charge. He takes over from Dean Whitlock.", "He", "Tom Hale", id="pronoun-chain"),
        pytest.param("Eastport City dismissed coach Piet Wilder on Monday. Rui Fontes was chosen as his successor.",
                     "his", "Piet Wilder", id="nobody-succeeds-himself"),
    ],
)
def test_pronouns_and_descriptions_link_to_a_person(nlp, text, surface, person):
    doc = run(nlp, text)
    assert linked(doc, surface, "person") == person


def test_a_full_name_tagged_as_an_organisation_is_a_person_when_its_surname_stands_alone(nlp):
    doc = run(nlp, "Japan named Hajime Morimoto manager of the national team on Thursday. Morimoto, 49, led the "
                   "Olympic side.")
    assert "Hajime Morimoto" in doc._.people
    assert linked(doc, "Morimoto", "person") == "Hajime Morimoto"


def test_people_lists_each_full_name_once(nlp):
    doc = run(nlp, "Dean Whitlock thanked chairman Rob Tanner for the opportunity. Whitlock said Tanner had "
                   "always backed him, and Whitlock leaves on good terms.")
    assert doc._.people == ["Dean Whitlock", "Rob Tanner"]


def test_links_map_every_token_of_a_mention(nlp):
    text = "Burnley sacked Dean Whitlock on Friday. Whitlock had been in charge since 2015."
    doc = run(nlp, text)
    people = doc._.links["person"]
    for span in doc.spans["mentions"]:
        if span.label_ == "PERSON":
            assert all(people[i] == span.kb_id_ for i in range(span.start, span.end))
    burnley = next(t for t in doc if t.text == "Burnley")
    assert doc._.links["team"][burnley.i] == "Burnley"


# -- teams -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "surface", "team"),
    [
        pytest.param("Burnley sacked manager Dean Whitlock on Friday. The club will begin the search for a "
                     "successor immediately.", "The club", "Burnley", id="the-club"),
        pytest.param("Tottenham dismissed Matías Pardo on Tuesday. Matías had been at the club "
                     "since 2014.", "the club", "Tottenham Hotspur", id="the-club-canonical-name"),
        pytest.param("Mexico have appointed Rafael Cota as head coach. The federation said Cota would lead "
                     "the team at the Gold Cup.", "The federation", "Mexico", id="the-federation"),
        pytest.param("Mexico have appointed Rafael Cota as head coach. The federation said Cota would lead "
                     "the team at the Gold Cup.", "the team", "Mexico", id="the-team"),
        pytest.param("CHICAGO BEARS\nThe team opened its camp on Thursday.", "The team", "Chicago Bears",
                     id="the-team-under-a-heading"),
    ],
)
def test_team_nouns_link_to_a_team(nlp, text, surface, team):
    doc = run(nlp, text)
    assert linked(doc, surface, "team") == team


def test_teams_are_canonical_and_listed_once(nlp):
    doc = run(nlp, "Tottenham lost again on Saturday. Spurs have now gone five games without a win, and "
                   "Tottenham face Chelsea next.")
    assert doc._.teams == ["Tottenham Hotspur", "Chelsea"]


@pytest.mark.parametrize(
    ("title", "text", "home"),
    [
        pytest.param("Burnley part company with Dean Whitlock",
                     "After a 3-0 loss at Chelsea on Saturday, the board met to discuss the future.",
                     "Burnley", id="title-team-over-body"),
        pytest.param("Why El Tri will miss their coach",
                     "Sweden and Germany were both watching closely on Friday.",
                     "Mexico", id="title-nickname"),
        pytest.param(None, "Burnley have sacked Dean Whitlock. Chelsea are also looking for a manager.",
                     "Burnley", id="first-sentence-without-title"),
    ],
)
def test_home_team(nlp, title, text, home):
    doc = run(nlp, text, title=title)
    assert doc._.home_team == home


def test_no_team_no_home(nlp):
    doc = run(nlp, "Dean Whitlock thanked chairman Rob Tanner for the opportunity.")
    assert doc._.home_team is None
    assert doc._.teams == []


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param("• HOUSTON TEXANS — Fired Dale Ockerman on Sunday after two seasons.",
                     "Dale Ockerman", "Fired Dale Ockerman", id="trigger-glued-to-name"),
        pytest.param("By Staff Reporter | Mon 12 Aug 2024\n\nBrentford have sacked Tomas Lindqvist.",
                     "Tomas Lindqvist", "Staff Reporter", id="byline-is-no-person"),
        pytest.param("Brentford have sacked Tomas Lindqvist. The Londoner had been in charge for a year.",
                     "Tomas Lindqvist", "Londoner", id="demonym-is-no-name"),
        pytest.param("Under-23 coach Park Min-joon was named interim coach of South Korea on Friday.",
                     "Park Min-joon", "Park", id="hyphenated-given-name"),
        pytest.param("The Tennessee Titans got in early, firing Brock Vandermeer on Sunday morning.",
                     "Brock Vandermeer", None, id="object-of-firing-is-a-person"),
        pytest.param("Maria Ostrova spent six seasons on the bench after the Spurs hired her.",
                     "Maria Ostrova", "Spurs", id="a-team-nickname-of-two-teams-is-no-person"),
        pytest.param("New Zealander Sam Rowe was appointed Fiji coach on Monday.",
                     "Sam Rowe", "Zealander Sam Rowe", id="tail-of-a-two-word-demonym"),
        pytest.param("Rugby: New Zealander Rowe named Fiji coach\nSam Rowe will start in March.",
                     "Sam Rowe", "Zealander Rowe", id="tail-of-a-demonym-before-a-surname"),
        pytest.param("South African Rui Fontes joined the Sharks as defence coach.",
                     "Rui Fontes", "African Rui Fontes", id="a-national-teams-two-word-demonym"),
        pytest.param("The 30-test All Black Dan Marsh takes over at the Hurricanes next season.",
                     "Dan Marsh", "Black Dan Marsh", id="singular-of-a-national-teams-nickname"),
    ],
)
def test_people_of_the_article(nlp, text, present, absent):
    people = run(nlp, text)._.people
    assert present in people
    assert absent not in people


@pytest.mark.parametrize(
    ("text", "surface", "opponent"),
    [
        pytest.param("Everton sacked Marco Dellano after a 2-1 defeat to Arsenal.", "Arsenal", True, id="defeat-to"),
        pytest.param("Everton sacked Marco Dellano after the loss against Leeds United.", "Leeds United", True,
                     id="against"),
        pytest.param("England lost to Iceland. Qualifiers against Lithuania, Andorra and Scotland come next.",
                     "Scotland", True, id="a-list-after-against"),
        pytest.param("Arsenal 2-1 Chelsea: the hosts were better.", "Chelsea", True, id="score-line"),
        pytest.param("Everton sacked Marco Dellano after a 2-1 defeat to Arsenal.", "Everton", False,
                     id="the-acting-team"),
    ],
)
def test_a_team_on_the_other_side_of_a_match_is_an_opponent(nlp, text, surface, opponent):
    doc = run(nlp, text)
    token = next(t for t in doc if t.text == surface.split()[-1])
    assert (token.i in doc._.links["opponent"]) is opponent


def test_the_club_skips_an_opponent(nlp):
    doc = run(nlp, "Fiorentina lost the cup final to Sevilla on penalties. A week later the club named a new coach.")
    assert linked(doc, "the club", "team") == "Fiorentina"


def test_they_and_their_link_to_the_team_that_is_the_subject(nlp):
    doc = run(nlp, "The New York Jets said that they had parted ways with their offensive coordinator.")
    assert linked(doc, "they", "team") == "New York Jets"
    assert linked(doc, "their", "team") == "New York Jets"


def test_the_club_prefers_the_team_that_is_the_subject(nlp):
    doc = run(nlp, "The Columbus Crew have hired Wilfred Nance from rivals CF Montréal, "
                   "the club said on Tuesday.")
    assert linked(doc, "the club", "team") == "Columbus Crew"


@pytest.mark.parametrize(
    ("text", "surface", "team"),
    [
        pytest.param("Purdue promoted Eli Barnes after Mark Dorsey left for the Colts. Barnes becomes the "
                     "program's first Black head coach.", "the program", "Purdue", id="program-is-a-college"),
        pytest.param("Spain beat Portugal. Luis Ortega, who plays for Arsenal, thanked the federation.",
                     "the federation", "Spain", id="federation-is-national"),
    ],
)
def test_a_team_noun_looks_for_its_kind_of_team(nlp, text, surface, team):
    doc = run(nlp, text)
    assert linked(doc, surface, "team") == team


def test_a_name_after_a_title_and_a_comma_is_a_person_not_a_club(nlp):
    doc = run(nlp, "Hale's long-time assistant manager, Pieter Vos, is also moving on.")
    assert "Pieter Vos" in doc._.people
    assert "Pieter Vos" not in doc._.teams


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("He is the third foreign manager after Lars-Göran Hedlund and Paolo Ferri.",
                     id="coordinated-with-a-person"),
    ],
)
def test_an_organisation_that_reads_as_a_person_is_no_team(nlp, text):
    doc = run(nlp, text)
    assert doc._.teams == []


def test_a_name_the_model_tags_as_an_organisation_after_a_person_noun_is_a_person(nlp):
    text = "His long-time colleague Sigurdur Halfdanarson joins as an assistant coach."
    doc = pipeline.prepare(nlp, text, "2024-01-01")
    for name, proc in nlp.pipeline:
        if name == "coaching_mentions":  # the statistical model's mistake, made certain
            name_span = doc.char_span(text.index("Sigurdur"), text.index(" joins"))
            doc.ents = [Span(doc, name_span.start, name_span.end, label="ORG")]
        doc = proc(doc)
    assert doc._.teams == []
    assert "Sigurdur Halfdanarson" in doc._.people


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Merseyside club confirmed his departure on Friday.", id="a-region-before-club"),
        pytest.param("Coach V will retire at the end of the season.", id="a-coach-nickname"),
        pytest.param("Bruce Arenas joined New England in May.", id="new-england-is-not-england"),
    ],
)
def test_no_team_is_made_of_a_region_or_a_nickname(nlp, text):
    doc = run(nlp, text)
    assert "England" not in doc._.teams and not any(t in doc._.teams for t in ("Merseyside", "Coach V"))


@pytest.mark.parametrize(
    ("text", "surface", "person"),
    [
        pytest.param("Owen Hartley has been appointed Wales head coach, the union announced on Monday, after "
                     "Mark Tully had stepped down. The former Wales captain leaves the Ospreys.",
                     "The former Wales captain", "Owen Hartley", id="main-clause-subject-outranks-subordinate"),
        pytest.param("Everton confirmed their new manager on Monday. Hale's long-time assistant manager, "
                     "Pieter Vos, is also moving on. Utrecht said that the 44-year-old will become their "
                     "head coach.", "the 44-year-old", "Pieter Vos", id="apposition-to-a-subject"),
        pytest.param("Ajax appointed Lars Vinter as head coach, ending a search for Tom Brandt's successor. "
                     "The 42-year-old Norwegian leaves Brentford.", "The 42-year-old Norwegian", "Lars Vinter",
                     id="no-subject-before-prefers-a-non-possessive"),
    ],
)
def test_descriptions_link_to_the_salient_person(nlp, text, surface, person):
    assert linked(run(nlp, text), surface, "person") == person


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param("Chief executive Hans-Peter Wollnik said the board backed the choice.",
                     "Hans-Peter Wollnik", "Peter Wollnik", id="hyphenated-first-name"),
        pytest.param("Peru have appointed Argentine Marcelo Gallo as head coach.",
                     "Marcelo Gallo", "Argentine Marcelo Gallo", id="demonym-before-a-name"),
        pytest.param("Leeds sacked Tom Brandt on Sunday after the defeat at Anfield.",
                     "Tom Brandt", "Anfield", id="a-ground-is-no-person"),
    ],
)
def test_name_edges(nlp, text, present, absent):
    people = run(nlp, text)._.people
    assert present in people
    assert absent not in people


def test_a_pronoun_reported_by_a_relative_clause_is_its_antecedent(nlp):
    doc = run(nlp, "Tom Ashby was appointed head coach on Thursday. He replaces Glen Morrow, who said in "
                   "March that he would step aside once the tour was over.")
    assert linked(doc, "he", "person") == "Glen Morrow"


# -- issue 8, class 6: a description goes to the nearest fitting antecedent ----------------------

@pytest.mark.parametrize(
    ("text", "surface", "person"),
    [
        pytest.param("Rovers named Daniel Webb caretaker on Monday. Marco Lindholm's own arrival had been quieter. "
                     "The Catalan, a former assistant at the club, arrived in February.",
                     "The Catalan", "Marco Lindholm", id="owner-of-the-subject-is-the-topic"),
        pytest.param("Marco Lindholm was sacked on Monday. The Catalan had been in charge for a year.",
                     "The Catalan", "Marco Lindholm", id="subject-of-the-sentence-before"),
    ],
)
def test_a_description_links_to_the_nearest_fitting_person(nlp, text, surface, person):
    assert linked(run(nlp, text), surface, "person") == person


def test_a_hyphenated_description_is_no_person(nlp):
    doc = pipeline.make_doc(nlp, "Daniel Webb is back at Duke. The former Duke All-American was introduced on "
                                 "Tuesday as the Blue Devils' head coach.", PUBLISHED)
    assert "American" not in {c.person for c in doc._.candidates}


# -- issue 8, class 1: a team noun or pronoun goes to the team the clause is about --------------

@pytest.mark.parametrize(
    ("text", "surface", "team"),
    [
        pytest.param("Tulane hired a new coach last week. Baylor's own opening dates to March 3, when the "
                     "university fired Dan Reyes.", "the university", "Baylor", id="owner-of-the-subject"),
        pytest.param("Tulane won on Saturday. Baylor had searched since October, when it fired Dan Reyes.",
                     "it", "Baylor", id="it-is-the-subject-team"),
    ],
)
def test_a_team_noun_or_pronoun_links_to_the_subject_team(nlp, text, surface, team):
    assert linked(run(nlp, text), surface, "team") == team


def test_it_binds_a_coordinated_trigger_to_its_team(nlp):
    doc = pipeline.make_doc(nlp, "Baylor had searched since October, when it fired Dan Reyes and put defensive "
                                 "coordinator Sam Ortiz in charge on an interim basis.", PUBLISHED)
    assert any(e.type == "hire" and e.coach == "Sam Ortiz" and e.team == "Baylor" for e in doc._.events)


# -- issue 8, class 6: names glued to a date or cut after the given name -------------------------

@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        pytest.param("The Harbour Hawks confirmed on Friday Bennett had been sacked.", None, "Friday Bennett",
                     id="a-weekday-begins-no-name"),
        pytest.param("Rovers turn to Jeff Saturday as interim coach after the defeat.", "Jeff Saturday", "Jeff",
                     id="a-weekday-family-name"),
        pytest.param("The club went another way on Monday and named Corey Chamblin their new head coach.",
                     "Corey Chamblin", "Corey", id="a-family-name-the-model-left-out"),
    ],
)
def test_names_are_not_glued_to_dates_nor_cut(nlp, text, present, absent):
    people = run(nlp, text)._.people
    assert absent not in people
    if present:
        assert present in people


# -- what is no team ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "not_team"),
    [
        pytest.param("Eastern Conference rivals Boston sacked Pete Marlow, the league said.",
                     "Eastern Conference", id="conference-with-a-noun"),
        pytest.param("The Ravens fired Pete Marlow after a third straight loss left them bottom of the AFC North.",
                     "AFC North", id="division-with-a-club-word"),
    ],
)
def test_a_league_division_is_no_team(nlp, text, not_team):
    """Divisions and conferences (models/mentions.jsonl, ``not_team``) are never teams, even when the
    model tags them as organisations or a club word ("AFC") begins them."""
    doc = run(nlp, text)
    assert not any(team.startswith(not_team) for team in doc._.teams), doc._.teams


def test_an_object_pronoun_goes_to_the_object_before_a_possessor(nlp):
    doc = run(nlp, "Rovers had listed Dan Reyes as Tom Ivers's assistant for next season only days before word "
                   "spread that City had hired him.")
    assert linked(doc, "him", "person") == "Dan Reyes"
