"""Issue 11: a build reopens its store between phases to give back RocksDB's memory; the
handle must keep the data, refuse a closed store loudly, and never close a caller's store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import StoreError
from graph.store_handle import StoreHandle, as_handle

EX = "http://example.org/"
QUAD = ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), ox.NamedNode(EX + "o"), ox.NamedNode(EX + "g"))


def test_reopen_closes_the_database_and_keeps_what_was_written(tmp_path: Path) -> None:
    handle = StoreHandle(ox.Store(str(tmp_path)), lambda: ox.Store(str(tmp_path)))
    handle.store.add(QUAD)
    assert handle.reopens
    reopened = handle.reopen()  # RocksDB's lock refuses a second open of a database not closed
    assert reopened is handle.store
    assert list(handle.store) == [QUAD]


def test_a_store_held_elsewhere_cannot_be_reopened_silently(tmp_path: Path) -> None:
    handle = StoreHandle(ox.Store(str(tmp_path)), lambda: ox.Store(str(tmp_path)))
    held = handle.store  # e.g. an iterator kept across a reopen: the database stays open
    with pytest.raises(OSError, match="lock"):
        handle.reopen()
    assert held is not None


def test_a_bare_store_is_never_closed() -> None:
    store = ox.Store()
    handle = as_handle(store)
    assert not handle.reopens
    assert handle.reopen() is store
    assert as_handle(handle) is handle


def test_a_closed_handle_refuses_to_be_read(tmp_path: Path) -> None:
    handle = StoreHandle(ox.Store(str(tmp_path)), lambda: ox.Store(str(tmp_path)))
    handle.close()
    with pytest.raises(StoreError, match="closed"):
        handle.store
