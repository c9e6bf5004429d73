"""A store build that resolves from the per-document indexes and writes a batch at a time (issue 11).

Why: resolving over every document's facts made a build's memory grow with the
corpus. Here the actor index (references → keys and records) and the day-dated
events reported by several documents come from the small indexes of
:mod:`graph.store_index`; facts are then loaded, merged and serialised
``SERIALIZE_CHUNK`` documents at a time. A document graph is serialised again
only when what it is made of changed: its facts, the keys and labels of the
actors it names, the events it shares with other documents, or the code that
writes it (its *input digest*, kept in the manifest). The actors graph is
written from the index, with the labels of the concepts the documents use, an
actor at a time and only where it changed. The quads equal those of resolving
every document's facts at once (tested).
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from graph.errors import StoreError
from graph.merge import cluster_day_events, merge_document
from graph.model import ActorKind, ActorRecord, ActorRef, Corpus, Document, DocumentFacts, Event
from graph.store_index import DocumentIndex, read_index, save_index

if TYPE_CHECKING:
    from graph.store import GraphTriples, StoreDir
    from graph.store_diff import GraphDiff
    from graph.store_handle import StoreHandle

SERIALIZE_CHUNK = 64  # documents serialised at once: bounds the rdflib memory (~0.5 MB a document)
REOPEN_EVERY = 16  # batches written between two reopenings of the store (:mod:`graph.store_handle`)
_FINGERPRINTED = ("rdf/serialize.py", "rdf/vocab.py", "rdf/namespace.py", "rdf/io.py", "model.py", "merge.py",
                  "keys.py", "resolve.py", "store_index.py", "store_resolve.py")
_AGGREGATES_CODE = ("aggregates.py", "aggregates_rank.py", "store_diff.py")
Shared = tuple[int, Event, int, int]  # (event position, united event, first report's document, its event position)


@dataclass(slots=True)
class Resolution:
    """The actor index of a corpus and, per document position, its day-dated events as united.

    ``covered``: in a part for some documents (:func:`resolution_for`), the keys of every
    reference they make, whose records it holds (``None``: the whole index)."""

    actors: dict[str, ActorRecord]
    key_of: Callable[[ActorRef], str]
    shared: dict[int, list[Shared]]
    covered: frozenset[str] | None = None


def load_index(sdir: StoreDir, doc: Document) -> DocumentIndex:
    """A document's index; computed from its cached facts (and kept) when missing."""
    path = sdir.fact_file(doc)
    index = read_index(path)
    return index if index is not None else save_index(path, sdir.load_facts(doc))


def resolve_indexes(indexes: Iterable[DocumentIndex]) -> Resolution:
    """Resolve a corpus from its documents' indexes, in corpus order (as ``graph.resolve.resolve``)."""
    from graph.resolve import resolve_refs

    refs: set[ActorRef] = set()
    dated: list[tuple[int, int, Event]] = []
    for position, index in enumerate(indexes):
        refs |= index.refs
        dated.extend((position, j, event) for j, event in index.dated)
    shared: dict[int, list[Shared]] = {}
    for (position, j, _), (united, first) in zip(dated, cluster_day_events([e for _, _, e in dated])):
        shared.setdefault(position, []).append((j, united, dated[first][0], dated[first][1]))
        refs.update(united.participants)
        if united.place is not None:
            refs.add(united.place)
    actors, key_of = resolve_refs(refs)
    return Resolution(actors, _tabled(key_of, refs), shared)


def _tabled(key_of: Callable[[ActorRef], str], refs: Iterable[ActorRef]) -> TabledKeys:
    """``key_of`` read from a table of the corpus's names (a key depends on a name and kind alone).

    Why: worked out through the memos of name keys and folded names, the same names cost
    ~10 MB more at 10,000 documents, which a build can empty once this table holds them
    (:func:`forget_names`, issue 11). A reference the corpus did not make is worked out as before.
    """
    return TabledKeys({(ref.name, ref.kind): key_of(ref) for ref in refs}, key_of)


@dataclass(frozen=True, slots=True)
class TabledKeys:
    """The key of each (name, kind) of a corpus, and ``key_of`` for any other (picklable)."""

    table: dict[tuple[str, ActorKind], str]
    key_of: Callable[[ActorRef], str]

    def __call__(self, ref: ActorRef) -> str:
        key = self.table.get((ref.name, ref.kind))
        return key if key is not None else self.key_of(ref)


def resolution_for(resolution: Resolution, indexes: Iterable[tuple[int, DocumentIndex]]) -> Resolution:
    """The part of ``resolution`` the graphs of the documents of ``indexes`` (position, index) read.

    Why: a child writing 1,024 document graphs of a 10,000-document store needs the records of
    the actors they name, not the whole index (16 MB of objects; issue 11). What a graph reads
    is what its input digest covers: the references of its index and of the events it shares.
    Keys of other names are worked out as the whole index would (a key depends on the name and
    kind alone); a record outside the part is an error, not an actor left out (:func:`batch_graphs`).
    """
    refs: set[ActorRef] = set()
    shared: dict[int, list[Shared]] = {}
    for position, index in indexes:
        refs |= index.refs
        for item in resolution.shared.get(position, ()):
            shared.setdefault(position, []).append(item)
            refs.update(item[1].participants)
            refs.update([item[1].place] if item[1].place is not None else [])
    key_of = resolution.key_of
    table = {(ref.name, ref.kind): key_of(ref) for ref in refs}
    covered = frozenset(table.values())
    fallback = key_of.key_of if isinstance(key_of, TabledKeys) else key_of
    return Resolution({k: resolution.actors[k] for k in sorted(covered) if k in resolution.actors},
                      TabledKeys(table, fallback), shared, covered)


def unite(doc: DocumentFacts, position: int, resolution: Resolution) -> DocumentFacts:
    """A merged document's day-dated events as ``merge_across`` leaves them: the united event,
    with this report's evidence and the first report's ``concerns``."""
    events = list(doc.events)
    for j, united, first_doc, first_j in resolution.shared.get(position, ()):
        concerns = doc.events[first_j].concerns if first_doc == position else united.concerns
        events[j] = replace(united, evidence=doc.events[j].evidence, concerns=concerns)
    return replace(doc, events=events)


def forget_names() -> None:
    """Empty the process's memos of name keys, folded names and actor IRIs.

    Why: they keep every name a build has asked for (up to 65,536 each; ~10 MB at 10,000
    documents) long after the index that asked is gone, and, spread among the objects it
    freed, keep Python from giving that memory back (issue 11). Refilled as names come again.
    """
    from graph.gazetteer import fold
    from graph.keys import forget_keys
    from graph.rdf.serialize import actor_iri

    forget_keys()
    fold.cache_clear()
    actor_iri.cache_clear()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the code a document graph is written by: other code, every graph written again."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{version('rdflib')}\0{ox.__version__}".encode())
    for name in _FINGERPRINTED:
        digest.update(name.encode() + b"\0" + (Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()


def corpus_digest(sdir: StoreDir, order: list[Document]) -> str:
    """What a whole store is made of: each document's cached facts and metadata, in corpus
    order, the code that writes the graphs and aggregates, and the ontology. Why: a build that
    finds the digest the last one recorded has nothing to do, and need not read an index (issue 11)."""
    from graph.rdf.vocab import ONTOLOGY_PATH

    digest = hashlib.sha256(code_fingerprint().encode())
    for path in [*(Path(__file__).parent / name for name in _AGGREGATES_CODE), ONTOLOGY_PATH]:
        digest.update(path.read_bytes())  # the concepts' labels come from the ontology
    for doc in order:
        digest.update(repr((sdir.fact_key(doc), doc.id, doc.file_name, doc.sha256, doc.title, doc.published)).encode())
    return digest.hexdigest()


def input_digest(fact_key: str, doc: Document, index: DocumentIndex, shared: list[Shared],
                 position: int, resolution: Resolution) -> str:
    """What a document graph is made of: its facts, the key and label of each actor it names,
    the events it shares, the code (two equal digests, two equal graphs)."""
    refs = set(index.refs)
    for _, united, _, _ in shared:
        refs.update(united.participants)
        refs.update([united.place] if united.place is not None else [])
    parts = [code_fingerprint(), fact_key, repr((doc.id, doc.file_name, doc.sha256, doc.title, doc.published))]
    for ref in sorted(refs, key=lambda r: (r.name, r.kind.value, r.surface, r.country or "")):
        key = resolution.key_of(ref)
        record = resolution.actors.get(key)
        parts.append(repr((ref, key, record.label if record else None)))
    for j, united, first_doc, first_j in shared:
        own = first_doc == position
        parts.append(repr((j, replace(united, concerns=None) if own else united, first_j if own else None)))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def input_digests(sdir: StoreDir, order: list[Document], resolution: Resolution) -> list[str]:
    """The input digest of each document graph, in corpus order (each document's index read once more)."""
    return [input_digest(sdir.fact_key(doc), doc, load_index(sdir, doc), resolution.shared.get(position, []),
                         position, resolution) for position, doc in enumerate(order)]


def batch_graphs(sdir: StoreDir, batch: list[tuple[int, Document]], resolution: Resolution) -> GraphTriples:
    """The document graphs of a batch (the actors it names serialised with their records)."""
    from graph.rdf.serialize import ACTORS_GRAPH, corpus_to_dataset
    from graph.resolve import refs_of
    from graph.store import dataset_graphs

    with _collected_young():
        docs = [unite(merge_document(sdir.load_facts(doc)), position, resolution) for position, doc in batch]
        keys = {resolution.key_of(ref) for d in docs for ref in refs_of(d)}
        if resolution.covered is not None and not keys <= resolution.covered:
            raise StoreError(f"internal: actors {sorted(keys - resolution.covered)[:3]} are outside the part of "
                             "the index given for their documents; please report it")
        actors = {k: resolution.actors[k] for k in sorted(keys) if k in resolution.actors}
        graphs = dataset_graphs(corpus_to_dataset(Corpus(docs, actors, resolution.key_of)))
    graphs.pop(str(ACTORS_GRAPH), None)  # written once, from the whole index: see write_actors
    return graphs


@contextmanager
def _collected_young() -> Iterator[None]:
    """Run a batch with the cycle collector paused, then collect only the youngest generation.

    Why: rdflib's Dataset is a cycle (its graphs and its store point at each other), ~50,000
    objects a batch, which outlived the batch until a full collection: 1-3 batches at once in
    a 10,000-document build (issue 11). Paused, the collector promotes none of the batch's
    objects, so collecting the youngest generation frees them all without a full pass over
    the actor index (which cost 0.034 s a batch, 4% of a build).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
    gc.collect(0)


def write_actors(store: ox.Store, resolution: Resolution) -> GraphDiff:
    """Bring the actors graph to every actor record, and the concepts the document graphs now in
    ``store`` use, an actor at a time (only what changed is written: :mod:`graph.store_diff`)."""
    from graph.rdf.io import to_ox
    from graph.rdf.serialize import ACTORS_GRAPH, _record_triples
    from graph.store_diff import GraphDiff

    diff = GraphDiff(store, str(ACTORS_GRAPH))
    for key in sorted(resolution.actors):
        triples = [ox.Triple(*map(to_ox, t)) for t in _record_triples(resolution.actors[key])]
        diff.put(triples[0].subject, None, triples)  # type: ignore[arg-type]
    concepts = sorted({ox.Triple(*map(to_ox, t)) for t in _concept_triples(store)}, key=str)
    for subject, group in groupby(concepts, key=lambda t: t.subject):
        diff.put(subject, None, list(group))  # type: ignore[arg-type]
    diff.retire(None)
    diff.finish()
    return diff


def _concept_triples(store: ox.Store) -> Iterator[tuple]:
    """``graph.rdf.serialize``'s concept labels, over the concepts the store's facts use."""
    from rdflib import Dataset, URIRef

    from graph.rdf.io import from_ox
    from graph.rdf.namespace import IKG
    from graph.rdf.serialize import _concept_triples as concepts_of

    used = Dataset()
    graph = used.graph(URIRef("urn:x-kg:concepts-used"))
    for predicate in (IKG.eventType, IKG.status, IKG.investmentType, IKG.factuality):
        objects = {q.object for q in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None)}
        for term in sorted(objects, key=str):
            graph.add((URIRef("urn:x-kg:fact"), predicate, from_ox(term)))
    yield from concepts_of(used)


def write_resolved(handle: StoreHandle, sdir: StoreDir, order: list[Document], resolved: tuple[Resolution, list[str]],
                   *, before: set[str], old: dict[str, str],
                   old_inputs: dict[str, str]) -> tuple[dict[str, str], dict[str, str], int]:
    """The document graphs, the drops of removed ones, then the actors graph (with the concepts in use).

    ``resolved``: the resolution and each document's input digest (:func:`input_digests`)."""
    digests, inputs, written = sync_documents(handle, sdir, order, resolved, old=old, old_inputs=old_inputs,
                                              present=before)
    written += drop_removed(handle.store, before, digests)
    written += sync_actors(handle.reopen(), resolved[0], digests)  # on a database opened afresh: see graph.store_handle
    handle.store.flush()  # empty RocksDB's write buffers before the aggregates read every graph
    return digests, inputs, written


def drop_removed(store: ox.Store, before: set[str], digests: dict[str, str]) -> int:
    """Drop the graphs of documents no longer in the corpus (``before`` but not in ``digests``); how many."""
    from graph.aggregates import AGGREGATES_GRAPH
    from graph.rdf.serialize import ACTORS_GRAPH
    from graph.store import drop_graph

    gone = sorted(before - set(digests) - {AGGREGATES_GRAPH, str(ACTORS_GRAPH)})
    for key in gone:
        drop_graph(store, key)
    return len(gone)


def sync_actors(store: ox.Store, resolution: Resolution, digests: dict[str, str]) -> int:
    """Bring the actors graph to ``resolution`` (:func:`write_actors`); ``digests`` gains its digest.
    Returns 1 if the graph changed, else 0."""
    from graph.rdf.serialize import ACTORS_GRAPH

    actors = write_actors(store, resolution)
    forget_names()  # it asked for every actor's IRI
    if actors.count:
        digests[str(ACTORS_GRAPH)] = actors.digest()
    return int(actors.changes > 0)


def sync_documents(handle: StoreHandle, sdir: StoreDir, order: list[Document], resolved: tuple[Resolution, list[str]],
                   *, old: dict[str, str], old_inputs: dict[str, str],
                   present: set[str]) -> tuple[dict[str, str], dict[str, str], int]:
    """Write the graph of each document whose input digest changed, a batch at a time.

    ``present``: the named graphs in the store. Returns the digests and input digests of
    every document graph, and how many graphs were written. The store is reopened every
    ``REOPEN_EVERY`` batches, which gives back RocksDB's memory for what they wrote.
    """
    resolution, input_list = resolved
    digests, inputs, batches = plan_documents(order, input_list, old=old, old_inputs=old_inputs, present=present)
    written = 0
    for number, batch in enumerate(batches, start=1):
        written += _write_batch(handle.store, sdir, batch, resolution, old, digests)
        if number % REOPEN_EVERY == 0:
            handle.reopen()
            forget_names()
    return digests, inputs, written


Batch = list[tuple[int, Document]]  # (corpus position, document) of the documents serialised together


def plan_documents(order: list[Document], input_list: list[str], *, old: dict[str, str], old_inputs: dict[str, str],
                   present: set[str]) -> tuple[dict[str, str], dict[str, str], list[Batch]]:
    """Which document graphs to write, in batches of ``SERIALIZE_CHUNK``: those whose input digest
    changed or that the store lacks. Returns the digests of the others (as last written), every
    document's input digest, and the batches."""
    from graph.rdf.serialize import document_iri

    digests: dict[str, str] = {}
    inputs: dict[str, str] = {}
    pending: Batch = []
    for position, doc in enumerate(order):
        key = str(document_iri(doc.id))
        inputs[key] = input_list[position]
        if old_inputs.get(key) == inputs[key] and key in old and key in present:
            digests[key] = old[key]
        else:
            pending.append((position, doc))
    return digests, inputs, [pending[i:i + SERIALIZE_CHUNK] for i in range(0, len(pending), SERIALIZE_CHUNK)]


def write_batches(store: ox.Store, sdir: StoreDir, batches: list[Batch], resolution: Resolution,
                  old: dict[str, str]) -> tuple[dict[str, str], int]:
    """Write the graphs of ``batches``; returns their digests and how many graphs were written."""
    digests: dict[str, str] = {}
    written = sum(_write_batch(store, sdir, batch, resolution, old, digests) for batch in batches)
    return digests, written


def _write_batch(store: ox.Store, sdir: StoreDir, batch: list[tuple[int, Document]], resolution: Resolution,
                 old: dict[str, str], digests: dict[str, str]) -> int:
    from graph.store import sync_graphs

    new, count = sync_graphs(store, batch_graphs(sdir, batch, resolution), old, drop_others=False)
    digests.update(new)
    if count:
        store.flush()  # RocksDB's write buffers otherwise grow with the number of graphs written (~0.2 MB each)
    return count
