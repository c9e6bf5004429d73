"""Dates of events: the one a trigger's clause states, else the one its frame states.

News dates an event in the trigger's own clause ("imposed sanctions on
Monday"), in the reporting verb it hangs on ("X agreed …, Y said on Sunday"),
in a phrase put before the clause ("In a decree signed on Monday, …"), in the
dated act a "during" visit frames, or, for the news itself, on the day the
lede names ("Modi said at a joint press conference …" → the day of the visit).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from graph.extract.common import dates_in, doc_text, entities_in, is_headline, previous_sentence, published, sentences
from graph.extract.context import paragraph_date
from graph.model import Event, PartialDate

# reporting verbs whose date dates the reported act when it has none: "X agreed to …, Y said on Sunday"
REPORTING_VERBS = frozenset({"say", "tell", "announce", "report", "confirm", "state", "add", "write"})
# prepositions of a date that is not the event's: "his first trip since 2020"
NOT_EVENT_DATE = frozenset({"since", "until", "till", "before", "after", "by", "through"})
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj", "pcomp"})
PRUNED_DEPS = frozenset({"relcl", "ccomp", "advcl", "parataxis", "acl", "conj", "cc"})
# the first sentences of an article tell the news; their day dates its undated past-tense events
LEDE_SENTENCES = 4
# weeks the date parser leaves open: days back from publication; dated to that day's month
WEEKS = {
    "last week": 7,
    "the previous week": 7,
    "the past week": 7,
    "this week": 0,
    "earlier this week": 0,
}
DASHES = frozenset({"—", "–", "--"})
# tokens a dateline may run on after its date: "(Central Asia Wire) —"
DATELINE_TAIL = 8


def clause_chain(token: Token) -> list[Token]:
    """The trigger and its heads up to the head of its clause ("visit" → "during" → "toured")."""
    chain = [token]
    while token.dep_ not in CLAUSE_DEPS and token.head is not token:
        token = token.head
        chain.append(token)
    return chain


def title_line(sent: Span) -> bool:
    """The article's first line without a full stop: its title, which the body tells again with dates."""
    return sent.start == 0 and sent.text.rstrip()[-1:] not in {".", "!", "?", '"'}


def own_date(trigger: Token, sent: Span) -> PartialDate | None:
    """The date attached closest to the trigger within its clause, the most precise on ties."""
    chain = date_chain(trigger)
    scored = []
    for ent, value in dates_of(sent):
        if ent.root.head.lower_ in NOT_EVENT_DATE:
            continue
        distance = _attachment(ent.root, trigger, chain)
        if distance is not None:
            scored.append((distance, value.vagueness, ent.start, value))
    return min(scored, key=lambda s: s[:3])[3] if scored else None


def frame_date(trigger: Token, sent: Span) -> PartialDate | None:
    """ "signed on 25 January 2008, during a visit by Tadić": a visit framing the sentence's
    one dated act shares its date."""
    if trigger.head.lower_ != "during":
        return None
    dates = {value for ent, value in dates_of(sent) if ent.root.head.lower_ not in NOT_EVENT_DATE}
    if len(dates) == 1:
        return dates.pop()
    # several dates: the one of the act the visit frames ("agreed on Tuesday … and signed … during the visit")
    verb = trigger.head.head
    while verb.dep_ == "conj" and verb.head is not verb and own_date(verb, sent) is None:
        verb = verb.head  # "agreed on Tuesday … and signed … during the visit": the shared clause's date
    return own_date(verb, sent) if verb is not trigger.head else None


def fronted_date(trigger: Token, sent: Span) -> PartialDate | None:
    """ "In a decree signed on Monday, the EU extended its controls": the one date of a phrase
    put before the trigger's clause dates it."""
    chain = clause_chain(trigger)
    found = set()
    for ent, value in event_dates(sent):
        for token in ent.root.ancestors:
            if token.dep_ == "prep" and token.head in chain and token.i < token.head.i:
                found.add(value)
                break
    return found.pop() if len(found) == 1 else None


def event_dates(sent: Span) -> list[tuple[Span, PartialDate]]:
    """The sentence's dates that may date an event (not "since 2020", "until May", not a dateline)."""
    return [
        (ent, value)
        for ent, value in dates_of(sent)
        if ent.root.head.lower_ not in NOT_EVENT_DATE and not dateline(ent)
    ]


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


def dateline(ent: Span) -> bool:
    """ "BISHKEK, Sept. 18, 2025 (Central Asia Wire) — Russia has …": the day of the report, not of
    the act; only capitalised words before it on its line, a dash soon after."""
    doc = ent.doc
    line_start = doc_text(doc).rfind("\n", 0, ent.start_char) + 1
    if any(w[:1].islower() for w in doc_text(doc)[line_start : ent.start_char].split()):
        return False
    return any(t.text in DASHES for t in doc[ent.end : ent.end + DATELINE_TAIL])


def news_day(doc: Doc) -> PartialDate | None:
    """The day the news happened: the first day the lede names ("agreed on Tuesday"), not its dateline."""
    sents = [s for s in sentences(doc) if not is_headline(s) and not title_line(s)][:LEDE_SENTENCES]
    for sent in sents:
        for ent, value in dates_in(sent):
            line_start = doc_text(doc).rfind("\n", 0, ent.start_char) + 1
            if value.precision.value == "day" and len(doc_text(doc)[line_start : ent.start_char].split()) >= 6:
                return value
    return None


def in_past(trigger: Token) -> bool:
    """The trigger's clause, or the verb it reports through, is in the simple past."""
    for token in date_chain(trigger):
        if token.tag_ == "VBD" or any(c.tag_ == "VBD" and c.dep_ in {"aux", "auxpass"} for c in token.children):
            return True
    return False


def date_chain(trigger: Token) -> list[Token]:
    """The clause chain, then the reporting verb whose complement the clause is."""
    chain = clause_chain(trigger)
    top = chain[-1]
    if top.dep_ in {"ccomp", "parataxis"} and top.head.lemma_.lower() in REPORTING_VERBS:
        chain.append(top.head)
    chain.extend(c for c in top.children if c.dep_ in {"advcl", "parataxis"} and c.lemma_.lower() in REPORTING_VERBS)
    return chain


def _attachment(token: Token, trigger: Token, chain: list[Token]) -> int | None:
    """How far up the trigger's clause chain a date hangs (0: on the trigger), None if elsewhere."""
    for ancestor in (token, *token.ancestors):
        if ancestor in chain:
            return chain.index(ancestor)
        if ancestor.dep_ in PRUNED_DEPS | {"appos"} and ancestor is not trigger and trigger not in ancestor.subtree:
            return None
    return None


def with_news_day(event: Event, trigger: Token, sent: Span, day: PartialDate | None) -> Event:
    """An undated event told in the simple past near the top of the article happened on the news day
    ("Modi said at a joint press conference …")."""
    if day is None or event_dates(sent) or not in_past(trigger):
        return event
    return replace(event, date=day)


def gapped_dates(trigger: Token) -> list[PartialDate]:
    """ "imposed curbs on gallium on 1 August 2023, and on antimony on 15 September 2024": a
    verbless conjunct of the trigger's clause tells the same act again on another date."""
    top = clause_chain(trigger)[-1]
    gapped = [c for c in top.children if c.dep_ == "conj" and c.pos_ == "ADP"]
    dates = []
    for conjunct in gapped:
        inside = {t.i for t in conjunct.subtree}
        dates += [value for ent, value in event_dates(trigger.sent) if ent.root.i in inside]
    return dates


def pruned_subtree(token: Token) -> Iterator[Token]:
    """The phrase of ``token`` without the clauses inside it."""
    yield token
    for child in token.children:
        if child.dep_ not in PRUNED_DEPS:
            yield from pruned_subtree(child)
