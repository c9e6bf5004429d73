"""What an agreement is called: its noun with the modifiers and topics that say what was agreed,
one name per topic a plural lists; and the parties a dashed name states ("the A–B agreement").
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from spacy.tokens import Token

from graph.extract.actors import actors_in
from graph.extract.agreement_frames import agreement_kind
from graph.extract.tree import infinitive, left_phrase, object_of, subtree_span
from graph.extract.word_lists import word_list
from graph.model import ActorKind, ActorRef

PARTY_KINDS = frozenset({ActorKind.COUNTRY, ActorKind.COMPANY, ActorKind.ORGANIZATION, ActorKind.GOVERNMENT_BODY})

NAME_PREPS = frozenset({"on", "for", "of", "in", "to", "regarding", "concerning"})
DASHES = frozenset({"–", "-", "—"})


def plural(head: Token) -> bool:
    return head.tag_ in {"NNS", "NNPS"} or head.lower_ in {"memoranda", "mous", "memorandums"}


def singular(head: Token) -> str:
    return "memorandum" if head.lower_ == "memoranda" else head.text.removesuffix("s")


def name_of(head: Token) -> str:
    """The noun with its content modifiers and its topic phrases, without vague words, parties,
    dates or sums ("the historic free trade agreement" → "free trade agreement")."""
    parts = [joined(left_words(head))] + [_prep_words(prep) for prep in name_preps(head)] + _purpose(head)
    return " ".join(p for p in parts if p).strip(" .,")


def _purpose(head: Token) -> list[str]:
    """What the agreement is for, as an infinitive on the noun states it, cut before a party or a sum."""
    for clause in head.children:
        if clause.dep_ == "acl" and clause.pos_ == "VERB" and infinitive(clause):
            words = subtree_span(clause)
            return [cut_phrase(words, {"with", ",", "from", "between", "which"}, quotes=True)]
    return []


def cut_phrase(tokens: Iterable[Token], stops: Collection[str], *, quotes: bool = False) -> str:
    """The words before the first stop word, date or sum (or quote mark), less trailing function
    words: a name says what was agreed, not with whom, when or for how much."""
    words = []
    for token in tokens:
        if token.lower_ in stops or token.ent_type_ in {"DATE", "MONEY"} or (quotes and token.is_quote):
            break
        words.append(token)
    while words and words[-1].pos_ in {"ADP", "CCONJ", "DET"}:
        words.pop()  # "to buy the port for $2bn" is the agreement to buy the port
    return joined(words)


def left_words(head: Token) -> list[Token]:
    vague = word_list("vague_modifiers")
    words = [t for t in head.lefts if t.dep_ in {"compound", "amod", "nmod"} and t.lower_ not in vague and t.ent_type_ not in {"MONEY", "CARDINAL"}]
    first = min([t.left_edge.i for t in words] + [head.i])
    return [t for t in head.doc[first : head.i + 1] if t.ent_type_ not in {"MONEY", "CARDINAL"} and t.lower_ not in vague]


def named_parties(head: Token) -> list[ActorRef]:
    """The parties a dashed name of two or more parties' names states ("the US-Mexico-Canada
    agreement"), else none."""
    words = left_words(head)
    if not words or words[0] == head:
        return []
    doc, start = head.doc, words[0].i
    while start >= 2 and doc[start - 1].text in DASHES and doc[start - 2].pos_ == "PROPN":
        start -= 2  # "the EU–Peru Free Trade Agreement": the parser hangs the name on its first party
    if not any(t.text in DASHES for t in doc[start : head.i]):
        return []
    found = list({a.ref.name: a.ref for a in actors_in(doc[start : head.i]) if a.ref.kind in PARTY_KINDS}.values())
    return found if len(found) >= 2 else []


def topic_names(head: Token) -> list[str]:
    """One name per topic a plural noun lists ("memoranda … on transport and tourism", "five
    memorandums …, covering mining and tourism" are two memoranda each); any other agreement noun
    keeps its one name."""
    preps = name_preps(head)
    topic = preps[-1] if preps and preps[-1].lower_ != "of" else None
    obj = object_of(topic) if topic is not None else None
    if plural(head) and obj is not None and obj.conjuncts:
        return _one_per_topic(head, preps[:-1], topic.lower_, [obj, *obj.conjuncts])
    covered = covered_topics(head) if plural(head) else []
    return _one_per_topic(head, preps, "on", covered) if covered else [name_of(head)]


def _one_per_topic(head: Token, preps: list[Token], link: str, items: list[Token]) -> list[str]:
    left = joined(left_words(head)[:-1] + [head])
    kind = " ".join([left.removesuffix(head.text) + singular(head)] + [_prep_words(p) for p in preps])
    names = []
    for item in items:
        words = [t for t in left_phrase(item) if t.dep_ not in {"cc", "punct", "det", "preconj"}]
        names.append(f"{kind} {link} {joined(words)}")
    return names


def covered_topics(head: Token) -> list[Token]:
    """What a signed batch covers, listed by a participle on it or on its signing ("signed five
    memorandums on Tuesday, covering A, B and C") or by the next sentence ("The agreements cover A,
    B and C"); none when the list names agreements (those are facts of their own)."""
    verb = head.head if head.dep_ == "dobj" else None
    clauses = [c for h in (head, verb) if h is not None for c in h.children if c.dep_ in {"acl", "advcl"}]
    follow = head.doc[head.sent.end].sent if head.sent.end < len(head.doc) else None
    if follow is not None and any(s.dep_ == "nsubj" and plural(s) and (agreement_kind(s) or s.lower_ == "they") for s in follow.root.children):
        clauses.append(follow.root)
    for clause in clauses:
        if clause.lemma_.lower() in word_list("include_verbs") and clause.pos_ == "VERB":
            items = [i for o in clause.children if o.dep_ == "dobj" for i in (o, *o.conjuncts)]
            if len(items) >= 2 and not any(agreement_kind(i) for i in items):
                return items
    return []


def joined(tokens: list[Token]) -> str:
    """Words as the text spaces them ("Budapest–Belgrade", "Ras El-Hekma")."""
    return "".join(t.text_with_ws for t in tokens).strip()


def name_preps(head: Token) -> list[Token]:
    preps = []
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in NAME_PREPS and not _time_or_money(child):
            preps.append(child)
            obj = object_of(child)
            if child.lower_ == "of" and obj is not None:
                preps += [c for c in obj.rights if c.dep_ == "prep" and c.lower_ in NAME_PREPS - {"of"} and not _time_or_money(c)]
    return sorted(preps, key=lambda t: t.i)


def _time_or_money(prep: Token) -> bool:
    obj = object_of(prep, {"pobj", "pcomp"})
    return obj is None or obj.ent_type_ in {"DATE", "MONEY", "TIME", "CARDINAL", "GPE"} or obj.like_num


def _place_or_time(prep: Token) -> bool:
    """A place or a time phrase: where and when it was signed, not what it is about."""
    obj = object_of(prep)
    return prep.lower_ in {"in", "at", "on", "during"} and obj is not None and obj.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "TIME"}


def _prep_words(prep: Token) -> str:
    """The prepositional phrase, cut before a clause, a date or another agreement."""
    words: list[Token] = []
    obj = object_of(prep)
    end = obj.i if prep.lower_ == "of" and obj is not None else prep.right_edge.i
    for token in prep.doc[prep.i : end + 1]:
        if token.text in {",", ";", "("} or token.ent_type_ == "DATE" or token.lower_ in {"which", "that", "with", "between", "including"}:
            break
        if token.dep_ == "cc" and any(agreement_kind(t) is not None for t in token.head.conjuncts if t.i > token.i):
            break
        if token.dep_ == "prep" and (token.lower_ in {"with", "between"} or _place_or_time(token)):
            break
        words.append(token)
    return joined(words)
