"""Plain-text tables of deals (graph/extract/tables.py, issue 7, session 29)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.model import PartialDate
from graph.pipeline import extract_document
from tests.conftest import make_document

PLAIN = """Tarnia's lenders

The note lists the main project loans.

Project                   | Lender                 | Year | Amount           | Status
Velo ring road            | Orvel Policy Bank      | 2011 | US$212.4 million | completed 2014
Kessa heating plant       | Halden Reserve Fund    | 2018 | EUR 36.5 million | under construction

Source: finance ministry bulletins.
"""

MARKDOWN = """Tarnia's investors

| Company        | Investor        | Stake | Price        |
|----------------|-----------------|-------|--------------|
| Kessa Dairy    | Orlen Foods     | 35%   | $48 million  |
"""


def _rows(text: str) -> set[tuple]:
    found = extract_document(make_document(text, published="2024-01-15")).investments
    return {(f.investor.name, f.target.name, f.amount.value if f.amount else None, f.stake, f.date, f.kind) for f in found}


@pytest.mark.parametrize(("text", "row"), [
    pytest.param(PLAIN, ("Orvel Policy Bank", "Velo ring road", Decimal("212400000"), None, PartialDate(2011), "loan"), id="first-row"),
    pytest.param(PLAIN, ("Halden Reserve Fund", "Kessa heating plant", Decimal("36500000"), None, PartialDate(2018), "loan"),
                 id="second-row"),
    pytest.param(MARKDOWN, ("Orlen Foods", "Kessa Dairy", Decimal("48000000"), Decimal("0.35"), None, "investment"), id="markdown"),
])
def test_issue_7_each_row_of_a_table_of_deals_is_a_fact(text: str, row: tuple) -> None:
    """Session 29 (blind30): a table of loans ("Project | Lender | Year | Amount") told no fact, or facts of the
    columns run together into sentences."""
    assert row in _rows(text), _rows(text)


def test_issue_7_a_table_s_rows_tell_only_their_own_facts() -> None:
    assert len(_rows(PLAIN)) == 2, _rows(PLAIN)


def test_issue_7_a_table_without_a_column_of_givers_tells_nothing() -> None:
    """The guard: a table of results ("Company | Revenue | Profit") states no deal."""
    text = "Results\n\nThe results.\n\nCompany      | Revenue      | Profit\nKessa Dairy  | $48 million  | $5 million\n"
    assert _rows(text) == set()


def test_issue_7_a_row_s_evidence_is_its_line() -> None:
    (fact,) = [f for f in extract_document(make_document(MARKDOWN, published="2024-01-15")).investments]
    assert fact.evidence.text.startswith("Kessa Dairy") and fact.evidence.text.endswith("$48 million")
