"""Fork a store build's writing children from a process made before the build reads its corpus (issue 11).

Why: a forked child starts with every page of the process it is forked from. A build that
has listed 10,000 documents and read its manifest holds ~10 MB more than one of 1,000 (the
documents, the digests, and what listing them freed but Python keeps), and one that has just
extracted documents holds the spaCy model: every child writing the store carried that on top of
its own work. The fork server is forked when the build starts, before any of that; the children
that write the store are forked from it and are sent their work (a module-level function and its
arguments, pickled to a file) and the files they use (the result file, the resolution, the
store's lock) over a Unix socket (``SCM_RIGHTS``). Each child runs and reports as a child of the
build would (:func:`graph.forked.run_child`); the server dies with the build and its children
with it (``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import os
import pickle
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, NoReturn

from graph.errors import StoreError
from graph.forked import die_with, read_outcome, run_child

_STATUS_BYTES = 4
_MAX_FDS = 16
# What the writing children import, loaded once in the server rather than in each child.
_PRELOAD = ("graph.store_resolve", "graph.store_diff", "graph.aggregates", "graph.rdf.serialize", "graph.rdf.io")


class ForkServer:
    """The build's end of a fork server (:func:`fork_server`)."""

    def __init__(self, sock: socket.socket, pid: int) -> None:
        self._sock = sock
        self.pid = pid
        self._held: list[int] = []

    def hold(self, file: IO[bytes]) -> None:
        """Have every later child hold ``file`` open (the store's lock: a killed build's children keep it)."""
        self._held.append(file.fileno())

    def run(self, work: Callable[..., Any], *args: Any, what: str, scratch: Path,
            files: Sequence[IO[bytes]] = ()) -> Any:
        """``work(*args, *files)`` in a child of the server; its result, or its error raised here.

        ``files`` reach the child as files opened for reading (the same open descriptions)."""
        with tempfile.TemporaryFile(dir=scratch, prefix=".forked.") as request, \
                tempfile.TemporaryFile(dir=scratch, prefix=".forked.") as out:
            pickle.dump((work, args), request, protocol=5)
            request.flush()
            fds = [request.fileno(), out.fileno(), *(f.fileno() for f in files), *self._held]
            try:
                socket.send_fds(self._sock, [bytes([len(files)])], fds)
                status = _receive_status(self._sock)
            except OSError as e:
                raise StoreError(f"{what}: the build's fork server is gone ({e})") from e
            return read_outcome(out, status, what=what)

    def close(self) -> None:
        """End the server (it exits when its socket closes) and reap it."""
        self._sock.close()
        os.waitpid(self.pid, 0)


@contextmanager
def fork_server(*, enabled: bool) -> Iterator[ForkServer | None]:
    """A fork server for the length of the block (``None`` unless ``enabled``)."""
    if not enabled:
        yield None
        return
    server = start()
    try:
        yield server
    finally:
        server.close()


def start() -> ForkServer:
    """Fork the server now; it waits for work on a socket."""
    mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    build = os.getpid()
    pid = os.fork()
    if pid == 0:
        mine.close()
        _serve(theirs, build)
    theirs.close()
    return ForkServer(mine, pid)


def _serve(sock: socket.socket, build: int) -> NoReturn:
    """The server: fork a child per request, wait for it, send back its wait status; never returns."""
    code = 0
    try:
        die_with(build)
        for name in _PRELOAD:
            __import__(name)
        while True:
            message, fds, _, _ = socket.recv_fds(sock, 1, _MAX_FDS)
            if not message:
                break  # the build closed its end
            status = _fork_request(sock, message[0], fds)
            sock.sendall(status.to_bytes(_STATUS_BYTES, "little", signed=True))
    except BaseException as e:  # noqa: BLE001 - nothing may unwind into the build's code in the server
        code = 1  # the build sees the server gone and raises its own error; say why here
        print(f"kg fork server (pid {os.getpid()}): stopped by {type(e).__name__}: {e}", file=sys.stderr, flush=True)
    finally:
        os._exit(code)


def _fork_request(sock: socket.socket, count: int, fds: list[int]) -> int:
    """Fork the child of one request and wait for it; its wait status."""
    server = os.getpid()
    pid = os.fork()
    if pid == 0:
        sock.close()
        request, out = os.fdopen(fds[0], "rb"), os.fdopen(fds[1], "wb")
        files = [os.fdopen(fd, "rb") for fd in fds[2:2 + count]]  # the rest (held) stay open until it exits
        run_child(lambda: _call(request, files), out, server)
    for fd in fds:
        os.close(fd)
    return os.waitpid(pid, 0)[1]


def _call(request: IO[bytes], files: list[IO[bytes]]) -> object:
    request.seek(0)  # the build wrote it through the same open description
    work, args = pickle.load(request)
    return work(*args, *files)


def _receive_status(sock: socket.socket) -> int:
    data = b""
    while len(data) < _STATUS_BYTES:
        chunk = sock.recv(_STATUS_BYTES - len(data))
        if not chunk:
            raise OSError("it closed its socket")
        data += chunk
    return int.from_bytes(data, "little", signed=True)
