"""Extractors: a parsed spaCy ``Doc`` in, typed facts out; one module per kind."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from graph.extract import actors, agreements, events, investments
from graph.extract.attribution import attribution
from graph.extract.common import sentence_at
from graph.extract.fact_events import deal_agreements, fact_events, merged
from graph.model import DocumentFacts, Fact, Mention, fact_refs


def extract_facts(doc: Doc) -> DocumentFacts:
    """All facts and actor mentions of one parsed document."""
    document = doc._.document
    found_investments = list(investments.extract(doc))
    found_agreements = list(agreements.extract(doc))
    found_agreements += list(deal_agreements(found_investments, found_agreements))
    derived = list(fact_events(found_investments, found_agreements))
    found = DocumentFacts(
        document=document,
        mentions=list(actors.extract(doc)),
        investments=[attributed(f, doc) for f in found_investments],
        agreements=[attributed(f, doc) for f in found_agreements],
        events=[attributed(f, doc) for f in merged(list(events.extract(doc)), derived)],
    )
    for fact in found.facts:
        # Assets and collective parties are named only by facts: mention them too.
        found.mentions += [Mention(ref, fact.evidence) for ref in fact_refs(fact)]
    return found


def attributed(fact: Fact, doc: Doc) -> Fact:
    """The fact with its evidence attributed to whoever its first sentence says claims it."""
    evidence = fact.evidence
    if evidence.attributed_to is not None:
        return fact
    span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    source = attribution(sentence_at(doc, span.start)) if span is not None and len(span) else None
    return replace(fact, evidence=replace(evidence, attributed_to=source)) if source is not None else fact
