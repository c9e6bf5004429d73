"""The cue lists of ``data/status.json`` and how a word of a clause matches one (issues 7, 8).

A one-word cue matches a word's lemma or exact form (a phrasal verb matches none, its
particle changes the meaning); a phrase matches its words in order among the word's close
dependants. Every word is listed with its regular inflections, since the tagger's lemma is
not always right. Answers are kept per token and cue list: the status and factuality readers
ask the same question more than once (issue 11).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from graph import paths
from graph.errors import KGError
from graph.model import Status

STATUS_PATH = paths.DATA / "status.json"
_ARTICLES = {"the", "a", "an"}
# Close dependants of a chain word among which a phrase is looked for, and those whose own
# objects and modifiers count too.
_NEAR = {"aux", "auxpass", "neg", "prt", "advmod", "dobj", "prep", "dative", "acomp", "oprd",
         "attr", "npadvmod", "nsubj", "nsubjpass", "compound", "amod"}
_NEAR_HEADS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "dative", "prep"}

Phrase = tuple[frozenset[str], ...]


class StatusDataError(KGError):
    """``data/status.json`` is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Cues:
    """One-word cues and phrases, each word with its inflections; every phrase is also listed
    under each form of its first word, so a word asks only the phrases that can start near it."""

    words: frozenset[str]
    phrases: tuple[Phrase, ...]
    by_first: dict[str, list[Phrase]] = field(default_factory=dict, compare=False)


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
    choice_nouns: frozenset[str]
    exercise_verbs: frozenset[str]
    planned: Cues
    planned_modals: frozenset[str]
    planned_modifiers: frozenset[str]
    reporting_verbs: frozenset[str]


@dataclass(frozen=True, slots=True)
class StatusLexicon:
    statuses: tuple[StatusCues, ...]
    factuality: FactualityCues


def inflections(word: str) -> frozenset[str]:
    """The word and its regular -s, -ed and -ing forms, doubling a final consonant or
    dropping a final "e" as English spelling does."""
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
    by_first: dict[str, list[Phrase]] = {}
    for phrase in phrases:
        for word in phrase[0]:
            by_first.setdefault(word, []).append(phrase)
    return Cues(frozenset(words), tuple(phrases), by_first)


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
        choice_nouns=_words(possible, "choice_nouns"), exercise_verbs=_words(possible, "exercise_verbs"),
        planned=_cues(planned["cues"]), planned_modals=_words(planned, "modals"),
        planned_modifiers=_words(planned, "modifiers"),
        reporting_verbs=_words(planned, "reporting_verbs"),
    )


@lru_cache(maxsize=4)
def status_lexicon(path: Path = STATUS_PATH) -> StatusLexicon:
    """The cue lists of ``data/status.json``, read once."""
    raw = paths.read_json(path, StatusDataError, "the status cues")
    try:
        statuses = tuple(_status_cues(path, name, cues) for name, cues in raw["statuses"].items())
        return StatusLexicon(statuses, _factuality_cues(raw["factuality"]))
    except (KeyError, TypeError, AttributeError) as e:
        raise StatusDataError(f"{path}: malformed status cues ({e!r}); compare with git") from e


def word_forms(token: Token) -> set[str]:
    """The token's lemma and lower-case text: either may be the listed form."""
    return {token.lemma_.casefold(), token.lower_}


def fires(token: Token, cues: Cues) -> bool:
    """A one-word cue on the word itself, or a phrase among its close dependants."""
    known = token.doc.user_data.setdefault("ikg_status_fires", {})
    entry = known.get((token.i, id(cues)))
    if entry is None or entry[0] is not cues:  # the entry holds the list, so its id is not reused
        entry = known[token.i, id(cues)] = (cues, _fires_now(token, cues))
    return entry[1]


def _fires_now(token: Token, cues: Cues) -> bool:
    own, forms, words = _read(token)
    if own & cues.words:
        return True
    phrases = {p for word in words for p in cues.by_first.get(word, ())}
    return any(_has_phrase(p, forms) for p in phrases if all(group & words for group in p))


def _has_phrase(phrase: Phrase, forms: list[set[str]]) -> bool:
    """The phrase's words in order among the words' forms, others skipped."""
    i = 0
    for token_forms in forms:
        if i < len(phrase) and phrase[i] & token_forms:
            i += 1
    return i == len(phrase)


def _read(token: Token) -> tuple[set[str], list[set[str]], set[str]]:
    """The word's own forms (none for a phrasal verb), its near words' forms in text order, and
    all those forms: read once per token and document, since every cue list asks (issue 11)."""
    known = token.doc.user_data.setdefault("ikg_status_near", {})
    entry = known.get(token.i)
    if entry is None:
        phrasal = any(c.dep_ == "prt" for c in token.children)
        forms = [word_forms(t) for t in _near(token)]
        entry = known[token.i] = (set() if phrasal else word_forms(token), forms, set().union(*forms))
    return entry


def _near(token: Token) -> list[Token]:
    """A chain word and its close dependants, in text order."""
    near = [token, *(c for c in token.children if c.dep_ in _NEAR)]
    for child in list(near[1:]):
        if child.dep_ in _NEAR_HEADS:
            near += [g for g in child.children if g.dep_ in {"pobj", "amod", "compound"}]
    return sorted(set(near), key=lambda t: t.i)
