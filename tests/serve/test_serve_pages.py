"""The query page's files over HTTP (issue 10): bundled assets, caching, catalog, security headers."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest

from graph.serve import SparqlServer

SECURITY = {"x-content-type-options": "nosniff", "referrer-policy": "no-referrer", "x-frame-options": "DENY"}


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as r:
            return r.status, r.read(), {k.lower(): v for k, v in r.headers.items()}
    except urllib.error.HTTPError as e:
        return e.code, e.read(), {k.lower(): v for k, v in e.headers.items()}


def _page(server: SparqlServer) -> str:
    return _get(server.url + "/")[1].decode("utf-8")


def _asset_urls(server: SparqlServer) -> list[str]:
    return re.findall(r'(?:src|href)="(/assets/[^"]+)"', _page(server))


@pytest.mark.parametrize("path", [
    "/", "/assets/query.js", "/api/catalog", "/api/queries/timeline", "/network",
    "/sparql?query=" + quote("ASK {}"), "/no-such-page", "/assets/no-such-file",
], ids=["page", "asset", "catalog", "saved-query", "explorer", "sparql", "404-page", "404-asset"])
def test_every_answer_carries_the_security_headers(server: SparqlServer, path: str) -> None:
    _, _, headers = _get(server.url + path)
    assert {k: headers.get(k) for k in SECURITY} == SECURITY
    assert headers["content-security-policy"].startswith("default-src 'none'")
    assert "frame-ancestors 'none'" in headers["content-security-policy"]


def test_the_query_page_loads_nothing_from_another_origin(server: SparqlServer) -> None:
    page = _page(server)
    assert re.findall(r'(?:src|href)="([^"]+)"', page)
    assert all(u.startswith("/") and not u.startswith("//") for u in re.findall(r'(?:src|href)="([^"]+)"', page))
    assert "<script>" not in page and "style=" not in page  # nothing inline: the CSP allows 'self' only
    policy = _get(server.url + "/")[2]["content-security-policy"]
    assert "script-src 'self';" in policy and "connect-src 'self'" in policy and "unsafe" not in policy


def test_the_explorer_runs_only_its_own_inline_scripts(server: SparqlServer) -> None:
    status, page, headers = _get(server.url + "/network")
    assert status == 200
    scripts = re.findall(rb"<script>(.*?)</script>", page, re.S)
    allowed = re.findall(r"'sha256-([^']+)'", headers["content-security-policy"])
    assert scripts and sorted(allowed) == sorted(base64.b64encode(hashlib.sha256(s).digest()).decode() for s in scripts)


@pytest.mark.parametrize("name, media", [
    ("codemirror.min.js", "text/javascript"), ("query.js", "text/javascript"),
    ("query.css", "text/css"), ("codemirror.LICENSE.txt", "text/plain"),
], ids=["editor-bundle", "page-script", "stylesheet", "licences"])
def test_assets_have_their_type_and_are_cached_by_version(server: SparqlServer, name: str, media: str) -> None:
    (url,) = [u for u in _asset_urls(server) if u.startswith(f"/assets/{name}?v=")]
    status, body, headers = _get(server.url + url)
    assert status == 200 and headers["content-type"].startswith(media) and body
    assert headers["cache-control"] == "public, max-age=31536000, immutable"
    assert _get(server.url + url.split("?")[0])[2]["cache-control"] == "no-cache"  # unversioned: revalidate
    again = _get(server.url + url, {"If-None-Match": headers["etag"]})
    assert again[0] == 304 and again[1] == b""


def test_the_editor_bundle_is_gzipped_for_clients_that_take_it(server: SparqlServer) -> None:
    (url,) = [u for u in _asset_urls(server) if "codemirror.min.js" in u]
    plain = _get(server.url + url)[1]
    status, body, headers = _get(server.url + url, {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == plain and len(body) < len(plain) / 2
    assert b"MIT" in _get(server.url + "/assets/codemirror.LICENSE.txt")[1]


@pytest.mark.parametrize("path", [
    "/assets/..%2Fserve.py", "/assets/__init__.py", "/assets/vendor%2Fcodemirror.min.js",
    "/assets/query.html", "/assets/%2e%2e%2f%2e%2e%2fpyproject.toml",
], ids=["traversal", "package-file", "sub-path", "unlisted", "encoded-traversal"])
def test_only_listed_assets_are_served(server: SparqlServer, path: str) -> None:
    status, body, _ = _get(server.url + path)
    assert status == 404 and b"import" not in body


def test_the_catalog_lists_prefixes_vocabulary_and_every_saved_query(server: SparqlServer) -> None:
    from graph.query import list_saved_queries

    catalog = json.loads(_get(server.url + "/api/catalog")[1])
    assert catalog["prefixes"]["ikg"] == "https://w3id.org/influence-kg/ontology#"
    terms = {t["label"]: t["type"] for t in catalog["terms"]}
    assert terms["ikg:Investment"] == "class" and terms["ikg:investor"] == "property"
    saved = {q["name"]: q for q in catalog["queries"]}
    assert set(saved) == {q.name for q in list_saved_queries()}
    assert saved["actor_profile"]["required"] == ["actor"]
    assert {"from", "to"} <= set(saved["timeline"]["params"]) and saved["timeline"]["required"] == []


@pytest.mark.parametrize("value", ['Zijin Mining', 'a "quoted" } name', "https://w3id.org/influence-kg/id/actor/china"],
                         ids=["label", "quotes-and-brace", "iri"])
def test_a_saved_query_is_bound_like_kg_query_param(server: SparqlServer, value: str) -> None:
    status, body, _ = _get(f"{server.url}/api/queries/actor_profile?actor={quote(value)}")
    assert status == 200 and b"$actor" not in body
    answer = _get(f"{server.url}/sparql?query={quote(body.decode())}")
    assert answer[0] == 200, answer[1]  # the value never changes the query's shape


@pytest.mark.parametrize("path, status, says", [
    ("/api/queries/no_such_query", 404, b"kg query --list"),
    ("/api/queries/..%2F..%2Fsetup", 404, b"no page"),
    ("/api/queries/timeline?nonsense=1", 400, b"this query takes"),
], ids=["unknown-query", "traversal", "unknown-parameter"])
def test_saved_query_errors_say_what_is_accepted(server: SparqlServer, path: str, status: int, says: bytes) -> None:
    got, body, _ = _get(server.url + path)
    assert got == status and says in body and body.count(b"\n") == 1


def test_the_default_example_answers_on_the_sample_corpus(seeds_graph) -> None:
    """Issue 10: the page's own example must answer on a real build, not only on a hand-made graph."""
    import html as html_lib

    from graph.query import run_query
    from graph.serve_pages import query_page

    page = query_page("n").decode("utf-8")
    example = html_lib.unescape(re.search(r'<textarea id="query"[^>]*>(.*?)</textarea>', page, re.S).group(1))
    result = run_query(seeds_graph, example)
    assert len(result.rows) >= 3
    rows = result.records()
    assert all(r["investor"].startswith("https://w3id.org/influence-kg/id/actor/") for r in rows)
    assert any(r["amount"] is not None for r in rows)
