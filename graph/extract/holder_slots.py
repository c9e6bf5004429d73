"""Positions of the nouns that name an owner or an asset rather than a deal: an owned unit ("X's
subsidiary Y"), an owner ("X, owner of Y") and an asset with a sum ("a $290m plant"); the frame
reader (``frames.frame_matches``) reads them with these, as it reads verbs and deal nouns.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.roles import SUBJECT_DEPS, children, governing_subject, prep_slots
from graph.extract.tree import left_phrase
from graph.extract.word_lists import word_list


def sized_slots(noun: Token) -> dict[str, list[Token]]:
    """A sized asset is the target; its named possessor invests, else the subject of the clause that
    holds it ("X withdrew plans for a $233 million project"), else of a relative clause on it."""
    owner = [c for c in children(noun, {"poss"}) if c.pos_ == "PROPN"]
    # "the $1bn plant that X had planned in Y has been cancelled": the relative clause's subject
    planner = [s for c in children(noun, {"relcl"}) for s in children(c, {"nsubj"}) if s.pos_ == "PROPN"]
    return {"self": [noun], "subject": owner or governing_subject(noun) or planner}


def owned_slots(noun: Token) -> dict[str, list[Token]]:
    """"Y, the local subsidiary of X", "X's unit Y": the owner is "of"/possessor, the named unit the target."""
    slots = prep_slots(noun)
    slots["subject"] = slots.pop("of", []) or children(noun, {"poss"}) or _possessive_before(noun)
    named = [a for a in children(noun, {"appos", "compound"}) if a.pos_ == "PROPN"][:1]  # "X's Acme unit"
    if noun.dep_ in {"appos", "compound"} and noun.head.pos_ == "PROPN":  # "X's subsidiary Y" as a compound of Y
        named.append(noun.head)
    if noun.dep_ == "attr" and not named:  # "Y is/became a wholly owned subsidiary of X"
        named = children(noun.head, {"nsubj"})[:1]
    if not named:  # "the local subsidiary of X, Y, said …": the parser hangs Y on X
        named = [a for o in slots["subject"] for a in children(o, {"appos"}) if a.pos_ == "PROPN"][:1]
    slots["object"] = named
    return slots


def _possessive_before(noun: Token) -> list[Token]:
    """"its 39 per cent-owned Y affiliate": the parser hangs "its" on the number, before the phrase."""
    start = left_phrase(noun).start
    before = noun.doc[start - 1] if start > 0 else None
    return [before] if before is not None and before.tag_ == "PRP$" and before.head.ent_type_ == "PERCENT" else []


def agent_slots(noun: Token) -> dict[str, list[Token]]:
    """"X, owner of Y", "X is the owner of Y", "Y's owner X": the agent noun names the subject."""
    slots = prep_slots(noun)
    slots["object"] = slots.pop("of", []) or slots.pop("in", []) or children(noun, {"poss"})  # "shareholders in Y"
    subject: list[Token] = []
    if noun.dep_ == "appos":
        subject = [noun.head]
    elif noun.dep_ == "compound" and noun.head.pos_ == "PROPN" and noun.head.i > noun.i:  # "Y-owner X", "Y parent X"
        owned = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if owned:  # (not "the Japanese lender X": a descriptor naming nothing it holds)
            return {**slots, "object": owned, "subject": [noun.head]}
    elif noun.dep_ == "attr" and (noun.head.lemma_ == "be" or _with_a_share(noun)):  # "X became Y's top shareholder with 25%"
        subject = children(noun.head, SUBJECT_DEPS)
    elif noun.dep_ == "nsubj" and noun.head.lemma_ in word_list("listing_verbs"):  # "the owners of Y include X and Z"
        listed = children(noun.head, {"dobj", "attr"}) + [c for c in children(noun.head, {"conj"}) if c.pos_ == "PROPN"]
        subject = [t for t in listed if t.i > noun.i]  # "…, and Z, with 35%": Z hung on the verb
        return {**slots, "subject": subject}
    named = [a for a in children(noun, {"appos"}) if a.pos_ == "PROPN"]
    slots["subject"] = [t for t in subject if t.i < noun.i] or named or _name_before_comma(noun)
    return slots


def _with_a_share(noun: Token) -> bool:
    """"became Y's largest shareholder with a 25% stake": a change of holder that states the share."""
    return noun.head.lemma_ in {"become", "remain"} and any(
        t.ent_type_ == "PERCENT" for w in noun.children if w.lower_ == "with" for t in w.subtree)


def _name_before_comma(noun: Token) -> list[Token]:
    """"X, owner of Y" where the parser lost the apposition: the name right before the comma."""
    start = noun.left_edge.i
    doc = noun.doc
    if start >= 2 and doc[start - 1].text == "," and (doc[start - 2].pos_ == "PROPN" or doc[start - 2].ent_type_):
        return [doc[start - 2]]
    return []
