"""What the words around a name say it is: a company's descriptor ("the carmaker X", "X, a lender"),
its base or owner ("Lagos-based X", "state-owned X"), its staff ("X chairman Y") or a copula
("X is the largest tower operator"), and its country ("Japan's X", "Saudi utility X", "Qatar
Holding"). The small model often tags a short company name a person or a place; these cues, not its
label, decide (issue 7)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.common import entity_at
from graph.extract.lexicon import lexicon
from graph.gazetteer import country_of_place, load_gazetteer
from graph.model import ActorKind, ActorRef
from graph.extract.word_lists import word_list


def described_as_company(span: Span) -> bool:
    """A company descriptor just before or after the name ("the carmaker X", "X company"), a base or an
    owner ("Lagos-based X", "state-owned X") or its staff ("X chairman Y", "X's board")."""
    doc, lex = span.doc, lexicon()
    if titled(span):
        return False  # "X Bank chairman Y": Y holds a title, X is the company
    around = [doc[i] for i in (span.start - 2, span.start - 1, span.end) if 0 <= i < len(doc)]
    if any(is_descriptor(t) for t in around) or _said_to_be_company(span) or _listed_with_companies(span):
        return True
    if any(c.dep_ == "appos" and c.pos_ == "NOUN" and is_descriptor(c) for c in span.root.rights):
        return True  # "X, the Osaka-based maker of industrial sensors, …"
    after = [doc[i] for i in (span.end, span.end + 1) if i < len(doc)]
    if after and after[0].tag_ == "POS":
        after = after[1:]  # "X's board"
    staff = bool(after) and after[0].lower_ in lex.staff_words
    return staff or (span.start > 1 and doc[span.start - 1].lower_ in word_list("hyphened_owners") and doc[span.start - 2].text == "-")


def _listed_with_companies(span: Span) -> bool:
    """"X Ports, Y Fuels and Z Holdings signed": a name of several words listed with a name that ends
    in a company word is a company's too."""
    described = any(c.dep_ == "appos" and c.pos_ == "NOUN" and c.is_lower for c in span.root.children)  # "Y, secretary, …"
    return len(span) > 1 and not described and any(_company_name(t) for t in span.root.conjuncts)


def _company_name(head: Token) -> bool:
    """A capitalised name ending in a company word or led by one ("… Ports", "Minera …"), or a
    body's ("the Port of X Authority")."""
    lex = lexicon()
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == head.i + 1), None)
    end = of.right_edge.i + 1 if of is not None else head.i + 1  # its own words, not a title's or the list's
    words = [t.lower_ for t in head.doc[head.left_edge.i : end] if t.text[:1].isupper()]
    bodies = lex.company_words | lex.organization_words | lex.government_words
    return bool(words) and head.text[:1].isupper() and (words[-1] in bodies or words[0] in lex.leading_company_words)


def _said_to_be_company(span: Span) -> bool:
    """"X is the country's largest tower operator": the subject of "be" whose attribute only a company is."""
    root, nouns = span.root, word_list("corporate_nouns")
    return root.dep_ == "nsubj" and root.head.lemma_ == "be" and any(
        c.dep_ == "attr" and c.pos_ == "NOUN" and (c.lemma_.lower() in nouns or c.lower_.endswith("maker"))
        for c in root.head.children)


def is_descriptor(token: Token) -> bool:
    """A word news puts before or after a company's name to say what it is ("carmaker", "lender")."""
    descriptors = lexicon().descriptors
    return token.lower_ in descriptors or token.lemma_.lower() in descriptors or token.lower_.endswith(("maker", "makers"))


def titled(span: Span) -> bool:
    """"Minister X", "chairman Y": a title before the name makes it a person's."""
    return span.start > 0 and span.doc[span.start - 1].lower_ in lexicon().titles


def described_country(span: Span, ref: ActorRef) -> str | None:
    """"Japan's Hoshino Power", "Saudi utility Qamar Energy": the country the text gives a company."""
    if ref.kind not in {ActorKind.COMPANY, ActorKind.ORGANIZATION}:
        return None
    doc, gaz, i = span.doc, load_gazetteer(), span.start - 1
    if i > span.sent.start and doc[i].tag_ == "POS":
        entry = gaz.lookup(doc[i - 1].text)
        return entry.name if entry is not None and entry.kind is ActorKind.COUNTRY else None
    while i >= max(span.sent.start, span.start - 4) and doc[i].pos_ in {"NOUN", "ADJ", "PROPN"}:
        entry = gaz.country_for_demonym(doc[i].text)
        if entry is not None:
            return entry.name
        i -= 1
    return next(filter(None, map(_country_described, _appositions(span.root))), None)


def _appositions(root: Token) -> list[Token]:
    """"X, the Osaka-based maker of sensors", "X, a Japanese sensor maker": the common nouns set beside a name."""
    return [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i > root.i]


def _country_described(noun: Token) -> str | None:
    """The country a description's modifiers name: a demonym ("Japanese") or a place before a hyphen
    ("Osaka-based")."""
    gaz = load_gazetteer()
    for token in (t for c in noun.lefts for t in c.subtree):
        entry = gaz.country_for_demonym(token.text)
        if entry is not None:
            return entry.name
        place = hyphened_place(token)
        country = country_of_place(place) if place is not None else None
        if country is not None:
            return country
    return None


def hyphened_place(token: Token) -> str | None:
    """The place a proper word right before a hyphen ends: "Osaka" of "the Osaka-based maker", "Kuala
    Lumpur" of "the Kuala Lumpur-based company" (its entity, else the proper words its phrase runs back over)."""
    doc = token.doc
    if token.pos_ != "PROPN" or token.i + 1 >= len(doc) or doc[token.i + 1].text not in {"-", "–"}:
        return None
    entity = entity_at(token)
    if entity is not None:
        return entity.text
    start = token.i
    while start > token.left_edge.i and doc[start - 1].pos_ == "PROPN":
        start -= 1
    return doc[start : token.i + 1].text
