"""issue 9: merging compares a fact only with the groups sharing a blocking key with it
(a long document's facts no longer cost time quadratic in their number), and gives
exactly what comparing it with every group gave.

The reference below is the every-group loop merging used before; random facts over a
few invented countries, types, dates and factualities are merged both ways.
"""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from graph.merge import (_reported_twice, _same_agreement, _same_event, _union_agreement, _union_event,
                         merge_across, merge_document)
from graph.model import ActorKind, ActorRef, Agreement, DocumentFacts, Event, Evidence, Factuality, PartialDate
from tests.conftest import make_document

NAMES = ["Kestria", "Dravonia", "Valdoria", "Ostmark", "Serravia", "Tallinor"]
TYPES = ["meeting", "visit", "sanction"]
DATES = [None, PartialDate(2024), PartialDate(2024, 5), PartialDate(2024, 5, 3), PartialDate(2024, 5, 4),
         PartialDate(2023, 1, 9)]
FACTUALITIES = [None, Factuality.ASSERTED, Factuality.PLANNED, Factuality.DENIED]
AGREEMENT_NAMES = ["trade agreement", "free trade agreement", "memorandum", "loan agreement"]


def _actors(rng: random.Random) -> tuple[ActorRef, ...]:
    names = rng.sample(NAMES, rng.choice([0, 1, 1, 2, 2, 3, 4]))
    return tuple(ActorRef(n, ActorKind.COUNTRY, n) for n in names)


def _events(rng: random.Random, doc_id: str, count: int) -> list[Event]:
    return [Event(rng.choice(TYPES), _actors(rng), Evidence(doc_id, f"s{i}", i, i + 1), date=rng.choice(DATES),
                  factuality=rng.choice(FACTUALITIES)) for i in range(count)]


def _agreements(rng: random.Random, doc_id: str, count: int) -> list[Agreement]:
    return [Agreement(rng.choice(AGREEMENT_NAMES), _actors(rng), Evidence(doc_id, f"a{i}", i, i + 1),
                      date=rng.choice(DATES), factuality=rng.choice(FACTUALITIES)) for i in range(count)]


def every_group(facts: list, same, union) -> list:
    """The reference: each fact against every group, in order."""
    canon: list = []
    members: list[list[int]] = []
    for i, fact in enumerate(facts):
        for c, rep in enumerate(canon):
            if same(rep, fact):
                canon[c] = union(rep, fact)
                members[c].append(i)
                break
        else:
            canon.append(fact)
            members.append([i])
    out = list(facts)
    for rep, idxs in zip(canon, members):
        for i in idxs:
            out[i] = replace(rep, evidence=facts[i].evidence)
    return out


@pytest.mark.parametrize("seed", range(12), ids=lambda s: f"seed-{s}")
def test_within_a_document_the_blocked_merge_equals_every_group(seed: int) -> None:
    rng = random.Random(seed)
    events, agreements = _events(rng, "d", 120), _agreements(rng, "d", 60)
    merged = merge_document(DocumentFacts(make_document("d", doc_id="d"), events=events, agreements=agreements))
    assert merged.events == every_group(events, _same_event, _union_event)
    assert merged.agreements == every_group(agreements, _same_agreement, _union_agreement)
    contents = [{(e.event_type, e.participants, e.date) for e in x} for x in (events, merged.events)]
    assert len(contents[1]) < len(contents[0])  # the random facts do merge: the test has teeth


@pytest.mark.parametrize("seed", range(6), ids=lambda s: f"seed-{s}")
def test_across_documents_the_blocked_merge_equals_every_group(seed: int) -> None:
    rng = random.Random(100 + seed)
    docs = [DocumentFacts(make_document(f"d{k}", doc_id=f"d{k}"), events=_events(rng, f"d{k}", 30)) for k in range(5)]
    merged = merge_across(docs)
    dated = [e for d in docs for e in d.events if e.date is not None and e.date.day is not None]
    expected = iter(every_group(dated, _reported_twice, _union_event))
    for before, after in zip(docs, merged):
        for event, got in zip(before.events, after.events):
            assert got == (next(expected) if event in dated else event)
