"""One asset, several descriptions: the chains of an article's asset mentions (issue 7).

An article introduces an asset ("a $5-billion cell project near Kingston") and names it again
otherwise ("the planned Brakvolt cell factory"; the headline's "Brakvolt cell factory"). A chain
is one asset: the document's facts name it one way and the graph keeps every description as its
labels, so whoever knows it by another description (a search, a gold file) finds it.

A description joins the latest chain it can continue: it is definite (an indefinite one brings a
new asset), its head is the chain's or a generic one ("project", "facility") sharing a describing
word or the place ("the facility at X" after "a chip plant in X"), it states no other country, place, name or ordinal ("the second plant" is not "the first
plant"), and a name it brings is one the chain's sentences say (a named plant the article never
tied to it is another plant). Joining wrongly renames a fact's asset, so the rules keep apart
whatever they cannot tell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Doc, Token

from graph.extract.common import entity_at, evidence_for, is_headline, per_doc, sentence_at
from graph.extract.lexicon import lexicon
from graph.extract.phrases import phrase_ref
from graph.extract.tree import determined_by, pruned_subtree
from graph.gazetteer import load_gazetteer
from graph.model import ActorKind, ActorRef, Mention
from graph.nlp_fast import lemma_hits

INDEFINITE = frozenset({"a", "an", "another"})
PLACE_LABELS = frozenset({"GPE", "LOC"})
LISTED = frozenset({"conj", "cc"})


@dataclass(slots=True)
class _Description:
    """One named mention of an asset and what it says of it (words, lower-cased)."""

    name: str
    head: str
    token: Token
    countries: frozenset[str]
    places: frozenset[str]  # "near Kingston", "in Porto": a town or region it is in or near
    names: frozenset[str]  # "Brakvolt cell factory": its own name, its owner's (capitalised words)
    ordinals: frozenset[str]  # "the second plant"
    words: frozenset[str]  # its describing words' lemmas ("battery" in "a battery project"), not where it is
    places_before: frozenset[str] = frozenset()  # "the Rayong plant": a place the article names, not the asset's name


@dataclass(slots=True)
class _Chain:
    descriptions: list[_Description] = field(default_factory=list)
    context: set[str] = field(default_factory=set)  # the words of its descriptions' sentences

    def add(self, description: _Description) -> None:
        self.descriptions.append(description)
        self.context |= {t.lower_ for t in description.token.sent}

    def continued_by(self, new: _Description) -> bool:
        """Nothing said of it differs; one description has its head ("the factory") or one of that
        kind and a describing word ("a battery project", "the Brakvolt battery factory"); and a
        name it brings is one the chain has or its sentences say ("X will build a plant … the X
        plant"), not another asset's ("the Y components plant", named nowhere near it)."""
        if any(_conflict(d, new) for d in self.descriptions):
            return False
        if new.names and not any(d.names & new.names for d in self.descriptions) and not new.names & self.context:
            return False
        if new.places_before and not new.places_before & self.context:
            return False  # "the Rayong plant" is the plant of sentences that speak of Rayong
        return any(d.head == new.head or (_same_kind(d.head, new.head) and (d.words & new.words or _placed_alike(d, new)))
                   for d in self.descriptions)

    def name(self) -> str:
        """The name another article would use too: of the descriptions with a name of their own
        ("the Brakvolt cell factory"), one that says what the asset is ("the X mine", not "the X
        project"), the most repeated, then the shortest; else the first."""
        named = [d for d in self.descriptions if d.names]
        names = [d.name for d in named]
        generic = lexicon().generic_asset_heads
        best = min(named, key=lambda d: (d.head in generic, -names.count(d.name), len(d.name.split()), names.index(d.name)),
                   default=self.descriptions[0])
        return best.name


def _same_kind(one: str, other: str) -> bool:
    return bool({one, other} & lexicon().generic_asset_heads) or any({one, other} <= group for group in _synonym_groups())


@cache
def _synonym_groups() -> tuple[frozenset[str], ...]:
    """data/lexicon.json's groups of asset heads of one kind ("road highway motorway …")."""
    return tuple(frozenset(group.split()) for group in lexicon().synonymous_asset_heads)


def _placed_alike(one: _Description, other: _Description) -> bool:
    """Both say where it is and agree ("the facility at X" after "a chip plant in X")."""
    return bool(one.places and other.places) and not _elsewhere(one.places, other.places)


def _conflict(one: _Description, other: _Description) -> bool:
    pairs = ((one.countries, other.countries), (one.names, other.names), (one.ordinals, other.ordinals))
    return any(ours and theirs and not ours & theirs for ours, theirs in pairs) or _elsewhere(one.places, other.places)


def _elsewhere(ours: frozenset[str], theirs: frozenset[str]) -> bool:
    """Both say where it is, and no place of one is (in) a place of the other ("Rayong" is in "Rayong Province")."""
    return bool(ours and theirs) and not any(a in b or b in a for a in ours for b in theirs)


def same_asset(doc: Doc) -> Callable[[ActorRef], ActorRef]:
    """The reference a fact's asset should carry: its chain's name (other kinds unchanged)."""
    names = {d.name: chain.name() for chain in chains(doc) for d in chain.descriptions}

    def rename(ref: ActorRef) -> ActorRef:
        if ref.kind is not ActorKind.ASSET or names.get(ref.name, ref.name) == ref.name:
            return ref
        return ActorRef(names[ref.name], ActorKind.ASSET, ref.surface or ref.name, ref.country)

    return rename


def asset_mentions(doc: Doc) -> Iterator[Mention]:
    """Every description of a chain of two or more, as a mention of the chain's asset."""
    for chain in chains(doc):
        name = chain.name()
        if len({d.name for d in chain.descriptions}) > 1:
            for d in chain.descriptions:
                yield Mention(ActorRef(name, ActorKind.ASSET, d.name), evidence_for(sentence_at(doc, d.token.i)))


def chains(doc: Doc) -> list[_Chain]:
    """The document's asset chains, body first, then the headline's descriptions."""
    return per_doc(doc, "ikg_asset_chains", lambda: _chains(doc))


def _chains(doc: Doc) -> list[_Chain]:
    found: list[_Chain] = []
    body, headline = [], []
    for token in (doc[i] for i in lemma_hits(doc, _chained_heads())):  # the heads a description has, not every token
        description = _description(token)
        if description is not None:
            (headline if is_headline(sentence_at(doc, token.i)) else body).append(description)
    headline_words = {t.lower_ for d in headline for t in d.token.sent}
    places = frozenset().union(*(d.places for d in (*body, *headline)))
    body, headline = _places_before(body, places), _places_before(headline, places)
    for description in body:
        joined = [c for c in found if c.continued_by(description)] if not _indefinite(description.token) else []
        joined += [c for c in found if _apposed(c.descriptions[-1], description)]
        chain = joined[-1] if joined else _Chain()
        if not joined:
            found.append(chain)
            if len(found) == 1:  # the article's main asset: the one its headline is about
                chain.context |= headline_words
        chain.add(description)
    for description in headline:  # a headline names the article's main asset (the lede's), if it fits
        if found and found[0].continued_by(description):
            found[0].add(description)
    return found


def _apposed(anchor: _Description, new: _Description) -> bool:
    """"a cell factory in X province, the first plant in Y to make …": a description of its kind set
    off by a comma right after the asset's phrase is that asset, wherever the parser hangs it (a
    wider place is no other place; another name or ordinal is a list: "the A plant, the B plant")."""
    doc, start = anchor.token.doc, new.token.left_edge.i
    before = {t.i for t in pruned_subtree(anchor.token, LISTED)}  # the parser may hang it as a conjunct
    return (start > 1 and doc[start - 1].text == "," and start - 2 in before
            and (anchor.head == new.head or _same_kind(anchor.head, new.head))
            and not any(ours and theirs and not ours & theirs for ours, theirs in ((anchor.names, new.names), (anchor.ordinals, new.ordinals))))


def _places_before(descriptions: list[_Description], places: frozenset[str]) -> list[_Description]:
    """"the Rayong plant" where the article speaks of "a cell factory in Rayong (province)": a word
    that places an asset elsewhere in the article is a place, not the name of this one."""
    def a_place(word: str) -> bool:
        return any(place == word or place.startswith(word + " ") for place in places)

    return [replace(d, names=frozenset(w for w in d.names if not a_place(w)), places_before=frozenset(filter(a_place, d.names)))
            for d in descriptions]


def _description(token: Token) -> _Description | None:
    head = token.lemma_.lower()
    if token.pos_ not in {"NOUN", "PROPN"} or token.tag_ in {"NNS", "NNPS"} or head not in _chained_heads():
        return None
    ref = phrase_ref(token)  # the phrase's own name ("a section of the X motorway" names the motorway: not this one)
    if ref is None or ref.kind is not ActorKind.ASSET or token.lower_ not in ref.name.lower().split():
        return None
    located = {t.i for p in token.children if p.dep_ == "prep" for t in p.subtree}
    words = [t for t in pruned_subtree(token, LISTED) if t != token]  # not those of the assets listed with it
    countries = {e.text.lower() for t in words if (e := entity_at(t)) is not None and _a_country(e.text)}
    # a proper name in "in"/"near"/"at" is where it is, whatever the recogniser calls it
    places = {(e.text if (e := entity_at(t)) is not None else t.text).lower() for t in words
              if t.i in located and (t.pos_ == "PROPN" or t.ent_type_ in PLACE_LABELS)} - countries
    former = {t.i for c in token.lefts if c.lower_ == "former" for t in token.lefts if t.i > c.i}  # a past owner's
    own = [t for t in words if t.i not in located and t.i not in former and not _a_country(t.text) and not _regional(t)]
    names = {t.lower_ for t in own if t.text[:1].isupper() and t.pos_ in {"PROPN", "ADJ", "NOUN"}}
    ordinals = {t.lower_ for t in token.lefts if t.ent_type_ == "ORDINAL"}
    describing = {t.lemma_.lower() for t in own if t.pos_ in {"NOUN", "PROPN", "ADJ"}}
    return _Description(ref.name, head, token, *map(frozenset, (countries, places, names, ordinals, describing)))


def _regional(token: Token) -> bool:
    """"European", "Chinese": a word for where it is, not for which one it is."""
    return token.lower_ in lexicon().regional_words or load_gazetteer().country_for_demonym(token.text) is not None


def _a_country(name: str) -> bool:
    entry = load_gazetteer().lookup(name)
    return entry is not None and entry.kind is ActorKind.COUNTRY


def _indefinite(token: Token) -> bool:
    return determined_by(token, INDEFINITE)


@cache
def _chained_heads() -> frozenset[str]:
    """Asset heads whose descriptions chain: not stakes or ventures (a venture is a company)."""
    return frozenset(lexicon().asset_heads) - lexicon().unchained_asset_heads
