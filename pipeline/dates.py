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
NOISE = re.compile(r"^(on|in|at|by|from|since|of|until)\s+|'s$|’s$")
DAYPART = re.compile(r"\s+(morning|afternoon|evening|night)$")
SEASONS = re.compile(r"^(this|last|the) (summer|winter|spring|autumn|fall|offseason|off-season)$")


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


@lru_cache(maxsize=4096)
def resolve(text: str, published: str | None = None) -> str | None:
    """ISO date of a DATE expression, as precise as the text; None when it is not a point in time."""
    base = _base(published)
    phrase = " ".join(text.replace("\n", " ").split()).strip(" ,.")
    phrase = NOISE.sub("", phrase.lower()).strip()
    phrase = DAYPART.sub("", phrase)
    if not phrase or re.search(r"\b(later|after|before|earlier|next|coming)\b", phrase):
        return None
    match = YEAR.match(phrase)
    if match:
        return match.group(1)
    if base is None and not re.search(r"\b(19|20)\d\d\b", phrase):
        return None  # a relative or year-less date needs the publication date
    if phrase in ("today", "this week", "tonight", "this afternoon", "this morning", "this evening", "earlier today"):
        return base.isoformat() if base else None
    if phrase == "yesterday" and base:
        return (base - dt.timedelta(days=1)).isoformat()
    if phrase in WEEKDAYS or (phrase.startswith("last ") and phrase[5:] in WEEKDAYS):
        if base is None:
            return None
        wanted = WEEKDAYS.index(phrase.split()[-1])
        back = (base.weekday() - wanted) % 7
        if phrase.startswith("last ") and back == 0:
            back = 7
        return (base - dt.timedelta(days=back)).isoformat()
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
    if base is not None and day > base and not re.search(r"\b(19|20)\d\d\b", phrase):
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
