"""Whether a frame match states the money its frame needs: a sum, a money word, a per-share price or
a deal noun where the frame asks for one (``data/frames.json`` money_required, object_is_money,
subject_is_money), and whether a sum is bare, said for nothing the sentence names (issue 7)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from graph.extract.arguments import argument_at
from graph.extract.clauses import clause_money, sizes_an_asset
from graph.extract.frames import FrameMatch, frame_lexicon, is_trigger_word
from graph.extract.lexicon import lexicon

LOCATIVE = frozenset({"in", "at", "near", "along", "across", "between"})
PER_SHARE = re.compile(r"\d\s*(?:p|pence|cents?|[A-Za-z]{2,6})?[\s-]*(?:a|per)[\s-]+share\b")  # "560p-a-share", "$62 a share"


def bare_sum(match: FrameMatch) -> bool:
    """"X lent a further €40m", "X offered a $500m loan": a sum and no word saying what it is for."""
    # a position filled by no actor or asset names no target: "a loan with a 3% rate for 20 years",
    # "spend $600m sinking a shaft"
    lenders = {"subject", "object", "by", "carrier_object", "self", *match.frame.roles.get("investor", ())}
    filled = {p for p, heads in match.slots.items() if p not in lenders and any(argument_at(h) is not None for h in heads)}
    if any(h.lemma_.lower() in lexicon().asset_heads for h in match.slots.get("self", [])):
        filled.add("self")  # "a ¥18bn loan" names no target; "a $7bn project" is one
    given = all(o.ent_type_ == "MONEY" or is_trigger_word(o) or o.lemma_.lower() in {"portion", "part", "share"}
                for o in match.slots.get("object", []))  # "$520m, the biggest single portion"
    amounts = [t for t in match.trigger.sent if t.ent_type_ == "MONEY" and t.like_num]
    if amounts and all(sizes_an_asset(t, match.trigger) for t in amounts):
        return False  # "pulling the plug on a $7bn project … its investment": a size is no sum given
    said_for = any(_described_purpose(h) for p in ("in", "into", "for") for h in match.slots.get(p, []))
    return given and not said_for and not filled - {"in", "on", "at", "under"} and clause_money(match.trigger, funding=True) is not None


def _described_purpose(head: Token) -> bool:
    """"for flood defences along the river", "in a maintenance depot": a described thing the sum is
    for, which no rule names (not "in loans", "in the first phase", "for sanitation")."""
    how = frame_lexicon().works | frame_lexicon().money_words | lexicon().debt_words
    if head.pos_ != "NOUN" or head.ent_type_ or is_trigger_word(head) or head.lemma_.lower() in how:
        return False
    return any(c.dep_ in {"compound", "amod"} or (c.dep_ == "prep" and c.lower_ in LOCATIVE) for c in head.children)


def money_named(match: FrameMatch) -> bool:
    """Whether a frame that needs a sum may go without one: "pouring money into Y", a loan noun,
    a participle ("a Chinese-funded railway"). A share of what Y costs ("provide 85% of the cost of
    Y") may too: ``facts_of`` knows it already."""
    frame, trigger = match.frame, match.trigger
    if not (frame.money_required or frame.money_or_loan_word):
        return True
    if any(t.lemma_.lower() in frame_lexicon().money_words for t in match.slots.get("object", [])):
        return True
    if frame.stake and PER_SHARE.search(trigger.sent.text):
        return True  # "rejected a 560p-a-share approach from X": a price, though no sum
    return frame.money_or_loan_word and (match.nominal or trigger.dep_ in {"amod", "acl"})


def money_where_needed(match: FrameMatch) -> bool:
    """The verb's object (subject) is a sum (or set beside one), a money word or a deal noun where the frame
    says so ("won a grant", "secured $50m", "a further $300m will come from X"), not a holding ("raised its stake in Y"
    receives no money) or anything else ("the offer came from X")."""
    lex = frame_lexicon()
    needed = [slot for slot, flag in (("object", match.frame.object_is_money), ("subject", match.frame.subject_is_money)) if flag]
    return all(any(o.ent_type_ == "MONEY" or o.lemma_.lower() in lex.money_words or _named_sum(o)
                   or (is_trigger_word(o) and o.lemma_.lower() not in lex.stake_nouns) for o in match.slots.get(slot, []))
               for slot in needed)


def _named_sum(noun: Token) -> bool:
    """"The largest share, $880 million, comes from X": a noun set beside the sum it is."""
    return any(c.dep_ == "appos" and c.ent_type_ == "MONEY" for c in noun.children)
