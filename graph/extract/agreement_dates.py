"""When an agreement was signed and took effect: the signing verb's own clause dates the signing,
an effective cue ("entered into force on") the entry into force; an expiry ("valid until") is
neither, and a date inside another subordinate clause dates that clause only. Where the
signing sentence states no date, the next sentence's signing ceremony, "the same day" of the last
signing, the paragraph's date or, early in the news, the news's own date stand for it.
"""

from __future__ import annotations

import re
from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from graph.extract.agreement_frames import agreement_kind, signs
from graph.extract.clauses import clause_verb
from graph.extract.common import (
    dateline,
    dates_in,
    entities_in,
    evidence_for,
    has_cue,
    is_headline,
    lemma_text,
    next_sentence,
    previous_sentence,
    published,
    sentences,
)
from graph.extract.context import earlier_sentences
from graph.extract.lexicon import lexicon
from graph.extract.roles import children
from graph.extract.tree import determined_by, marked, prep_objects, within
from graph.extract.word_lists import word_list
from graph.model import Evidence, PartialDate

# "while X signed …" is a clause of its own; "when X visited in 2019, Y signed" dates the signing
CONTRAST = frozenset({"while", "whereas", "although", "though"})
WHEN = frozenset({"when", "as", "during"})
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
SIGNED_AGAIN_REACH = 4  # sentences after a signing within which "The documents were signed on …" dates it


def split_dates(sent: Span, anchor: Token | None = None) -> tuple[PartialDate | None, PartialDate | None]:
    """"signed in July 2002, which entered into force on 1 July 2003"; "valid until" is neither.
    The signing date is one of the signing verb's own clause when there is one
    ("X agreed in 2015 to lend …; the two governments signed … in November 2015")."""
    cues = lexicon().effective_cues
    signing: list[tuple[bool, PartialDate]] = []
    effective = None
    for ent, value in dates_in(sent):
        before = lemma_text(sent.doc[max(sent.start, ent.start - 6) : ent.start])
        near = lemma_text(sent.doc[max(sent.start, ent.start - 2) : ent.start])
        if has_cue(near, word_list("expiry_cues")) or dateline(ent):
            continue
        if has_cue(before, cues):
            effective = effective or value
        elif anchor is None or not _other_clause(ent, anchor):
            signing.append((anchor is not None and clause_verb(ent.root) == clause_verb(anchor), value))
    own = [value for mine, value in signing if mine]
    return (own or [value for _, value in signing] or [None])[0], effective


def _other_clause(ent: Span, anchor: Token) -> bool:
    """A date in another clause with a subject of its own, not one above the signing, is that
    clause's ("since X bought a stake in 2016, while Y has signed …")."""
    verb, mine = clause_verb(ent.root), clause_verb(anchor)
    if verb == mine:
        return False
    below = takewhile(lambda a: a != mine, [ent.root, *ent.root.ancestors])  # the date's words up to the signing
    if mine in ent.root.ancestors and any(a.dep_ == "relcl" for a in below):
        return True  # "signed an agreement for a complex, which … would start operating in 2028"
    if children(mine, SUBJECTS) and marked(mine, CONTRAST):
        return not within(ent.root, mine)
    if verb in anchor.ancestors:
        return False
    return bool(children(verb, SUBJECTS)) and not marked(verb, WHEN)


def paragraph_signing_date(sent: Span) -> PartialDate | None:
    """The signing date an earlier sentence of the paragraph states ("In 2019, … . They signed …")."""
    earlier = earlier_sentences(sent, limit=3, paragraph=True)
    return next((signed for s in earlier if (signed := split_dates(s, s.root)[0]) is not None and main_clause_date(s)), None)


def main_clause_date(sent: Span) -> bool:
    """A date of the main clause: one inside a subordinate clause dates that clause only."""
    return any(clause_verb(ent.root) == sent.root for ent, _ in dates_in(sent))


def year_of(head: Token) -> PartialDate | None:
    """A year in front of the noun is the year it was signed ("a 2016 credit agreement"); a year
    not yet come is a target, not a signing."""
    day = published(head.doc)
    for token in head.doc[head.left_edge.i : head.i]:
        if token.ent_type_ == "DATE" and token.is_digit and len(token.text) == 4 and token.head.i <= head.i:
            year = int(token.text)
            if 1900 < year and (day is None or year <= day.year):
                return PartialDate(year)
    return None


# --- dates a signing sentence leaves unsaid -----------------------------------

LEDE_SENTENCES = 15
SAME_DAY_SENTENCES = 4
DURATION_UNITS = frozenset({"year", "month", "week", "day"})
LATER = re.compile(r"^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+) (year|month)s? later$", re.IGNORECASE)
COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
TIMING = frozenset({"after", "before", "since", "following", "until", "ahead"})


def lede_date(doc: Doc) -> PartialDate | None:
    """The date of the news: the first date a main clause of the first sentences states, else the
    document's own date (its dateline's or its metadata's)."""
    sents = [s for s in sentences(doc) if not is_headline(s)][:3]
    stated = next((d for s in sents if main_clause_date(s) and (d := split_dates(s, s.root)[0]) is not None), None)
    day = published(doc)
    return stated or (PartialDate(day.year, day.month, day.day) if day is not None else None)


def signing_dates(sent: Span, signer: Token | None, noun: Token | None, number: int, lede: PartialDate | None,
                  recent: PartialDate | None = None) -> tuple[PartialDate | None, PartialDate | None, Evidence]:
    """Signing date (of the signing word's clause, a year before the noun, the last signing's on
    "the same day", the paragraph's or the news's), effective date (this sentence's or the next's),
    and the evidence stating them."""
    signed, effective = split_dates(sent, signer)
    if signer is None:
        signed = None
    signed = signed or (year_of(noun) if noun is not None else None)
    evidence = evidence_for(sent)
    if signer is not None and not _dated_in_its_clause(sent, signer) and (again := _signed_again_later(sent)) is not None:
        signed, evidence = again  # "X has signed …, the company said on Thursday. … The documents were signed on 13 March"
    follow = next_sentence(sent)
    if effective is None and follow is not None and not any(agreement_kind(t) for t in follow):
        _, effective = split_dates(follow)
        evidence = evidence_for(sent, follow) if effective is not None else evidence
    if signed is None and signer is not None and effective is None and (told := _ceremony_next(sent)) is not None:
        signed, evidence = told
    occasion = _same_occasion(signer) if signed is None and signer is not None else None
    if occasion is not None:
        signed = recent if recent is not None and (recent.day or occasion.lemma_.lower() != "day") else _day_before(sent, occasion) or recent
    if signed is None and signer is not None:
        signed = _later_than_before(sent, signer) or _undated(sent, signer, number, lede)
        if signed is not None and effective is not None and _after(signed, effective):
            signed = None  # the news date cannot be the signing of a pact already in force before it
    return signed, effective, evidence


def _same_occasion(signer: Token) -> Token | None:
    """"was signed at the same ceremony", "On the same day, X signed …": the occasion of the
    signing told just before (its noun), if the clause says so."""
    verb = clause_verb(signer)
    settings = [o for o in prep_objects(verb, {"at", "on", "during"}) + prep_objects(signer, {"at", "on", "during"})]
    return next((o for o in settings if any(c.lower_ == "same" for c in o.children)), None)


def _day_before(sent: Span, occasion: Token) -> PartialDate | None:
    """"On the same day" after no signing dated to the day: the nearest day the sentences before
    state (a day only: "in 2023" is no day a thing happened on)."""
    if occasion.lemma_.lower() != "day":
        return None
    for earlier in earlier_sentences(sent, limit=SAME_DAY_SENTENCES):
        days = [value for _, value in dates_in(earlier) if value.day is not None]
        if days:
            return days[-1]
    return None


def _later_than_before(sent: Span, signer: Token) -> PartialDate | None:
    """"… was signed in 2021. A year later, X and Y signed …": a signing dated by its distance from
    the last date the sentence before states, as precise as that distance (years, months); never
    one after the news (the date before was a plan: "would open in 2029")."""
    earlier = previous_sentence(sent)
    stated = [value for _, value in dates_in(earlier)] if earlier is not None else []
    for ent in entities_in(sent):
        match = LATER.match(ent.text) if ent.label_ == "DATE" and clause_verb(ent.root) == clause_verb(signer) else None
        if match is not None and stated:
            found = _moved(stated[-1], COUNTS.get(match[1].lower()) or int(match[1]), match[2].lower())
            day = published(sent.doc)
            return found if found is not None and (day is None or found.year <= day.year) else None
    return None


def _moved(base: PartialDate, count: int, unit: str) -> PartialDate | None:
    if unit == "year":
        return PartialDate(base.year + count)
    if base.month is None:
        return None
    months = base.year * 12 + base.month - 1 + count
    return PartialDate(months // 12, months % 12 + 1)


def _ceremony_next(sent: Span) -> tuple[PartialDate, Evidence] | None:
    """"X signed an agreement with Y. Z attended the signing ceremony in Lima on 8 July 2024": the
    next sentence dates the signing when the clause of its signing noun states a date and it
    names no agreement of its own; so does "The documents (The agreement) were signed on 13 March"."""
    follow = next_sentence(sent)
    if follow is None or any(agreement_kind(t) for t in follow):
        return None
    for noun in (t for t in follow if t.pos_ == "NOUN" and signs(t) and not _timed_by(t)):
        own = [value for _, value in _clause_dates(follow, clause_verb(noun))]
        if own:
            return own[0], evidence_for(sent, follow)
    return None


def _dated_in_its_clause(sent: Span, signer: Token) -> bool:
    """A date in the signing verb's own clause ("signed … on 13 March"), not the report's ("… said on Thursday")."""
    return any(not dateline(ent) for ent, _ in _clause_dates(sent, clause_verb(signer)))


def _signed_again_later(sent: Span) -> tuple[PartialDate, Evidence] | None:
    """"X signed loan agreements with five lenders. [the lenders' shares] The documents were signed on
    13 March": a later sentence of the next few, before any tells another signing, dates the signing."""
    follow = next_sentence(sent)
    for _ in range(SIGNED_AGAIN_REACH):
        if follow is None:
            return None
        if (told := _signed_again(follow)) is not None:
            return told, evidence_for(sent, follow)
        if any(agreement_kind(t) and _another(t) for t in follow):
            return None  # another agreement ("according to a term sheet" is none)
        follow = next_sentence(follow)
    return None


def _another(noun: Token) -> bool:
    """An agreement noun that is signed, named or definite tells of an agreement of its own."""
    signed = clause_verb(noun).lemma_.lower() in lexicon().sign_verbs
    return signed or determined_by(noun, {"the", "this", "that"}) or noun.pos_ == "PROPN" or bool(noun.ent_type_)


def _signed_again(sent: Span) -> PartialDate | None:
    """The date of a passive signing whose subject is a definite description and no name ("The
    documents were signed on 13 March"): the signing just told, dated."""
    for verb in (t for t in sent if t.pos_ == "VERB" and t.lemma_.lower() in lexicon().sign_verbs):
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        definite = subject is not None and determined_by(subject, {"the", "this", "these"})
        if definite and not any(t.pos_ == "PROPN" for t in subject.subtree):
            own = [value for _, value in _clause_dates(sent, verb)]
            if own:
                return own[0]
    return None


def _clause_dates(sent: Span, verb: Token) -> list[tuple[Span, PartialDate]]:
    """The dates ``sent`` states in the clause of ``verb``."""
    return [(ent, value) for ent, value in dates_in(sent) if clause_verb(ent.root) == verb]


def _timed_by(noun: Token) -> bool:
    """"… opened on 8 July, after the signing": the signing times another act, which the date dates."""
    verb = clause_verb(noun)
    path = [t for t in noun.ancestors if t != verb and verb in t.ancestors]
    return any(t.dep_ == "prep" and t.lower_ in TIMING for t in path)


def _after(one: PartialDate, other: PartialDate) -> bool:
    """``one`` is after ``other`` whatever day a date of month or year precision stands for."""
    return (one.year, one.month or 0, one.day or 0) > (other.year, other.month or 13, other.day or 32)


def _undated(sent: Span, signer: Token, number: int, lede: PartialDate | None) -> PartialDate | None:
    """A signing the sentence does not date: its paragraph's date, or, early in the article and
    in the simple past, the date of the news; never when the sentence has a date of its own
    the parser cannot read, or the signing came "later"."""
    own = [e for e in entities_in(sent) if e.label_ == "DATE" and clause_verb(e.root) == clause_verb(signer) and not _duration(e)]
    later = any(c.dep_ == "advmod" and c.lower_ in {"later", "subsequently", "afterwards", "since"} for c in signer.children)
    if later or any(t.like_num for e in own for t in e):
        return None
    near = paragraph_signing_date(sent)
    if near is not None or number > LEDE_SENTENCES:
        return near
    past = signer.tag_ == "VBD" or (signer.pos_ == "NOUN" and signer.head.tag_ == "VBD")
    past = past or any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in signer.children)  # "was signed"
    past = past or (signer.dep_ == "acl" and signer.tag_ == "VBN" and sent.root.tag_ == "VBD")  # "Among the MoUs signed were …"
    past = past or _perfect(signer)
    return lede if past else None


def _perfect(signer: Token) -> bool:
    """"X and Y have signed an MoU", "an MoU has been signed": the news tells what has just happened,
    in its main clause ("…, while Peru has signed trade agreements with Japan" is background)."""
    verb = signer if signer.pos_ != "NOUN" else signer.head
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return main and verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)


def _duration(ent: Span) -> bool:
    """"with repayment over 18 years", "for 25 years": a length of time, no date of the signing."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    counted = ent.root.lemma_.lower() in DURATION_UNITS and any(c.like_num for c in ent.root.children)
    return counted and ent.root.tag_ == "NNS" and (after is None or after.lower_ not in {"ago", "later", "earlier", "before", "after"})
