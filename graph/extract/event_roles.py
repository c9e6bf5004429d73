"""Who an event's role phrase names: a name, or what a pronoun or description stands for.

News names a party once and then writes "he", "it" or "the French group";
the event's participant is the actor those words refer back to. A place
phrase on a participant ("talks with Modi at Hyderabad House") is not a party,
but the place whose voters decide is; a bare surname or "the environment
ministry" is the party the article names in full elsewhere.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from graph.extract.actors import ActorSpan, actors_in, find_actors
from graph.extract.common import evidence_for, lemma_text
from graph.extract.context import earlier_sentences
from graph.extract.event_dates import (
    clause_chain,
    fronted_date,
    own_date,
    pruned_subtree,
)
from graph.extract.lexicon import lexicon
from graph.model import ActorKind, ActorRef, Event

PRONOUNS = frozenset({"he", "she", "his", "her"})
BODY_HEADS = frozenset({"ministry", "department", "agency", "commission", "office"})
# a measure that stays in force and can be widened again: "In May 2024 it broadened the regime"
RENEWABLE = frozenset({"sanction", "export restriction"})
RENEW_VERBS = frozenset({"extend", "broaden", "expand", "widen", "tighten", "renew", "prolong", "toughen"})
REGIME_NOUNS = frozenset({"regime", "framework", "measure", "listing", "blacklist"})
ELECTORATE = frozenset({"voter", "elector", "electorate"})
PLACE_PREPS = frozenset({"at", "in", "near", "outside", "inside"})
HEADS_OF_STATE = frozenset({"president", "king", "queen", "emperor", "emir", "sultan", "xi", "leader"})


def actors_under(head: Token, actors: list[ActorSpan]) -> list[ActorRef]:
    """Actors named in the phrase of ``head`` (not in its clauses); "he" → the last person named."""
    tokens = _phrase(head) - _place_phrases(head) - _description_of_name(head, actors)
    found = [a.ref for a in actors if a.span.root.i in tokens and a.ref.kind is not ActorKind.ASSET]
    found += _electorate_place(head, actors)
    found += [p for p in _surnames(tokens, head, actors) if p not in found]
    body = _body_named_elsewhere(head)
    if body is not None and body not in found:
        found.insert(0, body)
    if all(a.kind is ActorKind.COUNTRY for a in found) and _is_description(head):
        earlier = _company_before(head, {a.name for a in found})
        found = [earlier] if earlier is not None else found
    if not found and head.lower_ in {"it", "its"}:
        subject = _outer_subject(head)
        found = actors_under(subject, actors) if subject is not None else []
    if not found and head.lower_ in PRONOUNS:
        person = _person_for(head, actors)
        found = [person] if person is not None else []
    return found


def _phrase(head: Token) -> set[int]:
    """The head's phrase with the names listed inside it ("the ambassadors of Germany, France and
    the Netherlands"), but not a coordinated clause or the head's own conjuncts."""
    tokens = {t.i for t in pruned_subtree(head)}
    doc = head.doc
    for i in sorted(tokens):
        for conj in doc[i].conjuncts:
            if i != head.i and conj.pos_ in {"PROPN", "NOUN"} and conj.i not in tokens:
                tokens |= {t.i for t in pruned_subtree(conj)}
    return tokens


def _description_of_name(head: Token, actors: list[ActorSpan]) -> set[int]:
    """ "Kazakhstan, Uzbekistan's northern neighbour, held a referendum": an apposition describing a
    named party names no further party."""
    if not any(a.span.root.i == head.i for a in actors):
        return set()
    return {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}


def _surnames(tokens: set[int], head: Token, actors: list[ActorSpan]) -> list[ActorRef]:
    """ "Madbouly met Alsuwaidi": a bare surname the recogniser missed (or took for a place) is the
    person the article named in full before ("Mostafa Madbouly")."""
    named = {i for a in actors if a.ref.kind is not ActorKind.ASSET for i in range(a.span.start, a.span.end)}
    people = {
        a.ref.name.split()[-1]: a.ref
        for a in find_actors(head.doc)
        if a.ref.kind is ActorKind.PERSON and a.span.end <= head.sent.start and len(a.ref.name.split()) > 1
    }
    doc = head.doc
    return [people[doc[i].text] for i in sorted(tokens - named) if doc[i].pos_ == "PROPN" and doc[i].text in people]


def _electorate_place(head: Token, actors: list[ActorSpan]) -> list[ActorRef]:
    """ "voters in Quito approved …": the city or country whose voters decide is the party, though
    "in X" on a participant is otherwise only a place."""
    if head.lemma_.lower() not in ELECTORATE:
        return []
    tokens = {t.i for c in head.children if c.dep_ == "prep" and c.lower_ in {"in", "of"} for t in c.subtree}
    places = {ActorKind.COUNTRY, ActorKind.ASSET}
    return [a.ref for a in actors if a.span.root.i in tokens and a.ref.kind in places]


def _body_named_elsewhere(head: Token) -> ActorRef | None:
    """ "Ecuador's environment ministry" is the "Ministry of Environment, Water and …" the article
    names in full elsewhere: the one government body whose name has the head and each qualifier."""
    if head.lemma_.lower() not in BODY_HEADS:
        return None
    words = {head.lemma_.lower()} | {
        c.lemma_.lower() for c in head.children if c.dep_ in {"compound", "amod"} and c.ent_type_ not in {"GPE", "NORP"}
    }
    if len(words) < 2:
        return None
    bodies = {
        a.ref.name: a.ref
        for a in find_actors(head.doc)
        if a.ref.kind is ActorKind.GOVERNMENT_BODY and words <= set(a.ref.name.lower().replace(",", " ").split())
    }
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _outer_subject(pronoun: Token) -> Token | None:
    """ "The group invested in its plant, which it opened": "it" is the subject of the clause around."""
    for clause in pronoun.ancestors:
        subjects = [
            c for c in clause.children if c.dep_ == "nsubj" and c.i < pronoun.i and c.lower_ not in {"it", "its"}
        ]
        if subjects and clause.pos_ in {"VERB", "AUX"}:
            return subjects[0]
    return None


def _is_description(head: Token) -> bool:
    """ "the French group", "the carmaker": a definite description instead of a name."""
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in head.children)
    return definite and head.lemma_.lower() in lexicon().descriptors


def _company_before(head: Token, countries: set[str]) -> ActorRef | None:
    """The company the description stands for: the last one named in the sentences before
    (of the country its adjective names, if any)."""
    for sent in earlier_sentences(head.sent, limit=3):
        companies = [a.ref for a in actors_in(sent) if a.ref.kind is ActorKind.COMPANY]
        matching = [c for c in companies if not countries or c.country in countries]
        if matching:
            return matching[-1]
    return None


def builders(trigger: Token, actors: list[ActorSpan]) -> list[ActorRef]:
    """ "The terminal, developed by Adani Ports, received its first ship": who built or runs a
    facility takes part in its opening or closing."""
    found: list[ActorRef] = []
    for subject in (c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass"}):
        for participle in (c for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            for agent in (c for c in participle.children if c.dep_ == "agent"):
                for head in (c for c in agent.children if c.dep_ == "pobj"):
                    found += [a for a in actors_under(head, actors) if a not in found]
    return found


def outside_places(trigger: Token, actors: list[ActorSpan]) -> list[ActorSpan]:
    """The sentence's actors that stand in for unnamed parties, less those the trigger's clause names
    as its place ("organised protests in Plav and Podgorica": where, not who)."""
    places = {
        t.i
        for head in clause_chain(trigger)
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in {"in", "at"}
        for t in prep.subtree
    }
    # not the parties of a clause inside the place phrase: "in Cuenca, which was organised by CONAIE"
    inner = {t.i for i in places for t in trigger.doc[i].subtree if trigger.doc[i].dep_ in {"relcl", "acl", "advcl"}}
    return [a for a in actors if a.span.root.i not in places - inner]


def _place_phrases(head: Token) -> set[int]:
    """Tokens of "at/in X" on a participant ("talks with Modi at Hyderabad House"): a place, not a party."""
    return {t.i for c in head.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPS for t in c.subtree}


def _person_for(pronoun: Token, actors: list[ActorSpan]) -> ActorRef | None:
    """The person a "he"/"his" stands for: one named in its sentence ("During his visit, Xi …"),
    else the last one named before it (news text refers back to its subject)."""
    here = [a for a in actors if a.ref.kind is ActorKind.PERSON]
    if pronoun.dep_.startswith("nsubj"):
        here = [a for a in here if a.span.start < pronoun.i]
    if here:
        return min(here, key=lambda a: abs(a.span.start - pronoun.i)).ref
    before = [a for a in find_actors(pronoun.doc) if a.span.end <= pronoun.i and a.ref.kind is ActorKind.PERSON]
    return before[-1].ref if before else None


def renewals(sent: Span, before: list[Event]) -> list[Event]:
    """ "The EU set up restrictive measures in July 2023 … In May 2024 it broadened the regime":
    a dated widening of "the regime" right after a measure is that measure again, on its own date."""
    measures = [e for e in before if e.event_type in RENEWABLE]
    if not measures:
        return []
    for verb in sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in RENEW_VERBS or _not_done(verb):
            continue
        if not any(_the_regime(c) for c in verb.children if c.dep_ == "dobj"):
            continue
        date = own_date(verb, sent) or fronted_date(verb, sent)
        if date is not None and _same_doer(verb, measures[0]):
            return [replace(measures[0], date=date, evidence=evidence_for(sent))]
    return []


def _not_done(verb: Token) -> bool:
    return any(c.dep_ == "neg" or (c.tag_ == "MD") for c in verb.children)


def _the_regime(noun: Token) -> bool:
    """ "the regime", "its measures": a definite measure already told of."""
    definite = any(c.dep_ in {"det", "poss"} and c.lower_ in {"the", "this", "its", "their"} for c in noun.children)
    return definite and noun.lemma_.lower() in REGIME_NOUNS


def _same_doer(verb: Token, measure: Event) -> bool:
    """The widening is by "it"/"they" or by a party of the measure."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any(s.lower_ in {"it", "they"} for s in subjects):
        return True
    actors = actors_in(verb.sent)
    named = {a.name for s in subjects for a in actors_under(s, actors)}
    return bool(named & {p.name for p in measure.participants})


def parties_of(sent: Span) -> list[ActorSpan]:
    """The sentence's actors that can take part: not one only qualifying a noun by a hyphened
    participle ("a UNESCO-protected area", "a Chinese-funded mine")."""
    return [a for a in actors_in(sent) if not _hyphened_modifier(a)]


def _hyphened_modifier(actor: ActorSpan) -> bool:
    doc = actor.span.doc
    end = actor.span.end
    return end + 1 < len(doc) and doc[end].tag_ == "HYPH" and doc[end + 1].tag_ in {"VBN", "JJ"}


def each_apart(event: Event, trigger: Token, actors: list[ActorSpan]) -> list[Event]:
    """ "Britain and Canada each imposed their own sanctions": one act per subject, each with the
    other parties (a joint act, "Britain and Canada imposed sanctions", stays one)."""
    for verb in (trigger, *trigger.ancestors):
        for subject in (c for c in verb.children if c.dep_ == "nsubj" and c.conjuncts):
            group = [subject, *subject.conjuncts]
            if not any(t.lower_ == "each" for g in group for t in g.children) and not any(
                c.lower_ == "each" for c in verb.children
            ):
                continue
            doers = [actors_under(g, actors) for g in group]
            if not all(doers):
                return [event]
            named = {a for d in doers for a in d}
            rest = [p for p in event.participants if p not in named]
            return [replace(event, participants=tuple(dict.fromkeys([*d, *rest]))) for d in doers]
        # a verb with its own subject is not the "each" verb's ("… each agreed to lend, and Adesina met Ruto")
        if verb.dep_ in {"ROOT", "ccomp", "advcl", "relcl"} or any(c.dep_ == "nsubj" for c in verb.children):
            break
    return [event]


def visit_type(sent: Span, actors: list[ActorSpan]) -> str:
    """A head of state's visit is a state visit; a minister's an official one."""
    text = lemma_text(sent)
    if " state visit " in text:
        return "state visit"
    if " official visit " in text or " working visit " in text:
        return "official visit"
    for actor in actors:
        before = actor.span.doc[actor.span.start - 1] if actor.span.start else None
        if actor.ref.kind is ActorKind.PERSON and before is not None and before.lower_ in HEADS_OF_STATE:
            return "state visit"
    return "official visit"


def event_place(trigger: Token, actors: list[ActorSpan]) -> ActorRef | None:
    """The city or country named by "in/at X" on the trigger or the verbs its clause hangs on."""
    chain = clause_chain(trigger)
    objects = [c for t in chain for c in t.children if c.dep_ in {"dobj", "pobj"} and c is not trigger]
    for token in (*chain, *objects):
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                inside = {t.i for t in pruned_subtree(obj)}
                for actor in actors:
                    if actor.span.root.i in inside and actor.ref.kind in {
                        ActorKind.ASSET,
                        ActorKind.COUNTRY,
                    }:
                        return actor.ref
    return None
