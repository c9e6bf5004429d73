"""Merging repeated statements of one fact.

Within a document, repeated statements of one fact are rewritten to the same
content (each keeps its evidence), so they serialise to one node with several
evidences. Across documents, two reports of one day-dated event that share
participants become one event too (their participants united); equal content
then gives equal IRIs in ``rdf.serialize``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Hashable
from dataclasses import replace
from itertools import combinations
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
Keys = Callable[..., list[Hashable]]  # keys(fact, indexing=...): see _cluster

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
    """A statement without an amount joins the same investor→target's first statement with one, or,
    if the pair has none, with a share ("X agreed to buy 60% of Y … X completed the purchase")."""
    full: dict[tuple[str, str], Investment] = {}
    for fact in sorted(facts, key=lambda f: f.amount is None):  # stable: the first with a sum, else with a share
        if fact.amount is not None or fact.stake is not None:
            full.setdefault((base_key(fact.investor), base_key(fact.target)), fact)
    out = []
    for fact in facts:
        told = full.get((base_key(fact.investor), base_key(fact.target)))
        if fact.amount is None and told is not None and told is not fact and _restates(fact, told):
            fact = replace(told, evidence=fact.evidence)
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
    return _cluster(facts, _same_event, _union_event, _event_keys)


def _cluster(facts: list, same, union, keys: Keys) -> list:
    """Group facts that state the same thing; each keeps its evidence.

    A fact joins the first group, in the order the groups were made, that ``same``
    accepts. It is compared only with the groups that share a blocking key with it
    (``keys(group, indexing=True)`` / ``keys(fact, indexing=False)``; two facts ``same``
    accepts always share one), so the answer is that of comparing every group, without
    a cost quadratic in a long document's facts (issue 9).
    """
    out = list(facts)
    for rep, idxs in zip(*_groups(facts, same, union, keys)):
        for i in idxs:
            out[i] = replace(rep, evidence=facts[i].evidence)
    return out


def _groups(facts: list, same, union, keys: Keys) -> tuple[list, list[list[int]]]:
    """The groups of :func:`_cluster`: each one's united fact and its members' positions, in order."""
    canon: list = []
    members: list[list[int]] = []
    index: dict[Hashable, set[int]] = defaultdict(set)
    for i, fact in enumerate(facts):
        candidates = sorted({c for key in keys(fact, indexing=False) for c in index.get(key, ())})
        c = next((c for c in candidates if same(canon[c], fact)), len(canon))
        if c == len(canon):
            canon.append(fact)
            members.append([])
        else:
            canon[c] = union(canon[c], fact)
        members[c].append(i)
        for key in keys(canon[c], indexing=True):
            index[key].add(c)
    return canon, members


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


def _event_keys(event: Event, *, indexing: bool) -> list[Hashable]:
    """Blocking keys of :func:`_same_event`: its type and factuality, and participants shared."""
    return _participant_keys((event.event_type, _factuality(event)), event, indexing=indexing)


def _day_event_keys(event: Event, *, indexing: bool) -> list[Hashable]:
    """Blocking keys of :func:`_reported_twice`: type, day, factuality and participants shared."""
    return _participant_keys((event.event_type, event.date, _factuality(event)), event, indexing=indexing)


def _participant_keys(bucket: tuple, event: Event, *, indexing: bool) -> list[Hashable]:
    """What :func:`_shared_participants` needs shared: a pair of participants, or one
    where either side has only one (a group is indexed under every key it could need)."""
    parts = sorted({base_key(p) for p in event.participants})
    pairs = [(*bucket, "pair", a, b) for a, b in combinations(parts, 2)]
    if indexing:
        single = [(*bucket, "single", parts[0])] if len(parts) == 1 else []
        return [*((*bucket, "any", a) for a in parts), *pairs, *single]
    if len(parts) == 1:
        return [(*bucket, "any", parts[0])]
    return [*pairs, *((*bucket, "single", a) for a in parts)]


def _factuality(fact: Event | Agreement) -> Factuality:
    return fact.factuality or Factuality.ASSERTED


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
    return _cluster(facts, _same_agreement, _union_agreement, _agreement_keys)


def _agreement_keys(agreement: Agreement, *, indexing: bool) -> list[Hashable]:
    """Blocking keys of :func:`_same_agreement`: factuality, and a party shared (one side's
    parties are the other's or fewer), or none named on either side."""
    bucket = _factuality(agreement)
    parties = sorted({base_key(p) for p in agreement.parties})
    if indexing:
        return [(bucket, "all"), *((bucket, "any", p) for p in parties), *([(bucket, "none")] if not parties else [])]
    if not parties:
        return [(bucket, "all")]
    return [(bucket, "none"), *((bucket, "any", p) for p in parties)]


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
    dated = [(i, j) for i, d in enumerate(docs) for j, e in enumerate(d.events) if on_a_day(e)]
    merged = _cluster([docs[i].events[j] for i, j in dated], _reported_twice, _union_event, _day_event_keys)
    events = [list(d.events) for d in docs]
    for (i, j), event in zip(dated, merged):
        events[i][j] = event
    return [replace(d, events=e) for d, e in zip(docs, events)]


def cluster_day_events(events: list[Event]) -> list[tuple[Event, int]]:
    """What :func:`merge_across` makes of the day-dated events of a corpus, in corpus order: each
    one's united event (its evidence still the first report's) and the position of that first
    report, whose ``concerns`` the union keeps. The store resolves from these (issue 11)."""
    of: dict[int, tuple[Event, int]] = {}
    for united, members in zip(*_groups(events, _reported_twice, _union_event, _day_event_keys)):
        of.update((i, (united, members[0])) for i in members)
    return [of[i] for i in range(len(events))]


def on_a_day(event: Event) -> bool:
    """Only events dated to the day are merged across documents."""
    return event.date is not None and event.date.precision.value == "day"


def _reported_twice(a: Event, b: Event) -> bool:
    same = a.event_type == b.event_type and a.date == b.date and _same_factuality(a, b)
    return same and _shared_participants(a, b)
