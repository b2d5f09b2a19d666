"""Stage 5, coaching_timing: each candidate's DATE expression resolved against the publication date.

2018-07-27, the publication date used here, is a Friday. Every sentence here
was written for this test; the resolver itself is covered in tests/test_dates.py.
"""
from __future__ import annotations

import pytest

import pipeline
from pipeline.components.timing import Timing

PUBLISHED = "2018-07-27"


def events(nlp, text: str, date: str | None = PUBLISHED, title: str | None = None) -> dict[tuple, str | None]:
    doc = pipeline.make_doc(nlp, text, date, title=title)
    return {(e.type, e.coach): e.date for e in doc._.events}


@pytest.mark.parametrize(
    ("text", "key", "date"),
    [
        pytest.param("Burnley sacked Dean Whitlock on Tuesday.", ("departure", "Dean Whitlock"), "2018-07-24",
                     id="on-tuesday"),
        pytest.param("Burnley sacked Dean Whitlock on Friday.", ("departure", "Dean Whitlock"), "2018-07-27",
                     id="on-friday-the-publication-day"),
        pytest.param("Tom Hale was appointed Burnley manager yesterday.", ("hire", "Tom Hale"), "2018-07-26",
                     id="yesterday"),
        pytest.param("Dean Whitlock resigned as Burnley manager a week ago.", ("departure", "Dean Whitlock"),
                     "2018-07-20", id="a-week-ago"),
        pytest.param("Burnley sacked Dean Whitlock two weeks ago.", ("departure", "Dean Whitlock"),
                     "2018-07-13", id="two-weeks-ago"),
        pytest.param("Dean Whitlock was sacked by Burnley on May 17.", ("departure", "Dean Whitlock"),
                     "2018-05-17", id="month-and-day"),
        pytest.param("Burnley sacked Dean Whitlock in March.", ("departure", "Dean Whitlock"), "2018-03",
                     id="month"),
        pytest.param("Dean Whitlock left Burnley by mutual consent in January.", ("departure", "Dean Whitlock"),
                     "2018-01", id="month-of-weak-trigger"),
        pytest.param("Dean Whitlock was appointed Burnley manager in April 2016.", ("hire", "Dean Whitlock"),
                     "2016-04", id="month-and-year"),
        pytest.param("Tom Hale was appointed Burnley manager on 3 March 2016.", ("hire", "Tom Hale"),
                     "2016-03-03", id="full-date"),
        pytest.param("Dean Whitlock took charge of Burnley in 2015.", ("hire", "Dean Whitlock"), "2015",
                     id="year"),
    ],
)
def test_an_event_is_dated_by_its_sentence(nlp, text, key, date):
    assert events(nlp, text)[key] == date


def test_each_transition_takes_its_own_date_expression(nlp):
    got = events(nlp, "Burnley sacked Dean Whitlock on Tuesday and appointed Tom Hale as manager on Thursday.")
    assert got == {("departure", "Dean Whitlock"): "2018-07-24", ("hire", "Tom Hale"): "2018-07-26"}


def test_dates_in_separate_sentences_stay_apart(nlp):
    got = events(nlp, "Burnley sacked Dean Whitlock on Tuesday. On Thursday the club appointed Tom Hale as manager.")
    assert got == {("departure", "Dean Whitlock"): "2018-07-24", ("hire", "Tom Hale"): "2018-07-26"}


def test_news_in_the_present_perfect_takes_the_publication_date(nlp):
    assert events(nlp, "Burnley have sacked manager Dean Whitlock.") == {
        ("departure", "Dean Whitlock"): "2018-07-27"}


def test_a_background_fact_in_the_past_perfect_has_no_date(nlp):
    got = events(nlp, "Dean Whitlock had been sacked by Burnley before he joined Blackburn Rovers.")
    assert got[("departure", "Dean Whitlock")] is None


@pytest.mark.parametrize(
    ("text", "date"),
    [
        pytest.param("Burnley sacked Dean Whitlock on Friday.", None, id="weekday-needs-publication"),
        pytest.param("Burnley have sacked manager Dean Whitlock.", None, id="no-news-default"),
        pytest.param("Burnley sacked Dean Whitlock in 2015.", "2015", id="year-stands-alone"),
    ],
)
def test_without_a_publication_date(nlp, text, date):
    assert events(nlp, text, date=None) == {("departure", "Dean Whitlock"): date}


def test_the_news_default_can_be_switched_off(nlp):
    doc = pipeline.make_doc(nlp, "Burnley have sacked manager Dean Whitlock on Tuesday. Burnley have also sacked "
                                 "assistant Tom Hale.", PUBLISHED)
    timing = Timing(nlp, "timing_without_default", news_default=False)
    dates = {c.person: timing.resolve(doc, c) for c in doc._.candidates if not c.vetoed}
    assert dates == {"Dean Whitlock": "2018-07-24", "Tom Hale": None}


def test_vetoed_candidates_are_not_dated(nlp):
    doc = pipeline.make_doc(nlp, "Everton manager Gavin Trask could be sacked on Saturday.", PUBLISHED)
    assert doc._.candidates and all(c.vetoed and c.date is None for c in doc._.candidates)


@pytest.mark.parametrize(
    ("text", "key", "date"),
    [
        pytest.param("Burnley named Tom Hale manager on Thursday, three days after Dean Whitlock resigned.",
                     ("departure", "Dean Whitlock"), "2018-07-23", id="days-after-counts-back-from-the-clause-date"),
        pytest.param("Tom Hale was appointed Burnley manager on Friday, 48 hours after Dean Whitlock left the club.",
                     ("departure", "Dean Whitlock"), "2018-07-25", id="hours-after"),
        pytest.param("Burnley sacked Dean Whitlock on May 3. Two days later the club appointed Tom Hale as manager.",
                     ("hire", "Tom Hale"), "2018-05-05", id="later-counts-from-the-last-day-named"),
        pytest.param("Burnley sacked Dean Whitlock on May 3, a week after a cup defeat.",
                     ("departure", "Dean Whitlock"), "2018-05-03", id="date-fused-with-an-interval"),
        pytest.param("Burnley have appointed Tom Hale as manager on a deal until 2021.", ("hire", "Tom Hale"),
                     "2018-07-27", id="contract-end-is-no-date"),
        pytest.param("Burnley sacked Dean Whitlock on Sunday, their first defeat since 2016.",
                     ("departure", "Dean Whitlock"), "2018-07-22", id="since-is-no-date"),
        pytest.param("Dean Whitlock will step down as Burnley manager on May 8.", ("departure", "Dean Whitlock"),
                     "2019-05-08", id="future-step-down-reads-forward"),
        pytest.param("Burnley had been without a manager since March 4, when they sacked Dean Whitlock.",
                     ("departure", "Dean Whitlock"), "2018-03-04", id="when-clause-takes-its-date"),
        pytest.param("On Monday Burnley sacked Dean Whitlock and appointed Tom Hale as manager.",
                     ("hire", "Tom Hale"), "2018-07-23", id="coordinated-verbs-share-the-date"),
    ],
)
def test_dates_from_other_clauses(nlp, text, key, date):
    assert events(nlp, text)[key] == date


def test_the_lead_names_the_news_day(nlp):
    got = events(nlp, "Burnley have parted company with manager Dean Whitlock, the club announced on Tuesday night. "
                      "Tom Hale takes over as caretaker.", title="Whitlock out at Burnley")
    assert got[("departure", "Dean Whitlock")] == "2018-07-24"


def test_a_headline_interval_counts_back_from_the_news_day(nlp):
    got = events(nlp, "Burnley appointed Tom Hale as manager on Thursday. Dean Whitlock was sacked by the club.",
                 title="Burnley appoint Hale a day after sacking Whitlock")
    assert got[("hire", "Tom Hale")] == "2018-07-26"
    assert got[("departure", "Dean Whitlock")] == "2018-07-25"


def test_a_lead_about_another_story_gives_no_news_day(nlp):
    got = events(nlp, "Arsenal go into Wednesday's cup draw without a striker. Burnley have appointed Tom Hale "
                      "as manager.")
    assert got[("hire", "Tom Hale")] == "2018-07-27"


@pytest.mark.parametrize(
    ("text", "key", "date"),
    [
        pytest.param("Dean Whitlock left Burnley to take the Hull City job in July.", ("departure", "Dean Whitlock"),
                     "2018-07", id="purpose-clause-date"),
        pytest.param("Tom Hale took over on Monday when Dean Whitlock was sacked by Burnley.",
                     ("departure", "Dean Whitlock"), "2018-07-23", id="when-clause-shares-the-governing-date"),
    ],
)
def test_dates_of_clauses_that_happen_together(nlp, text, key, date):
    assert events(nlp, text)[key] == date


STORY = ("Burnley have appointed Tom Hale as their new manager on a three-year contract. "
         "Hale, 45, spent the last four seasons in charge of the club's under-23 side. "
         "He will take his first training session on Monday morning at the training centre. "
         "Supporters have welcomed the decision on social media after a difficult season. "
         "The club finished in 15th place and went out of both cup competitions early. "
         "The job opened on May 3, when the club fired Dean Whitlock after a run of defeats. ")


def test_an_undated_past_change_continues_the_sentence_before(nlp):
    got = events(nlp, STORY + "Assistant Mark Rowe was named interim manager for the final games.")
    assert got[("hire", "Mark Rowe")] == "2018-05-03"


def test_a_present_perfect_change_keeps_the_news_default(nlp):
    got = events(nlp, STORY + "Burnley have also appointed Mark Rowe as assistant manager.")
    assert got[("hire", "Mark Rowe")] == "2018-07-27"


@pytest.mark.parametrize(
    ("text", "key", "date"),
    [
        pytest.param("Burnley sacked Dean Whitlock on June 3. The following day the club appointed Tom Hale as manager.",
                     ("hire", "Tom Hale"), "2018-06-04", id="unlabelled-following-day"),
        pytest.param("Burnley sacked Dean Whitlock on June 3. A week later, the club appointed Tom Hale as manager.",
                     ("hire", "Tom Hale"), "2018-06-10", id="a-week-later"),
        pytest.param("Burnley sacked Dean Whitlock on Tuesday of last week.", ("departure", "Dean Whitlock"),
                     "2018-07-17", id="weekday-of-last-week-is-no-duration"),
        pytest.param("Burnley sacked Dean Whitlock on June 3. Tom Hale took over when Whitlock left.",
                     ("hire", "Tom Hale"), "2018-06-03", id="when-x-left-takes-that-transitions-date"),
        pytest.param("Burnley appointed Tom Hale as manager on Thursday, eight days after the sacking of Dean Whitlock.",
                     ("departure", "Dean Whitlock"), "2018-07-18", id="days-after-a-noun-trigger"),
        pytest.param("Burnley sacked Dean Whitlock on June 3. The club put Tom Hale in charge as caretaker manager "
                     "the same day.", ("hire", "Tom Hale"), "2018-06-03", id="the-same-day"),
        pytest.param("Burnley sacked Dean Whitlock on June 3. The following day chairman Mark Rowe and the board put "
                     "youth coach Tom Hale in temporary charge.", ("hire", "Tom Hale"), "2018-06-04",
                     id="a-sentence-opening-day-count-the-parser-misattaches"),
        pytest.param("Burnley had been without a manager since June 3, when Dean Whitlock resigned. The following "
                     "day the board put Tom Hale in temporary charge.", ("hire", "Tom Hale"), "2018-06-04",
                     id="a-since-date-is-still-a-day-to-count-from"),
        pytest.param("A day after Dean Whitlock asked to leave, Burnley appointed Tom Hale as manager on Thursday.",
                     ("hire", "Tom Hale"), "2018-07-26", id="an-opening-day-after-clause-is-no-day-count"),
        pytest.param("Burnley have sacked manager Dean Whitlock, less than a year after he replaced Tom Hale.",
                     ("departure", "Tom Hale"), "2017", id="a-year-after-gives-the-year"),
        pytest.param("Burnley have sacked manager Dean Whitlock after the 3-0 defeat by Hull City on Saturday.",
                     ("departure", "Dean Whitlock"), "2018-07-27", id="a-match-date-is-not-the-sacking-date"),
    ],
)
def test_dates_from_other_transitions(nlp, text, key, date):
    assert events(nlp, text)[key] == date


def test_an_agreeing_precise_date_wins_over_a_coarse_direct_one(nlp):
    got = events(nlp, "Burnley sacked Dean Whitlock on May 3. Whitlock was the third manager sacked this season.")
    assert got[("departure", "Dean Whitlock")] == "2018-05-03"


@pytest.mark.parametrize(
    ("text", "key", "date"),
    [
        pytest.param("Three clubs changed managers this week.\nTUESDAY — Burnley and Dean Whitlock agreed to part "
                     "ways. Whitlock leaves after two seasons.", ("departure", "Dean Whitlock"), "2018-07-24",
                     id="capitalised-weekday-label"),
        pytest.param("How the week unfolded\n- Wednesday: Burnley hire Tom Hale as their new manager.",
                     ("hire", "Tom Hale"), "2018-07-25", id="bulleted-weekday-label"),
        pytest.param("The timeline\nJan. 8: Burnley sacked Dean Whitlock.", ("departure", "Dean Whitlock"),
                     "2018-01-08", id="month-day-label"),
    ],
)
def test_a_day_labelling_the_line_dates_its_transitions(nlp, text, key, date):
    assert events(nlp, text)[key] == date


def test_a_future_day_in_the_lead_is_no_news_day(nlp):
    got = events(nlp, "Burnley have sacked manager Dean Whitlock and will name his successor on Friday.",
                 date="2018-07-29")
    assert got[("departure", "Dean Whitlock")] == "2018-07-29"


def test_an_earlier_step_told_with_previously_has_no_date(nlp):
    got = events(nlp, "Hull City have appointed Dean Whitlock as manager. Whitlock previously left Burnley "
                      "by mutual consent.")
    assert got[("hire", "Dean Whitlock")] == "2018-07-27"
    assert got.get(("departure", "Dean Whitlock"), None) is None


def test_an_interim_spell_since_a_named_transition_starts_with_it(nlp):
    """Class 5: "interim coach since X's dismissal" takes the day the article gives that dismissal, not the
    publication date."""
    text = ("Portland fired Gil Brandtmeyer on Monday after a 2-9 start. Assistant Tom Ashcroft, who has been "
            "interim coach since Brandtmeyer's dismissal, will coach Saturday's game.")
    found = events(nlp, text)
    assert found[("departure", "Gil Brandtmeyer")] == "2018-07-23"
    assert found[("hire", "Tom Ashcroft")] == "2018-07-23"


def test_a_list_line_counts_days_from_the_line_before(nlp):
    """Class 5: "two days after that" on a list line counts from the day the line before names."""
    text = ("Every change so far.\n\n• PORTLAND PILOTS — Fired Gil Brandtmeyer on July 9 after two seasons.\n\n"
            "• SEATTLE STORM — Parted ways with Tom Ashcroft two days after that, after one season.\n")
    found = events(nlp, text)
    assert found[("departure", "Tom Ashcroft")] == "2018-07-11"


def test_a_live_blog_entry_takes_the_day_of_its_section(nlp):
    """Class 5 (per-line dates of timelines): an undated change under a heading that is only a day is news of
    that day, not of the publication day."""
    text = ("Portland are looking for a new coach. Latest first.\n\nFRIDAY 27 JULY\n\n11:05\nIt's official: "
            "assistant Tom Ashcroft has been named interim head coach of Portland.\n\nWEDNESDAY 25 JULY\n\n"
            "17:30\nPortland have confirmed that line coach Ed Lowe has left the club.\n")
    found = events(nlp, text)
    assert found[("hire", "Tom Ashcroft")] == "2018-07-27"
    assert found[("departure", "Ed Lowe")] == "2018-07-25"


def test_the_replaced_coach_leaves_when_the_successor_is_appointed(nlp):
    """Class 5: "appointed last June to succeed X" dates X's departure by the appointment, not by the news."""
    text = ("Burnley sacked Tom Hale on Thursday. Hale was appointed in June 2017. He succeeded manager Dean "
            "Whitlock, who had left for Leeds.")
    found = events(nlp, text)
    assert found[("hire", "Tom Hale")] == "2017-06"
    assert found[("departure", "Dean Whitlock")] == "2017-06"


def test_each_line_of_a_timeline_takes_its_own_year_or_month(nlp):
    """Class 5 (per-line dates of timelines): "2013: ..." and "May 2019 — ..." date the changes on their line."""
    text = ("How the Rovers bench has turned over.\n\n2013: Tom Ashcroft took over from Hal Briggs, who stepped "
            "down.\nMay 2016 — Ashcroft was sacked and Ed Lowe was appointed manager.\n")
    found = events(nlp, text)
    assert found[("hire", "Tom Ashcroft")] == "2013"
    assert found[("departure", "Hal Briggs")] == "2013"
    assert found[("departure", "Tom Ashcroft")] == "2016-05"
    assert found[("hire", "Ed Lowe")] == "2016-05"


@pytest.mark.parametrize(
    ("text", "key", "date"),
    [
        pytest.param("Dean Whitlock will step down as Burnley manager on Monday.", ("departure", "Dean Whitlock"),
                     "2018-07-30", id="a-weekday-still-to-come"),
        pytest.param("Burnley announced on Monday that Tom Hale will take over as manager.", ("hire", "Tom Hale"),
                     "2018-07-23", id="the-announcing-day-is-past"),
    ],
)
def test_a_future_weekday_resolves_forward_but_an_announcement_day_back(nlp, text, key, date):
    """Class 5: "will step down on Monday" is the coming Monday; "announced on Monday that X will take over"
    dates the announcement, a past Monday (the future tense is the trigger's, not the date's verb's)."""
    assert events(nlp, text)[key] == date


def test_a_purpose_clause_shares_the_past_perfect_of_its_verb(nlp):
    """Class 5: "who had left to join Leeds" is background: the move has no date of its own, not the news day."""
    text = "Burnley sacked Tom Hale on Thursday. He had succeeded Dean Whitlock, who had left to join Leeds United."
    found = events(nlp, text)
    assert found[("hire", "Dean Whitlock")] is None


def test_a_succession_dates_the_predecessors_move(nlp):
    """Class 5: "promoted on May 3 to succeed X, who had left to become coach of Y": X's departure is dated by
    the successor's promotion, and so is X's hire by Y, the other half of the same move."""
    text = ("Burnley sacked Tom Hale on Thursday. Hale had been promoted from the under-21s on May 3 to succeed "
            "manager Dean Whitlock, who had left to become manager of Leeds United.")
    found = events(nlp, text)
    assert found[("departure", "Dean Whitlock")] == "2018-05-03"
    assert found[("hire", "Dean Whitlock")] == "2018-05-03"


@pytest.mark.parametrize(
    ("text", "published", "key", "date"),
    [
        pytest.param("Burnley sacked manager Dean Whitlock last week after a run of six defeats.", "2018-07-27",
                     ("departure", "Dean Whitlock"), "2018-07", id="last-week-gives-its-month"),
        pytest.param("Burnley dismissed Dean Whitlock over the weekend after the home defeat.", "2018-07-30",
                     ("departure", "Dean Whitlock"), "2018-07", id="over-the-weekend-gives-its-month"),
        pytest.param("Burnley parted company with Dean Whitlock this past Sunday.", "2018-07-31",
                     ("departure", "Dean Whitlock"), "2018-07-29", id="this-past-sunday"),
        pytest.param("Burnley sacked Dean Whitlock on Sunday after a third straight defeat.", "2018-07-30",
                     ("departure", "Dean Whitlock"), "2018-07-29", id="sunday-read-on-monday"),
    ],
)
def test_relative_stretches_of_days(nlp, text, published, key, date):
    assert events(nlp, text, published)[key] == date


@pytest.mark.parametrize(
    ("text", "published", "key", "date"),
    [
        pytest.param("Norwood have been without a manager since Monday morning, when they parted company with "
                     "Colm Petrie.", "2018-07-27", ("departure", "Colm Petrie"), "2018-07-23",
                     id="since-a-day-when-it-happened"),
        pytest.param("The post has been vacant since March 2, when Norwood dismissed Colm Petrie.", "2018-07-27",
                     ("departure", "Colm Petrie"), "2018-03-02", id="vacant-since-a-date-when"),
    ],
)
def test_a_when_clause_after_a_since_date_happened_on_that_date(nlp, text, published, key, date):
    assert events(nlp, text, published)[key] == date


@pytest.mark.parametrize(
    ("title", "text", "key", "date"),
    [
        pytest.param("Rovers sack Colm Petrie, hand caretaker role to Dan Friday", "Rovers confirmed the change on "
                     "Monday.", ("departure", "Colm Petrie"), "2018-07-23", id="a-weekday-surname-is-no-date"),
        pytest.param(None, "Rovers appointed Mary Tuesday as head coach on Thursday.", ("hire", "Mary Tuesday"),
                     "2018-07-26", id="the-real-date-beside-a-weekday-surname"),
    ],
)
def test_a_name_that_is_a_weekday_dates_nothing(nlp, title, text, key, date):
    assert events(nlp, text, title=title)[key] == date


@pytest.mark.parametrize(
    ("text", "key", "date"),
    [
        pytest.param("Burnley announced last week that Tom Hale will become their manager this summer.",
                     ("hire", "Tom Hale"), "2018-07", id="announced-last-week-for-the-summer"),
        pytest.param("Burnley confirmed on Monday that Tom Hale will take over as manager in October.",
                     ("hire", "Tom Hale"), "2018-07-23", id="confirmed-on-a-day-for-a-later-month"),
    ],
)
def test_a_change_still_to_come_is_dated_by_its_announcement(nlp, text, key, date):
    assert events(nlp, text)[key] == date
