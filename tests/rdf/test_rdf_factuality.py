"""graph.rdf.serialize: ikg:factuality and the status lifecycle (issues 7 and 8).

Every fact carries one ikg:factuality (asserted when the extractor found no
cue); factuality enters a fact's IRI only when it is not asserted, so the IRIs
of asserted facts are those of builds made before factuality existed.
"""

from __future__ import annotations

import dataclasses

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF, SKOS

from graph.model import Corpus, DocumentFacts, Factuality, Status
from graph.rdf.namespace import ID, IKG
from graph.rdf.serialize import ACTORS_GRAPH, corpus_to_dataset
from graph.rdf.vocab import concept_for_label
from graph.validate import union_graph, validate

from .sample_corpus import RECORDS, facts_a, facts_b, key_of

# Fact IRIs of the sample corpus computed by the serializer before factuality existed.
IRIS_BEFORE_FACTUALITY = {
    IKG.Investment: {ID["investment/b8b51c16ab648265"], ID["investment/fbf6fcf1e5865132"]},
    IKG.Agreement: {ID["agreement/547274d99a676fe6"]},
    IKG.Event: {ID["event/473f6710c9bf2804"]},
}
FIELDS = {IKG.Investment: "investments", IKG.Agreement: "agreements", IKG.Event: "events"}


def _corpus(factuality: Factuality | None = None, status: Status | None = None) -> Corpus:
    """The sample corpus of tests/rdf with every fact of doc-b restated."""
    b = facts_b()
    change = {"factuality": factuality} if status is None else {"factuality": factuality, "status": status}
    restated = DocumentFacts(
        document=b.document, mentions=b.mentions,
        investments=[dataclasses.replace(f, **change) for f in b.investments],
        agreements=[dataclasses.replace(f, factuality=factuality) for f in b.agreements],
        events=[dataclasses.replace(f, factuality=factuality) for f in b.events],
    )
    return Corpus(documents=[facts_a(), restated], actors=dict(RECORDS), key_of=key_of)


def _facts(ds: Dataset, cls: URIRef) -> set[URIRef]:
    return {s for s, _, _, _ in ds.quads((None, RDF.type, cls, None))}


@pytest.mark.parametrize("factuality", [None, Factuality.ASSERTED], ids=["none", "asserted"])
@pytest.mark.parametrize("cls", list(IRIS_BEFORE_FACTUALITY), ids=lambda c: c.split("#")[1])
def test_asserted_facts_keep_their_iris(cls: URIRef, factuality: Factuality | None) -> None:
    ds = corpus_to_dataset(_corpus(factuality))
    assert _facts(ds, cls) == IRIS_BEFORE_FACTUALITY[cls]


@pytest.mark.parametrize("factuality,expected", [
    (None, IKG.Asserted), (Factuality.ASSERTED, IKG.Asserted), (Factuality.PLANNED, IKG.Planned),
    (Factuality.POSSIBLE, IKG.Possible), (Factuality.DENIED, IKG.Denied)],
    ids=["none", "asserted", "planned", "possible", "denied"])
def test_every_fact_has_exactly_one_factuality(factuality: Factuality | None, expected: URIRef) -> None:
    ds = corpus_to_dataset(_corpus(factuality))
    graph = union_graph(ds)
    doc_b_facts = {s for s, _, _ in ds.graph(ID["document/doc-b"]).triples((None, IKG.evidence, None))}
    assert len(doc_b_facts) == 4
    for fact in doc_b_facts:
        assert list(graph.objects(fact, IKG.factuality)) == [expected]
    assert validate(graph).conforms


@pytest.mark.parametrize("factuality,concept", [
    (Factuality.PLANNED, IKG.Planned), (Factuality.POSSIBLE, IKG.Possible), (Factuality.DENIED, IKG.Denied)],
    ids=["planned", "possible", "denied"])
@pytest.mark.parametrize("cls", list(IRIS_BEFORE_FACTUALITY), ids=lambda c: c.split("#")[1])
def test_a_hedged_fact_is_another_node(cls: URIRef, factuality: Factuality, concept: URIRef) -> None:
    """ "X did not buy Y" is not the same fact as "X bought Y": a new IRI, one factuality each."""
    ds = corpus_to_dataset(_corpus(factuality))
    graph = union_graph(ds)
    new = _facts(ds, cls) - IRIS_BEFORE_FACTUALITY[cls]
    assert new, "doc-b's restated facts must get IRIs of their own"
    for fact in new:
        assert list(graph.objects(fact, IKG.factuality)) == [concept]
    assert (concept, RDF.type, SKOS.Concept) in ds.graph(ACTORS_GRAPH)


@pytest.mark.parametrize("status", list(Status), ids=lambda s: s.value)
def test_every_status_is_written_with_its_stage(status: Status) -> None:
    ds = corpus_to_dataset(_corpus(status=status))
    concept = concept_for_label(IKG.InvestmentStatusScheme, status.value)
    assert len(list(union_graph(ds).subjects(IKG.status, concept))) >= 2
    actors = ds.graph(ACTORS_GRAPH)
    stage = actors.value(concept, SKOS.broader)
    assert stage in {IKG.PlannedStage, IKG.InProgressStage, IKG.DoneStage, IKG.StoppedStage}
    assert (stage, RDF.type, SKOS.Concept) in actors
    assert validate(union_graph(ds)).conforms


def test_query_for_every_stopped_investment() -> None:
    """A user asks for stopped deals by stage, not by listing postponed, cancelled, …"""
    graph = union_graph(corpus_to_dataset(_corpus(status=Status.BLOCKED)))
    rows = graph.query(
        "SELECT ?i WHERE { ?i ikg:status/skos:broader ikg:StoppedStage }",
        initNs={"ikg": IKG, "skos": SKOS},
    )
    assert len(rows) == 2  # doc-b's two investments, now blocked


def _without_factuality(g: Graph) -> None:
    g.remove((next(g.subjects(RDF.type, IKG.Agreement)), IKG.factuality, None))


def _two_factualities(g: Graph) -> None:
    g.add((next(g.subjects(RDF.type, IKG.Event)), IKG.factuality, IKG.Denied))


def _factuality_from_status_scheme(g: Graph) -> None:
    event = next(g.subjects(RDF.type, IKG.Event))
    g.set((event, IKG.factuality, IKG.Cancelled))


def _concerns_an_actor(g: Graph) -> None:
    g.add((next(g.subjects(RDF.type, IKG.Event)), IKG.concerns, ID["actor/serbia"]))


def _agreement_status_from_wrong_scheme(g: Graph) -> None:
    g.add((next(g.subjects(RDF.type, IKG.Agreement)), IKG.status, IKG.Asserted))


@pytest.mark.parametrize("breakage,path", [
    (_without_factuality, "factuality"), (_two_factualities, "factuality"),
    (_factuality_from_status_scheme, "factuality"), (_concerns_an_actor, "concerns"),
    (_agreement_status_from_wrong_scheme, "status")], ids=lambda b: getattr(b, "__name__", b))
def test_shapes_catch(breakage, path: str) -> None:
    graph = union_graph(corpus_to_dataset(_corpus()))
    breakage(graph)
    report = validate(graph)
    assert not report.conforms and path in report.text


def test_event_concerning_an_investment_conforms() -> None:
    graph = union_graph(corpus_to_dataset(_corpus()))
    investment = next(iter(IRIS_BEFORE_FACTUALITY[IKG.Investment]))
    graph.add((next(graph.subjects(RDF.type, IKG.Event)), IKG.concerns, investment))
    assert validate(graph).conforms


def _resolved(doc: DocumentFacts) -> Dataset:
    from graph.resolve import resolve

    return corpus_to_dataset(resolve([doc]))


@pytest.mark.parametrize("factuality,nodes", [
    (None, 1), (Factuality.ASSERTED, 1), (Factuality.DENIED, 2), (Factuality.POSSIBLE, 2)],
    ids=["none", "asserted", "denied", "possible"])
def test_in_document_merge_keeps_factualities_apart(factuality: Factuality | None, nodes: int) -> None:
    """An amountless restatement joins the deal with an amount only when stated alike:
    "HeSteel did not buy the mill" is not one more evidence of the purchase."""
    b = facts_b()
    full = dataclasses.replace(b.investments[0], status=None)
    short = dataclasses.replace(full, amount=None, evidence=b.agreements[0].evidence, factuality=factuality)
    again = dataclasses.replace(b.events[0], evidence=b.agreements[0].evidence, factuality=factuality)
    doc = DocumentFacts(document=b.document, investments=[full, short], events=[b.events[0], again])
    ds = _resolved(doc)
    assert len(_facts(ds, IKG.Investment)) == nodes
    assert len(_facts(ds, IKG.Event)) == nodes
    assert validate(union_graph(ds)).conforms
