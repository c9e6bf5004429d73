"""A borrower's loan agreements whose lenders the next sentences name.

Signing news often opens "X signed loan agreements worth $1bn on Tuesday to build Y" and only
then tells who lends ("Bank A will lend $400m and Fund B will provide $75m"). The signing
sentence names one side; each lender whose loan or grant the following sentences state is the
other side of one of those agreements (the gold convention: a signed loan document is an
agreement between lender and borrower). A loan dated otherwise ("lent $60m for a port in 2019")
is an earlier one, not signed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from graph.extract.agreement_dates import lede_date, signing_dates, split_dates
from graph.extract.agreement_frames import agreement_kind, agreement_lexicon, signs
from graph.extract.agreement_names import plural
from graph.extract.agreement_parties import resolve
from graph.extract.agreements import asserted
from graph.extract.common import extend_evidence, is_headline, sentences, title_line
from graph.extract.frames import is_debt, verb_slots
from graph.extract.lending import LENDING_FORMS
from graph.extract.roles import children
from graph.extract.tree import prep_objects
from graph.model import ActorKind, ActorRef, Agreement, Factuality, Investment, PartialDate, Status

FOLLOWING_SENTENCES = 5
BORROWERS = frozenset(set(ActorKind) - {ActorKind.ASSET})  # the model may call a company a person here
NOT_SIGNED = frozenset({Status.CANCELLED, Status.REJECTED, Status.BLOCKED, Status.POSTPONED})


def lender_agreements(doc: Doc, investments: Iterable[Investment], agreements: Iterable[Agreement]) -> Iterator[Agreement]:
    """One agreement per lender named after a borrower's lone signing, unless the text already
    states one between the two."""
    investments = list(investments)
    told = [{p.name for p in a.parties} for a in agreements]
    lede = lede_date(doc)
    sents = sentences(doc)
    for number, sent in enumerate(sents):
        if is_headline(sent) or title_line(sent):
            continue
        for verb in (t for t in sent if t.pos_ == "VERB" and signs(t) and _signs_loans(t) and asserted(t)):
            borrowers = resolve(verb_slots(verb).get("subject", []), found=[], number=number)
            if len(borrowers) != 1 or _lends(borrowers[0].name, investments):
                continue
            signed, _, evidence = signing_dates(sent, verb, None, number, lede)
            window = sents[number + 1 : number + 1 + FOLLOWING_SENTENCES]
            for fact, later in _lent_after(window, investments, borrowers[0].name, signed):
                if {borrowers[0].name, fact.investor.name} in told:
                    continue
                told.append({borrowers[0].name, fact.investor.name})
                yield Agreement("loan agreement", (borrowers[0], fact.investor), extend_evidence(evidence, later),
                                date=signed, factuality=Factuality.ASSERTED, status=Status.SIGNED)


def _signs_loans(verb: Token) -> bool:
    """The verb signs plural loan (or grant, financing) agreements and names no counterpart."""
    if prep_objects(verb, {"with"}):
        return False
    words = agreement_lexicon().lending_words
    for noun in verb.subtree:
        if plural(noun) and agreement_kind(noun) is not None and not prep_objects(noun, {"with", "between"}):
            before = noun.doc[max(noun.sent.start, noun.i - 3) : noun.i]  # "loan and grant agreements": the parser may make "grant" a verb
            if any(t.lemma_.lower() in words for t in before):
                return True
    return False


def _lends(name: str, investments: list[Investment]) -> bool:
    """"A group of lenders led by X signed loan agreements": a signer that lends is no borrower."""
    return any(f.investor.name == name and f.kind in LENDING_FORMS for f in investments)


def _lent_after(window: list[Span], investments: list[Investment], borrower: str,
                signed: PartialDate | None) -> Iterator[tuple[Investment, Span]]:
    """The loans and grants the window's sentences state, by lenders other than the borrower,
    not dated to another time and not called off."""
    for later in window:
        for fact in investments:
            if not later.start_char <= fact.evidence.start < later.end_char or fact.kind not in LENDING_FORMS:
                continue
            if fact.investor.name == borrower or fact.status in NOT_SIGNED:
                continue
            if fact.factuality in {Factuality.POSSIBLE, Factuality.DENIED}:
                continue
            if fact.date is not None and (signed is None or fact.date.year != signed.year):
                continue
            yield fact, later


def signed_loan_agreements(doc: Doc, investments: Iterable[Investment], agreements: Iterable[Agreement]) -> Iterator[Agreement]:
    """"The factory is financed by a €45m loan from X, signed in March 2023": a loan the text says was
    signed is an agreement between its lender and its borrower, the loan's target where that is an
    actor, else the one company the document has building or holding the asset it finances."""
    investments = list(investments)
    told = [{p.name for p in a.parties} for a in agreements]
    for fact in investments:
        if fact.kind != "loan" or fact.status in NOT_SIGNED or fact.factuality in {Factuality.POSSIBLE, Factuality.DENIED}:
            continue
        span = doc.char_span(fact.evidence.start, fact.evidence.end, alignment_mode="expand")
        told_in = list(span.sents) if span is not None and len(span) else []  # its sentence, and the one before it may join
        signer = next((s for sent in told_in if (s := _loan_signed(sent, fact.investor)) is not None), None)
        borrower = fact.target if fact.target.kind is not ActorKind.ASSET else _owner(fact.target, investments)
        if signer is None or borrower is None or {borrower.name, fact.investor.name} in told:
            continue
        told.append({borrower.name, fact.investor.name})
        signed, _ = split_dates(signer.sent, signer)
        yield Agreement("loan agreement", (borrower, fact.investor), fact.evidence, date=signed,
                        factuality=Factuality.ASSERTED, status=Status.SIGNED)


def _loan_signed(sent: Span, lender: ActorRef) -> Token | None:
    """"a loan from X, signed in 2024", "the loan from X was signed on Monday": a past signing of the
    lender's debt that names no counterpart (one signed "with" someone is read as its own agreement)."""
    for verb in (t for t in sent if t.lemma_.lower() == "sign" and t.tag_ in {"VBN", "VBD"}):
        if any(c.dep_ == "aux" for c in verb.children) or prep_objects(verb, {"with"}):
            continue  # "would be signed", "signed with the government"
        signed = [verb.head] if verb.dep_ == "acl" else children(verb, {"nsubjpass"})
        signed += [t.head.head for t in signed if t.dep_ == "pobj" and t.head.lower_ == "from"]  # "a loan from X, signed …"
        debt = next((t for t in signed if is_debt(t) or (t.lemma_.lower() == "agreement" and _lending(t))), None)
        if debt is not None and lender.surface in debt.doc[debt.left_edge.i : debt.right_edge.i + 1].text:
            return verb
    return None


def _lending(noun: Token) -> bool:
    return any(c.lemma_.lower() in agreement_lexicon().lending_words for c in noun.lefts if c.dep_ == "compound")


def _owner(asset: ActorRef, investments: list[Investment]) -> ActorRef | None:
    """The one company or body that builds, buys or holds the asset (not a lender of it)."""
    owners = {f.investor.name: f.investor for f in investments if f.target.name == asset.name
              and f.kind not in LENDING_FORMS and f.investor.kind in BORROWERS}
    return next(iter(owners.values())) if len(owners) == 1 else None
