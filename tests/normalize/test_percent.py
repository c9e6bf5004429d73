"""Percentages as fractions: stakes in news English, and what is not a stake."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.normalize.percent import find_percents, parse_percent

PARSED = [
    ("63 percent", "0.63"),
    ("51%", "0.51"),
    ("49.5 per cent", "0.495"),
    ("a 20-percent stake", "0.2"),
    ("100 pct", "1"),
    ("a 51pc stake", "0.51"),
    ("a 51 pc stake", "0.51"),  # session 11: a space before "pc" (British papers)
    ("20.3%", "0.203"),
    ("1.5 % stake", "0.015"),
    ("0%", "0"),
    ("100.0%", "1"),
    ("fifty-one percent", "0.51"),
    ("a 49 per-cent share", "0.49"),
    # issue 7
    ("56%", "0.56"),
    ("56 %", "0.56"),
    ("56 per cent", "0.56"),
    ("56-per-cent", "0.56"),
    ("56 percent", "0.56"),
    ("56.5pc", "0.565"),
    ("a 9.69% stake", "0.0969"),
    ("raised its holding to 80 per cent.", "0.8"),
]


@pytest.mark.parametrize(("text", "fraction"), PARSED, ids=[c[0] for c in PARSED])
def test_parse_percent(text: str, fraction: str) -> None:
    assert parse_percent(text) == Decimal(fraction)


NOT_PERCENT = [
    "150%",  # above 100: not a share
    "2 percentage points",  # a change, not a share
    "5 PC games",
    "percent",
    "-5%",
    "It holds 20% and 30%",  # two values: use find_percents
    "two hundred percent",
    "",
    "a majority stake",  # issue 7: no number, left to the extractors
    "a controlling interest",
    "$56m",
]


@pytest.mark.parametrize("text", NOT_PERCENT, ids=lambda t: t or "empty")
def test_parse_percent_refuses(text: str) -> None:
    assert parse_percent(text) is None


def test_find_percents_in_a_sentence() -> None:
    sentence = ("the acquisition of a 63 percent share of the Mining and Smelting Combine Bor, "
                "while Serbia keeps 37% and sales rose 150% in 2018")
    found = find_percents(sentence)
    assert [(sentence[s:e], v) for s, e, v in found] == [
        ("63 percent", Decimal("0.63")), ("37%", Decimal("0.37"))]


SPANS = [
    ("Acme bought a 9.69% stake in Beta.", "9.69%"),
    ("Acme raised its stake to 80 per cent in 2019.", "80 per cent"),
    ("a 56-per-cent share", "56-per-cent"),
    ("the 56.5pc holding", "56.5pc"),
]


@pytest.mark.parametrize(("sentence", "span"), SPANS, ids=[c[1] for c in SPANS])
def test_find_percents_offsets_cover_the_whole_amount(sentence: str, span: str) -> None:
    [match] = find_percents(sentence)
    assert sentence[match.start:match.end] == span


def test_fractions_print_plainly() -> None:
    assert [str(parse_percent(t)) for t in ("63%", "100%", "50.50%")] == ["0.63", "1", "0.505"]


@settings(deadline=None)  # shared CI machines: no per-example deadline
@given(st.text())
def test_never_raises_and_stays_in_range(text: str) -> None:
    for start, end, value in find_percents(text):
        assert 0 <= start < end <= len(text)
        assert 0 <= value <= 1
    parse_percent(text)


@settings(deadline=None)  # shared CI machines: no per-example deadline
@given(
    st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["%", " %", " percent", " per cent", "-percent", " pct", "pc", " pc",
                     "-per-cent", " per-cent", "-pc", " percentum"]),
    st.sampled_from(["a {} stake", "rose to {}.", "{} of the shares", "({})"]),
)
def test_round_trip(value: Decimal, unit: str, frame: str) -> None:
    text = frame.format(f"{value}{unit}")
    [match] = find_percents(text)
    assert match.fraction == value / 100
    assert text[match.start:match.end] == f"{value}{unit}"


# Pieces that put units, numbers and number words next to each other in every way (issue 11).
_PIECES = ["%", " %", "per", "per cent", "percent", "-per-cent", "per-centum", "pct", "pc", "-pc", "PC",
           "Per Cent", "5", "12.5", "1234567890", ".", ",", "-", " ", "\n", "a", "fifty-one",
           "seventy three", "one hundred", "ninety nine", "pcs", "perch", "x", "٣"]


def _whole_text_scan(text: str) -> list[tuple[int, int, Decimal]]:
    from graph.normalize.percent import _PATTERN, _fraction

    found = ((m.start(), m.end(), _fraction(m.group("num"))) for m in _PATTERN.finditer(text))
    return [(start, end, value) for start, end, value in found if value is not None]


@settings(deadline=None)  # shared CI machines: no per-example deadline
@given(st.lists(st.sampled_from(_PIECES), max_size=40) | st.lists(st.text(max_size=3), max_size=20))
def test_scanning_around_units_finds_what_a_whole_text_scan_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [tuple(m) for m in find_percents(text)] == _whole_text_scan(text)
