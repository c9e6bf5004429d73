"""Investments: who put money (or a loan, or a purchase) into what.

A trigger word (``investment_triggers``) heads the fact; its dependency
neighbourhood gives the roles (``investment_roles``) and the amount, stake,
date and status (``investment_details``); a follow-up sentence
(``follow_ups``) completes the facts of the sentence before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from graph.extract import context
from graph.extract import investment_details as details
from graph.extract import investment_roles as roles
from graph.extract.common import evidence_for, is_headline, starts_with_anaphora
from graph.extract.follow_ups import complete_from_follow_up, include_list
from graph.extract.investment_triggers import triggers
from graph.extract.lexicon import lexicon
from graph.model import ActorKind, Investment, Status
from graph.normalize.dates import parse_period


def extract(doc: Doc) -> Iterator[Investment]:
    """Every investment the doc states, with its evidence sentence(s).

    A sentence's facts are held back until the next sentence is seen, since a
    follow-up ("This €42 million transaction …") may still complete them.
    """
    pending: list[Investment] = []
    for sent in doc.sents:
        if is_headline(sent):
            continue
        if pending and starts_with_anaphora(sent, lexicon().anaphora_heads):
            yield from complete_from_follow_up(pending, sent)
            pending = list(include_list(sent, pending))
            continue
        current = list(_sentence_facts(sent))
        if pending and not current:
            current = list(include_list(sent, pending))
        yield from pending
        pending = current
    yield from pending


def _sentence_facts(sent: Span) -> Iterator[Investment]:
    """One fact per investor and target; of two triggers for one pair, the first that states a sum.

    "will raise its stake in Y after agreeing to buy a further 21% for €330m": the
    stake names the pair, the purchase the sum and share.
    """
    facts: dict[tuple[str, str], Investment] = {}
    for trigger in triggers(sent):
        for fact in _facts_for_trigger(trigger, sent):
            key = (fact.investor.name, fact.target.name)
            if fact.investor.name == fact.target.name:
                continue
            if key not in facts or (facts[key].amount is None and fact.amount is not None):
                facts[key] = fact
    yield from facts.values()


def _facts_for_trigger(trigger: Token, sent: Span) -> Iterator[Investment]:
    if details.hypothetical(trigger):
        return
    investors = roles.investors(trigger)
    targets = roles.targets(trigger) or roles.definite_targets(trigger, investors)
    if not investors or not targets or _joint_builders(trigger, investors):
        return
    amount = details.amount(trigger, sent)
    period = None if _when_clause(trigger) else parse_period(sent.text)
    status = details.status(trigger, amount)
    base = Investment(
        investor=investors[0],
        target=targets[0],
        evidence=evidence_for(sent),
        amount=amount,
        stake=details.stake(trigger),
        date=None
        if period
        else context.date_for(trigger, pledge=status is Status.PLEDGED),
        status=status,
        kind=details.kind(trigger),
        period=period,
    )
    for investor in investors:
        for target in targets:
            yield replace(base, investor=investor, target=target)


def _when_clause(trigger: Token) -> bool:
    """ "has courted investment since 2010, when A2A bought a stake": the sentence's period is the
    main clause's; a "when" clause states one moment."""
    clause = next((t for t in (trigger, *trigger.ancestors) if t.pos_ in {"VERB", "AUX"}), None)
    return clause is not None and any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children)


def _joint_builders(trigger: Token, investors: list) -> bool:
    """ "Russia and Uzbekistan signed an agreement on the construction of X": two states agreeing
    to build name a host and a builder, and the sentence does not say which one pays."""
    return (
        trigger.lemma_.lower() in {"construction", "build"}
        and len(investors) >= 2
        and all(r.kind is ActorKind.COUNTRY for r in investors)
    )
