"""Issue 11: the saved listings page (``$limit``) by ranks the build keeps in the aggregates
graph, and a graph whose aggregates predate the ranks gets them when it is opened."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.aggregates import AGGREGATES_GRAPH, aggregate_triples, is_current
from graph.aggregates_rank import RANKS
from graph.errors import QueryError
from graph.query import bind_params, list_saved_queries, load_saved_query, run_query
from graph.query_params import bind_clauses
from graph.store import open_store
from graph.store_upgrade import add_aggregates_to_store, lacks_aggregates

LISTINGS = sorted(RANKS.values())
TEXT = "# Pages: $limit rows (default 25).\nSELECT ?s WHERE { ?s ?p ?o FILTER(BOUND($who) || true) } LIMIT $limit"


def test_limit_is_a_number_the_default_the_comment_states_or_none() -> None:
    assert bind_clauses(TEXT, {}).endswith("LIMIT 25")
    assert bind_clauses(TEXT, {"limit": "3"}).endswith("LIMIT 3")
    assert bind_clauses(TEXT, {"limit": "ALL"}).rstrip().endswith("}")
    assert "LIMIT" not in bind_clauses(TEXT.replace("(default 25)", ""), {})


@pytest.mark.parametrize("value", ["-1", "3; DROP ALL", "1e3", ""])
def test_limit_refuses_anything_but_a_count(value: str) -> None:
    with pytest.raises(QueryError, match="number of rows"):
        bind_params(TEXT, {"limit": value})


def test_bound_is_true_when_the_parameter_is_given() -> None:
    assert "BOUND($who)" in bind_clauses(TEXT, {})
    bound = bind_params(TEXT, {"who": "Serbia"})
    assert "FILTER(true || true)" in bound and "$who" not in bound


def test_every_listing_pages_and_says_so() -> None:
    paged = {q.name for q in list_saved_queries() if "limit" in q.params}
    assert paged == set(LISTINGS)
    for name in LISTINGS:
        assert "default 500" in load_saved_query(name).description


@pytest.mark.parametrize("name", LISTINGS)
def test_a_page_is_the_first_rows_of_the_whole_listing(seeds_graph: Path, name: str) -> None:
    store = open_store(seeds_graph)
    text = load_saved_query(name).text
    every = run_query(store, text, params={"limit": "all"}).rows
    assert len(every) > 3, name  # the sample build lists enough to page
    assert run_query(store, text, params={"limit": "3"}).rows == every[:3]
    assert run_query(store, text).rows == every[:500]
    assert run_query(store, text, params={"limit": "0"}).rows == ()


def _without_ranks(store: ox.Store) -> None:
    """Leave the aggregates as version 1 wrote them: no ranks, no version."""
    for predicate in [*RANKS, "https://w3id.org/influence-kg/ontology#aggregatesVersion"]:
        for quad in list(store.quads_for_pattern(None, ox.NamedNode(predicate), None, None)):
            store.remove(quad)


def test_a_graph_file_with_older_aggregates_gets_the_ranks_when_opened(seeds_graph: Path, tmp_path: Path) -> None:
    store = open_store(seeds_graph)
    _without_ranks(store)
    assert not is_current(store)
    old = tmp_path / "v1.trig"
    store.dump(output=str(old), format=ox.RdfFormat.TRIG, from_graph=ox.NamedNode(AGGREGATES_GRAPH))
    with old.open("ab") as out:  # the document graphs as they were, after the older aggregates
        for graph in store.named_graphs():
            if graph.value != AGGREGATES_GRAPH:
                store.dump(output=out, format=ox.RdfFormat.TRIG, from_graph=graph)
    reopened = open_store(old)
    assert is_current(reopened)
    assert _sources_sorted(reopened, "timeline") == _sources_sorted(open_store(seeds_graph), "timeline")


def _sources_sorted(store: ox.Store, name: str) -> list[tuple]:
    """The rows, each ``sources`` cell's files sorted (SPARQL leaves GROUP_CONCAT's order open)."""
    result = run_query(store, load_saved_query(name).text)
    at = result.columns.index("sources")
    return [(*row[:at], " | ".join(sorted(row[at].split(" | "))), *row[at + 1:]) for row in result.rows]


def test_a_store_with_older_aggregates_is_brought_up_to_date(seeds_graph: Path, tmp_path: Path) -> None:
    db = tmp_path / "db"
    store = ox.Store(str(db))
    store.bulk_load(path=str(seeds_graph), format=ox.RdfFormat.TRIG)
    from graph.store_merge import merge_named_graphs

    merge_named_graphs(store)
    expected = set(aggregate_triples(store))
    _without_ranks(store)
    assert lacks_aggregates(store)
    store.flush()
    del store
    add_aggregates_to_store(tmp_path, db)
    upgraded = ox.Store.read_only(str(db))
    assert not lacks_aggregates(upgraded)
    graph = ox.NamedNode(AGGREGATES_GRAPH)
    assert {q.triple for q in upgraded.quads_for_pattern(None, None, None, graph)} == expected
    merged = {q.triple for q in upgraded.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert expected <= merged  # the merge, which queries read, has them too
