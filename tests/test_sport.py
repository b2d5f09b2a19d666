"""pipeline.sport: the article's sport and level choose between gazetteer aliases of teams.

A short alias ("Tigers", "Eagles", "Golden State") of a team of another sport or level is no team of
the article; in an article of the team's own sport it still is. Every text was written for this test.
"""
from __future__ import annotations

import pytest

import pipeline

PUBLISHED = "2023-10-02"


def team_ids(nlp, text: str) -> set[str]:
    doc = pipeline.make_doc(nlp, text, PUBLISHED)
    return {span.kb_id_ for span in doc.spans["teams"]}


OTHER_SPORT = [
    pytest.param("The AFL club confirmed the move on Monday. The Eagles finished last in the AFL this year, and "
                 "footy fans in Perth want change.", "Philadelphia Eagles", id="afl-eagles-not-nfl"),
    pytest.param("The Eagles appointed a new senior coach on Monday, the AFL club said.", "Philadelphia Eagles",
                 id="one-vote-is-enough-when-alone"),
    pytest.param("The CFL side had a new coach by Friday. The Lions missed the CFL playoffs, and the "
                 "Canadian Football League office approved the hire.", "Detroit Lions", id="cfl-lions-not-nfl"),
    pytest.param("The WNBA expansion team introduced its coach. Golden State begins WNBA play next May, and "
                 "basketball fans queued for tickets.", "Golden State Warriors", id="wnba-level-not-nba"),
]


@pytest.mark.parametrize(("text", "wrong"), OTHER_SPORT)
def test_an_alias_of_another_sport_or_level_is_no_team(nlp, text, wrong):
    assert wrong not in team_ids(nlp, text)


SAME_SPORT = [
    pytest.param("The Tigers fired their manager after an MLB season of 100 losses, and baseball writers were "
                 "not surprised.", "Detroit Tigers", id="mlb-tigers"),
    pytest.param("The Eagles hired a new coordinator. The NFL club plays its football at home on Sunday.",
                 "Philadelphia Eagles", id="nfl-eagles"),
]


@pytest.mark.parametrize(("text", "team"), SAME_SPORT)
def test_an_alias_of_the_article_sport_stays(nlp, text, team):
    assert team in team_ids(nlp, text)


def test_a_national_team_fits_every_sport(nlp):
    text = "Ireland named a new rugby coach. The rugby union said the Six Nations squad meets in January."
    assert team_ids(nlp, text) & {"Ireland", "Republic of Ireland"}
