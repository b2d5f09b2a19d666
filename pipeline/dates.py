"""The only dateparser wrapper: one parser per publication date, fixed settings, cached,
and the precision the text gives (``2015``, ``2018-08``, ``2018-07-27``)."""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateparser.date import DateDataParser

SETTINGS = {
    "TIMEZONE": "UTC",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DATES_FROM": "past",
    "PREFER_DAY_OF_MONTH": "first",
    "STRICT_PARSING": False,
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
YEAR = re.compile(r"^(?:early |late |mid-|the )?((?:19|20)\d\d)(?:-\d\d)?$")
NOISE = re.compile(r"^(on|in|at|by|from|since|of|until|over|during)\s+|'s$|’s$")
DAYPARTS = ("morning", "afternoon", "evening", "night")
DAYPART = re.compile(r"\s+(morning|afternoon|evening|night)$")
SEASONS = re.compile(r"^(this|last|the) (summer|winter|spring|autumn|fall|offseason|off-season)$")
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]
# "May 17, two days (after ...)": spaCy often fuses the date and the interval that follows it
# ... or "May 3 after two seasons": the interval after it
APPOSED_INTERVAL = re.compile(r"(?:,|\s+(?:after|before|into))\s+(?:\S+\s+){0,3}?"
                              r"(?:days?|weeks?|months?|years?|hours?|seasons?|games?|matches)\b.*$")
QUALIFIER = re.compile(r"^(?:early|late|mid|end of|the end of|the start of|the beginning of)[- ]\s*")
YEAR_SEASON = re.compile(r"^(?:the )?((?:19|20)\d\d)(?: [A-Za-z]+)? (?:season|campaign)$")  # "the 2021 season"
SEASON_OF_YEAR = re.compile(r"^(?:the )?(?:summer|winter|spring|autumn|fall|start|end|beginning|middle) (?:of )?((?:19|20)\d\d)$")
# "two decades", "five seasons": a length of time, not a point in it
DURATION = re.compile(r"^(?:more than |less than |almost |nearly |about |over |barely |only )?(?:a|an|one|two|three|four|"
                      r"five|six|seven|eight|nine|ten|\d+|several|a few|many|the last|the past)\s+"
                      r"(?:\S+\s+)?(?:days?|weeks?|months?|years?|decades?|seasons?|hours?)$")
LENGTH_ADJECTIVE = re.compile(r"^\S+-(?:day|week|month|year|season|game|match)(?:-old)?$")  # "two-year", "45-year-old"
VAGUE_AGO = re.compile(r"^(?:only |just |barely )?(?:some |several |a few |many )?(?:days|weeks|months|years) ago$")
THIS_PERIOD = {"earlier this month": "month", "this month": "month", "earlier this year": "year",
               "late last year": "last-year", "earlier in the year": "year",
               "earlier this season": "year", "earlier in the season": "year"}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "48": 2}
# "two days later", "a day earlier", "the following day": a day count from another dated event ("two days
# after" needs its event: "two days after he resigned" is read on the parse)
RELATIVE_SHIFT = re.compile(r"^(?:only |just |barely |some )?(?P<count>a|an|one|two|three|four|five|six|seven|eight|nine|"
                            r"ten|eleven|twelve|\d+) (?P<unit>days?|weeks?|hours?) (?P<way>later|earlier|afterwards?|after that|before that)$")
PAST_WEEKDAY = re.compile(r"^(?:this|the) past (?=(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$)")
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26), "new year's day": (1, 1),
            "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14), "the fourth of july": (7, 4)}
HOLIDAY = re.compile(r"^(?P<name>" + "|".join(re.escape(h) for h in HOLIDAYS) + r")(?:,? (?P<year>(?:19|20)\d\d))?$")
# a stretch of days that names no single day ("last week", "over the weekend"): (first, last) days back from
# publication, or a weekend's Saturday and Sunday; resolved to the precision both ends share (a month, a year)
WEEK_SPANS = {"last week": "last-week", "this past week": "past-week", "the past week": "past-week",
              "earlier this week": "this-week", "the weekend": "weekend",
              "last weekend": "weekend", "this past weekend": "weekend", "the past weekend": "weekend"}
NEXT_DAY = {"the following day": 1, "the next day": 1, "the day after": 1, "the previous day": -1,
            "the day before": -1, "a day later": 1, "the same day": 0, "that same day": 0, "later that day": 0,
            "that day": 0, "the following morning": 1, "the next morning": 1}


@lru_cache(maxsize=64)
def _parser(base: dt.date | None) -> DateDataParser:
    settings = dict(SETTINGS)
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    return DateDataParser(languages=["en"], settings=settings)


def _base(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


NEWS_DAY = re.compile(r"^(?:late |early )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|"
                      r"today|tonight|last night)$")


def clean(text: str) -> str:
    """The expression lower-cased, without a leading preposition, a possessive, a fused interval or a daypart."""
    phrase = " ".join(text.replace("\n", " ").split()).strip(" ,.()")
    phrase = NOISE.sub("", phrase.lower()).strip()
    phrase = APPOSED_INTERVAL.sub("", phrase)
    return phrase if phrase == "last night" else DAYPART.sub("", phrase)


def day_count(count: str, unit: str) -> int | None:
    """Days in "two days", "48 hours", "a week"; None when it is not a whole number of days."""
    number = NUMBERS.get(count.lower()) if not count.isdigit() else int(count)
    if number is None:
        return None
    unit = unit.lower().rstrip("s")
    if unit == "hour":
        return number // 24 if number % 24 == 0 else None
    return number * 7 if unit == "week" else number if unit == "day" else None


def interval(count: str, unit: str) -> tuple[int, str] | None:
    """"two days" → (2, "day"), "48 hours" → (2, "day"), "a year" → (1, "year"), "ten months" → (10, "month")."""
    unit = unit.lower().rstrip("s")
    if unit in ("month", "year"):
        number = NUMBERS.get(count.lower()) if not count.isdigit() else int(count)
        return (number, unit) if number is not None else None
    days = day_count(count, unit)
    return (days, "day") if days is not None else None


def shift_by(iso: str | None, amount: int, unit: str) -> str | None:
    """``iso`` moved by ``amount`` days, months or years, at the precision such a count allows."""
    if unit == "day":
        return shift(iso, amount)
    if iso is None:
        return None
    year = int(iso[:4])
    if unit == "year":
        return f"{year + amount:04d}"
    if len(iso) < 7:
        return None
    months = year * 12 + int(iso[5:7]) - 1 + amount
    return f"{months // 12:04d}-{months % 12 + 1:02d}"


def relative_shift(text: str) -> int | None:
    """Signed days of "two days later" / "a day earlier" / "the following day", counted from another event."""
    phrase = " ".join(text.lower().split()).strip(" ,.")
    phrase = re.sub(r"^(?:on|in)\s+", "", phrase)
    if phrase in NEXT_DAY:
        return NEXT_DAY[phrase]
    match = RELATIVE_SHIFT.match(phrase)
    if not match:
        return None
    days = day_count(match.group("count"), match.group("unit"))
    if days is None:
        return None
    return -days if match.group("way") in ("earlier", "before that") else days


def shift(iso: str | None, days: int) -> str | None:
    """``iso`` moved by ``days``; only a day-precise date can be moved."""
    if iso is None or len(iso) != 10:
        return None
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=days)).isoformat()


def _month_name(phrase: str, base: dt.date | None, prefer_future: bool) -> str | None:
    """"last January", "March": the latest such month before publication (or the next one, for the future)."""
    last = phrase.startswith("last ")
    name = phrase[5:] if last else phrase
    if name not in MONTHS or base is None:
        return None
    month = MONTHS.index(name) + 1
    if prefer_future and not last:
        year = base.year if month >= base.month else base.year + 1
    else:
        year = base.year if month < base.month or (month == base.month and not last) else base.year - 1
    return f"{year:04d}-{month:02d}"


def _this_period(phrase: str, base: dt.date | None) -> str | None:
    kind = THIS_PERIOD.get(phrase)
    if kind is None or base is None:
        return None
    if kind == "month":
        return f"{base.year:04d}-{base.month:02d}"
    return str(base.year - 1 if kind == "last-year" else base.year)


def _next_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day


@lru_cache(maxsize=4096)
def _holiday(phrase: str, base: dt.date | None, prefer_future: bool) -> str | None:
    """A fixed-date holiday ("Christmas Day", "Boxing Day 2016"): the last such day before publication, or the
    next one for a change still to come."""
    match = HOLIDAY.match(NOISE.sub("", phrase.replace("’", "'")))
    if match is None:
        return None
    month, day = HOLIDAYS[match.group("name")]
    if match.group("year"):
        return dt.date(int(match.group("year")), month, day).isoformat()
    if base is None:
        return None
    found = dt.date(base.year, month, day)
    if found > base and not prefer_future:
        found = found.replace(year=base.year - 1)
    elif found < base and prefer_future:
        found = found.replace(year=base.year + 1)
    return found.isoformat()


def _common_precision(first: dt.date, last: dt.date) -> str | None:
    """The most precise ISO value both days start with: "2024-11" for a week inside November, else the year;
    None for a week across New Year."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}" if first.year == last.year else None


def _week_span(phrase: str, base: dt.date | None) -> str | None:
    """"last week", "over the weekend", "earlier this week": a stretch of days before publication, at the
    precision the stretch gives (its month when it lies in one)."""
    kind = WEEK_SPANS.get(phrase)
    if kind is None or base is None:
        return None
    monday = base - dt.timedelta(days=base.weekday())
    if kind == "last-week":
        first, last = monday - dt.timedelta(days=7), monday - dt.timedelta(days=1)
    elif kind == "past-week":
        first, last = base - dt.timedelta(days=7), base - dt.timedelta(days=1)
    elif kind == "this-week":
        first, last = monday, base
    else:  # the latest weekend that has begun by publication
        saturday = base - dt.timedelta(days=(base.weekday() - 5) % 7)
        first, last = saturday, min(saturday + dt.timedelta(days=1), base)
    return _common_precision(first, last)


def resolve(text: str, published: str | None = None, prefer_future: bool = False) -> str | None:
    """ISO date of a DATE expression, as precise as the text; None when it is not a point in time.

    ``prefer_future`` reads a year-less date as the next such day, for a transition still to come
    ("will step down on May 8", "from January").
    """
    base = _base(published)
    phrase = QUALIFIER.sub("", clean(text))
    phrase = PAST_WEEKDAY.sub("last ", phrase)  # "this past Sunday" is "last Sunday"
    if not phrase or VAGUE_AGO.match(phrase) or DURATION.match(phrase) or LENGTH_ADJECTIVE.match(phrase) or "night" in phrase and "-" in phrase:
        return None
    holiday = _holiday(phrase, base, prefer_future)
    if holiday:
        return holiday
    season_year = SEASON_OF_YEAR.match(phrase) or YEAR_SEASON.match(phrase)
    if season_year:
        return season_year.group(1)
    if phrase in THIS_PERIOD:
        return _this_period(phrase, base)
    if phrase in WEEK_SPANS:
        return _week_span(phrase, base) if not prefer_future else None
    month = _month_name(phrase, base, prefer_future)
    if month:
        return month
    if re.search(r"\b(later|after|before|earlier|next|coming)\b", phrase):
        return None
    match = YEAR.match(phrase)
    if match:
        return match.group(1)
    if base is None and not re.search(r"\b(19|20)\d\d\b", phrase):
        return None  # a relative or year-less date needs the publication date
    if phrase in ("today", "this week", "tonight", "this afternoon", "this morning", "this evening", "earlier today"):
        return base.isoformat() if base else None
    if phrase in ("yesterday", "last night") and base:
        return (base - dt.timedelta(days=1)).isoformat()
    if phrase in WEEKDAYS or (phrase.startswith("last ") and phrase[5:] in WEEKDAYS):
        if base is None:
            return None
        wanted = WEEKDAYS.index(phrase.split()[-1])
        if prefer_future and not phrase.startswith("last "):
            # "will step down on Friday": the coming Friday, not the one before publication
            return (base + dt.timedelta(days=(wanted - base.weekday()) % 7)).isoformat()
        back = (base.weekday() - wanted) % 7
        if phrase.startswith("last ") and back == 0:
            back = 7
        return (base - dt.timedelta(days=back)).isoformat()
    if phrase.endswith(" of last week") and phrase.split()[0] in WEEKDAYS and base is not None:
        wanted = WEEKDAYS.index(phrase.split()[0])
        return (base - dt.timedelta(days=base.weekday() + 7 - wanted)).isoformat()
    season = SEASONS.match(phrase)
    if season:
        if base is None:
            return None
        return str(base.year - 1 if season.group(1) == "last" else base.year)
    if phrase in ("last year",) and base:
        return str(base.year - 1)
    if phrase in ("this year", "this season") and base:
        return str(base.year)
    data = _parser(base).get_date_data(phrase)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    has_year = re.search(r"\b(19|20)\d\d\b", phrase)
    if base is not None and prefer_future and not has_year and day < base and data.period == "day":
        day = _next_year(day)
    if base is not None and day > base and not prefer_future and not has_year:
        # a month and day without a year, later than publication: last year's
        try:
            day = day.replace(year=day.year - 1)
        except ValueError:
            return None
    period = data.period or "day"
    if period == "year":
        return f"{day.year:04d}"
    if period == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()
