"""The graph projected into networkx, its measures, and exports for Gephi/pandas.

Actors are nodes; each fact is one or more attributed edges (investor →
target; each pair of parties or participants for agreements and events),
keyed by the fact's IRI so parallel facts stay distinct.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Literal

import networkx as nx
import pyoxigraph as ox

from graph.errors import KGError
from graph.render.facts import FactSet, FactView, load_facts
from graph.render.page import fact_pairs, fact_caption

Centrality = Literal["degree", "betweenness", "pagerank", "eigenvector"]
ExportFormat = Literal["graphml", "gexf", "csv"]
EXPORT_FORMATS: tuple[str, ...] = ("graphml", "gexf", "csv")


class AnalysisError(KGError):
    """An analysis request names an actor or measure that does not exist."""


def to_networkx(source: ox.Store | str | Path | FactSet) -> nx.MultiDiGraph:
    """Actors as nodes (label, kind, country), facts as edges keyed by IRI."""
    facts = source if isinstance(source, FactSet) else load_facts(source)
    g = nx.MultiDiGraph()
    for actor in facts.actors.values():
        g.add_node(actor.iri, label=actor.label, kind=actor.kind, country=actor.country or "")
    for fact in facts.facts:
        for a, b in fact_pairs(fact):
            if a in g and b in g:
                g.add_edge(a, b, key=fact.iri, **_edge_attrs(fact))
    return g


def _edge_attrs(fact: FactView) -> dict[str, Any]:
    """Flat, typed attributes (GraphML/GEXF take no lists or None)."""
    attrs: dict[str, Any] = {
        "fact": fact.iri,
        "fact_type": fact.fact_type,
        "label": fact.label,
        "caption": fact_caption(fact),
        "date": fact.date or "",
        "kind": fact.kind or "",
        "evidence": " | ".join(e.text for e in fact.evidence),
        "sources": " | ".join(sorted({e.file_name or "" for e in fact.evidence} - {""})),
    }
    if fact.amount is not None:
        attrs["amount"] = float(fact.amount)
        attrs["currency"] = fact.currency or ""
    if fact.stake is not None:
        attrs["stake"] = float(fact.stake)
    return attrs


def _simple(g: nx.MultiDiGraph) -> nx.Graph:
    """Undirected, one edge per actor pair, ``weight`` = number of facts."""
    h = nx.Graph()
    h.add_nodes_from(g.nodes(data=True))
    for a, b in g.edges():
        if h.has_edge(a, b):
            h[a][b]["weight"] += 1
        else:
            h.add_edge(a, b, weight=1)
    return h


def centrality(
    g: nx.MultiDiGraph, *, measure: Centrality = "degree", top: int | None = None
) -> list[tuple[str, float]]:
    """Actors ranked by a centrality measure, highest first (ties by IRI)."""
    h = _simple(g)
    if measure == "degree":
        scores = nx.degree_centrality(h)
    elif measure == "betweenness":
        scores = nx.betweenness_centrality(h, weight=None)
    elif measure == "pagerank":
        scores = _pagerank(h)
    elif measure == "eigenvector":
        scores = _eigenvector(h)
    else:
        raise AnalysisError(f"unknown measure {measure!r}; use degree, betweenness, pagerank or eigenvector")
    ranked = sorted(scores.items(), key=lambda kv: (-round(kv[1], 12), kv[0]))
    return ranked if top is None else ranked[:top]


def _pagerank(h: nx.Graph, *, damping: float = 0.85, rounds: int = 100) -> dict[str, float]:
    """Weighted PageRank by power iteration (networkx's own needs scipy)."""
    n = len(h)
    if n == 0:
        return {}
    rank = dict.fromkeys(h, 1.0 / n)
    strength = {v: h.degree(v, weight="weight") for v in h}
    for _ in range(rounds):
        dangling = sum(rank[v] for v in h if strength[v] == 0)
        new = {}
        for v in h:
            inflow = sum(rank[u] * d["weight"] / strength[u] for u, d in h[v].items())
            new[v] = (1 - damping) / n + damping * (inflow + dangling / n)
        done = sum(abs(new[v] - rank[v]) for v in h) < 1e-10
        rank = new
        if done:
            break
    return rank


def _eigenvector(h: nx.Graph) -> dict[str, float]:
    if h.number_of_edges() == 0:
        return dict.fromkeys(h, 0.0)
    try:
        return nx.eigenvector_centrality(h, weight="weight", max_iter=1000, tol=1e-8)
    except nx.PowerIterationFailedConvergence as e:
        raise AnalysisError("eigenvector centrality did not converge; use pagerank instead") from e


def communities(g: nx.MultiDiGraph, *, min_size: int = 1) -> list[list[str]]:
    """Groups of actors more linked to each other than to the rest (modularity).

    Isolated actors are left out; groups are sorted, largest first.
    """
    h = _simple(g)
    h.remove_nodes_from([n for n in list(h) if h.degree(n) == 0])
    if h.number_of_edges() == 0:
        return []
    groups = nx.community.greedy_modularity_communities(h, weight="weight")
    out = [sorted(c) for c in groups if len(c) >= min_size]
    return sorted(out, key=lambda c: (-len(c), c))


def find_actor(g: nx.MultiDiGraph, actor: str) -> str:
    """The node of ``actor``, given as an IRI or a label (case-insensitive)."""
    if actor in g:
        return actor
    wanted = actor.casefold()
    matches = sorted(n for n, d in g.nodes(data=True) if d.get("label", "").casefold() == wanted)
    if not matches:
        raise AnalysisError(f"no actor labelled {actor!r}; give a label from the graph or an IRI")
    return matches[0]


def ego(g: nx.MultiDiGraph, actor: str, *, radius: int = 1) -> nx.MultiDiGraph:
    """The actor, its neighbours up to ``radius`` hops, and the facts among them."""
    centre = find_actor(g, actor)
    return nx.ego_graph(g, centre, radius=radius, undirected=True).copy()


def export(
    source: nx.MultiDiGraph | ox.Store | str | Path | FactSet,
    output: str | Path,
    *,
    fmt: ExportFormat = "graphml",
) -> list[Path]:
    """Write the projection for Gephi (graphml, gexf) or pandas (csv).

    ``csv`` writes two files next to ``output``: ``<stem>.nodes.csv`` and
    ``<stem>.edges.csv``. Returns the paths written.
    """
    if fmt not in EXPORT_FORMATS:
        raise AnalysisError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    g = source if isinstance(source, nx.MultiDiGraph) else to_networkx(source)
    path = Path(output)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fmt == "graphml":
            nx.write_graphml(g, path)
            return [path]
        if fmt == "gexf":
            nx.write_gexf(g, path)
            return [path]
        return _write_csv(g, path)
    except OSError as e:
        raise KGError(f"{path}: cannot write the export ({e.strerror}); pick another output") from e


EDGE_COLUMNS = ("source", "target", "fact", "fact_type", "label", "caption", "date", "kind",
                "amount", "currency", "stake", "evidence", "sources")  # fmt: skip


def _write_csv(g: nx.MultiDiGraph, path: Path) -> list[Path]:
    stem = path.with_suffix("") if path.suffix.lower() == ".csv" else path
    nodes_path = stem.with_name(stem.name + ".nodes.csv")
    edges_path = stem.with_name(stem.name + ".edges.csv")
    with nodes_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(("id", "label", "kind", "country", "degree"))
        for n in sorted(g):
            d = g.nodes[n]
            w.writerow((n, d.get("label", ""), d.get("kind", ""), d.get("country", ""), g.degree(n)))
    with edges_path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(EDGE_COLUMNS)
        for a, b, _k, d in sorted(g.edges(keys=True, data=True), key=lambda e: (e[2], e[0], e[1])):
            w.writerow((a, b, *(d.get(c, "") for c in EDGE_COLUMNS[2:])))
    return [nodes_path, edges_path]
