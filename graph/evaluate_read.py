"""Read the facts a graph predicts, one per (fact, document), for :mod:`graph.evaluate`.

A fact stated by two documents is a prediction of each (a prediction is right
only against the gold of its own document); its roles, amounts, stakes, dates
and statuses are sets, since one node may carry several.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from graph.query import run_query

ROLES = {"investment": ("investor", "target"), "agreement": ("party",), "event": ("participant",), "actor": ("actor",)}
PREFIXES = """
PREFIX ikg: <https://w3id.org/influence-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@dataclass(frozen=True, slots=True)
class PredictedFact:
    """One fact of the graph as one document states it, with what the rules compare."""

    kind: str
    iri: str
    doc: str
    roles: dict[str, frozenset[str]] = field(default_factory=dict)  # role → actor IRIs
    labels: dict[str, str] = field(default_factory=dict)  # actor IRI → its label, to show
    amounts: frozenset[tuple[float, str]] = frozenset()  # (value in units, ISO currency)
    stakes: frozenset[float] = frozenset()
    dates: frozenset[str] = frozenset()
    effective: frozenset[str] = frozenset()
    statuses: frozenset[str] = frozenset()
    event_type: str | None = None
    evidence: tuple[str, ...] = ()  # the sentences of this document that state it
    factualities: frozenset[str] = frozenset()  # "asserted", "planned", "possible", "denied" (issue 8)

    def scored_by_default(self) -> bool:
        """Asserted and planned facts are scored; possible and denied ones only when asked."""
        return not self.factualities or bool(self.factualities & {"asserted", "planned"})

    def role_labels(self, role: str) -> list[str]:
        return sorted(self.labels.get(i, i) for i in self.roles.get(role, ()))


def read_predictions(store: ox.Store) -> dict[str, list[PredictedFact]]:
    """Every investment, agreement, event and actor of the graph, per (fact, document), sorted."""
    labels = _labels(store)
    evidence = _evidence(store)
    queries = {"investment": INVESTMENTS, "agreement": AGREEMENTS, "event": EVENTS, "actor": ACTORS}
    return {
        kind: _collect(kind, _rows(store, sparql), labels=labels, evidence=evidence)
        for kind, sparql in queries.items()
    }


def actor_names(store: ox.Store) -> dict[str, set[str]]:
    """Actor (or asset) IRI → its label and every alternative label."""
    names: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, NAMES):
        names[row["s"]].add(row["name"])
    return names


def _collect(kind: str, rows: list[dict[str, Any]], *, labels: dict[str, str],
             evidence: dict[tuple[str, str], tuple[str, ...]]) -> list[PredictedFact]:
    found: dict[tuple[str, str], dict[str, set]] = {}
    for row in rows:
        key = (row.get("fact") or row["actor"], row["doc"])
        values = found.setdefault(key, defaultdict(set))
        for role in ROLES[kind]:
            if row.get(role):
                values[role].add(row[role])
        _add_values(values, row)
    return [_fact(kind, iri, doc, values, labels, evidence.get((iri, doc), ())) for (iri, doc), values in sorted(found.items())]


def _add_values(values: dict[str, set], row: dict[str, Any]) -> None:
    if row.get("amount") is not None and row.get("currency"):
        values["amounts"].add((float(row["amount"]), str(row["currency"])))
    if row.get("stake") is not None:
        values["stakes"].add(float(row["stake"]))
    for key in ("date", "effective"):
        if row.get(key) is not None:
            values[key].add(str(row[key]))
    for key in ("status", "kind", "factuality"):
        if row.get(key):
            values[key].add(_concept(row[key]))


def _fact(kind: str, iri: str, doc: str, values: dict[str, set], labels: dict[str, str],
          evidence: tuple[str, ...]) -> PredictedFact:
    roles = {role: frozenset(values[role]) for role in ROLES[kind]}
    return PredictedFact(
        kind=kind, iri=iri, doc=doc, roles=roles,
        labels={i: labels.get(i, i) for ids in roles.values() for i in ids},
        amounts=frozenset(values["amounts"]), stakes=frozenset(values["stakes"]),
        dates=frozenset(values["date"]), effective=frozenset(values["effective"]),
        statuses=frozenset(values["status"]), event_type=min(values["kind"], default=None), evidence=evidence,
        factualities=frozenset(values["factuality"]),
    )


def _concept(iri: str) -> str:
    """A status or event-type concept as its label (the IRI itself if the ontology lacks it)."""
    from graph.errors import NormalizeError
    from graph.rdf.vocab import concept_label

    try:
        return concept_label(URIRef(iri))
    except NormalizeError:
        return iri.rsplit("#", 1)[-1]


def _labels(store: ox.Store) -> dict[str, str]:
    return {row["s"]: row["label"] for row in _rows(store, LABELS)}


def _evidence(store: ox.Store) -> dict[tuple[str, str], tuple[str, ...]]:
    """(fact, document) → its evidence sentences in document order."""
    found: dict[tuple[str, str], list[tuple[int, str]]] = defaultdict(list)
    for row in _rows(store, EVIDENCE):
        found[(row["fact"], row["doc"])].append((int(row["start"] or 0), row["text"]))
    return {key: tuple(text for _, text in sorted(set(items))) for key, items in found.items()}


def _rows(store: ox.Store, sparql: str) -> list[dict[str, Any]]:
    """Rows with IRIs and literals as plain values; numbers and dates kept as Python values."""
    return [dict(r) for r in run_query(store, PREFIXES + sparql).records()]


NAMES = "SELECT ?s ?name WHERE { ?s a ?c . ?s rdfs:label|skos:altLabel ?name . FILTER(isIRI(?s)) }"
LABELS = "SELECT ?s (MIN(STR(?l)) AS ?label) WHERE { ?s rdfs:label ?l . FILTER(isIRI(?s)) } GROUP BY ?s"
EVIDENCE = """SELECT ?fact ?doc ?text ?start WHERE {
  ?fact ikg:evidence ?e . ?e ikg:text ?text ; prov:wasDerivedFrom/ikg:fileName ?doc .
  OPTIONAL { ?e ikg:charStart ?start }
}"""
INVESTMENTS = """SELECT ?fact ?doc ?investor ?target ?amount ?currency ?stake ?date ?status ?factuality WHERE {
  ?fact a ikg:Investment ; prov:wasDerivedFrom ?d . ?d ikg:fileName ?doc .
  OPTIONAL { ?fact ikg:investor ?investor } OPTIONAL { ?fact ikg:target ?target }
  OPTIONAL { ?fact ikg:amount ?a . ?a schema:value ?amount ; schema:currency ?currency }
  OPTIONAL { ?fact ikg:stake ?stake } OPTIONAL { ?fact ikg:date ?date }
  OPTIONAL { ?fact ikg:status ?status } OPTIONAL { ?fact ikg:factuality ?factuality }
}"""
AGREEMENTS = """SELECT ?fact ?doc ?party ?date ?effective ?status ?factuality WHERE {
  ?fact a ikg:Agreement ; prov:wasDerivedFrom ?d . ?d ikg:fileName ?doc .
  OPTIONAL { ?fact ikg:party ?party } OPTIONAL { ?fact ikg:date ?date }
  OPTIONAL { ?fact ikg:effectiveDate ?effective } OPTIONAL { ?fact ikg:status ?status }
  OPTIONAL { ?fact ikg:factuality ?factuality }
}"""
EVENTS = """SELECT ?fact ?doc ?participant ?date ?kind ?factuality WHERE {
  ?fact a ikg:Event ; prov:wasDerivedFrom ?d . ?d ikg:fileName ?doc .
  OPTIONAL { ?fact ikg:participant ?participant } OPTIONAL { ?fact ikg:date ?date }
  OPTIONAL { ?fact ikg:eventType ?kind } OPTIONAL { ?fact ikg:factuality ?factuality }
}"""
ACTORS = """SELECT DISTINCT ?actor ?doc WHERE {
  ?actor a ?c ; prov:wasDerivedFrom ?d . ?d ikg:fileName ?doc .
  FILTER(?c IN (ikg:Country, ikg:Company, ikg:Person, ikg:Organization, ikg:GovernmentBody, ikg:Asset))
}"""
