"""Extraction speed with ``--jobs 2`` against ``--jobs 1`` on one corpus, in one run.

The corpus is the sample articles and the devset repeated to ``--docs`` files
in a temporary folder. Each run is a fresh process (model load included, as a
user's ``kg build`` pays it) that reads and extracts every document.

    python bench/scaling.py               # 500 documents (the issue's size)
    python bench/scaling.py --docs 100    # a quick look
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*sorted((ROOT / "data" / "corpus").glob("*.txt")),
           *sorted((ROOT / "tests" / "data" / "devset").glob("*.txt"))]

CHILD = """
import json, resource, sys, time
from pathlib import Path
start = time.perf_counter()
from graph.ingest import iter_documents
from graph.parallel import extract_parallel
docs = iter_documents([Path(sys.argv[1])], on_error=lambda e: None)
n, first = 0, None
for _ in extract_parallel(docs, jobs=int(sys.argv[2]), batch_size=int(sys.argv[3])):
    n += 1
    first = first or time.perf_counter() - start
cpu = sum(r.ru_utime + r.ru_stime for r in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)))
print(json.dumps({"docs": n, "seconds": time.perf_counter() - start, "first": first, "cpu": cpu}))
"""


def make_corpus(folder: Path, count: int) -> int:
    """``count`` files cycling over the sources; returns their total size in bytes."""
    size = 0
    for i in range(count):
        src = SOURCES[i % len(SOURCES)]
        target = folder / f"{i:05d}_{src.name}"
        shutil.copyfile(src, target)
        size += target.stat().st_size
    return size


def run_child(script: str, *args: object) -> dict[str, float]:
    """Run ``script`` in a fresh Python (model load and all); its last line is JSON."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", script, *map(str, args)],
                         cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(folder: Path, jobs: int, batch: int) -> dict[str, float]:
    return run_child(CHILD, folder, jobs, batch)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        size = make_corpus(Path(tmp), args.docs)
        print(f"corpus: {args.docs} documents, {size / 1e6:.1f} MB; cores: {os.cpu_count()}")
        results = {jobs: run(Path(tmp), jobs, args.batch_size) for jobs in args.jobs}
    base = results[args.jobs[0]]["seconds"]
    for jobs, r in results.items():
        print(f"--jobs {jobs}: {r['seconds']:.1f} s, {r['docs'] / r['seconds']:.1f} docs/s, "
              f"speed-up {base / r['seconds']:.2f}x; first facts after {r['first']:.1f} s; "
              f"CPU {r['cpu']:.1f} s (workers included), {r['cpu'] / r['seconds']:.2f} cores busy on average")
    print(f"load average after: {os.getloadavg()[0]:.1f} (a shared machine: CPU s / wall s below the jobs "
          "count with the CPU unchanged means other processes took the cores)")


if __name__ == "__main__":
    main()
