"""Resolve a store's actors in a forked child and take back only the result (issue 11).

Why: resolving reads every document's index, and most of what it reads (each
document's copy of a reference another document made too, the events, the memos
of name keys and folded names) is freed once the actor index is built. Python
keeps the pools those objects leave in its arenas, interleaved with the few that
live on: at 10,000 documents resolving took a build from 53 to 92 MB for ~18 MB
of live objects. A child process does the resolving and exits, which gives all
of that back; the build unpickles the result (the keys table, the records, the
shared events, each document's input digest), laid out compactly, and enters
the document graphs at 77 MB instead of 101. (Its peak, in the later phases, did
not move: docs/SCALING.md.) The resolution is the same either way (same code,
same order); where ``fork`` is missing it is computed in the build's own process.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from typing import TYPE_CHECKING

from graph.errors import StoreError

if TYPE_CHECKING:
    from graph.model import Document
    from graph.store import StoreDir
    from graph.store_resolve import Resolution


def resolve_store(sdir: StoreDir, order: list[Document]) -> tuple[Resolution, list[str]]:
    """The resolution of the documents of ``order`` and each one's input digest, made in a child process.

    The digests too: each reads the document's index again, which would churn the same way.
    """
    if not hasattr(os, "fork"):
        return _resolve(sdir, order)
    with tempfile.TemporaryFile(dir=sdir.root, prefix=".resolution.") as out:
        pid = os.fork()
        if pid == 0:  # the child: resolve, write the outcome, and leave without running any cleanup
            _child(sdir, order, out)
        _, status = os.waitpid(pid, 0)
        out.seek(0)
        try:
            outcome, value = pickle.load(out)
        except (EOFError, pickle.UnpicklingError) as e:
            raise StoreError(f"resolving the actors failed in its process (status {status}): {e}") from e
    if outcome == "error":
        raise value
    return value  # type: ignore[no-any-return]


def _resolve(sdir: StoreDir, order: list[Document]) -> tuple[Resolution, list[str]]:
    from graph.store_resolve import input_digests, load_index, resolve_indexes

    resolution = resolve_indexes(load_index(sdir, doc) for doc in order)
    return resolution, input_digests(sdir, order, resolution)


def _child(sdir: StoreDir, order: list[Document], out: object) -> None:
    """Resolve and pickle the outcome (the resolution, or the error) to ``out``; never returns."""
    code = 0
    try:
        try:
            outcome: tuple[str, object] = ("ok", _resolve(sdir, order))
        except Exception as e:  # handed to the parent, which raises it as if resolved there
            outcome = ("error", e)
        pickle.dump(outcome, out, protocol=5)  # type: ignore[arg-type]
        out.flush()  # type: ignore[attr-defined]
    except BaseException:  # noqa: BLE001 - nothing may unwind into the parent's code in the child
        code = 1
    finally:
        os._exit(code)
