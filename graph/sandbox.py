"""Run queries in worker processes that can be killed.

Why a process: Oxigraph can overflow its stack (deeply nested queries), abort
on an internal panic, run past any deadline and allocate without bound; none
of that can be stopped from inside the process that runs it. A worker opens
the store itself, caps its own address space (``RLIMIT_AS``), and answers one
task at a time over a pipe; its supervisor kills it on its deadline or finds it
dead, and starts a fresh one in the background, so other clients never notice.

A worker acknowledges each task ("taken") before it runs it. A worker that
dies before that (killed from outside after it was last seen alive) never
ran the task, so the pool hands the task to another worker; a worker that
dies after it is the task's doing, and the task fails as it would anyway.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import queue
import resource
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from graph.errors import KGError

_LOG = logging.getLogger(__name__)
_CTX = multiprocessing.get_context("spawn")  # safe whatever threads the parent runs
STARTUP_SECONDS = 120.0  # loading a large graph file into a worker can take a while


class WorkerTimeout(KGError):
    """The task ran past its deadline; its worker was killed."""


class WorkerCrashed(KGError):
    """The worker died on the task (engine crash, abort or memory cap)."""


class WorkerGone(WorkerCrashed):
    """The worker died before it took the task (killed from outside): the task did not run."""


@dataclass(frozen=True, slots=True)
class WorkerSpec:
    """What a worker runs: ``task`` ("module:function") over the store at ``source``.

    ``task(store, payload)`` must return a picklable value; a KGError it raises
    comes back to the caller as the same message. ``memory_mb`` caps the
    worker's growth past what it uses once the store is open (0 = no cap).
    """

    source: str
    task: str
    memory_mb: int = 1024


def _describe_exit(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


# --------------------------------------------------------------------------
# Inside the worker


def _cap_memory(memory_mb: int) -> None:
    """Let the address space grow by ``memory_mb`` at most from now on."""
    if memory_mb <= 0:
        return
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[0])
    current = pages * resource.getpagesize()
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = current + memory_mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _die_with_parent() -> None:
    """Ask Linux to SIGKILL this worker if its supervisor dies (a runaway query would go on)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the closed pipe still ends an idle worker


def _worker_main(conn: Connection, spec: WorkerSpec, stderr_path: str) -> None:
    """Open the store, report ready, then answer tasks until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the supervisor's business
    _die_with_parent()
    with open(stderr_path, "wb") as err:  # engine panics land here, not on the user's terminal
        os.dup2(err.fileno(), 2)
    os.unlink(stderr_path)  # the supervisor reads it through its own descriptor; nothing is left behind
    try:
        from graph.store import open_store

        store = open_store(spec.source)
        module, _, name = spec.task.partition(":")
        task = getattr(importlib.import_module(module), name)
    except KGError as e:
        conn.send(("fail", str(e)))
        return
    except Exception as e:  # noqa: BLE001 - reported to the parent as one line, not swallowed
        conn.send(("fail", f"{spec.source}: cannot be opened ({type(e).__name__}: {' '.join(str(e).split())[:200]})"))
        return
    _cap_memory(spec.memory_mb)
    conn.send(("ready", None))
    while True:
        try:
            payload = conn.recv()
        except EOFError:
            return
        conn.send(("taken", None))  # from here on, dying is this task's doing (see Worker.run)
        try:
            conn.send(("ok", task(store, payload)))
        except KGError as e:
            conn.send(("error", (type(e).__name__, str(e))))
        except MemoryError:
            conn.send(("memory", None))


# --------------------------------------------------------------------------
# The supervisor side


class Worker:
    """One worker process and the parent's end of its pipe."""

    def __init__(self, spec: WorkerSpec) -> None:
        self.conn, child = _CTX.Pipe()
        fd, self.stderr_path = tempfile.mkstemp(prefix="kg-worker-", suffix=".err")
        self._stderr = os.fdopen(fd, "rb")
        self.process = _CTX.Process(target=_worker_main, args=(child, spec, self.stderr_path), daemon=True,
                                    name="kg-query-worker")
        self.process.start()
        child.close()
        self._kill_lock = threading.Lock()  # the pool's close and a timed-out query may both kill

    def wait_ready(self, timeout: float = STARTUP_SECONDS) -> None:
        """Block until the store is open; a KGError with the worker's reason if not."""
        if not self.conn.poll(timeout):
            self.kill()
            raise WorkerCrashed(f"a query worker did not start within {timeout:g} s")
        try:
            kind, message = self.conn.recv()
        except EOFError:
            self.process.join(timeout=5)
            code = self.process.exitcode
            self.kill()
            raise WorkerCrashed(f"a query worker died while opening the graph ({_describe_exit(code)})") from None
        if kind != "ready":
            self.kill()
            raise TaskFailed(message)

    def run(self, payload: Any, *, timeout: float | None, slow_after: float | None = None,
            on_slow: Callable[[], None] | None = None) -> Any:
        """The task's answer; WorkerTimeout/WorkerCrashed leave this worker dead.

        WorkerGone: the worker died before it took the task, which did not run.
        ``on_slow`` is called once if the task is still running after ``slow_after`` s.
        """
        start = time.monotonic()
        self._hand_over(payload, timeout)
        spent = time.monotonic() - start
        left = None if timeout is None else max(timeout - spent, 0.0)
        slow = None if slow_after is None else max(slow_after - spent, 0.0)
        try:
            ready = self._wait(left, slow, on_slow)
            if not ready:
                self.kill()
                raise WorkerTimeout(f"the query ran past its {timeout:g} s time limit and was stopped")
            kind, value = self.conn.recv()
        except (EOFError, OSError):
            self.process.join(timeout=5)
            words = self._last_words()
            self.kill()
            raise WorkerCrashed(f"the query engine crashed on this query "
                                f"({_describe_exit(self.process.exitcode)}{words}: "
                                "an engine bug or the worker's memory limit)") from None
        if kind == "error":
            raise TaskFailed(value[1], kind=value[0])
        if kind == "memory":
            self.kill()
            raise WorkerCrashed("the query exceeded the worker's memory limit and was stopped")
        return value

    def _hand_over(self, payload: Any, timeout: float | None) -> None:
        """Send the task and wait for the worker's receipt; WorkerGone if it died first."""
        try:
            self.conn.send(payload)
            if not self.conn.poll(timeout):
                self.kill()
                raise WorkerTimeout(f"a query worker did not take the query within {timeout:g} s "
                                    "and was stopped; the host may be overloaded: retry later")
            kind, _ = self.conn.recv()
        except (EOFError, OSError):  # broken pipe, or the pipe closed with nothing in it
            self.process.join(timeout=5)
            code = self.process.exitcode
            self.kill()
            raise WorkerGone(f"a query worker died before it took the query ({_describe_exit(code)}, "
                             "not caused by the query, which did not run)") from None
        if kind != "taken":
            self.kill()
            raise WorkerCrashed(f"a query worker answered {kind!r} before taking the query; "
                                "this is a bug in kg serve: please report it")

    def _wait(self, timeout: float | None, slow_after: float | None,
              on_slow: Callable[[], None] | None) -> bool:
        if on_slow is None or slow_after is None or (timeout is not None and timeout <= slow_after):
            return self.conn.poll(timeout)
        if self.conn.poll(slow_after):
            return True
        on_slow()
        return self.conn.poll(None if timeout is None else timeout - slow_after)

    def kill(self) -> None:
        """SIGKILL and reap; idempotent, also across threads (two closes of one pipe raced to EBADF)."""
        with self._kill_lock:
            if self.process.is_alive():
                self.process.kill()
            self.process.join(timeout=5)
            self.conn.close()
            self._stderr.close()
            if os.path.exists(self.stderr_path):  # the worker died before unlinking it
                os.unlink(self.stderr_path)

    def _last_words(self) -> str:
        """The engine's panic message, if it left one (after the kill, so on disk)."""
        try:
            self._stderr.seek(0)
            lines = self._stderr.read(64_000).decode("utf-8", errors="replace").splitlines()
        except (OSError, ValueError):
            return ""
        for i, line in enumerate(lines):
            if "panicked at" in line and i + 1 < len(lines):
                return f", engine panic: {' '.join(lines[i + 1].split())[:160]}"
        return ""


class TaskFailed(KGError):
    """The task raised a KGError in the worker; ``kind`` is its class name."""

    def __init__(self, message: str, *, kind: str = "KGError") -> None:
        self.kind = kind
        super().__init__(message)


class WorkerPool:
    """``size`` workers over one store; a killed or crashed worker is replaced.

    A query still running after ``slow_after`` seconds hands its place to a
    fresh worker (up to ``size`` such slow queries at once), so a few runaway
    queries, which hold their worker until their deadline, cannot leave
    ordinary queries waiting behind them.
    """

    def __init__(self, spec: WorkerSpec, *, size: int, slow_after: float = 0.5) -> None:
        self.spec = spec
        self.size = size
        self.slow_after = slow_after
        self.idle: queue.Queue[Worker] = queue.Queue()
        self.closed = False
        self._all: set[Worker] = set()
        self._slow = 0
        self._lock = threading.Lock()
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kg-worker-spawner")
        workers = [self._spawn() for _ in range(size)]
        try:
            for worker in workers:
                worker.wait_ready()
        except KGError:
            self.close()
            raise
        for worker in workers:
            self.idle.put(worker)

    def _spawn(self) -> Worker:
        """Start a worker from the pool's one long-lived spawner thread.

        Why that thread: Linux's parent-death signal fires when the *thread*
        that started a child ends, so workers started from short-lived
        threads would die with them.
        """
        worker = self._spawner.submit(Worker, self.spec).result()
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, dead: Worker) -> None:
        with self._lock:
            self._all.discard(dead)
        self._start_background()

    def _start_background(self) -> None:
        if not self.closed:
            threading.Thread(target=self._start_one, name="kg-worker-start", daemon=True).start()

    def _start_one(self) -> None:
        try:
            worker = self._spawn()
        except RuntimeError:  # the pool closed meanwhile: its spawner is shut down
            return
        try:
            worker.wait_ready()
        except KGError:
            with self._lock:
                self._all.discard(worker)
            time.sleep(1.0)  # the store went away? try again, slowly
            if not self.closed:
                self._start_one()
            return
        if self.closed:
            worker.kill()
            return
        self.idle.put(worker)

    def run(self, payload: Any, *, timeout: float, wait: float) -> Any:
        """Run on the first idle worker (waiting up to ``wait`` s for one).

        A worker found dead at the handover never saw the payload, so it goes to
        the next worker: at most ``size`` more times, as the host may have killed
        every worker at once and the next one taken may be dying too. A worker
        that dies once it has the payload is not retried: the payload may be
        what killed it, and a retry would cost another worker.
        """
        deadline = time.monotonic() + wait
        for _ in range(self.size):
            try:
                return self._run_on(self._take(deadline - time.monotonic()), payload, timeout)
            except WorkerGone as e:
                if self.closed:  # close() killed it: there is no other worker to hand it to
                    raise
                _LOG.warning("%s; handing the query to another worker", e)
        return self._run_on(self._take(deadline - time.monotonic()), payload, timeout)

    def _run_on(self, worker: Worker, payload: Any, timeout: float) -> Any:
        """The payload's answer from ``worker``, which then goes back idle or is replaced."""
        promoted = [False]

        def on_slow() -> None:
            with self._lock:
                if self._slow >= self.size or self.closed:
                    return
                self._slow += 1
                promoted[0] = True
            _lower_priority(worker)  # ordinary queries get the CPU first
            self._start_background()

        try:
            answer = worker.run(payload, timeout=timeout, slow_after=self.slow_after, on_slow=on_slow)
        except TaskFailed:
            self._finish(worker, promoted=promoted[0], alive=True)
            raise
        except BaseException:
            worker.kill()
            self._finish(worker, promoted=promoted[0], alive=False)
            raise
        self._finish(worker, promoted=promoted[0], alive=True)
        return answer

    def _take(self, wait: float) -> Worker:
        """An idle worker that is still alive (one killed from outside is replaced)."""
        deadline = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                worker = self.idle.get(timeout=max(deadline - time.monotonic(), 0.001))
            except queue.Empty:
                raise WorkerTimeout(f"all {self.size} query workers stayed busy for {wait:g} s; "
                                    "retry later") from None
            if worker.process.is_alive():
                return worker
            worker.kill()
            self._replace(worker)

    def _finish(self, worker: Worker, *, promoted: bool, alive: bool) -> None:
        """Back to the idle queue, or gone: a slow query's worker was already replaced."""
        if promoted:
            with self._lock:
                self._slow -= 1
                self._all.discard(worker)
            worker.kill()
        elif alive:
            self.idle.put(worker)
        else:
            self._replace(worker)

    def close(self) -> None:
        self.closed = True
        self._spawner.shutdown(wait=False)
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()

    def pids(self) -> list[int]:
        """Process ids of the live workers (tests and benches watch them)."""
        with self._lock:
            return [w.process.pid for w in self._all if w.process.pid is not None]


def _lower_priority(worker: Worker) -> None:
    if worker.process.pid is None:
        return
    try:
        os.setpriority(os.PRIO_PROCESS, worker.process.pid, 15)
    except OSError:
        pass  # already gone: nothing to lower


def run_once(spec: WorkerSpec, payload: Any, *, timeout: float | None = None) -> Any:
    """One task in a fresh worker, then stop it (``kg query``)."""
    worker = Worker(spec)
    try:
        worker.wait_ready()
        return worker.run(payload, timeout=timeout)
    finally:
        worker.kill()


class DumpedStore:
    """An in-memory store written to a temporary N-Quads file workers can load."""

    def __init__(self, store: Any) -> None:
        import pyoxigraph as ox

        self._dir = tempfile.TemporaryDirectory(prefix="kg-serve-")
        self.path = Path(self._dir.name) / "graph.nq"
        store.dump(output=str(self.path), format=ox.RdfFormat.N_QUADS)

    def cleanup(self) -> None:
        self._dir.cleanup()
