"""A legal form that closes a sentence: "Kessin holds 40 per cent of Tarvel Power Ltd. It paid …".

The tokenizer keeps "Ltd." whole (mid-sentence it is one word of the name), so when the form ends a
sentence the sentence has no full stop of its own: the parser took "Ltd." for that stop, hung it on
the verb as punctuation, and the name before it lost its head ("of" had no object). Once
``abbreviation_breaks`` has decided that a sentence starts after the form, the form is split into
the word and its stop, as the tokenizer splits it at the end of a text.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token


def add_form_splits(nlp: Language) -> None:
    """Add the split after the sentence breaks are known and before the parser reads them."""
    nlp.add_pipe("closing_legal_forms", after="dateline_breaks")


@Language.component("closing_legal_forms")
def closing_legal_forms(doc: Doc) -> Doc:
    """Split each legal form ("Ltd.", "Inc.") that a sentence start follows into word and full stop."""
    orths = doc.to_array(ORTH)
    found = np.flatnonzero(np.isin(orths[:-1], _form_ids())).tolist()  # the column, not every token (issue 11)
    closing = [doc[i] for i in found if doc[i + 1].is_sent_start and "\n" not in doc[i].whitespace_]
    if not closing:
        return doc
    stops = np.flatnonzero(orths == get_string_id(".")).tolist()
    stop_row = doc.tensor[stops[0]].copy() if stops and doc.tensor.size else None
    for form in reversed(closing):
        _split_stop(form, stop_row)
    return doc


@lru_cache(maxsize=1)
def _form_ids() -> np.ndarray:
    from graph.nlp import load_abbreviations  # noqa: PLC0415 (graph.nlp adds this component)

    forms = [abbreviation for abbreviation, kind in load_abbreviations().items() if kind == "form"]
    return np.array([get_string_id(form) for form in forms], dtype=np.uint64)


def _split_stop(form: Token, stop_row: np.ndarray | None) -> None:
    """"Ltd." → "Ltd" "."; the word keeps the form's vector and the stop takes another full stop's,
    so the parser reads them as a name and the full stop after it (a split alone leaves the new
    tokens' vectors zero)."""
    doc, i, tag = form.doc, form.i, form.tag_
    rows = doc.tensor.size and (doc.tensor[i].copy(), doc.tensor[i].copy() if stop_row is None else stop_row)
    with doc.retokenize() as retokenizer:
        heads = [(form, 0), (form, 1)]  # each its own head, as before a parse
        retokenizer.split(form, [form.text[:-1], "."], heads=heads, attrs={"TAG": [tag, "."], "POS": ["PROPN", "PUNCT"]})
    if rows:
        doc.tensor = doc.tensor[: len(doc)]  # the split grows the tensor one row more than the tokens
        doc.tensor[i], doc.tensor[i + 1] = rows
    doc[i + 1].is_sent_start = False
