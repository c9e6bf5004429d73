"""Clusters for big pages: actors grouped by country or by community, laid out here.

Above ``cluster_above`` nodes the page opens on one node per group instead of
thousands of dots, and draws without physics: a force simulation of 5,000
nodes is what made big pages slow and their layout a hairball. Each node gets
its group and its position in both modes, computed once and deterministically
(same graph, same page bytes).

Communities are Louvain's (networkx, fixed seed): on 5,000 actors it takes
under a second with the best modularity of the methods tried (greedy
modularity finds the same structure about 2.5 times slower; label propagation
splits the graph into a thousand crumbs). See bench/render_big.py.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx
import numpy as np

from graph.render.facts import FactSet

__all__ = ["CLUSTER_MODES", "ClusterMode", "Group", "cluster_layout", "cluster_page", "communities", "country_groups"]

ClusterMode = Literal["country", "community", "none"]
CLUSTER_MODES: tuple[str, ...] = ("country", "community", "none")
MAX_GROUPS = 60  # more bubbles than this do not read at a glance: the smallest share one
MIN_COMMUNITY = 3  # pairs and singletons are crumbs, not communities (more on bigger pages)
SEED = 7
SPACING = 40.0  # canvas units between neighbours inside an opened group: nodes are 10-36 across
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


@dataclass(frozen=True, slots=True)
class Group:
    """One cluster of a mode: its name, its members (most connected first), where it sits."""

    key: str
    label: str
    members: tuple[str, ...]
    x: float = 0.0
    y: float = 0.0
    radius: float = 0.0


def country_groups(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], facts: FactSet) -> dict[str, str]:
    """Each node's country: its own label for a country, its home country, else its neighbours'.

    A fact node (or an actor with no country) goes with the country most of
    its neighbours have, so a hub of three Serbian actors sits with Serbia.
    """
    own: dict[str, str] = {}
    for node in nodes:
        actor = facts.actors.get(node["id"])
        if actor is not None and (actor.kind == "Country" or actor.country):
            own[node["id"]] = actor.label if actor.kind == "Country" else str(actor.country)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for edge in edges:
        for a, b in ((edge["from"], edge["to"]), (edge["to"], edge["from"])):
            if a not in own and b in own:
                votes[a][own[b]] += 1
    out = {}
    for node in nodes:
        ranked = sorted(votes[node["id"]].items(), key=lambda kv: (-kv[1], kv[0]))
        out[node["id"]] = own.get(node["id"]) or (ranked[0][0] if ranked else "no country")
    return out


def communities(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> dict[str, int]:
    """Louvain communities of the page's own graph, numbered biggest first.

    The graph is built in sorted order and the seed fixed, so the same page
    data always gives the same numbers.
    """
    graph = nx.Graph()
    graph.add_nodes_from(sorted(n["id"] for n in nodes))
    for edge in sorted(edges, key=lambda e: e["id"]):
        a, b = edge["from"], edge["to"]
        weight = graph.get_edge_data(a, b, {"weight": 0})["weight"] + len(edge["facts"])
        graph.add_edge(a, b, weight=weight)
    found = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    ranked = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {member: n for n, members in enumerate(ranked) for member in members}


def cluster_layout(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], assignment: dict[str, str], *, names: dict[str, str]
) -> tuple[list[Group], dict[str, tuple[float, float]]]:
    """The groups of one mode placed as disks, and every node's position in its disk.

    Groups are placed by a spring layout of the group graph (linked groups
    near each other), then pushed apart until no two disks overlap; inside a
    disk members lie on a sunflower spiral, the most connected in the middle.
    """
    degree = {n["id"]: n.get("value", 1) for n in nodes}
    members: dict[str, list[str]] = defaultdict(list)
    for node_id in sorted(assignment, key=lambda i: (-degree.get(i, 0), i)):
        members[assignment[node_id]].append(node_id)
    keys = sorted(members, key=lambda k: (-len(members[k]), k))
    radius = np.array([_disk(len(members[k])) for k in keys])
    centres = _pack(_spring(keys, edges, assignment, radius), radius)
    groups = [
        Group(key=k, label=names.get(k, k), members=tuple(members[k]), x=round(float(c[0])), y=round(float(c[1])), radius=round(float(r)))
        for k, c, r in zip(keys, centres, radius)
    ]
    return groups, {m: pos for g in groups for m, pos in _sunflower(g).items()}


def _spring(keys: list[str], edges: list[dict[str, Any]], assignment: dict[str, str], radius: np.ndarray) -> np.ndarray:
    """Group centres from a weighted spring layout, scaled to the groups' total area."""
    graph = nx.Graph()
    graph.add_nodes_from(keys)
    for edge in sorted(edges, key=lambda e: e["id"]):
        a, b = assignment.get(edge["from"]), assignment.get(edge["to"])
        if a is not None and b is not None and a != b:
            graph.add_edge(a, b, weight=graph.get_edge_data(a, b, {"weight": 0})["weight"] + 1)
    if len(keys) == 1:
        return np.zeros((1, 2))
    pos = nx.spring_layout(graph, seed=SEED, weight="weight", iterations=100)
    spread = math.sqrt(float(np.sum(radius**2))) * 1.2
    return np.array([pos[k] for k in keys]) * spread


def _pack(centres: np.ndarray, radius: np.ndarray, *, rounds: int = 30) -> np.ndarray:
    """Draw the disks towards their middle and push overlaps apart, round after round.

    A spring layout spreads loosely linked groups far apart, which would make
    every bubble tiny at the first fit; packing keeps its neighbourhoods.
    """
    centres = _separate(centres, radius)
    for _ in range(rounds):
        centres = _separate((centres - centres.mean(axis=0)) * 0.88, radius, rounds=12)
    return _separate(centres, radius)


def _separate(centres: np.ndarray, radius: np.ndarray, *, rounds: int = 300) -> np.ndarray:
    """Push overlapping disks apart, half the overlap each, until none overlap."""
    centres = centres.copy()
    gap = 2 * SPACING
    for _ in range(rounds):
        delta = centres[:, None, :] - centres[None, :, :]
        dist = np.sqrt(np.sum(delta**2, axis=2)) + np.eye(len(centres))
        overlap = radius[:, None] + radius[None, :] + gap - dist
        np.fill_diagonal(overlap, 0)
        overlap = np.clip(overlap, 0, None)
        if not overlap.any():
            break
        push = (delta / dist[:, :, None]) * (overlap / 2)[:, :, None]
        centres += push.sum(axis=1)
    return centres


def _disk(members: int) -> float:
    """Radius of the sunflower of ``members`` nodes, with a margin."""
    return SPACING * 1.1 * math.sqrt(members) + 2 * SPACING


def _sunflower(group: Group) -> dict[str, tuple[float, float]]:
    """Members on a Vogel spiral around the group's centre: even spacing, hubs inside."""
    out = {}
    for k, member in enumerate(group.members):
        r, a = SPACING * 1.1 * math.sqrt(k + 0.5), k * GOLDEN_ANGLE
        out[member] = (round(group.x + r * math.cos(a)), round(group.y + r * math.sin(a)))
    return out


OTHER = "~other"


def cluster_page(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], facts: FactSet, *, mode: ClusterMode
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Nodes annotated with their group and position in each mode, and the page's cluster data.

    ``grp`` holds a node's group index by country and by community, ``pos``
    its x, y in the country layout then in the community layout (which the
    unclustered mode "none" uses too).
    """
    by_country = _capped(country_groups(nodes, edges, facts), small=1)
    found = communities(nodes, edges)
    smallest = max(MIN_COMMUNITY, len(nodes) // 250)
    by_community = _capped({n: f"c{i}" for n, i in found.items()}, small=smallest)
    labels = {n["id"]: n["label"] for n in nodes}
    layouts = {
        "country": cluster_layout(nodes, edges, by_country, names={OTHER: "other countries"}),
        "community": cluster_layout(nodes, edges, by_community, names={OTHER: "small groups"}),
    }
    groups = {m: [_named(g, m, labels) for g in layout[0]] for m, layout in layouts.items()}
    index = {m: {g.key: i for i, g in enumerate(gs)} for m, gs in groups.items()}
    country_pos, community_pos = layouts["country"][1], layouts["community"][1]
    out = []
    for node in nodes:
        xc, yc = country_pos[node["id"]]
        xm, ym = community_pos[node["id"]]
        x, y = (xc, yc) if mode == "country" else (xm, ym)
        grp = [index["country"][by_country[node["id"]]], index["community"][by_community[node["id"]]]]
        out.append({**node, "x": x, "y": y, "grp": grp, "pos": [xc, yc, xm, ym]})
    data = {"mode": mode, "groups": {m: [_group_json(g) for g in gs] for m, gs in groups.items()}}
    return out, data


def _capped(assignment: dict[str, str], *, small: int) -> dict[str, str]:
    """The biggest groups keep their name; the rest (and any below ``small``) share OTHER."""
    sizes = Counter(assignment.values())
    ranked = sorted(sizes, key=lambda k: (-sizes[k], k))
    keep = {k for k in ranked[: MAX_GROUPS - 1] if sizes[k] >= small}
    if len(sizes) <= MAX_GROUPS and all(sizes[k] >= small for k in sizes):
        keep = set(sizes)
    return {node: (key if key in keep else OTHER) for node, key in assignment.items()}


def _named(group: Group, mode: str, labels: dict[str, str]) -> Group:
    """A community is named after its most connected member: "around China"."""
    if mode != "community" or group.key == OTHER:
        return group
    return Group(group.key, f"around {labels[group.members[0]]}", group.members, group.x, group.y, group.radius)


def _group_json(group: Group) -> dict[str, Any]:
    return {"label": group.label, "x": group.x, "y": group.y, "r": group.radius, "n": len(group.members)}
