"""Agreements news tells with a verb, not a noun: "X and Y each agreed to set up
local production with Z".

A subject that agreed (done, not planned) to do something with a named
counterpart made an agreement with it, even when no agreement noun appears.
"each" makes one agreement per subject. Agreeing to talk, meet or study is
not an agreement, nor is agreeing to sign one (the noun tells that signing).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.extract.agreement_parties import PARTY_KINDS, Context, signer_tokens, unique
from graph.extract.agreement_parties import resolve as resolve_phrase
from graph.model import ActorRef

# what one agrees to do that is no agreement yet
NOT_AN_AGREEMENT = frozenset({"talk", "meet", "discuss", "negotiate", "consider", "study", "explore", "continue", "work", "hold", "keep", "resume", "sign", "conclude", "seek", "look", "try", "cooperate", "deepen", "strengthen", "expand", "raise", "boost", "step"})


def verb_agreements(sent: Span, ctx: Context, number: int) -> Iterator[tuple[Token, str, list[tuple[ActorRef, ...]]]]:
    """Each "agreed to <do> … with Y" of the sentence: the verb, a name, and the parties (one set per signer if "each")."""
    for verb in sent:
        if verb.lemma_.lower() != "agree" or verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBN"}:
            continue
        action = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        if action is None or action.lemma_.lower() in NOT_AN_AGREEMENT:
            continue
        others = _with_parties(action, ctx, number)
        signers = [r for t in signer_tokens(verb) for r in resolve_phrase(t, ctx, number, exclude=others)]
        signers = [s for s in unique(signers) if s.name not in {o.name for o in others}]
        if not others or not signers:
            continue
        sides = [(s, *others) for s in signers] if _each(verb) else [tuple(signers + others)]
        yield verb, _name(action), sides


def _with_parties(action: Token, ctx: Context, number: int) -> list[ActorRef]:
    """"set up production with Polish state group PGZ": the counterpart of the action or its object."""
    holders = [action, *(c for c in action.children if c.dep_ == "dobj")]
    refs: list[ActorRef] = []
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None:
            refs += [r for r in resolve_phrase(obj, ctx, number, exclude=[]) if r.kind in PARTY_KINDS]
    return unique(refs)


def _each(verb: Token) -> bool:
    """"X and Y each agreed": separate agreements, one per subject."""
    return any(t.lower_ == "each" for s in verb.children if s.dep_ == "nsubj" for t in s.subtree) or any(
        c.lower_ == "each" for c in verb.children
    )


def _name(action: Token) -> str:
    """"agreement to set up local production", cut before the counterpart."""
    words = []
    for token in action.doc[action.i : action.right_edge.i + 1]:
        if token.lower_ in {"with", ",", "by", "in", "on"} or token.ent_type_ == "DATE":
            break
        words.append(token.text)
    return "agreement to " + " ".join(words)
