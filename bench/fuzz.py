"""Fuzz run (issue 9): random texts through extraction, random files through ingest.

Texts mix words, amounts, dates, currency signs, control characters, very
long tokens and odd Unicode; files mix random bytes, byte-order marks,
truncated multi-byte sequences, HTML and Markdown fragments. A file may be
refused (one ``IngestError`` each, that is the contract); any other
exception is a bug. Prints the counts; the goal is 0 exceptions.

    python bench/fuzz.py                    # 300 texts, 300 files
    python bench/fuzz.py --texts 2000 --files 2000 --seed 7
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

WORDS = ("Velora", "Holdings", "invested", "million", "euros", "in", "Kestria", "signed", "agreement", "with",
         "on", "March", "2021", "$", "€", "40", "1.5bn", "per", "cent", "%", "Ltd.", "Inc.", "said", "the",
         "(NYSE:VLR)", "Q3", "3/4/2021", "—", "“", "”", "'", "\u00a0", "\u200b", "\t", "\n", "\n\n", "·", "½")
ODD = ("\x00", "\x07", "\x1b[31m", "\ud7ff", "\U0001f600", "\u202e", "\ufeff", "\u2028", "\r", "\x85")


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(1, 400)):
        r = rng.random()
        if r < 0.8:
            parts.append(rng.choice(WORDS))
        elif r < 0.9:
            parts.append(rng.choice(ODD))
        elif r < 0.97:
            parts.append("".join(chr(rng.randrange(32, 0x2FFF)) for _ in range(rng.randrange(1, 12))))
        else:
            parts.append(rng.choice(WORDS) * rng.randrange(50, 2000))
    return " ".join(parts)


def random_file(rng: random.Random, folder: Path, index: int) -> Path:
    suffix = rng.choice([".txt", ".md", ".html", ".htm"])
    text = random_text(rng)
    r = rng.random()
    if r < 0.25:
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 3000)))
    elif r < 0.4:
        data = rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b""]) + text.encode("utf-16-le", "replace")
    elif r < 0.55:
        data = text.encode("utf-8", "surrogatepass")[: rng.randrange(1, 4000)]
    elif r < 0.75:
        tags = ["<p>", "</p>", "<div>", "<script>", "</script>", "<title>", "<!--", "-->", "<meta charset=latin-1>"]
        data = "".join(rng.choice(tags) + rng.choice(WORDS) for _ in range(rng.randrange(1, 300))).encode()
    else:
        data = ("# " + text.replace(" ", rng.choice([" ", " **", " [x](", " `"]))).encode("utf-8", "replace")
    path = folder / f"f{index:05d}{suffix}"
    path.write_bytes(data)
    return path


def fuzz_texts(count: int, rng: random.Random) -> tuple[int, list[str]]:
    from graph.model import Document
    from graph.pipeline import extract_documents

    failures: list[str] = []
    done = 0
    for i in range(count):
        text = random_text(rng)
        doc = Document(id=f"t{i}", file_name=f"t{i}.txt", text=text, source_text=text, sha256=str(i))
        try:
            list(extract_documents([doc]))
            done += 1
        except Exception:  # noqa: BLE001 - counting them is the point of this run
            failures.append(traceback.format_exc(limit=3))
    return done, failures


def fuzz_files(count: int, rng: random.Random) -> tuple[int, int, list[str]]:
    from graph.ingest import iter_documents

    refused: list[object] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(count):
            random_file(rng, folder, i)
        try:
            read = sum(1 for _ in iter_documents([folder], on_error=refused.append))
        except Exception:  # noqa: BLE001
            failures.append(traceback.format_exc(limit=3))
            read = 0
    return read, len(refused), failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--texts", type=int, default=300)
    parser.add_argument("--files", type=int, default=300)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    read, refused, file_failures = fuzz_files(args.files, rng)
    print(f"files: {args.files} written, {read} read, {refused} refused with a one-line error, "
          f"{len(file_failures)} exceptions")
    done, text_failures = fuzz_texts(args.texts, rng)
    print(f"texts: {args.texts} extracted, {done} without error, {len(text_failures)} exceptions")
    for failure in (file_failures + text_failures)[:3]:
        print(failure)


if __name__ == "__main__":
    main()
