"""Merging repeated statements of one fact, within and across documents."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.merge import merge_across, merge_document
from graph.model import ActorKind, ActorRef, DocumentFacts, Event, Evidence, Investment, Money, PartialDate, Status
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


def _investment(doc_id: str, start: int, **fields) -> Investment:
    company = ActorRef("Korvane Telecom", ActorKind.COMPANY, "Korvane Telecom")
    towers = ActorRef("Lautaka Towers", ActorKind.COMPANY, "Lautaka Towers")
    return Investment(company, towers, Evidence(doc_id, f"sentence {start}", start, start + 1), kind="acquisition", **fields)


@pytest.mark.parametrize(("told", "joins"), [
    pytest.param({"stake": Decimal("0.6"), "status": Status.ANNOUNCED}, True, id="a-share-with-a-status"),
    pytest.param({"amount": Money(Decimal("70000000"), "USD"), "status": Status.COMPLETED}, True, id="a-sum-with-a-status"),
    pytest.param({"stake": Decimal("0.6"), "date": PartialDate(2019)}, False, id="another-year"),
])
def test_issue_7_a_bare_retelling_joins_the_sized_statement_of_its_pair(told, joins):
    """Session 16: "X agreed to buy 60% of Y … X completed the purchase of Y" is one deal: the
    bare statement joined only a statement with a sum and no status, so a share or a status left
    it a second, sizeless fact of the pair (wrong by the gold's rules wherever the deal has a size)."""
    sized = _investment("d", 0, **told)
    bare = _investment("d", 5, date=PartialDate(2024) if "date" in told else None)
    doc = merge_document(DocumentFacts(document=make_document("d", doc_id="d"), investments=[sized, bare]))
    retold = doc.investments[1]
    assert ((retold.stake, retold.amount) == (sized.stake, sized.amount)) is joins
    assert retold.evidence == bare.evidence


def test_a_share_told_again_joins_the_statement_with_its_sum():
    """"X bought 60% of Y for $70m … X's 60% stake": the share alone restates the deal with the sum."""
    sized = _investment("d", 0, stake=Decimal("0.6"), amount=Money(Decimal("70000000"), "USD"))
    again = _investment("d", 5, stake=Decimal("0.6"))
    other = _investment("d", 9, stake=Decimal("0.2"))
    doc = merge_document(DocumentFacts(document=make_document("d", doc_id="d"), investments=[sized, again, other]))
    assert doc.investments[1].amount == sized.amount and doc.investments[1].evidence == again.evidence
    assert doc.investments[2].amount is None
