"""Events: trigger words and participant positions of ``data/events.json`` read by the frame code.

Each event type is a frame (``frames.Frame``) whose one role, ``participants``,
lists positions written for the active verb; ``frames.verb_slots`` and
``frames.noun_slots`` derive the passive, nominal, support-verb and relative
forms, and ``arguments`` turns the heads into actors (pronouns and
descriptions resolved by the document model). A verb with a participant states
its event; a noun does only with a date of its own, a support verb ("held
talks", "imposed sanctions") or as the occasion of a told act ("said at a press
conference"), never as a bare mention ("after the talks"). How firmly the text
states it (planned, possible, denied) is ``status.factuality_of``; nothing is
dropped for being planned or hedged. Its date is the one its trigger's clause (or the
reporting verb above it) states, a fronted phrase's, a follow-up's that refers back, else the
paragraph's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from graph import paths
from graph.errors import KGError
from graph.extract.actors import actors_in
from graph.extract.arguments import arguments
from graph.extract.common import (
    dateline, dates_in, entities_in, evidence_for, first_date, has_cue, is_headline, lemma_text, next_sentence,
    per_token, previous_sentence, published, sentences, starts_with_anaphora, title_line,
)
from graph.extract.context import paragraph_date
from graph.extract.frames import Frame, candidate_frames, trigger_candidates, trigger_kind, verb_slots
from graph.extract.noun_slots import noun_slots
from graph.extract.lexicon import lexicon
from graph.extract.status import factuality_of
from graph.extract.tree import left_phrase, prep_objects, pruned_subtree, within
from graph.extract.word_lists import word_list
from graph.model import ActorKind, ActorRef, Event, Factuality, PartialDate

EVENTS_PATH = paths.DATA / "events.json"
PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# prepositions whose object names the occasion of a told act: "said at a press conference"
OCCASION_PREPS = frozenset({"at", "during", "on", "in"})
# prepositions of a date that is not the event's: "his first trip since 2020"
NOT_EVENT_DATE = frozenset({"since", "until", "till", "before", "after", "by", "through"})
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj", "pcomp"})
PRUNED_DEPS = frozenset({"relcl", "ccomp", "advcl", "parataxis", "acl", "conj", "cc"})
# weeks the date parser leaves open: days back from publication; dated to that day's month
WEEKS = {"last week": 7, "the previous week": 7, "the past week": 7, "this week": 0, "earlier this week": 0}


class EventLexiconError(KGError):
    """``data/events.json`` is missing or malformed."""


@dataclass(frozen=True, slots=True)
class EventType:
    """One kind of event: its frame (triggers, participant positions), the word groups its clause
    needs, and the prepositions that name its place."""

    frame: Frame
    needs: tuple[frozenset[str], ...]
    place: tuple[str, ...]
    intransitive: bool = False
    decides: bool = False  # "the court ruled that …": the clause is what was decided, the act is told


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """The event types, their frames in one tuple (the frame index keys on it) and each frame's
    type by the frame's id (frames are not compared field by field: issue 11)."""

    types: tuple[EventType, ...]
    support_verbs: frozenset[str]
    frames: tuple[Frame, ...] = ()
    type_of: dict[int, EventType] = field(default_factory=dict, compare=False)


@lru_cache(maxsize=1)
def event_lexicon(path: Path = EVENTS_PATH) -> EventLexicon:
    """The event types of ``data/events.json``, read once."""
    raw = paths.read_json(path, EventLexiconError, "the event lexicon")
    try:
        types = tuple(_event_type(e) for e in raw["events"])
        frames = tuple(kind.frame for kind in types)
        return EventLexicon(types, frozenset(raw["support_verbs"]), frames, {id(kind.frame): kind for kind in types})
    except (KeyError, TypeError) as e:
        raise EventLexiconError(f"{path}: malformed event lexicon ({e!r}); compare it with git") from e


def _event_type(raw: dict) -> EventType:
    frame = Frame(
        name=raw["type"], form=raw["type"], verbs=frozenset(raw.get("verbs", ())),
        nouns=frozenset(raw.get("nouns", ())), agents=frozenset(),
        roles={"participants": tuple(raw["participants"])},
    )
    needs = tuple(frozenset(group) for group in raw.get("needs", ()))
    return EventType(frame, needs, tuple(raw.get("place", ("in",))), bool(raw.get("intransitive")), bool(raw.get("decides")))


def extract(doc: Doc) -> Iterator[Event]:
    """Every event the doc's body states, one per trigger (titles and headlines are told again below)."""
    for sent in sentences(doc):
        if not (is_headline(sent) or title_line(sent)):
            yield from sentence_events(sent)


def sentence_events(sent: Span) -> Iterator[Event]:
    """Each event the sentence states, once per type, participants and date."""
    seen: set[tuple] = set()
    for token in trigger_candidates(sent, event_lexicon().frames):  # the others trigger nothing
        found = _typed_trigger(token)
        event = event_at(token, *found) if found is not None else None
        key = (event.event_type, event.participants, event.date) if event else None
        if event is not None and key not in seen:
            seen.add(key)
            yield event


def _typed_trigger(token: Token) -> tuple[EventType, str] | None:
    """The first event type that ``token`` triggers with everything its clause needs."""
    if token.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT"}:  # "in March 2024" is no march
        return None
    lex = event_lexicon()
    for frame in candidate_frames(token, lex.frames):
        kind = lex.type_of[id(frame)]
        form = trigger_kind(token, frame)
        if form is not None and all(_in_clause(token, group) for group in kind.needs):
            return kind, form
    return None


def _in_clause(trigger: Token, words: frozenset[str]) -> bool:
    """One of ``words`` in the trigger's phrase or the clause it belongs to."""
    return has_cue(_clause_text(trigger), words)


@per_token("ikg_event_clause_text")  # read once per trigger: each of its frames and word groups asks
def _clause_text(trigger: Token) -> str:
    top = clause_chain(trigger)[-1]
    tokens = sorted({*pruned_subtree(top, PRUNED_DEPS), *trigger.subtree}, key=lambda t: t.i)
    return lemma_text(tokens)


def event_at(trigger: Token, kind: EventType, form: str) -> Event | None:
    """The event ``trigger`` states, or None (no participant, a bare noun, a reference)."""
    if form == "agent" or trigger.dep_ in {"amod", "compound"} or _reference(trigger) or _not_told(trigger, kind, form):
        return None
    slots = event_slots(trigger, form)
    participants = _participants(trigger, kind, slots)
    if not participants:
        return None
    sent = trigger.sent
    own = own_date(trigger, sent) or fronted_date(trigger, sent)
    if form == "noun" and own is None and not _stated_noun(trigger):
        return None
    evidence = evidence_for(sent)
    follow = next_sentence(sent)
    if own is None and follow is not None and starts_with_anaphora(follow, lexicon().anaphora_heads):
        # "… a promise from X. This development, announced on 3 May, …": the follow-up dates it
        own = first_date(follow)
        evidence = evidence_for(sent, follow) if own is not None else evidence
    return Event(
        kind.frame.name,
        tuple(participants),
        evidence,
        date=own or paragraph_event_date(sent),
        place=_place(kind, slots),
        factuality=_factuality(trigger),
    )


def _factuality(trigger: Token) -> Factuality:
    """How firmly the event is told; a promise is itself an act ("X pledged support", "secured a
    promise"): its planning word does not make the promising planned, a modal above it does."""
    found = factuality_of(trigger)
    if found is not Factuality.PLANNED or trigger.lemma_.lower() not in word_list("acts_of_promising"):
        return found
    if trigger.pos_ == "NOUN":
        return factuality_of(trigger.head)
    return Factuality.PLANNED if any(c.tag_ == "MD" for c in trigger.children) else Factuality.ASSERTED


def event_slots(trigger: Token, form: str) -> dict[str, list[Token]]:
    """The frame positions of a trigger; a noun also takes the "by X" of a participle on it ("the
    campaign carried out by X") and, as the occasion of an act, that act's subject ("X showed Y
    during a drill"): the ``occasion`` position."""
    if form != "noun":
        return verb_slots(trigger)
    slots = noun_slots(trigger)
    for clause in (c for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        for position, heads in verb_slots(clause).items():
            if position != "object" and not slots.get(position):
                slots[position] = heads
    act = _occasion_of(trigger)
    if act is not None:
        slots["occasion"] = verb_slots(act)["subject"]
    return slots


def _occasion_of(noun: Token) -> Token | None:
    """The act a noun is the occasion of ("said at a press conference"): the act tells its event."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ in OCCASION_PREPS and prep.head.pos_ in {"VERB", "AUX"}:
        return prep.head
    return None


def _not_told(trigger: Token, kind: EventType, form: str) -> bool:
    """Not an event told as done: a verb of speech with only a clause ("recalled that …"), an
    intransitive type with an object, a state told in the present passive ("is listed in X"), or
    an act averted or charged ("avoided a default")."""
    deps = {c.dep_ for c in trigger.children}
    speech = "ccomp" in deps and not deps & {"dobj", "nsubjpass"} and not kind.decides
    if form == "verb" and (speech or kind.intransitive and "dobj" in deps):
        return True
    if form == "verb" and any(c.dep_ == "auxpass" and c.lower_ in {"is", "are"} for c in trigger.children):
        return True  # "X, which is listed in Sydney": a state, not an act
    not_told = word_list("not_told")
    return any(t.lemma_.lower() in not_told for t in trigger.ancestors)


def _reference(trigger: Token) -> bool:
    """A past event pointed at (its anniversary, what came since), not told."""
    heads = word_list("reference_heads")
    return trigger.head.lemma_.lower() in heads or trigger.head.lower_ in heads


def _stated_noun(noun: Token) -> bool:
    """A noun the sentence states happened: the object or subject of a support verb ("held
    talks", "sanctions were imposed"), the occasion of a past act, or a conjunct of one."""
    head = noun.head
    lemmas = {head.lemma_.lower(), *(f"{head.lemma_.lower()} {c.lower_}" for c in head.children if c.dep_ in {"prt", "dobj"})}
    if noun.dep_ in {"dobj", "nsubjpass", "nsubj", "attr"} and lemmas & event_lexicon().support_verbs:
        return True
    act = _occasion_of(noun)
    if act is not None:
        return act.tag_ in {"VBD", "VBN"}
    return noun.dep_ == "conj" and _stated_noun(noun.head)


def _participants(trigger: Token, kind: EventType, slots: dict[str, list[Token]]) -> list[ActorRef]:
    """The actors of every participant position the text fills, in the data's order."""
    found: dict[str, ActorRef] = {}
    for position in kind.frame.roles["participants"]:
        heads = [h for h in slots.get(position, []) if h is not trigger]
        named = arguments(heads)
        members = [] if named else [m for h in heads for m in _members(h)]
        for argument in named or arguments(members):
            if argument.ref.kind is not ActorKind.ASSET:
                found.setdefault(argument.ref.name, argument.ref)
        for owner in (a.ref for h in [*heads, *members] if h.pos_ == "NOUN" for a in actors_in(left_phrase(h)[:-1])):
            if owner.kind in {ActorKind.COMPANY, ActorKind.ORGANIZATION}:  # "the Tarvo plant closed": Tarvo's
                found.setdefault(owner.name, owner)
    return list(found.values())


def _members(head: Token) -> list[Token]:
    """Who a crowd or a force is drawn from: "hundreds of workers of X", "members of the X union",
    "Russian and Belarusian troops"; a company's own ("X's Swedish parent company") is X, not Sweden."""
    if head.lemma_.lower() in word_list("generic_company_words"):
        return [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    found = prep_objects(head, {"of", "at"})  # "workers at the X mine"
    found += [o for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"  # "workers represented by X"
              for a in c.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    found += [c for c in head.children if c.dep_ in {"amod", "compound"} and c.ent_type_ in {"NORP", "GPE", "ORG"}]
    return found + [m for f in found if f.dep_ == "pobj" for m in _members(f)]


def _place(kind: EventType, slots: dict[str, list[Token]]) -> ActorRef | None:
    """The first place named by one of the type's place prepositions ("in Belgrade")."""
    places = (head for prep in kind.place for head in slots.get(prep, []) if head.ent_type_ in PLACE_ENTITIES)
    return next((found[0].ref for head in places if (found := arguments([head]))), None)


# --- dates ---------------------------------------------------------------------


def clause_chain(token: Token) -> list[Token]:
    """The trigger and its heads up to the head of its clause ("visit" → "during" → "toured")."""
    chain = [token]
    while token.dep_ not in CLAUSE_DEPS:
        token = token.head
        chain.append(token)
    return chain


def own_date(trigger: Token, sent: Span) -> PartialDate | None:
    """The date attached closest to the trigger within its clause, the most precise on ties."""
    chain = date_chain(trigger)
    scored = []
    for ent, value in dates_of(sent):
        if ent.root.head.lower_ in NOT_EVENT_DATE and not (ent.root.head.lower_ == "since" and _ongoing(trigger)):
            continue
        distance = _attachment(ent.root, trigger, chain)
        if distance is not None:
            scored.append((distance, value.vagueness, ent.start, value))
    return min(scored, key=lambda s: s[:3])[3] if scored else None


def _ongoing(trigger: Token) -> bool:
    """"have been on strike since 28 October": a state the event began, which "since" dates."""
    return trigger.dep_ == "pobj" and trigger.head.lower_ == "on" and trigger.head.head.lemma_ in {"be", "remain", "stay"}


def fronted_date(trigger: Token, sent: Span) -> PartialDate | None:
    """The one date of a phrase put before the trigger's clause, which dates it."""
    chain = clause_chain(trigger)
    found = {value for ent, value in dates_of(sent)
             if ent.root.head.lower_ not in NOT_EVENT_DATE and not dateline(ent)  # not "since 2020", "until May"
             and any(t.dep_ == "prep" and t.head in chain and t.i < t.head.i for t in ent.root.ancestors)}
    return found.pop() if len(found) == 1 else None


def dates_of(sent: Span) -> list[tuple[Span, PartialDate]]:
    """The sentence's dates, with "last week" as the month it fell in (a week names no month; news
    says "met Ruto last week" of a meeting the gold and the reader date to that month)."""
    found = dates_in(sent)
    day = published(sent.doc)
    known = {ent.start for ent, _ in found}
    for ent in entities_in(sent):
        back = WEEKS.get(ent.text.lower())
        if ent.label_ == "DATE" and back is not None and day is not None and ent.start not in known:
            then = day - dt.timedelta(days=back)
            found.append((ent, PartialDate(then.year, then.month)))
    return sorted(found, key=lambda f: f[0].start)


def paragraph_event_date(sent: Span) -> PartialDate | None:
    """The paragraph's date, unless it is the dateline the sentence follows ("OSLO, May 9 — Norway …")."""
    earlier = previous_sentence(sent)
    if earlier is not None and any(dateline(ent) for ent, _ in dates_in(earlier)):
        return None
    return paragraph_date(sent)


def date_chain(trigger: Token) -> list[Token]:
    """The clause chain, then the reporting verb whose complement the clause is."""
    chain = clause_chain(trigger)
    top, reporting = chain[-1], word_list("dating_verbs")
    if top.dep_ in {"ccomp", "parataxis"} and top.head.lemma_.lower() in reporting:
        chain.append(top.head)
    chain.extend(c for c in top.children if c.dep_ in {"advcl", "parataxis"} and c.lemma_.lower() in reporting)
    return chain


def _attachment(token: Token, trigger: Token, chain: list[Token]) -> int | None:
    """How far up the trigger's clause chain a date hangs (0: on the trigger), None if elsewhere."""
    for ancestor in (token, *token.ancestors):
        if ancestor in chain:
            return chain.index(ancestor)
        if ancestor.dep_ in PRUNED_DEPS | {"appos"} and not within(trigger, ancestor):
            return None
    return None
