"""Investment triggers and the small parse helpers every role finder shares.

A trigger word (acquire, invest, loan, construction, stake, a money verb with
a sum as object, …) heads a fact; the helpers read an actor off a
preposition or a subject without crossing into another trigger's phrase.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.extract.lexicon import lexicon
from graph.extract.phrases import DEVELOP_VERBS, funded_deal, owned_asset, phrase_refs
from graph.model import ActorRef

# verbs that head an investment only with a sum as object: "paid €88 million for", "put $120 million into"
MONEY_VERBS = frozenset(
    {"pay", "put", "pledge", "commit", "allocate", "provide", "spend", "earmark", "award", "grant"}
)


def triggers(sent: Span) -> list[Token]:
    """Tokens that can head an investment fact."""
    lex = lexicon()
    words = (
        lex.acquisition | lex.investment | lex.loan | {"construction", "build", "stake"}
    )
    return [
        t
        for t in sent
        if (t.pos_ in {"NOUN", "VERB"} and t.lemma_.lower() in words and not _plain_facility(t))
        or (money_verb(t) and t.pos_ == "VERB")
        or owned_asset(t)
        or funded_deal(t)
        or sized_grant(t)
        or owned_share(t)
    ]


OWN_VERBS = frozenset({"own", "hold", "control"})


def owned_share(token: Token) -> bool:
    """ "QIA owns about 20% of Heathrow": a holder, a share and the company held."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in OWN_VERBS:
        return False
    shares = [c for c in token.children if c.dep_ == "dobj" and (c.text == "%" or c.lower_ in {"percent", "cent"})]
    return any(p.dep_ == "prep" and p.lower_ == "of" for s in shares for p in s.children)


GRANT_NOUNS = frozenset({"grant", "subsidy", "subsidies"})


def sized_grant(token: Token) -> bool:
    """ "finalised a grant of up to $7.86 billion for Intel": a grant or subsidy with a sum is funding."""
    if token.pos_ != "NOUN" or token.lower_ not in GRANT_NOUNS:
        return False
    return any(t.ent_type_ == "MONEY" for c in token.children for t in c.subtree)


def _plain_facility(token: Token) -> bool:
    """ "in the deep-water facility" is a place; only a "credit/loan facility" or a sized one lends."""
    if token.lemma_.lower() != "facility":
        return False
    lenders = {"credit", "loan", "lending", "financing", "borrowing", "debt"}
    return not any(t.lower_ in lenders or t.ent_type_ == "MONEY" for c in token.lefts for t in c.subtree)


def money_verb(token: Token) -> bool:
    """ "paid €88 million", "has pledged up to €150 million": a sum as direct object."""
    return token.lemma_.lower() in MONEY_VERBS and _money_object(token) is not None


def _money_object(verb: Token) -> Token | None:
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ == "MONEY"), None
    )


def own_subtree(trigger: Token) -> Iterator[Token]:
    """The trigger's subtree without the subtrees of other triggers inside it."""
    stack = list(trigger.children)
    others = set(triggers(trigger.sent)) - {trigger}
    while stack:
        token = stack.pop(0)
        if token in others:
            continue
        yield token
        stack.extend(token.children)


def refs_below(prep: Token) -> list[ActorRef]:
    """The object of a preposition; of "in modernising Y", the thing worked on."""
    for child in prep.children:
        if child.dep_ == "pcomp" and child.lemma_.lower() in DEVELOP_VERBS:
            child = next((o for o in child.children if o.dep_ == "dobj"), child)
        if child.dep_ in {"pobj", "pcomp", "dobj"} and child.ent_type_ != "MONEY":
            return phrase_refs(child, stop=triggers(prep.sent))
    return []


def subjects(verb: Token) -> list[ActorRef]:
    """The subject nearest the verb that names an actor.

    A dateline ("SARAJEVO, 9 May") or a list label ("Egypt: Russia lent …")
    may parse as a second, earlier subject.
    """
    # "X had itself bought": the parser may hang the subject on the auxiliary
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    candidates = [*verb.children, *(c for a in auxiliaries for c in a.children)]
    for child in sorted(candidates, key=lambda c: abs(c.i - verb.i)):
        if child.dep_ == "nsubj":
            refs = phrase_refs(relative_antecedent(child) or dateline_subject(child) or child)
            if refs:
                return refs
    return []


def dateline_subject(subject: Token) -> Token | None:
    """ "LONDON, March 4 (Wire) - The X has agreed …": the parser makes the dateline city the
    subject and the real one its apposition; the apposition after the dash is the actor."""
    if subject.i != subject.sent.start or not subject.is_upper or subject.ent_type_ not in {"GPE", "LOC"}:
        return None
    dash = next((t for t in subject.sent if t.text in {"-", "–", "—"} and t.i > subject.i), None)
    if dash is None:
        return None
    return next((c for c in subject.children if c.dep_ == "appos" and c.i > dash.i), None)


def relative_antecedent(subject: Token) -> Token | None:
    """ "X, which had agreed to lend …": a relative pronoun subject stands for the noun its clause modifies."""
    verb = subject.head
    if subject.lower_ in {"which", "who", "that"} and verb.dep_ == "relcl" and verb.head != verb:
        return verb.head
    return None
