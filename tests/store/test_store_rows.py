"""Issue 9 item 14: one result row per fact from a store as from a file.

Two documents written for this test state the same investment, so its node,
its roles and its amount sit in both document graphs. Oxigraph's union default
graph repeats such a triple once per graph (oxigraph#1919, unfixed in 0.5.13),
so a store or a TriG file answered the README's query with repeated rows.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.evaluate_read import read_predictions
from graph.pipeline import build
from graph.query import run_query
from graph.rdf.io import write_graph
from graph.store import build_into_store, open_store

pytestmark = pytest.mark.slow

ARTICLES = {
    "orvane.txt": (
        "Orvane Capital will invest $250 million in Kestrel Mining, the two companies said on Monday.\n\n"
        "Kestrel Mining plans to reopen the Tarn copper mine with the money.\n"
    ),
    "kestrel.txt": (
        "Orvane Capital will invest $250 million in Kestrel Mining, according to a filing seen on Tuesday.\n\n"
        "The Valdorian miner said the deal would close next year.\n"
    ),
}
README_QUERY = """SELECT ?investor ?target ?value ?currency ?sentence WHERE {
  ?i a ikg:Investment ; ikg:investor/rdfs:label ?investor ; ikg:target/rdfs:label ?target ;
     ikg:evidence/ikg:text ?sentence .
  OPTIONAL { ?i ikg:amount [ schema:value ?value ; schema:currency ?currency ] } }"""


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The two articles built as Turtle (one merged graph), TriG (a graph per document) and a store."""
    root = tmp_path_factory.mktemp("rows")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    dataset = build([corpus]).dataset
    write_graph(dataset, root / "graph.ttl")
    write_graph(dataset, root / "graph.trig")
    build_into_store([corpus], root / "store")
    return {"ttl": root / "graph.ttl", "trig": root / "graph.trig", "store": root / "store", "corpus": corpus}


def _rows(source: Path | ox.Store) -> Counter[tuple[object, ...]]:
    return Counter(run_query(source, README_QUERY).rows)


def test_the_articles_share_an_investment(sources: dict[str, Path]) -> None:
    rows = _rows(sources["ttl"])
    assert len({(r[0], r[1], r[2]) for r in rows if r[2] is not None}) == 1  # one fact …
    assert len({r[4] for r in rows if r[2] is not None}) == 2  # … stated by both articles


@pytest.mark.parametrize("kind", ["trig", "store"], ids=["trig-file", "store-dir"])
def test_the_readme_query_gives_one_row_per_fact(sources: dict[str, Path], kind: str) -> None:
    expected = _rows(sources["ttl"])
    assert set(expected.values()) == {1}
    assert _rows(sources[kind]) == expected


@pytest.mark.parametrize("kind", ["trig", "store"], ids=["trig-file", "store-dir"])
def test_evaluate_reads_the_same_predictions(sources: dict[str, Path], kind: str) -> None:
    assert read_predictions(open_store(sources[kind])) == read_predictions(open_store(sources["ttl"]))


def test_counts_are_not_inflated(sources: dict[str, Path]) -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?i a ikg:Investment ; ikg:amount ?a }"
    counts = {kind: run_query(sources[kind], query).rows[0][0] for kind in ("ttl", "trig", "store")}
    assert counts["ttl"] == counts["trig"] == counts["store"] >= 1


def test_a_rebuild_without_one_article_keeps_the_other_s_rows(sources: dict[str, Path], tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "orvane.txt").write_text(ARTICLES["orvane.txt"], encoding="utf-8")
    store = tmp_path / "store"
    build_into_store([sources["corpus"]], store)
    build_into_store([corpus], store)  # drops kestrel.txt's graph: its shared facts stay once
    write_graph(build([corpus]).dataset, tmp_path / "one.ttl")
    assert _rows(store) == _rows(tmp_path / "one.ttl")


@pytest.mark.parametrize("kind", ["trig", "store"], ids=["trig-file", "store-dir"])
def test_the_endpoint_gives_one_row_per_fact(sources: dict[str, Path], kind: str) -> None:
    from SPARQLWrapper import JSON, SPARQLWrapper

    from graph.serve import ServeLimits, make_server

    server = make_server(sources[kind], port=0, limits=ServeLimits(timeout=10, workers=1)).start()
    try:
        client = SPARQLWrapper(f"{server.url}/sparql")
        client.setQuery(README_QUERY)
        client.setReturnFormat(JSON)
        bindings = client.queryAndConvert()["results"]["bindings"]  # type: ignore[index]
    finally:
        server.stop()
    assert len(bindings) == sum(_rows(sources["ttl"]).values())
