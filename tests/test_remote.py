"""Pushing a dataset into a real Oxigraph server started on loopback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Literal, URIRef

from graph.errors import EndpointError
from graph.remote import choose_protocol, push_dataset, push_graph, read_back, triple_chunks, update_requests
from graph.store import dataset_graphs

OXIGRAPH = Path(sys.executable).parent / "oxigraph"  # the oxigraph server installed beside this Python
EX = "http://example.org/"
DOC = "https://w3id.org/influence-kg/id/document/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """``oxigraph serve`` on a free loopback port; killed and reaped after the test."""
    if not OXIGRAPH.exists():
        pytest.skip("needs the `oxigraph` CLI (PyPI package oxigraph) in .venv/bin")
    port = _free_port()
    proc = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(tmp_path / "db"),
                             "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, proc)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _wait_until_up(url: str, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"oxigraph serve exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("oxigraph serve did not start within 20 s")


def _dataset(version: str) -> Dataset:
    ds = Dataset()
    d1 = ds.graph(URIRef(DOC + "d1"))
    d1.add((URIRef(EX + "a"), URIRef(EX + "label"), Literal(f"A {version}", lang="en")))
    d1.add((URIRef(EX + "a"), URIRef(EX + "amount"), Literal("42000000.5", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#decimal"))))
    d2 = ds.graph(URIRef(DOC + "d2"))
    d2.add((URIRef(EX + "b"), URIRef(EX + "quote"), Literal('say "hi"\nbye')))
    return ds


def _remote_quads(url: str) -> set[str]:
    data = read_back(f"{url}/query", "SELECT ?g ?s ?p ?o { GRAPH ?g { ?s ?p ?o } }",
                     accept="application/sparql-results+json")
    rows = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    return {"\t".join(str(row[v]) for v in ("g", "s", "p", "o")) for row in rows}


def _local_quads(ds: Dataset) -> set[str]:
    return {f"<{g}>\t{t.subject}\t{t.predicate}\t{t.object}"
            for g, triples in dataset_graphs(ds).items() for t in triples}


@pytest.mark.parametrize("protocol", ["graph-store", "update"])
def test_push_then_repush_replaces_each_graph(oxigraph_server: str, protocol: str) -> None:
    url = f"{oxigraph_server}/store" if protocol == "graph-store" else f"{oxigraph_server}/update"
    assert choose_protocol(url, "auto") == protocol
    push_dataset(_dataset("v1"), url, timeout=10)
    assert push_dataset(_dataset("v2"), url, timeout=10) == 2
    remote = _remote_quads(oxigraph_server)
    assert len(remote) == 3
    assert any('"A v2"@en' in q for q in remote) and not any('"A v1"@en' in q for q in remote)
    assert remote == _local_quads(_dataset("v2"))


def test_large_graph_goes_in_chunks(oxigraph_server: str) -> None:
    ds = Dataset()
    g = ds.graph(URIRef(DOC + "big"))
    for i in range(12_000):
        g.add((URIRef(f"{EX}s{i}"), URIRef(EX + "p"), Literal(i)))
    push_dataset(ds, f"{oxigraph_server}/update", timeout=30)
    count = read_back(f"{oxigraph_server}/query", "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                      accept="text/csv")
    assert count.decode().split()[-1] == "12000"


@pytest.mark.parametrize("endpoint", ["/store", "/update"])
def test_a_graph_over_one_chunk_is_replaced_whole(oxigraph_server: str, endpoint: str) -> None:
    """The first request replaces the graph, the next ones add to it: none is left over, none lost."""
    key = DOC + "big"
    url = f"{oxigraph_server}{endpoint}"
    big = (ox.Triple(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(EX + "p"), ox.Literal(str(i))) for i in range(2_500))
    assert push_graph(url, key, big, chunk=1_000, timeout=10) == 2_500
    assert len(_remote_quads(oxigraph_server)) == 2_500
    small = [ox.Triple(ox.NamedNode(f"{EX}t{i}"), ox.NamedNode(EX + "p"), ox.Literal(str(i))) for i in range(3)]
    push_graph(url, key, small, chunk=1_000, timeout=10)
    assert _remote_quads(oxigraph_server) == {f"<{key}>\t{t.subject}\t{t.predicate}\t{t.object}" for t in small}


@pytest.mark.parametrize(
    ("kinds", "sizes"),
    [
        pytest.param("nnnn", [2, 2], id="exact-multiple-no-empty-tail"),
        pytest.param("", [0], id="empty-graph-one-empty-request"),
        pytest.param("nnbnn", [2, 3], id="from-a-blank-node-on-together"),
        pytest.param("nnnnb", [2, 2, 1], id="blank-node-last"),
    ],
)
def test_triple_chunks(kinds: str, sizes: list[int]) -> None:
    node = {"n": lambda i: ox.NamedNode(f"{EX}s{i}"), "b": lambda i: ox.BlankNode(f"b{i}")}
    triples = [ox.Triple(node[k](i), ox.NamedNode(EX + "p"), ox.Literal("x")) for i, k in enumerate(kinds)]
    assert [len(c) for c in triple_chunks(triples, 2)] == sizes


def test_blank_node_graph_is_sent_in_one_update() -> None:
    ds = Dataset()
    g = ds.graph(URIRef(DOC + "b"))
    for i in range(3):
        g.add((BNode("x"), URIRef(EX + "p"), Literal(i)))
    key = DOC + "b"
    assert len(list(update_requests(key, dataset_graphs(ds)[key]))) == 1


@pytest.mark.parametrize(
    ("path", "message"),
    [pytest.param("/nowhere/update", "HTTP 404", id="wrong-path"),
     pytest.param(None, "cannot reach", id="no-server")],
)
def test_errors_are_one_line_endpoint_errors(oxigraph_server: str, path: str | None, message: str) -> None:
    url = f"{oxigraph_server}{path}" if path else f"http://127.0.0.1:{_free_port()}/update"
    with pytest.raises(EndpointError, match=message) as caught:
        push_dataset(_dataset("v1"), url, timeout=5)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("http://h:7878/store", "graph-store", id="oxigraph-store"),
        pytest.param("http://h:3030/ds/data", "graph-store", id="fuseki-data"),
        pytest.param("http://h:3030/ds/update", "update", id="fuseki-update"),
        pytest.param("http://h:8890/sparql", "update", id="virtuoso-sparql"),
        pytest.param("http://h:7200/repositories/kg/statements", "update", id="graphdb"),
    ],
)
def test_protocol_is_chosen_from_the_url(url: str, expected: str) -> None:
    assert choose_protocol(url, "auto") == expected


@pytest.mark.slow
@pytest.mark.parametrize("target", ["file", "store"])
def test_kg_build_endpoint_loads_every_document_graph(oxigraph_server: str, tmp_path: Path, target: str) -> None:
    """`kg build … --endpoint URL` (with a graph file or with --store) fills a real Oxigraph server."""
    from typer.testing import CliRunner

    from graph.cli import app
    from graph.pipeline import SAMPLE_CORPUS

    where = ["--store", str(tmp_path / "store")] if target == "store" else ["--output", str(tmp_path / "g.nq")]
    result = CliRunner().invoke(app, ["build", str(SAMPLE_CORPUS), *where, "--endpoint", f"{oxigraph_server}/store", "--no-progress"])
    assert result.exit_code == 0, result.output
    data = read_back(f"{oxigraph_server}/query", "SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                     accept="application/sparql-results+json")
    (row,) = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    assert int(row["n"].value) == 5  # three documents, the actors graph and the aggregates graph (issue 11)


def _file_quads(path: Path) -> set[str]:
    """Quads of the named graphs of a graph file, as ``_remote_quads`` prints them."""
    store = ox.Store()
    store.load(path=str(path))
    return {f"{q.graph_name}\t{q.subject}\t{q.predicate}\t{q.object}"
            for q in store if not isinstance(q.graph_name, ox.DefaultGraph)}


@pytest.mark.slow
def test_push_store_sends_what_changed_and_drops_what_went(oxigraph_server: str, tmp_path: Path) -> None:
    """A rebuild pushes only its changed graphs and drops a removed document's graph (it stayed, before)."""
    from graph.pipeline import SAMPLE_CORPUS
    from graph.remote_sync import push_store
    from graph.store import build_into_store

    store, url = tmp_path / "store", f"{oxigraph_server}/store"
    build_into_store([SAMPLE_CORPUS], store)
    first = push_store(store, url, timeout=10)
    assert (first.pushed, first.dropped, first.unchanged) == (5, 0, 0)
    assert _remote_quads(oxigraph_server) == _store_quads(store)
    two = tmp_path / "two"
    two.mkdir()
    for path in sorted(SAMPLE_CORPUS.iterdir())[:2]:
        (two / path.name).write_bytes(path.read_bytes())
    build_into_store([two], store)
    second = push_store(store, url, timeout=10)
    assert second.dropped == 1 and second.unchanged >= 1 and second.pushed + second.unchanged == 4
    assert _remote_quads(oxigraph_server) == _store_quads(store)
    assert push_store(store, url, timeout=10).pushed == 0
    (two / sorted(SAMPLE_CORPUS.iterdir())[0].name).unlink()
    build_into_store([two], store)  # one document left: --push-all sends every graph and still drops the other
    again = push_store(store, url, timeout=10, everything=True)
    assert (again.pushed, again.dropped) == (3, 1)
    assert _remote_quads(oxigraph_server) == _store_quads(store)


def _store_quads(store_dir: Path) -> set[str]:
    from graph.store import store_graphs

    return {f"<{g}>\t{t.subject}\t{t.predicate}\t{t.object}" for g, ts in store_graphs(store_dir).items() for t in ts}


@pytest.mark.slow
def test_kg_build_dask_endpoint_equals_the_local_build(oxigraph_server: str, tmp_path: Path) -> None:
    """`kg build --dask ADDR --endpoint URL`, with and without --store, loads what a local build writes."""
    from distributed import LocalCluster
    from typer.testing import CliRunner

    from graph.cli import app
    from graph.pipeline import SAMPLE_CORPUS

    local = tmp_path / "local.nq"
    result = CliRunner().invoke(app, ["build", str(SAMPLE_CORPUS), "--output", str(local), "--no-progress"])
    assert result.exit_code == 0, result.output
    expected = _file_quads(local)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        for where, endpoint in ((["--store", str(tmp_path / "store")], "/update"),
                                (["--output", str(tmp_path / "dask.nq")], "/store")):
            result = CliRunner().invoke(app, ["build", str(SAMPLE_CORPUS), *where, "--dask", cluster.scheduler_address,
                                              "--batch-size", "1", "--endpoint", oxigraph_server + endpoint,
                                              "--no-progress"])
            assert result.exit_code == 0, result.output
            assert "5 graphs loaded" in result.output
            assert _remote_quads(oxigraph_server) == expected
