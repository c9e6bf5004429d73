"""Evaluate one endpoint query into an HTTP answer; runs inside a query worker.

This module is what :mod:`graph.sandbox` workers of ``kg serve`` import: it
needs Oxigraph only, and turns every outcome (results, bad query, too many
rows) into an :class:`Answer`, so nothing but a crash or a kill can stop a
worker from answering.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

import pyoxigraph as ox

from graph.errors import KGError
from graph.store_merge import query_options

RESULT_TYPES: dict[str, tuple[ox.QueryResultsFormat, str]] = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv; charset=utf-8"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values; charset=utf-8"),
}
GRAPH_TYPES: dict[str, tuple[ox.RdfFormat, str]] = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle; charset=utf-8"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
}
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class HttpError(KGError):
    """A request the endpoint answers with an HTTP error status."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        self.status = status
        super().__init__(message)


@dataclass(frozen=True, slots=True)
class Answer:
    body: bytes
    content_type: str
    status: HTTPStatus = HTTPStatus.OK


def error_answer(error: HttpError) -> Answer:
    return Answer(f"{error}\n".encode("utf-8"), "text/plain; charset=utf-8", error.status)


@dataclass(frozen=True, slots=True)
class QueryJob:
    """One query as the worker receives it (picklable)."""

    sparql: str
    fmt: str | None
    max_rows: int
    dataset: dict[str, list[str]] = field(default_factory=dict)


def evaluate(store: ox.Store, job: QueryJob | str) -> Answer:
    """The worker task: a query's answer, errors included ("network" = links page)."""
    if job == "network":
        from graph.serve import network_html

        return Answer(network_html(store), "text/html; charset=utf-8")
    assert isinstance(job, QueryJob)
    try:
        return _evaluate(store, job)
    except HttpError as e:
        return error_answer(e)


def _evaluate(store: ox.Store, job: QueryJob) -> Answer:
    from graph.query import with_standard_prefixes

    try:
        raw = store.query(with_standard_prefixes(job.sparql), **_dataset_args(store, job.dataset))
    except SyntaxError as e:
        raise HttpError(HTTPStatus.BAD_REQUEST, f"malformed SPARQL query: {e}") from e
    except (OSError, RuntimeError, ValueError) as e:
        raise HttpError(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {e}") from e
    if isinstance(raw, ox.QueryBoolean):
        return _results_answer({"head": {}, "boolean": bool(raw)}, job.fmt)
    if isinstance(raw, ox.QuerySolutions):
        return _results_answer(_solutions_json(raw, job.max_rows), job.fmt)
    return _graph_answer(_collect(raw, job.max_rows), job.fmt)


def _collect(rows: Any, max_rows: int) -> list[Any]:
    """Rows up to the limit (the deadline is the supervisor's: it kills the worker)."""
    out: list[Any] = []
    for row in rows:
        if len(out) >= max_rows:
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                            f"result has more than {max_rows} rows; "
                            "add LIMIT/OFFSET to page through it or raise --max-rows")
        out.append(row)
    return out


def _solutions_json(solutions: ox.QuerySolutions, max_rows: int) -> dict[str, Any]:
    names = [v.value for v in solutions.variables]
    bindings = []
    for row in _collect(solutions, max_rows):
        values = {name: row[name] for name in names}
        bindings.append({k: _term_json(v) for k, v in values.items() if v is not None})
    return {"head": {"vars": names}, "results": {"bindings": bindings}}


def _dataset_args(store: ox.Store, dataset: dict[str, list[str]]) -> dict[str, Any]:
    """Protocol ``default-graph-uri`` / ``named-graph-uri`` as Oxigraph options; without
    them, the store's merge of its graphs (issue 9 item 14)."""
    try:
        default = [ox.NamedNode(u) for u in dataset.get("default-graph-uri", [])]
        named = [ox.NamedNode(u) for u in dataset.get("named-graph-uri", [])]
    except ValueError as e:
        raise HttpError(HTTPStatus.BAD_REQUEST, f"invalid graph IRI: {e}") from e
    args: dict[str, Any] = {"default_graph": default} if default else query_options(store)
    if named:
        args["named_graphs"] = named
    return args


def _term_json(term: Any) -> dict[str, str]:
    """One RDF term in the SPARQL 1.1 JSON results form."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    raise HttpError(HTTPStatus.NOT_IMPLEMENTED, "RDF-star triple terms cannot be returned")


def _results_answer(results: dict[str, Any], fmt: str | None) -> Answer:
    """SELECT/ASK results in the negotiated format (JSON re-serialised by Oxigraph)."""
    name = fmt if fmt in RESULT_TYPES else "json"
    data = json.dumps(results, ensure_ascii=False).encode("utf-8")
    if name == "json":
        return Answer(data, RESULT_TYPES["json"][1])
    target, media = RESULT_TYPES[name]
    parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    return Answer(parsed.serialize(format=target), media)


def _graph_answer(triples: list[Any], fmt: str | None) -> Answer:
    name = fmt if fmt in GRAPH_TYPES else "turtle"
    target, media = GRAPH_TYPES[name]
    from graph.query import STANDARD_PREFIXES

    prefixes = STANDARD_PREFIXES if target is ox.RdfFormat.TURTLE else None
    return Answer(ox.serialize(triples, format=target, prefixes=prefixes), media)
