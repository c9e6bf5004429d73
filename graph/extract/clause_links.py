"""How a frame match relates to the facts before it in its sentence (``investments.sentence_facts``):
a clause or "with" phrase that funds the same asset, a relative clause on a fact's investor, a
builder's "to build" that only says what a loan is for, a contractor's work.
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.arguments import argument_at
from graph.extract.frames import FrameMatch, frame_lexicon, is_trigger_word
from graph.extract.tree import infinitive, within
from graph.model import ActorKind, ActorRef, Investment


def parallel_target(match: FrameMatch, done: list[tuple[Token, Investment]]) -> ActorRef | None:
    """"X pledged $2.9bn for the project, while Y committed $4.4bn": a clause joined to a fact's
    clause, with a sum and no target of its own, funds the same asset; so does a "with" phrase on
    the fact's clause (a relative clause on the fact's investor is ``investments.sentence_facts``' ``told``),
    and a holder's share told beside a fact's ("Y is 55% owned by A, with B holding 45%") is of its target."""
    trigger = match.trigger
    ended = match.frame.form == "existing holding" and trigger.dep_ == "dobj" and trigger.head.dep_ in {"advcl", "conj"}
    beside = match.frame.stake and trigger.dep_ == "pcomp" and trigger.head.lower_ == "with"
    for earlier, fact in done:
        if (ended or beside) and trigger.head.head == earlier:
            return fact.target  # "taking 80% of Y, ending X's 14-year ownership"; "owned by A, with B holding 30%"
        if fact.target.kind is not ActorKind.ASSET:
            continue
        if trigger.head == earlier and trigger.dep_ in {"conj", "advcl"}:
            return fact.target
        # "agreed to build Y, with a planned investment of $2bn"; "opened Y with the help of a grant"
        with_ = _with_phrase(trigger)
        if with_ is not None and with_.head in {earlier, *earlier.ancestors}:
            return fact.target
    return None


def shared_before(trigger: Token, done: list[tuple[Token, Investment]]) -> ActorRef | None:
    """"X, Y's largest shareholder with 18%, …; Z holds another 12%": a bare share is of the target
    a share told earlier in the sentence was of."""
    return next((f.target for t, f in reversed(done) if t.i < trigger.i and f.stake is not None), None)


def _with_phrase(noun: Token) -> Token | None:
    """The "with" a noun hangs from, directly or through "the help (support) of"."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    return noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else None


def on_investor(trigger: Token, earlier: Token, fact: Investment) -> bool:
    """Whether ``trigger`` heads a relative clause on the investor of ``earlier``'s fact."""
    if trigger.dep_ != "relcl" or not within(trigger.head, earlier):
        return False
    on = argument_at(trigger.head)
    return on is not None and on.ref.name == fact.investor.name


def purpose_of(trigger: Token, funded: set[int]) -> bool:
    """Whether ``trigger`` is the "to build" of a sum lent, granted or received in its clause."""
    if not infinitive(trigger):
        return False
    head = trigger.head
    return head.i in funded or any(c.i in funded for c in head.children if c.dep_ in {"dobj", "nsubjpass"})


def _for_a_client(word: Token) -> bool:
    """"build Y for the government", "for Tarnia Railways": an actor the work is for, not its builder's
    own ("for its unit")."""
    clients = [o for p in word.children if p.dep_ == "prep" and p.lower_ == "for" for o in p.children if o.dep_ == "pobj"]
    own = {o.i for o in clients if any(c.dep_ == "poss" for c in o.children)}
    return any((a := argument_at(o)) is not None and a.ref.kind is not ActorKind.ASSET for o in clients if o.i not in own)


def contracted(trigger: Token) -> bool:
    """"X won a contract/tender to build Y", "X will build Y for the government": a contractor's work,
    not X's investment."""
    near = [trigger, *(o for o in trigger.children if o.dep_ == "dobj"), *([trigger.head] if trigger.dep_ == "dobj" else [])]
    if any(_for_a_client(word) for word in near):  # the parser hangs "for Z" on the verb or on what is built
        return True
    # "a contract to build Y", "was awarded the contract … to build Y"
    return any(_a_contract(a) or any(_a_contract(c) for c in a.children if c.dep_ in {"dobj", "nsubjpass", "dative"})
               for a in list(trigger.ancestors)[:3])


def _a_contract(token: Token) -> bool:
    """A noun of ``data/frames.json`` contract_nouns ("contract", "tender", "concession")."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in frame_lexicon().contract_nouns


def awards_a_contract(match: FrameMatch) -> bool:
    """"Y awarded a $400m contract to X", "the award of the contract to X": what a giving word gives is a
    contract, the price of work done for Y, not Y's grant or loan."""
    given = match.slots.get("object", []) or [c for c in match.trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(_a_contract(g) and not any(is_trigger_word(c) for c in g.lefts if c.dep_ == "compound")
               for g in given)  # a "loan contract" is the loan's
