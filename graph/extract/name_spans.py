"""The spans of a document that may name actors, before they are typed (``actors.find_actors``): an
entity widened to the whole name the model cut ("PT [Sarana Widya]", "National Grid Company [of
Kenya] (NGCK)"), names the model left untagged, and no span inside a longer one.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from graph.extract.common import hyphened_to
from graph.extract.descriptions import is_descriptor, titled
from graph.extract.lexicon import lexicon
from graph.extract.tree import plural_owner_start
from graph.gazetteer import load_gazetteer
from graph.keys import LEGAL_FORM


def outermost(spans: list[Span]) -> list[Span]:
    """The spans in text order, without those inside a longer one ("Kenya" in "National Grid Company of Kenya")."""
    kept: list[Span] = []
    reach = -1
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if span.end <= reach:
            continue
        kept.append(span)
        reach = max(reach, span.end)
    return kept


def untagged_names(doc: Doc) -> list[Span]:
    """Names the recogniser left untagged that the text marks as companies: a run of proper nouns
    after a company descriptor ("chemical company Molymet") or ending in a legal form ("Argentina's
    Electroingeniera SA"); and as people: one of two or more words after a title ("Ms Ong Siew Hua")."""
    runs: list[list[Token]] = []
    for token in doc:  # one pass: runs of untagged capitalised proper nouns ("Avtokomponent-Invest LLC" one)
        if token.pos_ == "PROPN" and not token.ent_type_ and token.text[:1].isupper():
            if runs and (runs[-1][-1].i == token.i - 1 or (hyphened_to(token) and runs[-1][-1].i == token.i - 2)):
                runs[-1].append(token)
            else:
                runs.append([token])
    found = []
    for run in runs:
        first, span = run[0], Span(doc, run[0].i, run[-1].i + 1, label="ORG")
        described = first.i > first.sent.start and is_descriptor(doc[first.i - 1])
        described = described or _described_after(run)
        if described or (len(span) > 1 and LEGAL_FORM.search(span.text) is not None):
            found.append(span)
        elif (person := _titled_run(run)) is not None:
            found.append(person)
    return found + _untagged_bodies(runs)


NOT_NAME_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})


def legal_form_names(doc: Doc) -> list[Span]:
    """"Abu Dhabi's [X Holding PJSC]": a legal form ends a company's name, which runs back over the
    capitalised words before it, whatever the tagger made of them (a verb, a person, a facility),
    up to a possessive, a function word, punctuation or the sentence's start."""
    found = []
    for token in (doc[i] for i in _legal_form_positions(doc)):
        if token.text[:1].isupper() and token.i > token.sent.start:
            start = token.i
            while start > token.sent.start and _a_name_word(doc[start - 1]):
                start -= 1
            if start < token.i and doc[start].is_alpha:
                found.append(Span(doc, start, token.i + 1, label="ORG"))
    return found


def _legal_form_positions(doc: Doc) -> list[int]:
    """Where the doc's legal forms are, found among its distinct lower-case words (issue 11: not by
    reading every token's text)."""
    forms, strings = lexicon().legal_forms, doc.vocab.strings
    ids, at = np.unique(doc.to_array(LOWER), return_inverse=True)
    wanted = np.fromiter((strings[i].replace(".", "") in forms for i in ids.tolist()), dtype=bool, count=len(ids))
    return np.flatnonzero(wanted[at.ravel()]).tolist()


def _a_name_word(token: Token) -> bool:
    """A capitalised word that is no function word nor a number, or the hyphen inside "Al-Waha"."""
    if token.text == "-":
        return not token.whitespace_ and token.i > 0 and not token.doc[token.i - 1].whitespace_
    return token.text[:1].isupper() and token.is_alpha and not token.is_stop and token.ent_type_ not in NOT_NAME_LABELS


def _titled_run(run: list[Token]) -> Span | None:
    """"Ms Ong Siew Hua" left untagged: two or more proper nouns after a title (the tagger may take
    the title into the run) are a person's name."""
    doc, titles = run[0].doc, lexicon().titles
    if run[0].lower_ in titles:
        run = run[1:]
    elif not titled(Span(doc, run[0].i, run[-1].i + 1)):
        return None
    return Span(doc, run[0].i, run[-1].i + 1, label="PERSON") if len(run) > 1 else None


def _described_after(run: list[Token]) -> bool:
    """"X Lithium Group, the Chinese battery-materials producer": a name of two or more words
    ending in a company word, set beside a description of what company it is."""
    first, last = run[0], run[-1]
    tail = first.i > 0 and first.doc[first.i - 1].pos_ == "PROPN"  # "[X Malaysia] Sdn Bhd": a tagged name's end
    return len(run) > 1 and not tail and last.lower_ in lexicon().company_words and any(
        c.dep_ == "appos" and c.pos_ == "NOUN" and is_descriptor(c) for c in last.children)


def _untagged_bodies(runs: list[list[Token]]) -> list[Span]:
    """"the Ministry of Mines and Mining Development" left untagged: a government word, "of" and the
    capitalised portfolios after it name a government body."""
    found = []
    for run in runs:
        last = run[-1]
        doc, end = last.doc, last.i + 1
        if last.lemma_.lower() not in lexicon().government_words or end + 1 >= len(doc) or doc[end].lower_ != "of":
            continue
        stop = end + 1
        while stop < len(doc) and ((doc[stop].text[:1].isupper() and doc[stop].pos_ in {"PROPN", "NOUN"} and not doc[stop].ent_type_)
                                   or (doc[stop].lower_ == "and" and stop + 1 < len(doc) and doc[stop + 1].text[:1].isupper())):
            stop += 1
        if stop > end + 1 and doc[stop - 1].lower_ != "and":
            found.append(Span(doc, run[0].i, stop, label="ORG"))
    return found


def whole_name(ent: Span) -> Span:
    """"PT [Sarana Widya]", "Lindqvist [Kovar Metals]": a company's name whose first word the
    model left out of the entity (a designator, or any proper noun before a company word)."""
    doc, lex = ent.doc, lexicon()
    if ent.label_ == "ORG" and (spelt := _spelt_out(ent)) is not None:
        return spelt
    ent = _bracketed_form(_run_on_to_a_company_word(_second_portfolio(_cut_at_a_conjunction(ent))))
    if ent.label_ == "ORG" and (start := plural_owner_start(ent[0])) < ent.start:
        ent = Span(doc, start, ent.end, label="ORG")
    if ent.start == 0 or ent.label_ not in {"PERSON", "ORG", "FAC", "GPE"}:
        return ent
    before = doc[ent.start - 1]
    # the tagger may call an unknown first word an adjective ("Meridal Chemical"): a company word ends the name
    attached = ent.start <= before.head.i < ent.end and (before.pos_ == "PROPN" and before.dep_ == "compound"
                                                         or before.pos_ == "ADJ" and before.dep_ in {"compound", "amod"})
    described = before.lower_ in lex.descriptors and before.lower_ not in lex.company_words  # "Lessor X Leasing" at a sentence's start
    if not attached or before.ent_type_ or not before.text[:1].isupper() or before.lower_ in lex.titles or described:
        return ent
    acronym = before.is_upper and before.is_alpha and 2 <= len(before) <= 5  # "IDB Invest", "UK Export Finance"
    if before.lower_ in lex.leading_company_words or ent[-1].lower_ in lex.company_words or (acronym and ent.label_ == "ORG"):
        return Span(doc, ent.start - 1, ent.end, label=ent.label_)
    return ent


def _bracketed_form(ent: Span) -> Span:
    """"[X Engineering] (Pty) Ltd", "[X Solar] (Malaysia) Sdn Bhd": a bracketed legal form
    or country followed by a legal form belongs to the name."""
    doc, end = ent.doc, ent.end
    if ent.label_ not in {"ORG", "PERSON"} or not bracketed_form_at(doc, end):
        return ent
    stop = end + 3
    while stop < len(doc) and doc[stop].lower_ in lexicon().company_words:
        stop += 1
    return Span(doc, ent.start, stop, label="ORG")


def bracketed_form_at(doc: Doc, bracket: int) -> bool:
    """"(Pty) Ltd", "(Malaysia) Sdn Bhd" from ``bracket`` on: part of a company's name, no acronym."""
    forms = lexicon().company_words
    if not (bracket + 3 < len(doc) and doc[bracket].text == "(" and doc[bracket + 2].text == ")" and doc[bracket + 3].lower_ in forms):
        return False
    inside = doc[bracket + 1]  # "(Thailand)" inside the model's entity is tagged as the company is
    return inside.lower_ in forms or inside.ent_type_ == "GPE" or load_gazetteer().country_named(inside.text) is not None


def _run_on_to_a_company_word(ent: Span) -> Span:
    """"[Hoan Binh] Commercial Bank": a person's or company's name the model cut before its untagged
    words runs on to the company word they end in, where the name hangs on them (not a place:
    "Veridian [Malaysia] Sdn Bhd" is no Malaysia company)."""
    doc, end = ent.doc, ent.end
    while end < len(doc) and doc[end].pos_ == "PROPN" and not doc[end].ent_type_ and doc[end].text[:1].isupper():
        end += 1
    ends_a_company = end > ent.end and doc[end - 1].lower_ in lexicon().company_words
    if ent.label_ not in {"PERSON", "ORG"} or not ends_a_company or not ent.end <= ent[-1].head.i < end:
        return ent  # "[X Holdco] Iberia SL" too
    return Span(doc, ent.start, end, label="ORG")


def _cut_at_a_conjunction(ent: Span) -> Span:
    """"[Zhonghe Road and] Bridge Engineering": an entity the model ended on "and" is cut inside a name;
    it runs on through the capitalised proper nouns after it (one ended on "of" or "for" loses that word)."""
    doc, end = ent.doc, ent.end
    if len(ent) < 2 or ent[-1].pos_ not in {"CCONJ", "ADP"} or ent[-1].text.isupper():
        return ent  # "X Energi AS": a legal form the tagger took for "as"
    # untagged words only: "[Banque X and] [Y Bank]" are two names the model tagged apart
    while ent[-1].pos_ == "CCONJ" and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and not doc[end].ent_type_:
        end += 1
    return Span(doc, ent.start, end, label=ent.label_) if end > ent.end else Span(doc, ent.start, ent.end - 1, label=ent.label_)


def _second_portfolio(ent: Span) -> Span:
    """"[Ministry of Energy] and Mines", "[Department of Trade] and Industry": a government body's name
    the model cut before "and" runs on through the capitalised words after it that no entity tags,
    when the parse joins them to the portfolio after "of" ("the Ministry of Finance and Tarvo Bank"
    are two names: the bank is joined to the ministry)."""
    doc, end = ent.doc, ent.end
    of = next((t.i + 1 for t in ent if t.lower_ in lexicon().government_words and t.i + 1 < ent.end and doc[t.i + 1].lower_ == "of"), None)
    if of is None or end + 1 >= len(doc) or doc[end].lower_ != "and":
        return ent
    run = end + 1
    untagged = lambda t: not t.ent_type_ or (t.ent_type_ == "ORG" and t.lower_ not in lexicon().company_words)  # noqa: E731
    while run < len(doc) and doc[run].text[:1].isupper() and untagged(doc[run]) and doc[run].pos_ in {"PROPN", "NOUN", "ADJ"}:
        run += 1  # "[Ministry of Finance] and [National Planning]": the model may tag the second portfolio apart
    last = doc[run - 1]
    if run == end + 1 or last.dep_ != "conj" or not of < last.head.i < end:
        return ent
    return Span(doc, ent.start, run, label=ent.label_)


def _spelt_out(ent: Span) -> Span | None:
    """"National Grid Company [of Kenya] (NGCK)": the bracketed acronym spells the name with the
    place the model left out of the entity."""
    doc = ent.doc
    for end in range(ent.end + 2, min(ent.end + 5, len(doc) - 2)):
        if doc[ent.end].lower_ != "of" or doc[end].text != "(" or doc[end + 2].text != ")" or not doc[end + 1].is_upper:
            continue
        initials = "".join(t.text[0] for t in doc[ent.start : end] if t.text[:1].isupper())
        if initials == doc[end + 1].text:
            return Span(doc, ent.start, end, label=ent.label_)
    return None
