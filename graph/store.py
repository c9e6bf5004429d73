"""Open a graph for querying, and keep an on-disk store in step with a corpus.

Every command that reads a GRAPH goes through :func:`open_store`, so a file
and a store directory are interchangeable for users.

A store directory made by :func:`build_into_store` holds::

    DIR/oxigraph/        the Oxigraph database: one named graph per document
    DIR/facts/<key>.pkl  the extracted facts of each document (text stripped)
    DIR/manifest.json    digest of each named graph as last written
    DIR/kg-store.json    the mark of a kg store, written before anything else

Each build re-extracts only documents whose (id, sha256) has no cached facts,
resolves actors from each kept document's small index (``facts/<key>.idx-*.pkl``,
:mod:`graph.store_index`), serialises a batch at a time the documents whose graph
may have changed, and rewrites each named graph whose content changed in one
Oxigraph transaction (:mod:`graph.store_resolve`, issue 11: memory is a batch of
facts plus the actor index, not the corpus); the actors and aggregates graphs
get only the triples that changed, in bounded batches (:mod:`graph.store_diff`).
A build of the documents and code of the last one reads no index at all. The
store equals a build from scratch (tested), and a build killed at any moment
leaves every document graph either wholly old or wholly new. The default graph is
the merge of the named graphs, updated in each graph's transaction, and is what
queries read (:mod:`graph.store_merge`, issue 9 item 14).

The manifest is the journal: it is removed before the first graph changes and
written again only once every graph is in place. A build killed in between
leaves no manifest, so the next build trusts no digest and rewrites every
graph: it ends equal to a clean build, whatever the killed build had written
(issue 9: digests that outlived the graphs they described kept stale graphs).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.errors import ExtractionFailed, GraphFormatError, NoDocumentsError, StoreCorrupted, StoreError
from graph.model import Document, DocumentFacts
from graph.pipeline import extracted, slim
from graph.rdf.io import graph_format, to_ox
from graph.store_merge import drop_update, merge_named_graphs, replace_update
from graph.store_upgrade import open_with_aggregates

if TYPE_CHECKING:
    from graph.fork_server import ForkServer

DB_DIR = "oxigraph"
FACTS_DIR = "facts"
MANIFEST = "manifest.json"
MARK = "kg-store.json"
PUSHED = "pushed.json"  # what was last pushed to each --endpoint (graph.remote_sync)
STORE_ENTRIES = {DB_DIR, "facts", MANIFEST, MARK, PUSHED}  # what a kg store dir may hold, even half-built
MANIFEST_VERSION = 2  # 2: the default graph holds the merge; a version-1 store has every graph rewritten
DEFAULT_GRAPH_KEY = ""  # manifest key of the default graph

GraphTriples = dict[str, list[ox.Triple]]  # graph IRI ("" = default) -> triples


def rdf_format(path: Path) -> ox.RdfFormat:
    """The RDF syntax of a graph file to read, from its extension."""
    return graph_format(path, reading=True)


def open_store(source: str | Path) -> ox.Store:
    """An Oxigraph store over ``source``: a file loaded in memory, or a store dir.

    Named graphs in the file are kept, and their merge is added to the default
    graph, which queries read (as a store directory keeps it).
    """
    path = Path(source)
    if path.is_dir():
        return _open_directory(path)
    store = _load_file(path)
    merge_named_graphs(store)
    from graph.aggregates import ensure_aggregates

    ensure_aggregates(store)  # a file from before issue 11 still answers the saved queries
    return store


def _load_file(path: Path) -> ox.Store:
    """A graph file in an in-memory store, as it is (its graphs unmerged)."""
    if not path.exists():
        raise GraphFormatError(f"{path}: no such graph file or store directory")
    from graph.rdf.io import check_rdf_file

    check_rdf_file(path)
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=rdf_format(path))
    except (SyntaxError, ValueError, OSError) as e:
        raise GraphFormatError(f"{path}: cannot be parsed as RDF: {_one_line(e)}") from e
    return store


def _open_directory(path: Path) -> ox.Store:
    """A kg store dir (``DIR/oxigraph``) or a bare Oxigraph database dir."""
    db = path / DB_DIR if (path / DB_DIR).is_dir() else path
    if (path / MARK).exists() and db != path and not (path / MANIFEST).exists():
        raise StoreError(f"{path}: a `kg build` into this store was interrupted (or is running): its graphs "
                         "may be part old, part new; run the build again to finish it")
    return open_with_aggregates(path, db, open_read_only=_read_only)  # a store from before issue 11 gets them


def _read_only(path: Path, db: Path) -> ox.Store:
    try:
        return ox.Store.read_only(str(db))
    except OSError as e:
        raise StoreError(
            f"{path}: not an Oxigraph store directory ({_one_line(e)}); build one with `kg build --store`"
        ) from e
    except RuntimeError as e:
        raise corrupted(path, e) from e


def corrupted(path: Path, error: BaseException) -> StoreError:
    """The one-line error for a store RocksDB finds damaged (issue 9)."""
    return StoreCorrupted(f"{path}: the store is damaged ({_one_line(error)[:200]}); delete the directory "
                      "and rebuild it with `kg build CORPUS --store DIR`")


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


# --------------------------------------------------------------------------
# rdflib dataset -> Oxigraph triples per graph


def dataset_graphs(dataset: Any) -> GraphTriples:
    """Triples of an rdflib ``Dataset`` per graph IRI (``""`` = default graph)."""
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    graphs: GraphTriples = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        name = g.identifier if hasattr(g, "identifier") else g
        key = DEFAULT_GRAPH_KEY if name in (None, DATASET_DEFAULT_GRAPH_ID) else str(name)
        graphs.setdefault(key, []).append(ox.Triple(to_ox(s), to_ox(p), to_ox(o)))
    return graphs


def store_graphs(source: str | Path) -> GraphTriples:
    """Triples per graph of a store directory or graph file (e.g. to push it elsewhere).

    A store's default graph is the merge of the others and is left out; a file's is its own.
    """
    path = Path(source)
    store = _open_directory(path) if path.is_dir() else _load_file(path)
    keys = store_graph_keys(store)
    if not path.is_dir() and _graph_present(store, DEFAULT_GRAPH_KEY):
        keys.add(DEFAULT_GRAPH_KEY)
    return {
        key: [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, _graph_node(key))]
        for key in sorted(keys)
    }


def graph_digest(triples: Iterable[ox.Triple]) -> str:
    """A content hash of a graph, independent of triple order."""
    lines = sorted(str(t) for t in triples)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _graph_node(key: str) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if key == DEFAULT_GRAPH_KEY else ox.NamedNode(key)


def replace_graph(store: ox.Store, key: str, triples: list[ox.Triple]) -> None:
    """Swap one named graph's content, and the merge, in a single transaction (a SPARQL update)."""
    _check_named(key)
    try:
        store.update(replace_update(key, " .\n".join(str(t) for t in triples)))
    except (SyntaxError, OSError) as e:
        raise StoreError(f"cannot write graph <{key}> to the store: {e}") from e


def drop_graph(store: ox.Store, key: str) -> None:
    """Remove one named graph and its share of the merge (one transaction)."""
    _check_named(key)
    try:
        store.update(drop_update(key))
    except OSError as e:
        raise StoreError(f"cannot remove graph <{key}> from the store: {e}") from e


def _check_named(key: str) -> None:
    if key == DEFAULT_GRAPH_KEY:
        raise StoreError("a store's default graph is the merge of its named graphs and is not written "
                         "directly; put those triples in a named graph")


def store_graph_keys(store: ox.Store) -> set[str]:
    """Names of every named graph in the store (its default graph is their merge)."""
    return {str(g.value) for g in store.named_graphs()}


def sync_graphs(store: ox.Store, graphs: GraphTriples, digests: dict[str, str], *,
                drop_others: bool = True) -> tuple[dict[str, str], int]:
    """Make the store hold ``graphs`` (and no other, with ``drop_others``).

    Graphs whose digest is already in ``digests`` and present are skipped.

    ``digests`` are those of the last completed sync; returns the new digests
    and how many graphs were written or dropped.
    """
    new_digests: dict[str, str] = {}
    written = 0
    for key in sorted(graphs):
        digest = graph_digest(graphs[key])
        new_digests[key] = digest
        if digests.get(key) != digest or not _graph_present(store, key):
            replace_graph(store, key, graphs[key])
            written += 1
    if drop_others:
        for key in sorted(store_graph_keys(store) - set(graphs)):
            drop_graph(store, key)
            written += 1
    return new_digests, written


def _graph_present(store: ox.Store, key: str) -> bool:
    node = _graph_node(key)
    return next(iter(store.quads_for_pattern(None, None, None, node)), None) is not None


# --------------------------------------------------------------------------
# Store directory: facts cache and manifest


@dataclass(frozen=True, slots=True)
class StoreBuildReport:
    """What one incremental build did, for the CLI to print."""

    read: int
    extracted: int
    unchanged: int
    removed: int
    graphs_written: int
    documents: int


class StoreDir:
    """The files of a kg store directory; every write is atomic (rename)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.db_path = root / DB_DIR
        self.facts_path = root / FACTS_DIR
        self.manifest_path = root / MANIFEST

    def create(self) -> None:
        """Make (or recognise) the store dir; the mark is on disk before anything else."""
        if self.root.exists() and not self.root.is_dir():
            raise StoreError(f"{self.root}: exists and is not a directory; choose another --store")
        if not self.root.exists():
            self._create_marked()
        elif not self.mark_path.exists():
            if not _looks_like_store(self.root):
                raise StoreError(f"{self.root}: not empty and not a kg store; choose an empty --store dir")
            _atomic_write(self.mark_path, _MARK_BODY)
        self.facts_path.mkdir(parents=True, exist_ok=True)

    @property
    def mark_path(self) -> Path:
        return self.root / MARK

    def _create_marked(self) -> None:
        """Create the dir with its mark in one rename: no half-made dir can be seen."""
        self.root.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.root.with_name(f".{self.root.name}.{os.getpid()}.new")
        tmp.mkdir()
        (tmp / MARK).write_bytes(_MARK_BODY)
        try:
            os.rename(tmp, self.root)
        except OSError:  # another process made it meanwhile: use theirs
            (tmp / MARK).unlink()
            tmp.rmdir()
            if not (self.root / MARK).exists():
                _atomic_write(self.root / MARK, _MARK_BODY)

    def open_db(self) -> ox.Store:
        try:
            return ox.Store(str(self.db_path))
        except OSError as e:
            raise StoreError(
                f"{self.db_path}: cannot open the store for writing ({_one_line(e)}); "
                "is another `kg build` or `kg serve` using it?"
            ) from e
        except RuntimeError as e:
            raise corrupted(self.root, e) from e

    def forget_digests(self) -> None:
        """Start the journal: from now until write_digests the graphs may differ from any digest."""
        if self.manifest_path.exists():
            self.manifest_path.unlink()
            _fsync_dir(self.root)

    @staticmethod
    def fact_key(doc: Document) -> str:
        """Same document, same extractor → same key; an upgrade re-extracts everything."""
        from graph.pipeline import extractor_fingerprint

        return hashlib.sha256(f"{doc.id}\0{doc.sha256}\0{extractor_fingerprint()}".encode("utf-8")).hexdigest()

    def fact_file(self, doc: Document) -> Path:
        return self.facts_path / f"{self.fact_key(doc)}.pkl"

    def has_facts(self, doc: Document) -> bool:
        return self.fact_file(doc).exists()

    def save_facts(self, facts: DocumentFacts) -> None:
        _atomic_write(self.fact_file(facts.document), pickle.dumps(slim(facts), protocol=5))

    def load_facts(self, doc: Document) -> DocumentFacts:
        """Cached facts, with the document metadata as read this time."""
        path = self.fact_file(doc)
        try:
            facts: DocumentFacts = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as e:
            raise StoreError(f"{path}: unreadable cached facts ({e}); delete it and rebuild") from e
        facts.document = doc
        return facts

    def prune_facts(self, keep: Iterable[Document]) -> None:
        """Delete cached facts (and indexes) of documents no longer in the corpus, and stale indexes."""
        from graph.store_index import index_suffix

        wanted = {f"{self.fact_key(d)}{end}" for d in keep for end in (".pkl", index_suffix())}
        for path in self.facts_path.iterdir():
            if path.name not in wanted:
                path.unlink()

    def read_digests(self, part: str = "graphs") -> dict[str, str]:
        """Digest of each graph as written (``inputs``: of what each document graph was made of)."""
        return self.read_manifest()[part == "inputs"]

    def read_manifest(self) -> tuple[dict[str, str], dict[str, str]]:
        """The digests of the graphs and of their inputs, from one read (which gives both one set of keys)."""
        if not self.manifest_path.exists():
            return {}, {}
        try:
            data = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise StoreError(f"{self.manifest_path}: unreadable ({e}); delete it to rewrite every graph") from e
        current = data.get("version") == MANIFEST_VERSION
        return (dict(data.get("graphs", {})), dict(data.get("inputs", {}))) if current else ({}, {})

    def write_digests(self, digests: dict[str, str], *, inputs: dict[str, str] | None = None) -> None:
        """The journal's end; without ``inputs`` those already recorded are kept."""
        inputs = self.read_digests("inputs") if inputs is None else inputs
        data = {"version": MANIFEST_VERSION, "graphs": dict(sorted(digests.items())),
                "inputs": dict(sorted(inputs.items()))}
        _atomic_write(self.manifest_path, json.dumps(data, indent=1).encode("utf-8"))


_MARK_BODY = json.dumps({"kind": "influence-kg store", "version": MANIFEST_VERSION}).encode("utf-8")


def _looks_like_store(root: Path) -> bool:
    """Empty, or only what a (possibly interrupted) kg build leaves behind."""
    return all(p.name in STORE_ENTRIES or (p.name.startswith(".") and p.name.endswith(".tmp"))
               for p in root.iterdir())


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --------------------------------------------------------------------------
# The incremental build


def build_into_store(
    paths: Iterable[str | Path],
    store_dir: Path,
    *,
    jobs: int = 1,
    dask_address: str | None = None,
    batch_size: int = 16,
    on_error: Callable[..., Any] | None = None,
    progress: bool = False,
) -> StoreBuildReport:
    """Bring the store in ``store_dir`` in step with the documents under ``paths``.

    Unchanged documents (same id and sha256) are not re-extracted; documents
    no longer present are dropped; the store ends equal to a scratch build.
    When no document at all can be read the store is not touched.
    """
    from graph.fork_server import fork_server
    from graph.forked import can_fork_store

    sdir = StoreDir(Path(store_dir))
    sdir.create()
    # forked before the corpus is read (and any model loaded): the children that write the store start small
    with fork_server(enabled=can_fork_store()) as server:
        return _build(paths, sdir, server, on_error=on_error or _log_skipped, jobs=jobs, dask_address=dask_address,
                      batch_size=batch_size, progress=progress)


def _build(paths: Iterable[str | Path], sdir: StoreDir, server: ForkServer | None, *, on_error: Callable[..., Any],
           jobs: int, dask_address: str | None, batch_size: int, progress: bool) -> StoreBuildReport:
    """:func:`build_into_store`'s work, with the fork server (if any) its writing children come from."""
    from graph.ingest import iter_documents
    from graph.store_forked import write_graphs

    order: list[Document] = []
    unchanged = [0]

    def to_extract() -> Iterator[Document]:
        for doc in iter_documents(list(paths), on_error=on_error):
            order.append(replace(doc.without_text(), path=None))  # 10,000 paths held for nothing: ~3.5 MB
            if sdir.has_facts(doc):
                unchanged[0] += 1
                continue
            yield doc

    failed: set[str] = set()

    def left_out(error: ExtractionFailed) -> None:
        failed.add(error.document_id)
        on_error(error)

    extracted = _extract_into_cache(to_extract(), sdir, jobs=jobs, dask_address=dask_address,
                                    batch_size=batch_size, progress=progress, on_error=left_out)
    order = [doc for doc in order if doc.id not in failed]
    if not order:
        raise NoDocumentsError("no document could be read; the store was left as it was")
    written, removed = write_graphs(sdir, order, server)
    sdir.prune_facts(order)
    return StoreBuildReport(read=len(order), extracted=extracted, unchanged=unchanged[0],
                            removed=removed, graphs_written=written, documents=len(order))


def _log_skipped(error: Exception) -> None:
    """Default for library callers: a skipped file is logged, never silently dropped."""
    import logging

    logging.getLogger(__name__).warning("%s", error)


def _extract_into_cache(docs: Iterable[Document], sdir: StoreDir, *, jobs: int, dask_address: str | None,
                        batch_size: int, progress: bool, on_error: Callable[[ExtractionFailed], None]) -> int:
    """Extract facts of ``docs`` in parallel, caching each (and its index) as it arrives; a document
    the extractors fail on goes to ``on_error``, uncached.

    With every document cached, the model is not even loaded.
    """
    from itertools import chain

    from graph.parallel import extract_parallel, track
    from graph.store_index import save_index

    docs = iter(docs)
    first = next(docs, None)
    if first is None:
        return 0
    stream = extract_parallel(chain([first], docs), jobs=jobs, dask_address=dask_address, batch_size=batch_size,
                              keep_going=True)
    count = 0
    for facts in extracted(track(stream, description="extracting", enabled=progress), on_error):
        sdir.save_facts(facts)
        save_index(sdir.fact_file(facts.document), facts)
        count += 1
    return count


def _in_step(store: ox.Store, old: dict[str, str]) -> bool:
    """Whether ``store`` holds the graphs the last completed build recorded, and current aggregates."""
    from graph.aggregates import AGGREGATES_GRAPH, is_current

    return bool(old) and store_graph_keys(store) == set(old) and (AGGREGATES_GRAPH not in old or is_current(store))
