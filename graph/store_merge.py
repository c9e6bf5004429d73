"""A store's default graph holds the RDF merge of its named graphs, kept in step with them.

Why (issue 9 item 14): each document graph keeps its own copy of a fact that
another document also states, so that dropping one document keeps the other's.
Oxigraph's union default graph, like a ``FROM`` list, repeats a triple once per
graph holding it (oxigraph#1919, fixed upstream after pyoxigraph 0.5.13), so a
query over the union answered one row per copy. A store therefore keeps the
merge, a set, in its default graph (updated in the same transaction as each
named graph) and queries read that graph alone.
"""

from __future__ import annotations

import pyoxigraph as ox

_UNION = {"use_default_graph_as_union": True}


def query_options(store: ox.Store) -> dict[str, bool]:
    """The dataset a query of ``store`` reads: the merge kept in its default graph.

    A store whose default graph is empty (an Oxigraph store made elsewhere, or a
    kg store built before the merge existed) is read as the union of its graphs.
    """
    if next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None:
        return dict(_UNION)
    return {}


def merge_named_graphs(store: ox.Store) -> None:
    """Add every named graph's triples to the default graph (each triple once)."""
    if next(iter(store.named_graphs()), None) is not None:
        store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")


def replace_update(iri: str, body: str) -> str:
    """One SPARQL update (one transaction) that swaps graph ``iri`` for the triples of
    ``body`` (N-Triples lines) and keeps the merge in step."""
    return " ;\n".join([
        _unmerge(iri),
        f"DROP SILENT GRAPH <{iri}>",
        f"INSERT DATA {{ GRAPH <{iri}> {{ {body} }} }}",
        f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}",
    ])


def drop_update(iri: str) -> str:
    """One SPARQL update that removes graph ``iri`` and its share of the merge."""
    return f"{_unmerge(iri)} ;\nDROP SILENT GRAPH <{iri}>"


def _unmerge(iri: str) -> str:
    """Triples that only graph ``iri`` holds leave the merge."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != <{iri}>) }} }}")
