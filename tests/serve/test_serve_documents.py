"""``/document/<id>?start=&end=`` (issue 10): the built text, the evidence marked, hostile input refused."""

from __future__ import annotations

import html
import json
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

from graph.serve import ServeLimits, ServeOptions, SparqlServer, make_server

DOC = "valdoria-copper"
EVIDENCE = """SELECT ?text ?start ?end WHERE {
  ?f a ikg:Investment ; ikg:evidence ?e . ?e ikg:text ?text ; ikg:charStart ?start ; ikg:charEnd ?end
} ORDER BY ?start"""


def _get(url: str) -> tuple[int, str, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=20) as r:
            return r.status, r.read().decode("utf-8"), {k.lower(): v for k, v in r.headers.items()}
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8"), {k.lower(): v for k, v in e.headers.items()}


def _evidence(server: SparqlServer) -> list[tuple[str, int, int]]:
    status, body, _ = _get(f"{server.url}/sparql?query={quote(EVIDENCE)}")
    assert status == 200, body
    rows = json.loads(body)["results"]["bindings"]
    return [(r["text"]["value"], int(r["start"]["value"]), int(r["end"]["value"])) for r in rows]


def _marked(page: str) -> str:
    found = re.findall(r'<mark id="evidence">(.*?)</mark>', page, re.S)
    assert len(found) == 1, page
    return html.unescape(found[0])


def test_the_page_marks_exactly_the_evidence_sentence(documents_server: SparqlServer) -> None:
    evidence = _evidence(documents_server)
    assert evidence, "the built article states an investment"
    for text, start, end in evidence:
        status, page, headers = _get(f"{documents_server.url}/document/{DOC}?start={start}&end={end}")
        assert status == 200 and headers["content-type"].startswith("text/html")
        assert _marked(page) == text


def test_without_offsets_the_whole_text_is_shown_unmarked(documents_server: SparqlServer) -> None:
    status, page, _ = _get(f"{documents_server.url}/document/{DOC}")
    assert status == 200 and "<mark" not in page
    assert "Valdoria Mining said on Tuesday" in html.unescape(page)


def test_document_text_is_html_escaped(documents_server: SparqlServer) -> None:
    status, page, headers = _get(f"{documents_server.url}/document/{DOC}")
    assert status == 200
    assert "<script" not in page and "<jobs>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page and "deal &amp; said &lt;jobs&gt;" in page
    assert "script-src 'self'" in headers["content-security-policy"]


@pytest.mark.parametrize("path", [
    "/document/no-such-article",
    "/document/VALDORIA-COPPER",
    "/document/..%2F..%2Fetc%2Fpasswd",
    "/document/%2e%2e",
    "/document/valdoria_copper.txt",
    "/document/..",
    "/document/",
    "/document/" + "a" * 300,
], ids=["unknown", "upper-case", "encoded-traversal", "encoded-dots", "file-name", "dots", "empty", "overlong"])
def test_unknown_ids_are_404(documents_server: SparqlServer, path: str) -> None:
    status, body, _ = _get(documents_server.url + path)
    assert status == 404, body
    assert "root:" not in body and "Valdoria" not in body


@pytest.mark.parametrize("query, says", [
    ("start=120&end=40", "outside the document"),
    ("start=0&end=999999", "outside the document"),
    ("start=5&end=5", "outside the document"),
    ("start=-1&end=10", "whole numbers"),
    ("start=abc&end=10", "whole numbers"),
    ("start=1e3&end=2000", "whole numbers"),
    ("start=%D9%A1&end=10", "whole numbers"),  # an Arabic-Indic digit one: isdigit() says yes
    ("start=99999999999999999999&end=99999999999999999999", "whole numbers"),
    ("start=10", "both start and end"),
    ("start=1&start=2&end=10", "both start and end"),
], ids=["reversed", "past-the-end", "empty-span", "negative", "letters", "exponent", "non-ascii-digit",
        "huge", "start-only", "start-twice"])
def test_bad_offsets_are_400(documents_server: SparqlServer, query: str, says: str) -> None:
    status, body, _ = _get(f"{documents_server.url}/document/{DOC}?{query}")
    assert status == 400 and says in body, body
    assert "\n" not in body.strip()


def test_explorer_links_evidence_only_when_texts_are_served(documents_server: SparqlServer, server: SparqlServer) -> None:
    assert '<meta name="ikg-document-base" content="/document/">' in _get(documents_server.url + "/network")[1]
    assert '<meta name="ikg-document-base" content=' not in _get(server.url + "/network")[1]


def test_without_documents_the_route_says_how_to_serve_them(server: SparqlServer) -> None:
    status, body, _ = _get(f"{server.url}/document/d1?start=0&end=4")
    assert status == 404 and "--documents" in body


def test_a_file_changed_since_the_build_is_not_shown(built_corpus: tuple[Path, Path], tmp_path: Path) -> None:
    folder, graph = built_corpus
    changed = tmp_path / "corpus"
    shutil.copytree(folder, changed)
    path = changed / "valdoria_copper.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("€40 million", "€41 million"), encoding="utf-8")
    srv = make_server(graph, port=0, limits=ServeLimits(workers=1), options=ServeOptions(documents=changed)).start()
    try:
        status, body, _ = _get(f"{srv.url}/document/{DOC}?start=0&end=10")
    finally:
        srv.stop()
    assert status == 404 and "kg build again" in body


def test_a_missing_documents_folder_is_refused_at_start(graph_file: Path, tmp_path: Path) -> None:
    from graph.errors import KGError

    with pytest.raises(KGError, match="no such folder; give --documents"):
        make_server(graph_file, port=0, options=ServeOptions(documents=tmp_path / "absent"))
