"""Collectives and lists: the named members a group, a consortium or a list of names stands for.

"A consortium led by X", "a group of lenders including X and Y", "the Acme-Beta
consortium", "X, together with Y", and lists of names the parser nested inside
one another: each named member fills the role the group fills.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from graph.extract.agreement_frames import verb_phrase
from graph.extract.common import entities_in
from graph.extract.roles import hyphenated
from graph.extract.tree import determined_by, object_of, prep_objects
from graph.extract.word_lists import word_list
from graph.gazetteer import load_gazetteer

LIST_GLUE = frozenset({",", "and", "&", "the"})  # what may stand between the names of a list


def coordinated_modifiers(head: Token) -> list[Token]:
    """"Acme Mining and Beta Capital" parsed as one name whose modifier "Acme Mining" carries the
    "and": that modifier is a name of its own."""
    if head.pos_ != "PROPN":
        return []
    return [c for c in head.lefts if c.dep_ in {"nmod", "compound"} and c.pos_ == "PROPN"
            and any(g.dep_ == "cc" and g.lower_ in {"and", "&"} and g.i > c.i for g in c.children)]


def list_conjuncts(head: Token) -> list[Token]:
    """The head's conjuncts up to the one "and"/"or" closes the list with: in "by X, Y and Z, W said"
    W, after the closed list and a comma, is the next clause's subject the parser chained on."""
    members: list[Token] = []
    closed = False
    for conjunct in sorted(head.conjuncts, key=lambda t: t.i):
        before = conjunct.doc[conjunct.left_edge.i - 1]
        if closed and conjunct.i > head.i and before.text == ",":
            break
        members.append(conjunct)
        closed = closed or before.dep_ == "cc"
    return members


def apposition_conjuncts(head: Token) -> list[Token]:
    """"Saudi utility X and Japan's Y will build …": the parser hangs Y on the apposition X, or
    ("the cloud company X and the data centre operator Y") on the head as a second apposition, or
    ("A, B and C") B on the name A."""
    names = [a for a in head.children if a.dep_ == "appos" and a.pos_ == "PROPN"]
    joined = [b for a, b in zip(names, names[1:]) if any(t.lower_ in {"and", "&"} for t in head.doc[a.i : b.left_edge.i])]
    # "the lender A, B of Z and C": B hung on A as its apposition, C on B as its conjunct
    chained = [b for a in names for b in a.children if b.dep_ == "appos" and b.pos_ == "PROPN"
               and any(c.pos_ == "PROPN" for c in b.conjuncts)]
    # "X, the Finnish insurer, and Y, a hedge fund, …": Y hung on the description of X
    described = [c for a in head.children if a.dep_ == "appos" and a.pos_ == "NOUN" for c in a.conjuncts if c.pos_ == "PROPN"]
    # "A, B and C will hold …": B hung on the name A as its apposition, C on B; B is a member as C is
    listed = [a for a in names if head.pos_ == "PROPN" and any(c.pos_ == "PROPN" for c in a.conjuncts)]
    return [*listed, *(c for a in (*names, *chained) for c in a.conjuncts if c.pos_ == "PROPN"), *chained, *joined, *described]


def repeated_heads(head: Token) -> list[Token]:
    """"the government of A, the government of B and the government of C": the later phrases, read
    from the text (the parser hangs them on A, or on the sentence's subject), each repeating the head's
    noun with a place of its own."""
    doc, found, end = head.doc, [], _of_phrase_end(head)
    while end is not None:
        start = end
        while start < head.sent.end and doc[start].lower_ in LIST_GLUE:
            start += 1
        at = found[-1] if found else head  # an "of" the parser hung on the noun from before it leads back: stop
        if start == end or start <= at.i or start >= head.sent.end or doc[start].lemma_ != head.lemma_:
            break
        found.append(doc[start])
        end = _of_phrase_end(doc[start])
    return found


def _of_phrase_end(head: Token) -> int | None:
    """Where "N of X" ends, before whatever the parser hung on X."""
    places = [o for p in head.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    if head.pos_ != "NOUN" or not places:
        return None
    inner = [t for c in places[0].children if c.dep_ not in {"appos", "conj", "cc", "punct"} for t in c.subtree]
    return max(t.i for t in [places[0], *inner]) + 1


def accompanying(head: Token) -> list[Token]:
    """"X, together with Y and Z, will buy …", "X, along with Y", "X alongside Y": the names
    that act with a named one (not with an object: "invested in Y alongside Z" is Z investing, not Y)."""
    if head.pos_ != "PROPN" or (head.dep_ == "pobj" and head.head.lower_ not in {"by", "from"}) or head.dep_ == "dobj":
        return []
    withs = [c for c in head.children if c.dep_ == "prep" and (c.lower_ == "alongside" or (
        c.lower_ == "with" and any(t.lower_ in {"together", "along"} for t in c.children)))]
    withs += [w for c in head.children if c.dep_ == "prep" and c.lower_ == "along" for w in c.children if w.lower_ == "with"]
    return [m for w in withs for o in w.children if o.dep_ == "pobj" and o.pos_ == "PROPN" for m in (o, *o.conjuncts)]


def named_list(head: Token) -> list[Token]:
    """"X, the Y Bank of Z and the Dutch lender W signed …": a list of organisation names the parser
    hung as appositions and modifiers of each other, read from the text: names separated by a comma
    or "and", with at most an article and a description before the next name."""
    if head.ent_type_ != "ORG" or head.pos_ != "PROPN":
        return []
    doc = head.doc
    names = [e for e in entities_in(doc[head.left_edge.i : head.right_edge.i + 1]) if e.label_ == "ORG"]
    listed = names[:1]
    closed = False
    for name in names[1:]:  # the names up to the first that is not glued to the one before, or after the list's "and"
        gap = doc[listed[-1].end : name.start]
        hyphened = name.end < len(doc) and doc[name.end].text in {"-", "–"}  # "the Changwon-based group": a place
        if not _glue(gap) or (closed and gap[0].text == ",") or hyphened:
            break
        listed.append(name)
        closed = any(t.lower_ in {"and", "&"} for t in gap)
    return [e.root for e in listed] if len(listed) > 1 else []


def bracketed_list(head: Token) -> list[Token]:
    """"owned by A (40%), B (35%) and C (25%)", "financed by A ($500m) and the government of Z ($300m)":
    names each followed by a bracketed share or sum are one list, read from the text whatever the
    parser made of the brackets (it often hangs the second name on the sentence's subject)."""
    doc, members = head.doc, []
    end = _bracket_end(_phrase_end(head))
    while end is not None:
        glue = [t for t in doc[end : end + 2] if t.lower_ in LIST_GLUE and t.lower_ != "the"]
        found = _name_after(doc, end + len(glue)) if glue and glue[0].i == end else None
        after = _bracket_end(_phrase_end(found)) if found is not None else None
        if after is None:
            break  # every member has its bracket
        members.append(found)
        end = None if any(t.lower_ in {"and", "&"} for t in glue) else after
    return members


def in_bracketed_list(name: Token) -> bool:
    """A name after "A (40%)," or "A ($500m) and": a later member of a bracketed list, which belongs
    to the list's role, not to the phrase the parser hung it on."""
    doc, at = name.doc, name.i
    while at > 0 and doc[at - 1].pos_ == "PROPN":
        at -= 1
    while at > 0 and _describing(doc[at - 1]):
        at -= 1
    while at > 0 and doc[at - 1].lower_ in {",", "and", "&"}:
        at -= 1
    return at < name.i and at > 0 and doc[at - 1].text == ")" and _bracket_end(doc[at - 1].head) is not None


def _bracket_end(last: Token) -> int | None:
    """The index after "(40%)" or "($500m)" right after ``last``; None where no such bracket follows."""
    doc, at = last.doc, last.i
    if at + 3 >= len(doc) or doc[at + 1].text != "(":
        return None
    close = next((t.i for t in doc[at + 2 : min(at + 8, len(doc))] if t.text == ")"), None)
    inside = doc[at + 2 : close] if close is not None else []
    return close + 1 if any(t.ent_type_ in {"PERCENT", "MONEY"} and t.like_num for t in inside) else None


def _name_after(doc: Doc, start: int) -> Token | None:
    """The head of the name that begins at ``start``, after at most "the" and lower-case descriptors
    ("the pension fund Baltrum"): its last proper word, or the noun of "the government of Z"."""
    at = start
    while at < len(doc) and _describing(doc[at]):
        at += 1
    if at < len(doc) and doc[at].pos_ != "PROPN" and doc[at - 1].pos_ == "NOUN" and doc[at].lower_ == "of":
        return doc[at - 1]
    if at >= len(doc) or doc[at].pos_ != "PROPN":
        return None
    while at + 1 < len(doc) and doc[at + 1].pos_ == "PROPN":
        at += 1
    return doc[at]


def _phrase_end(name: Token) -> Token:
    """The last word of a name's phrase: "Z" of "the government of Z", else the name."""
    doc, at = name.doc, name.i
    if at + 2 < len(doc) and doc[at + 1].lower_ == "of" and doc[at + 2].pos_ == "PROPN":
        at += 2
        while at + 1 < len(doc) and doc[at + 1].pos_ == "PROPN":
            at += 1
    return doc[at]


def _describing(word: Token) -> bool:
    """"the" or a lower-case word that describes the name after it ("the Islamic lender X")."""
    return word.lower_ == "the" or (word.is_lower and word.pos_ in {"ADJ", "NOUN"})


def _glue(gap: Span) -> bool:
    """A comma or "and", then at most "the" and descriptive words ("the Islamic lender")."""
    if not len(gap):
        return False
    joins = [t for t in gap if t.lower_ in LIST_GLUE and t.lower_ != "the"]
    described = all(t.lower_ in LIST_GLUE or _describing(t) or t.ent_type_ == "NORP" for t in gap)
    return bool(joins) and described and gap[0].lower_ in LIST_GLUE


def group_members(head: Token) -> list[Token]:
    """Each named member of a collective: the leader, its conjuncts ("a group including X and Y")
    and the members listed after it ("led by X, including Y and Z", "led by X and comprising Y")."""
    leader = group_leader(head)
    if leader is None:
        return []
    clauses = [*leader.children, *(j for c in head.children if c.dep_ == "acl" for j in c.conjuncts)]
    listed = [m for c in clauses if (m := _listed(c)) is not None]
    # "a syndicate led by X, which also includes Y and Z": the relative clause on the leader lists the group's members
    listed += [m for c in leader.children if c.dep_ == "relcl" and leader != head and (m := _listed(c, relative=True)) is not None]
    return [m for t in [leader, *listed] for m in [*coordinated_modifiers(t), t, *t.conjuncts, *named_list(t)]]


def collective_named_before(head: Token) -> Token | None:
    """"X and the consortium signed …" after "a consortium led by Y": the nearest collective of that
    noun before, where the text named it by its members, who sign for it (not "the consortium, X,",
    nor "the Chinese group X": a collective with a name of its own; nor "51% of the consortium")."""
    noun, doc = head.lemma_.lower(), head.doc
    if head.pos_ != "NOUN" or noun not in word_list("collectives") or not determined_by(head, {"the", "this", "that"}):
        return None
    named = any(c.dep_ in {"appos", "compound", "nmod"} and c.pos_ == "PROPN" for c in head.children)
    held = head.dep_ == "pobj" and head.head.lower_ in {"of", "in", "into"}  # "51% of the consortium": itself
    if named or held or head.dep_ in {"compound", "appos"} or (head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN"):
        return None
    earlier = next((t for t in reversed(doc[: head.i]) if t.lemma_.lower() == noun and t.pos_ == "NOUN"), None)
    return earlier if earlier is not None and group_leader(earlier) is not None else None


def hyphen_pair(head: Token) -> list[Token]:
    """"the Acme-Beta consortium": the names joined by a hyphen before the collective."""
    if head.lemma_.lower() not in word_list("collectives") or head.pos_ != "NOUN":
        return []
    names = [c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if not names:
        return []
    doc = head.doc
    parts = [t for t in names[-1].subtree if t.pos_ == "PROPN" and t.i + 1 < len(doc) and doc[t.i + 1].text in {"-", "–", head.text}]
    if any(country_named(t) is not None for t in parts):
        return []  # "a Malaysian-Korean group": nationalities, no member named
    return parts if len(parts) > 1 else []


def group_leader(head: Token) -> Token | None:
    """The named member that stands for a collective: "a consortium led by X", "an X-led group",
    "a consortium of X and Y", "a group of lenders including X and Y" (its conjuncts follow)."""
    if head.pos_ != "NOUN":
        return None
    if head.lemma_.lower() in word_list("member_nouns"):
        return _body_of_members(head)
    collective = head.lemma_.lower() in word_list("collectives")
    if not collective and head.tag_ != "NNS":
        return None  # "lenders including X and Y"; a singular noun with "including" lists its parts
    for child in head.children:
        members = _listed(child) or _led_by(child)  # "banks led by X" as well as "a group led by X"
        if members is None and collective:
            members = _members_of(child) or _formed_by(child)
        if members is not None:
            return members
    return None


def _body_of_members(head: Token) -> Token | None:
    """"200 members of the Workers' Front", "supporters from the ultras group X": the named body."""
    for body in prep_objects(head, {"of", "from"}):
        named = body.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in body.children)
        if named and body.ent_type_ not in {"LOC", "FAC", "GPE"}:
            return body
    return None


def _listed(child: Token, *, relative: bool = False) -> Token | None:
    """The first member a listing preposition or verb names ("including X", "comprising X"; with
    ``relative``, "which includes X")."""
    verbs = {"acl", "conj", "relcl"} if relative else {"acl", "conj"}
    listing = (child.dep_ == "prep" and child.lower_ in {"including", "comprising"}) or (
        child.dep_ in verbs and child.lemma_ in {"include", "comprise"})
    return next((c for c in child.children if c.dep_ in {"pobj", "dobj"}), None) if listing else None


def _members_of(child: Token) -> Token | None:
    """"a consortium of X and Y" names its members; "a consortium of lenders including X" lists them."""
    if child.dep_ != "prep" or child.lower_ != "of":
        return None
    for obj in (c for c in child.children if c.dep_ == "pobj"):
        found = obj if obj.pos_ == "PROPN" else group_leader(obj)
        if found is not None:
            return found
    return None


def _formed_by(child: Token) -> Token | None:
    """"a consortium formed by X and Y", "made up of X", "that consists of X": the first member."""
    if child.dep_ not in {"acl", "relcl"} or not verb_phrase(child) & word_list("forming_verbs"):
        return None
    return next((o for p in child.children if p.dep_ in {"agent", "prep"} and p.lower_ in {"by", "of"} and (o := object_of(p)) is not None), None)


def _led_by(child: Token) -> Token | None:
    """The leader a "led by" participle or an "X-led" modifier names, unless it is a country's
    ("a consortium led by X", "an X-led consortium"; not "a Saudi-led consortium")."""
    if child.dep_ not in {"acl", "amod"} or child.lemma_.lower() not in word_list("leading_verbs"):
        return None
    leader = next((o for a in child.children if a.dep_ == "agent" and (o := object_of(a)) is not None), None)
    if leader is not None:
        return leader
    before = child.doc[child.i - 2] if child.i >= 2 and hyphenated(child) else None
    if before is None or before.pos_ != "PROPN" or before.ent_type_ in {"NORP", "GPE", "LOC"} or country_named(before) is not None:
        return None  # "a Saudi-led consortium", "a Gulf-led group": led by a country's companies, none named
    return before


def country_named(token: Token) -> str | None:
    """The country a word names, as its demonym ("Indian") or its name ("Japan")."""
    entry = load_gazetteer().country_named(token.text)
    return entry.name if entry is not None else None
