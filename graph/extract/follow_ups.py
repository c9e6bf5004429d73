"""Cross-sentence completion of investment facts: a sentence that refers back ("This
transaction …", "… each", "These investments include …") completes or extends the facts of the
sentence before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from spacy.tokens import Span, Token

from graph.extract import context
from graph.extract.arguments import argument_at
from graph.extract.clauses import priced_per_unit
from graph.extract.common import evidence_for, extend_evidence, first_date, has_cue, lemma_text, sums_in
from graph.extract.lexicon import lexicon
from graph.extract.frames import is_trigger_word
from graph.extract.partitives import through_partitive
from graph.extract.phrases import phrase_ref
from graph.extract.word_lists import word_list
from graph.model import ActorKind, ActorRef, Investment, Status
from graph.normalize.money import MoneyMatch


def _values_a_company(sent: Span) -> bool:
    """"The deal values Y at 9 billion zlotys": what Y is worth, not what the deal pays."""
    return any(t.lemma_ == "value" and t.pos_ == "VERB" and any(c.dep_ == "dobj" and not is_trigger_word(c) for c in t.children)
               for t in sent)


def complete_from_follow_up(previous: list[Investment], sent: Span) -> Iterator[Investment]:
    """A sentence that refers back gives the facts before it the sum they lack (to each with "each",
    else to a lone fact), the share it states of their target and a cancellation; a further sum after
    a pledge cue is a pledge of its own ("This €42 million transaction, … up to €300 million")."""
    monies = [] if _values_a_company(sent) else _sums_in(sent)
    each = has_cue(lemma_text(sent), {"each", "apiece", "respectively"})
    cancelled = has_cue(lemma_text(sent), lexicon().cancelled)
    updated = []
    for fact in previous:
        amount = fact.amount
        if amount is None and monies and (each or len(previous) == 1):
            amount = monies[0][2]
        stake = fact.stake if fact.stake is not None else _share_in(sent, fact.target)
        status = Status.CANCELLED if cancelled else fact.status
        evidence = extend_evidence(fact.evidence, sent)
        updated.append(replace(fact, amount=amount, stake=stake, status=status, evidence=evidence))
    yield from updated
    for start, _end, money in monies[1:]:
        before = lemma_text(sent.doc.char_span(sent.start_char, sent.start_char + start, alignment_mode="expand") or sent)
        if has_cue(before, lexicon().pledge) and len(previous) == 1:
            yield replace(updated[0], amount=money, status=Status.PLEDGED, evidence=evidence_for(sent))


def _sums_in(sent: Span) -> list[MoneyMatch]:
    """The sentence's sums but prices per unit ("a tariff of ₹3.18 per kWh"); "€1 billion each" is one
    sum for each fact before."""
    return [match for match in sums_in(sent) if not priced_per_unit(sent.text, match)]


def _share_in(sent: Span, target: ActorRef) -> Decimal | None:
    """The share a partitive of ``sent`` states of ``target`` ("all of Y", "60 per cent of Y")."""
    for token in sent:
        inner, share = through_partitive(token)
        if share is not None and inner is not None and inner != token:
            ref = argument_at(inner)
            if ref is not None and ref.ref.name == target.name:
                return share
    return None


def include_list(sent: Span, previous: list[Investment]) -> Iterator[Investment]:
    """The assets an "include" verb lists are investments of the country that invested in the
    sentence before ("These investments include projects such as the X railway …")."""
    investor = next((f.investor for f in previous if f.investor.kind is ActorKind.COUNTRY), None)
    if investor is None:
        return
    for token in sent:
        if token.lemma_.lower() in word_list("include_verbs") and token.pos_ == "VERB":
            for child in (c for c in token.children if c.dep_ == "dobj"):
                for ref in _listed(child):
                    yield Investment(investor, ref, evidence_for(sent), date=first_date(sent) or context.paragraph_date(sent))


def _listed(head: Token) -> list[ActorRef]:
    """The distinct named assets of an object's phrase and its conjuncts, in text order."""
    refs = []
    for token in head.subtree:
        if token.dep_ in {"pobj", "conj"}:
            ref = phrase_ref(token)
            if ref is not None and ref.kind is ActorKind.ASSET and ref not in refs:
                refs.append(ref)
    return refs
