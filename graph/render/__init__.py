"""The interactive network: one self-contained HTML file that works offline.

``render_html`` reads the graph, keeps the facts that pass the filters and
writes a page with vis-network inlined (see :mod:`graph.render.html`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from graph.errors import RenderError
from graph.render.cluster import CLUSTER_MODES, ClusterMode
from graph.render.facts import FactSet, load_facts
from graph.render.html import page_html
from graph.render.page import VIEWS, View, build_page

__all__ = ["CLUSTER_ABOVE", "CLUSTER_MODES", "RenderStats", "render_html", "VIEWS"]

CLUSTER_ABOVE = 500  # nodes: above this a page opens clustered, without physics (bench/render_big.py)


@dataclass(frozen=True, slots=True)
class RenderStats:
    """What the page holds: counts shown, actors left out, file size."""

    output: Path
    nodes: int
    edges: int
    facts: int
    actors: int
    dropped_actors: int
    html_bytes: int
    clusters: int = 0


def render_html(
    source: ox.Store | str | Path | FactSet,
    output: str | Path,
    *,
    view: View = "edges",
    fact_types: Iterable[str] | None = None,
    countries: Iterable[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    max_nodes: int | None = None,
    title: str | None = None,
    cluster_above: int | None = CLUSTER_ABOVE,
    cluster_by: ClusterMode = "country",
) -> RenderStats:
    """Write the network of ``source`` to ``output`` (an .html file).

    ``view="edges"`` draws each fact as a labelled edge ("invested €42M (2016)");
    ``view="facts"`` draws a small node per fact linked to its actors by role.
    Filters keep facts of the given types, touching the given countries, and
    dated within [date_from, date_to] (undated facts drop out of a date range).
    ``max_nodes`` keeps the most connected actors only, for very large graphs.
    A page of more than ``cluster_above`` nodes (None or 0: never) opens with
    its actors clustered by ``cluster_by`` (country, community or none), each
    cluster opened on click, and is drawn without physics.
    """
    _check_options(view=view, max_nodes=max_nodes, cluster_by=cluster_by, cluster_above=cluster_above)
    facts = source if isinstance(source, FactSet) else load_facts(source)
    kept = facts.filtered(
        fact_types=fact_types, countries=countries, date_from=date_from, date_to=date_to
    )
    page = build_page(kept, view=view, max_nodes=max_nodes, cluster_above=cluster_above, cluster_by=cluster_by)
    heading = title or "influence-kg network"
    text = page_html(page.as_json(title=heading, view=view), title=heading)
    path = _write_page(Path(output), text)
    fact_nodes = sum(1 for n in page.nodes if n.get("isFact"))
    return RenderStats(
        output=path,
        nodes=len(page.nodes),
        edges=len(page.edges),
        facts=len(page.facts),
        actors=len(page.nodes) - fact_nodes,
        dropped_actors=page.dropped,
        html_bytes=len(text.encode("utf-8")),
        clusters=len(page.clusters["groups"][cluster_by]) if page.clusters and cluster_by != "none" else 0,
    )


def _check_options(*, view: str, max_nodes: int | None, cluster_by: str, cluster_above: int | None) -> None:
    """One line naming the bad option, before any work is done."""
    if view not in VIEWS:
        raise RenderError(f"unknown view {view!r}; use one of {', '.join(VIEWS)}")
    if max_nodes is not None and max_nodes < 1:
        raise RenderError("max_nodes must be at least 1")
    if cluster_by not in CLUSTER_MODES:
        raise RenderError(f"unknown cluster mode {cluster_by!r}; use one of {', '.join(CLUSTER_MODES)}")
    if cluster_above is not None and cluster_above < 0:
        raise RenderError("cluster_above must be 0 (never cluster) or more")


def _write_page(path: Path, text: str) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise RenderError(f"{path}: cannot write the page ({e.strerror}); pick another --output") from e
    return path
