"""The HTTP face of ``kg serve``: a Starlette app on a hardened Uvicorn protocol.

Framing (Content-Length, chunking, HEAD), header size and keep-alive are
Uvicorn's and h11's; this module adds what they leave to the application: a
body size cap read as a stream, a deadline to send the body, a deadline for a
new connection to send its first request, and the SPARQL Protocol routes.
"""

from __future__ import annotations

import asyncio
from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route
from uvicorn.protocols.http.h11_impl import H11Protocol

from graph.serve_eval import Answer, HttpError, error_answer
from graph.serve_pages import PAGE_CSP, inline_script_csp
from graph.serve_static import SecurityHeaders, asset, catalog, favicon, query_page, saved_query

if TYPE_CHECKING:
    from graph.serve import SparqlServer

SPARQL_PATHS = ("/sparql", "/query")


class GuardedH11Protocol(H11Protocol):
    """Uvicorn's h11 protocol, plus: a connection that sends no request in time is closed.

    Uvicorn only times out connections idle *between* requests; one that
    connects and stays silent (or trickles its headers) would be kept forever.
    The first request gets twice the keep-alive idle time to arrive whole.
    """

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._first_deadline = self.loop.call_later(2 * self.timeout_keep_alive, self._drop_if_silent)

    def _drop_if_silent(self) -> None:
        if self.cycle is None and not self.transport.is_closing():
            self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self._first_deadline.cancel()
        super().connection_lost(exc)


def _page_routes(server: "SparqlServer") -> list[Route]:
    """The pages for people: query page and its files, explorer, documents."""

    async def network(request: Request) -> Response:
        response = await _answer(lambda: server.network_page())
        if response.status_code == HTTPStatus.OK:
            response.headers["Content-Security-Policy"] = inline_script_csp(response.body)
        return response

    async def document(request: Request) -> Response:
        params = parse_qs(request.url.query, keep_blank_values=True)
        response = await _answer(lambda: server.document_page(request.path_params["doc_id"], params))
        if response.status_code == HTTPStatus.OK:
            response.headers["Content-Security-Policy"] = PAGE_CSP
        return response

    read = ["GET", "HEAD"]
    return [Route("/", query_page, methods=read), Route("/assets/{name}", asset, methods=read),
            Route("/favicon.ico", favicon, methods=read), Route("/api/catalog", catalog, methods=read),
            Route("/api/queries/{name}", saved_query, methods=read), Route("/network", network, methods=read),
            Route("/document/{doc_id}", document, methods=read)]


def build_app(server: "SparqlServer") -> Starlette:
    """The ASGI app: the pages, the SPARQL Protocol, refusals."""

    async def sparql(request: Request) -> Response:
        try:
            params = await _params(request, server)
        except HttpError as e:
            return _response(error_answer(e))
        return await _answer(lambda: _query(server, params, request.headers.get("accept")))

    async def refuse(request: Request) -> Response:
        return _response(_refusal())

    async def not_found(request: Request) -> Response:
        if request.method in ("PUT", "DELETE", "PATCH"):
            return _response(_refusal())
        return _response(error_answer(HttpError(
            HTTPStatus.NOT_FOUND, f"no page {request.url.path}; query /sparql or open /")))

    every = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"]
    routes = [*_page_routes(server),
              *(Route(p, sparql, methods=["GET", "HEAD", "POST"]) for p in SPARQL_PATHS),
              *(Route(p, refuse, methods=["PUT", "DELETE", "PATCH"]) for p in SPARQL_PATHS),
              Route("/update", refuse, methods=every),
              Route("/{rest:path}", not_found, methods=every)]
    middleware = [Middleware(SecurityHeaders)]
    if server.options.cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(server.options.cors_origins),
                                     allow_methods=["GET", "POST"], allow_headers=["Accept", "Content-Type"]))
    return Starlette(routes=routes, middleware=middleware)


def _response(answer: Answer) -> Response:
    return Response(answer.body, status_code=int(answer.status), media_type=answer.content_type)


async def _answer(work: Any) -> Response:
    """Run blocking ``work`` (it waits on a worker process) off the event loop."""
    try:
        answer = await anyio.to_thread.run_sync(work)
    except HttpError as e:
        answer = error_answer(e)
    return _response(answer)


def _refusal() -> Answer:
    from graph.serve import _refuse_update

    try:
        _refuse_update()
    except HttpError as e:
        return error_answer(e)
    raise AssertionError("unreachable")


async def _params(request: Request, server: "SparqlServer") -> dict[str, list[str]]:
    """Query-string and body parameters of a protocol request; updates refused."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        if media == "application/sparql-update":
            raise HttpError(HTTPStatus.FORBIDDEN, _refusal().body.decode().strip())
        body = await _body(request, server.limits.body_timeout)
        _merge_body(params, media, body)
    if "update" in params:
        raise HttpError(HTTPStatus.FORBIDDEN, _refusal().body.decode().strip())
    return params


def _merge_body(params: dict[str, list[str]], media: str, body: bytes) -> None:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise HttpError(HTTPStatus.BAD_REQUEST, f"request body is not UTF-8 ({e.reason} at byte {e.start})") from e
    if media == "application/sparql-query":
        params["query"] = [text]
    elif media == "application/x-www-form-urlencoded":
        for key, values in parse_qs(text, keep_blank_values=True).items():
            params.setdefault(key, []).extend(values)
    else:
        raise HttpError(HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                        "POST a query as application/sparql-query or a form (query=...)")


async def _body(request: Request, seconds: float) -> bytes:
    """The body, refused past MAX_BODY bytes or ``seconds`` (whatever Content-Length says)."""
    from graph.serve import MAX_BODY

    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > MAX_BODY:
        raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
    chunks: list[bytes] = []
    size = 0
    try:
        with anyio.fail_after(seconds):
            async for chunk in request.stream():
                size += len(chunk)
                if size > MAX_BODY:
                    raise HttpError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"request body over {MAX_BODY} bytes")
                chunks.append(chunk)
    except TimeoutError as e:
        raise HttpError(HTTPStatus.REQUEST_TIMEOUT, f"request body not received within {seconds:g} s") from e
    return b"".join(chunks)


def _query(server: "SparqlServer", params: dict[str, list[str]], accept: str | None) -> Answer:
    from graph.serve import negotiate

    queries = params.get("query", [])
    if len(queries) != 1 or not queries[0].strip():
        raise HttpError(HTTPStatus.BAD_REQUEST, "give exactly one non-empty `query` parameter")
    fmt = negotiate(accept, (params.get("format") or [None])[0])
    return server.runner.run(queries[0], fmt, params)
