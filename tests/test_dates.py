"""pipeline.dates.resolve: DATE expressions to ISO dates at the precision the text gives.

Relative expressions resolve against the publication date. 2018-07-27 is a
Friday, so the weekday cases below can be checked on a calendar.
"""
from __future__ import annotations

import datetime as dt

import pytest

from pipeline.dates import interval, relative_shift, resolve, shift, shift_by

PUBLISHED = "2018-07-27"


def test_the_reference_date_is_a_friday():
    assert dt.date.fromisoformat(PUBLISHED).strftime("%A") == "Friday"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        # absolute expressions keep their precision
        pytest.param("2015", "2015", id="year"),
        pytest.param("in 2015", "2015", id="year-with-preposition"),
        pytest.param("early 2016", "2016", id="early-year"),
        pytest.param("the 2021 season", "2021", id="year-season"),
        pytest.param("the 2021 WNBA season", "2021", id="year-league-season"),
        pytest.param("the 2019-20 season", None, id="split-season-is-ambiguous"),
        pytest.param("mid-2017", "2017", id="mid-year"),
        pytest.param("April 2022", "2022-04", id="month-and-year"),
        pytest.param("July 2018", "2018-07", id="month-of-publication"),
        pytest.param("January 5, 2017", "2017-01-05", id="full-date-us"),
        pytest.param("5 March 2019", "2019-03-05", id="full-date-uk"),
        # weekdays: the latest such day on or before publication
        pytest.param("Friday", "2018-07-27", id="weekday-same-day"),
        pytest.param("on Friday", "2018-07-27", id="on-weekday-same-day"),
        pytest.param("Friday morning", "2018-07-27", id="weekday-daypart"),
        pytest.param("on Tuesday", "2018-07-24", id="on-tuesday"),
        pytest.param("Tuesday", "2018-07-24", id="tuesday"),
        pytest.param("Monday night", "2018-07-23", id="monday-night"),
        pytest.param("last Friday", "2018-07-20", id="last-weekday-same-name"),
        # relative to the publication date
        pytest.param("today", "2018-07-27", id="today"),
        pytest.param("yesterday", "2018-07-26", id="yesterday"),
        pytest.param("a week ago", "2018-07-20", id="a-week-ago"),
        pytest.param("last month", "2018-06", id="last-month"),
        pytest.param("last year", "2017", id="last-year"),
        pytest.param("this summer", "2018", id="this-summer"),
        pytest.param("last summer", "2017", id="last-summer"),
        # a month and day with no year, never after publication
        pytest.param("May 17", "2018-05-17", id="month-day-earlier-this-year"),
        pytest.param("Jan. 3", "2018-01-03", id="abbreviated-month"),
        pytest.param("August 1", "2017-08-01", id="month-day-after-publication-goes-back-a-year"),
        pytest.param("December", "2017-12", id="month-after-publication-goes-back-a-year"),
        # relative to another event, or in the future: not a point we can place
        pytest.param("two days later", None, id="later"),
        pytest.param("three weeks earlier", None, id="earlier"),
        pytest.param("the next day", None, id="next-day"),
        pytest.param("next month", None, id="next-month"),
    ],
)
def test_resolve_against_the_publication_date(expression, expected):
    assert resolve(expression, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        pytest.param("2015", "2015", id="year"),
        pytest.param("April 2022", "2022-04", id="month-and-year"),
        pytest.param("Friday", None, id="weekday"),
        pytest.param("last summer", None, id="season"),
        pytest.param("this summer", None, id="this-season"),
    ],
)
def test_without_a_publication_date_only_absolute_expressions_resolve(expression, expected):
    assert resolve(expression, None) == expected


@pytest.mark.parametrize("published", ["not a date", "", "2018-13-45"], ids=["words", "empty", "impossible"])
def test_a_bad_publication_date_is_treated_as_missing(published):
    assert resolve("Friday", published) is None
    assert resolve("2015", published) == "2015"


@pytest.mark.parametrize(
    "expression",
    ["  on\nTuesday. ", "On Tuesday", "Tuesday's"],
    ids=["whitespace-and-stop", "capitalised-preposition", "possessive"],
)
def test_surface_noise_is_ignored(expression):
    assert resolve(expression, PUBLISHED) == "2018-07-24"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        pytest.param("May 17, two days", "2018-05-17", id="date-fused-with-the-interval-after-it"),
        pytest.param("Saturday, seven weeks", "2018-07-21", id="weekday-fused-with-an-interval"),
        pytest.param("May 3 after two seasons", "2018-05-03", id="date-fused-with-after-an-interval"),
        pytest.param("late March", "2018-03", id="late-month"),
        pytest.param("mid-April", "2018-04", id="mid-month"),
        pytest.param("the summer of 2016", "2016", id="season-of-year"),
        pytest.param("last January", "2018-01", id="last-month-name"),
        pytest.param("last July", "2017-07", id="last-month-name-of-publication-month"),
        pytest.param("earlier this month", "2018-07", id="earlier-this-month"),
        pytest.param("earlier this year", "2018", id="earlier-this-year"),
        pytest.param("Tuesday of last week", "2018-07-17", id="weekday-of-last-week"),
        pytest.param("last night", "2018-07-26", id="last-night"),
        pytest.param("years ago", None, id="vague-years-ago"),
        pytest.param("only weeks ago", None, id="vague-weeks-ago"),
        pytest.param("late-night", None, id="a-daypart-adjective-is-no-date"),
    ],
)
def test_more_expressions(expression, expected):
    assert resolve(expression, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        pytest.param("August 1", "2018-08-01", id="month-day-after-publication-stays-this-year"),
        pytest.param("May 8", "2019-05-08", id="month-day-before-publication-is-next-year"),
        pytest.param("January", "2019-01", id="month-name-is-the-next-one"),
    ],
)
def test_a_future_transition_reads_yearless_dates_forward(expression, expected):
    assert resolve(expression, PUBLISHED, prefer_future=True) == expected


@pytest.mark.parametrize(
    ("expression", "days"),
    [
        pytest.param("two days later", 2, id="later"),
        pytest.param("Two days later", 2, id="capitalised"),
        pytest.param("a day earlier", -1, id="earlier"),
        pytest.param("the following day", 1, id="following-day"),
        pytest.param("the same day", 0, id="same-day"),
        pytest.param("a week later", 7, id="week"),
        pytest.param("days later", None, id="no-count"),
        pytest.param("A day after", None, id="after-needs-its-event"),
        pytest.param("two days afterwards", 2, id="afterwards"),
        pytest.param("on Tuesday", None, id="not-relative"),
    ],
)
def test_relative_shift(expression, days):
    assert relative_shift(expression) == days


def test_shift_moves_only_day_precise_dates():
    assert shift("2018-07-01", -3) == "2018-06-28"
    assert shift("2018-07", -3) is None
    assert shift(None, 1) is None


@pytest.mark.parametrize(
    ("count", "unit", "expected"),
    [
        pytest.param("two", "days", (2, "day"), id="days"),
        pytest.param("48", "hours", (2, "day"), id="hours"),
        pytest.param("a", "week", (7, "day"), id="week"),
        pytest.param("a", "year", (1, "year"), id="year"),
        pytest.param("ten", "months", (10, "month"), id="months"),
        pytest.param("several", "years", None, id="no-count"),
    ],
)
def test_interval(count, unit, expected):
    assert interval(count, unit) == expected


def test_shift_by_keeps_the_precision_a_count_allows():
    assert shift_by("2018-07-27", -1, "year") == "2017"
    assert shift_by("2018-02-10", -3, "month") == "2017-11"
    assert shift_by("2018", -3, "month") is None
    assert shift_by("2018-07-27", -2, "day") == "2018-07-25"


@pytest.mark.parametrize(
    ("expression", "published", "future", "expected"),
    [
        pytest.param("Christmas Day", "2024-12-26", False, "2024-12-25", id="the-day-before"),
        pytest.param("late on Christmas Day", "2024-12-26", False, "2024-12-25", id="with-a-qualifier"),
        pytest.param("Boxing Day", "2024-03-01", False, "2023-12-26", id="last-years"),
        pytest.param("New Year's Day", "2024-12-20", True, "2025-01-01", id="still-to-come"),
        pytest.param("Boxing Day 2016", "2024-03-01", False, "2016-12-26", id="with-its-year"),
    ],
)
def test_fixed_date_holidays(expression, published, future, expected):
    """Class 5: a holiday names a day."""
    assert resolve(expression, published, prefer_future=future) == expected


@pytest.mark.parametrize(
    ("expression", "future", "expected"),
    [
        pytest.param("Friday", True, "2018-07-27", id="the-same-day-still-to-come"),
        pytest.param("Monday", True, "2018-07-30", id="the-coming-monday"),
        pytest.param("Monday", False, "2018-07-23", id="a-past-monday"),
        pytest.param("last Monday", True, "2018-07-23", id="last-is-always-back"),
    ],
)
def test_a_weekday_still_to_come_resolves_forward(expression, future, expected):
    """Class 5: "will step down on Monday" (published on a Friday) is the coming Monday."""
    assert resolve(expression, "2018-07-27", prefer_future=future) == expected


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        # a week or a weekend names no single day: the month both of its ends lie in, else their year
        pytest.param("last week", "2018-07-27", "2018-07", id="last-week-inside-a-month"),
        pytest.param("last week", "2018-08-08", "2018", id="last-week-across-two-months"),
        pytest.param("last week", "2019-01-09", None, id="last-week-across-new-year"),
        pytest.param("earlier this week", "2018-07-27", "2018-07", id="earlier-this-week"),
        pytest.param("over the weekend", "2018-07-30", "2018-07", id="over-the-weekend-read-on-monday"),
        pytest.param("this past weekend", "2018-07-31", "2018-07", id="this-past-weekend"),
        pytest.param("last weekend", "2018-09-03", "2018-09", id="weekend-of-the-first-and-second"),
        pytest.param("over the weekend", "2018-04-02", "2018", id="weekend-across-two-months"),
        # "this past Sunday" is the Sunday before publication, a week back when published on a Sunday
        pytest.param("this past Sunday", "2018-07-30", "2018-07-29", id="this-past-sunday-read-on-monday"),
        pytest.param("this past Sunday", "2018-07-29", "2018-07-22", id="this-past-sunday-read-on-sunday"),
        pytest.param("on Sunday", "2018-07-30", "2018-07-29", id="on-sunday-read-on-monday"),
        # the season so far: the publication year, no finer
        pytest.param("earlier this season", "2018-07-27", "2018", id="earlier-this-season"),
        pytest.param("earlier in the season", "2018-07-27", "2018", id="earlier-in-the-season"),
    ],
)
def test_stretches_of_days_resolve_to_the_precision_they_give(expression, published, expected):
    assert resolve(expression, published) == expected


def test_a_weekend_still_to_come_is_no_date():
    assert resolve("over the weekend", "2018-07-25", prefer_future=True) is None
