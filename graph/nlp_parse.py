"""The model's parse, mended where a known misreading hides an argument from every frame.

``coordinated_modifiers``: "the lead and zinc mine near X", "its ammonia and urea complex at Y" —
the small model often reads the first material as the phrase's head and the asset as its
conjunct ("lead" the object, "mine" a second thing owned), so the asset has no determiner, no
place and no verb. Coordinated materials before an asset word are its modifiers, as the model
itself reads "a copper and gold mine": the asset word takes the phrase's place in the tree. So do
names before a plural document noun: "the Huaxin and Orsk Bank loan agreements".

``sized_gerund_assets``: "a $95m grinding plant" is headed by "plant", not by the sum.
``described_conjuncts``: "X and state utility Y signed …" has X for subject and Y its conjunct.
``subjects_after_openers``: "During a visit by X's president, A and B signed …" has A for subject.
``relative_conjuncts``: "…, which bought Y in 2019, took 30% of Z …" continues the relative clause.
``set_off_names``: "51% of the new company, X SA, and …": the name between commas is the noun's apposition.
``conjoined_subjects``: "X owns 60% of Y and Z owns 70% of W": Z is the second verb's subject.
``dated_subjects``: "On 6 May 2025 X (XC), a fund, bought …": X is the verb's subject, not part of the date.
``dashed_routes``: "for the 340-km A–B railway": the model reads A as the phrase's head, cut off by the
en dash (with a hyphen it reads "A-B railway" whole); the noun after B heads the phrase, A modifies it.
``described_recipients``: "sold its unit to miner X for $80m": the model reads "to miner" as an
infinitive whose object is X; "to" is the preposition, X its object and the descriptor X's modifier.
``currency_verbs``: "will pay 1.14 trillion won for a stake": the model reads the Korean currency as
the verb "won"; after a number it is the sum's noun, and what hung on it is the clause's.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import DEP, LOWER, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from graph.keys import LEGAL_FORM
from graph.nlp_tags import tokens_with
from graph.normalize.dates import MONTHS

COORDINATORS = frozenset({"and", "or"})
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_LEFT_OF_PHRASE = frozenset({"det", "poss", "predet", "amod", "nummod", "quantmod"})


def add_parse_repairs(nlp: Language) -> None:
    """Add the repairs after the tag fixes: they read lemmas and tags."""
    nlp.add_pipe("coordinated_modifiers", after="lowercase_proper_nouns")
    nlp.add_pipe("sized_gerund_assets", after="coordinated_modifiers")
    nlp.add_pipe("described_conjuncts", after="sized_gerund_assets")
    nlp.add_pipe("subjects_after_openers", after="described_conjuncts")
    nlp.add_pipe("relative_conjuncts", after="subjects_after_openers")
    nlp.add_pipe("set_off_names", after="relative_conjuncts")
    nlp.add_pipe("conjoined_subjects", after="set_off_names")
    nlp.add_pipe("dated_subjects", after="conjoined_subjects")
    nlp.add_pipe("dashed_routes", after="dated_subjects")
    nlp.add_pipe("described_recipients", after="dashed_routes")
    nlp.add_pipe("currency_verbs", after="described_recipients")


DASHES = frozenset({"–", "—"})


CURRENCY_VERBS = frozenset({"won"})  # currency names the tagger may read as verbs
SCALES = frozenset({"million", "billion", "trillion", "bn", "mn", "m", "tn", "crore", "lakh"})


@Language.component("currency_verbs")
def currency_verbs(doc: Doc) -> Doc:
    """Make "won" of "1.14 trillion won" the sum's noun, with the number its modifier (the currency's
    tokens found in the doc's LOWER column, not by asking every verb)."""
    for verb in (t for word in CURRENCY_VERBS for t in tokens_with(doc, LOWER, get_string_id(word)) if t.pos_ == "VERB"):
        number = doc[verb.i - 1] if verb.i > 0 else None
        if number is not None and (number.like_num or number.lower_ in SCALES) and number not in verb.ancestors:
            as_a_tree(verb, lambda verb=verb, number=number: _currency_noun(verb, number))
    return doc


def _currency_noun(verb: Token, number: Token) -> None:
    if number.head != verb:  # "pay [1.14 trillion] … won": the sum's place in the clause is the noun's
        verb.head, verb.dep_ = number.head, number.dep_
    number.head, number.dep_ = verb, "nummod"
    verb.pos_, verb.tag_, verb.lemma_ = "NOUN", "NN", verb.lower_
    if verb.head.pos_ in {"VERB", "AUX"}:
        for child in [c for c in verb.children if c.i > verb.i and c.dep_ in {"prep", "conj", "cc", "advcl"}]:
            child.head = verb.head  # "paid 610 billion won for its stake": the payment's "for"


def as_a_tree(token: Token, repair: Callable[[], None]) -> None:
    """Apply ``repair`` to the token's sentence, undone if it leaves the sentence no tree (a cycle)."""
    sent = token.doc[token.sent.start : token.sent.end]
    before = [(t, t.head, t.dep_, t.pos_, t.tag_, t.lemma_) for t in sent]
    repair()
    if not all(_reaches_a_root(t, len(sent)) for t in sent):
        for t, head, dep, pos, tag, lemma in before:
            t.head, t.dep_, t.pos_, t.tag_, t.lemma_ = head, dep, pos, tag, lemma


def _reaches_a_root(token: Token, steps: int) -> bool:
    for _ in range(steps + 1):
        if token.head == token:
            return True
        token = token.head
    return False


@Language.component("described_recipients")
def described_recipients(doc: Doc) -> Doc:
    """Make X the object of "to" in "sold Y to miner X", with "miner" X's modifier."""
    for to in tokens_with(doc, DEP, get_string_id("aux")):
        found = _described_name_after(to)
        if found is None:
            continue
        as_a_tree(to, lambda to=to, found=found: _recipient(to, *found))
    return doc


def _recipient(to: Token, name: Token, verb: Token) -> None:
    descriptor = to.doc[to.i + 1]
    for child in [c for c in descriptor.children if c not in (to, name)]:
        child.head = verb  # "for $80m" is the sale's
    to.head, to.dep_, to.pos_, to.tag_ = verb, "prep", "ADP", "IN"
    name.head, name.dep_ = to, "pobj"
    descriptor.head, descriptor.dep_, descriptor.pos_, descriptor.tag_ = name, "compound", "NOUN", "NN"
    descriptor.lemma_ = descriptor.lower_


def _described_name_after(to: Token) -> tuple[Token, Token] | None:
    """The name after a company descriptor the model took for an infinitive ("to miner") or for the
    name's modifier with "to" as its auxiliary, and the verb the phrase belongs to."""
    from graph.extract.descriptions import is_descriptor  # noqa: PLC0415 (the lexicon the extractors read)

    doc = to.doc
    if to.lower_ != "to" or to.i + 2 >= len(doc) or not is_descriptor(doc[to.i + 1]) or doc[to.i + 2].pos_ != "PROPN":
        return None
    name = doc[to.i + 2]
    while name.head.pos_ == "PROPN" and name.head.i > name.i and name.dep_ == "compound":
        name = name.head  # "Orvan" of "Orvan Pirata": the name's last word heads it
    verb = next((a for a in to.ancestors if a.pos_ == "VERB" and a.i < to.i), None)
    if name.dep_ != "dobj" or verb is None or name.head not in (doc[to.i + 1], verb):
        return None
    return name, verb


@Language.component("dashed_routes")
def dashed_routes(doc: Doc) -> Doc:
    """Make "railway" the head of "the Orsk–Kelso railway", with "Orsk" its modifier."""
    for dash in (t for mark in DASHES for t in tokens_with(doc, ORTH, get_string_id(mark))):
        if (route := _route_read_as_head(dash)) is not None:
            first, noun = route
            _rehead(first, noun)
            first.dep_ = "compound"
            for child in [c for c in first.children if c.i < first.i or c == dash]:
                child.head = noun  # "340-km": the line's length, not the first place's
    return doc


def _route_read_as_head(dash: Token) -> tuple[Token, Token] | None:
    """"A–B railway": two proper nouns glued by the dash, the second modifying a noun after it, and
    the first, outside that noun's phrase, holding its place in the sentence."""
    doc = dash.doc
    if dash.i == 0 or dash.i + 2 >= len(doc) or dash.whitespace_ or doc[dash.i - 1].whitespace_:
        return None
    first, second = doc[dash.i - 1], doc[dash.i + 1]
    noun = second.head
    if first.pos_ != "PROPN" or second.pos_ != "PROPN" or noun.i <= second.i or noun.pos_ != "NOUN":
        return None
    if first in noun.subtree or noun in first.ancestors or first.sent != noun.sent:
        return None
    return first, noun


@Language.component("dated_subjects")
def dated_subjects(doc: Doc) -> Doc:
    """"On 6 May 2025 X (XC), a fund, bought …": the model may read the date and the name after it as one
    phrase, the opening "On"'s object, and leave the verb with no subject; the name is its subject and
    the month heads the date again."""
    for verb in tokens_with(doc, DEP, get_string_id("ROOT")):
        found = _name_after_date(verb)
        if found is not None:
            name, month = found
            opener = name.head
            for word in (*doc[opener.i + 1 : month.i], *doc[month.i + 1 : _name_start(name)]):
                if word.head == name or word.head == word:
                    word.head = month
            month.head, month.dep_ = opener, "pobj"
            name.head, name.dep_ = verb, "nsubj"
    return doc


def _name_after_date(verb: Token) -> tuple[Token, Token] | None:
    """The name object of a sentence-opening "On"/"In" whose words before it are a date, and the date's month
    (or its year, where a year alone is the date)."""
    if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    opener = verb.sent[0]
    name = next((c for c in opener.children if c.dep_ == "pobj"), None)
    if opener.lower_ not in {"on", "in"} or opener.head != verb or name is None or name.pos_ != "PROPN":
        return None
    words = name.doc[opener.i + 1 : _name_start(name)]
    months = [w for w in words if w.lower_.rstrip(".") in MONTHS]
    dated = all(w.like_num or w.text == "," or w in months for w in words)
    if not months and len(words) == 1 and words[0].is_digit and len(words[0]) == 4:  # "In 2019 X paid …"
        return name, words[0]
    return (name, months[0]) if dated and len(months) == 1 and any(w.like_num for w in words) else None


def _name_start(name: Token) -> int:
    """Where a name's own words begin: its compounds, after any month or number the model joined to it."""
    start = name.i
    while start > 0 and name.doc[start - 1].dep_ == "compound" and name.doc[start - 1].pos_ == "PROPN" \
            and name.doc[start - 1].lower_ not in MONTHS:
        start -= 1
    return start


@Language.component("conjoined_subjects")
def conjoined_subjects(doc: Doc) -> Doc:
    """"X owns 60% of Y and Z owns 70% of W": the model may read Z as Y's conjunct and leave the second
    verb with no subject; the noun right after "and", before a subjectless finite verb, is its subject."""
    for verb in tokens_with(doc, DEP, get_string_id("conj")):
        noun = _subject_read_as_conjunct(verb)
        if noun is not None:
            cc = noun.doc[noun.left_edge.i - 1]
            noun.head, noun.dep_ = verb, "nsubj"
            cc.head = verb.head
    return doc


def _subject_read_as_conjunct(verb: Token) -> Token | None:
    """The conjunct noun phrase right before a subjectless finite conjoined verb, after "and"/"but"."""
    before = _word_before_subjectless(verb)
    if before is None:
        return None
    doc, noun = verb.doc, before
    while noun.dep_ != "conj" and noun.head.i < verb.i and noun.head != noun and noun.head.i > noun.left_edge.i - 2:
        noun = noun.head  # from the phrase's last word up to its head
    cc = doc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
    if noun.dep_ != "conj" or noun.pos_ not in {"PROPN", "NOUN"} or cc is None or cc.lower_ not in {"and", "but"}:
        return None
    return noun if noun.right_edge.i == before.i and noun.head.i < noun.i else None


@Language.component("set_off_names")
def set_off_names(doc: Doc) -> Doc:
    """"X will hold 51% of the new company, Y SA, and Z the rest": the model may hang a name set off
    by commas right after a common noun on the verb or on another noun; it names that noun."""
    for dep in ("npadvmod", "appos", "dep"):
        for name in tokens_with(doc, DEP, get_string_id(dep)):
            noun = _noun_set_off_before(name)
            if noun is not None:
                name.head, name.dep_ = noun, "appos"
                doc[name.left_edge.i - 1].head = name  # the comma that opens it
    return doc


def _noun_set_off_before(name: Token) -> Token | None:
    """The common noun right before the comma that opens ``name``'s phrase, if a comma closes it and it is all name."""
    doc, start, end = name.doc, name.left_edge.i, name.right_edge.i
    if name.pos_ != "PROPN" or start < 2 or end + 1 >= len(doc) or doc[start - 1].text != "," or doc[end + 1].text != ",":
        return None
    noun = doc[start - 2]
    if noun.pos_ != "NOUN" or noun.dep_ not in {"pobj", "dobj"} or name.head == noun or noun in name.subtree:
        return None
    return noun if all(t.pos_ == "PROPN" for t in doc[start:end + 1]) else None


@Language.component("relative_conjuncts")
def relative_conjuncts(doc: Doc) -> Doc:
    """"The deal is the latest by X, which bought Y in 2019, took 30% of Z in 2021 and …": the model may
    hang the verbs after the relative clause on the main verb; a subjectless conjunct in the relative
    verb's tense, not the main verb's, right after the relative clause continues it."""
    for verb in tokens_with(doc, DEP, get_string_id("conj")):
        clause = _relative_before(verb)
        if clause is not None:
            verb.head = clause
    return doc


def _relative_before(verb: Token) -> Token | None:
    """The relative clause's verb that ``verb`` (hung on the main verb) continues, if any."""
    main = verb.head
    if verb.pos_ != "VERB" or main.dep_ != "ROOT" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    doc, before = verb.doc, verb.left_edge.i - 1
    if before < 1 or doc[before].text != ",":
        return None
    clause = next((a for a in doc[before - 1].ancestors if a.dep_ == "relcl" and main.i < a.i < verb.i), None)
    if clause is None or clause.tag_ != verb.tag_ or main.tag_ == verb.tag_ or clause.right_edge.i != before - 1:
        return None
    return clause


@Language.component("subjects_after_openers")
def subjects_after_openers(doc: Doc) -> Doc:
    """"During a visit by X's president, A and B signed …": the model may hang "A" on the opening
    phrase's last noun as its apposition and leave the verb with no subject; the phrase between
    the opener's comma and a subjectless finite verb is that verb's subject."""
    for verb in tokens_with(doc, DEP, get_string_id("ROOT")):
        noun = _subject_after_opener(verb)
        if noun is not None:
            noun.head, noun.dep_ = verb, "nsubj"
    return doc


def _subject_after_opener(verb: Token) -> Token | None:
    """The noun phrase right before a subjectless finite verb, hung after a comma on an opening phrase of it."""
    noun = _word_before_subjectless(verb)
    if noun is None:
        return None
    while not _after_comma(noun) and noun.head.i < verb.i and noun.head != noun:
        noun = noun.head
    opener = next((a for a in noun.ancestors if a.dep_ == "prep" and a.head == verb and a.i < noun.i), None)
    return noun if _after_comma(noun) and noun.pos_ in {"PROPN", "NOUN"} and opener is not None else None


def _word_before_subjectless(verb: Token) -> Token | None:
    """The word before a finite verb with no subject (and its auxiliaries, negation and adverbs), if it has none."""
    finite = verb.tag_ in FINITE or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE for c in verb.lefts)
    if verb.pos_ not in {"VERB", "AUX"} or not finite or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    doc, before = verb.doc, verb.i - 1
    while before > 0 and doc[before].head == verb and doc[before].dep_ in {"aux", "auxpass", "neg", "advmod"}:
        before -= 1
    return doc[before]


def _after_comma(noun: Token) -> bool:
    """Hung on the noun before it as an apposition or a conjunct, right after a comma."""
    return noun.dep_ in {"appos", "conj"} and noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].text == ","


@Language.component("described_conjuncts")
def described_conjuncts(doc: Doc) -> Doc:
    """"X and metals group Y signed …", "X and state utility Y Corp will build …": with a bare
    descriptor before the second name the model often hangs the first name on the descriptor and
    the descriptor on the first name; the subject is the first name, the second its conjunct, the
    descriptor the second's modifier."""
    from graph.extract.lexicon import lexicon  # noqa: PLC0415 (the word lists load with the pipeline)
    from graph.gazetteer import load_gazetteer  # noqa: PLC0415

    descriptors, gazetteer = lexicon().descriptors, load_gazetteer()

    def demonym(token: Token) -> bool:  # "Thai" of "X and Thai partner Y" (the recogniser has not run yet)
        return token.text[:1].isupper() and gazetteer.country_for_demonym(token.text) is not None

    for cc in tokens_with(doc, DEP, get_string_id("cc")):
        found = _described_pair(cc, descriptors, demonym)
        if found is not None:
            _rehang_pair(cc, *found)
    return doc


def _described_pair(cc: Token, descriptors: frozenset[str], demonym: Callable[[Token], bool],
                    ) -> tuple[list[Token], list[Token], list[Token], Token] | None:
    """The first name, the descriptor, the second name and the subject the model made of one of them,
    in "X and <descriptor> Y <verb>"."""
    doc = cc.doc
    if cc.lower_ != "and" or cc.i == 0 or cc.i + 1 >= len(doc) or doc[cc.i - 1].pos_ != "PROPN" or not (
            doc[cc.i + 1].is_lower or demonym(doc[cc.i + 1])):
        return None  # the cheap tests first: most "and"s join no two names (a sentence is costly to find here)
    sent = cc.sent
    first = _name_run(doc, cc.i - 1, -1, sent.start)
    words = []
    i = cc.i + 1
    while i < sent.end and ((doc[i].is_lower and doc[i].pos_ in {"NOUN", "ADJ"}) or demonym(doc[i])) and len(words) < 3:
        words.append(doc[i])
        i += 1
    second = _name_run(doc, i, 1, sent.end)
    first = first[1:] if first and first[0].lower_ in descriptors else first  # "Carmaker X and …" at the sentence's start
    if not first or not second or not words or words[-1].lemma_.lower() not in descriptors:
        return None
    after = second[-1].i + 1
    while after < sent.end and (LEGAL_FORM.search(f" {doc[after].text}") or doc[after].text == "."):
        after += 1  # "Y a.s. signed", "Y d.o.o. will build"
    verb = doc[after] if after < sent.end else None
    span = {t.i for t in (*first, cc, *words, *second)}
    subject = next((t for t in (*first, *words, *second) if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i not in span), None)
    if verb is None or verb.pos_ not in {"VERB", "AUX"} or subject is None:
        return None
    return first, words, second, subject


def _name_run(doc: Doc, start: int, step: int, stop: int) -> list[Token]:
    """The capitalised proper nouns from ``start`` on, in text order."""
    run, i = [], start
    while (i >= stop if step < 0 else i < stop) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        run.append(doc[i])
        i += step
    return sorted(run, key=lambda t: t.i)


def _rehang_pair(cc: Token, first: list[Token], words: list[Token], second: list[Token], subject: Token) -> None:
    verb, dep = subject.head, subject.dep_
    tokens = (*first, cc, *words, *second)
    for token in tokens:  # first hang all on the verb, so that no step makes a cycle
        token.head = verb
    one, other = first[-1], second[-1]
    one.dep_ = dep
    for token in first[:-1]:
        token.head, token.dep_ = one, "compound"
    cc.head, cc.dep_ = one, "cc"
    other.head, other.dep_ = one, "conj"
    for token in (*words, *second[:-1]):
        token.head, token.dep_ = other, "compound"


@Language.component("sized_gerund_assets")
def sized_gerund_assets(doc: Doc) -> Doc:
    """"a $95m grinding plant": the model may read the "m" as "'m" and "grinding" as a verb whose object
    is the plant, hung on the sum; the asset word takes the sum's place, the sum and the gerund modify it."""
    from graph.extract.lexicon import lexicon  # noqa: PLC0415 (the word lists load with the pipeline)

    assets = lexicon().asset_heads
    for gerund in tokens_with(doc, DEP, get_string_id("acl")):
        sum_ = gerund.head
        asset = next((c for c in gerund.rights if c.dep_ == "dobj" and c.i == gerund.i + 1), None)
        if (gerund.tag_ == "VBG" and _a_sum(sum_) and sum_.i < gerund.i and asset is not None
                and asset.pos_ == "NOUN" and asset.lemma_.lower() in assets and sum_.head != sum_):
            _rehead_sum(sum_, gerund, asset)
    return doc


def _a_sum(number: Token) -> bool:
    """A number with a currency sign before it ("$95", "€1.2bn"): the NER has not run yet."""
    return number.like_num and number.i > 0 and number.doc[number.i - 1].tag_ == "$"


def _rehead_sum(sum_: Token, gerund: Token, asset: Token) -> None:
    asset.head, asset.dep_ = sum_.head, sum_.dep_
    for child in list(sum_.children):
        if child.dep_ in _LEFT_OF_PHRASE and child.i < sum_.i - 1:
            child.head = asset  # "a", "its" (not the currency sign)
    for child in list(gerund.children):
        if sum_.i < child.i < gerund.i:
            child.head, child.dep_ = sum_, "quantmod"  # the "m" read as "'m"
    sum_.head, sum_.dep_ = asset, "nummod"
    gerund.head, gerund.dep_ = asset, "amod"


@Language.component("coordinated_modifiers")
def coordinated_modifiers(doc: Doc) -> Doc:
    """Make "mine" the head of "the lead and zinc mine", with "lead" its modifier."""
    from graph.extract.lexicon import lexicon  # noqa: PLC0415 (the word lists load with the pipeline)

    assets = lexicon().asset_heads
    for asset in tokens_with(doc, DEP, get_string_id("conj")):
        if _modifier_read_as_head(asset.head, asset, assets) or _name_read_as_head(asset.head, asset):
            _rehead(asset.head, asset)
    return doc


DOCUMENT_NOUNS = frozenset({"agreement", "contract", "loan", "memorandum", "deal", "accord", "credit", "facility"})


def _name_read_as_head(name: Token, noun: Token) -> bool:
    """"the Huaxin and Orsk Bank loan agreements": a name before "and", then a plural document noun
    with names of its own before it: the noun heads the phrase, each name one document's side."""
    doc = name.doc
    return (
        noun.tag_ == "NNS" and noun.lemma_.lower() in DOCUMENT_NOUNS and name.pos_ == "PROPN"
        and name.i + 2 == noun.left_edge.i and doc[name.i + 1].lower_ in COORDINATORS and doc[name.i + 1].head == name
        and doc[noun.left_edge.i].pos_ == "PROPN" and not any(c.dep_ in {"det", "poss"} for c in noun.lefts)
    )


def _modifier_read_as_head(material: Token, asset: Token, assets: frozenset[str]) -> bool:
    """"lead and zinc mine": a singular common noun that is no asset itself, "and"/"or" right after
    it, then the asset word's own bare modifiers (no article: "land and a plant" are two things)."""
    doc = material.doc
    return (
        asset.pos_ == "NOUN" and asset.lemma_.lower() in assets
        and material.tag_ == "NN" and material.lemma_.lower() not in assets
        and material.i + 2 == asset.left_edge.i
        and doc[material.i + 1].lower_ in COORDINATORS and doc[material.i + 1].head == material
        and not any(c.dep_ in {"det", "poss"} for c in asset.lefts)
    )


def _rehead(material: Token, asset: Token) -> None:
    """The asset takes the material's place; the material's article and left modifiers, and what it
    had after the asset ("near X"), go to the asset; the material becomes a modifier."""
    head, dep = material.head, material.dep_
    asset.head = asset if head == material else head
    asset.dep_ = dep
    for child in list(material.children):
        if (child.i < material.i and child.dep_ in _LEFT_OF_PHRASE) or child.i > asset.i:
            child.head = asset
    material.head = asset
    material.dep_ = "nmod"
