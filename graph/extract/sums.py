"""Sums: the amount a fact states, where the clause puts it (issue 7).

The clause's sum, unless a description states none ("towers owned by X") or a share of a cost is
given ("85% of the $3.2bn cost of Y"); a deal noun in apposition states only its own ("Y, a €50m
joint venture of A and B"); a total the deal leaves ("…, taking the total to $2.18bn") is the
sum, as a stake raised "to 60%" is the share; and a part of the sum with a target of its own
("including $3.5bn for the first plant") is a fact of its own. Of a sentence's facts, an asset's
size is no investor's sum where another fact tells what it does with the asset, and a sum lent for a
project goes to the project, not the borrower. A valuation ("bought 20% of Y, valuing Y at $5bn") is
what the whole of Y is worth: no sum of a deal for a part of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from spacy.tokens import Span, Token

from graph.extract.arguments import Argument, arguments
from graph.extract.clauses import clause_money, clause_verb, money_of
from graph.extract.common import evidence_for, first_found
from graph.extract.frames import FrameMatch, frame_lexicon, is_debt, is_trigger_word
from graph.extract.phrases import named_asset
from graph.extract.retellings import JOINT, MONEY_KINDS, Unclaimed
from graph.extract.roles import OBJECT_DEPS, active_subject, children, for_subject, is_passive
from graph.extract.tree import modified_by, prep_objects
from graph.extract.word_lists import word_list
from graph.model import ActorKind, ActorRef, Investment, Money

GOVERNMENTS = frozenset({ActorKind.GOVERNMENT_BODY, ActorKind.COUNTRY})


def stated_amount(match: FrameMatch, *, share_of_cost: bool) -> Money | None:
    """The sum a match's fact states (see the module's docstring)."""
    frame = match.frame
    described = match.descriptive or (frame.form == "existing holding" and match.trigger.dep_ == "acl")  # "towers owned by X"
    amount = None if described or share_of_cost else clause_money(match.trigger, funding=frame.form in {"grant", "loan"})
    if match.nominal and (match.trigger.dep_ == "appos" or _borrows(match.trigger)):  # its own sum only: "… built by
        amount = money_of(match.trigger)  # Y, a (€50m) joint venture of A and B"; "their venture signed a $980m loan"
    if match.nominal and _traded_holding(match.trigger):  # "sold half of its 40% stake … for $80m": the sale's sum
        amount = money_of(match.trigger)
    if match.kind == "agent":  # "the buyers of Y's $800m bond": the sum of the deal they take part in
        amount = first_found(money_of, [o for o in match.slots.get("object", []) if is_trigger_word(o)])
    return resulting_total(match.trigger) or _sum_of_the_deal_for(match.trigger) or amount


def _borrows(noun: Token) -> bool:
    """A deal noun the subject of a clause whose object is a debt ("the joint venture has signed loan
    agreements worth $980m"): the clause's sum is the debt's, not the venture's."""
    verb = noun.head if noun.dep_ in {"nsubj", "nsubjpass"} else None
    debts = [o for o in verb.children if o.dep_ == "dobj" for t in (o, *o.children) if is_debt(t)] if verb is not None else []
    return bool(debts)  # "a loan", "loan agreements"


def _traded_holding(noun: Token) -> bool:
    """A possessed stake in what another deal's verb trades ("X sold (half of) its stake in Y"): the
    holder's holding, not a deal of its own."""
    verb = clause_verb(noun)
    owned = any(c.dep_ == "poss" for c in noun.children) and noun.lemma_.lower() in frame_lexicon().stake_nouns
    return owned and verb != noun and verb.pos_ == "VERB" and is_trigger_word(verb)


def values_the_whole(match: FrameMatch, amount: Money | None, share: Decimal | None) -> bool:
    """"took a 20% stake in Y, valuing Y at $5bn", "a majority stake … at a valuation of $5bn": the sum
    is the worth of the whole target, not what was paid for the part; a whole target's value is its
    price, and no round of new money ("the round … values the startup at $80m") buys a whole."""
    if amount is None or amount not in _valuations(match.trigger.sent):
        return False
    part = frame_lexicon().share_words | {"majority", "minority", "control"}  # "took control of Y": not all of it
    new_money = match.frame.form == "investment"
    parted = any(t.lemma_.lower() in part and not any(c.lower_ in word_list("whole_words") for c in t.children)
                 for t in [match.trigger, *match.slots.get("object", [])])  # "full control" is all of it
    return new_money or (share is not None and share < 1) or (share != 1 and parted)


def _valuations(sent: Span) -> list[Money]:
    """The sums a sentence values a whole at ("valuing Y at $5bn", "at a valuation of $5bn"); not
    a deal or a stake valued ("the deal, valued at $120m", "values that stake at $2bn"): a price."""
    parts = frame_lexicon().share_words
    found = []
    for word in (t for t in sent if t.lemma_.lower() in word_list("valuation_words")):
        valued = [c for c in word.children if c.dep_ == "dobj"] or ([word.head] if word.dep_ in {"acl", "relcl"} else [])
        for sum_ in prep_objects(word, {"at", "of"}):
            named = [*valued, *sent.doc[word.i + 1 : sum_.head.i]]
            if not any(is_trigger_word(v) or v.lemma_.lower() in parts for v in named):
                found.append(money_of(sum_))
    return [m for m in found if m is not None]


def _sum_of_the_deal_for(trigger: Token) -> Money | None:
    """"a $1.2bn deal for X to build Y": the sum of the deal noun whose "for" names the builder."""
    doer = for_subject(trigger) if trigger.pos_ == "VERB" else []
    deal = doer[0].head.head if doer else None
    return money_of(deal) if deal is not None and deal.pos_ == "NOUN" and is_trigger_word(deal) else None


def share_of_cost(match: FrameMatch) -> bool:
    """"85% of the $3.2bn cost": the sum is what Y costs, not what is given ("$900m of the cost" is given)."""
    return bool(costed(match)) and not any(t.ent_type_ == "MONEY" for t in match.slots.get("object", []))


def costed(match: FrameMatch) -> list[Argument]:
    """"provide 85 per cent of the cost of Y", "finance 85 percent of the $1.9 billion Y": what a
    share of whose cost is given."""
    parts = [o for t in match.slots.get("object", []) for o in prep_objects(t, {"of"})]
    costs = [a for o in parts if o.lemma_.lower() == "cost" for a in prep_objects(o, {"of"})]
    shares = [t for t in match.slots.get("object", []) if t.ent_type_ == "PERCENT"]
    sized = [o for t in shares for o in prep_objects(t, {"of"}) if any(c.ent_type_ == "MONEY" for c in o.lefts)]
    return [a for a in arguments(costs + sized) if a.ref.kind is ActorKind.ASSET]


def works_on_asset(match: FrameMatch) -> list[Argument]:
    """"allocate $12bn for roads and water connections to the X park": what the money is for are
    works on a named asset further down the phrase; the asset is the target."""
    heads = [t for h in match.slots.get("for", []) for t in h.subtree if t.dep_ == "pobj" and t != h and t.head.lower_ in {"to", "at"}]
    named = [a for a in arguments(heads) if named_asset(a.ref)]
    return named[:1]


def funded_asset(verb: Token) -> list[Argument]:
    """"fund most of the project with a loan from Z": the asset the verb's object is, or is a part of."""
    objects = [o for c in verb.children if c.dep_ in OBJECT_DEPS for o in (c, *prep_objects(c, {"of"}))]
    return [a for a in arguments(objects) if a.ref.kind is ActorKind.ASSET][:1]


def included_sums(base: Investment, investors: list[Argument], sent: Span) -> Iterator[Investment]:
    """"$9bn for the two plants, including $3.5bn for the first plant": a part of the sum with a
    target of its own is a fact of its own, of the same investors."""
    parts = [o for t in sent if t.lower_ == "including" and t.dep_ == "prep" for o in t.children
             if o.dep_ == "pobj" and o.ent_type_ == "MONEY"]
    for part in parts:
        amount = money_of(part)
        targets = [a for a in arguments(prep_objects(part, {"for"})) if a.ref.kind not in {ActorKind.COUNTRY, ActorKind.PERSON}]
        if amount is not None and amount != base.amount:
            yield from (replace(base, investor=i.ref, target=t.ref, amount=amount) for i in investors for t in targets[:1])


def resulting_total(trigger: Token) -> Money | None:
    """"has extended 10 credit lines to Y, taking the total value to $2.18bn": like a stake raised
    "to 60%", the sum is the total the deal leaves."""
    gerunds = [c for c in trigger.children if c.dep_ in {"advcl", "conj"} and c.tag_ == "VBG"]
    for verb in gerunds:
        if any(o.lemma_.lower() in word_list("total_words") for o in verb.children if o.dep_ in OBJECT_DEPS):
            ends = [o for o in trigger.subtree if o.i > verb.i and o.dep_ == "pobj" and o.head.lower_ == "to"
                    and o.ent_type_ == "MONEY"]  # "… the total value of the lines (extended) to $2bn"
            return first_found(money_of, ends)
    return None


def sizes_of_funded_assets(done: list[tuple[Token, Investment]], sized: set[int]) -> list[Investment]:
    """"X approved a $250m loan for the $2bn line", "X financed the $2bn dam": the size is what the
    asset costs, not a sum X puts in; a sized asset is a fact of its own only where no other fact
    of the sentence tells what its investor does with it."""
    funded = {(f.investor.name, f.target.name) for t, f in done if t.i not in sized}
    return [f for t, f in done if t.i not in sized or (f.investor.name, f.target.name) not in funded]


def project_over_borrower(facts: list[Investment]) -> list[Investment]:
    """"X granted Y a $300m loan for the Z railway": the verb names the borrower, the loan the
    project; one sum lent for a project goes to the project (the gold's convention for loans).
    So does a sum promised to a government for a project ("gave a commitment to the State
    government to invest $X to build Y")."""
    funded = {(f.investor.name, f.amount) for f in facts if f.amount and f.target.kind is ActorKind.ASSET}
    lent = {(f.investor.name, f.amount) for f in facts if f.kind in {"loan", "grant"} and f.amount and f.target.kind is ActorKind.ASSET}
    project_lenders = {investor for investor, _ in lent}

    def to_the_project(fact: Investment) -> bool:
        key = (fact.investor.name, fact.amount)
        if fact.target.kind is ActorKind.ASSET:
            return False
        # "Y secured a $80m loan from X to fund Z": what Y receives (a receipt) is the loan lent for Z;
        # "Zambia received the first $100m tranche of a $500m loan from X for the Z airport": so is a tranche
        to_a_government = fact.target.kind in GOVERNMENTS and (key in funded or fact.investor.name in project_lenders)
        return (fact.kind in {"loan", "grant", "investment"} and key in lent) or to_a_government

    return [f for f in facts if not to_the_project(f)]


def joint_sum(match: FrameMatch, done: list[tuple[Token, Investment]], deal: ActorRef | None) -> Unclaimed | None:
    """"…, and the three shareholders have committed $560m of equity between them": a sum the holders
    just named put in together, for the target of the shares told in the sentence (or just before)."""
    trigger = match.trigger  # "the two shareholders will contribute $310m", "$310m will be contributed by the two shareholders"
    if match.kind != "verb" or match.frame.form not in MONEY_KINDS:
        return None
    if is_passive(trigger):
        subjects = [o for by in trigger.subtree if by.lower_ == "by" for o in children(by, {"pobj"})]  # hung on "as equity" too
    else:
        subjects = active_subject(trigger)
    if not subjects or not _joint_holders(subjects[0]):
        return None
    held = [fact.target for _, fact in done if fact.stake is not None] or ([deal] if deal is not None else [])
    amount = stated_amount(match, share_of_cost=False)
    return Unclaimed(held[-1], amount, JOINT, evidence_for(trigger.sent)) if held and amount is not None else None


def _joint_holders(subject: Token) -> bool:
    """"the three shareholders", "the partners", "the two": the holders just named, together ("the new
    shareholders" are only the buyers, not every holder: their sum is theirs, for what it is spent on)."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
    new = modified_by(subject, {"new"})
    holders = subject.tag_ == "NNS" and subject.lemma_.lower() in word_list("joint_holders")
    return definite and not new and (holders or subject.pos_ == "NUM")
