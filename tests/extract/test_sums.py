"""Sums (graph.extract.sums): which amount a match's fact states, on passages of our own (issue 7)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.extract import sums
from graph.extract.frames import frame_matches
from graph.nlp import get_nlp

# (id, passage, the trigger's text, the frame, the amount in units or None)
CASES = [
    ("the-clause-sum", "Orient Bank will lend $90 million to Kessa Power.", "lend", "loan", Decimal("90000000")),
    ("a-share-of-a-cost-gives-none", "Orient Bank will finance 85 percent of the $1.9 billion Dalvik dam.", "finance", "loan", None),
    ("the-total-a-deal-leaves", "With a $500 million deal, Orient Bank has extended credit lines to Kessa Power, taking the "
     "total value of its lines to $2.18 billion.", "extended", "loan", Decimal("2180000000")),
]


@pytest.mark.parametrize(("text", "trigger", "frame", "amount"), [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_the_amount_a_match_states(text: str, trigger: str, frame: str, amount: Decimal | None) -> None:
    sent = next(iter(get_nlp()(text).sents))
    match = next(m for m in frame_matches(sent) if m.trigger.text == trigger and m.frame.name == frame)
    found = sums.stated_amount(match, share_of_cost=sums.share_of_cost(match))
    assert (found.value if found is not None else None) == amount
