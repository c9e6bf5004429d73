"""Gapped clauses: "X will own 45% of Y and Z 55%" (or "and Z the rest"), "X will lend $800m and Z $400m".

A name followed by a share or a sum of its own, its verb left out, does what the clause before
does, for the same target, with its own share or sum.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from spacy.tokens import Span, Token

from graph.extract.arguments import Argument, argument_at
from graph.extract.renaming import object_before_a_gap
from graph.extract.partitives import REST_WORDS, share_of
from graph.extract.roles import on_a_stated_percent
from graph.extract.clauses import clause_verb, money_at, money_of
from graph.extract.common import entities_in, entity_at, next_sentence, per_token
from graph.extract.tree import prep_objects
from graph.extract.word_lists import word_list
from graph.model import ActorKind, Investment, Money
from graph.extract.frames import FrameMatch, gapped_giver

GAPPED_DEPS = frozenset({"conj", "dobj", "appos"})  # how the parser hangs "…, Z 15 per cent"
LISTING_VERBS = frozenset({"take", "hold", "own", "keep", "get", "have"})  # "with A taking 50%, B 30%"
HOLDERS = frozenset(set(ActorKind) - {ActorKind.ASSET})
RATIO = re.compile(r"\b(\d{1,2}) ?[:/–-] ?(\d{1,2})(?: ?[:/–-] ?(\d{1,2}))?\b")  # "60:40", "50-50", "40/30/30"
GIVING_FORMS = frozenset({"loan", "grant", "investment", "bond", "guarantee"})  # deals whose givers a "from" names
EQUAL_PARTS = frozenset({"share", "stake", "part", "holding", "partner", "partnership"})  # "in equal shares"


def gapped_shares(match: FrameMatch, base: Investment, *, named: set[str]) -> Iterator[Investment]:
    """"X will own 45% of Y and Z 55%", "… and Z the remaining 40 per cent", "Y will be 60% owned
    by X and 40% by Z": each other holder's share of the same target."""
    for share in _conjoined_shares(match.trigger):
        for holder in (argument_at(h) for h in prep_objects(share, {"by"})):
            if holder is not None and holder.ref.kind in HOLDERS and holder.ref.name not in named:
                yield replace(base, investor=holder.ref, stake=share_of(share))
    listed = _gapped_list(match.trigger) + [t for t in match.trigger.subtree if object_before_a_gap(t) is not None]
    for token in sorted({*match.trigger.subtree, *listed}, key=lambda t: t.i):
        a_name = token.pos_ == "PROPN" or (bool(token.ent_type_) and token.text[:1].isupper())  # "… Holding" tagged a verb
        if token not in listed and (token.dep_ not in GAPPED_DEPS or not a_name or token.i < match.trigger.i):
            continue
        if token.dep_ != "conj" and not any(t.ent_type_ == "PERCENT" for t in token.doc[match.trigger.i : token.i]):
            continue  # a second object or apposition is a gapped holder only after the first share
        percent = _own_amount(token, "PERCENT")
        stake = share_of(percent) if percent is not None else _the_rest(token, match.trigger)
        holder = argument_at(token) if stake is not None else None
        if holder is not None and holder.ref.kind in HOLDERS and holder.ref.name not in named:
            yield replace(base, investor=holder.ref, stake=stake)


def _conjoined_shares(trigger: Token) -> list[Token]:
    """The other shares of "60% owned by X and 40% by Z", wherever the parser hung the second: on
    the first share, on the participle, or on the noun the participle describes ("a company 60%
    owned by X and 40% by Z")."""
    agents = [o for a in trigger.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    on_agents = [c for h in agents for c in h.conjuncts if c.ent_type_ == "PERCENT"]  # "… by X and 40 per cent by Z"
    if on_a_stated_percent(trigger):
        return list(trigger.head.conjuncts) + on_agents
    if not any(c.dep_ == "npadvmod" and c.ent_type_ == "PERCENT" for c in trigger.children):
        return []
    hosts = [trigger, trigger.head] if trigger.dep_ in {"acl", "acomp"} else [trigger]  # "Y is 60% owned by X and 40% by Z"
    shares = [c for host in hosts for c in host.conjuncts if c.ent_type_ == "PERCENT"] + on_agents
    # "60% owned by X, the Lisbon-based group, and 35% by Z": hung on the first holder's apposition
    holders = [a for h in agents for a in h.children if a.dep_ == "appos"]  # ("…, 35% by Z": the share itself)
    listed = [a for a in holders if a.ent_type_ == "PERCENT"] + [c for a in holders for c in a.conjuncts if c.ent_type_ == "PERCENT"]
    # "owned 51% by X, 34% by Y and 15% by Z": the second share another measure of the participle, the third its conjunct
    measures = [c for c in trigger.children if c.dep_ == "npadvmod" and c.ent_type_ == "PERCENT"][1:]
    listed += [s for m in measures for s in (m, *m.conjuncts) if s.ent_type_ == "PERCENT"]
    return shares + [c for c in listed if c not in shares]


def _gapped_list(trigger: Token) -> list[Token]:
    """"X will hold 25%, Y 14% and Z 10%" read from the text, however the parser took the gapped
    clauses (it may tag Y a verb): after the trigger's share (and what it is a share of), each name
    followed right away by a share."""
    doc, sent = trigger.doc, trigger.sent
    first = next((t for t in doc[trigger.i + 1 : min(trigger.i + 6, sent.end)] if t.ent_type_ == "PERCENT"), None)
    found: list[Token] = []
    end = _entity_end(first) if first is not None else None
    if end is not None and end < sent.end and doc[end].lower_ == "of":  # "45% of the venture and Z 55%"
        end = _phrase_end(doc[end]) if doc[end].head.i == first.i or doc[end].head == first.head else end
    while end is not None and end < sent.end - 1 and doc[end].lower_ in {",", "and"}:
        start = end + 1 + (doc[end].text == "," and doc[end + 1].lower_ == "and")
        name = start
        while name + 1 < sent.end and doc[name + 1].is_title and doc[name + 1].ent_type_ == doc[start].ent_type_:
            name += 1
        tagged = doc[start].ent_type_ in {"ORG", "PERSON", "GPE", "NORP"} or (not doc[start].ent_type_ and doc[start].pos_ == "PROPN")
        if not (doc[start].is_title and tagged) or name + 1 >= sent.end:  # a short name the model left untagged too
            break
        if doc[name + 1].ent_type_ != "PERCENT" or not doc[name + 1].like_num:
            break
        found.append(doc[name])
        end = _entity_end(doc[name + 1])
    return found


def _phrase_end(prep: Token) -> int:
    """Where the preposition's phrase ends, before any conjunct the parser hung on its noun."""
    words = [prep, *(t for o in prep.children if o.dep_ == "pobj"
                     for t in [o, *(d for c in o.children if c.dep_ not in {"cc", "conj", "punct"} for d in c.subtree)])]
    return max(t.i for t in words) + 1


def _described_end(name: Token) -> int:
    """Where a name and the appositions that describe it end ("Z, a regional lender,", "Z (ZDB)"): an
    apposition with an amount of its own ("(38%)", a second name "with $300m") is no description."""
    doc = name.doc
    described = [c for c in name.children if c.dep_ == "appos" and c.i > name.i
                 and not any(t.ent_type_ in {"MONEY", "PERCENT", "CARDINAL"} for t in c.subtree)]
    ends = [c.right_edge.i + (c.right_edge.i + 1 < len(doc) and doc[c.right_edge.i + 1].text == ")") for c in described]
    return max([name.i, *ends])


def _entity_end(token: Token) -> int | None:
    entity = entity_at(token)
    return entity.end if entity is not None else None


def gapped_sums(match: FrameMatch, base: Investment, *, named: set[str]) -> Iterator[Investment]:
    """"of which X will lend $800m and Z $400m": a name conjoined to the trigger (or hung on it after its
    sum) with a sum of its own;
    "a $150m loan from X and $60m from Z": a sum conjoined to the trigger with a giver of its own."""
    yield from _sums_from(match, base, named=named)
    listed = _named_sums_after(match.trigger) if match.frame.form in GIVING_FORMS else []
    yield from (replace(base, investor=giver.ref, amount=money) for giver, money in listed if giver.ref.name not in named)
    named = named | {giver.ref.name for giver, _ in listed}
    aims = prep_objects(match.trigger, {"for", "towards", "toward"})  # "lending $150m for the expansion and X $45m"
    control = [match.trigger.head] if match.trigger.dep_ == "xcomp" else []  # "agreed to lend $150m, and X a further $100m"
    hosts = [*match.trigger.children, *(c for h in control for c in h.children if c.dep_ == "conj")]
    for token in [*hosts, *(c for aim in aims for c in aim.children if c.dep_ == "conj")]:
        given = token.dep_ in {"dative", "dep"} and gapped_giver(token, list(match.trigger.children))
        if (token.dep_ != "conj" and not given) or token.pos_ != "PROPN":
            continue  # "A is lending $250m and B $200m": B parsed as whom the sum goes to, or unlabelled
        amount = _own_amount(token, "MONEY")
        holder = argument_at(token) if amount is not None else None
        entity = entity_at(amount) if amount is not None else None
        money = money_of(entity.root) if entity is not None else None
        if holder is not None and money is not None and holder.ref.kind in HOLDERS and holder.ref.name not in named:
            yield replace(base, investor=holder.ref, amount=money)


def _named_sums_after(trigger: Token) -> list[tuple[Argument, Money]]:
    """"A committed R12bn, B R9.5bn and C R10bn" ("…, B with R9.5bn"), read from the text however the parser
    hung it: after the trigger's own sum, each name set off by a comma or "and" and followed right by a sum of
    its own."""
    sent, found = trigger.sent, []
    amounts = sorted((e for e in entities_in(sent) if e.label_ == "MONEY" and e.start > trigger.i), key=lambda e: e.start)
    for before, amount in zip(amounts, amounts[1:]):
        gap = list(sent.doc[before.end : amount.start])
        words = gap[next((i for i, t in enumerate(gap) if t.text != "," and t.lower_ != "and"), len(gap)):]  # past ", and"
        words = words[:-1] if len(words) > 1 and words[-1].lower_ == "with" else words  # "…, B with $300m"
        named = bool(words) and all(t.pos_ == "PROPN" or t.ent_type_ in {"ORG", "PERSON", "GPE"} for t in words)
        giver, money = (argument_at(words[-1]) if named else None), money_of(amount.root)
        if len(words) == len(gap) or giver is None or money is None or giver.ref.kind not in HOLDERS:
            break  # no separator before the name, or no name: the list has ended
        found.append((giver, money))
    return found


def sums_from_givers(match: FrameMatch) -> dict[str, Money]:
    """"a $200m loan from A, $240m from B and $180m from C", read from the text however the parser hung
    it: each sum with the giver whose "from" follows it; only where two or more givers have one."""
    return {giver.ref.name: money for giver, money in _givers_sums(match)}


def _givers_sums(match: FrameMatch) -> list[tuple[Argument, Money]]:
    """Each giver with the sum before its "from" (see ``sums_from_givers``), for a giving deal."""
    return _listed_givers(match.trigger) if match.frame.form in GIVING_FORMS else []


@per_token("ikg_listed_givers")  # asked by the facts of the trigger and again for its gapped sums
def _listed_givers(trigger: Token) -> list[tuple[Argument, Money]]:
    """The givers of a "$200m from A, $240m from B" list in the trigger's own clause, in text order."""
    sent, found = trigger.sent, {}
    clause = clause_verb(trigger)  # "…, after raising $200m from A and $50m from B": another clause's givers
    amounts = sorted((e for e in entities_in(sent) if e.label_ == "MONEY" and e.start >= trigger.left_edge.i
                      and _clause_of(e) == clause and not _bracketed(e)), key=lambda e: e.start)
    for amount, following in zip(amounts, [*amounts[1:], None]):
        end = following.start if following is not None else sent.end
        source = next((t for t in sent.doc[amount.end : end] if t.lower_ == "from"), None)
        objects = [c for c in source.children if c.dep_ == "pobj"] if source is not None else []
        giver, money = (argument_at(objects[0]) if objects else None), money_of(amount.root)
        if giver is not None and money is not None and giver.ref.kind in HOLDERS:
            found.setdefault(giver.ref.name, (giver, money))
    return list(found.values()) if len(found) >= 2 else []


def _clause_of(amount: Span) -> Token:
    """The verb of an amount's clause, not the amount's own word the tagger took for a verb ("$180m")."""
    root = amount.root
    return clause_verb(root.head if root.pos_ in {"VERB", "AUX"} and root.head != root else root)


def _sums_from(match: FrameMatch, base: Investment, *, named: set[str]) -> Iterator[Investment]:
    """A sum the parser conjoined to a deal noun, or set beside its giver, with a "from" of its own."""
    listed = _givers_sums(match)
    yield from (replace(base, investor=giver.ref, amount=money) for giver, money in listed if giver.ref.name not in named)
    if listed:
        return
    givers = prep_objects(match.trigger, {"from"})
    for token in (c for host in (match.trigger, *givers) for c in host.children if c.dep_ in {"conj", "appos"}):
        entity = entity_at(token) if token.ent_type_ == "MONEY" else None
        money = money_of(entity.root) if entity is not None else None
        for holder in (argument_at(o) for o in prep_objects(token, {"from"})) if money is not None else ():
            if holder is not None and holder.ref.kind in HOLDERS and holder.ref.name not in named:
                yield replace(base, investor=holder.ref, amount=money)


def listed_shares(match: FrameMatch, names: list[str]) -> dict[str, Decimal]:
    """"A consortium of A, B and C will pay $2bn for Y, with A taking 50%, B 30% and C the remaining
    20%", or in the next sentence "A will hold 40%, B 35% and C the rest": each member named again
    with a share of its own right after the name (however the parser hung the list) takes that
    share; only where two or more members do."""
    found = _shares_after(match.trigger.sent, names, after=match.trigger.i)
    following = next_sentence(match.trigger.sent) if len(found) < 2 else None
    if following is not None and not within_a_group(following.root):  # "Within the consortium, A holds 70%": of the group
        found = _shares_after(following, names, after=following.start - 1)
    found = found if len(found) >= 2 else _shares_by(match.trigger, names)
    if len(found) < 2:
        shares = [share_of(e.root) for e in respective(match.trigger.sent, "PERCENT")]
        found = dict(zip(names, shares)) if len(shares) == len(names) and None not in shares else {}
    return found if len(found) >= 2 else _split_shares(match.trigger, names)


def within_a_group(verb: Token) -> bool:
    """"Within the consortium, A holds 70 per cent and B 30": the clause tells shares of the group, not of what it bought."""
    groups = word_list("collectives")
    return any(o.lemma_.lower() in groups for p in verb.children if p.dep_ == "prep" and p.lower_ in {"within", "inside"}
               for o in p.children if o.dep_ == "pobj")


def _shares_by(trigger: Token, names: list[str]) -> dict[str, Decimal]:
    """"Y is 65% owned by A and 35% by B": each share told right before the "by" that names its holder
    (the parser may hang both "by" phrases on the participle, and give both holders the first share)."""
    found: dict[str, Decimal] = {}
    first = next((c for c in trigger.children if c.dep_ == "npadvmod" and c.ent_type_ == "PERCENT"), None)  # "65% owned by"
    for by in (t for t in trigger.sent if t.lower_ == "by" and t.i > trigger.sent.start):
        before = by.nbor(-1)
        percent = before if before.ent_type_ == "PERCENT" else first if before == trigger else None
        holders = [a for o in by.children if o.dep_ == "pobj" and (a := argument_at(o)) is not None and a.ref.name in names]
        share = share_of(percent) if percent is not None else None
        if holders and share is not None:
            found.setdefault(holders[0].ref.name, share)
    return found


def _split_shares(trigger: Token, names: list[str]) -> dict[str, Decimal]:
    """"a 60:40 joint venture between A and B" (the partners in the order named), "A and B own Y in
    equal shares" or "a 50-50 venture": each partner's share where the text states the split."""
    doc = trigger.doc
    ratio = RATIO.search(doc[trigger.left_edge.i : trigger.i].text)
    parts = [int(p) for p in ratio.groups() if p] if ratio else []
    if len(parts) == len(names) and sum(parts) == 100:
        return {name: Decimal(part) / 100 for name, part in zip(names, parts)}
    equal = any(t.lower_ == "equally" or (t.lower_ == "equal" and t.head.lemma_.lower() in EQUAL_PARTS) for t in trigger.sent)
    return {name: Decimal(1) / len(names) for name in names} if equal else {}


def _shares_after(sent: Span, names: list[str], *, after: int) -> dict[str, Decimal]:
    """Each member's share told after token ``after``; one member left with "the rest" takes what the
    others leave."""
    found: dict[str, Decimal] = {}
    rest: list[str] = []
    for token in sent:
        if token.i <= after or token.pos_ != "PROPN" or token.dep_ == "compound":
            continue
        holder = argument_at(token)
        if holder is None or holder.ref.name not in names or holder.ref.name in found:
            continue
        percent = _own_amount(token, "PERCENT", allowed=LISTING_VERBS)
        share = share_of(percent) if percent is not None else None
        if share is not None:
            found[holder.ref.name] = share
        elif any(t.lower_ in REST_WORDS for t in token.doc[token.i + 1 : min(token.i + 4, sent.end)]):
            rest.append(holder.ref.name)  # "… and C the rest"
    left = 1 - sum(found.values())
    if len(rest) == 1 and len(found) + 1 == len(names) and 0 < left < 1:
        found[rest[0]] = left
    return found


def listed_sums(match: FrameMatch, names: list[str]) -> dict[str, Money]:
    """"from A ($800m) and B ($600m)", "A and B will lend $800m and $600m respectively": each member's
    own sum, from a sum right after its name or from conjoined sums in the members' order; only
    where two or more members have one."""
    found: dict[str, Money] = {}
    for token in match.trigger.sent:
        holder = _member_named(token, names) if token.pos_ == "PROPN" and token.dep_ != "compound" else None
        amount = _own_amount(token, "MONEY") if holder is not None else None
        money = money_of(entity_at(amount).root) if amount is not None and entity_at(amount) is not None else None
        if money is not None:
            found.setdefault(holder.ref.name, money)
    if len(found) < 2 and any(t.lower_ == "respectively" for t in match.trigger.sent):
        sums = [m for e in respective(match.trigger.sent, "MONEY") if (m := money_at(e)) is not None]
        found = dict(zip(names, sums)) if len(sums) == len(names) else {}
    return found if len(found) >= 2 else {}


def _member_named(name: Token, names: list[str]) -> Argument | None:
    """The member of ``names`` a name names, itself or as the end of its phrase ("the government of Fiji")."""
    phrase = name.head.head if name.dep_ == "pobj" and name.head.lower_ == "of" else None
    found = (argument_at(t) for t in (name, phrase) if t is not None)
    return next((a for a in found if a is not None and a.ref.name in names), None)


def respective(sent: Span, label: str) -> list[Span]:
    """"put $45m, $30m and $15m respectively into Y", "14.9% and 10% respectively", "hold 45% and 15% of Y
    respectively": the last list of amounts before "respectively", read from the text (the parser often
    splits such a list apart)."""
    end = next((t.i for t in sent if t.lower_ == "respectively"), None)
    ents = [part for e in entities_in(sent) if e.label_ == label and end is not None and e.end <= end for part in _parts(e)]
    listed = _last_list(ents)
    glossed = _last_list(ents[: len(ents) - len(listed)]) if listed and _bracketed(listed[0]) else []
    listed = glossed if len(glossed) == len(listed) else listed  # "of SAR9m and SAR6m (about $2m and $1m)": the first currency
    return listed if len(listed) > 1 else []


def _last_list(ents: list[Span]) -> list[Span]:
    """The last run of amounts joined only by commas and "and"."""
    listed = ents[-1:]
    for ent in reversed(ents[:-1]):
        if any(t.lower_ not in {",", "and"} for t in ent.doc[ent.end : listed[0].start]):
            break
        listed.insert(0, ent)
    return listed


def _bracketed(amount: Span) -> bool:
    """An amount right after an opening bracket (an "about" may come between): a gloss of the one before."""
    before = [t for t in amount.doc[max(amount.start - 2, 0) : amount.start] if t.lower_ not in {"about", "some", "roughly"}]
    return bool(before) and before[-1].text in {"(", "["}


def _parts(entity: Span) -> list[Span]:
    """"15% and 10%": the amounts of one entity the recogniser ran over a list."""
    doc, parts, start = entity.doc, [], entity.start
    for token in [*entity, None]:
        if token is None or token.lower_ in {",", "and"}:
            end = entity.end if token is None else token.i
            parts += [Span(doc, start, end, label=entity.label_)] if end > start else []
            start = end + 1
    return parts


def _the_rest(name: Token, trigger: Token) -> Decimal | None:
    """"X will own 60% of Y and Z the rest", "A 40%, B 35% and C the rest": what the shares stated
    between the trigger and the name leave."""
    after = name.doc[name.i + 1 : min(name.i + 3, name.sent.end)]
    shares = [share_of(e.root) for e in entities_in(name.doc[trigger.i + 1 : name.i]) if e.label_ == "PERCENT"]
    given = sum(s for s in shares if s is not None)
    if not shares or not 0 < given < 1 or not any(t.lower_ in REST_WORDS for t in after):
        return None
    return 1 - given


def _own_amount(name: Token, label: str, *, allowed: frozenset[str] = frozenset()) -> Token | None:
    """The number of a share or sum right after a name and what describes it ("Z, a regional lender, with
    $200m", "Z (ZDB) with $200m"), with no verb between ("Z 55%", "Z $400m"), unless the verb is one of
    ``allowed`` ("with A taking 50%")."""
    end = _described_end(name)
    after = name.doc[end + 1 : min(end + 5, name.sent.end)]
    amount = next((t for t in after if t.ent_type_ == label and t.like_num), None)
    verbs = amount is not None and any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "aux"} and t.lemma_.lower() not in allowed
                                       for t in after if t.i < amount.i)
    return None if amount is None or verbs else amount
