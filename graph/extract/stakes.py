"""Stakes: the share of its target a fact states, where the clause puts it.

The share bought ("a 40% stake in Y", "60 per cent of Y"), the holding a deal leaves
("raising its stake to 51 per cent"), the share a participle pays for ("paying $310m
for a 21% holding") and the percentage a participle modifies ("60 per cent owned by X"); and the
company a holder acts through ("holds 45% of Y through a new holding company, Z"), which it owns.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from spacy.tokens import Token

from graph.extract.arguments import Argument, argument_at, arguments
from graph.extract.clauses import clause_share
from graph.extract.common import first_found
from graph.extract.frames import FrameMatch, frame_lexicon
from graph.extract.partitives import seller_told, share_of
from graph.extract.roles import OBJECT_DEPS, on_a_stated_percent
from graph.extract.tree import left_phrase, modified_by, prep_objects
from graph.extract.word_lists import word_list
from graph.model import ActorKind, ActorRef, Investment
from graph.normalize.percent import find_percents

WHOLE_HOLDINGS = frozenset({"control", "ownership"})


def fact_share(match: FrameMatch, targets: list[Argument]) -> Decimal | None:
    """The share a stake frame's match states: a target's own, the clause's, or "outright" (all of it)."""
    if match.descriptive:
        return described_share(match)
    stated = next((t.share for t in targets if t.share is not None), None) \
        or (share_of(match.trigger.head) if on_a_stated_percent(match.trigger) else None) or clause_share(match.trigger)
    whole = _bought_whole(match.trigger) or _whole(match.trigger)  # "bought Y outright", "took full ownership of Y"
    return Decimal(1) if stated is None and whole else stated


def _bought_whole(trigger: Token) -> bool:
    """"bought Y outright", "was acquired in full by X": an adverb or a phrase of 'whole_words' on the verb."""
    phrases = [" ".join(t.lower_ for t in c.subtree) for c in trigger.children if c.dep_ in {"advmod", "prep"}]
    return any(p == w or p.startswith(w + " ") for p in phrases for w in frame_lexicon().whole_words)


def described_share(match: FrameMatch) -> Decimal | None:
    """"its 45 per cent-owned affiliate Y", "X, a 30% shareholder in Y", "a wholly owned subsidiary":
    the share a description of a holding states on itself (one elsewhere in its clause is another fact's)."""
    trigger = match.trigger
    found = find_percents(left_phrase(trigger).text)
    if len(found) == 1:
        return found[0].fraction
    held = [o for o in prep_objects(trigger, {"with"}) if o.lemma_.lower() in frame_lexicon().stake_nouns or o.ent_type_ == "PERCENT"]
    if match.nominal and held and (share := share_of(held[0])) is not None:
        return share  # "Y's largest shareholder with an 8.2 per cent stake" ("with 18%")
    whole = any(t.lower_ in frame_lexicon().whole_words for t in trigger.doc[trigger.left_edge.i : trigger.i])
    return Decimal(1) if whole and not found else None  # "a wholly owned subsidiary of X"


def changed_to(stake: Token) -> Decimal | None:
    """"X will see its stake fall to 12% from 58%", "the stake of X will be diluted to 30pc": the share
    a change leaves a holder, told by the "to N%" of the verb its stake is the subject of."""
    verb = stake.head
    changing = stake.dep_ in {"nsubj", "nsubjpass"} and verb.lemma_.lower() in word_list("holding_change_verbs")
    return _percent_on(verb, "to") if changing and stake.lemma_.lower() in frame_lexicon().stake_nouns else None


def changed_parties(match: FrameMatch, topic: ActorRef | None) -> tuple[list[Argument], list[Argument]]:
    """"its stake will fall to 12%", "the stake of X in Y will be diluted to 30pc": the stake's owner
    ("its", "X's", "of X") holds; what it holds is its "in Y", else the deal's target (``topic``)."""
    stake = match.trigger
    owners = [c for c in stake.children if c.dep_ == "poss"] or prep_objects(stake, {"of"})
    holders = [a for a in arguments(owners) if a.ref.kind is not ActorKind.ASSET]
    held = [a for a in arguments(prep_objects(stake, {"in"})) if a.ref.name not in {h.ref.name for h in holders}]
    return holders[:1], held[:1] or ([Argument(topic)] if topic is not None else [])


def resulting_share(match: FrameMatch) -> Decimal | None:
    """"bought a further 25% of Y, raising its stake to 60%", "has since raised its holding to 65%":
    the stake is the holding the deal leaves, which a stake verb's "to N%" states (the trigger's
    own or its participle's); all of Y where the deal buys the rest of it."""
    trigger = match.trigger
    verbs = frame_lexicon().stake_verbs
    stakes = frame_lexicon().stake_nouns
    after = [v for v in _participles(trigger) if v.dep_ == "advcl" or v.tag_ == "VBG"]  # "…, and lifted it to 19.9% last
    raising = (v for v in [trigger, *after] if v.lemma_.lower() in verbs  # year" is a later deal of its own
               and any(c.dep_ in OBJECT_DEPS and c.lemma_.lower() in stakes for c in v.children))
    raised = next((_percent_on(verb, "to") or _raised_within(verb) for verb in raising), None)
    raised = raised or (changed_to(trigger) if match.nominal else None)
    return Decimal(1) if raised is None and _buys_the_rest(match) else raised


def added_to_holding(match: FrameMatch, bought: Decimal | None) -> Decimal | None:
    """"X, which already owns 14.2% of Y, agreed to buy a further 36.8%": the holding the deal leaves
    X is what it already held and what it buys."""
    if bought is None or bought >= 1 or match.frame.name not in {"acquisition", "bid", "stake"}:
        return None
    holders = [s for s in match.slots.get("subject", []) if s.pos_ == "PROPN"]
    clauses = [c for h in holders for c in h.children if c.dep_ == "relcl" and c.lemma_.lower() in {"own", "hold"}]
    held = [share_of(o) for c in clauses if any(a.lower_ == "already" for a in c.children)
            for o in c.children if o.dep_ == "dobj"]
    total = (held[0] + bought).normalize() if held and held[0] is not None else None
    return total if total is not None and total <= 1 else None


def _buys_the_rest(match: FrameMatch) -> bool:
    """"bought the remaining 40% of Y", "the rest of Y", "an offer for the 72.5% of Y it does not already
    own", "bought out its partner's 50% of Y": the deal leaves the buyer all of Y (one who holds or
    sells "the remaining 30%" holds that)."""
    if match.frame.name not in {"acquisition", "bid", "stake"}:
        return False
    trigger = match.trigger
    if match.kind == "verb" and any(c.dep_ == "prt" and c.lower_ == "out" for c in trigger.children):
        return True  # "bought out its partner's 50% of Y": the buyer is left with all of Y
    if seller_told(trigger) is not None:
        return False  # a seller's "which bought the remaining 12%" completed another holder's 88%
    bought = [c for c in trigger.children if c.dep_ in OBJECT_DEPS] + prep_objects(trigger, {"of", "for"})
    rest = word_list("remainder_words")
    return any(o.lemma_.lower() in rest or any(c.lower_ in rest for c in o.children if c.dep_ == "amod")
               or _whole(o) or _not_yet_held(o) for o in bought)


def _whole(holding: Token) -> bool:
    """"took full control of Y", "sole ownership of Y": all of it."""
    return holding.lemma_.lower() in WHOLE_HOLDINGS and modified_by(holding, word_list("whole_words"))


def _not_yet_held(share: Token) -> bool:
    """"40% of Y it does not already own": a negated holding verb just after the share bought."""
    window = share.doc[share.i + 1 : min(share.i + 9, share.sent.end)]
    return any(t.lemma_.lower() in {"own", "hold", "control"} and any(c.dep_ == "neg" for c in t.children) for t in window)


def paid_share(trigger: Token) -> Decimal | None:
    """"bought into Y, paying $310m for a 21% holding", "will invest ¥120bn in Y, taking a 55%
    stake": the share a participle pays for or takes."""
    for verb in _participles(trigger):
        lemma = verb.lemma_.lower()
        taking = lemma in word_list("taking_verbs") and verb.tag_ == "VBG"  # "…, taking a 55% stake", not "… and acquired 25% of Z"
        share = _percent_on(verb, "for") if lemma in word_list("paying_verbs") else _taken(verb) if taking else None
        if share is not None:
            return share
    return None


def _taken(verb: Token) -> Decimal | None:
    stakes = frame_lexicon().stake_nouns
    return next((share_of(o) for o in verb.children if o.dep_ in OBJECT_DEPS and o.lemma_.lower() in stakes), None)


def about_a_stake(match: FrameMatch) -> bool:
    """"raised its stake in Y": a stake verb counts only with a stake or share in its roles."""
    if match.nominal:
        return True
    words = frame_lexicon().share_words
    return any(t.lemma_.lower() in words for t in match.trigger.subtree)


def _participles(trigger: Token) -> list[Token]:
    return [c for c in trigger.children if c.dep_ in {"advcl", "conj"} and c.pos_ == "VERB"]


def _raised_within(verb: Token) -> Decimal | None:
    """"lifting its stake in the company that runs the wharf to 90 per cent": the parser may hang the
    "to N%" of a raising verb inside its stake's phrase."""
    return first_found(share_of, [o for t in verb.subtree if t.lower_ == "to" and t.i > verb.i
                                  for o in t.children if o.dep_ == "pobj" and o.ent_type_ == "PERCENT"])


def _percent_on(verb: Token, prep: str) -> Decimal | None:
    """The first percentage a phrase of the verb's with the preposition ``prep`` states."""
    return first_found(share_of, prep_objects(verb, {prep}))


def vehicle_facts(match: FrameMatch, base: Investment, named: set[str]) -> Iterator[Investment]:
    """"X holds 45% of Y through its holding company, Z": Z is the holder of record of Y's shares, a
    holding of its own. That X owns Z is implied, not stated (the text gives no share of Z or sum), so
    it is no fact of X's (such facts were right once in six on the evaluation sets, issue 7 session 31);
    money given through someone ("a grant through its development agency") holds nothing."""
    if not match.frame.stake or base.kind != "existing holding" or base.stake is None:
        return
    for vehicle in prep_objects(match.trigger, {"through", "via"}):
        named_after = [a for a in vehicle.children if a.dep_ == "appos" and a.pos_ == "PROPN"]  # "a new company, Z"
        found = argument_at(named_after[0] if named_after else vehicle)
        if found is not None and found.ref.kind is ActorKind.COMPANY and found.ref.name not in named:
            yield replace(base, investor=found.ref)
