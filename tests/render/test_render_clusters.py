"""Big pages in headless Chromium: opened clustered, a click opens a cluster,
search reveals an actor inside one, the mode switch regroups, filters still
count the same facts as the unclustered page (issue 10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.render import render_html

from .conftest import screenshot
from .made_up_graph import ACCENTED, made_up_graph

pytestmark = pytest.mark.browser
DRAWN = "network.body.nodeIndices.slice().sort()"  # what the canvas holds now
CLOSED = "ikgClusterView.closed().sort()"


@pytest.fixture(scope="module")
def graph():
    return made_up_graph()


@pytest.fixture()
def clustered(open_page, graph, tmp_path: Path):
    return open_page(render_html(graph, tmp_path / "big.html", cluster_above=100).output)


def _click_node(loaded, node_id: str) -> None:
    x, y = loaded.eval(
        f"(() => {{ const d = network.canvasToDOM(network.getPositions(['{node_id}'])['{node_id}']);"
        " const r = document.getElementById('ikg-network').getBoundingClientRect(); return [r.left + d.x, r.top + d.y]; })()"
    )
    loaded.page.mouse.click(x, y)
    loaded.page.wait_for_timeout(150)


def _inside_canvas(loaded, ids: list[str]) -> bool:
    return loaded.eval(
        f"(() => {{ const c = document.getElementById('ikg-network'); const p = network.getPositions({ids!r});"
        " return Object.values(p).map(q => network.canvasToDOM(q)).every(d => d.x >= 0 && d.y >= 0 && d.x <= c.clientWidth && d.y <= c.clientHeight); })()"
    )


@pytest.mark.parametrize(("cluster_above", "drawn"), [(100, 5), (1000, 240)], ids=["above-threshold", "below-threshold"])
def test_a_page_opens_clustered_only_above_the_threshold(open_page, graph, tmp_path: Path, cluster_above: int, drawn: int) -> None:
    loaded = open_page(render_html(graph, tmp_path / "p.html", cluster_above=cluster_above).output)
    assert len(loaded.eval(DRAWN)) == drawn
    assert loaded.eval("ikgVisible()")[0] == 240  # the filters' count is of actors either way
    assert loaded.eval("document.getElementById('ikg-grouping').hidden") is (cluster_above > 240)
    assert loaded.errors == [] and loaded.requests == []
    if drawn == 5:
        labels = loaded.eval("ikgNodes.get(network.body.nodeIndices).map(n => n.label.split('\\n')[0]).sort()")
        assert labels == ["Aurelia", "Borovia", "Caldera", "Dunmark", "Estrava"]
        assert loaded.eval("network.physics.options.enabled") is False
        screenshot(loaded, "render_clusters_country.png")


def test_edges_between_clusters_carry_every_crossing_fact_once(clustered) -> None:
    per_edge = clustered.eval("ikgEdges.get({filter: e => e.agg}).map(e => [e.from, e.to, e.facts.length, e.label])")
    assert per_edge and all(label == f"{n} fact" + ("s" if n != 1 else "") for _, _, n, label in per_edge)
    crossing = clustered.eval(
        "(() => { const g = id => ikgNodes.get(id).grp[0]; return new Set(ikgEdges.get({filter: e => !e.agg && g(e.from) !== g(e.to)})"
        ".flatMap(e => e.facts)).size; })()"
    )
    assert sum(n for _, _, n, _ in per_edge) == crossing
    assert len({tuple(sorted((a, b))) for a, b, _, _ in per_edge}) == len(per_edge)  # one edge per pair of clusters


def test_clicking_a_cluster_opens_it_and_fits_its_members(clustered) -> None:
    target = clustered.eval(CLOSED)[0]
    members = clustered.eval(f"ikgNodes.getIds({{filter: n => !n.cluster && n.grp[0] === ikgNodes.get('{target}').cluster[1]}})")
    _click_node(clustered, target)
    drawn = set(clustered.eval(DRAWN))
    assert target not in drawn and set(members) <= drawn
    assert target not in clustered.eval(CLOSED) and len(clustered.eval(CLOSED)) == 4
    assert _inside_canvas(clustered, members)
    assert clustered.eval("network.getScale()") > 0.3  # zoomed in on the group, names readable
    assert clustered.errors == []
    screenshot(clustered, "render_clusters_opened.png")


@pytest.mark.parametrize("typed", ["Velmora Stepanik", "vëlmora"], ids=["unaccented", "accented-prefix"])
def test_search_reveals_and_selects_an_actor_inside_a_cluster(clustered, typed: str) -> None:
    actor = clustered.eval(f"ikgNodes.get({{filter: n => n.label === '{ACCENTED}'}})[0].id")
    assert actor not in clustered.eval(DRAWN)
    search = clustered.page.locator("#ikg-search")
    search.fill(typed)
    search.press("Enter")
    clustered.page.wait_for_timeout(150)
    assert actor in clustered.eval(DRAWN)
    assert clustered.eval("network.getSelectedNodes()") == [actor]
    assert clustered.eval("document.querySelector('#ikg-panel h2').textContent") == ACCENTED
    x, y = clustered.eval(f"(d => [d.x, d.y])(network.canvasToDOM(network.getPositions(['{actor}'])['{actor}']))")
    w, h = clustered.eval("[document.getElementById('ikg-network').clientWidth, document.getElementById('ikg-network').clientHeight]")
    assert abs(x - w / 2) < 5 and abs(y - h / 2) < 5  # centred
    assert len(clustered.eval(CLOSED)) == 4  # only its own cluster opened
    if typed == "Velmora Stepanik":
        screenshot(clustered, "render_clusters_search.png")


@pytest.mark.parametrize(
    ("fragment", "drawn"),
    [("actor/made-up-0", ["actor/made-up-0"]), ("investment/made-up-1", ["actor/made-up-18", "actor/made-up-12"])],
    ids=["actor-iri", "fact-iri"],
)
def test_an_iri_in_the_address_opens_the_clusters_it_needs(clustered, fragment: str, drawn: list[str]) -> None:
    """Links from kg serve (page.html#<IRI>) land on an actor or fact that sits inside a cluster."""
    clustered.eval(f"location.hash = '#https://w3id.org/influence-kg/id/{fragment}'")
    clustered.page.wait_for_timeout(150)
    on_canvas = set(clustered.eval(DRAWN))
    assert all(f"https://w3id.org/influence-kg/id/{d}" in on_canvas for d in drawn)
    assert clustered.eval("document.getElementById('ikg-panel').hidden") is False
    assert clustered.errors == []


def _mode(loaded, value: str) -> None:
    loaded.page.select_option("#ikg-cluster", value)
    loaded.page.wait_for_timeout(150)


def test_switching_the_mode_regroups_the_page(clustered) -> None:
    _mode(clustered, "community")
    closed = clustered.eval(CLOSED)
    assert len(closed) == 6 and all(c.startswith("cluster:community:") for c in closed)
    assert all(label.startswith("around ") for label in clustered.eval("ikgNodes.get(network.body.nodeIndices).map(n => n.label)"))
    screenshot(clustered, "render_clusters_community.png")
    _mode(clustered, "none")
    assert clustered.eval(CLOSED) == [] and len(clustered.eval(DRAWN)) == 240
    assert _inside_canvas(clustered, clustered.eval(DRAWN))
    _mode(clustered, "country")
    assert len(clustered.eval(CLOSED)) == 5 and len(clustered.eval(DRAWN)) == 5
    _click_node(clustered, clustered.eval(CLOSED)[0])
    clustered.page.locator("#ikg-regroup").click()
    assert len(clustered.eval(CLOSED)) == 5  # regroup closes what was opened
    assert clustered.errors == []


FILTERS = {
    "agreements-only": "['investment', 'event'].forEach(t => document.querySelector(`#ikg-types input[value=${t}]`).click())",
    "country-borovia": "(() => { const s = document.getElementById('ikg-country'); s.value = 'Borovia'; s.dispatchEvent(new Event('change')); })()",
    "from-2020": "(() => { const i = document.getElementById('ikg-from'); i.value = '2020'; i.dispatchEvent(new Event('change')); })()",
}
KEEPS = {
    "agreements-only": lambda graph, f: f.fact_type == "agreement",
    "country-borovia": lambda graph, f: "Borovia" in graph.countries_of(f),
    "from-2020": lambda graph, f: f.date >= "2020",
}
CROSSING = (
    "(() => { const g = id => ikgNodes.get(id).grp[0];"
    " return [...new Set(ikgEdges.get({filter: e => !e.agg && g(e.from) !== g(e.to)}).flatMap(e => e.facts))]; })()"
)


@pytest.mark.parametrize("name", list(FILTERS), ids=list(FILTERS))
def test_filters_count_the_same_as_the_unclustered_page(open_page, graph, tmp_path: Path, name: str) -> None:
    flat = open_page(render_html(graph, tmp_path / "flat.html", cluster_above=0).output)
    flat.eval(FILTERS[name])
    loaded = open_page(render_html(graph, tmp_path / "big.html", cluster_above=100).output)
    loaded.eval(FILTERS[name])
    assert loaded.eval("ikgVisible()") == flat.eval("ikgVisible()")
    facts = {f.iri: f for f in graph.facts}
    shown = loaded.eval("ikgEdges.get({filter: e => e.agg}).flatMap(e => e.facts)")
    expected = {iri for iri in loaded.eval(CROSSING) if KEEPS[name](graph, facts[iri])}
    assert shown and len(shown) == len(set(shown)) and set(shown) == expected
    counted = loaded.eval("ikgNodes.get(network.body.nodeIndices).map(n => Number(n.label.split('\\n')[1].split(' ')[0]))")
    assert sum(counted) == loaded.eval("ikgVisible()")[0]  # each cluster's label counts its shown actors
    assert _inside_canvas(loaded, loaded.eval(DRAWN))
    assert loaded.errors == []
    if name == "country-borovia":
        screenshot(loaded, "render_clusters_filtered.png")
