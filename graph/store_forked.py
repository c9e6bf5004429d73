"""A store build whose every use of the database is a forked child's (issue 11).

Why: the memory a build's phases leave behind grows with the store, not with
what they write: RocksDB's caches and table readers for a larger database, and
the holes its freed memory leaves in the heap below what lives on, which the
process keeps (docs/SCALING.md, "Resolving in a child process"). Here the build
only plans: a child resolves the actors (:mod:`graph.resolve_child`) and leaves
the resolution in a file; children then write the document graphs,
``BATCHES_PER_CHILD`` batches each; one drops removed documents' graphs and
brings the actors graph to the index; one computes the aggregates. Each opens
the store, does its part and exits, which gives back all it used; the build
keeps the digests they report and never loads the actor index. Same code, same
graphs as a build in one process (:func:`graph.store_resolve.write_resolved`).

The build itself never opens the database: a child forked from a process that
has cannot use RocksDB (:mod:`graph.forked`). Between two children nothing holds
RocksDB's lock, so the build holds a lock of its own on the store's mark file
(:func:`build_lock`) from start to end, as the open database did before.
"""

from __future__ import annotations

import fcntl
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import IO, TYPE_CHECKING, Any, TypeVar

from graph.errors import StoreError
from graph.forked import run_forked

if TYPE_CHECKING:
    from graph.fork_server import ForkServer
    from graph.model import Document
    from graph.resolve_child import ResolvedFile
    from graph.store import StoreDir
    from graph.store_resolve import Batch

T = TypeVar("T")
BATCHES_PER_CHILD = 16  # batches of document graphs a child writes (the reopening interval of a one-process build)
LOCK_WAIT = 5.0  # seconds to wait for the lock: a killed build's children may still be exiting
Written = tuple[dict[str, str], dict[str, str], int, set[str]]  # digests, input digests, graphs written, graphs before


def write_graphs(sdir: StoreDir, order: list[Document], server: ForkServer | None) -> tuple[int, int]:
    """Resolve from the indexes, write what changed and sync; returns (graphs written, docs removed).

    The database is used in forked children when this process has never opened one
    (:mod:`graph.store_forked`: what they use is given back as each exits; those that write
    are forked from ``server``), else here."""
    from graph.forked import can_fork_store
    from graph.store import DEFAULT_GRAPH_KEY, corrupted
    from graph.store_resolve import corpus_digest

    with build_lock(sdir) as lock:
        old, old_inputs = sdir.read_manifest()
        corpus = corpus_digest(sdir, order)
        build: Callable[..., Written | None] = build_here
        if can_fork_store():
            if server is not None:
                server.hold(lock)  # its children hold the store as the build does (a killed build's until they die)
            build = partial(build_forked, server=server)
        try:
            done = build(sdir, order, old=old, old_inputs=old_inputs, corpus=corpus)
        except RuntimeError as e:
            raise corrupted(sdir.root, e) from e
        if done is None:
            return 0, 0  # the documents and code of the last build, whose graphs are all in place
        digests, inputs, written, before = done
        sdir.write_digests(digests, inputs={**inputs, DEFAULT_GRAPH_KEY: corpus})
    return written, len({k for k in before - set(digests) if "/document/" in k})


def build_forked(sdir: StoreDir, order: list[Document], *, old: dict[str, str], old_inputs: dict[str, str],
                 corpus: str, server: ForkServer | None = None) -> Written | None:
    """Resolve and write the store in children; ``None`` when it already holds this very corpus.

    Returns the digests of every graph, the input digest of every document graph,
    how many graphs were written or dropped, and the named graphs the store had before.
    With ``server`` (:mod:`graph.fork_server`) the children that write are forked from it.
    """
    from graph.aggregates import AGGREGATES_GRAPH
    from graph.resolve_child import resolved_to_file
    from graph.store import DEFAULT_GRAPH_KEY
    from graph.store_resolve import plan_documents

    check = old_inputs.get(DEFAULT_GRAPH_KEY) == corpus
    before, in_step = _in_child(lambda: _survey(sdir, old, check=check), sdir, "opening the store")
    if in_step:
        return None

    def groups(input_list: list[str]) -> list[list[Batch]]:  # the same plan in the resolving child and here
        return _grouped(plan_documents(order, input_list, old=old, old_inputs=old_inputs, present=before)[2])

    run = partial(_run, server, sdir)
    with resolved_to_file(sdir, order, groups=groups) as resolved:
        sdir.forget_digests()
        digests, inputs, batches = plan_documents(order, resolved.digests, old=old, old_inputs=old_inputs,
                                                  present=before)
        written = _write_documents(run, sdir, _grouped(batches), resolved, old, digests)
        gone = before - set(digests)
        actors, changed = run(_drops_and_actors, sdir, gone, what="writing the actors graph", files=[resolved.file])
    digests.update(actors)
    written += changed
    kept = {AGGREGATES_GRAPH: old[AGGREGATES_GRAPH]} if AGGREGATES_GRAPH in old else {}
    aggregates, changed = run(_aggregates, sdir, kept, written > 0, what="computing the aggregates")
    digests.update(aggregates)
    return digests, inputs, written + changed, before


def build_here(sdir: StoreDir, order: list[Document], *, old: dict[str, str], old_inputs: dict[str, str],
                corpus: str) -> Written | None:
    """The phases of :func:`build_forked` in this process, on one handle reopened between them."""
    from graph.aggregates import sync_aggregates
    from graph.resolve_child import resolve_store
    from graph.store import DEFAULT_GRAPH_KEY, _in_step, store_graph_keys
    from graph.store_handle import StoreHandle
    from graph.store_resolve import write_resolved

    handle = StoreHandle(sdir.open_db(), sdir.open_db)  # the only reference: phases reopen it (store_handle)
    try:
        if old_inputs.get(DEFAULT_GRAPH_KEY) == corpus and _in_step(handle.store, old):
            return None
        resolved = resolve_store(sdir, order)  # in a child process, which keeps what resolving churns
        sdir.forget_digests()
        before = store_graph_keys(handle.store)
        digests, inputs, written = write_resolved(handle, sdir, order, resolved, before=before, old=old,
                                                  old_inputs=old_inputs)
        del resolved  # the aggregates read the store, not the actor index: free it for them
        written += sync_aggregates(handle, digests, old, changed=written > 0)  # derived from the graphs now in place
        handle.store.flush()
    finally:
        handle.close()
    return digests, inputs, written, before


def _in_child(work: Callable[[], T], sdir: StoreDir, what: str) -> T:
    """``work()`` in a forked child, its result taken back (:func:`graph.forked.run_forked`)."""
    return run_forked(work, what=what, scratch=sdir.root)


def _run(server: ForkServer | None, sdir: StoreDir, work: Callable[..., T], *args: Any, what: str,
         files: Sequence[IO[bytes]] = ()) -> T:
    """``work(*args, *files)`` in a child of ``server``, or forked from this process without one."""
    if server is None:
        return _in_child(partial(work, *args, *files), sdir, what)
    result: T = server.run(work, *args, what=what, scratch=sdir.root, files=files)
    return result


def _survey(sdir: StoreDir, old: dict[str, str], *, check: bool) -> tuple[set[str], bool]:
    """The named graphs the store holds, and (with ``check``) whether they are the last build's, current."""
    from graph.store import _in_step, store_graph_keys

    store = sdir.open_db()
    return store_graph_keys(store), check and _in_step(store, old)


def _grouped(batches: list[Batch]) -> list[list[Batch]]:
    """The batches each writing child writes: ``BATCHES_PER_CHILD`` at a time."""
    return [batches[start:start + BATCHES_PER_CHILD] for start in range(0, len(batches), BATCHES_PER_CHILD)]


def _write_documents(run: Callable[..., Any], sdir: StoreDir, groups: list[list[Batch]], resolved: ResolvedFile,
                     old: dict[str, str], digests: dict[str, str]) -> int:
    """Write each group of batches in a child of its own; ``digests`` gains theirs."""
    from graph.rdf.serialize import document_iri

    written = 0
    for number, group in enumerate(groups):
        keys = (str(document_iri(doc.id)) for batch in group for _, doc in batch)
        mine = {key: old[key] for key in keys if key in old}  # not the whole manifest into every child
        new, count = run(_write_group, sdir, group, resolved.parts[number], mine, what="writing the document graphs",
                         files=[resolved.file])
        digests.update(new)
        written += count
    return written


def _write_group(sdir: StoreDir, group: list[Batch], offset: int, old: dict[str, str],
                 file: IO[bytes]) -> tuple[dict[str, str], int]:
    """Write a group of batches with the part of the actor index it reads, found at ``offset`` in
    ``file`` (pickled by the resolving child: the whole index is not loaded here)."""
    from graph.resolve_child import load_part
    from graph.store_resolve import write_batches

    part = load_part(file, offset)
    store = sdir.open_db()
    result = write_batches(store, sdir, group, part, old)
    store.flush()
    return result


def _drops_and_actors(sdir: StoreDir, gone: set[str], file: IO[bytes]) -> tuple[dict[str, str], int]:
    """Drop the graphs of removed documents (``gone``: the graphs the build no longer makes) and bring
    the actors graph to the index (whole, at the start of ``file``).

    Returns the actors graph's digest (if it has triples) and how many graphs changed."""
    from graph.resolve_child import load_part
    from graph.store_resolve import drop_removed, sync_actors

    store = sdir.open_db()
    written = drop_removed(store, gone, {})
    actors: dict[str, str] = {}
    written += sync_actors(store, load_part(file, 0), actors)
    store.flush()
    return actors, written


def _aggregates(sdir: StoreDir, old: dict[str, str], changed: bool) -> tuple[dict[str, str], int]:
    """The aggregates graph brought to the graphs now in place; its digest and whether it changed.

    ``old``: the aggregates graph's digest as last written (if any)."""
    from graph.aggregates import AGGREGATES_GRAPH, sync_aggregates
    from graph.store_handle import StoreHandle

    handle = StoreHandle(sdir.open_db(), sdir.open_db)  # reopened before each kind, as in one process
    mine: dict[str, str] = {}
    count = sync_aggregates(handle, mine, old, changed=changed)
    handle.store.flush()
    handle.close()
    return {AGGREGATES_GRAPH: mine[AGGREGATES_GRAPH]} if AGGREGATES_GRAPH in mine else {}, count


@contextmanager
def build_lock(sdir: StoreDir) -> Iterator[IO[bytes]]:
    """Hold the store for one build (an exclusive ``flock`` on its mark file) until it ends.

    Why: a build in children leaves RocksDB's lock free between them; without this a
    second build could write the store in those moments. Released when the build
    (and every child of it) has exited, however it ended.
    """
    with open(sdir.mark_path, "rb") as mark:
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                fcntl.flock(mark.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as e:
                if time.monotonic() > deadline:
                    raise StoreError(f"{sdir.root}: another `kg build` is writing this store; "
                                     "wait for it to end") from e
                time.sleep(0.05)
        yield mark
