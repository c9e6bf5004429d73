"""Time per character of parsing and of extraction against a document's length (issue 9).

Each document is fictitious paragraphs (written for this bench) repeated to
the length asked, with blank lines between them (``--sep line`` puts the
whole text on one line). Parsing (spaCy, in paragraph-aligned pieces) and
extraction (``graph.extract``) are timed separately in one process, and the
ratio of time per character at the longest length to that at the shortest is
printed for each: 1.0 is linear; the goal is at most 1.5.

    python bench/long_documents.py                        # 10k, 20k, 40k, 80k
    python bench/long_documents.py --lengths 10000 1000000 --parse-only
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PARAGRAPHS = [
    "Velora Holdings agreed on 3 March 2021 to invest 40 million euros in the Tarnside rail yard, "
    "the company said in Brenholt.",
    "The ministry of Kestria signed a memorandum with Orvane Energy on 12 May 2022 covering a solar park near Lindmoor.",
    "Analysts at Fennick Partners said the deal would double freight capacity by 2025.",
    "Officials from Kestria and Dravonia met in Halvik on Tuesday to discuss a trade agreement worth 2 billion dollars.",
    "Marlow Steel acquired a 51 percent stake in Quenby Metals for 120 million dollars, according to a filing.",
]


def text_of(chars: int, sep: str) -> str:
    rng = random.Random(chars)
    out: list[str] = []
    size = 0
    while size < chars:
        out.append(rng.choice(PARAGRAPHS))
        size += len(out[-1]) + len(sep)
    return sep.join(out)[:chars]


def measure(chars: int, sep: str, *, parse_only: bool) -> tuple[float, float]:
    """Seconds to parse, and to extract (0 with ``parse_only``), one document of ``chars``."""
    from graph.extract import extract_facts
    from graph.long_docs import parse_documents
    from graph.model import Document
    from graph.nlp import get_nlp

    text = text_of(chars, sep)
    doc = Document(id="long", file_name="long.txt", text=text, source_text=text, sha256="0")
    start = time.perf_counter()
    parsed, _ = next(parse_documents(get_nlp(), [doc]))
    parsed._.document = doc
    parse = time.perf_counter() - start
    if parse_only:
        return parse, 0.0
    start = time.perf_counter()
    extract_facts(parsed)
    return parse, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lengths", type=int, nargs="+", default=[10_000, 20_000, 40_000, 80_000])
    parser.add_argument("--sep", choices=["paragraph", "line"], default="paragraph")
    parser.add_argument("--parse-only", action="store_true", help="Skip extraction.")
    args = parser.parse_args()
    from graph.nlp import get_nlp

    get_nlp()  # model load is not the document's cost
    sep = "\n\n" if args.sep == "paragraph" else " "
    rows = []
    for chars in sorted(args.lengths):
        parse, extract = measure(chars, sep, parse_only=args.parse_only)
        rows.append((chars, parse, extract))
        print(f"{chars:>9,} chars: parse {parse:7.1f} s ({parse / chars * 1e6:6.1f} µs/char), "
              f"extract {extract:7.1f} s ({extract / chars * 1e6:6.1f} µs/char)", flush=True)
    (short, p0, e0), (long, p1, e1) = rows[0], rows[-1]
    print(f"time per character at {long:,} / at {short:,}: parse {p1 / long / (p0 / short):.2f}"
          + ("" if args.parse_only else f", extract {e1 / long / (e0 / short):.2f}") + " (goal <= 1.5)")


if __name__ == "__main__":
    main()
