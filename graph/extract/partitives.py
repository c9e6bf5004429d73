"""Partitives: "a 40% stake in Y", "20 per cent of Y", "Y is 40 percent owned by X", "the
stake" named before: the company a share is of, and the share.
"""

from __future__ import annotations

from decimal import Decimal

from spacy.tokens import Span, Token

from graph.extract.clauses import clause_verb
from graph.extract.common import entity_at
from graph.extract.frames import PERCENT_WORDS, frame_lexicon, noun_phrase_lemma
from graph.extract.lexicon import lexicon
from graph.extract.roles import relative_antecedent, resolve_relatives
from graph.extract.tree import determined_by, modified_by, prep_objects
from graph.extract.word_lists import word_list
from graph.normalize.percent import find_percents, parse_percent


EQUITY_WORDS = frozenset({"capital", "stock", "arm"})  # held words the partitives do not list ("share", "unit" they do)
REST_WORDS = frozenset({"rest", "remainder", "balance"})
FRACTIONS = {"half": 2, "third": 3, "quarter": 4}  # the partitives of data/frames.json that are fractions
NUMERATORS = {"one": 1, "two": 2, "three": 3, "1": 1, "2": 2, "3": 3}


def through_partitive(head: Token) -> tuple[Token | None, Decimal | None]:
    """The company a partitive head is a share of, and the share: "a 40% stake in Y" → (Y, 0.4); a
    share of nothing named → (None, share); works → what they work on; any other head → (itself, None)."""
    lex = frame_lexicon()
    word = head.lemma_.lower()
    if head.like_num and head.ent_type_ == "PERCENT":  # "holds the remaining 49 per cent": the number heads the parse
        word = "%"
    if word in lex.works:  # "the expansion of the X metro" is the metro; "grid upgrades" are the works
        return (prep_objects(head, {"of"}) or [head])[0], None
    if word in lex.raisings or noun_phrase_lemma(head) in lex.raisings:  # "Y's Series C round", "the rights issue of Y"
        issuer = [c for c in head.children if c.dep_ == "poss"] + prep_objects(head, {"of", "by"})
        return (issuer[0] if issuer else None), None
    if (word not in lex.partitives and head.lower_ not in lex.partitives) or a_name(head):
        return head, None  # "Turon Holding" is a name, not a holding
    share = share_of(head)
    if word in lex.keep_partitive:
        return head, share  # "its assets in Sweden": the assets are the target, not Sweden
    objects = [o for o in prep_objects(head, {"in", "of"}) if not _a_date(o)]
    if objects and _described(objects[0]):  # "from X, which owns 88% of the company": the company sold
        objects = [_sold_company(head) or objects[0]]
    if objects and _possessed_product(objects[0]):
        return head, None  # "40 per cent of the plant's ammonia": a share of what it makes, no stake
    if objects:  # "its stake in 2022" is no stake in a year
        return _issuer(objects[0]), share
    named = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if named and word in lex.stake_nouns:  # "X to buy Y stake": a headline's stake in Y
        return named[-1], share
    owned = _copula_subject(head) or _sold_company(head)
    return (owned, share) if owned is not None else _named_before(head, word, share)


def a_name(head: Token) -> bool:
    """"Turon Holding", "Hormuz Oil Holding" (whatever the recogniser tagged it): a proper noun that
    ends a name or is tagged an organisation; a capitalised word inside a sentence that ends an
    entity of any label ("Atlas Mineral Holding", tagged a work of art and its last word a verb)."""
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper() for c in head.children)
    if head.pos_ != "PROPN":
        return head.text[:1].isupper() and not head.is_sent_start and bool(head.ent_type_) and head.ent_iob_ != "B"
    return head.text[:1].isupper() and (head.ent_type_ == "ORG" or named)


def _possessed_product(obj: Token) -> bool:
    """"the plant's ammonia", "the mine's output": a common noun its possessor has that names no
    holding, no company and no asset (which "the group's shares", "its Chilean unit" do)."""
    if obj.pos_ != "NOUN" or not any(c.dep_ == "poss" for c in obj.children):
        return False
    lex = frame_lexicon()
    held = lexicon().asset_heads | lex.stake_nouns | lex.partitives | word_list("generic_company_words") | word_list("corporate_nouns")
    return obj.lemma_.lower() not in held | EQUITY_WORDS


def _described(token: Token) -> bool:
    """"the company", "the business": a definite common noun, no name."""
    return token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def seller_told(token: Token) -> Token | None:
    """The seller a relative clause around ``token`` describes ("bought Y from X, which owns 88%, and
    Z, which bought the remaining 12% in 2019"): its clause tells the seller's own holding."""
    verb = clause_verb(token)
    seller = verb.head if verb.dep_ == "relcl" else None
    while seller is not None and seller.dep_ == "conj":
        seller = seller.head
    return seller if seller is not None and seller.dep_ == "pobj" and seller.head.lower_ == "from" else None


def _sold_company(share: Token) -> Token | None:
    """A bare share in a relative clause on a seller is of the company sold."""
    seller = seller_told(share)
    if seller is None:
        return None
    sold = [c for c in seller.head.head.children if c.dep_ in {"dobj", "pobj"} and c != seller]
    company = through_partitive(sold[0])[0] if sold else None
    return company if company is not None and company.pos_ == "PROPN" else None


def _copula_subject(head: Token) -> Token | None:
    """A share stated after a copula is of the copula's subject: "Y is 40 per cent owned by X",
    "Y, which is …", and a conjoined "… and 40 per cent by Z" too."""
    first = head
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    if first.dep_ != "attr" or first.head.lemma_ != "be":
        return None
    subjects = resolve_relatives([c for c in first.head.children if c.dep_ == "nsubj"], first.head)
    return subjects[0] if subjects else None


def _named_before(head: Token, word: str, share: Decimal | None) -> tuple[Token | None, Decimal | None]:
    """A bare share or "the stake" is of the company a stake named before is in: in its sentence,
    else in the sentences before (a "the/its stake" takes that stake's share if it states none)."""
    stake_nouns = frame_lexicon().stake_nouns
    indefinite = determined_by(head, {"a", "an"})
    if share is not None and word in stake_nouns and indefinite:  # "X holds 70% of Y, with Z keeping a 30% stake"
        return _stake_named_in(head.sent), share
    if share is not None and word not in stake_nouns:
        named = _governing_company(head) or _stake_named_in(head.sent)  # "… its stake in Y, having bought 5 percent in 2018"
        if named is not None:
            return named, share
        # "The remaining 20 per cent is held by X": the rest of the stake the article is about, however far back
        remaining = modified_by(head, {"remaining", "other", "rest"})
        earlier = _earlier_stake(head, limit=len(head.doc) if remaining else 3)
        if earlier is not None:
            return earlier[0], share
    if share is None and word in REST_WORDS:
        rest = _rest_of_share(head.sent)
        if rest is not None:
            return rest
    if word in stake_nouns and any((c.dep_ == "det" and c.lower_ in {"the", "this", "that"}) or (c.dep_ == "poss" and c.pos_ == "PRON")
                                   for c in head.children):  # "the stake", "its 51% stake": the one named before
        earlier = _earlier_stake(head)  # "RWE is paying €310m for the stake"
        if earlier is not None and (share is not None or not _held_by_another(head, earlier[0])):
            return earlier[0], share if share is not None else earlier[1]
    return None, share


def _held_by_another(stake: Token, company: Token) -> bool:
    """"X bought 70% of Y. Z holds its stakes for five years": a stake its own clause's subject names
    as theirs, with no share of its own, is not the stake another subject bought before ("Z bought its
    51% stake in 2008" may well be the one X is buying from Z)."""
    owner = next((c for c in stake.children if c.dep_ == "poss"), None)
    if owner is None or owner.pos_ != "PRON":
        return False
    mine, theirs = _subject_name(stake), _subject_name(company)
    return bool(mine and theirs) and not (mine <= theirs or theirs <= mine)  # "Tarsen" is "Tarsen Telecom"


def _subject_name(token: Token) -> frozenset[str]:
    """The words of the proper name heading the subject of ``token``'s clause (through "which" to what
    it describes); none if the subject is no name."""
    verb = clause_verb(token)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None or subject.pos_ != "PROPN":
        return frozenset()
    return frozenset(t.lower_ for t in subject.lefts if t.dep_ == "compound") | {subject.lower_}


def _governing_company(share: Token) -> Token | None:
    """"took full control of Y by acquiring the 35% it did not already own": a share bought in a clause
    that tells how another deal was done is of that deal's company."""
    verb = clause_verb(share)
    if verb.dep_ not in {"pcomp", "advcl"}:
        return None
    governing = clause_verb(verb.head)
    owned = [o for d in governing.children if d.dep_ == "dobj" for o in [d, *prep_objects(d, {"of", "in"})]]
    return next((o for o in reversed(owned) if o.pos_ == "PROPN"), None)


def _rest_of_share(sent: Span) -> tuple[Token, Decimal] | None:
    """"Y will be 51% owned by X, with Z holding the rest": the rest of the one share the sentence
    states, in what it says is owned (a stake's company, else the main clause's passive subject)."""
    shares = find_percents(sent.text)
    subjects = {"nsubjpass", "nsubj"} if sent.root.lemma_ == "be" else {"nsubjpass"}
    owned = _stake_named_in(sent) or next((c for c in sent.root.children if c.dep_ in subjects), None)
    return (owned, 1 - shares[0].fraction) if len(shares) == 1 and owned is not None else None


def _a_date(token: Token) -> bool:
    return token.ent_type_ in {"DATE", "TIME"} or (token.text.isdigit() and len(token.text) == 4 and 1800 < int(token.text) < 2200)


def _issuer(obj: Token) -> Token:
    """"72 percent of its shares": shares of no other company are the possessor's own."""
    if obj.lemma_.lower() not in {"share", "equity"} or any(c.dep_ == "prep" and c.lower_ == "in" for c in obj.children):
        return obj
    owner = next((c for c in obj.children if c.dep_ == "poss"), obj)
    if owner.pos_ == "PRON" and (holder := relative_antecedent(clause_verb(obj))):
        # "X is controlled by Y, a fund that holds 72% of its shares": "its" is X, not the holder,
        # the subject of the clause the holder is named in ("Its largest shareholder is Y, which
        # holds 42% of its shares": the company that first "its" is)
        clause = next((a for a in obj.doc[min(holder)].ancestors if a.pos_ in {"VERB", "AUX"} and a.dep_ != "relcl"), obj.sent.root)
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return owner
        return next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PRON"), subject)
    return owner


def _stake_named_in(sent: Span) -> Token | None:
    """The company of the one "stake/holding in Y" a sentence names, for a bare "5 percent"."""
    found = []
    for token in sent:  # "a stake in Y", "47.5% of Y": what "the remaining 52.5%" is a share of
        word = token.lemma_.lower()
        preps = {"in"} if word in frame_lexicon().stake_nouns else {"of"} if word in PERCENT_WORDS else set()
        found += [o for o in prep_objects(token, preps) if not _a_date(o)]
        if preps and token.dep_ == "dobj" and not found:  # "a company in which X holds 51 per cent"
            found += resolve_relatives(prep_objects(token.head, {"in"}), token.head)
    return found[0] if len({t.i for t in found}) == 1 else None


def _earlier_stake(head: Token, *, limit: int = 3) -> tuple[Token, Decimal | None] | None:
    """What "the stake" refers to: the last "stake in Y" before it in its sentence or the ``limit``
    sentences before, with its share. The nearest noun of its own word is its antecedent even if it
    names no company ("an issue of 247 million shares … buy back the shares")."""
    from graph.extract.context import earlier_sentences  # noqa: PLC0415

    before = [t for t in head.doc[head.sent.start : head.i] if t not in head.subtree]
    same = any(c.lower_ == "same" for c in head.children)  # "the same stake" is the one traded, not the rest kept
    window = [t for sent in [before, *earlier_sentences(head.sent, limit=limit)] for t in reversed(list(sent))]
    # "the stake" is first a stake of its own word ("a 60% stake in Y … gives X control of … the stake")
    words = [{head.lemma_.lower()}, frame_lexicon().share_words]
    for wanted in words if head.lemma_.lower() in frame_lexicon().stake_nouns else words[1:]:
        for token in window:
            if same and (any(c.lower_ in {"remaining", "rest", "other"} for c in token.children) or share_of(token) is None):
                continue  # nor a "the stake" that refers back itself
            if token.dep_ == "pobj" and token.head.lower_ == "from":
                continue  # "raised its stake to 74% from 51%": 51% is what it held before
            if token.lemma_.lower() in wanted:
                inner, share = through_partitive(token)
                if inner is not None and inner != token:
                    return inner, share
                if token.lemma_ == head.lemma_:
                    return None
    return None


def share_of(head: Token) -> Decimal | None:
    """The percentage stated on a partitive: "a 9.69% stake", "40 percent", "a 56-per-cent share";
    "all of Y" is the whole of it."""
    if head.lower_ in frame_lexicon().whole_words:
        return Decimal(1)
    if head.like_num and head.ent_type_ == "PERCENT":
        amount = entity_at(head)
        return parse_percent(amount.text) if amount is not None else None
    said = parse_percent(head.doc[head.left_edge.i : head.i + 1].text) or _fraction(head)
    if said is None and head.lemma_.lower() in frame_lexicon().stake_nouns:  # "a one-third stake", "a half share"
        said = next((f for t in head.lefts if (f := _fraction(t)) is not None), None)
    of_a_stake = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                  if o.dep_ == "pobj" and o.lemma_.lower() in frame_lexicon().stake_nouns]
    whole = share_of(of_a_stake[0]) if said is not None and said < 1 and of_a_stake and _fraction(head) else None
    return (said * whole).quantize(Decimal("0.0001")).normalize() if whole is not None else said  # "half of its 40% stake": 20%


def _fraction(head: Token) -> Decimal | None:
    """"its half of Y", "a third of Y", "two-thirds of Y": a share said as a fraction (not "the
    second half of 2025")."""
    denominator = FRACTIONS.get(head.lemma_.lower())
    before = head.doc[head.left_edge.i : head.i]
    if denominator is None or any(t.ent_type_ == "ORDINAL" or t.lower_ in {"first", "second"} for t in before):
        return None
    numbers = [t for t in before if t.like_num]
    numerator = NUMERATORS.get(numbers[-1].lower_, 0) if numbers else 1
    return (Decimal(numerator) / denominator).quantize(Decimal("0.0001")).normalize() if 0 < numerator < denominator else None
