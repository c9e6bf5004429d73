"""Dependency-parse readings the extractors share (a preposition's object, "to" + verb, the words of
a name the parser or tagger cut), each named for the construction it reads instead of spelling out
the walk over children at every use."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from spacy.tokens import Span, Token

from graph.extract.common import entity_at, hyphened_to, is_headline
from graph.extract.lexicon import lexicon

SIDE_PREPS = frozenset({"between", "with", "among"})  # the prepositions that name a deal's sides
AMOUNT_LABELS = frozenset({"PERCENT", "MONEY"})


def object_of(prep: Token, deps: Collection[str] = ("pobj",)) -> Token | None:
    """The first object of a preposition, if the parser gave it one (with "pcomp" in ``deps``, a
    clause as well: "as building Y")."""
    return next((c for c in prep.children if c.dep_ in deps), None)


OTHERS_PREPS = frozenset({"from", "by", "to", "with"})  # "the refinery from X": a giver hung on the noun, not its name


def own_words(noun: Token) -> list[Token]:
    """The words of a noun's own phrase: its subtree without the "from"/"by"/"to"/"with" phrases the
    parser hangs on it that name someone else ("a loan for the refinery from X") and without its
    conjuncts ("the venture and X": X is a phrase of its own)."""
    others = {t.i for c in noun.children if (c.dep_ == "prep" and c.lower_ in OTHERS_PREPS) or c.dep_ in {"cc", "conj"}
              for t in c.subtree}
    return [t for t in noun.subtree if t.i not in others]


def modified_by(head: Token, words: Collection[str]) -> bool:
    """An adjective of ``words`` modifies the head ("the new shareholders", "the remaining 40%")."""
    return any(c.dep_ == "amod" and c.lower_ in words for c in head.children)


def within(token: Token, head: Token) -> bool:
    """``token`` is ``head`` or lies in its phrase ("x in head.subtree", asked up the ancestors instead of
    walking the whole subtree: a chain of nested clauses would make that quadratic)."""
    return token == head or head.is_ancestor(token)


def determined_by(head: Token, words: Collection[str]) -> bool:
    """A determiner of ``words`` stands before the head ("the loan", "this agreement", "a stake")."""
    return any(c.dep_ == "det" and c.lower_ in words for c in head.children)


def prep_objects(head: Token, preps: Collection[str]) -> list[Token]:
    """The objects of the word's prepositions that are among ``preps``, in parse order."""
    return [o for p in head.children if p.dep_ == "prep" and p.lower_ in preps for o in p.children if o.dep_ == "pobj"]


def infinitive(verb: Token) -> bool:
    """The verb has "to" as its auxiliary: a plan, purpose or complement, not a told act."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def marked(verb: Token, marks: Collection[str]) -> bool:
    """The verb's clause opens with one of the subordinating words ``marks`` ("while", "if")."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)


def left_phrase(token: Token) -> Span:
    """The token's phrase up to the token: its left modifiers and itself, from the start of an
    amount its first word is in ("its 39 per cent-owned affiliate": the parser hangs "39 per" apart)."""
    first = token.left_edge
    amount = entity_at(first) if first.ent_type_ in AMOUNT_LABELS else None
    return token.doc[amount.start if amount is not None else first.i : token.i + 1]


def subtree_span(token: Token) -> Span:
    """The token's whole phrase as one span."""
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def pruned_subtree(token: Token, pruned: Collection[str]) -> Iterator[Token]:
    """The phrase of ``token`` without the clauses inside it (its dependents attached by ``pruned``)."""
    yield token
    for child in token.children:
        if child.dep_ not in pruned:
            yield from pruned_subtree(child, pruned)


def name_part(token: Token) -> bool:
    """A proper noun the parser hung before a name's head as a compound, or as an adjective to it;
    a capitalised word the tagger took for a common noun ("Tarrow" of "Tarrow Mining") too."""
    if token.pos_ == "NOUN" and token.dep_ == "compound":
        return token.text[:1].isupper() and token.head.pos_ == "PROPN"
    return token.pos_ == "PROPN" and (token.dep_ in {"compound", "nmod"} or (token.dep_ == "amod" and token.ent_type_ != "NORP"))


def plural_owner_start(first: Token) -> int:
    """"Ikamva Workers' Pension Fund", "Teachers' Mutual Aid Fund": a capitalised plural possessive
    before a name is part of it (a singular "X's" names an owner, and so does a company's "X
    Holdings'"); the position the name then starts."""
    doc, i = first.doc, first.i
    if i - 2 < first.sent.start or doc[i - 1].tag_ != "POS" or doc[i - 1].text not in {"'", "’"}:
        return i
    owner = doc[i - 2]
    company = owner.lower_ in lexicon().company_words  # "Orvik Holdings' X": a company owns X
    if company or not (owner.text[:1].isupper() and owner.is_alpha and owner.lower_.endswith("s") and owner.head.i >= i):
        return i
    start = owner.i
    while start > first.sent.start and name_part(doc[start - 1]) and doc[start - 1].head.i == owner.i:
        start -= 1
    return start


def name_span(head: Token) -> Span:
    """The name ``head`` ends, with the name parts the parser hung before it ("Sable Partners")."""
    start = head.i
    while start > head.sent.start and name_part(head.doc[start - 1]):
        start -= 1
    start = plural_owner_start(head.doc[start])
    while start < head.i and start - 2 >= head.sent.start and hyphened_to(head.doc[start]) and head.doc[start - 2].pos_ == "PROPN":
        start -= 2  # "Export-Import Bank": the word hyphened to its first part is the name's ("A-B" of two names is a pair)
        while start > head.sent.start and name_part(head.doc[start - 1]):
            start -= 1
    return head.doc[start : head.i + 1]


def name_word(verb: Token) -> bool:
    """"and Atlas Mineral Holding the remaining 40%": a capitalised "verb" inside a body sentence,
    right after a proper noun or with one compounded to it, is the last word of a name."""
    if verb.is_sent_start or not verb.text[:1].isupper() or is_headline(verb.sent):
        return False
    before = verb.doc[verb.i - 1]
    return before.pos_ == "PROPN" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in verb.lefts)


def links_parties(noun: Token) -> bool:
    """A "between", "with" or "among" phrase on the noun: it names its sides itself."""
    return any(c.dep_ == "prep" and c.lower_ in SIDE_PREPS for c in noun.children)

