"""Agreements: treaties, MoUs, contracts and deals that parties sign.

An agreement noun counts when a signing verb governs it ("signed a loan
agreement", "the agreement signed with X", "the signing of the Framework
Agreement"), when it links parties ("agreements between X and Y"), is a
capitalised name, or takes effect. Talk about a deal that is not signed
("could sign", "talks on a deal", "no agreement has been reached") is not
one. "signed 12 agreements, including an MoU on X and a loan agreement" gives
one fact per named agreement.

Parties come from the signer ("X and Y signed", "signed by X"), the
counterpart ("with Y", "between X and Y"), and, where news leaves them to the
reader, from context: "the government" is the article's country, "the two
governments" its two countries, "They" the parties just named, and a signing
with only a counterpart ("the agreement signed with HRADF") was signed by the
company or country the previous sentences are about.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from graph.extract.actors import find_actors
from graph.extract.agreement_dates import (
    clause_verb,
    main_clause_date,
    paragraph_signing_date,
    split_dates,
    year_of,
)
from graph.extract.agreement_names import (
    VAGUE,
    WEAK_HEADS,
    is_head,
    joined,
    left_words,
    name_of,
    name_preps,
    named_parties,
    plural,
    singular,
    topic_names,
)
from graph.extract.agreement_parties import (
    INCLUDING,
    PARTY_PREPS,
    Context,
    counterparts_of,
    definite,
    known_names,
    unique,
)
from graph.extract.agreement_parties import parties as find_parties
from graph.extract.agreement_verbs import verb_agreements
from graph.extract.common import (
    evidence_for,
    extend_evidence,
    has_cue,
    is_headline,
    lemma_text,
    next_sentence,
    starts_with_anaphora,
)
from graph.extract.lexicon import lexicon
from graph.model import ActorKind, ActorRef, Agreement, PartialDate

# verbs and nouns that make a governed signing a plan, a wish or a negotiation
NOT_DONE = frozenset({"threaten", "expect", "plan", "hope", "aim", "seek", "want", "intend", "prepare", "propose", "consider", "negotiate", "discuss", "try", "fail", "refuse", "set", "due", "ready", "willing", "likely", "able", "talk", "negotiation", "discussion", "proposal", "draft", "push", "pursue", "call", "urge", "could", "would", "reject", "oppose", "block", "veto"})
# "cancelled a partnership under which X was to build …": only a signed agreement can be cancelled
CANCEL_VERBS = frozenset({"cancel", "scrap", "terminate", "annul", "revoke", "rescind"})
UNSIGNED_KINDS = frozenset({"draft", "proposed", "planned", "possible", "potential", "future", "prospective", "mooted"})
NOT_DONE_AUX = frozenset({"could", "might", "may", "would", "should", "will", "shall", "can", "'ll", "must"})
# "The MoUs cover X and Y": verbs that list what a batch of agreements is about
COVER_VERBS = frozenset({"cover", "include", "concern", "involve", "span", "address", "relate", "focus", "deal", "encompass"})
BUNDLE_SENTENCES = 6
# "An expanded version … was signed in 2016": a new agreement of the one just told
VERSION_WORDS = frozenset({"version", "update", "extension", "amendment", "revision", "upgrade"})
LEDE_SENTENCES = 15
RECALL_SENTENCES = 4


def extract(doc: Doc) -> Iterator[Agreement]:
    """Every agreement the doc states.

    "This marks … a free trade agreement …, set to come into effect on July 1"
    right after a signing completes the agreement signed, not a new one; "The
    agreement on X was signed by …" (no date of its own) a few sentences after a
    signing is that signing told again.
    """
    ctx = _context(doc)
    found: list[tuple[int, Agreement]] = []
    for number, sent in enumerate(doc.sents):
        if is_headline(sent) or _title_line(sent):
            continue
        for agreement, told_again in _agreements(sent, ctx, number):
            earlier = _earlier(found, number, agreement) if told_again else None
            if earlier is not None:
                found[earlier] = (found[earlier][0], _merge(found[earlier][1], agreement, sent))
            elif found and found[-1][0] == number - 1 and starts_with_anaphora(sent, {"mark", "agreement", "deal", "accord"}) and not _dated_apart(found[-1][1], agreement):
                found[-1] = (number, _follow_up(found[-1][1], agreement, sent))
            elif len(agreement.parties) < 2:
                continue
            else:
                found.append((number, agreement))
            ctx.recent, ctx.recent_name = (number, found[-1][1].parties), found[-1][1].name
    yield from (a for _, a in found)


def _dated_apart(first: Agreement, then: Agreement) -> bool:
    """Signed on another day: another agreement, however the sentence opens."""
    return first.date is not None and then.date is not None and first.date != then.date


def _title_line(sent: Span) -> bool:
    """The article's first line without a full stop: its title, told again in the body."""
    return sent.start == 0 and sent.text.rstrip()[-1:] not in {".", "!", "?", '"'}


def _context(doc: Doc) -> Context:
    counts = Counter(a.ref.name for a in find_actors(doc) if a.ref.kind is ActorKind.COUNTRY)
    sents = [s for s in doc.sents if not is_headline(s)][:3]
    lede = next((d for s in sents if main_clause_date(s) and (d := split_dates(s, s.root)[0]) is not None), None)
    companies = Counter(a.ref.name for a in find_actors(doc) if a.ref.kind is ActorKind.COMPANY)
    return Context([name for name, _ in counts.most_common()], lede, names=known_names(doc), companies=companies)


def _earlier(found: list[tuple[int, Agreement]], number: int, agreement: Agreement) -> int | None:
    """The recent agreement a definite, undated "The agreement …" tells again."""
    names = {p.name for p in agreement.parties}
    if not names:  # "The agreement was signed on …", "The concession took effect …": the one just named
        word = agreement.name.split()[-1].lower()
        near = [i for i, (where, earlier) in enumerate(found) if number - where <= RECALL_SENTENCES and word in earlier.name.lower()]
        return near[-1] if near else None
    for i in range(len(found) - 1, -1, -1):
        where, earlier = found[i]
        if number - where > RECALL_SENTENCES:
            return None
        if names & {p.name for p in earlier.parties}:
            return i
    return None


def _merge(first: Agreement, again: Agreement, sent: Span) -> Agreement:
    name = again.name if len(again.name.split()) > len(first.name.split()) else first.name
    parties = unique([*first.parties, *(p for p in again.parties if p.kind is not ActorKind.PERSON)])
    told = again.date if not again.parties else None  # a bare "The agreement was signed on …" dates it
    merged = replace(first, name=name, parties=tuple(parties), date=first.date or told, effective=first.effective or again.effective)
    return replace(merged, evidence=extend_evidence(first.evidence, sent)) if not again.parties else merged


def _follow_up(signed: Agreement, follow: Agreement, sent: Span) -> Agreement:
    name = follow.name if len(follow.name.split()) > len(signed.name.split()) else signed.name
    return replace(
        signed,
        name=name,
        effective=signed.effective or follow.effective,
        date=signed.date or follow.date,
        evidence=extend_evidence(signed.evidence, sent),
    )


def _agreements(sent: Span, ctx: Context, number: int) -> Iterator[tuple[Agreement, bool]]:
    """Each agreement of the sentence, and whether it is a definite re-mention."""
    heads = _heads(sent)
    listed = yield from _bundle_topics(sent, ctx, number)
    yield from _new_versions(sent, ctx, number)
    before: list[ActorRef] = []  # parties of the sentence's agreements so far
    for head, anchor in heads:
        if _umbrella(head, heads) or head in listed:
            continue
        if _follows(head):  # the same parties, on a later day the sentence does not give
            if len(before) >= 2:
                yield Agreement(name_of(head), tuple(before), evidence_for(sent)), False
            continue
        if _bare_bundle(head) and not _has_party_prep(head, anchor):
            _remember_bundle(head, anchor, sent, ctx, number)
            continue
        parties = named_parties(head) or find_parties(head, anchor, sent, ctx, number, name_end=max([p.right_edge.i for p in name_preps(head)] + [head.i]))
        signed, effective, evidence = _dates(sent, anchor)
        signed = signed or year_of(head)
        again = signed is None and definite(head)
        if not parties and definite(head) and (signed or effective):
            yield _unnamed_parties(head, ctx, number, Agreement(name_of(head), (), evidence, date=signed, effective=effective))
            continue
        if len(parties) < (1 if again else 2):
            continue
        if signed is None:  # a re-mention that merges keeps the date it first had
            signed = _undated(sent, anchor, ctx, number)
        for name in topic_names(head):
            for side in _bilateral(head, anchor, parties, ctx, number):
                before = unique([*before, *side])
                yield Agreement(name, side, evidence, date=signed, effective=effective), again
    for verb, name, sides in verb_agreements(sent, ctx, number):
        if any(anchor == verb for _, anchor in heads) or not _done(verb):
            continue
        signed, effective, evidence = _dates(sent, verb)
        signed = signed or _undated(sent, verb, ctx, number)
        yield from ((Agreement(name, side, evidence, date=signed, effective=effective), False) for side in sides)


def _unnamed_parties(head: Token, ctx: Context, number: int, bare: Agreement) -> tuple[Agreement, bool]:
    """A dated "The agreement …" naming no party: "The agreement was signed on …" tells again
    the one just named; "The credit agreement, signed last month, …" right after an
    intergovernmental one is another agreement of the same parties."""
    recent = ctx.recent
    other_kind = len(left_words(head)) > 1 and bare.name.lower() not in ctx.recent_name.lower()
    if recent is not None and number - recent[0] <= 1 and other_kind and bare.date is not None:
        return replace(bare, parties=recent[1]), False
    return bare, True


def _bilateral(head: Token, anchor: Token | None, parties: list[ActorRef], ctx: Context, number: int) -> list[tuple[ActorRef, ...]]:
    """"Vietnam signed strategic partnerships with the US, Japan and Australia": one
    agreement with each counterpart; a singular noun ("a treaty with A and B") is one."""
    if not plural(head) or _group_counterpart(head, anchor):
        return [tuple(parties)]
    others = counterparts_of(head, anchor, ctx, number)
    signers = [p for p in parties if p.name not in {o.name for o in others}]
    if len(others) < 2 or not signers:
        return [tuple(parties)]
    return [(*signers, other) for other in others]


def _group_counterpart(head: Token, anchor: Token | None) -> bool:
    """"with four US and French banks": one group named by a common noun, not a list of parties."""
    holders = [head] if anchor is None else [head, anchor]
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPS]
    return any(o.pos_ == "NOUN" for p in preps for o in p.children if o.dep_ == "pobj")


def _remember_bundle(head: Token, anchor: Token | None, sent: Span, ctx: Context, number: int) -> None:
    """"the two countries signed four MoUs": who signed the batch and when, for the sentence that names them."""
    if anchor is None:
        return
    found = find_parties(head, anchor, sent, ctx, number, name_end=head.i)
    signed, _, _ = _dates(sent, anchor)
    if len(found) >= 2:
        ctx.bundle = (number, tuple(found), signed or _undated(sent, anchor, ctx, number))


def _bundle_topics(sent: Span, ctx: Context, number: int) -> Generator[tuple[Agreement, bool], None, set[Token]]:
    """"The MoUs cover energy, health and culture" after "… signed four MoUs": one
    agreement per topic, signed by the batch's parties on its date. Returns the heads used."""
    used: set[Token] = set()
    if ctx.bundle is None or number - ctx.bundle[0] > BUNDLE_SENTENCES:
        return used
    _, parties, signed = ctx.bundle
    for head in sent:
        verb = head.head
        if not (is_head(head) and plural(head) and definite(head) and head.dep_ == "nsubj" and verb.lemma_.lower() in COVER_VERBS):
            continue
        topics = [c for c in verb.children if c.dep_ == "dobj"] + [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for topic in (t for first in topics[:1] for t in (first, *first.conjuncts)):
            words = [t for t in head.doc[topic.left_edge.i : topic.i + 1] if t.dep_ not in {"cc", "punct", "det"}]
            name = f"{singular(head)} on {joined(words)}"
            yield Agreement(name, parties, evidence_for(sent), date=signed), False
            used.add(head)
    return used


def _new_versions(sent: Span, ctx: Context, number: int) -> Iterator[tuple[Agreement, bool]]:
    """"India and Chile signed a trade agreement in 2006. An expanded version was signed in
    2016": a signed version of the agreement just told, between the same parties."""
    if ctx.recent is None or number - ctx.recent[0] > 1 or not ctx.recent_name:
        return
    for token in sent:
        if token.lemma_.lower() not in VERSION_WORDS or token.pos_ != "NOUN" or definite(token):
            continue
        anchor, _ = _anchor(token)
        if anchor is None or not _done(anchor) or not _passive(anchor):
            continue
        signed, effective, evidence = _dates(sent, anchor)
        if signed is not None:
            kind = " ".join(t.text for t in token.lefts if t.dep_ in {"amod", "compound"})
            yield Agreement(f"{kind} {ctx.recent_name}".strip(), ctx.recent[1], evidence, date=signed, effective=effective), False


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _bare_bundle(head: Token) -> bool:
    """"numerous agreements and memoranda": a count of unnamed documents, not a fact one can check."""
    if head.tag_ not in {"NNS", "NNPS"} and head.lower_ not in {"memoranda", "mous"}:
        return False
    content = [t for t in head.lefts if t.dep_ in {"compound", "amod", "nmod"} and t.lower_ not in VAGUE and not t.like_num]
    topic = [p for p in name_preps(head) if p.lower_ != "of"]
    return not content and not topic


def _has_party_prep(head: Token, anchor: Token | None) -> bool:
    holders = [head] if anchor is None else [head, anchor]
    return any(c.dep_ == "prep" and c.lower_ in PARTY_PREPS for h in holders for c in h.children)


# --- which nouns are agreements -------------------------------------------


def _heads(sent: Span) -> list[tuple[Token, Token | None]]:
    """Agreement nouns the sentence states as signed, with the signing word."""
    out = []
    for token in sent:
        if not is_head(token) or _negated(token) or token.dep_ == "compound":  # "Treaty Organization"
            continue
        anchor, nested = _anchor(token)
        if nested:
            continue
        if anchor is not None and _done(anchor):
            out.append((token, anchor))
        elif anchor is None and (_stated(token, sent) or _follows(token)):
            out.append((token, None))
    return out


def _follows(head: Token) -> bool:
    """"signed framework agreements …, followed by executive contracts": the agreements that came after."""
    return head.head.dep_ == "agent" and head.head.head.lemma_.lower() == "follow"


def _anchor(head: Token) -> tuple[Token | None, bool]:
    """The signing verb or noun governing ``head``; and whether ``head`` only
    names part of another agreement ("a memorandum on a future trade deal")."""
    signs = _sign_lemmas()
    token, via_conj = head, False
    for _ in range(10):
        acl = next((c for c in token.children if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in signs), None)
        if acl is not None:
            return acl, False
        parent = token.head
        if parent == token:
            return None, False
        via_conj = via_conj or token.dep_ == "conj" or (token.dep_ == "prep" and token.lower_ in INCLUDING)
        if token is not head and is_head(token) and token.dep_ != "conj" and not via_conj and parent.lower_ not in INCLUDING:
            return None, True
        if parent.lemma_.lower() in signs | CANCEL_VERBS or (parent.lemma_ == "enter" and token.lower_ == "into"):
            if token.pos_ == "VERB" and token is not head and head.lemma_.lower() in WEAK_HEADS:
                return None, False  # "agreed to raise relations to a partnership": no partnership signed
            return parent, False
        if parent.pos_ in {"VERB", "AUX"} and parent.dep_ != "prep" and token.dep_ != "prep":
            return None, False
        token = parent
    return None, False


def _sign_lemmas() -> frozenset[str]:
    return frozenset(v for v in lexicon().sign_verbs if " " not in v)


def _negated(head: Token) -> bool:
    """"no agreement has been reached", "a draft agreement"."""
    return any(
        (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ in {"amod", "compound"} and c.lower_ in UNSIGNED_KINDS)
        for c in head.children
    )


def _done(anchor: Token) -> bool:
    """A signing stated as done: not negated, not modal, not planned or talked about."""
    token = anchor
    while True:
        for child in token.children:
            if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in NOT_DONE_AUX):
                return False
            if child.lower_ == "yet" and token.lemma_ in {"have", "be"}:  # "has yet to sign"
                return False
            if child.dep_ == "mark" and child.lower_ in {"if", "whether", "unless"}:
                return False
        if token.dep_ not in {"xcomp", "ccomp", "conj", "pcomp", "pobj", "prep", "acomp", "advcl"} or token.head == token:
            return True
        token = token.head
        if token.lemma_.lower() in NOT_DONE:
            return False


def _stated(head: Token, sent: Span) -> bool:
    """No signing verb: the noun still states an agreement when it links
    parties, is a proper name or takes effect, and is not being negotiated."""
    if head.lemma_.lower() in WEAK_HEADS or any(a.lemma_.lower() in NOT_DONE for a in head.ancestors):
        return False
    between = any(c.dep_ == "prep" and c.lower_ in PARTY_PREPS for c in head.children)
    takes_effect = head.dep_ in {"nsubj", "nsubjpass"} and has_cue(lemma_text(sent), lexicon().effective_cues)
    return between or head.text[0].isupper() or year_of(head) is not None or (takes_effect and _done(head.head))


def _umbrella(head: Token, heads: list[tuple[Token, Token | None]]) -> bool:
    """"12 agreements, including an MoU …": the listed ones are the facts."""
    for child in head.children:
        listed = child.dep_ == "prep" and child.lower_ in INCLUDING
        if listed and any(h is not head and child.i <= h.i <= child.right_edge.i for h, _ in heads):
            return True
    return False


# --- dates ------------------------------------------------------------------


def _dates(sent: Span, anchor: Token | None) -> tuple[PartialDate | None, PartialDate | None, object]:
    """Signing date, effective date, and the evidence that states them."""
    signed, effective = split_dates(sent, anchor)
    if anchor is None or anchor.lemma_.lower() in CANCEL_VERBS:  # "pulled out of the treaty in 2023", "cancelled it in May"
        signed = None
    evidence = evidence_for(sent)
    follow = next_sentence(sent)
    told = _ceremony_date(follow) if signed is None and anchor is not None and anchor.lemma_.lower() not in CANCEL_VERBS and follow is not None else None
    if told is not None:
        signed, evidence = told, evidence_for(sent, follow)
    if effective is None and follow is not None and not _heads(follow):
        _, effective = split_dates(follow)
        if effective is not None:
            evidence = evidence_for(sent, follow)
    return signed, effective, evidence


def _ceremony_date(follow: Span) -> PartialDate | None:
    """"BYD signed an agreement … . Erdoğan attended the signing ceremony in Istanbul on
    8 July 2024": the next sentence dates the signing by naming it, without a new agreement."""
    if _heads(follow):
        return None
    signing = next((t for t in follow if (t.lower_ == "signing" and t.pos_ == "NOUN") or (t.lower_ == "ceremony" and t.i > 0 and t.nbor(-1).lower_ == "signing")), None)
    if signing is None:
        return None
    signed, _ = split_dates(follow, signing)
    return signed


def _undated(sent: Span, anchor: Token | None, ctx: Context, number: int) -> PartialDate | None:
    """A signing the sentence does not date: its paragraph's date, or, early in
    the article and in the simple past, the date of the news itself."""
    if anchor is None or anchor.lemma_.lower() in CANCEL_VERBS or _unread_date(sent, anchor) or _told_later(anchor):
        return None
    near = paragraph_signing_date(sent)
    if near is not None:
        return near
    if number > LEDE_SENTENCES or not _simple_past(anchor):
        return None
    return ctx.lede


def _unread_date(sent: Span, anchor: Token) -> bool:
    """"signed … on March 13 this year" with a date the parser cannot read: the signing
    has a date of its own, so no other sentence's date is borrowed for it."""
    own = [e for e in sent.ents if e.label_ == "DATE" and clause_verb(e.root) == clause_verb(anchor)]
    return any(t.like_num for e in own for t in e)  # "on the same day" refers back; a day number does not


def _told_later(anchor: Token) -> bool:
    """"each later agreed …": after the time just told, on a day the text does not give."""
    return any(c.dep_ == "advmod" and c.lower_ in {"later", "subsequently", "afterwards", "since"} for c in anchor.children)


def _simple_past(anchor: Token) -> bool:
    """"signed", and "witnessed the signing of": a signing told as done at the time of the news."""
    return anchor.tag_ == "VBD" or (anchor.pos_ == "NOUN" and anchor.head.tag_ == "VBD" and anchor.head.pos_ == "VERB")
