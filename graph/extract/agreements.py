"""Agreements: treaties, MoUs, contracts and deals that parties sign, read through the frame layer.

The agreement frames of ``data/frames.json`` say which nouns name a signed
document, which verbs sign one and which positions hold the parties
(``agreement_frames``); ``agreement_parties`` turns each position's head into
a party, ``agreement_dates`` dates the signing and ``agreement_names`` names
the document. A fact is kept only when the text asserts it
(``status.factuality_of``); its status is the one its clause states ("signed",
"cancelled"). A definite "The agreement was signed on …" tells again the one
just named; a signed new version is one of the same parties.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from graph.extract.agreement_dates import SUBJECTS, lede_date, signing_dates, year_of
from graph.extract.agreement_frames import (
    agreement_kind,
    agreement_lexicon,
    anchor,
    party_heads,
    signs,
    unsigned,
    verb_party_heads,
    verb_phrase,
)
from graph.extract.agreement_names import (
    covered_topics,
    cut_phrase,
    name_of,
    name_preps,
    named_parties,
    plural,
    topic_names,
)
from graph.extract.agreement_parties import Found, between_in, resolve
from graph.extract.common import (
    extend_evidence,
    has_cue,
    is_headline,
    lemma_text,
    per_doc,
    previous_sentence,
    sentences,
    title_line,
    unique,
)
from graph.extract.docmodel import PAIR_KINDS, main_actors
from graph.extract.frames import frame_lexicon, verb_slots
from graph.extract.lending import unnamed_lenders
from graph.extract.lexicon import lexicon
from graph.extract.status import factuality_of, status_of
from graph.extract.roles import children
from graph.extract.tree import determined_by, links_parties, object_of, prep_objects, pruned_subtree, subtree_span
from graph.extract.word_lists import word_list
from graph.model import ActorKind, ActorRef, Agreement, Factuality, PartialDate, Status

RECALL_SENTENCES = 4


def extract(doc: Doc) -> Iterator[Agreement]:
    """Every agreement the doc asserts, a re-mention merged into the one it tells again."""
    found: Found = []
    lede = lede_date(doc)
    unattached(doc).clear()
    signed_with_unnamed_lenders(doc).clear()
    for number, sent in enumerate(sentences(doc)):
        if is_headline(sent) or title_line(sent):
            continue
        for agreement, again in sentence_agreements(sent, number, lede=lede, found=found):
            earlier = _earlier(found, number, agreement) if again else None
            if again and earlier is None:
                agreement = _named_just_before(agreement, sent, number)
            if earlier is not None and _another_kind(found[earlier][1], agreement):
                agreement, earlier = _same_parties(found[earlier][1], agreement), None
            if earlier is not None:
                found[earlier] = (found[earlier][0], _merge(found[earlier][1], agreement, sent, lede=lede))
            elif len(agreement.parties) >= 2:
                found.append((number, agreement))
            elif again:  # "The share purchase agreement was signed on Tuesday": the deals told say whose
                unattached(doc).append(agreement)
    yield from (a for _, a in found)


def signed_with_unnamed_lenders(doc: Doc) -> list[Agreement]:
    """The loans a borrower signed "with five lenders" that the text names after (filled as ``extract`` runs)."""
    return per_doc(doc, "ikg_unnamed_lenders", list)


def unattached(doc: Doc) -> list[Agreement]:
    """The definite mentions of a document ``extract`` found no two parties for (filled as it runs)."""
    return per_doc(doc, "ikg_unattached_agreements", list)


def sentence_agreements(sent: Span, number: int, *, lede: PartialDate | None, found: Found) -> Iterator[tuple[Agreement, bool]]:
    """Each agreement of the sentence, and whether it is a definite re-mention."""
    nouns = [t for t in sent if agreement_kind(t) is not None]
    anchors = set()
    for noun in nouns:
        signer = anchor(noun)
        anchors.add(signer)
        yield from noun_agreements(noun, signer, number, lede=lede, found=found)
    for verb in sent:
        if verb not in anchors and verb.pos_ == "VERB" and verb_phrase(verb) & agreement_lexicon().agree_verbs:
            yield from verb_agreements(verb, number, lede=lede, found=found)
    versions = [t for t in sent if t.pos_ == "NOUN" and t.lemma_.lower() in agreement_lexicon().version_nouns]
    yield from (v for noun in versions if (v := _new_version(noun, number, lede, found)) is not None)


def _new_version(noun: Token, number: int, lede: PartialDate | None, found: Found) -> tuple[Agreement, bool] | None:
    """"Chile and Peru signed a trade agreement in 2010. An updated version was signed in 2018": a
    signed new version of the agreement just told, between its parties; not "a new version of the app"."""
    signer = anchor(noun)
    about = prep_objects(noun, {"of"})
    if signer is None or not found or number - found[-1][0] > RECALL_SENTENCES or not asserted(signer):
        return None
    if about and agreement_kind(about[0]) is None:
        return None
    earlier = found[-1][1]
    signed, effective, evidence = signing_dates(noun.sent, signer, noun, number, lede)
    name = " ".join([*(t.text for t in noun.lefts if t.dep_ in {"amod", "compound"}), earlier.name])
    return Agreement(name, earlier.parties, evidence, date=signed, effective=effective, factuality=Factuality.ASSERTED, status=Status.SIGNED), False


def noun_agreements(noun: Token, signer: Token | None, number: int, *, lede, found: Found) -> Iterator[tuple[Agreement, bool]]:
    """The agreement a noun names, once per topic listed and per counterpart of a plural."""
    trigger = signer or _in_force(noun) or noun
    if not _states_one(noun, signer) or not asserted(trigger):
        return
    sent = noun.sent
    parties = named_parties(noun) or resolve(party_heads(noun, signer), found=found, number=number)
    if not parties and signer is None and _in_force(noun) is not None:  # "Trade between the two countries … under a pact that took effect in 2023"
        parties = resolve(between_in(sent)[:1], found=found, number=number)
    under_a_deal = _under_a_deal(noun)
    if len(parties) < 2 and under_a_deal:  # "X bought Y from Z under a joint venture agreement"
        parties = unique([*parties, *resolve(deal_sides(noun.head.head), found=found, number=number)])
    if not parties and signer is not None and signer.pos_ == "NOUN":
        parties = resolve(between_in(sent)[:1], found=found, number=number)
    if not parties and signer is not None and signer.dep_ == "acl":  # "the two governments agreed … in a pact signed in 2022"
        parties = resolve(children(sent.root, SUBJECTS), found=found, number=number)
        sides = between_in(sent)[:1] if not agreement_kind(noun).weak else []  # "Trade between the two countries is governed by …"
        parties = parties if len(parties) >= 2 else resolve(sides, found=found, number=number)
        parties = parties if len(parties) >= 2 else []
    recorded = _definite(noun) and bool(agreement_kind(noun).records)  # "the sale agreement was signed with Y": the deal's
    if recorded and _signed_by_the_sides(noun, signer):
        parties = []  # "the sale agreement, which the two companies signed on 1 May": the deal's sides, dated
    if len(parties) == 1 and (_signed_with(signer) or under_a_deal) and not recorded:  # "the concession agreement was
        parties = unique([*parties, *main_actors(noun, PAIR_KINDS["company"], 1, local=False)])  # signed with Y in 2008"
    signed, effective, evidence = signing_dates(sent, signer, noun, number, lede, _last_date(found))
    unnamed = _with_unnamed_lenders(noun, signer) and len(parties) == 1  # "signed a loan with five lenders"
    again = (_definite(noun) or unnamed) and len(parties) < 2
    status = status_of(trigger) or (Status.SIGNED if signer is not None else None)
    for name in topic_names(noun):
        for side in _sides(noun, signer, parties, found, number):
            agreement = Agreement(name, side, evidence, date=signed, effective=effective, factuality=Factuality.ASSERTED, status=status)
            if unnamed:
                signed_with_unnamed_lenders(noun.doc).append(agreement)
            yield agreement, again and len(side) < 2


def _with_unnamed_lenders(noun: Token, signer: Token | None) -> bool:
    """"signed a $1.4bn loan with five lenders", "with a group of banks": lenders the text names after."""
    withs = [w for h in (noun, signer) if h is not None for w in prep_objects(h, {"with"})]
    return unnamed_lenders([*withs, *(o for w in withs for o in prep_objects(w, {"of"}))])


def _signed_by_the_sides(noun: Token, signer: Token | None) -> bool:
    """The agreement names no side but a description of them ("the two companies", "the parties")."""
    heads = party_heads(noun, signer)
    return bool(heads) and not named_parties(noun) and all(h.pos_ == "NOUN" and h.tag_ == "NNS" for h in heads)


def _signed_with(signer: Token | None) -> bool:
    """"was signed with Y", "an agreement signed with Y": a passive signing that names its counterpart
    and not its other side, which is the company the story is about."""
    if signer is None or signer.lemma_.lower() not in lexicon().sign_verbs or signer.dep_ == "advcl":
        return False  # not "once an agreement was reached with Y": a condition of another clause
    passive = signer.tag_ == "VBN" and (signer.dep_ == "acl" or any(c.dep_ == "auxpass" for c in signer.children))
    return passive and bool(prep_objects(signer, {"with"})) and not any(c.dep_ == "agent" for c in signer.children)


def asserted(trigger: Token) -> bool:
    """Stated as done: asserted (``status.factuality_of``) and not "has yet to sign"."""
    if factuality_of(trigger) is not Factuality.ASSERTED:
        return False
    above = [trigger, *list(trigger.ancestors)[:2]]
    return not any(c.lower_ == "yet" and t.lemma_ in {"have", "be"} for t in above for c in t.children)


def _states_one(noun: Token, signer: Token | None) -> bool:
    """Signed, or naming its own sides or its name; not "no agreement" or a bare count ("signed
    four MoUs", "12 agreements, including …": the listed ones are the facts)."""
    if unsigned(noun) or _bare_bundle(noun):
        return False
    kind = agreement_kind(noun)
    if signer is not None:
        return kind is None or not kind.signers or (signer.pos_ == "VERB" and signer.lemma_.lower() in kind.signers)
    if kind is None or kind.weak or (plural(noun) and not noun.text[0].isupper() and not links_parties(noun)):
        return False
    return links_parties(noun) or noun.text[0].isupper() or year_of(noun) is not None or _in_force(noun) is not None


def _in_force(noun: Token) -> Token | None:
    """"The pact entered into force in 2023", "under a partnership agreement that took effect in
    2023": an agreement in force was signed; the clause that says so (what must be asserted)."""
    cues = lexicon().effective_cues
    if noun.dep_ in {"nsubj", "nsubjpass"} and has_cue(lemma_text(noun.sent), cues):
        return noun
    return next((c for c in noun.children if c.dep_ in {"relcl", "acl"} and has_cue(lemma_text(subtree_span(c)), cues)), None)


def _bare_bundle(noun: Token) -> bool:
    """"numerous agreements and memoranda": a count of unnamed documents, not a fact one can check."""
    if not plural(noun) or noun.text[0].isupper() or covered_topics(noun) or _signed_by_a_list(noun):
        return False
    content = [t for t in noun.lefts if t.dep_ in {"compound", "amod", "nmod"} and t.lower_ not in word_list("vague_modifiers") and not t.like_num]
    return not content and not [p for p in name_preps(noun) if p.lower_ != "of"] and not links_parties(noun)


def _signed_by_a_list(noun: Token) -> bool:
    """"A, B and C signed agreements on …": documents neither counted nor listed bind the signers named
    ("signed 12 agreements, including …" states the ones listed)."""
    verb = noun.head if noun.dep_ == "dobj" else None
    counted = any(c.dep_ in {"nummod", "prep", "acl"} for c in noun.children)
    return verb is not None and not counted and signs(verb) and any(s.dep_ == "nsubj" and s.conjuncts for s in verb.children)


def _under_a_deal(noun: Token) -> bool:
    """An indefinite agreement noun after "under" on a verb: the document the clause's deal is done under."""
    indefinite = not any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in noun.children)  # not "the agreement"
    return indefinite and noun.dep_ == "pobj" and noun.head.lower_ == "under" and noun.head.head.pos_ == "VERB"


def deal_sides(verb: Token) -> list[Token]:
    """Who deals in a clause: its subject and the one it (or what it agrees to do) buys from, sells
    to or deals with (or who owns what it buys from: "agreed to buy electricity from a plant that
    W is building")."""
    actions = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    sides = [o for action in actions for t in _own_phrases(action) if t.dep_ in {"prep", "dative"} and t.lower_ in {"from", "to", "with"}
             for o in t.children if o.dep_ == "pobj"]
    owners = [s for o in sides for c in o.children if c.dep_ == "relcl" for s in children(c, SUBJECTS)]
    held = [o for action in actions for c in action.children if c.dep_ == "dobj" and c.lemma_.lower() in frame_lexicon().stake_nouns
            for o in prep_objects(c, {"in"})]  # "will take a 20 per cent stake in Y": the company that sells its new shares
    return [*verb_slots(verb).get("subject", []), *sides, *owners, *_recipients(verb), *held]


def _recipients(verb: Token) -> list[Token]:
    """Who the dealer gives to, on the verb or what it undertakes to do: "lent Chile $2bn",
    "undertook to provide Bishkek with military aid"."""
    found: list[Token] = []
    for giving in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
        found += [c for c in giving.children if c.dep_ == "dative"]
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in giving.children):
            found += [c for c in giving.children if c.dep_ == "dobj"]
    return found


def _own_phrases(verb: Token) -> list[Token]:
    """The words of the verb's own phrases, not of its clauses ("sites, which stretch from A to B")
    nor of the "under" phrase."""
    clauses = {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis"}
    return [t for c in verb.children if c.lower_ != "under" and c.dep_ not in clauses for t in pruned_subtree(c, clauses)]


def _sides(noun: Token, signer: Token | None, parties: list[ActorRef], found: Found, number: int) -> list[tuple[ActorRef, ...]]:
    """A plural noun signed "with" several named counterparts, or named after them ("the Huaxin and
    Orsk loan agreements"), is one agreement with each; else one."""
    holder = signer if signer is not None and signer.pos_ == "VERB" else noun
    withs = prep_objects(noun, {"with"}) + prep_objects(holder, {"with"})
    named = _named_sides(noun, found, number) if plural(noun) and not withs else []
    if len(named) >= 2 and (signers := [p for p in parties if p.name not in {n.name for n in named}]):
        return [(*signers, other) for other in named]
    if not plural(noun) or not withs or withs[0].pos_ == "NOUN":
        return [tuple(parties)]
    others = {r.name for r in resolve(withs[:1], found=found, number=number)}
    signers = [p for p in parties if p.name not in others]
    counterparts = [p for p in parties if p.name in others]
    if len(counterparts) < 2 or not signers:
        return [tuple(parties)]
    return [(*signers, other) for other in counterparts]


def _named_sides(noun: Token, found: Found, number: int) -> list[ActorRef]:
    """The actors the names before a plural document noun name, one each ("the Huaxin and Orsk agreements")."""
    names = [c for c in noun.lefts if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"]
    return unique([r for name in names for r in resolve([name], found=found, number=number)])


# --- agreeing verbs ----------------------------------------------------------


def verb_agreements(verb: Token, number: int, *, lede, found: Found) -> Iterator[tuple[Agreement, bool]]:
    """"X agreed with Y to …", "X and Y agreed on a route", "X settled with Y": an agreement
    without a noun; agreeing to talk or to sign one is none yet; "each" makes one per subject."""
    action = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX"}), None)
    topic = _topic(verb)
    not_yet = action is not None and bool(_doing(action) & agreement_lexicon().not_agreed)
    nothing = action is None and topic is None and not any(c.dep_ in {"dobj", "prep"} for c in verb.children)
    if not_yet or nothing or not asserted(verb):
        return
    subjects = resolve(verb_slots(verb).get("subject", []), found=found, number=number)
    parties = resolve(verb_party_heads(verb, action), found=found, number=number)
    if len(parties) < 2:
        return
    others = tuple(p for p in parties if p.name not in {s.name for s in subjects})
    sides = [(s, *others) for s in subjects] if _each(verb) and others else [tuple(parties)]
    signed, effective, evidence = signing_dates(verb.sent, verb, None, number, lede, _last_date(found))
    name = _verb_name(verb, action, topic)
    for side in sides:
        yield Agreement(name, side, evidence, date=signed, effective=effective, factuality=Factuality.ASSERTED, status=status_of(verb)), False


def _doing(action: Token) -> set[str]:
    """What one agrees to do: the verb, and the verb with its object ("begin negotiation")."""
    lemma = action.lemma_.lower()
    return {lemma, *(f"{lemma} {o.lemma_.lower()}" for o in action.children if o.dep_ == "dobj")}


def _topic(verb: Token) -> Token | None:
    """The object of "on"/"upon" after an agreeing verb: what was agreed, unless it is a date."""
    objects = (object_of(p) for p in verb.children if p.dep_ == "prep" and p.lower_ in {"on", "upon"})
    return next((obj for obj in objects if obj is not None and obj.ent_type_ not in {"DATE", "TIME"}), None)


def _each(verb: Token) -> bool:
    """"each" on the verb or its subject: separate agreements, one per subject."""
    subjects = [s for s in verb.children if s.dep_ == "nsubj"]
    return any(t.lower_ == "each" for s in subjects for t in s.subtree) or any(c.lower_ == "each" for c in verb.children)


def _verb_name(verb: Token, action: Token | None, topic: Token | None) -> str:
    """The name of an agreement a verb states: what it agrees to do, what it agrees on, or the
    verb's noun with its object ("settlement of the dispute")."""
    if action is not None:
        return "agreement to " + _phrase(action)
    if topic is not None:
        return "agreement on " + _phrase(topic.head.head if topic.head.dep_ == "prep" else topic, start=topic.left_edge.i)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    noun = {"settle": "settlement", "partner": "partnership"}.get(verb.lemma_.lower(), "agreement")
    return f"{noun} of {_phrase(obj, start=obj.left_edge.i)}" if obj is not None else noun


def _phrase(head: Token, *, start: int | None = None) -> str:
    """Words from ``start`` (the head) to its phrase's end, cut before a counterpart, a date or a clause."""
    words = head.doc[start if start is not None else head.i : head.right_edge.i + 1]
    return cut_phrase(words, {"with", ",", "by", "between", "which", "that"})


# --- dates and re-mentions ---------------------------------------------------


def _last_date(found: Found) -> PartialDate | None:
    """The signing date of the last dated agreement told so far."""
    return next((a.date for _, a in reversed(found) if a.date is not None), None)


def _definite(noun: Token) -> bool:
    return determined_by(noun, {"the", "this", "that"})


def _earlier(found: Found, number: int, agreement: Agreement) -> int | None:
    """The recent agreement a definite re-mention tells again: one sharing a party, else one of its
    noun; further back, only an undated one of its noun sharing a party ("the rail contract between
    Kenya and X" in the lede, "X was awarded the contract in 2014" paragraphs later)."""
    names = {p.name for p in agreement.parties}
    word = agreement.name.split()[-1].lower() if agreement.name else ""
    for i in range(len(found) - 1, -1, -1):
        where, earlier = found[i]
        shared = bool(names & {p.name for p in earlier.parties})
        if number - where > RECALL_SENTENCES:
            if shared and earlier.date is None and word == earlier.name.split()[-1].lower():
                return i
            continue
        if shared or (not names and word in earlier.name.lower()):
            return i
    return None


def _another_kind(first: Agreement, again: Agreement) -> bool:
    """"Chile and Peru signed an agreement on the port on 2 May. The credit agreement, signed on
    9 June, …": a definite mention of another kind of document with a signing date of its own is
    a second agreement, not the first told again."""
    kind = again.name.split()[0].lower() if len(again.name.split()) > 1 else ""
    dated = again.date is not None and first.date is not None and again.date != first.date
    agreed = first.name.startswith(("agreement to ", "agreement on "))  # "X agreed to buy Y": the document it signed
    return dated and bool(kind) and not agreed and kind not in first.name.lower().split()


def _same_parties(first: Agreement, again: Agreement) -> Agreement:
    """The second agreement, signed by the parties of the first where it names none of its own."""
    return again if len(again.parties) >= 2 else replace(again, parties=tuple(unique([*first.parties, *again.parties])))


def _named_just_before(agreement: Agreement, sent: Span, number: int) -> Agreement:
    """"… make full use of the EU–Peru Free Trade Agreement. The agreement was signed in Lima on …":
    a definite signing with no party tells the signing of the agreement the sentence before names
    with its sides, even where that sentence only talked about it (a condition, a hope)."""
    earlier = previous_sentence(sent)
    nouns = [t for t in earlier if agreement_kind(t) is not None] if earlier is not None else []
    for noun in nouns:
        parties = named_parties(noun) or resolve(party_heads(noun, None), found=[], number=number)
        if len(parties) >= 2:
            return replace(agreement, name=name_of(noun), parties=tuple(unique([*agreement.parties, *parties])))
    return agreement


def _merge(first: Agreement, again: Agreement, sent: Span, *, lede: PartialDate | None) -> Agreement:
    """One agreement told twice; a re-mention's own signing date ("the agreement, which was signed
    on July 8") beats the news date the first mention was given for want of one."""
    name = again.name if len(again.name.split()) > len(first.name.split()) else first.name
    parties = unique([*first.parties, *(p for p in again.parties if p.kind is not ActorKind.PERSON)])
    date = again.date if again.date is not None and first.date in {None, lede} else first.date
    merged = replace(first, name=name, parties=tuple(parties), date=date, effective=first.effective or again.effective)
    return replace(merged, evidence=extend_evidence(first.evidence, sent))
