"""issue 9: documents longer than spaCy's max_length are parsed in paragraph-aligned pieces.

A whole-text parse and a piece-by-piece parse must agree on every token,
sentence, entity offset, head and extracted fact; a document over the
model's limit must not abort the build (spaCy error E088).
"""

from __future__ import annotations

import os
import random

import pytest

from graph.extract import extract_facts
from graph.long_docs import join_parsed, parse_documents, split_for_parsing
from graph.nlp import get_nlp

from tests.conftest import make_document

PARAGRAPHS = [
    "Velora Holdings agreed on 3 March 2021 to invest 40 million euros in the Tarnside rail yard, "
    "the company said in Brenholt.",
    "The ministry of Kestria signed a memorandum with Orvane Energy on 12 May 2022 covering a solar park near Lindmoor.",
    "Analysts at Fennick Partners said the deal would double freight capacity by 2025.",
    "Officials from Kestria and Dravonia met in Halvik on Tuesday to discuss a trade agreement worth 2 billion dollars.",
    "Marlow Steel acquired a 51 percent stake in Quenby Metals for 120 million dollars, according to a filing.",
]


def _text(chars: int, *, sep: str = "\n\n", seed: int = 0) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    while sum(len(p) + len(sep) for p in out) < chars:
        out.append(rng.choice(PARAGRAPHS))
    return sep.join(out)


@pytest.mark.parametrize(
    ("sep", "limit"),
    [pytest.param("\n\n", 1500, id="paragraphs"), pytest.param("\n", 1500, id="lines"),
     pytest.param(" ", 1500, id="one-long-line"), pytest.param("", 700, id="no-spaces-between")],
)
def test_issue_9_pieces_join_back_to_the_exact_text(sep: str, limit: int) -> None:
    text = _text(9000, sep=sep)
    pieces = split_for_parsing(text, limit=limit)
    assert "".join(pieces) == text
    assert len(pieces) > 1 and all(len(p) <= limit for p in pieces)


def test_issue_9_piecewise_parse_equals_whole_parse() -> None:
    nlp = get_nlp()
    doc = make_document("KESTRIA, 4 May 2021 - " + _text(8000, seed=3), doc_id="long")
    whole = next(parse_documents(nlp, [doc]))[0]
    pieces = next(parse_documents(nlp, [doc], chunk_chars=1500))[0]
    assert pieces.text == whole.text == doc.text
    assert [(t.text, t.idx, t.head.i, t.dep_, t.is_sent_start) for t in pieces] == \
        [(t.text, t.idx, t.head.i, t.dep_, t.is_sent_start) for t in whole]
    assert [(e.start_char, e.end_char, e.label_) for e in pieces.ents] == \
        [(e.start_char, e.end_char, e.label_) for e in whole.ents]
    whole._.document = pieces._.document = doc
    assert extract_facts(pieces) == extract_facts(whole)


def test_issue_9_doc_level_values_are_shifted_when_joined() -> None:
    nlp = get_nlp()
    first, second = nlp("Velora Holdings rose.\n\n"), nlp("Quenby Metals fell.")
    first._.ticker_chars, second._.ticker_chars = ((0, 6),), ((0, 6),)
    joined = join_parsed([first, second])
    assert joined._.ticker_chars == ((0, 6), (len(first.text), len(first.text) + 6))


def test_issue_9_document_over_max_length_is_parsed_not_e088() -> None:
    """The model's limit lowered to 30,000 characters stands in for the real 1,000,000."""
    nlp = get_nlp()
    saved = nlp.max_length
    nlp.max_length = 30_000
    try:
        doc = make_document(_text(70_000, seed=5), doc_id="over")
        parsed, document = next(parse_documents(nlp, [doc], chunk_chars=10**9))
    finally:
        nlp.max_length = saved
    assert document is doc and parsed.text == doc.text
    assert all(e.text == doc.text[e.start_char:e.end_char] for e in parsed.ents)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("KG_LONG_TESTS"), reason="one to three minutes: set KG_LONG_TESTS=1")
def test_issue_9_a_million_characters_parse() -> None:
    doc = make_document(_text(1_050_000, seed=7), doc_id="million")
    parsed, _ = next(parse_documents(get_nlp(), [doc]))
    assert len(doc.text) > 1_000_000 and parsed.text == doc.text
