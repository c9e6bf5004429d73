"""Frames: trigger words and role positions read from ``data/frames.json``.

The data states each role once, for the active verb ("investor: subject,
target: object"). This module derives every other form of the same frame
once for all of them: the passive ("Y was bought by X"), the nominal ("X's
purchase of Y", "the purchase of Y by X"), the support verb that carries a
nominal ("X completed the purchase of Y"), the relative and participial
clauses ("X, which bought Y", "a plant built by X"), controlled subjects
("X agreed to buy Y") and conjoined verbs.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.symbols import NOUN
from spacy.tokens import Span, Token

from graph import paths
from graph.errors import KGError
from graph.nlp_fast import lemma_hits
from graph.extract.lexicon import lexicon
from graph.extract.roles import (
    OBJECT_DEPS, active_object, active_subject, children, governing_subject, hyphen_modifier, hyphenated,
    is_passive, passive_object, prep_slots, resolve_relatives, support_verb,
)
from graph.extract.holder_slots import agent_slots, owned_slots, sized_slots
from graph.extract.tree import infinitive, name_word
from graph.extract.word_lists import word_list

FRAMES_PATH = paths.FRAMES
DIRECTED_PREPS = frozenset({"to", "from"})
PERCENT_WORDS = frozenset({"percent", "cent", "pc", "%"})  # the lemmas a percentage ends on ("40 per cent", "40%", "40pc")
NAME_LABELS = frozenset({"ORG", "GPE", "PERSON", "FAC", "NORP", "LOC"})


WORD_LISTS = (
    "support_verbs", "partitives", "keep_partitive", "works", "stake_nouns", "not_targets", "lender_words", "borrower_words",
    "money_words", "contract_nouns", "whole_words", "raisings",
)
FLAGS = (
    "stake", "status", "target_is_asset", "money_required", "money_or_loan_word", "needs_stake_noun",
    "sized_assets", "investor_is_company", "no_passive_agent", "elliptic", "named_target", "asset_first", "object_is_money",
    "subject_is_money",
)


class FrameLexiconError(KGError):
    """``data/frames.json`` is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Frame:
    """One kind of deal: its triggers and, per role, the positions that fill it."""

    name: str
    form: str
    verbs: frozenset[str]
    nouns: frozenset[str]
    agents: frozenset[str]
    roles: dict[str, tuple[str, ...]]
    stake: bool = False
    status: str | None = None
    target_is_asset: bool = False
    money_required: bool = False
    money_or_loan_word: bool = False
    needs_stake_noun: bool = False
    owned_nouns: frozenset[str] = frozenset()
    given_nouns: frozenset[str] = frozenset()  # "provided a $150m facility": a deal only as what is given
    sized_assets: bool = False
    investor_is_company: bool = False
    no_passive_agent: bool = False
    elliptic: bool = False
    named_target: bool = False
    asset_first: bool = False
    object_is_money: bool = False
    subject_is_money: bool = False
    support_verbs: frozenset[str] = frozenset()
    other_senses: dict[str, frozenset[str]] = field(default_factory=dict)  # "open X to Y" opens no plant
    heads: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Every word that can head a trigger phrase ("take over" → take, "loan agreement" →
        agreement, "line of credit" → line): one set lookup before any parse walk."""
        phrases = [*self.verbs, *self.nouns, *self.agents, *self.owned_nouns, *self.given_nouns]
        object.__setattr__(self, "heads", frozenset(w for p in phrases for w in (p.split()[0], p.split()[-1])))


@dataclass(frozen=True, slots=True)
class FrameLexicon:
    """Every frame, with the word lists the argument and clause readers share."""

    frames: tuple[Frame, ...]
    support_verbs: frozenset[str]
    partitives: frozenset[str]
    keep_partitive: frozenset[str]
    works: frozenset[str]
    raisings: frozenset[str]  # "Y's funding round": money raised by Y
    stake_nouns: frozenset[str]
    not_targets: frozenset[str]
    class_synonyms: dict[str, set[str]]
    lender_words: frozenset[str]
    borrower_words: frozenset[str]  # "the Ministry of Finance" borrows
    money_words: frozenset[str]
    contract_nouns: frozenset[str]
    whole_words: frozenset[str]  # "bought Y outright": all of it
    # derived from the frames once, at load: asked for on every argument and clause
    deal_nouns: frozenset[str] = frozenset()  # every frame's nouns ("construction", "acquisition")
    owned_nouns: frozenset[str] = frozenset()  # "subsidiary", "unit": what an owner holds
    stake_verbs: frozenset[str] = frozenset()  # the verbs of the frames that need a stake word ("raise")
    share_words: frozenset[str] = frozenset()  # a stake noun or a percentage: what names a share of a company


@dataclass(slots=True)
class FrameMatch:
    """A trigger of a frame in a sentence, with the heads that fill each position."""

    frame: Frame
    trigger: Token
    nominal: bool
    slots: dict[str, list[Token]] = field(default_factory=dict)
    kind: str = "verb"

    @property
    def descriptive(self) -> bool:
        """"X, owner of Y", "its subsidiary Y": a description of who holds what, which states
        no sum and no step of its own, whatever the clause around it says."""
        return self.kind in {"agent", "owned"}

    def positions(self, role: str) -> list[list[Token]]:
        """Heads of ``role`` per position, in the frame's order of preference; a nominal's
        recipient ("Y received an investment"), purpose ("to build Y") and demonym
        ("Chinese investment", not "Chinese investments") come last unless the frame names them."""
        extra = {"target": ("recipient", "purpose", "carrier_object"), "investor": ("demonym", "host_subject")}.get(role, ())
        if self.nominal and self.trigger.tag_ == "NNS":
            extra = tuple(p for p in extra if p != "demonym")  # "a series of Indian acquisitions": deals of a kind
        order = list(dict.fromkeys((*self.frame.roles.get(role, ()), *extra)))
        return [self.slots[p] for p in order if self.slots.get(p)]


@lru_cache(maxsize=1)
def frame_lexicon(path: Path = FRAMES_PATH) -> FrameLexicon:
    raw = paths.read_json(path, FrameLexiconError, "the frame lexicon")
    try:
        frames = tuple(_frame(f) for f in raw["frames"])
        return FrameLexicon(
            frames=frames,
            **{k: frozenset(raw[k]) for k in WORD_LISTS},
            class_synonyms={k: set(v) for k, v in raw["class_synonyms"].items()},
            deal_nouns=frozenset().union(*(f.nouns for f in frames)),
            owned_nouns=frozenset().union(*(f.owned_nouns for f in frames)),
            stake_verbs=frozenset().union(*(f.verbs for f in frames if f.needs_stake_noun)),
            share_words=frozenset(raw["stake_nouns"]) | PERCENT_WORDS,
        )
    except (KeyError, TypeError) as e:
        raise FrameLexiconError(f"{path}: malformed frame lexicon ({e!r}); compare it with git") from e


def _frame(raw: dict) -> Frame:
    words = {k: frozenset(raw.get(k, ())) for k in ("verbs", "nouns", "agents", "owned_nouns", "given_nouns", "support_verbs")}
    flags = {k: raw[k] for k in FLAGS if k in raw}
    roles = {role: tuple(positions) for role, positions in raw["roles"].items()}
    senses = {verb: frozenset(preps) for verb, preps in raw.get("other_senses", {}).items()}
    return Frame(name=raw["name"], form=raw["form"], roles=roles, other_senses=senses, **words, **flags)


def frame_matches(sent: Span) -> Iterator[FrameMatch]:
    """Every frame trigger in ``sent`` with its filled positions."""
    lex = frame_lexicon()
    for token in trigger_candidates(sent, lex.frames):
        for frame in candidate_frames(token, lex.frames):
            kind = trigger_kind(token, frame)
            if kind is None:
                continue
            if (kind == "owned" or (kind == "noun" and frame.needs_stake_noun)) and _carried_by_trigger(token):
                continue  # "X sold its stake in Y (its unit Y) to Z": the verb's frame states it, not the holding
            slots = _slot_readers()[kind](token)
            if kind == "noun":
                _noun_slots().carry_subject(token, frame, slots)
            if frame.no_passive_agent and kind == "verb" and is_passive(token):
                slots["subject"] = []
            yield FrameMatch(frame, token, kind != "verb", slots, kind)


def _carried_by_trigger(noun: Token) -> bool:
    """The noun's support verb triggers a frame as a verb itself, or the noun is what a deal noun
    is of ("the sale of X's stake in Y to Z": the sale's frame states it)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" and is_trigger_word(noun.head.head):
        return True
    verb = support_verb(noun)
    if verb is None and noun.dep_ == "pobj" and noun.head.head.pos_ == "VERB" and "in" in prep_slots(noun):
        verb = noun.head.head  # "paid $1bn for X's 40% holding in Y": what the payer buys (not "X's share of the cost")
    return verb is not None and any(trigger_kind(verb, frame) == "verb" for frame in frame_lexicon().frames)


def is_trigger_word(token: Token) -> bool:
    """Whether ``token`` is a trigger of any frame: a conjunct that is one heads its own fact
    (remembered per document: the argument and clause readers ask often)."""
    known = token.doc.user_data.setdefault("ikg_triggers", {})
    if token.i not in known:
        frames = frame_lexicon().frames
        known[token.i] = any(trigger_kind(token, f) in {"verb", "noun", "agent"} for f in candidate_frames(token, frames))
    return known[token.i]


def trigger_kind(token: Token, frame: Frame) -> str | None:
    """How ``token`` triggers ``frame``: as its "verb", "noun" or "agent", an "owned" noun or a "sized"
    asset; None when it does not."""
    lemma = token.lemma_.lower()
    if not frame.sized_assets and lemma not in frame.heads:
        return None  # most words trigger nothing: one set lookup before any parse walk
    if token.pos_ in {"VERB", "AUX"} or (token.tag_ == "VBN" and token.pos_ == "ADJ"):
        if name_word(token):
            return None
        particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
        phrases = {lemma, *(f"{lemma} {p}" for p in particles)}
        other = frame.other_senses.get(lemma, ())
        if other and any(c.dep_ == "prep" and c.lower_ in other for c in token.children):
            return None
        return "verb" if phrases & frame.verbs else None
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if token.pos_ == "PROPN" and ((token.ent_type_ in NAME_LABELS and not token.is_sent_start) or name_word(token)):
        return None  # "Ministry of Finance", "Corvia Construction", "Pemuda Finance": a word of a name triggers nothing
    if frame.sized_assets:
        return "sized" if sized_asset(token) else None
    if lemma in frame.owned_nouns:
        return "owned"
    phrase = noun_phrase_lemma(token)
    if phrase in frame.agents or lemma in frame.agents:
        return None if frame.form == "loan" and _ranked(token) else "agent"
    if phrase in frame.nouns or lemma in frame.nouns or (lemma in frame.given_nouns and lent_debt(token)):
        return "noun"
    return None


def _ranked(agent: Token) -> bool:
    """"Kenya's seventh-largest lender by assets": a rank in a market describes a bank; it lends no one."""
    ranks = [c for c in agent.lefts if c.dep_ == "amod" and c.tag_ == "JJS"]
    ordinal = any(t.ent_type_ == "ORDINAL" for c in ranks for t in c.lefts)  # "seventh-largest"
    measured = any(c.dep_ == "prep" and c.lower_ == "by" for c in agent.rights)  # "by assets", "by deposits"
    return bool(ranks) and (ordinal or measured)


# Indexes keyed by the id of the frame list they were built from, which they hold, so the id
# stays that list's while the entry lives (a freed object's id could be reused otherwise).
_INDEX: dict[int, tuple[tuple[Frame, ...], dict[str, list[Frame]], list[Frame]]] = {}


def candidate_frames(token: Token, frames: tuple[Frame, ...]) -> list[Frame]:
    """The frames whose trigger words ``token``'s lemma could head (and, for a noun, the frames
    without words, such as sized assets): an index built once per frame list, so a word that
    triggers nothing costs one lookup."""
    _, by_word, always = _frame_index(frames)
    found = by_word.get(token.lemma_.lower(), [])
    return [*found, *always] if always and token.pos_ == "NOUN" else found


def trigger_candidates(span: Span, frames: tuple[Frame, ...]) -> list[Token]:
    """The tokens of ``span`` that :func:`candidate_frames` gives a frame, in order: read from the
    doc's lemma column once per document, not asked of every token of every sentence (issue 11)."""
    _, by_word, always = _frame_index(frames)
    doc = span.doc
    hits = lemma_hits(doc, by_word, NOUN if always else None)
    return [doc[i] for i in hits[bisect_left(hits, span.start) : bisect_left(hits, span.end)]]


def _frame_index(frames: tuple[Frame, ...]) -> tuple[tuple[Frame, ...], dict[str, list[Frame]], list[Frame]]:
    entry = _INDEX.get(id(frames))
    if entry is None or entry[0] is not frames:
        by_word: dict[str, list[Frame]] = {}
        for frame in frames:
            for word in frame.heads:
                by_word.setdefault(word, []).append(frame)
        entry = _INDEX[id(frames)] = (frames, by_word, [f for f in frames if f.sized_assets])
    return entry


def sized_asset(noun: Token) -> bool:
    """An asset noun with a sum among its modifiers states an investment in it ("a planned $290
    million plant"), not when a share of it is given ("finance 85 percent of the $1.9bn dam")."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon().asset_heads or lent_debt(noun):
        return False
    part_of = noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.ent_type_ == "PERCENT"
    places = [o for p in noun.rights if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]  # the parser may hang it there
    # "the plant, which cost $2bn", "Y, built at a cost of $800m"
    costs = [c for h in (noun, *places) for c in h.rights if c.dep_ in {"relcl", "acl"} and _costing(c)]
    costs += [noun.head] if noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "cost" else []  # "the plant will cost $2bn"
    return not part_of and any(t.ent_type_ == "MONEY" for c in [*noun.lefts, *costs] for t in c.subtree)


def _costing(clause: Token) -> bool:
    """"which cost $2bn", "built at a cost of $800m": a clause on an asset that says what it cost."""
    return clause.lemma_.lower() == "cost" or any(t.lemma_.lower() == "cost" and t.pos_ == "NOUN" for t in clause.subtree)


def is_debt(token: Token) -> bool:
    """A word of what one borrows by ("loan", "bond", "facility")."""
    return token.lemma_.lower() in lexicon().debt_words


def lent_debt(noun: Token) -> bool:
    """"provided a $180m facility for Y", "the facility was provided by X": a debt word that a lending
    verb gives is a loan, not a plant."""
    verb = noun.head if noun.dep_ in {"dobj", "nsubjpass"} else None
    return verb is not None and is_debt(noun) and gives(verb)


def gives(verb: Token) -> bool:
    """A verb of the loan or grant frames ("lent", "provided", "extended"): its subject gives the money."""
    return any(trigger_kind(verb, f) == "verb" and f.form in {"loan", "grant"} for f in frame_lexicon().frames)


def noun_phrase_lemma(token: Token) -> str:
    """A noun's lemma with the word that defines its kind: its last adjective or noun modifier
    ("joint venture", "credit facility"), else a noun after "of" ("line of credit")."""
    mods = [c for c in token.lefts if c.dep_ in {"amod", "compound"} and c.pos_ in {"ADJ", "NOUN"}]
    if mods:
        return f"{mods[-1].lemma_.lower()} {token.lemma_.lower()}"
    of = [c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i + 1 < len(c.doc)]
    defining = [c.doc[c.i + 1] for c in of if c.doc[c.i + 1].pos_ == "NOUN"]  # "line of credit (agreement)"
    if defining:
        return f"{token.lemma_.lower()} of {defining[0].lemma_.lower()}"
    return token.lemma_.lower()


def verb_slots(verb: Token) -> dict[str, list[Token]]:
    """Positions of a verb trigger, named as for the active voice."""
    slots = {position: resolve_relatives(heads, verb) for position, heads in prep_slots(verb).items()}  # "in which X holds 51%"
    if is_passive(verb):
        objects = passive_object(verb)
        subjects = slots.pop("by", []) or hyphen_modifier(verb)
        hosted = verb.dep_ == "acl" and not hyphenated(verb)  # "a plant acquired from Y", not "state-owned Y"
        slots["host_subject"] = governing_subject(verb.head) if hosted and not subjects else []
    else:
        subjects, objects = active_subject(verb), active_object(verb)
    objects = [o for o in objects if not gapped_giver(o, objects)]
    slots["subject"] = resolve_relatives(subjects, verb)
    slots["object"] = resolve_relatives(objects, verb)
    shares = [o for o in objects if o.lemma_.lower() in frame_lexicon().partitives | word_list("total_words") or o.ent_type_ == "PERCENT"]
    held = [*objects, *(p for o in shares for p in prep_slots(o).get("of", []))]  # "sell 90% of Y to X", "a total of $1bn in Y"
    held += [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "PROPN"]  # "sold its stake in the maker Y to X": Y misread as a verb's conjunct
    for head in held:  # "sell its unit to X", "invest $95m in Y", "provided a facility for Y": hung on the object
        debt = is_debt(head)
        for position, heads in prep_slots(head).items():
            if position in DIRECTED_PREPS or head.ent_type_ == "MONEY" or (debt and position == "for"):
                slots.setdefault(position, heads)
    for company in (c for h in held if h.lemma_.lower() in frame_lexicon().stake_nouns for c in prep_slots(h).get("in", [])):
        hung = prep_slots(company)
        for position in DIRECTED_PREPS & hung.keys():  # "sold its stake in Y to X": "to X" hung on Y
            slots.setdefault(position, [n for n in hung[position] if n.pos_ == "PROPN"])
    spans = [h for heads in list(slots.values()) for h in heads if h.ent_type_ in {"DATE", "TIME"}]
    for head in spans:  # "invest $1bn over five years in Y": the parser hangs "in Y" on the years
        for position, heads in prep_slots(head).items():
            if position != "of":
                slots.setdefault(position, heads)
    sums = [h for heads in list(slots.values()) for h in heads if h.ent_type_ == "MONEY"]
    aims = [o for p in ("for", "in", "into", "on") for o in prep_slots(verb).get(p, [])]  # "for Y from X": hung on Y
    parts = [p for h in sums + aims for p in prep_slots(h).get("of", [])]  # "disbursed $50m of the loan to X"
    parts += [c for h in (verb, *objects) for c in h.children if c.lower_ == "worth"]  # "issue shares worth $1bn to X"
    for head in sums + aims + parts:  # "financed with $1bn in loans from X": "from X" hangs on the sum
        for position, heads in prep_slots(head).items():
            if position in DIRECTED_PREPS:
                slots.setdefault(position, heads)
    for recipient in slots.get("to", []):  # "lent $300m to Y for Z": the parser hangs "for Z" on Y
        slots.setdefault("for", prep_slots(recipient).get("for", []))
    # a recipient comes before the thing given ("lend X $4bn"); one after it is a gapped giver ("A is lending $250m and B $200m")
    slots["dative"] = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP" and all(c.i < o.i for o in objects)]
    slots["own_shares"] = slots["subject"] if any(unowned_share(o) for o in objects) else []
    sums_taken = [h for h in objects if h.ent_type_ == "MONEY"]  # "lend X $4bn to finance Y", the clause hung on the sum
    slots["purpose"] = purpose_objects(verb) + [o for h in sums_taken for o in purpose_objects(h)]
    return slots


def gapped_giver(name: Token, objects: list[Token]) -> bool:
    """"A is lending $250m and B $200m": a name after the sum, with a sum of its own, is a second giver
    whose verb is left out, not what is given or whom it goes to."""
    after = name.doc[name.i + 1] if name.i + 1 < len(name.doc) else None
    own = any(c.ent_type_ == "MONEY" for c in name.children) or (after is not None and after.ent_type_ == "MONEY")
    return name.pos_ == "PROPN" and own and any(o.i < name.i and o.ent_type_ == "MONEY" for o in objects)


def purpose_objects(head: Token) -> list[Token]:
    """What the money is for: the objects of an infinitive clause on ``head`` ("a loan to finance Y")
    or of a trigger's own gerund ("spent $60m renovating Y"; not a stake verb's "taking the total to $2bn")."""
    return [o for c in head.children
            if (c.dep_ in {"acl", "advcl", "xcomp", "relcl"} and infinitive(c))
            or (c.tag_ == "VBG" and c.dep_ in {"advcl", "xcomp", "dobj"} and is_trigger_word(c)
                and c.lemma_.lower() not in frame_lexicon().stake_verbs
                and not any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children))  # "…, while Z is providing Y": Z's act
            for o in children(c, OBJECT_DEPS) or helped(c)]


def helped(verb: Token) -> list[Token]:
    """"a loan to help X strengthen its banks": who an object-control verb helps, where the parser
    made it the subject of the complement."""
    if verb.lemma_.lower() not in word_list("object_control_verbs"):
        return []
    return [s for c in verb.children if c.dep_ in {"ccomp", "xcomp"} for s in children(c, {"nsubj"})]



def unowned_share(noun: Token) -> bool:
    """"Y is selling a 30% stake to X", "Y sold new shares to X": shares of no one named, whose seller
    sells part of itself (not "its stake", which is a holding in another company)."""
    if noun.lemma_.lower() not in frame_lexicon().share_words or any(c.dep_ == "poss" for c in noun.children):
        return False
    owned = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"in", "of"}]
    return not owned and any(c.ent_type_ == "PERCENT" or c.lower_ == "new" for c in noun.children)


@lru_cache(maxsize=1)
def _noun_slots():
    """The nominal-slot layer, which reads a noun's support verb through ``verb_slots`` above."""
    from graph.extract import noun_slots  # noqa: PLC0415 (it imports this module)

    return noun_slots


@lru_cache(maxsize=1)
def _slot_readers() -> dict:
    return {"verb": verb_slots, "noun": _noun_slots().noun_slots, "agent": agent_slots, "owned": owned_slots, "sized": sized_slots}
