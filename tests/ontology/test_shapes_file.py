"""ontology/shapes.ttl: parses and has a shape for every class the graph holds."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from graph.rdf.namespace import IKG, SCHEMA
from graph.rdf.vocab import ONTOLOGY_PATH, SHAPES_PATH


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_PATH, format="turtle")


@pytest.mark.parametrize("cls", [IKG.Fact, IKG.Investment, IKG.Agreement, IKG.Event, IKG.Evidence,
                                 IKG.Document, SCHEMA.MonetaryAmount, IKG.Actor, IKG.Asset],
                         ids=lambda c: c.split("/")[-1])
def test_class_has_a_shape(shapes: Graph, cls: URIRef) -> None:
    assert (None, SH.targetClass, cls) in shapes


def test_shapes_use_only_ontology_terms(shapes: Graph) -> None:
    onto = Graph().parse(ONTOLOGY_PATH, format="turtle")
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and t.startswith(str(IKG))}
    undeclared = {t for t in used if (t, None, None) not in onto}
    assert not undeclared
