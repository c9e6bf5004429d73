"""Investments: facts read from frame matches (``frames``) over typed arguments (``arguments``).

One fact per investor and target of each trigger; the amount and the stake come from the trigger's
own clause; a fact whose amount is only in the next sentence ("It paid €200 million for 60 percent
of the terminal") takes it from there. A headline's facts are kept when the body does not repeat them; facts the document
tells more than once (a share here, its price there) are made one in ``retellings``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from spacy.tokens import Doc, Span, Token

from graph.extract import context
from graph.extract.agreement_parties import state_title
from graph.extract.arguments import Argument, argument_at, arguments
from graph.extract import clause_links, gapping, lending, retellings, stakes, sums
from graph.extract.clauses import clause_verb, takes_a_deal
from graph.extract.stakes import about_a_stake, fact_share, paid_share, resulting_share
from graph.extract.stated_money import bare_sum, money_named, money_where_needed
from graph.extract.status import factuality_of, status_of
from graph.extract.common import (
    doc_text, evidence_for, is_headline, lede_sentence, per_doc, per_span, sentences, starts_with_anaphora,
)
from graph.extract.follow_ups import complete_from_follow_up, include_list
from graph.extract.item_headings import item_heading
from graph.extract.tables import in_table, table_facts
from graph.extract.lexicon import lexicon
from graph.extract.phrases import asset_ref, capitalised, named_asset
from graph.extract.frames import Frame, FrameMatch, frame_lexicon, frame_matches, is_debt, unowned_share
from graph.extract.roles import active_subject, children, hyphenated
from graph.extract.role_fillers import role_arguments
from graph.extract.tree import determined_by, infinitive, prep_objects
from graph.extract.word_lists import word_list
from graph.model import ActorKind, ActorRef, Factuality, Investment, Money, Status
from graph.normalize.dates import parse_period

ACTOR_KINDS = frozenset(set(ActorKind) - {ActorKind.ASSET})
DEAL_REACH = 2  # sentences after a share within which a bare percentage is a share of its target
BACK_REACH = 2  # sentences from a loan told with no lender to "the loan was provided by X" that names one
PROGRAMME_WORDS = frozenset({"programme", "program"})
BUILDING_STEPS = frozenset({Status.OPENED, Status.UNDER_CONSTRUCTION})  # the steps of an asset, not of a deal in a company


def extract(doc: Doc) -> Iterator[Investment]:
    """Every investment the doc states; a headline's only where the body does not state it."""
    body: dict[tuple[str, str], Investment] = {}
    headline: dict[tuple[str, str], Investment] = {}
    previous: list[Investment] = []
    lede = lede_asset(doc)
    topic: ActorRef | None = lede
    deal: tuple[int, ActorRef] | None = None  # the last share's target, and the sentence that named it
    numbers: dict[Investment, int] = {}
    for number, sent in enumerate(sentences(doc)):
        if in_table(sent):
            continue  # a table's rows are read from its cells (``tables``)
        found = headline if is_headline(sent) else body
        recent = deal[1] if deal is not None and number - deal[0] <= DEAL_REACH else None
        topic = item_heading(sent) or topic  # "• Galle harbour. Built with loans from X …": the item's asset
        current = list(sentence_facts(sent, topic=topic, deal=recent, before=previous))
        if previous and starts_with_anaphora(sent, lexicon().anaphora_heads):
            if not current:  # "This €42 million transaction …" completes the facts before it
                current = list(complete_from_follow_up(previous, sent))
                for fact in [*previous, *current]:  # the completed facts replace the ones they complete
                    body.pop(_key(fact), None)
            # "These investments include …": listed assets, unless a fact of their own names them
            taken = {fact.target.name for fact in current}
            current += [fact for fact in include_list(sent, previous) if fact.target.name not in taken]
        for fact in current:
            key = _key(fact)
            numbers.setdefault(fact, number)
            if key not in found or _richer(fact, found[key]):
                found[key] = fact
        previous = current if found is body else previous
        if found is body:  # the last named asset a fact of this paragraph went to is the topic of an elliptical sum
            last = next((f.target for f in reversed(current) if _named(f.target)), None)
            last = last or (_borrower_told(sent) if topic is None else None)  # no asset to lend for: the borrower
            topic = last or (topic if current == [] and not _ends_paragraph(sent) else lede)
            shared = next((f.target for f in reversed(current) if f.stake is not None), None)
            deal = (number, shared) if shared is not None else deal
    for fact in table_facts(doc):
        body.setdefault(_key(fact), fact)
    stated = retellings.with_unclaimed_sums(retellings.merge(list(body.values()), numbers), unclaimed_sums(doc))
    told = [retellings.with_headline_sum(fact, list(headline.values())) for fact in stated]
    stated = [fact for fact, _ in told]
    yield from stated
    yield from (h for _, h in told if h is not None)
    yield from (fact for fact in headline.values() if not any(retellings.retold(fact, other) for other in stated))


def _borrower_told(sent: Span) -> ActorRef | None:
    """"… a loan of $850m to X from four banks. A and B are each providing $300m" ("X raised $900m from
    two investors. A put in $300m"): whom money from no one named goes to is the target of the sums
    the next sentences lend or invest."""
    return next((u.target for u in reversed(unclaimed_sums(sent.doc)) if u.evidence.start == sent.start_char
                 and u.kind in retellings.FUNDING | {"investment"}), None)


def _named(ref: ActorRef) -> bool:
    """A named asset ("the Kumbiri dam"), not a common one ("transmission lines"), is what a paragraph is
    about; so is a named programme a fact funds ("its Water Loss Reduction Programme")."""
    programme = ref.kind in {ActorKind.COMPANY, ActorKind.ORGANIZATION} and ref.name.split()[-1].lower() in PROGRAMME_WORDS
    return named_asset(ref) or (programme and capitalised(ref.name))


def lede_asset(doc: Doc) -> ActorRef | None:
    """The named asset the headline or the first sentence of the body is about ("… signs funding for
    the Kumbiri River hydropower project"): where a paragraph names none, a lender's bare sum goes to it."""
    first = [s for s in sentences(doc) if is_headline(s)][:1] + [s for s in [lede_sentence(doc)] if s is not None]
    heads = (t for s in first for t in s if t.pos_ in {"NOUN", "PROPN"} and t.lemma_.lower() in lexicon().asset_heads
             and t.dep_ != "compound")  # "Velmar Rail Group" names a company, "X Rail Project" the project
    named = (ref for t in heads if (ref := asset_ref(t)) is not None and _named(ref) and _capitals_of_a_name(t, ref))
    return next(named, None)


def _capitals_of_a_name(head: Token, ref: ActorRef) -> bool:
    """A capital proves a name only inside a line of mixed case and not as its first word: "Borrowed
    roads, borrowed time: …" and "THE RESORT IS STILL A BUILDING SITE" name no asset."""
    sent = head.sent
    letters = [t for t in sent if t.is_alpha]
    if not letters or sum(t.is_upper for t in letters) * 2 > len(letters):
        return False
    capitals = {w for w in re.split(r"[\s\u2013\u2014-]+", ref.name) if w[:1].isupper()}
    return any(t.text in capitals and t.i != letters[0].i for t in letters)


def _ends_paragraph(sent: Span) -> bool:
    """A line break in the sentence's trailing space (read from the doc's text, not joined from its tokens)."""
    text = doc_text(sent.doc)[sent.start_char : sent.end_char]
    return "\n" in text[len(text.rstrip()):] or sent.end == len(sent.doc)


def _key(fact: Investment) -> tuple:
    """One fact per pair, sum and share ("bought 40% of Y … has since raised its holding to 65 per cent"
    are two); a pledge stays apart from the deal it accompanies, a possible deal from a told one."""
    return (fact.investor.name, fact.target.name, fact.status is Status.PLEDGED, fact.amount, fact.stake, fact.factuality)



def sentence_facts(
    sent: Span, *, topic: ActorRef | None = None, deal: ActorRef | None = None, before: list[Investment] | None = None,
) -> Iterator[Investment]:
    """The facts of one sentence; ``topic`` is the asset the facts before were about, ``deal`` the
    target a share just before was taken in ("… sell 35% of Y to A and B. A will take 25 per cent"),
    ``before`` the facts of the sentence before."""
    matches = list(frame_matches(sent))
    funded = {m.trigger.i for m in matches if m.frame.money_required or m.frame.money_or_loan_word}
    lent = {m.trigger.i for m in matches if m.nominal and m.frame.form in retellings.FUNDING}  # "a loan (agreement)"
    done: list[tuple[Token, Investment]] = []
    untargeted: list[tuple[FrameMatch, ActorRef, bool]] = []
    for match in matches:
        trigger = match.trigger
        if match.frame.target_is_asset and (clause_links.contracted(trigger) or clause_links.purpose_of(trigger, funded)):
            continue  # "a loan to build Y": the lender's fact; who builds with it is not an investor
        if match.frame.form in retellings.FUNDING and clause_links.awards_a_contract(match):
            continue  # "Y awarded a $400m contract to X": the price of work, no grant
        if match.kind == "verb" and match.frame.form in retellings.FUNDING and clause_links.purpose_of(trigger, lent):
            continue  # "A and B signed a loan agreement to finance Y": the loan's own fact, told once
        if (joint := sums.joint_sum(match, done, deal)) is not None:
            unclaimed_sums(sent.doc).append(joint)  # each holder's (``retellings.with_unclaimed_sums``)
            continue
        told = next((f.target for t, f in done if clause_links.on_investor(trigger, t, f)), None)
        facts = list(facts_of(match, sent, topic=clause_links.parallel_target(match, done), told=told))
        done += [(trigger, fact) for fact in facts]
        held = match.nominal and match.frame.form == "existing holding"  # "its unit": whose, not of what topic
        share = bool(match.frame.stake) and _bare_share(match)
        given = None if facts or held else (clause_links.shared_before(trigger, done) or deal) if share else topic
        if not facts and given is None and (facts := _their_last_target(match, sent, before or [])):
            done += [(trigger, fact) for fact in facts]
            continue
        if given is not None:
            untargeted.append((match, given, share))
    investors = {fact.investor for _, fact in done}
    for match, given, share in untargeted:  # the topic takes a sum only where the sentence gives its investor no target;
        # a bare share is of the deal told before, whatever else its holder did ("X, which bought Y, will keep 35%")
        done += [(match.trigger, f) for f in facts_of(match, sent, topic=given) if f.investor not in investors or share]
    yield from sums.project_over_borrower(sums.sizes_of_funded_assets(done, {m.trigger.i for m in matches if m.kind == "sized"}))


def facts_of(
    match: FrameMatch, sent: Span, *, topic: ActorRef | None = None, told: ActorRef | None = None,
) -> Iterator[Investment]:
    """One fact per investor × target the match's roles name. A sum with no target of its own
    ("X lent a further €40m") goes to the asset the facts before were about; a relative clause on
    a fact's investor with none (``told``) tells more of that fact."""
    frame = match.frame
    if lending.funds_its_own(match) or _a_trend(match) or not money_where_needed(match) or gapping.within_a_group(match.trigger):
        return  # … or "after winning approval from X": a receiving verb that receives no sum
    investors, targets = _parties(match, topic)
    if not targets and told is not None:  # "Y was acquired by X, which paid $2.4bn for a 65% stake": the same deal
        targets = [Argument(told)]
    if targets and not investors:
        _keep_unclaimed_sum(match, targets[0].ref, sent)
    if not investors or not targets or (frame.form == "existing holding" and (_owners_nationality(match) or _held_otherwise(match))):
        return
    share_of_cost = sums.share_of_cost(match)
    amount = sums.stated_amount(match, share_of_cost=share_of_cost)
    if amount is None and not (share_of_cost or money_named(match)) and not (frame.money_or_loan_word and lending.lender(investors[0])):
        return  # "X funds research" is not a deal; "a bank financed Y" is
    stake = frame.stake and not match.descriptive
    share = (fact_share(match, targets) or paid_share(match.trigger)) if frame.stake else _share_given_for(match, targets)
    amount = None if sums.values_the_whole(match, amount, share) else amount
    after = (resulting_share(match) or stakes.added_to_holding(match, share)) if stake else None
    if frame.needs_stake_noun and not about_a_stake(match):
        return
    status = None if match.descriptive else status_of(match.trigger)
    if status in BUILDING_STEPS and targets[0].ref.kind is not ActorKind.ASSET:
        status = None  # "opened an investigation into X's takeover of Y": a company is not opened
    status = status or (Status(frame.status) if frame.status else None)
    factuality = factuality_of(match.trigger)
    period = parse_period(sent.text)
    date = None if period else context.date_for(match.trigger, pledge=status is Status.PLEDGED)
    base = Investment(investors[0].ref, targets[0].ref, evidence_for(sent), amount=amount, stake=share, date=date, period=period,
                      status=status, kind=_kind(match), factuality=None if factuality is Factuality.ASSERTED else factuality)
    yield from _pair_facts(match, base, investors, targets, after=after)
    yield from stakes.vehicle_facts(match, base, named={a.ref.name for a in (*investors, *targets)})
    if frame.stake and share is not None:
        yield from gapping.gapped_shares(match, base, named={a.ref.name for a in (*investors, *targets)})
    if amount is not None:
        yield from sums.included_sums(base, investors, sent)
        yield from gapping.gapped_sums(match, base, named={a.ref.name for a in (*investors, *targets)})


def _share_given_for(match: FrameMatch, targets: list[Argument]) -> Decimal | None:
    """"X offered €412m for 67% of Y": a sum given for a share of a company buys that share."""
    shares = [t.share for t in targets[:1] if t.share is not None and t.ref.kind in {ActorKind.COMPANY, ActorKind.ORGANIZATION}]
    return shares[0] if shares and match.frame.form == "grant" and match.slots.get("for") else None


def _kind(match: FrameMatch) -> str:
    """The frame's form; a loan where a giving verb gives a debt ("provided a $180m facility")."""
    debt = any(is_debt(o) for o in match.slots.get("object", []))
    return "loan" if match.frame.form == "grant" and not match.nominal and debt else match.frame.form


def _pair_facts(
    match: FrameMatch, base: Investment, investors: list[Argument], targets: list[Argument], *, after: Decimal | None,
) -> Iterator[Investment]:
    """``base`` for each investor × target, with the share and sum each is listed with ("80% of X and
    90% of Y", "A ($8m) and B ($6m)") unless the deal states the share it leaves (``after``); the
    seller the match names is remembered for the pair."""
    sold_by = role_arguments(match, "seller", lambda a: a.ref.kind in ACTOR_KINDS)
    names = [i.ref.name for i in investors] if len(investors) > 1 else []  # a list's members only
    each = gapping.listed_shares(match, names) if names and match.frame.stake else {}
    own_sums = gapping.sums_from_givers(match) or (gapping.listed_sums(match, names) if names else {})
    for investor in investors:
        for target in targets:
            if sold_by and sold_by[0].ref.name not in {investor.ref.name, target.ref.name}:
                sellers(match.trigger.doc)[investor.ref.name, target.ref.name] = sold_by[0].ref
            listed = next((a.share for a in (target, investor) if a.share is not None), None) if match.frame.stake else None
            own = each.get(investor.ref.name) or after or (base.stake if listed is None else listed)  # its own share first
            amount = base.amount if _a_total(base, own_sums) else own_sums.get(investor.ref.name, base.amount)
            fact = replace(base, investor=investor.ref, target=target.ref, stake=own, amount=amount)
            if not retellings.one_actor(investor.ref, target.ref) and not _background_holding(fact, match):
                yield fact


def _a_total(base: Investment, own_sums: dict[str, Money]) -> bool:
    """"a $600m loan provided by A ($250m) and B ($350m)": each member's fact carries the joint
    total the deal states (the gold's convention), not its own part; without one, its own part."""
    own = {(m.value, m.currency) for m in own_sums.values()}
    return base.amount is not None and bool(own) and (base.amount.value, base.amount.currency) not in own


def _a_trend(match: FrameMatch) -> bool:
    """"Chinese lending to Africa has fallen sharply", "investment in the sector rose 12%": a deal
    noun whose verb says how much there is, a trend and no deal one could check."""
    trigger = match.trigger
    trend = trigger.dep_ in {"nsubj", "nsubjpass"} and trigger.head.lemma_.lower() in word_list("trend_verbs")
    return match.nominal and trend and stakes.changed_to(trigger) is None  # "its stake will fall to 12%": one holder's


def _their_last_target(match: FrameMatch, sent: Span, before: list[Investment]) -> list[Investment]:
    """"Y raised $13m in a round led by A … A put in $7m": a bare sum whose investor's fact in the
    sentence before had a target goes to that target."""
    if not before:
        return []
    investors = {a.ref for a in _parties(match, None)[0]}  # asked first: ``facts_of`` keeps unclaimed sums and sellers
    earlier = next((fact for fact in before if fact.investor in investors), None)
    return [f for f in facts_of(match, sent, topic=earlier.target) if f.investor == earlier.investor] if earlier else []


def _parties(match: FrameMatch, topic: ActorRef | None) -> tuple[list[Argument], list[Argument]]:
    """The investors and targets the match's roles name; a loan's or grant's target may be the buyer
    it finances and an elliptic bare sum's the topic. A target is never also an investor."""
    frame = match.frame
    if match.nominal and stakes.changed_to(match.trigger) is not None:
        return stakes.changed_parties(match, topic)
    investors = [_as_company(a) for a in role_arguments(match, "investor", lambda a: a.ref.kind in ACTOR_KINDS or _named_asset(a))]
    investors = investors or (lending.approving_lenders(match) if frame.form == "loan" and match.nominal else [])
    borrowers = lending.paying_borrowers(match, investors)  # "X will fund part of the price with a loan"
    investors = [i for i in investors if i not in borrowers]
    targets = role_arguments(match, "target", lambda a: _fits(a, frame))
    if not targets and frame.form in {"loan", "grant"}:
        targets = lending.financed_buyer(match) or sums.costed(match) or sums.works_on_asset(match)
    if not targets and topic is not None and ((frame.elliptic and bare_sum(match) and _gives(match, investors)) or _paid_to(match)):
        targets = [Argument(topic)]
    if not targets and topic is not None and ((frame.stake and _bare_share(match)) or (match.nominal and frame.form == "existing holding")):
        targets = [Argument(topic)]
    if not targets and investors:
        targets = _lent_before(match, match.trigger.sent)
    partners = role_arguments(match, "counterpart", lambda a: a.ref.kind in ACTOR_KINDS)
    investors, targets = lending.lenders_and_borrowers(match, investors, targets, partners)
    if frame.form in lending.LENDING_FORMS:  # "Finance Minister X signed the loan agreement with Y": X borrows nothing
        investors = _no_signer(match, investors)
    if frame.target_is_asset:  # "President X inaugurated the plant": she opens it for the state, which paid
        investors = [i for i in investors if not _an_official(match, i)]
    investors += [a for a in _joined_by(match) if all(a.ref.name != i.ref.name for i in investors)]
    named = {t.ref.name for t in targets}
    investors = [i for i in investors if i.ref.name not in named]  # "owner of X and Y" misparsed
    if frame.investor_is_company:
        investors = [i for i in investors if i.ref.kind in {ActorKind.COMPANY, ActorKind.ORGANIZATION}]
    return investors, targets


def _paid_to(match: FrameMatch) -> bool:
    """"It paid $46m to X, which had held the 40 per cent": a price paid to a seller, for nothing named, is
    the price of what the payer was told to hold."""
    paid = match.kind == "verb" and match.trigger.lemma_.lower() in word_list("paying_verbs")
    return paid and not match.slots.get("for") and any(argument_at(h) is not None for h in match.slots.get("to", []))


def _no_signer(match: FrameMatch, investors: list[Argument]) -> list[Argument]:
    """A person who signs a loan or grant signs it for a body: no lender ("X's owner lent the club
    $5m" is one)."""
    signed = clause_verb(match.trigger).lemma_.lower() in lexicon().sign_verbs
    return [i for i in investors if not (signed and i.ref.kind is ActorKind.PERSON)]


def _an_official(match: FrameMatch, investor: Argument) -> bool:
    return investor.ref.kind is ActorKind.PERSON and any(state_title(investor.ref, h) for h in match.slots.get("subject", []))


def _joined_by(match: FrameMatch) -> list[Argument]:
    """"X teamed up with Y to buy Z", "X joined forces with Y to build Z": X and Y do the deal."""
    trigger = match.trigger
    verb = trigger.head if trigger.dep_ in {"xcomp", "advcl", "acl"} and infinitive(trigger) else None
    if verb is not None and verb.dep_ == "pobj" and verb.head.lower_ == "with":  # "to buy Z" hung on Y
        verb = verb.head.head
    if verb is None or verb.lemma_.lower() not in word_list("joining_verbs"):
        return []
    subjects = active_subject(verb) or ([verb.head] if verb.dep_ == "acl" else [])  # "X, partnered with Y, …" misparsed
    return [a for a in arguments([*subjects, *prep_objects(verb, {"with"})]) if a.ref.kind in ACTOR_KINDS]


def _background_holding(fact: Investment, match: FrameMatch) -> bool:
    """"X, which also owns shopping malls and a cement business": a relative clause owning unnamed
    things, with no share or sum, describes the owner; it is no holding one could check ("towers
    owned by X", the things a deal trades, are). So is a count of things an owner is described by
    ("X, the owner of 31 seaside hotels", "X, which also owns wind farms in Y", "which has built 11
    plants in Z"): a portfolio, not one asset."""
    if fact.stake is not None or fact.amount is not None or fact.target.kind is not ActorKind.ASSET:
        return False
    describes = match.trigger.dep_ == "relcl" or match.descriptive
    unnamed = fact.kind == "existing holding" and match.trigger.dep_ == "relcl" and not capitalised(fact.target.name)
    return unnamed or (describes and _a_portfolio(match))


def _a_portfolio(match: FrameMatch) -> bool:
    """The things held or built are an indefinite plural ("wind farms", "31 seaside hotels")."""
    heads = [h for p in ("object", "of") for h in match.slots.get(p, []) if h.pos_ == "NOUN"]
    return bool(heads) and all(h.tag_ == "NNS" and not any(c.dep_ in {"det", "poss"} for c in h.children) for h in heads)


def _held_otherwise(match: FrameMatch) -> bool:
    """"The union held a protest outside the plant in X", "held talks": no stake, share, asset or actor is held."""
    stake_nouns = frame_lexicon().stake_nouns
    return match.kind == "verb" and any(o.pos_ == "NOUN" and o.ent_type_ not in {"PERCENT", "MONEY"} and argument_at(o) is None
                                        and not {o.lemma_.lower(), o.lower_} & stake_nouns for o in match.slots.get("object", []))


def _owners_nationality(match: FrameMatch) -> bool:
    """"Chinese-owned X" tells its owners' nationality, not that the state owns it."""
    owners = match.slots.get("subject", [])
    return hyphenated(match.trigger) and bool(owners) and all(o.ent_type_ == "NORP" for o in owners)


def _named_asset(argument: Argument) -> bool:
    """"Kestrel Towers", "Orsk Ports": a proper name whose last word is an asset's, typed an asset."""
    words = argument.ref.name.split()
    return (argument.ref.kind is ActorKind.ASSET and len(words) > 1 and all(w[:1].isupper() for w in words)
            and {words[-1].lower(), words[-1].lower().removesuffix("s")} & lexicon().asset_heads)


def _as_company(argument: Argument) -> Argument:
    """A named "asset" that pays, buys or lends is the company of that name."""
    return replace(argument, ref=replace(argument.ref, kind=ActorKind.COMPANY)) if _named_asset(argument) else argument


def _keep_unclaimed_sum(match: FrameMatch, target: ActorRef, sent: Span) -> None:
    """"A Saudi-led consortium completed its £300m takeover of Y": a sum paid for a target by no
    one the text names, for a fact of that target stated elsewhere (``retellings.with_unclaimed_sums``)."""
    if match.kind == "verb" and takes_a_deal(match.trigger):
        return  # "Y would receive C$13bn in subsidies": the subsidies' own frame tells whose sum it is
    if match.frame.form in retellings.SUM_FAMILIES and not match.descriptive and _has_money(sent):
        amount = sums.stated_amount(match, share_of_cost=sums.share_of_cost(match))
        if amount is not None:
            kind = retellings.SIZE if match.kind == "sized" else match.frame.form
            unclaimed_sums(sent.doc).append(retellings.Unclaimed(target, amount, kind, evidence_for(sent)))


def _lent_before(match: FrameMatch, sent: Span) -> list[Argument]:
    """"X secured a $200m loan for its mill. The loan was provided by A and B" ("The lenders are A and
    B"): lenders named for the loan just told, with no lender of its own, lend for what it was for
    (its sum joins them through ``retellings.with_unclaimed_sums``); "Y issued notes … X bought $5m
    of the notes": the bonds just told are Y's."""
    family = retellings.FUNDING if match.frame.form in retellings.FUNDING else {"bond"} & {match.frame.form}
    if not family or not _refers_back(match.trigger, match.kind):
        return []
    before = [u for u in unclaimed_sums(sent.doc) if u.kind in family and u.evidence.start <= sent.start_char]  # this sentence too
    reach = sent.doc.char_span(before[-1].evidence.start, sent.start_char, alignment_mode="expand") if before else None
    return [Argument(before[-1].target)] if reach is not None and len(list(reach.sents)) <= BACK_REACH else []


def _refers_back(trigger: Token, kind: str) -> bool:
    """"The loan", "the financing", "the lenders": a definite debt word or the lenders' own noun, with no sum."""
    definite = determined_by(trigger, {"the", "this", "that"})
    sized = any(t.ent_type_ == "MONEY" for t in trigger.subtree)
    return definite and not sized and (kind == "agent" or is_debt(trigger))


def _has_money(sent: Span) -> bool:
    return per_span(sent, "ikg_has_money", lambda span: any(t.ent_type_ == "MONEY" for t in span))


def unclaimed_sums(doc: Doc) -> list[retellings.Unclaimed]:
    """The sums the document states for a target with no investor named (``_keep_unclaimed_sum``)."""
    return per_doc(doc, "ikg_unclaimed_sums", list)


def sellers(doc: Doc) -> dict[tuple[str, str], ActorRef]:
    """Who sold, per (buyer, target) the document's facts name ("X bought Y from Z", "Z sold Y to X")."""
    return per_doc(doc, "ikg_sellers", dict)


def _gives(match: FrameMatch, investors: list[Argument]) -> bool:
    """Who signs a loan agreement may be the borrower: only a giving verb or a lender signing names
    the one who funds."""
    # a "with" phrase on the signing ("signed a deal to build Y, with an investment of $2bn") is the deal's own sum
    signed = clause_verb(match.trigger).lemma_.lower() in {"sign", "ink"} and match.trigger.head.lower_ != "with"
    return not signed or (bool(investors) and lending.lender(investors[0]))


def _bare_share(match: FrameMatch) -> bool:
    """"A will acquire 25 per cent and B 10 per cent": a percentage taken of no target named; "the
    remaining 15 per cent of the shares being sold goes to C": of the shares the deal sells."""
    if _share_of_the_sale(match.trigger) or (match.nominal and stakes.changed_to(match.trigger) is not None):
        return True  # "… its stake will fall to 12%": of the deal's target
    taken = [t for c in match.trigger.children if c.dep_ in {"dobj", "prt"} for t in (c, *c.children) if t.dep_ in {"dobj", "pobj"}]
    of_something = [c for t in taken for c in t.children if c.dep_ == "prep" and c.lower_ in {"of", "in"}]
    held = match.frame.form == "existing holding"  # "A will keep a 25% stake": of what the deal sells
    shares = all(t.ent_type_ == "PERCENT" or (held and unowned_share(t)) for t in taken)
    return bool(taken) and shares and not (of_something or match.slots.get("in") or match.slots.get("of"))


def _share_of_the_sale(trigger: Token) -> bool:
    shares = [t for c in trigger.children if c.dep_ == "nsubj" for t in (c, *c.subtree) if t.ent_type_ == "PERCENT" and not t.like_num]
    sold = [o for t in shares for o in prep_objects(t, {"of"})]
    return bool(shares) and all(o.lemma_.lower() in frame_lexicon().stake_nouns and not children(o, {"poss"}) for o in sold)


def _fits(target: Argument, frame: Frame) -> bool:
    if frame.target_is_asset:
        return target.ref.kind is ActorKind.ASSET
    if frame.named_target:  # "a joint venture between X and Y" names no venture of its own
        return capitalised(target.ref.name)
    return True


def _richer(new: Investment, old: Investment) -> bool:
    score = lambda f: ((f.amount is not None) + (f.stake is not None), f.date is not None)  # noqa: E731  what, then when
    return score(new) > score(old)
