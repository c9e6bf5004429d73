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
first N rows. The order mirrors SPARQL's: unbound first when ascending, last
when descending; strings by code point; IRIs by their string.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.rdf.namespace import IKG, PROV, SCHEMA

if TYPE_CHECKING:
    from graph.aggregates import Reader

_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
FACT_CLASSES = {str(IKG.Investment): "investment", str(IKG.Agreement): "agreement", str(IKG.Event): "event"}
RANKS = {  # predicate -> what it orders (the saved query whose ORDER BY it follows)
    str(IKG.timelineRank): "timeline", str(IKG.evidenceRank): "evidence",
    str(IKG.investmentRank): "investments_by_country", str(IKG.claimRank): "claims_by_source",
}

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Key = tuple[Any, ...]
_UNBOUND: Key = (0,)  # sorts before any bound value, as SPARQL's ORDER BY puts unbound first


def _bound(value: Any) -> Key:
    return (1, value)


def rank_triples(reader: Reader) -> Iterator[ox.Triple]:
    """Every listing rank of the graph ``reader`` reads."""
    facts = _fact_types(reader)
    yield from _ranked(str(IKG.timelineRank), _timeline_keys(reader, facts))
    yield from _ranked(str(IKG.evidenceRank), _evidence_keys(reader, facts))
    yield from _ranked(str(IKG.investmentRank), _investment_keys(reader, facts))
    yield from _ranked(str(IKG.claimRank), _claim_keys(reader, facts))


def _ranked(predicate: str, keys: dict[Term, Key]) -> Iterator[ox.Triple]:
    """Positions 1..n of the facts by key (the fact's IRI breaks no tie: it is in every key)."""
    node = ox.NamedNode(predicate)
    for position, fact in enumerate(sorted(keys, key=keys.__getitem__), start=1):
        yield ox.Triple(fact, node, ox.Literal(str(position), datatype=_XSD_INTEGER))  # type: ignore[arg-type]


def _fact_types(reader: Reader) -> dict[Term, list[str]]:
    """Each fact (an IRI typed Investment, Agreement or Event) -> its fact types as the queries name them."""
    out: dict[Term, list[str]] = defaultdict(list)
    for cls, kind in sorted(FACT_CLASSES.items(), key=lambda item: item[1]):
        for subject in reader.typed(cls):
            if isinstance(subject, ox.NamedNode):
                out[subject].append(kind)
    return out


def _timeline_keys(reader: Reader, facts: dict[Term, list[str]]) -> dict[Term, Key]:
    """``timeline``: undated last, then the date's string, the fact type, the fact (undated investments are not listed)."""
    dates = reader.objects(str(IKG.date))
    keys: dict[Term, Key] = {}
    for fact, kinds in facts.items():
        when = [(False, _bound(str(d.value))) for d in dates.get(fact, ())] or [(True, _UNBOUND)]
        rows = [(undated, date, kind, fact.value) for undated, date in when for kind in kinds
                if kind != "investment" or not undated]
        if rows:
            keys[fact] = min(rows)
    return keys


def _evidence_keys(reader: Reader, facts: dict[Term, list[str]]) -> dict[Term, Key]:
    """``evidence``: the fact type, then the fact; only facts with a sentence of evidence."""
    evidence, text = reader.objects(str(IKG.evidence)), reader.objects(str(IKG.text))
    return {fact: (kinds[0], fact.value) for fact, kinds in facts.items()
            if any(text.get(e) for e in evidence.get(fact, ()))}


def _investment_keys(reader: Reader, facts: dict[Term, list[str]]) -> dict[Term, Key]:
    """``investments_by_country``: investor's then target's country, amount (largest first), investor, target, fact."""
    investors, targets = reader.objects(str(IKG.investor)), reader.objects(str(IKG.target))
    country_of = _countries(reader)
    amounts = _amounts(reader)
    keys: dict[Term, Key] = {}
    for fact, kinds in facts.items():
        if "investment" not in kinds:
            continue
        rows = [(ic, tc, amount, _bound(il), _bound(tl), fact.value)
                for i in investors.get(fact, ()) for il in reader.labels(i)
                for t in targets.get(fact, ()) for tl in reader.labels(t)
                for ic in country_of(i) for tc in country_of(t) for amount in amounts.get(fact, [(1,)])]
        if rows:
            keys[fact] = min(rows)
    return keys


def _countries(reader: Reader) -> Callable[[Term], list[Key]]:
    """An actor's country labels as the query finds them (itself if a country, else its ikg:country)."""
    countries, country = reader.typed(str(IKG.Country)), reader.objects(str(IKG.country))

    def of(actor: Term) -> list[Key]:
        own = reader.labels(actor) if actor in countries else []
        via = [name for c in country.get(actor, ()) for name in reader.labels(c)]
        return [_bound(name) for name in own + via] or [_UNBOUND]

    return of


def _amounts(reader: Reader) -> dict[Term, list[Key]]:
    """Each fact's amounts as a descending sort key: the largest first, a fact without one last."""
    amount, value = reader.objects(str(IKG.amount)), reader.objects(str(SCHEMA.value))
    currency = reader.objects(str(SCHEMA.currency))
    out: dict[Term, list[Key]] = defaultdict(list)
    for fact, nodes in amount.items():
        for node in nodes:
            if not currency.get(node):
                continue  # the query needs both; without a currency the amount is not listed
            for v in value.get(node, ()):
                out[fact].append(_descending(v))
    return {fact: keys or [(1,)] for fact, keys in out.items()}


def _descending(term: Term) -> Key:
    try:
        return (0, -Decimal(term.value))
    except (InvalidOperation, AttributeError):
        return (0, Decimal(0))  # an ill-typed amount: listed, its place in the order is arbitrary


def _claim_keys(reader: Reader, facts: dict[Term, list[str]]) -> dict[Term, Key]:
    """``claims_by_source``: the source's label, the fact type, the fact; only facts with an attributed sentence."""
    evidence, text = reader.objects(str(IKG.evidence)), reader.objects(str(IKG.text))
    attributed = reader.objects(str(PROV.wasAttributedTo))
    keys: dict[Term, Key] = {}
    for fact, kinds in facts.items():
        sources = [name for e in evidence.get(fact, ()) if text.get(e)
                   for s in attributed.get(e, ()) for name in reader.labels(s)]
        if sources:
            keys[fact] = (min(sources), kinds[0], fact.value)
    return keys
