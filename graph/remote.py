"""Write a built graph into an existing SPARQL 1.1 triple store.

Two standard ways, so it works with Oxigraph, Fuseki, GraphDB or Virtuoso:
the Graph Store HTTP Protocol (one PUT per named graph: the store replaces
that graph) or SPARQL 1.1 Update (``DROP SILENT GRAPH`` then ``INSERT DATA``),
whichever the endpoint URL is. Either way each named graph is replaced whole,
so pushing a rebuilt corpus twice leaves the same content.
"""

from __future__ import annotations

import base64
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal
from urllib.parse import quote, urlsplit, urlunsplit

import pyoxigraph as ox

from graph.errors import EndpointError
from graph.store import DEFAULT_GRAPH_KEY, dataset_graphs

UPDATE_CHUNK = 5_000  # triples per INSERT DATA request


Protocol = Literal["auto", "graph-store", "update"]
UPDATE_PATHS = ("/update", "/sparql", "/statements")


def push_dataset(
    dataset: Any,
    endpoint: str,
    *,
    protocol: Protocol = "auto",
    timeout: float = 60.0,
) -> int:
    """Replace each graph of ``dataset`` (rdflib ``Dataset``) in a remote store.

    ``endpoint`` is a Graph Store Protocol URL (Oxigraph ``…/store``, Fuseki
    ``…/ds/data``, Virtuoso ``…/sparql-graph-crud``) or a SPARQL Update URL
    (Oxigraph ``…/update``, Fuseki ``…/ds/update``, Virtuoso ``…/sparql``,
    GraphDB ``…/repositories/R/statements``); ``auto`` tells them apart by
    the path's last segment. Credentials may be put in the URL
    (``http://user:pass@host/…``). Returns the number of graphs written.
    """
    return push_graphs(dataset_graphs(dataset), endpoint, protocol=protocol, timeout=timeout)


def push_graphs(graphs: Mapping[str, Iterable[ox.Triple]], endpoint: str, *, protocol: Protocol = "auto",
                timeout: float = 60.0) -> int:
    """Like :func:`push_dataset` for triples already grouped per graph."""
    for key in sorted(graphs):
        push_graph(endpoint, key, graphs[key], protocol=protocol, timeout=timeout)
    return len(graphs)


def push_graph(endpoint: str, key: str, triples: Iterable[ox.Triple], *, protocol: Protocol = "auto",
               timeout: float = 60.0, chunk: int = UPDATE_CHUNK) -> int:
    """Replace one remote graph in requests of at most ``chunk`` triples; returns the triples sent.

    ``triples`` is read lazily, so a graph streamed from a store is never held
    whole. A graph of more than one chunk is not replaced atomically: the first
    request replaces it (PUT, or DROP + INSERT DATA), the others add to it.
    """
    use_gsp = choose_protocol(endpoint, protocol) == "graph-store"
    sent = 0
    for number, part in enumerate(triple_chunks(triples, chunk)):
        if use_gsp:
            _send(_graph_url(endpoint, key), ntriples(part), "application/n-triples",
                  "PUT" if number == 0 else "POST", timeout)
        else:
            _send(endpoint, update_request(key, part, first=number == 0).encode("utf-8"),
                  "application/sparql-update", "POST", timeout)
        sent += len(part)
    return sent


def drop_remote_graph(endpoint: str, key: str, *, protocol: Protocol = "auto", timeout: float = 60.0) -> None:
    """Remove one named graph from a remote store; a graph already gone is no error."""
    if choose_protocol(endpoint, protocol) == "update":
        _send(endpoint, f"DROP SILENT GRAPH <{key}>".encode("utf-8"), "application/sparql-update", "POST", timeout)
        return
    try:
        _send(_graph_url(endpoint, key), b"", "application/n-triples", "DELETE", timeout)
    except EndpointError as e:
        if not isinstance(e.__cause__, urllib.error.HTTPError) or e.__cause__.code != 404:
            raise


def choose_protocol(endpoint: str, protocol: Protocol) -> Protocol:
    """``auto``: SPARQL Update for ``…/update``-like paths, else Graph Store Protocol."""
    if protocol not in ("auto", "graph-store", "update"):
        raise EndpointError(f"unknown protocol {protocol!r}; use auto, graph-store or update")
    if protocol != "auto":
        return protocol
    path = urlsplit(endpoint).path.rstrip("/")
    return "update" if path.endswith(UPDATE_PATHS) else "graph-store"


def ntriples(triples: list[ox.Triple]) -> bytes:
    return "".join(f"{t} .\n" for t in triples).encode("utf-8")


def triple_chunks(triples: Iterable[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    """Consecutive lists of ``size`` triples, at least one (an empty graph still replaces).

    From the first blank node on, the rest goes in one list: each request mints
    its own blank nodes, so every triple naming one must travel together.
    """
    if size < 1:
        raise EndpointError(f"chunk size must be at least 1, not {size}")
    chunk: list[ox.Triple] = []
    whole = sent = False
    for triple in triples:
        whole = whole or isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode)
        chunk.append(triple)
        if len(chunk) >= size and not whole:
            yield chunk
            chunk, sent = [], True
    if chunk or not sent:
        yield chunk


def update_request(key: str, triples: list[ox.Triple], *, first: bool) -> str:
    """One SPARQL update of a graph's replacement: the first also drops what it held."""
    drop = "CLEAR SILENT DEFAULT" if key == DEFAULT_GRAPH_KEY else f"DROP SILENT GRAPH <{key}>"
    if not triples:
        return drop
    body = " .\n".join(str(t) for t in triples)
    insert = body if key == DEFAULT_GRAPH_KEY else f"GRAPH <{key}> {{ {body} }}"
    return f"{drop} ;\nINSERT DATA {{ {insert} }}" if first else f"INSERT DATA {{ {insert} }}"


def update_requests(key: str, triples: Iterable[ox.Triple]) -> Iterator[str]:
    """SPARQL updates that replace one graph: a drop, then inserts in chunks."""
    for number, part in enumerate(triple_chunks(triples, UPDATE_CHUNK)):
        yield update_request(key, part, first=number == 0)


def _graph_url(graph_store: str, key: str) -> str:
    sep = "&" if "?" in graph_store else "?"
    target = "default" if key == DEFAULT_GRAPH_KEY else f"graph={quote(key, safe='')}"
    return f"{graph_store}{sep}{target}"


def _send(url: str, body: bytes, content_type: str, method: str, timeout: float) -> None:
    """One HTTP request; any failure becomes a one-line EndpointError."""
    clean, headers = split_credentials(url)
    headers["Content-Type"] = content_type
    request = urllib.request.Request(clean, data=body, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as e:
        detail = _first_line(e.read())
        raise EndpointError(
            f"{clean}: {method} refused with HTTP {e.code} {e.reason}{detail}; "
            "check the URL is the store's update / graph store endpoint and that it accepts writes"
        ) from e
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise EndpointError(f"{clean}: cannot reach the store ({reason}); is it running?") from e


def split_credentials(url: str) -> tuple[str, dict[str, str]]:
    """The URL without ``user:pass@`` and a Basic Authorization header for it."""
    parts = urlsplit(url)
    if parts.username is None:
        return url, {}
    netloc = parts.hostname or ""
    if parts.port:
        netloc += f":{parts.port}"
    token = base64.b64encode(f"{parts.username}:{parts.password or ''}".encode()).decode()
    return urlunsplit(parts._replace(netloc=netloc)), {"Authorization": f"Basic {token}"}


def _first_line(body: bytes, limit: int = 200) -> str:
    text = body.decode("utf-8", errors="replace").strip().splitlines()
    return f": {text[0][:limit]}" if text else ""


def read_back(query_url: str, sparql: str, *, timeout: float = 30.0,
              accept: str = "application/n-triples") -> bytes:
    """Run a query on a remote endpoint (used to check a push)."""
    clean, headers = split_credentials(query_url)
    headers.update({"Content-Type": "application/sparql-query", "Accept": accept})
    request = urllib.request.Request(clean, data=sparql.encode("utf-8"), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except (urllib.error.URLError, OSError) as e:
        raise EndpointError(f"{clean}: query failed ({e}); is the store running?") from e

