"""Graph files: write a dataset in the format its extension names, read one back.

Output is byte-for-byte the same for the same graph, so a build can be diffed
and cached. rdflib's serialisers iterate hash-ordered sets (TriG graphs,
JSON-LD nodes), so quads are sorted here and written with Oxigraph's
streaming serialisers, which keep input order; JSON-LD is canonicalised
after rdflib compacts it with the project prefixes.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from graph.errors import GraphFormatError, StoreError, printable
from graph.rdf.namespace import IKG, PROV, SCHEMA, WD

PREFIXES: dict[str, str] = {
    "ikg": str(IKG),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "wd": str(WD),
}

FORMATS: dict[str, ox.RdfFormat] = {
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".ttl": ox.RdfFormat.TURTLE,
}

# Formats read as well as written: RDF/XML from other tools.
READ_FORMATS: dict[str, ox.RdfFormat] = {**FORMATS, ".rdf": ox.RdfFormat.RDF_XML, ".xml": ox.RdfFormat.RDF_XML}

Quad = tuple[Node, Node, Node, Node]
_XSD_STRING = str(XSD.string)


def graph_format(path: Path, *, reading: bool = False) -> ox.RdfFormat:
    """The RDF syntax a file name asks for (reading also accepts RDF/XML)."""
    formats = READ_FORMATS if reading else FORMATS
    try:
        return formats[path.suffix.lower()]
    except KeyError as e:
        raise GraphFormatError(
            f"{path}: unknown graph format {path.suffix!r}; use one of {', '.join(formats)}"
        ) from e


# --------------------------------------------------------------------------
# Term conversion


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), datatype=datatype)
    raise GraphFormatError(f"cannot write RDF term {term!r}; only IRIs, blank nodes and literals")


def from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """An Oxigraph term as the rdflib term serialize would make."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == _XSD_STRING:
        return Literal(term.value)  # rdflib's plain literal, equal to what serialize makes
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _sort_key(quad: Quad) -> tuple[str, str, bool, str, str]:
    """Graph, subject, then rdf:type first so each node opens with its class."""
    s, p, o, g = quad
    return g.n3(), s.n3(), p != RDF.type, p.n3(), o.n3()


def _plain(term: Node) -> Node:
    """``"x"^^xsd:string`` and ``"x"`` are one RDF term; keep one spelling."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term


def sorted_quads(dataset: Dataset) -> list[Quad]:
    """Every quad once, in a fixed order; default-graph quads come first."""
    quads = {(s, p, _plain(o), g) for s, p, o, g in dataset.quads((None, None, None, None))}
    return sorted(quads, key=lambda q: (q[3] != DATASET_DEFAULT_GRAPH_ID, _sort_key(q)))


def sorted_triples(dataset: Dataset) -> list[tuple[Node, Node, Node]]:
    """The union of all graphs, each triple once, in a fixed order."""
    triples = {(s, p, _plain(o)) for s, p, o, _ in dataset.quads((None, None, None, None))}
    return sorted(triples, key=lambda t: _sort_key((*t, DATASET_DEFAULT_GRAPH_ID)))


# --------------------------------------------------------------------------
# Writing


def _ox_quads(quads: Iterable[Quad]) -> list[ox.Quad]:
    return [
        ox.Quad(
            to_ox(s), to_ox(p), to_ox(o),
            ox.DefaultGraph() if g == DATASET_DEFAULT_GRAPH_ID else to_ox(g),
        )
        for s, p, o, g in quads
    ]


def _ox_triples(triples: Iterable[tuple[Node, Node, Node]]) -> list[ox.Triple]:
    return [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in triples]


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted(set(data.decode("utf-8").splitlines()))
    return "".join(line + "\n" for line in lines).encode("utf-8")


def _json_ld(dataset: Dataset) -> bytes:
    """The union graph, compacted with the prefixes, nodes and values sorted."""
    union = Graph()
    union.addN((s, p, o, union) for s, p, o in sorted_triples(dataset))
    compacted = json.loads(union.serialize(format="json-ld", context=PREFIXES))
    nodes = compacted.get("@graph", [compacted] if "@id" in compacted else [])
    nodes = [_canonical_node(n) for n in nodes]
    nodes.sort(key=lambda n: n["@id"])
    document = {"@context": PREFIXES, "@graph": nodes}
    text = json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True)
    return (text + "\n").encode("utf-8")


def _canonical_node(node: dict[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in node.items():
        if key == "@context":
            continue
        if isinstance(value, list):
            value = sorted(value, key=lambda v: json.dumps(v, sort_keys=True))
        out[key] = value
    return out


def serialize_dataset(dataset: Dataset, fmt: ox.RdfFormat) -> bytes:
    """The bytes of ``dataset`` in ``fmt``; triple formats get the union graph."""
    if fmt == ox.RdfFormat.JSON_LD:
        return _json_ld(dataset)
    if fmt == ox.RdfFormat.N_QUADS:
        return _sorted_lines(ox.serialize(_ox_quads(sorted_quads(dataset)), format=fmt))
    if fmt == ox.RdfFormat.N_TRIPLES:
        return _sorted_lines(ox.serialize(_ox_triples(sorted_triples(dataset)), format=fmt))
    if fmt == ox.RdfFormat.TRIG:
        return ox.serialize(_ox_quads(sorted_quads(dataset)), format=fmt, prefixes=PREFIXES)
    return ox.serialize(_ox_triples(sorted_triples(dataset)), format=fmt, prefixes=PREFIXES)


def write_graph(dataset: Dataset, path: Path) -> None:
    """Write ``dataset`` to ``path`` in the format of its extension.

    ``.trig`` and ``.nq`` keep the named graphs (one per document);
    ``.ttl``, ``.nt`` and ``.jsonld`` hold their union.
    """
    path = Path(path)
    data = serialize_dataset(dataset, graph_format(path))
    partial = path.with_name(path.name + ".partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        partial.replace(path)  # atomic: readers never see half a graph
    except OSError as e:
        raise StoreError(f"{path}: cannot write the graph ({e.strerror}); pick a writable path") from e


# --------------------------------------------------------------------------
# Reading


_DTD_SCAN_CHUNK = 1 << 20
MB = 1_000_000
MAX_FILE_MB_ENV = "KG_MAX_GRAPH_FILE_MB"
DEFAULT_MAX_FILE_MB = 512  # an in-memory store takes 3-5 times a file's size, rdflib (validate) far more


def max_graph_file_bytes() -> int:
    """The size cap on a graph file read into memory: ``$KG_MAX_GRAPH_FILE_MB`` megabytes, else 512."""
    raw = os.environ.get(MAX_FILE_MB_ENV)
    if raw is None:
        return DEFAULT_MAX_FILE_MB * MB
    try:
        megabytes = float(raw)
    except ValueError as e:
        raise GraphFormatError(f"{MAX_FILE_MB_ENV}={printable(raw)!r} is not a number of megabytes; "
                               f"set it to e.g. 4096") from e
    if not megabytes > 0:
        raise GraphFormatError(f"{MAX_FILE_MB_ENV}={printable(raw)!r} must be a positive number of megabytes")
    return int(megabytes * MB)


def check_rdf_file(path: Path, *, max_bytes: int | None = None) -> None:
    """Refuse, before any parser reads it, a graph file that could exhaust memory.

    That is a file that is not a regular file (a fifo, a device: no end),
    one over ``max_bytes`` (default :func:`max_graph_file_bytes`), and RDF/XML
    that declares a DTD (issue 9).
    """
    check_file_size(path, max_bytes=max_bytes)
    if graph_format(path, reading=True) is ox.RdfFormat.RDF_XML:
        _check_no_dtd(path)


def check_file_size(path: Path, *, max_bytes: int | None = None) -> None:
    """Refuse a file that is not a regular file or is over ``max_bytes`` (default: the cap)."""
    limit = max_graph_file_bytes() if max_bytes is None else max_bytes
    try:
        info = path.stat()
    except OSError as e:
        raise GraphFormatError(f"{printable(path)}: cannot be read ({e.strerror})") from e
    if not stat.S_ISREG(info.st_mode):
        raise GraphFormatError(f"{printable(path)}: not a regular file; give a graph file or a store directory")
    if info.st_size > limit:
        raise GraphFormatError(
            f"{printable(path)}: {_size(info.st_size)} is over the {_size(limit)} limit on a graph "
            f"file read into memory; raise it with {MAX_FILE_MB_ENV}=<megabytes> or build a store "
            "(`kg build --store DIR`), which is read from disk")


def _size(n: int) -> str:
    return f"{n / MB:,.1f} MB" if n >= MB else f"{n:,} bytes"


def _check_no_dtd(path: Path) -> None:
    """Why: the RDF/XML parser expands internal entities, so a few hundred bytes
    of nested ``<!ENTITY>`` definitions become gigabytes ("billion laughs",
    issue 9). RDF/XML written by tools has no reason to carry a DTD."""
    tail = b""
    try:
        with open(path, "rb") as f:
            while chunk := f.read(_DTD_SCAN_CHUNK):
                window = (tail + chunk).upper()
                if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                    raise GraphFormatError(f"{path}: RDF/XML with a DOCTYPE or ENTITY declaration is refused "
                                           "(entity expansion can exhaust memory); remove the DTD and retry")
                tail = chunk[-16:]
    except OSError as e:
        raise GraphFormatError(f"{path}: cannot be read ({e.strerror})") from e


def read_graph(path: Path) -> Dataset:
    """The dataset in a graph file; triple formats land in the default graph."""
    path = Path(path)
    fmt = graph_format(path)
    check_rdf_file(path)
    dataset = Dataset()
    try:
        quads = list(ox.parse(path=str(path), format=fmt))
    except (SyntaxError, ValueError, OSError) as e:
        reason = " ".join(str(e).split())
        raise GraphFormatError(f"{path}: cannot be parsed as {fmt.name}: {reason}") from e
    _add_ox_quads(dataset, quads)
    return dataset


def _add_ox_quads(dataset: Dataset, quads: list[ox.Quad]) -> None:
    graphs: dict[str, Graph] = {}
    for quad in quads:
        name = quad.graph_name
        key = "" if isinstance(name, ox.DefaultGraph) else name.value
        if key not in graphs:
            graphs[key] = dataset.default_graph if not key else dataset.graph(from_ox(name))
        graph = graphs[key]
        graph.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
