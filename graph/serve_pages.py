"""The pages and static files of ``kg serve``: query page, bundled editor, catalog.

Everything the browser needs ships inside the package (``graph/serve_assets``,
CodeMirror 6 bundled by ``js/editor/build.mjs``), so the page works offline and
the Content-Security-Policy can forbid every other origin. Assets are named in
a fixed table: a request can only ever reach one of them, never a path.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import pyoxigraph as ox

from graph.errors import QueryError

ASSET_TYPES: dict[str, str] = {
    "query.js": "text/javascript; charset=utf-8",
    "query.css": "text/css; charset=utf-8",
    "document.css": "text/css; charset=utf-8",
    "codemirror.min.js": "text/javascript; charset=utf-8",
    "codemirror.LICENSE.txt": "text/plain; charset=utf-8",
}
IMMUTABLE = "public, max-age=31536000, immutable"  # an asset URL names its version (?v=)
REVALIDATE = "no-cache"  # pages: always asked again, answered 304 when unchanged
UNCACHED = "no-store"  # the query page: a fresh style nonce each time
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
NONE = "'none'"
DATA_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox"
SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
ONTOLOGY_NS = "https://w3id.org/influence-kg/ontology#"
_TERM_TYPES = {
    "http://www.w3.org/2002/07/owl#Class": "class",
    "http://www.w3.org/2002/07/owl#ObjectProperty": "property",
    "http://www.w3.org/2002/07/owl#DatatypeProperty": "property",
    "http://www.w3.org/2004/02/skos/core#Concept": "constant",
    "http://www.w3.org/2004/02/skos/core#ConceptScheme": "constant",
}


@dataclass(frozen=True, slots=True)
class Asset:
    """One static file, with its validator and a gzip copy for clients that take it."""

    body: bytes
    content_type: str
    etag: str
    gzipped: bytes

    @property
    def version(self) -> str:
        return self.etag.strip('"')[:12]


@lru_cache(maxsize=None)
def asset(name: str) -> Asset | None:
    """The packaged asset ``name``, or None when the table does not list it."""
    content_type = ASSET_TYPES.get(name)
    if content_type is None:
        return None
    folder = resources.files("graph.serve_assets")
    body = (folder / "vendor" / name if name.startswith("codemirror") else folder / name).read_bytes()
    digest = hashlib.sha256(body).hexdigest()
    return Asset(body, content_type, f'"{digest[:32]}"', gzip.compress(body, mtime=0))


def asset_url(name: str) -> str:
    """The versioned URL of an asset: a new release is a new URL, so caches may keep it forever."""
    found = asset(name)
    assert found is not None, name
    return f"/assets/{name}?v={found.version}"


@lru_cache(maxsize=1)
def _query_template() -> str:
    text = resources.files("graph.serve_assets").joinpath("query.html").read_text(encoding="utf-8")
    return re.sub(r"@@ASSET:([\w.\-]+)@@", lambda m: asset_url(m.group(1)), text)


def query_page(nonce: str) -> bytes:
    """The query page, its asset links versioned; the example query sits in the textarea.

    ``nonce`` lets the editor's generated stylesheet (CodeMirror writes one
    ``<style>`` element) through a CSP that allows no other inline style.
    """
    assert re.fullmatch(r"[\w-]+", nonce), nonce
    return _query_template().replace("@@NONCE@@", nonce).encode("utf-8")


def query_page_csp(nonce: str) -> str:
    return PAGE_CSP.replace("style-src 'self'", f"style-src 'self' 'nonce-{nonce}'")


def inline_script_csp(page: bytes) -> str:
    """A CSP for a page of inline scripts (the explorer): only these exact scripts run."""
    scripts = re.findall(rb"<script>(.*?)</script>", page, re.S)
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s).digest()).decode()}'" for s in scripts)
    return (f"default-src 'none'; script-src {hashes or NONE}; style-src 'unsafe-inline'; "
            "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


# --------------------------------------------------------------------------
# The catalog: prefixes, vocabulary and saved queries for the editor


@lru_cache(maxsize=1)
def catalog_json() -> bytes:
    """What the query page offers: prefixes, ontology terms, saved queries with their parameters."""
    from graph.query import STANDARD_PREFIXES

    data = {"prefixes": STANDARD_PREFIXES, "terms": ontology_terms(), "queries": saved_queries()}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def saved_queries() -> list[dict[str, Any]]:
    """Each saved query of ``ontology/queries`` as the menu shows it."""
    from graph.query import list_saved_queries
    from graph.query_params import required_params

    return [{"name": q.name, "description": q.description, "text": q.text, "params": list(q.params),
             "required": list(required_params(q.text))} for q in list_saved_queries()]


def ontology_terms() -> list[dict[str, str]]:
    """Classes, properties and concepts of the ontology as ``ikg:`` completions."""
    from graph import paths

    store = ox.Store()
    store.load(path=str(paths.ONTOLOGY / "influence.ttl"), format=ox.RdfFormat.TURTLE)
    rows = store.query(
        "SELECT ?s ?type (SAMPLE(?l) AS ?label) WHERE { ?s a ?type . "
        "OPTIONAL { ?s <http://www.w3.org/2000/01/rdf-schema#label>|<http://www.w3.org/2004/02/skos/core#prefLabel> ?l "
        "FILTER(LANG(?l) IN (\"\", \"en\")) } } GROUP BY ?s ?type")
    terms: dict[str, dict[str, str]] = {}
    for row in rows:
        subject, kind = row["s"], _TERM_TYPES.get(row["type"].value)
        if kind and isinstance(subject, ox.NamedNode) and subject.value.startswith(ONTOLOGY_NS):
            name = "ikg:" + subject.value.removeprefix(ONTOLOGY_NS)
            terms.setdefault(name, {"label": name, "type": kind, "detail": row["label"].value if row["label"] else ""})
    return sorted(terms.values(), key=lambda t: t["label"])


def bound_query(name: str, params: dict[str, str]) -> str:
    """A saved query's text with the given parameters bound, as ``kg query --param`` does."""
    from graph.query import bind_params, load_saved_query

    query = load_saved_query(name)
    given = {k: v for k, v in params.items() if v != ""}
    if any(len(k) > 64 or len(v) > 2000 for k, v in given.items()):
        raise QueryError("a parameter name or value is too long; shorten it")
    return bind_params(query.text, given)
