"""graph.analysis: the networkx projection, measures, ego networks, exports."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import typer
from typer.testing import CliRunner

from graph.analysis import AnalysisError, centrality, communities, ego, export, to_networkx
from graph.cli_views import register

SAMPLE = Path(__file__).parent / "data" / "views" / "sample.trig"
ID = "https://w3id.org/influence-kg/id/"


@pytest.fixture(scope="module")
def g() -> nx.MultiDiGraph:
    return to_networkx(SAMPLE)


def test_actors_are_nodes_and_facts_keyed_edges(g) -> None:
    assert g.number_of_nodes() == 13  # France too: an actor without facts
    assert g.number_of_edges() == 15
    assert g.nodes[ID + "actor/hesteel-group"] == {"label": "HeSteel Group", "kind": "Company", "country": "China"}
    edge = g.edges[ID + "actor/hesteel-group", ID + "actor/smederevo-steel-mill", ID + "investment/hesteel-smederevo"]
    assert (edge["amount"], edge["currency"], edge["date"], edge["fact_type"]) == (42e6, "EUR", "2016", "investment")
    assert "€42 million" in edge["evidence"] and edge["sources"] == "002_serbia_china_balkans.txt"


def test_parallel_facts_stay_distinct(g) -> None:
    keys = set(g[ID + "actor/china"][ID + "actor/serbia"])
    assert {k.rsplit("/", 1)[-1] for k in keys} >= {"china-serbia-usd", "china-serbia-eur", "china-serbia-fta"}


@pytest.mark.parametrize("measure", ["degree", "betweenness", "pagerank", "eigenvector"])
def test_serbia_is_most_central(g, measure: str) -> None:
    ranked = centrality(g, measure=measure)
    assert ranked[0][0] == ID + "actor/serbia"
    assert len(ranked) == 13 and all(isinstance(s, float) for _, s in ranked)


def test_unknown_measure(g) -> None:
    with pytest.raises(AnalysisError, match="pagerank"):
        centrality(g, measure="closeness")  # type: ignore[arg-type]


def test_communities_split_the_isolated_pairs(g) -> None:
    groups = communities(g)
    assert [ID + "actor/hesteel-group", ID + "actor/smederevo-steel-mill"] in groups
    assert sum(len(c) for c in groups) == 12  # France has no edge
    assert len(groups[0]) >= len(groups[-1])


@pytest.mark.parametrize(
    ("actor", "radius", "nodes"),
    [("HeSteel Group", 1, 2), ("ALEKSANDAR VUČIĆ", 1, 4), (ID + "actor/linglong", 2, 6)],
    ids=["label", "label-any-case", "iri-radius-2"],
)
def test_ego(g, actor: str, radius: int, nodes: int) -> None:
    assert ego(g, actor, radius=radius).number_of_nodes() == nodes


def test_ego_unknown_actor(g) -> None:
    with pytest.raises(AnalysisError, match="no actor labelled"):
        ego(g, "Atlantis")


@pytest.mark.parametrize(("fmt", "reader"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)], ids=["graphml", "gexf"])
def test_export_round_trips(g, tmp_path: Path, fmt: str, reader) -> None:
    (path,) = export(g, tmp_path / f"g.{fmt}", fmt=fmt)  # type: ignore[arg-type]
    back = reader(path)
    assert (back.number_of_nodes(), back.number_of_edges()) == (13, 15)


def test_export_csv_for_pandas(tmp_path: Path) -> None:
    import pandas as pd

    nodes_path, edges_path = export(SAMPLE, tmp_path / "g.csv", fmt="csv")
    nodes, edges = pd.read_csv(nodes_path), pd.read_csv(edges_path)
    assert len(nodes) == 13 and len(edges) == 15
    assert edges.groupby("fact_type").size().to_dict() == {"agreement": 2, "event": 7, "investment": 6}
    assert nodes.set_index("label").loc["Serbia", "degree"] == 9


@pytest.mark.parametrize(("fmt", "files"), [("graphml", ["g.graphml"]), ("csv", ["g.edges.csv", "g.nodes.csv"])], ids=["graphml", "csv"])
def test_kg_export_command(tmp_path: Path, fmt: str, files: list[str]) -> None:
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["export", str(SAMPLE), "-o", str(tmp_path / f"g.{'graphml' if fmt == 'graphml' else 'csv'}"), "-f", fmt])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == files


def test_kg_export_bad_format_is_one_line(tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["export", str(SAMPLE), "-o", str(tmp_path / "g.x"), "-f", "dot"])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "graphml, gexf, csv" in result.stderr
