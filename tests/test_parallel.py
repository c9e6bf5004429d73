"""Parallel and distributed extraction give the same facts, in order, as one process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.errors import KGError
from graph.ingest import iter_documents
from graph.model import Document, DocumentFacts
from graph.parallel import batched, extract_parallel, track

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "corpus"

pytestmark = pytest.mark.slow


def _docs() -> list[Document]:
    def fail(error: Exception) -> None:
        raise error

    return list(iter_documents([SAMPLES], on_error=fail))


@pytest.fixture(scope="module")
def serial() -> list[DocumentFacts]:
    return list(extract_parallel(_docs(), jobs=1, batch_size=2))


def _same(a: list[DocumentFacts], b: list[DocumentFacts]) -> bool:
    """Equal facts; on a difference, say where (pytest shows the message)."""
    assert [f.document.id for f in a] == [f.document.id for f in b]
    for x, y in zip(a, b):
        for name in ("mentions", "investments", "agreements", "events"):
            left, right = getattr(x, name), getattr(y, name)
            assert repr(left) == repr(right), f"{x.document.id}: {name} differ ({len(left)} vs {len(right)})"
    return True


def test_jobs_2_equals_jobs_1(serial: list[DocumentFacts]) -> None:
    parallel = list(extract_parallel(_docs(), jobs=2, batch_size=1))
    assert [f.document.id for f in parallel] == [d.id for d in _docs()]
    assert _same(parallel, serial)


def test_dask_local_cluster_equals_jobs_1(serial: list[DocumentFacts]) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        distributed = list(extract_parallel(_docs(), dask_address=cluster.scheduler_address, batch_size=1))
    assert _same(distributed, serial)


def test_unreachable_dask_scheduler_is_a_clear_error() -> None:
    with pytest.raises(KGError, match="Dask scheduler"):
        list(extract_parallel(_docs(), dask_address="tcp://127.0.0.1:1", batch_size=1))


@pytest.mark.parametrize(("jobs", "batch"), [(0, 1), (1, 0)], ids=["jobs-0", "batch-0"])
def test_bad_options_are_refused(jobs: int, batch: int) -> None:
    with pytest.raises(KGError, match="at least 1"):
        list(extract_parallel([], jobs=jobs, batch_size=batch))


@pytest.mark.parametrize(("n", "size", "expected"), [(5, 2, [2, 2, 1]), (0, 3, []), (3, 3, [3])],
                         ids=["ragged", "empty", "exact"])
def test_batched(n: int, size: int, expected: list[int]) -> None:
    assert [len(b) for b in batched(range(n), size)] == expected


def test_batched_is_lazy() -> None:
    def endless() -> Iterator[int]:
        i = 0
        while True:
            yield i
            i += 1

    assert next(batched(endless(), 3)) == [0, 1, 2]


def test_track_passes_items_through() -> None:
    assert list(track(iter(range(5)), enabled=True, total=5)) == list(range(5))
