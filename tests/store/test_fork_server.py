"""The fork server a store build starts before reading its corpus (issue 11): its children run
the work they are sent with the files they are given, report results and errors as the build's
own children do, start from the server's memory rather than the build's, and die with the build."""

from __future__ import annotations

import os
import signal
import tempfile
from pathlib import Path
from typing import IO

import pytest

from graph.errors import StoreError
from graph.fork_server import fork_server

from store_helpers import all_gone, alive, proc_stat, start_build  # type: ignore[import-not-found]


def _read_both(prefix: str, first: IO[bytes], second: IO[bytes]) -> str:
    first.seek(0)
    second.seek(0)
    return prefix + first.read().decode() + second.read().decode()


def _fails(message: str) -> None:
    raise StoreError(message)


def _status_mb(field: str) -> float:
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith(field + ":")) / 1024


def _peak_mb() -> float:
    return _status_mb("VmHWM")


def test_work_runs_in_a_child_with_its_arguments_and_files(tmp_path: Path) -> None:
    with fork_server(enabled=True) as server, tempfile.TemporaryFile(dir=tmp_path) as a, \
            tempfile.TemporaryFile(dir=tmp_path) as b:
        assert server is not None
        a.write(b"one")
        b.write(b"two")
        a.flush()
        b.flush()
        assert server.run(_read_both, "> ", what="reading", scratch=tmp_path, files=[a, b]) == "> onetwo"
        assert server.run(os.getpid, what="pid", scratch=tmp_path) not in (os.getpid(), server.pid)
        with pytest.raises(StoreError, match="its own error"):
            server.run(_fails, "its own error", what="failing", scratch=tmp_path)
        with pytest.raises(StoreError, match=r"exiting failed in its process \(exit code 3\)"):
            server.run(os._exit, 3, what="exiting", scratch=tmp_path)
        assert server.run(len, "four", what="after a failure", scratch=tmp_path) == 4
    assert not list(tmp_path.iterdir())  # request and result files are unlinked
    with pytest.raises(ChildProcessError):
        os.waitpid(server.pid, os.WNOHANG)  # closed: the server has exited and been reaped


def test_without_fork_there_is_no_server() -> None:
    with fork_server(enabled=False) as server:
        assert server is None


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
def test_a_child_starts_from_the_servers_memory_not_the_builds(tmp_path: Path) -> None:
    with fork_server(enabled=True) as server:
        assert server is not None
        ballast = bytearray(200 * 1024 * 1024)  # the build grows after the server was forked
        ballast[::4096] = b"x" * len(ballast[::4096])
        child = server.run(_peak_mb, what="peak", scratch=tmp_path)
        assert child < _status_mb("VmRSS") - 150  # whatever this process held before, not the 200 MB since
        del ballast


HELD = """
import os, sys, time
from pathlib import Path
from graph.fork_server import fork_server
def wait(pid_file: str) -> None:
    Path(pid_file).write_text(str(os.getpid()))
    time.sleep(60)
with fork_server(enabled=True) as server:
    server.run(wait, sys.argv[1], what="waiting", scratch=Path(sys.argv[2]))
"""


def test_the_server_and_its_child_die_with_the_build(tmp_path: Path) -> None:
    build, child = start_build(HELD, tmp_path / "child.pid", tmp_path)
    server = int(proc_stat(child)[1])  # its parent
    assert alive(child) and alive(server) and server != build.pid
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)
    assert all_gone(child, server), "the fork server or its child outlived the killed build"
