"""A small hand-built graph served on a free loopback port for each test module;
a built one-article corpus of our own, served with its texts (``--documents``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.serve import ServeLimits, ServeOptions, SparqlServer, make_server

IKG = "https://w3id.org/influence-kg/ontology#"
ID = "https://w3id.org/influence-kg/id/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# Two documents' named graphs: one investment, one agreement (see tests/data/README.md).
TRIG = f"""
<{ID}document/d1> {{
  <{ID}investment/i1> a <{IKG}Investment> ; <{IKG}investor> <{ID}actor/zijin-mining> ;
      <{IKG}target> <{ID}actor/serbia-zijin-copper> ; <{RDFS_LABEL}> "Zijin invests in Serbia Zijin Copper" .
  <{ID}actor/zijin-mining> a <{IKG}Company> ; <{RDFS_LABEL}> "Zijin Mining" .
  <{ID}actor/serbia-zijin-copper> a <{IKG}Company> ; <{RDFS_LABEL}> "Serbia Zijin Copper" .
}}
<{ID}document/d2> {{
  <{ID}agreement/a1> a <{IKG}Agreement> ; <{IKG}party> <{ID}actor/serbia> , <{ID}actor/china> ;
      <{RDFS_LABEL}> "Free trade agreement"@en .
  <{ID}actor/serbia> a <{IKG}Country> ; <{RDFS_LABEL}> "Serbia" .
  <{ID}actor/china> a <{IKG}Country> ; <{RDFS_LABEL}> "China" .
}}
"""


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "small.trig"
    path.write_text(TRIG, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def server(graph_file: Path) -> Iterator[SparqlServer]:
    srv = make_server(graph_file, port=0, limits=ServeLimits(timeout=5, max_rows=100)).start()
    yield srv
    srv.stop()


@pytest.fixture()
def filler_store() -> Callable[[int], ox.Store]:
    """A maker of stores of ``n`` distinct triples: cross joins over them are slow on purpose."""
    return _filler


def _filler(n: int) -> ox.Store:
    store = ox.Store()
    store.extend(ox.Quad(ox.NamedNode(f"{ID}x/{i}"), ox.NamedNode(f"{IKG}text"), ox.Literal(str(i)),
                         ox.NamedNode(f"{ID}document/filler")) for i in range(n))
    return store


# Fictitious names throughout; '&', '<' and a script tag check that the document page escapes text.
ARTICLE = """Valdoria Mining buys a stake in Brenmark Copper

Valdoria Mining said on Tuesday it had invested €40 million in Brenmark Copper, a smelter in the town of Ostrava Nova. The company bought a 30% stake in the smelter from the Kestrel Group.

Officials in Ostrava Nova welcomed the deal & said <jobs> would follow; a placard read <script>alert('x')</script>.
"""


@pytest.fixture(scope="session")
def built_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the corpus folder, the graph built from it)."""
    from graph.pipeline import build
    from graph.rdf.io import write_graph

    base = tmp_path_factory.mktemp("documents")
    folder = base / "corpus"
    folder.mkdir()
    (folder / "valdoria_copper.txt").write_text(ARTICLE, encoding="utf-8")
    graph = base / "graph.trig"
    write_graph(build([folder]).dataset, graph)
    return folder, graph


@pytest.fixture(scope="module")
def documents_server(built_corpus: tuple[Path, Path]) -> Iterator[SparqlServer]:
    folder, graph = built_corpus
    srv = make_server(graph, port=0, limits=ServeLimits(timeout=10, workers=2),
                      options=ServeOptions(documents=folder)).start()
    yield srv
    srv.stop()
