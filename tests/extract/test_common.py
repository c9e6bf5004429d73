"""Helpers every extractor shares (graph.extract.common)."""

from __future__ import annotations

import pytest

from graph.extract.common import country_of
from graph.nlp import get_nlp


@pytest.mark.parametrize(("text", "country"), [
    pytest.param("MEXICO CITY, March 3 (Reuters) - Orsk Motors said on Monday it would invest.", "Mexico", id="the-dateline-s-country"),
    pytest.param("Orsk Motors will build a plant in Chile. Chile welcomed it; Peru did not.", "Chile", id="the-most-named-country"),
    pytest.param("Orsk Motors will build a plant.", None, id="no-country"),
])
def test_the_country_a_document_is_about(text: str, country: str | None) -> None:
    assert country_of(get_nlp()(text)) == country
