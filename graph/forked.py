"""Run a piece of a build in a forked child and take back only its result (issue 11).

Why: memory a phase of a store build frees is kept by the process that freed it
(Python's arenas, glibc's heap, RocksDB's caches until its database closes), so a
long build carries the high-water mark of every phase into the next. A child
process does the phase and exits, which gives all of it back; the build reads
its pickled result (or its error, raised as if the phase had run here).

RocksDB cannot be used in a child forked from a process that has ever opened a
database: its background threads are not copied by ``fork``, and the child waits
forever for a flush they would have run (tried: pyoxigraph 0.5.13 hangs). So a
phase that opens the store runs in a child only while :func:`can_fork_store`
says no RocksDB thread was started here; otherwise the build runs it itself.
A child dies with the build (``PR_SET_PDEATHSIG``): one left behind by a killed
build would keep writing, and hold the store's lock.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import signal
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, NoReturn, TypeVar

from graph.errors import StoreError

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1


def can_fork() -> bool:
    """Whether this platform has ``fork``."""
    return hasattr(os, "fork")


def can_fork_store() -> bool:
    """Whether a forked child may open a RocksDB database: ``fork`` exists and this
    process never started RocksDB's threads (they outlive the database that started them)."""
    return can_fork() and not rocksdb_started()


def rocksdb_started() -> bool:
    """Whether a thread of RocksDB (named ``rocksdb:…``) runs in this process; unknown counts as yes."""
    try:
        tasks = os.listdir("/proc/self/task")
    except OSError:
        return True
    for task in tasks:
        try:
            name = Path(f"/proc/self/task/{task}/comm").read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue  # a thread that has just ended
        if name.startswith("rocksdb"):
            return True
    return False


def run_forked(work: Callable[[], T], *, what: str, scratch: Path) -> T:
    """``work()`` run in a forked child; its result, or its error raised here.

    ``what`` names the phase in the error if the child dies without a result;
    ``scratch`` is a directory on the store's disk for the (unlinked) result file.
    """
    with tempfile.TemporaryFile(dir=scratch, prefix=".forked.") as out:
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: do the work, write the outcome, and leave without running any cleanup
            run_child(work, out, parent)
        _, status = os.waitpid(pid, 0)
        return read_outcome(out, status, what=what)  # type: ignore[no-any-return]


def read_outcome(out: IO[bytes], status: int, *, what: str) -> object:
    """The result a child left in ``out`` (``status``: its wait status), or its error raised here."""
    out.seek(0)
    try:
        outcome, value = pickle.load(out)
    except (EOFError, pickle.UnpicklingError) as e:
        code = os.waitstatus_to_exitcode(status)  # -N: killed by signal N
        raise StoreError(f"{what} failed in its process (exit code {code}): {e}") from e
    if outcome == "error":
        raise value
    return value


def run_child(work: Callable[[], object], out: object, parent: int) -> NoReturn:
    """In a forked child: pickle the outcome of ``work`` (its result, or its error) to ``out``; never returns."""
    code = 0
    try:
        die_with(parent)
        try:
            outcome: tuple[str, object] = ("ok", work())
        except Exception as e:  # handed to the parent, which raises it as if the work ran there
            outcome = ("error", e)
        _dump(outcome, out)
    except BaseException:  # noqa: BLE001 - nothing may unwind into the parent's code in the child
        code = 1
    finally:
        os._exit(code)


def _dump(outcome: tuple[str, object], out: object) -> None:
    """Write the outcome; an error that does not pickle goes as a StoreError with its text."""
    try:
        data = pickle.dumps(outcome, protocol=5)
    except Exception:  # noqa: BLE001 - any error of any kind must reach the parent
        data = pickle.dumps(("error", StoreError(f"{type(outcome[1]).__name__}: {outcome[1]}")), protocol=5)
    out.write(data)  # type: ignore[attr-defined]
    out.flush()  # type: ignore[attr-defined]


def die_with(parent: int) -> None:
    """Have the kernel kill this child when the build dies (Linux); a build already gone ends it now."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: a child of a killed build finishes its phase, then exits
    if os.getppid() != parent:
        os._exit(1)
