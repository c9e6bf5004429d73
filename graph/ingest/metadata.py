"""Title and publication date of a text, from the lines at its top.

Only a *full* date (day, month and year) is returned: a publication date with
an invented day would put a fact on the wrong day in the graph. Dates inside
sentences ("shown on April 4, 2025 in Auburn Hills") are event dates, not the
publication date, so only date*lines* count: lines that are little more than a
date, maybe with "Published"/"Updated", a time and a time zone.

A wire-service *dateline* opening a paragraph ("SOMECITY, 12 March 2024
(Agency) –", "Somecity, March 12 (AFP) —") is found by :func:`find_dateline`:
the NLP pipeline makes it a sentence of its own so that the city is never the
subject of the first sentence, and its date is the publication date when no
dateline of its own line gives one. A *byline* line ("By Jane Roe", "Jane Roe |
12 March 2024") is found by :func:`find_byline`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

MAX_DATELINE = 300  # characters: how far into its line a dateline's or byline's date may start
HEAD_LINES = 15
MAX_TITLE_CHARS = 150
MAX_TITLE_WORDS = 25

_MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
    "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20|21)\d\d)"
_YEARISH = re.compile(r"(?:19|20|21)\d\d")  # what each of the patterns below needs somewhere
_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),
    re.compile(rf"\b{_YEAR}[-/.](?P<month>\d{{1,2}})[-/.](?P<day>\d{{1,2}})(?![\d/.-]\d)"),
    # "18.09.2025": day first, as the countries that write dates with dots do (never "09/18/2025")
    re.compile(rf"(?<![\d.])(?P<day>\d{{1,2}})\.(?P<month>\d{{1,2}})\.{_YEAR}(?![\d.]\d)"),
    # "27/08/2025" or "08/27/2025": slashed, read only where one number cannot be a month ("03/04/2025" is either)
    re.compile(rf"(?<![\d/])(?P<first>\d{{1,2}})/(?P<second>\d{{1,2}})/{_YEAR}(?![\d/]\d)"),
)
_PUBLISHED = re.compile(r"\b(?:published|posted|first published|date)\b", re.I)
_UPDATE_WORD = re.compile(r"\b(?:published|posted|updated|modified)\b", re.I)
_FILLER = re.compile(
    r"\b(?:published|posted|updated|last|modified|date|on|at|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|am|pm|a\.m|p\.m|gmt|utc)\b",
    re.I,
)
_TIME_ZONE = re.compile(r"\b[A-Z]{1,4}T\b")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\b|[+-]\d{2}:?\d{2}\b|T\d{2}:\d{2}\S*")
_SEPARATORS = ("|", "\u00b7", "\u2022")  # | · •
_DASHES = (" \u2014 ", " \u2013 ", " - ")  # a byline's name and its date: "By Jane Roe — Thursday, 2 May 2024"
_BY = re.compile(r"(?:By|BY)\s+[A-Z]")
# A wire-service dateline opening the first paragraph: "PODGORICA, July 14, 2022 (Agency) —"
_WIRE_PREFIX = re.compile(r"^[A-Z][A-Z.'/ -]*[A-Z],\s*$")
_WIRE_SUFFIX = re.compile(r"^\s*(?:\([^)]{1,60}\)\s*)?[-\u2013\u2014]")
_WORD = re.compile(r"[^\W\d_]{2,}")
_MAX_LEFTOVER_WORDS = 1
_MAX_LEFTOVER_WITH_KEYWORD = 6


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_LOOSE_DATE = (
    rf"(?i:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20|21)\d\d)?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+(?:19|20|21)\d\d)?|{_WEEKDAY})"
).replace("?P<month>", "?:")
_CAP = r"[^\W\d_a-z]"  # a capital letter, accented ones too ("BOGOTÁ"); _is_wire_dateline checks the case
_CAPS_PLACE = rf"{_CAP}(?:{_CAP}|[.'\u2019/-])*(?:[ ]{_CAP}(?:{_CAP}|[.'\u2019/-])*){{0,3}}"
_NAMED_PLACE = r"[A-Z][a-z.'\u2019-]+(?:[ ][A-Z][a-z.'\u2019-]+){0,2}"
_REGION = r"(?P<region>[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?)"  # "Calif.", "Ontario", "Peru" after the place
# a press release's second place: "PUNE, India and TASHKENT, Uzbekistan, June 18, 2024 /Wire/ --"
_AND_PLACE = rf"(?:[ ]and[ ](?:{_CAPS_PLACE}|{_NAMED_PLACE})(?:,[ ][A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*)?)?(?=,))?"
_DATELINE = re.compile(
    rf"(?P<place>{_CAPS_PLACE}|{_NAMED_PLACE})(?:,[ ]{_REGION}(?:,|(?=[ ]and[ ])|(?=[ ]*(?:--|\u2014|[-\u2013][ ]))))?{_AND_PLACE}"
    rf"(?:,?[ ]+(?P<date>{_LOOSE_DATE}))?"
    r"(?:[ ]*\((?P<agency>[A-Z][^()\n]{0,39})\)|[ ]*/(?P<wire>[A-Z][^/\n]{0,39})/)?"  # "(Agency)", "/PRNewswire/"
    r"[ ]*(?:(?:--|\u2014)[ ]*|[-\u2013][ ]+)(?=\S)"  # "--"/"—" may touch the text: "(Wire)--Acme said"
)
# "(Agency Name) — text": a wire credit in brackets opening a paragraph, with no place before it
_AGENCY_LINE = re.compile(r"\((?P<agency>[A-Z][\w.&'\u2019]*(?:[ ][A-Z][\w.&'\u2019]*){0,4})\)[ ]*(?:--|[-\u2013\u2014])[ ]+(?=\S)")
# "SOMECITY: Acme said …", "SOMECITY : …": a place in capitals before a colon (common in South Asian wires)
_COLON_DATELINE = re.compile(rf"(?P<place>{_CAPS_PLACE})(?:,[ ]{_REGION})?[ ]?:[ ]+(?=[A-Z])")
_BYLINE = re.compile(
    r"(?:By|BY)\s+[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){0,3})*"
    r"(?:\s*[,|\u2022\u00b7\u2013\u2014-]\s*[^\n]{0,60})?\s*$"
    r"|[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,3}\s*[|\u2022\u00b7]\s*[^\n]{0,60}\s*$"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """A wire dateline opening a paragraph: ``text[start:end]`` up to and with its dash."""

    start: int
    end: int
    place: str
    date: dt.date | None = None  # only a full date (day, month and year)
    agency: str | None = None
    region: str | None = None  # "KELSO BAY, Ontario —": the province, state or country after the place


@dataclass(frozen=True, slots=True)
class Extracted:
    """Text a format reader produced, with the metadata it found."""

    text: str
    title: str | None = None
    published: dt.date | None = None


def parse_full_date(value: str) -> dt.date | None:
    """The first full calendar date written in ``value``, else None."""
    for found, _ in _iter_dates(value):
        return found
    return None


def full_dates(value: str) -> set[dt.date]:
    """Every full calendar date written in ``value``."""
    return {found for found, _ in _iter_dates(value)}


def find_published(text: str) -> dt.date | None:
    """The publication date stated on a dateline near the top of ``text``.

    A date line of its own wins; else the full date of a wire dateline
    opening a paragraph ("Somecity, 12 March 2024 (AFP) —").
    """
    datelines = list(_datelines(text))
    for line, date in datelines:
        if _PUBLISHED.search(line):
            return date
    if datelines:
        return datelines[0][1]
    wire = find_dateline(text)
    return wire.date if wire is not None else None


def find_dateline(text: str) -> Dateline | None:
    """The wire dateline that opens one of the top paragraphs of ``text``, if any.

    A place in capitals may stand alone before the dash ("SOMECITY -"); a
    place in ordinary case needs a date or an agency in brackets, so that
    "Meanwhile - the talks" is not a dateline.
    """
    for offset, line in _head_lines(text):
        match = _DATELINE.match(line)
        if match is not None and _is_wire_dateline(match) and not _a_label(line[match.end():]):
            return _dateline_of(match, offset)
        colon = _COLON_DATELINE.match(line)
        if colon is not None and sum(c.isalpha() for c in colon["place"]) >= 3:
            return Dateline(offset, offset + colon.end(), colon["place"], region=colon["region"])
        credit = _AGENCY_LINE.match(line)
        if credit is not None:
            return Dateline(offset, offset + credit.end(), "", None, credit["agency"].strip())
    return None


def find_byline(text: str) -> tuple[int, int] | None:
    """Offsets of a byline line at the top of ``text`` ("By Jane Roe"), if any."""
    for offset, line in _head_lines(text):
        stripped = line.rstrip()
        if _BYLINE.match(stripped) and not stripped.endswith("."):
            return offset, offset + len(stripped)
    return None


def _a_label(rest: str) -> bool:
    """"PRESS RELEASE – FOR IMMEDIATE RELEASE": capitals after the dash and nothing else are a label, not a story."""
    return bool(rest.strip()) and not any(c.islower() for c in rest)


def _is_wire_dateline(match: re.Match[str]) -> bool:
    place = match["place"]
    capitals = place.upper() == place and sum(c.isalpha() for c in place) >= 2
    return capitals or bool(match["date"] or match["agency"] or match["wire"])


def _dateline_of(match: re.Match[str], offset: int) -> Dateline:
    date = parse_full_date(match["date"]) if match["date"] else None
    agency = (match["agency"] or match["wire"] or "").strip() or None
    return Dateline(offset, offset + match.end(), match["place"], date, agency, match["region"])


def _head_lines(text: str) -> Iterator[tuple[int, str]]:
    """The first ``HEAD_LINES`` non-empty lines, each with its offset in ``text``."""
    count, offset = 0, 0
    for line in text.splitlines(keepends=True):
        content = line.lstrip()
        if content.strip():
            yield offset + len(line) - len(content), content.rstrip("\r\n")
            count += 1
            if count == HEAD_LINES:
                return
        offset += len(line)


def guess_title(text: str) -> str | None:
    """The first non-empty line, when it is short and reads like a headline."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if _looks_like_headline(line) else None
    return None


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    return (
        len(line) <= MAX_TITLE_CHARS
        and 2 <= len(words) <= MAX_TITLE_WORDS
        and line[-1] not in ".,;:"
        and bool(_WORD.search(line))
        and "://" not in line
        and parse_full_date(line) is None
    )


def _head(text: str) -> Iterator[str]:
    count = 0
    for line in text.splitlines():
        if line.strip():
            yield line.strip()
            count += 1
            if count == HEAD_LINES:
                return


def _datelines(text: str) -> Iterator[tuple[str, dt.date]]:
    for line in _head(text):
        for date, match in _iter_dates(line):
            if match.start() > MAX_DATELINE:
                break  # a date further in is a paragraph's, not a dateline's (each would read the line again: quadratic)
            if _is_dateline(line, match):
                yield line, date
                break


def _is_dateline(line: str, match: re.Match[str]) -> bool:
    """A date that stands alone in its line (or ``|``-separated field of it, or a byline's field after a dash)."""
    if _WIRE_PREFIX.match(line[: match.start()]) and _WIRE_SUFFIX.match(line[match.end():]):
        return True
    separators = _SEPARATORS + _DASHES if _BY.match(line) else _SEPARATORS
    start = max((line.rfind(sep, 0, match.start()) + len(sep) for sep in separators if sep in line[: match.start()]), default=0)
    ends = [i for i in (line.find(sep, match.end()) for sep in separators) if i >= 0]
    rest = line[start: match.start()] + " " + line[match.end(): min(ends, default=len(line))]
    has_keyword = bool(_UPDATE_WORD.search(rest))
    rest = _FILLER.sub(" ", _TIME_ZONE.sub(" ", _TIME.sub(" ", rest)))
    leftover = len(_WORD.findall(rest))
    limit = _MAX_LEFTOVER_WITH_KEYWORD if has_keyword else _MAX_LEFTOVER_WORDS
    return leftover <= limit


def _iter_dates(value: str) -> Iterator[tuple[dt.date, re.Match[str]]]:
    if _YEARISH.search(value) is None:
        return  # every date pattern holds a year: most lines have none (the patterns cost 0.5 ms a document; issue 11)
    found = []
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(value):
            date = _to_date(match)
            if date is not None:
                found.append((match.start(), date, match))
    for _, date, match in sorted(found, key=lambda item: item[0]):
        yield date, match


def _to_date(match: re.Match[str]) -> dt.date | None:
    if "first" in match.re.groupindex:
        return _slashed(match)
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else _MONTHS[month_text.lower()]
    try:
        return dt.date(int(match.group("year")), month, int(match.group("day")))
    except ValueError:
        return None


def _slashed(match: re.Match[str]) -> dt.date | None:
    """A slashed date whose day is told apart by being over 12; None where either number could be the month."""
    first, second = int(match.group("first")), int(match.group("second"))
    if (first > 12) == (second > 12):
        return None
    day, month = (first, second) if first > 12 else (second, first)
    try:
        return dt.date(int(match.group("year")), month, day)
    except ValueError:
        return None
