"""Who signs an agreement: the actors its party positions name (``arguments``), read with the
conventions of signing news: a person signs for the body or country named with them, "the two
countries" are the two the article is about, "They" the parties just named, "the government" the
article's country, and a list of signatories each with a title signs for the bodies of the titles.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from graph.extract.actors import actors_in
from graph.extract.agreement_names import PARTY_KINDS
from graph.extract.arguments import arguments
from graph.extract.collectives import collective_named_before
from graph.extract.common import previous_sentence, unique
from graph.extract.docmodel import main_actors, pair, registry
from graph.extract.governments import subnational_level
from graph.extract.lexicon import lexicon
from graph.extract.phrases import phrase_ref
from graph.extract.tree import left_phrase, prep_objects, subtree_span
from graph.extract.word_lists import word_list
from graph.gazetteer import load_gazetteer
from graph.model import ActorKind, ActorRef, Agreement

THEY = frozenset({"they", "both"})
INCLUDING = frozenset({"including", "like", "as"})

Found = list[tuple[int, Agreement]]


def resolve(heads: list[Token], *, found: Found, number: int) -> list[ActorRef]:
    """The parties the heads name: actors (a person signs for the body or country named
    with them), "the two countries", "They", and "the government" as the article's country."""
    refs: list[ActorRef] = []
    for head in heads:
        paired = [r for c in head.conjuncts for r in pair(c)]  # "X and the two governments signed": no antecedent of its own
        named = _actors(head, alone=True) if paired else _actors(head)
        refs += pair(_of_object(head)) or _they(head, found, number) or _signatories(head) or _officials(head) or [*named, *paired]
        refs += _countries_named(head)
        refs += [a.ref for c in (head, *head.conjuncts) if (group := collective_named_before(c)) is not None
                 for a in arguments([group])]  # "X and the consortium signed …": the members of the one named before
        refs += [r for first in _possessor_split(head) for r in _actors(first, alone=True)]
        for listed in _listed_apposition(head) + _examples(head) + _between_split(head):
            refs += _actors(listed)
    return unique([_state_of(r) for r in refs if r.kind in PARTY_KINDS])


def _between_split(head: Token) -> list[Token]:
    """"between the municipality of X and Y": "between" needs two sides; where its object has no
    conjunct, the parser hung the second side on the object's "of" phrase."""
    if head.conjuncts or head.dep_ != "pobj" or head.head.lower_ != "between":
        return []
    return [c for o in prep_objects(head, {"of"}) for c in o.conjuncts]


def _possessor_split(head: Token) -> list[Token]:
    """"X and Nigeria's finance ministry signed": the parser makes "X and Nigeria" the possessor of
    the ministry, though "'s" closes the country's name only; X is a signer of its own."""
    gaz = load_gazetteer()
    found = []
    for owner in (c for c in head.children if c.dep_ in {"poss", "nmod"} and not any(k.dep_ == "case" for k in c.children)):
        last = owner.conjuncts[-1] if owner.conjuncts else None
        if last is not None and any(k.dep_ == "case" for k in last.children) and gaz.country_named(last.text) is not None:
            found += [owner, *owner.conjuncts[:-1]]
    return found


def _countries_named(head: Token) -> list[ActorRef]:
    """A country's own name the model tagged a nationality ("Tajikistan" as NORP), which
    ``arguments`` reads as no one: a party in a list of signing states."""
    gaz = load_gazetteer()
    names = [t for t in (head, *head.conjuncts) if t.ent_type_ == "NORP" and t.pos_ == "PROPN" and gaz.country_for_demonym(t.text) is None]
    return [ActorRef(e.name, ActorKind.COUNTRY, t.text, e.name) for t in names if (e := gaz.country_named(t.text)) is not None]


def _officials(head: Token) -> list[ActorRef]:
    """Officials sign for the states their titles name: "the energy ministers of X and Y", "the
    Norwegian and Chilean ministers", "X's minister … and his Angolan counterpart"; a name listed
    with them signs for itself."""
    heads = (head, *head.conjuncts)
    states = [_states_of(h) if _official(h) else _actors(h, alone=True) for h in heads]
    return [r for refs in states for r in refs] if any(_official(h) and refs for h, refs in zip(heads, states)) else []


def _official(head: Token) -> bool:
    return head.pos_ == "NOUN" and head.lemma_.lower() in word_list("officials")


def _states_of(official: Token) -> list[ActorRef]:
    """The states an official's title names: its "of" objects, its possessor, its nationality words."""
    named = [n for o in prep_objects(official, {"of"}) for n in (o, *o.conjuncts)]
    named += [c for c in official.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    refs = [r for n in named for r in _actors(n, alone=True)]
    gaz = load_gazetteer()
    words = official.doc[official.left_edge.i : official.i]
    countries = [e for w in words if (e := gaz.country_for_demonym(w.text)) is not None]
    return refs + [ActorRef(e.name, ActorKind.COUNTRY, e.name, e.name) for e in countries]


def _state_of(ref: ActorRef) -> ActorRef:
    """A national government signs for its country; a province's or a ministry's name stays."""
    if ref.kind is not ActorKind.GOVERNMENT_BODY or not ref.name.startswith("Government of "):
        return ref
    entry = load_gazetteer().lookup(ref.name.removeprefix("Government of "))
    if entry is None or entry.kind is not ActorKind.COUNTRY:
        return ref
    return ActorRef(entry.name, ActorKind.COUNTRY, ref.surface, entry.name)


def _signatories(head: Token) -> list[ActorRef]:
    """The bodies of a flat list of signatories, each followed by title and body ("A, secretary, ministry
    of X and B, …"), read from the text: the parser hangs the second signatory inside the first's titles."""
    if head.ent_type_ != "PERSON":
        return []
    span = subtree_span(head)
    people = [a for a in actors_in(span) if a.ref.kind is ActorKind.PERSON]
    if len(people) < 2:
        return []
    bounds = [p.span.end for p in people], [p.span.start for p in people[1:]] + [span.end]
    bodies = []
    for end, start in zip(*bounds):
        named = [a.ref for a in actors_in(head.doc[end:start]) if a.ref.kind in PARTY_KINDS - {ActorKind.PERSON}]
        bodies += named[-1:]  # "…, ministry of finance, government of X": the last body named is the signing one
    return bodies if len(bodies) == len(people) else []


def _examples(head: Token) -> list[Token]:
    """"media companies such as X and Y": the named examples of a common-noun party."""
    nouns = [t for t in (head, *head.conjuncts) if t.pos_ == "NOUN"]
    return [o for n in nouns for o in prep_objects(n, INCLUDING)]


def between_in(sent: Span) -> list[Token]:
    """The conjoined objects of a "between" anywhere in the sentence, or "the two countries": the
    sides it names ("Trade between the two countries is governed by a treaty signed in 2002")."""
    objects = [o for p in sent if p.dep_ == "prep" and p.lower_ == "between" for o in p.children if o.dep_ == "pobj"]
    return [o for o in objects if o.conjuncts or pair(o)]


def _listed_apposition(head: Token) -> list[Token]:
    """A list of names the parser hung on its first name as a conjoined apposition."""
    return [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.conjuncts]


def _actors(head: Token, *, alone: bool = False) -> list[ActorRef]:
    """The parties a head names (with its conjuncts, unless ``alone``)."""
    found = arguments([head], alone=frozenset({head.i}) if alone else frozenset())
    named = [a.ref for a in found] or _proper_names([head] if alone else [head, *head.conjuncts])
    refs = [_represented(_signing_body(ref, head), head) for ref in named]
    refs = [r for r in refs if r is not None and r.kind in PARTY_KINDS]
    government = head.pos_ == "NOUN" and head.lemma_.lower() in lexicon().government_words
    if government and subnational_level(head) is None and (
            not refs or (head.lemma_.lower() == "government" and _bare(head) and all(_agency(r) for r in refs))):
        return main_actors(head, (ActorKind.COUNTRY,), 1, local=False) or refs
    return refs


def _bare(head: Token) -> bool:
    """"the government", with nothing that says whose."""
    return all(c.dep_ == "det" for c in head.children)


def _agency(ref: ActorRef) -> bool:
    """A government body that is not a government (a ports authority, a ministry): "the government"
    that signs is not the agency named before it but the country."""
    return ref.kind is ActorKind.GOVERNMENT_BODY and "government" not in ref.name.lower()


def _signing_body(ref: ActorRef, head: Token) -> ActorRef:
    """A party is never an asset: a proper name the recogniser took for a place (as
    ``arguments.unknown_name`` reads it) or an organisation's name ending in an asset word
    ("… Rail") signs as a company."""
    if ref.kind is not ActorKind.ASSET:
        return ref
    place = head.pos_ == "PROPN" and head.ent_type_ in {"GPE", "LOC", "FAC", ""}
    organisation = any(t.ent_type_ == "ORG" for t in (head, *head.conjuncts)) and ref.name[:1].isupper()
    return replace(ref, kind=ActorKind.COMPANY) if place or organisation else ref


def _proper_names(heads: list[Token]) -> list[ActorRef]:
    """Proper names read as a whole: a name whose last word is also a partitive noun, which
    ``arguments`` looks through (the tagger may even call it a verb)."""
    names = [h for h in heads if h.pos_ == "PROPN" or h.ent_type_ == "ORG"]
    return [ref for head in names if (ref := phrase_ref(head)) is not None]


def _represented(ref: ActorRef, head: Token) -> ActorRef | None:
    """A person signs for the body named with them, else a head of state for the country."""
    if ref.kind is not ActorKind.PERSON:
        return ref
    named = [a.ref for span in _described_by(ref, head) for a in actors_in(span)]
    bodies = [r for r in named if r.kind in PARTY_KINDS - {ActorKind.COUNTRY}]
    countries = [r for r in named if r.kind is ActorKind.COUNTRY]
    if bodies or countries:  # "X, chief executive of Y"; "X, secretary of the finance ministry of Z"
        return (bodies or countries)[0]
    if ref.country:
        return ActorRef(ref.country, ActorKind.COUNTRY, ref.surface or ref.name, ref.country)
    return next(iter(main_actors(head, (ActorKind.COUNTRY,), 1, local=False)), None) if state_title(ref, head) else None


TITLE_REACH = 3  # words before a name that may be its title ("Deputy Finance Minister X")


def state_title(person: ActorRef, head: Token) -> bool:
    """"Finance Minister X signed …", or X so titled earlier in the text (the title's words just
    before the name, whatever the tagger made of them): X signs for a state."""
    doc = head.doc
    here = {t.lemma_.lower() for span in _described_by(person, head) for t in span}
    before = {t.lower_ for e in registry(doc) if e.ref.name == person.name and e.position <= head.i
              for t in doc[max(e.sentence.start, e.position - TITLE_REACH) : e.position]}
    return bool((here | before) & word_list("state_titles"))


def _described_by(ref: ActorRef, head: Token) -> list[Span]:
    """The person's own title and appositions, not those of the people listed with them."""
    last = ref.name.split()[-1]
    person = next((t for t in (head, *head.conjuncts) if t.text in ref.name.split()), None)
    person = person or next((t for t in head.subtree if t.text == last), head)
    doc = person.doc
    spans = [subtree_span(c) for c in person.children if c.dep_ == "appos"]
    if person.left_edge.i < person.i:
        spans.append(doc[person.left_edge.i : person.i])
    if person.dep_ == "appos" and person.head.pos_ == "NOUN":  # "Kenya's finance minister Anna Vold"
        spans.append(left_phrase(person.head))
    return spans


def _of_object(head: Token) -> Token:
    """Who a common noun belongs to (its "of" object), else the head itself: either may be a pair."""
    if head.pos_ != "NOUN":
        return head
    return (prep_objects(head, {"of"}) or [head])[0]


def _they(head: Token, found: Found, number: int) -> list[ActorRef]:
    """"They": the parties of the agreement just named, else the previous sentence's conjoined subjects."""
    if head.lower_ not in THEY:
        return []
    if found and number - found[-1][0] <= 2:
        return list(found[-1][1].parties)
    earlier = previous_sentence(head.sent)
    subjects = [c for c in earlier.root.children if c.dep_ == "nsubj" and c.lower_ not in THEY] if earlier is not None else []
    refs = [r for r in resolve(subjects, found=[], number=number) if r.kind in PARTY_KINDS]
    return refs if len(refs) >= 2 else []
