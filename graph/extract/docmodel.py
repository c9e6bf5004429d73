"""The document model: which actor "it", "the bank" or "the carmaker" stands for.

A registry of the document's named actors with the class nouns each was
given (its kind, the last word of its name, its descriptors: "X, a battery
maker", "lithium miner X", "the state lender X"). A definite description
resolves to the nearest earlier actor of its class; a pronoun at a clause's
start to the clause's or the previous sentence's main subject. When no
antecedent of the right class exists, nothing is resolved: a missing role
is better than a wrong one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graph.extract import context
from graph.extract.actors import actors_in, find_actors
from graph.extract.agreement_frames import agreement_lexicon
from graph.extract.collectives import country_named
from graph.extract.dealt import a_share, bought, buying_verbs, holding_verbs, owner_before, party_dealt_with
from graph.extract.common import entity_at, hyphened_to_a_word, per_doc, unique
from graph.extract.descriptions import described_country, hyphened_place
from graph.extract.frames import frame_lexicon
from graph.extract.phrases import phrase_ref
from graph.extract.roles import active_subject, is_passive, passive_object, subject_before
from graph.extract.salience import most_salient
from graph.extract.tree import modified_by, own_words
from graph.extract.lexicon import lexicon
from graph.extract.word_lists import word_list
from graph.gazetteer import country_of_place, load_gazetteer
from graph.model import ActorKind, ActorRef

PRONOUNS = frozenset({"it", "its", "they", "their", "them", "itself", "themselves"})
RELATIVES = frozenset({"which", "who", "that"})
NOT_NAMES = frozenset({"NORP", "DATE", "TIME"})  # capitalised words in a description that name no one
DEFINITE = frozenset({"the", "this", "that", "these"})
NOT_BEFORE = frozenset({"new", "other", "combined", "merged", "enlarged"})  # "the combined company": not one named before
PAIR_KINDS = {"country": (ActorKind.COUNTRY,), "company": (ActorKind.COMPANY, ActorKind.ORGANIZATION)}
NAME_PARTS = frozenset({"compound", "det", "amod", "poss", "nmod"})
NAMED_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG", "PERSON", "FAC"})
SHORT_NAMED = frozenset({ActorKind.COMPANY, ActorKind.ORGANIZATION, ActorKind.GOVERNMENT_BODY})
KIND_CLASSES = {
    ActorKind.COMPANY: {"company", "firm", "group", "business", "concern", "corporation", "target"},  # "owns 19.6% of the target"
    ActorKind.COUNTRY: {"country", "nation", "state"},
    ActorKind.GOVERNMENT_BODY: {"government", "ministry", "authority", "agency"},
    # an unknown organisation in business news is most often a company
    ActorKind.ORGANIZATION: {"organisation", "organization", "institution", "body", "company", "firm", "group", "target"},
    ActorKind.PERSON: {"businessman", "businesswoman", "tycoon", "billionaire", "owner"},
}


@dataclass(frozen=True, slots=True)
class Entry:
    """A named actor at a position, with the class nouns the text gave it."""

    position: int
    ref: ActorRef
    classes: frozenset[str]
    sentence: Span
    subject: bool = False
    country: str | None = None  # known, or named by the name's first word ("Qatar Holding")
    described: frozenset[str] = frozenset()  # the common nouns the text calls it: "builder" of "Spanish builder X"
    root: int = 0  # the position of the name's head word


def registry(doc: Doc) -> list[Entry]:
    """Every named actor of ``doc`` in text order with its classes (computed once per doc)."""
    return per_doc(doc, "ikg_registry", lambda: [_entry(a.span, a.ref) for a in find_actors(doc)
                                                 if a.ref.kind is not ActorKind.ASSET])


def _entry(span, ref: ActorRef) -> Entry:
    classes = set(KIND_CLASSES.get(ref.kind, ()))
    if _a_body(ref):  # "X Workers' Union" is no company, whatever unknown organisations usually are
        classes -= KIND_CLASSES[ActorKind.COMPANY]
    synonyms = frame_lexicon().class_synonyms
    described = {t.lemma_.lower() for t in _descriptors(span.root) if not span.start <= t.i < span.end}  # not its own words
    words = {w.lower() for w in ref.name.split()} | described
    for word in words if ref.kind is not ActorKind.COUNTRY and not _a_body(ref) else described:
        classes |= synonyms.get(word, set())  # the United States is no club, the Football League no club
    subject = span.root.dep_ in {"nsubj", "nsubjpass"}
    country = ref.country or described_country(span, ref)
    return Entry(span.start, ref, frozenset(classes | words), span.sent, subject, country, frozenset(described), span.root.i)


def _descriptors(root: Token) -> list[Token]:
    """Common nouns that describe a name: "lithium miner X", "X, a battery maker", "the carmaker, X",
    "X is a joint venture between …"."""
    found = [t for t in root.lefts if t.pos_ == "NOUN" and t.dep_ in {"compound", "nmod", "amod"}]
    found += [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        found += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        found.append(root.head)
    return found


def antecedent(head: Token) -> ActorRef | Token | None:
    """The actor an unnamed pronoun or definite description at ``head`` refers to, if clear
    (or the head of the phrase that names it, in the same sentence)."""
    if head.lower_ in PRONOUNS:
        return _pronoun(head)
    if head.lower_ == "whose":  # "X, whose 2015 purchase of Y …": the name the relative clause is on
        return next((a.head for a in head.ancestors if a.dep_ == "relcl"), None)
    if head.pos_ == "NOUN" and head.lemma_.lower() in KIND_CLASSES[ActorKind.COMPANY]:
        named = context.described_anywhere(head)  # "the holding company of the X family" the article names
        if named is not None:  # "their holding company Y Limited" (before or after)
            return named
    if not _definite(head) or modified_by(head, NOT_BEFORE):
        return None  # "the new company", "the other bank": not one named before
    if head.tag_ == "NNS" and head.lemma_.lower() not in lexicon().asset_heads:
        return None  # "the owners", "the lenders": several, not the one named last ("the dams" are the dams told of)
    noun = head.lemma_.lower()
    project = next((c for c in head.children if c.dep_ == "compound" and c.lemma_.lower() == "project"), None)
    if project is not None and noun in KIND_CLASSES[ActorKind.COMPANY]:  # "the project company" owns the project:
        return context.named_description(head) or context.earlier_asset(project)  # it stands for it, unless named
    a_country = noun in KIND_CLASSES[ActorKind.COUNTRY]
    bound = _co_subject(head)
    candidates = _of_class(head.doc, noun, before=head.i)
    at = _names_at(head.doc)
    named = {name for i in (*bound, *_conjoined_subjects(head)) for name in at.get(i, ())}
    named |= _described_subject(head) | _agents_named(head)  # "X owns 19.6% of the target"
    earlier = [e for e in candidates if not _among(e.ref.name, named) and (a_country or e.ref.kind is not ActorKind.COUNTRY)
               and not head.left_edge.i <= e.position < head.i]  # "the Chennai company" is not "Chennai"
    countries = demonym_countries(head)
    if countries and earlier:  # "the Korean cathode maker": one of that country, else one of no known country
        earlier = [e for e in earlier if e.country in countries] or [e for e in earlier if e.country is None]
        return most_salient(earlier, registry(head.doc)) if earlier else None
    if earlier:
        return most_salient(_of_modifiers(head, _literal(_dealt_in(head, earlier), noun)), registry(head.doc))
    generic = noun in word_list("generic_company_words")
    ours = [e for e in _companies_before(head) if e.country in countries and not _described_otherwise(e, noun)] if generic else []
    if ours:  # "the Korean cathode maker" with no maker named: the company of that country
        return most_salient(ours, registry(head.doc))
    return context.definite_ref(head) or _main_company(head, bound, not_named=named)


def _among(name: str, named: set[str]) -> bool:
    """The name, or a name of two or more of its words ("Orvan Logam" of "PT Orvan Logam Tbk"), is named."""
    words = set(name.lower().split())
    return name in named or any(len(n.split()) > 1 and set(n.lower().split()) <= words for n in named)


def plural_antecedent(head: Token) -> Token:
    """"X, Y and Z completed their takeover of W": a plural pronoun stands for the whole list its
    antecedent heads, read as that list is, not for its first name only."""
    earlier = antecedent(head) if head.lower_ in {"they", "their", "them", "themselves"} else None
    return earlier if isinstance(earlier, Token) else head


def short_name(head: Token) -> ActorRef | None:
    """"Tarrow paid A$85m …" after "Tarrow Renewables": a lone capitalised word the tagger took for
    a common noun or a date is the short form of the longer name it begins that was named first
    (alone in its sentence: of two told together, neither)."""
    if not head.text[:1].isupper() or head.pos_ not in {"NOUN", "PROPN"} or any(c.dep_ in NAME_PARTS for c in head.children):
        return None
    longer = [(position, ref) for position, ref in _by_first_word(head.doc).get(head.text, ()) if position < head.i]
    # a name the model or the gazetteer knows ("Serbia" before "Serbia Copper") is itself, unless the
    # model called a role's lone word a place or a person ("Hoshimura owns 14.9%" after "Hoshimura Seiki")
    mislabelled = head.ent_type_ in {"GPE", "LOC", "PERSON"} and head.dep_ not in NAME_PARTS
    if not longer or (head.ent_type_ in NAMED_LABELS and not mislabelled) or load_gazetteer().lookup(head.text) is not None:
        return None
    first = min(longer, key=lambda found: found[0])
    sentence = head.doc[first[0]].sent
    told_with = [ref for position, ref in longer if ref.name != first[1].name and head.doc[position].sent == sentence]
    return None if told_with else first[1]  # "X Energy", later its unit "X Transmission": X Energy; "X A and X B bid": either


def _by_first_word(doc: Doc) -> dict[str, list[tuple[int, ActorRef]]]:
    """The document's longer names by their first word (built once: asked for every capitalised head)."""
    def build() -> dict[str, list[tuple[int, ActorRef]]]:
        index: dict[str, list[tuple[int, ActorRef]]] = {}
        for entry in registry(doc):
            if entry.ref.kind in SHORT_NAMED and " " in entry.ref.name:
                index.setdefault(entry.ref.name.split()[0], []).append((entry.position, entry.ref))
        return index
    return per_doc(doc, "ikg_first_words", build)


def _of_modifiers(head: Token, entries: list[Entry]) -> list[Entry]:
    """"the football company", "the mining group": the ones whose name or description says so, if any."""
    synonyms = frame_lexicon().class_synonyms
    words = {c.lemma_.lower() for c in head.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"}
    wanted = words.union({w + "s" for w in words}, *(synonyms.get(w, set()) for w in words))  # "tower" for "X Towers"
    said = [e for e in entries if e.classes & wanted]
    joined = [] if said else [e for e in entries if any(w in name for w in words if len(w) > 3 for name in e.classes)]  # "XTower"
    return said or joined or entries


def _described_otherwise(entry: Entry, noun: str) -> bool:
    """"Spanish builder X" is not "the Spanish utility": the text called it something else."""
    return bool(entry.described - word_list("generic_company_words") - {noun})


def _literal(entries: list[Entry], noun: str) -> list[Entry]:
    """"the fund": a name that says "Fund" before one the class only reaches by synonym ("X Capital
    Partners"), and that before one the text described as something else ("the fund manager X");
    generic words ("the company") stay with every company."""
    if noun in word_list("generic_company_words"):
        return entries
    literal = [e for e in entries if noun in e.ref.name.lower().split()]
    return literal or [e for e in entries if not _described_otherwise(e, noun)] or entries  # not the "fund manager"


def _of_class(doc: Doc, noun: str, *, before: int) -> list[Entry]:
    """The registry's entries of one class before a position (indexed by class once per document,
    with their positions, so a lookup is one bisection)."""
    entries, positions = per_doc(doc, "ikg_classes", lambda: _class_index(doc)).get(noun, ([], []))
    return entries[: bisect_left(positions, before)]


def _class_index(doc: Doc) -> dict[str, tuple[list[Entry], list[int]]]:
    index: dict[str, tuple[list[Entry], list[int]]] = {}
    for entry in registry(doc):
        for word in entry.classes:
            entries, positions = index.setdefault(word, ([], []))
            entries.append(entry)
            positions.append(entry.position)
    return index


def _co_subject(head: Token) -> range:
    """Token positions of the name that is the subject of the clause ``head`` is in: "X will buy a
    stake in the company" — the company is not X."""
    subject = _clause_subject(head)
    return _named_span(subject) if subject is not None else range(0)


def _names_at(doc: Doc) -> dict[int, set[str]]:
    """The registry's names by the position they start at (built once per doc)."""
    def build() -> dict[int, set[str]]:
        index: dict[int, set[str]] = {}
        for entry in registry(doc):
            index.setdefault(entry.position, set()).add(entry.ref.name)
        return index
    return per_doc(doc, "ikg_names_at", build)


def _conjoined_subjects(head: Token) -> set[int]:
    """The positions of the names joined to the subject of ``head``'s clause: "X and Y had each
    owned 45 per cent of the operator" — the operator is neither."""
    subject = _clause_subject(head)
    return {i for other in (subject.conjuncts if subject is not None else ()) for i in _named_span(other)}


def _agents_named(head: Token) -> set[str]:
    """"The company is now owned by X (38%) and Y (34%)": whoever the sentence names after a passive's
    "by" is not it (the parser may hang part of the list elsewhere)."""
    verb = head.head if head.dep_ == "nsubjpass" else None
    agent = next((a for a in verb.children if a.dep_ == "agent"), None) if verb is not None else None
    if agent is None:
        return set()
    return {a.ref.name for a in actors_in(head.doc[agent.i + 1 : head.sent.end]) if a.ref.kind is not ActorKind.ASSET}


def _clause_subject(head: Token) -> Token | None:
    for ancestor in head.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects or ancestor.dep_ != "xcomp":  # "X will end up holding 35% of the company": X's clause
                return subjects[0] if subjects else None
    return None


def _described_subject(head: Token) -> set[str]:
    """"The private equity firm paid $1.2bn for the snack maker", "It will pay $300m for the company":
    the name a described or pronoun subject of ``head``'s clause stands for, which ``head`` does not."""
    subject = _clause_subject(head)
    if subject is None or subject == head or not (subject.lower_ in PRONOUNS or (subject.pos_ == "NOUN" and _definite(subject))):
        return set()
    found = antecedent(subject)  # an actor, or a name of the sentence (read by its positions)
    names = {e.ref.name for e in registry(head.doc) if e.position in _named_span(found)} if isinstance(found, Token) else set()
    return names | ({found.name} if isinstance(found, ActorRef) else set())


def _named_span(subject: Token) -> range:
    """The positions of the name a subject is ("Acme Holdings"); none for a common noun whose
    modifiers name someone else ("Acme shareholders approved the sale of the company"), unless the
    noun's apposition names it ("Y's new owner, Acme Holdings, paid $1bn for the company")."""
    named = next((a for a in subject.children if a.dep_ == "appos" and a.pos_ == "PROPN"), None)
    subject = named if subject.pos_ == "NOUN" and named is not None else subject
    if subject.pos_ != "PROPN":
        return range(0)
    start = subject.i
    while start > 0 and subject.doc[start - 1].dep_ == "compound" and subject.doc[start - 1].head.i <= subject.i:
        start -= 1
    return range(start, subject.i + 1)


def _main_company(head: Token, bound: range = range(0), *, not_named: Collection[str] = ()) -> ActorRef | None:
    """"the Spanish utility", "the firm" with no antecedent of that class: the company the
    document names most often before it, other than its clause's subject (a descriptor word only;
    ties go to the nearest)."""
    if head.lemma_.lower() not in word_list("generic_company_words"):
        return None  # "the bank" with no bank named before is nobody we know
    companies = [e for e in _companies_before(head, bound)
                 if e.ref.name not in not_named and not _described_otherwise(e, head.lemma_.lower())]
    companies = _of_modifiers(head, companies)
    countries = demonym_countries(head)
    if countries:  # "the Spanish utility": not a company known to be of another country
        companies = [e for e in companies if e.country is None or e.country in countries]
    return most_salient(companies, registry(head.doc)) if companies else None


def _companies_before(head: Token, bound: range = range(0)) -> list[Entry]:
    """The companies the document names before ``head``, outside ``bound``."""
    kinds = {ActorKind.COMPANY, ActorKind.ORGANIZATION}
    return [e for e in registry(head.doc)
            if e.position < head.i and e.position not in bound and e.ref.kind in kinds and not _a_body(e.ref)]


def _a_body(ref: ActorRef) -> bool:
    """An organisation its name calls one ("union", "federation", "association")."""
    words = {w.lower() for w in ref.name.split()}
    return ref.kind is ActorKind.ORGANIZATION and bool(words & lexicon().organization_words)


def demonym_countries(head: Token) -> set[str]:
    """"the Korean cathode maker", "the Vancouver-based group": the country a description names."""
    gaz = load_gazetteer()
    found = {e.name for c in head.children if c.dep_ in {"amod", "compound"} and (e := gaz.country_for_demonym(c.text))}
    places = (place for c in head.lefts for t in c.subtree if (place := hyphened_place(t)) is not None)
    found |= {country for c in head.children if c.dep_ == "compound" and _names_no_one(c) and (country := _a_place(c))}
    return found | {country for place in places if (country := country_of_place(place))}


def _definite(head: Token) -> bool:
    """"the bank", "this company", "the world's biggest games maker": a description, not a name."""
    if not (head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.is_lower)):
        return False  # a name: asked before the subtrees below are walked
    described = {t.i for a in head.children if a.dep_ in {"appos", "relcl", "acl"} for t in a.subtree}  # "…, owner of X"
    # "the Vancouver-based group", "the Kuala Lumpur-based company": a place in a hyphened modifier names no one
    described |= {t.i for c in head.lefts if any(hyphened_to_a_word(x) for x in c.subtree) for t in c.subtree}
    if any(t.pos_ == "PROPN" and t.text[:1].isupper() and t.i not in described and not _names_no_one(t) for t in own_words(head)):
        return False
    return any((c.dep_ == "det" and c.lower_ in DEFINITE) or (c.dep_ == "poss" and c.pos_ == "NOUN") for c in head.children)


def _names_no_one(word: Token) -> bool:
    """"the Emirati investor on Friday", "the Chennai company": a nationality (however tagged), a day,
    or a known place before a company's class noun, in a description."""
    if word.ent_type_ in NOT_NAMES or (word.dep_ in {"compound", "amod"} and country_named(word) is not None):
        return True
    return word.dep_ == "compound" and word.head.lemma_.lower() in KIND_CLASSES[ActorKind.COMPANY] and _a_place(word) is not None


def _a_place(word: Token) -> str | None:
    """The country of the known place a word (or the entity it is in) names (not a known company's)."""
    entity = entity_at(word)
    name = entity.text if entity is not None else word.text
    known = load_gazetteer().lookup(name)
    if known is not None:
        return known.name if known.kind is ActorKind.COUNTRY else None
    return country_of_place(name)


def _pronoun(head: Token) -> ActorRef | Token | None:
    """"X said it would …": the subject of the governing clause (a head, for the caller to read);
    else the previous sentence's main subject. An object "it" ("a loan to rehabilitate it") is the
    asset its sentence names before it."""
    if head.dep_ in {"dobj", "pobj"} and head.lower_ == "it":
        here = _last_asset(head.doc[head.sent.start : head.i], outside=head)
        taken = head.dep_ == "dobj" and head.head.lemma_.lower() in buying_verbs()  # "X agreed to buy it": a company told of before
        held = head.dep_ == "pobj" and head.head.lower_ in {"of", "in"} and a_share(head.head.head)  # "Z owns 41.5% of it"
        return here or ((taken or held) and _previous_subject(head.sent, assets=taken)) or None
    if head.dep_ == "poss" and (seller := party_dealt_with(head) or _issuer_of_held_shares(head)) is not None:
        return seller
    for ancestor in head.ancestors:
        controller = [c for c in ancestor.head.children if c.dep_ == "dobj" and c.i < ancestor.i] if ancestor.dep_ == "xcomp" else []
        if controller and controller[0].pos_ in {"PROPN", "NOUN"}:
            return controller[0]  # "X ordered Y to sell its stake": Y, who is to do it
        for subject in ancestor.children:
            if subject.dep_ not in {"nsubj", "nsubjpass"} or subject == head or subject.i > head.i or subject.lower_ in PRONOUNS:
                continue
            if subject.pos_ == "NOUN" and subject.lemma_.lower() in frame_lexicon().deal_nouns:  # "the deal is X's largest
                return owner_before(ancestor, head)  # since 2021, when it lent …" (a name ending in "Finance" is no deal)
            # "X, which said it would …": the relative pronoun stands for X
            return ancestor.head if subject.lower_ in RELATIVES and ancestor.dep_ == "relcl" else subject
    return subject_before(head) or _previous_subject(head.sent) or context.salient_actor(head.sent)


def _issuer_of_held_shares(pronoun: Token) -> Token | ActorRef | None:
    """"X's controlling shareholder, Z, holds 62.5% of its shares": the holder's own shares are not what
    it holds; "its" is the company the holder's description names, else the one the sentence before is about."""
    shares = pronoun.head
    quantity = shares.head.head if shares.dep_ == "pobj" and shares.head.lower_ == "of" else None
    verb = quantity.head if quantity is not None and quantity.dep_ == "dobj" else None
    if not a_share(shares) or verb is None or verb.lemma_.lower() not in holding_verbs():
        return None
    holders = [t for s in verb.children if s.dep_ == "nsubj" for t in s.subtree]
    possessors = [t for t in holders if t.dep_ == "poss" and t.pos_ in {"PROPN", "PRON"}]  # "X's founder", "its founder"
    if possessors:
        return possessors[0] if possessors[0].pos_ == "PROPN" else _pronoun(possessors[0])
    return _previous_subject(pronoun.sent) if holders else None


def _dealt_in(head: Token, earlier: list[Entry]) -> list[Entry]:
    """"X, which bought the company in 2011": what a buying verb takes is a company bought before (or
    a share of it), not the buyer the article names most."""
    if head.dep_ != "dobj" or head.head.lemma_.lower() not in buying_verbs():
        return earlier
    return [e for e in earlier if bought(head.doc[e.root])] or earlier


def _last_asset(tokens: Iterable[Token], *, outside: Token | None = None) -> ActorRef | None:
    """The asset the last of ``tokens`` that heads a role names ("Y changed hands in 2018, when X bought
    it": Y, before the pronoun ``outside``, in its sentence)."""
    heads = [t for t in reversed(list(tokens)) if t.pos_ in {"NOUN", "PROPN"} and (outside is None or outside not in t.subtree)
             and t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos"} and t.tag_ != "NNS"]  # "it" is no plural
    return next((ref for t in heads if (ref := phrase_ref(t)) is not None and ref.kind is ActorKind.ASSET), None)


def _previous_subject(sent: Span, *, assets: bool = False) -> Token | ActorRef | None:
    """The main subject of the sentence before, when it is a name ("Redwing said … It scrapped …")
    or a description of an actor named before it ("The bank has been … It lent …"), or with
    ``assets`` of an asset ("The mine has changed hands before. X bought it in 2016")."""
    earlier = context.previous_sentence(sent)
    clause = context.told_clause(earlier.root) if earlier is not None else None
    subjects = (active_subject(clause) if not is_passive(clause) else passive_object(clause)) if clause is not None else []
    if not subjects or subjects[0].pos_ not in {"PROPN", "NOUN"} or subjects[0].tag_ == "NNS":
        return None  # "the companies" is no "it"
    if subjects[0].pos_ == "PROPN":
        return subjects[0]
    described = antecedent(subjects[0])
    return described if isinstance(described, ActorRef) and (assets or described.kind is not ActorKind.ASSET) else None


def pair(head: Token, *, local: bool = True) -> list[ActorRef]:
    """"the two governments", "both companies", "the partners": the two of that class the article
    is about (named in the sentence too, with ``local``)."""
    counted = any(c.lower_ in {"two", "both"} for c in head.children)
    partners = head.lemma_.lower() == "partner" and any(c.lower_ == "the" for c in head.children)
    named = any(c.dep_ in {"appos", "conj"} and c.pos_ == "PROPN" and c.ent_type_ in {"ORG", "GPE", "PERSON"}
                for c in head.children)  # "two lenders, A and B,": those
    if head.tag_ not in {"NNS", "NNPS"} or not (counted or partners) or named:
        return []
    cls = next((c for c, nouns in agreement_lexicon().pairs.items() if head.lemma_.lower() in nouns), None)
    kinds = _sides(head) if cls == "either" else PAIR_KINDS.get(cls or "")
    return (context.named_together(head, kinds) or main_actors(head, kinds, 2, local=local)) if kinds else []


def _sides(head: Token) -> tuple[ActorKind, ...]:
    """"The two sides signed …": two companies where the sentence before names a company (a deal's
    sides), else two countries (talks between states)."""
    earlier = context.previous_sentence(head.sent)
    told = [a.ref.kind for sent in (earlier, head.sent) if sent is not None for a in actors_in(sent)]
    return PAIR_KINDS["company"] if any(kind in PAIR_KINDS["company"] for kind in told) else PAIR_KINDS["country"]


def main_actors(head: Token, kinds: tuple[ActorKind, ...], count: int, *, local: bool = True) -> list[ActorRef]:
    """The ``count`` actors of ``kinds`` (in that order of preference) named in the sentence (or,
    without ``local``, only before it), then the article's most named so far. A name inside a place
    phrase ("… to produce cars in the former X factory") names where, not who, and one in a clause
    conjoined after the head's is about something else ("the boards of both companies signed …,
    and the deal needs the approval of X")."""
    sent = head.sent
    before = [e for e in registry(head.doc) if e.ref.kind in kinds and e.position < sent.end
              and not (e.position >= sent.start and (_in_a_place(head.doc[e.position]) or (local and _clause_after(head, e.position))))]
    inside = [e.ref for e in before if e.position >= sent.start]
    if not local:
        before = [e for e in before if e.position < sent.start and e.ref.name not in {r.name for r in inside}]
    counts = Counter(e.ref.name for e in before)
    ranked = sorted(reversed(before), key=lambda e: (kinds.index(e.ref.kind), -counts[e.ref.name]))
    found = unique([*(inside if local else []), *(e.ref for e in ranked)])
    return found[:count] if len(found) >= count else []


def _clause_after(head: Token, position: int) -> bool:
    """Whether the word at ``position`` sits in a clause conjoined to the head's after it."""
    verb = next((t for t in head.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    later = [c for c in verb.children if c.dep_ in {"conj", "parataxis"} and c.i > head.i] if verb is not None else []
    return any(c.left_edge.i <= position <= c.right_edge.i and c.pos_ in {"VERB", "AUX"} for c in later)


def _in_a_place(token: Token) -> bool:
    """Whether ``token`` sits in an "in"/"at"/"near" phrase of its clause."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ in {"in", "at", "near", "outside"}:
            return True
    return False


def country_of(ref: ActorRef, doc: Doc, *, at: Span | None = None) -> str | None:
    """The country the document gives an actor (known, named in its name, or described), or the
    one the text gives it where it is mentioned ``at`` ("South Korea's X", "Korean X")."""
    registered = next((e.country for e in registry(doc) if e.ref.name == ref.name and e.country), None)
    return ref.country or registered or (described_country(at, ref) if at is not None else None)
