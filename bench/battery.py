"""Precision and recall on the construction batteries (tests/data/battery, battery2, battery3): short passages in wire style.

Run: ``python bench/battery.py [--battery battery|battery2|battery3] [--half odd|even] [--explain]``. Each
passage is extracted on its own (``graph.pipeline.extract_document``); a predicted investment is
right when its investor and target agree with an expected one by ``graph.evaluate.names_agree``,
its amount is within ±1 % in the same currency and its stake within ±0.005, where those are given;
an agreement when two of the expected parties (or all, if fewer) are among its parties and its date
agrees as far as both state it. Only asserted and planned facts count. The odd lines were read while
developing (battery in session 13, battery2 in session 14, battery3 in session 15); the even lines were not: report them apart.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's graph, not an installed one

from graph.evaluate import names_agree  # noqa: E402
from graph.model import Factuality  # noqa: E402
from graph.pipeline import extract_document  # noqa: E402
from tests.conftest import make_document  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"


def passages(path: Path, half: str | None) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for n, line in enumerate(lines, 1) if half is None or (n % 2 == 1) == (half == "odd")]


def _investment_ok(fact, want: dict) -> bool:
    if not (names_agree(fact.investor.name, want["investor"]) and names_agree(fact.target.name, want["target"])):
        return False
    if want.get("amount") is not None and not (
            fact.amount and fact.amount.currency == want["currency"]
            and abs(float(fact.amount.value) - want["amount"]) <= 0.01 * want["amount"]):
        return False
    return want.get("stake") is None or (fact.stake is not None and abs(float(fact.stake) - want["stake"]) <= 0.005)


def _agreement_ok(fact, want: dict) -> bool:
    named = sum(1 for p in want["parties"] if any(names_agree(q.name, p) for q in fact.parties))
    date, ours = want.get("date"), str(fact.date) if fact.date else ""
    return named >= min(2, len(want["parties"])) and (not date or bool(ours) and (ours.startswith(date) or date.startswith(ours)))


def score(path: Path, key: str, kind: str, ok, *, half: str | None, explain: bool) -> None:
    right = wrong = missed = 0
    for case in passages(path, half):
        facts = getattr(extract_document(make_document(case["text"], published="2024-06-01")), kind)
        facts = [f for f in facts if f.factuality in (None, Factuality.ASSERTED, Factuality.PLANNED)]
        wanted = [w for w in case[key] if w.get("note") != "cancelled"]
        found = [w for w in wanted if any(ok(f, w) for f in facts)]
        bad = [f for f in facts if not any(ok(f, w) for w in case[key])]
        right, wrong, missed = right + len(found), wrong + len(bad), missed + len(wanted) - len(found)
        if explain and (bad or len(found) < len(wanted)):
            print(f"  {case['id']}: {case['text']}\n    expected {wanted}\n    unmatched {bad}")
    p, r = right / max(1, right + wrong), right / max(1, right + missed)
    print(f"{kind:12} found {right:3}  wrong {wrong:3}  missed {missed:3}   P {p:.2f}  R {r:.2f}  F1 {2 * p * r / max(1e-9, p + r):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["odd", "even"], help="only the odd (read) or even (untouched) lines")
    parser.add_argument("--explain", action="store_true", help="print each passage with a miss or a wrong fact")
    parser.add_argument("--battery", default="battery", choices=["battery", "battery2", "battery3"],
                        help="the session-13 construction battery, the session-14 stress battery or the session-15 multi-party finance battery")
    args = parser.parse_args()
    folder = DATA / args.battery
    score(folder / "investments.jsonl", "facts", "investments", _investment_ok, half=args.half, explain=args.explain)
    score(folder / "agreements.jsonl", "agreements", "agreements", _agreement_ok, half=args.half, explain=args.explain)


if __name__ == "__main__":
    main()
