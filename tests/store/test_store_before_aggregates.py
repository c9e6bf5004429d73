"""Issue 11: a store built before the aggregates graph (commit 82864f7) answers
``most_connected``, ``contested`` and ``actor_profile`` as a rebuilt one does —
``kg query``, ``kg serve`` and ``kg render`` add the aggregates when they open it —
or, when it cannot be written, fail with one line that says to rebuild; never
silently with no rows.

The old store is a real one: the sample corpus built into Oxigraph, with its
aggregates graph dropped and its digest taken out of the manifest, as a build
before 82864f7 left it.
"""

from __future__ import annotations

import json
import shutil
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from graph.aggregates import AGGREGATES_GRAPH
from graph.cli import app
from graph.query import load_saved_query, run_query
from graph.store import MANIFEST, build_into_store, drop_graph, open_store

from store_helpers import SAMPLES  # type: ignore[import-not-found]

SAVED = ("most_connected", "contested", "actor_profile")
runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus built into a store by this version (aggregates included)."""
    base = tmp_path_factory.mktemp("aggregates")
    build_into_store([SAMPLES], base / "store")
    return base / "store"


@pytest.fixture()
def old_store(built: Path, tmp_path: Path) -> Path:
    """A copy of ``built`` as a build from before issue 11 left it: no aggregates graph."""
    path = shutil.copytree(built, tmp_path / "old")
    store = ox.Store(str(path / "oxigraph"))
    drop_graph(store, AGGREGATES_GRAPH)
    store.flush()
    del store
    manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    del manifest["graphs"][AGGREGATES_GRAPH]
    (path / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    raw = ox.Store.read_only(str(path / "oxigraph"))
    assert not list(raw.quads_for_pattern(None, None, None, ox.NamedNode(AGGREGATES_GRAPH)))
    return path


def _rows(source: Path | ox.Store, name: str, params: dict[str, str] | None = None) -> list[tuple]:
    return sorted(run_query(source, load_saved_query(name).text, params=params).rows, key=repr)


def _expected(built: Path) -> dict[str, list[tuple]]:
    store = open_store(built)
    top = run_query(store, load_saved_query("most_connected").text).records()[0]["actor"]
    out = {name: _rows(store, name) for name in SAVED if name != "actor_profile"}
    out["actor_profile"] = _rows(store, "actor_profile", {"actor": top})
    assert all(out.values()), "the sample build must give rows to every checked query"
    return {**out, "top": top}  # type: ignore[dict-item]


def test_kg_query_adds_the_aggregates_to_an_old_store(built: Path, old_store: Path) -> None:
    expected = _expected(built)
    result = runner.invoke(app, ["query", str(old_store), "most_connected", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)) == len(expected["most_connected"])
    store = open_store(old_store)
    assert _rows(store, "contested") == expected["contested"]
    assert _rows(store, "actor_profile", {"actor": expected["top"]}) == expected["actor_profile"]
    manifest = json.loads((old_store / MANIFEST).read_text(encoding="utf-8"))
    built_manifest = json.loads((built / MANIFEST).read_text(encoding="utf-8"))
    assert manifest == built_manifest  # the next build has nothing to rewrite


def test_kg_serve_adds_the_aggregates_before_its_workers_open_the_store(built: Path, old_store: Path) -> None:
    from graph.serve import ServeLimits, make_server

    expected = _expected(built)
    server = make_server(old_store, port=0, limits=ServeLimits(timeout=30, workers=2)).start()
    try:
        for _ in range(2):  # each worker answers
            url = f"{server.url}/sparql?" + urllib.parse.urlencode(
                {"query": load_saved_query("most_connected").text, "format": "json"})
            with urllib.request.urlopen(url, timeout=60) as response:
                bindings = json.loads(response.read())["results"]["bindings"]
            assert len(bindings) == len(expected["most_connected"])
    finally:
        server.stop()


def test_kg_render_reads_an_old_store_as_a_rebuilt_one(built: Path, old_store: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["render", str(old_store), "-o", str(tmp_path / "old.html")])
    assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["render", str(built), "-o", str(tmp_path / "built.html")])
    assert again.exit_code == 0, again.output
    assert result.output.split(": ", 1)[1] == again.output.split(": ", 1)[1]  # same actors, facts, edges
    assert _rows(old_store, "most_connected") == _rows(built, "most_connected")


def test_an_old_store_that_cannot_be_written_fails_with_one_line_saying_to_rebuild(old_store: Path) -> None:
    holder = ox.Store(str(old_store / "oxigraph"))  # as a running `kg build` holds it: no one else may write
    try:
        result = runner.invoke(app, ["query", str(old_store), "most_connected"])
    finally:
        del holder
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "issue 11" in lines[0] and f"kg build CORPUS --store {old_store}" in lines[0]


def test_a_store_from_before_the_merge_gets_the_aggregates_in_their_graph_alone(built: Path, old_store: Path) -> None:
    """A store older still (issue 9 item 14) has no merge in its default graph and is read as
    the union of its graphs: the aggregates go to their graph only, the default graph stays empty."""
    store = ox.Store(str(old_store / "oxigraph"))
    store.update("CLEAR DEFAULT")
    store.flush()
    del store
    assert _rows(old_store, "most_connected") == _rows(built, "most_connected")
    reopened = open_store(old_store)
    assert not list(reopened.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    assert list(reopened.quads_for_pattern(None, None, None, ox.NamedNode(AGGREGATES_GRAPH)))
