"""Investor and target of an investment trigger.

The agent ("by X"), the subject of the clause (or of the verb governing it:
"X agreed to buy"), a possessive or a demonym ("Chinese investment") is the
investor; the object, "of Y", "in Y" or "for Y" is the target. Pronouns and
definite descriptions are resolved through ``context``.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract import context, loan_programmes
from graph.extract.investment_triggers import (
    own_subtree,
    refs_below,
    subjects,
)
from graph.extract.lexicon import lexicon
from graph.extract.phrases import (
    DEVELOP_VERBS,
    deal_partner,
    demonym_country,
    funded_deal,
    owned_asset,
    phrase_ref,
    phrase_refs,
    purpose_objects,
)
from graph.model import ActorKind, ActorRef

RECEIVE_VERBS = frozenset(
    {"receive", "attract", "get", "secure", "win", "see", "experience"}
)
INCLUDE_VERBS = frozenset({"include", "comprise", "cover", "involve"})
INVESTOR_PREPS = {"by": "by", "from": "from"}
TARGET_PREPS = frozenset({"of", "in", "into", "for", "to", "on"})
SELL_VERBS = frozenset({"sell", "transfer", "cede"})
# "agreed to buy", "plans to invest": the investor is the subject of the governing verb
CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl"})


def investors(trigger: Token) -> list[ActorRef]:
    if funded_deal(trigger):
        return _deal_investor(trigger)
    programme = loan_programmes.loan_programme(trigger)
    if programme is not None:
        return [r for r in [loan_programmes.programme_lender(programme)] if r is not None]
    for prep in own_subtree(trigger):
        # "by X" of the trigger itself or of a noun inside its phrase, not of a nested clause
        if (
            prep.dep_ in {"agent", "prep"}
            and prep.lower_ in INVESTOR_PREPS
            and not (prep.lower_ == "from" and _bought(trigger))
            and (prep.head == trigger or prep.head.pos_ in {"NOUN", "PROPN"})
        ):
            refs = refs_below(prep) or _unrecognised_agent(prep)
            if refs and all(r.kind is not ActorKind.ASSET for r in refs):
                return refs
    for child in trigger.children:
        if child.dep_ == "poss" and child.lower_ not in {"its", "their", "his", "her"}:
            refs = phrase_refs(child)
            if refs:
                return refs
    lender = _compound_lender(trigger)
    if lender is not None:
        return [lender]
    planned = _planning_noun(trigger)
    if planned is not None:
        return subjects(planned)
    if trigger.pos_ == "VERB":
        governing = _subject_verb(trigger)
        if _has_subject(governing):
            subject = next((c for c in governing.children if c.dep_ == "nsubj"), None)
            if subject is not None and context.refers_back(subject):
                return _referred_subject(governing)
            return subjects(governing)
    lender = _light_verb_refs(
        trigger, {"from"} if trigger.lemma_.lower() in lexicon().loan else set()
    )
    if lender:
        return lender
    demonym = demonym_country(trigger)
    if demonym is not None:
        return [demonym]
    return _clause_subject(trigger)


def _unrecognised_agent(prep: Token) -> list[ActorRef]:
    """ "It was acquired by Enterprise Investors": a capitalised name as the agent of a deal
    is its buyer even when the name recogniser missed it."""
    if prep.dep_ != "agent":
        return []
    name = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if name is None or name.pos_ != "PROPN" or name.ent_type_ not in {"", "ORG"}:
        return []
    words = [t for t in name.subtree if t.dep_ == "compound" and t.i < name.i] + [name]
    if len(words) < 2 or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words):
        return []
    text = name.doc[words[0].i : name.i + 1].text
    return [ActorRef(text, ActorKind.COMPANY, text, None)]


def _compound_lender(trigger: Token) -> ActorRef | None:
    """ "a US$684 million World Bank credit", "an IMF loan": the lender's name modifies the loan word."""
    if trigger.pos_ != "NOUN" or trigger.lemma_.lower() not in lexicon().loan:
        return None
    for child in trigger.children:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            ref = phrase_ref(child)
            if ref is not None and ref.kind not in {ActorKind.COUNTRY, ActorKind.ASSET, ActorKind.PERSON}:
                return ref
    return None


def _planning_noun(trigger: Token) -> Token | None:
    """ "X and Y each plan to invest": after "each" the parser reads "plan" as a noun with a subject."""
    head = trigger.head
    if trigger.dep_ != "acl" or head.lemma_.lower() not in lexicon().pledge:
        return None
    return head if any(c.dep_ == "nsubj" for c in head.children) else None


def _bought(trigger: Token) -> bool:
    """ "acquired 100% of Y from Z", "buy a 35% stake in Y from Z": an acquisition's "from" names
    the seller, not the buyer, also when it hangs on the stake the verb buys."""
    acquisition = lexicon().acquisition
    if trigger.lemma_.lower() in acquisition:
        return True
    if trigger.dep_ == "dobj":
        return trigger.head.lemma_.lower() in acquisition
    # "the purchase of a 15% stake in Y from Z"
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and trigger.head.head.lemma_.lower() in acquisition


def _deal_investor(deal: Token) -> list[ActorRef]:
    """The one party that is not a country: the host signs with the foreign investor."""
    partner = deal_partner(deal)
    parties = [
        *refs_below(partner),
        *(subjects(deal.head) if deal.dep_ == "dobj" else []),
    ]
    firms = [r for r in parties if r.kind not in {ActorKind.COUNTRY, ActorKind.ASSET}]
    return firms if len(firms) == 1 else []


def _referred_subject(verb: Token) -> list[ActorRef]:
    """ "The company said it will invest": a pronoun or an unnamed "the company" subject.

    The subject of the reporting verb names it when it can; otherwise the
    salient actor of the previous sentence does (``context.salient_actor``).
    """
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    reporting = (
        verb.head if verb.dep_ in {"ccomp", "conj"} and verb.head != verb else None
    )
    if (
        subject.lower_ in context.PRONOUNS
        and reporting is not None
        and reporting.pos_ == "VERB"
    ):
        speaker = next((c for c in reporting.children if c.dep_ == "nsubj"), None)
        if speaker is None:
            return []
        if not context.refers_back(speaker):
            return subjects(reporting)
    salient = context.salient_actor(verb.sent)
    return [salient] if salient is not None else []


def _subject_verb(verb: Token) -> Token:
    """The verb whose subject is the trigger's: itself, or the one it complements ("X agreed to buy")."""
    current = verb
    while (
        not _has_subject(current)
        and current.dep_ in CONTROL_DEPS
        and current.head != current
    ):
        current = current.head
    return current


def _has_subject(verb: Token) -> bool:
    """A clause with a subject of its own ("while SK On operates …") never borrows another's."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def targets(trigger: Token) -> list[ActorRef]:
    if funded_deal(trigger):
        return [r for o in purpose_objects(trigger) for r in phrase_refs(o)]
    if owned_asset(trigger):
        return [r for r in [phrase_ref(trigger)] if r is not None]
    programme = loan_programmes.loan_programme(trigger)
    lender = loan_programmes.programme_lender(programme) if programme is not None else None
    if lender is not None:
        return [
            r
            for r in [loan_programmes.programme_borrower(programme, lender=lender)]
            if r is not None
        ]
    objects = _object_refs(trigger) if trigger.pos_ == "VERB" else []
    if objects:
        return objects
    for prep in _target_preps(trigger):
        refs = refs_below(prep)
        if refs:
            return _prefer_non_countries(refs)
    if trigger.head.lemma_.lower() in RECEIVE_VERBS and trigger.dep_ in {
        "dobj",
        "pobj",
    }:
        return subjects(trigger.head)
    return _light_verb_refs(trigger, TARGET_PREPS - {"of"}) or _referred_target(trigger)


def _object_refs(verb: Token) -> list[ActorRef]:
    """The verb's object; of "acquired a 49% stake in Y", "bought all shares of Y", the company held."""
    for child in verb.children:
        if child.dep_ not in {"dobj", "nsubjpass"} or child.ent_type_ == "MONEY":
            continue
        if child.lemma_.lower() in lexicon().stake:
            held = [
                p
                for p in child.children
                if p.dep_ == "prep" and p.lower_ in {"in", "of"}
            ]
            refs = [r for p in held for r in refs_below(p)]
        else:
            refs = phrase_refs(child, stop=[verb])
        if refs:
            return _prefer_non_countries(refs)
    return []


def definite_targets(trigger: Token, investors: list[ActorRef]) -> list[ActorRef]:
    """ "invested €400 million in the country", "to modernise the foundry's furnaces": named before."""
    heads = [o for p in _target_preps(trigger) for o in p.children if o.dep_ == "pobj"]
    if trigger.pos_ == "VERB" and trigger.lemma_.lower() in lexicon().acquisition:
        # "GIP had bought the airport": the object is the asset named before
        # "The company was acquired by X": so is a passive subject
        heads += [o for o in trigger.children if o.dep_ in {"dobj", "nsubjpass"} and o.ent_type_ != "MONEY"]
    if trigger.pos_ == "VERB":
        verbs = [
            c
            for c in trigger.children
            if c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in DEVELOP_VERBS
        ]
        heads += [o for v in verbs for o in v.children if o.dep_ == "dobj"]
    for head in heads:
        ref = _passive_company(head, investors) or context.definite_ref(head, besides=investors)
        if ref is not None:
            return [ref]
    return []


def _passive_company(subject: Token, investors: list[ActorRef]) -> ActorRef | None:
    """ "Naura said … . The company was acquired by X": the unnamed passive subject is the
    company the previous sentence was about."""
    if subject.dep_ != "nsubjpass" or not context.refers_back(subject):
        return None
    salient = context.salient_actor(subject.sent)
    if salient is None or salient.name in {r.name for r in investors}:
        return None
    return salient


def _referred_target(trigger: Token) -> list[ActorRef]:
    """Targets named in an earlier sentence.

    "the additional 16% stake", "raised its stake": the stake is in the
    company whose stake was last named; "It is financed by a loan from X":
    "It" is the topic of the previous sentence.
    """
    antecedent = _pronoun_antecedent(trigger)
    if antecedent is not None:
        return [antecedent]
    holding = _stake_named_before(trigger)
    if holding:
        return holding
    if context.bare_stake(trigger):
        holding = context.earlier_stake_holding(trigger.sent)
        return [holding] if holding is not None else []
    financed = context.passive_verb_of(trigger)
    subject = (
        next(  # nearest first: a list label ("Hungary: the X is financed …") parses as a second subject
            (c for c in sorted(financed.children, key=lambda c: abs(c.i - financed.i)) if c.dep_ == "nsubjpass"),
            None,
        )
        if financed is not None
        else None
    )
    if subject is not None and subject.lower_ in {"it", "this"}:
        topic = context.topic_of_previous(trigger.sent)
        return [topic] if topic is not None else []
    if subject is not None and financed.lemma_.lower() in lexicon().investment | lexicon().loan:
        # "Y is financed with a Russian state loan": the financed subject is the target
        return [r for r in phrase_refs(subject) if r.kind is not ActorKind.COUNTRY]
    return []


def _stake_named_before(trigger: Token) -> list[ActorRef]:
    """ "will raise its stake in Y to 51% after agreeing to buy a further 21 per cent": the bare
    share bought is in the company whose stake the same sentence named before."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in lexicon().acquisition:
        return []
    shares = [c for c in trigger.children if c.dep_ == "dobj" and (c.text == "%" or c.lower_ in {"cent", "percent"})]
    if not shares or any(p.dep_ == "prep" and p.lower_ in {"in", "of"} for s in shares for p in s.children):
        return []
    for token in reversed(trigger.sent[: trigger.i - trigger.sent.start]):
        if token.lemma_.lower() == "stake":
            held = [p for p in token.children if p.dep_ == "prep" and p.lower_ in {"in", "of"}]
            refs = [r for p in held for r in refs_below(p) if r.kind is not ActorKind.COUNTRY]
            if refs:
                return refs
    return []


def _pronoun_antecedent(trigger: Token) -> ActorRef | None:
    """ "operates Y after buying a stake in it": "it" is the nearest object named before in the sentence."""
    heads = [trigger, *(o for o in trigger.children if o.dep_ == "dobj")]
    held = [
        o
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in {"in", "of"}
        for o in p.children
    ]
    if not any(o.dep_ == "pobj" and o.lower_ == "it" for o in held):
        return None
    for token in reversed(trigger.sent[: trigger.i - trigger.sent.start]):
        if token.dep_ in {"dobj", "pobj"} and token.pos_ in {"NOUN", "PROPN"}:
            ref = phrase_ref(token)
            if ref is not None and ref.kind is not ActorKind.COUNTRY:
                return ref
    return None


def _target_preps(trigger: Token) -> list[Token]:
    """ "in Y" of the trigger or of its sum ("invested $50 million in Y"); a loan's "for Y" first.

    After a verb with two objects ("lent X $5bn for Y") the parser calls the preposition a dative.
    """
    heads = (trigger, *_sum_heads(trigger), *_sum_verb(trigger))
    wanted = TARGET_PREPS - {"to"} if _sold(trigger) else TARGET_PREPS
    if trigger.lemma_.lower() in lexicon().acquisition:
        wanted = wanted - {"on"}  # "purchases on the stock exchange": a venue
    preps = [
        c
        for h in heads
        for c in h.children
        if c.dep_ in {"prep", "dative"} and c.lower_ in wanted
    ]
    if trigger.lemma_.lower() in lexicon().loan:
        preps.sort(key=lambda p: p.lower_ != "for")
    return preps


def _sum_verb(trigger: Token) -> list[Token]:
    """ "provides $4.2 billion in Russian state credit for Y": the loan word only describes
    the sum, so "for Y" hangs on the verb that provides it."""
    prep = trigger.head
    money = prep.head
    if trigger.dep_ == "pobj" and prep.lower_ == "in" and money.ent_type_ == "MONEY" and money.dep_ == "dobj":
        return [money.head]
    return []


def _sum_heads(trigger: Token) -> list[Token]:
    """The object sum and its "a total of" head: "in Y" often hangs on them."""
    heads = []
    for obj in (c for c in trigger.children if c.dep_ == "dobj"):
        sums = [
            t
            for t in obj.subtree
            if t.ent_type_ == "MONEY" and t.head.ent_type_ != "MONEY"
        ]
        heads += [obj, *sums] if sums or obj.ent_type_ == "MONEY" else []
    return heads


def _prefer_non_countries(refs: list[ActorRef]) -> list[ActorRef]:
    """ "Livnica Zenica, Bosnia and Herzegovina's largest foundry": a country beside a firm is its location."""
    others = [r for r in refs if r.kind is not ActorKind.COUNTRY]
    return others or refs


def _light_verb_refs(
    trigger: Token, preps: frozenset[str] | set[str]
) -> list[ActorRef]:
    """ "took a loan from X for the Y motorway": the roles hang on the verb."""
    if trigger.dep_ != "dobj":
        return []
    for child in trigger.head.children:
        # "provided a $250 million loan to X": after a verb the parser may call "to X" a dative
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            refs = refs_below(child)
            if refs:
                return refs
    return []


def _clause_subject(trigger: Token) -> list[ActorRef]:
    """ "X solidified … through the purchase of Y": X is the buyer.

    "The Chinese group also operates … after buying …": an unnamed
    descriptor is the company named before, not the country of its adjective.
    """
    for ancestor in trigger.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            if ancestor.lemma_.lower() in RECEIVE_VERBS | INCLUDE_VERBS:
                return []
            if ancestor.lemma_.lower() in SELL_VERBS:
                return _buyers(ancestor)
            subject = next((c for c in ancestor.children if c.dep_ == "nsubj"), None)
            if subject is not None and context.refers_back(subject):
                return _referred_subject(ancestor)
            refs = subjects(ancestor)
            if refs or subject is not None:
                # a clause with a subject of its own never borrows a higher clause's
                return [r for r in refs if r.kind is not ActorKind.ASSET]
    return []


def _sold(trigger: Token) -> bool:
    return trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in SELL_VERBS


def _buyers(verb: Token) -> list[ActorRef]:
    """ "The state sold its stake to X", "transferred a stake to its parent X": the recipient invests."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in (*verb.children, *(c for o in objects for c in o.children)):
        if child.dep_ in {"prep", "dative"} and child.lower_ == "to":
            return [r for r in refs_below(child) if r.kind is not ActorKind.ASSET]
    return []
