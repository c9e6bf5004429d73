"""Extraction across cores and machines, in input order, with bounded memory.

Documents are cut into batches; at most ``2 * workers`` batches are in flight,
so memory depends on the batch size and the number of workers, never on the
corpus size. Each worker process loads the spaCy model once (lazily, through
``graph.pipeline``) and keeps it for every batch it receives.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeVar

from graph.errors import ExtractionFailed, KGError
from graph.model import Document, DocumentFacts

T = TypeVar("T")

IN_FLIGHT_PER_WORKER = 2


def extract_batch(docs: list[Document], batch_size: int = 16,
                  keep_going: bool = False) -> list[DocumentFacts | ExtractionFailed]:
    """Extract one batch in this process: the unit shipped to a worker."""
    from graph.pipeline import extract_documents

    return list(extract_documents(docs, batch_size=batch_size, keep_going=keep_going))


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def extract_parallel(
    docs: Iterable[Document],
    *,
    jobs: int = 1,
    dask_address: str | None = None,
    batch_size: int = 16,
    keep_going: bool = False,
) -> Iterator[DocumentFacts | ExtractionFailed]:
    """Facts of ``docs`` in input order; identical whatever ``jobs`` or cluster.

    ``jobs > 1`` uses that many worker processes on this machine;
    ``dask_address`` (``tcp://host:8786``) sends batches to a Dask cluster;
    ``keep_going`` gives a document the extractors fail on as its error (see ``extract_documents``).
    """
    if jobs < 1:
        raise KGError(f"--jobs must be at least 1, not {jobs}")
    if batch_size < 1:
        raise KGError(f"--batch-size must be at least 1, not {batch_size}")
    if dask_address is not None:
        return _extract_dask(docs, dask_address, batch_size=batch_size, keep_going=keep_going)
    if jobs == 1:
        return _extract_serial(docs, batch_size=batch_size, keep_going=keep_going)
    return _extract_pool(docs, jobs=jobs, batch_size=batch_size, keep_going=keep_going)


def _extract_serial(docs: Iterable[Document], *, batch_size: int,
                    keep_going: bool) -> Iterator[DocumentFacts | ExtractionFailed]:
    from graph.pipeline import extract_documents

    yield from extract_documents(docs, batch_size=batch_size, keep_going=keep_going)


def _extract_pool(docs: Iterable[Document], *, jobs: int, batch_size: int,
                  keep_going: bool) -> Iterator[DocumentFacts | ExtractionFailed]:
    """Batches over a spawn-started process pool (safe with threads and RocksDB)."""
    context = multiprocessing.get_context("spawn")
    # One BLAS thread per worker: N workers × N threads would oversubscribe N cores.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        submit = lambda batch: pool.submit(extract_batch, batch, batch_size, keep_going)  # noqa: E731
        yield from _ordered(batched(docs, batch_size), submit, limit=jobs * IN_FLIGHT_PER_WORKER)


def _extract_dask(docs: Iterable[Document], address: str, *, batch_size: int,
                  keep_going: bool) -> Iterator[DocumentFacts | ExtractionFailed]:
    """Batches over a Dask cluster; gathered in submission order."""
    client = _dask_client(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        submit = lambda batch: client.submit(extract_batch, batch, batch_size, keep_going, pure=False)  # noqa: E731
        yield from _ordered(batched(docs, batch_size), submit, limit=workers * IN_FLIGHT_PER_WORKER)
    finally:
        client.close()


def _dask_client(address: str) -> Any:
    try:
        from distributed import Client

        return Client(address, timeout="20s")
    except (OSError, TimeoutError) as e:
        raise KGError(
            f"cannot reach the Dask scheduler at {address} ({e}); start one with "
            "`dask scheduler` and `dask worker ADDRESS`, or drop --dask"
        ) from e


def _ordered(
    batches: Iterator[list[Document]],
    submit: Callable[[list[Document]], Any],
    *,
    limit: int,
) -> Iterator[DocumentFacts | ExtractionFailed]:
    """Submit batches with at most ``limit`` in flight; yield results in order."""
    pending: deque[Future[list[DocumentFacts | ExtractionFailed]]] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= limit:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def track(
    items: Iterable[T],
    *,
    description: str = "documents",
    total: int | None = None,
    enabled: bool = True,
) -> Iterator[T]:
    """Pass ``items`` through, showing a rich progress bar with items per second."""
    if not enabled:
        yield from items
        return
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                               TextColumn, TimeElapsedColumn)

    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               MofNCompleteColumn(), TextColumn("{task.fields[rate]} docs/s"), TimeElapsedColumn()]
    with Progress(*columns, transient=False) as bar:
        task = bar.add_task(description, total=total, rate="-")
        start = time.perf_counter()
        for done, item in enumerate(items, start=1):
            yield item
            rate = done / max(time.perf_counter() - start, 1e-9)
            bar.update(task, advance=1, rate=f"{rate:.1f}")
