"""Agreements in the layouts of real signing news (fictitious names): lists of the documents a
ceremony produced, loans signed by a borrower whose lenders the next sentences name."""

from __future__ import annotations

import pytest

from graph.pipeline import extract_document
from tests.conftest import make_document


def _agreements(text: str, published: str | None = "2024-06-12"):
    return extract_document(make_document(text, published=published)).agreements


def _parties(agreement) -> set[str]:
    return {p.name for p in agreement.parties}


# (id, text, parties wanted among one fact's parties, its signing date)
SIGNED_LISTS = [
    (
        "among-the-instruments-signed-were",
        "Montevideo, 9 May 2024 (UNA) - The leaders of Uruguay and Chile today witnessed the signing of six agreements. "
        "Among the instruments signed were a Treaty on Mutual Legal Assistance between the two governments and a "
        "Memorandum of Understanding on Fisheries between the Ministry of Fisheries of Chile and the Ministry of Fisheries of Uruguay.",
        {"Ministry of Fisheries of Chile", "Ministry of Fisheries of Uruguay"},
        "2024-05-09",
    ),
    (
        "among-the-documents-signed-was",
        "Chile and Peru held talks in Lima on 3 March 2023. Among the documents signed was an Agreement on Visa Exemption "
        "between Chile and Peru.",
        {"Chile", "Peru"},
        "2023-03-03",
    ),
]


@pytest.mark.parametrize(("text", "parties", "date"), [pytest.param(*p[1:], id=p[0]) for p in SIGNED_LISTS])
def test_a_listed_signed_document_is_dated_by_its_signing(text, parties, date):
    found = [a for a in _agreements(text, None) if parties <= _parties(a)]
    assert found, f"no agreement of {parties} in {_agreements(text, None)}"
    assert found[0].date is not None and found[0].date.iso() == date, found[0]
