"""Sums the model read as the head of their noun phrase: "The R$2.4 billion ($430 million) acquisition
of the stake by X was agreed …". With a converted amount in brackets after the sum, the small model
may make the sum the sentence's subject and the deal noun its apposition, so the noun has no verb and
no frame reads it. A noun right after the closing bracket of a sum's conversion is the phrase's head;
the sum, conversion included, modifies it (as the model itself reads "The R$1.4 billion acquisition").
"""

from __future__ import annotations

from spacy.attrs import DEP
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from graph.nlp_parse import SCALES, as_a_tree
from graph.nlp_tags import tokens_with

LEFT_OF_PHRASE = frozenset({"det", "poss", "predet", "amod"})


def add_sum_repairs(nlp: Language) -> None:
    """Add the repair after the verb repairs (``graph.nlp_verbs``)."""
    nlp.add_pipe("converted_sums_read_as_heads", after="verbs_read_as_nouns")


@Language.component("converted_sums_read_as_heads")
def converted_sums_read_as_heads(doc: Doc) -> Doc:
    """Make the noun after a sum's bracketed conversion the head of its phrase, the sum its modifier."""
    for noun in tokens_with(doc, DEP, get_string_id("appos")):
        sum_ = noun.head
        if noun.pos_ == "NOUN" and _a_scaled_sum(sum_) and _conversion_between(sum_, noun):
            as_a_tree(noun, lambda noun=noun, sum_=sum_: _rehead(sum_, noun))
    return doc


def _a_scaled_sum(token: Token) -> bool:
    """"billion" of "R$2.4 billion", "$430m": a scale word or a number after a currency sign."""
    return token.lower_ in SCALES or (token.like_num and token.i > 0 and token.doc[token.i - 1].tag_ == "$")


def _conversion_between(sum_: Token, noun: Token) -> bool:
    """"( $430 million )" right between the sum and the noun."""
    doc = sum_.doc
    if noun.i < sum_.i + 4 or doc[sum_.i + 1].text != "(" or doc[noun.i - 1].text != ")":
        return False
    inside = doc[sum_.i + 2 : noun.i - 1]
    return any(t.tag_ == "$" for t in inside) and any(t.like_num for t in inside)


def _rehead(sum_: Token, noun: Token) -> None:
    noun.head, noun.dep_ = (noun, "ROOT") if sum_.head == sum_ else (sum_.head, sum_.dep_)
    for child in list(sum_.children):
        if child.dep_ in LEFT_OF_PHRASE and child.i < sum_.i and child.tag_ != "$":
            child.head = noun  # "The", "its"
    sum_.head, sum_.dep_ = noun, "nummod"
