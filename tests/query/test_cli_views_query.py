"""kg query / kg render through Typer: arguments in, one library call, one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from graph.cli_views import register

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "tests" / "data" / "views" / "sample.trig"


@pytest.fixture(scope="module")
def invoke():
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def test_list_shows_every_saved_query_with_its_question(invoke) -> None:
    result = invoke("query", "--list")
    assert result.exit_code == 0
    for name in ("contested", "actor_profile", "timeline", "evidence", "most_connected", "investments_by_country"):
        assert f"{name}\n    " in result.stdout
    assert "[params: actor]" in result.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["contested", "--format", "csv"], "China,Serbia,18000000000,EUR,10000000000,USD"),
        (["actor_profile", "--param", "actor=Vucic", "-f", "json"], '"role": "participant"'),
        ([str(ROOT / "ontology" / "queries" / "timeline.rq")], "StateVisit"),
        (["--sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?d a ikg:Document }"], "2"),
    ],
    ids=["saved-name-csv", "param-json", "query-file", "inline-sparql"],
)
def test_query_forms(invoke, args: list[str], expected: str) -> None:
    result = invoke("query", SAMPLE, *args)
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


def test_json_is_parseable(invoke) -> None:
    rows = json.loads(invoke("query", SAMPLE, "most_connected", "-f", "json").stdout)
    assert rows[0] == {"actor": "Serbia", "class": "Country", "facts": 7, "partners": 5,
                       "iri": "https://w3id.org/influence-kg/id/actor/serbia"}  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", SAMPLE, "--sparql", "SELECT ?x WHERE { ?x ?y }"], "line 1, column 26"),
        (["query", SAMPLE, "no_such_query"], "kg query --list"),
        (["query", SAMPLE], "exactly one of"),
        (["query", SAMPLE, "contested", "--param", "oops"], "name=value"),
        (["query", SAMPLE, "contested", "-f", "xml"], "table, csv, json"),
        (["query", ROOT / "missing.trig", "contested"], "no such graph file"),
        (["render", SAMPLE, "-o", "/tmp/x.html", "--view", "tree"], "unknown view"),
        (["render", SAMPLE, "-o", "/tmp/x.html", "--from", "last May"], "YYYY"),
    ],
    ids=["malformed", "unknown-name", "no-query", "bad-param", "bad-format", "missing-graph", "bad-view", "bad-date"],
)
def test_errors_are_one_line_and_exit_1(invoke, args: list, message: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_render_command(invoke, tmp_path: Path) -> None:
    out = tmp_path / "net.html"
    result = invoke("render", SAMPLE, "--output", out, "--type", "investment", "--country", "Serbia")
    assert result.exit_code == 0, result.output
    # two China → Serbia investments share one edge (issue 10: parallel edges aggregated)
    assert result.stdout.strip() == f"wrote {out}: 8 actors, 6 facts, 5 edges"
    assert out.stat().st_size > 400_000  # vis-network is inlined


@pytest.mark.skipif(not (ROOT / "graph" / "cli.py").exists(), reason="graph/cli.py (the lead's kg app) not there yet")
def test_real_kg_entry_point() -> None:
    kg = shutil.which("kg", path=str(Path(sys.executable).parent))
    cmd = [kg] if kg else [sys.executable, "-m", "graph.cli"]
    done = subprocess.run([*cmd, "query", str(SAMPLE), "contested", "-f", "csv"],
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "China,Serbia" in done.stdout
    bad = subprocess.run([*cmd, "query", str(SAMPLE), "--sparql", "SELEC"],
                         capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "line 1" in bad.stderr
