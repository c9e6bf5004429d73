"""Small helpers every extractor needs: evidence, dates, cue matching."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from functools import wraps
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

from graph.extract.word_lists import word_list
from graph.model import ActorRef, Document, Evidence, PartialDate
from graph.nlp_fast import doc_sentences
from graph.normalize.dates import parse_date
from graph.normalize.money import MoneyMatch, find_money, yen_in

T = TypeVar("T")
R = TypeVar("R")
DASHES = frozenset({"—", "–", "--"})
LEDE_MIN = 8  # tokens a body's first sentence has at least: shorter ones are datelines and bylines
DATELINE_TAIL = 8  # tokens a dateline may run on after its date: "(Central Asia Wire) —"

DEMONSTRATIVES = frozenset({"this", "these", "the", "that", "those"})


_DOCUMENT = ("._.", "document", None, None)  # where spaCy keeps ``doc._.document`` in ``user_data``


def document_of(doc: Doc) -> Document | None:
    """The ``Document`` a Doc was parsed from, read from ``user_data`` (``doc._`` builds an accessor: issue 11)."""
    return doc.user_data.get(_DOCUMENT)


def doc_id(doc: Doc) -> str:
    return getattr(document_of(doc), "id", "doc")


def published(doc: Doc) -> dt.date | None:
    return getattr(document_of(doc), "published", None)


def evidence_for(*spans: Span) -> Evidence:
    """Evidence covering the given sentences (one, or one and its follow-up)."""
    return evidence_between(spans[0].doc, min(s.start_char for s in spans), max(s.end_char for s in spans))


def evidence_between(doc: Doc, start: int, end: int) -> Evidence:
    """Evidence of the document's text from ``start`` to ``end``, quoted from its source as written."""
    source = getattr(document_of(doc), "source_text", None) or doc_text(doc)
    return Evidence(doc_id(doc), source[start:end], start, end)


def extend_evidence(evidence: Evidence, sent: Span) -> Evidence:
    """``evidence`` stretched to the end of a follow-up sentence."""
    first = sent.doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
    return evidence_for(first, sent) if first is not None else evidence


def lemma_text(span: Span | Iterable[Token]) -> str:
    """The lemmas, then the lower-case words, space-padded, so a cue matches either form as a whole word
    (``has_cue``); cached per sentence, since every extractor asks."""
    return per_span(span, "ikg_lemmas", _lemma_text) if isinstance(span, Span) else _lemma_text(span)


def _lemma_text(span: Span | Iterable[Token]) -> str:
    return " " + " ".join(t.lemma_.lower() for t in span) + " " + " ".join(t.lower_ for t in span) + " "


def has_cue(text: str, cues: Iterable[str]) -> bool:
    """Whether a padded lemma text (``lemma_text``) contains any cue phrase."""
    return any(f" {cue} " in text for cue in cues)


def per_doc(doc: Doc, key: str, build: Callable[[], T]) -> T:
    """``build()``, kept in the document's ``user_data`` under ``key``: extractors ask again (issue 9)."""
    if key not in doc.user_data:
        doc.user_data[key] = build()
    return doc.user_data[key]


def per_span(span: Span, key: str, build: Callable[[Span], T]) -> T:
    """``build(span)``, computed once per span and kept in its document's ``user_data`` under ``key``."""
    known = span.doc.user_data.setdefault(key, {})
    if (span.start, span.end) not in known:
        known[span.start, span.end] = build(span)
    return known[span.start, span.end]


def per_token(key: str) -> Callable[[Callable[[Token], R]], Callable[[Token], R]]:
    """A function of one token whose answers are kept per document in ``user_data`` under ``key``:
    for a pure reading of the parse that the extractors ask again of the same token (issue 11). A
    reading that comes back to the token it started from (one rule's pointer leads to a name whose
    other rule points back) finds None there instead of recursing without end."""

    def remembered(read: Callable[[Token], R]) -> Callable[[Token], R]:
        @wraps(read)
        def at(token: Token) -> R:
            known = token.doc.user_data.setdefault(key, {})
            if token.i not in known:
                known[token.i] = None
                known[token.i] = read(token)
            return known[token.i]

        return at

    return remembered


def sums_in(span: Span) -> list[MoneyMatch]:
    """The sums of ``span``'s text, read as its document writes them: a bare "$" its dollar, "¥" its yen,
    "pesos" its country's."""
    doc = span.doc
    return find_money(span.text, dollar=dollar_of(doc), yen=yen_of(doc), country=country_of(doc))


def dollar_of(doc: Doc) -> str | None:
    """What a bare "$" means in this document: its dateline's local dollar, else None (USD)."""
    return per_doc(doc, "ikg_dollar", lambda: _local_dollar(doc_text(doc)))


def _local_dollar(text: str) -> str | None:
    from graph.normalize.money import local_dollar  # noqa: PLC0415

    country = _dateline_country(text)
    return local_dollar(text, country) if country is not None else None


def yen_of(doc: Doc) -> str | None:
    """What a bare "¥" means in this document: the yen in a report about Japan, the yuan in one
    about China, else the one the whole report points to (a report about a borrower that names
    the yen), else what its sentence says (``graph.normalize.money.find_money``)."""
    return {"Japan": "JPY", "China": "CNY"}.get(country_of(doc) or "") or per_doc(doc, "ikg_yen", lambda: yen_in(doc_text(doc)))


def country_of(doc: Doc) -> str | None:
    """The country a document is about: its dateline's, else the one its text names most (which
    settles "pesos" or "rupees")."""
    return per_doc(doc, "ikg_country", lambda: _dateline_country(doc_text(doc)) or _most_named_country(doc))


def _dateline_country(text: str) -> str | None:
    from graph.gazetteer import country_of_place  # noqa: PLC0415 (layering: the gazetteer loads spaCy's tokenizer lazily)
    from graph.ingest.metadata import find_dateline  # noqa: PLC0415

    dateline = find_dateline(text)
    if dateline is None or not dateline.place:
        return None
    return country_of_place(dateline.place) or (country_of_place(dateline.region) if dateline.region else None)


def _most_named_country(doc: Doc) -> str | None:
    """The country the text names most, counting its towns ("south of Casablanca") as well."""
    from graph.gazetteer import country_of_place, load_gazetteer  # noqa: PLC0415

    gaz = load_gazetteer()

    def country(name: str) -> str | None:
        entry = gaz.country_named(name)
        return entry.name if entry is not None else country_of_place(name)

    named = Counter(c for e in doc.ents if e.label_ in {"GPE", "NORP"} and (c := country(e.text)) is not None)
    return named.most_common(1)[0][0] if named else None


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences, split once (``Doc.sents`` walks every token on each access), the
    same list ``token.sent`` is answered from (``graph.nlp_fast.doc_sentences``)."""
    return doc_sentences(doc)[0]


def sentence_at(doc: Doc, index: int) -> Span:
    """The sentence holding token ``index``, by bisection (``Span.sents`` walks the whole document)."""
    found, starts = doc_sentences(doc)
    return found[max(bisect_right(starts, index) - 1, 0)]


def title_line(sent: Span) -> bool:
    """The article's first line without a full stop: its title, which the body tells again."""
    return sent.start == 0 and sent.text.rstrip()[-1:] not in {".", "!", "?", '"'}


def is_headline(sent: Span) -> bool:
    """A title-case line with no final full stop: a headline or a caption (remembered per sentence)."""
    return per_span(sent, "ikg_headlines", _headline)


def _headline(sent: Span) -> bool:
    words = [t for t in sent if t.is_alpha]
    last = next((t for t in reversed(sent) if not t.is_space), sent[-1])
    if len(words) < 3 or last.text[-1:] in {".", "!", "?", '"', "'"}:  # "… Ltd." ends on its abbreviation's stop
        return False
    if _first_line(sent):
        return True  # the title line, in title or sentence case ("Acme agrees to buy Beta")
    capitalised = sum(1 for t in words if t.text[0].isupper())
    return capitalised / len(words) >= 0.6


def _first_line(sent: Span) -> bool:
    """The document's first line, standing alone before a line break."""
    text, own = doc_text(sent.doc), sent.text
    start = len(text) - len(text.lstrip())
    content = own.rstrip()
    broken = "\n" in own[len(content):] or text[sent.end_char : sent.end_char + 1] in {"\n", ""}
    return sent.start_char == start and broken and "\n" not in content


def lede_sentence(doc: Doc) -> Span | None:
    """The first sentence of the body: after the headline, the header lines, a dateline split off
    on its own ("CAIRO -") and a picture's caption."""
    return next((sent for sent in sentences(doc) if not is_headline(sent) and len(sent) > LEDE_MIN and not is_caption(sent)), None)


def is_caption(sent: Span) -> bool:
    """"Photo: Bags of beans wait at a warehouse in X", "Image Credit: …": a caption word and a colon
    open it (``data/word_lists.json`` caption_words)."""
    colon = next((t.i for t in sent[:4] if t.text == ":"), None)
    return colon is not None and sent.doc[sent.start : colon].text.lower() in word_list("caption_words")


def dateline(ent: Span) -> bool:
    """A dateline's date: the day of the report, not of the act; only capitalised words before it
    on its line, a dash soon after ("BISHKEK, Sept. 18, 2025 (Wire) — …")."""
    doc = ent.doc
    line_start = doc_text(doc).rfind("\n", 0, ent.start_char) + 1
    before = [w for w in doc_text(doc)[line_start : ent.start_char].split() if not w.isdigit()]  # "25" of "25 October"
    if any(w[:1].islower() for w in before):
        return False
    if not before and not _in_the_dateline(ent):
        return False  # "March 2017 – X signs …": a timeline's entry opens with the date of what it tells
    return any(t.text in DASHES for t in doc[ent.end : ent.end + DATELINE_TAIL])


def _in_the_dateline(ent: Span) -> bool:
    found = ent.doc._.dateline_chars
    return found is not None and found[0] <= ent.start_char < found[1]


def dates_in(span: Span) -> list[tuple[Span, PartialDate]]:
    """DATE entities inside ``span`` that resolve to a date (relative to the article)."""
    base = published(span.doc)
    dated = [(ent, parse_date(ent.text, relative_base=base)) for ent in entities_in(span) if ent.label_ == "DATE" or _year(ent)]
    return [(ent, value) for ent, value in dated if value is not None]


def _year(ent: Span) -> bool:
    """"In 2023 X bought …": a year the model tagged a number, the object of a preposition of time."""
    word = ent[0]
    return (ent.label_ == "CARDINAL" and len(ent) == 1 and word.is_digit and len(word) == 4 and 1900 <= int(word.text) <= 2100
            and word.dep_ == "pobj" and word.head.lower_ in {"in", "since", "until", "by", "during", "from", "before", "after"})


def doc_text(doc: Doc) -> str:
    """The document's text, built once: ``Doc.text`` joins every token on each access (issue 9)."""
    return per_doc(doc, "ikg_text", lambda: doc.text)


def _entity_index(doc: Doc) -> tuple[list[Span], list[int]]:
    """Every entity and its start token, built once: ``doc.ents`` builds a new list each call (issue 9)."""
    index = per_doc(doc, "ikg_ents", lambda: list(doc.ents))
    return index, per_doc(doc, "ikg_ent_starts", lambda: [e.start for e in index])


def hyphened_to(word: Token) -> bool:
    """"co-finance", "Avtokomponent-Invest": the word is written right after another and a hyphen,
    with no space between them."""
    doc, i = word.doc, word.i
    return i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_


def hyphened_to_a_word(token: Token) -> bool:
    """"Lumpur" in "Kuala Lumpur-based": a hyphen and a lower-case word after it (not "Acme-Beta")."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text in {"-", "–"} and doc[token.i + 2].is_lower


def entity_at(token: Token) -> Span | None:
    """The named entity that covers ``token``, if any."""
    index, starts = _entity_index(token.doc)
    at = bisect_right(starts, token.i) - 1
    return index[at] if at >= 0 and index[at].end > token.i else None


def entities_in(span: Span) -> list[Span]:
    """The named entities inside ``span``, from the per-document index."""
    index, starts = _entity_index(span.doc)
    return [e for e in index[bisect_left(starts, span.start) : bisect_left(starts, span.end)] if e.end <= span.end]


def first_date(span: Span) -> PartialDate | None:
    """The most precise date stated in ``span``, the earliest one on ties."""
    return most_precise(dates_in(span))


def most_precise(dated: list[tuple[Span, PartialDate]]) -> PartialDate | None:
    """The most precise of the dates, the earliest stated on ties."""
    return min(dated, key=lambda f: (f[1].vagueness, f[0].start))[1] if dated else None


def first_found(read: Callable[[T], R | None], items: Iterable[T]) -> R | None:
    """The first ``read(item)`` that is not None, reading no further."""
    return next((found for item in items if (found := read(item)) is not None), None)


def previous_sentence(sent: Span) -> Span | None:
    return sent.doc[sent.start - 1].sent if sent.start > 0 else None


def next_sentence(sent: Span) -> Span | None:
    return sent.doc[sent.end].sent if sent.end < len(sent.doc) else None


def starts_with_anaphora(sent: Span, heads: Iterable[str]) -> bool:
    """The sentence opens with a demonstrative or "the" and one of ``heads`` within its first six
    words, or its main subject is such a phrase after an opening clause, so it refers back ("This
    €42 million transaction …", "These investments …", "Including milestones, the deal is worth …")."""
    heads = set(heads)
    subjects = [c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in heads]
    if any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for s in subjects for c in s.children):
        return True
    first = [t for t in sent if not t.is_punct][:6]
    if not first or first[0].lower_ not in DEMONSTRATIVES:
        return False
    return any(t.lemma_.lower() in heads or t.lower_ in heads for t in first[1:])


def unique(refs: list[ActorRef]) -> list[ActorRef]:
    """The first reference of each name, in order."""
    seen: dict[str, ActorRef] = {}
    for ref in refs:
        seen.setdefault(ref.name, ref)
    return list(seen.values())
