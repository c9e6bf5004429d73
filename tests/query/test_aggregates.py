"""Issue 11: the saved queries read aggregates the build keeps in the graph, and answer
the same rows as the queries they replaced (kept in ``before_issue11/``), on a built
sample corpus, on a synthetic corpus and on a store synced through additions, edits
and removals."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.aggregates import AGGREGATES_GRAPH, aggregate_triples, ensure_aggregates, sync_aggregates
from graph.query import load_saved_query, run_query
from graph.store import drop_graph, open_store, store_graph_keys, sync_graphs

BEFORE = Path(__file__).parent / "before_issue11"
BENCH = Path(__file__).parents[2] / "bench" / "sparql.py"
CHANGED = sorted(p.stem for p in BEFORE.glob("*.rq"))


def _params(store: ox.Store) -> list[tuple[str, dict[str, str]]]:
    """Each changed query with the parameter sets that exercise it."""
    top = run_query(store, load_saved_query("most_connected").text).records()[0]
    return [
        ("most_connected", {}), ("most_connected", {"min_facts": "2"}),
        ("contested", {}), ("contested", {"factuality": "all"}),
        ("actor_profile", {"actor": top["actor"]}), ("actor_profile", {"actor": top["actor"].upper()}),
        ("actor_profile", {"actor": top["iri"]}), ("actor_profile", {"actor": "no such actor"}),
        ("evidence", {}), ("evidence", {"fact_type": "event"}),
        ("timeline", {}), ("timeline", {"from": "2015", "to": "2020"}), ("timeline", {"factuality": "all"}),
        ("timeline", {"factuality": "Planned", "to": "2019"}), ("timeline", {"factuality": "possible"}),
        ("claims_by_source", {}), ("claims_by_source", {"actor": top["actor"]}),
        ("investments_by_country", {}), ("investments_by_country", {"factuality": "all"}),
        ("investments_by_country", {"investor_country": _a_country(store), "factuality": "planned"}),
        ("investments_by_country", {"target_country": _a_country(store).upper()}),
    ]


def _a_country(store: ox.Store) -> str:
    rows = run_query(store, load_saved_query("investments_by_country").text, params={"limit": "1"}).records()
    return rows[0]["investorCountry"] or "no country"


def assert_same_rows(store: ox.Store, *, page: int = 7) -> None:
    """Old and new text of each changed query answer the same rows (as a multiset), and a
    listing's page is the first rows of the old listing, in its order (issue 11)."""
    for name, params in _params(store):
        text = load_saved_query(name).text
        old = run_query(store, (BEFORE / f"{name}.rq").read_text(encoding="utf-8"), params=params)
        new = run_query(store, text, params={**params, "limit": "all"} if "$limit" in text else params)
        assert new.columns == old.columns, name
        assert _bag(new) == _bag(old), (name, params)
        if "$limit" in text:
            first = run_query(store, text, params={**params, "limit": str(page)})
            assert _normal(first.rows, first.columns) == _normal(old.rows[:page], old.columns), (name, params)


_CONCATS = {"sources": " | ", "actors": ", "}  # GROUP_CONCAT columns: SPARQL leaves their order open


def _bag(result) -> Counter:
    return Counter(_normal(result.rows, result.columns))


def _normal(rows, columns) -> list[tuple]:
    """Rows with each GROUP_CONCAT cell's parts sorted."""
    seps = [_CONCATS.get(c) for c in columns]
    return [tuple(sep.join(sorted(v.split(sep))) if sep and isinstance(v, str) else v
                  for v, sep in zip(row, seps)) for row in rows]


def synthetic_store(triples: int) -> ox.Store:
    """The bench's synthetic corpus (a named graph per document, an actors graph), merged."""
    spec = importlib.util.spec_from_file_location("bench_sparql", BENCH)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    store = ox.Store()
    graphs: dict[str, list[ox.Triple]] = {}
    for q in module.Synth(triples).quads():
        graphs.setdefault(q.graph_name.value, []).append(q.triple)
    sync_graphs(store, graphs, {})
    sync_aggregates(store, {}, {})
    return store


def test_every_changed_query_is_in_the_library() -> None:
    assert all(load_saved_query(name) for name in CHANGED)


def test_sample_build_answers_as_before(seeds_graph: Path) -> None:
    store = open_store(seeds_graph)
    assert any(True for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(AGGREGATES_GRAPH)))
    assert_same_rows(store)


def test_the_fixed_sample_file_gets_its_aggregates_when_opened() -> None:
    store = open_store(Path(__file__).parents[1] / "data" / "views" / "sample.trig")
    assert run_query(store, load_saved_query("most_connected").text).rows
    assert_same_rows(store)


def test_synthetic_corpus_answers_as_before() -> None:
    store = synthetic_store(20_000)
    assert run_query(store, load_saved_query("contested").text).rows  # the corpus has contested figures
    assert_same_rows(store)


def test_aggregates_follow_additions_edits_and_removals() -> None:
    store = synthetic_store(8_000)
    docs = sorted(k for k in store_graph_keys(store) if "/document/" in k)
    graphs = {k: [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(k))] for k in docs}
    removed, edited = docs[0], docs[1]
    graphs.pop(removed)
    investment = next(t.subject for t in graphs[edited] if t.predicate.value.endswith("#investor"))
    graphs[edited] = [t for t in graphs[edited] if t.subject != investment]
    graphs[f"{docs[2]}-copy"] = graphs[docs[2]]  # an addition stating facts another document states
    sync_graphs(store, graphs, {}, drop_others=False)
    drop_graph(store, removed)
    sync_aggregates(store, {}, {})
    scratch = ox.Store()
    sync_graphs(scratch, {**graphs, **_actors(store)}, {})
    assert _aggregates(store) == set(aggregate_triples(scratch))
    assert_same_rows(store)


def _actors(store: ox.Store) -> dict[str, list[ox.Triple]]:
    return {k: [q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(k))]
            for k in store_graph_keys(store) if k.endswith("/graph/actors")}


def _aggregates(store: ox.Store) -> set[ox.Triple]:
    return {q.triple for q in store.quads_for_pattern(None, None, None, ox.NamedNode(AGGREGATES_GRAPH))}


def test_aggregates_are_deterministic_and_opening_twice_adds_nothing(seeds_graph: Path) -> None:
    store = open_store(seeds_graph)
    before = len(store)
    ensure_aggregates(store)
    assert len(store) == before
    assert aggregate_triples(store) == aggregate_triples(open_store(seeds_graph))


@pytest.mark.parametrize("name", ["most_connected", "contested", "actor_profile"])
def test_queries_read_the_aggregates(name: str) -> None:
    """Without them these queries answer nothing: the graph, not the query, holds the counts."""
    text = load_saved_query(name).text
    assert "ikg:factCount" in text or "ikg:ContestedFigure" in text or "ikg:nameKey" in text
