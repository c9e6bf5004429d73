"""``/document/<id>?start=&end=`` under ``kg serve``: a source text with one sentence marked.

The graph keeps each evidence sentence and its offsets, not whole articles: a
graph stays small, and the endpoint does not republish the corpus to whoever
can query it. The texts are read from the folder the graph was built from,
given as ``kg serve --documents DIR``. Files there are matched to the graph's
documents by content hash (``ikg:contentHash``), never by a name taken from the
request, so offsets always index the exact text that was built and no request
can reach a file the graph does not name.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from http import HTTPStatus
from pathlib import Path
from typing import Callable, Mapping

from graph.errors import IngestError, NoDocumentsError
from graph.serve_eval import HttpError

DOCUMENT_PREFIX = "https://w3id.org/influence-kg/id/document/"
DOCUMENT_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,199}")
MAX_OFFSET_DIGITS = 12
NO_SUCH_DOCUMENT = ("no such document in this graph; follow a link from the explorer "
                    "or list documents with SELECT ?d WHERE { ?d a ikg:Document }")
ENTRY = """PREFIX ikg: <https://w3id.org/influence-kg/ontology#>
SELECT ?hash (SAMPLE(?f) AS ?file) (SAMPLE(?t) AS ?title) (SAMPLE(?p) AS ?published) WHERE {
  <IRI> a ikg:Document ; ikg:contentHash ?hash .
  OPTIONAL { <IRI> ikg:fileName ?f } OPTIONAL { <IRI> ikg:title ?t } OPTIONAL { <IRI> ikg:published ?p }
} GROUP BY ?hash"""


@dataclass(frozen=True, slots=True)
class DocumentEntry:
    """What the graph says of one document: enough to find and head its text."""

    doc_id: str
    sha256: str
    file_name: str
    title: str = ""
    published: str = ""


def entry_query(doc_id: str) -> str:
    """The query for one document's hash and heading; ``doc_id`` must have passed :func:`check_id`."""
    assert DOCUMENT_ID.fullmatch(doc_id), doc_id
    return ENTRY.replace("IRI", DOCUMENT_PREFIX + doc_id)


def parse_entry(doc_id: str, results: bytes) -> DocumentEntry:
    """The entry from the query's JSON results; 404 when the graph has no such document."""
    rows = json.loads(results)["results"]["bindings"]
    if not rows:
        raise HttpError(HTTPStatus.NOT_FOUND, NO_SUCH_DOCUMENT)
    value = {k: v["value"] for k, v in rows[0].items()}
    return DocumentEntry(doc_id, value["hash"], value.get("file", ""), value.get("title", ""), value.get("published", ""))


class DocumentShelf:
    """The texts of ``--documents DIR``, found by content hash; hashed once, on first use."""

    def __init__(self, folder: Path, *, max_bytes: int = 20_000_000) -> None:
        if not folder.is_dir():
            raise NoDocumentsError(f"{folder}: no such folder; give --documents the folder the graph was built from")
        self.folder = folder
        self.max_bytes = max_bytes
        self._by_hash: dict[str, Path] | None = None
        self._lock = threading.Lock()

    def path_of(self, entry: DocumentEntry) -> Path:
        """The file holding ``entry``'s exact bytes; 404 when the folder has none."""
        with self._lock:
            if self._by_hash is None:
                self._by_hash = self._hash_files()
        path = self._by_hash.get(entry.sha256)
        if path is None:
            raise HttpError(HTTPStatus.NOT_FOUND,
                            f"document {entry.doc_id} ({entry.file_name}) is not in {self.folder} as it was built "
                            "(changed, moved or removed); run kg build again or point --documents at the build's input")
        return path

    def _hash_files(self) -> dict[str, Path]:
        from graph.ingest.reader import SUPPORTED_SUFFIXES

        found: dict[str, Path] = {}
        for root, dirs, files in os.walk(self.folder):  # symbolic links to folders are not followed
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                path = Path(root) / name
                if path.suffix.lower() in SUPPORTED_SUFFIXES and path.is_file() and path.stat().st_size <= self.max_bytes:
                    found.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), path)
        return found


@lru_cache(maxsize=16)
def _read(path: Path, sha256: str) -> str:
    """A document's text as the build read it (offsets index it); 409 if the file changed since."""
    from graph.ingest.reader import read_document

    try:
        document = read_document(path)
    except IngestError as e:
        raise HttpError(HTTPStatus.INTERNAL_SERVER_ERROR, f"cannot read the document text: {e}") from e
    if document.sha256 != sha256:
        raise HttpError(HTTPStatus.CONFLICT, f"{path.name} changed while kg serve was running; restart kg serve")
    return document.source_text


def document_text(shelf: DocumentShelf, entry: DocumentEntry) -> str:
    return _read(shelf.path_of(entry), entry.sha256)


def check_id(doc_id: str) -> str:
    """``doc_id`` if it can be a document id (a slug); 404 for anything else."""
    if not DOCUMENT_ID.fullmatch(doc_id):
        raise HttpError(HTTPStatus.NOT_FOUND, NO_SUCH_DOCUMENT)
    return doc_id


def span(params: Mapping[str, list[str]], length: int) -> tuple[int, int] | None:
    """The ``start``/``end`` offsets asked for (None: no highlight); 400 unless 0 <= start < end <= length."""
    given = {k: params[k] for k in ("start", "end") if k in params}
    if not given:
        return None
    if set(given) != {"start", "end"} or any(len(v) != 1 for v in given.values()):
        raise HttpError(HTTPStatus.BAD_REQUEST, "give both start and end, once each (character offsets)")
    raw = given["start"][0], given["end"][0]
    if not all(v.isascii() and v.isdigit() and len(v) <= MAX_OFFSET_DIGITS for v in raw):
        raise HttpError(HTTPStatus.BAD_REQUEST, "start and end must be whole numbers of characters, e.g. ?start=0&end=40")
    start, end = int(raw[0]), int(raw[1])
    if not start < end <= length:
        raise HttpError(HTTPStatus.BAD_REQUEST,
                        f"offsets {start}-{end} are outside the document (0-{length}); need start < end <= {length}")
    return start, end


def document_page(entry: DocumentEntry, text: str, where: tuple[int, int] | None) -> bytes:
    """The document as HTML, every piece of text escaped, the evidence in ``<mark id="evidence">``."""
    from graph.serve_pages import asset_url

    esc = html.escape
    if where is None:
        body = esc(text)
        note = ""
    else:
        start, end = where
        body = f'{esc(text[:start])}<mark id="evidence">{esc(text[start:end])}</mark>{esc(text[end:])}'
        note = f" · characters {start}\u2013{end} highlighted"
    title = entry.title or entry.file_name or entry.doc_id
    meta = " · ".join(esc(x) for x in (entry.file_name, f"published {entry.published}" if entry.published else "") if x)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>'
            f'<link rel="stylesheet" href="{asset_url("document.css")}"></head>\n<body><header>'
            f'<h1>{esc(title)}</h1><p>{meta}{note} · <a href="/network">explorer</a> · <a href="/">query</a></p>'
            f'</header>\n<div id="text">{body}</div>\n</body></html>\n').encode("utf-8")


def answer_document(shelf: DocumentShelf | None, lookup: Callable[[str], DocumentEntry], doc_id: str,
                    params: Mapping[str, list[str]]) -> bytes:
    """The page for one request: 404 without a shelf or for an unknown id, 400 for bad offsets."""
    if shelf is None:
        raise HttpError(HTTPStatus.NOT_FOUND, "this server has no document texts; start it with "
                        "kg serve GRAPH --documents DIR (the folder the graph was built from)")
    entry = lookup(check_id(doc_id))
    text = document_text(shelf, entry)
    return document_page(entry, text, span(params, len(text)))
