"""Lifecycle status and factuality of a fact, read from its trigger's clause (issues 7, 8).

A trigger ("build", "acquisition", "loan") is stated inside a clause that says
how far the deal has gone ("scrapped plans to build", "the acquisition was
completed") and how firmly ("may buy", "denied it would sell"). Both are read
from the trigger's *governing chain*: the trigger and the words above it that
it is an object, complement or subject of, up to the clause boundary; never
from the rest of the sentence, so "the completed plant" says nothing about a
purchase of it. A reporting verb above a ``ccomp`` ("said it had bought")
contributes negation and denial only.

The words live in ``data/status.json``, matched by ``status_cues``; this module reads
the grammar around them (past and perfect, progressive, modals, negation).
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.common import first_found, per_token
from graph.extract.status_cues import FactualityCues, StatusLexicon, fires, status_lexicon, word_forms
from graph.extract.tree import infinitive, marked
from graph.extract.word_lists import word_list
from graph.model import Factuality, Status

# Edges followed upward from the trigger: it is the object, complement or
# subject of its head, or a noun's infinitive ("plans to build").
_UP = {"xcomp", "dobj", "pobj", "prep", "dative", "nsubj", "nsubjpass", "attr", "acl",
       "ccomp", "agent", "oprd", "acomp", "appos", "compound"}
# A gerund governed through one of these prepositions is an argument ("barred
# X from buying"), not a time or manner adjunct ("after buying", "by buying").
_ARGUMENT_PREPS = {"from", "of", "on", "to", "for", "about", "into", "against", "toward", "towards"}
_MAX_HOPS = 8
_STAGE_OF_PLAN = {Status.ANNOUNCED, Status.PLEDGED}
# the statuses that stop a deal, which end talks as well as deals
_STOPPED = {Status.POSTPONED, Status.CANCELLED, Status.REJECTED, Status.BLOCKED}


# --- the trigger's governing chain -------------------------------------------


def _up_edge(token: Token) -> bool:
    """Whether the token's head still belongs to its clause."""
    if token.dep_ in {"advcl", "relcl"}:  # an infinitive: "the deal to buy", "pulled out of the deal to buy"
        return infinitive(token) or _terms_of(token)
    if token.dep_ == "pcomp":
        return token.head.lower_ in _ARGUMENT_PREPS
    if token.dep_ == "acl" and token.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in token.children):
        return False  # "the pact, signed in March, will take effect": a done thing the future does not touch
    return token.dep_ in _UP


def _terms_of(relcl: Token) -> bool:
    """A relative clause "under which …" states the terms of its deal, and shares its fate."""
    return relcl.dep_ == "relcl" and any(p.dep_ == "prep" and p.lower_ == "under" and any(w.lower_ == "which" for w in p.children)
                                         for p in relcl.children)


def governing_chain(trigger: Token) -> list[Token]:
    """The trigger, then each word it is governed by within its clause, innermost first."""
    chain = [trigger]
    while len(chain) <= _MAX_HOPS and _up_edge(chain[-1]):
        chain.append(chain[-1].head)
    return chain


def _split_at_report(chain: list[Token]) -> tuple[list[Token], list[Token]]:
    """(the reported clause, the reporting verbs above it): a report says who tells, not how far the deal went."""
    for i, token in enumerate(chain):
        if token.dep_ == "ccomp":
            return chain[: i + 1], chain[i + 1 :]
    return chain, []


def _modals(token: Token) -> set[str]:
    """The modal auxiliaries, as written and as lemma ("wo" of "won't" is "will")."""
    return {f for c in token.children if c.dep_ == "aux" and c.tag_ == "MD" for f in word_forms(c)}


def _negations_on(token: Token, fact: FactualityCues) -> int:
    """The negation words ("not", "never") and negative determiners ("no") on the word, and an
    adverb they negate ("no longer owns")."""
    return sum(1 for c in token.children if c.dep_ == "neg" and word_forms(c) & fact.negations
               or c.dep_ == "det" and c.lower_ in fact.negative_determiners
               or c.dep_ == "advmod" and any(g.dep_ == "neg" and g.lower_ in fact.negative_determiners for g in c.children))


def _unrealised(token: Token, fact: FactualityCues) -> bool:
    """Negated ("did not", "no plans"), modal or conditional: a status cue on it is not (yet) the case."""
    return bool(_negations_on(token, fact) or _modals(token) or marked(token, fact.conditions))


# --- status ------------------------------------------------------------------


def _cue_status(token: Token, lex: StatusLexicon) -> Status | None:
    """The first status (in the data's order) with a cue on the word."""
    return next((entry.status for entry in lex.statuses if fires(token, entry.cues)), None)


def _chain_status(chain: list[Token], lex: StatusLexicon) -> Status | None:
    """The outermost realised status cue above (or on) the trigger, before any
    planning, hedging or negated word: "scrapped plans to build" is cancelled,
    "hopes to complete" is not completed; an announcement tells the status below it
    ("announced delays to the plant" is postponed). A hedged noun below ("opened
    talks to buy") lets only a stopping cue through ("ended talks to buy")."""
    fact = lex.factuality
    announced = None  # "announced delays to the plant": what is announced is the delay
    for depth in range(len(chain) - 1, -1, -1):
        token = chain[depth]
        if _unrealised(token, fact):
            return announced
        status = _cue_status(token, lex) if token.pos_ != "ADJ" or not depth else None  # "is open to buying": no opening
        hedged_below = any(fires(t, fact.possible) for t in chain[:depth])
        if status is Status.ANNOUNCED and announced is None and depth and token.lemma_.lower() in word_list("telling_words"):
            announced = status
            continue
        if status is not None and not (hedged_below and status not in _STOPPED):
            return status
        if status is None and any(fires(token, cues) for cues in (fact.planned, fact.possible, fact.denied)):
            return announced
    return announced


def _past_or_perfect(verb: Token) -> bool:
    """A simple past, a perfect or a past passive: the act is done ("has bought", "was acquired")."""
    if verb.pos_ not in {"VERB", "AUX"} or _modals(verb):
        return False
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if not auxes:
        return verb.tag_ == "VBD"
    perfect = verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)
    past_passive = verb.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ == "VBD" for a in auxes)
    return perfect or past_passive


def _progressive(verb: Token) -> bool:
    """A form of "be" with a present participle: the work is under way ("is building")."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _verb_lemma(verb: Token) -> str:
    """The lemma with its particles, as a phrasal verb is listed ("take over")."""
    particles = [c.lemma_.casefold() for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.casefold(), *particles])


def _aspect_status(trigger: Token, lex: StatusLexicon) -> Status | None:
    if _unrealised(trigger, lex.factuality):
        return None
    lemma = _verb_lemma(trigger)
    for entry in lex.statuses:
        if lemma in entry.past_of and _past_or_perfect(trigger):
            return entry.status
        if lemma in entry.progressive_of and _progressive(trigger):
            return entry.status
    return None


def _modifier_status(trigger: Token, lex: StatusLexicon) -> Status | None:
    """A nominal trigger's own modifiers: "the cancelled deal", "the loan, signed in May"."""
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        return None
    modifiers = (c for c in trigger.children if c.dep_ in {"amod", "acl", "relcl"} and not _unrealised(c, lex.factuality))
    return first_found(lambda c: _cue_status(c, lex), modifiers)


def _realised_status(trigger: Token, lex: StatusLexicon) -> Status | None:
    clause, _ = _split_at_report(governing_chain(trigger))
    return (_object_status(trigger, lex) or _chain_status(clause, lex) or _aspect_status(trigger, lex)
            or _modifier_status(trigger, lex))


def _object_status(trigger: Token, lex: StatusLexicon) -> Status | None:
    """A verb's object names the status of the phrase the parser hung on the verb ("announced delays to Y")."""
    if trigger.dep_ != "pobj" or trigger.head.lower_ not in {"to", "of", "on", "for"} or trigger.head.head.pos_ != "VERB":
        return None
    objects = [c for c in trigger.head.head.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    return first_found(lambda o: _cue_status(o, lex), objects)


@per_token("ikg_status_of")
def status_of(trigger: Token) -> Status | None:
    """The lifecycle status the trigger's clause states, or ``None`` if it states none.

    A planned statement without a status cue of its own ("will build", "said it
    would build", "Talmor to buy") is announced.
    """
    lex = status_lexicon()
    status = _realised_status(trigger, lex)
    if status is None and factuality_of(trigger) is Factuality.PLANNED:
        return Status.ANNOUNCED
    return status


# --- factuality --------------------------------------------------------------


def _negations(chain: list[Token], fact: FactualityCues) -> int:
    """Negations and denying verbs on the chain: "did not buy", "denied it would sell"."""
    return sum(_negations_on(token, fact) + fires(token, fact.denied) for token in chain)


def _reported(chain: list[Token], fact: FactualityCues) -> bool:
    """Said or denied by someone: "said it would build", "denied it would sell"."""
    _, above = _split_at_report(chain)
    return bool(above) and (bool(word_forms(above[0]) & fact.reporting_verbs) or fires(above[0], fact.denied))


def _hedged(clause: list[Token], chain: list[Token], fact: FactualityCues) -> bool:
    reported = _reported(chain, fact)
    for token in clause:
        modals = _modals(token) - ({"would"} if reported else set())
        if modals & fact.possible_modals or marked(token, fact.conditions) or fires(token, fact.possible):
            return True
    hedges = (c for t in chain for c in t.children if c.dep_ == "advmod")
    return any(word_forms(h) & fact.hedges for h in hedges)


def _headline_infinitive(chain: list[Token]) -> bool:
    """An infinitive no verb governs: a headline's way of stating a plan ("X to buy Y")."""
    return infinitive(chain[0]) and chain[-1].pos_ not in {"VERB", "AUX"}


def _be_to(chain: list[Token]) -> bool:
    """"be" with an infinitive states a plan ("X is to buy Y", "the plant is to be built")."""
    head = chain[0]
    has_to = any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "to" for c in head.children)
    return has_to and head.dep_ == "xcomp" and head.head.lemma_ == "be"


def _a_choice(chain: list[Token], fact: FactualityCues) -> bool:
    """"… for 70% of Y, with an option to buy the remaining 30%": a deal the first noun above it offers
    as a choice is possible, unless that choice is exercised ("exercised its option to buy the rest")."""
    noun = next((t for t in chain[1:] if t.pos_ == "NOUN"), None)
    if noun is None or noun.lemma_.lower() not in fact.choice_nouns:
        return False
    return not (noun.dep_ in {"dobj", "nsubjpass"} and noun.head.lemma_.lower() in fact.exercise_verbs)


def _intended(clause: list[Token], chain: list[Token], fact: FactualityCues) -> bool:
    reported_would = _reported(chain, fact) and any("would" in _modals(t) for t in clause)
    modal = any(_modals(t) & fact.planned_modals for t in clause)
    verbs = any(fires(t, fact.planned) for t in clause)
    return reported_would or modal or verbs or _headline_infinitive(chain) or _be_to(chain)


def _modified(trigger: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ == "amod" and word_forms(c) & words for c in trigger.children)


@per_token("ikg_factuality_of")  # every fact of a trigger asks, and status_of too
def factuality_of(trigger: Token) -> Factuality:
    """How firmly the trigger's clause states the fact.

    Hedges win ("may not buy" is possible); an odd number of negations and
    denying verbs is denied, an even one possible ("did not rule out buying");
    a status past the planning stage is asserted ("agreed to buy" is signed);
    intentions are planned ("plans to", "will", "said it would"); else asserted.
    """
    lex = status_lexicon()
    fact = lex.factuality
    chain = governing_chain(trigger)
    clause, _ = _split_at_report(chain)
    negations = _negations(chain, fact)
    if _hedged(clause, chain, fact) or _modified(trigger, fact.possible_modifiers) or _a_choice(chain, fact):
        return Factuality.POSSIBLE
    if negations:
        return Factuality.DENIED if negations % 2 else Factuality.POSSIBLE
    status = _realised_status(trigger, lex)
    if status is not None and status not in _STAGE_OF_PLAN:
        return Factuality.ASSERTED  # "agreed to buy": signed, and said as such
    if _intended(clause, chain, fact) or _modified(trigger, fact.planned_modifiers):
        return Factuality.PLANNED
    return Factuality.ASSERTED
