"""A legal form that closes a sentence is split into its word and full stop (graph/nlp_forms.py, issue 7, session 31)."""

from __future__ import annotations

import pytest

from graph.nlp import get_nlp
from graph.pipeline import extract_document
from tests.conftest import make_document

CLOSING = "Orlin Metals holds 40 per cent of Pavask Power Ltd. It paid $36 million for the stake."
OTHER = ("Dunmere Cement said on Monday that it would build a clinker line near Varsk for $80 million. "
         "Dunmere Cement said on Monday that it would build a clinker line near Varsk for $80 million.")


@pytest.mark.parametrize("form", ["Ltd.", "Inc.", "Corp."])
def test_issue_7_a_closing_form_leaves_the_name_its_place_in_the_parse(form: str) -> None:
    """The parser took the form for the sentence's full stop: "of" had no object and the name no head."""
    doc = get_nlp()(CLOSING.replace("Ltd.", form))
    of = next(t for t in doc if t.lower_ == "of")
    assert [t.text for t in of.children if t.dep_ == "pobj"] == [form[:-1]]
    stop = doc[of.i + 4]
    assert stop.text == "." and stop.dep_ == "punct" and doc[stop.i + 1].is_sent_start


def test_issue_7_a_form_inside_a_sentence_stays_one_word() -> None:
    """Guard (holds before the change too): "Ltd." with the sentence going on is a word of the name."""
    doc = get_nlp()("Pavask Power Ltd. said on Monday that it had hired a new chief executive.")
    assert doc[2].text == "Ltd." and not doc[3].is_sent_start


def test_issue_7_a_split_form_does_not_shift_the_next_documents_parse() -> None:
    """spaCy's split grows ``doc.tensor`` by one row too many; batched with the split document, the
    next document's parse was read one token off (every label shifted)."""
    nlp = get_nlp()
    alone = [(t.dep_, t.head.i) for t in nlp(OTHER)]
    split, batched = nlp.pipe([CLOSING, OTHER])
    assert split.tensor.shape[0] == len(split)
    assert [(t.dep_, t.head.i) for t in batched] == alone


def test_issue_7_the_price_after_a_closing_form_goes_to_the_holding() -> None:
    """"X holds 40 per cent of Y Ltd. It paid $36 million for the stake": nothing was found at all."""
    found = extract_document(make_document("Update\n\n" + CLOSING, published="2025-03-03")).investments
    assert {(f.investor.name, f.target.name, f.amount.value if f.amount else None, str(f.stake)) for f in found} == {
        ("Orlin Metals", "Pavask Power Ltd", 36_000_000, "0.4")}


@pytest.mark.parametrize("text", [
    pytest.param("headline line\n\ninjected  parent Aldris Inc.Partners", id="form-glued-to-a-word"),
    pytest.param("headline line\n\nbuy  Inc..Tallisk Inc. Motors ,", id="forms-around-a-name"),
])
def test_issue_7_a_split_form_leaves_no_loop_of_heads(text: str) -> None:
    """Session 32 (found by fuzzing): the split hung the word on its stop and the stop on the word; where
    the parser left the stop unlabelled the loop stayed, and ``Span.root`` of a name ending in the
    word raised E039 (the document was left out of the build)."""
    doc = get_nlp()(text)
    assert all(span.root is not None for span in [*doc.ents, *doc.sents])
    assert extract_document(make_document(text, published="2025-06-01")) is not None
