"""Helpers for store tests: sample articles copied and edited, quads read back."""

from __future__ import annotations

import shutil
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
