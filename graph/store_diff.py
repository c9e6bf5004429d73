"""Bring one named graph of a store to new content a subject at a time (issue 11).

Why: the actors graph (~46,000 triples at 10,000 documents) and the
aggregates graph were each rewritten in one SPARQL update, which held the
update's text, Oxigraph's parse of it and the transaction's writes at once:
+157 MB for the actors graph alone, the peak of a 10,000-document build. Here
the new content comes as a stream of subjects (with one predicate, or all of
them); each is compared with what the graph holds for it (an index seek), and
only the triples that differ are written, ``BATCH`` at a time, each batch in one
transaction that also keeps the merge in the default graph in step.

A build killed between two batches leaves this graph part old, part new; the
store's journal (no manifest until the build ends) makes the store refuse to
open until the next build, which compares the graph with what it must hold and
finishes it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import pyoxigraph as ox

from graph.errors import StoreError
from graph.store_handle import StoreHandle, as_handle

BATCH = 2_000  # triples per transaction (the actors graph of 10,000 documents: +20 MB; 10,000 a batch: +54 MB)
_DIGEST_MOD = 2**256

Subject = ox.NamedNode | ox.BlankNode
Term = ox.NamedNode | ox.BlankNode | ox.Literal


class GraphDiff:
    """Writes the difference between a named graph and the content put in it, subject by subject.

    ``seen`` holds the subjects put so far (``str`` of each), so that ``retire`` can
    remove the triples of every other; ``count`` and ``digest()`` describe the new
    content (an order-free digest: the content need not be held to compute it).
    ``flush_writes``: empty RocksDB's write buffers after each transaction (see ``commit``).
    """

    def __init__(self, store: ox.Store | StoreHandle, graph: str, *, flush_writes: bool = True) -> None:
        from graph.store_merge import query_options

        self.handle, self.graph = as_handle(store), ox.NamedNode(graph)
        self.merged = not query_options(self.store)  # a store without the merge is read as the union of its graphs
        self.seen: set[str] = set()
        self.gone: list[ox.Triple] = []
        self.added: list[ox.Triple] = []
        self.count = self.changes = self._sum = 0
        self.flush_writes = flush_writes

    @property
    def store(self) -> ox.Store:
        """Read through the handle: the store may be reopened between subjects (:mod:`graph.store_handle`)."""
        return self.handle.store

    def put(self, subject: Subject, predicate: ox.NamedNode | None, triples: Iterable[ox.Triple]) -> None:
        """Make the graph state ``triples`` about ``subject`` (with ``predicate``, or any) and nothing else."""
        self.seen.add(str(subject))
        new = set(triples)
        for triple in new:
            self._sum += int.from_bytes(hashlib.sha256(str(triple).encode("utf-8")).digest()[:16], "big")
        self.count += len(new)
        old = {q.triple for q in self.store.quads_for_pattern(subject, predicate, None, self.graph)}
        self.gone.extend(old - new)
        self.added.extend(new - old)
        if len(self.gone) + len(self.added) >= BATCH:
            self.flush()

    def retire(self, predicate: ox.NamedNode | None, obj: Term | None = None) -> None:
        """Remove the triples (with ``predicate`` and ``obj``, or any) of every subject not put."""
        for quad in self.store.quads_for_pattern(None, predicate, obj, self.graph):
            if str(quad.subject) not in self.seen:
                self.gone.append(quad.triple)
                if len(self.gone) + len(self.added) >= BATCH:
                    self.flush()

    def digest(self) -> str:
        """A digest of the content put (same triples, same digest, whatever their order)."""
        return f"sum:{self._sum % _DIGEST_MOD:064x}"

    def finish(self) -> int:
        """Write what remains; an emptied graph is dropped. Returns how many triples changed."""
        self.flush()
        if self.count == 0 and any(g == self.graph for g in self.store.named_graphs()):
            self.store.update(f"DROP SILENT GRAPH <{self.graph.value}>")
        return self.changes

    def flush(self) -> None:
        """One transaction: the graph's removed and added triples, and the merge's."""
        gone, added = sorted(set(self.gone), key=str), sorted(set(self.added), key=str)
        self.gone, self.added = [], []
        parts = []
        if gone:
            unmerged = [t for t in gone if self.merged and not self._elsewhere(t)]
            parts.append(self._data("DELETE", gone, unmerged))
        if added:
            parts.append(self._data("INSERT", added, added if self.merged else []))
        if parts:
            self.commit(" ;\n".join(parts))
            self.changes += len(gone) + len(added)

    def commit(self, update: str) -> None:
        """Run one batch's SPARQL update: one transaction."""
        try:
            self.store.update(update)
            if self.flush_writes:
                self.store.flush()  # RocksDB's write buffers otherwise grow with every batch written
        except (SyntaxError, OSError) as e:
            raise StoreError(f"cannot write graph <{self.graph.value}> to the store: {e}") from e

    def _elsewhere(self, triple: ox.Triple) -> bool:
        """Whether another named graph also states ``triple`` (it then stays in the merge)."""
        skip = (self.graph, ox.DefaultGraph())
        return any(q.graph_name not in skip
                   for q in self.store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None))

    def _data(self, verb: str, named: list[ox.Triple], default: list[ox.Triple]) -> str:
        body = " .\n".join(str(t) for t in named)
        merge = " .\n".join(str(t) for t in default)
        return f"{verb} DATA {{ GRAPH <{self.graph.value}> {{ {body} }} {merge} }}"
