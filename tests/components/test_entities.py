"""Stage 1, coaching_entities: gazetteer teams and roles over the statistical NER.

Every sentence here was written for this test.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Doc, Span

import pipeline
from pipeline.components.entities import DATA_FILES, SportsEntities

PUBLISHED = "2018-07-27"


def run(nlp, text: str, title: str | None = None) -> Doc:
    """The doc as this stage leaves it (the later stages do not run)."""
    return pipeline.run_until(nlp, "coaching_entities", text, PUBLISHED, title=title)


def before_entities(nlp, text: str) -> Doc:
    """The doc as the statistical pipes leave it, just before coaching_entities."""
    return pipeline.run_pipes(nlp, pipeline.prepare(nlp, text, PUBLISHED), before="coaching_entities")


def span_with_text(spans, text: str) -> Span:
    found = [s for s in spans if s.text == text]
    assert found, f"no span {text!r} among {[s.text for s in spans]}"
    return found[0]


# -- teams ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "surface", "team", "label"),
    [
        pytest.param("El Tri will open its training camp in Monterrey next week.",
                     "El Tri", "Mexico", "TEAM", id="nickname-el-tri"),
        pytest.param("El Tricolor drew with Wales in a friendly.",
                     "El Tricolor", "Mexico", "TEAM", id="nickname-el-tricolor"),
        pytest.param("Tickets for the Mexican national team friendly sold out within an hour.",
                     "the Mexican national team", "Mexico", "TEAM", id="demonym-national-team"),
        pytest.param("Officials at the FMF met in the capital on Monday.",
                     "the FMF", "Mexico", "FEDERATION", id="federation-acronym"),
        pytest.param("The Mexican federation confirmed the news in a short statement.",
                     "The Mexican federation", "Mexico", "FEDERATION", id="federation-demonym"),
        pytest.param("Officials of the RFEF travelled to Moscow on Monday.",
                     "the RFEF", "Spain", "FEDERATION", id="federation-of-spain"),
        pytest.param("Fans of Man Utd were furious after the Red Devils lost again.",
                     "the Red Devils", "Manchester United", "TEAM", id="red-devils-after-man-utd"),
        pytest.param("Supporters of Man Utd gathered early. The Red Devils have won one game in six.",
                     "The Red Devils", "Manchester United", "TEAM", id="red-devils-capitalised"),
        pytest.param("Belgium beat Panama in the opener. The Red Devils play Tunisia next.",
                     "The Red Devils", "Belgium", "TEAM", id="red-devils-after-belgium"),
        pytest.param("Tottenham lost again. Spurs have now gone five games without a win.",
                     "Spurs", "Tottenham Hotspur", "TEAM", id="spurs-after-tottenham"),
        pytest.param("Arsenal, known to their fans as the Gunners, travelled north.",
                     "the Gunners", "Arsenal", "TEAM", id="nickname-gunners"),
        pytest.param("Los Blancos won the title on the final day.",
                     "Los Blancos", "Real Madrid", "TEAM", id="nickname-los-blancos"),
        pytest.param("MANCHESTER UNITED: the squad flew to Los Angeles for the summer tour.",
                     "MANCHESTER UNITED", "Manchester United", "TEAM", id="caps-heading-colon"),
        pytest.param("CHICAGO BEARS\nThe team opened its camp on Thursday.",
                     "CHICAGO BEARS", "Chicago Bears", "TEAM", id="caps-heading-line"),
        pytest.param("ARSENAL\nThe squad returned to training on Monday.",
                     "ARSENAL", "Arsenal", "TEAM", id="caps-heading-one-word"),
    ],
)
def test_team_forms_get_their_canonical_team(nlp, text, surface, team, label):
    doc = run(nlp, text)
    span = span_with_text(doc.spans["teams"], surface)
    assert span.kb_id_ == team
    assert span.label_ == label


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        pytest.param("Spurs travelled to Burnley on Saturday.", "Spurs", id="spurs-alone"),
        pytest.param("Late goals meant the Red Devils drew 1-1.", "the Red Devils", id="red-devils-alone"),
    ],
)
def test_an_ambiguous_nickname_with_no_context_is_not_guessed(nlp, text, surface):
    doc = run(nlp, text)
    assert surface not in [s.text for s in doc.spans["teams"]]


@pytest.mark.parametrize(
    ("text", "surface", "team"),
    [
        pytest.param("The Gunners and the Red Devils drew 1-1.", "the Red Devils", "Manchester United",
                     id="premier-league-context"),
        pytest.param("Dale Fenwick, fired by the Colts in November, was hired by the Panthers.", "the Panthers",
                     "Carolina Panthers", id="nfl-context"),
        pytest.param("Dale Fenwick, fired by the Winnipeg Jets in November, was hired by the Panthers.", "the Panthers",
                     "Florida Panthers", id="nhl-context"),
    ],
)
def test_an_ambiguous_nickname_goes_to_the_team_of_the_articles_league(nlp, text, surface, team):
    doc = run(nlp, text)
    assert span_with_text(doc.spans["teams"], surface).kb_id_ == team


@pytest.mark.parametrize(
    ("text", "surface", "team"),
    [
        pytest.param("Mark Dunmore has been appointed manager of Grimsby Town on a two-year deal.",
                     "Grimsby Town", "Grimsby Town", id="town-the-model-takes-for-a-person"),
        pytest.param("Lincoln City sacked manager Mark Dunmore on Monday.", "Lincoln City", "Lincoln City",
                     id="city-is-not-manchester-city"),
        pytest.param("Mark Dunmore left Bristol Rovers in May.", "Bristol Rovers", "Bristol Rovers",
                     id="a-city-form-is-absorbed"),
        pytest.param("FC Goa coach Mark Dunmore was appointed on Monday.", "FC Goa", "FC Goa", id="club-prefix"),
    ],
)
def test_a_club_the_gazetteer_does_not_know_is_named_by_its_club_word(nlp, text, surface, team):
    doc = run(nlp, text)
    assert span_with_text(doc.spans["teams"], surface).kb_id_ == team


@pytest.mark.parametrize(
    ("text", "form"),
    [
        pytest.param("The friendly was played in Carson City on Sunday.", "City", id="carson-city"),
        pytest.param("Serie A's coaching carousel kept turning on Monday.", "A's", id="serie-a-s"),
        pytest.param("The friendly drew a crowd in Mexico City on Sunday.", "City", id="a-place-after-in"),
        pytest.param("They beat China in a friendly in Denver, Colorado, on Sunday.", "Colorado",
                     id="a-state-after-a-town"),
    ],
)
def test_a_team_form_inside_a_longer_name_or_place_is_no_team(nlp, text, form):
    doc = run(nlp, text)
    assert form not in [t.text for s in doc.spans["teams"] for t in s]


def test_team_spans_become_org_entities_with_their_kb_id(nlp):
    doc = run(nlp, "Sweden topped the group after beating Mexico 3-0 in Yekaterinburg.")
    orgs = {e.text: e.kb_id_ for e in doc.ents if e.label_ == "ORG"}
    assert orgs.get("Sweden") == "Sweden"
    assert orgs.get("Mexico") == "Mexico"


def test_a_persons_name_wins_over_a_team_word_inside_it(nlp):
    doc = run(nlp, "Jordan Henderson signed a new deal with the club on Friday.")
    assert "Jordan" not in [s.text for s in doc.spans["teams"]]


# -- roles ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "surface", "label", "role", "interim"),
    [
        pytest.param("The club appointed Tom Baxter as caretaker manager until the summer.",
                     "caretaker manager", "ROLE", "manager", True, id="caretaker-manager"),
        pytest.param("The club named Tom Baxter caretaker boss for the weekend.",
                     "caretaker boss", "ROLE", "manager", True, id="caretaker-boss"),
        pytest.param("The interim head coach spoke to reporters after practice.",
                     "interim head coach", "ROLE", "head coach", True, id="interim-head-coach"),
        pytest.param("He became the interim manager on Friday.",
                     "interim manager", "ROLE", "manager", True, id="interim-manager"),
        pytest.param("The head coach spoke to reporters after practice.",
                     "head coach", "ROLE", "head coach", False, id="head-coach"),
        pytest.param("The Burnley boss was unhappy with the referee.",
                     "boss", "ROLE", "manager", False, id="boss-is-manager"),
        pytest.param("The assistant manager left the ground early.",
                     "assistant manager", "ROLE", "assistant manager", False, id="assistant-manager"),
        pytest.param("The team hired a new offensive coordinator on Monday.",
                     "offensive coordinator", "ROLE", "offensive coordinator", False, id="coordinator"),
        pytest.param("They also added a quarterbacks coach.",
                     "quarterbacks coach", "ROLE", "quarterbacks coach", False, id="position-coach"),
        pytest.param("Lisa Moreno was named general manager of the franchise.",
                     "general manager", "FRONT_OFFICE", "general manager", False, id="general-manager"),
        pytest.param("The sporting director watched from the stand.",
                     "sporting director", "FRONT_OFFICE", "sporting director", False, id="sporting-director"),
        pytest.param("The club's chief executive confirmed the decision.",
                     "chief executive", "FRONT_OFFICE", "chief executive", False, id="chief-executive"),
    ],
)
def test_role_titles(nlp, text, surface, label, role, interim):
    doc = run(nlp, text)
    span = span_with_text(doc.spans["roles"], surface)
    assert span.label_ == label
    assert span.kb_id_ == role
    assert (span.id_ == "interim") is interim


def test_the_longest_role_title_wins(nlp):
    doc = run(nlp, "The assistant head coach and the assistant general manager both left.")
    texts = [s.text for s in doc.spans["roles"]]
    assert "assistant head coach" in texts
    assert "assistant general manager" in texts
    assert "head coach" not in texts and "general manager" not in texts


def test_coach_as_a_verb_is_not_a_role(nlp):
    doc = run(nlp, "She will coach the under-18 side next season.")
    assert [s.text for s in doc.spans["roles"]] == []


# -- NER corrections -------------------------------------------------------------------------

def test_group_f_is_never_a_person_in_the_output(nlp):
    doc = run(nlp, "Mexico failed to finish top of Group F after losing to Sweden.")
    assert not [e for e in doc.ents if e.label_ == "PERSON"]
    assert "Group F" not in (doc._.people or [])


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        pytest.param("They were beaten in Group F by Sweden on Wednesday.", "Group F", id="tournament-group"),
        pytest.param("Caption: the players warm up before kickoff.", "Caption", id="page-furniture"),
        pytest.param("The coach walked out before the press conference ended.", "coach", id="bare-title"),
    ],
)
def test_known_model_mistakes_are_dropped(nlp, text, wrong):
    """Whatever the statistical model says, these spans are no PERSON once the stage has run."""
    doc = before_entities(nlp, text)
    start = text.index(wrong)
    span = doc.char_span(start, start + len(wrong), label="PERSON")
    assert span is not None
    doc.ents = [span]
    doc = nlp.get_pipe("coaching_entities")(doc)
    assert wrong not in [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_a_surname_taken_for_an_organisation_becomes_a_person(nlp):
    text = "Tom Hale left on Friday. Hale had spent three years there."
    doc = before_entities(nlp, text)
    full = doc.char_span(0, len("Tom Hale"), label="PERSON")
    second = text.index("Hale had")
    surname = doc.char_span(second, second + len("Hale"), label="ORG")
    doc.ents = [full, surname]
    doc = nlp.get_pipe("coaching_entities")(doc)
    labels = {(e.start_char, e.text): e.label_ for e in doc.ents}
    assert labels[(second, "Hale")] == "PERSON"


# -- serialization -------------------------------------------------------------------------

def test_to_disk_writes_every_data_file(nlp, tmp_path):
    component = nlp.get_pipe("coaching_entities")
    component.to_disk(tmp_path / "entities")
    for name in DATA_FILES:
        path = tmp_path / "entities" / name
        assert path.is_file(), name
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        assert rows == component.data[name]


def test_from_disk_round_trip_keeps_the_gazetteer_and_the_roles(nlp, tmp_path):
    original = nlp.get_pipe("coaching_entities")
    original.to_disk(tmp_path)
    restored = SportsEntities(nlp, "coaching_entities_copy").from_disk(tmp_path)
    assert restored.data == original.data
    assert dict(restored.gazetteer.forms) == dict(original.gazetteer.forms)
    assert restored.roles == original.roles
    text = "Officials at the FMF named Tom Baxter caretaker manager."
    a = original(before_entities(nlp, text))
    b = restored(before_entities(nlp, text))
    assert [(s.text, s.kb_id_, s.label_) for s in a.spans["teams"]] == \
        [(s.text, s.kb_id_, s.label_) for s in b.spans["teams"]]
    assert [(s.text, s.kb_id_, s.label_, s.id_) for s in a.spans["roles"]] == \
        [(s.text, s.kb_id_, s.label_, s.id_) for s in b.spans["roles"]]


def test_from_disk_reads_edited_data(nlp, tmp_path):
    """The data files are the user's to extend: a team added on disk is matched after from_disk."""
    nlp.get_pipe("coaching_entities").to_disk(tmp_path)
    teams = Path(tmp_path) / "teams.jsonl"
    row = {"name": "Harbourside Rovers", "aliases": ["Harbourside"], "nicknames": ["the Gulls"],
           "kind": "club", "sport": "football", "league": "Test League", "country": "England"}
    with teams.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(row) + "\n")
    restored = SportsEntities(nlp, "coaching_entities_copy").from_disk(tmp_path)
    doc = restored(before_entities(nlp, "Harbourside lost at home. The Gulls have not won since March."))
    found = {s.text: s.kb_id_ for s in doc.spans["teams"]}
    assert found.get("Harbourside") == "Harbourside Rovers"
    assert found.get("The Gulls") == "Harbourside Rovers"
    # the session pipeline's own component is untouched
    untouched = nlp.get_pipe("coaching_entities")(before_entities(nlp, "Harbourside lost at home."))
    assert "Harbourside" not in [s.text for s in untouched.spans["teams"]]


@pytest.mark.parametrize(
    ("text", "surface", "team"),
    [
        pytest.param("Hector Molina returns to Old Trafford next season.", "Old Trafford", "Manchester United",
                     id="a-ground"),
        pytest.param("The Packers lost again at Lambeau Field on Sunday.", "Lambeau Field", "Green Bay Packers",
                     id="an-nfl-stadium"),
    ],
)
def test_a_ground_names_its_team(nlp, text, surface, team):
    doc = run(nlp, text)
    span = span_with_text(doc.spans["teams"], surface)
    assert (span.kb_id_, span.label_) == (team, "VENUE")


def test_a_ground_that_begins_a_longer_name_is_no_team(nlp):
    doc = run(nlp, "Fenway Sports Group appointed a new chief executive on Monday.")
    assert "Fenway" not in [t.text for s in doc.spans["teams"] for t in s]


@pytest.mark.parametrize(
    ("text", "team"),
    [
        pytest.param("For two years he was in charge of Argentina's under-20 side.", "Argentina U-20", id="possessive-youth"),
        pytest.param("He coached Brazil U-20 at the world finals.", "Brazil U-20", id="u-20"),
        pytest.param("She was named Canada women's coach on Monday.", "Canada women's national team", id="women"),
        pytest.param("He coached Peru under-17s for a year.", "Peru U-17", id="youth-team-not-in-the-gazetteer"),
    ],
)
def test_a_youth_or_women_side_is_not_the_senior_team(nlp, text, team):
    doc = run(nlp, text)
    assert [s.kb_id_ for s in doc.spans["teams"]] == [team]


def test_a_place_of_origin_is_no_team(nlp):
    doc = run(nlp, "The Liverpool-born coach has joined Everton.")
    assert [s.kb_id_ for s in doc.spans["teams"]] == ["Everton"]


def test_a_team_form_inside_a_hyphenated_name_is_no_team(nlp):
    doc = run(nlp, "Under-23 coach Park Sun-woo took over as caretaker on Monday.")
    assert [s.kb_id_ for s in doc.spans["teams"]] == []


def test_a_team_form_that_begins_a_competition_is_no_team(nlp):
    doc = run(nlp, "His side won the FA Cup in May.")
    assert [s.kb_id_ for s in doc.spans["teams"]] == []


@pytest.mark.parametrize("text", [
    pytest.param("Under-23 coach Kim Sun-ho was named interim coach.", id="team-word-in-a-hyphenated-name"),
    pytest.param("Neil Ashcroft, a Liverpool-born coach, joins the staff as an assistant.", id="liverpool-born"),
])
def test_a_team_word_glued_into_a_hyphenated_word_is_no_team(nlp, text):
    doc = pipeline.make_doc(nlp, text, "2024-03-01")
    assert not [s.text for s in doc.spans["teams"] if s.text in ("Sun", "Liverpool")]


def test_a_persons_surname_alone_is_not_the_club_of_that_name(nlp):
    doc = run(nlp, "The Seattle Sounders hired Freddy Juarez on Sunday. Juarez, 43, had been in charge of "
                   "Real Salt Lake since 2019.")
    assert "FC Juárez" not in [s.kb_id_ for s in doc.spans["teams"]]



# -- the gazetteer's breadth: teams of many sports and levels, each of its own sport -------------------------

@pytest.mark.parametrize(
    ("text", "surface", "team", "sport"),
    [
        pytest.param("The Fremantle Dockers named Callum Brierley senior coach after a long AFL review.",
                     "The Fremantle Dockers", "Fremantle", "australian rules football", id="afl"),
        pytest.param("The Toronto Argonauts fired head coach Denis Marchetti after a 4-14 CFL season.",
                     "The Toronto Argonauts", "Toronto Argonauts", "american football", id="cfl"),
        pytest.param("North Dakota State hired Owen Tallis to lead its football program.",
                     "North Dakota State", "North Dakota State", "american football", id="fcs-college"),
        pytest.param("Jackson State promoted Marcus Ebede to head football coach on Monday.",
                     "Jackson State", "Jackson State", "american football", id="hbcu-college"),
        pytest.param("The Perth Scorchers parted ways with coach Hamish Dorrance after the Big Bash final.",
                     "The Perth Scorchers", "Perth Scorchers", "cricket", id="bbl-cricket"),
        pytest.param("Kilmarnock sacked manager Ross Penhallow after a fifth defeat in a row.",
                     "Kilmarnock", "Kilmarnock", "soccer", id="scottish-premiership"),
    ],
)
def test_a_team_of_many_sports_and_levels_is_recognised_with_its_sport(nlp, text, surface, team, sport):
    doc = run(nlp, text)
    span = span_with_text(doc.spans["teams"], surface)
    assert span.kb_id_ == team
    assert sport in nlp.get_pipe("coaching_entities").gazetteer.sports(team)


@pytest.mark.parametrize(
    ("text", "surface", "team"),
    [
        pytest.param("West Coast dismissed senior coach Brent Olafsen; the AFL club said the Eagles would move on.",
                     "the Eagles", "West Coast Eagles", id="afl-eagles"),
        pytest.param("Philadelphia fired coordinator Brent Olafsen; the NFL team said the Eagles would move on.",
                     "the Eagles", "Philadelphia Eagles", id="nfl-eagles"),
        pytest.param("The BC Lions hired Tomas Vieira as head coach, and the CFL said the Lions filed the contract.",
                     "the Lions", "BC Lions", id="cfl-lions"),
        pytest.param("The Richmond Tigers let Gavin Sorell go; the AFL side said the Tigers thanked him.",
                     "the Tigers", "Richmond Tigers", id="afl-tigers"),
        pytest.param("Stockport County appointed Lee Garbutt as manager, and the Hatters' board thanked him.",
                     "Stockport County", "Stockport County", id="league-one"),
    ],
)
def test_an_ambiguous_nickname_goes_to_the_team_of_the_articles_sport(nlp, text, surface, team):
    doc = run(nlp, text)
    assert span_with_text(doc.spans["teams"], surface).kb_id_ == team
