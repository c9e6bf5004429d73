"""Percentages in news English → a fraction in [0, 1] as a Decimal.

Stakes are stored as fractions ("63 percent" → 0.63) because the gold and the
graph do. Read forms: "56%", "56 %", "56 per cent", "56-per-cent", "56 percent",
"56.5pc", "56 pct", number words ("fifty-one percent"). Words without a number
("a majority stake", "a controlling interest") are not percentages and are left
to the extractors. "Percentage points" are changes, not shares, and are never read;
values above 100 ("sales rose 150%") are not stakes and are dropped.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

__all__ = ["PercentMatch", "find_percents", "parse_percent"]


class PercentMatch(NamedTuple):
    """A percentage found in text: ``text[start:end]`` states ``fraction`` (in [0, 1])."""

    start: int
    end: int
    fraction: Decimal

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _word_numbers() -> dict[str, int]:
    """Number words 0–100 ("fifty-one", "fifty one") for "fifty-one percent"."""
    words = {word: i for i, word in enumerate(_UNITS)}
    for t, tens in enumerate(_TENS, 2):
        words[tens] = 10 * t
        for u, unit in enumerate(_UNITS[1:10], 1):
            words[f"{tens}-{unit}"] = words[f"{tens} {unit}"] = 10 * t + u
    words["one hundred"] = words["a hundred"] = 100
    return words


_WORDS = _word_numbers()
_WORD_ALT = "|".join(sorted(map(re.escape, _WORDS), key=lambda w: (-len(w), w)))

_PATTERN = re.compile(
    rf"(?<![\w.,-])(?P<num>\d+(?:\.\d+)?|(?i:{_WORD_ALT}))"
    r"(?:\s?%|[\s-]?(?i:per[\s-]?cent(?:um)?|pct)(?![A-Za-z])|[\s-]?pc(?![A-Za-z]))",
)


def _fraction(raw: str) -> Decimal | None:
    """"63" → 0.63; None above 100."""
    key = " ".join(raw.lower().split())
    value = Decimal(_WORDS[key]) if key in _WORDS else Decimal(raw)
    if value > 100:
        return None
    fraction = (value / 100).normalize()
    return Decimal(int(fraction)) if fraction == fraction.to_integral_value() else fraction


# Where a percentage's unit can start ("%", "per cent", "pct", "pc"). Every match of _PATTERN holds
# one: it starts at most _REACH characters before it (the longest number word, 13, and a
# separator) or further left over digits only, and ends, with the character its lookahead
# reads, at most _TAIL after it ("-per-centum").
_UNIT_START = re.compile(r"%|[Pp](?:[Ee][Rr]|[Cc])")
_REACH, _TAIL = 16, 16


def find_percents(text: str) -> list[PercentMatch]:
    """Every percentage in ``text`` as (start, end, fraction), in order."""
    found: list[PercentMatch] = []
    for lo, hi in _windows(text):
        for match in _PATTERN.finditer(text, lo, hi):
            fraction = _fraction(match.group("num"))
            if fraction is not None:
                found.append(PercentMatch(match.start(), match.end(), fraction))
    return found


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` around its possible units, overlapping ones joined.

    Why: _PATTERN tried its 170 number words at every word of the text, though few words stand
    before a unit (a tenth of a build's parse-stage overhead, issue 11). Scanning only these
    stretches finds the same matches: none lies outside them, and the pattern's lookbehind
    reads the text before a stretch, as a whole-text scan does (``tests/normalize``)."""
    windows: list[tuple[int, int]] = []
    for unit in _UNIT_START.finditer(text):
        lo = max(unit.start() - _REACH, 0)
        while lo > 0 and (text[lo - 1].isdigit() or text[lo - 1] == "."):
            lo -= 1
        hi = min(unit.start() + _TAIL, len(text))
        if windows and lo <= windows[-1][1]:
            windows[-1] = (min(windows[-1][0], lo), hi)
        else:
            windows.append((lo, hi))
    return windows


def parse_percent(text: str) -> Decimal | None:
    """The one percentage ``text`` states ("a 20-percent stake" → 0.2), else None."""
    found = find_percents(text)
    return found[0].fraction if len(found) == 1 else None
