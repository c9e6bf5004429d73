"""Dates as precise as the text, relative dates against the article's date."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import NormalizeError
from graph.model import PartialDate, Precision
from graph.normalize.dates import find_years, parse_date, parse_period

# Publication date of 001_stocktwits_stellantis.txt's report ("said on Sunday").
BASE = dt.date(2025, 7, 2)

ABSOLUTE = [
    ("June 29, 2025", "2025-06-29"),
    ("29 June 2025", "2025-06-29"),
    ("2025-06-29", "2025-06-29"),
    ("Sunday, June 29, 2025", "2025-06-29"),
    ("on May 8, 2024", "2024-05-08"),
    ("the 3rd of May 2021", "2021-05-03"),
    ("May 3rd, 2021", "2021-05-03"),
    ("Sept. 5, 2021", "2021-09-05"),
    ("1 Jan 2020", "2020-01-01"),
    ("April 2022", "2022-04"),
    ("in April 2022", "2022-04"),
    ("2022-04", "2022-04"),
    ("2016", "2016"),
    ("in 2016", "2016"),
    ("since 2013", "2013"),
    ("mid-2016", "2016"),
    ("early 2016", "2016"),
    ("the end of 2016", "2016"),
    ("Q1 2024", "2024"),
    ("the first quarter of 2024", "2024"),
    ("summer 2023", "2023"),
    ("29/06/2025", "2025-06-29"),
]


@pytest.mark.parametrize(("text", "iso"), ABSOLUTE, ids=[c[0] for c in ABSOLUTE])
@pytest.mark.parametrize("base", [None, BASE], ids=["no-base", "base"])
def test_absolute_dates(text: str, iso: str, base: dt.date | None) -> None:
    date = parse_date(text, relative_base=base)
    assert date is not None and date.iso() == iso


RELATIVE = [
    ("on Sunday", "2025-06-29"),
    ("Sunday", "2025-06-29"),
    ("last Sunday", "2025-06-29"),
    ("late Sunday", "2025-06-29"),
    ("Thursday night", "2025-06-26"),
    ("Wednesday", "2025-07-02"),  # the base's own weekday: the base itself
    ("last Wednesday", "2025-06-25"),
    ("In April", "2025-04"),
    ("last April", "2025-04"),
    ("December", "2024-12"),  # the latest December not after the base
    ("June 29", "2025-06-29"),
    ("July 4th", "2024-07-04"),
    ("yesterday", "2025-07-01"),
    ("today", "2025-07-02"),
    ("two days ago", "2025-06-30"),
    ("last year", "2024"),
    ("earlier this year", "2025"),
    ("three years ago", "2022"),
    ("last month", "2025-06"),
]


@pytest.mark.parametrize(("text", "iso"), RELATIVE, ids=[c[0] for c in RELATIVE])
def test_relative_dates_need_a_base(text: str, iso: str) -> None:
    date = parse_date(text, relative_base=BASE)
    assert date is not None and date.iso() == iso
    assert parse_date(text) is None


REJECTED = [
    "May 6, 204",  # typo in 002_serbia_china_balkans.txt
    "1799", "2101", "February 30, 2024", "2025-13",
    "five to ten years", "ten years", "a decade", "the past decade",
    "35-year", "six-year", "three-day", "half-year", "a 30-year-old",
    "the 25th anniversary", "25th", "the 2010s", "the '90s",
    "2018-19", "from 2010 to 2015", "between 2010 and 2015",
    "before 2016", "by 2030", "until 2030",
    "last week", "this week", "2 weeks ago", "the weekend", "now", "recent years",
    "may", "", "said on Sunday in a statement issued to reporters at the presidency" * 2,
]


@pytest.mark.parametrize("text", REJECTED, ids=lambda t: t[:30] or "empty")
def test_rejected(text: str) -> None:
    assert parse_date(text, relative_base=BASE) is None


@pytest.mark.parametrize("text", ["April", "In April", "June 2023", "2016", "last year"])
@pytest.mark.parametrize(
    "base", [dt.date(2025, 7, 2), dt.date(2020, 2, 29), dt.date(1999, 12, 31)], ids=str)
def test_no_day_is_invented(text: str, base: dt.date) -> None:
    """dateparser fills missing days with today's: that must never show."""
    date = parse_date(text, relative_base=base)
    assert date is not None and date.day is None
    if not any(c.isdigit() for c in text):  # relative: not after the base
        assert (date.year, date.month or 1) <= (base.year, base.month)


PERIODS = [
    ("from 2010 to 2015, Chinese investment in Serbia was relatively limited", "2010/2015"),
    ("Serbia has received significant Chinese investment since 2013, totaling", "2013/.."),
    ("between 2010 and 2015", "2010/2015"),
    ("in 2010–2015", "2010/2015"),
    ("the 2015-16 season", "2015/2016"),
    ("from April 2022 to May 2023", "2022-04/2023-05"),
    ("from 2010 onwards", "2010/.."),
    ("starting in 2019", "2019/.."),
    ("until 2030", "../2030"),
    ("from 2015 to 2010", None),
    ("on 2025-06-29", None),
    ("in 2016", None),
    ("no period here", None),
]


@pytest.mark.parametrize(("text", "period"), PERIODS, ids=[c[0][:30] for c in PERIODS])
def test_parse_period(text: str, period: str | None) -> None:
    assert parse_period(text) == period


def test_find_years() -> None:
    text = "from 2010 to 2015, $2000, 2018%, the 2010s, 12,2018, 20180, in 1999 and 1750."
    at = text.index("1999")
    assert find_years(text) == [(5, 9, 2010), (13, 17, 2015), (at, at + 4, 1999)]


DATE_WORDS = ["June", "Sunday", "last", "ago", "2016", "May 6,", "in", "yesterday", "Q1", "29"]


@settings(deadline=None)  # shared CI machines: no per-example deadline
@given(st.text() | st.builds(" ".join, st.lists(
    st.sampled_from(DATE_WORDS) | st.text(max_size=6), max_size=5)))
def test_never_raises(text: str) -> None:
    for base in (None, BASE):
        date = parse_date(text, relative_base=base)
        assert date is None or 1800 <= date.year <= 2100
    parse_period(text)
    for start, end, year in find_years(text):
        assert text[start:end] == str(year)


FORMATS = {
    "%B %d, %Y": Precision.DAY, "%d %B %Y": Precision.DAY, "%Y-%m-%d": Precision.DAY,
    "%A, %B %d, %Y": Precision.DAY, "%b. %d, %Y": Precision.DAY,
    "%B %Y": Precision.MONTH, "in %B %Y": Precision.MONTH, "%Y": Precision.YEAR,
    "in %Y": Precision.YEAR,
}


@settings(deadline=None)  # shared CI machines: no per-example deadline
@given(st.dates(dt.date(1800, 1, 1), dt.date(2100, 12, 31)), st.sampled_from(sorted(FORMATS)),
       st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
def test_round_trip(date: dt.date, fmt: str, base: dt.date | None) -> None:
    text = fmt.replace("%Y", str(date.year)).replace("%d", str(date.day))
    text = date.strftime(text)  # %B etc.; the year is spelled out for years < 1900
    precision = FORMATS[fmt]
    expected = PartialDate(date.year, None if precision is Precision.YEAR else date.month,
                           date.day if precision is Precision.DAY else None)
    assert parse_date(text, relative_base=base) == expected


@settings(deadline=None)  # shared CI machines: no per-example deadline
@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday"]))
def test_weekday_is_the_latest_on_or_before_the_base(base: dt.date, weekday: str) -> None:
    date = parse_date(f"on {weekday}", relative_base=base)
    assert date is not None and date.day is not None and date.month is not None
    day = dt.date(date.year, date.month, date.day)
    assert 0 <= (base - day).days < 7 and day.strftime("%A") == weekday


@settings(deadline=None)  # shared CI machines: no per-example deadline
@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)),
       st.sampled_from(["January", "March", "May", "June", "September", "December"]))
def test_month_is_the_latest_not_after_the_base(base: dt.date, month: str) -> None:
    date = parse_date(f"In {month}", relative_base=base)
    assert date is not None and date.day is None and date.month is not None
    months_back = (base.year - date.year) * 12 + base.month - date.month
    assert 0 <= months_back < 12 and dt.date(2000, date.month, 1).strftime("%B") == month


TYPICAL = ["June 29, 2025", "29 June 2025", "2025-06-29", "April 2022", "2016", "in 2016",
           "May 8, 2024", "Sunday", "In April", "yesterday", "last year"]


def test_typical_calls_are_fast() -> None:
    parse_date("In April", relative_base=BASE)  # dateparser loads its data once
    start = time.perf_counter()
    for _ in range(100):
        for text in TYPICAL:
            parse_date(text, relative_base=BASE)
    per_call = (time.perf_counter() - start) / (100 * len(TYPICAL))
    assert per_call < 0.005, f"{per_call * 1e3:.2f} ms per call"


@pytest.mark.parametrize("base", [dt.date(1, 1, 1), dt.date(9999, 12, 31), dt.date(1799, 12, 31)],
                         ids=str)
def test_a_base_outside_the_accepted_years_is_an_error(base: dt.date) -> None:
    with pytest.raises(NormalizeError, match="publication date"):
        parse_date("yesterday", relative_base=base)


def test_relative_dates_stay_in_the_accepted_years() -> None:
    assert parse_date("yesterday", relative_base=dt.date(1800, 1, 1)) is None
    assert parse_date("tomorrow", relative_base=dt.date(2100, 12, 31)) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("January this year", PartialDate(2025, 1), id="month-this-year"),
        pytest.param("March last year", PartialDate(2024, 3), id="month-last-year"),
        pytest.param("in June next year", PartialDate(2026, 6), id="month-next-year"),
        pytest.param("on March 13 this year", PartialDate(2025, 3, 13), id="day-this-year"),
        pytest.param("13 March last year", PartialDate(2024, 3, 13), id="day-first-last-year"),
    ],
)
def test_month_with_a_relative_year(text, expected):
    assert parse_date(text, relative_base=dt.date(2025, 4, 8)) == expected
    assert parse_date(text) is None  # never the clock's year
