"""Agreement frames: the nouns and verbs of ``data/frames.json`` ("agreements") over the
frame layer.

A noun names a signed document when a signing word carries it: a support
verb ("X signed a loan agreement with Y"), a participle ("the MoU signed by
X"), a signing noun ("the signing of the treaty by X and Y"), "enter into",
or a list an umbrella signing introduces ("12 agreements, including an MoU").
The positions of every form come from ``noun_slots.noun_slots``/``frames.verb_slots``,
so the passive, nominal and conjoined forms are derived there, not here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import takewhile
from pathlib import Path

from spacy.tokens import Token

from graph import paths
from graph.extract.common import first_found
from graph.extract.frames import FrameLexiconError, noun_phrase_lemma, prep_slots, support_verb, verb_slots
from graph.extract.noun_slots import noun_slots
from graph.extract.tree import prep_objects
from graph.extract.word_lists import word_list

SETTING_PREPS = frozenset({"at", "in", "during", "on"})


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of agreement; a weak one ("deal", "partnership") counts only when signed."""

    name: str
    nouns: frozenset[str]
    weak: bool = False
    signers: frozenset[str] = frozenset()  # only these verbs sign it ("signed a credit facility", not "secured")
    records: frozenset[str] = frozenset()  # the investment forms whose deal its document records


@dataclass(frozen=True, slots=True)
class AgreementLexicon:
    kinds: tuple[Kind, ...]
    sign_verbs: frozenset[str]
    leave_verbs: frozenset[str]
    end_verbs: frozenset[str]
    signing_nouns: frozenset[str]
    version_nouns: frozenset[str]
    agree_verbs: frozenset[str]
    not_agreed: frozenset[str]
    unsigned_modifiers: frozenset[str]
    lending_words: frozenset[str]
    parties: dict[str, tuple[str, ...]]
    pairs: dict[str, frozenset[str]]
    kind_of: dict[str, Kind] = field(default_factory=dict, compare=False)
    heads: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def agreement_lexicon(path: Path = paths.FRAMES) -> AgreementLexicon:
    data = paths.read_json(path, FrameLexiconError, "the agreement frames")
    try:
        raw = data["agreements"]
        kinds = tuple(Kind(k["name"], frozenset(k["nouns"]), bool(k.get("weak", False)), frozenset(k.get("signers", ())),
                           frozenset(k.get("records", ()))) for k in raw["kinds"])
        words = {k: frozenset(raw[k]) for k in ("sign_verbs", "leave_verbs", "end_verbs", "signing_nouns", "version_nouns", "agree_verbs", "not_agreed", "unsigned_modifiers", "lending_words")}
        kind_of, heads = _kind_index(kinds)
        return AgreementLexicon(
            kinds=kinds,
            **words,
            parties={form: tuple(positions) for form, positions in raw["parties"].items()},
            pairs={cls: frozenset(nouns) for cls, nouns in raw["pairs"].items()},
            kind_of=kind_of,
            heads=heads,
        )
    except (KeyError, TypeError) as e:
        raise FrameLexiconError(f"{path}: malformed agreement frames ({e!r}); compare the 'agreements' key with git") from e


def agreement_kind(token: Token) -> Kind | None:
    """The kind of agreement a noun names ("trade deal" before "deal"); a word inside a
    name ("Treaty Organization") names none."""
    if token.pos_ not in {"NOUN", "PROPN"} or token.dep_ == "compound":
        return None
    lex = agreement_lexicon()
    if token.lemma_.lower() not in lex.heads and token.lower_ not in lex.kind_of:
        return None  # no noun listed ends with the lemma or reads "<lemma> of …": skip the phrase
    return first_found(lex.kind_of.get, (noun_phrase_lemma(token), token.lemma_.lower(), token.lower_))


def _kind_index(kinds: tuple[Kind, ...]) -> tuple[dict[str, Kind], frozenset[str]]:
    """Noun → the first kind that lists it, and the lemmas a listed noun can be the phrase of
    (``noun_phrase_lemma``: the noun itself, what follows a space in it, what precedes " of "),
    built with the lexicon: every token of every sentence asks (issue 11)."""
    index: dict[str, Kind] = {}
    for kind in kinds:
        for noun in kind.nouns:
            index.setdefault(noun, kind)
    heads = {noun[i + 1 :] for noun in index for i, c in enumerate(noun) if c == " "}
    heads |= {noun[:i] for noun in index for i in range(len(noun)) if noun.startswith(" of ", i)}
    return index, frozenset(heads | set(index))


def verb_phrase(verb: Token) -> set[str]:
    """"sign", and "enter into" / "team up" with the particle or preposition it takes."""
    lemma = verb.lemma_.lower()
    return {lemma, *(f"{lemma} {c.lower_}" for c in verb.children if c.dep_ in {"prt", "prep"})}


def signs(token: Token) -> bool:
    """A signing verb ("signed", "entered into") or noun ("the signing of")."""
    lex = agreement_lexicon()
    if token.pos_ in {"VERB", "AUX"}:
        return bool(verb_phrase(token) & lex.sign_verbs)
    return token.pos_ == "NOUN" and token.lemma_.lower() in lex.signing_nouns


def anchor(noun: Token) -> Token | None:
    """The signing word that carries ``noun``, if any."""
    verb = support_verb(noun)
    if verb is not None and signs(verb):
        return verb
    # "the MoU signed by X"; "the agreement on Y, signed by X" hung on its topic; "a memorandum of understanding it signed"
    for child in (c for held in (noun, *_topics(noun), *prep_objects(noun, {"of"})) for c in held.children):
        if child.dep_ in {"acl", "relcl"} and (signed := next((c for c in (child, *child.conjuncts) if signs(c)), None)):
            return signed  # "the agreement, first reported in March and signed on 18 March"
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in {"of", "into"} and signs(head.head):
        return head.head  # "the signing of the treaty", "entered into an agreement"
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ == "dobj" and signs(head.head.head):
        return head.head.head  # "signed a line of credit agreement"
    listing = umbrella(noun)
    return anchor(listing) if listing is not None else _among_signed(noun) or _set_off_after_a_name(noun) or _which_signed(noun)


def _set_off_after_a_name(noun: Token) -> Token | None:
    """"a $250m loan from a group of banks led by X, signed in May", "a credit line provided by X and Y,
    which Z signed on 14 May": the model may hang the signing clause set off by a comma on the last
    noun of the document's phrase; a lender's name is not what was signed, the nearest document noun
    before it is."""
    for word in noun.sent[noun.i - noun.sent.start + 1 :]:
        if agreement_kind(word) is not None:
            return None
        set_off = word.left_edge.i > 0 and word.doc[word.left_edge.i - 1].text == ","
        if word.dep_ in {"acl", "relcl"} and word.head.pos_ in {"NOUN", "PROPN"} and set_off and signs(word):
            return word
    return None


def _which_signed(noun: Token) -> Token | None:
    """"under the sale agreement, which the two companies signed on 1 May": the parser may hang the
    "which" and its clause elsewhere; a signing verb that the relative pronoun right after the noun
    opens, before the next punctuation, signs the noun."""
    doc = noun.doc
    if noun.i + 2 >= len(doc) or doc[noun.i + 1].text != "," or doc[noun.i + 2].lower_ not in {"which", "that"}:
        return None
    clause = takewhile(lambda t: not t.is_punct and t.sent == noun.sent, doc[noun.i + 3 :])
    return next((t for t in clause if t.pos_ == "VERB" and signs(t)), None)


def _among_signed(noun: Token) -> Token | None:
    """"Among the instruments signed were an MoU on X and a treaty on Y": the signing word of the
    documents the list is "among" (the parser may hang the second item inside the first)."""
    for item in (noun, *noun.ancestors):
        if item.dep_ in {"attr", "nsubj"} and item.head.lemma_ == "be":
            among = [o for o in prep_objects(item.head, {"among"}) if o.tag_ in {"NNS", "NNPS"}]
            signers = [c for o in among for c in o.children if c.dep_ in {"acl", "relcl"} and signs(c)]
            return signers[0] if signers else None
    return None


def umbrella(noun: Token) -> Token | None:
    """"signed 12 agreements, including an MoU on X and a loan agreement for Y": the plural
    agreement noun whose list names this one (the parser may hang the second inside the first)."""
    for above in noun.ancestors:
        if above.lemma_.lower() in word_list("include_verbs") and above.dep_ in {"prep", "acl"}:
            listing = above.head
            return listing if listing.tag_ in {"NNS", "NNPS"} and agreement_kind(listing) is not None else None
    return None


def party_heads(noun: Token, signer: Token | None) -> list[Token]:
    """The heads in party positions of the noun, of the signing word that carries it, and of
    the infinitive it is about ("a deal to buy Y from Z")."""
    lex = agreement_lexicon()
    slots = noun_slots(noun) if signer is not None else own_slots(noun)
    heads = _in_positions(slots, lex.parties["noun"])
    # "a memorandum of understanding with Y"; "a line of credit agreement with Y": the "with" hangs on "line"
    carrier = [noun.head.head] if noun.dep_ == "pobj" and noun.head.lower_ == "of" else []
    for complement in [*slots.get("object", []), *carrier, *_topics(noun)]:
        heads += _in_positions(prep_slots(complement), lex.parties["noun"])
    if signer is not None and signer is not support_verb(noun):
        signer_slots = verb_slots(signer) if signer.pos_ in {"VERB", "AUX"} else noun_slots(signer)
        heads += _in_positions(signer_slots, lex.parties["verb"])
    if signer is not None:  # "signed a contract for the site with Y": the parser hangs "with Y" on the site
        heads += [w for topic in prep_objects(signer, {"for"}) + prep_objects(noun, {"for"}) for w in prep_objects(topic, {"with"})]
        heads += _agents_on_settings(signer)
    leaver = _leaving(noun) if signer is None else None
    if leaver is not None:
        heads += verb_slots(leaver).get("subject", [])
    for holder in (noun, signer) if signer is not None else (noun,):
        for clause in holder.children:
            if clause.dep_ in {"acl", "relcl", "advcl"} and clause.pos_ == "VERB" and any(c.lower_ == "to" for c in clause.children):
                heads += _in_positions(verb_slots(clause), lex.parties["action"])
    for clause in (c for c in noun.children if c.dep_ == "relcl" and _under_which(c)):  # "an agreement under which X will
        slots = verb_slots(clause)  # deliver gas to Y": who acts under it and with whom
        heads += slots.get("subject", []) + _in_positions(slots, lex.parties["action"])
    return [h for h in heads if h != noun or noun.pos_ != "PROPN"]  # "signed a Financing Agreement with Y": no party


def _under_which(clause: Token) -> bool:
    """A relative clause that says what is done under the document ("under which", "whereby")."""
    return any(c.lower_ == "whereby" or (c.dep_ == "prep" and c.lower_ == "under" and any(o.lower_ == "which" for o in c.children))
               for c in clause.children)


def _agents_on_settings(signer: Token) -> list[Token]:
    """"was signed at the ceremony by X and Y", "signed in Lima by X": a passive signing's agents,
    which the parser hangs on the place or occasion before them."""
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in signer.children)
    if not passive or any(c.dep_ == "agent" for c in signer.children):
        return []
    return [w for setting in prep_objects(signer, SETTING_PREPS) for w in prep_objects(setting, {"by"})]


def _topics(noun: Token) -> list[Token]:
    """"an MoU on the initiative with Y": what the document is about, where the parser hangs its
    other side (through "of understanding" too)."""
    found: list[Token] = []
    for inner in [noun, *prep_objects(noun, {"of"})]:
        found += prep_objects(inner, {"on", "about", "regarding", "concerning"})
    return found


def _leaving(noun: Token) -> Token | None:
    """The verb a party leaves the agreement by ("pulled out of", "withdrew from"), or ends or extends
    it with the other party by ("terminated its contract with Y"), if any."""
    verb = noun.head if noun.dep_ == "pobj" else support_verb(noun)
    while verb is not None and verb.pos_ == "ADP" and verb.head != verb:
        verb = verb.head  # "pulled out of"
    if verb is None or verb.pos_ != "VERB":
        return None
    lex, phrase = agreement_lexicon(), verb_phrase(verb)
    named = [noun, *prep_objects(noun, {"of"})]  # "a memorandum of understanding with Y": "with" hangs on "understanding"
    ended = phrase & lex.end_verbs and any(prep_objects(n, {"with"}) for n in named)  # "terminated its contract with Y", not "between"
    return verb if phrase & lex.leave_verbs or ended else None


def own_slots(noun: Token) -> dict[str, list[Token]]:
    """An unsigned noun's own positions: "Victoria's agreement with Y"; the subject of a verb
    that cancels or discusses it is no party."""
    slots = prep_slots(noun)
    slots["object"] = slots.pop("of", [])
    slots["subject"] = slots.pop("by", []) or [c for c in noun.children if c.dep_ == "poss"]
    return slots


def verb_party_heads(verb: Token, action: Token | None) -> list[Token]:
    """The heads in party positions of an agreeing verb and of what it agrees to do."""
    lex = agreement_lexicon()
    heads = _in_positions(verb_slots(verb), lex.parties["verb"])
    if action is not None:
        slots = verb_slots(action)
        heads += _in_positions(slots, lex.parties["action"])
        # "agreed to form a joint venture with Y": the parser hangs "with Y" on what is formed
        heads += [w for obj in slots.get("object", []) for w in prep_objects(obj, {"with"})]
    return heads


def _in_positions(slots: dict[str, list[Token]], positions: tuple[str, ...]) -> list[Token]:
    return [head for position in positions for head in slots.get(position, [])]


def unsigned(noun: Token) -> bool:
    """"no" or an unsigned modifier ("draft") on the noun: the document does not exist (yet)."""
    lex = agreement_lexicon()
    return any(
        (c.dep_ == "det" and c.lower_ == "no") or (c.dep_ in {"amod", "compound"} and c.lower_ in lex.unsigned_modifiers)
        for c in noun.children
    )
