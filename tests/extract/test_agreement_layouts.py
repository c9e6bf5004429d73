"""Agreements in the layouts of real signing news (fictitious names): lists of the documents a
ceremony produced, loans signed by a borrower whose lenders the next sentences name."""

from __future__ import annotations

import pytest

from graph.pipeline import extract_document
from tests.conftest import make_document


def _agreements(text: str, published: str | None = "2024-06-12"):
    return extract_document(make_document(text, published=published)).agreements


def _parties(agreement) -> set[str]:
    return {p.name for p in agreement.parties}


# (id, text, parties wanted among one fact's parties, its signing date)
SIGNED_LISTS = [
    (
        "among-the-instruments-signed-were",
        "Montevideo, 9 May 2024 (UNA) - The leaders of Uruguay and Chile today witnessed the signing of six agreements. "
        "Among the instruments signed were a Treaty on Mutual Legal Assistance between the two governments and a "
        "Memorandum of Understanding on Fisheries between the Ministry of Fisheries of Chile and the Ministry of Fisheries of Uruguay.",
        {"Ministry of Fisheries of Chile", "Ministry of Fisheries of Uruguay"},
        "2024-05-09",
    ),
    (
        "among-the-documents-signed-was",
        "Chile and Peru held talks in Lima on 3 March 2023. Among the documents signed was an Agreement on Visa Exemption "
        "between Chile and Peru.",
        {"Chile", "Peru"},
        "2023-03-03",
    ),
]


@pytest.mark.parametrize(("text", "parties", "date"), [pytest.param(*p[1:], id=p[0]) for p in SIGNED_LISTS])
def test_a_listed_signed_document_is_dated_by_its_signing(text, parties, date):
    found = [a for a in _agreements(text, None) if parties <= _parties(a)]
    assert found, f"no agreement of {parties} in {_agreements(text, None)}"
    assert found[0].date is not None and found[0].date.iso() == date, found[0]


# (id, text, the borrower, lenders each wanted in an agreement with it, its signing date, lenders wanted in none)
BORROWER_SIGNS = [
    (
        "lenders-named-after-the-signing",
        "DAR ES SALAAM, 4 June 2024 (Rift Wire) - Tanzania signed loan agreements worth about $300 million on Tuesday "
        "to build a dam on the Ruvuma river, the finance ministry said. The Orbis Development Bank will lend $150 million "
        "and the Qatar-based Alnoor Fund will provide $60 million. Harbour Savings Bank and Kilwa Commercial Bank will "
        "each contribute $45 million to a syndicated facility. Alnoor, which lent $40 million for a port at Mtwara in 2018, "
        "said the new loan carried a 15-year tenor.",
        "Tanzania",
        {"Orbis Development Bank", "Alnoor Fund", "Harbour Savings Bank"},
        "2024-06-04",
        {"Alnoor"},
    ),
    (
        "loan-and-grant-agreements",
        "PORT MORESBY, 12 March 2024 — Papua New Guinea on Monday signed loan and grant agreements worth more than "
        "US$500 million for the 90-megawatt Namosi River hydropower project, the country's largest power investment in years."
        "\n\nThe Coral Reef Investment Bank is lending US$200 million, the largest share.\n\n"
        "Japan's Sakuragawa Cooperation Agency signed a ¥10 billion concessional loan, while Lautoka Trust Bank is "
        "providing K50 million in local-currency financing.",
        "Papua New Guinea",
        {"Coral Reef Investment Bank", "Sakuragawa Cooperation Agency"},
        None,
        set(),
    ),
]


@pytest.mark.parametrize(("text", "borrower", "lenders", "date", "others"), [pytest.param(*p[1:], id=p[0]) for p in BORROWER_SIGNS])
def test_a_borrowers_loan_agreements_are_with_the_lenders_named_next(text, borrower, lenders, date, others):
    agreements = _agreements(text, None)
    for lender in lenders:
        found = [a for a in agreements if {borrower, lender} <= _parties(a)]
        assert found, f"no agreement of {borrower} with {lender} in {agreements}"
        assert date is None or (found[0].date is not None and found[0].date.iso() == date), found[0]
    assert not [a for a in agreements if _parties(a) & others], agreements


def test_lenders_who_sign_loan_agreements_are_not_paired_with_each_other():
    text = (
        "DHAKA, 9 September 2025 (Delta Wire) - A group of four lenders led by the Osaka-based Hanami Policy Bank (HPB) "
        "on Tuesday signed loan agreements worth US$800 million with Padma Power Ltd for a 500-megawatt gas-fired power "
        "plant near Khulna.\n\nHPB is providing US$400 million, the biggest single portion, while the Manila-based "
        "Orchid Bank is lending US$150 million, the borrower said in a statement."
    )
    pairs = [_parties(a) for a in _agreements(text, None)]
    assert {"Hanami Policy Bank", "Padma Power Ltd"} in pairs, pairs
    assert {"Hanami Policy Bank", "Orchid Bank"} not in pairs, pairs


# (id, text, the pair no agreement may join)
INTENTIONS = [
    ("plans-to-buy-from", "Valmont Capital plans to buy 30% of Trelis Energy from Dunmore Holdings later this year.", {"Valmont Capital", "Dunmore Holdings"}),
    ("aims-to-buy-back", "Valmont Capital aims to buy back the 15 per cent of Trelis Energy it floated in 2019.", {"Valmont Capital", "Trelis Energy"}),
    ("said-it-intends-to-acquire", "Valmont Capital said it intends to acquire a further 10 per cent of Trelis Energy.", {"Valmont Capital", "Trelis Energy"}),
]


@pytest.mark.parametrize(("text", "pair"), [pytest.param(*p[1:], id=p[0]) for p in INTENTIONS])
def test_an_intended_purchase_is_no_deal(text, pair):
    assert not [a for a in _agreements(text) if pair <= _parties(a)]


def test_a_purchase_the_buyer_is_to_make_is_a_deal():
    assert [a for a in _agreements("Valmont Capital is to buy 20 per cent of Trelis Energy for $2 billion in cash.")
            if {"Valmont Capital", "Trelis Energy"} <= _parties(a)]


# (id, text, parties of the agreement wanted, or None where none is)
CREDIT_FACILITIES = [
    ("signed-a-credit-facility-with", "The Government of Ghana today signed a €90 million buyer credit facility with Lindholm Exportbank AG "
     "to finance the Kumasi ring road.", {"Ghana", "Lindholm Exportbank AG"}),
    ("secured-a-credit-facility-is-no-signing", "Ashanti Cocoa secured a $40 million credit facility from Lindholm Exportbank AG "
     "to expand its warehouses.", None),
]


@pytest.mark.parametrize(("text", "parties"), [pytest.param(*p[1:], id=p[0]) for p in CREDIT_FACILITIES])
def test_a_signed_credit_facility_is_a_loan_agreement(text, parties):
    agreements = _agreements(text)
    if parties is None:
        assert not agreements, agreements
    else:
        assert [a for a in agreements if parties <= _parties(a)], agreements


@pytest.mark.parametrize(("text", "pair", "date"), [
    pytest.param("Tarvo Pharma is building a vaccine factory in Lume. The factory is financed by a €45m loan from the Kessa "
                 "Investment Bank, signed in March 2023.", {"Tarvo Pharma", "Kessa Investment Bank"}, "2023-03",
                 id="a-loan-from-a-bank-signed-in"),
    pytest.param("Orsk Cells is building a battery plant in Vessa. Part of its cost is covered by a €700 million loan from "
                 "Lindau Export Bank signed in 2024.", {"Orsk Cells", "Lindau Export Bank"}, "2024", id="signed-without-a-comma"),
    pytest.param("Orsk Cells is building a battery plant in Vessa. Lindau Export Bank will lend €700 million for the plant, and "
                 "the loan would be signed in May.", None, None, id="a-signing-still-to-come"),
    pytest.param("Orsk Cells and Tarvo Energy are building a battery plant in Vessa. The plant is financed by a €700 million loan from "
                 "Lindau Export Bank, signed in 2024.", None, None, id="two-builders-no-one-borrower"),
])
def test_issue_7_a_loan_told_as_signed_is_an_agreement_with_its_borrower(text, pair, date):
    """Session 23 (blind13, read half): "financed by a €45m loan from X, signed in March 2023" is a signed
    loan document, an agreement between the lender and the one company building the asset it finances."""
    found = [a for a in _agreements(text) if "Lindau Export Bank" in _parties(a) or "Kessa Investment Bank" in _parties(a)]
    if pair is None:
        assert not found, found
    else:
        assert [(_parties(a), a.date.iso() if a.date else None) for a in found] == [(pair, date)]
