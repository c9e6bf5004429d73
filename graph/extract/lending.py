"""Who lends and who borrows when a loan's parties are named together ("X Bank and Y's finance ministry
signed a loan", "X signed a loan agreement with Y", "the lenders are A and B"): read from the names, the
signing and the counterpart, for :func:`graph.extract.investments.facts_of`; and who borrows when it funds
something through a debt ("X is funding the purchase with a loan from Y").
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from graph.extract import sums
from graph.extract.arguments import Argument, argument_at, arguments
from graph.extract.common import hyphened_to
from graph.extract.frames import FrameMatch, frame_lexicon, is_debt, is_trigger_word
from graph.extract.lexicon import lexicon
from graph.extract.roles import active_subject, children, is_passive, support_verb
from graph.extract.tree import prep_objects
from graph.extract.word_lists import word_list
from graph.model import ActorKind

LENDING_FORMS = frozenset({"loan", "grant"})

MEANS = frozenset({"through", "with", "via"})  # "funding it through a bond", "with a loan from Y"


def lenders_and_borrowers(match: FrameMatch, investors: list[Argument], targets: list[Argument],
                          partners: list[Argument]) -> tuple[list[Argument], list[Argument]]:
    """"X signed a loan agreement with Y", "the loan was signed by X and Y": whichever of X and Y is a
    lender lends, the other borrows."""
    if _with_unnamed_lenders(match) and not any(lender(i) for i in investors):
        return [], targets  # "X signed a $1bn loan with five lenders": X borrows, from no one named
    if partners and _with_prefix(match.trigger) in word_list("joint_funding_verbs"):
        return investors + partners, targets  # "X will co-finance Y with Z": Z funds Y too
    if not partners:  # "X Bank and Y's finance ministry signed a loan for Z": the bank lends, the ministry borrows
        lenders = [i for i in investors if lender(i)]
        if _signed_together(match) and not lenders and not match.slots.get("from") and all(_company_borrower(i) for i in investors):
            return [], targets  # "X Steel signed a $200m loan for its mill": X borrows
        if _signed_together(match) and lenders and len(lenders) < len(investors) and not match.slots.get("from"):
            return lenders, targets or [i for i in investors if not lender(i)]
        if match.nominal and match.frame.form == "loan" and investors and all(_borrower(i) for i in investors):
            return [], targets  # "X and Y's finance ministry signed a loan": the ministry borrows
        return investors, targets
    if lender(partners[0]) and not (investors and all(lender(i) for i in investors)):  # "X and Y Capital … with Z Bank"
        return partners, targets or investors
    return investors, targets or partners


def _signed_together(match: FrameMatch) -> bool:
    """"X Bank and Y's finance ministry signed a loan": a loan noun its lender and its borrower sign
    together (not "the loan was provided by A and B", "the lenders are A and B": each one lends)."""
    verb = support_verb(match.trigger) if match.nominal and match.kind == "noun" else None
    return match.frame.form == "loan" and verb is not None and verb.lemma_.lower() in lexicon().sign_verbs


def _company_borrower(argument: Argument) -> bool:
    """A company whose name says no lender ("X Steel"; an acronym may be a lender's, an agency may lend)."""
    return argument.ref.kind is ActorKind.COMPANY and not argument.ref.name.isupper()


def _with_unnamed_lenders(match: FrameMatch) -> bool:
    """A loan signed "with five lenders", "with a group of banks": its counterparts lend."""
    return match.frame.form == "loan" and unnamed_lenders(match.slots.get("with", []))


def unnamed_lenders(heads: Iterable[Token]) -> bool:
    """Some head names lenders by a common noun, not by name ("five lenders", "banks")."""
    words = frame_lexicon().lender_words
    return any(h.pos_ == "NOUN" and h.lemma_.lower() in words for h in heads)


def _with_prefix(verb: Token) -> str:
    """The verb's lemma with a hyphened prefix the tokenizer split off ("co-finance")."""
    return f"{verb.doc[verb.i - 2].lower_}-{verb.lemma_.lower()}" if hyphened_to(verb) else verb.lemma_.lower()


def approving_lenders(match: FrameMatch) -> list[Argument]:
    """"a $150m loan approved by the X Development Bank in 2023": a lender that approves a loan lends it
    (not "a loan approved by parliament")."""
    approving = word_list("approving_verbs")  # the participle's agent, read by ``noun_slots``: "by" → the participle
    agents = [o for o in match.slots.get("participle_agent", []) if o.head.head.lemma_.lower() in approving]
    return [a for a in arguments(agents) if lender(a)]


def lender(argument: Argument) -> bool:
    """A company or organisation whose name says it lends ("X Bank", "Y Development Fund", "Nordbank")."""
    if argument.ref.kind not in {ActorKind.COMPANY, ActorKind.ORGANIZATION}:
        return False  # "the Ministry of Finance" borrows
    words = {w.lower().strip(".,") for w in argument.ref.name.split()}  # "Nordbank", "Rabobank" too
    return bool(words & frame_lexicon().lender_words) or any(w.endswith("bank") for w in words)


def _borrower(argument: Argument) -> bool:
    words = {w.lower() for w in argument.ref.name.split()}
    return argument.ref.kind is ActorKind.GOVERNMENT_BODY and bool(words & frame_lexicon().borrower_words)


def financed_buyer(match: FrameMatch) -> list[Argument]:
    """"X's purchase of Y is financed with a loan from Z": the loan goes to the buyer, as in "X will
    finance half of the price with a loan from Z" (without "from Z", X lends); "X will fund most of
    the project with a loan from Z" goes to the project."""
    verb = _funded_with(match.trigger)
    lent = verb is not None and bool(match.slots.get("from"))  # "financed it with a loan" alone: X lends
    if lent and verb.lemma_.lower() in word_list("funding_verbs") and not is_passive(verb):
        payers = [a for a in arguments(active_subject(verb)) if a.ref.kind is not ActorKind.ASSET]
        if found := sums.funded_asset(verb) or payers[:1]:
            return found
    for deal in match.slots.get("carrier_object", []):
        if deal.pos_ == "NOUN" and deal != match.trigger and is_trigger_word(deal):
            owners = [a for c in deal.children if c.dep_ == "poss" and (a := argument_at(c)) is not None]
            if owners and owners[0].ref.kind is not ActorKind.ASSET:
                return owners[:1]
    return []


def _funded_with(trigger: Token) -> Token | None:
    """The verb a deal noun is the means of ("financed it with a loan"), wherever the parser hung "with
    a loan": on the verb's object ("funding the purchase with a loan") or the loan on that object, as one
    more of its conjuncts ("financing the purchase with cash and a loan"), or on the verb itself."""
    first = trigger
    while first.dep_ == "conj" and first.head.pos_ in {"NOUN", "PROPN"}:
        first = first.head
    if first.dep_ == "pobj" and first.head.lower_ == "with":
        verb = first.head.head
    elif first.dep_ == "dobj" and any(c.lower_ == "with" and first.i < c.i < trigger.i for c in first.children):
        return first.head
    elif first.dep_ == "conj" and first.head.pos_ == "VERB" and any(c.lower_ == "with" and c.i < first.i for c in first.head.children):
        return first.head  # "will pay with cash on hand and a loan from Z": the loan joined to the verb itself
    else:
        return None
    return verb.head if verb.dep_ == "dobj" and verb.pos_ == "NOUN" else verb


def funds_its_own(match: FrameMatch) -> bool:
    """"X is funding its share through a bond sold to Y", "X financed its expansion with loans": X
    borrows for what is its own (who lends is the debt's to say); "X is funding the purchase with cash
    and a loan from Y": X pays for a deal of its own with what Y lends."""
    if match.nominal or match.frame.form != "loan":
        return False
    own = any(c.dep_ == "poss" and c.pos_ == "PRON" for o in match.slots.get("object", []) for c in o.children)
    if own and any(is_debt(m) for m in prep_objects(match.trigger, MEANS)):
        return True
    deals = [o for o in match.slots.get("object", []) if o.pos_ == "NOUN" and is_trigger_word(o)
             and o.lemma_.lower() not in frame_lexicon().share_words]  # "the purchase", not "its share"
    means = [m for h in (match.trigger, *deals) for o in prep_objects(h, MEANS) for m in (o, *o.conjuncts)]  # "with cash and a loan"
    means += [d for m in means if m.ent_type_ == "MONEY" for d in prep_objects(m, {"of"})]  # "with £450m of debt"
    return bool(deals) and not is_passive(match.trigger) and any(is_debt(m) and _lent_by_another(m) for m in means)


def paying_borrowers(match: FrameMatch, investors: list[Argument]) -> list[Argument]:
    """"X will fund part of the price with a loan": a company (not a lender) that pays with a debt
    borrows it, whether read from the funding verb or carried to the loan noun; a bank or a state that
    funds Y with a loan lends it."""
    if match.frame.form != "loan":
        return []
    trigger = match.trigger
    if match.nominal:
        verb = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ in MEANS else None
        debts = [trigger]
    else:
        verb, debts = trigger, [m for o in prep_objects(trigger, MEANS) for m in (o, *o.conjuncts)]
    if verb is None or verb.lemma_.lower() not in word_list("funding_verbs") or is_passive(verb) or not any(map(is_debt, debts)):
        return []
    paid = [w for o in children(verb, {"dobj"}) for w in (o, *prep_objects(o, {"of"}))]  # "part of the price"
    if not any(w.lemma_.lower() in word_list("paid_for_words") for w in paid):
        return []  # "X built the dam and financed it with a loan": X lends
    payers = {a.ref.name for a in arguments(active_subject(verb))}
    return [i for i in investors if i.ref.name in payers and _company_borrower(i) and not lender(i)]


def _lent_by_another(debt: Token) -> bool:
    """"a loan from Y", "debt provided by Y": a debt whose giver the phrase names."""
    givers = [a for c in debt.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"]
    return bool(prep_objects(debt, {"from"}) or givers)
