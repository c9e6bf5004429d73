"""Arguments: from the head a frame position points at to the actor or asset it names.

Every noun phrase is a candidate: a name (NER, gazetteer, descriptor
conventions: ``phrases.phrase_ref``), a common-noun asset that keeps its
defining modifiers ("battery plant near X"), or a pronoun or definite
description the document model resolves. Partitives are looked through:
"a 40% stake in Y", "20 per cent of Y", "Y is 40 percent owned by X" name Y;
so are collectives headed by a name: "a consortium led by X" is X.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from spacy.tokens import Span, Token

from graph.extract.collectives import (
    accompanying,
    apposition_conjuncts,
    bracketed_list,
    coordinated_modifiers,
    country_named,
    group_leader,
    group_members,
    hyphen_pair,
    in_bracketed_list,
    list_conjuncts,
    named_list,
    repeated_heads,
)
from graph.extract.dealt import holding_verbs
from graph.extract.descriptions import is_descriptor
from graph.extract.docmodel import antecedent, country_of, demonym_countries, pair, plural_antecedent, short_name
from graph.extract.common import entity_at, per_span, per_token
from graph.extract.context import earlier_sentences
from graph.extract.frames import frame_lexicon, frame_matches, is_trigger_word, trigger_kind
from graph.extract.governments import family, government, government_named_before, governments_of, public_purse, the_government
from graph.extract.renaming import called_name, gapped_share, gapped_sum, named_apposition, object_before_a_gap, share_before
from graph.extract.roles import relative_antecedent
from graph.extract.partitives import a_name, share_of, through_partitive
from graph.extract.phrases import glued_prefix, phrase_ref, place_preps, truncated_name
from graph.extract.lexicon import lexicon
from graph.extract.tree import determined_by, modified_by, name_span, prep_objects, within
from graph.extract.word_lists import word_list
from graph.gazetteer import country_of_place, load_gazetteer
from graph.model import ActorKind, ActorRef

MEASURES = frozenset({"QUANTITY", "CARDINAL", "MONEY", "PERCENT"})  # "a 1.2 million-tonne kiln line": its size is no name


@dataclass(frozen=True, slots=True)
class Argument:
    """What fills a role, and the share a partitive in front of it stated."""

    ref: ActorRef
    share: Decimal | None = None


def arguments(heads: list[Token], *, alone: frozenset[int] = frozenset()) -> list[Argument]:
    """The actors or assets the heads (and their conjuncts) name, in text order; a head in ``alone``
    stands without its conjuncts (the antecedent of a "which": "X, which holds 65%, and Y").
    Read once per doc for the same heads (each role of a match, and each extractor, asks again)."""
    if not heads:
        return []
    known = heads[0].doc.user_data.setdefault("ikg_arguments", {})
    key = (tuple(head.i for head in heads), alone)
    if key not in known:
        known[key] = _arguments(heads, alone)
    return list(known[key])  # a caller may extend its list


def _arguments(heads: list[Token], alone: frozenset[int]) -> list[Argument]:
    found: list[Argument] = []
    seen: set[int] = set()
    heads = [h for h in heads if not any(_describes_the_next(h, other) for other in heads)]
    for position, head in enumerate(map(plural_antecedent, heads)):
        if gapped_share(head) and (position or share_before(head)):
            continue  # "35 per cent of Y, Z 15 per cent", "A holds 70 per cent and Z 30 per cent": Z holds its own share
        named = [Argument(ref) for ref in pair(head, local=False) or governments_of(head) if all(a.ref.name != ref.name for a in found)]
        if named:  # "the two companies will invest …": the two the article is about
            found += named
            continue
        hyphened = hyphen_pair(head)  # "the Acme-Beta consortium": each name, whatever the tagger joined
        members = hyphened or group_members(head)  # "a group including X and Y": each member
        conjuncts = [] if head.i in alone else list_conjuncts(head)
        listed = [*apposition_conjuncts(head), *named_list(head), *bracketed_list(head), *accompanying(head), *repeated_heads(head)]
        group = members or [*coordinated_modifiers(head), head, *conjuncts, *listed]
        for token in group:
            if token.i in seen or gapped_sum(token) or (token != group[0] and (is_trigger_word(token) or _unlike(group[0], token)
                                                          or _holds_its_own(token)
                                                          or (in_bracketed_list(token) and not bracketed_list(group[0])))):
                continue
            seen.add(token.i)
            argument = _pair_member(token) if hyphened else argument_at(token)
            if argument is not None and all(a.ref.name != argument.ref.name for a in found):
                found.append(argument if argument.share is not None else Argument(argument.ref, _listed_share(token)))
    return found


def _describes_the_next(place: Token, name: Token) -> bool:
    """"owned by the Abu Dhabi holding company X", parsed with two objects: a place that runs on, with no
    comma or "and", into the description of the name after it says where that one is from."""
    named = entity_at(name)
    between = place.doc[place.i + 1 : named.start if named is not None else name.i]
    runs_on = bool(between) and all(t.is_lower and t.is_alpha and name in t.ancestors for t in between)
    entity = entity_at(place) if runs_on else None
    if entity is None:
        return False
    entry = load_gazetteer().lookup(entity.text)
    return (entry is not None and entry.kind is ActorKind.COUNTRY) or country_of_place(entity.text) is not None


def _holds_its_own(conjunct: Token) -> bool:
    """"60 per cent of the club and its partner, X, 15 per cent", "45% of the venture and X 55%": a
    conjunct with a share of its own set beside it is a holder whose verb is left out, not a second
    target; so is "provided a $150m facility and X a tranche of …": a name joined to a deal noun, its
    own deal right after it."""
    shares = [t for t in per_span(conjunct.sent, "ikg_appos_shares", _appos_shares)  # not "B (35%)": a listed share
              if within(t, conjunct)]
    end = _name_end(conjunct)
    gapped = conjunct.pos_ == "PROPN" and end < len(conjunct.doc) and conjunct.doc[end].ent_type_ == "PERCENT"  # "… and X 55%"
    return conjunct.ent_type_ != "PERCENT" and (any(t.doc[t.left_edge.i - 1].text == "," for t in shares)
                                                or gapped or _gives_its_own(conjunct))


def _appos_shares(sent: Span) -> list[Token]:
    """The sentence's shares set beside a name (read once: a list of many names asks for each)."""
    return [t for t in sent if t.ent_type_ == "PERCENT" and t.dep_ == "appos"]


def _gives_its_own(conjunct: Token) -> bool:
    """A name conjoined to a deal noun and followed at once by a sum or an article: "… and X $200m",
    "… and X a local-currency tranche"; or to what a sum is lent for: "lending $150m for the
    expansion and X $45m"."""
    end = _name_end(conjunct)
    after = conjunct.doc[end] if end < len(conjunct.doc) else None
    if conjunct.pos_ != "PROPN" or after is None:
        return False
    own_sum = after.ent_type_ == "MONEY" or (after.pos_ == "DET" and any(t.ent_type_ == "MONEY" for t in conjunct.doc[end : end + 4]))
    return (is_trigger_word(conjunct.head) and (after.ent_type_ == "MONEY" or after.pos_ == "DET")) or (
        own_sum and _after_a_sum(conjunct.head))  # "… and X a further $100m"


def _after_a_sum(head: Token) -> bool:
    """The phrase of ``head`` is what a clause's sum goes to ("lending $150m for the expansion")."""
    verb = head.head.head if head.dep_ == "pobj" else None
    return verb is not None and verb.pos_ == "VERB" and any(c.ent_type_ == "MONEY" for c in verb.children if c.dep_ in {"dobj", "obj"})


def _listed_share(name: Token) -> Decimal | None:
    """"X with 47.5% and Z with 26%", "X (47.5%)", "X, with 40%,": the share a list states right after a name."""
    doc, after = name.doc, name.i + 1
    after += after + 2 < len(doc) and doc[after].text == "," and doc[after + 1].lower_ == "with"  # "X, with 40%,"
    if after + 1 < len(doc) and doc[after].lower_ in {"with", "("} and doc[after + 1].ent_type_ == "PERCENT":
        return share_of(doc[after + 1])
    return _held_share(name)


def _held_share(name: Token) -> Decimal | None:
    """"Y's shareholders are X, which owns 28%, and …": a holding verb's bare share in a clause on the
    name is the share the name is listed with (not "X, which owns 30% of Z": Z's)."""
    for clause in (c for c in name.children if c.dep_ == "relcl" and c.lemma_.lower() in holding_verbs()):
        held = [o for o in clause.children if o.dep_ == "dobj"]
        if len(held) == 1 and not prep_objects(clause, {"of", "in"}) and not prep_objects(held[0], {"of", "in"}):
            return share_of(held[0])
    return None


def _name_after_descriptor(head: Token) -> Token | ActorRef | None:
    """"by Swedish publisher Nordspel" parsed with the descriptor as the head and the name hung
    elsewhere: the name right after a company descriptor is what the phrase names (a company, if the
    recogniser missed it: "software maker Routely", tagged an adverb)."""
    after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
    if head.pos_ != "NOUN" or not is_descriptor(head) or after is None or not after.is_title or after.head == head:
        return None
    entity = entity_at(after)
    if entity is None:
        return ActorRef(after.text, ActorKind.COMPANY, after.text) if after.pos_ in {"PROPN", "ADV", "NOUN", "ADJ"} else None
    return entity.root if entity.start == after.i and entity.label_ in {"ORG", "PERSON", "GPE"} else None


def _unlike(first: Token, conjunct: Token) -> bool:
    """"60% of the venture and Korvia Auto the remaining 40%": a share's conjunct that is a name
    (with its own share in apposition) is the subject of a gapped clause, not a second target."""
    lex = frame_lexicon()
    partitive = (first.lemma_.lower() in lex.partitives or first.lower_ in lex.partitives) and not a_name(first)  # "Velmar Holding and Y"
    return partitive and (conjunct.pos_ == "PROPN" or is_descriptor(conjunct))  # "… and the port operator Z 15 per cent"


def _pair_member(token: Token) -> Argument | None:
    ref = unknown_name(token)
    return Argument(ref) if ref is not None else None


@per_token("ikg_argument_at")
def argument_at(head: Token) -> Argument | None:
    """The argument one head names, looking through partitives and collectives."""
    inner, share = through_partitive(head)
    if inner is None:
        return None
    if inner != head:
        found = argument_at(object_before_a_gap(inner) or inner)
        return Argument(found.ref, share or found.share) if found is not None else None
    leader = (group_leader(head) or _possessed_name(head) or named_apposition(head) or called_name(head) or _body_of(head)
              or _named_unit(head) or _name_after_descriptor(head))
    if isinstance(leader, ActorRef):
        return Argument(leader)
    if leader is not None:
        return argument_at(leader)
    short = short_name(head)  # before the labels: "Tarrow" after "Tarrow Renewables" may be tagged a date
    if short is not None:
        return Argument(short)
    if head.ent_type_ in {"MONEY", "PERCENT", "DATE", "CARDINAL", "TIME"}:
        return None
    if head.ent_type_ == "NORP" and (_demonym(head) is not None or head.pos_ != "PROPN"):
        return _demonym(head)  # a NORP name that is no demonym ("Veridian" for Veridian Semiconductor) reads on
    if head.pos_ == "NOUN" and is_trigger_word(head) and head.lemma_.lower() not in frame_lexicon().keep_partitive:
        return _deal_noun(head)
    own = _company_named_after_place(head) or _part_of_asset(head)  # "Zelco Serbia": a local company, not the country
    if own is not None:
        return Argument(own)
    named_body = government(head) or government_named_before(head)  # "the Kenyan government": no antecedent to look for
    if named_body is None and head.pos_ == "PROPN":
        named_body = the_government(head)  # "with the Government": capitalised, still the country's, not a name
    earlier = antecedent(head) if named_body is None else None
    if isinstance(earlier, Token):
        return argument_at(earlier) if earlier != head else None
    ref = earlier or named_body or family(head) or holding_of(head) or phrase_ref(head) or unknown_name(head) or common_asset(head)
    ref = ref or the_government(head) or public_purse(head)
    if ref is None or len(ref.name) < 2 or truncated_name(ref) or _not_a_target(head, ref):
        return None  # a lone letter is a class, no one: "a B-loan", "A-shares"
    return Argument(_without_participle(ref))


def _named_unit(head: Token) -> Token | None:
    """"X's Y Energy unit will invest …": the unit named before its word acts, not the unit's owner."""
    if head.pos_ != "NOUN":
        return None
    lemma = head.lemma_.lower()
    if lemma not in frame_lexicon().owned_nouns:
        return None
    names = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    return names[-1] if names else None


def _company_named_after_place(head: Token) -> ActorRef | None:
    """A place name after a proper name that is no place: the name of a company's local arm."""
    if head.ent_type_ not in {"GPE", "LOC"} or head.pos_ != "PROPN" or head.i == head.sent.start:
        return None
    before = head.doc[head.i - 1]
    named = before.dep_ == "compound" and before.head == head and before.pos_ == "PROPN"
    return unknown_name(head) if named and before.ent_type_ not in {"GPE", "LOC"} else None


def _without_participle(ref: ActorRef) -> ActorRef:
    """"-funded Belt and Road project" cut from "Chinese-funded Belt and Road project": drop the stub."""
    if not ref.name.startswith("-"):
        return ref
    name = ref.name.split(" ", 1)[-1]
    return ActorRef(name, ref.kind, ref.surface, ref.country)


def holding_of(head: Token) -> ActorRef | None:
    """"Northvolt's assets in Sweden", "its African operations": a named owner's part is an asset."""
    if head.lemma_.lower() not in frame_lexicon().keep_partitive:
        return None
    owners = [c for c in head.children if c.dep_ == "poss"]
    if not owners:
        return None
    end = _place_end(head)  # "its heating business in Lodz": where it is belongs to its name
    if owners[0].pos_ == "PROPN":
        span = head.doc[owners[0].left_edge.i : end]
        return ActorRef(span.text, ActorKind.ASSET, span.text, None)
    owner = antecedent(owners[0])  # "its ports business" → "ports business of <its antecedent>"
    if isinstance(owner, Token):
        found = argument_at(owner)
        owner = found.ref if found is not None else None
    if owner is None:
        return None
    words = head.doc[owners[0].right_edge.i + 1 : end].text  # after "'s" too: "the group's Polish unit"
    return ActorRef(f"{words} of {owner.name}", ActorKind.ASSET, head.doc[owners[0].left_edge.i : end].text, None)


def _place_end(head: Token) -> int:
    """Where a holding's name ends: after a place phrase on it ("assets in Sweden and Germany")."""
    places = [p for p in place_preps(head) if p.lower_ in {"in", "near", "at"}  # "sold its business in Lodz to …" too
              and any(t.ent_type_ in {"GPE", "LOC"} for t in p.subtree)]
    return places[0].right_edge.i + 1 if places else head.i + 1


def common_asset(head: Token) -> ActorRef | None:
    """"a cell factory", "a new terminal extension": an unnamed asset keeps its defining nouns as its name."""
    heads = lexicon().asset_heads
    if head.pos_ != "NOUN":
        return None
    # "terminal" in "a new terminal extension" is often tagged an adjective: an asset word counts whatever its tag;
    # an asset head keeps its describing adjectives too ("a Nigerian offshore venture")
    own_head = head.lemma_.lower() in heads
    nouns = [c for c in head.lefts
             if (c.dep_ == "compound" and c.pos_ == "NOUN") or (c.dep_ == "amod" and (c.lemma_.lower() in heads or own_head))]
    nouns = [c for c in nouns if c.lower_ not in word_list("not_name_words") and c.ent_type_ not in MEASURES | {"ORDINAL"}]
    counted = own_head and head.tag_ == "NNS" and head.lower_ not in lexicon().generic_targets
    if counted and not nouns:  # "43 ports" names a set of assets; "28 projects" does not
        nouns = [c for c in head.lefts if c.dep_ == "nummod" and c.like_num][:1]
        if nouns:
            return ActorRef(f"{nouns[0].text} {head.text}", ActorKind.ASSET, f"{nouns[0].text} {head.text}", None)
    if nouns and not any(c.pos_ == "NOUN" or c.text[:1].isupper() for c in nouns):
        return None  # "a regional base": adjectives alone do not name an asset
    if not nouns or not ({head.lemma_.lower()} | {n.lemma_.lower() for n in nouns}) & heads:
        return None
    name = glued_prefix(nouns[0]) + " ".join(t.text for t in head.doc[nouns[0].i : head.i + 1])
    return ActorRef(name, ActorKind.ASSET, name, None)


def _deal_noun(head: Token) -> Argument | None:
    """A deal's own noun as an argument: "the Y joint venture" is Y, "the (Korean) buyer" who bought,
    "the joint venture" the one told before; "the loan" is not who lends; "Chinese state lenders" are
    China's, as a whole."""
    named = _self_named(head)
    if named is not None:
        return argument_at(named)
    if _agent_noun(head):
        earlier = antecedent(head) or _role_holder(head)
    else:  # "45% of the joint venture": the venture told before
        earlier = antecedent(head) if head.lemma_.lower() in lexicon().asset_heads else None
    return Argument(earlier) if isinstance(earlier, ActorRef) else _countrys(head)


def _agent_noun(head: Token) -> bool:
    """"the Polish lender", "the buyer": a noun that names who acts in a deal, unlike "the loan"."""
    return any(trigger_kind(head, f) == "agent" for f in frame_lexicon().frames)


BOUGHT_FORMS = ("acquisition", "share purchase")


def _role_holder(head: Token) -> ActorRef | None:
    """"The buyer will finance half of the price …" with no buyer named as such: whoever had that role
    (the one an agent noun names: the buyer's, the seller's) in the nearest deal of its kind told
    before (the lede's, if need be); "the new shareholders" are the buyers of the last purchase."""
    if not determined_by(head, {"the", "this"}):
        return None
    frames = frame_lexicon().frames
    agent_of = [f for f in frames if trigger_kind(head, f) == "agent"]
    role = next((r for f in agent_of for r, positions in f.roles.items() if "subject" in positions), None)
    forms = {f.form for f in agent_of}  # "the buyer" of a sale told before is its "to"
    if modified_by(head, {"new"}) and forms == {"existing holding"}:
        forms, role = set(BOUGHT_FORMS), "investor"  # "the new owners": who just bought, not who kept a share
    names = {f.name for f in frames if f.form in forms}
    holders: list[tuple[ActorRef, str | None]] = []
    for sent in [head.sent, *earlier_sentences(head.sent, limit=len(head.doc))]:
        matches = per_span(sent, "ikg_frame_matches", lambda s: list(frame_matches(s)))
        told = [m for m in matches if m.frame.name in names and m.kind in {"verb", "noun"} and m.trigger.i < head.i]
        for match in reversed(told):
            for heads in match.positions(role) if role else []:
                found = [(a.ref, country_of(a.ref, head.doc, at=_mention(h))) for h in heads  # named before it
                         if h.i < head.i and (a := argument_at(h)) is not None and a.ref.kind is not ActorKind.ASSET]
                if found:
                    holders += found
                    break
    countries = demonym_countries(head)  # "the Korean buyer": one of that country, else one of no known country
    if countries:
        holders = [h for h in holders if h[1] in countries] or [h for h in holders if h[1] is None]
    return holders[0][0] if holders else None


def _mention(name: Token) -> Span:
    """The entity a name's head is in, else the head alone."""
    return entity_at(name) or name.doc[name.i : name.i + 1]


def _self_named(head: Token) -> Token | None:
    """"the Syrdarya Uranium joint venture": a deal noun that is its own target takes the name before it."""
    names = [c for c in head.lefts if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" and c.ent_type_ != "NORP"
             and country_named(c) is None]
    own = names and any("self" in f.roles.get("target", ()) and trigger_kind(head, f) == "noun" for f in frame_lexicon().frames)
    return names[-1] if own else None


def _part_of_asset(head: Token) -> ActorRef | None:
    """"the project's concentrator plant": a part with its own defining nouns is not the asset that
    owns it; it takes that asset's proper name ("Tamsa concentrator plant")."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
    part = common_asset(head) if owner is not None else None
    found = argument_at(owner) if part is not None else None
    if found is None or found.ref.kind is not ActorKind.ASSET:
        return None
    name = " ".join([w for w in found.ref.name.split() if w[:1].isupper()] + [part.name])
    return ActorRef(name, ActorKind.ASSET, name, found.ref.country)


def unknown_name(head: Token) -> ActorRef | None:
    """A proper name in a role position that the recogniser missed or mislabelled: the role makes
    it an actor ("Acme Holdings bought …"); a person only when the model says so and the name has
    no company word."""
    if head.pos_ != "PROPN" or head.ent_type_ in {"DATE", "MONEY", "PERCENT", "CARDINAL"}:
        return None
    span = _with_bank_place(name_span(head))
    if load_gazetteer().is_junk(span.text) or not span.text[:1].isupper() or (head.ent_type_ == "NORP" and not _norp_name(span)):
        return None
    first = next(t for t in head.sent if not t.is_space)
    if len(span) == 1 and ((span.start == first.i and is_descriptor(head)) or head.lower_ in lexicon().titles):
        return None  # "Developer buys shipyard for €95m", "VP commissions mine": a first word saying what one is, a title
    words = {t.lower_ for t in span}
    if span.text.split()[0].lower() in lexicon().leading_asset_words and len(span.text.split()) > 1:
        return ActorRef(span.text, ActorKind.ASSET, span.text, None)  # "Estádio do Mirante", "Usina X": its kind first
    titled = span[0].lower_ in lexicon().titles  # "President Quispe inaugurates …": a title leads a person's name
    person = (head.ent_type_ == "PERSON" or titled) and len(span) > 1 and not words & lexicon().company_words
    return ActorRef(span.text, ActorKind.PERSON if person else ActorKind.COMPANY, span.text, None)


def _with_bank_place(span: Span) -> Span:
    """"the Export-Import Bank of Valdoria": a bank's "of" and proper name are its name's (a company's
    "of" country may be only where it is from: "X Petroleum Holding of Japan")."""
    head = span[-1]
    places = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
              if o.dep_ == "pobj" and o.pos_ == "PROPN"] if head.lower_ == "bank" else []
    return span.doc[span.start : places[0].right_edge.i + 1] if places else span


def _norp_name(span: Span) -> bool:
    """"Cresta Labs" tagged a nationality: a name of several words none of which is a demonym is a
    name the recogniser mislabelled; one word ("Republicans") is a group."""
    return len(span) > 1 and not any(load_gazetteer().country_for_demonym(t.text) for t in span)


def _countrys(head: Token) -> Argument | None:
    """Plural lenders, investors or buyers of one nationality and no name: that country, as a whole
    (one of them, "a Chinese lender", is no one we can name)."""
    if head.tag_ != "NNS" or determined_by(head, {"a", "an"}):
        return None
    modifiers = [t for m in head.lefts if m.dep_ in {"amod", "compound"} for t in (m, *m.conjuncts)]
    countries = {found.ref.name: found for m in modifiers if (found := _demonym(m)) is not None}
    return next(iter(countries.values())) if len(countries) == 1 else None  # "Chinese and Turkish companies": no one country


def _demonym(token: Token) -> Argument | None:
    """The country a demonym names, as the actor ("Chinese investment" → China)."""
    entry = load_gazetteer().country_for_demonym(token.text)
    return Argument(ActorRef(entry.name, ActorKind.COUNTRY, token.text, entry.name)) if entry is not None else None


def _body_of(head: Token) -> Token | None:
    """"the X Bank's board approved …", "Vardania's prime minister signed …", "its board rejected …": a
    body or an office holder of a named actor, not named themselves, acts for it."""
    if head.lemma_.lower() not in word_list("bodies") and head.lemma_.lower() not in _title_heads():
        return None
    body = head.lemma_.lower() in word_list("bodies") and head.is_lower  # "the X board", "X shareholders" (not "Finance
    # Minister Y", nor the name "X Growth Board")
    owners = [c for c in head.children if (c.dep_ == "poss" and (c.pos_ == "PROPN" or c.lower_ in {"its", "their"}))
              or (body and c.dep_ == "compound" and c.pos_ == "PROPN")]
    owners = [c for c in owners if _possessed_name(c) != head]  # "Vardania's [Development Board]": itself a name
    whose = [head.doc[i] for c in head.children if c.lower_ == "whose" for i in relative_antecedent(head.head)]
    if owners or whose:  # "the X Bank, whose board approved …"
        return (owners or whose)[0]
    bodies = word_list("bodies") | {"director", "directors"}
    current = [head]  # "the Board of Directors of the X Bank": down the "of" phrases to the named actor
    for _ in range(3):
        objects = [o for c in current for o in prep_objects(c, {"of"})]
        named = [o for o in objects if o.lemma_.lower() not in bodies and o.pos_ == "PROPN"]
        if named or not objects:
            return named[0] if named else None
        current = [o for o in objects if o.lemma_.lower() in bodies]
    return None


@lru_cache(maxsize=1)
def _title_heads() -> frozenset[str]:
    """The last words of the titles of office holders ("prime minister" → minister)."""
    return frozenset(t.split()[-1] for t in lexicon().titles)


def _possessed_name(head: Token) -> Token | None:
    """"China's Geely bought …" parsed with China as the subject: the name after the possessive acts."""
    doc = head.doc
    after = head.i + 1
    if after + 1 >= len(doc) or doc[after].dep_ != "case" or doc[after].head != head:
        return None
    if head.ent_type_ not in {"GPE", "LOC", "NORP"}:
        return None  # "Acme's Beta unit": a company's possessive names its own holding, not itself
    named = doc[after + 1]
    if named.ent_type_ in {"ORG", "PERSON"} or (named.pos_ == "PROPN" and named.ent_iob_ == "B"):
        return doc[_name_end(named) - 1]
    return None


def _name_end(token: Token) -> int:
    """Where the name that ``token`` starts or continues ends: its entity's end, else right after it."""
    ent = entity_at(token)
    return ent.end if ent is not None else token.i + 1


def _not_a_target(head: Token, ref: ActorRef) -> bool:
    """Money, deals and shares are what is invested, not what receives it."""
    return ref.kind is ActorKind.ASSET and head.lemma_.lower() in frame_lexicon().not_targets
