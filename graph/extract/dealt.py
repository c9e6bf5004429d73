"""The deals a clause tells, as the document model needs them: which verbs buy and which hold, what
is a share, and whose shares or company a deal is about ("X bought 51% of its shares": not X's own).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from graph.extract.frames import frame_lexicon
from graph.extract.roles import active_subject


def a_share(word: Token) -> bool:
    """A percentage or a share noun ("41.5%", "a stake", "a 51% interest")."""
    return word.ent_type_ == "PERCENT" or word.lemma_.lower() in frame_lexicon().share_words


def party_dealt_with(pronoun: Token) -> Token | None:
    """"X now controls Y after buying 51% of its shares": a possessive in what a deal verb takes is
    not its doer's (one does not buy one's own shares) but the other company named before it."""
    verb = next((a for a in pronoun.ancestors if a.pos_ == "VERB"), None)
    if verb is None or verb.lemma_.lower() not in buying_verbs():
        return None
    doers = {t.i for s in active_subject(verb) for t in s.subtree}
    named = [t for t in pronoun.doc[pronoun.sent.start : pronoun.i]
             if t.pos_ == "PROPN" and t.dep_ != "compound" and t.i not in doers and t.ent_type_ not in {"GPE", "DATE"}]
    return named[-1] if named else None


def bought(name: Token) -> bool:
    """A name a buying verb takes, or one a share is of ("40% of Y", "a stake in Y")."""
    if name.dep_ == "dobj":
        return name.head.lemma_.lower() in buying_verbs()
    holding = name.head.head if name.dep_ == "pobj" and name.head.lower_ in {"of", "in"} else None
    return holding is not None and a_share(holding)


@cache
def buying_verbs() -> frozenset[str]:
    """The acquisition frame's verbs, but for buying back one's own shares."""
    return frozenset(v for f in frame_lexicon().frames if f.name == "acquisition" for v in f.verbs) - {"buy back", "repurchase"}


@cache
def holding_verbs() -> frozenset[str]:
    """The verbs of the frames of existing holdings ("owns", "holds", "controls", "keeps")."""
    return frozenset(v for f in frame_lexicon().frames if f.form == "existing holding" for v in f.verbs)


def owner_before(clause: Token, head: Token) -> Token | None:
    """The name whose deal a clause is about ("X's largest"), if it names one."""
    owners = [t for t in clause.subtree if t.dep_ == "poss" and t.pos_ == "PROPN" and t.i < head.i]
    return owners[-1] if owners else None
