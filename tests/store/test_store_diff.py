"""Issue 11: the actors and aggregates graphs are written a subject at a time, only where they
changed, in bounded transactions; an unchanged corpus is rebuilt without reading an index."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.store_diff
from graph.aggregates import AGGREGATES_GRAPH, aggregate_triples, update_aggregates
from graph.rdf.namespace import IKG
from graph.store import build_into_store, replace_graph, store_graph_keys
from graph.store_diff import GraphDiff

from store_helpers import A, C, put, quads  # type: ignore[import-not-found]

EX = "http://example.org/"
G, OTHER = EX + "g", EX + "other"


def _n(name: str) -> ox.NamedNode:
    return ox.NamedNode(EX + name)


def _t(s: str, p: str, o: str) -> ox.Triple:
    return ox.Triple(_n(s), _n(p), _n(o))


def _graph(store: ox.Store, name: str | None) -> set[ox.Triple]:
    node = ox.DefaultGraph() if name is None else ox.NamedNode(name)
    return {q.triple for q in store.quads_for_pattern(None, None, None, node)}


def _put(store: ox.Store, content: dict[str, list[ox.Triple]]) -> GraphDiff:
    diff = GraphDiff(store, G)
    for subject, triples in content.items():
        diff.put(_n(subject), None, triples)
    diff.retire(None)
    diff.finish()
    return diff


@pytest.fixture
def store() -> ox.Store:
    store = ox.Store()
    replace_graph(store, OTHER, [_t("a", "p", "x")])  # a triple the graph will also state, then drop
    replace_graph(store, G, [_t("a", "p", "x"), _t("a", "p", "y"), _t("b", "p", "z"), _t("c", "p", "w")])
    return store


def test_issue_11_only_the_difference_is_written_in_batches_and_the_merge_follows(store, monkeypatch) -> None:
    monkeypatch.setattr(graph.store_diff, "BATCH", 2)
    commits: list[str] = []
    monkeypatch.setattr(GraphDiff, "commit", lambda self, update: (commits.append(update), self.store.update(update)))
    new = {"a": [_t("a", "p", "y"), _t("a", "q", "v")], "b": [_t("b", "p", "z")], "d": [_t("d", "p", "u")]}
    diff = _put(store, new)
    assert _graph(store, G) == {t for ts in new.values() for t in ts}
    assert diff.changes == 4 and len(commits) == 2  # (a p x), (c p w) gone; (a q v), (d p u) added; b untouched
    assert _graph(store, None) == _graph(store, G) | _graph(store, OTHER)  # (a p x) stays: OTHER states it
    assert diff.digest() == _put(ox.Store(), new).digest()  # the digest is of the content, not of the writes


def test_issue_11_an_emptied_graph_is_dropped(store) -> None:
    _put(store, {})
    assert G not in store_graph_keys(store) and _graph(store, None) == _graph(store, OTHER)


def test_issue_11_aggregates_written_by_difference_equal_those_computed_whole(seeds_graph: Path) -> None:
    store = ox.Store()
    store.bulk_load(path=str(seeds_graph), format=ox.RdfFormat.TRIG)  # its graphs, aggregates included
    expected = set(aggregate_triples(store))
    graph = ox.NamedNode(AGGREGATES_GRAPH)
    lost = list(store.quads_for_pattern(None, None, None, graph))[::3]
    for quad in lost:
        store.remove(quad)
    store.add(ox.Quad(_n("stale"), ox.NamedNode(str(IKG.factCount)), _n("x"), graph))
    diff = update_aggregates(store)
    assert _graph(store, AGGREGATES_GRAPH) == expected and diff.changes == len(lost) + 1


@pytest.mark.slow
def test_issue_11_an_unchanged_corpus_is_rebuilt_without_reading_an_index(corpus: Path, tmp_path: Path) -> None:
    put(corpus, A)
    put(corpus, C)
    build_into_store([corpus], tmp_path / "store")
    before = quads(tmp_path / "store")
    indexes = list((tmp_path / "store" / "facts").glob("*.idx-*"))
    for index in indexes:
        index.unlink()  # an index read would be computed again and kept
    again = build_into_store([corpus], tmp_path / "store")
    assert (again.extracted, again.graphs_written) == (0, 0)
    assert not list((tmp_path / "store" / "facts").glob("*.idx-*"))
    assert quads(tmp_path / "store") == before
    (corpus / C).unlink()  # a change: the indexes are read (and made) again
    build_into_store([corpus], tmp_path / "store")
    assert len(list((tmp_path / "store" / "facts").glob("*.idx-*"))) == 1
