"""The network page in headless Chromium: offline, counts, no errors, no injection."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.render import render_html

from .conftest import screenshot

pytestmark = pytest.mark.browser
DATA = Path(__file__).parents[1] / "data" / "views"


@pytest.mark.parametrize(
    ("view", "nodes", "edges"),
    [("edges", 13, 13), ("facts", 22, 23)],
    ids=["edges-view", "facts-view"],
)
def test_page_loads_offline_with_expected_counts(open_page, tmp_path: Path, view: str, nodes: int, edges: int) -> None:
    stats = render_html(DATA / "sample.trig", tmp_path / "net.html", view=view)
    loaded = open_page(stats.output)
    assert loaded.eval("[network.body.data.nodes.length, network.body.data.edges.length]") == [nodes, edges]
    assert loaded.eval("[ikgNodes.length, ikgEdges.length]") == [stats.nodes, stats.edges]
    assert loaded.requests == []
    assert loaded.errors == []
    assert screenshot(loaded, f"render_{view}.png").stat().st_size > 10_000


def test_injected_markup_shows_as_text_and_runs_nothing(open_page, tmp_path: Path) -> None:
    stats = render_html(DATA / "injection.trig", tmp_path / "evil.html", title="<i>x</i> <script>alert(5)</script>")
    loaded = open_page(stats.output)
    assert loaded.eval("[ikgNodes.length, ikgEdges.length]") == [3, 2]
    labels = loaded.eval("ikgNodes.get().map(n => n.label).sort()")
    assert "<img src=x onerror=alert(1)>" in labels
    assert "</script><script>window.__pwned = 1</script><!--" in labels
    assert loaded.eval("document.querySelector('h1').textContent") == "<i>x</i> <script>alert(5)</script>"
    assert loaded.eval("document.querySelectorAll('img, svg, b, i, a[href]').length") == 0
    _hover(loaded, "https://w3id.org/influence-kg/id/actor/serbia")
    _hover_edge(loaded)
    tip = loaded.eval("document.getElementById('ikg-tip').textContent")
    assert '<img src=x onerror="window.__pwned = 2">' in tip and "<svg onload=alert(2)>.txt" in tip
    assert loaded.eval("document.querySelectorAll('#ikg-tip *:not(strong):not(div):not(span):not(blockquote):not(cite)').length") == 0
    assert loaded.eval("window.__pwned === undefined") is True
    assert loaded.dialogs == [] and loaded.requests == [] and loaded.errors == []
    screenshot(loaded, "render_injection.png")


def _hover(loaded, node_id: str) -> None:
    x, y = loaded.eval(
        f"(() => {{ const p = network.getPositions(['{node_id}'])['{node_id}'];"
        " const d = network.canvasToDOM(p); const r = document.getElementById('ikg-network')"
        ".getBoundingClientRect(); return [r.left + d.x, r.top + d.y]; })()"
    )
    loaded.page.mouse.move(x, y)
    loaded.page.wait_for_timeout(300)


def _hover_edge(loaded) -> None:
    """Move to the middle of the investment edge, where its tooltip opens."""
    x, y = loaded.eval(
        "(() => { const e = ikgEdges.get().find(e => e.ft === 'investment');"
        " const p = network.getPositions([e.from, e.to]);"
        " const a = network.canvasToDOM(p[e.from]), b = network.canvasToDOM(p[e.to]);"
        " const r = document.getElementById('ikg-network').getBoundingClientRect();"
        " return [r.left + (a.x + b.x) / 2, r.top + (a.y + b.y) / 2]; })()"
    )
    loaded.page.mouse.move(x, y)
    loaded.page.wait_for_timeout(300)


def test_hover_shows_evidence_and_source(open_page, tmp_path: Path) -> None:
    loaded = open_page(render_html(DATA / "sample.trig", tmp_path / "net.html", view="facts").output)
    fact = "https://w3id.org/influence-kg/id/investment/hesteel-smederevo"
    _hover(loaded, fact)
    tip = loaded.eval("document.getElementById('ikg-tip')")
    assert loaded.eval("getComputedStyle(document.getElementById('ikg-tip')).display") == "block", tip
    text = loaded.eval("document.getElementById('ikg-tip').textContent")
    assert "This €42 million transaction" in text
    assert "002_serbia_china_balkans.txt" in text
    screenshot(loaded, "render_tooltip.png")


@pytest.mark.parametrize(
    ("action", "nodes", "edges"),
    [
        ("document.querySelector('#ikg-types input[value=event]').click()", 10, 8),
        ("(() => { const s = document.getElementById('ikg-country'); s.value = 'France';"
         " s.dispatchEvent(new Event('change')); })()", 5, 5),
        ("(() => { const i = document.getElementById('ikg-from'); i.value = '2024';"
         " i.dispatchEvent(new Event('change')); })()", 6, 7),
    ],
    ids=["hide-events", "country-france", "from-2024"],
)
def test_in_page_filters(open_page, tmp_path: Path, action: str, nodes: int, edges: int) -> None:
    loaded = open_page(render_html(DATA / "sample.trig", tmp_path / "net.html").output)
    loaded.eval(action)
    assert loaded.eval("[network.body.data.nodes.length, network.body.data.edges.length]") == [nodes, edges]
    assert loaded.errors == []
