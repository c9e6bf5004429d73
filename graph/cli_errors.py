"""How every ``kg`` command reports a library error: one line, exit code 1."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from graph.errors import KGError


@contextmanager
def reported() -> Iterator[None]:
    """Turn a KGError into ``error: <message>`` on stderr and exit code 1."""
    try:
        yield
    except KGError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from e
