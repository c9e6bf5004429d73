"""Faster stand-ins for spaCy's Matcher (over token columns) and rule lemmatizer (memoised
base forms), with the same results; issue 11.

Kept apart from :mod:`graph.nlp`, which installs them in the pipeline (with
:class:`SentenceStarts` and :func:`index_sentences` for sentence starts and lookups): the model's
attribute ruler and the gazetteer's acronym patterns match through :class:`ColumnMatcher`
(``doc.to_array`` columns instead of a Python predicate per token and pattern), and
:func:`remember_base_forms` keeps the base forms the rule lemmatizer works out again for
every token. ``tests/test_nlp.py`` checks both against spaCy's own answers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

import numpy as np

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, SENT_START, TAG
from spacy.errors import Errors
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.tokens._retokenize import set_token_attrs


_REGEX_MEMO = 50_000
_LEMMA_MEMO = 200_000  # base forms remembered (spaCy's own cache is unbounded)
# Token attributes ColumnMatcher reads; a pattern on anything else keeps spaCy's Matcher.
_COLUMNS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "NORM": NORM, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}


class ColumnMatcher:
    """Fixed-length token patterns of exact values and IN / NOT_IN lists, matched over
    ``doc.to_array`` columns. Why: spaCy's Matcher steps every pattern through every token
    and calls a Python predicate per token for each IN list; the model's attribute ruler
    (180 patterns) cost as much as the parser and the gazetteer's 100 acronyms a third of
    that (issue 11). Matches and their order are the Matcher's (``tests/test_nlp.py``)."""

    def __init__(self, stock: Any, compiled: list[tuple[int, list[list[tuple]]]]):
        self.stock = stock  # patterns, callbacks, serialisation: the Matcher keeps them
        self._patterns = compiled
        self._columns = sorted({column for _, specs in compiled for spec in specs for column, _, _ in spec})
        # One-token patterns of exact values ({"TAG": "NN"}): one dict lookup per token for all.
        self._lookups: dict[tuple[int, ...], dict[tuple[int, ...], list[tuple[int, int]]]] = {}
        self._general = [(order, key, specs) for order, (key, specs) in enumerate(compiled) if _exact_values(specs) is None]
        for order, (key, specs) in enumerate(compiled):
            if (exact := _exact_values(specs)) is not None:
                self._lookups.setdefault(tuple(exact), {}).setdefault(tuple(exact.values()), []).append((order, key))
        # The values a lookup's first column can take: only tokens with one are looked up.
        self._firsts = {names: np.array(sorted({ids[0] for ids in lookup}), dtype=np.uint64)
                        for names, lookup in self._lookups.items()}

    @classmethod
    def of(cls, stock: Any, keys: Iterable[str]) -> ColumnMatcher | None:
        """The matcher for ``stock``'s patterns under ``keys``, or None if one is beyond it."""
        compiled = []
        for key in keys:
            callback, patterns = stock.get(key)
            for pattern in patterns:
                specs = [_compile_spec(spec) for spec in pattern]
                if callback is not None or not pattern or None in specs:
                    return None
                compiled.append((get_string_id(key), specs))
        return cls(stock, compiled)

    def __call__(self, doc: Doc, *, as_spans: bool = False, allow_missing: bool = False,
                 with_alignments: bool = False) -> list[tuple[int, int, int]]:
        if as_spans or with_alignments or not self._patterns or len(doc) == 0:
            return self.stock(doc, as_spans=as_spans, allow_missing=allow_missing, with_alignments=with_alignments)
        table = doc.to_array(self._columns).reshape(len(doc), len(self._columns))
        columns = {attr: table[:, i] for i, attr in enumerate(self._columns)}
        found = []
        for names, lookup in self._lookups.items():
            starts = np.flatnonzero(_member(columns[names[0]], self._firsts[names]))
            for start, ids in zip(starts.tolist(), zip(*(columns[name][starts].tolist() for name in names))):
                for order, key in lookup.get(ids, ()):
                    found.append((start + 1, start, order, key))
        for order, key, specs in self._general:
            hits = _pattern_hits(doc, columns, specs)
            found.extend((start + len(specs), start, order, key) for start in hits.tolist())
        found.sort()  # the Matcher's order: by end, then start, then pattern
        return [(key, start, end) for end, start, _, key in found]

    def add(self, *args: Any, **kwargs: Any) -> None:
        """A pattern added (or removed) later goes to the Matcher, which then answers every call."""
        self.stock.add(*args, **kwargs)
        self._patterns = []

    def remove(self, key: Any) -> None:
        self.stock.remove(key)
        self._patterns = []

    def __getattr__(self, name: str) -> Any:  # get, _normalize_key, …: the Matcher's
        if name == "stock":
            raise AttributeError(name)  # unpickling: not set yet
        return getattr(self.stock, name)


def _exact_values(specs: list[list[tuple]]) -> dict[int, int] | None:
    """Column → id of a one-token pattern of exact values on distinct columns, else None."""
    if len(specs) != 1 or not specs[0] or any(kind != "in" or len(ids) != 1 for _, kind, ids in specs[0]):
        return None
    exact = {column: int(ids[0]) for column, _, ids in sorted(specs[0], key=lambda c: c[0])}
    return exact if len(exact) == len(specs[0]) else None


def _compile_spec(spec: dict) -> list[tuple] | None:
    """One token's conditions as (column, kind, payload), or None if unsupported. Kinds:
    "in" / "not_in" a list of ids; "regex" a pattern searched in the value's string."""
    conditions = []
    for name, value in spec.items():
        column = _COLUMNS.get(name.upper())
        if column is None:
            return None
        op, values = next(iter(value.items())) if isinstance(value, dict) and len(value) == 1 else ("=", value)
        if op == "REGEX" and isinstance(values, str):
            conditions.append((column, "regex", (re.compile(values), {})))
        elif op in ("IN", "NOT_IN") and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in values):
            conditions.append((column, op.lower(), np.array(sorted({get_string_id(v) for v in values}), dtype=np.uint64)))
        elif op == "=" and isinstance(values, (str, int)):  # bool is an int: IS_SPACE True → 1
            exact = int(values) if isinstance(values, int) else get_string_id(values)
            conditions.append((column, "in", np.array([exact], dtype=np.uint64)))
        else:
            return None
    return conditions


def _member(values: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """``np.isin(values, ids)`` for sorted ``ids`` by bisection: np.isin sorts both arrays on
    every call, its cost for a doc's column and a short list (issue 11)."""
    if len(ids) == 0:
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(ids, values)
    at[at == len(ids)] = 0
    return ids[at] == values


def _pattern_hits(doc: Doc, columns: dict[int, np.ndarray], specs: list) -> np.ndarray:
    """Start positions where each token of the pattern meets its conditions (regexes last,
    on the few candidates left, memoised per string id)."""
    width = len(specs)
    if width > len(doc):
        return np.empty(0, dtype=np.int64)
    mask = np.ones(len(doc) - width + 1, dtype=bool)
    for offset, spec in enumerate(specs):
        for column, kind, ids in spec:
            if kind != "regex":
                values = columns[column][offset : offset + len(mask)]
                accepted = values == ids[0] if len(ids) == 1 else _member(values, ids)
                mask &= ~accepted if kind == "not_in" else accepted
    hits = np.flatnonzero(mask)
    for offset, spec in enumerate(specs):
        for column, kind, (pattern, memo) in (c for c in spec if c[1] == "regex"):
            values = columns[column][hits + offset]
            if len(memo) > _REGEX_MEMO:
                memo.clear()  # bounded: a large corpus has millions of distinct words
            for value in (v for v in np.unique(values).tolist() if v not in memo):
                memo[value] = bool(pattern.search(doc.vocab.strings[value]))
            hits = hits[np.fromiter((memo[v] for v in values.tolist()), dtype=bool, count=len(values))]
    return hits


# Token fields an attribute rule may set that Doc.from_array writes as set_token_attrs does: on
# the token alone (set_token_attrs writes a lexeme's field too, and these are none of a lexeme's).
_TOKEN_FIELDS = frozenset({POS, TAG, MORPH, LEMMA, DEP})


def fast_attribute_ruler(ruler: Any) -> None:
    """An AttributeRuler matching through a :class:`ColumnMatcher`, its matches ordered by rule
    without a string-store lookup each, and their attributes written per doc in one array: the
    tag map's rules match 40,000 times on the bench corpus, and each set a token (issue 11)."""
    ruler.matcher = ColumnMatcher.of(ruler.matcher, [str(i) for i in range(len(ruler.attrs))]) or ruler.matcher
    rule_of = {get_string_id(str(i)): i for i in range(len(ruler.attrs))}
    ruler.match = partial(_ordered_matches, ruler, rule_of)
    fields = sorted({attr for attrs in ruler.attrs for attr in attrs})
    if set(fields) <= _TOKEN_FIELDS:
        column = {field: j for j, field in enumerate(fields)}
        rules = [[(column[attr], value) for attr, value in attrs.items()] for attrs in ruler.attrs]
        ruler.set_annotations = partial(_set_columns, ruler, fields, rules)
    else:
        ruler.set_annotations = partial(_set_token_attributes, ruler)


def _ordered_matches(ruler: Any, rule_of: dict[int, int], doc: Doc) -> list[tuple[int, int, int, int]]:
    """AttributeRuler.match: (rule, key, start, end), later rules last."""
    matches = ruler.matcher(doc, allow_missing=True, as_spans=False)
    try:
        found = [(rule_of[key], key, start, end) for key, start, end in matches]
    except KeyError:
        return type(ruler).match(ruler, doc)  # a rule added later
    found.sort()
    return found


def _target(ruler: Any, attr_id: int, start: int, end: int) -> int | None:
    index = ruler.indices[attr_id]
    i = (start if index >= 0 else end) + index
    return i if start <= i < end else None


def _set_columns(ruler: Any, fields: list[int], rules: list[list[tuple[int, int]]], doc: Doc,
                 matches: list[tuple[int, int, int, int]]) -> None:
    """AttributeRuler.set_annotations as one write of the fields the rules set, each token's
    values those of its last rule, as there (``tests/test_nlp.py`` compares)."""
    if len(rules) != len(ruler.attrs):
        _set_token_attributes(ruler, doc, matches)  # rules added later
        return
    values = doc.to_array(fields).reshape(len(doc), len(fields))
    for attr_id, _, start, end in matches:
        i = _target(ruler, attr_id, start, end)
        if i is None:
            type(ruler).set_annotations(ruler, doc, matches)  # raises spaCy's error for the rule
            return
        for j, value in rules[attr_id]:
            values[i, j] = value
    doc.from_array(fields, values)


def _set_token_attributes(ruler: Any, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
    """AttributeRuler.set_annotations without a Span per match: each match sets its rule's
    attributes on its token, later rules last, as there."""
    for attr_id, _, start, end in matches:
        i = _target(ruler, attr_id, start, end)
        if i is None:
            type(ruler).set_annotations(ruler, doc, matches)  # raises spaCy's error for the rule
            return
        set_token_attrs(doc[i], ruler.attrs[attr_id])


def remember_base_forms(lemmatizer: Any) -> None:
    """A rule-mode lemmatizer remembers base forms from now on (others are left alone)."""
    if lemmatizer.mode == "rule":
        lemmatizer.lemmatize = partial(_remembered_lemmas, lemmatizer, lemmatizer.lemmatize, {})
        lemmatizer.pipe = partial(_lemmatized, lemmatizer, {})  # what nlp.pipe calls; nlp(text) keeps __call__


def _lemmatized(lemmatizer: Any, ids: dict[tuple[int, int, int], int], docs: Iterable[Doc], **_: Any) -> Iterator[Doc]:
    """Lemmatizer.pipe with each doc's lemmas written in one array: a lemma is looked up by the
    token's (orth, POS, morphology) ids read from the doc's columns, as ``lemmatize`` keys it, and
    asked of ``lemmatize`` once per key; a token per call and a setter per token cost more than
    the lemmas (issue 11). Tokens with a lemma keep it unless the lemmatizer overwrites, as there."""
    error_handler = lemmatizer.get_error_handler()
    for doc in docs:
        try:
            if not lemmatizer._validated:
                lemmatizer._validate_tables(Errors.E1004)
            _write_lemmas(lemmatizer, ids, doc)
            yield doc
        except Exception as e:  # noqa: BLE001 (spaCy's error handler decides, as in Pipe.pipe)
            error_handler(lemmatizer.name, lemmatizer, [doc], e)


def _write_lemmas(lemmatizer: Any, ids: dict[tuple[int, int, int], int], doc: Doc) -> None:
    columns = doc.to_array([ORTH, POS, MORPH, LEMMA]).reshape(len(doc), 4)
    if len(ids) >= _LEMMA_MEMO:
        ids.clear()
    lemmas, add = columns[:, 3].copy(), doc.vocab.strings.add
    for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
        if lemmatizer.overwrite or lemma == 0:
            found = ids.get((orth, pos, morph))
            if found is None:
                found = ids[orth, pos, morph] = add(lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
    doc.from_array([LEMMA], lemmas.reshape(-1, 1))


def _remembered_lemmas(lemmatizer: Any, lemmatize: Any, memo: dict, token: Token) -> list[str]:
    """spaCy's rule lemmatizer caches lemmas by (orth, POS, morphology) but not a base form's,
    worked out again for every token (most nouns, verbs, adjectives; issue 11). Its cache wins,
    as there; what it leaves out depends on that key alone."""
    key = (token.orth, token.pos, token.morph.key)
    forms = lemmatizer.cache.get(key) or memo.get(key)
    if forms is None:
        forms = lemmatize(token)
        if key not in lemmatizer.cache:
            if len(memo) >= _LEMMA_MEMO:
                memo.clear()
            memo[key] = forms
    return forms


class SentenceStarts:
    """A doc's sentence starts before the parser (True, False or None, as ``Token.is_sent_start``)
    read and set in an array, written back at once: the token's setter scans the whole doc for a
    parse on every call, 2,000 scans on the 45 bench documents (issue 11)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.values = doc.to_array([SENT_START]).view(np.int64).ravel()
        self.changed = False

    def __getitem__(self, i: int) -> bool | None:
        value = int(self.values[i])
        return None if value == 0 else value > 0

    def __setitem__(self, i: int, value: bool | None) -> None:
        self.values[i] = 0 if value is None else (1 if value else -1)
        self.changed = True

    def write(self) -> None:
        if self.changed:
            self.doc.from_array([SENT_START], self.values.view(np.uint64).reshape(-1, 1))


def index_sentences(doc: Doc) -> None:
    """``token.sent`` and ``span.sent`` of ``doc`` answered from its sentences, listed once.

    Why: spaCy answers each by slicing the doc twice and walking the sentence's tokens, and the
    extractors ask some 300 times per document (issue 11). The answer is the same span: the
    sentence starts are final when the pipeline has run, and nothing moves them afterwards."""
    doc.user_token_hooks["sent"] = _token_sentence
    doc.user_span_hooks["sent"] = _span_sentence


_SENTENCES = "ikg_sentence_index"  # user_data key: (sentence spans, their start tokens)


def doc_sentences(doc: Doc) -> tuple[list[Span], list[int]]:
    """The doc's sentences and the index of each one's first token, listed once per doc: for
    ``token.sent`` here and for the extractors' own walks (``graph.extract.common.sentences``)."""
    entry = doc.user_data.get(_SENTENCES)
    if entry is None:
        sentences = list(doc.sents)
        entry = doc.user_data[_SENTENCES] = (sentences, [s.start for s in sentences])
    return entry


def _sentence_at(doc: Doc, i: int) -> Span:
    sentences, starts = doc_sentences(doc)
    return sentences[max(bisect_right(starts, i) - 1, 0)]


def _token_sentence(token: Token) -> Span:
    return _sentence_at(token.doc, token.i)


def _span_sentence(span: Span) -> Span:
    return _sentence_at(span.doc, span.start)


_LOWER_LEMMAS: dict[int, str] = {}  # lemma id → the lemma in lower case
_LEMMA_COLUMNS = "ikg_lemma_columns"  # user_data key of a doc's _lemma_columns


def lemma_hits(doc: Doc, words: Any, pos: int | None = None) -> list[int]:
    """Indices of the tokens whose lower-case lemma is in ``words`` (or whose POS is ``pos``), in
    order; kept per doc while ``words`` lives. Why: the extractors look for their trigger words in
    every sentence, and asking each token for its lemma cost more than the triggers' own reading
    (issue 11); the doc's columns answer it in one pass."""
    key = ("ikg_lemma_hits", id(words), pos)
    hits = doc.user_data.get(key)
    if hits is None:
        lowered, at, tags = _lemma_columns(doc)
        wanted = np.fromiter((lemma in words for lemma in lowered), dtype=bool, count=len(lowered))
        mask = wanted[at] if pos is None else wanted[at] | (tags == pos)
        hits = doc.user_data[key] = np.flatnonzero(mask).tolist()
    return hits


def _lemma_columns(doc: Doc) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The doc's distinct lower-case lemmas, each token's index among them, and its POS column:
    worked out once per doc for every word list ``lemma_hits`` is asked about (issue 11)."""
    found = doc.user_data.get(_LEMMA_COLUMNS)
    if found is None:
        columns = doc.to_array([LEMMA, POS]).reshape(len(doc), 2)
        lemmas, at = np.unique(columns[:, 0], return_inverse=True)  # each distinct lemma looked at once
        found = doc.user_data[_LEMMA_COLUMNS] = ([_lower_lemma(doc, lemma) for lemma in lemmas.tolist()], at.ravel(), columns[:, 1])
    return found


def _lower_lemma(doc: Doc, lemma: int) -> str:
    word = _LOWER_LEMMAS.get(lemma)
    if word is None:
        if len(_LOWER_LEMMAS) >= _LEMMA_MEMO:
            _LOWER_LEMMAS.clear()
        word = _LOWER_LEMMAS[lemma] = doc.vocab.strings[lemma].lower()
    return word
