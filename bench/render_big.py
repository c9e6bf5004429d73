"""How the network page copes with a big graph: 5,000 synthetic actors, before and after clustering.

Generates a graph in the `kg build` layout and renders each scenario twice:
"before" without clusters (--cluster-above 0: every node handed to vis-network,
physics stabilised then switched off) and "after" as `kg render` now writes it
(clustered above 500 nodes, positions precomputed, physics off). Each page is
opened in headless Chromium (every non-file request aborted); it prints the
time from navigation to the first frame drawn on the final layout ("first
stable draw"), the page size, the Python render time, what the canvas holds,
and for the clustered page the time to open its biggest cluster, to switch to
communities and to apply a country filter — with after/before ratios. Prints
numbers; asserts nothing.

    python bench/render_big.py [--actors 5000] [--facts 7000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.render import render_html  # noqa: E402
from graph.render.facts import load_facts  # noqa: E402

IKG = "https://w3id.org/influence-kg/ontology#"
ID = "https://w3id.org/influence-kg/id/"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
XSD = "http://www.w3.org/2001/XMLSchema#"
KINDS = ["Company", "Company", "Company", "Person", "Organization", "GovernmentBody", "Asset"]
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip


def ikg(name: str) -> ox.NamedNode:
    return ox.NamedNode(IKG + name)


def synthetic_graph(path: Path, *, actors: int, facts: int, seed: int = 7) -> None:
    """Actors in 60 countries; investments, agreements and events between them."""
    rng = random.Random(seed)
    actors_graph = ox.NamedNode(ID + "graph/actors")
    doc = ox.NamedNode(ID + "document/synthetic")
    quads = [ox.Quad(doc, RDF_TYPE, ikg("Document"), doc), ox.Quad(doc, ikg("fileName"), ox.Literal("synthetic.txt"), doc)]
    countries = [ox.NamedNode(f"{ID}actor/country-{i}") for i in range(60)]
    nodes = list(countries)
    for i, c in enumerate(countries):
        quads += [ox.Quad(c, RDF_TYPE, ikg("Country"), actors_graph), ox.Quad(c, LABEL, ox.Literal(f"Country {i}"), actors_graph)]
    for i in range(actors - len(countries)):
        a = ox.NamedNode(f"{ID}actor/a{i}")
        nodes.append(a)
        quads += [
            ox.Quad(a, RDF_TYPE, ikg(rng.choice(KINDS)), actors_graph),
            ox.Quad(a, LABEL, ox.Literal(f"Actor {i}"), actors_graph),
            ox.Quad(a, ikg("country"), rng.choice(countries), actors_graph),
        ]
    for i in range(facts):
        quads += _fact(rng, i, nodes, doc)
    store = ox.Store()
    store.extend(quads)
    store.dump(str(path), ox.RdfFormat.TRIG)


def _fact(rng: random.Random, i: int, nodes: list, doc: ox.NamedNode) -> list[ox.Quad]:
    kind = rng.choices(["Investment", "Agreement", "Event"], weights=[6, 2, 2])[0]
    f = ox.NamedNode(f"{ID}{kind.lower()}/f{i}")
    ev = ox.NamedNode(f"{ID}evidence/e{i}")
    # preferential attachment: low indexes (countries first) are picked more often
    a, b = (nodes[int(len(nodes) * rng.random() ** 2)] for _ in range(2))
    year = ox.Literal(str(rng.randint(2005, 2025)), datatype=ox.NamedNode(XSD + "gYear"))
    q = [ox.Quad(f, RDF_TYPE, ikg(kind), doc), ox.Quad(f, LABEL, ox.Literal(f"{kind} {i}"), doc),
         ox.Quad(f, ikg("date"), year, doc), ox.Quad(f, ikg("evidence"), ev, doc),
         ox.Quad(ev, ikg("text"), ox.Literal(f"Sentence stating fact {i}."), doc),
         ox.Quad(ev, ox.NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), doc, doc)]  # fmt: skip
    if kind == "Investment":
        m = ox.NamedNode(f"{ID}amount/m{i}")
        q += [ox.Quad(f, ikg("investor"), a, doc), ox.Quad(f, ikg("target"), b, doc), ox.Quad(f, ikg("amount"), m, doc),
              ox.Quad(m, ox.NamedNode("https://schema.org/value"), ox.Literal(str(rng.randint(1, 900) * 10**6), datatype=ox.NamedNode(XSD + "decimal")), doc),
              ox.Quad(m, ox.NamedNode("https://schema.org/currency"), ox.Literal("EUR"), doc)]  # fmt: skip
    else:
        role = ikg("party" if kind == "Agreement" else "participant")
        q += [ox.Quad(f, role, a, doc), ox.Quad(f, role, b, doc)]
    return q


def time_page(path: Path, *, timeout: float = 600.0) -> dict[str, float]:
    """Seconds to the first stable draw, what the canvas holds, and timed actions (ms)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        start = time.perf_counter()
        page.goto(path.as_uri())
        while page.evaluate("window.ikgTimings && window.ikgTimings.stable") is None:
            if time.perf_counter() - start > timeout:
                raise SystemExit(f"{path}: no stable draw after {timeout}s")
            time.sleep(0.05)
        out = {"stable_s": page.evaluate("window.ikgTimings.stable") / 1000}
        out["drawn"] = page.evaluate("[network.body.nodeIndices.length, network.body.edgeIndices.length]")
        out["filter_ms"] = _timed(page, "(() => { const s = document.getElementById('ikg-country'); s.value = s.options[1].value; s.dispatchEvent(new Event('change')); s.value = ''; s.dispatchEvent(new Event('change')); })()")
        if page.evaluate("Boolean(window.ikgClusterView)"):
            biggest = "ikgClusterView.closed().reduce((a, b) => (ikgClusterView.size(b) > ikgClusterView.size(a) ? b : a))"
            out["open_ms"] = _timed(page, f"network.fit({{nodes: ikgClusterView.open({biggest}), animation: false}})")
            out["community_ms"] = _timed(page, "(() => { const s = document.getElementById('ikg-cluster'); s.value = 'community'; s.dispatchEvent(new Event('change')); })()")
        browser.close()
    return out


def _timed(page, action: str) -> float:
    """Milliseconds from an action to the next frame vis draws after it."""
    return page.evaluate(
        "() => new Promise((done) => { const t = performance.now();"
        f" network.once('afterDrawing', () => done(performance.now() - t)); {action}; network.redraw(); }})"
    )


SCENARIOS = [("edges view, all actors", {}), ("edges view, --max-nodes 1000", {"max_nodes": 1000}), ("facts view, --max-nodes 1000", {"view": "facts", "max_nodes": 1000})]


def compare(facts, folder: Path, label: str, options: dict) -> None:
    """Render and time one scenario before (no clusters) and after; print both and their ratios."""
    runs = {}
    for name, cluster_above in (("before", 0), ("after", None)):
        t = time.perf_counter()
        extra = {} if cluster_above is None else {"cluster_above": cluster_above}
        stats = render_html(facts, folder / f"{name}.html", **options, **extra)
        runs[name] = {"render_s": time.perf_counter() - t, "html_mb": stats.html_bytes / 1e6, "nodes": stats.nodes, **time_page(stats.output)}
    b, a = runs["before"], runs["after"]
    print(f"\n{label}: {b['nodes']} nodes; canvas holds {b['drawn'][0]} nodes/{b['drawn'][1]} edges before, {a['drawn'][0]}/{a['drawn'][1]} after")
    print(f"  {'':22}{'before':>10}{'after':>10}{'after/before':>14}")
    for key, name, unit in (("stable_s", "first stable draw", "s"), ("html_mb", "page size", "MB"), ("render_s", "python render", "s"), ("filter_ms", "country filter", "ms")):
        print(f"  {name + ' (' + unit + ')':22}{b[key]:10.2f}{a[key]:10.2f}{a[key] / b[key]:14.2f}")
    if "open_ms" in a:
        print(f"  clustered page: open the biggest cluster {a['open_ms']:.0f} ms, switch to communities {a['community_ms']:.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=5000)
    parser.add_argument("--facts", type=int, default=7000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        graph = Path(tmp) / "big.trig"
        t = time.perf_counter()
        synthetic_graph(graph, actors=args.actors, facts=args.facts)
        facts = load_facts(graph)
        print(f"graph: {args.actors} actors, {args.facts} facts, {graph.stat().st_size / 1e6:.1f} MB TriG, {time.perf_counter() - t:.1f}s to generate and load")
        for label, options in SCENARIOS:
            compare(facts, Path(tmp), label, options)


if __name__ == "__main__":
    main()
