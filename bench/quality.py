"""Extraction quality in one run: P/R/F1 per fact type by the gold format's matching rules.

Builds the sample corpus (``data/corpus``, scored against ``../shared/gold/seeds.json``)
and the shared dev corpus (``../shared/corpus/dev`` against ``../shared/gold/dev.json``)
with the library, and prints the dev figures three ways: all 36 articles, the 27
one may look at, and the holdout quarter listed in ``bench/holdout.txt``, of which
only totals are printed (never a miss: audit with ``kg evaluate --explain`` on the
other 27 only). Then the synthetic sets written blind for issue 7
(``tests/data/blind3`` … ``blind30``: fictitious articles written by someone
who had not read the extractors), each against its own ``gold.json``.

    python bench/quality.py            # the published rules
    python bench/quality.py --strict   # one-to-one, investment year and status too
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.errors import KGError  # noqa: E402
from graph.evaluate import assess, load_gold  # noqa: E402
from graph.evaluate_report import format_scores  # noqa: E402
from graph.pipeline import build  # noqa: E402
from graph.rdf.io import write_graph  # noqa: E402
from graph.store import open_store  # noqa: E402

SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "data" / "corpus"
DEV = SHARED / "corpus" / "dev"
HOLDOUT_LIST = ROOT / "bench" / "holdout.txt"
BLIND_SETS = ("blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13", "blind14",
              "blind15", "blind16", "blind17", "blind18", "blind19", "blind20", "blind21", "blind22",
              "blind23", "blind24", "blind25", "blind26", "blind27", "blind28", "blind29", "blind30",
              "blind31", "blind32")


def holdout_names(path: Path = HOLDOUT_LIST) -> frozenset[str]:
    """The holdout's file names: one a line, '#' starts a comment."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line)


def built_store(paths: list[Path], workdir: Path):
    """Build ``paths`` with the library and open the result for scoring."""
    result = build(paths)
    out = workdir / f"graph{len(list(workdir.iterdir()))}.nq"
    write_graph(result.dataset, out)
    return open_store(out)


def report(title: str, store, gold: Path, *, strict: bool, docs: frozenset[str] | None = None) -> None:
    scores = assess(store, gold, strict=strict, docs=docs).scores
    print(f"\n{title}\n{format_scores(scores)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--strict", action="store_true", help="one-to-one matching, investment year and status")
    strict = parser.parse_args().strict
    print(f"matching: {'strict (one-to-one, year, status)' if strict else 'the published rules'}")
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        started = time.perf_counter()
        seeds_gold = SHARED / "gold" / "seeds.json"
        if not SHARED.is_dir():
            seeds_gold = ROOT / "tests" / "data" / "gold_seeds.json"
            print(f"{SHARED} is missing: scoring the sample corpus only, against {seeds_gold.relative_to(ROOT)}")
        failures = attempt("sample corpus", lambda: score_sample(workdir, seeds_gold, strict=strict))
        if SHARED.is_dir():
            failures += attempt("dev corpus", lambda: score_dev(workdir, strict=strict))
        for name in BLIND_SETS:
            failures += attempt(name, lambda name=name: score_blind(workdir, name, strict=strict))
        print(f"\n(built and scored in {time.perf_counter() - started:.0f} s)")
    return 1 if failures else 0


def attempt(what: str, run) -> int:
    """Run one corpus's scoring; a library error is one line and the other corpus still runs."""
    try:
        run()
    except KGError as e:
        print(f"\nerror: {what}: {e}", file=sys.stderr)
        return 1
    return 0


def score_sample(workdir: Path, gold: Path, *, strict: bool) -> None:
    report(f"sample corpus ({SAMPLE.relative_to(ROOT)}) against {gold.name}", built_store([SAMPLE], workdir), gold, strict=strict)


def score_dev(workdir: Path, *, strict: bool) -> None:
    gold = SHARED / "gold" / "dev.json"
    files = sorted(DEV.glob("*.txt"))
    holdout = holdout_names()
    annotated = {g["doc"] for g in load_gold(gold)}
    absent = sorted(holdout - annotated)
    if absent:
        raise SystemExit(f"error: {HOLDOUT_LIST}: {absent[0]} is not a document of {gold}; fix the list")
    store = built_store(files, workdir)
    report(f"dev corpus, all {len(annotated)} articles, against {gold.name}", store, gold, strict=strict)
    rest = frozenset(annotated - holdout)
    report(f"dev corpus, the other {len(rest)} (dev-{len(rest)})", store, gold, strict=strict, docs=rest)
    report(f"dev corpus, holdout {len(holdout)} (totals only)", store, gold, strict=strict, docs=holdout)


def score_blind(workdir: Path, name: str, *, strict: bool) -> None:
    folder = ROOT / "tests" / "data" / name
    files = sorted(folder.glob("*.txt"))
    report(f"synthetic set {name}, {len(files)} articles written blind", built_store(files, workdir), folder / "gold.json", strict=strict)


if __name__ == "__main__":
    sys.exit(main())
