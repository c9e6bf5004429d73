"""The ``kg serve`` command; ``graph.cli`` calls :func:`register` to add it."""

from __future__ import annotations

from pathlib import Path

import typer

from graph.errors import KGError


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``kg`` application."""
    app.command("serve")(serve)


def serve(
    source: Path = typer.Argument(..., help="A graph file (.ttl, .nq, .trig, ...) or a store directory."),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on (0.0.0.0 exposes it to the network)."),
    port: int = typer.Option(8000, help="TCP port (0 picks a free one)."),
    timeout: float = typer.Option(10.0, help="Time limit per query, in seconds (the query's worker is killed past it)."),
    max_rows: int = typer.Option(10_000, help="Largest result (rows or triples) a query may return."),
    workers: int = typer.Option(4, help="Queries evaluated at the same time (one process each)."),
    memory_mb: int = typer.Option(1024, "--memory-mb", help="Memory a query worker may grow by, in MB."),
    max_connections: int = typer.Option(256, "--max-connections", help="Open connections at once (more get 503)."),
    allow_service: list[str] = typer.Option([], "--allow-service", help="Host a SERVICE clause may query (repeatable); none by default."),
    cors: list[str] = typer.Option([], "--cors", "--cors-origin", help="Origin allowed to read answers from a browser (repeatable); none by default."),
    documents: Path = typer.Option(None, "--documents", help="The folder GRAPH was built from: the explorer's evidence then links to /document/<id>, the text with the sentence highlighted (files are matched by content hash)."),
    verbose: bool = typer.Option(False, help="Log every request."),
) -> None:
    """Serve GRAPH read-only over the SPARQL 1.1 Protocol, with a query page."""
    from graph.serve import ServeLimits, ServeOptions, make_server

    try:
        limits = ServeLimits(timeout=timeout, max_rows=max_rows, workers=workers, memory_mb=memory_mb,
                             max_connections=max_connections)
        options = ServeOptions(allow_service=frozenset(h.lower() for h in allow_service),
                               cors_origins=tuple(cors), verbose=verbose, documents=documents)
        server = make_server(source, host=host, port=port, limits=limits, options=options)
    except KGError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from e
    typer.echo(f"SPARQL endpoint at {server.url}/sparql, query page at {server.url}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    finally:
        server.server_close()
        typer.echo("stopped")
