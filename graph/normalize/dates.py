"""Dates in news English → :class:`graph.model.PartialDate`, years and periods.

A date is as precise as the text: "April 2022" is a month, never a day. The
common absolute forms ("June 29, 2025", "29 June 2025", "2025-06-29",
"April 2022", "2016") are read with regexes, because extractors call this per
DATE entity and dateparser costs ~0.5 ms a call. Relative forms ("on Sunday",
"In April", "yesterday", "last year") need ``relative_base`` (the article's
publication date) and mean the latest such date on or before it; without a
base they give None, so that the day a build runs never leaks into the graph.

Read as None on purpose: years outside 1800–2100 (the typo "May 6, 204"),
durations ("five to ten years", "a 35-year lease"), decades ("the 2010s"), ranges ("2010-2015":
see :func:`parse_period`), bounds ("before 2016", "by 2030"), weeks and other
vague spans ("last week", "the weekend", "now"), and text with no date word
("the 25th anniversary").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.errors import NormalizeError
from graph.model import PartialDate

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = ["MAX_YEAR", "MIN_YEAR", "MONTHS", "find_years", "parse_date", "parse_period"]

MIN_YEAR = 1800
MAX_YEAR = 2100
_MAX_LEN = 100  # DATE entities are short; longer text is a sentence, not a date

MONTHS: dict[str, int] = {  # month names and abbreviations, lower-case → 1–12
    name: i
    for i, names in enumerate(
        ["january jan", "february feb", "march mar", "april apr", "may",
         "june jun", "july jul", "august aug", "september sep sept",
         "october oct", "november nov", "december dec"], 1)
    for name in names.split()
}
_WEEKDAYS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        "monday tuesday wednesday thursday friday saturday sunday".split())
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_YEAR = r"(?P<year>\d{1,4})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_I = re.IGNORECASE

_LEADING = re.compile(
    r"^(?:(?:in|on|at|during|of|as of|from|since|around|about|circa|c\.|the|"
    r"early|late|mid|middle of|end of|beginning of|start of|earlier|later|"
    r"sometime in|back in|as early as|as late as)\s+|mid-)+", _I)
_LAST_MONTH = re.compile(rf"^(?:last|this past|this)\s+(?={_MONTH}\b)", _I)

_ABSOLUTE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(_YEAR), "year"),
    (re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"), "iso"),
    (re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})"), "iso"),
    (re.compile(rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY},?\s+{_YEAR}", _I), "day"),
    (re.compile(rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", _I),
     "day"),
    (re.compile(rf"{_MONTH},?\s+(?:of\s+)?(?P<year>\d{{3,4}})", _I), "month"),
    (re.compile(r"(?:(?:first|second|third|fourth|last|final)\s+(?:quarter|half)|q[1-4]|h[12]"
                rf"|spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}", _I), "year"),
]

_REJECT = re.compile(
    r"\b\d{2,4}'?s\b|'\d0s\b"  # decades
    r"|\b\d{4}\s*(?:[-–—/]|to|and|until|till|through)\s*\d{2,4}\b"  # ranges
    r"|\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|"
    r"couple of)\s+(?:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?)\b"
    r"(?!\s+(?:ago|earlier|before))"  # durations
    r"|\w-(?:years?|months?|weeks?|days?|decades?|hours?)\b"  # "35-year", "six-year"
    r"|^(?:before|after|prior to|until|till|by|through)\b"  # bounds
    r"|\b(?:now|recently|recent|weekend|soon|currently|past few|coming)\b", _I)

_DATEISH = re.compile(
    rf"\b(?:{'|'.join(m for m in MONTHS if m != 'may')}|(?-i:May)|{_WEEKDAY}|"
    r"yesterday|today|tomorrow|tonight|ago|"
    r"year|month|quarter|q[1-4])\b|\b(?:1[89]|20|21)\d\d\b|\d{1,2}/\d{1,2}/\d{2,4}", _I)

_WEEKDAY_FORM = re.compile(
    rf"(?:(?P<rel>last|this past|past|on|this)\s+)?(?P<weekday>{_WEEKDAY})"
    r"(?:\s+(?:morning|afternoon|evening|night))?", _I)
_DAY_WORDS: dict[str, int] = {
    "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
    "the day before yesterday": -2, "the day after tomorrow": 2,
}

_YEAR_TOKEN = re.compile(r"(?<![\w$€£¥])(?<!\d[.,])(1[89]\d\d|20\d\d|2100)(?![\w%]|[.,]\d)")


def _valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _build(year: int, month: int | None, day: int | None) -> PartialDate | None:
    """A PartialDate if the parts name a real date within the accepted years."""
    if not _valid_year(year):
        return None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= calendar.monthrange(year, month or 1)[1]:
        return None
    return PartialDate(year, month, day)


def _from_match(match: re.Match[str], kind: str) -> PartialDate | None:
    """The date a fast-path regex match denotes (None when the parts are invalid)."""
    parts = match.groupdict()
    year = int(parts["year"])
    if kind == "year":
        return _build(year, None, None)
    raw_month = parts["month"]
    month = int(raw_month) if raw_month.isdigit() else MONTHS[raw_month.lower()]
    day = int(parts["day"]) if parts.get("day") else None
    return _build(year, month, day)


_UNMATCHED = object()


def _absolute(text: str) -> PartialDate | None | object:
    """Fast path: the date of an absolute form, or ``_UNMATCHED``."""
    for pattern, kind in _ABSOLUTE:
        match = pattern.fullmatch(text)
        if match:
            return _from_match(match, kind)
    return _UNMATCHED


def _clean(text: str) -> str:
    """Collapse spaces, drop outer punctuation and prepositions like "in"/"mid-"."""
    cleaned = " ".join(text.split()).strip(" .,;:!?()[]\"'“”‘’")
    cleaned = _LEADING.sub("", cleaned)
    return _LAST_MONTH.sub("", cleaned)


_MONTH_OF_YEAR = re.compile(
    rf"(?:{_DAY}\s+)?{_MONTH}(?:\s+{_DAY.replace('?P<day>', '?P<day2>')},?)?\s+(?P<rel>this|last|next)\s+year", _I
)
_YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}


def _relative(text: str, base: dt.date) -> PartialDate | None | object:
    """Weekdays, yesterday/today and "March last year" by rule (dateparser skips
    the base's own weekday and does not read a month with a relative year)."""
    offset = _DAY_WORDS.get(text.lower())
    if offset is not None:
        return _day_of(base + dt.timedelta(days=offset))
    month_of = _MONTH_OF_YEAR.fullmatch(text)
    if month_of is not None:
        year = base.year + _YEAR_SHIFT[month_of["rel"].lower()]
        day = month_of["day"] or month_of["day2"]
        return _build(year, MONTHS[month_of["month"].rstrip(".").lower()], int(day) if day else None)
    shifted = _shifted(text, base)
    if shifted is not _UNMATCHED:
        return shifted
    match = _WEEKDAY_FORM.fullmatch(text)
    if match is None:
        return _UNMATCHED
    back = (base.weekday() - _WEEKDAYS[match["weekday"].lower()]) % 7
    if back == 0 and (match["rel"] or "").lower() in {"last", "past", "this past"}:
        back = 7
    return _day_of(base - dt.timedelta(days=back))


_UNIT_FORM = re.compile(r"(?P<rel>last|this|next)\s+(?P<unit>year|month)", _I)
_MONTH_DAY_FORM = re.compile(rf"{_MONTH}(?:\s+(?P<day>\d{{1,2}}))?", _I)


def _shifted(text: str, base: dt.date) -> PartialDate | None | object:
    """"last year", "next month", and a month (and day) without a year, the latest one not after
    the base: read by rule, as dateparser reads them, without its cost (issue 11)."""
    unit = _UNIT_FORM.fullmatch(text)
    if unit is not None:
        shift = {"last": -1, "this": 0, "next": 1}[unit["rel"].lower()]
        if unit["unit"].lower() == "year":
            return _build(base.year + shift, None, None)
        months = base.year * 12 + base.month - 1 + shift
        return _build(months // 12, months % 12 + 1, None)
    bare = _MONTH_DAY_FORM.fullmatch(text)
    if bare is None:
        return _UNMATCHED
    month, day = MONTHS[bare["month"].rstrip(".").lower()], int(bare["day"]) if bare["day"] else None
    later = (month, day or 1) > (base.month, base.day if day else 1)
    return _build(base.year - 1 if later else base.year, month, day)


def _day_of(date: dt.date) -> PartialDate | None:
    return _build(date.year, date.month, date.day)


# The base dateparser gets when the caller has none, so that it never reads
# the clock; results that depend on it are discarded.
_SENTINEL_BASE = dt.date(2000, 1, 1)


@lru_cache(maxsize=64)
def _parser(base: dt.date) -> DateDataParser:
    """One configured parser per base date (articles share few dates).

    dateparser is imported here: it costs ~40 ms to import and most calls
    never reach it.
    """
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day, 12),
            "PREFER_DATES_FROM": "past",  # news reports what happened
            "PREFER_DAY_OF_MONTH": "first",  # never today's day; dropped by period
            "RETURN_TIME_AS_PERIOD": False,
            "NORMALIZE": True,
        },
    )


_PERIOD_PARTS: dict[str, Callable[[dt.datetime], PartialDate]] = {
    "day": PartialDate.from_date,
    "time": PartialDate.from_date,
    "month": lambda d: PartialDate(d.year, d.month),
    "year": lambda d: PartialDate(d.year),
    "quarter": lambda d: PartialDate(d.year),
}


def _with_dateparser(text: str, base: dt.date | None) -> PartialDate | None:
    """The long tail via dateparser, keeping only the precision it reports."""
    years = {int(y) for y in _YEAR_TOKEN.findall(text)}
    if base is None and not years:
        return None  # a relative date without a base would be relative to today
    data = _parser(base or _SENTINEL_BASE).get_date_data(text)
    to_partial = _PERIOD_PARTS.get(data.period or "")
    if data.date_obj is None or to_partial is None:
        return None
    result = to_partial(data.date_obj)
    if years and result.year not in years:
        return None
    return _build(result.year, result.month, result.day)


def parse_date(text: str, *, relative_base: dt.date | None = None) -> PartialDate | None:
    """The date ``text`` states, as precise as it states it, or None.

    Raises NormalizeError when ``relative_base`` is outside 1800–2100: that
    is a wrong publication date, not a date the text states.
    """
    if relative_base is not None and not _valid_year(relative_base.year):
        raise NormalizeError(
            f"relative_base {relative_base} is outside {MIN_YEAR}–{MAX_YEAR}: "
            "pass the article's publication date (or None)")
    return _parsed(text, relative_base)


@lru_cache(maxsize=4096)
def _parsed(text: str, relative_base: dt.date | None) -> PartialDate | None:
    """parse_date's answer, remembered: the extractors ask again for each date entity of a
    document (twice on average), and dateparser costs ~0.3 ms a call (issue 11). The answer
    depends on the text and the base alone (never on the clock) and is immutable."""
    cleaned = _clean(text)
    if not cleaned or len(cleaned) > _MAX_LEN:
        return None
    absolute = _absolute(cleaned)
    if absolute is not _UNMATCHED:
        return absolute  # type: ignore[return-value]
    if _REJECT.search(cleaned) or not _DATEISH.search(cleaned):
        return None
    if relative_base is not None:
        relative = _relative(cleaned, relative_base)
        if relative is not _UNMATCHED:
            return relative  # type: ignore[return-value]
    elif _relative(cleaned, _SENTINEL_BASE) is not _UNMATCHED:
        return None  # a weekday or "yesterday" means nothing without a base
    return _with_dateparser(cleaned, relative_base)


def find_years(text: str) -> list[tuple[int, int, int]]:
    """Every four-digit year 1800–2100 in ``text`` as (start, end, year).

    Not years: amounts ("$2000", "2018%"), decades ("2010s"), parts of longer
    numbers ("12,2018", "20180").
    """
    return [(m.start(), m.end(), int(m.group())) for m in _YEAR_TOKEN.finditer(text)]


_END = rf"(?:{_MONTH.replace('?P<month>', '?:')}\s+)?\d{{4}}"
_PERIODS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\bfrom\s+(?:the\s+year\s+)?(?P<a>{_END})\s+(?:to|until|till|through|thru|and)"
                rf"\s+(?:the\s+end\s+of\s+)?(?P<b>{_END})\b", _I), "closed"),
    (re.compile(rf"\bbetween\s+(?P<a>{_END})\s+and\s+(?P<b>{_END})\b", _I), "closed"),
    (re.compile(rf"(?<![\w-])(?P<a>{_END})\s*(?:[–—]|-(?!\d\d?-)|to|until|through)\s*"
                r"(?P<b>\d{4}|\d{2})(?![\w-])", _I), "closed"),
    (re.compile(rf"\b(?:since|starting(?:\s+in)?|beginning(?:\s+in)?)\s+(?P<a>{_END})\b", _I),
     "open"),
    (re.compile(rf"\bfrom\s+(?P<a>{_END})\s+(?:on(?:wards?)?|forward)\b", _I), "open"),
    (re.compile(rf"\b(?:until|till|through|up\s+to)\s+(?P<b>{_END})\b", _I), "until"),
]


_FOUR_DIGITS = re.compile(r"\d{4}")


def _endpoint(text: str, *, start: PartialDate | None = None) -> PartialDate | None:
    """One end of a period; "2015-16" gives the second end as 2016."""
    if start is not None and re.fullmatch(r"\d{2}", text):
        return _build(start.year // 100 * 100 + int(text), None, None)
    found = _absolute(" ".join(text.split()))
    return found if isinstance(found, PartialDate) else None


def _interval(match: re.Match[str], kind: str) -> str | None:
    """The ISO 8601 interval of one period match, None when it runs backwards."""
    if kind == "until":
        end = _endpoint(match["b"])
        return f"../{end.iso()}" if end else None
    start = _endpoint(match["a"])
    if start is None:
        return None
    if kind == "open":
        return f"{start.iso()}/.."
    end = _endpoint(match["b"], start=start)
    if end is None or (end.year, end.month or 0) <= (start.year, start.month or 0):
        return None
    return f"{start.iso()}/{end.iso()}"


def parse_period(text: str) -> str | None:
    """The first period ``text`` states as an ISO 8601 interval, e.g. "2010/2015".

    Open ends use "..": "since 2013" → "2013/..", "until 2030" → "../2030".
    """
    best: tuple[int, str] | None = None
    if not _FOUR_DIGITS.search(text):
        return None  # every period states a year (_END); most sentences state none (issue 11)
    for pattern, kind in _PERIODS:
        for match in pattern.finditer(text):
            interval = _interval(match, kind)
            if interval is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), interval)
                break
    return best[1] if best else None
