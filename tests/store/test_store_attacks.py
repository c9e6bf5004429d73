"""issue 9: stores left by interrupted or empty builds, killed rebuilds, damaged files."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import KGError, NoDocumentsError, StoreError
from graph.store import build_into_store, open_store

from store_helpers import A, B, SAMPLES, quads  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parents[2]
SAME_NAME = "report.txt"

# A child build that SIGKILLs itself, with the children it writes the store in (its process group), at a
# chosen point: after the k-th graph write of the build (a document graph replaced, or a batch of the actors
# or aggregates graph; counted in a file, as they happen in several processes), or (k = 0) when it caches
# its first facts, before any graph write.
CHILD = """
import os, signal, sys
from pathlib import Path
import graph.store as store
import graph.store_diff as diff
kill_after, count = int(sys.argv[3]), Path(sys.argv[2] + ".writes")
def dying(real, at):
    def wrapped(*args, **kwargs):
        if at == 0:
            os.killpg(0, signal.SIGKILL)
        real(*args, **kwargs)
        with open(count, "ab") as f:
            f.write(b".")
        if count.stat().st_size == at:
            os.killpg(0, signal.SIGKILL)
    return wrapped
if kill_after:
    store.replace_graph = dying(store.replace_graph, kill_after)
    diff.GraphDiff.commit = dying(diff.GraphDiff.commit, kill_after)  # the actors and aggregates graphs
else:
    store.StoreDir.save_facts = dying(store.StoreDir.save_facts, 0)
store.build_into_store([Path(sys.argv[1])], Path(sys.argv[2]))
"""


def _killed_build(corpus: Path, store: Path, kill_after: int) -> None:
    proc = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(store), str(kill_after)],
                          cwd=ROOT, capture_output=True, timeout=180, check=False, start_new_session=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]


def _corpus(root: Path, name: str, sample: str) -> Path:
    """A one-file corpus: ``sample``'s text under the file name ``name``."""
    folder = root / f"corpus-{sample[:3]}"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text((SAMPLES / sample).read_text(encoding="utf-8"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Corpora A and B with one file of the same name, and a clean store of A."""
    root = tmp_path_factory.mktemp("same-name")
    corpus_a, corpus_b = _corpus(root, SAME_NAME, A), _corpus(root, SAME_NAME, B)
    build_into_store([corpus_a], root / "clean-a")
    return {"a": corpus_a, "b": corpus_b, "clean-a": root / "clean-a"}


@pytest.mark.slow
@pytest.mark.parametrize("kill_after", [1, 2], ids=lambda k: f"killed-after-write-{k}")
def test_issue_9_killed_build_of_b_then_build_of_a_equals_a_clean_build(
        two_versions: dict[str, Path], tmp_path: Path, kill_after: int) -> None:
    store = tmp_path / "store"
    build_into_store([two_versions["a"]], store)
    _killed_build(two_versions["b"], store, kill_after)
    with pytest.raises(StoreError, match="interrupted"):
        open_store(store)  # a mix of old and new graphs is never served as if whole
    build_into_store([two_versions["a"]], store)
    assert quads(store) == quads(two_versions["clean-a"])


@pytest.mark.slow
def test_issue_9_build_killed_before_its_first_write_leaves_a_reusable_store(
        two_versions: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    _killed_build(two_versions["a"], store, 0)
    assert store.is_dir()
    build_into_store([two_versions["a"]], store)
    assert quads(store) == quads(two_versions["clean-a"])


def test_issue_9_build_that_read_nothing_leaves_a_reusable_store(two_versions: dict[str, Path],
                                                                  tmp_path: Path) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    (empty / "notes.bin").write_bytes(b"\x00\x01")
    store = tmp_path / "store"
    with pytest.raises(NoDocumentsError):
        build_into_store([empty], store)
    build_into_store([two_versions["a"]], store)
    assert quads(store) == quads(two_versions["clean-a"])


@pytest.mark.parametrize("leftover", [["facts"], ["facts", ".manifest.json.123.tmp"], []],
                         ids=["facts-dir-only", "with-a-temp-file", "empty-dir"])
def test_issue_9_leftovers_of_older_builds_are_recognised(two_versions: dict[str, Path], tmp_path: Path,
                                                          leftover: list[str]) -> None:
    store = tmp_path / "store"
    store.mkdir()
    for name in leftover:
        (store / name).mkdir() if "." not in name else (store / name).write_bytes(b"{")
    build_into_store([two_versions["a"]], store)
    assert quads(store) == quads(two_versions["clean-a"])


def test_issue_9_a_foreign_directory_is_still_refused(two_versions: dict[str, Path], tmp_path: Path) -> None:
    (tmp_path / "thesis.tex").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not a kg store"):
        build_into_store([two_versions["a"]], tmp_path)


@pytest.fixture()
def damaged(two_versions: dict[str, Path], tmp_path: Path) -> Path:
    store = tmp_path / "damaged"
    build_into_store([two_versions["a"]], store)
    (store / "oxigraph" / "CURRENT").write_text("garbage\n", encoding="ascii")
    return store


def test_issue_9_damaged_store_is_a_one_line_error_on_open(damaged: Path) -> None:
    with pytest.raises(StoreError, match="damaged.*rebuild it with `kg build"):
        open_store(damaged)


def test_issue_9_damaged_store_is_a_one_line_error_in_build(damaged: Path, two_versions: dict[str, Path]) -> None:
    with pytest.raises(StoreError, match="damaged"):
        build_into_store([two_versions["a"]], damaged)


@pytest.mark.parametrize("command", [["query", "--sparql", "ASK {}"], ["serve", "--port", "0"]],
                         ids=["kg-query", "kg-serve"])
def test_issue_9_damaged_store_is_one_line_from_the_cli(damaged: Path, command: list[str]) -> None:
    done = subprocess.run([sys.executable, "-c", "from graph.cli import app; app()", command[0], str(damaged), *command[1:]],
                          cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr[-1500:]
    assert "damaged" in done.stderr and "Traceback" not in done.stderr


def test_issue_9_damaged_store_is_refused_by_the_server(damaged: Path) -> None:
    from graph.serve import ServeLimits, make_server

    with pytest.raises(KGError, match="damaged"):
        make_server(damaged, port=0, limits=ServeLimits(workers=1))
