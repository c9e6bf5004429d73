"""Text views of an evaluation: the score table and the per-document audit of misses.

Kept apart from the rules so the CLI, ``bench/quality.py`` and notebooks print
the same thing.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from typing import Any

from graph.evaluate import DocumentExplanation, Score
from graph.evaluate_read import ROLES, PredictedFact

WIDTH = 100
INDENT = "    "


def format_scores(scores: Mapping[str, Score], *, label: str = "type") -> str:
    """One line per fact type: counts, P, R, F1 (P and F1 shown as '-' for recall-only types)."""
    lines = [f"{label:<12}{'pred':>6}{'gold':>6}{'right':>7}{'found':>7}{'P':>7}{'R':>7}{'F1':>7}"]
    lines += [score_row(kind, s) for kind, s in scores.items()]
    return "\n".join(lines)


def score_row(name: str, s: Score) -> str:
    return (
        f"{name:<12}{s.predicted:>6}{s.gold:>6}{s.correct:>7}{s.found:>7}"
        f"{_ratio(s.precision):>7}{_ratio(s.recall):>7}{_ratio(s.f1):>7}"
    )


def _ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_explanation(documents: Iterable[DocumentExplanation]) -> str:
    """Per document, a block per missed gold fact and per unmatched prediction, each with its sentence."""
    parts = []
    for d in documents:
        lines = [f"== {d.doc}: {len(d.missed)} missed, {len(d.unmatched)} unmatched"]
        lines += [block for g in d.missed for block in _gold_block(g)]
        lines += [block for p in d.unmatched for block in _prediction_block(p)]
        parts.append("\n".join(lines))
    return "\n\n".join(parts) if parts else "nothing missed, nothing unmatched"


def describe_gold(g: Mapping[str, Any]) -> str:
    """The scored fields of a gold fact on one line."""
    kind = g["type"]
    if kind == "investment":
        fields = [f"{g['investor']} → {g['target']}", _money(g.get("amount"), g.get("currency")),
                  _stake(g.get("stake")), _maybe("year", g.get("year")), _maybe("status", g.get("status"))]
    elif kind == "agreement":
        fields = [" + ".join(g["parties"]), _maybe("date", g.get("date")), _maybe("effective", g.get("effective"))]
    elif kind == "event":
        fields = [" + ".join(g["participants"]) or "(no participant)", _maybe("date", g.get("date")),
                  _maybe("kind", g.get("kind"))]
    else:
        aliases = ", ".join(g.get("aliases", []))
        fields = [g["name"], f"aka {aliases}" if aliases else ""]
    return f"{kind}: " + " · ".join(f for f in fields if f)


def describe_prediction(p: PredictedFact) -> str:
    """Roles, amounts, stakes and dates of a prediction on one line."""
    fields = [f"{role} {' / '.join(p.role_labels(role)) or '(none)'}" for role in ROLES[p.kind]]
    fields += [_money(v, c) for v, c in sorted(p.amounts)] + [_stake(s) for s in sorted(p.stakes)]
    fields += [f"date {d}" for d in sorted(p.dates)] + [f"effective {d}" for d in sorted(p.effective)]
    fields += [f"status {s}" for s in sorted(p.statuses)] + ([f"kind {p.event_type}"] if p.event_type else [])
    return f"{p.kind}: " + " · ".join(fields)


def _gold_block(g: Mapping[str, Any]) -> list[str]:
    sentences = [g.get("evidence"), g.get("evidence_context")]
    return [f"  missed    {describe_gold(g)}", *_quoted(s for s in sentences if s)]


def _prediction_block(p: PredictedFact) -> list[str]:
    return [f"  unmatched {describe_prediction(p)}", *_quoted(p.evidence or ["(no evidence sentence)"])]


def _quoted(sentences: Iterable[str]) -> list[str]:
    return [
        line
        for s in sentences
        for line in textwrap.wrap(f"“{' '.join(s.split())}”", WIDTH, initial_indent=INDENT, subsequent_indent=INDENT)
    ]


def _money(amount: float | None, currency: str | None) -> str:
    if amount is None:
        return ""
    return f"{currency or '?'} {float(amount):,.0f}"


def _stake(stake: float | None) -> str:
    return "" if stake is None else f"stake {float(stake):.4g}"


def _maybe(name: str, value: object) -> str:
    return "" if value in (None, "") else f"{name} {value}"
