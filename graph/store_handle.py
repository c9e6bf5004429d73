"""The write store of a build, closed and opened again between its phases (issue 11).

Why: an open Oxigraph database keeps RocksDB's memory for what it has read and
written (caches, table readers, write buffers), which grows with the database
and is given back only when it is closed. In a 10,000-document build that was
~50 MB more after writing the document graphs than on opening the same
database afresh, and computing and writing every kind of aggregate on one open
database cost +120 MB where one kind at a time, each on a database opened
afresh, cost +75 MB. pyoxigraph closes a database when its last reference goes,
so the phases of a build read the store through a handle and keep no reference
of their own across :meth:`StoreHandle.reopen`.
"""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox

from graph.errors import StoreError


class StoreHandle:
    """Holds the only reference to a store that ``opener`` can open again."""

    def __init__(self, store: ox.Store, opener: Callable[[], ox.Store] | None = None) -> None:
        self._store: ox.Store | None = store
        self._opener = opener

    @property
    def store(self) -> ox.Store:
        if self._store is None:
            raise StoreError("the store was closed while the build still needed it")
        return self._store

    @property
    def reopens(self) -> bool:
        """Whether :meth:`reopen` closes the database (and flushes its write buffers)."""
        return self._opener is not None

    def reopen(self) -> ox.Store:
        """Flush, close and open the database again (a store that cannot be reopened is kept)."""
        if self._opener is None:
            return self.store  # an in-memory store, or one a caller holds: closing it would lose it
        self.store.flush()
        self._store = None  # the last reference: RocksDB closes and frees its memory here
        self._store = self._opener()
        return self._store

    def close(self) -> None:
        """Drop the reference (the database closes once no iterator holds it either)."""
        self._store = None


def as_handle(store: ox.Store | StoreHandle) -> StoreHandle:
    """A handle for ``store``; a bare store is never closed (its caller still holds it)."""
    return store if isinstance(store, StoreHandle) else StoreHandle(store)
