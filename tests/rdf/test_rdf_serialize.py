"""graph.rdf.serialize: hand-built facts → a dataset with deterministic IRIs."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from rdflib import BNode, Dataset, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.model import ActorKind, ActorRef, Corpus, Event, Money, PartialDate
from graph.rdf.namespace import ID, IKG, PROV, SCHEMA, WD
from graph.rdf.serialize import (
    ACTORS_GRAPH,
    actor_iri,
    amount_iri,
    corpus_to_dataset,
    date_literal,
    decimal_literal,
    document_iri,
)
from graph.rdf.vocab import UnknownConcept

from .sample_corpus import RECORDS, facts_a, facts_b, key_of, two_document_corpus

# A plain Namespace: pytest probes module globals and rdflib.XSD warns on unknown names.
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
DOC_A, DOC_B = document_iri("doc-a"), document_iri("doc-b")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return corpus_to_dataset(two_document_corpus())


def _union(ds: Dataset) -> set[tuple]:
    return {(s, p, o) for s, p, o, _ in ds.quads((None, None, None, None))}


def _only(ds: Dataset, cls: URIRef) -> list[URIRef]:
    return sorted({s for s, _, _ in (t for t in _union(ds) if t[1] == RDF.type and t[2] == cls)})


def test_helpers_build_contract_iris() -> None:
    assert actor_iri("zijin-mining") == URIRef("https://w3id.org/influence-kg/id/actor/zijin-mining")
    assert document_iri("002_serbia") == ID["document/002_serbia"]
    assert document_iri("a b/c") == ID["document/a%20b%2Fc"]


def test_same_investment_in_two_documents_is_one_node(dataset: Dataset) -> None:
    union = _union(dataset)
    hesteel = [s for s, p, o in union if p == IKG.investor and o == actor_iri("hesteel-group")]
    assert len(hesteel) == 1
    node = hesteel[0]
    assert {o for s, p, o in union if s == node and p == PROV.wasDerivedFrom} == {DOC_A, DOC_B}
    evidences = {o for s, p, o in union if s == node and p == IKG.evidence}
    assert len(evidences) == 2
    assert {o for s, p, o in union if s in evidences and p == PROV.wasDerivedFrom} == {DOC_A, DOC_B}
    assert len({o for s, p, o in union if s == node and p == RDFS.label}) == 1


def test_fact_iri_ignores_evidence_and_document() -> None:
    one = corpus_to_dataset(Corpus([facts_a()], dict(RECORDS), key_of))
    two = corpus_to_dataset(Corpus([facts_b()], dict(RECORDS), key_of))
    assert set(_only(one, IKG.Investment)) < set(_only(two, IKG.Investment))


def test_layout_one_graph_per_document_plus_actors(dataset: Dataset) -> None:
    names = {g.identifier for g in dataset.graphs() if len(g)}
    assert names == {DOC_A, DOC_B, ACTORS_GRAPH}
    doc_a = dataset.graph(DOC_A)
    assert (DOC_A, RDF.type, IKG.Document) in doc_a
    assert (DOC_A, IKG.fileName, Literal("doc-a.txt")) in doc_a
    assert (DOC_A, IKG.published, Literal("2024-06-01", datatype=XSD.date)) in doc_a
    assert len(list(doc_a.objects(DOC_A, IKG.contentHash))) == 1
    assert not list(doc_a.subjects(RDF.type, IKG.Agreement)), "doc-a states no agreement"


def test_actors_graph_holds_records(dataset: Dataset) -> None:
    actors = dataset.graph(ACTORS_GRAPH)
    vucic = actor_iri("aleksandar-vucic")
    assert set(actors.objects(vucic, RDF.type)) == {IKG.Person}
    assert set(actors.objects(vucic, RDFS.label)) == {Literal("Aleksandar Vučić")}
    assert (vucic, IKG.country, actor_iri("serbia")) in actors
    assert (vucic, IKG.wikidata, WD.Q15965) in actors
    assert (vucic, OWL.sameAs, WD.Q15965) in actors
    assert (actor_iri("smederevo-steel-mill"), RDF.type, IKG.Asset) in actors
    assert (actor_iri("serbia"), IKG.country, None) not in actors, "a country is not in itself"


def test_mentions_and_surface_forms_are_per_document(dataset: Dataset) -> None:
    hesteel = actor_iri("hesteel-group")
    doc_a, doc_b = dataset.graph(DOC_A), dataset.graph(DOC_B)
    assert (hesteel, PROV.wasDerivedFrom, DOC_A) in doc_a
    assert (hesteel, PROV.wasDerivedFrom, DOC_B) in doc_b
    assert (hesteel, SKOS.altLabel, Literal("HeSteel")) in doc_b
    assert (hesteel, SKOS.altLabel, None) not in doc_a, "same as label: no altLabel"
    assert (actor_iri("aleksandar-vucic"), SKOS.altLabel, Literal("Vucic")) in doc_a


def test_investment_properties(dataset: Dataset) -> None:
    union = _union(dataset)
    zijin = next(s for s, p, o in union if p == IKG.investor and o == actor_iri("zijin-mining"))
    props = {p: o for s, p, o in union if s == zijin}
    assert props[IKG.stake] == Literal("0.63", datatype=XSD.decimal)
    assert props[IKG.date] == Literal("2018", datatype=XSD.gYear)
    assert props[IKG.investmentType] == IKG.SharePurchase
    assert props[RDFS.label] == Literal("Zijin Mining → RTB Bor: 63% (2018)")
    assert IKG.status not in props and IKG.amount not in props


def test_amount_node(dataset: Dataset) -> None:
    node = amount_iri(Money(Decimal("42000000"), "EUR"))
    assert node == ID["amount/42000000-EUR"]
    union = _union(dataset)
    assert (node, RDF.type, SCHEMA.MonetaryAmount) in union
    assert (node, SCHEMA.value, Literal("42000000", datatype=XSD.decimal)) in union
    assert (node, SCHEMA.currency, Literal("EUR")) in union
    (fact,) = {s for s, p, o in union if p == IKG.amount and o == node}
    (label,) = {o for s, p, o in union if s == fact and p == RDFS.label}
    assert str(label) == "HeSteel Group → Smederevo steel mill: 42,000,000 EUR (2016)"


def test_agreement_and_event(dataset: Dataset) -> None:
    union = _union(dataset)
    (agreement,) = _only(dataset, IKG.Agreement)
    assert {o for s, p, o in union if s == agreement and p == IKG.party} == {
        actor_iri("china"), actor_iri("serbia")}
    assert (agreement, IKG.effectiveDate, Literal("2024-07-01", datatype=XSD.date)) in union
    (event,) = _only(dataset, IKG.Event)
    assert (event, IKG.eventType, IKG.StateVisit) in union
    assert (event, IKG.date, Literal("2024-05", datatype=XSD.gYearMonth)) in union
    assert (event, IKG.place, actor_iri("serbia")) in union
    assert str(agreement).startswith(str(ID["agreement/"])) and str(event).startswith(str(ID["event/"]))


@pytest.mark.parametrize(
    "date,lexical,datatype",
    [(PartialDate(2016), "2016", XSD.gYear), (PartialDate(2025, 4), "2025-04", XSD.gYearMonth),
     (PartialDate(2024, 5, 8), "2024-05-08", XSD.date)],
    ids=["year", "month", "day"],
)
def test_date_literal_keeps_precision(date: PartialDate, lexical: str, datatype: URIRef) -> None:
    literal = date_literal(date)
    assert (str(literal), literal.datatype) == (lexical, datatype)


@pytest.mark.parametrize(
    "value,lexical",
    [(Decimal("42000000.00"), "42000000"), (Decimal("4.2E+7"), "42000000"),
     (Decimal("0.630"), "0.63"), (Decimal("0"), "0")],
    ids=["trailing-zeros", "exponent", "fraction", "zero"],
)
def test_decimal_literal_is_canonical(value: Decimal, lexical: str) -> None:
    assert decimal_literal(value) == Literal(lexical, datatype=XSD.decimal)


def test_no_blank_nodes(dataset: Dataset) -> None:
    assert not any(isinstance(t, BNode) for q in dataset.quads((None, None, None, None)) for t in q)


def test_document_order_does_not_matter() -> None:
    forward = two_document_corpus()
    backward = Corpus(list(reversed(forward.documents)), forward.actors, forward.key_of)
    quads = lambda c: set(corpus_to_dataset(c).quads((None, None, None, None)))  # noqa: E731
    assert quads(forward) == quads(backward)


def test_actor_missing_from_records_gets_its_surface_name() -> None:
    corpus = two_document_corpus()
    del corpus.actors["rtb-bor"]
    actors = corpus_to_dataset(corpus).graph(ACTORS_GRAPH)
    assert (actor_iri("rtb-bor"), RDFS.label, Literal("RTB Bor")) in actors
    assert (actor_iri("rtb-bor"), RDF.type, IKG.Company) in actors


def test_unknown_event_type_raises() -> None:
    facts = facts_b()
    bad = Event("parade", (ActorRef("Serbia", ActorKind.COUNTRY),), facts.events[0].evidence)
    facts = dataclasses.replace(facts, events=[bad])
    with pytest.raises(UnknownConcept, match="parade"):
        corpus_to_dataset(Corpus([facts], dict(RECORDS), key_of))


def test_an_asset_takes_no_part_in_an_event() -> None:
    """Issue 7 (session 14): an event derived from a deal names its parties; one the resolver typed an
    asset (its mentions voted so) is no ikg:participant, which the shapes require to be an actor, and
    an event left with no actor is not written."""
    facts = facts_b()
    evidence = facts.events[0].evidence
    mill = ActorRef("Smederevo steel mill", ActorKind.COMPANY)  # extracted as a company, resolved to an asset
    events = [Event("completion", (ActorRef("HeSteel Group", ActorKind.COMPANY), mill), evidence),
              Event("completion", (mill,), evidence)]
    ds = corpus_to_dataset(Corpus([dataclasses.replace(facts, events=events)], dict(RECORDS), key_of))
    written = _only(ds, IKG.Event)
    assert len(written) == 1
    assert {o for _, _, o, _ in ds.quads((written[0], IKG.participant, None, None))} == {actor_iri("hesteel-group")}
