"""Events: typed from the controlled scheme by cue words in ``data/lexicon.json``.

A pattern fires when each of its cue groups has a word in the sentence
("promise" + "expedite" + "export" → an export permit pledge). Participants
are the actors of the sentence, the place is a city or country named after
"in"/"at", the date is the sentence's own, else that of a follow-up sentence
("This development, announced on June 29, 2025").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span

from graph.extract.actors import ActorSpan, actors_in
from graph.extract.common import (
    evidence_for,
    first_date,
    has_cue,
    is_headline,
    is_hypothetical,
    lemma_text,
    next_sentence,
    starts_with_anaphora,
)
from graph.extract.lexicon import lexicon
from graph.model import ActorKind, ActorRef, Event

PERSON_EVENTS = frozenset({"state visit", "official visit", "press conference", "meeting"})
HEADS_OF_STATE = frozenset({"president", "king", "queen", "emperor", "emir", "sultan", "xi", "leader"})


def extract(doc: Doc) -> Iterator[Event]:
    """Every typed event the doc states."""
    lex = lexicon()
    for sent in doc.sents:
        if is_headline(sent):
            continue
        text = lemma_text(sent)
        for pattern in lex.events:
            if all(has_cue(text, group) for group in pattern.groups) and not _hypothetical(sent, pattern.groups[0]):
                event = _event(pattern.event_type, sent)
                if event is not None:
                    yield event


def _hypothetical(sent: Span, cues: frozenset[str]) -> bool:
    """"could hold a drill": a modal on the cue's own clause, not elsewhere in the sentence."""
    for token in sent:
        if token.lemma_.lower() in cues or token.lower_ in cues:
            clause = token if token.pos_ in {"VERB", "AUX"} else token.head
            if is_hypothetical([*clause.children, *token.children]):
                return True
    return False


def _event(event_type: str, sent: Span) -> Event | None:
    actors = actors_in(sent)
    participants = _participants(actors)
    if not participants:
        return None
    if event_type in PERSON_EVENTS and not any(p.kind is ActorKind.PERSON for p in participants):
        return None
    if event_type == "state visit":
        event_type = _visit_type(sent, actors)
    date, evidence = first_date(sent), evidence_for(sent)
    follow = next_sentence(sent)
    if date is None and follow is not None and starts_with_anaphora(follow, lexicon().anaphora_heads):
        date = first_date(follow)
        evidence = evidence_for(sent, follow) if date is not None else evidence
    return Event(event_type, tuple(participants), evidence, date=date, place=_place(actors))


def _visit_type(sent: Span, actors: list[ActorSpan]) -> str:
    """A head of state's visit is a state visit; a minister's an official one."""
    if " state visit " in lemma_text(sent):
        return "state visit"
    for actor in actors:
        before = actor.span.doc[actor.span.start - 1] if actor.span.start else None
        if actor.ref.kind is ActorKind.PERSON and before is not None and before.lower_ in HEADS_OF_STATE:
            return "state visit"
    return "official visit"


def _participants(actors: list[ActorSpan]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for actor in actors:
        if actor.ref.kind is not ActorKind.ASSET:
            seen.setdefault(actor.ref.name, actor.ref)
    return list(seen.values())


def _place(actors: list[ActorSpan]) -> ActorRef | None:
    """The first place named after "in"/"at" ("in Belgrade")."""
    for actor in actors:
        before = actor.span.doc[actor.span.start - 1] if actor.span.start else None
        if before is not None and before.lower_ in {"in", "at"} and actor.ref.kind in {
            ActorKind.ASSET,
            ActorKind.COUNTRY,
        }:
            return actor.ref
    return None
