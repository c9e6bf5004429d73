"""Helpers every extractor shares (graph.extract.common)."""

from __future__ import annotations

import pytest

from graph.extract.common import country_of
from graph.nlp import get_nlp
from graph.pipeline import extract_document
from tests.conftest import make_document


@pytest.mark.parametrize(("text", "country"), [
    pytest.param("MEXICO CITY, March 3 (Reuters) - Orsk Motors said on Monday it would invest.", "Mexico", id="the-dateline-s-country"),
    pytest.param("Orsk Motors will build a plant in Chile. Chile welcomed it; Peru did not.", "Chile", id="the-most-named-country"),
    pytest.param("Orsk Motors will build a plant.", None, id="no-country"),
])
def test_the_country_a_document_is_about(text: str, country: str | None) -> None:
    assert country_of(get_nlp()(text)) == country


def test_issue_7_a_year_the_model_tagged_a_number_dates_the_fact() -> None:
    """Session 32: "In 2023 X bought …": the model tagged the year a CARDINAL, so the purchase had no date."""
    facts = extract_document(make_document("Bauxite\n\nIn 2023 Tarvo Capital bought 40% of Asankrom Bauxite Company.",
                                           published="2025-06-01")).investments
    assert [(f.investor.name, str(f.date)) for f in facts] == [("Tarvo Capital", "2023")]
