"""The documents of deals: "The share purchase agreement was signed on Tuesday evening in São Paulo",
"The loan agreement was signed in Mumbai on October 6." name no parties; the deal of its kind the text
tells does. Such a mention is the agreement between that deal's buyer and seller (or company), or its
lender and borrower, dated by its own signing (issue 7, session 20). Which kinds record which deals is
data: a kind's ``records`` in ``data/frames.json``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from spacy.tokens import Doc

from graph.extract.agreement_frames import Kind, agreement_lexicon
from graph.extract.agreements import signed_with_unnamed_lenders, unattached
from graph.extract.arguments import Argument
from graph.extract.common import extend_evidence, unique
from graph.extract.lending import LENDING_FORMS, lender
from graph.extract.fact_events import previous_owner
from graph.model import ActorKind, ActorRef, Agreement, Evidence, Factuality, Investment, Status

LENDERS_REACH = 600  # characters after the signing where the lenders are named

PARTY_KINDS = frozenset({ActorKind.COMPANY, ActorKind.ORGANIZATION, ActorKind.GOVERNMENT_BODY, ActorKind.COUNTRY})


def with_documents(doc: Doc, investments: Iterable[Investment], agreements: Iterable[Agreement],
                   sellers: dict[tuple[str, str], ActorRef]) -> list[Agreement]:
    """``agreements``, each document mention with no parties given to the deal it records: dating
    the agreement of that deal already found, or as one of its own."""
    agreements, investments = list(agreements), list(investments)
    for mention in unattached(doc):
        kind = kind_named(mention.name)
        if any(mention is signed for signed in signed_with_unnamed_lenders(doc)):
            agreements += _lent_by_those_named_after(mention, investments)  # "signed a loan with five lenders"
            continue
        deal = _recorded_deal(kind, investments, sellers) if kind is not None else None
        if deal is None:
            continue
        own = [p for p in mention.parties if p.name != deal.investor.name]  # "signed the agreement with Z's chairwoman"
        seller = sellers.get((deal.investor.name, deal.target.name)) or previous_owner(deal, investments) or deal.target
        sides = (deal.investor, own[0] if own else seller)
        told = _told(agreements, sides, kind)
        if told is None:
            agreements.append(Agreement(kind.name, sides, mention.evidence, date=mention.date,
                                        factuality=Factuality.ASSERTED, status=Status.SIGNED))
        elif mention.date is not None:
            agreements[told] = replace(agreements[told], date=mention.date, evidence=_stretched(doc, agreements[told], mention))
    return _documents_of_agreed_deals(doc, agreements)


def _lent_by_those_named_after(mention: Agreement, investments: list[Investment]) -> list[Agreement]:
    """"X signed a $1.4bn loan with five lenders. The lenders are A, B …": the borrower and the lenders
    of the loans told from the signing on, within a few sentences."""
    borrower = mention.parties[0]
    reach = range(mention.evidence.start, mention.evidence.end + LENDERS_REACH)
    lenders = unique([f.investor for f in investments if f.kind in LENDING_FORMS and f.evidence.start in reach
                      and f.investor.name != borrower.name and lender(Argument(f.investor))])
    sides = (borrower, *lenders)
    return [replace(mention, parties=sides, factuality=Factuality.ASSERTED, status=Status.SIGNED)] if lenders else []


def _documents_of_agreed_deals(doc: Doc, agreements: list[Agreement]) -> list[Agreement]:
    """"X agreed to sell its stake in Y to Z … X and Z signed a share purchase agreement on 13 March":
    the deal agreed and the dated document that records it between the same parties are one
    agreement, signed when the document says (not when the news of the deal was reported)."""
    documents = [a for a in agreements if a.date is not None and (k := kind_named(a.name)) is not None and k.records]
    merged: dict[int, Agreement | None] = {}
    for i, agreed in enumerate(agreements):
        if not agreed.name.startswith(("agreement to ", "deal")) or agreed in documents:
            continue
        sides = {p.name for p in agreed.parties}
        document = next((d for d in documents if {p.name for p in d.parties} == sides), None)
        if document is not None:
            merged[i] = replace(agreed, name=document.name, date=document.date, effective=document.effective,
                                status=document.status, evidence=_stretched(doc, agreed, document))
            merged[agreements.index(document)] = None
            documents.remove(document)
    return [merged.get(i, a) for i, a in enumerate(agreements) if merged.get(i, a) is not None]


def _told(agreements: list[Agreement], sides: tuple[ActorRef, ActorRef], kind: Kind) -> int | None:
    """The agreement found already between the two sides, else one of a kind recording the same deals
    that names the deal's investor ("a loan agreement between the government and X")."""
    names = {s.name for s in sides}
    both = [i for i, a in enumerate(agreements) if names <= {p.name for p in a.parties}]
    alike = [i for i, a in enumerate(agreements) if sides[0].name in {p.name for p in a.parties}
             and (other := kind_named(a.name)) is not None and other.records & kind.records]
    return (both or alike or [None])[0]


def kind_named(name: str) -> Kind | None:
    """The kind the name lists, or a weak kind whose noun ends it ("buyer credit facility" is a credit
    facility); a "land purchase agreement" is no share purchase agreement."""
    words, kinds = name.lower().split(), agreement_lexicon().kind_of
    tails = (kinds[tail] for i in range(len(words)) if (tail := " ".join(words[i:])) in kinds)
    return kinds.get(name.lower()) or next((k for k in tails if k.weak), None)


def _recorded_deal(kind: Kind, investments: list[Investment], sellers: dict[tuple[str, str], ActorRef]) -> Investment | None:
    """The first deal the text tells of the forms the document records, between two actors: the
    investor and a seller the text names, or the company itself (not a loan for a plant: its
    borrower is not named by the fact)."""
    deals = [f for f in investments if f.kind in kind.records and f.investor.kind in PARTY_KINDS
             and (f.target.kind in PARTY_KINDS or (f.investor.name, f.target.name) in sellers)
             and f.factuality in {None, Factuality.PLANNED}]
    return min(deals, key=lambda f: f.evidence.start, default=None)


def _stretched(doc: Doc, agreement: Agreement, mention: Agreement) -> Evidence:
    """The agreement's evidence stretched to the sentence that tells its signing, when that comes later."""
    span = doc.char_span(mention.evidence.start, mention.evidence.end, alignment_mode="expand")
    later = span is not None and mention.evidence.start > agreement.evidence.end
    return extend_evidence(agreement.evidence, span) if later else agreement.evidence
