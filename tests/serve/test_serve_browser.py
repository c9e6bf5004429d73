"""kg serve's pages in headless Chromium (issue 10), offline: every request to another
origin is aborted and recorded, console errors (CSP violations among them) are kept.

The query page: the bundled editor highlights, the default example answers, a saved
query from the menu fills the editor and asks for its parameters, prefixes complete,
result IRIs open the explorer; the explorer's evidence opens the document with the
sentence marked. Screenshots go to tests/artifacts/serve_*.png.
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import require_browser

from graph.query import load_saved_query
from graph.serve import SparqlServer

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).parents[1] / "artifacts"
ID = "https://w3id.org/influence-kg/id/"
EDITOR_TEXT = "[...document.querySelectorAll('#editor .cm-line')].map(l => l.textContent).join('\\n')"


@dataclass
class Opened:
    page: object
    origin: str
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def eval(self, expression: str):  # CDP evaluation: allowed whatever the page's CSP
        return self.page.evaluate(expression)  # type: ignore[attr-defined]

    def wait(self, expression: str, *, timeout: float = 20.0):
        """Poll from Python: the pages' CSP forbids the eval wait_for_function uses."""
        deadline = time.monotonic() + timeout
        while not (value := self.eval(expression)):
            assert time.monotonic() < deadline, f"timed out waiting for {expression}; errors: {self.errors}"
            time.sleep(0.05)
        return value

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / name))  # type: ignore[attr-defined]
        return ARTIFACTS / name


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture()
def open_page(browser: object) -> Iterator:
    contexts = []

    def _open(server: SparqlServer, path: str, *, ready: str = "window.ikgQueryReady === true") -> Opened:
        context = browser.new_context(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
        contexts.append(context)
        opened = Opened(context.new_page(), server.url)
        opened.page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        opened.page.on("pageerror", lambda e: opened.errors.append(str(e)))
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(server.url + "/")
                      else (opened.outside.append(r.request.url), r.abort()))
        opened.page.goto(server.url + path)
        opened.wait(ready)
        return opened

    yield _open
    for context in contexts:
        context.close()


def _rows(page: Opened) -> list[list[str]]:
    return page.eval("[...document.querySelectorAll('#results tr')].slice(1).map(r => [...r.cells].map(c => c.textContent))")


def _run(page: Opened) -> str:
    page.page.click("#run")  # type: ignore[attr-defined]
    return page.wait("(s => /rows?$|row$|error|answer|not run/.test(s) && s)(document.getElementById('status').textContent)")


def _type_query(page: Opened, text: str) -> None:
    page.page.click("#editor .cm-content")  # type: ignore[attr-defined]
    page.page.keyboard.press("Control+a")  # type: ignore[attr-defined]
    page.page.keyboard.press("Delete")  # type: ignore[attr-defined]
    page.page.keyboard.insert_text(text)  # type: ignore[attr-defined]


def test_the_page_loads_offline_with_a_highlighting_editor(server: SparqlServer, open_page) -> None:
    page = open_page(server, "/")
    assert page.eval("document.getElementById('query').hidden") and page.eval("!!document.querySelector('#editor .cm-editor')")
    colours = page.eval("""Object.fromEntries([...document.querySelectorAll('#editor .cm-line span')]
        .map(s => [s.textContent, getComputedStyle(s).color]))""")
    plain = page.eval("getComputedStyle(document.querySelector('#editor .cm-content')).color")
    assert colours["SELECT"] != plain and colours["?investorName"] != plain
    assert colours["SELECT"] != colours["?investorName"] and len(set(colours.values())) >= 3
    assert page.outside == [] and page.errors == []
    page.shot("serve_query_editor.png")


def test_the_default_example_answers_and_its_iris_open_the_explorer(server: SparqlServer, open_page) -> None:
    page = open_page(server, "/")
    assert _run(page) == "1 row"
    names = page.eval("[...document.querySelectorAll('#results th')].map(h => h.textContent)")
    row = dict(zip(names, _rows(page)[0]))
    assert (row["investorName"], row["targetName"]) == ("Zijin Mining", "Serbia Zijin Copper")
    links = page.eval("Object.fromEntries([...document.querySelectorAll('#results td a')].map(a => [a.textContent, a.getAttribute('href')]))")
    assert links["id:actor/zijin-mining"] == "/network#" + quote(f"{ID}actor/zijin-mining", safe="")
    assert links["id:investment/i1"] == "/network#" + quote(f"{ID}investment/i1", safe="")
    page.shot("serve_query_results.png")
    page.page.click("text=id:actor/zijin-mining")  # type: ignore[attr-defined]
    page.wait("window.ikgReady === true && !document.getElementById('ikg-panel').hidden")
    assert page.eval("document.querySelector('#ikg-panel h2').textContent") == "Zijin Mining"
    assert page.outside == [] and page.errors == []
    page.shot("serve_iri_to_explorer.png")


def test_a_fact_iri_opens_the_explorer_on_that_fact(server: SparqlServer, open_page) -> None:
    page = open_page(server, "/network#" + quote(f"{ID}investment/i1", safe=""),
                     ready="window.ikgReady === true && !document.getElementById('ikg-panel').hidden")
    assert "Zijin Mining" in page.eval("document.getElementById('ikg-panel').textContent")
    assert page.errors == []


def test_a_saved_query_from_the_menu_fills_the_editor_and_asks_for_its_parameter(server: SparqlServer, open_page) -> None:
    page = open_page(server, "/")
    page.page.select_option("#saved", "actor_profile")  # type: ignore[attr-defined]
    assert page.eval(EDITOR_TEXT) == load_saved_query("actor_profile").text
    assert page.eval("document.getElementById('param-actor').placeholder") == "required"
    assert _run(page) == "not run" and "actor" in page.eval("document.getElementById('error').textContent")
    page.page.fill("#param-actor", "zijin mining")  # type: ignore[attr-defined]
    page.page.press("#param-actor", "Tab")  # type: ignore[attr-defined]
    page.wait(f"{EDITOR_TEXT}.includes('\"zijin mining\"')")
    assert _run(page) == "1 row"
    assert _rows(page)[0][:3] == ["Zijin Mining", "investor", "investment"]
    assert page.errors == []
    page.shot("serve_saved_query.png")


def test_prefixes_complete_and_can_be_written_out(server: SparqlServer, open_page) -> None:
    page = open_page(server, "/")
    _type_query(page, "SELECT ?x WHERE { ?x a ikg:Inv")
    page.page.keyboard.press("Control+Space")  # type: ignore[attr-defined]
    offered = page.wait("[...document.querySelectorAll('.cm-tooltip-autocomplete li')].map(l => l.textContent).join('|')")
    assert "ikg:Investment" in offered
    page.page.keyboard.press("Escape")  # type: ignore[attr-defined]
    page.page.click("#prefixes summary")  # type: ignore[attr-defined]
    page.page.click("#declare")  # type: ignore[attr-defined]
    assert page.eval(EDITOR_TEXT).startswith("PREFIX ikg: <https://w3id.org/influence-kg/ontology#>\nSELECT")


@pytest.mark.parametrize("typed, status, shown", [
    ("SELECT ?label WHERE { ?a a ikg:Country ; rdfs:label ?label } ORDER BY ?label", "2 rows", ["China", "Serbia"]),
    ("SELECT ?x WHERE { ?x ?p }", "error 400", "malformed SPARQL"),
], ids=["typed-query", "malformed"])
def test_ctrl_enter_runs_what_was_typed(server: SparqlServer, open_page, typed: str, status: str, shown) -> None:
    page = open_page(server, "/")
    _type_query(page, typed)
    page.page.keyboard.press("Control+Enter")  # type: ignore[attr-defined]
    assert page.wait("(s => s !== 'running\u2026' && s)(document.getElementById('status').textContent)") == status
    if isinstance(shown, list):
        assert [r[0] for r in _rows(page)] == shown
    else:
        assert shown in page.eval("document.getElementById('error').textContent")


def _evidence(server: SparqlServer) -> tuple[str, str, int]:
    """An investor, and the body sentence (not the headline) stating its investment."""
    query = ("SELECT ?a ?text ?start WHERE { ?f a ikg:Investment ; ikg:investor ?a ; ikg:evidence ?e . "
             "?e ikg:text ?text ; ikg:charStart ?start FILTER(?start > 0) } ORDER BY ?start LIMIT 1")
    with urllib.request.urlopen(f"{server.url}/sparql?query={quote(query)}", timeout=20) as r:
        (row,) = json.loads(r.read())["results"]["bindings"]
    return row["a"]["value"], row["text"]["value"], int(row["start"]["value"])


def test_evidence_in_the_explorer_opens_the_document_with_the_sentence_marked(documents_server: SparqlServer,
                                                                              open_page) -> None:
    actor, sentence, start = _evidence(documents_server)
    page = open_page(documents_server, "/network", ready="window.ikgReady === true")
    page.eval(f"ikgSelect({json.dumps(actor)})")
    link = f"#ikg-panel a.doc[href^='/document/valdoria-copper?start={start}&end=']"
    href = page.wait(f"(a => a && a.getAttribute('href'))(document.querySelector({json.dumps(link)}))")
    assert href.endswith(f"&end={start + len(sentence)}#evidence")
    page.shot("serve_explorer_evidence_link.png")
    page.page.goto(documents_server.url + href)  # type: ignore[attr-defined]
    page.wait("!!document.querySelector('mark#evidence')")
    assert page.eval("document.querySelector('mark#evidence').textContent") == sentence
    assert page.eval("document.querySelectorAll('mark, script').length") == 1  # the article's own <script> is text
    assert page.eval("getComputedStyle(document.querySelector('mark#evidence')).backgroundColor") != "rgba(0, 0, 0, 0)"
    assert page.outside == [] and page.errors == []
    page.shot("serve_document.png")
