"""issue 9: `kg query` survives queries that crash the engine, and never reaches the network."""

from __future__ import annotations

import random
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import QueryError
from graph.query import check_query_shape, run_query

ROOT = Path(__file__).parents[2]
SAMPLE = ROOT / "tests" / "data" / "views" / "sample.trig"
XSD = "http://www.w3.org/2001/XMLSchema#"


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    kg = shutil.which("kg", path=str(Path(sys.executable).parent))
    cmd = [kg] if kg else [sys.executable, "-m", "graph.cli"]
    return subprocess.run([*cmd, *args], capture_output=True, text=True, timeout=120, check=False)


def _mixed_dates(path: Path) -> Path:
    """Dates with and without time zones: Oxigraph 0.5.13 panics (abort) sorting them."""
    rng = random.Random(3)
    lines = []
    for i in range(4000):
        day = f"20{rng.randrange(10, 30)}-0{rng.randrange(1, 9)}-1{rng.randrange(0, 9)}"
        zone = ["", "Z", "+14:00", "-12:00"][rng.randrange(4)]
        kind = rng.choice(["date", "dateTime", "gYear", "string"])
        value = {"dateTime": f"{day}T10:00:00{zone}", "gYear": day[:4] + zone}.get(kind, day + zone)
        lines.append(f'<https://example.org/s{i}> <https://example.org/p> "{value}"^^<{XSD}{kind}> .')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_issue_9_nested_query_is_one_line_not_a_segfault() -> None:
    nested = "SELECT * WHERE " + "{" * 3000 + "?s ?p ?o" + "}" * 3000
    done = _kg("query", str(SAMPLE), "--sparql", nested)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert "nests 3000 levels" in done.stderr


def test_issue_9_engine_abort_is_one_line(tmp_path: Path) -> None:
    graph = _mixed_dates(tmp_path / "dates.nt")
    done = _kg("query", str(graph), "--sparql", "SELECT * WHERE {?s ?p ?o} ORDER BY ?o LIMIT 10")
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr[-500:]
    assert "crashed" in done.stderr and "SIGABRT" in done.stderr


@pytest.mark.parametrize(
    "query",
    [
        pytest.param('SELECT * { ?s ?p "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((" }',
                     id="brackets-in-a-string"),
        pytest.param("SELECT * { ?s ?p ?o } # {{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{",
                     id="brackets-in-a-comment"),
        pytest.param("SELECT ?service { ?service <https://example.org/SERVICE> ?o }", id="service-as-a-name"),
    ],
)
def test_issue_9_ordinary_queries_pass_the_shape_check(query: str) -> None:
    check_query_shape(query)


def test_issue_9_service_in_kg_query_sends_nothing() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        listener.settimeout(0.3)
        port = listener.getsockname()[1]
        with pytest.raises(QueryError, match="SERVICE to 127.0.0.1 is refused"):
            run_query(ox.Store(), f"SELECT * {{ SERVICE SILENT <http://127.0.0.1:{port}/q> {{ ?s ?p ?o }} }}")
        with pytest.raises(TimeoutError):
            listener.accept()


LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">
 <rdf:Description rdf:about="https://example.org/x"><ex:p>&e;</ex:p></rdf:Description>
</rdf:RDF>
"""


@pytest.mark.parametrize("suffix", [".rdf", ".xml"])
def test_issue_9_rdfxml_entity_expansion_is_refused(tmp_path: Path, suffix: str) -> None:
    bomb = tmp_path / f"laughs{suffix}"
    bomb.write_text(LAUGHS, encoding="utf-8")
    done = _kg("query", str(bomb), "--sparql", "SELECT (STRLEN(?o) AS ?n) { ?s ?p ?o }")
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr[-500:]
    assert "DOCTYPE or ENTITY declaration is refused" in done.stderr


def test_issue_9_rdfxml_without_a_dtd_is_still_read(tmp_path: Path) -> None:
    plain = tmp_path / "plain.rdf"
    plain.write_text(LAUGHS.split("<rdf:RDF", 1)[0].split("<!DOCTYPE")[0]
                     + "<rdf:RDF" + LAUGHS.split("<rdf:RDF", 1)[1].replace("&e;", "fine"), encoding="utf-8")
    assert run_query(plain, "SELECT ?o { ?s ?p ?o }").rows == (("fine",),)
