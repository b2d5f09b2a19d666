"""pipeline.candidates: the typed provenance of a candidate, its display rule, and what the stages record.

Every sentence here was written for this test.
"""
from __future__ import annotations

import pytest

import pipeline
from pipeline.candidates import DROPPED, KEPT, VETOED, Candidate

PUBLISHED = "2022-05-10"


def candidate(**provenance) -> Candidate:
    return Candidate(type="hire", manner=None, person="Rhea Solberg", team="Dunmore Athletic", role=None,
                     interim=False, trigger=(0, 8), sentence=(0, 50), **provenance)


@pytest.mark.parametrize(
    ("provenance", "rule"),
    [
        pytest.param(dict(voice="transitive", pattern="appoint", passive=False), "transitive:appoint:active",
                     id="active"),
        pytest.param(dict(voice="transitive", pattern="appoint", passive=True, team_from="sentence_team"),
                     "transitive:appoint:passive:sentence_team", id="passive-sentence-team"),
        pytest.param(dict(voice="intransitive", pattern="take over", nearest_person=True, derived="conj"),
                     "intransitive:take over:nearest_person:conj", id="nearest-person-conj"),
        pytest.param(dict(voice="replace", pattern="replace", team_from="home_team", derived="replaced"),
                     "replace:replace:home_team:replaced", id="replaced"),
        pytest.param(dict(voice="row", pattern="table", derived="moved_from"), "row:table:moved_from",
                     id="row-moved-from"),
    ],
)
def test_rule_is_built_from_the_fields(provenance, rule):
    assert candidate(**provenance).rule == rule


def test_from_dict_gives_tuples_back_for_lists():
    cand = candidate(voice="noun", pattern="appointment", date_span=(3, 9), date_ref=("departure", "Ola Berg", "Lund"))
    data = {**cand.to_dict(), "trigger": [0, 8], "sentence": [0, 50], "date_span": [3, 9],
            "date_ref": ["departure", "Ola Berg", "Lund"], "notes": ()}
    assert Candidate.from_dict(data) == cand


def test_guessed_teams_are_those_not_read_off_the_trigger():
    assert candidate(team_from="home_team").team_guessed
    assert not candidate(team_from="where_team").team_guessed
    assert not candidate().team_guessed


def test_relations_records_head_voice_and_date_label(nlp):
    doc = pipeline.make_doc(nlp, "Dunmore Athletic appointed Rhea Solberg on Monday.", PUBLISHED)
    hire = next(c for c in doc._.candidates if c.type == "hire" and c.person == "Rhea Solberg")
    assert (hire.voice, hire.pattern, hire.passive, hire.derived) == ("transitive", "appoint", False, None)
    assert doc[hire.head].lemma_ == "appoint"
    assert hire.date_label == "direct" and hire.date_source == "own"


def test_a_replaced_coach_links_to_the_transition_it_comes_from(nlp):
    doc = pipeline.make_doc(nlp, "Rhea Solberg replaced Ola Berg at Dunmore Athletic on Monday.", PUBLISHED)
    replaced = next(c for c in doc._.candidates if c.person == "Ola Berg")
    assert (replaced.type, replaced.derived) == ("departure", "replaced"), replaced.rule
    source = next(c for c in doc._.candidates if c.id == replaced.derived_from)
    assert (source.type, source.person, source.derived) == ("hire", "Rhea Solberg", None)
    assert source.head == replaced.head and doc[source.head].lemma_ == "replace"


def test_assembly_records_what_became_of_each_candidate(nlp):
    text = "Dunmore Athletic sacked Ola Berg. The club might appoint Rhea Solberg next month."
    doc = pipeline.make_doc(nlp, text, PUBLISHED)
    status = {(c.type, c.person): (c.status, c.drop_reason) for c in doc._.candidates}
    assert status[("departure", "Ola Berg")] == (KEPT, None)
    assert status[("hire", "Rhea Solberg")][0] == VETOED and status[("hire", "Rhea Solberg")][1]
    assert all(c.status in (KEPT, VETOED, DROPPED) for c in doc._.candidates)


def test_markers_name_the_fallbacks_and_derivations_of_the_rule():
    cand = candidate(voice="transitive", pattern="appoint", passive=True, team_from="home_team",
                     nearest_person=True, derived="conj")
    assert cand.markers == {"passive", "home_team", "nearest_person", "conj"}
    assert set(cand.rule.split(":")[2:]) == cand.markers
    assert candidate(voice="transitive", pattern="appoint", passive=False).markers == frozenset()
