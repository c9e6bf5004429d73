"""Merging repeated statements of one fact, within and across documents."""

from __future__ import annotations

import pytest

from graph.merge import merge_across
from graph.model import ActorKind, ActorRef, DocumentFacts, Event, Evidence, PartialDate
from tests.conftest import make_document

DAY = PartialDate(2024, 10, 21)


def country(name: str) -> ActorRef:
    return ActorRef(name, ActorKind.COUNTRY, name)


def doc_with(doc_id: str, *events: tuple[str, list[str]]) -> DocumentFacts:
    made = [
        Event(kind, tuple(country(p) for p in participants), Evidence(doc_id, doc_id, 0, 1), date=DAY)
        for kind, participants in events
    ]
    return DocumentFacts(document=make_document(doc_id, doc_id=doc_id), events=made)


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        pytest.param(["China", "Serbia", "Hungary"], ["China", "Serbia"], True, id="two-shared-participants"),
        pytest.param(["European Union", "Iran"], ["United Kingdom", "Iran"], False, id="one-shared-of-two"),
        pytest.param(["Iran"], ["European Union", "Iran"], True, id="the-only-participant-shared"),
    ],
)
def test_day_dated_events_reported_by_two_articles(first, second, merged):
    a, b = merge_across([doc_with("a", ("sanction", first)), doc_with("b", ("sanction", second))])
    assert (a.events[0].participants == b.events[0].participants) is merged
    assert a.events[0].evidence.doc_id == "a" and b.events[0].evidence.doc_id == "b"


def test_events_of_different_types_or_days_stay_apart():
    other_day = doc_with("b", ("sanction", ["China", "Serbia"]))
    other_day.events[0] = Event("sanction", other_day.events[0].participants, other_day.events[0].evidence, date=PartialDate(2024, 10, 22))
    a, b = merge_across([doc_with("a", ("sanction", ["China", "Serbia", "Iran"])), other_day])
    assert a.events[0].participants != b.events[0].participants
    c, d = merge_across([doc_with("c", ("sanction", ["China", "Serbia"])), doc_with("d", ("meeting", ["China", "Serbia", "Iran"]))])
    assert c.events[0].participants != d.events[0].participants
