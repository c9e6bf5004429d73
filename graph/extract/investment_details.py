"""Amount, stake, status, kind and hedging of an investment trigger.

Amounts and stakes come from the trigger's own phrase first, then from the
verb governing it, then from the sentence if it has only one; status and
hedging come from the auxiliaries and cue words around the trigger.
"""

from __future__ import annotations

from decimal import Decimal

from spacy.tokens import Span, Token

from graph.extract import context
from graph.extract.common import has_cue, is_hypothetical, lemma_text
from graph.extract.investment_triggers import money_verb, own_subtree, triggers
from graph.extract.lexicon import lexicon
from graph.extract.phrases import sized_assets
from graph.model import Money, Status
from graph.normalize.money import find_money
from graph.normalize.percent import find_percents


def amount(trigger: Token, sent: Span) -> Money | None:
    """Money in the trigger's subtree, else the sentence's only amount."""
    monies = [
        (s, e, m) for s, e, m in find_money(sent.text) if not _in_other_clause(trigger, sent.start_char + s)
    ]
    inside = [m for s, e, m in monies if in_subtree(trigger, sent.start_char + s)]
    if inside:
        return inside[0]
    doc, at = sent.doc, sent.start_char
    spans = [
        (doc.char_span(at + s, at + e, alignment_mode="expand"), m)
        for s, e, m in monies
    ]
    attached = [m for span, m in spans if _on_governing_verb(trigger, span)]
    if attached:
        return attached[0]
    if (
        len(monies) == 1
        and len(triggers(sent)) <= 2
        and not _other_deal(trigger, spans[0][0])
    ):
        return monies[0][2]
    return None


def _in_other_clause(trigger: Token, char: int) -> bool:
    """ "QIA owns 20% of Heathrow, and PIF completed the purchase … for £1.24bn": a conjoined
    clause with a subject of its own carries its own sums."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else _clause_verb(trigger)
    if verb is None:
        return False
    clauses = [
        c for c in verb.children
        if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and _own_subject(c)
    ]
    return any(_clause_holds(c, trigger, char) for c in clauses)


def _clause_holds(clause: Token, trigger: Token, char: int) -> bool:
    """The sum sits in the conjoined clause and the trigger does not."""
    inside_trigger = clause.left_edge.i <= trigger.i <= clause.right_edge.i
    return in_subtree(clause, char) and not inside_trigger


def _on_governing_verb(trigger: Token, money: Span | None) -> bool:
    """ "agreed to buy a stake … for €48 million": the sum hangs on the verb that governs the trigger.

    A conjoined clause with a subject of its own ("… for €340m, and in 2021
    it acquired …") is governed by nothing: its sums are its own.
    """
    verb = governing_verb(trigger)
    if verb is None or money is None:
        return False
    head = money.root
    if head.dep_ == "pobj" and head.head.lower_ == "for":
        head = head.head
    return head.head == verb and head.dep_ in {"dobj", "prep"}


def governing_verb(trigger: Token) -> Token | None:
    """The verb a noun trigger sits under, or the verb a subjectless verb trigger complements."""
    if trigger.pos_ != "VERB":
        return next((a for a in trigger.ancestors if a.pos_ == "VERB"), None)
    if (
        any(c.dep_ in {"nsubj", "nsubjpass"} for c in trigger.children)
        or trigger.head == trigger
    ):
        return None
    return next((a for a in trigger.ancestors if a.pos_ == "VERB"), None)


def _clause_verb(token: Token) -> Token | None:
    return next(
        (t for t in (token, *token.ancestors) if t.pos_ in {"VERB", "AUX"}), None
    )


def _other_deal(trigger: Token, money: Span | None) -> bool:
    """ "Last year it bought X for SEK 9.8bn, and in 2022 it sold its stake in Y": the sum is the other clause's."""
    if money is None:
        return False
    verb = _clause_verb(money.root)
    others = set(triggers(trigger.sent)) - {trigger}
    return verb is not None and verb in others and verb != _clause_verb(trigger)


def in_subtree(token: Token, char: int) -> bool:
    doc = token.doc
    start, end = (
        doc[token.left_edge.i].idx,
        doc[token.right_edge.i].idx + len(token.right_edge),
    )
    return start <= char < end


def stake(trigger: Token) -> Decimal | None:
    """The share a trigger's own phrase (or the stake it buys, pays for or holds) states."""
    lex = lexicon()
    # "was acquired by X in 2001 and remains 45 per cent state-owned": a conjoined clause's share is not the deal's
    later = {t.i for c in trigger.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} for t in c.subtree}
    own = [t for t in (trigger, *own_subtree(trigger), *_stake_objects(trigger)) if t.i not in later]
    if not any(t.lemma_.lower() in lex.stake or t.text == "%" or t.lower_ == "cent" for t in own):
        return None
    for token in sorted(own, key=lambda t: t.i):
        # "20 per cent" is often tagged MONEY, "34%" PERCENT: read the number and what follows
        if token.like_num or token.ent_type_ == "PERCENT":
            found = find_percents(trigger.doc[token.i : token.i + 3].text)
            if found and found[0][0] == 0:
                return found[0][2]
    return None


def _stake_objects(trigger: Token) -> list[Token]:
    """ "paid €88 million for the additional 16% stake", "acquired a 49% stake": the stake a verb buys or pays for."""
    if trigger.pos_ != "VERB":
        return []
    preps = (
        [p for p in trigger.children if p.dep_ == "prep"] if money_verb(trigger) else []
    )
    objects = [o for p in preps for o in p.children] + [
        o for o in trigger.children if o.dep_ == "dobj"
    ]
    stakes = [o for o in objects if o.lemma_.lower() in lexicon().stake]
    return [t for s in stakes for t in s.subtree]


def status(trigger: Token, amount: Money | None) -> Status | None:
    lex = lexicon()
    # a conjoined clause with a subject of its own ("…, and PIF completed the purchase") has its own status
    children = [c for c in trigger.children if not (c.dep_ == "conj" and _own_subject(c))]
    window = lemma_text([*trigger.ancestors, *children, trigger, *aux(trigger)])
    if has_cue(window, lex.cancelled) or _cancelled_after(trigger):
        return Status.CANCELLED
    if has_cue(window, lex.pledge) or context.reported_future(trigger) or _agreed_to_build(trigger):
        return Status.PLEDGED
    if has_cue(window, lex.completed):
        return Status.COMPLETED
    return None


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def _agreed_to_build(trigger: Token) -> bool:
    """ "signed an agreement with Morocco to build a $1.3 billion plant", "an agreement … for a
    US$1 billion plant": an agreement to build is a pledge."""
    if sized_assets(trigger):
        return True
    if trigger.lemma_.lower() not in {"build", "construct", "construction"}:
        return False
    deals = {"agreement", "deal", "contract", "memorandum", "accord"}
    near = [*trigger.ancestors, *(c for a in trigger.ancestors for c in a.children)]
    return any(t.lemma_.lower() in deals for t in near)


def _cancelled_after(trigger: Token) -> bool:
    """ "X, which had agreed to lend $250m for Y, said it had cancelled the loan": a later
    clause of the sentence cancels the deal by a definite word for it."""
    lex = lexicon()
    for verb in trigger.sent:
        if verb.i <= trigger.i or verb.pos_ != "VERB" or not has_cue(lemma_text([verb]), lex.cancelled):
            continue
        for obj in (c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}):
            definite = any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "its", "their"} for c in obj.children)
            if definite and obj.lemma_.lower() in lex.anaphora_heads:
                return True
    return False


def aux(trigger: Token) -> list[Token]:
    return [
        c for a in trigger.ancestors for c in a.children if c.dep_ in {"aux", "neg"}
    ]


def hypothetical(trigger: Token) -> bool:
    tokens = [
        *aux(trigger),
        *trigger.children,
        *(c for a in trigger.ancestors for c in a.children),
    ]
    reported = context.reported_future(trigger)
    return is_hypothetical(
        [t for t in tokens if not (reported and t.lower_ == "would")]
    )


def kind(trigger: Token) -> str:
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
