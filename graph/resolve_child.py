"""Resolve a store's actors in a forked child and take back only the result (issue 11).

Why: resolving reads every document's index, and most of what it reads (each
document's copy of a reference another document made too, the events, the memos
of name keys and folded names) is freed once the actor index is built. Python
keeps the pools those objects leave in its arenas, interleaved with the few that
live on: at 10,000 documents resolving took a build from 53 to 92 MB for ~18 MB
of live objects. A child process does the resolving and exits, which gives all
of that back (:mod:`graph.forked`). A build that writes its store in children
too (:mod:`graph.store_forked`) never loads the resolution itself: the child
leaves it in a file that each writing child reads (:func:`resolved_to_file`),
and the build takes back only each document's input digest. The resolution is
the same either way (same code, same order); where ``fork`` is missing it is
computed in the build's own process.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING

from graph.forked import can_fork, run_forked

if TYPE_CHECKING:
    from graph.model import Document
    from graph.store import StoreDir
    from graph.store_resolve import Batch, Resolution

Groups = Callable[[list[str]], list[list["Batch"]]]  # the input digests -> the batches each writing child writes


def resolve_store(sdir: StoreDir, order: list[Document]) -> tuple[Resolution, list[str]]:
    """The resolution of the documents of ``order`` and each one's input digest, made in a child process.

    The digests too: each reads the document's index again, which would churn the same way.
    """
    if not can_fork():
        return _resolve(sdir, order)
    return run_forked(lambda: _resolve(sdir, order), what="resolving the actors", scratch=sdir.root)


def _resolve(sdir: StoreDir, order: list[Document]) -> tuple[Resolution, list[str]]:
    from graph.store_resolve import input_digests, load_index, resolve_indexes

    resolution = resolve_indexes(load_index(sdir, doc) for doc in order)
    return resolution, input_digests(sdir, order, resolution)


@dataclass(frozen=True, slots=True)
class ResolvedFile:
    """A resolution a child pickled to an unlinked file, and the input digests it computed.

    ``parts``: where in the file the part of the index each group of batches reads begins."""

    file: IO[bytes]
    digests: list[str]
    parts: tuple[int, ...] = ()

    def resolution(self) -> Resolution:
        """The whole resolution, read from the file (in a child: the build never loads it)."""
        return load_part(self.file, 0)

    def part(self, number: int) -> Resolution:
        """The part of the index the ``number``-th group of batches reads (:func:`resolved_to_file`)."""
        return load_part(self.file, self.parts[number])


def load_part(file: IO[bytes], offset: int) -> Resolution:
    """The resolution, or the part of it, pickled at ``offset`` in a resolution file (:func:`resolved_to_file`).

    Why parts: a writing child that unpickled the whole index to take its part kept ~22 MB more
    at 10,000 documents (freed, but not given back), a cost that grew with the corpus (issue 11)."""
    file.seek(offset)
    resolution: Resolution = pickle.load(file)
    return resolution


@contextmanager
def resolved_to_file(sdir: StoreDir, order: list[Document], *, groups: Groups | None = None) -> Iterator[ResolvedFile]:
    """Resolve in a forked child that pickles the resolution to a file kept for the build's children.

    With ``groups``, the child also pickles, after it, the part of the index each group of
    batches reads (:func:`graph.store_resolve.resolution_for`), in the order ``groups`` gives."""
    with tempfile.TemporaryFile(dir=sdir.root, prefix=".resolution.") as kept:
        digests, parts = run_forked(lambda: _resolve_into(sdir, order, kept, groups), what="resolving the actors",
                                    scratch=sdir.root)
        yield ResolvedFile(kept, digests, parts)


def _resolve_into(sdir: StoreDir, order: list[Document], kept: IO[bytes],
                  groups: Groups | None) -> tuple[list[str], tuple[int, ...]]:
    """Pickle the resolution, then each group's part; the input digests and where each part begins."""
    resolution, digests = _resolve(sdir, order)
    pickle.dump(resolution, kept, protocol=5)
    parts: list[int] = []
    for group in groups(digests) if groups is not None else []:
        parts.append(kept.tell())
        pickle.dump(_part(sdir, resolution, group), kept, protocol=5)
    kept.flush()
    return digests, tuple(parts)


def _part(sdir: StoreDir, resolution: Resolution, group: list[Batch]) -> Resolution:
    """The part of ``resolution`` the documents of ``group`` read."""
    from graph.store_resolve import load_index, resolution_for

    return resolution_for(resolution, ((position, load_index(sdir, doc)) for batch in group for position, doc in batch))
