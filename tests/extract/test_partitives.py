"""Partitives (graph.extract.partitives): the company a share is of, and the share."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.extract.partitives import through_partitive
from graph.nlp import get_nlp

# (id, passage, the partitive word (its last occurrence), the company's head word or None, the share)
CASES = [
    ("stake-in", "Orsk Bank bought a 40% stake in Tarn Bank.", "stake", "Bank", Decimal("0.4")),
    ("per-cent-of", "Orsk Bank is to buy 20 per cent of Tarn Bank.", "cent", "Bank", Decimal("0.2")),
    ("a-year-is-no-company", "Orsk Bank owns 20% of Tarn Bank. Orsk Bank bought its 51% stake in 2008.", "stake", "Bank", Decimal("0.51")),
    ("owned-in-a-relative-clause", "The project is run by Tallis Hydro, which is 60 per cent owned by Orvo Energy.", "cent", "Hydro", Decimal("0.6")),
    ("its-shares-are-the-owned-company", "Ocean Lemara is controlled by Trivane Capital, a fund that holds 72 percent of its shares.",
     "percent", "Lemara", Decimal("0.72")),
    ("the-shares-named-before-name-no-company", "Orsk Bank owns a 1 per cent stake in Tarn Bank. "
     "Orsk Bank cancelled an issue of 200 million shares and will buy back the shares.", "shares", None, None),
    ("the-rest-names-nothing", "Orsk Bank keeps the rest.", "rest", None, None),
    # session 10 (blind8): a share said as a fraction
    ("its-half-of", "Orsk Bank bought its half of Tarn Bank in 2023.", "half", "Bank", Decimal("0.5")),
    ("two-thirds-of", "Orsk Bank will buy two-thirds of Tarn Bank.", "thirds", "Bank", Decimal("0.6667")),
    ("a-quarter-of", "Orsk Bank sold a quarter of Tarn Bank.", "quarter", "Bank", Decimal("0.25")),
    # session 11: a fraction before a stake word
    ("a-one-third-stake", "Orsk Bank took a one-third stake in Tarn Bank.", "stake", "Bank", Decimal("0.3333")),
    ("a-half-share", "Orsk Bank bought a half share in Tarn Bank.", "share", "Bank", Decimal("0.5")),
]


@pytest.mark.parametrize(("text", "word", "company", "share"), [pytest.param(t, w, c, s, id=i) for i, t, w, c, s in CASES])
def test_through_partitive(text: str, word: str, company: str | None, share: Decimal | None) -> None:
    doc = get_nlp()(text)
    inner, found = through_partitive([t for t in doc if t.text == word][-1])
    assert (inner.text if inner is not None else None, found) == (company, share)
