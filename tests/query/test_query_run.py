"""graph.query: running SPARQL on Oxigraph, parameters, errors and formats."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path

import pytest

from graph.errors import QueryError
from graph.query import bind_params, format_result, run_query
from graph.store import open_store

SAMPLE = Path(__file__).parents[1] / "data" / "views" / "sample.trig"


@pytest.fixture(scope="module")
def store():
    return open_store(SAMPLE)


def test_select_gives_python_values(store) -> None:
    result = run_query(
        store,
        "SELECT ?v ?d WHERE { ?f ikg:amount/schema:value ?v ; ikg:date ?d ; ikg:stake ?s }",
    )
    assert result.kind == "select"
    assert result.columns == ("v", "d")
    assert result.rows == ((Decimal("1000000000"), "2018"),)


def test_dates_and_union_of_named_graphs(store) -> None:
    # The label lives in the actors graph, the fact in a document graph: the
    # default graph is their union.
    result = run_query(
        store, "SELECT ?d WHERE { ?f ikg:party ?a . ?a rdfs:label 'China' . ?f ikg:date ?d }"
    )
    assert result.rows == ((dt.date(2024, 5, 8),),)


def test_path_is_opened_for_the_caller() -> None:
    assert run_query(SAMPLE, "ASK { ?s a ikg:Agreement }").boolean is True


def test_construct_gives_triples(store) -> None:
    result = run_query(store, "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a ikg:Country ; rdfs:label ?l }")
    assert result.kind == "graph"
    assert sorted(r[2] for r in result.rows) == ["China", "France", "Serbia"]


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("SELECT ?x WHERE { ?x ?y }", "line 1, column 26"),
        ("SELECT ?x\nWHERE { ?x a ikg:Company", "line 2, column"),
        ("SELEC ?x", "line 1, column"),
        ("SELECT ?x WHERE {\n  ?x a nope:Thing }", "line 2, column"),
    ],
    ids=["missing-object", "unclosed-brace", "misspelt-keyword", "undeclared-prefix"],
)
def test_malformed_query_gives_position_not_traceback(store, text: str, position: str) -> None:
    with pytest.raises(QueryError) as info:
        run_query(store, text)
    message = str(info.value)
    assert message.startswith("malformed SPARQL: ")
    assert position in message
    assert "\n" not in message and len(message) < 300


def test_undeclared_prefix_says_what_to_do(store) -> None:
    with pytest.raises(QueryError, match="undeclared prefix"):
        run_query(store, "SELECT ?x WHERE { ?x a nope:Thing }")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("HeSteel Group", '"HeSteel Group"'),
        ('x" } ; DROP ALL ; #', '"x\\" } ; DROP ALL ; #"'),
        ("https://w3id.org/influence-kg/id/actor/china", "<https://w3id.org/influence-kg/id/actor/china>"),
    ],
    ids=["label", "quote-injection", "iri"],
)
def test_params_are_serialised_terms(value: str, expected: str) -> None:
    assert bind_params("SELECT * WHERE { ?a rdfs:label $name }", {"name": value}).endswith(
        f"rdfs:label {expected} }}"
    )


def test_hostile_param_stays_a_literal(store) -> None:
    result = run_query(store, "SELECT ?a WHERE { ?a rdfs:label $name }", params={"name": 'x" } #'})
    assert result.rows == ()


def test_unknown_param_is_refused(store) -> None:
    with pytest.raises(QueryError, match="unknown parameter"):
        run_query(store, "SELECT ?a WHERE { ?a rdfs:label $name }", params={"nme": "x"})


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("csv", lambda out: out.splitlines()[0] == "label,amount" and "China,18000000000" in out),
        ("json", lambda out: {"label": "China", "amount": 18000000000} in json.loads(out)),
        ("table", lambda out: out.splitlines()[0].split() == ["label", "amount"] and "(2 rows)" in out),
    ],
    ids=["csv", "json", "table"],
)
def test_formats(store, fmt: str, check) -> None:
    result = run_query(
        store,
        "SELECT ?label ?amount WHERE { ?f ikg:investor ?i ; ikg:amount/schema:value ?amount . "
        "?i a ikg:Country ; rdfs:label ?label } ORDER BY ?amount",
    )
    assert check(format_result(result, fmt))


def test_ask_format() -> None:
    result = run_query(SAMPLE, "ASK { ?s a ikg:Bogus }")
    assert format_result(result, "table") == "false"
    assert json.loads(format_result(result, "json")) == {"boolean": False}


def test_unknown_format_is_refused(store) -> None:
    with pytest.raises(QueryError, match="table, csv, json"):
        format_result(run_query(store, "ASK {}"), "xml")
