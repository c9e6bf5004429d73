"""Lifecycle status and factuality of a fact, read from its trigger's clause (issues 7, 8).

A trigger ("build", "acquisition", "loan") is stated inside a clause that says
how far the deal has gone ("scrapped plans to build", "the acquisition was
completed") and how firmly ("may buy", "denied it would sell"). Both are read
from the trigger's *governing chain*: the trigger and the words above it that
it is an object, complement or subject of, up to the clause boundary; never
from the rest of the sentence, so "the completed plant" says nothing about a
purchase of it. A reporting verb above a ``ccomp`` ("said it had bought")
contributes negation and denial only.

The words live in ``data/status.json``; this module derives the forms (lemma
or exact word, phrasal particles, past and perfect, progressive, modals).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from graph import paths
from graph.errors import KGError
from graph.model import Factuality, Status

STATUS_PATH = paths.DATA / "status.json"

# Edges followed upward from the trigger: it is the object, complement or
# subject of its head, or a noun's infinitive ("plans to build").
_UP = {"xcomp", "dobj", "pobj", "prep", "dative", "nsubj", "nsubjpass", "attr", "acl",
       "ccomp", "agent", "oprd", "acomp", "appos", "compound"}
# A gerund governed through one of these prepositions is an argument ("barred
# X from buying"), not a time or manner adjunct ("after buying", "by buying").
_ARGUMENT_PREPS = {"from", "of", "on", "to", "for", "about", "into", "against", "toward", "towards"}
# Close dependants of a chain word among which a multi-word cue is looked for.
_NEAR = {"aux", "auxpass", "neg", "prt", "advmod", "dobj", "prep", "dative", "acomp", "oprd",
         "attr", "npadvmod", "nsubj", "nsubjpass", "compound", "amod"}
_NOMINAL = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "dative"}
_ARTICLES = {"the", "a", "an"}
_MAX_HOPS = 8
_STAGE_OF_PLAN = {Status.ANNOUNCED, Status.PLEDGED}


class StatusDataError(KGError):
    """``data/status.json`` is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Cues:
    """One-word cues (matched on chain words) and phrases (matched near them),
    each word with its regular inflections, since the tagger's lemma is not
    always right ("hopes" lemmatised as "hop")."""

    words: frozenset[str]
    phrases: tuple[tuple[frozenset[str], ...], ...]


@dataclass(frozen=True, slots=True)
class StatusCues:
    status: Status
    cues: Cues
    past_of: frozenset[str]
    progressive_of: frozenset[str]


@dataclass(frozen=True, slots=True)
class FactualityCues:
    denied: Cues
    negations: frozenset[str]
    negative_determiners: frozenset[str]
    possible: Cues
    possible_modals: frozenset[str]
    conditions: frozenset[str]
    hedges: frozenset[str]
    possible_modifiers: frozenset[str]
    planned: Cues
    planned_modals: frozenset[str]
    planned_modifiers: frozenset[str]
    reporting_verbs: frozenset[str]


@dataclass(frozen=True, slots=True)
class StatusLexicon:
    statuses: tuple[StatusCues, ...]
    factuality: FactualityCues


# --------------------------------------------------------------------------
# Loading the data


def inflections(word: str) -> frozenset[str]:
    """The word and its regular -s, -ed and -ing forms ("scrap" → "scraps", "scrapped")."""
    stems = {word, word[:-1]} if word.endswith("e") else {word, word + word[-1]}
    forms = {word, word + "s", word + "es"}
    forms |= {stem + end for stem in stems for end in ("ed", "ing")}
    if word.endswith("y") and len(word) > 2:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    return frozenset(forms)


def _cues(items: list[str]) -> Cues:
    words: set[str] = set()
    phrases = []
    for item in items:
        parts = [w for w in item.casefold().split() if w not in _ARTICLES]
        if len(parts) == 1:
            words |= inflections(parts[0])
        elif parts:
            phrases.append(tuple(inflections(w) for w in parts))
    return Cues(frozenset(words), tuple(phrases))


def _words(raw: dict, key: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in raw.get(key, []))


def _status_cues(path: Path, name: str, raw: dict) -> StatusCues:
    try:
        status = Status(name)
    except ValueError as e:
        known = ", ".join(s.value for s in Status)
        raise StatusDataError(f"{path}: unknown status {name!r}; use one of {known}") from e
    return StatusCues(status, _cues(raw["cues"]), _words(raw, "past_of"), _words(raw, "progressive_of"))


def _factuality_cues(raw: dict) -> FactualityCues:
    denied, possible, planned = raw["denied"], raw["possible"], raw["planned"]
    return FactualityCues(
        denied=_cues(denied["cues"]), negations=_words(denied, "negations"),
        negative_determiners=_words(denied, "determiners"),
        possible=_cues(possible["cues"]), possible_modals=_words(possible, "modals"),
        conditions=_words(possible, "conditions"), hedges=_words(possible, "adverbs"),
        possible_modifiers=_words(possible, "modifiers"),
        planned=_cues(planned["cues"]), planned_modals=_words(planned, "modals"),
        planned_modifiers=_words(planned, "modifiers"),
        reporting_verbs=_words(planned, "reporting_verbs"),
    )


@lru_cache(maxsize=4)
def status_lexicon(path: Path = STATUS_PATH) -> StatusLexicon:
    """The cue lists of ``data/status.json``, read once."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise StatusDataError(f"{path}: cannot read the status cues ({e}); restore it from git") from e
    try:
        statuses = tuple(_status_cues(path, name, cues) for name, cues in raw["statuses"].items())
        return StatusLexicon(statuses, _factuality_cues(raw["factuality"]))
    except (KeyError, TypeError, AttributeError) as e:
        raise StatusDataError(f"{path}: malformed status cues ({e!r}); compare with git") from e


# --------------------------------------------------------------------------
# The trigger's governing chain


def _up_edge(token: Token) -> bool:
    """Whether the token's head still belongs to its clause."""
    if token.head is token:
        return False
    if token.dep_ in {"advcl", "relcl"}:  # an infinitive: "the deal to buy", "pulled out of the deal to buy"
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or _terms_of(token)
    if token.dep_ == "pcomp":
        return token.head.lower_ in _ARGUMENT_PREPS
    if token.dep_ == "acl" and token.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in token.children):
        return False  # "the pact, signed in March, will take effect": a done thing the future does not touch
    return token.dep_ in _UP


def _terms_of(relcl: Token) -> bool:
    """"a deal under which X would have bought Y was cancelled": the clause states the terms of the
    deal it is on, and shares its fate."""
    return relcl.dep_ == "relcl" and any(p.dep_ == "prep" and p.lower_ == "under" and any(w.lower_ == "which" for w in p.children)
                                         for p in relcl.children)


def governing_chain(trigger: Token) -> list[Token]:
    """The trigger, then each word it is governed by within its clause, innermost first."""
    chain = [trigger]
    while len(chain) <= _MAX_HOPS and _up_edge(chain[-1]):
        chain.append(chain[-1].head)
    return chain


def _split_at_report(chain: list[Token]) -> tuple[list[Token], list[Token]]:
    """(the reported clause, the reporting verbs above it): "said it had bought"."""
    for i, token in enumerate(chain):
        if token.dep_ == "ccomp":
            return chain[: i + 1], chain[i + 1 :]
    return chain, []


def _forms(token: Token) -> set[str]:
    return {token.lemma_.casefold(), token.lower_}


def _near(token: Token) -> list[Token]:
    """A chain word and its close dependants, in text order, for multi-word cues."""
    near = [token, *(c for c in token.children if c.dep_ in _NEAR)]
    for child in list(near[1:]):
        if child.dep_ in _NOMINAL | {"prep", "dative"}:
            near += [g for g in child.children if g.dep_ in {"pobj", "amod", "compound"}]
    return sorted(set(near), key=lambda t: t.i)


def _has_phrase(tokens: list[Token], phrase: tuple[frozenset[str], ...], forms: list[set[str]] | None = None) -> bool:
    """The phrase's words in order among the tokens, others skipped."""
    i = 0
    for token_forms in forms if forms is not None else map(_forms, tokens):
        if i < len(phrase) and phrase[i] & token_forms:
            i += 1
    return i == len(phrase)


def _fires(token: Token, cues: Cues) -> bool:
    """A one-word cue on the word itself (not on a phrasal verb of it), or a phrase near it
    (remembered per token and cue list: the status and factuality readers ask twice on average)."""
    known = token.doc.user_data.setdefault("ikg_status_fires", {})
    entry = known.get((token.i, id(cues)))
    if entry is None or entry[0] is not cues:  # the entry holds the list, so its id is not reused
        entry = known[token.i, id(cues)] = (cues, _fires_now(token, cues))
    return entry[1]


def _fires_now(token: Token, cues: Cues) -> bool:
    own, near, forms, words = _read(token)
    if own & cues.words:
        return True
    empty, by_first = _phrase_index(cues)
    phrases = {p for word in words for p in by_first.get(word, ())}  # those whose first word is near
    return empty or any(_has_phrase(near, p, forms) for p in phrases if all(group & words for group in p))


_PHRASES: dict[int, tuple[Cues, bool, dict[str, list[tuple[frozenset[str], ...]]]]] = {}


def _phrase_index(cues: Cues) -> tuple[bool, dict[str, list[tuple[frozenset[str], ...]]]]:
    """(whether an empty phrase is listed, each phrase under every form of its first word), built
    once per cue list: every chain word asked every phrase of every list (issue 11). Keyed by id,
    holding the list, as frames' indexes are."""
    entry = _PHRASES.get(id(cues))
    if entry is None or entry[0] is not cues:
        index: dict[str, list[tuple[frozenset[str], ...]]] = {}
        for phrase in cues.phrases:
            for word in phrase[0] if phrase else ():
                index.setdefault(word, []).append(phrase)
        entry = _PHRASES[id(cues)] = (cues, any(not p for p in cues.phrases), index)
    return entry[1], entry[2]


def _read(token: Token) -> tuple[set[str], list[Token], list[set[str]], set[str]]:
    """The word's own forms (none for a phrasal verb), its near words and their forms: read once
    per token and document, since every cue list asks again (issue 11)."""
    known = token.doc.user_data.setdefault("ikg_status_near", {})
    entry = known.get(token.i)
    if entry is None:
        phrasal = any(c.dep_ == "prt" for c in token.children)
        near = _near(token)
        forms = [_forms(t) for t in near]
        entry = known[token.i] = (set() if phrasal else _forms(token), near, forms, set().union(*forms))
    return entry


def _modals(token: Token) -> set[str]:
    """The modal auxiliaries, as written and as lemma ("wo" of "won't" is "will")."""
    return {f for c in token.children if c.dep_ == "aux" and c.tag_ == "MD" for f in _forms(c)}


def _negated(token: Token, fact: FactualityCues) -> bool:
    return any(c.dep_ == "neg" and _forms(c) & fact.negations for c in token.children)


def _conditional(token: Token, fact: FactualityCues) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in fact.conditions for c in token.children)


def _unrealised(token: Token, fact: FactualityCues) -> bool:
    """Negated ("did not", "no plans"), modal or conditional: a status cue on it is not (yet) the case."""
    no = any(c.dep_ == "det" and c.lower_ in fact.negative_determiners for c in token.children)
    return bool(no or _negated(token, fact) or _modals(token) or _conditional(token, fact))


def _is_factuality_verb(token: Token, fact: FactualityCues) -> bool:
    return any(_fires(token, cues) for cues in (fact.planned, fact.possible, fact.denied))


# --------------------------------------------------------------------------
# Status


def _cue_status(token: Token, lex: StatusLexicon) -> Status | None:
    for entry in lex.statuses:
        if _fires(token, entry.cues):
            return entry.status
    return None


def _chain_status(chain: list[Token], lex: StatusLexicon) -> Status | None:
    """The outermost realised status cue above (or on) the trigger, before any
    planning, hedging or negated word: "scrapped plans to build" is cancelled,
    "hopes to complete" is not completed. A hedged noun below ("opened talks to
    buy") lets only a stopping cue through ("ended talks to buy")."""
    fact = lex.factuality
    for depth in range(len(chain) - 1, -1, -1):
        token = chain[depth]
        if _unrealised(token, fact):
            return None
        status = _cue_status(token, lex)
        hedged_below = any(_fires(t, fact.possible) for t in chain[:depth])
        if status is not None and not (hedged_below and _stage_rank(status) > 0):
            return status
        if status is None and _is_factuality_verb(token, fact):
            return None
    return None


def _stage_rank(status: Status) -> int:
    """0 for the stopped statuses (which end talks too), 1 for the rest."""
    stopped = {Status.POSTPONED, Status.CANCELLED, Status.REJECTED, Status.BLOCKED}
    return 0 if status in stopped else 1


def _past_or_perfect(verb: Token) -> bool:
    """ "bought", "has bought", "was acquired", "had been acquired"."""
    if verb.pos_ not in {"VERB", "AUX"} or _modals(verb):
        return False
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if not auxes:
        return verb.tag_ == "VBD"
    perfect = verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes)
    past_passive = verb.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ == "VBD" for a in auxes)
    return perfect or past_passive


def _progressive(verb: Token) -> bool:
    """ "is building", "are constructing"."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _verb_lemma(verb: Token) -> str:
    """The lemma with its particles: "take over", "snap up"."""
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
    for child in trigger.children:
        if child.dep_ in {"amod", "acl", "relcl"} and not _unrealised(child, lex.factuality):
            status = _cue_status(child, lex)
            if status is not None:
                return status
    return None


def _realised_status(trigger: Token, lex: StatusLexicon) -> Status | None:
    clause, _ = _split_at_report(governing_chain(trigger))
    return (
        _chain_status(clause, lex)
        or _aspect_status(trigger, lex)
        or _modifier_status(trigger, lex)
    )


def status_of(trigger: Token, *, path: Path = STATUS_PATH) -> Status | None:
    """The lifecycle status the trigger's clause states, or ``None`` if it states none.

    A planned statement without a status cue of its own ("will build", "said it
    would build", "Talmor to buy") is announced.
    """
    lex = status_lexicon(path)
    status = _realised_status(trigger, lex)
    if status is None and _factuality(trigger, lex) is Factuality.PLANNED:
        return Status.ANNOUNCED
    return status


# --------------------------------------------------------------------------
# Factuality


def _negations(chain: list[Token], fact: FactualityCues) -> int:
    """Negations and denying verbs on the chain: "did not buy", "denied it would sell"."""
    count = 0
    for token in chain:
        count += sum(1 for c in token.children if c.dep_ == "neg" and _forms(c) & fact.negations)
        count += sum(1 for c in token.children if c.dep_ == "det" and c.lower_ in fact.negative_determiners)
        count += 1 if _fires(token, fact.denied) else 0
    return count


def _reported(chain: list[Token], fact: FactualityCues) -> bool:
    """Said or denied by someone: "said it would build", "denied it would sell"."""
    _, above = _split_at_report(chain)
    if not above:
        return False
    return bool(_forms(above[0]) & fact.reporting_verbs) or _fires(above[0], fact.denied)


def _hedged(clause: list[Token], chain: list[Token], fact: FactualityCues) -> bool:
    reported = _reported(chain, fact)
    for token in clause:
        modals = _modals(token) - ({"would"} if reported else set())
        if modals & fact.possible_modals or _conditional(token, fact) or _fires(token, fact.possible):
            return True
    hedges = (c for t in chain for c in t.children if c.dep_ == "advmod")
    return any(_forms(h) & fact.hedges for h in hedges)


def _headline_infinitive(chain: list[Token]) -> bool:
    """ "Talmor to buy Pellin Bank": an infinitive no verb governs."""
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in chain[0].children)
    return has_to and chain[-1].pos_ not in {"VERB", "AUX"}


def _be_to(chain: list[Token]) -> bool:
    """"X is to buy Y", "the plant is to be built": "be" with an infinitive states a plan."""
    head = chain[0]
    has_to = any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "to" for c in head.children)
    return has_to and head.dep_ == "xcomp" and head.head.lemma_ == "be"


def _intended(clause: list[Token], chain: list[Token], fact: FactualityCues) -> bool:
    reported_would = _reported(chain, fact) and any("would" in _modals(t) for t in clause)
    modal = any(_modals(t) & fact.planned_modals for t in clause)
    verbs = any(_fires(t, fact.planned) for t in clause)
    return reported_would or modal or verbs or _headline_infinitive(chain) or _be_to(chain)


def _modified(trigger: Token, words: frozenset[str]) -> bool:
    return any(c.dep_ == "amod" and _forms(c) & words for c in trigger.children)


def _factuality(trigger: Token, lex: StatusLexicon) -> Factuality:
    fact = lex.factuality
    chain = governing_chain(trigger)
    clause, _ = _split_at_report(chain)
    negations = _negations(chain, fact)
    if _hedged(clause, chain, fact) or _modified(trigger, fact.possible_modifiers):
        return Factuality.POSSIBLE
    if negations:
        return Factuality.DENIED if negations % 2 else Factuality.POSSIBLE
    status = _realised_status(trigger, lex)
    if status is not None and status not in _STAGE_OF_PLAN:
        return Factuality.ASSERTED  # "agreed to buy": signed, and said as such
    if _intended(clause, chain, fact) or _modified(trigger, fact.planned_modifiers):
        return Factuality.PLANNED
    return Factuality.ASSERTED


def factuality_of(trigger: Token, *, path: Path = STATUS_PATH) -> Factuality:
    """How firmly the trigger's clause states the fact.

    Hedges win ("may not buy" is possible); an odd number of negations and
    denying verbs is denied, an even one possible ("did not rule out buying");
    a status past the planning stage is asserted ("agreed to buy" is signed);
    intentions are planned ("plans to", "will", "said it would"); else asserted.
    """
    return _factuality(trigger, status_lexicon(path))
