"""Wire datelines and bylines at the top of an article (issue 7)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graph.ingest.metadata import find_byline, find_dateline, find_published
from graph.ingest.reader import read_document

DATELINES = [
    ("SOMECITY, 12 March 2024 (Agency) \u2013 Acme Corp agreed to buy Beta.",
     "SOMECITY, 12 March 2024 (Agency) \u2013 ", "SOMECITY", dt.date(2024, 3, 12), "Agency"),
    ("SOMECITY (Wirenews) - Acme Corp agreed to buy Beta.",
     "SOMECITY (Wirenews) - ", "SOMECITY", None, "Wirenews"),
    ("Somecity, March 12 (Newswire) \u2014 Acme Corp agreed to buy Beta.",
     "Somecity, March 12 (Newswire) \u2014 ", "Somecity", None, "Newswire"),
    ("Somecity, 12 March 2024 (Newswire) \u2014 Acme agreed.",
     "Somecity, 12 March 2024 (Newswire) \u2014 ", "Somecity", dt.date(2024, 3, 12), "Newswire"),
    ("Acme buys Beta\n\nNEW TOWN, Sept. 12, 2023 -- Acme agreed to buy Beta.",
     "NEW TOWN, Sept. 12, 2023 -- ", "NEW TOWN", dt.date(2023, 9, 12), None),
    ("OLDPORT - Acme opened a plant on Monday.", "OLDPORT - ", "OLDPORT", None, None),
    ("SOMECITY, Calif., March 3 (Wire) \u2014 Acme agreed.",
     "SOMECITY, Calif., March 3 (Wire) \u2014 ", "SOMECITY", None, "Wire"),
    ("Somecity, Tuesday (Wire) - Acme agreed.", "Somecity, Tuesday (Wire) - ", "Somecity", None, "Wire"),
    ("Acme to open plant\n\n(Harbour Wire Asia) \u2014 Acme Corp will open a plant.",
     "(Harbour Wire Asia) \u2014 ", "", None, "Harbour Wire Asia"),
    ("Acme lends to Beta\n\nSOMECITY : Acme Bank said it lent $5m.", "SOMECITY : ", "SOMECITY", None, None),
    ("Acme opens plant\n\nSomecity, Feb. 24 (Wire Press)--Acme Corp held a ceremony.", "Somecity, Feb. 24 (Wire Press)--", "Somecity", None, "Wire Press"),
    ("PORT ÅLDEN, Varnia \u2014 Acme Corp agreed to buy Beta.", "PORT ÅLDEN, Varnia \u2014 ", "PORT ÅLDEN", None, None),
    ("BUKIT OLM, Varnia: Acme Chips will spend $3bn.", "BUKIT OLM, Varnia: ", "BUKIT OLM", None, None),
    ("SÃO BENTO, Varnia, 3 March 2024 \u2014 Acme agreed.", "SÃO BENTO, Varnia, 3 March 2024 \u2014 ", "SÃO BENTO", dt.date(2024, 3, 3), None),
    ("Acme signs\n\nPRESS RELEASE \u2013 FOR IMMEDIATE RELEASE\n\nSOMECITY, 14 April 2025 \u2013 Acme Berhad today announced a plant.",
     "SOMECITY, 14 April 2025 \u2013 ", "SOMECITY", dt.date(2025, 4, 14), None),
    ("OLDPORT, March 3, 2024 /Newswire/ -- Acme Corp agreed to buy Beta.",
     "OLDPORT, March 3, 2024 /Newswire/ -- ", "OLDPORT", dt.date(2024, 3, 3), "Newswire"),
    ("SOMECITY, Varnia and NEW TOWN, Orsa, June 18, 2024 /Newswire/ -- Acme Corp agreed to buy Beta.",
     "SOMECITY, Varnia and NEW TOWN, Orsa, June 18, 2024 /Newswire/ -- ", "SOMECITY", dt.date(2024, 6, 18), "Newswire"),
]


@pytest.mark.parametrize(("text", "span", "place", "date", "agency"), DATELINES,
                         ids=["caps-date-agency", "caps-agency", "named-month-day-agency",
                              "named-full-date", "below-a-title", "caps-alone",
                              "caps-with-region", "weekday", "agency-credit-alone", "caps-colon", "double-dash-touching",
                              "accented-caps-region-no-comma", "caps-region-colon", "accented-caps-region-date",
                              "below-a-release-label",  # session 27: the label was the dateline
                              "release-wire-in-slashes", "release-two-places"])  # session 29: no dateline, so "OLDPORT" acted
def test_find_dateline(text: str, span: str, place: str, date: dt.date | None,
                       agency: str | None) -> None:
    found = find_dateline(text)
    assert found is not None
    assert (text[found.start:found.end], found.place, found.date, found.agency) == (
        span, place, date, agency)


@pytest.mark.parametrize("text", [
    "Meanwhile - the talks went on.",
    "Acme Corp - the firm said - agreed.",
    "the deal (signed) - was historic.",
    "(The plan) - was fine.",
    "Note: the plan was fine.",
    "Somecity\u2014the plan was fine.",
    "The deal, signed May 8, 2024 \u2013 was historic.",
    "Title\n" + "filler line\n" * 20 + "OLDPORT - Acme opened a plant.",
    "",
], ids=["named-word-alone", "named-name-alone", "lower-case", "bracketed-words", "word-and-colon", "dash-touching-without-agency", "sentence-before-dash",
        "below-the-top-lines", "empty"])
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None


def test_a_wire_dateline_in_ordinary_case_gives_the_publication_date() -> None:
    text = "Acme buys Beta\n\nSomecity, 12 March 2024 (Newswire) \u2014 Acme agreed to buy Beta.\n"
    assert find_published(text) == dt.date(2024, 3, 12)


def test_a_date_line_of_its_own_wins_over_the_wire_dateline() -> None:
    text = "Published 14 March 2024\n\nSomecity, 12 March 2024 (Newswire) \u2014 Acme agreed.\n"
    assert find_published(text) == dt.date(2024, 3, 14)


def test_a_read_document_takes_its_date_from_the_dateline(tmp_path: Path) -> None:
    path = tmp_path / "acme.txt"
    path.write_text("Acme buys Beta\n\nSomecity, 12 March 2024 (Newswire) \u2014 Acme Corp agreed "
                    "to buy Beta Ltd for $150m.\n", encoding="utf-8")
    assert read_document(path).published == dt.date(2024, 3, 12)


BYLINES = [
    ("Acme buys Beta\nBy Jane Roe\nAcme agreed.", "By Jane Roe"),
    ("Jane Roe | 12 March 2024\nAcme agreed.", "Jane Roe | 12 March 2024"),
    ("By Jane Roe and John Doe, Newswire\nAcme agreed.", "By Jane Roe and John Doe, Newswire"),
]


@pytest.mark.parametrize(("text", "span"), BYLINES, ids=["by", "name-and-date", "two-authors"])
def test_find_byline(text: str, span: str) -> None:
    found = find_byline(text)
    assert found is not None and text[found[0]:found[1]] == span


@pytest.mark.parametrize("text", [
    "By the end of the year, Acme had sold the plant.",
    "Acme agreed to buy Beta.",
], ids=["by-in-a-sentence", "no-byline"])
def test_no_byline(text: str) -> None:
    assert find_byline(text) is None


def test_issue_7_a_long_first_line_keeps_its_wire_dateline() -> None:
    """Session 32: only a date near its line's start may be a dateline (each later one re-read the line:
    a first line of 4,000 dates took 42 s); a wire dateline opening a long paragraph still dates it."""
    later = " ".join(f"Orlan paid {i} million euros on {i % 28 + 1} June 2021." for i in range(60))
    text = f"SOMECITY, 12 March 2024 (Agency) \u2013 Acme Corp agreed to buy Beta. {later}"
    assert find_published(text) == dt.date(2024, 3, 12)
