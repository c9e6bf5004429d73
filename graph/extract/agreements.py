"""Agreements: treaties, MoUs, contracts and deals that parties sign.

An agreement noun counts when the sentence signs it, names it ("the Framework
Agreement on …") or says when it takes effect. Parties come from "between X
and Y", "with X" and the signing subject, else from the sentence's actors; the
signing date is the sentence's date, the effective date the one after "come
into effect"/"enter into force", in this sentence or the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from graph.extract.actors import actors_in
from graph.extract.common import (
    dates_in,
    evidence_for,
    extend_evidence,
    has_cue,
    is_headline,
    lemma_text,
    next_sentence,
    starts_with_anaphora,
)
from graph.extract.lexicon import lexicon
from graph.extract.phrases import demonym_country, phrase_refs
from graph.model import ActorKind, ActorRef, Agreement, PartialDate

VAGUE = frozenset({"historic", "new", "recent", "numerous", "landmark", "several", "many", "various", "major", "key", "important", "comprehensive", "first", "this", "that", "these", "those", "a", "an", "the"})
PARTY_KINDS = frozenset({ActorKind.COUNTRY, ActorKind.COMPANY, ActorKind.ORGANIZATION, ActorKind.GOVERNMENT_BODY})


def extract(doc: Doc) -> Iterator[Agreement]:
    """Every agreement the doc states.

    "This marks … a free trade agreement …, set to come into effect on July 1"
    right after a signing completes the agreement signed, not a new one.
    """
    previous: Agreement | None = None
    for sent in doc.sents:
        if is_headline(sent):
            continue
        found = _agreement(sent)
        if found is not None and previous is not None and starts_with_anaphora(sent, {"mark", "agreement", "deal", "accord"}):
            previous = _follow_up(previous, found, sent)
            continue
        if previous is not None:
            yield previous
        previous = found
    if previous is not None:
        yield previous


def _agreement(sent: Span) -> Agreement | None:
    head = _agreement_head(sent)
    if head is None:
        return None
    parties = _parties(head, sent)
    if not parties:
        return None
    signed, effective, evidence = _dates(sent)
    return Agreement(_name(head), tuple(parties), evidence, date=signed, effective=effective)


def _follow_up(signed: Agreement, follow: Agreement, sent: Span) -> Agreement:
    name = follow.name if len(follow.name.split()) > len(signed.name.split()) else signed.name
    return replace(
        signed,
        name=name,
        effective=signed.effective or follow.effective,
        date=signed.date or follow.date,
        evidence=extend_evidence(signed.evidence, sent),
    )


def _agreement_head(sent: Span) -> Token | None:
    lex = lexicon()
    text = lemma_text(sent)
    signed = has_cue(text, lex.sign_verbs) or has_cue(text, lex.effective_cues)
    for token in sent:
        if token.pos_ in {"NOUN", "PROPN"} and token.lemma_.lower() in lex.agreement_heads:
            between = any(c.dep_ == "prep" and c.lower_ in {"between", "with"} for c in token.children)
            if signed or between or token.text[0].isupper():
                return token
    return None


def _name(head: Token) -> str:
    """"the historic free trade agreement" → "free trade agreement"."""
    words = [t for t in head.lefts if t.dep_ in {"compound", "amod", "nmod"} and t.lower_ not in VAGUE]
    first = min([t.left_edge.i for t in words] + [head.i])
    name = head.doc[first : head.i + 1].text
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in {"on", "for"} and head.text[0].isupper():
            name += " " + head.doc[child.i : child.right_edge.i + 1].text
    return name.strip(" .,")


def _parties(head: Token, sent: Span) -> list[ActorRef]:
    found: list[ActorRef] = []
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in {"between", "with", "among"}:
            found += _prep_parties(child)
    verb = head.head if head.dep_ in {"dobj", "nsubjpass"} else None
    if verb is not None:
        for child in verb.children:
            if child.dep_ == "nsubj" or (child.dep_ == "prep" and child.lower_ == "with"):
                found += phrase_refs(child if child.dep_ == "nsubj" else _pobj(child) or child)
    if len({p.name for p in found}) < 2:
        found += [a.ref for a in actors_in(sent) if a.ref.kind in PARTY_KINDS]
    return _unique([p for p in found if p.kind is not ActorKind.ASSET])


def _prep_parties(prep: Token) -> list[ActorRef]:
    obj = _pobj(prep)
    if obj is None:
        return []
    refs = []
    for token in (obj, *obj.conjuncts):
        found = phrase_refs(token)
        refs += found if found else _collective(token)
    return refs


def _collective(token: Token) -> list[ActorRef]:
    """"Serbian pro-government media": a group named by its country and kind."""
    country = demonym_country(token)
    if country is None:
        return []
    name = token.doc[token.left_edge.i : token.i + 1].text
    return [ActorRef(name, ActorKind.ORGANIZATION, name, country.name)]


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _unique(refs: list[ActorRef]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for ref in refs:
        seen.setdefault(ref.name, ref)
    return list(seen.values())


def _dates(sent: Span) -> tuple[PartialDate | None, PartialDate | None, object]:
    """Signing date, effective date, and the evidence that states them."""
    signed, effective = _split_dates(sent)
    evidence = evidence_for(sent)
    follow = next_sentence(sent)
    if effective is None and follow is not None and not _agreement_head(follow):
        _, effective = _split_dates(follow)
        if effective is not None:
            evidence = evidence_for(sent, follow)
    return signed, effective, evidence


def _split_dates(sent: Span) -> tuple[PartialDate | None, PartialDate | None]:
    cues = lexicon().effective_cues
    signed = effective = None
    for ent, value in dates_in(sent):
        before = lemma_text(sent.doc[max(sent.start, ent.start - 6) : ent.start])
        if has_cue(before, cues) and effective is None:
            effective = value
        elif signed is None:
            signed = value
    return signed, effective
