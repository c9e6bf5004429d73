"""What a sentence inherits from the sentences before it: its paragraph's date, and what a
reference ("it", "the company", "the foundry", "the terminal") points back to.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from graph.extract.actors import actors_in
from graph.extract.clauses import clause_verb
from graph.extract.common import dates_in, doc_text, first_date, first_found, is_headline, most_precise, previous_sentence, published
from graph.extract.lexicon import lexicon
from graph.extract.phrases import named_asset, phrase_ref, truncated_name
from graph.extract.frames import frame_lexicon
from graph.extract.tree import determined_by, own_words, prep_objects
from graph.extract.word_lists import word_list
from graph.model import ActorKind, ActorRef, PartialDate

# How many sentences back a paragraph's date may reach.
LOOK_BACK = 3
# How many sentences back a reference ("its stake", "it", "the company") may reach.
REFER_BACK = 5
# how far back "the mine" may reach: the asset is usually named in the lead paragraph
ASSET_REFER_BACK = 20
SUBCLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "acl", "pcomp", "csubj"})
ACTOR_KINDS = frozenset({ActorKind.COMPANY, ActorKind.ORGANIZATION, ActorKind.GOVERNMENT_BODY})


def paragraph_date(sent: Span) -> PartialDate | None:
    """The latest date stated before ``sent`` in its paragraph."""
    earlier = earlier_sentences(sent, limit=LOOK_BACK, paragraph=True)
    return first_found(first_date, earlier)


def paragraph_break(earlier: Span, current: Span) -> bool:
    """A line break between two sentences, or at the end of the earlier one (its trailing whitespace)."""
    # read in the document's text, kept once (doc_text): a span's text joins its tokens on each access (issue 9, 11)
    text = doc_text(earlier.doc)
    end = earlier.start_char + len(text[earlier.start_char : earlier.end_char].rstrip())
    stop = current.start_char if current.start > earlier.end else earlier.end_char + len(earlier[-1].whitespace_)
    return "\n" in text[end:stop]


def date_for(trigger: Token, *, pledge: bool = False) -> PartialDate | None:
    """The date of the fact ``trigger`` heads: its clause's (a date in another subordinate clause
    dates that clause), else the paragraph's, else, for a pledge, a reported or a present-tense
    fact (the news itself), the article's publication date."""
    sent = trigger.sent
    dated = [(span, d) for span, d in dates_in(sent) if _dates_clause_of(span.root, trigger)]
    own = most_precise(_same_clause_first([(span, d) for span, d in dated if not (pledge and _deadline(span))], trigger))
    if own is not None:
        return own
    found = paragraph_date(sent)
    if found is None and _present(trigger):
        found = _signing_date_of_subject(trigger)
    if found is None and (pledge or _reported(trigger) or _present(trigger)):
        day = published(sent.doc)
        return PartialDate.from_date(day) if day is not None else None
    return found


def _deadline(span: Span) -> bool:
    """ "pledged to invest … by 2027": a pledge's deadline is not the day it was made."""
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in {"by", "until", "before"}


def _present(trigger: Token) -> bool:
    """ "Under the deal, X provides ¥185bn for Y": an undated present-tense fact is today's news."""
    verb = clause_verb(trigger)
    return verb.dep_ == "ROOT" and verb.tag_ in {"VBZ", "VBP"}


def _signing_date_of_subject(trigger: Token) -> PartialDate | None:
    """ "The credit agreement, signed last month, provides $4bn": the fact dates from the signing."""
    subjects = [c for c in clause_verb(trigger).children if c.dep_ == "nsubj"][:1]
    signings = [c for s in subjects for c in s.children if c.dep_ == "acl" and c.lemma_.lower() in word_list("signing_participles")]
    dated = (value for c in signings for _, value in dates_in(c.doc[c.i : c.right_edge.i + 1]))
    return next(dated, None)


def _same_clause_first(dates: list[tuple[Span, PartialDate]], trigger: Token) -> list[tuple[Span, PartialDate]]:
    """ "in 2019 it bought X, and in 2021 it acquired Y": a date on the trigger's own verb beats a conjoined clause's."""
    verb = clause_verb(trigger)
    same = [(span, d) for span, d in dates if clause_verb(span.root) == verb]
    return same or dates


def _reported(trigger: Token) -> bool:
    """The fact is the complement of a reporting verb in the past ("the fund said X paid")."""
    clause = next((t for t in (trigger, *trigger.ancestors) if t.dep_ == "ccomp"), None)
    return clause is not None and clause.head.lemma_.lower() in word_list("reporting_verbs") and clause.head.tag_ in {"VBD", "VBZ"}


def _dates_clause_of(date: Token, trigger: Token) -> bool:
    """Whether the date sits in the main clause, a clause containing the trigger or one modifying it."""
    clause = next((t for t in (date, *date.ancestors) if t.dep_ in SUBCLAUSE_DEPS), None)
    if clause is None or clause == trigger or clause in trigger.ancestors:
        return True
    return _modifies(clause, trigger)


def _modifies(clause: Token, trigger: Token) -> bool:
    """ "a loan from X, signed in April 2020": a clause inside the trigger's own phrase."""
    current = clause.head
    while current != trigger:
        if current.dep_ in SUBCLAUSE_DEPS or current.head == current:
            return False
        current = current.head
    return True


def earlier_sentences(sent: Span, *, limit: int = REFER_BACK, paragraph: bool = False) -> Iterator[Span]:
    """The sentences before ``sent``, nearest first (with ``paragraph``, only those of its paragraph)."""
    current = sent
    for _ in range(limit):
        earlier = previous_sentence(current)
        if earlier is None or (paragraph and paragraph_break(earlier, current)):
            return
        yield earlier
        current = earlier


def told_clause(root: Token) -> Token:
    """"X has bought Y, the companies said": the clause a reporting verb after it tells, whose subject
    the news is about."""
    if root.lemma_.lower() not in word_list("attribution_verbs"):
        return root
    told = (c for c in root.children if c.dep_ == "ccomp" and c.i < root.i)
    return next((c for c in told if any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children)), root)


def salient_actor(sent: Span) -> ActorRef | None:
    """The actor "it" / "the company" most likely means (salience, not coreference): the previous
    sentence's main subject naming a company or organisation, else another clause's, else the last it names."""
    earlier = previous_sentence(sent)
    if earlier is None:
        return None
    subjects = sorted((t for t in earlier if t.dep_ in {"nsubj", "nsubjpass"}), key=lambda t: (t.head.dep_ != "ROOT", -t.i))
    for subject in subjects:
        ref = phrase_ref(subject)
        if ref is not None and ref.kind in ACTOR_KINDS:
            return ref
    named = [a.ref for a in actors_in(earlier) if a.ref.kind in ACTOR_KINDS]
    return named[-1] if named else None


def described_earlier(head: Token) -> ActorRef | None:
    """ "the foundry" after "Livnica Zenica, Bosnia's largest foundry": the name that description was given to."""
    noun = head.lemma_.lower()
    same = (t for earlier in earlier_sentences(head.sent) for t in reversed(earlier) if t.lemma_.lower() == noun)
    return first_found(_described_name, same)


def named_description(head: Token) -> Token | None:
    """"the project company" after "the project company, Y LLC": the name that same description
    (its head and compounds) was given before, in its sentence or the ones before (its head, to be read)."""
    words = _description(head)
    sent = head.sent
    spans = [sent.doc[sent.start : head.i], *earlier_sentences(sent, limit=ASSET_REFER_BACK)]
    same = (t for span in spans for t in reversed(span) if _description(t) == words)
    return first_found(_name_set_off, same)


def described_anywhere(head: Token) -> Token | None:
    """"a stake in the holding company of the X family … their holding company Y Limited": the name
    the same description (a compound of it: "holding company") is given anywhere in the article."""
    words = _description(head, adjectives=True)
    definite = any((c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.pos_ == "PRON") for c in head.children)
    if len(words) < 2 or not definite:
        return None
    same = (t for t in head.doc if t.i != head.i and t.pos_ in {"NOUN", "PROPN"} and _description(t, adjectives=True) == words)
    return first_found(lambda t: _name_set_off(t) or _name_right_after(t), same)


def _description(token: Token, *, adjectives: bool = False) -> tuple[str, ...]:
    """A noun with the words that say which kind it is: its compounds ("project company"), and with
    ``adjectives`` its adjectives too (the tagger makes "holding" of "holding company" one)."""
    deps = {"compound", "amod"} if adjectives else {"compound"}
    return (*(c.lemma_.lower() for c in token.lefts if c.dep_ in deps), token.lemma_.lower())


def _name_set_off(description: Token) -> Token | None:
    """The head of a name set off by a comma right after a description (the parser may hang it anywhere)."""
    doc, name = description.doc, description.i + 2
    return _name_from(doc, name) if name < len(doc) and doc[name - 1].text == "," else None


def _name_right_after(description: Token) -> Token | None:
    """"their holding company Y Limited": a capitalised proper name right after the description."""
    doc, name = description.doc, description.i + 1
    return _name_from(doc, name) if name < len(doc) and doc[name].text[:1].isupper() else None


def _name_from(doc: Doc, start: int) -> Token | None:
    """The head of the proper name that starts at ``start``, through its compounds."""
    if doc[start].pos_ != "PROPN":
        return None
    name = start
    while doc[name].dep_ == "compound" and doc[name].head.i > name:
        name = doc[name].head.i
    return doc[name]


def _described_name(description: Token) -> ActorRef | None:
    """The name an appositive description hangs on (the parser may chain it as a conjunct instead)."""
    current = description
    for _ in range(3):
        if current.dep_ not in {"appos", "conj"} or current.head == current:
            return None
        current = current.head
        ref = phrase_ref(current) if current.pos_ == "PROPN" else None
        if ref is not None and ref.kind is not ActorKind.COUNTRY and not truncated_name(ref):
            return ref
    return None


def definite_ref(head: Token) -> ActorRef | None:
    """What an unnamed definite phrase ("the foundry('s furnaces)") refers back to: the name it
    described before, else the asset of its head noun."""
    for token in (head, *(c for c in head.children if c.dep_ == "poss")):
        definite = determined_by(token, {"the", "this"})
        if not definite or any(t.pos_ == "PROPN" for t in own_words(token)):
            continue
        found = described_earlier(token) or earlier_asset(token)
        if found is not None:
            return found
    return None


def earlier_asset(head: Token) -> ActorRef | None:
    """What "the terminal" names: the last named asset of that head noun before it in its sentence,
    else the most fully named one in the sentences before (the lead names the main asset in full);
    a generic head ("the facility") takes a named asset of any head, the one its paragraph just named first."""
    noun = head.lemma_.lower()
    if noun in frame_lexicon().works:
        return _worked_on_before(head)
    if noun not in lexicon().asset_heads or noun == "stake":
        return None
    # "X will build a plant in Y. Z will lend €60m for the project": the asset its paragraph just named
    just = next(earlier_sentences(head.sent, limit=1, paragraph=True), None)
    if just is not None and noun in lexicon().generic_asset_heads - {"facility"} and _named_assets(just, noun):
        return _named_before(head, noun, spans=[just])  # (not "the facility": a loan facility named before is no asset)
    return _named_before(head, noun)


def whole_of_parts(head: Token) -> ActorRef | None:
    """What a list of unnamed parts ("track upgrades, signalling and rolling stock") is part of: a
    named asset of any head, found as "the project" would be."""
    return _named_before(head, "project")


def _named_before(head: Token, noun: str, *, spans: list[Span] | None = None) -> ActorRef | None:
    """The last named asset of head ``noun`` before ``head`` in its sentence, else the most fully named
    one in the sentences before (or in ``spans``): the article's main asset is introduced with its
    fullest name; ties go to the nearest."""
    sent = head.sent
    same = _named_assets(sent.doc[sent.start : head.i], noun)
    if same:
        return same[-1]
    spans = spans if spans is not None else [s for s in earlier_sentences(sent, limit=ASSET_REFER_BACK) if not is_headline(s)]
    earlier = [a for s in spans for a in reversed(_named_assets(s, noun))]
    return max(earlier, key=lambda a: len(a.name.split()), default=None)


def _worked_on_before(head: Token) -> ActorRef | None:
    """"the phase" after "the second phase of its X campus": the named asset the last works of that
    noun in the sentences before were on (works are named by what they work on)."""
    for earlier in earlier_sentences(head.sent, limit=ASSET_REFER_BACK):
        works = [t for t in earlier if t.lemma_ == head.lemma_ and t.pos_ == "NOUN"]
        assets = [ref for t in reversed(works) for o in prep_objects(t, {"of"}) if (ref := phrase_ref(o)) is not None]
        named = [ref for ref in assets if named_asset(ref)]
        if named:
            return named[0]
    return None


def _named_assets(span: Span, noun: str) -> list[ActorRef]:
    """Named assets of head ``noun`` in ``span``, in text order ("the facility": of any head)."""
    heads = lexicon().asset_heads
    found = []
    for token in span:
        lemma = token.lemma_.lower()
        if token.pos_ not in {"NOUN", "PROPN"} or not (lemma == noun or (noun in lexicon().generic_asset_heads and lemma in heads)):
            continue
        ref = phrase_ref(token)
        if ref is not None and named_asset(ref):
            found.append(ref)
    return found


def named_together(head: Token, kinds: tuple[ActorKind, ...]) -> list[ActorRef]:
    """"… taken up by A Bank and B Bank. The two lenders …": the two names of ``kinds`` the sentence before
    coordinates are the pair ``head`` counts, however often the article names others; so are those of an
    earlier sentence, unless ``head``'s own names two ("X agreed to lend Y …; the two governments signed")."""
    before = earlier = previous_sentence(head.sent)
    own = {a.ref.name for a in actors_in(head.sent) if a.ref.kind in kinds}
    while earlier is not None and (earlier == before or len(own) < 2):
        named = [a for a in actors_in(earlier) if a.ref.kind in kinds]
        pairs = [[one.ref, two.ref] for one, two in zip(named, named[1:]) if two.span.root.dep_ == "conj"
                 and two.span.root.head == one.span.root and len(one.span.root.conjuncts) == 1]
        if pairs:
            return pairs[0]
        earlier = previous_sentence(earlier)
    return []
