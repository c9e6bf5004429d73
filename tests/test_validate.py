"""graph.validate: the SHACL shapes accept what serialize makes and catch bad data."""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from graph.errors import GraphFormatError
from graph.model import Corpus, Money
from graph.rdf.io import write_graph
from graph.rdf.namespace import IKG, SCHEMA
from graph.rdf.serialize import actor_iri, corpus_to_dataset
from graph.validate import ValidationReport, union_graph, validate
from rdf.sample_corpus import RECORDS, facts_b, key_of, two_document_corpus

XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # plain: pytest probes module globals


@pytest.fixture(scope="module")
def good() -> Graph:
    return union_graph(corpus_to_dataset(two_document_corpus()))


def _investment_of(graph: Graph, investor: str) -> URIRef:
    return next(graph.subjects(IKG.investor, actor_iri(investor)))


def _replace(graph: Graph, prop: URIRef, new: Literal | URIRef, *, subject: URIRef | None = None) -> None:
    subject = subject or next(graph.subjects(prop, None))
    graph.remove((subject, prop, None))
    graph.add((subject, prop, new))


def bad_stake(g: Graph) -> None:
    _replace(g, IKG.stake, Literal("1.5", datatype=XSD.decimal))


def bad_currency(g: Graph) -> None:
    _replace(g, SCHEMA.currency, Literal("euro"))


def missing_investor(g: Graph) -> None:
    g.remove((_investment_of(g, "zijin-mining"), IKG.investor, None))


def untyped_date(g: Graph) -> None:
    _replace(g, IKG.date, Literal("2018"), subject=_investment_of(g, "zijin-mining"))


def stake_as_string(g: Graph) -> None:
    _replace(g, IKG.stake, Literal("0.63"))


def negative_amount(g: Graph) -> None:
    _replace(g, SCHEMA.value, Literal("-5", datatype=XSD.decimal))


def event_type_from_wrong_scheme(g: Graph) -> None:
    _replace(g, IKG.eventType, IKG.Loan)


def investor_is_an_asset(g: Graph) -> None:
    _replace(g, IKG.investor, actor_iri("smederevo-steel-mill"), subject=_investment_of(g, "zijin-mining"))


def negative_offset(g: Graph) -> None:
    _replace(g, IKG.charStart, Literal(-1))


def actor_with_two_labels(g: Graph) -> None:
    g.add((actor_iri("serbia"), RDFS.label, Literal("Republic of Serbia")))


def fact_without_evidence(g: Graph) -> None:
    g.remove((next(g.subjects(RDF.type, IKG.Agreement)), IKG.evidence, None))


def event_without_participant(g: Graph) -> None:
    g.remove((next(g.subjects(RDF.type, IKG.Event)), IKG.participant, None))


BREAKAGES: list[tuple[Callable[[Graph], None], str]] = [
    (bad_stake, "stake"), (bad_currency, "currency"), (missing_investor, "investor"),
    (untyped_date, "date"), (stake_as_string, "stake"), (negative_amount, "value"),
    (event_type_from_wrong_scheme, "eventType"), (investor_is_an_asset, "investor"),
    (negative_offset, "charStart"), (actor_with_two_labels, "label"),
    (fact_without_evidence, "evidence"), (event_without_participant, "participant"),
]


def test_serialized_corpus_conforms(good: Graph) -> None:
    report = validate(good)
    assert report == ValidationReport(conforms=True, violations=0, text=report.text)


@pytest.mark.parametrize("inference", ["rdfs", "none"])
@pytest.mark.parametrize("breakage,path", BREAKAGES, ids=[b.__name__ for b, _ in BREAKAGES])
def test_shapes_catch(
    good: Graph, breakage: Callable[[Graph], None], path: str, inference: str
) -> None:
    graph = Graph()
    graph += good
    breakage(graph)
    report = validate(graph, inference=inference)
    assert not report.conforms
    assert report.violations >= 1
    assert path in report.text


@pytest.mark.parametrize("ext", [".trig", ".ttl", ".nq"])
def test_validates_a_file(tmp_path: Path, ext: str) -> None:
    path = tmp_path / f"graph{ext}"
    write_graph(corpus_to_dataset(two_document_corpus()), path)
    assert validate(path).conforms


def test_no_inference_still_counts_subclasses(good: Graph) -> None:
    assert validate(good, inference="none").conforms


def test_missing_shapes_file(good: Graph, tmp_path: Path) -> None:
    with pytest.raises(GraphFormatError, match="shapes"):
        validate(good, shapes=tmp_path / "nope.ttl")


def _bigger_corpus(copies: int) -> Corpus:
    """``copies`` variants of doc-b, each with its own amounts: about 60 triples each."""
    documents = []
    for i in range(copies):
        facts = facts_b()
        doc = dataclasses.replace(facts.document, id=f"doc-{i:03d}")
        move = lambda fact: dataclasses.replace(  # noqa: E731
            fact, evidence=dataclasses.replace(fact.evidence, doc_id=doc.id))
        investments = [dataclasses.replace(move(f), amount=Money(Decimal(1000 + i), "USD"))
                       for f in facts.investments]
        documents.append(dataclasses.replace(
            facts, document=doc, investments=investments,
            agreements=[move(f) for f in facts.agreements], events=[move(f) for f in facts.events]))
    return Corpus(documents, dict(RECORDS), key_of)


def test_a_few_thousand_triples_validate_quickly() -> None:
    dataset = corpus_to_dataset(_bigger_corpus(60))
    assert len(union_graph(dataset)) > 3000
    start = time.perf_counter()
    report = validate(dataset)
    assert report.conforms, report.text
    assert time.perf_counter() - start < 15


def test_validates_an_oxigraph_store_directory(tmp_path: Path) -> None:
    import pyoxigraph as ox

    from graph.rdf.io import from_ox

    trig = tmp_path / "graph.trig"
    write_graph(corpus_to_dataset(two_document_corpus()), trig)
    store = ox.Store(str(tmp_path / "db"))
    store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    store.flush()
    del store  # release the write lock before validate opens it read-only
    from graph.aggregates import AGGREGATES_GRAPH
    from graph.store import open_store

    from_store, from_file = set(union_graph(tmp_path / "db")), set(union_graph(trig))
    # opening a store without aggregates adds them (issue 11): the only triples the file lacks
    added = {(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
             for q in open_store(tmp_path / "db").quads_for_pattern(None, None, None, ox.NamedNode(AGGREGATES_GRAPH))}
    assert added and from_file <= from_store and from_store - from_file == added
    assert validate(tmp_path / "db").conforms
