"""Events typed from the scheme, with participants and dates (issue 2)."""

from __future__ import annotations

import pytest

from graph.model import PartialDate
from tests.conftest import CORPUS
from tests.extract.passages import cases, extracted, same

KNOWN_MISSES = {
    "meeting-last-week": "parse_date refuses 'last week' (a week has no month); the gold wants the month",
}


def _params():
    for case_id, passage, fact in cases("event"):
        marks = [pytest.mark.xfail(reason=KNOWN_MISSES[case_id], strict=True)] if case_id in KNOWN_MISSES else []
        yield pytest.param(passage, fact, id=case_id, marks=marks)


@pytest.mark.parametrize(("passage", "fact"), list(_params()))
def test_passage_event(passage, fact):
    events = extracted(passage).events
    found = [
        e
        for e in events
        if e.event_type == fact["kind"]
        and any(same(p, passage, name) for p in e.participants for name in fact["participants"])
        and (fact.get("date") is None or (e.date is not None and e.date.iso() == fact["date"]))
    ]
    assert found, f"expected {fact['kind']} with {fact['participants']} on {fact.get('date')}; got {events}"


def test_said_on_sunday_resolves_against_the_publication_date(seeds_build):
    """001 is dated 'Updated Jul 02, 2025': 'said on Sunday' is 29 June 2025."""
    doc = next(d for d in seeds_build.corpus.documents if d.document.file_name.startswith("001"))
    pledges = [e for e in doc.events if e.event_type == "export permit pledge"]
    assert pledges and all(e.date == PartialDate(2025, 6, 29) for e in pledges)


def test_modal_sentences_are_not_events():
    from graph.pipeline import extract_document
    from tests.conftest import make_document

    facts = extract_document(make_document("Serbia could hold a military drill with China next year."))
    assert facts.events == []


def test_sample_corpus_is_read_from_data():
    assert len(list(CORPUS.glob("*.txt"))) == 3
