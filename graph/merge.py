"""Merging repeated statements of one fact.

Within a document, repeated statements of one fact are rewritten to the same
content (each keeps its evidence), so they serialise to one node with several
evidences. Across documents, two reports of one day-dated event that share
participants become one event too (their participants united); equal content
then gives equal IRIs in ``rdf.serialize``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TypeVar

from graph.keys import base_key, fold
from graph.model import (
    ActorKind,
    Agreement,
    DocumentFacts,
    Event,
    Factuality,
    Investment,
)

F = TypeVar("F", Investment, Agreement, Event)

def merge_document(doc: DocumentFacts) -> DocumentFacts:
    """Repeated statements of one fact in a document get the same content."""
    return replace(
        doc,
        investments=_merge_investments(_locate_assets(doc)),
        agreements=_merge_agreements(doc.agreements),
        events=_merge_events(doc.events),
    )


def _locate_assets(doc: DocumentFacts) -> list[Investment]:
    """An asset invested in without a known country ("the Smederevo Steel Mill")
    lies in the country the article is about: its most-mentioned country other
    than the investor's, if named at least twice. Without it, "investments into
    Serbia" would miss every plant whose town the gazetteer does not know."""
    counts = Counter(m.actor.name for m in doc.mentions if m.actor.kind is ActorKind.COUNTRY)
    out = []
    for fact in doc.investments:
        target = fact.target
        if target.kind is ActorKind.ASSET and target.country is None:
            others = [(n, c) for c, n in counts.most_common() if c != fact.investor.country and n >= 2]
            if others:
                fact = replace(fact, target=replace(target, country=others[0][1]))
        out.append(fact)
    return out


def _merge_investments(facts: list[Investment]) -> list[Investment]:
    """A statement without an amount joins the same investor→target with one."""
    full: dict[tuple[str, str], Investment] = {}
    for fact in facts:
        pair = (base_key(fact.investor), base_key(fact.target))
        if fact.amount is not None and fact.status is None:
            full.setdefault(pair, fact)
    out = []
    for fact in facts:
        pair = (base_key(fact.investor), base_key(fact.target))
        if fact.amount is None and pair in full and _restates(fact, full[pair]):
            fact = replace(full[pair], evidence=fact.evidence)
        out.append(fact)
    return out


def _restates(short: Investment, full: Investment) -> bool:
    """An amountless statement repeats a deal only if its stake and date do not differ
    ("later raised its stake to 56%" is a new fact, not the 51% purchase again)."""
    stake_ok = short.stake is None or short.stake == full.stake
    return stake_ok and _dates_compatible(short.date, full.date) and _same_factuality(short, full)


def _same_factuality(a: F, b: F) -> bool:
    """ "X did not buy Y" or "X may buy Y" never restates "X bought Y" (issue 8)."""
    return (a.factuality or Factuality.ASSERTED) is (b.factuality or Factuality.ASSERTED)


def _merge_events(facts: list[Event]) -> list[Event]:
    return _cluster(facts, _same_event, _union_event)


def _cluster(facts: list, same, union) -> list:
    """Group facts that state the same thing; each keeps its evidence."""
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


def _same_event(a: Event, b: Event) -> bool:
    if a.event_type != b.event_type or not _dates_compatible(a.date, b.date):
        return False
    if not _same_factuality(a, b):
        return False
    return _shared_participants(a, b)


def _shared_participants(a: Event, b: Event) -> bool:
    """Two participants in common, or the only one of either: one participant in
    common (Iran) does not make the EU's and Britain's sanctions one event."""
    keys_a, keys_b = ({base_key(p) for p in e.participants} for e in (a, b))
    shared = len(keys_a & keys_b)
    return shared >= 2 or (shared == 1 and min(len(keys_a), len(keys_b)) == 1)


def _union_event(a: Event, b: Event) -> Event:
    participants = {base_key(p): p for p in (*a.participants, *b.participants)}
    dates = [d for d in (a.date, b.date) if d is not None]
    date = min(dates, key=lambda d: d.vagueness) if dates else None
    return replace(a, participants=tuple(participants[k] for k in sorted(participants)), date=date, place=a.place or b.place)


def _dates_compatible(a, b) -> bool:
    if a is None or b is None:
        return True
    return a.iso().startswith(b.iso()) or b.iso().startswith(a.iso())


def _merge_agreements(facts: list[Agreement]) -> list[Agreement]:
    return _cluster(facts, _same_agreement, _union_agreement)


def _same_agreement(a: Agreement, b: Agreement) -> bool:
    parties_a, parties_b = ({base_key(p) for p in x.parties} for x in (a, b))
    if not (parties_a <= parties_b or parties_b <= parties_a) or not _same_factuality(a, b):
        return False
    names = {fold(a.name), fold(b.name)}
    if len(names) > 1 and not _name_contains(names):
        return False
    return _dates_compatible(a.date, b.date) and _dates_compatible(a.effective, b.effective)


def _name_contains(names: set[str]) -> bool:
    a, b = sorted(names, key=len)
    return a in b


def _union_agreement(a: Agreement, b: Agreement) -> Agreement:
    parties = {base_key(p): p for p in (*a.parties, *b.parties)}
    name = max((a.name, b.name), key=lambda n: (len(n.split()), n))
    return replace(
        a,
        name=name,
        parties=tuple(parties[k] for k in sorted(parties)),
        date=a.date or b.date,
        effective=a.effective or b.effective,
    )


def merge_across(docs: list[DocumentFacts]) -> list[DocumentFacts]:
    """Two articles reporting one day-dated event that share two participants
    (or their only one) report the same event: both get the united content.

    Sanctions by the EU and by Britain on the same day on Iran share one
    participant and stay two events; the pledge of 29 June 2025 reported by two
    articles naming China, Serbia, Stellantis and Vučić becomes one.
    """
    dated = [(i, j, e) for i, d in enumerate(docs) for j, e in enumerate(d.events) if _on_a_day(e)]
    canon: list[Event] = []
    members: list[list[tuple[int, int]]] = []
    for i, j, event in dated:
        for c, rep in enumerate(canon):
            if _reported_twice(rep, event):
                canon[c] = _union_event(rep, event)
                members[c].append((i, j))
                break
        else:
            canon.append(event)
            members.append([(i, j)])
    events = [list(d.events) for d in docs]
    for rep, places in zip(canon, members):
        for i, j in places:
            events[i][j] = replace(rep, evidence=events[i][j].evidence)
    return [replace(d, events=e) for d, e in zip(docs, events)]


def _on_a_day(event: Event) -> bool:
    return event.date is not None and event.date.precision.value == "day"


def _reported_twice(a: Event, b: Event) -> bool:
    same = a.event_type == b.event_type and a.date == b.date and _same_factuality(a, b)
    return same and _shared_participants(a, b)
