"""SKOS concepts of the ontology, looked up by label.

Extractors speak English ("state visit", "acquisition"); the graph speaks
concept IRIs. The ontology file is the only list of both, so this module
reads it (once, on first use) instead of repeating the labels in Python.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from graph import paths
from graph.errors import GraphFormatError, NormalizeError

ONTOLOGY_DIR = paths.ONTOLOGY
ONTOLOGY_PATH = ONTOLOGY_DIR / "influence.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"


class UnknownConcept(NormalizeError):
    """A label or IRI that names no concept of the ontology's schemes."""


@cache
def ontology_graph() -> Graph:
    """The parsed ontology; shared, so callers must not modify it."""
    return _parse_turtle(ONTOLOGY_PATH)


def _parse_turtle(path: Path) -> Graph:
    try:
        return Graph().parse(path, format="turtle")
    except (OSError, SyntaxError, ValueError) as e:
        raise GraphFormatError(
            f"{path}: cannot read the ontology ({e}); restore it from git"
        ) from e


@cache
def _label_index() -> dict[tuple[URIRef, str], URIRef]:
    """(scheme, case-folded pref or alt label) → concept."""
    g = ontology_graph()
    index: dict[tuple[URIRef, str], URIRef] = {}
    for concept, scheme in g.subject_objects(SKOS.inScheme):
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in g.objects(concept, prop):
                index[(URIRef(scheme), str(label).casefold())] = URIRef(concept)
    return index


@cache
def _pref_labels() -> dict[URIRef, str]:
    g = ontology_graph()
    return {
        URIRef(c): str(label)
        for c, label in g.subject_objects(SKOS.prefLabel)
        if isinstance(label, Literal) and label.language in (None, "en")
    }


def concept_for_label(scheme: URIRef, label: str) -> URIRef:
    """The concept of ``scheme`` whose preferred or alternative label is ``label``.

    Case and surrounding spaces are ignored, so "State Visit " matches.
    """
    key = (URIRef(scheme), " ".join(label.split()).casefold())
    try:
        return _label_index()[key]
    except KeyError as e:
        known = sorted(concept_label(c) for c in scheme_concepts(scheme))
        raise UnknownConcept(
            f"{label!r} is not a label in {scheme}; use one of {', '.join(known)} "
            "or add it as skos:altLabel in ontology/influence.ttl"
        ) from e


def concept_label(concept: URIRef) -> str:
    """The English preferred label of a concept (what views show)."""
    try:
        return _pref_labels()[URIRef(concept)]
    except KeyError as e:
        raise UnknownConcept(
            f"{concept} has no skos:prefLabel in ontology/influence.ttl; "
            "use a concept declared there"
        ) from e


def broader_concept(concept: URIRef) -> URIRef | None:
    """The concept's ``skos:broader`` in the ontology (a status's stage), if any."""
    value = ontology_graph().value(URIRef(concept), SKOS.broader)
    return URIRef(value) if value is not None else None


def scheme_concepts(scheme: URIRef) -> list[URIRef]:
    """Every concept of ``scheme``, sorted, for menus and error messages."""
    g = ontology_graph()
    return sorted(URIRef(c) for c in g.subjects(SKOS.inScheme, URIRef(scheme)))
