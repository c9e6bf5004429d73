"""Events derived from the facts themselves: a dated or staged investment or agreement is also
the event of that step (issue 8), with the fact's actors, date and place, linked to it by
``ikg:concerns``. A fact neither dated nor staged tells no step; nor does one without a status dated
only to a year ("X, which lent $60m in 2019, said …" is background, not a step the article reports). An event the sentence's own
trigger already gives is the same step: the derived one, which knows its fact, replaces it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from graph.extract.frames import frame_lexicon
from graph.extract.word_lists import word_list
from graph.model import ActorKind, ActorRef, Agreement, Event, Factuality, Investment, Status

STATUS_EVENTS = {
    Status.ANNOUNCED: "announcement",
    Status.PLEDGED: "announcement",
    Status.APPROVED: "approval",
    Status.SIGNED: "signing",
    Status.UNDER_CONSTRUCTION: "groundbreaking",
    Status.COMPLETED: "completion",
    Status.OPENED: "plant launch",
    Status.POSTPONED: "postponement",
    Status.CANCELLED: "cancellation",
    Status.REJECTED: "rejection",
    Status.BLOCKED: "blocking",
}
# steps that a fact dated only to a year tells as history ("X bought Y in 2016"); a cancellation, a delay or a
# ban dated so is still news
BACKGROUND_STEPS = frozenset({Status.COMPLETED, Status.SIGNED, Status.ANNOUNCED, Status.PLEDGED})
# the step a dated fact without a status tells, by its form: "X bought Y in 2016" is its completion
DONE_FORMS = frozenset({"acquisition", "share purchase", "existing holding"})
SIGNED_FORMS = frozenset({"loan"})


def fact_events(investments: Iterable[Investment], agreements: Iterable[Agreement]) -> Iterator[Event]:
    """The events the facts' statuses and dates tell, each linked to its fact."""
    yield from (event for event in map(investment_event, investments) if event is not None)
    for agreement in agreements:
        yield from agreement_events(agreement)


def investment_event(fact: Investment) -> Event | None:
    """The step the investment's status (or, dated, its form) names; None when neither is stated."""
    kind = _step(fact)
    if kind is None:
        return None
    participants = [fact.investor] + ([fact.target] if fact.target.kind is not ActorKind.ASSET else [])
    return Event(kind, tuple(participants), fact.evidence, date=fact.date, place=fact.place,
                 factuality=fact.factuality, concerns=fact)


def _step(fact: Investment) -> str | None:
    if fact.kind == "existing holding" and fact.date is None:
        return None  # "X holds 51% of Y" tells a state, not a step of the deal ("bought in 2016" is one)
    if fact.status in BACKGROUND_STEPS and fact.date is not None and fact.date.month is None:
        return None  # "X bought Y in 2016", "signed in 2019": the deal's history, not a step the article reports
    if fact.status is not None:
        return STATUS_EVENTS[fact.status]
    if fact.date is None or fact.date.month is None:
        return None  # "X lent $60m in 2019": background, not a step the article reports
    if fact.factuality in (Factuality.PLANNED, Factuality.POSSIBLE):
        return "announcement"
    if fact.kind in DONE_FORMS:
        return "completion"
    return "signing" if fact.kind in SIGNED_FORMS else "announcement"


def agreement_events(fact: Agreement) -> Iterator[Event]:
    """A dated agreement's signing, and its entry into force where the text dates that."""
    for kind, date in (("signing", fact.date), ("entry into force", fact.effective)):
        if date is not None:
            yield Event(kind, fact.parties, fact.evidence, date=date, factuality=fact.factuality, concerns=fact)


def merged(told: list[Event], derived: list[Event]) -> list[Event]:
    """The derived events, then each told event that no derived one of its sentence and kind repeats."""
    steps = {(e.evidence.start, e.event_type) for e in derived}
    return derived + [e for e in told if (e.evidence.start, e.event_type) not in steps]


# an announced purchase of a company is a deal; a stake is one only once agreed or approved
# ("plans to raise its stake" is no agreement)
DEAL_STATUSES = {
    "acquisition": frozenset({Status.ANNOUNCED, Status.SIGNED, Status.APPROVED}),
    "share purchase": frozenset({Status.SIGNED, Status.APPROVED}),
}


def deal_agreements(investments: Iterable[Investment], agreements: Iterable[Agreement],
                    sellers: dict[tuple[str, str], ActorRef]) -> Iterator[Agreement]:
    """"X is to buy 20% of Y", "X agreed to take over Y": a purchase of a company that the text
    reports as agreed (not yet completed) is an agreement between buyer and seller where the text
    names one (in the deal's sentence, or as the company's one owner elsewhere), else between buyer
    and company, unless an agreement of the text already names both."""
    agreements, investments = list(agreements), list(investments)
    named = [{p.name for p in a.parties} for a in agreements]
    seen: set[tuple[str, str]] = set()
    for fact in investments:
        if fact.status not in DEAL_STATUSES.get(fact.kind, ()) or fact.factuality not in {None, Factuality.PLANNED}:
            continue
        if fact.target.kind not in {ActorKind.COMPANY, ActorKind.ORGANIZATION}:
            continue
        other = sellers.get((fact.investor.name, fact.target.name)) or previous_owner(fact, investments) or fact.target
        pair = (fact.investor.name, other.name)
        if pair in seen or any(set(pair) <= parties for parties in named) or _told(fact, agreements):
            continue
        seen.add(pair)
        yield Agreement("deal", (fact.investor, other), fact.evidence, date=fact.date, status=fact.status)


def previous_owner(deal: Investment, investments: Iterable[Investment]) -> ActorRef | None:
    """"X agreed to buy 60% of Y … Y is owned by Z": the one holder the text gives of the company
    bought, other than the buyer, with at least the share sold, is the seller the deal is agreed
    with ("Z holds the remaining 40%" is none)."""
    owners = {f.investor.name: f.investor for f in investments
              if f.kind == "existing holding" and f.target.name == deal.target.name and f.investor.name != deal.investor.name
              and (f.stake is None or deal.stake is None or f.stake >= deal.stake)}
    return next(iter(owners.values())) if len(owners) == 1 else None


def intended(doc: Doc, fact: Investment) -> bool:
    """"X plans to buy 30% of Y", "aims to buy back", "intends to acquire": a purchase a verb of
    intention governs is a plan, not yet a deal anyone agreed to."""
    span = doc.char_span(fact.evidence.start, fact.evidence.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    buying = frozenset().union(*(f.verbs for f in frame_lexicon().frames if f.form in DEAL_STATUSES))
    wanting = word_list("intention_verbs")
    return any(t.lemma_.lower() in wanting and any(c.dep_ == "xcomp" and c.lemma_.lower() in buying for c in t.children)
               for t in doc[span.start].sent)


def _told(fact: Investment, agreements: Iterable[Agreement]) -> bool:
    """"X agreed to sell 35% of Y to A and B … A will acquire 25% under the agreement", "a group agreed
    to buy 85% of Y … C takes 15%": a buyer's share of Y is a term of the agreement the text states
    to sell or buy Y (its name says so), whoever that agreement names as its parties."""
    return any(fact.target.name in a.name for a in agreements)
