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

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from graph import paths
from graph.errors import KGError
from graph.extract.lexicon import lexicon

FRAMES_PATH = paths.FRAMES
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
LISTING_VERBS = frozenset({"include", "comprise", "be"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
DIRECTED_PREPS = frozenset({"to", "from"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
# "X grew by acquiring Y": the means share the subject; "a role in setting up Y" does not
MEANS_PREPS = frozenset({"by", "through", "via", "after", "before"})
AMOUNT_ENTITIES = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY"})
# a support verb whose subject receives the deal: "Y received/won/secured a loan"
# verbs whose object does what their complement says: "sees X taking", "allows X to buy"
OBJECT_CONTROL = frozenset({"see", "allow", "enable", "let", "help", "permit", "leave", "watch"})
NAME_LABELS = frozenset({"ORG", "GPE", "PERSON", "FAC", "NORP", "LOC"})
# what a sum does for what it pays for: "the $2bn loan will finance Y"
FUNDING_VERBS = frozenset({"fund", "finance", "support", "cover", "pay"})
RECIPIENT_VERBS = frozenset({"receive", "get", "obtain", "secure", "win", "attract", "land", "accept"})


WORD_LISTS = (
    "support_verbs", "partitives", "keep_partitive", "works", "stake_nouns", "not_targets", "lender_words",
    "money_words", "contract_nouns", "whole_words",
)
FLAGS = (
    "stake", "status", "target_is_asset", "money_required", "money_or_loan_word", "needs_stake_noun",
    "sized_assets", "investor_is_company", "no_passive_agent", "elliptic", "named_target", "asset_first",
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
    sized_assets: bool = False
    investor_is_company: bool = False
    no_passive_agent: bool = False
    elliptic: bool = False
    named_target: bool = False
    asset_first: bool = False
    support_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class FrameLexicon:
    frames: tuple[Frame, ...]
    support_verbs: frozenset[str]
    partitives: frozenset[str]
    keep_partitive: frozenset[str]
    works: frozenset[str]
    stake_nouns: frozenset[str]
    not_targets: frozenset[str]
    class_synonyms: dict[str, set[str]]
    lender_words: frozenset[str]
    money_words: frozenset[str]
    contract_nouns: frozenset[str]
    whole_words: frozenset[str]  # "bought Y outright": all of it


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
        ("Chinese investment") come last unless the frame names them."""
        extra = {"target": ("recipient", "purpose", "carrier_object"), "investor": ("demonym", "host_subject")}.get(role, ())
        order = list(dict.fromkeys((*self.frame.roles.get(role, ()), *extra)))
        return [self.slots[p] for p in order if self.slots.get(p)]


@lru_cache(maxsize=1)
def frame_lexicon(path: Path = FRAMES_PATH) -> FrameLexicon:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        frames = tuple(_frame(f) for f in raw["frames"])
        return FrameLexicon(
            frames=frames,
            **{k: frozenset(raw[k]) for k in WORD_LISTS},
            class_synonyms={k: set(v) for k, v in raw["class_synonyms"].items()},
        )
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as e:
        raise FrameLexiconError(f"{path}: cannot read the frame lexicon ({e!r}); compare it with git") from e


def _frame(raw: dict) -> Frame:
    words = {k: frozenset(raw.get(k, ())) for k in ("verbs", "nouns", "agents")}
    flags = {k: raw[k] for k in FLAGS if k in raw}
    for key in ("owned_nouns", "support_verbs"):
        if key in raw:
            flags[key] = frozenset(raw[key])
    roles = {role: tuple(positions) for role, positions in raw["roles"].items()}
    return Frame(name=raw["name"], form=raw["form"], roles=roles, **words, **flags)


def frame_matches(sent: Span) -> Iterator[FrameMatch]:
    """Every frame trigger in ``sent`` with its filled positions."""
    lex = frame_lexicon()
    for token in sent:
        for frame in candidate_frames(token, lex.frames):
            kind = trigger_kind(token, frame)
            if kind is None:
                continue
            if kind == "noun" and frame.needs_stake_noun and _carried_by_trigger(token):
                continue  # "X sold its stake in Y to Z": the verb's frame states it, not the stake's owner
            slots = SLOT_READERS[kind](token)
            if kind == "noun":
                _carry_subject(token, frame, slots)
            if frame.no_passive_agent and kind == "verb" and is_passive(token):
                slots["subject"] = []
            yield FrameMatch(frame, token, kind != "verb", slots, kind)


def _carried_by_trigger(noun: Token) -> bool:
    verb = support_verb(noun)
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
    """"verb", "noun" or "agent" when ``token`` triggers ``frame``."""
    lemma = token.lemma_.lower()
    if not frame.sized_assets and lemma not in _head_words(frame):
        return None  # most words trigger nothing: one set lookup before any parse walk
    if token.pos_ in {"VERB", "AUX"} or (token.tag_ == "VBN" and token.pos_ == "ADJ"):
        particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
        phrases = {lemma, *(f"{lemma} {p}" for p in particles)}
        return "verb" if phrases & frame.verbs else None
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if token.pos_ == "PROPN" and token.ent_type_ in NAME_LABELS and not token.is_sent_start:
        return None  # "Ministry of Finance", "Corvia Construction": a word of a name triggers nothing
    if frame.sized_assets:
        return "sized" if sized_asset(token) else None
    if lemma in frame.owned_nouns:
        return "owned"
    phrase = noun_phrase_lemma(token)
    if phrase in frame.agents or lemma in frame.agents:
        return "agent"
    if phrase in frame.nouns or lemma in frame.nouns:
        return "noun"
    return None


# Indexes keyed by the id of the object they were built from, which they hold, so the id
# stays that object's while the entry lives (a freed object's id could be reused otherwise).
_HEADS: dict[int, tuple[Frame, frozenset[str]]] = {}
_INDEX: dict[int, tuple[tuple[Frame, ...], dict[str, list[Frame]], list[Frame]]] = {}


def candidate_frames(token: Token, frames: tuple[Frame, ...]) -> list[Frame]:
    """The frames whose trigger words ``token``'s lemma could head (and, for a noun, the frames
    without words, such as sized assets): an index built once per frame list, so a word that
    triggers nothing costs one lookup."""
    entry = _INDEX.get(id(frames))
    if entry is None or entry[0] is not frames:
        by_word: dict[str, list[Frame]] = {}
        for frame in frames:
            for word in _head_words(frame):
                by_word.setdefault(word, []).append(frame)
        entry = _INDEX[id(frames)] = (frames, by_word, [f for f in frames if f.sized_assets])
    _, by_word, always = entry
    found = by_word.get(token.lemma_.lower(), [])
    return [*found, *always] if always and token.pos_ == "NOUN" else found


def _head_words(frame: Frame) -> frozenset[str]:
    """Every word that can head one of the frame's trigger phrases ("take over" → take, "loan
    agreement" → agreement, "line of credit" → line), computed once per frame."""
    entry = _HEADS.get(id(frame))
    if entry is None or entry[0] is not frame:
        phrases = [*frame.verbs, *frame.nouns, *frame.agents, *frame.owned_nouns]
        entry = _HEADS[id(frame)] = (frame, frozenset(w for p in phrases for w in (p.split()[0], p.split()[-1])))
    return entry[1]


def sized_asset(noun: Token) -> bool:
    """"a planned $290 million plant": an asset with a sum of its own states an investment in it."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in lexicon().asset_heads:
        return False
    return any(t.ent_type_ == "MONEY" for c in noun.lefts for t in c.subtree)


def noun_phrase_lemma(token: Token) -> str:
    """"line of credit", "joint venture", "credit facility": a head with its defining word."""
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
    passive = is_passive(verb)
    subjects, objects = _children(verb, SUBJECT_DEPS), _children(verb, OBJECT_DEPS)
    if passive:
        objects = _children(verb, {"nsubjpass"}) or _attached_head(verb) or _conjoined_passive_subject(verb)
        objects = objects or _copula_subject(verb) or (inherited_subject(verb) if verb.dep_ == "xcomp" else [])
        subjects = slots.pop("by", []) or _hyphen_modifier(verb)
        hosted = verb.dep_ == "acl" and not _hyphenated(verb)  # "a plant acquired from Y", not "state-owned Y"
        slots["host_subject"] = governing_subject(verb.head) if hosted and not subjects else []
    else:
        subjects = subjects or inherited_subject(verb) or _interrupted_auxiliary(verb)
        objects = objects or (_attached_head(verb) if verb.dep_ == "relcl" and _object_gap(verb) else [])
    slots["subject"] = resolve_relatives(subjects, verb)
    slots["object"] = resolve_relatives(objects, verb)
    for head in objects:  # "sell its unit to X", "invest $95m in Y": the parser often hangs these on the object
        for position, heads in prep_slots(head).items():
            if position in DIRECTED_PREPS or head.ent_type_ == "MONEY":
                slots.setdefault(position, heads)
    sums = [h for heads in list(slots.values()) for h in heads if h.ent_type_ == "MONEY"]
    for head in sums:  # "financed with $1bn in loans from X": "from X" hangs on the sum
        for position, heads in prep_slots(head).items():
            if position in DIRECTED_PREPS:
                slots.setdefault(position, heads)
    slots["dative"] = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
    sums_taken = [h for h in objects if h.ent_type_ == "MONEY"]  # "lend X $4bn to finance Y", the clause hung on the sum
    slots["purpose"] = purpose_objects(verb) + [o for h in sums_taken for o in purpose_objects(h)]
    return slots


def purpose_objects(head: Token) -> list[Token]:
    """"a loan to finance Y", "invested $2bn to build Y", "spent $60m renovating Y": what the money is for."""
    found = []
    for clause in head.children:
        if clause.dep_ in {"acl", "advcl", "xcomp", "relcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            found += _children(clause, OBJECT_DEPS)
        elif clause.tag_ == "VBG" and clause.dep_ in {"advcl", "xcomp", "dobj"} and is_trigger_word(clause):
            found += _children(clause, OBJECT_DEPS)  # a deal's own gerund: "spent $2bn buying Y"
    return found


def _interrupted_auxiliary(verb: Token) -> list[Token]:
    """"X said it has, on behalf of Y, extended a loan": the auxiliary cut off by the aside is
    parsed as a verb of its own, and carries the subject."""
    own = [s for a in verb.children if a.dep_ == "aux" for s in _children(a, SUBJECT_DEPS)]
    if own:  # "X and Y have each committed $40m": the subject hangs on "have"
        return own
    siblings = [
        s for s in verb.head.children if s.i < verb.i and s.dep_ == verb.dep_ and s.lemma_ in {"have", "be", "will"}
    ]
    if not siblings or _children(siblings[-1], OBJECT_DEPS):
        return []
    return resolve_relatives(_children(siblings[-1], SUBJECT_DEPS), siblings[-1])


def _copula_subject(verb: Token) -> list[Token]:
    """"Y is majority-owned by X": the copula's subject is the participle's object."""
    return _children(verb.head, SUBJECT_DEPS) if verb.dep_ == "acomp" else []


def _conjoined_passive_subject(verb: Token) -> list[Token]:
    """"Y is being built by X and financed by Z": the second participle shares Y."""
    if verb.dep_ != "conj" or not is_passive(verb.head):
        return []
    return _children(verb.head, {"nsubjpass"})


def _hyphenated(verb: Token) -> bool:
    return verb.i >= 1 and verb.doc[verb.i - 1].text in {"-", "–"}


def _hyphen_modifier(verb: Token) -> list[Token]:
    """"Chinese-funded", "state-owned", "Acme-backed": the word before the hyphen is the agent."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text not in {"-", "–"}:
        return []
    before = doc[verb.i - 2]
    return [before] if before.pos_ in {"PROPN", "ADJ", "NOUN"} and (before.ent_type_ or before.pos_ == "PROPN") else []


def governing_subject(noun: Token) -> list[Token]:
    """The subject of the verb whose clause holds ``noun`` ("X turned a plant bought from Y into …",
    "X withdrew plans for a $2bn plant"), through objects and prepositions, at most three steps up."""
    if _children(noun, SUBJECT_DEPS):  # "X and Y each plan to invest": a verb the tagger took for a noun
        return _children(noun, SUBJECT_DEPS)
    current = noun
    for _ in range(3):
        if current.dep_ not in {"dobj", "pobj", "prep", "obj", "nsubjpass"} or current.head == current:
            return []
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            if is_passive(current):
                return []
            return _children(current, SUBJECT_DEPS) or inherited_subject(current)
    return []


def is_passive(verb: Token) -> bool:
    """"was bought", "a plant built by X", "Y, owned by X": the subject is the object."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head != verb and any(c.dep_ == "auxpass" for c in verb.head.children):
        return True  # "is being built by X and financed by Y"
    if verb.tag_ == "VBN" and verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        return True  # "Y is majority-owned by X"
    # "having bought": the lemmatizer leaves "having" as it is
    perfect = any(c.dep_ == "aux" and (c.lemma_ == "have" or c.lower_ == "having") for c in verb.children)
    active = perfect or _children(verb, SUBJECT_DEPS) or _children(verb, OBJECT_DEPS)  # "…, having bought 5%"
    return verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod", "relcl", "advcl"} and not active


def inherited_subject(verb: Token) -> list[Token]:
    """"X agreed to buy Y", "X bought Y and sold Z", "a company buying Y", "X, which bought Y"."""
    current = verb
    for _ in range(4):
        if current.dep_ == "relcl" and not _object_gap(current):
            return [current.head]
        if current.dep_ == "acl" and current.tag_ == "VBG":
            return [current.head]
        if current.dep_ in {"acl", "relcl"} and _infinitival(current):
            return governing_subject(current.head)  # "X announced plans to invest", "X is in talks to buy"
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and (
                current.head.lower_ in MEANS_PREPS or current.head.head.pos_ in {"VERB", "AUX", "ADJ"}):
            objects = [o for o in _children(current.head.head, {"dobj"}) if o.ent_type_ not in AMOUNT_ENTITIES] \
                if current.head.lower_ not in MEANS_PREPS else []
            if objects:
                return objects  # "X criticised Y for conducting Z", "barred Y from buying Z": Y does it
            current = current.head  # "X strengthened its position by acquiring Y", "X is interested in buying Y"
        if current.dep_ not in {"xcomp", "conj", "advcl", "prep", "dobj", "acomp"} or current.head == current:
            return []
        head = current.head
        controller = _children(head, OBJECT_DEPS) if head.lemma_.lower() in OBJECT_CONTROL else []
        if controller and current.dep_ in {"xcomp", "advcl", "ccomp"}:
            return controller  # "the deal sees X taking a stake", "enables X to raise its stake"
        if is_passive(head) and current.dep_ == "xcomp":
            return []
        # "X was reported to …, having bought Y": a participial clause is controlled by the grammatical subject
        deps = SUBJECT_DEPS | {"nsubjpass"} if current.dep_ == "advcl" else SUBJECT_DEPS
        found = _children(head, deps)
        if found:
            return found
        current = head
    return []


def _infinitival(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def _object_gap(relcl: Token) -> bool:
    """"the stake (that) X bought": the relative's gap is the object."""
    return bool(_children(relcl, SUBJECT_DEPS)) and not _children(relcl, OBJECT_DEPS)


def _attached_head(verb: Token) -> list[Token]:
    """The noun a participial or relative clause modifies."""
    return [verb.head] if verb.dep_ in {"acl", "relcl", "amod"} and verb.head != verb else []


def relative_antecedent(verb: Token) -> frozenset[int]:
    """The index of the noun a relative clause headed by ``verb`` modifies (none if it heads none)."""
    clause = verb
    while clause.dep_ in {"acomp", "xcomp"} and clause.head != clause:
        clause = clause.head
    return frozenset({clause.head.i}) if clause.dep_ == "relcl" else frozenset()


def resolve_relatives(heads: list[Token], verb: Token) -> list[Token]:
    """"which"/"who" stand for the noun the relative clause modifies ("X, which is 65% owned by Y")."""
    clause = verb
    while clause.dep_ in {"acomp", "xcomp"} and clause.head != clause:
        clause = clause.head
    out = []
    for head in heads:
        if head.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl":
            out.append(clause.head)
        else:
            out.append(head)
    return out


def noun_slots(noun: Token) -> dict[str, list[Token]]:
    """Positions of a nominal trigger: possessor/"by" as subject, "of" as object,
    and the subject and prepositions of the support verb that carries it."""
    slots = prep_slots(noun)
    slots["self"] = _described_name(noun)  # "Y, a joint venture between X and Z": the noun names its target
    slots["object"] = slots.pop("of", [])
    possessors = _children(noun, {"poss"})
    slots["subject"] = slots.pop("by", []) or possessors
    slots["compound"] = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    slots["purpose"] = purpose_objects(noun)
    slots["demonym"] = [c for c in noun.lefts if c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP"]
    verb = support_verb(noun)
    if verb is None:
        return slots
    carried = verb_slots(verb)
    if verb.lemma_.lower() in RECIPIENT_VERBS:  # "Y received a loan from X for Z"
        slots["recipient"] = carried.get("subject", [])
    else:
        if not slots["subject"]:
            slots["subject"] = slots["carried_subject"] = carried.get("subject", [])
        slots["carrier_object"] = carried.get("object", [])  # "Y will be financed with a loan from X"
    for position, heads in carried.items():
        if position not in {"subject", "object"} and not slots.get(position):
            slots[position] = heads
    return slots


def _described_name(noun: Token) -> list[Token]:
    """The name a noun describes ("Y, a joint venture …", "a joint venture, Y, …"), else the noun."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return [noun.head]
    return [a for a in _children(noun, {"appos"}) if a.pos_ == "PROPN"][:1] or [noun]


def support_verb(noun: Token) -> Token | None:
    """"X signed a loan", "X completed the acquisition of Y", "a loan was provided by X",
    "X promised €2bn in subsidies" (the sum the verb takes is counted in the noun)."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass", "obj"} and head.pos_ in {"VERB", "AUX"}:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "agent":
        return head.head  # "Y will be financed by a loan from X"
    if noun.dep_ == "nsubj" and head.lemma_.lower() in FUNDING_VERBS:
        return head  # "the loan from X will fund Y"
    taken_sum = head.head.ent_type_ == "MONEY" and head.head.dep_ in {"dobj", "nsubjpass", "pobj"}
    if noun.dep_ == "pobj" and head.lower_ == "in" and taken_sum:
        return support_verb(head.head)  # "financed with $1bn in loans" too
    if noun.dep_ == "pobj" and head.head.pos_ == "VERB" and head.lower_ in {"through", "via", "with"} and head.dep_ == "prep":
        return head.head
    if noun.dep_ == "conj":
        return support_verb(noun.head)
    return None


def _carry_subject(noun: Token, frame: Frame, slots: dict[str, list[Token]]) -> None:
    """The support verb's subject acts only for a support verb ("X completed the acquisition"),
    not for an approver ("the ministry approved the construction of Y"), unless the frame says so
    ("the bank approved a loan")."""
    carried = slots.pop("carried_subject", [])
    verb = support_verb(noun)
    if not carried or verb is None or _means(noun):  # "X grew through the acquisition of Y": X acts
        return
    if verb.lemma_.lower() not in frame_lexicon().support_verbs | frame.support_verbs:
        slots["subject"] = []


def _means(noun: Token) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ in {"through", "via"}


def sized_slots(noun: Token) -> dict[str, list[Token]]:
    """"X withdrew plans for a $233 million project": the project is the target, X invests;
    "the permit for X's $1.4 billion plant": the possessor owns it, whoever the clause's subject is."""
    owner = [c for c in _children(noun, {"poss"}) if c.pos_ == "PROPN"]
    return {"self": [noun], "subject": owner or governing_subject(noun)}


def owned_slots(noun: Token) -> dict[str, list[Token]]:
    """"Y, the local subsidiary of X", "X's unit Y": the owner is "of"/possessor, the named unit the target."""
    slots = prep_slots(noun)
    slots["subject"] = slots.pop("of", []) or _children(noun, {"poss"})
    named = [a for a in _children(noun, {"appos", "compound"}) if a.pos_ == "PROPN"][:1]  # "X's Acme unit"
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        named.append(noun.head)
    if not named:  # "the local subsidiary of X, Y, said …": the parser hangs Y on X
        named = [a for o in slots["subject"] for a in _children(o, {"appos"}) if a.pos_ == "PROPN"][:1]
    slots["object"] = named
    return slots


def agent_slots(noun: Token) -> dict[str, list[Token]]:
    """"X, owner of Y", "X is the owner of Y", "Y's owner X": the agent noun names the subject."""
    slots = prep_slots(noun)
    slots["object"] = slots.pop("of", []) or _children(noun, {"poss"})
    subject: list[Token] = []
    if noun.dep_ == "appos":
        subject = [noun.head]
    elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subject = _children(noun.head, SUBJECT_DEPS)
    elif noun.dep_ == "nsubj" and noun.head.lemma_ in LISTING_VERBS:  # "the owners of Y include X and Z"
        subject = [t for t in _children(noun.head, {"dobj", "attr"}) if t.i > noun.i]
        return {**slots, "subject": subject}
    appos = _children(noun, {"appos"})
    named = [a for a in appos if a.pos_ == "PROPN"]
    slots["subject"] = [t for t in subject if t.i < noun.i] or named or _name_before_comma(noun)
    return slots


def _name_before_comma(noun: Token) -> list[Token]:
    """"X, owner of Y" where the parser lost the apposition: the name right before the comma."""
    start = noun.left_edge.i
    doc = noun.doc
    if start >= 2 and doc[start - 1].text == "," and (doc[start - 2].pos_ == "PROPN" or doc[start - 2].ent_type_):
        return [doc[start - 2]]
    return []


def prep_slots(head: Token) -> dict[str, list[Token]]:
    """Objects of the prepositions on ``head``, keyed by preposition ("by" includes the agent)."""
    slots: dict[str, list[Token]] = {}
    for child in head.children:
        if child.dep_ not in {"prep", "agent", "dative"} or child.pos_ != "ADP":
            continue
        objects = _children(child, {"pobj"})
        if objects:
            slots.setdefault(child.lower_, []).extend(objects)
    return slots


SLOT_READERS = {
    "verb": verb_slots,
    "noun": noun_slots,
    "agent": agent_slots,
    "owned": owned_slots,
    "sized": sized_slots,
}


def _children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]
