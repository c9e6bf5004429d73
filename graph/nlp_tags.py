"""The model's lemmas and tags, mended after the lemmatizer: a plural noun the tables do not know
keeps its singular as lemma ("gigafactories"), a verb with a "co-" prefix keeps its verb's base
form ("co-invested"), and a lower-case word tagged a proper noun is a common noun (but a lower-case legal
form ending a name, "… Mines plc", is the name's).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from spacy.attrs import POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PROPN, VERB
from spacy.tokens import Doc, Token

from graph.keys import LEGAL_FORM


def add_tag_fixes(nlp: Language) -> None:
    """Add the three components after the model's lemmatizer."""
    nlp.add_pipe("plural_lemmas", after="lemmatizer")
    nlp.add_pipe("prefixed_verb_lemmas", after="plural_lemmas")
    nlp.add_pipe("lowercase_proper_nouns", after="plural_lemmas")


@Language.component("plural_lemmas")
def plural_lemmas(doc: Doc) -> Doc:
    """A plural noun the lookup tables do not know ("dams", "gigafactories") keeps its plural as
    its lemma; every word list is keyed by the singular."""
    for token in tokens_with(doc, TAG, get_string_id("NNS")):
        if token.lemma_.lower() == token.lower_:
            token.lemma_ = _singular(token.lower_)
    return doc


@Language.factory("prefixed_verb_lemmas")
def prefixed_verb_lemmas(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """"co-invested", "co-owned": the lemma of a verb with a "co-" prefix is "co-" and its verb's
    base form, which the rule lemmatizer, not knowing the prefixed word, guesses wrong ("co-investe")."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    known = set(lemmatizer.lookups.get_table("lemma_index").get("verb", []))
    rules = lemmatizer.lookups.get_table("lemma_rules").get("verb", [])
    irregular = lemmatizer.lookups.get_table("lemma_exc").get("verb", {})  # "led" → "lead"

    def base(word: str) -> str:
        forms = [*irregular.get(word, []), *(word[: -len(old)] + new for old, new in rules if word.endswith(old))]
        return next((f for f in [word, *forms] if f in known), word)

    def fix(doc: Doc) -> Doc:
        for token in tokens_with(doc, POS, VERB):
            if token.lower_.startswith("co-"):
                token.lemma_ = "co-" + base(token.lower_[3:])
        return doc

    return fix


def tokens_with(doc: Doc, attr: int, value: int) -> list[Token]:
    """The tokens whose ``attr`` is ``value`` (an id), found in the doc's column (issue 11)."""
    return [doc[i] for i in np.flatnonzero(doc.to_array(attr) == value).tolist()]


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@Language.component("lowercase_proper_nouns")
def lowercase_proper_nouns(doc: Doc) -> Doc:
    """"Serbia's finance ministry" with "ministry" tagged a proper noun: a lower-case word is a
    common noun, whatever the tagger guessed (the small model often guesses PROPN next to a name)."""
    for token in tokens_with(doc, POS, PROPN):
        if token.is_lower and token.is_alpha and not _legal_form_of(token):
            token.pos_ = "NOUN"
    for token in (t for t in tokens_with(doc, POS, NOUN) if t.is_lower and len(t) <= 5 and _legal_form_of(t)):
        token.pos_ = "PROPN"  # "Kabwe Copper Mines plc": the name's last word, however the tagger read it
    return doc


def _legal_form_of(token: Token) -> bool:
    """A lower-case legal form ending the name its compounds spell ("… Mines plc", "… Holdings ltd")."""
    return bool(LEGAL_FORM.fullmatch(" " + token.text)) and any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.lefts)
