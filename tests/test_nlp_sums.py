"""Sums the model read as the head of their phrase (graph/nlp_sums.py, issue 7, session 30)."""

from __future__ import annotations

import pytest

from graph.nlp import get_nlp
from graph.pipeline import extract_document
from tests.conftest import make_document


@pytest.mark.parametrize("text", [
    pytest.param("The R$2.4 billion ($430 million) acquisition of the stake by Velm Ports was agreed in March 2024.", id="reais"),
    pytest.param("The €2.4 billion ($2.6 billion) purchase of the mine by Velm Ports closed in May.", id="euros"),
])
def test_issue_7_a_deal_noun_after_a_converted_sum_heads_its_phrase(text: str) -> None:
    """The model made the sum the sentence's subject and the deal noun its apposition after the bracket."""
    doc = get_nlp()(text)
    noun = next(t for t in doc if t.lower_ in {"acquisition", "purchase"})
    assert noun.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ == "nummod" and c.lower_ == "billion" for c in noun.children)


def test_issue_7_the_converted_sum_of_a_nominal_deal_is_its_price() -> None:
    """Session 30 (blind31, read half): "The R$2.4 billion ($430 million) acquisition of the stake by X was agreed in
    March" told no deal, so the stake bought in the sentence before had no price."""
    text = ("Regulator clears port deal\n\nSAO PAULO, Aug 27 (Tern Wire) - Mexican port operator Grupo Naviero del Sur SAB de "
            "CV (GNS) won antitrust approval on Tuesday for its purchase of a 70% stake in Terminal Graneiro Sul (TGS), a grain "
            "export terminal.\n\nThe R$2.4 billion ($430 million) acquisition of the stake by GNS was agreed in March 2024.")
    found = extract_document(make_document(text, published="2024-08-28")).investments
    assert any(f.amount is not None and f.amount.value == 2_400_000_000 and f.stake is not None for f in found), found
