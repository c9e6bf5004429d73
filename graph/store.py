"""Open a graph for querying: a graph file or an on-disk Oxigraph store.

Every command that reads a GRAPH goes through :func:`open_store`, so a file
and a store directory are interchangeable for users.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from graph.errors import GraphFormatError, StoreError

FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF syntax of a file, from its extension."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise GraphFormatError(
            f"{path}: unknown graph format {path.suffix!r}; use one of {known}"
        ) from None


def open_store(source: str | Path) -> ox.Store:
    """An Oxigraph store over ``source``: a file loaded in memory, or a store dir.

    Named graphs in the file are kept; queries see their union as the default
    graph (the store is queried with ``use_default_graph_as_union=True``).
    """
    path = Path(source)
    if path.is_dir():
        return _open_directory(path)
    if not path.exists():
        raise GraphFormatError(f"{path}: no such graph file or store directory")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=rdf_format(path))
    except (SyntaxError, ValueError, OSError) as e:
        raise GraphFormatError(f"{path}: cannot be parsed as RDF: {e}") from e
    return store


def _open_directory(path: Path) -> ox.Store:
    try:
        return ox.Store.read_only(str(path))
    except OSError as e:
        raise StoreError(
            f"{path}: not an Oxigraph store directory ({e}); build one with `kg build --store`"
        ) from e
