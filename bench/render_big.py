"""How the network page copes with a big graph: 5,000 synthetic actors.

Generates a graph in the `kg build` layout, renders it (edges view, and with
--max-nodes), opens each page in headless Chromium and prints the time until
the network is interactive (physics stabilised and switched off) and the
HTML size. Prints numbers; asserts nothing.

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
    """Seconds from navigation to first draw and to interactive, in Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        start = time.perf_counter()
        page.goto(path.as_uri())
        loaded = time.perf_counter() - start
        while not page.evaluate("window.ikgReady === true"):
            if time.perf_counter() - start > timeout:
                break
            time.sleep(0.05)
        wall = time.perf_counter() - start
        timings = page.evaluate("window.ikgTimings")
        browser.close()
    return {"load_s": loaded, "interactive_s": wall, "first_draw_ms": timings.get("firstDraw", -1), "ready_ms": timings.get("ready", -1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=5000)
    parser.add_argument("--facts", type=int, default=7000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        graph = Path(tmp) / "big.trig"
        t = time.perf_counter()
        synthetic_graph(graph, actors=args.actors, facts=args.facts)
        print(f"graph: {args.actors} actors, {args.facts} facts, {graph.stat().st_size / 1e6:.1f} MB TriG, {time.perf_counter() - t:.1f}s to generate")
        for label, options in [("all actors", {}), ("--max-nodes 1000", {"max_nodes": 1000}), ("facts view", {"view": "facts", "max_nodes": 1000})]:
            t = time.perf_counter()
            stats = render_html(graph, Path(tmp) / "big.html", **options)
            render_s = time.perf_counter() - t
            page = time_page(stats.output)
            print(f"{label:18} render {render_s:5.1f}s  html {stats.html_bytes / 1e6:5.1f} MB  nodes {stats.nodes:5}  edges {stats.edges:5}  "
                  f"first draw {page['first_draw_ms'] / 1000:5.1f}s  interactive {page['ready_ms'] / 1000:5.1f}s  (wall {page['interactive_s']:.1f}s)")  # fmt: skip


if __name__ == "__main__":
    main()
