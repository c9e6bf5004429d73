"""Loan programmes: "in talks with the IMF to expand its $3 billion loan programme".

The lender is the party the talks are with and the borrower the clause's
subject; split out of ``context`` to keep that module small.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.context import earlier_country
from graph.extract.lexicon import lexicon
from graph.extract.phrases import phrase_ref
from graph.model import ActorKind, ActorRef

PROGRAMME_WORDS = frozenset(
    {"programme", "program", "package", "facility", "arrangement"}
)


def loan_programme(trigger: Token) -> Token | None:
    """ "its $3 billion loan programme": the programme a loan word names, if any."""
    head = trigger.head
    if (
        trigger.dep_ == "compound"
        and trigger.lemma_.lower() in lexicon().loan
        and head.lemma_.lower() in PROGRAMME_WORDS
    ):
        return head
    return None


def programme_lender(programme: Token) -> ActorRef | None:
    """ "in talks with the IMF to expand its loan programme": the party the talks or deal are with."""
    for ancestor in programme.ancestors:
        for prep in ancestor.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                refs = [phrase_ref(o) for o in prep.children if o.dep_ == "pobj"]
                found = [
                    r for r in refs if r is not None and r.kind is not ActorKind.ASSET
                ]
                if found:
                    return found[0]
    return None


def programme_borrower(programme: Token, *, lender: ActorRef) -> ActorRef | None:
    """ "The government … its loan programme": the clause's subject, "the government" as its country."""
    if not any(
        c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in programme.children
    ):
        return None
    root = programme.sent.root
    subject = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    ref = phrase_ref(subject)
    if ref is None and subject.lemma_.lower() in {
        "government",
        "authorities",
        "country",
    }:
        ref = earlier_country(subject, besides=[lender])
    return ref if ref is not None and ref.name != lender.name else None
