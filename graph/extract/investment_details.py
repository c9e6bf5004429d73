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
from graph.model import Money, Status
from graph.normalize.money import find_money
from graph.normalize.percent import find_percents


def amount(trigger: Token, sent: Span) -> Money | None:
    """Money in the trigger's subtree, else the sentence's only amount."""
    monies = find_money(sent.text)
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
    if len(monies) == 1 and len(triggers(sent)) <= 2:
        return monies[0][2]
    return None


def _on_governing_verb(trigger: Token, money: Span | None) -> bool:
    """ "agreed to buy a stake … for €48 million": the sum hangs on the verb that governs the trigger."""
    verb = next((a for a in trigger.ancestors if a.pos_ == "VERB"), None)
    if verb is None or money is None:
        return False
    head = money.root
    if head.dep_ == "pobj" and head.head.lower_ == "for":
        head = head.head
    return head.head == verb and head.dep_ in {"dobj", "prep"}


def in_subtree(token: Token, char: int) -> bool:
    doc = token.doc
    start, end = (
        doc[token.left_edge.i].idx,
        doc[token.right_edge.i].idx + len(token.right_edge),
    )
    return start <= char < end


def stake(trigger: Token) -> Decimal | None:
    lex = lexicon()
    own = [trigger, *own_subtree(trigger), *_stake_objects(trigger)]
    if not any(t.lemma_.lower() in lex.stake or t.text == "%" for t in own):
        return None
    for token in sorted(own, key=lambda t: t.i):
        if token.ent_type_ == "PERCENT":
            found = find_percents(trigger.doc[token.i : token.i + 3].text)
            if found:
                return found[0][2]
    return None


def _stake_objects(trigger: Token) -> list[Token]:
    """ "paid €88 million for the additional 16% stake": the stake phrase a money verb pays for."""
    if not money_verb(trigger):
        return []
    stakes = [
        o
        for p in trigger.children
        if p.dep_ == "prep"
        for o in p.children
        if o.lemma_.lower() == "stake"
    ]
    return [t for s in stakes for t in s.subtree]


def status(trigger: Token, amount: Money | None) -> Status | None:
    lex = lexicon()
    window = lemma_text([*trigger.ancestors, *trigger.children, trigger, *aux(trigger)])
    if has_cue(window, lex.cancelled):
        return Status.CANCELLED
    if has_cue(window, lex.pledge) or context.reported_future(trigger):
        return Status.PLEDGED
    if has_cue(window, lex.completed):
        return Status.COMPLETED
    return None


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
