"""The sum a trigger's clause states (graph/extract/clauses.py), on made-up sentences with the real model."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.extract.clauses import clause_money
from graph.nlp import get_nlp


def _money_of(text: str, trigger: str, *, funding: bool):
    doc = get_nlp()(text)
    money = clause_money(next(t for t in doc if t.text == trigger), funding=funding)
    return money.value if money is not None else None


@pytest.mark.parametrize(("text", "trigger"), [
    pytest.param("The court said the ministry had exceeded its powers when it granted Minera Tarvocha S.A. a 15-year freeze "
                 "on tax and royalty rates in exchange for a US$2.4 billion expansion of the mine in the southern Lume region.",
                 "granted", id="in-exchange-for-in-a-governing-clause"),
    pytest.param("The ministry granted Kessa Copper a 15-year tax holiday in return for a $2.4 billion expansion of its mine.",
                 "granted", id="in-return-for"),
])
def test_issue_7_what_the_other_side_gives_in_exchange_is_no_grant_s_sum(text, trigger):
    """Session 24 (blind18, read half): "granted Y a tax freeze in exchange for a US$2.4bn expansion" gave the
    grant the expansion's sum."""
    assert _money_of(text, trigger, funding=True) is None


def test_issue_7_a_price_paid_in_exchange_is_the_purchase_s_sum():
    """Session 24, the guard: a purchase's "in exchange for $50m" is its price."""
    assert _money_of("Kessa Copper acquired 30% of Lume Mining in exchange for $50 million.", "acquired",
                     funding=False) == Decimal("50000000")


@pytest.mark.parametrize("text", [
    pytest.param("Orvel Bank lent Kessa Power money at ₹2.95 per kWh.", id="per-kwh"),
    pytest.param("Orvel Bank lent Kessa Gold money when gold sold at $1,200 an ounce.", id="an-ounce"),
])
def test_issue_7_a_price_per_unit_is_no_sum(text: str) -> None:
    """Session 29 (blind23, read half): a tariff "₹2.95 per kWh" was a loan's sum; a price per unit, like one
    per share, is no sum paid (data/word_lists.json per_share_phrases)."""
    assert _money_of(text, "lent", funding=True) is None
