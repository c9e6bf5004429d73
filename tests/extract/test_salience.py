"""graph.extract.salience: of several candidates, the one the article has named most so far."""

from __future__ import annotations

import pytest

from graph.extract.docmodel import registry
from graph.extract.salience import most_salient
from graph.nlp import get_nlp
from tests.conftest import make_document


def _most(text: str, names: set[str]) -> str:
    doc = get_nlp()(text)
    doc._.document = make_document(text)
    entries = registry(doc)
    return most_salient([e for e in entries if e.ref.name in names], entries).name


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Fund news\n\nA stake was sold on Monday. Norvik Holdings said it would compete. Kessin Capital Partners "
                 "declined to comment. Norvik Holdings expects growth.", "Norvik Holdings", id="named-most"),
    pytest.param("Fund news\n\nKessin Capital Partners bought a 20 per cent stake in a regional chain of grocery stores on "
                 "Monday, the fund said in a statement. Norvik Holdings said it would compete. Norvik Holdings declined to "
                 "comment.", "Kessin Capital Partners", id="the-lede-weighs-more"),
    pytest.param("Fund news\n\nA stake was sold on Monday. Kessin Capital Partners bought it. Kessin Capital expects growth. "
                 "Norvik Holdings said it would compete.", "Kessin Capital Partners", id="a-short-form-counts-for-the-long-name"),
])
def test_the_candidate_the_article_names_most(text: str, expected: str) -> None:
    assert _most(text, {"Kessin Capital Partners", "Norvik Holdings"}) == expected
