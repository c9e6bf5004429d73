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
after serialising: both equal a scratch build by construction. Each kind is
one SPARQL query that Oxigraph groups or sorts itself, read a row at a time;
a store gets only the triples that changed (:mod:`graph.aggregates_write`).
Why: held as Python objects, the aggregates of a 10,000-document store cost
~140 MB, growing with the corpus (issue 11).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from itertools import groupby
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.aggregates_rank import RANKS, rank_entries
from graph.rdf.namespace import ID, IKG
from graph.store_handle import StoreHandle, as_handle

if TYPE_CHECKING:
    from graph.store_diff import GraphDiff

AGGREGATES_GRAPH = str(ID["graph/aggregates"])
VERSION = 2  # 1: counts, contested figures, name keys; 2: the listings' ranks
ROLES = tuple(str(p) for p in (IKG.investor, IKG.target, IKG.party, IKG.participant, IKG.place))
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_ROLE = "|".join(f"<{p}>" for p in ROLES)
_PREFIXES = ("PREFIX ikg: <https://w3id.org/influence-kg/ontology#> "
             "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ")
_DEGREES = (f"SELECT ?a (COUNT(DISTINCT ?f) AS ?facts) (COUNT(DISTINCT ?o) AS ?partners) WHERE {{ "
            f"?f {_ROLE} ?a . FILTER(!isLiteral(?a)) OPTIONAL {{ ?f {_ROLE} ?o . FILTER(?o != ?a) }} }} GROUP BY ?a")
_CONTESTED = ("SELECT ?i ?t ?f WHERE { { SELECT ?i ?t WHERE { ?f a ikg:Investment ; ikg:investor ?i ; "
              "ikg:target ?t ; ikg:amount ?m } GROUP BY ?i ?t HAVING (COUNT(DISTINCT ?m) > 1) } "
              "?f a ikg:Investment ; ikg:investor ?i ; ikg:target ?t . FILTER EXISTS { ?f ikg:amount ?m } "
              "} ORDER BY ?i ?t")
_NAMES = "SELECT DISTINCT ?a (LCASE(STR(?name)) AS ?key) WHERE { ?a rdfs:label|skos:altLabel ?name }"  # ?a: one actor

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Subject = ox.NamedNode | ox.BlankNode
Entry = tuple[Subject, ox.NamedNode, set[Term]]  # a subject, a predicate and every object it has there
Entries = Callable[[ox.Store, dict[str, bool], set[str]], Iterator[Entry]]
Pattern = tuple[ox.NamedNode, Term | None]  # (predicate, object or any) of the triples a kind of aggregate owns


def _node(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=_XSD_INTEGER)


def _rows(store: ox.Store, query: str, options: dict[str, bool]) -> ox.QuerySolutions:
    return store.query(_PREFIXES + query, **options)  # type: ignore[return-value]


def degree_entries(store: ox.Store, options: dict[str, bool], seen: set[str]) -> Iterator[Entry]:
    """``ikg:factCount`` and ``ikg:partnerCount`` of every actor a fact names in a role."""
    for row in _rows(store, _DEGREES, options):
        yield row["a"], _node(IKG.factCount), {_integer(int(row["facts"].value))}
        yield row["a"], _node(IKG.partnerCount), {_integer(int(row["partners"].value))}


def contested_entries(store: ox.Store, options: dict[str, bool], seen: set[str]) -> Iterator[Entry]:
    """An ``ikg:ContestedFigure`` per investor-target pair stated with more than one amount."""
    rows = _rows(store, _CONTESTED, options)
    for (investor, target), group in groupby(rows, key=lambda row: (row["i"], row["t"])):
        digest = hashlib.sha256(f"{investor}\x1f{target}".encode("utf-8")).hexdigest()[:16]
        node = _node(ID["contested/" + digest])
        yield node, _RDF_TYPE, {_node(IKG.ContestedFigure)}
        yield node, _node(IKG.contestedFact), {row["f"] for row in group}


def name_key_entries(store: ox.Store, options: dict[str, bool], seen: set[str]) -> Iterator[Entry]:
    """``ikg:nameKey``: each label or alias of an actor, lower-cased by the engine that queries it.

    An actor at a time: sorting every actor's names to group them (``ORDER BY ?a``) held them
    all inside Oxigraph, +22 MB at 10,000 documents (issue 11).
    """
    for actor in actors_in_roles(store, options):
        keys = {ox.Literal(row["key"].value) for row in _about(store, _NAMES, actor, options)}
        if keys:
            yield actor, _node(IKG.nameKey), keys


def actors_in_roles(store: ox.Store, options: dict[str, bool]) -> Iterator[Subject]:
    """Each IRI or blank node a fact names in a role, once (in the order of the store's indexes)."""
    graph = None if options else ox.DefaultGraph()  # a store without the merge is read as the union
    done: set[str] = set()
    for role in ROLES:
        for quad in store.quads_for_pattern(None, ox.NamedNode(role), None, graph):
            actor = quad.object
            if not isinstance(actor, ox.Literal) and str(actor) not in done:
                done.add(str(actor))
                yield actor  # type: ignore[misc]


def _about(store: ox.Store, query: str, actor: Subject, options: dict[str, bool]) -> ox.QuerySolutions:
    """``query`` with ``?a`` bound to ``actor`` (Oxigraph's substitutions: no IRI written into the text)."""
    return store.query(_PREFIXES + query, substitutions={ox.Variable("a"): actor}, **options)  # type: ignore[return-value]


def _ranks(predicate: str) -> Entries:
    return lambda store, options, seen: rank_entries(store, predicate, options, seen)


KINDS: list[tuple[tuple[Pattern, ...], Entries]] = [  # what each kind owns in the graph, and how it is computed
    (((_node(IKG.factCount), None), (_node(IKG.partnerCount), None)), degree_entries),
    (((_RDF_TYPE, _node(IKG.ContestedFigure)), (_node(IKG.contestedFact), None)), contested_entries),
    (((_node(IKG.nameKey), None),), name_key_entries),
    *((((ox.NamedNode(p), None),), _ranks(p)) for p in RANKS),
]


def aggregate_triples(store: ox.Store) -> list[ox.Triple]:
    """Every aggregate of the graph in ``store``, sorted (the same graph gives the same list).

    For a graph held in memory anyway (a file); a store is brought up to date a
    subject at a time by :func:`update_aggregates`.
    """
    from graph.store_merge import query_options

    options = query_options(store)
    triples: set[ox.Triple] = set()
    for _, entries in KINDS:
        seen: set[str] = set()
        for subject, predicate, objects in entries(store, options, seen):
            seen.add(str(subject))
            triples.update(ox.Triple(subject, predicate, o) for o in objects)
    return sorted(triples | {version_triple()} if triples else triples, key=str)  # no facts, no graph


def version_triple() -> ox.Triple:
    """``ikg:aggregatesVersion`` of the aggregates graph: which kinds of aggregate it holds."""
    return ox.Triple(ox.NamedNode(AGGREGATES_GRAPH), _node(IKG.aggregatesVersion), _integer(VERSION))


def is_current(store: ox.Store) -> bool:
    """Whether ``store`` holds the aggregates this version computes (not an older set)."""
    version = next(iter(store.quads_for_pattern(
        ox.NamedNode(AGGREGATES_GRAPH), _node(IKG.aggregatesVersion), None, None)), None)
    return version is not None and version.object.value == str(VERSION)


def sync_aggregates(store: ox.Store | StoreHandle, digests: dict[str, str], old: dict[str, str], *,
                    changed: bool = True) -> int:
    """Bring the aggregates of ``store`` up to date after every other graph is in place.

    ``digests`` gains the aggregates' digest; ``old`` are the digests of the last
    completed build. Without ``changed`` (no other graph was written) the graph the
    last build left is kept, unread. Returns how many graphs were written (0 or 1).
    """
    handle = as_handle(store)
    if not changed and AGGREGATES_GRAPH in old and is_current(handle.store):
        digests[AGGREGATES_GRAPH] = old[AGGREGATES_GRAPH]
        return 0
    diff = update_aggregates(handle)
    if diff.count:
        digests[AGGREGATES_GRAPH] = diff.digest()
    return int(diff.changes > 0)


def update_aggregates(store: ox.Store | StoreHandle) -> GraphDiff:
    """Compute each kind of aggregate of ``store`` and write what changed, a subject at a time.

    Holds one kind's subjects (``str`` of each) and a batch of changes, not the
    aggregates (issue 11). A handle's store is reopened before each kind, which
    then reads a database with none of the others' memory (:mod:`graph.store_handle`).
    Returns the diff written (its count, digest, changes).
    """
    from graph.store_diff import GraphDiff
    from graph.store_merge import query_options

    handle = as_handle(store)
    options = query_options(handle.store)
    # a reopened store is flushed before each kind, which bounds its write buffers to one kind's changes:
    # flushing each transaction as well cost 11 MB more (10,000 documents' aggregates written anew: 123 vs 112 MB)
    diff = GraphDiff(handle, AGGREGATES_GRAPH, flush_writes=not handle.reopens)
    for patterns, entries in KINDS:
        handle.reopen()  # changes not yet written are plain triples, held across it (one transaction, as before)
        diff.seen = set()
        for subject, predicate, objects in entries(handle.store, options, diff.seen):
            diff.put(subject, predicate, [ox.Triple(subject, predicate, o) for o in objects])
        for predicate, obj in patterns:
            diff.retire(predicate, obj)
    version = version_triple()
    diff.put(version.subject, version.predicate, [version] if diff.count else [])  # type: ignore[arg-type]
    diff.finish()
    return diff


def add_aggregates(dataset: object) -> None:
    """Add the aggregates graph to an rdflib ``Dataset`` (a file build), as a store holds it."""
    from graph.rdf.io import from_ox

    store = ox.Store()
    store.bulk_extend(_ox_quads(dataset))
    from graph.store_merge import merge_named_graphs

    merge_named_graphs(store)
    graph = dataset.graph(from_ox(ox.NamedNode(AGGREGATES_GRAPH)))  # type: ignore[attr-defined]
    terms: dict[object, object] = {}  # each distinct term converted once: subjects and predicates repeat (issue 11)

    def term(node: ox.NamedNode | ox.BlankNode | ox.Literal) -> object:
        found = terms.get(node)
        if found is None:
            found = terms[node] = from_ox(node)
        return found

    # given to the store directly, as serialize._fill does: Graph.add only checks they are rdflib terms
    graph.store.addN((term(t.subject), term(t.predicate), term(t.object), graph) for t in aggregate_triples(store))


def _ox_quads(dataset: object) -> Iterator[ox.Quad]:
    """The dataset's quads as Oxigraph's, each distinct term and graph converted once: most repeat
    (predicates, classes, actors, the graph of each), and converting was half of this step (issue 11)."""
    from graph.rdf.io import to_ox

    terms: dict[object, ox.NamedNode | ox.BlankNode | ox.Literal] = {}
    graphs: dict[object, ox.NamedNode | ox.DefaultGraph] = {}

    def term(node: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        found = terms.get(node)
        if found is None:  # rdflib terms are equal only with the same type, text, language and datatype
            found = terms[node] = to_ox(node)  # type: ignore[arg-type]
        return found

    for s, p, o, g in dataset.quads((None, None, None, None)):  # type: ignore[attr-defined]
        graph = graphs.get(g)
        if graph is None:
            graph = graphs[g] = _graph_of(g)
        yield ox.Quad(term(s), term(p), term(o), graph)


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
