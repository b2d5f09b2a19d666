"""Stage 3, coaching_relations: trigger lexicon + dependency patterns → candidate transitions.

One case per voice of models/triggers.jsonl. Candidates are checked before
modality and assembly, so vetoed ones count too. Every sentence here was
written for this test.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

import pipeline

PUBLISHED = "2018-07-27"


def run(nlp, text: str, date: str = PUBLISHED) -> Doc:
    """The doc as this stage leaves it: candidates proposed, none vetoed or dated yet."""
    return pipeline.run_until(nlp, "coaching_relations", text, date)


def summary(doc: Doc) -> set[tuple]:
    return {(c.type, c.person, c.team, c.manner) for c in doc._.candidates or []}


def candidate(doc: Doc, type_: str, person: str):
    found = [c for c in doc._.candidates or [] if c.type == type_ and c.person == person]
    assert found, f"no {type_} candidate for {person}: {summary(doc)}"
    return found[0]


CASES = [
    # transitive: the team acts on the coach
    pytest.param("Everton sacked Marco Silva on Thursday after the derby defeat.",
                 [("departure", "Marco Silva", "Everton", "fired")], "transitive", ":active",
                 id="transitive-active-sack"),
    pytest.param("The Dallas Cowboys fired head coach Brock Hensley.",
                 [("departure", "Brock Hensley", "Dallas Cowboys", "fired")], "transitive", ":active",
                 id="transitive-active-fire"),
    pytest.param("Burnley have hired Tom Hale as manager.",
                 [("hire", "Tom Hale", "Burnley", None)], "transitive", ":active",
                 id="transitive-active-hire"),
    pytest.param("Sheffield United have promoted assistant Paul Heckingbottom to head coach.",
                 [("hire", "Paul Heckingbottom", "Sheffield United", None)], "transitive", ":active",
                 id="transitive-active-promote"),
    pytest.param("Marco Silva was sacked by Everton on Thursday night.",
                 [("departure", "Marco Silva", "Everton", "fired")], "transitive", ":passive",
                 id="transitive-passive-by-agent"),
    pytest.param("Ruben Soto was dismissed by Spain on Wednesday.",
                 [("departure", "Ruben Soto", "Spain", "fired")], "transitive", ":passive",
                 id="transitive-passive-national-team"),
    pytest.param("Juan Pablo Ferrer has been appointed head coach of Norwich City.",
                 [("hire", "Juan Pablo Ferrer", "Norwich City", None)], "transitive", ":passive",
                 id="transitive-passive-role-of-team"),
    pytest.param("Dieter Kessler was named interim manager of Manchester United.",
                 [("hire", "Dieter Kessler", "Manchester United", None)], "transitive", ":passive",
                 id="transitive-passive-weak-with-role"),
    pytest.param("Sunderland have relieved manager Tony Mowbray of his duties.",
                 [("departure", "Tony Mowbray", "Sunderland", "fired")], "transitive", "",
                 id="transitive-relieved-of-duties"),
    # intransitive: the coach acts
    pytest.param("Hal Preston has stepped down as England manager.",
                 [("departure", "Hal Preston", "England", "resigned")], "intransitive", "",
                 id="intransitive-step-down"),
    pytest.param("Luc Girard resigned as Real Madrid coach on Thursday.",
                 [("departure", "Luc Girard", "Real Madrid", "resigned")], "intransitive", "",
                 id="intransitive-resign"),
    pytest.param("Ange Postecoglou took over at Celtic in June 2021.",
                 [("hire", "Ange Postecoglou", "Celtic", None)], "intransitive", "",
                 id="intransitive-take-over-at"),
    pytest.param("Andoni Elorza took charge of Arsenal in December 2019.",
                 [("hire", "Andoni Elorza", "Arsenal", None)], "intransitive", "",
                 id="intransitive-take-charge-sentence-start-name"),
    pytest.param("Rafael Benitez took charge of Everton in June 2021.",
                 [("hire", "Rafael Benitez", "Everton", None)], "intransitive", "",
                 id="intransitive-take-charge-of"),
    pytest.param("Arsene Wenger retired as Arsenal manager after 22 years.",
                 [("departure", "Arsene Wenger", "Arsenal", "retired")], "intransitive", "",
                 id="intransitive-retire"),
    # symmetric: coach and team part
    pytest.param("Chelsea have parted ways with head coach Neil Varney.",
                 [("departure", "Neil Varney", "Chelsea", "unknown")], "symmetric", "",
                 id="symmetric-team-subject"),
    pytest.param("Neil Varney has parted company with Chelsea.",
                 [("departure", "Neil Varney", "Chelsea", "unknown")], "symmetric", "",
                 id="symmetric-coach-subject"),
    # replace: A replaced B gives A's hire and B's departure
    pytest.param("Hans Vinter replaced Tom Brandt as Chelsea head coach in January.",
                 [("hire", "Hans Vinter", "Chelsea", None), ("departure", "Tom Brandt", "Chelsea", "unknown")],
                 "replace", "", id="replace-active"),
    pytest.param("Tom Brandt was replaced by Hans Vinter as Chelsea head coach.",
                 [("hire", "Hans Vinter", "Chelsea", None), ("departure", "Tom Brandt", "Chelsea", "unknown")],
                 "replace", "", id="replace-passive"),
    # noun: a nominalization
    pytest.param("The sacking of Tom Brandt by Chelsea surprised nobody.",
                 [("departure", "Tom Brandt", "Chelsea", "fired")], "noun", "",
                 id="noun-sacking-of"),
    pytest.param("Rui Ferreira's dismissal by Tottenham came six days before the final.",
                 [("departure", "Rui Ferreira", "Tottenham Hotspur", "fired")], "noun", "",
                 id="noun-possessive-dismissal"),
    pytest.param("Chelsea confirmed the appointment of Hans Vinter on Tuesday.",
                 [("hire", "Hans Vinter", "Chelsea", None)], "noun", "",
                 id="noun-appointment-of"),
    # a successor noun reads like a replacement: the one it is said of is hired, its possessor leaves
    pytest.param("Lazio named Karl Osgood as Tom Hadley's successor on Monday.",
                 [("departure", "Tom Hadley", "Lazio", "unknown")], "noun", "replaced",
                 id="noun-successor-possessive"),
    pytest.param("Karl Osgood's appointment as the successor to Tom Hadley at Lazio was confirmed on Monday.",
                 [("departure", "Tom Hadley", "Lazio", "unknown")], "noun", "replaced",
                 id="noun-successor-to-at"),
]


@pytest.mark.parametrize(
    "text",
    [
        "Hartwell Albion have parted company with manager Tom Hadley, assistant manager Rui Fontes and "
        "goalkeeping coach Dan Marsh.",
        "The club has parted ways with head coach Tom Hadley, assistant coach Rui Fontes, and goalkeeping "
        "coach Dan Marsh after the relegation.",
    ],
    ids=["parted-company-titled-list", "parted-ways-titled-list-serial-comma"],
)
def test_a_titled_list_after_with_gives_one_departure_each(nlp, text):
    doc = run(nlp, text)
    left = {c.person for c in doc._.candidates or [] if c.type == "departure"}
    assert {"Tom Hadley", "Rui Fontes", "Dan Marsh"} <= left, summary(doc)


def test_a_successor_noun_said_of_nobody_names_no_succession(nlp):
    doc = run(nlp, "Dirk Vos signed off with a win over Utrecht and led the crowd in a song for his successor.")
    assert not [c for c in doc._.candidates or [] if c.pattern == "successor"]


@pytest.mark.parametrize(("text", "expected", "voice", "marker"), CASES)
def test_candidates_by_voice(nlp, text, expected, voice, marker):
    doc = run(nlp, text)
    got = summary(doc)
    for item in expected:
        assert item in got, f"{item} not in {got}"
        cand = candidate(doc, item[0], item[1])
        assert cand.rule.startswith(voice + ":"), cand.rule
        assert marker in cand.rule, cand.rule


@pytest.mark.parametrize(
    ("text", "person", "role", "interim"),
    [
        pytest.param("Hal Preston has stepped down as England manager.", "Hal Preston",
                     "manager", False, id="manager"),
        pytest.param("Chelsea have parted ways with head coach Neil Varney.", "Neil Varney",
                     "head coach", False, id="head-coach"),
        pytest.param("Dan Hollis took over as caretaker manager of Manchester United.", "Dan Hollis",
                     "manager", True, id="caretaker"),
        pytest.param("Dieter Kessler was named interim manager of Manchester United.", "Dieter Kessler",
                     "manager", True, id="interim"),
        pytest.param("The Cincinnati Bengals fired defensive coordinator Lou Anarumo on Tuesday.", "Lou Anarumo",
                     "defensive coordinator", False, id="coordinator"),
        pytest.param("Sheffield United have promoted assistant Paul Heckingbottom to head coach.",
                     "Paul Heckingbottom", "head coach", False, id="promoted-to-new-role"),
        pytest.param("Everton sacked Marco Silva on Thursday.", "Marco Silva", None, False, id="no-role-stated"),
    ],
)
def test_role_and_interim_of_a_candidate(nlp, text, person, role, interim):
    doc = run(nlp, text)
    cand = next(c for c in doc._.candidates if c.person == person)
    assert cand.role == role
    assert cand.interim is interim


@pytest.mark.parametrize(
    ("text", "hire_team", "left_team"),
    [
        pytest.param("Burnley have hired Barnsley manager Tom Hale.", "Burnley", "Barnsley",
                     id="team-qualifies-current-title"),
        pytest.param("Burnley have lured Tom Hale from Barnsley.", "Burnley", "Barnsley", id="from-team"),
    ],
)
def test_a_coach_hired_away_also_leaves_his_team(nlp, text, hire_team, left_team):
    doc = run(nlp, text)
    got = summary(doc)
    assert ("hire", "Tom Hale", hire_team, None) in got
    assert ("departure", "Tom Hale", left_team, "moved") in got


def test_a_candidate_keeps_its_provenance(nlp):
    text = "Everton sacked Marco Silva on Thursday after the derby defeat."
    doc = run(nlp, text)
    cand = candidate(doc, "departure", "Marco Silva")
    assert doc.text[cand.trigger[0]:cand.trigger[1]] == "sacked"
    assert doc.text[cand.sentence[0]:cand.sentence[1]].strip() == text
    assert cand.date_text == "Thursday"
    assert doc.text[cand.date_span[0]:cand.date_span[1]] == "Thursday"
    assert cand.strength == "strong"


def test_a_weak_trigger_is_marked_weak(nlp):
    doc = run(nlp, "Dieter Kessler was named interim manager of Manchester United.")
    assert candidate(doc, "hire", "Dieter Kessler").strength == "weak"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Everton beat Chelsea 2-0 on Saturday.", id="match-report"),
        pytest.param("Mexico's coach told reporters his players had given everything.", id="current-coach-speaks"),
        pytest.param("Peru still employ Ricardo Gareca as their head coach.", id="current-state"),
    ],
)
def test_no_trigger_no_candidate(nlp, text):
    assert run(nlp, text)._.candidates == []


def test_the_team_a_coach_leaves_to_succeed_someone_is_not_the_successions_team(nlp):
    doc = pipeline.make_doc(nlp, "Diego Cocca was appointed in February, leaving Tigres to succeed Gerardo Marino.",
                            PUBLISHED, title="Mexico turn to Cocca")
    assert candidate(doc, "departure", "Gerardo Marino").team == "Mexico"
    assert candidate(doc, "departure", "Diego Cocca").team == "Tigres UANL"


def test_an_adjectival_trigger_takes_the_noun_it_qualifies(nlp):
    doc = pipeline.make_doc(nlp, "The Vegas Golden Knights appointed Pete DeBoor, replacing the fired Gerard Gallard.",
                            "2020-01-20")
    assert any(c.type == "departure" and c.person == "Gerard Gallard" and ":nearest_person" not in c.rule
               and c.rule.startswith("transitive:fire") for c in doc._.candidates)


def test_a_titled_list_as_the_subject_gives_one_departure_each(nlp):
    """Class 4 (several changes in one sentence): "coordinator X, position coach Y and position coach Z were
    fired", a list the parser hangs as appositions of the first name."""
    text = ("The Portland Pilots said that offensive coordinator Hal Briggs, running backs coach Tom Pryce and "
            "quarterbacks coach Ed Lowe were fired on Monday.")
    doc = pipeline.make_doc(nlp, text, "2018-01-25")
    assert {(e.type, e.coach, e.team, e.role) for e in doc._.events} == {
        ("departure", "Hal Briggs", "Portland", "offensive coordinator"),
        ("departure", "Tom Pryce", "Portland", "running backs coach"),
        ("departure", "Ed Lowe", "Portland", "quarterbacks coach"),
    }


def test_a_fronted_day_the_parser_hung_on_the_subject_dates_the_verb(nlp):
    """Class 5: "On Sunday Rovers named X": when the parser makes the day a compound of the subject, the bare
    "On" before it still belongs to the verb, so the day dates the verb's clause (rank 0), not no clause."""
    from pipeline.components.relations.dates import Dating

    words = ["On", "Sunday", "Rovers", "named", "Tom", "Hale", "coach", "."]
    doc = Doc(nlp.vocab, words=words, heads=[3, 2, 3, 3, 5, 3, 3, 3],
              deps=["prep", "compound", "nsubj", "ROOT", "compound", "dobj", "oprd", "punct"],
              pos=["ADP", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "NOUN", "PUNCT"],
              ents=["O", "B-DATE", "O", "O", "O", "O", "O", "O"])
    head = doc[3]
    assert Dating()._date_rank(doc.ents[0], head, [head], found=None) == 0


CAREER_HISTORY = [
    # (text, an expected (type, person, team, manner) among the candidates that modality keeps)
    pytest.param("Tom Reddick got his first head-coaching job with the Portland Timbers in 2007.",
                 ("hire", "Tom Reddick", "Portland Timbers", None), id="got-first-job-with"),
    pytest.param("Ruth Calloway began her career as player-coach at Kilmarnock in 1999.",
                 ("hire", "Ruth Calloway", "Kilmarnock", None), id="began-career-as"),
    pytest.param("Ivo Kranjcar walked out on Dinamo Zagreb in July 2022 to take the Hajduk job.",
                 ("departure", "Ivo Kranjcar", "Dinamo Zagreb", "moved"), id="walked-out-on"),
    pytest.param("Gavin Trask stepped away from the Everton job in March.",
                 ("departure", "Gavin Trask", "Everton", "resigned"), id="stepped-away"),
    pytest.param("Everton and Gavin Trask agreed a parting of ways on Monday.",
                 ("departure", "Gavin Trask", "Everton", "unknown"), id="parting-of-ways"),
    pytest.param("Gavin Trask is back with Everton as first-team coach.",
                 ("hire", "Gavin Trask", "Everton", None), id="back-with"),
    pytest.param("Dale Prentice joined Fulham in 2016. His time at Fulham came to an end in May 2019.",
                 ("departure", "Dale Prentice", "Fulham", "unknown"), id="time-came-to-an-end"),
    pytest.param("Dale Prentice's tenure at Harlow Town ended in May after two seasons.",
                 ("departure", "Dale Prentice", "Harlow Town", "unknown"), id="tenure-ended"),
    pytest.param("Dale Prentice came back to Harlow Town in 2019 from an assistant's job with Luton Town.",
                 ("departure", "Dale Prentice", "Luton Town", "moved"), id="came-back-from-a-job-with"),
    pytest.param("Assistant coach Gary Lutz is also on his way out of Harlow Town.",
                 ("departure", "Gary Lutz", "Harlow Town", "unknown"), id="on-his-way-out"),
    # the object of "left" is a post, not someone who controls "to take over": the subject moves on
    pytest.param("Reinaldo Rueda had left the Chile job to take over at Colombia in January 2021.",
                 ("hire", "Reinaldo Rueda", "Colombia", None), id="left-the-job-to-take-over"),
    # a hire told in a relative clause on the person, with its own date: the start of the post he now leaves
    pytest.param("Last Tuesday Harlow Town dismissed offensive coordinator Marcus Bray, who had been promoted "
                 "to the job in January 2021.", ("hire", "Marcus Bray", "Harlow Town", None),
                 id="fired-who-had-been-promoted"),
]


def events(doc: Doc) -> set[tuple]:
    return {(e.type, e.coach, e.team, e.manner) for e in doc._.events}


@pytest.mark.parametrize(("text", "expected"), CAREER_HISTORY)
def test_career_histories_state_transitions(nlp, text, expected):
    """A career told in the past still states its transitions: hires, and departures with their manner
    (through the whole pipeline: modality and assembly keep them)."""
    doc = pipeline.make_doc(nlp, text, "2024-03-10")
    assert expected in events(doc), summary(doc)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Luton Town manager Tom Dorsey will now hire a coordinator of his own.", id="hire-a-coordinator"),
        pytest.param("Harlow Town want to appoint a new manager before Christmas, chairman Ken Ayres said.",
                     id="appoint-a-new-manager"),
    ],
)
def test_an_unnamed_object_takes_no_nearby_name(nlp, text):
    """The object slot holds someone not yet named: the nearest name is not the person hired."""
    doc = run(nlp, text)
    assert [c for c in doc._.candidates if c.type == "hire"] == [], summary(doc)


def test_a_front_office_post_left_is_no_coaching_departure(nlp):
    doc = run(nlp, "Harlow Town have hired Tom Dorsey, who arrives from Luton Town, where he had been head of sport.")
    assert not [c for c in doc._.candidates if c.type == "departure" and c.team == "Luton Town"], summary(doc)


def test_a_hire_in_a_relative_clause_keeps_its_own_date(nlp):
    doc = pipeline.make_doc(nlp, "Last Tuesday Harlow Town dismissed offensive coordinator Marcus Bray, who had "
                                 "been promoted to the job in January 2021.", "2024-03-10")
    assert [(e.type, e.coach, e.date) for e in doc._.events if e.type == "hire"] == [("hire", "Marcus Bray", "2021-01")]


def test_a_move_to_a_named_team_is_stated_even_from_a_weak_verb(nlp):
    """ "left in July to coach X": the new post's team is read off the destination, not guessed."""
    doc = pipeline.make_doc(nlp, "The Rangers had a place to fill after assistant Gary Lutz left in July to "
                                 "coach the New Jersey Devils.", "2020-09-10")
    assert ("hire", "Gary Lutz", "New Jersey Devils") in {(e.type, e.coach, e.team) for e in doc._.events}


@pytest.mark.parametrize(
    ("text", "left", "old_role", "hired_by"),
    [
        pytest.param("Pete Orsini served as defensive coordinator at Purdue before taking charge of Iowa State "
                     "in 2016.", "Purdue", "defensive coordinator", "Iowa State", id="served-as-before-taking-charge"),
        pytest.param("After two seasons as offensive coordinator at Boise State, Dan Keller took charge of Utah "
                     "State in 2019.", "Boise State", "offensive coordinator", "Utah State", id="after-seasons-as"),
    ],
)
def test_the_post_held_just_before_a_hire_is_left(nlp, text, left, old_role, hired_by):
    """A career sentence ties the post held before to the hire with before/after: a moved departure from
    that post, with its title, and the title is not the new post's."""
    doc = pipeline.make_doc(nlp, text, "2024-03-10")
    got = {(e.type, e.team, e.role, e.manner) for e in doc._.events}
    assert ("departure", left, old_role, "moved") in got, got
    assert any(e.type == "hire" and e.team == hired_by for e in doc._.events), got


# -- issue 8, class 1: the team of the clause a "when" clause dates ------------------------------

@pytest.mark.parametrize(
    ("text", "person", "team"),
    [
        pytest.param("The Boston Celtics won in overtime. The Knicks' opening dates to April 12, when Dan Reyes was "
                     "dismissed right after the closing regular-season game in Cleveland.", "Dan Reyes", "New York Knicks",
                     id="owner-of-the-clause-subject"),
        pytest.param("The Wild lost again. The Devils' bench had been in temporary hands since Dec. 3, when Tom "
                     "Ivers was fired.", "Tom Ivers", "New Jersey Devils", id="owner-of-a-compound-subject"),
    ],
)
def test_a_when_clause_takes_the_team_of_the_clause_it_dates(nlp, text, person, team):
    assert candidate(run(nlp, text), "departure", person).team == team


def test_a_when_clause_with_its_own_team_keeps_it(nlp):
    doc = run(nlp, "San Diego hired Dan Reyes two years ago, when the Oakland Athletics allowed him to walk away "
                   "from his deal.")
    assert candidate(doc, "departure", "Dan Reyes").team != "San Diego Padres"


def test_a_name_after_a_preposition_is_no_listed_object(nlp):
    doc = pipeline.make_doc(nlp, "The club fired its coach on Monday.", PUBLISHED,
                            title="Colts fire Dan Reyes, hand interim job to Jeff Saturday")
    assert not [c for c in doc._.candidates if c.type == "departure" and c.person == "Jeff Saturday"]
    assert [c for c in doc._.candidates if c.type == "departure" and c.person == "Dan Reyes"]
