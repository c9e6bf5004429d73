"""Build time per character against a document's length, 10k to 1M characters (issue 9).

Each document is fictitious news prose written for this bench
(``bench/long_prose.py``), paragraphs separated by blank lines (``--sep line``
puts the whole text on one line). The three stages of a build are timed in
one process: parsing (spaCy, in paragraph-aligned pieces), extraction
(``graph.extract``) and the graph (resolution and serialisation), in CPU
seconds of the process (steadier than wall time on a shared machine). For each,
and for the whole build, the ratio of time per character at the longest
length to that at the shortest is printed: 1.0 is linear; the goal is at
most 1.5. ``--profile`` adds, per length, the functions whose own time per
character grew most from the shortest length to the longest.

    python bench/long_documents.py                          # 10k, 30k, 100k, 300k, 1M
    python bench/long_documents.py --lengths 10000 80000 --profile
    python bench/long_documents.py --until parse            # parsing alone
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from long_prose import prose  # noqa: E402

STAGES = ("parse", "extract", "graph")


def _stages(chars: int, sep: str) -> list[tuple[str, Any]]:
    """The build of one document of ``chars``, as (stage, callable of the previous result)."""
    from graph.extract import extract_facts
    from graph.long_docs import parse_documents
    from graph.model import Document
    from graph.nlp import get_nlp
    from graph.pipeline import slim
    from graph.rdf.serialize import corpus_to_dataset
    from graph.resolve import resolve

    text = prose(chars, sep=sep, seed=chars)
    doc = Document(id="long", file_name="long.txt", text=text, source_text=text, sha256="0")

    def parse(_: Any) -> Any:
        parsed, _document = next(parse_documents(get_nlp(), [doc]))
        parsed._.document = doc
        return parsed

    return [("parse", parse), ("extract", lambda parsed: slim(extract_facts(parsed))),
            ("graph", lambda facts: corpus_to_dataset(resolve([facts])))]


def measure(chars: int, sep: str, *, until: str = STAGES[-1],
            profile: cProfile.Profile | None = None) -> dict[str, float]:
    """CPU seconds per stage, up to ``until``, for one document of ``chars`` characters."""
    seconds: dict[str, float] = {}
    result: Any = None
    for stage, run in _stages(chars, sep)[:STAGES.index(until) + 1]:
        start = time.process_time()
        if profile is not None:
            profile.enable()
        result = run(result)
        if profile is not None:
            profile.disable()
        seconds[stage] = time.process_time() - start
    return seconds


def own_time_per_char(profile: cProfile.Profile, chars: int) -> dict[str, float]:
    """Each function's own time (not its callees'), in µs per character."""
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    return {f"{Path(file).name}:{line}:{name}": tottime / chars * 1e6
            for (file, line, name), (_cc, _nc, tottime, _ct, _callers) in stats.items()}


def print_growth(short: tuple[int, dict[str, float]], long: tuple[int, dict[str, float]], *, top: int) -> None:
    """The functions whose own µs per character grew most from the shortest length to the longest."""
    (n0, t0), (n1, t1) = short, long
    growth = sorted(((t1[f] - t0.get(f, 0.0), f) for f in t1), reverse=True)[:top]
    print(f"\nfunctions whose own time per character grew most, {n0:,} -> {n1:,} chars (µs/char):")
    for delta, name in growth:
        print(f"  {t0.get(name, 0.0):8.2f} -> {t1[name]:8.2f}  (+{delta:7.2f})  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lengths", type=int, nargs="+", default=[10_000, 30_000, 100_000, 300_000, 1_000_000])
    parser.add_argument("--sep", choices=["paragraph", "line"], default="paragraph")
    parser.add_argument("--profile", action="store_true", help="Also profile: which functions grow faster than length.")
    parser.add_argument("--top", type=int, default=15, help="Functions listed with --profile.")
    parser.add_argument("--until", choices=STAGES, default=STAGES[-1], help="Last stage timed.")
    args = parser.parse_args()
    from graph.nlp import get_nlp

    get_nlp()  # model load is not the document's cost
    measure(2_000, "\n\n", until=args.until)  # nor are first-call caches (word lists, gazetteer)
    sep = "\n\n" if args.sep == "paragraph" else " "
    rows, profiles = [], []
    for chars in sorted(args.lengths):
        profile = cProfile.Profile(time.process_time) if args.profile else None
        seconds = measure(chars, sep, until=args.until, profile=profile)
        rows.append((chars, seconds))
        if profile is not None:
            profiles.append((chars, own_time_per_char(profile, chars)))
        cells = "  ".join(f"{s} {t:7.1f} s ({t / chars * 1e6:6.1f} µs/char)" for s, t in seconds.items())
        print(f"{chars:>9,} chars: {cells}", flush=True)
    (short, s0), (long, s1) = rows[0], rows[-1]
    ratios = {s: s1[s] / long / (s0[s] / short) for s in s1}
    build = sum(s1.values()) / long / (sum(s0.values()) / short)
    label = "build" if args.until == STAGES[-1] else f"up to {args.until}"
    print(f"time per character at {long:,} / at {short:,}: {label} {build:.2f} (goal <= 1.5); "
          + ", ".join(f"{s} {r:.2f}" for s, r in ratios.items()))
    if profiles:
        print_growth(profiles[0], profiles[-1], top=args.top)


if __name__ == "__main__":
    main()
