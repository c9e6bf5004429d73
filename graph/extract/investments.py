"""Investments: who put money (or a loan, or a purchase) into what.

A trigger word (acquire, purchase, invest, loan, construction, stake, …) heads
the fact. Its dependency neighbourhood gives the roles: the agent ("by X"),
the subject of the clause, a possessive or a demonym ("Chinese investment") is
the investor; the object, "of Y", "in Y" or "for Y" is the target. Amounts,
stakes, dates and status come from the trigger's subtree or its sentence; a
follow-up sentence ("This €42 million transaction …", "… €1 billion each")
completes the facts of the sentence before it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from spacy.tokens import Doc, Span, Token

from graph.extract import context
from graph.extract.common import (
    evidence_for,
    extend_evidence,
    has_cue,
    is_headline,
    is_hypothetical,
    lemma_text,
    starts_with_anaphora,
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
from graph.model import ActorKind, ActorRef, Investment, Money, Status
from graph.normalize.dates import parse_period
from graph.normalize.money import find_money
from graph.normalize.percent import find_percents

RECEIVE_VERBS = frozenset({"receive", "attract", "get", "secure", "win", "see", "experience"})
INCLUDE_VERBS = frozenset({"include", "comprise", "cover", "involve"})
INVESTOR_PREPS = {"by": "by", "from": "from"}
TARGET_PREPS = frozenset({"of", "in", "into", "for", "to", "on"})
# verbs that head an investment only with a sum as object: "paid €88 million for", "put $120 million into"
MONEY_VERBS = frozenset({"pay", "put", "pledge", "commit", "allocate", "provide", "spend", "earmark"})
SELL_VERBS = frozenset({"sell", "transfer", "cede"})
# "agreed to buy", "plans to invest": the investor is the subject of the governing verb
CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl"})


def extract(doc: Doc) -> Iterator[Investment]:
    """Every investment the doc states, with its evidence sentence(s).

    A sentence's facts are held back until the next sentence is seen, since a
    follow-up ("This €42 million transaction …") may still complete them.
    """
    pending: list[Investment] = []
    for sent in doc.sents:
        if is_headline(sent):
            continue
        if pending and starts_with_anaphora(sent, lexicon().anaphora_heads):
            yield from _complete_from_follow_up(pending, sent)
            pending = list(_include_list(sent, pending))
            continue
        current = list(_sentence_facts(sent))
        if pending and not current:
            current = list(_include_list(sent, pending))
        yield from pending
        pending = current
    yield from pending


def _sentence_facts(sent: Span) -> Iterator[Investment]:
    seen: set[tuple[str, str]] = set()
    for trigger in triggers(sent):
        for fact in _facts_for_trigger(trigger, sent):
            key = (fact.investor.name, fact.target.name)
            if key not in seen and fact.investor.name != fact.target.name:
                seen.add(key)
                yield fact


def triggers(sent: Span) -> list[Token]:
    """Tokens that can head an investment fact."""
    lex = lexicon()
    words = lex.acquisition | lex.investment | lex.loan | {"construction", "build", "stake"}
    return [
        t
        for t in sent
        if (t.pos_ in {"NOUN", "VERB"} and t.lemma_.lower() in words)
        or (_money_verb(t) and t.pos_ == "VERB")
        or owned_asset(t)
        or funded_deal(t)
    ]


def _deal_investor(deal: Token) -> list[ActorRef]:
    """The one party that is not a country: the host signs with the foreign investor."""
    partner = deal_partner(deal)
    parties = [*_refs_below(partner), *(_subjects(deal.head) if deal.dep_ == "dobj" else [])]
    firms = [r for r in parties if r.kind not in {ActorKind.COUNTRY, ActorKind.ASSET}]
    return firms if len(firms) == 1 else []


def _money_verb(token: Token) -> bool:
    """"paid €88 million", "has pledged up to €150 million": a sum as direct object."""
    return token.lemma_.lower() in MONEY_VERBS and _money_object(token) is not None


def _money_object(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ == "MONEY"), None)


def _facts_for_trigger(trigger: Token, sent: Span) -> Iterator[Investment]:
    if _hypothetical(trigger):
        return
    investors = _investors(trigger)
    targets = _targets(trigger) or _definite_targets(trigger, investors)
    if not investors or not targets:
        return
    amount = _amount(trigger, sent)
    period = parse_period(sent.text)
    status = _status(trigger, amount)
    base = Investment(
        investor=investors[0],
        target=targets[0],
        evidence=evidence_for(sent),
        amount=amount,
        stake=_stake(trigger),
        date=None if period else context.date_for(trigger, pledge=status is Status.PLEDGED),
        status=status,
        kind=_kind(trigger),
        period=period,
    )
    for investor in investors:
        for target in targets:
            yield replace(base, investor=investor, target=target)


def _investors(trigger: Token) -> list[ActorRef]:
    if funded_deal(trigger):
        return _deal_investor(trigger)
    programme = context.loan_programme(trigger)
    if programme is not None:
        return [r for r in [context.programme_lender(programme)] if r is not None]
    for prep in _own_subtree(trigger):
        # "by X" of the trigger itself or of a noun inside its phrase, not of a nested clause
        if prep.dep_ in {"agent", "prep"} and prep.lower_ in INVESTOR_PREPS and (
            prep.head == trigger or prep.head.pos_ in {"NOUN", "PROPN"}
        ):
            refs = _refs_below(prep)
            if refs and all(r.kind is not ActorKind.ASSET for r in refs):
                return refs
    for child in trigger.children:
        if child.dep_ == "poss" and child.lower_ not in {"its", "their", "his", "her"}:
            refs = phrase_refs(child)
            if refs:
                return refs
    if trigger.pos_ == "VERB":
        governing = _subject_verb(trigger)
        if _has_subject(governing):
            subject = next((c for c in governing.children if c.dep_ == "nsubj"), None)
            if subject is not None and context.refers_back(subject):
                return _referred_subject(governing)
            return _subjects(governing)
    lender = _light_verb_refs(trigger, {"from"} if trigger.lemma_.lower() in lexicon().loan else set())
    if lender:
        return lender
    demonym = demonym_country(trigger)
    if demonym is not None:
        return [demonym]
    return _clause_subject(trigger)


def _referred_subject(verb: Token) -> list[ActorRef]:
    """"The company said it will invest": a pronoun or an unnamed "the company" subject.

    The subject of the reporting verb names it when it can; otherwise the
    salient actor of the previous sentence does (``context.salient_actor``).
    """
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    reporting = verb.head if verb.dep_ in {"ccomp", "conj"} and verb.head != verb else None
    if subject.lower_ in context.PRONOUNS and reporting is not None and reporting.pos_ == "VERB":
        speaker = next((c for c in reporting.children if c.dep_ == "nsubj"), None)
        if speaker is None:
            return []
        if not context.refers_back(speaker):
            return _subjects(reporting)
    salient = context.salient_actor(verb.sent)
    return [salient] if salient is not None else []


def _subject_verb(verb: Token) -> Token:
    """The verb whose subject is the trigger's: itself, or the one it complements ("X agreed to buy")."""
    current = verb
    while not _has_subject(current) and current.dep_ in CONTROL_DEPS and current.head != current:
        current = current.head
    return current


def _has_subject(verb: Token) -> bool:
    """A clause with a subject of its own ("while SK On operates …") never borrows another's."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _targets(trigger: Token) -> list[ActorRef]:
    if funded_deal(trigger):
        return [r for o in purpose_objects(trigger) for r in phrase_refs(o)]
    if owned_asset(trigger):
        return [r for r in [phrase_ref(trigger)] if r is not None]
    programme = context.loan_programme(trigger)
    lender = context.programme_lender(programme) if programme is not None else None
    if lender is not None:
        return [r for r in [context.programme_borrower(programme, lender=lender)] if r is not None]
    if trigger.pos_ == "VERB":
        for child in trigger.children:
            if child.dep_ in {"dobj", "nsubjpass"} and child.ent_type_ != "MONEY":
                refs = phrase_refs(child, stop=[trigger])
                if refs:
                    return _prefer_non_countries(refs)
    for prep in _target_preps(trigger):
        refs = _refs_below(prep)
        if refs:
            return _prefer_non_countries(refs)
    if trigger.head.lemma_.lower() in RECEIVE_VERBS and trigger.dep_ in {"dobj", "pobj"}:
        return _subjects(trigger.head)
    return _light_verb_refs(trigger, TARGET_PREPS - {"of"}) or _referred_target(trigger)


def _definite_targets(trigger: Token, investors: list[ActorRef]) -> list[ActorRef]:
    """"invested €400 million in the country", "to modernise the foundry's furnaces": named before."""
    heads = [o for p in _target_preps(trigger) for o in p.children if o.dep_ == "pobj"]
    if trigger.pos_ == "VERB":
        verbs = [c for c in trigger.children if c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in DEVELOP_VERBS]
        heads += [o for v in verbs for o in v.children if o.dep_ == "dobj"]
    for head in heads:
        ref = context.definite_ref(head, besides=investors)
        if ref is not None:
            return [ref]
    return []


def _referred_target(trigger: Token) -> list[ActorRef]:
    """Targets named in an earlier sentence.

    "the additional 16% stake", "raised its stake": the stake is in the
    company whose stake was last named; "It is financed by a loan from X":
    "It" is the topic of the previous sentence.
    """
    if context.bare_stake(trigger):
        holding = context.earlier_stake_holding(trigger.sent)
        return [holding] if holding is not None else []
    financed = context.passive_verb_of(trigger)
    subject = next((c for c in financed.children if c.dep_ == "nsubjpass"), None) if financed is not None else None
    if subject is not None and subject.lower_ in {"it", "this"}:
        topic = context.topic_of_previous(trigger.sent)
        return [topic] if topic is not None else []
    return []


def _target_preps(trigger: Token) -> list[Token]:
    """"in Y" of the trigger or of its sum ("invested $50 million in Y"); a loan's "for Y" first."""
    heads = (trigger, *_sum_heads(trigger))
    wanted = TARGET_PREPS - {"to"} if _sold(trigger) else TARGET_PREPS
    if trigger.lemma_.lower() in lexicon().acquisition:
        wanted = wanted - {"on"}  # "purchases on the stock exchange": a venue
    preps = [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in wanted]
    if trigger.lemma_.lower() in lexicon().loan:
        preps.sort(key=lambda p: p.lower_ != "for")
    return preps


def _sum_heads(trigger: Token) -> list[Token]:
    """The object sum and its "a total of" head: "in Y" often hangs on them."""
    heads = []
    for obj in (c for c in trigger.children if c.dep_ == "dobj"):
        sums = [t for t in obj.subtree if t.ent_type_ == "MONEY" and t.head.ent_type_ != "MONEY"]
        heads += [obj, *sums] if sums or obj.ent_type_ == "MONEY" else []
    return heads


def _prefer_non_countries(refs: list[ActorRef]) -> list[ActorRef]:
    """"Livnica Zenica, Bosnia and Herzegovina's largest foundry": a country beside a firm is its location."""
    others = [r for r in refs if r.kind is not ActorKind.COUNTRY]
    return others or refs


def _light_verb_refs(trigger: Token, preps: frozenset[str] | set[str]) -> list[ActorRef]:
    """"took a loan from X for the Y motorway": the roles hang on the verb."""
    if trigger.dep_ != "dobj":
        return []
    for child in trigger.head.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            refs = _refs_below(child)
            if refs:
                return refs
    return []


def _own_subtree(trigger: Token) -> Iterator[Token]:
    """The trigger's subtree without the subtrees of other triggers inside it."""
    stack = list(trigger.children)
    others = set(triggers(trigger.sent)) - {trigger}
    while stack:
        token = stack.pop(0)
        if token in others:
            continue
        yield token
        stack.extend(token.children)


def _refs_below(prep: Token) -> list[ActorRef]:
    """The object of a preposition; of "in modernising Y", the thing worked on."""
    for child in prep.children:
        if child.dep_ == "pcomp" and child.lemma_.lower() in DEVELOP_VERBS:
            child = next((o for o in child.children if o.dep_ == "dobj"), child)
        if child.dep_ in {"pobj", "pcomp", "dobj"} and child.ent_type_ != "MONEY":
            return phrase_refs(child, stop=triggers(prep.sent))
    return []


def _subjects(verb: Token) -> list[ActorRef]:
    """The first subject that names an actor (a dateline "SARAJEVO, 9 May" may parse as one too)."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            refs = phrase_refs(child)
            if refs:
                return refs
    return []


def _clause_subject(trigger: Token) -> list[ActorRef]:
    """"X solidified … through the purchase of Y": X is the buyer."""
    for ancestor in trigger.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            if ancestor.lemma_.lower() in RECEIVE_VERBS | INCLUDE_VERBS:
                return []
            if ancestor.lemma_.lower() in SELL_VERBS:
                return _buyers(ancestor)
            refs = _subjects(ancestor)
            if refs:
                return [r for r in refs if r.kind is not ActorKind.ASSET]
    return []


def _sold(trigger: Token) -> bool:
    return trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in SELL_VERBS


def _buyers(verb: Token) -> list[ActorRef]:
    """"The state sold its stake to X", "transferred a stake to its parent X": the recipient invests."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    for child in (*verb.children, *(c for o in objects for c in o.children)):
        if child.dep_ in {"prep", "dative"} and child.lower_ == "to":
            return [r for r in _refs_below(child) if r.kind is not ActorKind.ASSET]
    return []


def _amount(trigger: Token, sent: Span) -> Money | None:
    """Money in the trigger's subtree, else the sentence's only amount."""
    monies = find_money(sent.text)
    inside = [m for s, e, m in monies if _in_subtree(trigger, sent.start_char + s)]
    if inside:
        return inside[0]
    doc, at = sent.doc, sent.start_char
    spans = [(doc.char_span(at + s, at + e, alignment_mode="expand"), m) for s, e, m in monies]
    attached = [m for span, m in spans if _on_governing_verb(trigger, span)]
    if attached:
        return attached[0]
    if len(monies) == 1 and len(triggers(sent)) <= 2:
        return monies[0][2]
    return None


def _on_governing_verb(trigger: Token, money: Span | None) -> bool:
    """"agreed to buy a stake … for €48 million": the sum hangs on the verb that governs the trigger."""
    verb = next((a for a in trigger.ancestors if a.pos_ == "VERB"), None)
    if verb is None or money is None:
        return False
    head = money.root
    if head.dep_ == "pobj" and head.head.lower_ == "for":
        head = head.head
    return head.head == verb and head.dep_ in {"dobj", "prep"}


def _in_subtree(token: Token, char: int) -> bool:
    doc = token.doc
    start, end = doc[token.left_edge.i].idx, doc[token.right_edge.i].idx + len(token.right_edge)
    return start <= char < end


def _stake(trigger: Token) -> Decimal | None:
    lex = lexicon()
    own = [trigger, *_own_subtree(trigger), *_stake_objects(trigger)]
    if not any(t.lemma_.lower() in lex.stake or t.text == "%" for t in own):
        return None
    for token in sorted(own, key=lambda t: t.i):
        if token.ent_type_ == "PERCENT":
            found = find_percents(trigger.doc[token.i : token.i + 3].text)
            if found:
                return found[0][2]
    return None


def _stake_objects(trigger: Token) -> list[Token]:
    """"paid €88 million for the additional 16% stake": the stake phrase a money verb pays for."""
    if not _money_verb(trigger):
        return []
    stakes = [o for p in trigger.children if p.dep_ == "prep" for o in p.children if o.lemma_.lower() == "stake"]
    return [t for s in stakes for t in s.subtree]


def _status(trigger: Token, amount: Money | None) -> Status | None:
    lex = lexicon()
    window = lemma_text([*trigger.ancestors, *trigger.children, trigger, *_aux(trigger)])
    if has_cue(window, lex.cancelled):
        return Status.CANCELLED
    if has_cue(window, lex.pledge) or context.reported_future(trigger):
        return Status.PLEDGED
    if has_cue(window, lex.completed):
        return Status.COMPLETED
    return None


def _aux(trigger: Token) -> list[Token]:
    return [c for a in trigger.ancestors for c in a.children if c.dep_ in {"aux", "neg"}]


def _hypothetical(trigger: Token) -> bool:
    tokens = [*_aux(trigger), *trigger.children, *(c for a in trigger.ancestors for c in a.children)]
    reported = context.reported_future(trigger)
    return is_hypothetical([t for t in tokens if not (reported and t.lower_ == "would")])


def _kind(trigger: Token) -> str:
    lex = lexicon()
    lemma = trigger.lemma_.lower()
    subtree = lemma_text(trigger.subtree)
    if lemma in lex.loan:
        return "loan"
    if lemma == "stake" or has_cue(subtree, {"stake", "share", "percent", "%"}):
        return "share purchase"
    if lemma in lex.acquisition:
        return "acquisition"
    if lemma in {"construction", "build"}:
        return "greenfield"
    if has_cue(subtree, {"total", "totaling", "totalling", "amount"}):
        return "aggregate investment"
    return "investment"


def _complete_from_follow_up(previous: list[Investment], sent: Span) -> Iterator[Investment]:
    """Amounts of "This €42 million transaction, … up to €300 million"."""
    monies = find_money(sent.text)
    each = has_cue(lemma_text(sent), {"each", "apiece", "respectively"})
    cancelled = has_cue(lemma_text(sent), lexicon().cancelled)
    updated = []
    for fact in previous:
        amount = fact.amount
        if amount is None and monies and (each or len(previous) == 1):
            amount = monies[0][2]
        status = Status.CANCELLED if cancelled else fact.status
        updated.append(replace(fact, amount=amount, status=status, evidence=extend_evidence(fact.evidence, sent)))
    yield from updated
    for start, _end, money in monies[1:]:
        before = lemma_text(sent.doc.char_span(sent.start_char, sent.start_char + start, alignment_mode="expand") or sent)
        if has_cue(before, lexicon().pledge) and len(previous) == 1:
            yield replace(updated[0], amount=money, status=Status.PLEDGED, evidence=evidence_for(sent))


def _include_list(sent: Span, previous: list[Investment]) -> Iterator[Investment]:
    """"These investments include projects such as the X railway …"."""
    investor = next((f.investor for f in previous if f.investor.kind is ActorKind.COUNTRY), None)
    if investor is None:
        return
    for token in sent:
        if token.lemma_.lower() in INCLUDE_VERBS and token.pos_ == "VERB":
            for child in token.children:
                if child.dep_ == "dobj":
                    for ref in _listed(child):
                        yield Investment(investor, ref, evidence_for(sent), date=context.date_near(sent))


def _listed(head: Token) -> list[ActorRef]:
    refs = []
    for token in _own_subtree(head):
        if token.dep_ in {"pobj", "conj"}:
            ref = phrase_ref(token)
            if ref is not None and ref.kind is ActorKind.ASSET and ref not in refs:
                refs.append(ref)
    return refs
