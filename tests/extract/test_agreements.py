"""Agreements: name, parties, signing and effective dates (issue 2)."""

from __future__ import annotations

import pytest

from graph.model import PartialDate
from graph.pipeline import extract_document
from tests.conftest import make_document
from tests.extract.passages import cases, extracted, same

KNOWN_MISSES: dict[str, str] = {}


def _params():
    for case_id, passage, fact in cases("agreement"):
        marks = [pytest.mark.xfail(reason=KNOWN_MISSES[case_id], strict=True)] if case_id in KNOWN_MISSES else []
        yield pytest.param(passage, fact, id=case_id, marks=marks)


@pytest.mark.parametrize(("passage", "fact"), list(_params()))
def test_passage_agreement(passage, fact):
    agreements = extracted(passage).agreements
    need = min(2, len(fact["parties"]))
    found = [
        a
        for a in agreements
        if sum(any(same(p, passage, name) for p in a.parties) for name in fact["parties"]) >= need
        and (fact.get("date") is None or (a.date is not None and a.date.iso() == fact["date"]))
        and (fact.get("effective") is None or (a.effective is not None and a.effective.iso() == fact["effective"]))
    ]
    assert found, f"expected {fact}; got {agreements}"


def test_signing_and_effective_dates_are_told_apart():
    text = (
        "Albania and Turkey signed a free trade agreement on 12 March 2023, "
        "which enters into force on 1 January 2024."
    )
    (agreement,) = extract_document(make_document(text)).agreements
    assert agreement.name == "free trade agreement"
    assert agreement.date == PartialDate(2023, 3, 12)
    assert agreement.effective == PartialDate(2024, 1, 1)
    assert {p.name for p in agreement.parties} == {"Albania", "Turkey"}


def test_an_agreement_that_is_only_talked_about_is_not_extracted():
    facts = extract_document(make_document("The agreement could enhance the competitive edge of the carmaker."))
    assert facts.agreements == []
