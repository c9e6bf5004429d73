"""A read-only SPARQL 1.1 Protocol endpoint over a graph file or store.

Queries never run in the server process: each goes to a supervised worker
process (:mod:`graph.sandbox`) with a hard deadline and a memory cap, so a
query that crashes the engine, ignores the deadline or grows without bound
costs its own worker and nothing else. Queries that reach out (``SERVICE``)
or nest absurdly deep are refused before any parser sees them. HTTP itself
(framing, body and header limits, idle connections, HEAD) is Starlette on
Uvicorn. Updates are always refused: the endpoint publishes a graph.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import GraphFormatError, QueryError
from graph.serve_documents import DocumentShelf
from graph.serve_eval import GRAPH_TYPES, RESULT_TYPES, Answer, HttpError, QueryJob

__all__ = ["GRAPH_TYPES", "RESULT_TYPES", "Answer", "HttpError", "ServeLimits", "SparqlServer",
           "make_server", "negotiate"]

MEDIA_ALIASES: dict[str, str] = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
    "text/turtle": "turtle", "application/x-turtle": "turtle",
    "application/n-triples": "ntriples", "text/plain": "ntriples",
    "application/rdf+xml": "rdfxml", "application/ld+json": "jsonld",
}
MAX_BODY = 1_000_000


@dataclass(frozen=True, slots=True)
class ServeLimits:
    """What one query and one client may cost the host.

    ``timeout``: seconds per query (its worker is killed past it);
    ``memory_mb``: growth allowed to a worker; ``workers``: queries at once;
    ``max_connections``: open connections (more get 503); ``idle_timeout``:
    seconds an idle or silent connection is kept; ``body_timeout``: seconds
    to send a request body.
    """

    timeout: float = 10.0
    max_rows: int = 10_000
    workers: int = 4
    memory_mb: int = 1024
    max_connections: int = 256
    idle_timeout: float = 5.0
    body_timeout: float = 10.0


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """Safety switches, all closed by default."""

    allow_service: frozenset[str] = field(default_factory=frozenset)
    cors_origins: tuple[str, ...] = ()
    verbose: bool = False
    documents: Path | None = None  # the build's input folder: /document/<id> serves its texts


# --------------------------------------------------------------------------
# Query execution


class QueryRunner:
    """Checks a query, then runs it on a worker of the pool; thread-safe."""

    def __init__(self, pool: Any, limits: ServeLimits, options: ServeOptions) -> None:
        self.pool = pool
        self.limits = limits
        self.options = options

    def close(self) -> None:
        self.pool.close()

    def run(self, sparql: str, fmt: str | None, dataset: dict[str, list[str]]) -> Answer:
        """The answer within the limits; 503 past the deadline or with no live worker, 500 on an engine crash."""
        from graph.query import check_query_shape

        try:
            check_query_shape(sparql, allow_service=self.options.allow_service)
        except QueryError as e:
            raise HttpError(HTTPStatus.BAD_REQUEST, str(e)) from e
        limits = self.limits
        job = QueryJob(sparql, fmt, limits.max_rows,
                       {k: v for k, v in dataset.items() if k in ("default-graph-uri", "named-graph-uri")})
        return self._submit(job, timeout=limits.timeout)

    def _submit(self, job: Any, *, timeout: float) -> Answer:
        from graph.sandbox import TaskFailed, WorkerCrashed, WorkerGone, WorkerTimeout

        try:
            return self.pool.run(job, timeout=timeout, wait=timeout + 5)
        except WorkerGone as e:
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE,
                            f"{e}; every query worker tried was being stopped from outside "
                            "(the host's out-of-memory killer?): retry in a moment") from e
        except WorkerTimeout as e:
            raise HttpError(HTTPStatus.SERVICE_UNAVAILABLE,
                            f"{e} (time limit {timeout:g} s); narrow the query "
                            "(LIMIT, more specific patterns) or raise --timeout") from e
        except (WorkerCrashed, TaskFailed) as e:
            raise HttpError(HTTPStatus.INTERNAL_SERVER_ERROR, f"{e}; the server is still up") from e

    def network_page(self) -> Answer:
        return self._submit("network", timeout=max(self.limits.timeout, 60.0))


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


def _refuse_update() -> Answer:
    raise HttpError(HTTPStatus.FORBIDDEN,
                    "this endpoint is read-only: SPARQL updates are refused; "
                    "rebuild the graph with `kg build` to change it")


# --------------------------------------------------------------------------
# The server


class SparqlServer:
    """The endpoint: a worker pool and a Uvicorn server on a bound socket.

    ``start()`` serves from a background thread (tests, benches);
    ``serve_forever()`` serves from the calling thread until Ctrl-C.
    """

    def __init__(self, source: str | Path, *, host: str, port: int, limits: ServeLimits,
                 options: ServeOptions, cleanup: Any = None) -> None:
        from graph.sandbox import WorkerPool, WorkerSpec

        self.options = options
        self.shelf = DocumentShelf(options.documents) if options.documents is not None else None
        self._cleanup = cleanup
        self._socket = _listen(host, port)
        try:
            spec = WorkerSpec(str(source), "graph.serve_eval:evaluate", memory_mb=limits.memory_mb)
            self.runner = QueryRunner(WorkerPool(spec, size=limits.workers), limits, options)
        except BaseException:
            self._socket.close()
            raise
        self._network: Answer | None = None
        self._network_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._uvicorn = self._make_uvicorn(limits)

    @property
    def limits(self) -> ServeLimits:
        return self.runner.limits

    def _make_uvicorn(self, limits: ServeLimits) -> Any:
        import uvicorn

        from graph.serve_http import GuardedH11Protocol, build_app

        config = uvicorn.Config(
            build_app(self), http=GuardedH11Protocol, lifespan="off", access_log=self.options.verbose,
            log_level="info" if self.options.verbose else "warning",
            limit_concurrency=limits.max_connections, timeout_keep_alive=int(max(limits.idle_timeout, 1)),
            h11_max_incomplete_event_size=64 * 1024, server_header=False, date_header=False,
            backlog=128, timeout_graceful_shutdown=2)
        return uvicorn.Server(config)

    @property
    def server_address(self) -> tuple[str, int]:
        host, port = self._socket.getsockname()[:2]
        return host, port

    @property
    def url(self) -> str:
        host, port = self.server_address
        return f"http://{host}:{port}"

    def start(self) -> "SparqlServer":
        self._thread = threading.Thread(target=self.serve_forever, name="kg-serve", daemon=True)
        self._thread.start()
        while not self._uvicorn.started and self._thread.is_alive():
            threading.Event().wait(0.01)
        return self

    def serve_forever(self) -> None:
        self._uvicorn.run(sockets=[self._socket])

    def stop(self) -> None:
        self._uvicorn.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.server_close()

    def server_close(self) -> None:
        self._socket.close()
        self.runner.close()
        if self._cleanup is not None:
            self._cleanup()
            self._cleanup = None

    def network_page(self) -> Answer:
        """The explorer, rendered once; it links evidence to /document/ when texts are served."""
        with self._network_lock:
            if self._network is None:
                page = self.runner.network_page()
                if self.shelf is not None and page.status == HTTPStatus.OK:
                    body = page.body.replace(b"<head>", b'<head>\n<meta name="ikg-document-base" content="/document/">', 1)
                    page = Answer(body, page.content_type, page.status)
                self._network = page
            return self._network

    def document_page(self, doc_id: str, params: dict[str, list[str]]) -> Answer:
        """``/document/<id>``: the text with the evidence marked (see :mod:`graph.serve_documents`)."""
        from graph.serve_documents import answer_document

        return Answer(answer_document(self.shelf, self._document_entry, doc_id, params), "text/html; charset=utf-8")

    def _document_entry(self, doc_id: str) -> Any:
        from graph.serve_documents import entry_query, parse_entry

        found = self.runner.run(entry_query(doc_id), "json", {})
        if found.status != HTTPStatus.OK:
            raise HttpError(found.status, found.body.decode("utf-8", "replace").strip())
        return parse_entry(doc_id, found.body)


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as e:
        sock.close()
        raise QueryError(f"cannot listen on {host}:{port} ({e.strerror or e}); choose another --port") from e
    return sock


def make_server(source: str | Path | ox.Store, *, host: str = "127.0.0.1", port: int = 8000,
                limits: ServeLimits | None = None, options: ServeOptions | None = None,
                verbose: bool = False) -> SparqlServer:
    """A server over a graph file, a store directory or an open store (port 0 = any).

    An open in-memory store is written once to a temporary N-Quads file that
    every worker loads; a store directory is opened read-only by each worker.
    """
    from graph.sandbox import DumpedStore

    options = options or ServeOptions(verbose=verbose)
    cleanup = None
    if isinstance(source, ox.Store):
        dumped = DumpedStore(source)
        source, cleanup = dumped.path, dumped.cleanup
    elif not Path(source).exists():
        raise GraphFormatError(f"{source}: no such graph file or store directory")
    elif Path(source).is_dir():
        _upgrade_before_workers(Path(source))
    try:
        return SparqlServer(source, host=host, port=port, limits=limits or ServeLimits(),
                            options=options, cleanup=cleanup)
    except BaseException:
        if cleanup is not None:
            cleanup()
        raise


def _upgrade_before_workers(path: Path) -> None:
    """Open the store once here: a store from before issue 11 gets its aggregates (or fails)
    before the workers open it read-only side by side, none of them able to write it."""
    from graph.store import open_store

    open_store(path)  # the read-only handle is dropped at once


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

    from graph.store_merge import query_options

    rows = store.query(LINKS, **query_options(store))
    cells = "".join(
        f"<tr><td>{escape(r['from'].value)}</td><td>{escape(r['relation'].value)}</td>"
        f"<td>{escape(r['to'].value)}</td></tr>" for r in rows)
    return (f"<!doctype html><meta charset=utf-8><title>influence-kg network</title>"
            f"<h1>Links between actors</h1><p><a href='/'>query</a></p>"
            f"<table border=1><tr><th>from</th><th>relation</th><th>to</th></tr>{cells}</table>"
            ).encode("utf-8")
