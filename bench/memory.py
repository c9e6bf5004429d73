"""Peak memory of store builds as the corpus grows (issue 11, first item), in one run.

Four builds, each in a fresh process (``build_into_store``) whose peak resident
memory (``VmHWM``, the high-water mark of its own address space) is read from
the kernel when it is done. Not ``ru_maxrss``: Linux carries the parent's peak
over ``exec``, so each child reported at least this script's own RSS (331 MB
after it fabricated 10,000 documents), whatever the build used.

1. a store of ``--small`` documents (1,000) from scratch;
2. a store of ``--large`` documents (10,000) from scratch;
3. ``--add`` documents (100) added to store 2;
4. the same ``--add`` documents into an empty store.

A build uses its store in forked children (:mod:`graph.store_forked`: one resolves
the actors, others write the document graphs 16 batches each, the actors graph and
the aggregates; the writers are children of a fork server the build starts first,
:mod:`graph.fork_server`, whose peaks the build's ``RUSAGE_CHILDREN`` includes once
it has reaped the server) while it waits: a build's peak is the larger of its own
``VmHWM`` and the largest ``ru_maxrss`` of its descendants (which counts the pages a
child shares with the process it was forked from); both are printed.

Goals: 2 / 1 ≤ 1.2 (a build holds a batch of facts plus the actor index, not the
corpus) and 3 / 4 ≤ 1.5 (an addition costs about what its documents cost).

What is measured is resolution and serialisation, not extraction: extracting
10,000 articles takes about an hour on one core. The seed articles (the sample
corpus, the devset and the dev corpus, ~50) are extracted once; each store's
fact cache is then filled before its build with copies of their facts under
distinct document ids (tiny files stand for the documents), the copy ``c`` of a
seed renaming every actor the gazetteer does not know with the ``c % --variants``
-th spelling, so the actors grow with the corpus as in news (new companies and
people, the same countries) rather than being all identical. The builds thus
extract nothing; each prints how many actors its store holds.

    python bench/memory.py                                       # 1,000 vs 10,000 (+100)
    python bench/memory.py --small 100 --large 1000 --add 10     # a quick look
"""

from __future__ import annotations

import argparse
import pickle
import sys
import tempfile
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scaling import ROOT, run_child  # noqa: E402

sys.path.insert(0, str(ROOT))  # the facts are cached with this checkout's extractor fingerprint, as the builds read them

SEEDS = [ROOT / "data" / "corpus", ROOT / "tests" / "data" / "devset", ROOT.parent / "shared" / "corpus" / "dev"]
SYLLABLES = ["ba", "ko", "ri", "te", "mu", "za", "ne", "lo", "fi", "du", "sa", "vo", "ge", "pi", "ha", "ju"]

CHILD = """
import json, resource, sys, time
from pathlib import Path
import pyoxigraph as ox
from graph.store import build_into_store, open_store
start = time.perf_counter()
report = build_into_store([Path(sys.argv[1])], Path(sys.argv[2]))
seconds = time.perf_counter() - start
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest of its forked children (graph.store_forked)
actors = ox.NamedNode("https://w3id.org/influence-kg/id/graph/actors")
count = sum(1 for q in open_store(Path(sys.argv[2])).quads_for_pattern(None, None, None, actors)
            if q.predicate.value.endswith("#label") and "/actor/" in q.subject.value)
print(json.dumps({"docs": report.documents, "extracted": report.extracted, "written": report.graphs_written, "seconds": seconds,
                  "peak_mb": max(peak_kb, child_kb) / 1024, "build_mb": peak_kb / 1024, "child_mb": child_kb / 1024,
                  "actors": count}))
"""


def seed_facts(cache: Path) -> list[Any]:
    """The seed articles' facts (text stripped), extracted once and kept in ``cache``."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from graph.ingest import iter_documents
    from graph.pipeline import extract_documents

    docs = iter_documents([p for p in SEEDS if p.is_dir()], on_error=lambda e: None)
    facts = list(extract_documents(docs))
    cache.write_bytes(pickle.dumps(facts, protocol=5))
    return facts


def spelling(number: int) -> str:
    """A distinct capitalised word per number, far from the others (no fuzzy merge)."""
    word = ""
    for _ in range(3):
        number, digit = divmod(number, len(SYLLABLES))
        word += SYLLABLES[digit]
    return word.capitalize()


def _rewrite(obj: Any, doc_id: str, word: str | None) -> Any:
    """``obj`` with every evidence moved to ``doc_id`` and unknown actors renamed."""
    from graph.gazetteer import load_gazetteer
    from graph.model import ActorKind, ActorRef, Document, Evidence

    if isinstance(obj, ActorRef):
        if word is None or obj.kind is ActorKind.COUNTRY or load_gazetteer().lookup(obj.name) is not None:
            return obj
        return replace(obj, name=f"{obj.name} {word}", surface=f"{obj.surface} {word}" if obj.surface else "")
    if isinstance(obj, Evidence):
        return replace(obj, doc_id=doc_id, attributed_to=_rewrite(obj.attributed_to, doc_id, word))
    if isinstance(obj, (list, tuple)):
        return type(obj)(_rewrite(x, doc_id, word) for x in obj)
    if is_dataclass(obj) and not isinstance(obj, (Document, type)):
        return replace(obj, **{f.name: _rewrite(getattr(obj, f.name), doc_id, word) for f in fields(obj)})
    return obj


def make_documents(corpus: Path, store: Path, seeds: list[Any], numbers: range, variants: int) -> None:
    """A tiny file per document number, and its fabricated facts in the store's fact cache."""
    from graph.ingest import read_document
    from graph.store import StoreDir

    sdir = StoreDir(store)
    sdir.create()
    corpus.mkdir(parents=True, exist_ok=True)
    for number in numbers:
        copy, seed = divmod(number, len(seeds))
        path = corpus / f"{number:05d}_{seeds[seed].document.id}.txt"
        path.write_text(f"Bench document {number}\n\nCopy {copy} of seed {seed}.\n", encoding="utf-8")
        doc = read_document(path).without_text()
        word = spelling(copy % variants) if copy else None
        facts = _rewrite(replace(seeds[seed], document=doc), doc.id, word)
        sdir.save_facts(replace(facts, document=doc))


def build(corpus: Path, store: Path) -> dict[str, float]:
    """One build in a fresh process; it must find every document's facts in the cache."""
    result = run_child(CHILD, corpus, store)
    if result["extracted"]:
        raise SystemExit(f"{result['extracted']} documents were extracted: the extractor changed during the run")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=10000)
    parser.add_argument("--add", type=int, default=100)
    parser.add_argument("--variants", type=int, default=64, help="spellings of an unknown actor across copies")
    parser.add_argument("--seed-cache", type=Path, help="keep the seed facts here between runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seeds = seed_facts(args.seed_cache or root / "seeds.pkl")
        results = run_all(root, seeds, args)
    report(results, args)


def run_all(root: Path, seeds: list[Any], args: argparse.Namespace) -> dict[str, dict[str, float]]:
    """The four builds, in order (store 2 is the one the documents are added to)."""
    added = range(args.large, args.large + args.add)
    make_documents(root / "small", root / "s-small", seeds, range(args.small), args.variants)
    make_documents(root / "large", root / "s-large", seeds, range(args.large), args.variants)
    out = {"small": build(root / "small", root / "s-small"), "large": build(root / "large", root / "s-large")}
    make_documents(root / "large", root / "s-large", seeds, added, args.variants)
    out["add"] = build(root / "large", root / "s-large")
    make_documents(root / "fresh", root / "s-fresh", seeds, added, args.variants)
    out["fresh"] = build(root / "fresh", root / "s-fresh")
    return out


def report(results: dict[str, dict[str, float]], args: argparse.Namespace) -> None:
    names = {"small": f"{args.small:,} documents from scratch", "large": f"{args.large:,} documents from scratch",
             "add": f"{args.add:,} added to {args.large:,}", "fresh": f"{args.add:,} documents from scratch"}
    for key, r in results.items():
        print(f"{names[key]:>32}: peak RSS {r['peak_mb']:.0f} MB (build {r['build_mb']:.0f}, largest child "
              f"{r['child_mb']:.0f}), {r['seconds']:.1f} s, "
              f"{r['docs']:,} documents, {r['actors']:,} actors, {r['written']:,} graphs written")
    large, small = results["large"]["peak_mb"] / results["small"]["peak_mb"], results["add"]["peak_mb"] / results["fresh"]["peak_mb"]
    print(f"store build, corpus x{args.large / args.small:.0f} -> peak memory x{large:.2f} (goal <= 1.2)")
    print(f"adding {args.add} to {args.large:,} vs building {args.add} -> peak memory x{small:.2f} (goal <= 1.5)")


if __name__ == "__main__":
    main()
