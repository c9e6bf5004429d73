"""Events: typed from the controlled scheme by cue words in ``data/lexicon.json``.

A pattern fires on a trigger: a word of its first cue group used as an event
(not negated, not hypothetical, not yet to come, not "the anniversary of the
bombing", not "a sanctions lawyer"), with a
word of every other group in the trigger's clause ("promise" + "expedite" +
"export" → an export permit pledge). Roles come from the parse of the trigger:
participants are its subject, object, agent, possessor and its "with X",
"between X and Y", "to X", "on X", "against X" phrases (the sentence's actors
only when the parse names none); the place is "in/at X" on the trigger's
clause; the date is the one attached to the trigger's clause (``event_dates``),
else that of a follow-up sentence ("This development, announced on June 29,
2025"), else the paragraph's, else, for the lede's past-tense news, the news day.
Not events: charges ("accuses of supplying"), averted acts, speech ("recalled
that …"), "after the talks". A dated "it broadened the regime" renews the measure
just told; "X and Y each imposed" is one act per subject. Round 4 (unseen text,
``event_filters``): "called the move coercion at a press conference" is speech, not
intent; an act done "during the visit of X" states the visit; "the helicopters
were supplied", undated, retells the delivery told before; a place ("protests in
Plav") does not stand in for the parties; a dateline's date is not the act's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from graph.extract.actors import ActorSpan
from graph.extract.common import (
    evidence_for,
    first_date,
    is_headline,
    is_hypothetical,
    lemma_text,
    next_sentence,
    starts_with_anaphora,
)
from graph.extract.event_dates import (
    clause_chain,
    event_dates,
    frame_date,
    fronted_date,
    gapped_dates,
    news_day,
    own_date,
    paragraph_event_date,
    pruned_subtree,
    title_line,
    with_news_day,
)
from graph.extract.event_filters import during_done, judged, retold, urges
from graph.extract.event_roles import (
    actors_under,
    builders,
    each_apart,
    event_place,
    outside_places,
    parties_of,
    renewals,
    visit_type,
)
from graph.extract.lexicon import EventPattern, lexicon
from graph.extract.phrases import actor_at
from graph.model import ActorKind, ActorRef, Event, PartialDate

PERSON_EVENTS = frozenset({"state visit", "official visit", "press conference", "meeting"})
# events of a facility, which its builder or operator takes part in
FACILITY_EVENTS = frozenset({"plant launch", "plant closure"})
# cue words that name an event only as nouns: "bonds rallied", "drill for oil", "voted to"
NOUN_ONLY = frozenset(
    {
        "rally",
        "drill",
        "exercise",
        "vote",
        "talk",
        "talks",
        "tour",
        "gift",
        "trip",
        "march",
        "demonstrate",
    }
)
# verbs that name a meeting only between two people: "the president received the minister"
RECEPTION_VERBS = frozenset({"receive", "welcome", "host"})
# verbs that turn an event noun into a stated event without a date: "imposed sanctions"
LIGHT_VERBS = frozenset(
    {
        "hold",
        "stage",
        "pay",
        "impose",
        "conduct",
        "carry",
        "organise",
        "organize",
        "host",
        "launch",
        "make",
        "begin",
        "extend",
        "expand",
        "widen",
        "broaden",
        "tighten",
        "introduce",
        "adopt",
        "staged",
    }
    # taking part in, or speaking at, an event states it: "told a press conference", "said at the summit"
    | {"attend", "join", "take", "participate", "say", "tell", "speak", "address"}
)
NEWS_SENTENCES = 15
# heads that make an event noun a reference to a past event: "the anniversary of the bombing"
REFERENCE_HEADS = frozenset({"anniversary", "memory", "commemoration", "aftermath", "wake", "legacy", "victim"})
# words of intent on the trigger's clause: "plans to visit", "threatened sanctions", "a bid to buy"
INTENT_WORDS = frozenset(
    {
        "plan",
        "intend",
        "expect",
        "hope",
        "aim",
        "seek",
        "want",
        "threaten",
        "consider",
        "propose",
        "due",
        "urge",
        "call",
    }
    # averted acts did not happen: "avoided a default"
    | {"avoid", "avert", "prevent", "escape"}
    | {
        "proposal",
        "bid",
        "offer",
        "threat",
        "attempt",
        "request",
        "possibility",
        "prospect",
    }
)
# words that make a clause the time of another act: "a day after people marched"
TIME_MARKS = frozenset({"after", "before", "since", "until", "while", "when", "as"})
# prepositions whose gerund tells an act of the main clause's subject: "before holding talks"
TIME_PREPS = frozenset({"after", "before", "while", "upon", "since", "following", "during"})
# words that make what they govern a charge, not a told event: "companies it accuses of helping Tehran supply missiles"
ALLEGATIONS = frozenset({"accuse", "allege", "accusation", "allegation", "suspect", "deny", "charge"})
# prepositions whose definite event noun points back: "after the talks"
BACK_PREPS = frozenset({"after", "before", "since", "following", "until"})
FUTURE = frozenset({"will", "shall", "'ll"})
# events whose announcement is already the news: "will donate equipment" (a trip that "will" happen is not yet one)
COMMITMENTS = frozenset({"donation", "arms delivery", "export permit pledge"})
# nouns an event word may qualify and still be the event ("a sanctions package"), unlike "a sanctions lawyer"
EVENT_CARRIERS = frozenset({"package", "regime", "round", "wave", "programme", "program"})
# nouns whose "to" clause states a done act: "the decision to grant licences"
DECISION_NOUNS = frozenset({"decision", "move", "step"})
# events whose country named by "in X" also takes part: "donated pumps to farmers in Guatemala"
PLACE_TAKES_PART = frozenset({"donation", "arms delivery", "state visit", "official visit"})
ROLE_PREPS = frozenset({"by", "with", "between", "to", "on", "against", "from", "among", "of", "alongside"})
SUBJECT_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "agent",
        "poss",
        "dobj",
        "dative",
        "compound",
        "amod",
        "npadvmod",
    }
)
# subjects that make a noun-only cue a verb event after all: "thousands of people rallied"
CROWD_WORDS = frozenset(
    {
        "people",
        "protester",
        "demonstrator",
        "supporter",
        "thousand",
        "hundred",
        "worker",
        "student",
        "activist",
    }
    | {
        "resident",
        "crowd",
        "farmer",
        "opponent",
        "employee",
        "member",
        "villager",
        "union",
    }
)


def extract(doc: Doc) -> Iterator[Event]:
    """Every typed event the doc states, one per trigger."""
    day = news_day(doc)
    before: list[Event] = []
    for number, sent in enumerate(doc.sents):
        if is_headline(sent) or title_line(sent):
            before = []
            continue
        found = list(_sentence_events(sent, number, day)) or renewals(sent, before)
        yield from found
        before = found


def _sentence_events(sent: Span, number: int, day: PartialDate | None) -> Iterator[Event]:
    """The events the sentence's own cue words state."""
    text = lemma_text(sent)
    seen: list[Event] = []
    for pattern in lexicon().events:
        if not all(_has(text, group) for group in pattern.groups):
            continue
        for trigger in _triggers(sent, pattern):
            event = _event(pattern.event_type, trigger, sent)
            if event is not None and event.date is None and number <= NEWS_SENTENCES:
                event = with_news_day(event, trigger, sent, day)
            if event is not None and not any(_same_act(event, other) for other in seen):
                seen.append(event)
                yield from each_apart(event, trigger, parties_of(sent))
                yield from (replace(event, date=d) for d in gapped_dates(trigger) if d != event.date)


def _same_act(event: Event, other: Event) -> bool:
    """A second cue of the sentence names a new event only with parties of its own: "was received by
    Murmu before holding talks with Modi" is two meetings, "met Xi … the meeting" one; an undated
    second cue is more likely the first act told again."""
    same_type = event.event_type == other.event_type
    return same_type and (event.date is None or set(event.participants) <= set(other.participants))


def _has(text: str, cues: Iterable[str]) -> bool:
    return any(f" {' '.join(_cue_words(cue))} " in text for cue in cues)


def _cue_words(cue: str) -> list[str]:
    """The tokens of a cue as spaCy splits them ("sit-in" → sit, -, in)."""
    return cue.replace("-", " - ").split()


def _triggers(sent: Span, pattern: EventPattern) -> Iterator[Token]:
    """Heads of first-group cue phrases used as events, with every other group in their clause."""
    for token in _cue_heads(sent, pattern.groups[0], meeting=pattern.event_type == "meeting"):
        if _is_event_use(token, future=pattern.event_type in COMMITMENTS) and all(
            _in_clause(token, group) for group in pattern.groups[1:]
        ):
            yield token


def _cue_heads(sent: Span, cues: frozenset[str], *, meeting: bool = False) -> list[Token]:
    """The syntactic head of each cue phrase in ``sent`` ("press conference" → "conference")."""
    heads: set[Token] = set()
    for cue in sorted(cues):
        words = _cue_words(cue)
        for i in range(sent.start, sent.end - len(words) + 1):
            tokens = sent.doc[i : i + len(words)]
            if all(_word_is(t, w) and t.ent_type_ != "DATE" for t, w in zip(tokens, words)):
                head = tokens.root
                if len(words) > 1 or _usable(cue, head, meeting=meeting):
                    heads.add(head)
    # "joint press conference": the phrase's head, not a cue inside it
    return sorted((h for h in heads if h.head not in heads or h.head.i == h.i), key=lambda t: t.i)


def _usable(cue: str, head: Token, *, meeting: bool = False) -> bool:
    """A noun-only cue ("rally", "drill") names an event as a verb only when a crowd does it;
    a reception ("received the minister") is a meeting only between people ("received drones" is
    a delivery's)."""
    if cue in RECEPTION_VERBS and meeting:
        return head.pos_ == "VERB" and _person_to_person(head)
    if cue == "march" and head.text[0].isupper() and not any(c.dep_ in {"det", "poss"} for c in head.children):
        return False
    return cue not in NOUN_ONLY or head.pos_ not in {"VERB", "AUX"} or _crowd_subject(head)


def _person_to_person(verb: Token) -> bool:
    """ "X received Y" / "Y was received by X", both people (or "he"/"she")."""
    host = [c for c in verb.children if c.dep_ == "nsubj"] + [
        p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
    ]
    guest = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(map(_is_person, host)) and any(map(_is_person, guest))


def _is_person(token: Token) -> bool:
    actor = actor_at(token)
    named = actor is not None and actor.ref.kind is ActorKind.PERSON
    return named or token.ent_type_ == "PERSON" or token.lower_ in {"he", "she"}


def _crowd_subject(verb: Token) -> bool:
    """ "Thousands of people rallied": a crowd, not a market, does it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(t.lemma_.lower() in CROWD_WORDS for s in subjects for t in s.subtree)


def _word_is(token: Token, word: str) -> bool:
    return token.lemma_.lower() == word or token.lower_ == word


def _clause_tokens(trigger: Token) -> set[Token]:
    """Tokens of the trigger's clause, without the clauses inside it."""
    top = clause_chain(trigger)[-1]
    tokens = set(pruned_subtree(top)) | set(trigger.subtree) | {trigger.head}
    if _bare_participle(trigger):
        tokens |= set(pruned_subtree(trigger.head))
    return tokens


def _bare_participle(trigger: Token) -> bool:
    """ "followed with a factory, inaugurated in 2019": a subjectless participle tells of the
    main clause's noun (the parser often hangs it on the verb)."""
    return (
        trigger.tag_ == "VBN"
        and trigger.dep_ in {"advcl", "acl"}
        and not any(c.dep_.startswith("nsubj") for c in trigger.children)
    )


def _in_clause(trigger: Token, cues: frozenset[str]) -> bool:
    text = lemma_text(sorted(_clause_tokens(trigger), key=lambda t: t.i))
    return _has(text, cues)


def _is_event_use(trigger: Token, *, future: bool = False) -> bool:
    """Not negated, not hypothetical, not a reference to an earlier event, and not yet to come ("will
    travel") unless announcing it is the fact (``future``: "will donate")."""
    chain = clause_chain(trigger)
    for token in chain:
        children = list(token.children)
        if any(
            c.dep_ == "neg" or (not future and c.tag_ == "MD" and c.lower_ in FUTURE) for c in children
        ) or is_hypothetical(children):
            return False
        if (token.lemma_.lower() in INTENT_WORDS and urges(token)) or (
            token is not trigger and token.lemma_.lower() in REFERENCE_HEADS
        ):
            return False
    if trigger.dep_ == "acl" and trigger.head.lemma_.lower() in INTENT_WORDS:
        return False
    relative = [c for c in trigger.children if c.dep_ == "relcl"]
    if any(is_hypothetical(c.children) for c in relative):
        return False
    if trigger.dep_ == "compound" and trigger.head.lemma_.lower() not in EVENT_CARRIERS:
        return False
    if (
        _speech_verb(trigger)
        or _earlier_one(trigger)
        or judged(trigger)
        or any(t.lemma_.lower() in ALLEGATIONS for t in trigger.ancestors)
    ):
        return False
    return not any(c.dep_ == "det" and c.lower_ in {"any", "no"} for c in trigger.children)


def _speech_verb(trigger: Token) -> bool:
    """ "recalled that the ambassador …", "protested that …": a verb whose object is a clause tells
    what someone remembers or says, not the act."""
    children = {c.dep_ for c in trigger.children}
    return trigger.pos_ == "VERB" and "ccomp" in children and not children & {"dobj", "nsubjpass"}


def _earlier_one(trigger: Token) -> bool:
    """ "after the talks", "since the protest": a definite event noun that times another act points
    back to an event told before, not a new one."""
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "these", "those", "that"} for c in trigger.children)
    return definite and trigger.dep_ == "pobj" and trigger.head.lower_ in BACK_PREPS


def _event(event_type: str, trigger: Token, sent: Span) -> Event | None:
    date = own_date(trigger, sent) or frame_date(trigger, sent) or fronted_date(trigger, sent)
    if date is None and _timed_participle(trigger):  # "received on 3 May before holding talks": that day
        date = own_date(trigger.head.head, sent)
    if not _stated(trigger, date) or (date is None and retold(trigger)):
        return None
    actors = parties_of(sent)
    participants = _participants(trigger, actors) or _actor_refs(
        outside_places(trigger, _in_clause_of(trigger, actors))
    )
    if event_type in FACILITY_EVENTS:
        participants += [b for b in builders(trigger, actors) if b not in participants]
    if not participants:
        return None
    if event_type in PERSON_EVENTS and not any(p.kind is ActorKind.PERSON for p in participants):
        return None
    if event_type == "state visit":
        event_type = visit_type(sent, actors)
    place = event_place(trigger, actors)
    if (
        event_type in PLACE_TAKES_PART
        and place is not None
        and place.kind is ActorKind.COUNTRY
        and place not in participants
    ):
        participants.append(place)
    evidence = evidence_for(sent)
    follow = next_sentence(sent)
    if date is None and follow is not None and starts_with_anaphora(follow, lexicon().anaphora_heads):
        date = first_date(follow)
        evidence = evidence_for(sent, follow) if date is not None else evidence
    if date is None and not event_dates(sent):
        date = paragraph_event_date(sent)
    return Event(event_type, tuple(participants), evidence, date=date, place=place)


def _stated(trigger: Token, date: PartialDate | None) -> bool:
    """A verb states an event with its subject; a noun needs a date or a verb like "held"."""
    if date is not None or during_done(trigger):
        return True
    if trigger.pos_ in {"VERB", "AUX"}:
        if trigger.dep_ == "acl" and trigger.head.lemma_.lower() in DECISION_NOUNS:
            return True
        return trigger.dep_ not in {"amod", "acl", "pcomp"} or trigger.head.pos_ == "VERB" or _timed_participle(trigger)
    chain = clause_chain(trigger)
    return any(t.lemma_.lower() in LIGHT_VERBS or t.lower_ in LIGHT_VERBS for t in chain[1:] if t.pos_ == "VERB")


def _participants(trigger: Token, actors: list[ActorSpan]) -> list[ActorRef]:
    """Actors in the trigger's role phrases: subject, object, agent, "with X", "between X and Y"…"""
    seen: dict[str, ActorRef] = {}
    # the trigger's own name is not a party to it: "added to the Entity List"
    actors = [a for a in actors if not a.span.start <= trigger.i < a.span.end]
    for head in _role_heads(trigger):
        for actor in actors_under(head, actors):
            seen.setdefault(actor.name, actor)
    return list(seen.values())


def _role_heads(trigger: Token) -> list[Token]:
    """Argument heads of the trigger and of the verbs its clause hangs on."""
    heads: list[Token] = []
    for token in clause_chain(trigger):
        if token is not trigger and token.pos_ not in {"VERB", "AUX"}:
            continue
        for child in token.children:
            if child.dep_ in SUBJECT_DEPS and child is not trigger and child not in trigger.ancestors:
                heads.extend([child, *child.conjuncts])
            elif child.dep_ == "prep" and child.lower_ in ROLE_PREPS:
                heads.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "acl" and token is trigger:
                heads.extend(_role_heads(child))
        if token is trigger and token.dep_ == "acl":
            heads.extend(c for c in token.head.children if c.dep_ == "poss")
        if token.dep_ in {"xcomp", "conj"} and not any(c.dep_.startswith("nsubj") for c in token.children):
            heads.extend(c for c in token.head.children if c.dep_.startswith("nsubj"))
        if _timed_participle(token):
            heads.extend(c for c in token.head.head.children if c.dep_.startswith("nsubj"))
    return heads


def _timed_participle(verb: Token) -> bool:
    """ "(He was received …) before holding talks with Modi": a gerund after a time preposition is an act
    of the main clause's subject, done as told."""
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and verb.head.lower_ in TIME_PREPS
        and not any(c.dep_.startswith("nsubj") for c in verb.children)
    )


def _in_clause_of(trigger: Token, actors: list[ActorSpan]) -> list[ActorSpan]:
    """The sentence's actors stand in for a main clause's unnamed roles, not for those of a subordinate
    clause ("revoked the licence a day after people marched …": the ministry did not march)."""
    top = clause_chain(trigger)[-1]
    timed = top.dep_ == "pcomp" or any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in top.children)
    return [] if timed else actors


def _actor_refs(actors: list[ActorSpan]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for actor in actors:
        if actor.ref.kind is not ActorKind.ASSET:
            seen.setdefault(actor.ref.name, actor.ref)
    return list(seen.values())
