"""Governments and families named by a common noun ("the Indian government", "the government of X",
"the state government", "the Kayalar family"): the bodies that act in a deal without a name of their
own, read by :func:`graph.extract.arguments.argument_at`.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from graph.extract.collectives import country_named
from graph.extract.common import entity_at
from graph.extract.docmodel import main_actors
from graph.extract.lexicon import lexicon
from graph.extract.word_lists import word_list
from graph.gazetteer import load_gazetteer
from graph.model import ActorKind, ActorRef


def the_government(head: Token) -> ActorRef | None:
    """"The federal government had approved aid …" with no government named before: the
    government of the country the article is about, which news names as the country; "the state
    government" is the state's, named before ("the Jalisco state government"), never the country."""
    if not _a_government_noun(head) or not any(c.lower_ == "the" for c in head.children):
        return None
    level = subnational_level(head)
    if level is not None:
        return next((ref for ref in _governments_before(head) if level in ref.name.lower().split()), None)
    found = main_actors(head, (ActorKind.COUNTRY,), 1, local=False)
    return found[0] if found else None


def public_purse(head: Token) -> ActorRef | None:
    """"the state budget will contribute €32.7m", "from the national budget": a country's own budget or
    treasury pays as its government, the country the article is about (not "the company's budget")."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in word_list("public_purse_words"):
        return None
    public = any(c.dep_ in {"amod", "compound"} and c.lower_ in word_list("public_purse_modifiers") for c in head.children)
    owned = any(c.dep_ == "poss" for c in head.children)
    return next(iter(main_actors(head, (ActorKind.COUNTRY,), 1, local=False)), None) if public and not owned else None


def subnational_level(head: Token) -> str | None:
    """"state", "provincial", "municipal": the word that makes a government a region's or a city's."""
    return next((c.lower_ for c in head.lefts if c.dep_ in {"amod", "compound"} and c.lower_ in word_list("subnational_words")), None)


def government_named_before(head: Token) -> ActorRef | None:
    """"Australia's federal government blocked … the government has blocked …": a bare "the
    government" is the last government the text named, not a country it names since."""
    if not _a_government_noun(head) or [c for c in head.children if c.dep_ != "det"]:
        return None
    return next(_governments_before(head), None)


def _a_government_noun(head: Token) -> bool:
    """"government", or "the Government" capitalised with nothing of its own (not "Government House")."""
    if head.lower_ not in {"government", "governments"} and head.lemma_.lower() != "government":
        return False
    own = [c for c in head.children if c.dep_ not in {"cc", "conj", "punct"}]  # "The Government and X signed": X its conjunct
    return head.pos_ == "NOUN" or (head.pos_ == "PROPN" and all(c.dep_ == "det" for c in own))


def _governments_before(head: Token) -> Iterator[ActorRef]:
    """The governments the text names before ``head``, the nearest first."""
    named = (government(t) for t in reversed(head.doc[: head.i]) if t.lemma_.lower() == "government")
    return (ref for ref in named if ref is not None)


def family(head: Token) -> ActorRef | None:
    """"the Kayalar family": a family named by its surname holds, buys and sells as one; "the family"
    alone is the family named last before it."""
    if head.lemma_.lower() != "family" or head.pos_ != "NOUN":
        return None
    names = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if not names:
        bare = [c.lower_ for c in head.children] == ["the"]
        earlier = [t for t in head.doc[: head.i] if t.lemma_.lower() == "family" and t.pos_ == "NOUN" and t.i != head.i]
        return next((ref for t in reversed(earlier) if (ref := family(t)) is not None), None) if bare else None
    name = head.doc[names[0].left_edge.i : head.i].text  # "the Irazoqui-Fernel family": the hyphened name whole
    return ActorRef(f"{name} family", ActorKind.PERSON, f"{name} family", None)


def government(head: Token) -> ActorRef | None:
    """"the Indian government", "the government of X", "X's industry ministry", "the Government of X"
    (capitalised: a ministry's capitalised name is its own, "the Ministry of Finance")."""
    capitalised_government = head.pos_ == "PROPN" and head.lemma_.lower() == "government"
    if (head.pos_ != "NOUN" and not capitalised_government) or head.lemma_.lower() not in lexicon().government_words:
        return None
    for child in head.children:
        place = _place_name(child)
        if place is not None:
            level = subnational_level(head)  # "state" of "the X state government", hung on "state"
            words = [t.text for t in head.lefts if t.dep_ in {"compound", "amod"} and (t != child or t.lower_ == level)
                     and t.text not in place.split() and t.ent_type_ != "NORP"]
            if head.lemma_.lower() == "ministry" and words:  # "the finance ministry" is the Ministry of Finance
                name = f"Ministry of {' '.join(words).capitalize()}"
            else:
                name = " ".join([*words, head.text]).capitalize()
            return ActorRef(f"{name} of {place}", ActorKind.GOVERNMENT_BODY, head.doc[head.left_edge.i : head.i + 1].text, None)
    return None


def governments_of(head: Token) -> list[ActorRef]:
    """"the governments of X and Y": each country's government, one per place named after "of"."""
    if head.tag_ != "NNS" or head.lemma_.lower() not in lexicon().government_words:
        return []
    places = [t for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"
              for t in (o, *o.conjuncts) if t.ent_type_ == "GPE" or country_named(t) is not None]
    names = [t.doc[(entity_at(t) or t.doc[t.i : t.i + 1]).start : _name_end(t)].text for t in places]
    body = head.lemma_.capitalize()
    return [ActorRef(f"{body} of {name}", ActorKind.GOVERNMENT_BODY, f"the {head.lemma_} of {name}", None)
            for name in names] if len(names) > 1 else []


def _place_name(child: Token) -> str | None:
    """The country or region a modifier names: "Indian", "Quebec", "of Sri Lanka", "Japan's"."""
    region = _region_before_level(child)
    if region is not None:
        return region
    if child.dep_ in {"amod", "compound", "poss"}:
        country = country_named(child)
        if country is not None:
            return country
        mistagged = child.ent_type_ in {"NORP", "LOC"} and load_gazetteer().country_for_demonym(child.text) is None
        if child.ent_type_ == "GPE" or (child.pos_ == "PROPN" and mistagged):  # "the Gujarat government", tagged NORP
            return child.doc[child.left_edge.i : child.i + 1].text
        if _region_as_person(child):
            return _proper_run(child).text
    if child.dep_ == "prep" and child.lower_ == "of":
        places = [t for t in child.subtree if t.ent_type_ == "GPE" or (t.pos_ == "PROPN" and country_named(t) is not None)] \
            or _unknown_place(child)  # "the Government of Kenya" tagged one organisation: Kenya is still a country
        own = [t for t in places if t.dep_ != "poss" and not any(a.dep_ == "poss" for a in t.ancestors)]
        places = own or places  # "the government of China's Jiangxi province": the province's, not China's
        if places:
            return child.doc[places[0].i : _name_end(places[0])].text
    return None


def _region_before_level(child: Token) -> str | None:
    """"the X regional government", "the X state government" (X hung on "state"): the name before a
    region's or a city's level word is that region or city, whatever the model tagged it."""
    if child.dep_ not in {"compound", "nmod", "amod"} or subnational_level(child.head) is None:
        return None
    name = child if child.pos_ == "PROPN" else next((c for c in child.lefts if c.pos_ == "PROPN" and c.dep_ in {"compound", "nmod"}), None)
    return child.doc[name.left_edge.i : name.i + 1].text if name is not None and name.dep_ in {"compound", "nmod"} else None


def _region_as_person(child: Token) -> bool:
    """"the Tamil Nadu government": a two-word region the model tags as a person or not at all; a
    leader's government ("the Modi government") has a one-word name, or one the gazetteer knows."""
    if child.pos_ != "PROPN" or child.ent_type_ not in {"PERSON", ""} or child.head.lemma_.lower() != "government":
        return False
    span = _proper_run(child)
    return len(span) >= 2 and load_gazetteer().lookup(span.text) is None


def _proper_run(child: Token) -> Span:
    """The proper nouns compounded on one head that end at ``child`` ("Tamil" "Nadu" of "the Tamil Nadu government")."""
    start = child.left_edge.i
    while start > child.sent.start and child.doc[start - 1].pos_ == "PROPN" and child.doc[start - 1].head == child.head:
        start -= 1
    return child.doc[start : child.i + 1]


def _unknown_place(of: Token) -> list[Token]:
    """"the government of Valdera" with the place mistagged: a lone proper name after a government's
    "of" is its country ("the Ministry of Finance" names a portfolio, "of Jane Roe" a person)."""
    if of.head.lemma_.lower() != "government":
        return []
    names = [t for t in of.children if t.dep_ == "pobj" and t.pos_ == "PROPN" and t.ent_type_ in {"", "GPE", "LOC", "PERSON"}]
    return [t for t in names if not any(c.dep_ in {"compound", "nmod"} for c in t.children)]


def _name_end(token: Token) -> int:
    """Where the name that ``token`` starts or continues ends: its entity's end, else right after it."""
    ent = entity_at(token)
    return ent.end if ent is not None else token.i + 1
