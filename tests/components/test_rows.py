"""Stage 3b, coaching_rows: transitions written as table rows and labelled list lines.

Every text here was written for this test.
"""
from __future__ import annotations

import pytest

import pipeline

TABLE = (
    "Where every opening stands.\n\n"
    "Team | Out | In | Date\n"
    "Houston Texans | Dale Ockerman (fired Jan. 2) | Ronnie Vasquez, Jaguars defensive coordinator | Jan. 18\n"
    "Carolina Panthers | Gil Brandtmeyer (resigned Jan. 5) | Tom Ashcroft, Panthers linebackers coach | Jan. 9\n\n"
    "More to come."
)


def events(nlp, text: str, date: str) -> set[tuple]:
    doc = pipeline.make_doc(nlp, text, date, title="Coaching carousel")
    return {(e.type, e.coach, e.team, e.manner, e.date) for e in doc._.events}


def test_a_table_row_gives_departure_hire_and_the_hires_previous_post(nlp):
    found = events(nlp, TABLE, "2023-01-20")
    assert found == {
        ("departure", "Dale Ockerman", "Houston Texans", "fired", "2023-01-02"),
        ("hire", "Ronnie Vasquez", "Houston Texans", None, "2023-01-18"),
        ("departure", "Ronnie Vasquez", "Jacksonville Jaguars", "moved", "2023-01-18"),
        ("departure", "Gil Brandtmeyer", "Carolina Panthers", "resigned", "2023-01-05"),
        # promoted inside the same team: a hire only
        ("hire", "Tom Ashcroft", "Carolina Panthers", None, "2023-01-09"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Every change, team by team.\n\n• HOUSTON TEXANS — Fired Dale Ockerman on Sunday after two "
                     "seasons.\n\n• CAROLINA PANTHERS — Parted ways with Ronnie Vasquez by mutual agreement this month.",
                     {("departure", "Dale Ockerman", "Houston Texans", "fired", "2023-10-29"),
                      ("departure", "Ronnie Vasquez", "Carolina Panthers", "mutual_consent", "2023-10")},
                     id="bullets-with-team-labels"),
        pytest.param("Black Monday brought changes.\nCAROLINA PANTHERS: The Panthers made a clean sweep, dismissing "
                     "head coach Ronnie Vasquez and general manager Ian Mortlake after a 6-11 season.",
                     {("departure", "Ronnie Vasquez", "Carolina Panthers", "fired", "2023-10-30")},
                     id="heading-label-and-a-gerund"),
        pytest.param("WACO, Texas — Baylor fired head coach Ronnie Vasquez on Monday.",
                     {("departure", "Ronnie Vasquez", "Baylor", "fired", "2023-10-30")},
                     id="a-dateline-is-no-team-label"),
    ],
)
def test_labelled_lines(nlp, text, expected):
    assert events(nlp, text, "2023-10-30") == expected


def test_rows_candidates_carry_their_rule(nlp):
    doc = pipeline.make_doc(nlp, TABLE, "2023-01-20")
    rules = {c.rule for c in doc._.candidates}
    assert {"row:table", "row:table:moved_from"} <= rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Black Monday recap.\n\nFired: Dale Ockerman (Houston Texans), Ronnie Vasquez (Carolina Panthers)"
                     "\n\nMore to come.",
                     {("departure", "Dale Ockerman", "Houston Texans", "fired", "2023-01-10"),
                      ("departure", "Ronnie Vasquez", "Carolina Panthers", "fired", "2023-01-10")},
                     id="change-word-label"),
        pytest.param("Black Monday recap.\n\nHouston Texans: Dale Ockerman, fired\nCarolina Panthers: Ronnie Vasquez, "
                     "resigned\n",
                     {("departure", "Dale Ockerman", "Houston Texans", "fired", "2023-01-10"),
                      ("departure", "Ronnie Vasquez", "Carolina Panthers", "resigned", "2023-01-10")},
                     id="team-colon-coach-comma-change"),
        pytest.param("Coaching changes this week.\n\nTeam\tCoach\tStatus\nHouston Texans\tDale Ockerman\tFired\n"
                     "Carolina Panthers\tRonnie Vasquez\tResigned\n",
                     {("departure", "Dale Ockerman", "Houston Texans", "fired", "2023-01-10"),
                      ("departure", "Ronnie Vasquez", "Carolina Panthers", "resigned", "2023-01-10")},
                     id="tab-table-with-a-status-column"),
        pytest.param("Standings after week 10.\n\nTeam | W | L\nHouston Texans | 6 | 4\nCarolina Panthers | 3 | 7\n",
                     set(), id="a-table-of-other-things-is-no-event"),
    ],
)
def test_other_row_layouts(nlp, text, expected):
    assert events(nlp, text, "2023-01-10") == expected


def test_a_row_without_header(nlp):
    text = "Changes so far:\nAtlanta Falcons | Kurt Vollmer (fired Jan. 8)\nWashington Commanders | Dwayne Pollard (fired Jan. 8)\n"
    assert events(nlp, text, "2024-02-05") == {
        ("departure", "Kurt Vollmer", "Atlanta Falcons", "fired", "2024-01-08"),
        ("departure", "Dwayne Pollard", "Washington Commanders", "fired", "2024-01-08"),
    }


def test_a_markdown_table_whose_header_names_the_change(nlp):
    text = ("The full list:\n\n| Team | Fired | Hired |\n|---|---|---|\n"
            "| Atlanta Falcons | Kurt Vollmer | Jalen Booker |\n")
    assert events(nlp, text, "2024-02-05") == {
        ("departure", "Kurt Vollmer", "Atlanta Falcons", "fired", "2024-02-05"),
        ("hire", "Jalen Booker", "Atlanta Falcons", None, "2024-02-05"),
    }


def test_numbered_labelled_lines(nlp):
    text = "Changes so far:\n1. Chicago Bears — Joe Judd (fired)\n2. Minnesota Vikings: Rex Hollins, fired Jan. 10\n"
    assert events(nlp, text, "2024-02-05") == {
        ("departure", "Joe Judd", "Chicago Bears", "fired", "2024-02-05"),
        ("departure", "Rex Hollins", "Minnesota Vikings", "fired", "2024-01-10"),
    }


TRACKER = (
    "Every bench that turned over this spring, club — coach — status:\n\n"
    "• Wollaston Rovers — Dermot Keane — stepped down (Apr 3) after four seasons\n"
    "• Wollaston Rovers — Piet Vandersloot — named caretaker (April) for the run-in\n"
    "• Harbury Athletic — Colm Ruddy — sacked (May 2); assistant Lorcan Bevis named interim\n"
    "• Harbury Athletic — Ivo Marchetti — hired from Kelso Town, where he was an assistant (May 20)\n"
    "• Kelso Town — Ansel Brody — fired (May 21), along with assistants Teo Varga and Mick Lally\n"
    "• Kelso Town — Ruben Osei — interim coach, not retained (May 30)\n"
)


def test_tracker_lines_bind_each_field_and_each_clause(nlp):
    """Class 4 (several changes in one list): a tracker line "Team — Person — status" names its team in the
    label even when the gazetteer does not know it, a second clause gives a second change of that team,
    "along with" lists more people, "hired from X, where he was ..." leaves X; class 5: the dates in brackets
    per line, a second clause without one takes the line's, and the interim post left is interim."""
    doc = pipeline.make_doc(nlp, TRACKER, "2023-06-02", title="Spring coaching tracker")
    found = {(e.type, e.coach, e.team, e.interim, e.manner, e.date) for e in doc._.events}
    assert found == {
        ("departure", "Dermot Keane", "Wollaston Rovers", False, "resigned", "2023-04-03"),
        ("hire", "Piet Vandersloot", "Wollaston Rovers", True, None, "2023-04"),
        ("departure", "Colm Ruddy", "Harbury Athletic", False, "fired", "2023-05-02"),
        ("hire", "Lorcan Bevis", "Harbury Athletic", True, None, "2023-05-02"),
        ("hire", "Ivo Marchetti", "Harbury Athletic", False, None, "2023-05-20"),
        ("departure", "Ivo Marchetti", "Kelso Town", False, "moved", "2023-05-20"),
        ("departure", "Ansel Brody", "Kelso Town", False, "fired", "2023-05-21"),
        ("departure", "Teo Varga", "Kelso Town", False, "fired", "2023-05-21"),
        ("departure", "Mick Lally", "Kelso Town", False, "fired", "2023-05-21"),
        ("departure", "Ruben Osei", "Kelso Town", True, "contract_expired", "2023-05-30"),
    }
    roles = {e.coach: e.role for e in doc._.events if e.type == "departure"}
    assert roles["Ivo Marchetti"] == "assistant coach"


def test_a_bullet_label_in_capitals_is_no_dateline(nlp):
    text = "The list:\n• QPR — Dermot Keane — sacked (Oct 9)\n"
    found = events(nlp, text, "2023-10-20")
    assert ("departure", "Dermot Keane", "Queens Park Rangers", "fired", "2023-10-09") in found \
        or ("departure", "Dermot Keane", "QPR", "fired", "2023-10-09") in found


SEASON_TABLE = (
    "All the changes so far this season.\n\n"
    "Date | Club | Outgoing | Manner | Incoming\n"
    "4 Sep 2023 | Hull City | Dermot Keane | Left by mutual consent | Piet Vandersloot (caretaker)\n"
    "19 Oct 2023 | Hull City | — | Caretaker given the job permanently | Piet Vandersloot (manager)\n"
    "2 Nov 2023 | Stoke City | Colm Ruddy | Sacked after a cup exit | Lorcan Bevis and Ivo Marchetti (caretakers)\n"
)


def test_a_season_table_with_a_manner_column(nlp):
    """Class 4/5: the manner column says how the outgoing coach left, not what the incoming one did; a cell may
    name two caretakers; a caretaker made permanent is a second hire; each row has its own date."""
    doc = pipeline.make_doc(nlp, SEASON_TABLE, "2023-11-10", title="Managerial changes")
    found = {(e.type, e.coach, e.team, e.interim, e.manner, e.date) for e in doc._.events}
    assert found == {
        ("departure", "Dermot Keane", "Hull City", False, "mutual_consent", "2023-09-04"),
        ("hire", "Piet Vandersloot", "Hull City", True, None, "2023-09-04"),
        ("hire", "Piet Vandersloot", "Hull City", False, None, "2023-10-19"),
        ("departure", "Colm Ruddy", "Stoke City", False, "fired", "2023-11-02"),
        ("hire", "Lorcan Bevis", "Stoke City", True, None, "2023-11-02"),
        ("hire", "Ivo Marchetti", "Stoke City", True, None, "2023-11-02"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("On Monday the Chicago Bears and the Detroit Lions hired Dale Ockerman and Ronnie Vasquez "
                     "respectively.",
                     {("hire", "Dale Ockerman", "Chicago Bears"), ("hire", "Ronnie Vasquez", "Detroit Lions")},
                     id="two-teams-two-coaches"),
        pytest.param("The Seattle Storm and the Chicago Sky have hired Aces assistants Gil Brandtmeyer and Tom "
                     "Ashcroft, respectively.",
                     {("hire", "Gil Brandtmeyer", "Seattle Storm"), ("hire", "Tom Ashcroft", "Chicago Sky"),
                      ("departure", "Gil Brandtmeyer", "Las Vegas Aces"),
                      ("departure", "Tom Ashcroft", "Las Vegas Aces")},
                     id="a-shared-previous-post"),
    ],
)
def test_respectively_pairs_people_with_teams_in_order(nlp, text, expected):
    """Class 4 (several changes in one sentence): "A and B hired C and D respectively"."""
    doc = pipeline.make_doc(nlp, text, "2024-11-05")
    assert {(e.type, e.coach, e.team) for e in doc._.events} == expected


def test_post_labels_and_a_team_heading_over_its_block(nlp):
    """Class 4: "Caretakers: A (Team), B (Team)" hires each as interim; "Fired: X" and "Interim: Y" under a
    line that is only a team's name are that team's changes."""
    text = ("Coaching changes this week.\n\nCaretakers: Tom Ashcroft (Hull City), Ed Lowe (Stoke City)\n\n"
            "CHICAGO BEARS\nFired: Hal Briggs\nInterim: Gil Brandtmeyer\n")
    doc = pipeline.make_doc(nlp, text, "2024-01-10")
    assert {(e.type, e.coach, e.team, e.interim) for e in doc._.events} == {
        ("hire", "Tom Ashcroft", "Hull City", True),
        ("hire", "Ed Lowe", "Stoke City", True),
        ("departure", "Hal Briggs", "Chicago Bears", False),
        ("hire", "Gil Brandtmeyer", "Chicago Bears", True),
    }


def test_a_tracker_line_says_how_the_coach_left(nlp):
    """Class 4/5: "out (May 3); he and the club agreed to end his tenure" is a departure by mutual consent."""
    text = ("Every change so far:\n• Wollaston Rovers — Dermot Keane — out (May 3) after two wins in 20 games; he "
            "and the club agreed to end his tenure\n• Harbury Athletic — Colm Ruddy — sacked (May 9)\n")
    doc = pipeline.make_doc(nlp, text, "2023-06-02")
    manners = {e.coach: e.manner for e in doc._.events if e.type == "departure"}
    assert manners == {"Dermot Keane": "mutual_consent", "Colm Ruddy": "fired"}
