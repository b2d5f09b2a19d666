"""pipeline.profiles: evidence that a person of the article is a player, not a coach.

A person whose move the article prices ("for £40m") is a player unless a coaching title names him;
a coach's priced contract ("a $30 million deal") is no such evidence. Every sentence was written for
this test.
"""
from __future__ import annotations

import pytest

import pipeline
from pipeline.profiles import transfer_players

PUBLISHED = "2022-08-10"

PLAYERS = [
    pytest.param("Northgate Rovers confirmed that Dario Venn had joined from Eastport on a five-year deal for a "
                 "fee of around £31.5m.", "Dario Venn", id="joined-for-a-fee"),
    pytest.param("Castleford City have added Emil Strand, who signed from Harbour Athletic for about €18m.",
                 "Emil Strand", id="relative-who-signed-for"),
    pytest.param("Striker Daniel Holt completed his move from Valdora to Castleford City for £44m on Tuesday.",
                 "Daniel Holt", id="completed-his-move-for"),
]


@pytest.mark.parametrize(("text", "player"), PLAYERS)
def test_a_priced_move_makes_a_player_and_no_event(nlp, text, player):
    doc = pipeline.make_doc(nlp, text, PUBLISHED)
    assert not [e for e in doc._.events if e.coach == player]


COACHES = [
    pytest.param("Castleford City have appointed Rob Tennant as head coach on a four-year deal worth $30 million.",
                 "Rob Tennant", "Castleford City", id="coach-salary"),
    pytest.param("Northgate Rovers hired Lena Ostberg as manager, paying Eastport £2m in compensation.",
                 "Lena Ostberg", "Northgate Rovers", id="coach-compensation"),
]


@pytest.mark.parametrize(("text", "coach", "team"), COACHES)
def test_a_coach_with_a_priced_contract_stays_a_coach(nlp, text, coach, team):
    doc = pipeline.make_doc(nlp, text, PUBLISHED)
    assert any(e.type == "hire" and e.coach == coach and e.team == team for e in doc._.events)


@pytest.mark.parametrize(("text", "player"), PLAYERS)
def test_the_priced_person_is_found(nlp, text, player):
    cues = nlp.get_pipe("coaching_modality").cues
    doc = pipeline.make_doc(nlp, text, PUBLISHED)
    assert player in transfer_players(doc, cues["transfer_word"], cues["salary_word"])


@pytest.mark.parametrize(("text", "coach", "team"), COACHES)
def test_a_salary_is_no_transfer_fee(nlp, text, coach, team):
    cues = nlp.get_pipe("coaching_modality").cues
    doc = pipeline.make_doc(nlp, text, PUBLISHED)
    assert coach not in transfer_players(doc, cues["transfer_word"], cues["salary_word"])
