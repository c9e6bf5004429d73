"""Where a nominal trigger's roles sit: "X's $2bn purchase of Y", "the sale of its stake in Y to X",
"a loan from X to Y for Z", and the support verb that carries the noun ("X completed the
acquisition of Y", "Y received a loan from X"): the noun's own prepositions and possessor, then the
positions of its support verb, read once for every frame (issue 7).
"""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.frames import (
    DIRECTED_PREPS, Frame, frame_lexicon, gives, helped, is_debt, is_trigger_word, noun_phrase_lemma, purpose_objects, verb_slots,
)
from graph.extract.common import entity_at
from graph.extract.lexicon import lexicon
from graph.extract.roles import OBJECT_DEPS, children, inherited_subject, is_passive, prep_slots, support_verb
from graph.extract.tree import links_parties, prep_objects
from graph.extract.word_lists import word_list


def _helped_by_noun(noun: Token) -> list[Token]:
    """"A $200m injection from X will help Y expand": whom the deal, as a verb's subject, helps."""
    verb = noun.head if noun.dep_ == "nsubj" else None
    if verb is None or verb.lemma_.lower() not in word_list("object_control_verbs"):
        return []
    return children(verb, {"dobj"}) + helped(verb)


def noun_slots(noun: Token) -> dict[str, list[Token]]:
    """Positions of a nominal trigger: possessor/"by" as subject, "of" as object,
    and the subject and prepositions of the support verb that carries it."""
    slots = prep_slots(noun)
    for worth in (c for c in noun.children if c.lower_ == "worth"):  # "agreements worth $1bn with X" (its other
        slots.setdefault("with", prep_slots(worth).get("with", []))  # phrases tell what the sum is, not the deal)
    if "for" not in slots:  # "a loan agreement with X for Y": the parser hangs the purpose on X, and that of
        slots["for"] = [h for w in slots.get("with", []) for h in prep_slots(w).get("for", [])]  # "a loan and a
        conjoined = [h for c in noun.conjuncts if is_trigger_word(c) for h in prep_slots(c).get("for", [])]  # grant for Y"
        slots["for"] = slots["for"] or conjoined  # on the last deal noun
    aimed = [h for p in ("for", "to") for a in slots.get(p, []) for h in prep_slots(a).get("from", [])]
    if aimed and "from" not in slots:  # "a $250m loan for the refinery from X": the giver hung on the aim
        slots["from"] = aimed
    slots["self"] = _described_name(noun)  # "Y, a joint venture between X and Z": the noun names its target
    slots["object"] = slots.pop("of", []) or [o for b in slots.get("by", []) for o in prep_slots(b).get("of", [])]
    _lift_from_object(slots)
    possessors = children(noun, {"poss"})
    raising = _raising(noun)
    if raising:
        possessors = _raising_slots(noun, slots, possessors)
    by = slots.pop("by", [])
    for position in ("in", "into"):  # "the investment by X in Y": the parser hangs "in Y" on X
        slots[position] = slots.get(position) or [h for b in by if b.pos_ == "PROPN" for h in prep_slots(b).get(position, [])]
    slots["subject"] = by or possessors or _gapped_giver(noun)
    slots["compound"] = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"  # "the EBRD loan", not the
                         and not any(t.pos_ == "NOUN" and not t.ent_type_ for t in noun.doc[c.i + 1 : noun.i])]  # "X urea loan"
    slots["purpose"] = purpose_objects(noun) + _helped_by_noun(noun)
    _participle_slots(noun, slots)
    slots["demonym"] = [c for c in noun.lefts if c.dep_ in {"amod", "compound"} and c.ent_type_ == "NORP"]
    verb = support_verb(noun) if not _listed_after_an_asset(noun) else None
    if verb is not None and verb.lemma_.lower() in word_list("witnessing_verbs") and _sides_named(noun):
        verb = None  # "X witnessed the signing of an agreement between A and B": X looks on
    if verb is None:
        slots.setdefault("from", _source_of(noun))
        slots["subject"] = slots["subject"] or _listed_deal_of(noun)
        slots["for"] = slots["for"] or _aim_on_the_leader(slots)
        return slots
    _carried_slots(noun, verb, slots, raising=raising)
    slots["for"] = slots.get("for") or _aim_on_the_leader(slots)
    if slots["demonym"] and verb.lemma_.lower() in word_list("approving_verbs"):
        slots["subject"] = []  # "the Commission approved German state aid": Germany gives it, the regulator approves
    if not slots["purpose"]:  # "signed a loan with a syndicate of X to fund Y": the purpose hung on the lenders
        slots["purpose"] = [o for position in ("with", "from") for w in slots.get(position, []) for o in purpose_objects(w)]
    return slots


def _listed_deal_of(noun: Token) -> list[Token]:
    """"X has spent $1.1bn on terminals, including the purchase of 70% of Y": a deal listed among what a
    clause's subject did is that subject's."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "including":
        return []
    verb = next((a for a in noun.head.ancestors if a.pos_ in {"VERB", "AUX"}), None)  # "including" may hang on a noun
    return children(verb, {"nsubj"}) or inherited_subject(verb) if verb is not None and not is_passive(verb) else []


def _gapped_giver(noun: Token) -> list[Token]:
    """"… provided a $150m facility and X a tranche of 8bn pounds": the name right before the deal's
    phrase, conjoined to an earlier deal noun, gives this one; its verb is left out."""
    start = noun.left_edge.i
    entity = entity_at(noun.doc[start - 1]) if start > 0 else None
    name = entity.root if entity is not None else None
    return [name] if name is not None and name.pos_ == "PROPN" and name.dep_ == "conj" and is_trigger_word(name.head) else []


def _sides_named(noun: Token) -> bool:
    """The noun, or what it is the signing of, names its sides ("between A and B", "with B")."""
    return any(links_parties(h) for h in (noun, *prep_objects(noun, {"of"})))


def _participle_slots(noun: Token, slots: dict[str, list[Token]]) -> None:
    """"bonds issued by Y" (its agent), "a bond sold to X", "a loan extended to Y" (its "to"/"from")."""
    participles = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    slots["participle_agent"] = [o for c in participles for a in children(c, {"agent"}) for o in children(a, {"pobj"})]
    givers = [c for c in participles + _misplaced_participles(noun) if _gives_money(c)]  # "a €90m loan provided by X"
    slots["participle_giver"] = [o for c in givers for a in children(c, {"agent"}) for o in children(a, {"pobj"})]
    for position in DIRECTED_PREPS:
        lifted = [h for c in participles for h in prep_slots(c).get(position, [])]
        if lifted and not slots.get(position):
            slots[position] = lifted


def _misplaced_participles(noun: Token) -> list[Token]:
    """"a loan to its vehicle, X, provided by Y": the parser hangs the loan's participle on the last
    phrase before it; no one lends a company, so a giving participle there is the loan's."""
    objects = [o for p in noun.children if p.dep_ == "prep" and p.lower_ in {"to", "for"} for o in children(p, {"pobj"})]
    return [c for o in objects if o.pos_ in {"NOUN", "PROPN"} and not is_trigger_word(o)
            for c in o.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > o.i]


def _carried_slots(noun: Token, verb: Token, slots: dict[str, list[Token]], *, raising: bool) -> None:
    """The support verb's positions: its subject acts (or receives: "Y received a loan from X", "Y took
    out a loan", "Y is funding it through a bond"), its other positions fill the noun's empty ones."""
    carried = verb_slots(verb)
    if raising and verb.lemma_.lower() in word_list("raising_verbs"):  # "Y closed a round": Y invests nothing
        carried = {position: heads for position, heads in carried.items() if position != "subject"}
    if _receives(noun, verb):
        slots["recipient"] = carried.get("subject", [])
    elif _lent_by(noun, verb) and slots["subject"]:  # "Y's loan was provided by X": Y borrows, X lends
        slots["recipient"], slots["subject"] = slots["subject"], carried["subject"]
    else:
        by = [] if is_passive(verb) else carried.get("by", [])  # "blocked the purchase of the stake by X": its agent
        if not slots["subject"]:
            slots["subject"] = by or carried.get("subject", [])
            slots["carried_subject"] = [] if by else slots["subject"]
        slots["carrier_object"] = carried.get("object", [])  # "Y will be financed with a loan from X"
    for position, heads in carried.items():
        if position not in {"subject", "object"} and not slots.get(position):
            slots[position] = heads


def _aim_on_the_leader(slots: dict[str, list[Token]]) -> list[Token]:
    """"a loan from a group of banks led by X for Y": the parser hangs the deal's aim on the
    participle that names the giving group's leader."""
    return [h for position in ("from", "with") for giver in slots.get(position, []) for t in giver.subtree
            if t.dep_ == "acl" and t.lemma_.lower() in word_list("leading_verbs") for h in prep_slots(t).get("for", [])]


def _lent_by(noun: Token, verb: Token) -> bool:
    """A debt whose passive giving verb names its giver ("was provided by X", "was arranged by X"; not
    "was approved by the board")."""
    return is_debt(noun) and _gives_money(verb) and is_passive(verb) and any(c.dep_ == "agent" for c in verb.children)


def _gives_money(verb: Token) -> bool:
    """A verb of the loan or grant frames, or "arrange": a syndicate's arrangers lend."""
    return gives(verb) or verb.lemma_.lower() == "arrange"


def _receives(noun: Token, verb: Token) -> bool:
    """The support verb's subject receives the deal: a receiving verb, or a debt its subject borrows or
    funds something through (not "X will provide $5bn through a loan": a giving verb's subject lends)."""
    lemma = verb.lemma_.lower()
    if lemma in word_list("recipient_verbs"):
        return True
    if lemma == "take" and _share_of_an_issue(noun, verb):
        return False  # "X took $1.2bn of the notes": a part of the debt taken is bought (lent), not borrowed
    return is_debt(noun) and (lemma in word_list("borrowing_verbs") or (_means(noun) and lemma in word_list("funding_verbs")))


def _share_of_an_issue(noun: Token, verb: Token) -> bool:
    """The noun is what a sum the verb takes is a part of ("took $1.2bn of the notes")."""
    sum_ = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    return sum_ is not None and sum_.ent_type_ == "MONEY" and sum_.head == verb


def _lift_from_object(slots: dict[str, list[Token]]) -> None:
    """"the sale of its stake in Y to X", "the purchase of a stake in Y by X": the parser hangs a deal
    noun's "to"/"from"/"by" on its object or deeper in it."""
    inside = (t for o in slots["object"] for t in o.subtree if t == o or (t.pos_ in {"NOUN", "PROPN"} and t.dep_ == "pobj"))
    for head in inside:
        for position, heads in prep_slots(head).items():
            if position in DIRECTED_PREPS | {"by"}:
                slots.setdefault(position, heads)


def _raising(noun: Token) -> bool:
    raisings = frame_lexicon().raisings
    return noun.lemma_.lower() in raisings or noun_phrase_lemma(noun) in raisings


def _raising_slots(noun: Token, slots: dict[str, list[Token]], possessors: list[Token]) -> list[Token]:
    """A round's raiser fills "in" ("Y's funding round", "Y raised $75m in a round"); its investors,
    returned, are who led or joined it ("a $75m round led by X"), not where a third party put its own
    sum into it ("Z invested $50m in Y's round, led by X")."""
    raiser = _raiser(noun)
    slots["in"] = slots.get("in") or possessors or raiser
    own_sum = any(t.ent_type_ == "MONEY" for left in noun.lefts for t in left.subtree)
    return _round_leaders(noun) if raiser or own_sum else []


def _raiser(noun: Token) -> list[Token]:
    """"Y raised $75m in a round", "Y closed a $40m round": the subject of the verb that raises it."""
    verb = support_verb(noun) or (noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None)
    if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in word_list("raising_verbs"):
        return []
    return children(verb, {"nsubj"})


def _round_leaders(noun: Token) -> list[Token]:
    """"raised $75m in a round led by X", "…, with participation from Z": who leads or joins a
    raising invests in it."""
    leading = word_list("leading_verbs") | word_list("joining_words")  # "… led by X and joined by Z"
    led = [v for c in noun.children if c.dep_ in {"acl", "relcl"} for v in (c, *c.conjuncts) if v.lemma_.lower() in leading]
    raised = noun.head.head if noun.dep_ == "pobj" else noun.head
    joined = [j for h in (noun, raised) for j in prep_slots(h).get("with", []) if j.lemma_.lower() in word_list("joining_words")]
    return [a for verb in led for a in prep_slots(verb).get("by", [])] + [a for j in joined for a in prep_slots(j).get("from", [])]


def _listed_after_an_asset(noun: Token) -> bool:
    """"… to build a refinery and a $500m credit line from X to Y": a deal noun the parser joined to an
    asset is no object of the asset's verb."""
    head = noun.head
    an_asset = head.pos_ == "NOUN" and head.lemma_.lower() in lexicon().asset_heads
    return noun.dep_ == "conj" and an_asset and not is_trigger_word(head)


def _source_of(noun: Token) -> list[Token]:
    """"The tranche comes from X", "most of the loan will come from X": who a deal noun's money comes
    from (the noun, or the part of it it is a partitive of, is the subject of a source verb)."""
    subject = noun
    while subject.dep_ == "pobj" and subject.head.lower_ == "of" and subject.head.head != subject.head:
        subject = subject.head.head
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.lemma_.lower() not in word_list("source_verbs"):
        return []
    return prep_slots(verb).get("from", [])


def _described_name(noun: Token) -> list[Token]:
    """The name a noun describes ("Y, a joint venture …", "a joint venture, Y, …"), else the noun."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return [noun.head]
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":  # "Y is a joint venture between X and Z"
        subjects = children(noun.head, {"nsubj"})  # "The developer, Y, is …": the name in apposition
        named = [s for s in subjects if s.pos_ == "PROPN"] or [a for s in subjects for a in children(s, {"appos"}) if a.pos_ == "PROPN"]
        if named:
            return named
    return [a for a in children(noun, {"appos"}) if a.pos_ == "PROPN"][:1] or [noun]


def carry_subject(noun: Token, frame: Frame, slots: dict[str, list[Token]]) -> None:
    """The support verb's subject acts only for a support verb ("X completed the acquisition"),
    not for an approver ("the ministry approved the construction of Y"), unless the frame says so
    ("the bank approved a loan")."""
    carried = slots.pop("carried_subject", [])
    given = any(slots.get(position) and position in frame.roles.get("investor", ()) for position in ("from", "participle_giver"))
    if carried and given:  # "X will finance half of it with a loan from Z" ("provided by Z"): Z lends, X borrows
        slots["subject"] = []
        # "the plant achieved financial close with a loan from Z": an asset subject receives it
        slots["recipient"] = [t for t in carried if t.lemma_.lower() in lexicon().asset_heads]
        return
    verb = support_verb(noun)
    # "X grew through the acquisition of Y", "X entered Z with the purchase of Y": X acts ("proceed with" is no means)
    means = _means(noun) or (noun.dep_ == "pobj" and noun.head.lower_ == "with" and _has_object(verb))
    if not carried or verb is None or means:
        return
    if verb.lemma_.lower() not in frame_lexicon().support_verbs | frame.support_verbs:
        slots["subject"] = []


def _means(noun: Token) -> bool:
    """"funding it through a bond", "via a loan": the noun is the means of its verb."""
    return noun.dep_ == "pobj" and noun.head.lower_ in {"through", "via"}


def _has_object(verb: Token | None) -> bool:
    return verb is not None and any(c.dep_ in OBJECT_DEPS for c in verb.children)
