"""Peak memory of a store build: 10,000 documents against 1,000, in one run.

Each build runs in a fresh process (``build_into_store`` with ``--jobs 1``)
whose peak resident memory (max RSS) is read from the kernel when it exits.
Documents stream through extraction; only their facts (no text) are kept for
resolution, and graphs are serialised in chunks, so the peak should grow far
slower than the corpus.

    python bench/memory.py                         # 100 vs 1,000 documents
    python bench/memory.py --small 1000 --large 10000   # the issue's sizes
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scaling import make_corpus, run_child  # noqa: E402

CHILD = """
import json, resource, sys, time
from pathlib import Path
from graph.store import build_into_store
start = time.perf_counter()
report = build_into_store([Path(sys.argv[1])], Path(sys.argv[2]), batch_size=int(sys.argv[3]))
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"docs": report.documents, "seconds": time.perf_counter() - start, "peak_mb": peak_kb / 1024}))
"""


def measure(count: int, batch: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        corpus, store = Path(tmp) / "corpus", Path(tmp) / "store"
        corpus.mkdir()
        make_corpus(corpus, count)
        return run_child(CHILD, corpus, store, batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--large", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args()
    small, large = measure(args.small, args.batch_size), measure(args.large, args.batch_size)
    for r in (small, large):
        print(f"{r['docs']:>6} documents: peak RSS {r['peak_mb']:.0f} MB, {r['seconds']:.0f} s")
    print(f"corpus x{large['docs'] / small['docs']:.0f} -> peak memory x{large['peak_mb'] / small['peak_mb']:.2f}")


if __name__ == "__main__":
    main()
