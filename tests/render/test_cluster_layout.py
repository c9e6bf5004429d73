"""Clusters of big pages, computed in Python: deterministic, faithful, laid out without overlaps."""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from graph.errors import RenderError
from graph.render import render_html
from graph.render.cluster import MAX_GROUPS
from graph.render.page import build_page

from .made_up_graph import COUNTRIES, made_up_graph, planted_community


@pytest.fixture(scope="module")
def graph():
    return made_up_graph()


@pytest.fixture(scope="module")
def page(graph):
    return build_page(graph, view="edges", max_nodes=None, cluster_above=100)


def page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script type="application/json" id="ikg-data">(.*?)</script>', text, re.S).group(1))


def test_the_same_graph_gives_the_same_page_bytes(tmp_path: Path) -> None:
    """Louvain runs on a graph built in sorted order with a fixed seed: no run-to-run drift."""
    first = render_html(made_up_graph(), tmp_path / "a.html", cluster_above=100).output.read_bytes()
    second = render_html(made_up_graph(), tmp_path / "b.html", cluster_above=100).output.read_bytes()
    assert first == second
    assert len(page_data(tmp_path / "a.html")["clusters"]["groups"]["community"]) > 1


PAGE_DIGEST = """
import hashlib, sys
sys.path.insert(0, {root!r})
from tests.render.made_up_graph import made_up_graph
from graph.render import render_html
print(hashlib.sha256(render_html(made_up_graph(), {out!r}, cluster_above=100).output.read_bytes()).hexdigest())
"""


@pytest.mark.parametrize("hash_seed", ["0", "4242"], ids=["hash-seed-0", "hash-seed-4242"])
def test_the_page_does_not_depend_on_string_hashing(tmp_path: Path, hash_seed: str) -> None:
    """Set iteration order changes with PYTHONHASHSEED; communities and layout must not."""
    here = hashlib.sha256(render_html(made_up_graph(), tmp_path / "here.html", cluster_above=100).output.read_bytes()).hexdigest()
    code = PAGE_DIGEST.format(root=str(Path(__file__).parents[2]), out=str(tmp_path / "there.html"))
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    there = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300, check=True)
    assert there.stdout.strip() == here


@pytest.mark.parametrize(
    ("cluster_above", "clustered"),
    [(100, True), (239, True), (240, False), (5000, False), (0, False), (None, False)],
    ids=["well-above", "just-above", "at-threshold", "below", "zero-never", "none-never"],
)
def test_only_pages_above_the_threshold_are_clustered(graph, tmp_path: Path, cluster_above, clustered: bool) -> None:
    stats = render_html(graph, tmp_path / "p.html", cluster_above=cluster_above)
    data = page_data(stats.output)
    assert stats.nodes == 240
    assert (data["clusters"] is not None) is clustered
    assert (stats.clusters > 0) is clustered
    assert all(("grp" in n) is clustered for n in data["nodes"])


def test_louvain_finds_the_planted_communities(page) -> None:
    found: dict[int, Counter] = {}
    for node in page.nodes:
        found.setdefault(planted_community(node["id"]), Counter())[node["grp"][1]] += 1
    assert len(found) == 6
    for planted, counts in found.items():
        detected, size = counts.most_common(1)[0]
        assert size / sum(counts.values()) >= 0.9, (planted, counts)
    majority = {counts.most_common(1)[0][0] for counts in found.values()}
    assert len(majority) == 6  # six planted communities, six distinct clusters


def test_each_actor_sits_in_its_countrys_cluster(graph, page) -> None:
    groups = page.clusters["groups"]["country"]
    assert sorted(g["label"] for g in groups) == sorted(COUNTRIES)
    for node in page.nodes:
        label = groups[node["grp"][0]]["label"]
        country = graph.actors[node["id"]].country
        # an actor without a country goes with its neighbours' most common one
        assert label == country if country else label in COUNTRIES


@pytest.mark.parametrize(("mode", "slot"), [("country", 0), ("community", 2)], ids=["by-country", "by-community"])
def test_groups_never_overlap_and_members_lie_inside_their_group(page, mode: str, slot: int) -> None:
    groups = page.clusters["groups"][mode]
    for i, a in enumerate(groups):
        for b in groups[i + 1 :]:
            assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= a["r"] + b["r"] - 1, (a["label"], b["label"])
    for node in page.nodes:
        group = groups[node["grp"][slot // 2]]
        assert math.dist(node["pos"][slot : slot + 2], (group["x"], group["y"])) <= group["r"]
    assert sum(g["n"] for g in groups) == len(page.nodes)


def test_the_most_connected_member_names_a_community(page) -> None:
    by_id = {n["id"]: n for n in page.nodes}
    for i, group in enumerate(page.clusters["groups"]["community"]):
        members = [n for n in by_id.values() if n["grp"][1] == i]
        hub = min(members, key=lambda n: (-n["value"], n["id"]))  # most facts; ties by IRI
        assert group["label"] == f"around {hub['label']}"


def test_many_countries_share_one_other_cluster(graph) -> None:
    """Past MAX_GROUPS bubbles a page stops being readable: the smallest groups share one."""
    spread = replace(graph, actors={iri: replace(a, country=f"Land {n}") if a.kind != "Country" else a for n, (iri, a) in enumerate(graph.actors.items())})
    page = build_page(spread, view="edges", max_nodes=None, cluster_above=100)
    labels = [g["label"] for g in page.clusters["groups"]["country"]]
    assert len(labels) == MAX_GROUPS and "other countries" in labels


@pytest.mark.parametrize(
    ("options", "message"),
    [({"cluster_by": "planet"}, "unknown cluster mode 'planet'"), ({"cluster_above": -1}, "cluster_above must be 0")],
    ids=["unknown-mode", "negative-threshold"],
)
def test_bad_cluster_options_are_one_clear_error(graph, tmp_path: Path, options: dict, message: str) -> None:
    with pytest.raises(RenderError, match=message):
        render_html(graph, tmp_path / "p.html", **options)
