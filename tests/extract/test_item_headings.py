"""List items that open with a heading (graph/extract/item_headings.py, issue 7, session 29)."""

from __future__ import annotations

import pytest

from graph.pipeline import extract_document
from tests.conftest import make_document

M = 1_000_000


def _rows(text: str) -> set[tuple]:
    found = extract_document(make_document(text, published="2024-01-15")).investments
    return {(f.investor.name, f.target.name, f.amount.value if f.amount else None) for f in found}


BULLETS = """Tarnia's projects

Four projects tell the story:

• Kessa Alto hydroelectric plant. Financed with a $940 million loan from Orvel Policy Bank, signed in May 2011.

• Velo ring road. Paid for out of a $400 million loan from Halden Export Bank.

• A new customs code. It was drafted with help from Orsk Development Fund, which lent $30 million.
"""

NUMBERED = """Tarnia's projects

The report reviews two projects.

1. Kessa Alto hydroelectric plant (1,500 MW). Built by Tarn Builders and financed with a $940 million loan from Orvel Policy Bank.

2. Velo refinery rehabilitation. Paid for out of a $700 million oil-backed loan from Halden Trading.
"""


@pytest.mark.parametrize(("text", "row"), [
    pytest.param(BULLETS, ("Orvel Policy Bank", "Kessa Alto hydroelectric plant", 940 * M), id="bullet-first"),
    pytest.param(BULLETS, ("Halden Export Bank", "Velo ring road", 400 * M), id="bullet-second"),
    pytest.param(NUMBERED, ("Orvel Policy Bank", "Kessa Alto hydroelectric plant", 940 * M), id="numbered-first"),
    pytest.param(NUMBERED, ("Halden Trading", "Velo refinery", 700 * M), id="numbered-split-from-its-number"),
])
def test_issue_7_an_item_s_money_goes_to_the_asset_its_heading_names(text: str, row: tuple) -> None:
    """Session 29 (blind30): "• Galle harbour. Built with loans from X …" told the loan of no target, or of the
    asset a previous item named."""
    assert row in _rows(text)


def test_issue_7_a_crosshead_standing_alone_heads_no_item() -> None:
    """The guard: a line on its own (a crosshead) is no item's heading."""
    text = "Tarnia's projects\n\nThe Velo ring road\n\nOrsk Development Fund lent $30 million.\n"
    assert not [row for row in _rows(text) if row[1] == "Velo ring road"]


@pytest.mark.parametrize("headline", [
    pytest.param("Borrowed roads, borrowed time: Tarnia and its creditors", id="first-word-capital"),
    pytest.param("THE RESORT IS STILL A BUILDING SITE", id="all-capitals"),
])
def test_issue_7_a_headline_s_capitals_alone_name_no_asset(headline: str) -> None:
    """Session 29 (blind30): the first word of a headline, or a headline in capitals, made a common noun a named
    asset that every bare sum of the article then funded."""
    text = f"{headline}\n\nTOSK, 8 May 2023 - The Kestrel Development Bank is lending $400 million, the ministry said.\n"
    assert not [row for row in _rows(text) if row[1].lower() in {"borrowed roads", "resort"}]
