"""The ``kg`` command line: parse arguments, call one library function, report.

Errors of the library (``graph.errors.KGError``) become one line on stderr and
exit code 1; nothing here does work a notebook could not do by calling the
same functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from graph.cli_errors import reported

app = typer.Typer(
    name="kg",
    help="Build, check, query and show a sourced knowledge graph of actors, investments, agreements and events.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def warn(message: object) -> None:
    typer.echo(f"warning: {message}", err=True)


@app.command()
def build(
    paths: list[Path] = typer.Argument(None, help="Files or folders of articles (default: the sample corpus)."),
    output: Path = typer.Option(Path("out/graph.ttl"), "--output", "-o", help="Graph file: .ttl .nt .nq .trig .jsonld"),
    store: Optional[Path] = typer.Option(None, help="Build into an on-disk Oxigraph store (incremental)."),
    endpoint: Optional[str] = typer.Option(None, help="Also load the graph into this SPARQL 1.1 store (Graph Store Protocol URL)."),
    push_all: bool = typer.Option(
        False, "--push-all", help="With --store: push every graph to --endpoint, not only those changed since the last push."
    ),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes for extraction."),
    dask: Optional[str] = typer.Option(None, help="Extract on a Dask cluster: scheduler address, e.g. tcp://host:8786."),
    batch_size: int = typer.Option(16, help="Documents per parsing batch (bounds memory)."),
    progress: bool = typer.Option(True, help="Show a progress bar."),
) -> None:
    """Read articles and write the graph, then print a summary."""
    with reported():
        if store is not None:
            _build_store(paths or [], store, jobs=jobs, dask=dask, batch_size=batch_size, progress=progress)
            if endpoint is not None:
                _push_store(store, endpoint, everything=push_all)
            return
        from graph.pipeline import build as run_build
        from graph.rdf.io import graph_format, write_graph

        graph_format(output)  # a wrong extension fails before the build, not after it

        result = run_build(paths or [], jobs=jobs, dask_address=dask, batch_size=batch_size, on_error=warn, progress=progress)
        write_graph(result.dataset, output)
        if endpoint is not None:
            from time import perf_counter

            from graph.remote import push_dataset

            start = perf_counter()
            written = push_dataset(result.dataset, endpoint)
            typer.echo(f"{written} graphs loaded into {endpoint} in {perf_counter() - start:.2f} s")
        r = result.report
        typer.echo(
            f"{r.read} documents read, {len(r.skipped)} skipped; {r.actors} actors, {r.investments} investments, "
            f"{r.agreements} agreements, {r.events} events; {r.triples} triples → {output}"
        )


def _build_store(paths: list[Path], store: Path, *, jobs: int, dask: str | None, batch_size: int, progress: bool) -> None:
    from graph.pipeline import SAMPLE_CORPUS
    from graph.store import build_into_store

    report = build_into_store(
        paths or [SAMPLE_CORPUS], store, jobs=jobs, dask_address=dask, batch_size=batch_size, on_error=warn, progress=progress
    )
    typer.echo(
        f"{report.read} documents read: {report.extracted} extracted, {report.unchanged} unchanged, "
        f"{report.removed} removed → {store}"
    )


def _push_store(store: Path, endpoint: str, *, everything: bool) -> None:
    from graph.remote_sync import push_store

    r = push_store(store, endpoint, everything=everything)
    typer.echo(f"{r.pushed} graphs loaded into {endpoint} ({r.triples} triples), {r.dropped} dropped, "
               f"{r.unchanged} unchanged, in {r.seconds:.2f} s")


@app.command()
def validate(
    graph: Path = typer.Argument(..., help="Graph file or store directory."),
    shapes: Optional[Path] = typer.Option(None, help="SHACL shapes (default: ontology/shapes.ttl)."),
) -> None:
    """Check a graph against the SHACL shapes of the ontology."""
    with reported():
        from graph.validate import validate as run_validate

        report = run_validate(graph, **({"shapes": shapes} if shapes else {}))
        if not report.conforms:
            typer.echo(report.text)
            typer.echo(f"error: {graph}: {report.violations} SHACL violations", err=True)
            raise typer.Exit(1)
        typer.echo(f"{graph}: conforms")


@app.command()
def evaluate(
    graph: Path = typer.Argument(..., help="Graph file or store directory."),
    gold: Path = typer.Option(..., help="Gold facts (JSON, see tests/data/GOLD_FORMAT.md)."),
    strict: bool = typer.Option(False, help="Also match one-to-one and check investment years and statuses."),
    explain: bool = typer.Option(False, help="Then list, per document, each missed gold fact and unmatched prediction with its sentence."),
    doc: list[str] = typer.Option(None, "--doc", help="Score only this document (file name); repeat for several."),
    all_factuality: bool = typer.Option(
        False, "--all-factuality", help="Also count facts the text states as possible or denied (by default only asserted and planned ones)."
    ),
) -> None:
    """Print precision, recall and F1 per fact type against a gold file (the gold format's matching rules)."""
    with reported():
        from graph.evaluate import assess
        from graph.evaluate_report import format_explanation, format_scores

        result = assess(graph, gold, strict=strict, docs=set(doc) if doc else None, all_factuality=all_factuality)
        typer.echo(format_scores(result.scores))
        if explain:
            typer.echo("\n" + format_explanation(result.documents))


def _register_extensions() -> None:
    from graph import cli_store, cli_views

    cli_store.register(app)
    cli_views.register(app)


_register_extensions()
