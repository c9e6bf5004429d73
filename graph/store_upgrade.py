"""A store built before the aggregates (issue 11), or before their current set, gets them when opened.

Why: the saved queries read the aggregates graph (counts, contested figures,
name keys, the listings' ranks); on a store built before it existed, or before
a kind they read was added, they answered no rows, silently, until the next
build. Opening such a store now computes the aggregates from its graphs and
writes what changed, as a build would, when the store can be opened for
writing; otherwise it fails with one line that says to rebuild. A store with
no facts needs none, and one holding the current set is left as is.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from graph.aggregates import AGGREGATES_GRAPH, ROLES, is_current, update_aggregates
from graph.errors import StoreError, StoreOutdated


def open_with_aggregates(root: Path, db: Path, *,
                         open_read_only: Callable[[Path, Path], ox.Store]) -> ox.Store:
    """The store at ``db`` read-only, its aggregates added first if it has facts but none."""
    store = open_read_only(root, db)
    if not lacks_aggregates(store):
        return store
    del store  # closed before it is opened for writing
    add_aggregates_to_store(root, db)
    return open_read_only(root, db)


def lacks_aggregates(store: ox.Store) -> bool:
    """Whether ``store`` states facts with actors but not the current aggregates."""
    if is_current(store):
        return False
    return any(next(iter(store.quads_for_pattern(None, ox.NamedNode(p), None, None)), None) is not None
               for p in ROLES)


def add_aggregates_to_store(root: Path, db: Path) -> int:
    """Write the aggregates of the store at ``db`` (kg store dir ``root``); returns how many triples.

    Raises :class:`StoreOutdated` when the store cannot be opened for writing
    (another process holds it, a read-only disk).
    """
    store = _open_for_writing(root, db)
    try:
        diff = update_aggregates(store)
        store.flush()
    finally:
        del store
    _record_digest(root, diff.digest())
    return diff.count


def _open_for_writing(root: Path, db: Path) -> ox.Store:
    try:
        return ox.Store(str(db))
    except (OSError, RuntimeError) as e:
        raise StoreOutdated(
            f"{root}: built before the aggregates the saved queries read (issue 11) and cannot be updated "
            f"now ({' '.join(str(e).split())[:160]}); rebuild it with `kg build CORPUS --store {root}`"
        ) from e


def _record_digest(root: Path, digest: str) -> None:
    """Put the new graph's digest in the manifest, so the next build need not rewrite it."""
    from graph.store import StoreDir

    sdir = StoreDir(root)
    if not sdir.manifest_path.exists():
        return  # a bare Oxigraph directory: no manifest to keep
    try:
        digests = sdir.read_digests()
        if digests:
            sdir.write_digests({**digests, AGGREGATES_GRAPH: digest})
    except (StoreError, OSError) as e:
        raise StoreOutdated(f"{sdir.manifest_path}: aggregates written but the manifest could not be "
                            f"updated ({e}); run `kg build CORPUS --store {root}` to finish") from e
