"""Who lends and who borrows among a loan's named parties (graph/extract/lending.py, issue 7)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.extract.arguments import Argument
from graph.extract.lending import lender
from graph.model import ActorKind, ActorRef
from graph.pipeline import extract_document
from tests.conftest import make_document
from tests.extract.test_investment_constructions import _rows


@pytest.mark.parametrize(("name", "kind", "lends"), [
    pytest.param("Lindau Bank", ActorKind.COMPANY, True, id="a-bank"),
    pytest.param("Nordbank", ActorKind.COMPANY, True, id="a-bank-in-one-word"),
    pytest.param("Orsk Development Fund", ActorKind.ORGANIZATION, True, id="a-development-fund"),
    pytest.param("Kovarna Steel", ActorKind.COMPANY, False, id="a-steelmaker"),
    pytest.param("Ministry of Finance of Tarnia", ActorKind.GOVERNMENT_BODY, False, id="a-ministry-borrows"),
])
def test_a_lender_is_told_by_its_name(name: str, kind: ActorKind, lends: bool) -> None:
    assert lender(Argument(ActorRef(name, kind, name, None))) is lends


@pytest.mark.parametrize(("text", "pairs"), [
    pytest.param("Orsk Bank and Tarnia's finance ministry signed a $300 million loan for the Kora highway.",
                 [("Orsk Bank", "Kora highway")], id="the-bank-of-the-two-signers-lends"),
    pytest.param("Kovarna Steel signed a $200 million loan with Lindau Bank for its Trinec rolling mill.",
                 [("Lindau Bank", "Trinec rolling mill")], id="the-counterpart-bank-lends"),
    pytest.param("Kovarna Steel signed a $200 million loan for its Trinec rolling mill.", [], id="a-company-alone-borrows"),
    # session 26 (blind23): the loan's "to finance" clause made both signers lenders again
    pytest.param("The Government of Tarnia and Orsk Bank today signed a loan agreement for $240 million to finance the "
                 "electrification of the Kora railway line.", [("Orsk Bank", "Kora railway line")], id="signers-of-a-loan-to-finance-y"),
])
def test_of_a_loan_s_signers_the_lender_lends(text: str, pairs: list[tuple[str, str]]) -> None:
    assert [row[:2] for row in _rows(text)] == pairs


@pytest.mark.parametrize(("text", "pairs"), [
    pytest.param("Korvel Group will fund part of the price with a €90m acquisition loan to its vehicle, Velda Holdings BV, "
                 "provided by Halden Bank and Moravia Bank.",
                 [("Halden Bank", "Velda Holdings BV"), ("Moravia Bank", "Velda Holdings BV")],
                 id="the-participle-hung-on-the-borrower-names-the-lenders"),
    pytest.param("Korvel Group received a €90m loan provided by Halden Bank for its Tarsk mill.",
                 [("Halden Bank", "Tarsk mill")], id="the-participle-on-the-loan"),
])
def test_who_provided_a_loan_lends_it(text: str, pairs: list[tuple[str, str]]) -> None:
    """Session 25: the buyer who funds a price with a loan "provided by" banks borrows it; the banks lend."""
    assert sorted(row[:2] for row in _rows(text)) == pairs


@pytest.mark.parametrize(("text", "pairs"), [
    pytest.param("Doha Crescent Capital bought a stake in Kessa Bank Plc, Tarnia's seventh-largest lender by assets.",
                 [("Doha Crescent Capital", "Kessa Bank Plc")], id="a-rank-by-assets"),
    pytest.param("Doha Crescent Capital bought a stake in Kessa Bank Plc, Tarnia's third-biggest lender.",
                 [("Doha Crescent Capital", "Kessa Bank Plc")], id="an-ordinal-rank"),
    pytest.param("Tarvo Bank, Velda Power's biggest lender, said it would not extend the loan.",
                 [("Tarvo Bank", "Velda Power")], id="a-company-s-biggest-lender-lends-it"),
])
def test_a_lender_ranked_in_a_market_lends_no_one(text: str, pairs: list[tuple[str, str]]) -> None:
    """Session 25: "X, Kenya's seventh-largest lender by assets" was a loan from X to Kenya."""
    assert sorted(row[:2] for row in _rows(text)) == pairs


@pytest.mark.parametrize("track", ["340-km Orsk\u2013Kelso second track", "340-km Orsk-Kelso second track"])
def test_issue_7_a_loan_for_a_route_named_by_its_ends_is_for_the_route(track: str) -> None:
    """Session 27: "for the 340-km Orsk–Kelso second track" lent to the town "Orsk" (the en dash cut the
    phrase) or to no one (the model ran the length into the name, and a measure is no name)."""
    found = extract_document(make_document(f"The Asian Development Bank will lend $412m to Tarvo Rail JSC for the {track}.",
                                           published="2025-06-01")).investments
    assert {(f.investor.name, f.target.name) for f in found} == {("Asian Development Bank", track.split(" ", 1)[1])}


def test_issue_7_a_borrower_that_lined_up_a_loan_from_a_lender_borrows_from_it() -> None:
    """Session 27: "X has lined up a R3.4bn bridge loan from Y" told no loan: "line up" was no verb of receiving."""
    found = extract_document(make_document("Kestrel Partners, for its part, has lined up a R3.4bn bridge loan from Orvan Bank to "
                                           "cover most of its share of the price.", published="2025-06-01")).investments
    assert {(f.investor.name, f.target.name, f.amount.value) for f in found} == {("Orvan Bank", "Kestrel Partners", 3_400_000_000)}


def test_issue_7_a_loan_to_a_borrower_for_a_project_goes_to_the_project() -> None:
    """Session 27: in "X lent $300m to Y for the Z dam" the parser hangs "for the Z dam" on the borrower,
    so the loan went to the borrower although it names its project (the gold convention: the project)."""
    found = extract_document(make_document("Orvan Bank lent $300m to Kelso Power for the Tarn dam.", published="2025-06-01")).investments
    assert {(f.investor.name, f.target.name) for f in found} == {("Orvan Bank", "Tarn dam")}


def test_issue_7_a_person_who_signs_a_loan_lends_nothing() -> None:
    """Session 28: "Finance Minister X signed the loan agreement with Y": X signs for the state; no loan of X's."""
    text = ("Paraguay will rebuild the Puerto Vallo terminal. Finance Minister Ravi Madho-Ramlal told reporters. "
            "Madho-Ramlal signed the loan agreement with the OCB in Asuncion on Wednesday.")
    assert not [row for row in _rows(text) if row[0] == "Ravi Madho-Ramlal"]


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("Lindhof Bank is arranging $190 million as a loan for the Kafwe Falls project.",
                 ("Lindhof Bank", "Kafwe Falls project"), id="as-a-loan-on-the-verb"),
    pytest.param("Lindhof Bank is arranging a further $190 million as a buyer credit for the Kafwe Falls project.",
                 ("Lindhof Bank", "Kafwe Falls project"), id="as-a-credit-on-the-sum"),
    pytest.param("Zambia will finish the Kafwe Falls project. The Zambian government will put $240 million as equity "
                 "into the Kafwe Falls project.", ("Government of Zambia", "Kafwe Falls project"), id="as-equity-into"),
])
def test_issue_7_a_sum_given_as_a_deal_carries_where_it_goes(text: str, row: tuple[str, str]) -> None:
    """Session 28: "arranging $190m as a buyer credit for Y": the deal noun of an "as" phrase (on the verb or on
    the sum) is carried by the verb, and its "for" phrase is the target ("put $240m as equity into Y", a
    giving verb's own, already was)."""
    assert row in [r[:2] for r in _rows(text)]


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("Kerrow Metals signed an $850 million loan from a group of banks led by Orvel Commercial Bank for its nickel "
                 "plant.", ("Orvel Commercial Bank", "nickel plant"), id="a-group-of-banks"),
    pytest.param("Kerrow Metals signed a $600 million loan with a syndicate led by Tamsin Bank for the Velo copper "
                 "mine.", ("Tamsin Bank", "Velo copper mine"), id="a-syndicate-with"),
])
def test_issue_7_a_loan_from_a_group_led_by_a_bank_is_for_what_the_leader_s_phrase_ends_with(text: str, row: tuple[str, str]) -> None:
    """Session 29: in "a loan from a group of banks led by X for Y" the parser hangs "for Y" on "led", so the
    loan had no target and told nothing."""
    assert row in [r[:2] for r in _rows(text)]


def test_issue_7_a_project_loan_s_sum_is_the_loan_s() -> None:
    """Session 29 (blind24, read half): in "the balance is covered by a 9.4bn-baht project loan from X" the sum
    was read as the size of a project ("project" modifies the loan), so the loan had no sum of its own and went
    nowhere."""
    text = ("Velda BioPolymers is building the Tarn Bay plant. The balance is covered by a 9.4bn-baht project loan "
            "from Kessa Development Bank, signed on 11 March 2025 with Velda BioPolymers as borrower.")
    rows = [r for r in _rows(text) if r[0] == "Kessa Development Bank"]
    assert [r[:3] for r in rows] == [("Kessa Development Bank", "Tarn Bay plant", Decimal("9400000000"))]


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("Kessin Solar raised $5 billion through a bond issue on Tuesday. The Varla Pension Fund took $1.2 billion "
                 "of the bonds.", ("Varla Pension Fund", "Kessin Solar", Decimal("1200000000"), None), id="of-the-bonds"),
    pytest.param("Kessin Port arranged a $300 million loan. Tarsk Bank took $120 million of the loan.",
                 ("Tarsk Bank", "Kessin Port", Decimal("120000000"), None), id="of-the-loan"),
])
def test_issue_7_who_takes_a_part_of_a_debt_buys_or_lends_it(text: str, row: tuple) -> None:
    """Session 31 (a construction of blind4's read half, whose fact other words still keep): "X took $1.2bn of the
    notes" made X the borrower ("take" as in "took out a loan"); a sum taken of a debt told before is a part of it
    bought or lent."""
    assert row in _rows(text)


def test_issue_7_who_takes_out_a_loan_still_borrows() -> None:
    """Guard (holds before the change too)."""
    assert ("Orlin Bank", "Kessin Solar", Decimal("500000000"), None) in _rows("Kessin Solar took out a $500 million loan from Orlin Bank.")


def test_issue_7_a_bank_signing_with_two_borrowers_lends_to_both():
    """Session 32: "X and Y Capital signed a loan agreement with Z Bank" made X and Y the lenders of the
    bank: "Capital" reads as a lender's word, so not every subject was a borrower."""
    text = "Orlan Group and Vestry Capital signed a loan agreement with Norrland Bank on 3 March 2025."
    facts = extract_document(make_document(text, published="2025-06-01")).investments
    assert {(f.investor.name, f.target.name) for f in facts} == {("Norrland Bank", "Orlan Group"),
                                                                 ("Norrland Bank", "Vestry Capital")}


@pytest.mark.parametrize(("text", "pairs"), [
    pytest.param("Veltmar Foods agreed to buy 60% of Dorsa Stores for €300m. Veltmar Foods will fund part of the price with a €90m "
                 "acquisition loan.", [("Veltmar Foods", "Dorsa Stores")], id="part-of-the-price-with-a-loan"),
    pytest.param("A group led by Veltmar Foods agreed to buy 60% of Dorsa Stores for €300m. It will fund part of the price "
                 "with a €90m acquisition loan to its vehicle, Pellmark Holdings BV.", [("Veltmar Foods", "Dorsa Stores")],
                 id="the-loan-to-its-vehicle-names-no-lender"),
    pytest.param("The contractor Tarvo Hydro built the Orlin dam and financed it with a $220 million loan.",
                 [("Tarvo Hydro", "Orlin dam")], id="a-builder-financing-the-asset-lends"),  # a guard: held before too
])
def test_issue_7_a_buyer_paying_with_a_loan_borrows_it(text: str, pairs: list[tuple[str, str]]) -> None:
    """Session 33: "X will fund part of the price with a loan" made X lend the loan to what it buys, and the
    loan noun, carried by "fund", took X (or what "it" resolved to) as its lender."""
    assert [row[:2] for row in _rows(text)] == pairs


@pytest.mark.parametrize("text", [
    pytest.param("Harwick Homes will fund part of its share with a $300 million bond issued in May. The Orlin Pension Fund "
                 "bought $100 million of the notes.", id="in-the-next-sentence"),  # a guard: held before too
    pytest.param("Harwick Homes holds 40% of the Dunmore Quay project. Harwick Homes will fund part of its share with a $300 "
                 "million bond issued in May; the Orlin Pension Fund bought $100 million of the notes.", id="after-a-semicolon"),
])
def test_issue_7_notes_bought_are_lent_to_the_bond_s_issuer(text: str) -> None:
    """Session 33 (blind29, read half): "… with a bond issued in May; Y bought $100m of the notes": the notes bought
    are lent to the issuer of the bond just told, in the same sentence too (only a later sentence was read before)."""
    assert ("Orlin Pension Fund", "Harwick Homes", Decimal("100000000"), None) in _rows(text)
