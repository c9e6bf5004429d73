"""SIGKILL ``kg build --store`` at random moments, then check the store (issue 9).

Three corpora made from the sample articles (v1; v2: one edited, one new;
v3: the same file names with their contents swapped) are built into one
store in a random order; each build is killed at a random moment, then its
store is checked: a store that opens must equal a clean build of the last
completed corpus or of the new one (a store whose build was cut short in its
write phase refuses to open, saying so); then the build is run again to
completion and must equal a clean build of its corpus.

    python bench/kill_builds.py              # 20 kills
    python bench/kill_builds.py --runs 5 --seed 3
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLES = sorted((ROOT / "data" / "corpus").glob("*.txt"))
EDIT = "\n\nIn 2024 Velora Holdings invested 30 million euros in the Tarnside depot.\n"
CHILD = "import sys; from pathlib import Path; from graph.store import build_into_store; " \
        "build_into_store([Path(sys.argv[1])], Path(sys.argv[2]))"


def corpora(root: Path) -> dict[str, Path]:
    a, b, c = SAMPLES[:3]
    texts = {p.name: p.read_text(encoding="utf-8") for p in (a, b, c)}
    layout = {
        "v1": {a.name: texts[a.name], b.name: texts[b.name]},
        "v2": {b.name: texts[b.name] + EDIT, c.name: texts[c.name]},
        "v3": {a.name: texts[b.name], b.name: texts[a.name]},
    }
    out = {}
    for name, files in layout.items():
        folder = root / name
        folder.mkdir()
        for file, text in files.items():
            (folder / file).write_text(text, encoding="utf-8")
        out[name] = folder
    return out


def quads(store: Path) -> set[str] | None:
    """The store's quads, or None when it refuses to open (interrupted build)."""
    from graph.errors import StoreError
    from graph.store import open_store

    try:
        return {str(q) for q in open_store(store)}
    except StoreError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-delay", type=float, default=8.0, help="Latest kill, seconds after start.")
    args = parser.parse_args()
    from graph.store import build_into_store

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folders = corpora(root)
        clean = {}
        for name, folder in folders.items():
            build_into_store([folder], root / f"clean-{name}")
            clean[name] = quads(root / f"clean-{name}")
        store = root / "store"
        last: str | None = None
        counts = {"killed": 0, "finished first": 0, "old": 0, "new": 0, "refused": 0, "bad": 0, "rebuilt ok": 0}
        for run in range(args.runs):
            target = rng.choice(sorted(folders))
            if rng.random() < 0.15:
                shutil.rmtree(store, ignore_errors=True)
                last = None
            proc = subprocess.Popen([sys.executable, "-c", CHILD, str(folders[target]), str(store)], cwd=ROOT,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            delay = rng.uniform(0.2, args.max_delay)
            time.sleep(delay)
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            counts["killed" if proc.returncode == -signal.SIGKILL else "finished first"] += 1
            seen = quads(store) if store.exists() else set()
            if seen is None:
                verdict = "refused"
            elif seen == clean[target]:
                verdict = "new"
            elif (last and seen == clean[last]) or (last is None and not seen):
                verdict = "old"
            else:
                verdict = "bad"
            counts[verdict] += 1
            build_into_store([folders[target]], store)
            counts["rebuilt ok"] += quads(store) == clean[target]
            last = target
            print(f"run {run + 1:2d}: {last} killed at {delay:4.1f} s -> {verdict}", flush=True)
        print(", ".join(f"{k} {v}" for k, v in counts.items()) + f" (of {args.runs}; bad must be 0)")


if __name__ == "__main__":
    main()
