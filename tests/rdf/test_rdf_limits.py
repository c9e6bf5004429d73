"""Issue 9: a graph file too big to read into memory is a one-line error, not an out-of-memory.

Every command that reads a graph file into memory (query, validate, render,
evaluate, export, serve) checks its size first: over the cap (512 MB, or
``KG_MAX_GRAPH_FILE_MB``) it names the file, its size, the limit and how to
raise it. The 600 MB file here is sparse: it takes no disk and is never read.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.errors import GraphFormatError
from graph.rdf.io import DEFAULT_MAX_FILE_MB, MAX_FILE_MB_ENV, MB, check_rdf_file, max_graph_file_bytes

runner = CliRunner()
SMALL = ('<https://w3id.org/influence-kg/id/actor/orvane> '
         '<http://www.w3.org/2000/01/rdf-schema#label> "Orvane Capital" .\n')


@pytest.fixture()
def huge(tmp_path: Path) -> Path:
    """A 600 MB N-Triples file that is all hole (nothing on disk)."""
    path = tmp_path / "huge.nt"
    with open(path, "wb") as f:
        f.truncate(600 * MB)
    return path


def _commands(graph: Path, tmp: Path) -> dict[str, list[str]]:
    gold = tmp / "gold.json"
    gold.write_text("[]", encoding="utf-8")
    return {
        "query": ["query", str(graph), "--sparql", "ASK {}"],
        "validate": ["validate", str(graph)],
        "render": ["render", str(graph), "--output", str(tmp / "page.html")],
        "evaluate": ["evaluate", str(graph), "--gold", str(gold)],
        "export": ["export", str(graph), "--output", str(tmp / "net.graphml")],
    }


@pytest.mark.parametrize("command", ["query", "validate", "render", "evaluate", "export"])
def test_a_file_over_the_cap_is_a_one_line_error(huge: Path, tmp_path: Path, command: str,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MAX_FILE_MB_ENV, raising=False)
    result = runner.invoke(app, _commands(huge, tmp_path)[command])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error: {huge}: 600.0 MB is over the 512.0 MB limit")
    assert MAX_FILE_MB_ENV in errors[0]


@pytest.mark.parametrize(("limit", "allowed"), [("0.0001", False), ("1", True)], ids=["lowered", "raised"])
def test_the_environment_variable_sets_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               limit: str, allowed: bool) -> None:
    graph = tmp_path / "small.nt"
    graph.write_text(SMALL * 10, encoding="utf-8")  # about 1,100 bytes: over 100 bytes, under 1 MB
    monkeypatch.setenv(MAX_FILE_MB_ENV, limit)
    result = runner.invoke(app, ["query", str(graph), "--sparql", "SELECT ?l { ?a ?p ?l }"])
    assert (result.exit_code == 0) is allowed, result.output
    assert ("Orvane Capital" in result.stdout) is allowed
    assert ("over the 100 bytes limit" in result.stderr) is not allowed


@pytest.mark.parametrize("value", ["abc", "0", "-5", "nan"], ids=["not-a-number", "zero", "negative", "nan"])
def test_a_bad_cap_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    graph = tmp_path / "small.nt"
    graph.write_text(SMALL, encoding="utf-8")
    monkeypatch.setenv(MAX_FILE_MB_ENV, value)
    with pytest.raises(GraphFormatError, match=MAX_FILE_MB_ENV):
        check_rdf_file(graph)


def test_the_default_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MAX_FILE_MB_ENV, raising=False)
    assert max_graph_file_bytes() == DEFAULT_MAX_FILE_MB * MB == 512_000_000


def test_a_fifo_is_refused_not_read_forever(tmp_path: Path) -> None:
    """Nothing ever writes to the fifo: a reader would block (or, fed, never end)."""
    fifo = tmp_path / "pipe.ttl"
    os.mkfifo(fifo)
    kg = [sys.executable, "-c", "from graph.cli import app; app()"]
    done = subprocess.run([*kg, "query", str(fifo), "--sparql", "ASK {}"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip() == f"error: {fifo}: not a regular file; give a graph file or a store directory"
