"""The SPARQL 1.1 Protocol as a real client (SPARQLWrapper) sees it."""

from __future__ import annotations

import csv
import io
import json
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator

import pyoxigraph as ox

import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, N3, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graph.serve import ServeLimits, SparqlServer, make_server

LABELS = "SELECT ?label WHERE { ?a a ikg:Company ; rdfs:label ?label } ORDER BY ?label"


def _client(server: SparqlServer, method: str = "GET") -> SPARQLWrapper:
    client = SPARQLWrapper(f"{server.url}/sparql")
    client.setMethod(method)
    client.setTimeout(10)
    return client


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_json_over_get_and_post(server: SparqlServer, method: str) -> None:
    client = _client(server, method)
    client.setQuery(LABELS)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [r["label"]["value"] for r in rows] == ["Serbia Zijin Copper", "Zijin Mining"]


@pytest.mark.parametrize(
    ("fmt", "media", "marker"),
    [
        pytest.param(XML, "sparql-results+xml", b"<literal>Zijin Mining</literal>", id="xml"),
        pytest.param(CSV, "text/csv", b"label\r\nSerbia Zijin Copper\r\nZijin Mining", id="csv"),
        pytest.param(TSV, "tab-separated-values", b'?label\n"Serbia Zijin Copper"', id="tsv"),
    ],
)
def test_select_result_formats(server: SparqlServer, fmt: str, media: str, marker: bytes) -> None:
    client = _client(server)
    client.setQuery(LABELS)
    client.setReturnFormat(fmt)
    response = client.query()
    assert media in response.info()["content-type"]
    assert marker in response.response.read()


def test_ask(server: SparqlServer) -> None:
    client = _client(server)
    client.setQuery("ASK { ?a ikg:party <https://w3id.org/influence-kg/id/actor/china> }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True


@pytest.mark.parametrize(
    ("fmt", "media"),
    [pytest.param(TURTLE, "text/turtle", id="turtle"), pytest.param(N3, "text/turtle", id="n3-as-turtle")],
)
def test_construct_returns_turtle(server: SparqlServer, fmt: str, media: str) -> None:
    client = _client(server)
    client.setQuery("CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a ikg:Country ; rdfs:label ?l }")
    client.setReturnFormat(fmt)
    response = client.query()
    assert media in response.info()["content-type"]
    graph = rdflib.Graph().parse(data=response.response.read(), format="turtle")
    assert {str(o) for o in graph.objects()} == {"Serbia", "China"}


def test_construct_as_ntriples(server: SparqlServer) -> None:
    query = "CONSTRUCT WHERE { ?a a ikg:Country }"
    request = urllib.request.Request(f"{server.url}/sparql?query={urllib.request.quote(query)}",
                                     headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=10) as response:
        lines = response.read().decode().splitlines()
    assert len(lines) == 2 and all(line.endswith(" .") for line in lines)


def test_dataset_parameters_restrict_the_default_graph(server: SparqlServer) -> None:
    client = _client(server)
    client.addDefaultGraph("https://w3id.org/influence-kg/id/document/d2")
    client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?a a ikg:Company }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["results"]["bindings"][0]["n"]["value"] == "0"


def test_malformed_query_is_a_400_with_the_position(server: SparqlServer) -> None:
    client = _client(server)
    client.setQuery("SELECT ?x WHERE { ?x ?p }")
    with pytest.raises(QueryBadFormed, match="malformed SPARQL"):
        client.query()


@pytest.mark.parametrize(
    ("path", "body", "content_type"),
    [
        pytest.param("/sparql", b"INSERT DATA { <a:s> <a:p> <a:o> }", "application/sparql-update", id="sparql-update"),
        pytest.param("/sparql", b"update=DROP+ALL", "application/x-www-form-urlencoded", id="update-param"),
        pytest.param("/update", b"update=DROP+ALL", "application/x-www-form-urlencoded", id="update-path"),
    ],
)
def test_updates_are_refused_with_403(server: SparqlServer, path: str, body: bytes, content_type: str) -> None:
    request = urllib.request.Request(server.url + path, data=body, headers={"Content-Type": content_type})
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=10)
    assert caught.value.code == 403
    assert b"read-only" in caught.value.read()


def test_update_through_sparqlwrapper_is_refused(server: SparqlServer) -> None:
    client = _client(server, "POST")
    client.setQuery("INSERT DATA { <a:s> <a:p> <a:o> }")
    with pytest.raises(urllib.error.HTTPError) as caught:
        client.query()
    assert caught.value.code == 403
    check = _client(server)
    check.setQuery("ASK { <a:s> <a:p> <a:o> }")
    check.setReturnFormat(JSON)
    assert check.query().convert()["boolean"] is False


@pytest.fixture()
def limited_server(filler_store: Callable[[int], ox.Store]) -> Iterator[SparqlServer]:
    srv = make_server(filler_store(3000), port=0, limits=ServeLimits(timeout=0.5, max_rows=50)).start()
    yield srv
    srv.stop()


def _status(url: str, query: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"{url}/sparql?query={urllib.request.quote(query)}", timeout=10) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def test_result_size_limit_is_a_413_that_says_what_to_do(limited_server: SparqlServer) -> None:
    status, message = _status(limited_server.url, "SELECT * { ?s ?p ?o }")
    assert status == 413 and "LIMIT" in message
    assert _status(limited_server.url, "SELECT * { ?s ?p ?o } LIMIT 50")[0] == 200


def test_time_limit_is_a_503_and_the_server_stays_up(limited_server: SparqlServer) -> None:
    limited_server.runner.limits = ServeLimits(timeout=0.5, max_rows=10**9)
    status, message = _status(limited_server.url, "SELECT * { ?a ?p ?o . ?b ?q ?r }")
    assert status == 503 and "time limit" in message
    assert _status(limited_server.url, "ASK { ?s ?p ?o }")[0] == 200


def test_format_parameter_overrides_accept(server: SparqlServer) -> None:
    query = "SELECT ?label WHERE { ?a a ikg:Country ; rdfs:label ?label } ORDER BY ?label"
    status, text = _status(server.url, query)  # no Accept header: JSON
    assert status == 200 and json.loads(text)["head"]["vars"] == ["label"]
    url = f"{server.url}/sparql?format=csv&query={urllib.request.quote(query)}"
    with urllib.request.urlopen(url, timeout=10) as response:
        rows = list(csv.reader(io.StringIO(response.read().decode())))
    assert rows == [["label"], ["China"], ["Serbia"]]


def test_the_query_page_example_answers(server: SparqlServer) -> None:
    """Issue 10: the example on the query page returned 0 rows (it needed the ontology's class tree)."""
    import html
    import re

    with urllib.request.urlopen(f"{server.url}/", timeout=10) as response:
        page = response.read().decode("utf-8")
    example = html.unescape(re.search(r'<textarea id="query"[^>]*>(.*?)</textarea>', page, re.S).group(1))
    client = _client(server)
    client.setQuery(example)
    client.setReturnFormat(JSON)
    assert client.query().convert()["results"]["bindings"]
