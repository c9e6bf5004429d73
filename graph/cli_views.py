"""The ``kg query``, ``kg render`` and ``kg export`` commands.

``graph.cli`` calls :func:`register`. Each command parses its arguments and
makes one library call; a :class:`~graph.errors.KGError` becomes one line on
stderr and exit code 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from graph.cli_errors import reported
from graph.errors import QueryError

GRAPH_HELP = "A graph file (.ttl, .nt, .nq, .trig, .jsonld) or a store directory."


def register(app: typer.Typer) -> None:
    """Add ``query``, ``render`` and ``export`` to the ``kg`` application."""
    app.command("query")(query)
    app.command("render")(render)
    app.command("export")(export)


def _params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"--param {pair!r}: write it as name=value")
        out[name.strip().lstrip("$?")] = value
    return out


def query(
    graph: Optional[Path] = typer.Argument(None, help=GRAPH_HELP, show_default=False),
    query_spec: Optional[str] = typer.Argument(
        None, metavar="[QUERY_FILE|NAME]", help="A .rq file or the name of a saved query.", show_default=False
    ),
    sparql: Optional[str] = typer.Option(None, "--sparql", help="The query text itself."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
    param: list[str] = typer.Option([], "--param", "-p", help="Set a saved query's $name: name=value (repeatable)."),
    list_: bool = typer.Option(False, "--list", help="List the saved queries and what each answers."),
) -> None:
    """Run SPARQL on GRAPH: a query file, a saved query by NAME, or --sparql TEXT."""
    from graph.query import format_result, list_saved_queries, resolve_query_text, run_query_isolated
    from graph.query_params import check_required_params

    with reported():
        if list_:
            _print_saved_queries(list_saved_queries())
            return
        if graph is None or (query_spec is None) == (sparql is None):
            raise QueryError("give GRAPH and exactly one of QUERY_FILE, NAME or --sparql TEXT (see --list)")
        text = sparql if sparql is not None else resolve_query_text(query_spec)
        params = _params(param)
        check_required_params(text, params, name=query_spec or "--sparql")
        result = run_query_isolated(graph, text, params=params)
        typer.echo(format_result(result, fmt))


def _print_saved_queries(saved_queries: list) -> None:
    """One entry per saved query; none at all means the install lacks its ontology folder."""
    if not saved_queries:
        from graph.paths import QUERIES

        raise QueryError(f"no saved queries in {QUERIES}; reinstall influence-kg (its ontology/queries is missing)")
    for saved in saved_queries:
        params = f"  [params: {', '.join(saved.params)}]" if saved.params else ""
        typer.echo(f"{saved.name}\n    {saved.description}{params}")


def render(
    graph: Path = typer.Argument(..., help=GRAPH_HELP),
    output: Path = typer.Option(..., "--output", "-o", help="The .html file to write."),
    view: str = typer.Option("edges", help="edges: facts as labelled edges; facts: a small node per fact."),
    fact_type: list[str] = typer.Option([], "--type", help="Keep only this fact type (repeatable): investment, agreement, event."),
    country: list[str] = typer.Option([], "--country", help="Keep facts touching this country (label; repeatable)."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Keep facts dated on/after: YYYY[-MM[-DD]]."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Keep facts dated on/before: YYYY[-MM[-DD]]."),
    max_nodes: Optional[int] = typer.Option(None, "--max-nodes", help="Keep only the N most connected actors."),
    title: Optional[str] = typer.Option(None, help="Heading of the page."),
    cluster_above: int = typer.Option(500, "--cluster-above", help="Open pages of more than N nodes clustered, without physics (0: never)."),
    cluster_by: str = typer.Option("country", "--cluster-by", help="What a clustered page groups by first: country, community or none."),
) -> None:
    """Write an interactive network of GRAPH that works offline."""
    from graph.render import render_html

    with reported():
        stats = render_html(
            graph, output, view=view, fact_types=fact_type or None, countries=country or None,  # type: ignore[arg-type]
            date_from=date_from, date_to=date_to, max_nodes=max_nodes, title=title,
            cluster_above=cluster_above, cluster_by=cluster_by,  # type: ignore[arg-type]
        )  # fmt: skip
    dropped = f", {stats.dropped_actors} actors left out" if stats.dropped_actors else ""
    grouped = f", opens in {stats.clusters} clusters by {cluster_by}" if stats.clusters else ""
    typer.echo(f"wrote {stats.output}: {stats.actors} actors, {stats.facts} facts, {stats.edges} edges{dropped}{grouped}")


def export(
    graph: Path = typer.Argument(..., help=GRAPH_HELP),
    output: Path = typer.Option(..., "--output", "-o", help="File to write (csv: <stem>.nodes.csv and <stem>.edges.csv)."),
    fmt: str = typer.Option("graphml", "--format", "-f", help="graphml, gexf (Gephi) or csv (pandas)."),
) -> None:
    """Export the actor network of GRAPH for Gephi or pandas."""
    from graph.analysis import export as export_graph

    with reported():
        written = export_graph(graph, output, fmt=fmt)  # type: ignore[arg-type]
    typer.echo("wrote " + ", ".join(str(p) for p in written))
