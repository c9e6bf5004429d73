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

from spacy.tokens import Span, Token

from graph.extract.common import dates_in, doc_text, entities_in, previous_sentence, published
from graph.extract.context import paragraph_date
from graph.extract.word_lists import word_list
from graph.model import PartialDate

# prepositions of a date that is not the event's: "his first trip since 2020"
NOT_EVENT_DATE = frozenset({"since", "until", "till", "before", "after", "by", "through"})
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis", "acl", "csubj", "pcomp"})
PRUNED_DEPS = frozenset({"relcl", "ccomp", "advcl", "parataxis", "acl", "conj", "cc"})
# the first sentences of an article tell the news; their day dates its undated past-tense events
LEDE_SENTENCES = 4
# weeks the date parser leaves open: days back from publication; dated to that day's month
WEEKS = {"last week": 7, "the previous week": 7, "the past week": 7, "this week": 0, "earlier this week": 0}
DASHES = frozenset({"—", "–", "--"})
# tokens a dateline may run on after its date: "(Central Asia Wire) —"
DATELINE_TAIL = 8


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
        if ent.root.head.lower_ in NOT_EVENT_DATE:
            continue
        distance = _attachment(ent.root, trigger, chain)
        if distance is not None:
            scored.append((distance, value.vagueness, ent.start, value))
    return min(scored, key=lambda s: s[:3])[3] if scored else None


def fronted_date(trigger: Token, sent: Span) -> PartialDate | None:
    """The one date of a phrase put before the trigger's clause ("In a decree signed on Monday,
    the EU extended …") dates it."""
    chain = clause_chain(trigger)
    found = {value for ent, value in event_dates(sent)
             if any(t.dep_ == "prep" and t.head in chain and t.i < t.head.i for t in ent.root.ancestors)}
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
    """A dateline's date: the day of the report, not of the act; only capitalised words before it
    on its line, a dash soon after ("BISHKEK, Sept. 18, 2025 (Wire) — …")."""
    doc = ent.doc
    line_start = doc_text(doc).rfind("\n", 0, ent.start_char) + 1
    if any(w[:1].islower() for w in doc_text(doc)[line_start : ent.start_char].split()):
        return False
    return any(t.text in DASHES for t in doc[ent.end : ent.end + DATELINE_TAIL])


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
        if ancestor.dep_ in PRUNED_DEPS | {"appos"} and trigger not in ancestor.subtree:
            return None
    return None


def pruned_subtree(token: Token) -> Iterator[Token]:
    """The phrase of ``token`` without the clauses inside it."""
    yield token
    for child in token.children:
        if child.dep_ not in PRUNED_DEPS:
            yield from pruned_subtree(child)
