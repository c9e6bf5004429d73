"""Extractors: a parsed spaCy ``Doc`` in, typed facts out; one module per kind."""

from __future__ import annotations

from spacy.tokens import Doc

from graph.extract import actors, agreements, events, investments
from graph.model import DocumentFacts, Mention, fact_refs


def extract_facts(doc: Doc) -> DocumentFacts:
    """All facts and actor mentions of one parsed document."""
    document = doc._.document
    found = DocumentFacts(
        document=document,
        mentions=list(actors.extract(doc)),
        investments=list(investments.extract(doc)),
        agreements=list(agreements.extract(doc)),
        events=list(events.extract(doc)),
    )
    for fact in found.facts:
        # Assets and collective parties are named only by facts: mention them too.
        found.mentions += [Mention(ref, fact.evidence) for ref in fact_refs(fact)]
    return found
