"""The query page in headless Chromium: type a query, run it, read the table."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import require_browser

from graph.serve import SparqlServer

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def page() -> Iterator[object]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        context = browser.new_context()
        yield context.new_page()
        context.close()
        browser.close()


def test_query_box_runs_a_select_and_shows_a_table(server: SparqlServer, page: object) -> None:
    page.goto(server.url + "/")  # type: ignore[attr-defined]
    page.fill("#query", "SELECT ?label WHERE { ?a a ikg:Country ; rdfs:label ?label } ORDER BY ?label")  # type: ignore[attr-defined]
    page.click("#run")  # type: ignore[attr-defined]
    page.wait_for_selector("#results td")  # type: ignore[attr-defined]
    cells = page.locator("#results td").all_inner_texts()  # type: ignore[attr-defined]
    assert cells == ["China", "Serbia"]
    assert page.inner_text("#status") == "2 rows"  # type: ignore[attr-defined]


def test_query_box_shows_the_error_of_a_malformed_query(server: SparqlServer, page: object) -> None:
    page.goto(server.url + "/")  # type: ignore[attr-defined]
    page.fill("#query", "SELECT ?x WHERE { ?x ?p }")  # type: ignore[attr-defined]
    page.click("#run")  # type: ignore[attr-defined]
    page.wait_for_function("document.getElementById('error').textContent.length > 0")  # type: ignore[attr-defined]
    assert "malformed SPARQL" in page.inner_text("#error")  # type: ignore[attr-defined]
    assert page.inner_text("#status") == "error 400"  # type: ignore[attr-defined]


def test_network_link_opens_the_network_view(server: SparqlServer, page: object) -> None:
    page.goto(server.url + "/")  # type: ignore[attr-defined]
    page.click("#network")  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]
    assert page.url.endswith("/network")  # type: ignore[attr-defined]
    assert "Zijin Mining" in page.content()  # type: ignore[attr-defined]
