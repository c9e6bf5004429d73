"""Keep a remote SPARQL store in step with a kg store directory (``kg build --store S --endpoint URL``).

Graphs stream out of the local store one at a time, in requests of a bounded
number of triples, so the client holds one request's triples, not the store
(before, every triple of the store was read into memory, then pushed). Only the
graphs whose digest changed since the last push to that endpoint are sent, and
graphs the store no longer has (removed documents) are dropped there: each
endpoint's last push is recorded in ``DIR/pushed.json``. The record is removed
before a push and written once it is complete, so an interrupted push is redone
whole by the next one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError
from graph.remote import Protocol, drop_remote_graph, push_graph, split_credentials
from graph.store import PUSHED, StoreDir, _atomic_write, corrupted, store_graph_keys


@dataclass(frozen=True, slots=True)
class PushReport:
    """What one push did, for the CLI to print and the benches to time."""

    pushed: int
    dropped: int
    unchanged: int
    triples: int
    seconds: float


def push_store(store_dir: str | Path, endpoint: str, *, protocol: Protocol = "auto", timeout: float = 60.0,
               everything: bool = False) -> PushReport:
    """Bring the graphs of the store at ``endpoint`` in step with the kg store in ``store_dir``.

    ``everything`` pushes every graph, whatever was pushed before: for a remote
    store that was emptied or edited since.
    """
    start = time.perf_counter()
    sdir = StoreDir(Path(store_dir))
    store, digests = _open_in_step(sdir)
    names = set(digests)
    target = split_credentials(endpoint)[0]  # never write a password to disk
    records = _read_records(sdir)
    last = records.pop(target, {})
    _write_records(sdir, records)  # the journal: until the end, this endpoint's content is unknown
    changed = sorted(key for key in names if everything or last.get(key) != digests[key])
    triples = sum(push_graph(endpoint, key, _triples(store, key), protocol=protocol, timeout=timeout)
                  for key in changed)
    gone = sorted(set(last) - names)
    for key in gone:
        drop_remote_graph(endpoint, key, protocol=protocol, timeout=timeout)
    _write_records(sdir, {**records, target: digests})
    return PushReport(pushed=len(changed), dropped=len(gone), unchanged=len(names) - len(changed),
                      triples=triples, seconds=time.perf_counter() - start)


def _open_in_step(sdir: StoreDir) -> tuple[ox.Store, dict[str, str]]:
    """The store, read-only, and its graphs' digests: the manifest's, which must name its graphs."""
    digests = sdir.read_digests()
    if not digests:
        raise StoreError(f"{sdir.root}: no complete build recorded; run `kg build CORPUS --store {sdir.root}` first")
    store = _read_only(sdir)
    if store_graph_keys(store) != set(digests):
        raise StoreError(f"{sdir.root}: the store's graphs differ from its manifest; "
                         f"rebuild it with `kg build CORPUS --store {sdir.root}`")
    return store, digests


def _triples(store: ox.Store, key: str) -> Iterator[ox.Triple]:
    for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(key)):
        yield ox.Triple(quad.subject, quad.predicate, quad.object)


def _read_only(sdir: StoreDir) -> ox.Store:
    try:
        return ox.Store.read_only(str(sdir.db_path))
    except OSError as e:
        raise StoreError(f"{sdir.db_path}: cannot open the store to push it ({e}); "
                         f"rebuild it with `kg build CORPUS --store {sdir.root}`") from e
    except RuntimeError as e:
        raise corrupted(sdir.root, e) from e


def _read_records(sdir: StoreDir) -> dict[str, dict[str, str]]:
    """Digest of each graph as last pushed, per endpoint URL (without credentials)."""
    path = sdir.root / PUSHED
    if not path.exists():
        return {}
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")).get("endpoints", {}))
    except (OSError, ValueError, AttributeError) as e:
        raise StoreError(f"{path}: unreadable ({e}); delete it to push every graph again") from e


def _write_records(sdir: StoreDir, records: dict[str, dict[str, str]]) -> None:
    data = {"version": 1, "endpoints": {url: dict(sorted(d.items())) for url, d in sorted(records.items())}}
    _atomic_write(sdir.root / PUSHED, json.dumps(data, indent=1).encode("utf-8"))
