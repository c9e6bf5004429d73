"""Present-tense verbs the tagger read as plural nouns after a name: "Al Vessa pledges to invest $1bn
in X", "Orvel Bank loans $500m to Y". Timelines and headlines tell their acts so; the model made the
verb the root noun, the name its modifier and the rest its noun phrase, so the sentence had no verb.
A root plural noun right after a name, with an object or a "to" clause of its own, is the clause's
verb: the name its subject, the "to" clause its complement.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from graph.nlp_parse import as_a_tree


def add_verb_repairs(nlp: Language) -> None:
    """Add the repair after the parse repairs (``graph.nlp_parse``), which read the model's tree as it is."""
    nlp.add_pipe("verbs_read_as_nouns", after="currency_verbs")


@Language.component("verbs_read_as_nouns")
def verbs_read_as_nouns(doc: Doc) -> Doc:
    for sent in doc.sents:
        noun = sent.root
        name = doc[noun.i - 1] if noun.i > sent.start else None
        if noun.tag_ != "NNS" or name is None or name.pos_ != "PROPN" or name.head != noun or name.dep_ != "compound":
            continue
        complements = [c for c in noun.rights if c.dep_ == "dobj" or (c.dep_ == "acl" and _infinitive(c))]
        if complements and not any(c.dep_ == "det" for c in noun.lefts):
            as_a_tree(noun, lambda noun=noun, name=name, complements=complements: _verb(noun, name, complements))
    return doc


def _infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _verb(noun: Token, name: Token, complements: list[Token]) -> None:
    noun.pos_, noun.tag_ = "VERB", "VBZ"  # the lemma stays: the noun's singular is the verb's ("pledges" → pledge)
    name.dep_ = "nsubj"
    for word in noun.lefts:
        if word.dep_ == "compound" and word != name and word.pos_ == "PROPN":
            word.head = name  # the name's other words
    for clause in complements:
        clause.dep_ = "xcomp" if clause.dep_ == "acl" else clause.dep_
