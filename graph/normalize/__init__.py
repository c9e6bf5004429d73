"""Text → values: money, percentages, dates. Pure functions, no spaCy."""

from graph.normalize.dates import find_years, parse_date, parse_period
from graph.normalize.money import QUALIFIERS, find_money, parse_money
from graph.normalize.percent import find_percents, parse_percent

__all__ = [
    "QUALIFIERS",
    "find_money",
    "find_percents",
    "find_years",
    "parse_date",
    "parse_money",
    "parse_percent",
    "parse_period",
]
