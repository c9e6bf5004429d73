"""Store mechanics on hand-built graphs: graph swaps, digests, opening dirs."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import BNode, Dataset, Literal, URIRef

from graph.errors import StoreError
from graph.query import run_query
from graph.store import (StoreDir, dataset_graphs, drop_graph, graph_digest, open_store, replace_graph,
                         store_graph_keys, store_graphs, sync_graphs)

EX = "http://example.org/"


def _triple(s: str, o: str) -> ox.Triple:
    return ox.Triple(ox.NamedNode(EX + s), ox.NamedNode(EX + "p"), ox.Literal(o))


def _quads(store: ox.Store) -> set[str]:
    return {str(q) for q in store}


def test_dataset_graphs_keeps_names_literals_and_default_graph() -> None:
    ds = Dataset()
    ds.graph(URIRef(EX + "g")).add((URIRef(EX + "a"), URIRef(EX + "p"), Literal("é", lang="fr")))
    ds.add((BNode("b1"), URIRef(EX + "p"), Literal(3)))
    graphs = dataset_graphs(ds)
    assert set(graphs) == {EX + "g", ""}
    assert str(graphs[EX + "g"][0]) == f'<{EX}a> <{EX}p> "é"@fr'
    assert str(graphs[""][0]).endswith('"3"^^<http://www.w3.org/2001/XMLSchema#integer>')


def test_graph_digest_ignores_order() -> None:
    a, b = _triple("a", "1"), _triple("b", "2")
    assert graph_digest([a, b]) == graph_digest([b, a]) != graph_digest([a])


def test_replace_graph_swaps_only_that_graph() -> None:
    store = ox.Store()
    replace_graph(store, EX + "g1", [_triple("a", "1")])
    replace_graph(store, EX + "g2", [_triple("b", "2")])
    replace_graph(store, EX + "g1", [_triple("c", "quote \" and\nnewline")])
    g1 = [str(q.triple) for q in store.quads_for_pattern(None, None, None, ox.NamedNode(EX + "g1"))]
    assert g1 == [str(_triple("c", "quote \" and\nnewline"))]
    assert store_graph_keys(store) == {EX + "g1", EX + "g2"}


@pytest.mark.parametrize(
    ("second", "expected_writes"),
    [
        pytest.param({EX + "g1": [_triple("a", "1")], EX + "g2": [_triple("b", "2")]}, 0, id="unchanged"),
        pytest.param({EX + "g1": [_triple("a", "9")], EX + "g2": [_triple("b", "2")]}, 1, id="one-changed"),
        pytest.param({EX + "g2": [_triple("b", "2")]}, 1, id="one-removed"),
        pytest.param({EX + "g1": [_triple("a", "1")], EX + "g2": [_triple("b", "2")],
                      EX + "g3": [_triple("c", "3")]}, 1, id="one-added"),
    ],
)
def test_sync_graphs_writes_only_differences(second: dict[str, list[ox.Triple]], expected_writes: int) -> None:
    first = {EX + "g1": [_triple("a", "1")], EX + "g2": [_triple("b", "2")]}
    store = ox.Store()
    digests, _ = sync_graphs(store, first, {})
    digests, written = sync_graphs(store, second, digests)
    scratch = ox.Store()
    sync_graphs(scratch, second, {})
    assert written == expected_writes
    assert _quads(store) == _quads(scratch)


def test_sync_graphs_rewrites_a_graph_the_manifest_claims_but_the_store_lacks() -> None:
    graphs = {EX + "g1": [_triple("a", "1")]}
    store = ox.Store()
    digests, _ = sync_graphs(store, graphs, {})
    store.remove_graph(ox.NamedNode(EX + "g1"))
    _, written = sync_graphs(store, graphs, digests)
    assert written == 1 and len(_quads(store)) == 2  # the graph, and its triple in the merge


def test_open_store_reads_a_kg_store_directory(tmp_path: Path) -> None:
    sdir = StoreDir(tmp_path / "kg")
    sdir.create()
    db = sdir.open_db()
    replace_graph(db, EX + "g1", [_triple("a", "1")])
    db.flush()
    del db
    sdir.write_digests({})  # the build's last step: without it the store counts as interrupted (issue 9)
    store = open_store(tmp_path / "kg")
    assert len(run_query(store, "SELECT * { ?s ?p ?o }").rows) == 1


def test_store_dir_refuses_a_foreign_non_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not empty"):
        StoreDir(tmp_path).create()


def _merge_is_kept(store: ox.Store) -> bool:
    """The default graph holds exactly the set of triples of the named graphs (issue 9 item 14)."""
    default = {str(q.triple) for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    named = {str(q.triple) for q in store if not isinstance(q.graph_name, ox.DefaultGraph)}
    return default == named


SHARED = _triple("shared", "1")


@pytest.mark.parametrize(
    "steps",
    [
        pytest.param([("g1", [SHARED]), ("g2", [SHARED, _triple("b", "2")])], id="two-graphs-share-a-triple"),
        pytest.param([("g1", [SHARED]), ("g2", [SHARED]), ("g1", [_triple("a", "9")])], id="one-sharer-rewritten"),
        pytest.param([("g1", [SHARED]), ("g2", [SHARED]), ("g2", None)], id="one-sharer-dropped"),
        pytest.param([("g1", [SHARED]), ("g2", [SHARED]), ("g1", None), ("g2", None)], id="both-dropped"),
        pytest.param([("g1", [SHARED, _triple("a", "1")]), ("g1", [SHARED])], id="rewritten-keeps-its-own"),
    ],
)
def test_every_write_keeps_the_merge_in_the_default_graph(steps: list[tuple[str, list[ox.Triple] | None]]) -> None:
    store = ox.Store()
    for name, triples in steps:
        if triples is None:
            drop_graph(store, EX + name)
        else:
            replace_graph(store, EX + name, triples)
        assert _merge_is_kept(store), f"after writing {name}"
    shared_rows = run_query(store, f"SELECT * {{ <{EX}shared> ?p ?o }}").rows
    assert len(shared_rows) == (1 if store_graph_keys(store) else 0)


def test_the_default_graph_is_not_written_directly() -> None:
    with pytest.raises(StoreError, match="merge of its named graphs"):
        replace_graph(ox.Store(), "", [_triple("a", "1")])


@pytest.mark.parametrize("suffix", [".trig", ".nq"], ids=["trig", "nquads"])
def test_a_file_s_named_graphs_are_read_as_their_merge(tmp_path: Path, suffix: str) -> None:
    ds = Dataset()
    for name in ("g1", "g2"):
        ds.graph(URIRef(EX + name)).add((URIRef(EX + "shared"), URIRef(EX + "p"), Literal("1")))
    path = tmp_path / f"two{suffix}"
    ds.serialize(destination=path, format="trig" if suffix == ".trig" else "nquads")
    assert len(run_query(path, "SELECT * { ?s ?p ?o }").rows) == 1
    assert set(store_graphs(path)) == {EX + "g1", EX + "g2"}  # pushed as they are, the merge left out
