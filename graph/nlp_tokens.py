"""The tokenizer's rules, tuned once when the pipeline is built (:func:`graph.nlp.get_nlp`): what
one word is decides what every later stage can see."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex


def tune_tokenizer(nlp: Language) -> None:
    """Percentages glued to participles split, "m." after a number a full stop, slashed legal forms whole."""
    _split_percent_hyphens(nlp)
    _drop_amount_letter_exceptions(nlp)
    _keep_slashed_legal_forms(nlp)


def _split_percent_hyphens(nlp: Language) -> None:
    """"30%-owned", "49%-held": the participle after a percentage is a word of its own, as after
    "per cent-owned", so the parser sees the verb; "80per cent": the number is a word of its own;
    "co-financed", "co-owned": one verb, not "co" and a participle the parser cannot place; "Brandt
    GmbH.": a full stop after a mixed-case legal form is no abbreviation's."""
    joined = "(?:-|–|—|--|---|——|~)(?=["
    infixes = [p.replace(joined, "(?<!^[Cc]o)" + joined) if joined in p else p for p in nlp.Defaults.infixes]
    infixes += [r"(?<=[0-9])%(?=-[A-Za-z])", r"(?<=%)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "80per cent", "49percent", "29.9pc": a percentage glued to its number
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9])(?:per|percent|pct|pc)$",
                r"(?<=[a-z][A-Z])\.$"]  # "… with Brandt GmbH." ("SpA.", "KGaA."): the full stop ends the sentence
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def _drop_amount_letter_exceptions(nlp: Language) -> None:
    """"… for $72m. The deal …": the tokenizer kept "m." as one abbreviation token, so the sentence
    never ended there and the next one's facts were read as this one's. "m" after a number is a
    scale (or metres), and a full stop after it a full stop."""
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k != "m."}


def _keep_slashed_legal_forms(nlp: Language) -> None:
    """"Vesthav Pharma A/S", "Vale S/A": a legal form written with a slash is one word, not "A", "/" and
    "S", so it ends the company's name (``data/lexicon.json`` legal_forms)."""
    from graph.extract.lexicon import lexicon  # noqa: PLC0415

    for form in (f for f in lexicon().legal_forms if "/" in f):
        for written in dict.fromkeys((form.upper(), form)):
            nlp.tokenizer.add_special_case(written, [{ORTH: written}])
