"""Sort keys of the saved listings, kept in the aggregates graph (issue 11).

Why: on a million triples a listing (every fact with its evidence, the
timeline, every investment by country, every attributed claim) returns tens of
thousands of rows, and Oxigraph sorts them by comparing IRIs and labels it
must look up on disk, after an index seek per row and column. The build
therefore ranks each fact once, by the first row the saved query lists for it
(its own ORDER BY), into an ``xsd:integer``: a query picks a page of facts by
scanning one predicate and sorting small integers, then fetches the columns of
those facts alone, and sorts them as before.

A rank is the fact's position among the facts that query can list (each of
which gives it at least one row), so the first N facts by rank hold the query's
first N rows. The order is the query's own: each rank is read off a SPARQL query
that lists the rows of the listing's sort key in that order, sorted inside
Oxigraph, and the fact of each row not seen before takes the next position.
Why in Oxigraph: the sort then holds compact encoded rows, not Python objects
for every fact of the store (issue 11: a build's memory must not grow with it).
Strings compare by code point (``STR``), as they did. A pattern that only tests
for a match is a ``SELECT DISTINCT`` joined, not a ``FILTER EXISTS`` of two triple
patterns, which Oxigraph 0.5 evaluates in time quadratic in the facts (65 s on
200k triples, against 0.1 s).
"""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox

from graph.rdf.namespace import IKG

_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
FACT_CLASSES = {str(IKG.Investment): "investment", str(IKG.Agreement): "agreement", str(IKG.Event): "event"}
RANKS = {  # predicate -> what it orders (the saved query whose ORDER BY it follows)
    str(IKG.timelineRank): "timeline", str(IKG.evidenceRank): "evidence",
    str(IKG.investmentRank): "investments_by_country", str(IKG.claimRank): "claims_by_source",
}

_PREFIXES = ("PREFIX ikg: <https://w3id.org/influence-kg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#> "
             "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX schema: <https://schema.org/> ")
_KIND = ("VALUES (?cls ?kind) { (ikg:Agreement \"agreement\") (ikg:Event \"event\") (ikg:Investment \"investment\") } "
         "?fact a ?cls . FILTER(isIRI(?fact)) ")
_COUNTRY = ("OPTIONAL {{ {{ ?{a} a ikg:Country ; rdfs:label ?{c} }} UNION {{ ?{a} ikg:country/rdfs:label ?{c} }} "
            "FILTER(isLiteral(?{c})) }} ")

ORDERS = {  # rank predicate -> the rows of its listing's sort key, in the listing's order
    # timeline: undated last, then the date's string, the fact type, the fact (undated investments are not listed)
    str(IKG.timelineRank): _KIND + "OPTIONAL { ?fact ikg:date ?date } FILTER(BOUND(?date) || ?kind != \"investment\") "
                           "} ORDER BY (!BOUND(?date)) STR(?date) ?kind STR(?fact)",
    # evidence: the fact type, then the fact; only facts with a sentence of evidence
    str(IKG.evidenceRank): _KIND + "{ SELECT DISTINCT ?fact WHERE { ?fact ikg:evidence ?e . ?e ikg:text ?text } } "
                           "} ORDER BY ?kind STR(?fact)",
    # investments_by_country: investor's then target's country, amount (largest first), investor, target, fact
    str(IKG.investmentRank): "?fact a ikg:Investment ; ikg:investor ?i ; ikg:target ?t . FILTER(isIRI(?fact)) "
                             "?i rdfs:label ?il . ?t rdfs:label ?tl . FILTER(isLiteral(?il) && isLiteral(?tl)) "
                             + _COUNTRY.format(a="i", c="ic") + _COUNTRY.format(a="t", c="tc")
                             + "OPTIONAL { ?fact ikg:amount ?m . ?m schema:currency ?currency ; schema:value ?amount } "
                             "} ORDER BY STR(?ic) STR(?tc) DESC(?amount) STR(?il) STR(?tl) STR(?fact)",
    # claims_by_source: the source's label, the fact type, the fact; only facts with an attributed sentence
    str(IKG.claimRank): _KIND + "{ SELECT DISTINCT ?fact ?source WHERE { ?fact ikg:evidence ?e . ?e ikg:text ?text ; "
                        "prov:wasAttributedTo/rdfs:label ?source . FILTER(isLiteral(?source)) } } "
                        "} ORDER BY STR(?source) ?kind STR(?fact)",
}


def rank_entries(store: ox.Store, predicate: str, options: dict[str, bool],
                 seen: set[str]) -> Iterator[tuple[ox.NamedNode, ox.NamedNode, set[ox.Literal]]]:
    """Each fact the listing of ``predicate`` orders, with its position (1, 2, …), in that order.

    ``seen``: the facts already ranked, as ``str(fact)``, which the caller adds each
    fact to as it takes it (one set of the facts per listing is all this holds).
    """
    node = ox.NamedNode(predicate)
    rows = store.query(f"{_PREFIXES} SELECT ?fact WHERE {{ {ORDERS[predicate]}", **options)
    position = 0
    for row in rows:  # type: ignore[union-attr]
        fact = row["fact"]
        if str(fact) not in seen:
            position += 1
            yield fact, node, {ox.Literal(str(position), datatype=_XSD_INTEGER)}
