"""Filters on event triggers that read more than the trigger's word: whether a verb of intent is
really one, and whether a framing "during" phrase states its event as done.

Round 4 (unseen text): "called the move coercion at a press conference" names, it does not
urge; "signed five documents during the official visit of X" tells the visit as happened.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.context import earlier_sentences

# "call" urges only with these: "called for sanctions", "called on X to leave", "called to halt"
URGING_PREPS = frozenset({"for", "on", "upon"})
# verbs whose object is judged, not told: "called the sanctions illegal", "described the drill as a threat"
NAMING_VERBS = frozenset({"call", "describe", "label", "brand", "term", "dub"})
# determiners that point back to things already told: "the helicopters were supplied free of charge"
BACK_DETS = frozenset({"the", "these", "those"})
# verbs that state what happened during an event only in a done tense
DONE_TAGS = frozenset({"VBD", "VBN"})


def urges(token: Token) -> bool:
    """ "called for talks" is intent; "called the US move 'coercion'" is speech about a done act."""
    if token.lemma_.lower() != "call":
        return True
    return any(
        (c.dep_ == "prep" and c.lower_ in URGING_PREPS and not _dated(c)) or c.dep_ in {"xcomp", "ccomp"}
        for c in token.children
    )


def _dated(prep: Token) -> bool:
    """ "called … on 4 June": a date, not the "on X" of "called on X to leave"."""
    return any(c.ent_type_ == "DATE" for c in prep.children)


def judged(trigger: Token) -> bool:
    """ "called the sanctions illegal": the object of a verb of naming is an event talked about,
    not one told."""
    return trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in NAMING_VERBS


def during_done(trigger: Token) -> bool:
    """ "signed five documents during the official visit of X": the act done during the event
    states that the event took place (not "will sign … during the visit")."""
    prep = trigger.head
    if trigger.dep_ != "pobj" or prep.lower_ != "during":
        return False
    verb = prep.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.tag_ not in DONE_TAGS:
        return False
    return not any(c.tag_ == "MD" for c in verb.children)


def retold(trigger: Token) -> bool:
    """ "The ministry said the helicopters were supplied free of charge": a verb whose goods are the
    ones named in the sentences before tells the same act again, not another one."""
    if trigger.pos_ != "VERB":
        return False
    goods = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"} and c.pos_ == "NOUN"]
    pointed = [g for g in goods if any(d.dep_ == "det" and d.lower_ in BACK_DETS for d in g.children)]
    before = {t.lemma_.lower() for sent in earlier_sentences(trigger.sent, limit=3) for t in sent if t.pos_ == "NOUN"}
    return any(g.lemma_.lower() in before for g in pointed)
