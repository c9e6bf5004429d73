"""HTTP handlers of ``kg serve``'s own pages and files, and the headers every answer carries.

Pages are revalidated on each visit (``no-cache`` with an ETag, answered 304
when unchanged); assets are asked for by a versioned URL and kept for a year.
Every response gets the security headers, and a Content-Security-Policy that
forbids everything unless the route set a page's own.
"""

from __future__ import annotations

import hashlib
import secrets
from http import HTTPStatus
from typing import Any

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.responses import Response

from graph.errors import QueryError, UnknownQuery
from graph.serve_eval import HttpError, error_answer
from graph.serve_pages import (DATA_CSP, IMMUTABLE, REVALIDATE, SECURITY_HEADERS, UNCACHED, asset as find_asset,
                               bound_query, catalog_json, query_page as query_page_html, query_page_csp)


class SecurityHeaders:
    """ASGI middleware: the security headers on every response, Starlette's own errors included."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                headers.setdefault("Content-Security-Policy", DATA_CSP)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def cached(request: Request, body: bytes, media_type: str, *, cache: str, etag: str | None = None,
           headers: dict[str, str] | None = None, gzipped: bytes | None = None) -> Response:
    """``body`` with its validator; 304 when the client holds it; gzip when the client takes it."""
    etag = etag or f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    common = {"ETag": etag, "Cache-Control": cache, **(headers or {})}
    if gzipped is not None:
        common["Vary"] = "Accept-Encoding"
    asked = request.headers.get("if-none-match", "")
    if etag in [t.strip().removeprefix("W/") for t in asked.split(",")]:
        return Response(status_code=HTTPStatus.NOT_MODIFIED, headers=common)
    if gzipped is not None and "gzip" in request.headers.get("accept-encoding", "").lower():
        return Response(gzipped, media_type=media_type, headers={**common, "Content-Encoding": "gzip"})
    return Response(body, media_type=media_type, headers=common)


async def query_page(request: Request) -> Response:
    nonce = secrets.token_urlsafe(18)
    return Response(query_page_html(nonce), media_type="text/html; charset=utf-8",
                    headers={"Content-Security-Policy": query_page_csp(nonce), "Cache-Control": UNCACHED})


async def favicon(request: Request) -> Response:
    """No icon: an empty answer, so browsers log no 404 on every page."""
    return Response(status_code=HTTPStatus.NO_CONTENT, headers={"Cache-Control": "public, max-age=86400"})


async def asset(request: Request) -> Response:
    """A file of the asset table; immutable when asked by its current version."""
    found = find_asset(request.path_params["name"])
    if found is None:
        return _error(HttpError(HTTPStatus.NOT_FOUND, f"no asset {request.path_params['name']!r}"))
    fresh = request.query_params.get("v") == found.version
    return cached(request, found.body, found.content_type, cache=IMMUTABLE if fresh else REVALIDATE,
                  etag=found.etag, gzipped=found.gzipped)


async def catalog(request: Request) -> Response:
    return cached(request, catalog_json(), "application/json", cache=REVALIDATE)


async def saved_query(request: Request) -> Response:
    """A saved query's text with ``?name=value`` parameters bound (as ``kg query --param``)."""
    params = dict(request.query_params)
    try:
        text = bound_query(request.path_params["name"], params)
    except UnknownQuery as e:
        return _error(HttpError(HTTPStatus.NOT_FOUND, str(e)))
    except QueryError as e:
        return _error(HttpError(HTTPStatus.BAD_REQUEST, str(e)))
    return Response(text, media_type="text/plain; charset=utf-8", headers={"Cache-Control": REVALIDATE})


def _error(error: HttpError) -> Response:
    answer = error_answer(error)
    return Response(answer.body, status_code=int(answer.status), media_type=answer.content_type)
