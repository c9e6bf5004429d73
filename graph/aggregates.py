"""Aggregates kept in the graph so the saved queries need not recompute them (issue 11).

Why: on a million triples, counting every actor's facts and partners, pairing
every investment with every other, or lower-casing every label to find one
actor took seconds per query. The build computes them once, from the graph
itself, into the named graph ``id:graph/aggregates``:

- each actor: ``ikg:factCount`` and ``ikg:partnerCount`` (``most_connected``);
- each investor-target pair whose investments state more than one amount: an
  ``ikg:ContestedFigure`` with an ``ikg:contestedFact`` per investment (``contested``);
- each actor's label and aliases lower-cased: ``ikg:nameKey`` (``actor_profile``);
- each fact's place in the order of the listings (``ikg:timelineRank`` …; see
  :mod:`graph.aggregates_rank`), so a query pages through them without sorting
  every row;
- ``ikg:aggregatesVersion`` on the graph itself, so a store or file whose
  aggregates predate a newer kind is brought up to date when opened.

They are derived from the merge of every other graph, so a store recomputes
them after each sync (documents added, changed or removed) and a file build
after serialising: both equal a scratch build by construction. A store gets
only the triples that changed (ranks shift when facts come and go).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from graph.aggregates_rank import rank_triples
from graph.errors import StoreError
from graph.rdf.namespace import ID, IKG

AGGREGATES_GRAPH = str(ID["graph/aggregates"])
VERSION = 2  # 1: counts, contested figures, name keys; 2: the listings' ranks
ROLES = tuple(str(p) for p in (IKG.investor, IKG.target, IKG.party, IKG.participant, IKG.place))
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_NAMES = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
          "SELECT DISTINCT ?a (LCASE(STR(?name)) AS ?key) WHERE { ?a rdfs:label|skos:altLabel ?name }")

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Subject = ox.NamedNode | ox.BlankNode


def _node(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


class Reader:
    """The graph the aggregates derive from, read once per predicate (or class, or subject's labels).

    Why: at a million triples each pass over a predicate costs seconds from
    disk. A store that keeps the merge in its default graph is read there
    alone (each triple once); one without is read over its named graphs.
    """

    def __init__(self, store: ox.Store) -> None:
        from graph.store_merge import query_options

        self.store = store
        self.graph = None if query_options(store) else ox.DefaultGraph()
        self._memo: dict[object, Any] = {}

    def _quads(self, subject: Term | None, predicate: str, obj: Term | None) -> Iterator[ox.Quad]:
        skip = ox.NamedNode(AGGREGATES_GRAPH)
        for quad in self.store.quads_for_pattern(subject, ox.NamedNode(predicate), obj, self.graph):
            if quad.graph_name != skip:
                yield quad

    def objects(self, predicate: str) -> dict[Term, set[Term]]:
        """Subject -> objects of ``predicate`` (each pair once)."""
        if predicate not in self._memo:
            out: dict[Term, set[Term]] = defaultdict(set)
            for quad in self._quads(None, predicate, None):
                out[quad.subject].add(quad.object)
            self._memo[predicate] = out
        return self._memo[predicate]

    def typed(self, cls: str) -> set[Term]:
        """Every subject of class ``cls``."""
        key = ("typed", cls)
        if key not in self._memo:
            self._memo[key] = {q.subject for q in self._quads(None, _RDF_TYPE.value, ox.NamedNode(cls))}
        return self._memo[key]

    def labels(self, subject: Term) -> list[str]:
        """``subject``'s rdfs:label strings (looked up, not scanned: few subjects need them)."""
        key = ("labels", subject)
        if key not in self._memo:
            self._memo[key] = sorted({q.object.value for q in self._quads(subject, _LABEL, None)
                                      if isinstance(q.object, ox.Literal)})
        return self._memo[key]


def role_objects(store: ox.Store | Reader) -> dict[Term, set[Term]]:
    """Each fact -> every actor it names in a role (what ``most_connected`` counts)."""
    reader = store if isinstance(store, Reader) else Reader(store)
    roles: dict[Term, set[Term]] = defaultdict(set)
    for predicate in ROLES:
        for fact, objects in reader.objects(predicate).items():
            roles[fact] |= objects
    return roles


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD_INTEGER)


def degree_triples(roles: dict[Term, set[Term]]) -> Iterator[ox.Triple]:
    """``ikg:factCount`` and ``ikg:partnerCount`` of every actor a fact names."""
    facts: dict[Subject, int] = defaultdict(int)
    partners: dict[Subject, set[Term]] = defaultdict(set)
    for objects in roles.values():
        for actor in objects:
            if isinstance(actor, (ox.NamedNode, ox.BlankNode)):
                facts[actor] += 1
                partners[actor] |= objects
    for actor, count in facts.items():
        yield ox.Triple(actor, _node(IKG.factCount), _integer(count))
        yield ox.Triple(actor, _node(IKG.partnerCount), _integer(len(partners[actor] - {actor})))


def contested_triples(reader: Reader) -> Iterator[ox.Triple]:
    """An ``ikg:ContestedFigure`` per investor-target pair stated with more than one amount."""
    investments = reader.typed(str(IKG.Investment))
    investors, targets = reader.objects(str(IKG.investor)), reader.objects(str(IKG.target))
    amounts = reader.objects(str(IKG.amount))
    groups: dict[tuple[Term, Term], set[Term]] = defaultdict(set)
    for fact in investments & amounts.keys():
        for pair in ((i, t) for i in investors.get(fact, ()) for t in targets.get(fact, ())):
            groups[pair].add(fact)
    for (investor, target), facts in groups.items():
        if len(set().union(*(amounts[f] for f in facts))) > 1:
            yield from _contested_group(investor, target, facts)


def _contested_group(investor: Term, target: Term, facts: Iterable[Term]) -> Iterator[ox.Triple]:
    digest = hashlib.sha256(f"{investor}\x1f{target}".encode("utf-8")).hexdigest()[:16]
    group = _node(ID["contested/" + digest])
    yield ox.Triple(group, _RDF_TYPE, _node(IKG.ContestedFigure))
    for fact in facts:
        yield ox.Triple(group, _node(IKG.contestedFact), fact)


def name_key_triples(store: ox.Store, actors: set[Term]) -> Iterator[ox.Triple]:
    """``ikg:nameKey``: each label or alias of an actor, lower-cased by the engine that queries it."""
    from graph.store_merge import query_options

    for row in store.query(_NAMES, **query_options(store)):
        if row["a"] in actors:
            yield ox.Triple(row["a"], _node(IKG.nameKey), ox.Literal(row["key"].value))


def aggregate_triples(store: ox.Store) -> list[ox.Triple]:
    """Every aggregate of the graph in ``store``, sorted (the same graph gives the same list)."""
    reader = Reader(store)
    roles = role_objects(reader)
    actors = {a for objects in roles.values() for a in objects}
    triples = {*degree_triples(roles), *contested_triples(reader), *name_key_triples(store, actors),
               *rank_triples(reader)}
    return sorted(triples | {version_triple()} if triples else triples, key=str)  # no facts, no graph


def version_triple() -> ox.Triple:
    """``ikg:aggregatesVersion`` of the aggregates graph: which kinds of aggregate it holds."""
    return ox.Triple(ox.NamedNode(AGGREGATES_GRAPH), _node(IKG.aggregatesVersion), _integer(VERSION))


def is_current(store: ox.Store) -> bool:
    """Whether ``store`` holds the aggregates this version computes (not an older set)."""
    version = next(iter(store.quads_for_pattern(
        ox.NamedNode(AGGREGATES_GRAPH), _node(IKG.aggregatesVersion), None, None)), None)
    return version is not None and version.object.value == str(VERSION)


def sync_aggregates(store: ox.Store, digests: dict[str, str], old: dict[str, str]) -> int:
    """Recompute the aggregates of ``store`` and write what changed in their graph.

    Call it after every document graph is in place; ``digests`` gains the
    aggregates' digest. Returns how many graphs were written (0 or 1).
    """
    from graph.store import graph_digest

    triples = aggregate_triples(store)
    digest = graph_digest(triples)
    digests[AGGREGATES_GRAPH] = digest
    if old.get(AGGREGATES_GRAPH) == digest and is_current(store):
        return 0
    return int(write_aggregates(store, triples) > 0)


def write_aggregates(store: ox.Store, triples: list[ox.Triple]) -> int:
    """Make the aggregates graph hold ``triples``, and the merge with it, in one transaction.

    Only the difference is written: a document added or removed moves many
    ranks but leaves most aggregates as they were. Returns how many triples
    were removed or added.
    """
    from graph.store_merge import query_options

    graph = ox.NamedNode(AGGREGATES_GRAPH)
    old = {q.triple for q in store.quads_for_pattern(None, None, None, graph)}
    new = set(triples)
    gone, added = sorted(old - new, key=str), sorted(new - old, key=str)
    merged = not query_options(store)  # a store without the merge is read as the union of its graphs
    parts = []
    if gone:
        shared = {t for t in gone if merged and _elsewhere(store, t)}
        parts.append(_data("DELETE", gone, [t for t in gone if merged and t not in shared]))
    if added:
        parts.append(_data("INSERT", added, added if merged else []))
    if parts:
        try:
            store.update(" ;\n".join(parts))
        except (SyntaxError, OSError) as e:
            raise StoreError(f"cannot write the aggregates graph to the store: {e}") from e
    return len(gone) + len(added)


def _elsewhere(store: ox.Store, triple: ox.Triple) -> bool:
    """Whether a graph other than the aggregates also states ``triple`` (it then stays in the merge).

    Only a type can be: every other predicate here is one the build derives.
    """
    if triple.predicate != _RDF_TYPE:
        return False
    skip = (ox.NamedNode(AGGREGATES_GRAPH), ox.DefaultGraph())
    return any(q.graph_name not in skip
               for q in store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None))


def _data(verb: str, named: list[ox.Triple], default: list[ox.Triple]) -> str:
    body = " .\n".join(str(t) for t in named)
    merge = " .\n".join(str(t) for t in default)
    return f"{verb} DATA {{ GRAPH <{AGGREGATES_GRAPH}> {{ {body} }} {merge} }}"


def add_aggregates(dataset: object) -> None:
    """Add the aggregates graph to an rdflib ``Dataset`` (a file build), as a store holds it."""
    from graph.rdf.io import from_ox, to_ox

    store = ox.Store()
    store.bulk_extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), _graph_of(g))
                      for s, p, o, g in dataset.quads((None, None, None, None)))  # type: ignore[attr-defined]
    from graph.store_merge import merge_named_graphs

    merge_named_graphs(store)
    graph = dataset.graph(from_ox(ox.NamedNode(AGGREGATES_GRAPH)))  # type: ignore[attr-defined]
    for t in aggregate_triples(store):
        graph.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))


def _graph_of(name: object) -> ox.NamedNode | ox.DefaultGraph:
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    identifier = getattr(name, "identifier", name)
    return ox.DefaultGraph() if identifier in (None, DATASET_DEFAULT_GRAPH_ID) else ox.NamedNode(str(identifier))


def ensure_aggregates(store: ox.Store) -> None:
    """Give a graph opened from a file the aggregates a build would have written.

    Why: graph files written before issue 11 (or by other tools) lack them, or
    hold an older set, and the saved queries read them. The triples go to the
    aggregates graph and to the default graph, which holds the merge queries read.
    """
    if is_current(store):
        return
    triples = aggregate_triples(store)
    graph = ox.NamedNode(AGGREGATES_GRAPH)
    store.bulk_extend([ox.Quad(t.subject, t.predicate, t.object, g)
                       for t in triples for g in (graph, ox.DefaultGraph())])
