"""Facts → the vis-network data of the page (nodes, edges, tooltips, legend).

Everything here is data: strings from documents stay plain strings and are
only ever put into the page as JSON and shown with ``textContent``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from graph.render.facts import ActorView, FactSet, FactView, date_bounds

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
CURRENCY_SYMBOL = {"EUR": "€", "USD": "US$", "GBP": "£", "CNY": "CN¥", "JPY": "¥", "RUB": "₽"}


@dataclass(frozen=True, slots=True)
class PageData:
    """What the template needs; ``dropped`` counts actors cut by ``max_nodes``."""

    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: list[dict[str, str]]
    countries: list[str]
    dropped: int

    def as_json(self, *, title: str, view: str) -> dict[str, Any]:
        big = len(self.nodes) > 500
        note = f"{self.dropped} least connected actors left out (max_nodes)" if self.dropped else ""
        return {
            "title": title,
            "view": view,
            "nodes": self.nodes,
            "edges": self.edges,
            "legend": self.legend,
            "countries": self.countries,
            "factTypes": list(FACT_COLOR),
            "note": note,
            "big": big,
            "iterations": stabilisation_iterations(len(self.nodes)),
        }


def stabilisation_iterations(nodes: int) -> int:
    """Physics steps before the page turns physics off: fewer on big graphs.

    A step costs roughly linear time in nodes + edges, so the budget shrinks
    with size to keep time-to-interactive bounded (see bench/render_big.py).
    """
    if nodes <= 500:
        return 400
    return max(25, min(120, 100_000 // nodes))


def money_text(amount: Decimal | None, currency: str | None) -> str:
    """A short amount for an edge label: 42000000 EUR → "€42M"."""
    if amount is None:
        return ""
    symbol = CURRENCY_SYMBOL.get(currency or "", f"{currency} " if currency else "")
    for scale, suffix in ((Decimal(10) ** 12, "T"), (Decimal(10) ** 9, "B"), (Decimal(10) ** 6, "M"), (Decimal(1000), "K")):
        if abs(amount) >= scale:
            short = f"{amount / scale:.1f}".removesuffix(".0")
            return f"{symbol}{short}{suffix}"
    return f"{symbol}{amount.normalize():f}"


def humanise(kind: str) -> str:
    """"StateVisit" → "state visit"."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", kind).lower()


def fact_caption(fact: FactView) -> str:
    """What an edge or fact node says at a glance: "invested €42M (2016)"."""
    when = f" ({fact.date})" if fact.date else ""
    if fact.fact_type == "investment":
        money = money_text(fact.amount, fact.currency)
        if fact.stake is not None:
            stake = f"{fact.stake * 100:.0f}%"
            return f"bought {stake}" + (f" for {money}" if money else "") + when
        return "invested" + (f" {money}" if money else "") + when
    if fact.fact_type == "agreement":
        return "agreement" + when
    return humanise(fact.kind or "event") + when


def build_page(facts: FactSet, *, view: View, max_nodes: int | None) -> PageData:
    """Nodes sized by degree, and edges or fact nodes, for the facts kept."""
    degree = _degree(facts)
    keep = _keep_actors(degree, max_nodes)
    kept_facts = [f for f in facts.facts if all(a in keep for a in f.actors())]
    build = _edges_view if view == "edges" else _facts_view
    extra_nodes, edges = build(facts, kept_facts)
    used = {e["from"] for e in edges} | {e["to"] for e in edges}
    actors = [facts.actors[i] for i in sorted(keep & used) if i in facts.actors]
    nodes = [_actor_node(a, degree[a.iri]) for a in actors] + extra_nodes
    return PageData(
        nodes=nodes,
        edges=edges,
        legend=_legend(actors, kept_facts),
        countries=sorted({c for f in kept_facts for c in facts.countries_of(f)}),
        dropped=len(degree) - len(keep),
    )


def _degree(facts: FactSet) -> Counter[str]:
    """How many facts each actor takes part in (only actors known to the graph)."""
    return Counter(a for f in facts.facts for a in f.actors() if a in facts.actors)


def _keep_actors(degree: Counter[str], max_nodes: int | None) -> set[str]:
    ranked = sorted(degree, key=lambda a: (-degree[a], a))
    return set(ranked if max_nodes is None else ranked[:max_nodes])


def _actor_node(actor: ActorView, degree: int) -> dict[str, Any]:
    color, shape = CLASS_STYLE.get(actor.kind, CLASS_STYLE["Actor"])
    rows = [["class", actor.kind], ["facts", str(degree)]]
    if actor.country:
        rows.insert(1, ["country", actor.country])
    if actor.aliases:
        rows.append(["also", ", ".join(actor.aliases)])
    return {
        "id": actor.iri,
        "label": actor.label,
        "group": actor.kind,
        "shape": shape,
        "color": color,
        "value": degree,
        "tip": {"h": actor.label, "rows": rows, "ev": []},
    }


def _fact_filter_fields(facts: FactSet, fact: FactView) -> dict[str, Any]:
    low, high = date_bounds(fact.date) if fact.date else ("", "")
    return {"ft": fact.fact_type, "cs": sorted(facts.countries_of(fact)), "d0": low, "d1": high}


def _fact_tip(facts: FactSet, fact: FactView) -> dict[str, Any]:
    rows = [[role, facts.actors[a].label if a in facts.actors else a] for role, a in fact.roles]
    if fact.amount is not None:
        rows.append(["amount", f"{fact.amount.normalize():f} {fact.currency or ''}".strip()])
    if fact.stake is not None:
        rows.append(["stake", f"{fact.stake * 100:.0f}%"])
    if fact.date:
        rows.append(["date", fact.date])
    return {"h": fact.label, "rows": rows, "ev": [[e.text, e.file_name or ""] for e in fact.evidence]}


def _edges_view(facts: FactSet, kept: list[FactView]) -> tuple[list, list]:
    """An edge per investment (investor → target) and per two-actor fact.

    A fact with three or more actors becomes a small hub node with a spoke to
    each: a clique of n(n-1)/2 edges would bury the rest of the network.
    """
    nodes, edges = [], []
    for fact in kept:
        style = {
            "color": FACT_COLOR[fact.fact_type],
            "dashes": FACT_DASHES[fact.fact_type],
            "tip": _fact_tip(facts, fact),
            **_fact_filter_fields(facts, fact),
        }
        actors = [a for a in fact.actors() if a in facts.actors]
        if fact.fact_type != "investment" and len(actors) > 2:
            nodes.append(_fact_node(facts, fact))
            pairs = [(a, fact.iri) for a in actors]
            style["arrows"] = ""
        else:
            pairs = fact_pairs(fact)
            style["label"] = fact_caption(fact)
            style["arrows"] = "to" if fact.fact_type == "investment" else ""
        for n, (a, b) in enumerate(pairs):
            edges.append({"id": f"{fact.iri}#{n}", "from": a, "to": b, "fact": fact.iri, **style})
    return nodes, edges


def _fact_node(facts: FactSet, fact: FactView) -> dict[str, Any]:
    return {
        "id": fact.iri, "label": fact_caption(fact), "group": fact.fact_type,
        "shape": "box", "color": FACT_COLOR[fact.fact_type], "font": {"size": 10},
        "isFact": True, "tip": _fact_tip(facts, fact), **_fact_filter_fields(facts, fact),
    }  # fmt: skip


def fact_pairs(fact: FactView) -> list[tuple[str, str]]:
    """Actor pairs a fact links: investor → target, else every pair of actors."""
    if fact.fact_type == "investment":
        inv = [a for r, a in fact.roles if r == "investor"]
        tgt = [a for r, a in fact.roles if r == "target"]
        return [(i, t) for i in inv for t in tgt if i != t]
    people = fact.actors()
    return [(a, b) for i, a in enumerate(people) for b in people[i + 1 :]]


def _facts_view(facts: FactSet, kept: list[FactView]) -> tuple[list, list]:
    """A small node per fact, linked to each actor by its role."""
    nodes, edges = [], []
    for fact in kept:
        fields = _fact_filter_fields(facts, fact)
        tip = _fact_tip(facts, fact)
        nodes.append(_fact_node(facts, fact))
        for n, (role, actor) in enumerate(fact.roles):
            if actor not in facts.actors:
                continue
            a, b = (actor, fact.iri) if role == "investor" else (fact.iri, actor)
            edges.append({
                "id": f"{fact.iri}#{n}", "from": a, "to": b, "fact": fact.iri, "label": role,
                "color": FACT_COLOR[fact.fact_type], "arrows": "to", "tip": tip, **fields,
            })  # fmt: skip
    return nodes, edges


def _legend(actors: list[ActorView], kept: list[FactView]) -> list[dict[str, str]]:
    kinds = [k for k in CLASS_STYLE if any(a.kind == k for a in actors)]
    types = [t for t in FACT_COLOR if any(f.fact_type == t for f in kept)]
    return [
        {"label": humanise(k), "color": CLASS_STYLE[k][0], "shape": CLASS_STYLE[k][1]} for k in kinds
    ] + [{"label": t, "color": FACT_COLOR[t], "shape": "line"} for t in types]
