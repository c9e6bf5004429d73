"""One investment told in several sentences: the facts a document's sentences state, made one.

News tells a deal more than once: the lede gives the buyer and the share, the
next sentence the price; the headline names it again; a consortium buys a
share and the next sentence says what each member takes. These functions take
the facts of a whole document (and the number of the sentence each came from)
and join what is one fact, so that each fact is stated once, with every
sentence that states part of it as its evidence.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from graph.extract.lexicon import lexicon
from graph.model import ActorKind, ActorRef, Evidence, Factuality, Investment, Money, Status

# kinds that all state money put into a project: one sum makes a bare mention of the pair redundant
MONEY_KINDS = frozenset({"investment", "greenfield", "grant", "loan", "bond"})
SHARE_TOLERANCE = Decimal("0.005")
DEFINITE_STAKE = re.compile(r"\b(?:its|the|their) (?:stake|holding|shareholding)\b", re.I)
HOLDING_KINDS = frozenset({"acquisition", "share purchase", "existing holding"})
MEMBERS_REACH = 4  # sentences after a joint purchase within which its members' shares, adding up to it, are told
SPLIT_REACH = 8  # … or, told in one sentence of their own, adding up to it exactly
SPLIT_KINDS = frozenset({"acquisition", "share purchase"})  # what members take of a joint purchase, not what they keep
# the kinds of deal whose sum one fact of the family may take from an unclaimed mention of another
SUM_FAMILIES = {"acquisition": "equity", "share purchase": "equity", **{kind: "money" for kind in MONEY_KINDS}}
SIZE = "size"  # an unclaimed sum that is an asset's size ("the $2bn dam"): what its builder puts in, not its lender
SIZE_TAKERS = frozenset({"greenfield", "investment"})
FUNDING = frozenset({"grant", "loan"})
JOINT = "joint"  # a sum the holders just named put in together ("the three shareholders committed $560m"): each holder's


@dataclass(frozen=True, slots=True)
class Unclaimed:
    """A sum the text pays for a target with no investor named ("its £300m takeover of Y" by "a consortium")."""

    target: ActorRef
    amount: Money
    kind: str
    evidence: Evidence


def merge(facts: list[Investment], numbers: dict[Investment, int]) -> list[Investment]:
    """The document's facts with retellings joined: a joint share split into what each member
    takes, a sum and a share of one pair joined, a fact that states part of another dropped."""
    return _without_subsumed(_joined(_venture_shares(_split_joint(facts, numbers), numbers), numbers))


def with_headline_sum(fact: Investment, headline: list[Investment]) -> tuple[Investment, Investment | None]:
    """"X takes control of Y in $310m deal" over "X agreed to buy a 51% stake in Y", "X to lend $500m
    for Y" over "X agreed to provide financing for Y": the body's fact and the headline's sum are
    one fact, with both sentences as its evidence."""
    if fact.amount is not None:
        return fact, None
    for told in headline:
        if told.amount is not None and told.stake in {None, fact.stake} and _same_pair(told, fact):
            full = replace(fact, amount=told.amount)
            return full, replace(full, evidence=told.evidence)
    return fact, None


def _joined(facts: list[Investment], numbers: dict[Investment, int]) -> list[Investment]:
    """"X, which holds 51% of Y, has invested $800m in Y"; "X agreed to buy Y for $2bn. X will take
    50 per cent of Y …": a sum and a share for one pair, in one sentence or the next two, are one
    fact (stated in both sentences), as the gold convention and a reader take them."""
    joined: list[Investment] = []
    used: set[int] = set()
    for fact in facts:
        if fact.amount is not None and fact.stake is None:
            share = next((i for i, o in enumerate(facts) if i not in used and o.amount is None and o.stake is not None
                          and (_near(numbers, o, fact) or _definite_stake(fact)) and _same_pair(o, fact) and _told_alike(o, fact)
                          and not _held_before(o, fact)), None)
            if share is not None:
                used.add(share)
                full = replace(fact, stake=facts[share].stake)
                joined.append(full)
                if facts[share].evidence != fact.evidence:
                    joined.append(replace(full, evidence=facts[share].evidence))
                continue
        joined.append(fact)
    kept = [f for f in joined if not any(f is facts[i] for i in used)]
    return _co_investors([facts[i] for i in used], kept)


def _definite_stake(deal: Investment) -> bool:
    """"X bought its stake in Y for $430m": a sum paid for "its/the stake" is for the share the article
    gives the pair, however far back (a purchase with no share of its own, of a holding)."""
    return deal.kind in HOLDING_KINDS and DEFINITE_STAKE.search(deal.evidence.text) is not None


def _held_before(share: Investment, deal: Investment) -> bool:
    """"X has agreed to buy Y for £1.4bn. X already owns 14.9% of Y": a holding is not the share a
    purchase still to be completed buys."""
    pending = deal.status in {Status.SIGNED, Status.ANNOUNCED, Status.APPROVED, Status.PLEDGED}
    kept = share.factuality is Factuality.PLANNED and deal.status is Status.COMPLETED  # "which bought Y in 2011, will keep 15%"
    return share.kind == "existing holding" and deal.kind in SPLIT_KINDS and (pending or kept)


def _co_investors(shares: list[Investment], facts: list[Investment]) -> list[Investment]:
    """"X will take 50% of Y, with Z acquiring 30%": a share stated beside one that joined a sum is
    a part of the same deal, and takes its total (the gold's convention for joint investments)."""
    totals: dict[int, tuple[str, Money]] = {}
    for share in shares:
        full = next((f for f in facts if f.amount is not None and f.stake == share.stake and _same_pair(f, share)), None)
        if full is not None:
            totals[share.evidence.start] = (share.target.name, full.amount)

    def completed(fact: Investment) -> Investment:
        target, total = totals.get(fact.evidence.start, ("", None))
        if fact.amount is None and fact.stake is not None and total is not None and _close(target, fact.target.name):
            return replace(fact, amount=total)
        return fact

    return [completed(f) for f in facts]


def _near(numbers: dict[Investment, int], one: Investment, other: Investment, *, reach: int = 2) -> bool:
    """Stated in one sentence or within the next two (``reach``)."""
    return one in numbers and other in numbers and abs(numbers[one] - numbers[other]) <= reach


def retold(headline: Investment, fact: Investment) -> bool:
    """A headline fact the body states again: the same sum with one party in common ("China agrees
    to lend $4.5bn for X" over "the China Development Bank agreed to lend $4.5 billion for X"), or
    the same pair with nothing the body leaves out (a headline's own sum or share is kept)."""
    same_sum = _same_amount(headline, fact)
    shared = _close(headline.investor.name, fact.investor.name) or _close(headline.target.name, fact.target.name)
    adds = (headline.amount is not None and not same_sum) or (headline.stake is not None and headline.stake != fact.stake)
    # "Germany blocks Chinese takeover of Y": the body names the Chinese buyer
    nationality = headline.investor.kind is ActorKind.COUNTRY and fact.investor.kind is not ActorKind.COUNTRY
    return (same_sum and shared) or ((_same_pair(headline, fact) or (nationality and _same_target(headline.target, fact.target)))
                                     and not adds)


def _told_alike(one: Investment, other: Investment) -> bool:
    """"X has held 7.5% of Y" is not told again by "X could raise its holding": a possible or a
    denied deal is no retelling of a fact stated or planned."""
    unsure = {Factuality.POSSIBLE, Factuality.DENIED}
    return one.factuality == other.factuality or not {one.factuality, other.factuality} & unsure


def _takes(fact: Investment, unclaimed: Unclaimed) -> bool:
    """A fact takes an unclaimed sum of its family of deals; an asset's size only a builder's or an
    investor's; a grant or loan no one is named to give only a grant's or loan's ("Y, which would
    receive C$13bn in subsidies" gives its builder nothing)."""
    if unclaimed.kind == SIZE:
        return fact.kind in SIZE_TAKERS
    if unclaimed.kind == JOINT:
        return fact.stake is not None
    if unclaimed.kind in FUNDING:
        return fact.kind in FUNDING
    bought = SUM_FAMILIES.get(unclaimed.kind) == "equity" and _takes_a_part(fact)  # "… will own 65% of Y after buying"
    return bought or SUM_FAMILIES.get(unclaimed.kind) == SUM_FAMILIES.get(fact.kind)


def _same_amount(one: Investment, other: Investment) -> bool:
    a, b = one.amount, other.amount
    return a is not None and b is not None and a.currency == b.currency and abs(a.value - b.value) <= b.value / 100


def _same_pair(one: Investment, other: Investment) -> bool:
    """The same investor and target, one name's words within the other's ("Tianqi" / "Tianqi Lithium")."""
    return _close(one.investor.name, other.investor.name) and _same_target(one.target, other.target)


def _same_target(one: ActorRef, other: ActorRef) -> bool:
    return _close(one.name, other.name) or _same_asset(one.name, other.name)


def one_actor(a: ActorRef, b: ActorRef) -> bool:
    """Two names of one actor: equal, or equal but for legal forms and designators ("Nusantara Logam",
    "PT Nusantara Logam Tbk"); no one buys or lends to itself ("X Energy Solar" may be X Energy's unit)."""
    if a.name == b.name:
        return True
    lex = lexicon()
    forms = lex.legal_forms | lex.leading_company_words
    one, other = ([w for w in n.lower().replace(",", " ").replace(".", " ").split() if w not in forms] for n in (a.name, b.name))
    return len(one) > 1 and one == other and ActorKind.ASSET not in {a.kind, b.kind}


def _close(a: str, b: str) -> bool:
    x, y = set(a.lower().split()), set(b.lower().split())
    return x <= y or y <= x


def _same_asset(a: str, b: str) -> bool:
    """"electronics facility in Vell" and "manufacturing facility in Vell district": one head noun, one place."""
    (head_a, _, place_a), (head_b, _, place_b) = a.partition(" in "), b.partition(" in ")
    if not place_a or not place_b or head_a.split()[-1].lower() != head_b.split()[-1].lower():
        return False
    return bool({w for w in place_a.split() if w[:1].isupper()} & {w for w in place_b.split() if w[:1].isupper()})


def _split_joint(facts: list[Investment], numbers: dict[Investment, int]) -> list[Investment]:
    """"Y sold 35% of Z to a consortium of A and B for $X. A will take 25% and B 10%", "a group led
    by A bought 100% of Z … A takes 80%, B and C 10% each": the share each member takes is its
    fact, with the joint sum (the gold convention for joint investments); the joint share, read
    as every member's, goes. Only where the members' shares add up to it."""
    groups: dict[tuple, list[Investment]] = defaultdict(list)
    for fact in facts:
        if fact.stake is not None:
            groups[(fact.evidence.start, fact.target.name, fact.amount, fact.stake)].append(fact)
    dropped: set[int] = set()
    summed: dict[int, list[Investment]] = {}
    for joint in groups.values():
        members = _members(joint, facts, numbers)
        if members is None or abs(sum(m.stake for m in members) - joint[0].stake) > SHARE_TOLERANCE:
            continue
        dropped |= {id(f) for f in joint}
        for member in members:
            whole = _with_step(replace(member, amount=member.amount or joint[0].amount), joint[0])
            summed[id(member)] = [whole] + ([replace(whole, evidence=joint[0].evidence)] if joint[0].amount else [])
    return [told for f in facts if id(f) not in dropped for told in summed.get(id(f), [f])]


def _venture_shares(facts: list[Investment], numbers: dict[Investment, int]) -> list[Investment]:
    """"A and B will jointly build Y, in a project costing $2bn. A will own 60% of the project company
    and B the remaining 40%": the partners' joint sum and each one's share are told of one venture, so
    each partner's sum takes its share and each share the joint sum (the gold convention for joint
    investments), with both sentences as evidence."""
    joint: dict[tuple, list[Investment]] = defaultdict(list)
    for fact in facts:
        if fact.amount is not None and fact.stake is None:
            joint[(fact.evidence.start, fact.target.name, fact.amount)].append(fact)
    told: dict[int, list[Investment]] = {}
    for group in joint.values():
        shares = _partners_shares(group, facts, numbers)
        for fact in group if shares else ():
            own = replace(fact, stake=next(s.stake for s in shares if _close(s.investor.name, fact.investor.name)))
            told[id(fact)] = [own, replace(own, evidence=shares[0].evidence)]
        for share in shares:
            whole = replace(share, amount=group[0].amount)
            told[id(share)] = [whole, replace(whole, evidence=group[0].evidence)]
    return [f for fact in facts for f in told.get(id(fact), [fact])]


def _partners_shares(group: list[Investment], facts: list[Investment], numbers: dict[Investment, int]) -> list[Investment]:
    """The shares one nearby sentence gives each partner of a joint sum, one each and adding up to no
    more than the whole; else none."""
    partners = {f.investor.name for f in group}
    if len(partners) < 2:
        return []
    told = [f for f in facts if f.stake is not None and f.amount is None and f.evidence.start != group[0].evidence.start
            and _near(numbers, f, group[0])]
    for start in sorted({f.evidence.start for f in told}):
        shares = [f for f in told if f.evidence.start == start and any(_close(f.investor.name, p) for p in partners)]
        each = all(sum(_close(f.investor.name, p) for f in shares) == 1 for p in partners)
        if each and len(shares) == len(partners) and sum(f.stake for f in shares) <= 1 + SHARE_TOLERANCE:
            return shares
    return []


def _members(joint: list[Investment], facts: list[Investment], numbers: dict[Investment, int]) -> list[Investment] | None:
    """The shares of the joint fact's target bought in the next sentences, one per buyer and one of
    them each joint buyer's; else None. One sentence whose shares add up to the joint share is
    the split, whatever else is told near it ("the seller will keep the remaining 26%")."""
    first = joint[0]
    later = [f for f in facts if f.stake is not None and f.stake < first.stake and _takes_a_part(f)
             and f.evidence.start > first.evidence.start and f.amount in {None, first.amount}
             and _near(numbers, f, first, reach=SPLIT_REACH) and _same_target(f.target, first.target)]
    told = [[f for f in later if f.evidence.start == start] for start in sorted({f.evidence.start for f in later})]
    split = next((one for one in told if len(one) > 1 and abs(sum(f.stake for f in one) - first.stake) <= SHARE_TOLERANCE), None)
    later = split or [f for f in later if _near(numbers, f, first, reach=MEMBERS_REACH)]
    buyers = {f.investor.name for f in later}
    if len(buyers) < 2 or len(later) != len(buyers):
        return None
    if not all(any(_close(m.investor.name, j.investor.name) for m in later) for j in joint):
        return None
    return later


def _takes_a_part(fact: Investment) -> bool:
    """A share bought, or one a member "will hold" after a joint purchase (a holding still to come)."""
    return fact.kind in SPLIT_KINDS or (fact.kind == "existing holding" and fact.factuality is Factuality.PLANNED)


def _without_subsumed(facts: list[Investment]) -> list[Investment]:
    """A fact that states part of what another of the same pair states (the pair only; or its share
    but not the other's sum) tells that fact again: one fact, with both sentences as evidence."""
    roots = [_fullest(fact, facts) for fact in facts]
    merged: dict[int, Investment] = {}
    for fact, root in zip(facts, roots):
        if root is not None:
            base = merged.get(id(root), root)
            merged[id(root)] = _with_step(base, fact)
    out: list[Investment] = []
    for fact, root in zip(facts, roots):
        whole = merged.get(id(root if root is not None else fact))
        told = fact if whole is None else replace(whole, evidence=fact.evidence)
        if told not in out:
            out.append(told)
    return out


def _with_step(fact: Investment, told: Investment) -> Investment:
    """The status a retelling states, with its date (a status and its date tell one step of the
    deal: "approved on 26 November"), where the fact states none."""
    if fact.status is None and told.status is not None:
        return replace(fact, status=told.status, date=told.date or fact.date)
    return replace(fact, date=fact.date or told.date)


def _fullest(fact: Investment, facts: list[Investment]) -> Investment | None:
    """The fact of the same pair stating the most that ``fact`` is a part of, if any."""
    fuller = [other for other in facts if other is not fact and _subsumes(other, fact)]
    return max(fuller, key=_stated, default=None)


def _stated(fact: Investment) -> int:
    return (fact.amount is not None) + (fact.stake is not None)


def _subsumes(fuller: Investment, fact: Investment) -> bool:
    """``fuller`` states all that ``fact`` states and more, of the same pair: a share is one holding
    whatever the verb ("is 40% owned by X" / "X paid $85m for its 40% stake"); a bare pair, the
    same kind of deal or the same sentence; a pledge and the deal it accompanies stay two."""
    if _stated(fuller) <= _stated(fact) or not _same_pair(fact, fuller) or not _told_alike(fact, fuller):
        return False
    same_sentence = fact.evidence.start == fuller.evidence.start
    alike = fuller.kind == fact.kind or {fact.kind, fuller.kind} <= MONEY_KINDS
    pledged_apart = (fact.status is Status.PLEDGED) != (fuller.status is Status.PLEDGED)
    if (_stated(fact) or fact.kind != fuller.kind) and pledged_apart and not (same_sentence and alike and not _stated(fact)):
        return False  # "X took over Y, pledging to invest $1.26bn": the takeover is no part of the pledge
    same_sum = fact.amount is None or _same_amount(fact, fuller)
    same_share = fact.stake is None or fact.stake == fuller.stake
    held = not _stated(fact) and fuller.stake is not None and {fact.kind, fuller.kind} <= HOLDING_KINDS  # "bought its stake in 2016"
    return (fact.stake is not None or same_sentence or alike or held) and same_sum and same_share


def with_unclaimed_sums(facts: list[Investment], unclaimed: list[Unclaimed]) -> list[Investment]:
    """"A consortium completed its £300m takeover of Y … X takes 80% of Y": a fact with no sum takes
    the one sum the document pays for its target in a deal of its family, with that sentence as
    a second evidence; two different sums for the target give it none. A sum its own sentence gives
    a named investor ("the financing includes a €90m loan from X") is claimed."""
    claimed = {(f.evidence.start, f.amount) for f in facts if f.amount is not None}
    unclaimed = [u for u in unclaimed if (u.evidence.start, u.amount) not in claimed]
    out: list[Investment] = []
    for fact in facts:
        found = [u for u in unclaimed if _takes(fact, u) and _same_target(u.target, fact.target)]
        sums = {(u.amount.value, u.amount.currency) for u in found}
        if fact.amount is not None or fact.status is Status.PLEDGED or len(sums) != 1:
            out.append(fact)
            continue
        full = replace(fact, amount=found[0].amount)
        out += [full] + ([replace(full, evidence=found[0].evidence)] if found[0].evidence != fact.evidence else [])
    return out
