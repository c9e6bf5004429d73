"""A read-only SPARQL 1.1 Protocol endpoint over a graph file or store.

Queries run on Oxigraph in a bounded pool of worker threads (Oxigraph releases
the GIL while it evaluates), each with a deadline and a row limit, so one
heavy query cannot stall the server or exhaust its memory. Updates are always
refused: the endpoint publishes a graph, it does not let clients change it.
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from graph.errors import KGError, QueryError
from graph.store import open_store

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
MEDIA_ALIASES: dict[str, str] = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "text/turtle": "turtle", "application/x-turtle": "turtle",
    "application/n-triples": "ntriples", "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml", "application/ld+json": "jsonld",
}
MAX_BODY = 1_000_000
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@dataclass(frozen=True, slots=True)
class ServeLimits:
    """Per-query deadline (seconds), row limit and number of query workers."""

    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 4


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


# --------------------------------------------------------------------------
# Query execution


class QueryRunner:
    """Runs queries on a store within the limits; thread-safe."""

    def __init__(self, store: ox.Store, limits: ServeLimits) -> None:
        self.store = store
        self.limits = limits
        self.pool = ThreadPoolExecutor(max_workers=limits.workers, thread_name_prefix="sparql")

    def close(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)

    def run(self, sparql: str, fmt: str | None, dataset: dict[str, list[str]]) -> Answer:
        """Evaluate within the deadline; 503 when it is missed."""
        deadline = time.monotonic() + self.limits.timeout
        future: Future[Answer] = self.pool.submit(self._evaluate_safely, sparql, fmt, dataset, deadline)
        try:
            return future.result(timeout=self.limits.timeout)
        except FutureTimeout:
            future.cancel()
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE,
                            f"query exceeded the {self.limits.timeout:g} s time limit; "
                            "narrow it (LIMIT, more specific patterns) or raise --timeout") from None

    def _evaluate_safely(self, sparql: str, fmt: str | None, dataset: dict[str, list[str]],
                         deadline: float) -> Answer:
        """Errors become answers here, so Oxigraph iterators die on their own thread."""
        try:
            return self._evaluate(sparql, fmt, dataset, deadline)
        except HttpError as e:
            return error_answer(e)

    def _evaluate(self, sparql: str, fmt: str | None, dataset: dict[str, list[str]],
                  deadline: float) -> Answer:
        from graph.query import with_standard_prefixes

        try:
            raw = self.store.query(with_standard_prefixes(sparql), **_dataset_args(dataset))
        except SyntaxError as e:
            raise HttpError(HTTPStatus.BAD_REQUEST, f"malformed SPARQL query: {e}") from e
        except (OSError, RuntimeError, ValueError) as e:
            raise HttpError(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {e}") from e
        if isinstance(raw, ox.QueryBoolean):
            return _results_answer({"head": {}, "boolean": bool(raw)}, fmt)
        if isinstance(raw, ox.QuerySolutions):
            return _results_answer(self._solutions_json(raw, deadline), fmt)
        return _graph_answer(self._collect(raw, deadline), fmt)

    def _collect(self, rows: Any, deadline: float) -> list[Any]:
        """Rows up to the limit, checking the deadline as they stream."""
        out: list[Any] = []
        for row in rows:
            if len(out) >= self.limits.max_rows:
                raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                                f"result has more than {self.limits.max_rows} rows; "
                                "add LIMIT/OFFSET to page through it or raise --max-rows")
            if time.monotonic() > deadline:
                raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE, "query exceeded the time limit")
            out.append(row)
        return out

    def _solutions_json(self, solutions: ox.QuerySolutions, deadline: float) -> dict[str, Any]:
        names = [v.value for v in solutions.variables]
        bindings = []
        for row in self._collect(solutions, deadline):
            values = {name: row[name] for name in names}
            bindings.append({k: _term_json(v) for k, v in values.items() if v is not None})
        return {"head": {"vars": names}, "results": {"bindings": bindings}}


def _dataset_args(dataset: dict[str, list[str]]) -> dict[str, Any]:
    """Protocol ``default-graph-uri`` / ``named-graph-uri`` as Oxigraph options."""
    default = [ox.NamedNode(u) for u in dataset.get("default-graph-uri", [])]
    named = [ox.NamedNode(u) for u in dataset.get("named-graph-uri", [])]
    args: dict[str, Any] = {"default_graph": default} if default else {"use_default_graph_as_union": True}
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


# --------------------------------------------------------------------------
# HTTP


def negotiate(accept: str | None, explicit: str | None) -> str | None:
    """The format asked by ``format=`` or the first known media type in Accept."""
    if explicit:
        key = explicit.lower()
        return MEDIA_ALIASES.get(key, key)
    for part in (accept or "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in MEDIA_ALIASES:
            return MEDIA_ALIASES[media]
    return None


class SparqlHandler(BaseHTTPRequestHandler):
    """SPARQL Protocol on ``/sparql`` (alias ``/query``); the page on ``/``."""

    server: "SparqlServer"
    protocol_version = "HTTP/1.0"
    server_version = "influence-kg"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        if self.server.verbose:
            super().log_message(format, *args)

    def do_GET(self) -> None:  # noqa: N802
        self._handle(lambda: self._route_get())

    def do_POST(self) -> None:  # noqa: N802
        self._handle(lambda: self._route_post())

    def do_PUT(self) -> None:  # noqa: N802
        self._handle(_refuse_update)

    do_DELETE = do_PATCH = do_PUT  # noqa: N815

    def _handle(self, route: Any) -> None:
        try:
            answer = route()
        except HttpError as e:
            answer = error_answer(e)
        self._send(answer)

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def _route_get(self) -> Answer:
        url = urlsplit(self.path)
        params = parse_qs(url.query, keep_blank_values=True)
        if url.path == "/":
            return Answer(PAGE.encode("utf-8"), "text/html; charset=utf-8")
        if url.path == "/network":
            return Answer(self.server.network_page(), "text/html; charset=utf-8")
        if url.path in ("/sparql", "/query"):
            return self._query(params)
        if url.path == "/update":
            _refuse_update()
        raise HttpError(HTTPStatus.NOT_FOUND, f"no page {url.path}; query /sparql or open /")

    def _route_post(self) -> Answer:
        url = urlsplit(self.path)
        if url.path == "/update":
            _refuse_update()
        if url.path not in ("/sparql", "/query"):
            raise HttpError(HTTPStatus.NOT_FOUND, f"no endpoint {url.path}; POST to /sparql")
        params = parse_qs(url.query, keep_blank_values=True)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        body = self._body()
        if media == "application/sparql-update":
            _refuse_update()
        if media == "application/sparql-query":
            params["query"] = [body.decode("utf-8", errors="replace")]
        elif media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body.decode("utf-8"), keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        else:
            raise HttpError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                            "POST a query as application/sparql-query or a form (query=...)")
        return self._query(params)

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
        return self.rfile.read(length)

    def _query(self, params: dict[str, list[str]]) -> Answer:
        if "update" in params:
            _refuse_update()
        queries = params.get("query", [])
        if len(queries) != 1 or not queries[0].strip():
            raise HttpError(HTTPStatus.BAD_REQUEST, "give exactly one non-empty `query` parameter")
        fmt = negotiate(self.headers.get("Accept"), (params.get("format") or [None])[0])
        return self.server.runner.run(queries[0], fmt, params)


def _refuse_update() -> Answer:
    raise HttpError(HTTPStatus.FORBIDDEN,
                    "this endpoint is read-only: SPARQL updates are refused; "
                    "rebuild the graph with `kg build` to change it")


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; ``start()`` runs it in a background thread (tests, benches)."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128  # listen backlog: bursts of clients wait instead of SYN retries

    def __init__(self, store: ox.Store, *, host: str, port: int, limits: ServeLimits,
                 verbose: bool = False) -> None:
        super().__init__((host, port), SparqlHandler)
        self.runner = QueryRunner(store, limits)
        self.verbose = verbose
        self._network: bytes | None = None
        self._network_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "SparqlServer":
        self._thread = threading.Thread(target=self.serve_forever, name="kg-serve", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
        self.runner.close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def network_page(self) -> bytes:
        with self._network_lock:
            if self._network is None:
                self._network = network_html(self.runner.store)
            return self._network


def make_server(source: str | Path | ox.Store, *, host: str = "127.0.0.1", port: int = 8000,
                limits: ServeLimits | None = None, verbose: bool = False) -> SparqlServer:
    """A server over a graph file, a store directory or an open store (port 0 = any)."""
    store = source if isinstance(source, ox.Store) else open_store(source)
    try:
        return SparqlServer(store, host=host, port=port, limits=limits or ServeLimits(), verbose=verbose)
    except OSError as e:
        raise QueryError(f"cannot listen on {host}:{port} ({e}); choose another --port") from e


# --------------------------------------------------------------------------
# Pages


def network_html(store: ox.Store) -> bytes:
    """The network view: ``graph.render`` when present, else a table of links."""
    try:
        from graph.render import render_html  # type: ignore[attr-defined]
    except ImportError:
        return _links_table(store)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "network.html"
        render_html(store, output=out)
        return out.read_bytes()


LINKS = """PREFIX ikg: <https://w3id.org/influence-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?from ?relation ?to WHERE {
  { ?f ikg:investor ?a ; ikg:target ?b . BIND("invests in" AS ?relation) }
  UNION { ?f ikg:party ?a , ?b . FILTER(STR(?a) < STR(?b)) BIND("agreement with" AS ?relation) }
  UNION { ?f ikg:participant ?a , ?b . FILTER(STR(?a) < STR(?b)) BIND("event with" AS ?relation) }
  OPTIONAL { ?a rdfs:label ?la } OPTIONAL { ?b rdfs:label ?lb }
  BIND(COALESCE(?la, STR(?a)) AS ?from) BIND(COALESCE(?lb, STR(?b)) AS ?to)
} ORDER BY ?from ?relation ?to LIMIT 2000"""


def _links_table(store: ox.Store) -> bytes:
    from html import escape

    rows = store.query(LINKS, use_default_graph_as_union=True)
    cells = "".join(
        f"<tr><td>{escape(r['from'].value)}</td><td>{escape(r['relation'].value)}</td>"
        f"<td>{escape(r['to'].value)}</td></tr>" for r in rows)
    return (f"<!doctype html><meta charset=utf-8><title>influence-kg network</title>"
            f"<h1>Links between actors</h1><p><a href='/'>query</a></p>"
            f"<table border=1><tr><th>from</th><th>relation</th><th>to</th></tr>{cells}</table>"
            ).encode("utf-8")


PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>influence-kg SPARQL</title>
<style>body{font-family:sans-serif;margin:2em}textarea{width:100%;height:12em;font-family:monospace}
table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #999;padding:2px 6px}
#error{color:#b00;white-space:pre-wrap}</style></head>
<body><h1>influence-kg SPARQL endpoint</h1>
<p>Read-only. Protocol endpoint: <code>/sparql</code> (GET or POST).
Prefixes ikg:, schema:, prov:, skos:, rdfs:, xsd: are predeclared.
<a id="network" href="/network">Network view</a></p>
<form id="form"><textarea id="query" name="query">SELECT ?actor ?label WHERE {
  ?actor a/rdfs:subClassOf* ikg:Actor ; rdfs:label ?label .
} ORDER BY ?label LIMIT 50</textarea><br>
<button id="run" type="submit">Run query</button> <span id="status"></span></form>
<div id="error"></div><table id="results"></table>
<script>
const cell = b => b ? b.value : "";
document.getElementById("form").addEventListener("submit", async ev => {
  ev.preventDefault();
  const status = document.getElementById("status"), error = document.getElementById("error");
  const table = document.getElementById("results");
  status.textContent = "running..."; error.textContent = ""; table.innerHTML = "";
  const body = new URLSearchParams({query: document.getElementById("query").value});
  const res = await fetch("/sparql", {method: "POST", body,
    headers: {"Accept": "application/sparql-results+json, text/turtle"}});
  const text = await res.text();
  if (!res.ok) { status.textContent = "error " + res.status; error.textContent = text; return; }
  if (!(res.headers.get("Content-Type") || "").includes("json")) {
    status.textContent = "done"; error.textContent = text; return; }
  const data = JSON.parse(text);
  if ("boolean" in data) { status.textContent = "answer: " + data.boolean; return; }
  const vars = data.head.vars, head = table.insertRow();
  vars.forEach(v => { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
  data.results.bindings.forEach(b => {
    const row = table.insertRow(); vars.forEach(v => { row.insertCell().textContent = cell(b[v]); }); });
  status.textContent = data.results.bindings.length + " rows";
});
</script></body></html>
"""
