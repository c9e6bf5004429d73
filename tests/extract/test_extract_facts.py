"""The document-level stage of extraction (graph.extract.extract_facts)."""

from __future__ import annotations

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
