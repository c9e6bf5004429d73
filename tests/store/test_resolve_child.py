"""A store build resolves its actors in a forked child (issue 11): the same resolution and
input digests as resolving in the build's own process, and the child's errors raised as the build's."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

import graph.resolve_child as resolve_child
from graph.errors import StoreError
from graph.forked import can_fork_store
from graph.ingest import iter_documents
from graph.store import StoreDir, build_into_store
from graph.store_index import index_path

from store_helpers import SAMPLES  # type: ignore[import-not-found]


def _order(corpus: Path) -> list:
    return [d.without_text() for d in iter_documents([corpus], on_error=lambda e: None)]


def test_the_child_resolves_as_the_build_would(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_into_store([SAMPLES], store)
    sdir, order = StoreDir(store), _order(SAMPLES)
    forked = resolve_child.resolve_store(sdir, order)
    here = resolve_child._resolve(sdir, order)
    assert forked[1] == here[1] and len(here[1]) == len(order)  # the input digests, in corpus order
    assert forked[0].actors == here[0].actors and forked[0].shared == here[0].shared
    assert forked[0].key_of.table == here[0].key_of.table  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(here[0])).key_of.key_of.aliases == here[0].key_of.key_of.aliases  # type: ignore[attr-defined]


def test_an_unreadable_index_fails_the_build_as_before(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_into_store([SAMPLES], store)
    sdir, order = StoreDir(store), _order(SAMPLES)
    index_path(sdir.fact_file(order[0])).write_bytes(b"not a pickle")
    with pytest.raises(StoreError, match="unreadable"):
        resolve_child.resolve_store(sdir, order)


def test_without_fork_the_build_resolves_in_its_own_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "store"
    build_into_store([SAMPLES], store)
    sdir, order = StoreDir(store), _order(SAMPLES)
    forked = resolve_child.resolve_store(sdir, order)
    monkeypatch.delattr(os, "fork")
    assert resolve_child.resolve_store(sdir, order)[1] == forked[1]
    assert not can_fork_store()  # nor are the store's phases forked


def test_the_resolution_left_in_a_file_is_the_one_returned(tmp_path: Path) -> None:
    store = tmp_path / "store"
    build_into_store([SAMPLES], store)
    sdir, order = StoreDir(store), _order(SAMPLES)
    here = resolve_child._resolve(sdir, order)
    with resolve_child.resolved_to_file(sdir, order) as resolved:
        assert resolved.digests == here[1]
        for _ in range(2):  # every writing child reads it from the start
            assert resolved.resolution().actors == here[0].actors
    assert not [p for p in store.iterdir() if p.name.startswith(".")]  # the files are unlinked


def test_each_group_reads_its_part_of_the_index_from_the_file(tmp_path: Path) -> None:
    from graph.store_resolve import load_index, resolution_for

    store = tmp_path / "store"
    build_into_store([SAMPLES], store)
    sdir, order = StoreDir(store), _order(SAMPLES)
    batches = [[(0, order[0])], [(1, order[1]), (2, order[2])]]
    groups = [[batches[0]], [batches[1]]]
    with resolve_child.resolved_to_file(sdir, order, groups=lambda digests: groups) as resolved:
        whole = resolved.resolution()
        for number, group in enumerate(groups):
            part = resolved.part(number)
            expected = resolution_for(whole, ((p, load_index(sdir, d)) for batch in group for p, d in batch))
            assert part.actors == expected.actors and part.covered == expected.covered
            assert part.key_of.table == expected.key_of.table  # type: ignore[attr-defined]
            assert part.shared == expected.shared
        assert len(resolved.part(0).actors) < len(whole.actors)  # one document's actors, not the corpus's
        assert len(resolved.parts) == len(groups)
