"""Entity resolution and fact merging (issue 2: accents, titles, short forms,
metonymy, parent vs subsidiary, one node per fact reported twice)."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from graph.keys import base_key
from graph.model import (
    ActorKind,
    ActorRef,
    DocumentFacts,
    Event,
    Evidence,
    Mention,
    PartialDate,
)
from graph.rdf.namespace import IKG, PROV
from graph.rdf.serialize import corpus_to_dataset
from graph.resolve import resolve
from tests.conftest import make_document


def ref(name: str, kind: ActorKind = ActorKind.COMPANY, surface: str | None = None) -> ActorRef:
    return ActorRef(name, kind, surface or name)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(ref("Vucic", ActorKind.PERSON), ref("Aleksandar Vučić", ActorKind.PERSON), id="accents-and-surname"),
        pytest.param(ref("HeSteel Group"), ref("HBIS Group"), id="gazetteer-alias"),
        pytest.param(ref("Hesteel Group"), ref("HeSteel Group"), id="case"),
        pytest.param(ref("Smederevo Steel Mill", ActorKind.ASSET), ref("Smederevo steel plant", ActorKind.ASSET), id="asset-head-synonym"),
    ],
)
def test_same_entity(a, b):
    assert base_key(a) == base_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(ref("HBIS Group"), ref("HBIS Group Serbia Iron & Steel"), id="parent-vs-subsidiary"),
        pytest.param(ref("Zijin Mining"), ref("Serbia Zijin Copper"), id="parent-vs-local-unit"),
        pytest.param(ref("Acme Holdings"), ref("Acme Holdings Europe"), id="unknown-parent-vs-subsidiary"),
    ],
)
def test_different_entities(a, b):
    corpus = resolve([_doc_with_mentions("d", [a, b])])
    assert corpus.key_of(a) != corpus.key_of(b)


def test_near_identical_unknown_spellings_merge_but_not_across_kinds():
    a, b = ref("Karadeniz Celik"), ref("Karadeniz Çelik")
    c = ref("Karadeniz Celikk", ActorKind.PERSON)
    corpus = resolve([_doc_with_mentions("d", [a, b, c])])
    assert corpus.key_of(a) == corpus.key_of(b) != corpus.key_of(c)
    record = corpus.actors[corpus.key_of(a)]
    assert record.label == "Karadeniz Çelik"  # the form with diacritics wins
    assert "Karadeniz Celik" in record.alt_labels


def test_label_is_the_gazetteer_name_and_surface_forms_are_alt_labels():
    corpus = resolve([_doc_with_mentions("d", [ref("Vucic", ActorKind.PERSON, "Vucic")])])
    record = corpus.actors[corpus.key_of(ref("Vucic", ActorKind.PERSON))]
    assert record.label == "Aleksandar Vučić" and "Vucic" in record.alt_labels
    assert record.country == "serbia" and "serbia" in corpus.actors


def test_issue_2_same_event_in_two_documents_is_one_node_with_two_sources():
    """The export-permit pledge of 29 June 2025 is reported by two articles."""
    docs = []
    for doc_id, sentence in [("a", "China promised faster export permits."), ("b", "China agreed to accelerate export approvals.")]:
        event = Event(
            "export permit pledge",
            (ref("China", ActorKind.COUNTRY), ref("Serbia", ActorKind.COUNTRY)),
            Evidence(doc_id, sentence, 0, len(sentence)),
            date=PartialDate(2025, 6, 29),
        )
        docs.append(DocumentFacts(document=make_document(sentence, doc_id=doc_id), events=[event]))
    dataset = corpus_to_dataset(resolve(docs))
    events = {s for s, _, _, _ in dataset.quads((None, None, IKG.Event, None))}
    assert len(events) == 1
    (event,) = events
    sources = {o for _, _, o, _ in dataset.quads((event, PROV.wasDerivedFrom, None, None))}
    evidences = {o for _, _, o, _ in dataset.quads((event, IKG.evidence, None, None))}
    assert len(sources) == 2 and all(isinstance(s, URIRef) for s in sources)
    assert len(evidences) == 2


def _doc_with_mentions(doc_id: str, refs: list[ActorRef]) -> DocumentFacts:
    text = " ".join(r.surface for r in refs)
    evidence = Evidence(doc_id, text, 0, len(text))
    return DocumentFacts(document=make_document(text, doc_id=doc_id), mentions=[Mention(r, evidence) for r in refs])


def test_a_later_stake_increase_is_not_merged_into_the_purchase():
    from decimal import Decimal

    from graph.model import Investment, Money

    buyer, target = ref("Gazprom Neft"), ref("NIS")
    ev = Evidence("d", "x", 0, 1)
    bought = Investment(buyer, target, ev, amount=Money(Decimal(400_000_000), "EUR"), stake=Decimal("0.51"), date=PartialDate(2008))
    raised = Investment(buyer, target, Evidence("d", "y", 2, 3), stake=Decimal("0.5615"))
    repeated = Investment(buyer, target, Evidence("d", "z", 4, 5))
    doc = resolve([DocumentFacts(document=make_document("x y z", doc_id="d"), investments=[bought, raised, repeated])]).documents[0]
    assert doc.investments[1].stake == Decimal("0.5615") and doc.investments[1].amount is None
    assert doc.investments[2].amount == bought.amount  # a bare re-mention joins the purchase


@pytest.mark.parametrize("name", ["Arrowcrest Minerals Inc.", "Arrowcrest Minerals, Ltd", "Arrowcrest Minerals Co., Ltd.", "Arrowcrest Minerals a.s."])
def test_legal_forms_do_not_split_a_company(name):
    assert base_key(ref(name)) == base_key(ref("Arrowcrest Minerals"))
