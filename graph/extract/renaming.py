"""Renaming: the proper name a common noun phrase is given in its own sentence, by apposition
(even where the parser hangs the name elsewhere) or by "called": "the operator, Y", "a joint
venture to be called Y".
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.common import entity_at
from graph.extract.descriptions import is_descriptor
from graph.extract.frames import is_trigger_word
from graph.extract.lexicon import lexicon


def named_apposition(head: Token) -> Token | None:
    """"ACS's other target, German builder Hochtief": a common noun renamed by its apposition."""
    if head.pos_ != "NOUN":
        return None
    if head.dep_ == "appos" and head.head.pos_ == "PROPN" and not _body_of_its_own(head):  # "Kivu's Lake Railway,
        return _name_before_comma(head) or head.head  # a $2bn project": the railway
    twin = _twin_before_comma(head) or _apposition_hung_higher(head) or _name_hung_before(head)
    if twin is not None:
        return None if gapped_share(twin) else twin
    for child in head.children:
        if child.dep_ != "appos" or is_trigger_word(child) or gapped_share(child):
            continue  # "the games maker, owner of X": the apposition says what it owns, not its name
        if child.pos_ == "PROPN":
            return child
        names = [t for t in child.children if t.pos_ == "PROPN" and t.dep_ in {"compound", "appos", "nmod"}]
        if names:
            return names[-1]
    return None


def _body_of_its_own(description: Token) -> bool:
    """"the government of A, the government of B and …": a government named after its own place
    is the next member of a list the parser hung on A, not a description of A."""
    own_place = any(c.dep_ == "prep" and c.lower_ == "of" for c in description.children)
    return own_place and description.lemma_.lower() in lexicon().government_words


def _name_before_comma(description: Token) -> Token | None:
    """"the takeover of Y by X, a company controlled by Z": the apposition describes the name right
    before its comma (X), wherever the parser hung it."""
    doc, start = description.doc, description.left_edge.i
    if start < 2 or doc[start - 1].text != "," or doc[start - 2].pos_ != "PROPN":
        return None
    name = doc[start - 2]
    while name.dep_ in {"compound", "flat"} and name.head.i > name.i and name.head.i < start:
        name = name.head
    return name if name != description.head and name.ent_type_ not in {"GPE", "LOC"} else None


def gapped_share(name: Token) -> bool:
    """"35 per cent of the company, Y 15 per cent": a name followed by a percentage starts a gapped
    clause (Y holds 15 per cent), it does not rename the noun before it."""
    after = name.doc[name.i + 1] if name.i + 1 < len(name.doc) else None
    return after is not None and after.ent_type_ == "PERCENT"


def gapped_sum(name: Token) -> bool:
    """"A will lend $120m and B $95m": a name followed by a sum of its own after another sum of its
    clause starts a gapped clause (B lends $95m); it is not what the first sum is for."""
    doc = name.doc
    after = doc[name.i + 1] if name.i + 1 < name.sent.end else None
    before = doc[name.sent.start : _name_start(name)]
    return after is not None and after.ent_type_ == "MONEY" and any(t.ent_type_ == "MONEY" for t in before)


def share_before(name: Token) -> bool:
    """A share stated just before the name's phrase: the share of the holder before it."""
    start = _name_start(name)
    return any(t.ent_type_ == "PERCENT" for t in name.doc[max(name.sent.start, start - 8) : start])


def _name_start(name: Token) -> int:
    """Where the name's entity begins (the word itself where the recogniser tagged none)."""
    entity = entity_at(name)
    return entity.start if entity is not None else name.i


def object_before_a_gap(name: Token) -> Token | None:
    """"70 per cent of the venture and builder X 30 per cent": the parser makes X the object and "the
    venture and builder" its modifiers; X, with a share of its own, is a gapped holder, the venture the object."""
    if name.dep_ != "pobj" or not any(gapped_share(n) for n in (name, *(c for c in name.children if c.dep_ == "appos"))):
        return None  # "… of the venture and builder X 30 per cent": X the object, or the apposition of "builder"
    return next((c for c in name.lefts if c.dep_ in {"nmod", "compound"} and c.pos_ == "NOUN"
                 and any(k.dep_ == "cc" for k in c.children)), None)


def _apposition_hung_higher(head: Token) -> Token | None:
    """"a stake in X's other target, German builder Y" with Y attached to "stake": the name in
    apposition right after the description renames it."""
    doc, comma = head.doc, head.right_edge.i + 1
    if comma + 1 >= len(doc) or doc[comma].text != ",":
        return None
    for token in doc[comma + 1 : min(comma + 6, head.sent.end)]:
        if token.is_punct:
            return None
        twice = token.dep_ in {"dobj", "attr"} and sum(c.dep_ == token.dep_ for c in token.head.children) > 1
        hung = token.dep_ == "appos" or twice  # "… is 62 per cent owned by its founder, the businessman X": a second attr
        named = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper())
        above = list(head.ancestors)
        second_attr = twice and token.dep_ == "attr"  # a copula has one attribute: the second is a parse error
        if named and hung and token.head in above and (second_attr or not _inside_clause(head, token.head)):
            return token
        if named and token.dep_ == "appos" and token.head.head in above and not _inside_clause(head, token.head.head):
            return token  # "paid $415m for 60% of the operator, Y": Y hung on the sum
    return None


def _name_hung_before(head: Token) -> Token | None:
    """"signed by X and the aircraft maker Y" with Y hung on X as its apposition and the maker
    conjoined to X: the name right after a descriptor is its name, wherever the parser hung it."""
    doc = head.doc
    if not is_descriptor(head) or head.i + 1 >= head.sent.end:
        return None
    name = doc[head.i + 1]
    while name.dep_ in {"compound", "flat"} and name.head.i > name.i:
        name = name.head
    hung = name.dep_ == "appos" and name.head.i < head.i and name.head in head.ancestors
    return name if hung and name.pos_ == "PROPN" and doc[head.i + 1].pos_ == "PROPN" else None


def _inside_clause(head: Token, top: Token) -> bool:
    """"X, which owns the plant, include Y": the comma closes the clause the head is in."""
    return any(a.dep_ in {"relcl", "acl", "advcl", "ccomp"} for a in head.ancestors if top in a.ancestors)


def _twin_before_comma(head: Token) -> Token | None:
    """"Kivu's Lake Railway, a Chinese-funded project, is …" parsed as two subjects of one verb:
    the indefinite description renames the name before the comma."""
    start = head.left_edge.i
    if start < 2 or head.doc[start - 1].text != "," or head.doc[start].lower_ not in {"a", "an"}:
        return None
    name = head.doc[start - 2]
    return name if name.pos_ == "PROPN" and name.head == head.head and name.dep_ == head.dep_ and name != head.head else None


def called_name(head: Token) -> Token | None:
    """"a joint venture called X", "the venture, to be named X": the name it is given (the parser
    may hang the participle on the verb, right after the phrase)."""
    if head.pos_ != "NOUN":
        return None
    clause = next((a for a in head.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    comma = head.i + 1 < len(head.doc) and head.doc[head.i + 1].text == ","
    hung = [v for v in clause.children if v.dep_ == "advcl" and v.i > head.i] if clause is not None and comma else []
    hung += [t for t in head.doc[head.i + 2 : head.i + 5] if comma and t.tag_ == "VBN"][:1]  # ", to be called X", hung anywhere
    naming = (v for v in [*(c for c in head.children if c.dep_ in {"acl", "relcl"}), *hung[:1]] if v.lemma_ in {"call", "name"})
    return next((c for v in naming for c in v.children if c.dep_ == "oprd" and c.pos_ == "PROPN"), None)
