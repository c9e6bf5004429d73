"""Context a sentence inherits from the paragraph around it.

News writes "In 2018, Serbia saw a surge in Chinese investment. The
construction of a tyre factory … by Linglong …": the year of the first
sentence dates the facts of the next ones.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.extract.actors import actors_in
from graph.extract.common import dates_in, first_date, previous_sentence, published
from graph.extract.lexicon import lexicon
from graph.extract.phrases import phrase_ref
from graph.model import ActorKind, ActorRef, PartialDate

LOOK_BACK = 3


def date_near(sent: Span) -> PartialDate | None:
    """The sentence's own date, else the latest one stated earlier in its paragraph."""
    own = first_date(sent)
    if own is not None:
        return own
    return paragraph_date(sent)


def paragraph_date(sent: Span) -> PartialDate | None:
    """The latest date stated before ``sent`` in its paragraph."""
    current = sent
    for _ in range(LOOK_BACK):
        earlier = previous_sentence(current)
        if earlier is None or "\n" in sent.doc.text[earlier.end_char : current.start_char]:
            return None
        tail = _last_paragraph(earlier)
        found = first_date(tail)
        if found is not None or tail is not earlier:
            return found
        current = earlier
    return None


SUBCLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "pcomp", "csubj"})


def date_for(trigger: Token, *, pledge: bool = False) -> PartialDate | None:
    """The date of the fact ``trigger`` heads.

    A date inside another subordinate clause ("… the investments it promised
    in 2016") dates that clause, not the fact; without a date of its own the
    fact takes the paragraph's, and a pledge ("has pledged", "will invest")
    the article's publication date.
    """
    sent = trigger.sent
    own = [(span, d) for span, d in dates_in(sent) if _dates_clause_of(span.root, trigger)]
    if own:
        rank = {"day": 0, "month": 1, "year": 2}
        return min(own, key=lambda f: (rank[f[1].precision.value], f[0].start))[1]
    found = paragraph_date(sent)
    if found is None and pledge:
        day = published(sent.doc)
        return PartialDate.from_date(day) if day is not None else None
    return found


def _dates_clause_of(date: Token, trigger: Token) -> bool:
    """Whether the date sits in the main clause, a clause containing the trigger or one modifying it."""
    clause = next((t for t in (date, *date.ancestors) if t.dep_ in SUBCLAUSE_DEPS), None)
    return clause is None or clause == trigger or clause in trigger.ancestors or _modifies(clause, trigger)


def _modifies(clause: Token, trigger: Token) -> bool:
    """"a loan from X, signed in April 2020": a clause inside the trigger's own phrase."""
    current = clause.head
    while current != trigger:
        if current.dep_ in SUBCLAUSE_DEPS or current.head == current:
            return False
        current = current.head
    return True


def _last_paragraph(sent: Span) -> Span:
    """The part of a sentence after its last line break (segmentation may span two)."""
    cut = sent.text.rstrip().rfind("\n")
    if cut < 0:
        return sent
    tail = sent.doc.char_span(sent.start_char + cut + 1, sent.end_char, alignment_mode="expand")
    return tail if tail is not None else sent


# How many sentences back a reference ("its stake", "it", "the company") may reach.
REFER_BACK = 5
PRONOUNS = frozenset({"it", "they", "its", "their"})
ACTOR_KINDS = frozenset({ActorKind.COMPANY, ActorKind.ORGANIZATION, ActorKind.GOVERNMENT_BODY})


def earlier_sentences(sent: Span, *, limit: int = REFER_BACK) -> Iterator[Span]:
    """The sentences before ``sent``, nearest first."""
    current = sent
    for _ in range(limit):
        current = previous_sentence(current)
        if current is None:
            return
        yield current


def earlier_stake_holding(sent: Span) -> ActorRef | None:
    """"… bought a 51% stake in NIS. It later raised its stake …": the company the stake is in.

    A stake named without "in Y" refers to the latest stake (or holding) in a
    named company stated shortly before.
    """
    stake_words = lexicon().stake
    for earlier in earlier_sentences(sent):
        for token in reversed(earlier):
            if token.lemma_.lower() in stake_words and token.pos_ == "NOUN":
                ref = _holding_of(token)
                if ref is not None:
                    return ref
    return None


def _holding_of(stake: Token) -> ActorRef | None:
    for prep in stake.children:
        if prep.dep_ == "prep" and prep.lower_ in {"in", "of"}:
            for obj in prep.children:
                ref = phrase_ref(obj) if obj.dep_ == "pobj" else None
                if ref is not None and ref.kind in ACTOR_KINDS:
                    return ref
    return None


def salient_actor(sent: Span) -> ActorRef | None:
    """The actor "it" / "the company" most likely means: a salience rule, not coreference.

    The subject of the previous sentence if it names a company or an
    organisation, else the last one that sentence names.
    """
    earlier = previous_sentence(sent)
    if earlier is None:
        return None
    subject = next((t for t in earlier if t.dep_ in {"nsubj", "nsubjpass"} and t.head.dep_ == "ROOT"), None)
    ref = phrase_ref(subject) if subject is not None else None
    if ref is not None and ref.kind in ACTOR_KINDS:
        return ref
    named = [a.ref for a in actors_in(earlier) if a.ref.kind in ACTOR_KINDS]
    return named[-1] if named else None


def topic_of_previous(sent: Span) -> ActorRef | None:
    """"The largest project is the X railway. It is financed by …": what "It" stands for.

    The complement of a copular previous sentence names its topic best; else its subject.
    """
    earlier = previous_sentence(sent)
    if earlier is None:
        return None
    root = earlier.root
    heads = [c for c in root.children if c.dep_ == "attr"] if root.lemma_ == "be" else []
    heads += [c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    for head in heads:
        ref = phrase_ref(head)
        if ref is not None:
            return ref
    return None
