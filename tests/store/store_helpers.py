"""Helpers for store tests: sample articles copied and edited, quads read back."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "corpus"
A, B, C = sorted(p.name for p in SAMPLES.glob("*.txt"))
EDIT = "\n\nIn 2024 Zijin Mining invested 300 million dollars in the Bor copper smelter.\n"


def put(folder: Path, name: str, *, edited: bool = False) -> None:
    """Copy one sample article into ``folder``, with an added sentence if ``edited``."""
    text = (SAMPLES / name).read_text(encoding="utf-8")
    (folder / name).write_text(text + (EDIT if edited else ""), encoding="utf-8")


def remove(folder: Path, name: str) -> None:
    (folder / name).unlink()


def quads(source: Path | ox.Store) -> set[str]:
    """Every quad of a store directory as N-Quads lines (no blank nodes are minted)."""
    from graph.store import open_store

    store = source if isinstance(source, ox.Store) else open_store(source)
    return {str(q) for q in store}


def graphs_of(source: Path) -> dict[str, frozenset[str]]:
    """Triples per named graph of a store directory (not the default graph: their merge)."""
    from graph.store import open_store

    out: dict[str, set[str]] = {}
    for q in open_store(source):
        if isinstance(q.graph_name, ox.DefaultGraph):
            continue
        out.setdefault(str(q.graph_name), set()).add(str(q.triple))
    return {k: frozenset(v) for k, v in out.items()}


def copy_tree(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


ROOT = Path(__file__).resolve().parents[2]


def proc_stat(pid: int) -> list[str]:
    """The fields of ``/proc/<pid>/stat`` after the command name: state, parent pid, …"""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        return proc_stat(pid)[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


def start_build(script: str, pid_file: Path, scratch: Path) -> tuple[subprocess.Popen, int]:
    """Run ``script`` (its argv: the pid file, a scratch folder) as a build; the pid its child writes."""
    build = subprocess.Popen([sys.executable, "-c", script, str(pid_file), str(scratch)], cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    for _ in range(600):
        if pid_file.exists() and pid_file.read_text():
            break
        time.sleep(0.05)
    return build, int(pid_file.read_text())


def all_gone(*pids: int) -> bool:
    """Whether every process has ended, waiting up to 10 s."""
    for _ in range(200):
        if not any(alive(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return not any(alive(pid) for pid in pids)
