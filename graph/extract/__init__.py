"""Extractors: a parsed spaCy ``Doc`` in, typed facts out; one module per kind."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc

from graph.extract import actors, agreements, events, investments
from graph.extract.agreement_documents import with_documents
from graph.extract.agreement_lenders import lender_agreements, signed_loan_agreements
from graph.extract.assets import asset_mentions, same_asset
from graph.extract.governments import family, government
from graph.extract.attribution import attribution
from graph.extract.common import evidence_for, sentence_at
from graph.extract.fact_events import deal_agreements, fact_events, intended, merged
from graph.extract.lexicon import lexicon
from graph.model import ActorKind, ActorRef, DocumentFacts, Fact, Investment, Mention, fact_refs
from graph.nlp_fast import lemma_hits


def extract_facts(doc: Doc) -> DocumentFacts:
    """All facts and actor mentions of one parsed document."""
    document = doc._.document
    found_investments = list(investments.extract(doc))
    found_agreements = list(agreements.extract(doc))
    dealt = [f for f in found_investments if not intended(doc, f)]
    found_agreements += list(deal_agreements(dealt, found_agreements, investments.sellers(doc)))
    found_agreements += list(lender_agreements(doc, found_investments, found_agreements))
    found_agreements += list(signed_loan_agreements(doc, found_investments, found_agreements))
    found_agreements = with_documents(doc, dealt, found_agreements, investments.sellers(doc))
    found_events = list(events.extract(doc))
    actor = acting_kinds([*found_investments, *found_agreements, *found_events])
    asset = same_asset(doc)
    found_investments = [replace(f, target=asset(actor(f.target))) for f in found_investments]
    derived = list(fact_events(found_investments, found_agreements))
    found = DocumentFacts(
        document=document,
        mentions=[m if (ref := actor(m.actor)) is m.actor else replace(m, actor=ref) for m in actors.extract(doc)],  # a copy only if changed
        investments=[attributed(f, doc) for f in without_bare_repeats(found_investments)],
        agreements=[attributed(f, doc) for f in found_agreements],
        events=[attributed(f, doc) for f in merged(found_events, derived)],
    )
    for fact in found.facts:
        # Assets and collective parties are named only by facts: mention them too.
        found.mentions += [Mention(ref, fact.evidence) for ref in fact_refs(fact)]
    found.mentions += list(government_mentions(doc))
    found.mentions += list(asset_mentions(doc))
    return found


REPEATED_KINDS = {"loan": "loan", "greenfield": "building", "investment": "building"}  # what a bare fact may repeat
HELD_ASSET_KINDS = frozenset({"existing holding", "greenfield"})


def without_bare_repeats(facts: list[Investment]) -> list[Investment]:
    """Facts with no sum and no share that tell again what a weighed fact says (issue 7, session 31; the
    agreements and events they imply are kept):

    - a loan or a new plant by a lender or builder whose loan or plant the document weighs elsewhere, told
      under another name ("X and Y signed loan agreements with Z" after "X lent $80m for the plant");
    - a plant owned or built by a company whose shares the document gives to others ("the factory will be
      owned by a new company, Y, 60% held by A and 40% by B"): the investment is the shareholders', told one
      level down (such facts were wrong 23 times in 24 on the evaluation sets)."""
    weighed = {(f.investor.name, REPEATED_KINDS.get(f.kind)) for f in facts if _weighed(f)}
    held = {f.target.name for f in facts if f.stake is not None}
    return [f for f in facts if _weighed(f) or not (
        (f.kind in {"loan", "greenfield"} and (f.investor.name, REPEATED_KINDS[f.kind]) in weighed)
        or (f.kind in HELD_ASSET_KINDS and f.target.kind is ActorKind.ASSET and f.investor.name in held))]


def _weighed(fact: Investment) -> bool:
    return fact.amount is not None or fact.stake is not None


def government_mentions(doc: Doc) -> Iterator[Mention]:
    """"the government of Laos", "Japan's industry ministry", "the Kayalar family": a country's body
    or a family is an actor wherever it is named, not only where it acts in a fact (the NER sees
    only the country or the surname)."""
    for token in (doc[i] for i in lemma_hits(doc, _body_nouns())):  # the words either reads, not every token
        ref = (government(token) or family(token)) if token.pos_ in {"NOUN", "PROPN"} else None
        if ref is not None:
            yield Mention(ref, evidence_for(sentence_at(doc, token.i)))


@cache
def _body_nouns() -> frozenset[str]:
    """The lemmas ``government`` and ``family`` read a body in: found in the doc's lemma column
    (``lemma_hits``) rather than by asking each of its tokens (issue 11)."""
    return lexicon().government_words | {"family"}


def acting_kinds(facts: list[Fact]) -> Callable[[ActorRef], ActorRef]:
    """A name that invests, signs or takes part somewhere in the document is an actor wherever
    else it appears: an unknown company the tagger calls a place is no asset, and resolution must
    not vote it one (a party that is an asset breaks the graph's shapes)."""
    votes: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    for fact in facts:
        for ref in _acting(fact):
            votes[ref.name][ref.kind] += 1
    kinds = {name: min(c, key=lambda k: (-c[k], k.value)) for name, c in votes.items()}

    def actor(ref: ActorRef) -> ActorRef:
        return replace(ref, kind=kinds[ref.name]) if ref.kind is ActorKind.ASSET and ref.name in kinds else ref

    return actor


def _acting(fact: Fact) -> list[ActorRef]:
    roles = [fact.investor] if isinstance(fact, Investment) else list(getattr(fact, "parties", None) or fact.participants)
    return [r for r in roles if r.kind is not ActorKind.ASSET]


def attributed(fact: Fact, doc: Doc) -> Fact:
    """The fact with its evidence attributed to whoever its first sentence says claims it."""
    evidence = fact.evidence
    if evidence.attributed_to is not None:
        return fact
    span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    source = attribution(sentence_at(doc, span.start)) if span is not None and len(span) else None
    return replace(fact, evidence=replace(evidence, attributed_to=source)) if source is not None else fact
