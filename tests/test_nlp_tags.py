"""Tag fixes after the lemmatizer (graph/nlp_tags.py; issue 7, session 29): the real model's tags, mended."""

from __future__ import annotations

import pytest

from graph.nlp import get_nlp
from graph.pipeline import extract_document
from tests.conftest import make_document


@pytest.mark.parametrize(("text", "word", "pos"), [
    pytest.param("The mine is owned by Luano Copper Mines plc, in which Tessaly Group holds 65 per cent.", "plc", "PROPN",
                 id="a-lower-case-legal-form-ends-the-name"),
    pytest.param("Serbia's finance ministry signed the loan.", "ministry", "NOUN", id="a-lower-case-common-noun"),
])
def test_lower_case_words_by_what_they_are(text: str, word: str, pos: str) -> None:
    doc = get_nlp()(text)
    assert next(t for t in doc if t.text == word).pos_ == pos


def test_issue_7_a_company_named_with_a_lower_case_plc_holds_its_shareholders() -> None:
    """Session 29 (blind20, read half): "owned by X Mines plc, in which Y holds 80 per cent" told nothing: the tagger
    read "plc" as a common noun, which named no one."""
    text = "The mine is owned by Luano Copper Mines plc, in which Tessaly Group holds 65 per cent."
    found = extract_document(make_document("Copper\n\n" + text, published="2025-03-01")).investments
    assert {(f.investor.name, f.target.name) for f in found} == {("Tessaly Group", "Luano Copper Mines plc")}
