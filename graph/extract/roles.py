"""Grammatical roles read off the parse whatever the clause's form, for the frame slot readers:
the voice, the subject a verb without one takes from the clause that controls it, the noun a
relative or participial clause modifies, the verb that carries a nominal trigger, and the
objects of a head's prepositions."""

from __future__ import annotations

from spacy.tokens import Token

from graph.extract.common import per_token
from graph.extract.lexicon import lexicon
from graph.extract.tree import infinitive, prep_objects
from graph.extract.word_lists import word_list

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
# "X grew by acquiring Y": the means share the subject; "a role in setting up Y" does not
MEANS_PREPS = frozenset({"by", "through", "via", "after", "before"})
MEASURE_LABELS = frozenset({"DATE", "TIME", "PERCENT", "QUANTITY"})  # not MONEY: "funded by $90m of equity from X"
AMOUNT_ENTITIES = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY"})


def passive_object(verb: Token) -> list[Token]:
    """What a passive verb is done to: its passive subject (or the subject the parser hung on its "is":
    "Y is 80% owned by X"), else the noun its participle modifies, the subject it shares with a
    conjoined passive or a copula, or its controller's subject."""
    return (
        children(verb, {"nsubjpass"}) or _copula_subject(verb) or _attached_head(verb)
        or (children(verb, {"nsubj"}) if _reduced_passive(verb) or _agent_of(verb) else []) or _set_off_after_a_name(verb)
        or [s for a in children(verb, {"auxpass"}) for s in children(a, {"nsubj", "nsubjpass"})]  # hung on the "is"
        or _conjoined_passive_subject(verb) or (inherited_subject(verb) if verb.dep_ == "xcomp" else [])
    )


def active_subject(verb: Token) -> list[Token]:
    """Who does an active verb's act: its own subject, else the one it inherits or the one an
    interrupted auxiliary holds."""
    return (_quantified(verb, children(verb, SUBJECT_DEPS)) or for_subject(verb) or inherited_subject(verb)
            or _interrupted_auxiliary(verb) or _set_off_subject(verb) or _subject_in_time_phrase(verb))


def _quantified(verb: Token, subjects: list[Token]) -> list[Token]:
    """"A and B have each committed $1bn": the parser may make "each" the subject and hang the names
    on the auxiliary; they are the subject."""
    if [s.lower_ for s in subjects] not in (["each"], ["both"], ["all"]):
        return subjects
    held = [s for a in verb.children if a.dep_ in {"aux", "auxpass"} for s in children(a, SUBJECT_DEPS)]
    return held or subjects


def for_subject(verb: Token) -> list[Token]:
    """"a deal for X to build Y": the object of "for" right before an infinitive is its subject."""
    to = next((c for c in verb.lefts if c.dep_ == "aux" and c.lower_ == "to"), None)
    before = verb.doc[to.i - 1] if to is not None and to.i > 0 else None
    if before is None or before.dep_ != "pobj" or before.head.lower_ != "for" or before.ent_type_ in AMOUNT_ENTITIES | {"DATE", "TIME"}:
        return []
    return [before]


def _set_off_subject(verb: Token) -> list[Token]:
    """"Suryoday, for its part, bought …": a name set off by a comma at the start of a finite clause
    with no subject, which the parser hung on the verb as a modifier, is its subject."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return []
    first = verb.sent[0]
    set_off = first.head == verb and first.dep_ in {"npadvmod", "nmod", "dep"} and first.pos_ == "PROPN"
    return [first] if set_off and first.i + 1 < verb.i and verb.doc[first.i + 1].text == "," else []


def _subject_in_time_phrase(verb: Token) -> list[Token]:
    """"On Wednesday X agreed to buy Y" (no comma): the parser reads "On Wednesday X" as one phrase;
    a name right after the date, with no verb between it and the clause's verb, is its subject."""
    while verb.dep_ == "xcomp":  # "On Wednesday X agreed to buy Y": the subject of "agreed"
        verb = verb.head
    if verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return []
    for prep in (c for c in verb.lefts if c.dep_ == "prep"):
        named = [o for o in children(prep, {"pobj"}) if o.pos_ == "PROPN" and o.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"}]
        dated = any(t.ent_type_ in {"DATE", "TIME"} for t in prep.subtree)
        between = verb.doc[named[0].i + 1 : verb.i] if named else []
        if named and dated and all(t.head == verb and t.dep_ in {"aux", "neg"} for t in between):  # "X has agreed"
            return named[:1]
    return []


def active_object(verb: Token) -> list[Token]:
    """What an active verb is done to: its object, else the noun of a relative clause whose gap is
    the object ("the stake X bought")."""
    own = children(verb, OBJECT_DEPS)
    own = own or [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and not children(c, SUBJECT_DEPS)
                  for o in children(c, OBJECT_DEPS)]  # "X will finance and build Y": one object for both verbs
    return own or (_attached_head(verb) if verb.dep_ == "relcl" and _object_gap(verb) else [])


def is_passive(verb: Token) -> bool:
    """"was bought", "a plant built by X", "Y, owned by X": the subject is the object."""
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        return True
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head != verb and any(c.dep_ == "auxpass" for c in verb.head.children):
        return True  # "is being built by X and financed by Y"
    if verb.tag_ == "VBN" and verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        return True  # "Y is majority-owned by X"
    if _reduced_passive(verb) or _agent_of(verb):
        return True
    # "having bought": the lemmatizer leaves "having" as it is
    perfect = any(c.dep_ == "aux" and (c.lemma_ == "have" or c.lower_ == "having") for c in verb.children)
    active = perfect or children(verb, SUBJECT_DEPS) or children(verb, OBJECT_DEPS)  # "…, having bought 5%"
    return verb.tag_ == "VBN" and verb.dep_ in {"acl", "amod", "relcl", "advcl"} and not active


def _set_off_after_a_name(verb: Token) -> list[Token]:
    """"run by Y, owned 70% by X and 30% by Z": a participle with an agent set off right after a name, which
    the parser hangs on the clause before, describes that name."""
    doc = verb.doc
    before = doc[verb.i - 2] if verb.i >= 2 and doc[verb.i - 1].text == "," else None
    if before is not None and before.text == ")" and before.i >= 3 and doc[before.i - 2].text == "(":
        before = doc[before.i - 3]  # "Y (YZ), owned …": the name before its acronym
    hung = _agent_of(verb) and verb.dep_ in {"advcl", "conj"}
    return [before] if before is not None and hung and before.pos_ == "PROPN" else []


def _agent_of(verb: Token) -> bool:
    """"Y, owned 70% by X, runs …" read with Y the subject of "owned": the parser's "agent" is a passive's
    "by", whatever the tag (VBD) and the subject's label."""
    return verb.tag_ in {"VBN", "VBD"} and any(c.dep_ == "agent" for c in verb.children)


def _reduced_passive(verb: Token) -> bool:
    """A headline's "Y sold to X", "Y acquired by X": a main verb's participle with a subject and
    no auxiliary or object is a passive whose "was" was left out."""
    return (verb.tag_ == "VBN" and verb.dep_ == "ROOT" and bool(children(verb, {"nsubj"}))
            and not children(verb, {"aux", "auxpass"} | OBJECT_DEPS))


def inherited_subject(verb: Token) -> list[Token]:
    """The subject of a verb that has none of its own, from the clause that controls it, at most four
    steps up: the noun a relative or participial clause modifies, the subject of the verb it completes
    or is conjoined to, or the object of a verb of object control ("X agreed to buy Y", "X bought Y
    and sold Z", "a company buying Y", "the deal sees X taking a stake")."""
    current = verb
    for _ in range(4):
        if current.dep_ == "relcl" and not _object_gap(current):
            return [current.head]
        if current.dep_ == "acl" and current.tag_ == "VBG":
            return [current.head]
        if current.dep_ in {"acl", "relcl"} and infinitive(current):  # "X's plan to build Y was postponed"
            # "X announced plans to invest"; "an agreement between A and B to build Y": A and B build it
            return children(current.head, {"poss"}) or prep_objects(current.head, {"between"}) or governing_subject(current.head)
        if current.dep_ == "pcomp" and current.head.dep_ == "prep" and (
                current.head.lower_ in MEANS_PREPS or current.head.head.pos_ in {"VERB", "AUX", "ADJ"}):
            objects = [o for o in children(current.head.head, {"dobj"}) if o.ent_type_ not in AMOUNT_ENTITIES] \
                if current.head.lower_ not in MEANS_PREPS else []
            if objects:
                return objects  # "X criticised Y for conducting Z", "barred Y from buying Z": Y does it
            current = current.head  # "X strengthened its position by acquiring Y", "X is interested in buying Y"
        if current.dep_ not in {"xcomp", "conj", "advcl", "prep", "dobj", "acomp"} or current.head == current:
            return []
        head = current.head
        controller = children(head, OBJECT_DEPS) if head.lemma_.lower() in word_list("object_control_verbs") else []
        if controller and current.dep_ in {"xcomp", "advcl", "ccomp"}:
            return controller  # "the deal sees X taking a stake", "enables X to raise its stake"
        if is_passive(head) and current.dep_ == "xcomp":  # "X is set/expected to buy Y": X buys
            return children(head, {"nsubjpass"})
        # "X was reported to …, having bought Y": a participial clause is controlled by the grammatical subject;
        # so is a finite verb conjoined to a passive one ("X was carved out of Y in 2020 and bought Z in 2023")
        finite_conjunct = current.dep_ == "conj" and current.tag_ in {"VBD", "VBZ", "VBP"}
        deps = SUBJECT_DEPS | {"nsubjpass"} if current.dep_ == "advcl" or finite_conjunct else SUBJECT_DEPS
        found = children(head, deps)
        if found:
            return found
        current = head
    return []


def governing_subject(noun: Token) -> list[Token]:
    """The subject of the verb whose clause holds ``noun`` ("X turned a plant bought from Y into …",
    "X withdrew plans for a $2bn plant"), through objects and prepositions, at most three steps up."""
    if children(noun, SUBJECT_DEPS):  # "X and Y each plan to invest": a verb the tagger took for a noun
        return children(noun, SUBJECT_DEPS)
    current = noun
    for _ in range(3):
        if current.dep_ not in {"dobj", "pobj", "prep", "obj", "nsubjpass"} or current.head == current:
            return []
        current = current.head
        if current.pos_ in {"VERB", "AUX"}:
            if is_passive(current) or current.lemma_.lower() in word_list("witnessing_verbs"):
                return []  # "X witnessed the signing of …": X looks on, it signs nothing
            return children(current, SUBJECT_DEPS) or inherited_subject(current)
    return []


def _interrupted_auxiliary(verb: Token) -> list[Token]:
    """"X said it has, on behalf of Y, extended a loan": the auxiliary cut off by the aside is
    parsed as a verb of its own, and carries the subject."""
    own = [s for a in verb.children if a.dep_ == "aux" for s in children(a, SUBJECT_DEPS)]
    if own:  # "X and Y have each committed $40m": the subject hangs on "have"
        return own
    siblings = [
        s for s in verb.head.children if s.i < verb.i and s.dep_ == verb.dep_ and s.lemma_ in {"have", "be", "will"}
    ]
    if not siblings or children(siblings[-1], OBJECT_DEPS):
        return []
    return resolve_relatives(children(siblings[-1], SUBJECT_DEPS), siblings[-1])


def _copula_subject(verb: Token) -> list[Token]:
    """"Y is majority-owned by X", "Y will be 60 per cent owned by X": the copula's subject is the
    participle's object."""
    if on_a_stated_percent(verb):
        return children(verb.head.head, SUBJECT_DEPS)
    return children(verb.head, SUBJECT_DEPS) if verb.dep_ == "acomp" else []


def _conjoined_passive_subject(verb: Token) -> list[Token]:
    """"Y is being built by X and financed by Z": the second participle shares Y."""
    if verb.dep_ != "conj" or not is_passive(verb.head):
        return []
    return children(verb.head, {"nsubjpass"})


def hyphenated(verb: Token) -> bool:
    """The word follows a hyphen: part of a compound modifier such as "state-owned"."""
    return verb.i >= 1 and verb.doc[verb.i - 1].text in {"-", "–"}


def hyphen_modifier(verb: Token) -> list[Token]:
    """"Chinese-funded", "state-owned", "Acme-backed": the word before the hyphen is the agent."""
    if verb.i < 2 or not hyphenated(verb):
        return []
    before = verb.doc[verb.i - 2]
    return [before] if before.pos_ in {"PROPN", "ADJ", "NOUN"} and (before.ent_type_ or before.pos_ == "PROPN") else []


def _object_gap(relcl: Token) -> bool:
    """"the stake (that) X bought": the relative's gap is the object."""
    return bool(children(relcl, SUBJECT_DEPS)) and not children(relcl, OBJECT_DEPS)


def _attached_head(verb: Token) -> list[Token]:
    """The noun a participial or relative clause modifies."""
    return [_modified(verb.head)] if verb.dep_ in {"acl", "relcl", "amod"} and verb.head != verb else []


def _clause(verb: Token) -> Token:
    """The head of the clause ``verb`` completes: "which is expected to buy" is the clause of "is"."""
    while verb.head != verb and (verb.dep_ in {"acomp", "xcomp"} or on_a_stated_percent(verb)):
        verb = verb.head.head if on_a_stated_percent(verb) else verb.head
    return verb


def on_a_stated_percent(verb: Token) -> bool:
    """"which is 60 per cent owned by X": the participle hangs on the percentage the copula states."""
    return verb.dep_ == "acl" and verb.head.ent_type_ == "PERCENT" and verb.head.dep_ == "attr"


@per_token("ikg_relative_antecedent")  # each role of a match asks
def relative_antecedent(verb: Token) -> frozenset[int]:
    """The index of the noun a relative clause headed by ``verb`` modifies, which stands without its
    conjuncts (none if it heads none, or says the list acts together)."""
    clause = _clause(verb)
    together = any(c.lower_ in {"together", "jointly"} for c in clause.children)  # "A, B and C, which together lent …"
    if clause.dep_ != "relcl" or together:
        return frozenset()
    named = next((n for c in clause.children if c.lower_ in RELATIVE_PRONOUNS and (n := _name_before(c)) is not None), None)
    return frozenset({(named or clause.head).i})


def resolve_relatives(heads: list[Token], verb: Token) -> list[Token]:
    """"which"/"who" stand for the noun the relative clause modifies ("X, which is 65% owned by Y")."""
    clause = _clause(verb)
    while clause.dep_ == "conj" and clause.head != clause:  # "which is listed in X and controlled by Y"
        clause = clause.head
    relative = clause.dep_ == "relcl"
    return [_name_before(head) or _modified(clause.head) if relative and head.lower_ in RELATIVE_PRONOUNS else head
            for head in heads]


def _name_before(pronoun: Token) -> Token | None:
    """"the partnership between A and B, which provided …": a subject "which" right after a name
    and a comma stands for that name, wherever the parser hung the clause."""
    doc = pronoun.doc
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or pronoun.i < 2 or doc[pronoun.i - 1].text != ",":
        return None
    name = doc[pronoun.i - 2]
    return name if name.pos_ == "PROPN" and name.dep_ in {"pobj", "conj"} and name.ent_type_ not in {"GPE", "LOC", "DATE"} else None


def _modified(noun: Token) -> Token:
    """"a solar plant at Cikalong, which X built": the parser hangs the clause on the place; it
    describes the asset the place locates."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"at", "in", "near"} or noun.pos_ != "PROPN":
        return noun
    # the place phrase hangs on the asset, or on the verb right after its object ("opened a plant at X")
    located = [prep.head] + [o for o in prep.head.children if o.dep_ == "dobj" and o.right_edge.i + 1 == prep.i]
    return next((t for t in located if t.pos_ == "NOUN" and t.lemma_.lower() in lexicon().asset_heads), noun)


def support_verb(noun: Token) -> Token | None:
    """The verb that carries a nominal trigger: the verb it is the object or passive subject of, the
    verb of the "by" phrase or means preposition it is in, the funding verb it is the subject of, or
    that of the sum it is counted in ("X promised €2bn in subsidies"); a conjunct shares its head's."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass", "obj"} and head.pos_ in {"VERB", "AUX"}:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "agent":
        return head.head  # "Y will be financed by a loan from X"
    if noun.dep_ == "nsubj" and head.lemma_.lower() in word_list("funding_verbs"):
        return head  # "the loan from X will fund Y"
    taken_sum = head.head.ent_type_ == "MONEY" and head.head.dep_ in {"dobj", "nsubjpass", "pobj"}
    if noun.dep_ == "pobj" and head.lower_ in {"in", "of", "as"} and taken_sum:
        return support_verb(head.head)  # "financed with $1bn in loans" too, "bought $400m of bonds", "$190m as a credit"
    if noun.dep_ == "pobj" and head.head.pos_ == "VERB" and head.lower_ in {"through", "via", "with", "as"} and head.dep_ == "prep":
        return head.head  # "financed Y through a bond", "is arranging $190m as a buyer credit"
    if noun.dep_ == "conj":
        return support_verb(noun.head)
    return None


def prep_slots(head: Token) -> dict[str, list[Token]]:
    """Objects of the prepositions on ``head``, keyed by preposition ("by" includes the agent)."""
    slots: dict[str, list[Token]] = {}
    for child in head.children:
        if child.dep_ not in {"prep", "agent", "dative"} or child.pos_ != "ADP":
            continue
        objects = [o for o in children(child, {"pobj"}) if not (child.lower_ == "with" and _absolute(o))]
        if child.lower_ == "by":  # "delayed by two years", "raised by 20%": a measure, not an agent
            objects = [o for o in objects if o.ent_type_ not in MEASURE_LABELS]
        objects = objects or _clause_subjects(child)
        if objects:
            slots.setdefault(child.lower_, []).extend(objects)
    return slots


def _clause_subjects(prep: Token) -> list[Token]:
    """"comes from A, B and C, with part of it insured by D": the parser may read the names as the
    subject of a clause it makes the preposition's object; they are its objects ("with X adding $45m"
    is an act of X's own)."""
    clauses = [c for c in children(prep, {"pcomp"}) if c.pos_ == "VERB" and not (prep.lower_ == "with" and c.tag_ == "VBG")]
    return [s for c in clauses for s in children(c, {"nsubj"}) if s.pos_ == "PROPN"]


def _absolute(head: Token) -> bool:
    """"…, with X contributing $125m each": X is the subject of an act of its own, not a counterpart."""
    return any(c.dep_ in {"acl", "relcl"} and c.tag_ == "VBG" and c.i > head.i for t in (head, *head.conjuncts) for c in t.children)


def children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    """The word's dependents with one of the relations ``deps``, in parse order."""
    return [c for c in token.children if c.dep_ in deps]


def subject_before(pronoun: Token) -> Token | None:
    """"X is no stranger to the country: it bought …", "X knows it well; it bought …": a subject
    pronoun after a clause of its own sentence is that clause's subject, not the sentence before's."""
    if pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    clauses = [c for c in pronoun.head.children if c.i < pronoun.i and c.dep_ in {"ccomp", "parataxis", "conj", "advcl"}]
    subjects = [s for c in clauses for s in c.children
                if s.dep_ in {"nsubj", "nsubjpass"} and s.pos_ == "PROPN"]
    return subjects[-1] if subjects else None
