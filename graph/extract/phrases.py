"""From a dependency head to the actor or asset its phrase names, looking through "of" chains
and appositions: a named actor, a company a descriptor introduces, a common-noun asset named by
its modifiers and place, or the country a generic target stands for.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.extract.actors import ActorSpan, actors_in, find_actors
from graph.extract.descriptions import is_descriptor
from graph.extract.common import entity_at, first_found, hyphened_to, per_doc
from graph.extract.frames import is_trigger_word
from graph.extract.lexicon import lexicon
from graph.extract.tree import left_phrase, name_span, object_of
from graph.extract.word_lists import word_list
from graph.gazetteer import load_gazetteer
from graph.model import ActorKind, ActorRef

PLACE_PREPS = frozenset({"in", "near", "at", "on", "outside"})
CLAUSE_OBJECTS = frozenset({"pobj", "pcomp"})  # "as building Y" as well as "as Y"


def actor_at(token: Token) -> ActorSpan | None:
    """The actor whose name covers ``token``, if any (from a per-document index of token positions)."""
    doc = token.doc  # the first actor covering a token wins: the earlier ones are written last
    index = per_doc(doc, "ikg_actor_at", lambda: {i: a for a in reversed(find_actors(doc))
                                                  for i in range(a.span.start, a.span.end)})
    return index.get(token.i)


def capitalised(name: str) -> bool:
    """A name with a proper word in it ("Kumbiri dam"), not a common description ("transmission lines")."""
    return any(w[:1].isupper() for w in name.split())


def named_asset(ref: ActorRef) -> bool:
    """An asset the text names ("the Kumbiri dam"), which one could look up; not "transmission lines"."""
    return ref.kind is ActorKind.ASSET and capitalised(ref.name)


def truncated_name(ref: ActorRef) -> bool:
    """"Bosnia and" out of "Bosnia and Herzegovina's largest foundry": a name cut at a conjunction."""
    words = ref.name.split()
    return len(words) > 1 and words[-1].lower() in {"and", "or", "&"}


def phrase_ref(head: Token) -> ActorRef | None:
    """The actor or asset one noun phrase names, looking through "of" chains."""
    head = bracketed_head(head)
    actor = actor_at(head) or _named_by_modifier(head)
    if actor is not None and actor.ref.kind is not ActorKind.ASSET:
        return actor.ref
    found = described_company(head) or asset_ref(head) or named_works(head)
    if found is None and (generic := generic_country(head)) is not None:
        found = _included(head) or generic
    found = found or first_found(phrase_ref, _nested_heads(head))
    return found or (actor.ref if actor is not None else None)


def _included(head: Token) -> ActorRef | None:
    """"stakes in five Egyptian companies, including CIB": the named member beats the country."""
    listing = (c for c in head.children if c.dep_ == "prep" and c.lower_ in {"including", "notably", "especially"})
    members = (actor_at(inner) for prep in listing if (inner := object_of(prep, CLAUSE_OBJECTS)) is not None)
    return next((a.ref for a in members if a is not None and a.ref.kind is not ActorKind.COUNTRY), None)


def _named_by_modifier(head: Token) -> ActorSpan | None:
    """"the Chinese Linglong company": the name is a modifier of "company"."""
    if head.lower_ not in lexicon().descriptors:
        return None
    # "a Thessaloniki software firm, Hellas Code": the apposition names the firm, the modifier its place
    appositions = [a for c in head.children if c.dep_ == "appos" and (a := actor_at(c)) is not None]
    firms = [a for a in appositions if a.ref.kind not in {ActorKind.COUNTRY, ActorKind.ASSET}]
    if firms:
        return firms[0]
    mods = [t for t in head.lefts if t.dep_ in {"compound", "amod", "nmod"}]
    named = [a for t in mods if (a := actor_at(t)) is not None]
    non_country = [a for a in named if a.ref.kind is not ActorKind.COUNTRY]
    # "a German power grid operator", "a Malaysian-Korean group": one unnamed firm, not Germany
    return non_country[-1] if non_country else None


def described_company(head: Token) -> ActorRef | None:
    """A company the recogniser missed (or called a place or a person): news introduces one with a
    descriptor or a country's possessive ("fertiliser maker X", "Turkey's X")."""
    if head.pos_ != "PROPN" or head.ent_type_ in {"GPE", "DATE", "MONEY", "PERCENT", "NORP"}:
        return None
    lefts = [t for t in head.lefts if t.dep_ in {"compound", "nmod", "amod", "poss"}]
    # "Lianxin, a maker of etching equipment, said …": the descriptor may follow as an apposition
    described_after = any(c.dep_ == "appos" and c.pos_ == "NOUN" and is_descriptor(c) for c in head.rights)
    if not described_after and not any((t.pos_ == "NOUN" and is_descriptor(t)) or _is_country_poss(t) for t in lefts):
        return None
    name = name_span(head).text
    return ActorRef(name, ActorKind.COMPANY, name, None)


def _a_country(token: Token) -> bool:
    actor = actor_at(token)
    return actor is not None and actor.ref.kind is ActorKind.COUNTRY


def _is_country_poss(token: Token) -> bool:
    return token.dep_ == "poss" and _a_country(token)


def _nested_heads(head: Token) -> list[Token]:
    """Heads one "of"/"such as"/apposition step below ``head``."""
    nested = []
    for child in head.children:
        if child.dep_ == "appos":
            # "Y, a unit of X" and "the games maker, owner of X" describe: not names of the head;
            # "A, the B and C" is a list the parser hung on A, whose B does not name A
            listed = head.pos_ == "PROPN" and any(c.pos_ == "PROPN" for c in child.conjuncts)
            if (head.pos_ != "PROPN" or child.pos_ == "PROPN") and not is_trigger_word(child) and not listed:
                nested.append(child)
        elif child.dep_ == "prep" and child.lower_ in {"of", "like", "as"}:
            inner = object_of(child, CLAUSE_OBJECTS)
            # "Kessa Petroleum Holding of Japan": a name's country is where it is from, not the name
            national = head.pos_ == "PROPN" and inner is not None and _a_country(inner)
            nested += [inner] if inner is not None and not national else []
        elif child.dep_ == "poss" and _owned_asset(head, child):
            nested.append(child)  # "X's plants", unnamed otherwise, are X's as "the plants of X" are
    return nested


def _owned_asset(head: Token, owner: Token) -> bool:
    """An unnamed asset word whose possessor is a named owner, not a place ("Kenya's grid" is in Kenya)."""
    return (head.pos_ == "NOUN" and head.lemma_.lower() in lexicon().asset_heads and owner.pos_ == "PROPN"
            and owner.ent_type_ not in {"GPE", "LOC", "NORP", "FAC"})


def asset_ref(head: Token) -> ActorRef | None:
    """A common-noun asset named by every compound modifier and its place ("battery cell plant in
    X"); the head with its nearest modifier, the form later mentions tend to use, is its label."""
    lex = lexicon()
    if head.pos_ not in {"NOUN", "PROPN"} or head.lemma_.lower() not in lex.asset_heads or head.lemma_.lower() == "stake":
        return None
    if any(c.dep_ == "prt" for c in head.children):
        return None  # "X lines up $5bn": a verb with its particle, tagged a noun (as headlines often are)
    designated = _designated_name(head)
    if designated is not None:
        return ActorRef(designated, ActorKind.ASSET, designated, None)
    place = _place_of(head)
    full, short = _unwrapped(head, _full_name(head)), _unwrapped(head, " ".join(_asset_words(head)))
    full, short = _of_name(head, full), _of_name(head, short)
    unmeasured = _unmeasured(full)
    named = capitalised(unmeasured)
    if not named and place is None:  # "a 62 MW plant" is one the text can refer to again; "a plant" is none
        return ActorRef(full, ActorKind.ASSET, full, None) if unmeasured != full else None
    full = unmeasured  # "the 300 MW Dunmore wind farm", "a 300 MW wind farm near Oran": named without its size
    if not named:  # "the Brod refinery in Bosnia" is named already; the place only locates it
        prep = _place_prep(head)
        full, short = _with_place(full, place, prep), _place_first(short, place, prep)
    return ActorRef(full, ActorKind.ASSET, short, _country_of_place(place))


def _unmeasured(name: str) -> str:
    """The name without a size written with its units ("62 MW"): no proper word, though capitalised."""
    words = name.split()
    units = [i for i, w in enumerate(words) if w.lower() in word_list("measure_units") and i and words[i - 1][:1].isdigit()]
    return " ".join(w for i, w in enumerate(words) if i not in units and i + 1 not in units)


def _place_first(name: str, place: str, prep: str) -> str:
    """"dams in Santa Cruz" is also "the Santa Cruz dams": the short form puts a named place first."""
    named = all(w[:1].isupper() for w in place.split()) and prep in {"in", "at"}
    return f"{place} {name}" if named and place.lower() not in name.lower() else _with_place(name, place, prep)


def _of_name(head: Token, name: str) -> str:
    """A capitalised asset word with "of" and a proper name is one name ("Port of Lemara"); so is a
    lower-case one with a place ("the port of Varna" is a port, not the town)."""
    capitalised = head.text[0].isupper() and head.pos_ == "PROPN"
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"):
        obj = object_of(prep, CLAUSE_OBJECTS)
        words = list(obj.subtree) if obj is not None else []
        if not capitalised and (obj is None or obj.ent_type_ not in {"GPE", "LOC"}):
            continue
        if words and all(t.pos_ == "PROPN" or t.is_punct for t in words):
            return f"{name} of {head.doc[words[0].i : words[-1].i + 1].text}"
    return name


def _designated_name(head: Token) -> str | None:
    """A numbered facility entity ("Line 5 (South)"), whose compound chain would drop number and branch."""
    ent = entity_at(head)
    ent = ent if ent is not None and ent.label_ == "FAC" else None
    if ent is None or not any(t.like_num for t in ent if t.i > head.i) or head.pos_ != "PROPN":
        return None
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    end = ent.end
    doc = head.doc
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 1].pos_ == "PROPN" and doc[end + 2].text == ")":
        end += 3
    return doc[start:end].text.replace(" ( ", " (").replace(" )", ")")


def bracketed_head(head: Token) -> Token:
    """"for MRT Line 5 (South)" parsed with "South" as the object: the named facility before the bracket."""
    doc = head.doc
    if 0 < head.i < len(doc) - 1 and doc[head.i - 1].text == "(" and doc[head.i + 1].text == ")":
        before = doc[head.i - 2] if head.i >= 2 else None
        if before is not None and before.ent_type_ == "FAC":
            names = [t for t in doc[before.i - 3 : before.i + 1] if t.lemma_.lower() in lexicon().asset_heads]
            return names[-1] if names else head
    return head


def named_works(head: Token) -> ActorRef | None:
    """"the Paks II expansion" → asset "Paks II": the works stand for the named asset; "a new terminal
    extension" → asset "terminal extension": works on an asset of no name are an asset of their own."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in word_list("works_words"):
        return None
    before = head.doc[head.i - 1] if head.i > 0 else None
    if before is not None and before.dep_ in {"compound", "amod"} and before.lower_ in lexicon().asset_heads:
        name = f"{before.text} {head.text}"
        return ActorRef(name, ActorKind.ASSET, name, None)
    names = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if not names or names[-1].i != head.i - 1 or names[0].ent_type_ in {"GPE", "NORP", "ORG", "PERSON"}:
        return None
    start = names[0].left_edge.i
    name = head.doc[start : head.i].text
    return ActorRef(name, ActorKind.ASSET, name, None)


def _unwrapped(head: Token, name: str) -> str:
    """"the Balkhash thermal power plant project": the asset is the plant, "project" wraps it."""
    before = head.doc[head.i - 1] if head.i > 0 else None
    if head.lemma_.lower() in word_list("wrapper_words") and before is not None and before.lemma_.lower() in lexicon().asset_heads:
        return name[: -len(head.text)].rstrip() or name
    return name


def _with_place(name: str, place: str, prep: str) -> str:
    return name if place.lower() in name.lower() else f"{name} {prep} {place}"


def _place_prep(head: Token) -> str:
    """"a gigafactory near Kenitra" is not "in Kenitra": keep the text's preposition."""
    if _route(head) is not None:
        return "from"
    return next((c.lower_ for c in place_preps(head) if c.lower_ in PLACE_PREPS | {"between"}), "in")


def place_preps(head: Token) -> list[Token]:
    """The prepositions that may place an asset: its own, and one right after it on the verb or noun
    it is the object of ("built a plant near X", "invest in a campus outside X", "the second phase of
    the port at X")."""
    governor = head.head.head if head.dep_ == "pobj" else head.head if head.dep_ == "dobj" else None
    following = [c for c in governor.rights if c.i == head.right_edge.i + 1] if governor is not None else []
    return [c for c in [*head.rights, *following] if c.dep_ == "prep"]


def _full_name(head: Token) -> str:
    """Every compound/adjective modifier left of the head, without articles, sums or state words."""
    start = head.i
    for token in sorted(head.subtree, key=lambda t: -t.i):
        if token.i >= head.i:
            continue
        if token.i != start - 1 or not _name_modifier(token, head) or _verb_read_as_noun(token):
            break
        start = token.i
    doc = head.doc
    while start < head.i and (_is_demonym(doc[start]) or doc[start].lower_ in word_list("not_name_words")):
        start += 1
    start = _past_measure(doc[start], head) if start < head.i else start
    if 0 < start < head.i and doc[start].lower_ in word_list("measure_units") and doc[start - 1].like_num:
        start -= 1  # "a 62 MW plant": the size with its number, as in "62-megawatt" (which the hyphen keeps out)
    return doc[_dash_start(doc[start]) if start < head.i else start : head.i + 1].text


def _verb_read_as_noun(token: Token) -> bool:
    """"Nexalith delays Cottbus chip fab": a lower-case plural between a name and a capitalised word is a
    headline's verb the tagger read as a noun of the name; the asset's name starts after it."""
    doc = token.doc
    return (token.tag_ == "NNS" and token.is_lower and 0 < token.i < len(doc) - 1
            and doc[token.i - 1].text[:1].isupper() and doc[token.i + 1].text[:1].isupper())


def _past_measure(first: Token, head: Token) -> int:
    """"a 400-kilovolt line", "a 40-gigawatt-hour battery factory": a capacity, a number hyphened to its
    units, is no part of the name, as "450-megawatt" is not: the name starts after the word it is in."""
    doc, start, end = first.doc, first.i, first.i
    while start > 0 and not doc[start - 1].whitespace_:
        start -= 1
    while end < head.i - 1 and not doc[end].whitespace_:
        end += 1
    measure = doc[start].like_num and any(t.text in {"–", "-"} for t in doc[start : end + 1])
    return end + 1 if measure and end < head.i else first.i


def _name_modifier(token: Token, head: Token) -> bool:
    """A word of the asset's name: a compound chain or adjective inside the noun phrase."""
    if token.text in {"–", "-"} or _numbered(token):
        return True
    measured = token.ent_type_ == "QUANTITY" and token.pos_ == "PROPN"  # "340-km [Orsk]": the model ran the size into the name
    if (token.ent_type_ in {"MONEY", "PERCENT", "DATE", "CARDINAL", "QUANTITY"} and not measured) or token.dep_ in {"det", "poss", "nummod", "case"}:
        return False
    if token.dep_ in {"cc", "conj"}:  # "the Tumar gold and copper mine": coordinated modifiers
        return token.head.dep_ in {"compound", "amod", "nmod"} and token.head.head == head
    hyphened = token.i + 1 < len(token.doc) and token.doc[token.i + 1].text in {"–", "-"} and not token.whitespace_
    dashed = hyphened and token.text[:1].isupper()  # "Enugu-Abakaliki road"
    glued = hyphened and token.dep_ == "npadvmod"  # "coal" of "the X coal-fired plant"
    return token.dep_ in {"compound", "amod", "nmod"} or (token.pos_ == "PROPN" and token.dep_ == "appos") or dashed or glued


def _numbered(token: Token) -> bool:
    """"the Olmec 2 dam", "the Al Hanakiyah 2 plant": a number right after the proper name it counts is
    part of the name, as is one written together with the letter after it ("a 5G network")."""
    doc = token.doc
    if _written_together(token) and token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper():
        return True
    name = doc[token.i - 1] if token.i else token
    if not (token.like_num and token.dep_ == "nummod" and name.pos_ == "PROPN" and name.i < token.i):
        return False  # the number hangs on the name, or beside it on the noun after both
    return (token.head == name and name.head.i > token.i) or (token.head == name.head and token.head.i > token.i)


def glued_prefix(word: Token) -> str:
    """"a 5G network", "a high-speed line": a number written together with the word after it, or a
    word hyphened to it, belongs to the name (not a measure: "a 1,500-megawatt plant")."""
    doc = word.doc
    before = doc[word.i - 1] if word.i > 0 else None
    if before is not None and _written_together(before):
        return before.text
    first = doc[word.i - 2] if hyphened_to(word) else None
    hyphened = first is not None and first.is_alpha and not first.ent_type_
    return f"{first.text}-" if hyphened and not (first.i > 0 and doc[first.i - 1].text == "-") else ""


def _written_together(token: Token) -> bool:
    """A number with no space before the word after it."""
    return token.like_num and not token.whitespace_


def _asset_words(head: Token) -> list[str]:
    """Proper-noun modifiers, the last common modifier and the head noun."""
    mods = [t for t in head.lefts if t.dep_ in {"compound", "amod", "nmod"} and not t.is_punct]
    mods = [t for t in mods if not _is_demonym(t) and t.lower_ not in word_list("not_name_words") | word_list("measure_units")
            and not (t.ent_type_ == "QUANTITY" and t.pos_ != "PROPN")]  # "340-km": a size, no name
    proper = [t for t in mods if t.pos_ == "PROPN" or t.text[0].isupper()]
    common = [t for t in mods if t not in proper]
    keep = sorted({*proper, *common[-1:]}, key=lambda t: t.i)
    if keep and keep[0].i < head.i:
        span = head.doc[_dash_start(keep[0]) : head.i + 1]
        return [span.text] if _compact(span) else [*(t.text for t in keep), head.text]
    return [head.text]


def _dash_start(first: Token) -> int:
    """"Bar–Boljare highway" parsed with "Bar" hanging on "Boljare": start at "Bar"."""
    doc, start = first.doc, first.i
    while start >= 2 and doc[start - 1].text in {"–", "-"} and doc[start - 2].pos_ == "PROPN":
        start -= 2
    return start


def _compact(span: Span) -> bool:
    """"Budapest–Belgrade railway": keep the dash, it is part of the name."""
    return any(t.text in {"–", "-"} for t in span) and len(span) <= 6


def _is_demonym(token: Token) -> bool:
    return load_gazetteer().country_for_demonym(token.text) is not None


def _place_of(head: Token) -> str | None:
    """"… plant in the eastern Hungarian city of Debrecen" → "Debrecen"; "open a plant in X" with
    "in X" hung on the verb right after the object locates the plant too."""
    objects = (o for c in place_preps(head) if c.lower_ in PLACE_PREPS and (o := object_of(c, CLAUSE_OBJECTS)) is not None)
    return _between(head) or _route(head) or first_found(_place_in, objects)


def _place_in(obj: Token) -> str | None:
    """The place a preposition's object names: the place itself before its possessor or the
    apposition describing it ("in Mexico's state of Nuevo León", "at Vell, a town near Tarsk")."""
    aside = {t.i for c in obj.subtree if c.dep_ == "appos" for t in c.subtree}  # ", its first plant outside X"
    aside |= {t.i for t in obj.subtree if t.dep_ == "poss" or t.head.dep_ == "poss"}
    area = [t for t in left_phrase(obj) if t.i not in aside]
    region = aside or any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children)
    if region and _named_area(obj) and any(t.pos_ == "PROPN" for t in area):  # "in Rajasthan's Bikaner district"
        return " ".join(t.text for t in area)  # the district, not the region around it
    own = [t for t in obj.subtree if t.i not in aside]
    for token in own:
        ent = entity_at(token)
        if ent is not None and ent.label_ in {"GPE", "LOC", "FAC"}:
            return ent.text
        if _named_settlement(token):
            return left_phrase(token).text
    if _named_area(obj):
        return left_phrase(obj).text
    if _unrecognised_place(obj):  # "a factory in Vell": the small model often misses or mislabels a town's name
        return left_phrase(obj).text.removeprefix("the ")
    return next((e.text for t in obj.subtree if t.i in aside and (e := entity_at(t)) is not None and e.label_ in {"GPE", "LOC", "FAC"}), None)


def _between(head: Token) -> str | None:
    """"a second track between the towns of X and Y": a link is placed by both its ends."""
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "between"):
        names = [t for t in prep.subtree if t.pos_ == "PROPN" and t.dep_ in {"pobj", "conj", "appos"}]
        if len(names) == 2:
            return " and ".join(left_phrase(n).text for n in names)
    return None


def _route(head: Token) -> str | None:
    """"a transmission line from Isiolo to Marsabit": a link is placed by its two ends."""
    for prep in (c for c in head.rights if c.dep_ == "prep" and c.lower_ == "from"):
        start = object_of(prep, CLAUSE_OBJECTS)
        to = [c for t in (prep, head) for c in t.rights if c.dep_ == "prep" and c.lower_ == "to" and c.i > prep.i]
        end = object_of(to[0], CLAUSE_OBJECTS) if to else None
        if start is not None and end is not None and start.pos_ == end.pos_ == "PROPN":
            return f"{left_phrase(start).text} to {left_phrase(end).text}"
    return None


def _unrecognised_place(obj: Token) -> bool:
    """A proper name after "in/near/at" an asset that names no company: a place the model missed."""
    if obj.pos_ != "PROPN" or obj.ent_type_ in {"DATE", "MONEY", "CARDINAL", "PERCENT"}:
        return False
    if obj.ent_type_ == "NORP" and _is_demonym(obj):  # a town the model took for a nationality is still a place
        return False
    words = {t.lower_ for t in obj.subtree}
    return not words & lexicon().company_words


def _named_area(obj: Token) -> bool:
    """"in the Anzob valley": a geographic common noun named by a proper-noun modifier."""
    area = word_list("area_words") | word_list("settlement_words")  # "the Montenegrin port of Bar": a nationality names none
    return obj.lemma_.lower() in area and any(t.pos_ == "PROPN" and not _is_demonym(t) for t in obj.lefts)


def _named_settlement(token: Token) -> bool:
    """"the city of Debrecen": the name after "city of" is a place whatever the recogniser says."""
    prep = token.head
    named = token.pos_ == "PROPN" and token.dep_ == "pobj"
    return named and prep.lower_ == "of" and prep.head.lemma_.lower() in word_list("settlement_words")


def _country_of_place(place: str | None) -> str | None:
    if place is None:
        return None
    gaz = load_gazetteer()
    entry = gaz.lookup(place) or gaz.country_for_capital(place)
    if entry is None:
        return None
    return entry.name if entry.kind is ActorKind.COUNTRY else entry.country


def generic_country(head: Token) -> ActorRef | None:
    """A generic target ("infrastructure", "the economy") stands for the country its modifier or
    its phrase names ("Serbian infrastructure", "the economy of Serbia" → Serbia)."""
    if head.pos_ == "PROPN" or (head.lemma_.lower() not in lexicon().generic_targets and head.lower_ not in lexicon().generic_targets):
        return None  # "Sahab Cloud Infrastructure" is a name
    gaz = load_gazetteer()
    for child in head.children:
        if child.dep_ in {"amod", "compound", "nmod", "poss"}:
            entry = gaz.country_named(child.text)
            if entry is not None:  # "Chinese and Turkish companies" are of no one country
                others = {e.name for c in child.conjuncts if (e := gaz.country_named(c.text)) is not None}
                return ActorRef(entry.name, ActorKind.COUNTRY, child.text, entry.name) if others <= {entry.name} else None
    end = min((c.left_edge.i for c in head.rights if c.dep_ in {"cc", "conj"}), default=head.right_edge.i + 1)
    return next((a.ref for a in actors_in(head.doc[head.i : end]) if a.ref.kind is ActorKind.COUNTRY), None)

