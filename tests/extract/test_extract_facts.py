"""The document-level stage of extraction (graph.extract.extract_facts)."""

from __future__ import annotations

from decimal import Decimal

from graph.extract import acting_kinds, extract_facts
from graph.model import ActorKind, ActorRef, Agreement, Evidence, Investment
from graph.nlp import get_nlp
from tests.conftest import make_document

EVIDENCE = Evidence("passage", "Orsola signed a deal with Tarvin Bank.", 0, 38)
ORSOLA_PLACE = ActorRef("Orsola", ActorKind.ASSET, "Orsola")
ORSOLA = ActorRef("Orsola", ActorKind.COMPANY, "Orsola")
BANK = ActorRef("Tarvin Bank", ActorKind.COMPANY, "Tarvin Bank")


def test_a_name_that_signs_is_no_asset_elsewhere_in_the_document():
    """Issue 7 (dev build failing `kg validate`): a company the tagger called a place in most
    sentences was voted an asset, and its agreements had an asset for a party."""
    actor = acting_kinds([Agreement("deal", (ORSOLA, BANK), EVIDENCE)])
    assert actor(ORSOLA_PLACE).kind is ActorKind.COMPANY
    assert actor(ActorRef("Lemara port", ActorKind.ASSET)).kind is ActorKind.ASSET


def test_a_target_alone_stays_an_asset():
    bought = Investment(BANK, ORSOLA_PLACE, EVIDENCE)
    assert acting_kinds([bought])(ORSOLA_PLACE).kind is ActorKind.ASSET


def test_every_mention_of_an_investor_is_an_actor():
    text = "Harvell Capital bought the Port of Lemara in 2021. Harvell Capital later sold 20% of Kestrel Bank to Orvis."
    doc = get_nlp()(text)
    doc._.document = make_document(text)
    found = extract_facts(doc)
    investors = {f.investor.name for f in found.investments}
    assert "Harvell Capital" in investors
    assert all(m.actor.kind is not ActorKind.ASSET for m in found.mentions if m.actor.name in investors)


def test_a_government_named_outside_every_fact_is_an_actor():
    """issue 7: "the government of Laos" preparing talks was no actor; only the country was."""
    doc = get_nlp()(make_document("The government of Laos is preparing for talks with China on the rail loan.").text)
    doc._.document = make_document(doc.text)
    names = {(m.actor.name, m.actor.kind) for m in extract_facts(doc).mentions}
    assert ("Government of Laos", ActorKind.GOVERNMENT_BODY) in names


def test_issue_7_a_family_named_outside_every_fact_is_an_actor():
    """Session 10 (blind8): "the Orvanto family" was an actor only where a fact of its own named it."""
    text = "The Orvanto family declined to comment on Monday."
    doc = get_nlp()(text)
    doc._.document = make_document(text)
    names = {(m.actor.name, m.actor.kind) for m in extract_facts(doc).mentions}
    assert ("Orvanto family", ActorKind.PERSON) in names


def test_issue_7_a_loan_told_again_without_its_sum_is_not_a_second_loan():
    """Session 31: "X lent $80m for the plant. X and Y signed loan agreements with Z" gave X a second loan,
    to Z, with no sum; such repeats were right once in eight on the evaluation sets. Y's loan, told only
    there, stays, and so does the agreement."""
    text = ("Lenders\n\nSarrow Bank lent $80 million for the Kessle solar plant. Sarrow Bank and Tirrel Bank signed "
            "loan agreements with Kessle Power on Monday.")
    found = extract_facts(_parsed(text))
    assert {(f.investor.name, f.target.name, f.amount.value if f.amount else None) for f in found.investments} == {
        ("Sarrow Bank", "Kessle solar plant", 80_000_000), ("Tirrel Bank", "Kessle Power", None)}
    assert any({p.name for p in a.parties} >= {"Sarrow Bank", "Kessle Power"} for a in found.agreements)


def test_issue_7_a_plant_told_again_without_its_sum_is_not_a_second_plant():
    """Session 31: the plant whose cost the article gives, opened under a longer name, was a second plant."""
    text = ("Plant\n\nVelmor Motors has invested $500 million in its Rayfield car plant. Velmor Motors opened its first "
            "overseas electric-vehicle factory in the Rayfield industrial district on Wednesday.")
    found = extract_facts(_parsed(text))
    assert [(f.investor.name, f.target.name, f.amount.value if f.amount else None) for f in found.investments] == [
        ("Velmor Motors", "Rayfield car plant", 500_000_000)]


def _parsed(text: str):
    doc = get_nlp()(text)
    doc._.document = make_document(text, published="2025-03-03")
    return doc


def test_issue_7_a_plant_owned_by_a_company_its_partners_hold_is_their_investment():
    """Session 31: "the factory will be owned by a new company, Y, 60% held by A and 40% by B" made Y an
    investor in the factory, with no sum or share; the partners' holdings in Y say who invests."""
    text = ("Plant\n\nZhenlo Power and Siam Kessin will build a battery cell factory in Rayong province. The factory will "
            "be owned by a new company, Rayong Cell Technology Co, which is 60% held by Zhenlo and 40% by Siam Kessin.")
    found = extract_facts(_parsed(text))
    assert not any(f.investor.name == "Rayong Cell Technology Co" for f in found.investments), found.investments
    assert {f.stake for f in found.investments if f.target.name == "Rayong Cell Technology Co"} == {Decimal("0.6"), Decimal("0.4")}
