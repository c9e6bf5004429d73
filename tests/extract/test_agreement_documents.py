"""A signed deal document that names no parties is the agreement of the deal the text tells
(graph/extract/agreement_documents.py; issue 7, session 20). Passages of our own, fictitious names."""

from __future__ import annotations

import pytest

from graph.model import PartialDate
from graph.pipeline import extract_document
from tests.conftest import make_document


def _agreements(text: str) -> list[tuple[frozenset[str], PartialDate | None]]:
    found = extract_document(make_document(text, published="2025-10-10")).agreements
    return [(frozenset(p.name for p in a.parties), a.date) for a in found]


@pytest.mark.parametrize(("text", "parties", "date"), [
    pytest.param("Dairy\n\nGrupo Serrano SA completed its purchase of Lacteos Verdes from Albano Participacoes Ltda for "
                 "2.1 billion reais. Analysts welcomed the deal. The sale and purchase agreement was signed on 3 March 2025 "
                 "in Sao Paulo after months of talks.",
                 {"Grupo Serrano SA", "Albano Participacoes Ltda"}, PartialDate(2025, 3, 3), id="a-completed-purchase-and-its-seller"),
    pytest.param("Refining\n\nHormel Petroleum Holding will raise its shareholding in Indra Coastal Refinery Ltd to 40 per cent "
                 "by subscribing for new shares worth $300 million. The share subscription agreement was signed on 6 October "
                 "2025 in Dubai.",
                 {"Hormel Petroleum Holding", "Indra Coastal Refinery Ltd"}, PartialDate(2025, 10, 6), id="a-subscription-and-its-company"),
    pytest.param("Towers\n\nThe National Bank for Infrastructure Finance will lend Rs 4,000 crore to Vistara Infratel Ltd, the "
                 "company said. The loan agreement was signed in Mumbai on 6 October 2025.",
                 {"National Bank for Infrastructure Finance", "Vistara Infratel Ltd"}, PartialDate(2025, 10, 6),
                 id="a-loan-and-its-borrower"),
])
def test_issue_7_a_deal_document_with_no_parties_is_the_deal_s_agreement(text, parties, date):
    """"The sale and purchase agreement was signed on 3 March 2025": the buyer and seller (or the company
    issuing the shares) of the deal the text tells are its parties, and that is its signing date."""
    assert (frozenset(parties), date) in _agreements(text)


def test_issue_7_a_document_with_no_deal_of_its_kind_is_no_agreement():
    """Nothing told in the text is bought or sold: the document's parties stay unknown, so no agreement."""
    text = "Dairy\n\nLacteos Verdes opened a cheese plant in Tarsk in 2024. The share purchase agreement was signed on Tuesday."
    assert _agreements(text) == []


def test_issue_7_a_document_s_signing_dates_the_deal_s_agreement_told_before():
    """A guard: "X agreed to buy Y from Z" is already an agreement of X and Z, and the document's signing
    dates it (as a definite re-mention did before); it makes no second one."""
    text = ("Dairy\n\nGrupo Serrano SA agreed on Monday to buy Lacteos Verdes from Albano Participacoes Ltda for 2.1 billion "
            "reais. Analysts welcomed the deal. The share purchase agreement was signed on 8 October 2025 in Sao Paulo.")
    found = [a for a in _agreements(text) if a[0] == {"Grupo Serrano SA", "Albano Participacoes Ltda"}]
    assert found == [(frozenset({"Grupo Serrano SA", "Albano Participacoes Ltda"}), PartialDate(2025, 10, 8))]


def test_issue_7_a_document_of_another_kind_ending_in_a_listed_noun_records_no_deal():
    """A "land purchase agreement" is no share purchase agreement: only a weak kind's noun ("buyer credit
    facility" is a facility) may end a longer name; a listed document's name must be the whole name."""
    text = "Steel\n\nOrvan Steel bought Kessel Metals for $300 million in March. The land purchase agreement was signed on 3 June 2025."
    assert _agreements(text) == []


def test_issue_7_the_party_a_document_s_signing_names_is_the_deal_s_other_side():
    """"… where he signed the share transfer agreement with Z's chairwoman": the signing names one side, Z,
    the deal told before the other (its buyer); not the company bought."""
    text = ("Housing\n\nHanawa Realty bought 65% of Riverside Homes for $300 million last week. \"Cities are growing,\" "
            "Hanawa Realty's president, Kenji Oda, told reporters in Hanoi, where he signed the share transfer agreement "
            "on 16 April 2025 with Tarsk Land JSC's chairwoman, Nguyen Lan.")
    assert _agreements(text) == [(frozenset({"Hanawa Realty", "Tarsk Land JSC"}), PartialDate(2025, 4, 16))]


def test_issue_7_an_agreed_deal_and_its_dated_document_are_one_agreement():
    """"X agreed to sell … to Z, the miner said on Thursday. X and Z signed a share purchase agreement
    … on March 13, 2024": one agreement, signed when the document says, not a second dated by the news."""
    text = ("Copper\n\nOrvell Minerals Ltd has agreed to sell its 51% stake in Tessaly Copper PLC to Haldane Capital for "
            "$300m, the miner said on Thursday. Orvell and Haldane signed a share purchase agreement in London on "
            "March 13, 2024.")
    assert _agreements(text) == [(frozenset({"Orvell Minerals Ltd", "Haldane Capital"}), PartialDate(2024, 3, 13))]


@pytest.mark.parametrize(("text", "parties"), [
    pytest.param("Banks\n\nVarnholt Bank of Austria will sell a 40% stake in Kessar Kredyt to the insurer Lumova "
                 "Ubezpieczenia for 2.1 billion zlotys. The sale agreement was signed in Warsaw on 1 October 2025.",
                 {"Varnholt Bank of Austria", "Lumova Ubezpieczenia"}, id="a-stake-sold-by-a-named-seller"),
    pytest.param("Towers\n\nCanada's Lorvane Public Pension Plan will invest Rs 3,400 crore in Vistera Infratel, the tower "
                 "arm of Prakara Tele, for a 26 per cent stake. Under the share purchase agreement signed on 8 October "
                 "2025, Prakara Tele will keep the remaining 74 per cent.",
                 {"Lorvane Public Pension Plan", "Prakara Tele"}, id="an-investment-for-a-stake-and-the-owner"),
])
def test_issue_7_a_deal_document_records_a_stake_sold_or_invested_for(text, parties):
    """A share purchase agreement records a stake bought from a seller the text names, whatever the
    company sold was taken for, and an investment in a company for a stake, agreed with its owner."""
    assert frozenset(parties) in {p for p, _ in _agreements(text)}


def test_issue_7_a_deal_document_signed_with_one_party_is_the_deal_s():
    """Session 28: "The share purchase agreement was signed with Z" named one side and took the article's most
    named company for the other; a document that records the deal told is between its buyer and Z."""
    text = ("Energy\n\nTarsk Energy owns the Kelso plant. Tarsk Energy said output rose. Orsk Bank agreed to buy 30% of "
            "Kelso Power for $90m. The share purchase agreement was signed with Tarsk Energy on 3 March 2025.")
    found = _agreements(text)
    assert (frozenset({"Orsk Bank", "Tarsk Energy"}), PartialDate(2025, 3, 3)) in found
    assert not any(parties == {"Kelso Power", "Tarsk Energy"} for parties, _ in found)


@pytest.mark.parametrize(("text", "parties", "date"), [
    pytest.param("Banking\n\nZavrin Bank will sell a 46% stake in Tarsa Finanse to Pellara Insurance for 4.1 billion zlotys. Zavrin "
                 "Bank will keep a 5 per cent holding, according to the sale agreement, which the two companies signed in Warsaw "
                 "on October 1.", {"Zavrin Bank", "Pellara Insurance"}, PartialDate(2025, 10, 1), id="which-the-two-companies-signed"),
    pytest.param("Lithium\n\nHalvik Metals Group has agreed to buy 65% of Kessra Litio SA from Orlin Brine Corp for $600 million. "
                 "The share purchase agreement, first reported by a local daily in early March and signed on March 18, values "
                 "Kessra Litio at about $950 million.", {"Halvik Metals Group", "Orlin Brine Corp"}, PartialDate(2025, 3, 18),
                 id="first-reported-and-signed"),
])
def test_issue_7_the_deal_s_document_signed_on_a_day_dates_the_deal(text, parties, date):
    """Session 33 (blind4's read half, and a construction of another read half): "the sale agreement, which the two
    companies signed on 1 October" made a second agreement between the two companies the document named most (not
    the deal's sides), or none where the parser hung the "which" elsewhere; "the share purchase agreement, first
    reported … and signed on 18 March" did not date the deal."""
    assert _agreements(text) == [(frozenset(parties), date)]


@pytest.mark.parametrize(("text", "parties"), [
    pytest.param("Copper\n\nVelda Copper on Tuesday signed a US$1.4 billion syndicated loan with five lenders to finance a new "
                 "smelter at Tarsk. The lenders are the Orlin Reconstruction Bank, Kessra Development Bank and Vesk Landbank.",
                 {"Velda Copper", "Orlin Reconstruction Bank", "Kessra Development Bank", "Vesk Landbank"}, id="the-lenders-are"),
    pytest.param("Copper\n\nVelda Copper on Tuesday signed a US$1.4 billion syndicated loan with five lenders to finance a new "
                 "smelter at Tarsk. The Orlin Reconstruction Bank is providing $500 million, and Kessra Development Bank $300 "
                 "million.", {"Velda Copper", "Orlin Reconstruction Bank", "Kessra Development Bank"}, id="each-lender-s-part"),
])
def test_issue_7_a_loan_signed_with_unnamed_lenders_is_signed_with_those_named_after(text, parties):
    """Session 33 (a construction of blind8's and blind22's read halves): "X signed a loan with five lenders", the
    lenders named in the sentences after, gave no agreement: the signing named one party."""
    assert (frozenset(parties), PartialDate(2025, 10, 7)) in _agreements(text)
