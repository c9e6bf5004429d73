"""Facts → the vis-network data of the page (nodes, edges, fact records, legend).

Everything here is data: strings from documents stay plain strings and are
only ever put into the page as JSON and shown with ``textContent``. Edges
name the facts they stand for; the page filters, labels and explains them
from ``facts`` (see :mod:`graph.render.records`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Literal

from graph.render.cluster import ClusterMode, cluster_page
from graph.render.facts import ActorView, FactSet, FactView
from graph.render.records import actor_tip, fact_caption, fact_record, humanise, money_text

__all__ = ["PageData", "build_page", "fact_caption", "fact_pairs", "money_text", "VIEWS", "View"]

View = Literal["edges", "facts"]
VIEWS: tuple[str, ...] = ("edges", "facts")

CLASS_STYLE: dict[str, tuple[str, str]] = {
    "Country": ("#1f77b4", "hexagon"),
    "Company": ("#ff7f0e", "dot"),
    "Person": ("#2ca02c", "triangle"),
    "Organization": ("#9467bd", "square"),
    "GovernmentBody": ("#d62728", "diamond"),
    "Asset": ("#7f7f7f", "triangleDown"),
    "Actor": ("#8c564b", "dot"),
}
FACT_COLOR: dict[str, str] = {"investment": "#e6a100", "agreement": "#17becf", "event": "#e377c2"}
FACT_DASHES: dict[str, Any] = {"investment": False, "agreement": [8, 4], "event": [2, 4]}
MIXED_COLOR = "#8a8a8a"


@dataclass(frozen=True, slots=True)
class PageData:
    """What the template needs; ``dropped`` counts actors cut by ``max_nodes``."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    facts: dict[str, dict[str, Any]]
    legend: list[dict[str, str]]
    countries: list[str]
    dropped: int
    clusters: dict[str, Any] | None = None

    def as_json(self, *, title: str, view: str) -> dict[str, Any]:
        note = f"{self.dropped} least connected actors left out (max_nodes)" if self.dropped else ""
        return {
            "title": title,
            "view": view,
            "nodes": self.nodes,
            "edges": self.edges,
            "facts": self.facts,
            "legend": self.legend,
            "countries": self.countries,
            "factTypes": list(FACT_COLOR),
            "statuses": sorted({f["status"] for f in self.facts.values() if f["status"]}),
            "factualities": sorted({f["fq"] for f in self.facts.values() if f["fq"]}),
            "note": note,
            "big": len(self.nodes) > 500,
            "iterations": stabilisation_iterations(len(self.nodes)),
            "clusters": self.clusters,
        }


def stabilisation_iterations(nodes: int) -> int:
    """Physics steps before the page turns physics off: fewer on big graphs.

    A step costs roughly linear time in nodes + edges, so the budget shrinks
    with size to keep time-to-interactive bounded (see bench/render_big.py).
    """
    if nodes <= 500:
        return 400
    return max(25, min(120, 100_000 // nodes))


def build_page(
    facts: FactSet,
    *,
    view: View,
    max_nodes: int | None,
    cluster_above: int | None = None,
    cluster_by: ClusterMode = "country",
) -> PageData:
    """Nodes sized by degree, and edges or fact nodes, for the facts kept.

    With more than ``cluster_above`` nodes the page opens clustered by
    ``cluster_by``, on positions computed here (see :mod:`graph.render.cluster`).
    """
    degree = _degree(facts)
    keep = _keep_actors(degree, max_nodes)
    kept_facts = [f for f in facts.facts if all(a in keep for a in f.actors())]
    build = _edges_view if view == "edges" else _facts_view
    extra_nodes, edges = build(facts, kept_facts)
    used = {e["from"] for e in edges} | {e["to"] for e in edges}
    shown = {iri for e in edges for iri in e["facts"]}
    actors = [facts.actors[i] for i in sorted(keep & used) if i in facts.actors]
    nodes = [_actor_node(a, degree[a.iri]) for a in actors] + extra_nodes
    clusters = None
    if cluster_above and len(nodes) > cluster_above:
        nodes, clusters = cluster_page(nodes, edges, facts, mode=cluster_by)
    return PageData(
        nodes=nodes,
        edges=edges,
        facts={f.iri: fact_record(facts, f) for f in kept_facts if f.iri in shown},
        legend=_legend(actors, kept_facts),
        countries=sorted({c for f in kept_facts for c in facts.countries_of(f)}),
        dropped=len(degree) - len(keep),
        clusters=clusters,
    )


def _degree(facts: FactSet) -> Counter[str]:
    """How many facts each actor takes part in (only actors known to the graph)."""
    return Counter(a for f in facts.facts for a in f.actors() if a in facts.actors)


def _keep_actors(degree: Counter[str], max_nodes: int | None) -> set[str]:
    ranked = sorted(degree, key=lambda a: (-degree[a], a))
    return set(ranked if max_nodes is None else ranked[:max_nodes])


def _actor_node(actor: ActorView, degree: int) -> dict[str, Any]:
    color, shape = CLASS_STYLE.get(actor.kind, CLASS_STYLE["Actor"])
    return {
        "id": actor.iri, "label": actor.label, "shape": shape, "color": color,
        "value": degree, "kind": humanise(actor.kind), "country": actor.country or "",
        "aliases": list(actor.aliases), "tip": actor_tip(actor, degree),
    }  # fmt: skip


def fact_pairs(fact: FactView) -> list[tuple[str, str]]:
    """Actor pairs a fact links: investor → target, else every pair of actors."""
    if fact.fact_type == "investment":
        inv = [a for r, a in fact.roles if r == "investor"]
        tgt = [a for r, a in fact.roles if r == "target"]
        return [(i, t) for i in inv for t in tgt if i != t]
    people = fact.actors()
    return [(a, b) for i, a in enumerate(people) for b in people[i + 1 :]]


def _edges_view(facts: FactSet, kept: list[FactView]) -> tuple[list, list]:
    """One edge per pair of actors, standing for every fact that links them.

    Seven facts between China and Serbia are one edge "7 facts", not seven
    labels on top of each other. A fact with three or more actors (not an
    investment) is a small hub node with a spoke to each: a clique of
    n(n-1)/2 edges would bury the rest of the network.
    """
    nodes, spokes = [], []
    pairs: dict[tuple[str, str], list[tuple[FactView, str, str]]] = defaultdict(list)
    for fact in kept:
        actors = [a for a in fact.actors() if a in facts.actors]
        if fact.fact_type != "investment" and len(actors) > 2:
            nodes.append(_fact_node(fact))
            spokes += [_edge(f"{fact.iri}#{n}", a, fact.iri, [fact], arrows="") for n, a in enumerate(actors)]
            continue
        for a, b in fact_pairs(fact):
            pairs[tuple(sorted((a, b)))].append((fact, a, b))
    return nodes, [_pair_edge(n, members) for n, (_, members) in enumerate(sorted(pairs.items()))] + spokes


def _pair_edge(n: int, members: list[tuple[FactView, str, str]]) -> dict[str, Any]:
    """The edge of one actor pair; an arrow only when every fact points one way."""
    facts = [m[0] for m in members]
    directions = {(a, b) for _, a, b in members}
    (first_from, first_to) = (members[0][1], members[0][2])
    one_way = len(directions) == 1 and all(f.fact_type == "investment" for f in facts)
    return _edge(f"pair#{n}", first_from, first_to, facts, arrows="to" if one_way else "")


def _edge(edge_id: str, a: str, b: str, facts: list[FactView], *, arrows: str) -> dict[str, Any]:
    types = {f.fact_type for f in facts}
    kind = next(iter(types)) if len(types) == 1 else None
    return {
        "id": edge_id, "from": a, "to": b, "facts": [f.iri for f in facts], "arrows": arrows, "value": len(facts),
        "color": FACT_COLOR[kind] if kind else MIXED_COLOR, "dashes": FACT_DASHES[kind] if kind else False,
        "label": fact_caption(facts[0]) if len(facts) == 1 else f"{len(facts)} facts",
    }  # fmt: skip


def _fact_node(fact: FactView) -> dict[str, Any]:
    return {
        "id": fact.iri, "label": fact_caption(fact), "ft": fact.fact_type, "shape": "box",
        "color": {"background": "#ffffff", "border": FACT_COLOR[fact.fact_type]},
        "isFact": True, "facts": [fact.iri],
    }  # fmt: skip


def _facts_view(facts: FactSet, kept: list[FactView]) -> tuple[list, list]:
    """A small node per fact, linked to each actor by its role."""
    nodes, edges = [], []
    for fact in kept:
        nodes.append(_fact_node(fact))
        for n, (role, actor) in enumerate(fact.roles):
            if actor not in facts.actors:
                continue
            a, b = (actor, fact.iri) if role == "investor" else (fact.iri, actor)
            edge = _edge(f"{fact.iri}#{n}", a, b, [fact], arrows="to")
            edges.append({**edge, "label": role})
    return nodes, edges


def _legend(actors: list[ActorView], kept: list[FactView]) -> list[dict[str, str]]:
    kinds = [k for k in CLASS_STYLE if any(a.kind == k for a in actors)]
    types = [t for t in FACT_COLOR if any(f.fact_type == t for f in kept)]
    return [
        {"label": humanise(k), "color": CLASS_STYLE[k][0], "shape": CLASS_STYLE[k][1]} for k in kinds
    ] + [{"label": t, "color": FACT_COLOR[t], "shape": "line"} for t in types]
