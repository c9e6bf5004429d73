"""Actors: named entities cleaned, typed and checked against the gazetteer.

The small statistical model tags names well enough but types them poorly and
tags junk ("Image Credit", "COVID-19") as ORG. Each entity goes through the
same steps: strip determiners, possessives, titles and demonyms; look the rest
up in the gazetteer; otherwise type it from its own words and context; drop
what cannot be an actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from graph.extract.common import evidence_for, is_headline, per_doc, sentences
from graph.extract.descriptions import described_as_company, titled
from graph.extract.frames import frame_lexicon
from graph.extract.lexicon import lexicon
from graph.extract.name_spans import bracketed_form_at, legal_form_names, outermost, untagged_names, whole_name
from graph.extract.word_lists import word_list
from graph.gazetteer import Entry, load_gazetteer
from graph.keys import LEGAL_FORM
from graph.model import ActorKind, ActorRef, Mention
from graph.normalize.money import is_currency_code

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "across", "around", "outside", "inside"})
_JUNK_CHARS = re.compile(r"[\[\]@#|/\\{}<>=]|\d+-\d+|^\W|COVID", re.IGNORECASE)
CACHE_KEY = "ikg_actors"
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "dobj"})  # a name there does something: it is someone
PARTY_PREPS = frozenset({"with", "by", "from", "to", "for", "of"})
RELABELS = ({"PERSON", "GPE"}, {"GPE", "ORG"}, {"PERSON", "ORG"}, {"FAC", "ORG"})  # the votes _relabels may cast


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """A cleaned name in the doc and the actor it refers to."""

    span: Span
    ref: ActorRef


def find_actors(doc: Doc) -> list[ActorSpan]:
    """Every actor named in ``doc``, in text order (computed once per doc)."""
    if CACHE_KEY not in doc.user_data:
        relabels = _relabels(doc)
        spans = [whole_name(part) for ent in doc.ents for apart in _split_at_preposition(ent) for part in _split_coordinated(apart)]
        spans = outermost([*spans, *untagged_names(doc), *legal_form_names(doc)])
        found = [a for ent in spans if (a := classify(ent, relabels=relabels)) is not None]
        doc.user_data[CACHE_KEY] = _expand_acronyms(_expand_short_names(found))
    return doc.user_data[CACHE_KEY]


def _split_coordinated(ent: Span) -> list[Span]:
    """"Ministry of Economy and Idroenergia Adriatica S.p.A." is two names the
    model ran together: split at "and" when one side of 2+ words is a government
    body and the other a company, or both are companies and the first ends with a
    company word ("X Capital and Y Partners"; "European Bank for Reconstruction and
    Development" is neither; a known name is never split)."""
    if ent.label_ != "ORG" or load_gazetteer().lookup(ent.text) is not None:
        return [ent]
    for token in ent:
        if token.lower_ != "and" or token.i == ent.start or token.i + 1 >= ent.end:
            continue
        left = Span(ent.doc, ent.start, token.i, label="ORG")
        right = Span(ent.doc, token.i + 1, ent.end, label="ORG")
        sides = {_kind_from_words(side, "ORG", typed=False): side for side in (left, right)}  # kind → side
        long = len(left) >= 2 and len(right) >= 2
        # "the Ministry of Mines and Mining Development" is one ministry: a company's name ends in its company word
        mixed = long and sides.keys() == {ActorKind.GOVERNMENT_BODY, ActorKind.COMPANY} and _ends_a_name(sides[ActorKind.COMPANY])
        two_firms = long and sides.keys() == {ActorKind.COMPANY} and left[-1].lower_ in lexicon().company_words  # "X Capital and Y Partners"
        if right[0].text[0].isupper() and (mixed or two_firms or _named_apart(left, right)):
            return [left, right]
    return [ent]


def _ends_a_name(side: Span) -> bool:
    """The side ends as a company's or a body's name does: in its company or body word, or a legal form."""
    last = side[-1].lower_
    return last in lexicon().government_words or last in lexicon().company_words or LEGAL_FORM.search(side.text) is not None


def _split_at_preposition(ent: Span) -> list[Span]:
    """"sell 90% of X Terminals to Y Capital" tagged one name: "to" or "from" between two
    capitalised words parts two names."""
    inner = [t for t in ent[1:-1] if t.lower_ in {"to", "from"} and t.pos_ == "ADP" and ent.doc[t.i - 1].text[:1].isupper()]
    if ent.label_ != "ORG" or not inner or not ent.doc[inner[0].i + 1].text[:1].isupper():
        return [ent]
    cut = inner[0].i
    return [Span(ent.doc, ent.start, cut, label="ORG"), Span(ent.doc, cut + 1, ent.end, label="ORG")]


def _named_apart(left: Span, right: Span) -> bool:
    """Both sides of "X and Y" are names the article also gives on their own."""
    doc = left.doc
    alone = per_doc(doc, "ikg_entity_texts", lambda: {e.text for e in doc.ents})
    return left.text in alone and right.text in alone


def _relabels(doc: Doc) -> dict[str, str]:
    """Labels the whole doc votes for where the NER contradicts itself: a name tagged a person here
    and a place elsewhere is the place; an unknown "place" or "facility" that acts (a subject, an
    owner) and is never after "in"/"at" is an organisation (the gazetteer decides known names)."""
    ents = doc.ents  # a new tuple of spans on each access: read once
    persons = Counter(e.text for e in ents if e.label_ == "PERSON")
    votes = Counter(e.text for e in ents if e.label_ in {"GPE", "LOC"} and e.text in persons)
    votes.subtract(persons)
    in_full_names = {t.text for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}
    out = {text: "GPE" for text, n in votes.items() if n > 0 and text not in in_full_names}
    gaz = load_gazetteer()
    gpes = [e for e in ents if e.label_ == "GPE" and gaz.lookup(e.text) is None]
    located = {e.text for e in gpes if _is_locative(e)}
    acting = {e.text for e in gpes if e.root.dep_ in ACTING_DEPS}
    ambiguous = set(persons) | {t.text for e in ents if len(e) > 1 and e.label_ != "ORG" for t in e}  # "X Renovables" names X's unit
    for text in acting - located - ambiguous:
        if gaz.country_for_capital(text) is None:
            out.setdefault(text, "ORG")
    places = {e.text for e in ents if e.label_ in {"GPE", "LOC"} and _is_locative(e)}  # "a centre in Lae … a link between Lae and Y"
    organisations = [e for e in ents if e.label_ == "ORG" and e.text in places]
    parties = {e.text for e in organisations if e.root.dep_ in ACTING_DEPS | {"conj"}
               or (e.root.dep_ == "pobj" and e.root.head.lower_ in PARTY_PREPS)}  # "talks with X": someone
    for text in {e.text for e in organisations} - parties:
        out.setdefault(text, "GPE")  # a place the recogniser also tagged an organisation where it does nothing
    heads = lexicon().asset_heads
    facilities = [e for e in ents if e.label_ == "FAC" and e[-1].lower_ not in heads and gaz.lookup(e.text) is None]
    placed = {e.text for e in facilities if _is_locative(e)}
    for text in {e.text for e in facilities if e.root.dep_ in {"nsubj", "poss"}} - placed:
        out.setdefault(text, "ORG")  # "Tracción Ibérica holds 49%": a "facility" that acts and is never a place
    for text in {e.text for e in ents if e.label_ == "PERSON" and described_as_company(e)}:
        out.setdefault(text, "ORG")  # "X chairman Y" once: X is an organisation in every mention
    return out


def actors_in(span: Span) -> list[ActorSpan]:
    """The actors whose names lie inside ``span`` (a sentence or a phrase)."""
    return [a for a in _starting_in(span) if a.span.end <= span.end]


def _starting_in(span: Span) -> list[ActorSpan]:
    """The actors whose names start inside ``span``, found by bisection in the document's list:
    a scan of every actor per sentence made long documents quadratic (issue 9)."""
    actors = find_actors(span.doc)
    starts = per_doc(span.doc, CACHE_KEY + "_starts", lambda: [a.span.start for a in actors])
    return actors[bisect_left(starts, span.start) : bisect_left(starts, span.end)]


def extract(doc: Doc) -> Iterator[Mention]:
    """One ``Mention`` per actor occurrence, with its sentence as evidence."""
    for sent in sentences(doc):  # assets and places too: they are where things happen
        inside = _starting_in(sent)
        if inside:
            evidence = evidence_for(sent)
            yield from (Mention(a.ref, evidence) for a in inside)


def classify(ent: Span, *, relabels: dict[str, str] | None = None) -> ActorSpan | None:
    """The actor an entity names, or None when it is not an actor."""
    span = _strip_edges(ent)
    if span is None or _modifies_a_government(span, ent.label_):
        return None
    gaz = load_gazetteer()
    if ent.label_ not in NAME_LABELS and not ent.ent_id_:
        # "North Macedonia" tagged LOC: only a known name counts
        entry = gaz.lookup(span.text) if ent.label_ in {"LOC", "PRODUCT", "WORK_OF_ART"} else None
        if entry is None and len(span) > 1 and span[0].lower_ in lexicon().leading_asset_words:
            return ActorSpan(span, ActorRef(span.text, ActorKind.ASSET, span.text, None))  # "Estádio X" tagged a product
        if entry is None and len(span) > 1 and span[0].lower_ in lexicon().leading_company_words:
            return _unknown(span, "ORG", None)  # "Banco X" tagged a place
        if entry is None and ent.label_ in {"PRODUCT", "WORK_OF_ART"} and _named_as_a_company(span):
            return _unknown(span, "ORG", None)  # "Atlas Mineral Holding" tagged a work of art
        return ActorSpan(span, _ref(entry, span.text)) if entry else None
    relabel = (relabels or {}).get(ent.text)
    label = relabel if relabel and {ent.label_, relabel} in RELABELS else ent.label_
    demonym = gaz.country_for_demonym(span.text)
    if label == "NORP" or demonym is not None:  # "Kazakh" tagged ORG is still the adjective
        return ActorSpan(span, _ref(demonym, span.text)) if demonym else None
    if titled(span):
        label = "PERSON"
    full = span
    country_hint, span = _strip_demonym(span)
    if label == "PERSON" or (span[0].lower_ in lexicon().titles and not _organisation_words(span)):
        label = "PERSON"  # "President Kassym-Jomart Tokayev" tagged ORG is a person; "Premier League" is no premier
        span = _strip_titles(span)
        if span is None:
            return None
    found = _known(span, country_hint) or _unknown(span, label, country_hint)
    if found is None or span is full or label == "PERSON":
        return found
    # "Ethiopian Investment Commission" is the commission without its demonym; the text's form stays a label
    return ActorSpan(found.span, replace(found.ref, surface=full.text)) if found.ref.surface == span.text else found


def _modifies_a_government(span: Span, label: str) -> bool:
    """"Fed govt vetoes …": a short name right before "government" qualifies it (federal, state),
    it is not the body its letters also spell; a place before it ("the Kenya government") is kept."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].lower_ in {"govt", "gov't"} and label not in {"GPE", "NORP"}


def _known(span: Span, country_hint: str | None) -> ActorSpan | None:
    gaz = load_gazetteer()
    entry = _lookup_in_country(span, country_hint or _possessor_country(span))
    if entry is not None:
        return ActorSpan(span, _ref(entry, span.text))
    capital = gaz.country_for_capital(span.text)
    if capital is not None:
        if _is_locative(span):
            return ActorSpan(span, ActorRef(span.text, ActorKind.ASSET, span.text, capital.name))
        return ActorSpan(span, _ref(capital, span.text))
    stripped = _strip_descriptor(span)
    if stripped is not span:
        return _known(stripped, country_hint) or _unknown(stripped, "ORG", country_hint, typed=True)
    return None


def _named_as_a_company(span: Span) -> bool:
    """Two or more capitalised words ending in a company word ("X Mineral Holding", "Y Steel"), however tagged."""
    return len(span) > 1 and all(t.text[:1].isupper() and t.is_alpha for t in span) and span[-1].lower_ in lexicon().company_words


def _lookup_in_country(span: Span, country: str | None) -> Entry | None:
    """"China's Exim Bank" is the Export-Import Bank of China, not the US one: a name whose entry
    belongs to another country, or that has no entry of its own, is tried with the country."""
    gaz = load_gazetteer()
    entry = gaz.lookup(span.text)
    if country is None or (entry is not None and (entry.country in {None, country} or entry.kind is ActorKind.COUNTRY)):
        return entry
    local = (gaz.lookup(form) for form in (f"{country} {span.text}", f"{span.text} of {country}"))
    return next((entry for entry in local if entry is not None), None)


def _possessor_country(span: Span) -> str | None:
    """The country of "China's Exim Bank", "Turkey's Ziraat Bank"."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ not in {"'s", "'"}:
        return None
    entry = load_gazetteer().lookup(doc[span.start - 2].text)
    return entry.name if entry is not None and entry.kind is ActorKind.COUNTRY else None


def _unknown(span: Span, label: str, country: str | None, *, typed: bool = False) -> ActorSpan | None:
    if load_gazetteer().is_junk(span.text) or _looks_junk(span) or is_headline(span[0].sent):
        return None
    if label == "GPE" and not _organisation_words(span):
        return ActorSpan(span, ActorRef(span.text, ActorKind.ASSET, span.text, country))
    kind = _kind_from_words(span, label, typed=typed)
    if kind is None:
        return None
    return ActorSpan(span, ActorRef(span.text, kind, span.text, country))


def _kind_from_words(span: Span, label: str, *, typed: bool) -> ActorKind | None:
    lex = lexicon()
    words = span.text.lower().split()  # a merged name ("Vale do Sul") is one token of several words
    last = words[-1]
    if len(words) > 1 and words[0] in lex.leading_asset_words:
        return ActorKind.ASSET
    designated = last in lex.company_words or words[0] in lex.leading_company_words
    bodies = lex.organization_words | lex.government_words  # "Instituto Mineiro de X" tagged a person is a body
    if label == "PERSON" and not designated and not described_as_company(span) and not any(w in bodies for w in words):
        return ActorKind.ASSET if _named_asset(span, words) else ActorKind.PERSON
    if label == "FAC" and not (designated and last not in lex.asset_heads):
        return ActorKind.ASSET  # "MRT Line 6", "Paks II": facilities are things invested in; "X Metals" is a company
    if any(w in lex.government_words for w in words):
        return ActorKind.GOVERNMENT_BODY
    if last in lex.asset_heads and not typed:
        return ActorKind.ASSET
    legal_form = LEGAL_FORM.search(span.text) is not None  # "S.p.A." is three tokens
    if typed or legal_form or designated or any(w in lex.company_words for w in words) or described_as_company(span):
        return ActorKind.COMPANY
    if any(w in lex.organization_words for w in words):
        return ActorKind.ORGANIZATION
    return ActorKind.ORGANIZATION if label == "ORG" else None


def _named_asset(span: Span, words: list[str]) -> bool:
    """"Marsk Offshore Wind Farm", "Tarnow Smelter": a capitalised asset word ends no person's name,
    unless it also ends people's and operators' names ("Kim Park", "Kora Rail")."""
    last = span[-1]
    return (len(words) > 1 and last.text[:1].isupper() and last.lemma_.lower() in lexicon().asset_heads
            and words[-1] not in word_list("operator_heads"))


def _organisation_words(span: Span) -> bool:
    """A body's word after the first ("… Asset Development Fund"): a body, even if tagged a place."""
    return len(span) > 1 and any(t.lower_ in _body_words() for t in span[1:])


def _body_words() -> frozenset[str]:
    """The words that make a name a company's, an organisation's or a government body's."""
    lex = lexicon()
    return lex.company_words | lex.organization_words | lex.government_words


def _looks_junk(span: Span) -> bool:
    lex = lexicon()
    text = "".join(t.text_with_ws for t in span if t.lower_ not in lex.legal_forms)  # "X A/S": the slash is the form's
    if _JUNK_CHARS.search(text) or not any(c.isalpha() for c in span.text) or is_currency_code(span.text):
        return True
    if span[-1].lower_ in lex.junk_heads or span[-1].lemma_.lower() in lex.junk_heads:
        return True
    if span.end < len(span.doc) and span.doc[span.end].lower_ == "minister":
        return True  # "Finance Minister X": the portfolio of a title, tagged a name, is no organisation
    long = len(span) > 7 and span[0].lower_ not in lex.government_words | lex.organization_words
    return any(t.tag_ in {"VBZ", "VBD", "VBP"} for t in span) or long


def _strip_edges(span: Span) -> Span | None:
    """Drop "the", possessive "'s", quotes and punctuation around a name."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1
    if end - start > 2 and _deal_noun_at_start(doc[start]) and doc[start + 1].lower_ == "of":
        start += 2  # "Construction of X' plant began": the recogniser took the deal's noun into the name
    # "… Bank (XB": the acronym is no part of it ("X (Pty) Ltd" is)
    end = next((i for i in range(start + 1, end) if doc[i].text == "(" and not bracketed_form_at(doc, i)), end)
    start = _after_a_country_s(doc, start, end)
    while end > start and (doc[end - 1].lower_ in {"'s", "'", "s"} or _dangling(doc[end - 1])):
        end -= 1
    return doc[start:end] if end > start else None


def _after_a_country_s(doc: Doc, start: int, end: int) -> int:
    """"[Mozambique's Competition Regulatory Authority]" tagged as one name: the country's possessive
    is no part of the body's name (the country is still read as its possessor)."""
    mark = next((i for i in range(start + 1, min(start + 4, end - 1)) if doc[i].lower_ in {"'s", "’s"}), None)
    if mark is None:
        return start
    entry = load_gazetteer().lookup(doc[start:mark].text)
    return mark + 1 if entry is not None and entry.kind is ActorKind.COUNTRY else start


def _strip_demonym(span: Span) -> tuple[str | None, Span]:
    """(the country of a leading demonym, the name without it); the demonym stays when the
    rest is only generic or names a government body ("Turkish Airlines")."""
    gaz = load_gazetteer()
    if len(span) < 2 or gaz.lookup(span.text) is not None:
        return None, span
    country = gaz.country_for_demonym(span[0].text)
    if country is None:
        return None, span
    rest = span.doc[span.start + 1 : span.end]
    lex = lexicon()
    # "the Korean Development Bank" keeps its demonym: "Development Bank" alone would name every such bank
    generic = _body_words() | lex.descriptors | frame_lexicon().lender_words
    if all(t.lower_ in generic for t in rest) or any(t.lower_ in lex.government_words for t in rest):
        return country.name, span  # the adjective is part of the name (the country is still its country)
    return country.name, rest


def _deal_noun_at_start(token: Token) -> bool:
    return token.is_sent_start and token.pos_ == "NOUN" and token.lemma_.lower() in frame_lexicon().deal_nouns


def _dangling(token: Token) -> bool:
    """A name never ends in punctuation, a currency sign or a function word ("Ferrovial for £"); a
    legal form the tagger took for one ("X Energi AS") is no function word."""
    return token.is_punct or token.is_currency or (token.pos_ in {"ADP", "CCONJ", "DET"} and not token.text.isupper())


def _strip_titles(span: Span) -> Span | None:
    titles = lexicon().titles
    start = span.start
    while start < span.end and span.doc[start].lower_ in titles:
        start += 1
    return span.doc[start : span.end] if start < span.end else None


def _strip_descriptor(span: Span) -> Span:
    """The name without a trailing lower-case descriptor, or the acronym after "Company"/"Group"."""
    lex, doc = lexicon(), span.doc
    end = span.end
    while end > span.start + 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in lex.descriptors | lex.company_words:
        end -= 1
    if end < span.end:
        return doc[span.start : end]
    acronym = doc[span.end - 1].is_upper and doc[span.end - 1].lower_ not in lex.company_words  # "X Company SAE" keeps its name
    return next((doc[i + 1 : span.end] for i in range(span.start, span.end - 1)
                 if acronym and doc[i].text in {"Company", "Group", "Corporation"}), span)


def _is_locative(span: Span) -> bool:
    """After a preposition of place a city is the place, not its country's government; a company
    a stake is bought "in" is no place."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in LOCATIVE and before.head.lemma_.lower() not in frame_lexicon().stake_nouns


def _ref(entry: Entry, surface: str) -> ActorRef:
    country = entry.name if entry.kind is ActorKind.COUNTRY else entry.country
    return ActorRef(entry.name, entry.kind, surface, country)


def _expand_short_names(found: list[ActorSpan]) -> list[ActorSpan]:
    """A one-word name that is a word of a person's or company's full name is that actor."""
    full: dict[tuple[ActorKind, str], ActorRef] = {}
    for a in found:
        if len(a.ref.name.split()) > 1 and a.ref.kind in {ActorKind.PERSON, ActorKind.COMPANY}:
            for token in a.ref.name.split():
                full.setdefault((a.ref.kind, token.lower()), a.ref)
    out = []
    gaz = load_gazetteer()
    for a in found:
        key = (a.ref.kind, a.ref.name.lower())
        # "Gazprom" after "Gazprom Neft" is the parent company, not a short form
        if " " not in a.ref.name and key in full and gaz.lookup(a.ref.name) is None:
            long = full[key]
            a = ActorSpan(a.span, replace(long, surface=a.ref.surface))
        out.append(a)
    return [a for a in _mistyped_persons(out) if not _lone_person(a)]


def _lone_person(actor: ActorSpan) -> bool:
    """A one-word PERSON never named in full is too often a tagging error."""
    ref = actor.ref
    return ref.kind is ActorKind.PERSON and " " not in ref.name and not titled(actor.span)


def _mistyped_persons(found: list[ActorSpan]) -> list[ActorSpan]:
    """A one-word "person" is an organisation the model mistyped when it is an acronym (all capitals)
    or when the article names it again and again, never in full nor with a title ("Togg"); a name
    seen once ("Photo" in a caption) is left to be dropped as noise."""
    lone = Counter(a.ref.name for a in found if a.ref.kind is ActorKind.PERSON and " " not in a.ref.name)

    def mistyped(actor: ActorSpan) -> bool:
        name = actor.ref.name
        return name in lone and actor.ref.kind is ActorKind.PERSON and (
            (name.isupper() and len(name) >= 3) or (lone[name] >= 3 and not titled(actor.span)))

    return [ActorSpan(a.span, replace(a.ref, kind=ActorKind.ORGANIZATION)) if mistyped(a) else a for a in found]


def _expand_acronyms(found: list[ActorSpan]) -> list[ActorSpan]:
    """A short name the document defines (a bracketed alias, a company's first word) is the full actor."""
    expansions: dict[str, ActorRef] = _first_word_forms(found)
    for actor in found:
        for alias in _bracketed_aliases(actor.span):
            expansions[alias] = actor.ref
    out = []
    for actor in found:
        # the document's own "(Short Name)" beats the gazetteer's reading of the short name
        long = expansions.get(actor.span.text) or expansions.get(actor.ref.name)
        long = long if actor.ref.kind is not ActorKind.COUNTRY else None
        if long is not None and long.name != actor.ref.name:
            actor = ActorSpan(actor.span, replace(long, surface=actor.ref.surface))
        out.append(actor)
    return sorted(out + _untagged_acronyms(found, expansions), key=lambda a: a.span.start)


def _bracketed_aliases(span: Span) -> list[str]:
    """The short names the document defines in brackets right after a name: one capitalised
    acronym, or capitalised words, quoted or not (a filing's ("KSG" or "the JV Company"): each)."""
    doc, end = span.doc, span.end
    if end + 2 >= len(doc) or doc[end].text != "(":
        return []
    close = next((t.i for t in doc[end + 1 : min(end + 12, len(doc))] if t.text == ")"), None)
    if close is None or close == end + 1:
        return []
    cuts = [end, *(t.i for t in doc[end + 1 : close] if t.lower_ == "or"), close]
    parts = [(doc[a + 1 : b], [t for t in doc[a + 1 : b] if not t.is_quote and t.lower_ != "the"]) for a, b in zip(cuts, cuts[1:])]
    return [doc[words[0].i : words[-1].i + 1].text for part, words in parts  # a quoted defined term: ("the Company")
            if words and (len(words) > 1 or words[0].is_upper or any(t.is_quote for t in part))
            and all(t.text[:1].isupper() for t in words)]


def _first_word_forms(found: list[ActorSpan]) -> dict[str, ActorRef]:
    """"Arrowcrest" after "Arrowcrest Minerals": news shortens an unknown company
    to its distinctive first word. Known names keep their gazetteer aliases."""
    gaz, lex = load_gazetteer(), lexicon()
    common = _body_words() | lex.titles | lex.descriptors
    forms: dict[str, ActorRef] = {}
    for actor in found:
        words = actor.ref.name.split()
        if actor.ref.kind is not ActorKind.COMPANY or len(words) < 2 or gaz.lookup(actor.ref.name) is not None:
            continue
        first = words[0]
        if len(first) >= 4 and first[0].isupper() and first.lower() not in common and gaz.lookup(first) is None:
            forms.setdefault(first, actor.ref)
    return forms


def _untagged_acronyms(found: list[ActorSpan], expansions: dict[str, ActorRef]) -> list[ActorSpan]:
    """Later uses of a defined short name that the recogniser did not tag."""
    if not expansions:
        return []
    doc = found[0].span.doc
    covered = {i for a in found for i in range(a.span.start, a.span.end)}
    return [ActorSpan(doc[t.i : t.i + 1], replace(long, surface=t.text)) for t in doc
            if (long := expansions.get(t.text)) is not None and t.i not in covered and doc[t.i - 1].text != "("]

