"""graph.rdf.io: deterministic bytes per format, and each format reads back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.aggregates import AGGREGATES_GRAPH
from graph.errors import GraphFormatError, KGError
from graph.rdf.io import FORMATS, read_graph, write_graph
from graph.rdf.serialize import ACTORS_GRAPH, corpus_to_dataset, document_iri
from graph.store import open_store

from .sample_corpus import two_document_corpus

EXTENSIONS = sorted(FORMATS)
QUAD_FORMATS = {".nq", ".trig"}
REPO = Path(__file__).resolve().parents[2]
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


@pytest.fixture(scope="module")
def dataset() -> Dataset:
    return corpus_to_dataset(two_document_corpus())


def _quads(ds: Dataset) -> set[tuple]:
    return set(ds.quads((None, None, None, None)))


def _triples(ds: Dataset) -> set[tuple]:
    return {q[:3] for q in _quads(ds)}


def _shuffled_copy(ds: Dataset) -> Dataset:
    """Same quads, inserted in reverse order: output must not depend on it."""
    copy = Dataset()
    for s, p, o, g in sorted(_quads(ds), key=str, reverse=True):
        copy.graph(g).add((s, p, o))
    return copy


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_same_input_gives_identical_bytes(tmp_path: Path, dataset: Dataset, ext: str) -> None:
    first, second = tmp_path / f"a{ext}", tmp_path / f"b{ext}"
    write_graph(dataset, first)
    write_graph(_shuffled_copy(dataset), second)
    assert first.read_bytes() == second.read_bytes()
    assert first.stat().st_size > 1000


def test_bytes_do_not_depend_on_hash_seed(tmp_path: Path, dataset: Dataset) -> None:
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, 'tests')\n"
        "from rdf.sample_corpus import two_document_corpus\n"
        "from graph.rdf.serialize import corpus_to_dataset\n"
        "from graph.rdf.io import FORMATS, write_graph\n"
        "ds = corpus_to_dataset(two_document_corpus())\n"
        "for ext in FORMATS: write_graph(ds, Path(sys.argv[1]) / ('other' + ext))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=REPO, env=env, check=True)
    for ext in EXTENSIONS:
        write_graph(dataset, tmp_path / f"here{ext}")
        assert (tmp_path / f"here{ext}").read_bytes() == (tmp_path / f"other{ext}").read_bytes(), ext


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_round_trip_keeps_every_triple(tmp_path: Path, dataset: Dataset, ext: str) -> None:
    path = tmp_path / f"graph{ext}"
    write_graph(dataset, path)
    back = read_graph(path)
    assert len(_triples(back)) == len(_triples(dataset))
    assert _triples(back) == _triples(dataset)
    if ext in QUAD_FORMATS:
        assert _quads(back) == _quads(dataset)
    else:
        assert {q[3] for q in _quads(back)} == {DATASET_DEFAULT_GRAPH_ID}


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_oxigraph_store_reads_every_format(tmp_path: Path, dataset: Dataset, ext: str) -> None:
    path = tmp_path / f"graph{ext}"
    write_graph(dataset, path)
    merged = len(_triples(dataset))  # the default graph: the merge of the named graphs (issue 9 item 14)
    store = open_store(path)
    # and the aggregates the saved queries read, added to a file that has none (issue 11): in their
    # own graph and, like every named graph, in the merged default graph
    aggregates = len(list(store.quads_for_pattern(None, None, None, ox.NamedNode(AGGREGATES_GRAPH))))
    assert aggregates > 0
    assert len(store) - 2 * aggregates == (len(_quads(dataset)) + merged if ext in QUAD_FORMATS else merged)


def test_named_graphs_survive_trig(tmp_path: Path, dataset: Dataset) -> None:
    write_graph(dataset, tmp_path / "g.trig")
    names = {g.identifier for g in read_graph(tmp_path / "g.trig").graphs() if len(g)}
    assert names == {document_iri("doc-a"), document_iri("doc-b"), ACTORS_GRAPH}


@pytest.mark.parametrize("ext,prefix", [(".ttl", "@prefix ikg:"), (".trig", "@prefix schema:"),
                                        (".jsonld", '"wd":')], ids=["ttl", "trig", "jsonld"])
def test_prefixes_are_bound(tmp_path: Path, dataset: Dataset, ext: str, prefix: str) -> None:
    write_graph(dataset, tmp_path / f"g{ext}")
    assert prefix in (tmp_path / f"g{ext}").read_text(encoding="utf-8")


@pytest.mark.parametrize("ext", [".nt", ".nq"])
def test_line_formats_are_sorted(tmp_path: Path, dataset: Dataset, ext: str) -> None:
    write_graph(dataset, tmp_path / f"g{ext}")
    lines = (tmp_path / f"g{ext}").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines))


def test_unknown_extension_names_the_allowed_ones(tmp_path: Path, dataset: Dataset) -> None:
    with pytest.raises(GraphFormatError) as info:
        write_graph(dataset, tmp_path / "graph.rdfx")
    assert all(ext in str(info.value) for ext in EXTENSIONS)
    assert not (tmp_path / "graph.rdfx").exists()


@pytest.mark.parametrize(
    "name,content",
    [("bad.ttl", "<http://a> <http://b> .\n"), ("bad.nt", "not n-triples\n"),
     ("bad.jsonld", '{"@id": '), ("bad.trig", "<http://g> { <http://a> <http://b> <http://c> \n")],
    ids=["ttl", "nt", "jsonld", "trig"],
)
def test_parse_error_is_one_line(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphFormatError) as info:
        read_graph(path)
    assert "\n" not in str(info.value) and name in str(info.value)


def test_missing_file_is_a_kg_error(tmp_path: Path) -> None:
    with pytest.raises(KGError, match="missing.ttl"):
        read_graph(tmp_path / "missing.ttl")


def test_write_creates_folders(tmp_path: Path, dataset: Dataset) -> None:
    path = tmp_path / "out" / "deep" / "g.nt"
    write_graph(dataset, path)
    assert path.exists()


def test_triple_formats_merge_graphs(tmp_path: Path) -> None:
    ds = Dataset()
    triple = (URIRef("http://ex/s"), URIRef("http://ex/p"), URIRef("http://ex/o"))
    ds.graph(URIRef("http://ex/g1")).add(triple)
    ds.graph(URIRef("http://ex/g2")).add(triple)
    write_graph(ds, tmp_path / "g.nt")
    assert (tmp_path / "g.nt").read_text().count("\n") == 1
    assert isinstance(read_graph(tmp_path / "g.nt").default_graph, Graph)


def test_typed_and_plain_string_are_one_triple(tmp_path: Path) -> None:
    ds = Dataset()
    s, p = URIRef("http://ex/s"), URIRef("http://ex/p")
    ds.default_graph.add((s, p, Literal("x")))
    ds.default_graph.add((s, p, Literal("x", datatype=XSD_STRING)))
    for ext in (".nt", ".ttl"):
        write_graph(ds, tmp_path / f"g{ext}")
        assert len(_triples(read_graph(tmp_path / f"g{ext}"))) == 1


@pytest.mark.parametrize("ext", EXTENSIONS)
def test_empty_dataset_round_trips(tmp_path: Path, ext: str) -> None:
    write_graph(Dataset(), tmp_path / f"empty{ext}")
    assert not _quads(read_graph(tmp_path / f"empty{ext}"))
    assert [p.name for p in tmp_path.iterdir()] == [f"empty{ext}"], "no partial file left"
