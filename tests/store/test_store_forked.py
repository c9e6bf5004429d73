"""A store build uses its database only in forked children when its process never opened
one (issue 11): the same store as a build in one process, a child's error or death
reported by the build, a child that dies with its build, and one build at a time."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from graph.errors import StoreError
from graph.forked import rocksdb_started, run_forked
from graph.store import StoreDir, build_into_store
from graph.store_forked import build_lock

from store_helpers import A, B, C, all_gone, alive, put, quads, start_build  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parents[2]

BUILDS = """
import json, os, sys
from pathlib import Path
from graph.forked import can_fork_store
log, real = os.open(sys.argv[1] + ".forks", os.O_WRONLY | os.O_CREAT | os.O_APPEND), os.fork
def counted():
    os.write(log, b"%d " % os.getpid())  # by whichever process forks: the build or its fork server
    return real()
os.fork = counted  # counts the children; each is a real fork
from graph.store import build_into_store
forked = can_fork_store()
for corpus in sys.argv[2:]:
    build_into_store([Path(corpus)], Path(sys.argv[1]))
forks = Path(sys.argv[1] + ".forks").read_text().split()
print(json.dumps({"forked": forked, "forks": len(forks), "by_build": forks.count(str(os.getpid()))}))
"""


def _run(script: str, *args: object) -> dict[str, object]:
    out = subprocess.run([sys.executable, "-c", script, *map(str, args)], cwd=ROOT, capture_output=True,
                         text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _versions(root: Path) -> tuple[Path, Path]:
    """v1 (A, B) and v2 (A removed, B edited, C added)."""
    v1, v2 = root / "v1", root / "v2"
    v1.mkdir()
    v2.mkdir()
    put(v1, A)
    put(v1, B)
    put(v2, B, edited=True)
    put(v2, C)
    return v1, v2


def test_a_build_in_children_makes_the_store_a_build_in_one_process_makes(tmp_path: Path) -> None:
    v1, v2 = _versions(tmp_path)
    ox.Store(str(tmp_path / "other"))  # RocksDB started in this process: its builds run here
    assert rocksdb_started()
    build_into_store([v1], tmp_path / "here")
    build_into_store([v2], tmp_path / "here")
    run = _run(BUILDS, tmp_path / "forked", v1, v2, v2)
    # each build: its fork server, the survey, the resolution (forked by the build), then, forked by
    # the server, one writing child (2 documents), the actors, the aggregates; the third build finds
    # the store in step and does nothing after the survey
    assert run == {"forked": True, "forks": 6 + 6 + 2, "by_build": 3 + 3 + 2}
    assert quads(tmp_path / "forked") == quads(tmp_path / "here")
    assert StoreDir(tmp_path / "forked").read_digests() == StoreDir(tmp_path / "here").read_digests()
    assert StoreDir(tmp_path / "forked").read_digests("inputs") == StoreDir(tmp_path / "here").read_digests("inputs")


def test_rocksdb_started_tells_a_process_that_opened_a_database(tmp_path: Path) -> None:
    script = """
import json, sys
import pyoxigraph as ox
from graph.forked import rocksdb_started
ox.Store().add(ox.Quad(ox.NamedNode("http://a"), ox.NamedNode("http://a"), ox.NamedNode("http://a")))
before = rocksdb_started()  # an in-memory store is not RocksDB
store = ox.Store(sys.argv[1])
del store
print(json.dumps([before, rocksdb_started()]))  # its threads outlive the database
"""
    assert _run(script, tmp_path / "db") == [False, True]  # type: ignore[comparison-overlap]


def _fails() -> None:
    raise StoreError("the child's own error")


class _Unpicklable(Exception):
    def __reduce__(self) -> object:
        raise TypeError("not picklable")


def _fails_unpicklably() -> None:
    raise _Unpicklable("kept as text")


def test_a_childs_result_and_errors_come_back(tmp_path: Path) -> None:
    assert run_forked(lambda: {"digest": [1, 2]}, what="work", scratch=tmp_path) == {"digest": [1, 2]}
    with pytest.raises(StoreError, match="the child's own error"):
        run_forked(_fails, what="work", scratch=tmp_path)
    with pytest.raises(StoreError, match="_Unpicklable: kept as text"):
        run_forked(_fails_unpicklably, what="work", scratch=tmp_path)
    with pytest.raises(StoreError, match=r"writing the graphs failed in its process \(exit code 3\)"):
        run_forked(lambda: os._exit(3), what="writing the graphs", scratch=tmp_path)
    assert not list(tmp_path.iterdir())  # the result files are unlinked


ORPHAN = """
import os, sys, time
from pathlib import Path
from graph.forked import run_forked
def wait() -> None:
    Path(sys.argv[1]).write_text(str(os.getpid()))
    time.sleep(60)
run_forked(wait, what="waiting", scratch=Path(sys.argv[2]))
"""


def test_a_child_dies_with_its_build(tmp_path: Path) -> None:
    build, child = start_build(ORPHAN, tmp_path / "child.pid", tmp_path)
    assert alive(child)
    build.send_signal(signal.SIGKILL)
    build.wait(timeout=30)
    assert all_gone(child), "a child outlived its killed build"


@pytest.mark.slow
def test_one_build_at_a_time(tmp_path: Path, corpus: Path) -> None:
    put(corpus, A)
    build_into_store([corpus], tmp_path / "store")
    with build_lock(StoreDir(tmp_path / "store")):  # as a running build holds it
        with pytest.raises(StoreError, match="another `kg build` is writing this store"):
            build_into_store([corpus], tmp_path / "store")
    build_into_store([corpus], tmp_path / "store")
