"""Present-tense verbs the tagger read as plural nouns (graph/nlp_verbs.py; issue 7, session 29).

Each case parses its own sentence of our writing with the real model; names are fictitious.
"""

from __future__ import annotations

import pytest

from graph.nlp import get_nlp
from graph.pipeline import extract_document
from tests.conftest import make_document
from tests.test_nlp_parse import arcs_with_and_without, word


@pytest.mark.parametrize(("text", "verb", "subject"), [
    pytest.param("Al Vessa pledges to invest up to $600 million in Kenya, mainly in airports.", "pledges", "Vessa", id="pledges-to"),
    pytest.param("Orvel Bank loans $500 million to Kessa Power for the Tarn dam.", "loans", "Bank", id="loans-an-object"),
])
def test_a_root_plural_after_a_name_with_an_object_is_the_verb(text: str, verb: str, subject: str) -> None:
    doc = get_nlp()(text)
    assert (word(doc, verb).pos_, word(doc, subject).dep_, word(doc, subject).head.text) == ("VERB", "nsubj", verb)
    assert arcs_with_and_without("verbs_read_as_nouns", text)[0] != arcs_with_and_without("verbs_read_as_nouns", text)[1]


@pytest.mark.parametrize("text", [
    pytest.param("The Orvel plans were shelved in 2019.", id="a-noun-with-its-own-verb"),
    pytest.param("Orvel Bank loans", id="a-headline-noun-phrase"),
])
def test_a_plural_noun_phrase_stays_a_noun(text: str) -> None:
    with_repair, without = arcs_with_and_without("verbs_read_as_nouns", text)
    assert with_repair == without


def test_issue_7_a_timeline_pledge_in_the_present_is_a_fact() -> None:
    """Session 29 (blind30): "February 2022 – … Al Vessa pledges to invest up to $1 billion in Tanzania" told
    nothing: the sentence's verb was read as a plural noun."""
    text = ("Timeline\n\nThe fund's record.\n\nFebruary 2022 \u2013 During a state visit, Al Vessa pledges to invest up to "
            "$600 million in Kenya, mainly in airports.\n")
    found = extract_document(make_document(text, published="2024-05-01")).investments
    assert {(f.investor.name, f.target.name) for f in found} == {("Al Vessa", "Kenya")}
