"""How extraction and ingest scale on inputs built to be hard (issue 7, session 32: found by fuzzing).

Each case is one input grown by doubling: a chain of "which" clauses in one sentence, a chain of
possessives, one name listed many times, a Markdown line of unclosed links and emphasis, a first line
of many dates. For each, the time at n and 2n and their ratio: about 2 is linear, 4 quadratic, 8 cubic.
Before session 32 the first case was cubic (115 s for a 6 KB sentence), the last two quadratic (7.5 s
and 42 s for 60 KB and 51 KB). Times and ratios come from this run only, on this machine.

    python bench/pathological.py            # sizes n = 100 and 200 (×10 for the ingest cases)
    python bench/pathological.py --n 200
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's graph, not an installed one


def _name(i: int) -> str:
    return f"Korv{chr(97 + i % 26)}{chr(97 + i // 26 % 26)} Holdings"


def _extract(text: str) -> None:
    from graph.pipeline import extract_document
    from tests.conftest import make_document

    extract_document(make_document("Headline\n\n" + text, published="2025-06-01"))


def _read(suffix: str, text: str) -> None:
    from graph.ingest.reader import read_document

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"case{suffix}"
        path.write_text(text, encoding="utf-8")
        read_document(path)


CASES: dict[str, tuple[Callable[[int], None], int]] = {  # name → (run at size n, size multiplier)
    "which-clauses": (lambda n: _extract("Orlan Group, " + " ".join(f"which bought {_name(i)}," for i in range(n))
                                         + " lent $1m to Vestry Bank."), 1),
    "possessives": (lambda n: _extract("Orlan Group said " + "its unit's " * n + "fund lent $1m."), 1),
    "listed-name": (lambda n: _extract(", ".join(["Korvane Mining"] * n) + " bought Delmora Capital."), 5),
    "markdown-unclosed": (lambda n: _read(".md", "[a **b " * n + "\n\nKorvane bought Delmora.\n"), 100),
    "dated-first-line": (lambda n: _read(".txt", "Published " + " ".join(f"{i % 28 + 1} June 2025" for i in range(n))
                                         + "\n\nKorvane bought Delmora.\n"), 20),
}


def _timed(run: Callable[[int], None], n: int) -> float:
    start = time.perf_counter()
    run(n)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100, help="the smaller size (each case scales it by its multiplier)")
    args = parser.parse_args()
    _extract("Orlan Group bought Vestry Bank.")  # the model loaded before any case is timed
    print(f"{'case':20} {'n':>7} {'t(n) s':>8} {'t(2n) s':>8} {'ratio':>6}")
    for name, (run, scale) in CASES.items():
        n = args.n * scale
        small, large = _timed(run, n), _timed(run, 2 * n)
        print(f"{name:20} {n:7d} {small:8.2f} {large:8.2f} {large / max(small, 1e-6):6.1f}")


if __name__ == "__main__":
    main()
