"""Sums (graph.extract.sums): which amount a match's fact states, on passages of our own (issue 7)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.extract import sums
from graph.extract.frames import frame_matches
from graph.nlp import get_nlp
from graph.pipeline import extract_document
from tests.conftest import make_document

# (id, passage, the trigger's text, the frame, the amount in units or None)
CASES = [
    ("the-clause-sum", "Orient Bank will lend $90 million to Kessa Power.", "lend", "loan", Decimal("90000000")),
    ("a-share-of-a-cost-gives-none", "Orient Bank will finance 85 percent of the $1.9 billion Dalvik dam.", "finance", "loan", None),
    ("the-total-a-deal-leaves", "With a $500 million deal, Orient Bank has extended credit lines to Kessa Power, taking the "
     "total value of its lines to $2.18 billion.", "extended", "loan", Decimal("2180000000")),
]


@pytest.mark.parametrize(("text", "trigger", "frame", "amount"), [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_the_amount_a_match_states(text: str, trigger: str, frame: str, amount: Decimal | None) -> None:
    sent = next(iter(get_nlp()(text).sents))
    match = next(m for m in frame_matches(sent) if m.trigger.text == trigger and m.frame.name == frame)
    found = sums.stated_amount(match, share_of_cost=sums.share_of_cost(match))
    assert (found.value if found is not None else None) == amount


# (id, passage, (investor, target, amount in units, stake)) — issue 7: a valuation is the worth of the whole
VALUATIONS = [
    ("a-majority-stake-valuing-the-whole", "Harlan Capital acquired a majority stake in Sorrel Pharma, valuing the drugmaker "
     "at $800 million.", ("Harlan Capital", "Sorrel Pharma", None, None)),
    ("a-share-in-a-deal-that-values-the-whole", "Harlan Capital bought 20% of Sorrel Pharma in a deal that values the "
     "drugmaker at $800 million.", ("Harlan Capital", "Sorrel Pharma", None, Decimal("0.2"))),
    ("a-stake-at-a-valuation", "Harlan Capital took a 15 per cent stake in Sorrel Pharma at a valuation of $2 billion.",
     ("Harlan Capital", "Sorrel Pharma", None, Decimal("0.15"))),
    ("the-whole-valued-is-its-price", "Harlan Capital agreed to buy Sorrel Pharma, valuing the drugmaker at $800 million.",
     ("Harlan Capital", "Sorrel Pharma", Decimal("800000000"), None)),
    ("the-price-beside-the-valuation", "Harlan Capital agreed to buy a 30% stake in Sorrel Pharma for $240 million, a price "
     "that values the whole drugmaker at $800 million.", ("Harlan Capital", "Sorrel Pharma", Decimal("240000000"), Decimal("0.3"))),
    ("a-round-buys-no-whole", "Harlan Capital led a round in Sorrel Pharma that values the drugmaker at $800 million.",
     ("Harlan Capital", "Sorrel Pharma", None, None)),  # session 26: new money buys a part
    ("control-is-no-whole", "Harlan Capital agreed to take control of Sorrel Pharma in a deal that values the drugmaker at "
     "$800 million.", ("Harlan Capital", "Sorrel Pharma", None, None)),  # session 31 (blind27): the worth was its price
    ("full-control-is-the-whole", "Harlan Capital agreed to take full control of Sorrel Pharma in a deal that values the "
     "drugmaker at $800 million.", ("Harlan Capital", "Sorrel Pharma", Decimal("800000000"), Decimal("1"))),  # guard
]


@pytest.mark.parametrize(("text", "row"), [pytest.param(*c[1:], id=c[0]) for c in VALUATIONS])
def test_a_valuation_is_no_price_of_a_part(text: str, row: tuple) -> None:
    facts = extract_document(make_document(text, published="2024-06-01")).investments
    assert [(f.investor.name, f.target.name, f.amount.value if f.amount else None, f.stake) for f in facts] == [row]


def test_issue_7_a_venture_s_loan_is_no_sum_of_its_partners():
    """Session 26 (blind24): "A and B announced that their joint venture, Y, has signed loan agreements
    worth $980m" gave each partner the loan's sum; the venture borrows it, no partner puts it in."""
    text = ("Kestrel Energy and Doyang Chemical announced that their joint venture, Marra Aromatics LLC, has signed loan "
            "agreements worth $980 million to finance a new complex in Sohar.")
    facts = extract_document(make_document(text, published="2024-06-01")).investments
    assert {(f.investor.name, f.target.name) for f in facts} == {("Kestrel Energy", "Marra Aromatics LLC"), ("Doyang Chemical", "Marra Aromatics LLC")}
    assert all(f.amount is None for f in facts)


def test_issue_7_a_loan_a_plant_is_built_with_is_not_the_builder_s_sum() -> None:
    """Session 27: "a $280m plant, which X is building with a $175m loan from Y" gave the builder the
    loan's sum: a sum of a debt the clause does its deal with belongs to that debt."""
    text = ("ABUJA – Ground was broken on Thursday for a $280m urea plant at Lokoja in Kogi State, which Orvan Agro-Industries "
            "Ltd is building with a $175m loan from the Telvik Export-Import Bank. The loan agreement was signed in April.")
    rows = {(f.investor.name, f.amount.value if f.amount else None) for f in extract_document(make_document("Urea\n\n" + text)).investments}
    assert rows == {("Orvan Agro-Industries Ltd", Decimal("280000000")), ("Telvik Export-Import Bank", Decimal("175000000"))}


def test_issue_7_a_share_set_beside_its_sum_comes_from_a_lender() -> None:
    """Session 28: "The largest share, $880 million, comes from X": the subject is a share set beside the
    sum, which the frame did not take for money, so the lender's part of the loans just told was lost."""
    text = ("Zambia signed loan agreements worth about $1.38 billion with three lenders on Tuesday to restart "
            "construction of the Kafwe Falls hydropower station. The largest share, $880 million, comes from Huaxin "
            "Policy Bank.")
    found = extract_document(make_document("Zambia signs loans for a dam\n\n" + text, published="2025-03-12")).investments
    assert ("Huaxin Policy Bank", "Kafwe Falls hydropower station", Decimal("880000000")) in {
        (f.investor.name, f.target.name, f.amount.value if f.amount else None) for f in found}


# (id, passage, the sums of the facts found) — issue 7, session 31: a sentence that refers back completes
# the facts before it with its sum, never with a price per unit
FOLLOW_UPS = [
    ("a-tariff-per-unit-is-no-sum", "Varrow Solar Ltd (\"the Company\") today announced a credit line. Varrow Holdings "
     "Pvt Ltd, the Company's parent, has extended an unsecured loan.\n\nThe project is supported by a 25-year power "
     "purchase agreement with Kelby Power Trading Ltd, signed in November 2023, at a tariff of ₹3.18 per kWh.", {None}),
    ("a-price-per-tonne-is-no-sum", "Varrow Solar Ltd (\"the Company\") today announced a credit line. Varrow Holdings "
     "Pvt Ltd, the Company's parent, has extended an unsecured loan.\n\nThe project will sell its output to Kelby "
     "Trading at $412 per tonne.", {None}),
]


@pytest.mark.parametrize(("text", "amounts"), [pytest.param(*c[1:], id=c[0]) for c in FOLLOW_UPS])
def test_issue_7_a_follow_up_gives_no_price_per_unit(text: str, amounts: set) -> None:
    found = extract_document(make_document("Update\n\n" + text, published="2024-07-04")).investments
    assert found and {f.amount.value if f.amount else None for f in found} == amounts, found
