"""The shared spaCy pipeline: sentence breaks, datelines, tickers, whole amounts (issue 7).

Every test parses its own sentence with the real model; names are fictitious.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from graph.nlp import PipelineDataError, find_tickers, get_nlp, load_abbreviations, ticker_pattern


def parse(text: str) -> Doc:
    return get_nlp()(text)


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in parse(text).sents]


ABBREVIATIONS = [
    ("Some metals, e.g. copper, cost approx. $5 million. The rest was cheap.",
     ["Some metals, e.g. copper, cost approx. $5 million.", "The rest was cheap."]),
    ("The firm moved to the U.S. in 2019 and opened a plant.",
     ["The firm moved to the U.S. in 2019 and opened a plant."]),
    ("Shares of U.S. Steel rose. Acme Corp. said on Jan. 5 that it would invest.",
     ["Shares of U.S. Steel rose.", "Acme Corp. said on Jan. 5 that it would invest."]),
    ("House No. 5 was sold to Dr. Roe on Tuesday.", ["House No. 5 was sold to Dr. Roe on Tuesday."]),
    ("Gov. Smith and Sen. Jones met Rep. Brown and Gen. Lee Jr. yesterday.",
     ["Gov. Smith and Sen. Jones met Rep. Brown and Gen. Lee Jr. yesterday."]),
    ("The company invested heavily in the U.S. It also opened offices in Europe.",
     ["The company invested heavily in the U.S.", "It also opened offices in Europe."]),
    ("The company invested heavily in the U.S.\nAcme also opened offices in Europe.",
     ["The company invested heavily in the U.S.", "Acme also opened offices in Europe."]),
    ("The deal was signed with Beta Inc. The terms were not disclosed.",
     ["The deal was signed with Beta Inc.", "The terms were not disclosed."]),
    ("Tarvo sold 30% to Lume Aerodrom d.d. in 2019 for 40 million euros. The terms were not disclosed.",
     ["Tarvo sold 30% to Lume Aerodrom d.d. in 2019 for 40 million euros.", "The terms were not disclosed."]),
    # session 28: a legal form ends the sentence before a name once the sentence had its verb
    ("Vesthav withdrew its offer for Kinnic Biologics Inc. Vesthav had offered $62 a share.",
     ["Vesthav withdrew its offer for Kinnic Biologics Inc.", "Vesthav had offered $62 a share."]),
    ("Apple Inc. Chief Executive Tim Cook said the deal was done.", ["Apple Inc. Chief Executive Tim Cook said the deal was done."]),
    ("The company is controlled by Orsk Co. Ltd. and its partners.", ["The company is controlled by Orsk Co. Ltd. and its partners."]),
]


@pytest.mark.parametrize(("text", "expected"), ABBREVIATIONS,
                         ids=["approx-before-an-amount", "us-before-lowercase", "us-before-a-name",
                              "no-and-dr", "titles", "us-before-a-pronoun", "us-before-a-line-break",
                              "inc-before-a-determiner", "a-dotted-legal-form-mid-sentence",
                              "inc-before-a-name-after-a-verb", "inc-before-a-title-before-the-verb", "co-before-ltd"])
def test_abbreviations_end_a_sentence_only_before_a_new_one(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_the_abbreviation_list_is_read_from_data() -> None:
    table = load_abbreviations()
    assert (table["Dr."], table["U.S."], table["approx."]) == ("never", "maybe", "never")


def test_a_malformed_abbreviation_line_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "abbreviations.txt"
    path.write_text("# comment\nDr. always\n", encoding="utf-8")
    with pytest.raises(PipelineDataError, match=r"abbreviations\.txt: 'Dr\. always'"):
        load_abbreviations(path)


DATELINES = [
    "SOMECITY, 12 March 2024 (Agency) \u2013 Acme Corp agreed to buy Beta Ltd for $150m.",
    "SOMECITY (Wirenews) - Acme Corp agreed to buy Beta Ltd for $150m.",
    "Somecity, March 12 (Newswire) \u2014 Acme Corp agreed to buy Beta Ltd for $150m.",
    "Acme buys Beta\n\nSOMECITY, 12 March 2024 (Agency) \u2013 Acme Corp agreed to buy Beta Ltd for $150m.",
]


@pytest.mark.parametrize("text", DATELINES, ids=["caps-date-agency", "caps-agency", "named-agency",
                                                 "below-a-title"])
def test_a_dateline_is_its_own_sentence_and_not_the_subject(text: str) -> None:
    doc = parse(text)
    dateline = doc._.dateline
    assert dateline is not None and dateline.text.lower().startswith("somecity")
    body = next(s for s in doc.sents if s.start == dateline.end)
    assert body.text.startswith("Acme Corp agreed")
    assert [t.text for t in body.root.children if t.dep_ == "nsubj"] == ["Corp"]
    assert dateline.sent.end == dateline.end


@pytest.mark.parametrize("name", ["Costa Agua", "Marlo Agua"])
def test_a_name_after_a_dateline_is_one_subject(name: str) -> None:
    """issue 7 (session 21): "SOMECITY, June 1 - Costa Agua will build …" parsed "Costa" as a
    sentence of its own, and the investor became "Agua"."""
    doc = parse(f"Plant news\n\nSANTIAGO, June 1 - {name} will build a desalination plant at Tarapel for $700m.")
    body = next(s for s in doc.sents if s.start == doc._.dateline.end)
    assert body.text.startswith(f"{name} will build")
    assert [t.text for t in body.root.children if t.dep_ == "nsubj"] == ["Agua"]


def test_an_agency_credit_is_not_the_subject() -> None:
    """issue 7: "(Agency Name) — X will open …" made the agency the investor."""
    doc = parse("Acme to open plant\n\n(Harbour Wire Asia) \u2014 Chinese automaker Acme Corp will open a plant.")
    body = next(s for s in doc.sents if s.text.startswith("Chinese"))
    assert [t.text for t in body.root.children if t.dep_ == "nsubj"] == ["Corp"]


def test_a_dateline_place_is_a_place() -> None:
    doc = parse("SOMECITY (Wirenews) - Acme Corp agreed to buy Beta Ltd.")
    assert [(e.text, e.label_) for e in doc.ents if e.start < doc._.dateline.end] == [("SOMECITY", "GPE")]


def test_a_byline_is_exposed_and_ends_its_sentence() -> None:
    doc = parse("Acme buys Beta\nBy Jane Roe\nAcme Corp agreed to buy Beta Ltd.")
    assert doc._.byline is not None and doc._.byline.text == "By Jane Roe"
    assert sentences(doc.text)[-1] == "Acme Corp agreed to buy Beta Ltd."


def test_no_dateline_in_an_ordinary_opening() -> None:
    doc = parse("Acme Corp agreed to buy Beta Ltd - the deal closes in May.")
    assert doc._.dateline is None and doc._.byline is None


TICKERS = [
    ("Acme Holdings (NYSE: ABC) agreed to buy Beta Ltd.", "(NYSE: ABC)", "NYSE:ABC", "Holdings"),
    ("Beta Ltd (HKG: 0123) agreed to buy Acme Holdings.", "(HKG: 0123)", "HKG:0123", "Ltd"),
    ("Gamma Corp (6758.T) said it would invest in Delta.", "(6758.T)", "6758.T", "Corp"),
    ("Delta Bank (000001.SZ) said it would lend to Gamma.", "(000001.SZ)", "000001.SZ", "Bank"),
]


@pytest.mark.parametrize(("text", "surface", "symbol", "name_head"), TICKERS,
                         ids=["nyse", "hkg", "tokyo-suffix", "shenzhen-suffix"])
def test_a_ticker_is_one_punctuation_token_outside_every_entity(text: str, surface: str, symbol: str,
                                                                name_head: str) -> None:
    doc = parse(text)
    [ticker] = doc._.tickers
    assert (ticker.text, ticker._.ticker, ticker.pos_, ticker.head.text) == (surface, symbol, "PUNCT", name_head)
    assert all(surface not in e.text for e in doc.ents)
    assert doc[ticker.i - 1].dep_ == "nsubj"  # the name stays the subject


@pytest.mark.parametrize(("text", "expected"), [
    ("in talks (NYSE: ABC; TSX: ABC) today", [("(NYSE: ABC; TSX: ABC)", "NYSE:ABC;TSX:ABC")]),
    ("the U.S. (U.S) and (Source: AFP) and (ABC)", []),
], ids=["two-exchanges", "not-tickers"])
def test_find_tickers(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[s:e], symbol) for s, e, symbol in find_tickers(text)] == expected


def test_the_exchange_list_is_read_from_data(tmp_path: Path) -> None:
    path = tmp_path / "exchanges.txt"
    path.write_text("# one exchange\nZZX\n", encoding="utf-8")
    assert ticker_pattern(path).search("Acme (ZZX: AC)") is not None
    assert ticker_pattern(path).search("Acme (NYSE: AC)") is None


def test_a_missing_word_list_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(PipelineDataError, match="missing.txt"):
        ticker_pattern(tmp_path / "missing.txt")


AMOUNTS = [
    ("Acme paid $150m for the plant.", "$150m", "MONEY"),
    ("Acme paid \u20ac2.2bn for the plant.", "\u20ac2.2bn", "MONEY"),
    ("Acme paid R36.67bn for the plant.", "R36.67bn", "MONEY"),
    ("Acme paid Rs 500 crore for the plant.", "Rs 500 crore", "MONEY"),
    ("Acme paid HK$683.5m for the plant.", "HK$683.5m", "MONEY"),
    ("Acme will invest up to $2 billion in the plant.", "up to $2 billion", "MONEY"),
    ("Acme bought a 56-per-cent stake in Beta.", "56-per-cent", "PERCENT"),
    ("Acme bought a 9.69% stake in Beta.", "9.69%", "PERCENT"),
    ("Acme raised its stake to more than 50 per cent.", "more than 50 per cent", "PERCENT"),
]


@pytest.mark.parametrize(("text", "amount", "label"), AMOUNTS, ids=[a[1] for a in AMOUNTS])
def test_a_whole_amount_is_one_entity(text: str, amount: str, label: str) -> None:
    doc = parse(text)
    assert [(e.text, e.label_) for e in doc.ents if e.label_ in {"MONEY", "PERCENT"}] == [(amount, label)]


def test_years_and_counts_stay_what_they_are() -> None:
    doc = parse("In 2019 Acme hired 1,200 workers.")
    assert not [e for e in doc.ents if e.label_ in {"MONEY", "PERCENT"}]


def test_a_name_never_ends_with_a_line_break() -> None:
    """issue 9 (found while hardening): "Vardania\\n\\n" closing a headline was a name with its line breaks."""
    doc = parse("Exim Bank extends a loan to Vardania\n\nThe bank said so.")
    assert all(not e.text[-1].isspace() and not e.text[0].isspace() for e in doc.ents)


@pytest.mark.parametrize("text", ["Banco Rural do Norte lent $5m to Ribeira.", "Grãos dos Campos bought a silo.", "In Caixa do Vale we trust."])
def test_a_name_joined_by_a_verb_like_particle_is_one_proper_noun(text: str) -> None:
    """issue 7: "do"/"dos" were tagged as verbs and "Banco Rural do Norte" parsed as two names."""
    doc = parse(text)
    name = next(t for t in doc if " do" in t.text)
    assert name.pos_ == "PROPN" and name.dep_ in {"nsubj", "pobj"}


def test_a_lowercase_do_between_other_words_stays_a_verb() -> None:
    doc = parse("Americans do business here, and Investors do Business too.")
    assert [t.lemma_ for t in doc if t.lower_ == "do"] == ["do", "do"]


@pytest.mark.parametrize(("word", "lemma"), [("dams", "dam"), ("refineries", "refinery"), ("mines", "mine"), ("buses", "bus")])
def test_a_plural_noun_has_its_singular_as_lemma(word: str, lemma: str) -> None:
    """issue 7: "dams" kept "dams" as its lemma, so "the dams" matched no asset word."""
    doc = parse(f"The {word} were built last year.")
    assert doc[1].lemma_ == lemma


def test_a_line_s_first_word_is_not_a_sentence_of_its_own() -> None:
    """issue 10 (seen on the document page): "Valdoria | Mining said …" split the body's first sentence after its first word."""
    doc = parse("Valdoria Mining buys a stake in Brenmark Copper\n\nValdoria Mining said on Tuesday it had invested €40 million in Brenmark Copper.\n")
    assert [s.text.strip() for s in doc.sents][1].startswith("Valdoria Mining said")


# --- ColumnMatcher: the rulers' matches, as spaCy's Matcher finds them (issue 11) ---

RULER_TEXT = ("Y'all ain't seen nothin' yet, the DRC minister said: there are gonna be talks in the PRC "
              "and BiH, but let's wait. Something was sold to him; it could be theirs.\n\n"
              "Acme Corp. (NYSE: ACME) said it will invest $150m in a dam.")


def test_rulers_match_through_column_matchers():
    from graph.nlp import ColumnMatcher

    nlp = get_nlp()
    assert isinstance(nlp.get_pipe("attribute_ruler").matcher, ColumnMatcher)
    assert isinstance(nlp.get_pipe("entity_ruler").matcher, ColumnMatcher)


@pytest.mark.parametrize("ruler", ["attribute_ruler", "entity_ruler"])
def test_column_matcher_finds_the_matchers_matches_in_its_order(ruler):
    nlp = get_nlp()
    matcher = nlp.get_pipe(ruler).matcher
    texts = [RULER_TEXT, *(p.read_text(encoding="utf-8") for p in sorted(Path("data/corpus").glob("*.txt")))]
    found = 0
    for doc in nlp.pipe(texts):
        matches = matcher(doc, allow_missing=True)
        assert matches == matcher.stock(doc, allow_missing=True)
        found += len(matches)
    assert found > 0


def test_column_matcher_leaves_patterns_it_cannot_read_to_the_matcher():
    from spacy.matcher import Matcher

    from graph.nlp import ColumnMatcher

    matcher = Matcher(get_nlp().vocab)
    matcher.add("A", [[{"LOWER": "dam"}, {"IS_PUNCT": True, "OP": "?"}]])
    assert ColumnMatcher.of(matcher, ["A"]) is None
    matcher = Matcher(get_nlp().vocab)
    matcher.add("B", [[{"LOWER": {"REGEX": "^da"}}, {"TAG": {"IN": ["NN", "NNS"]}}]])
    fast = ColumnMatcher.of(matcher, ["B"])
    doc = parse("They built a dam. Dams cost dams dollars.")
    assert fast(doc) == matcher(doc, allow_missing=True) and fast(doc)
    fast.add("C", [[{"LOWER": "they"}]])  # added later: the Matcher answers from now on
    assert fast(doc) == fast.stock(doc)


def test_attribute_ruler_sets_what_spacys_set_annotations_sets():
    from spacy.attrs import LEMMA, MORPH, POS, TAG

    nlp = get_nlp()
    ruler = nlp.get_pipe("attribute_ruler")
    with nlp.select_pipes(enable=nlp.pipe_names[: nlp.pipe_names.index("attribute_ruler")]):
        doc = nlp(RULER_TEXT)
    ours, stock = doc.copy(), doc.copy()
    ruler.set_annotations(ours, ruler.match(ours))
    type(ruler).set_annotations(ruler, stock, ruler.match(stock))
    columns = [TAG, POS, MORPH, LEMMA]
    assert (ours.to_array(columns) == stock.to_array(columns)).all()
    assert any(t.pos_ == "PRON" for t in ours)  # the rules did apply


def test_remembered_base_forms_are_the_lemmatizers_own():
    nlp = get_nlp()
    lemmatizer = nlp.get_pipe("lemmatizer")
    doc = parse(RULER_TEXT + " The ministers are building roads; the road was built. Dams, dam, damming.")
    list(nlp.pipe([doc.text, doc.text]))  # the base forms are remembered now
    for token in doc:
        assert lemmatizer.lemmatize(token) == type(lemmatizer).rule_lemmatize(lemmatizer, token), token.text


def test_sentence_of_a_token_or_span_is_the_one_spacy_finds():
    """``sentence_index`` answers ``token.sent`` / ``span.sent`` from a list (issue 11): the same
    sentences as spaCy's walk, for every token and for spans across a sentence break."""
    doc = parse("NEWTOWN (Wire) - Acme Corp. said on Jan. 5 it would invest $5m.\n\nHeadline Here\n"
                "Beta Inc. (NYSE: BET) rose 5%. It also opened offices in Europe. Done.")
    hooked = [(t.sent.start, t.sent.end) for t in doc] + [(doc[i:i + 3].sent.start, doc[i:i + 3].sent.end)
                                                          for i in range(len(doc) - 2)]
    token_hook, span_hook = doc.user_token_hooks.pop("sent"), doc.user_span_hooks.pop("sent")
    walked = [(t.sent.start, t.sent.end) for t in doc] + [(doc[i:i + 3].sent.start, doc[i:i + 3].sent.end)
                                                          for i in range(len(doc) - 2)]
    assert (token_hook, span_hook) != (None, None)
    assert len({s for s in walked}) > 3 and hooked == walked


def test_sentence_starts_set_in_an_array_are_what_the_token_setter_sets():
    """``SentenceStarts`` (the pre-parser components' way to set starts at once; issue 11)."""
    from spacy.attrs import SENT_START

    from graph.nlp_fast import SentenceStarts

    values = [True, False, None, True, None, False]
    by_token, by_array = (get_nlp().make_doc("One two three four five six") for _ in range(2))
    starts = SentenceStarts(by_array)
    for i, value in enumerate(values):
        by_token[i].is_sent_start = value
        starts[i] = value
    starts.write()
    assert [starts[i] for i in range(6)] == [t.is_sent_start for t in by_array] == [True, *values[1:]]
    assert (by_array.to_array([SENT_START]) == by_token.to_array([SENT_START])).all()


def test_column_matcher_reads_empty_lists_as_the_matcher_does():
    from spacy.matcher import Matcher

    from graph.nlp import ColumnMatcher

    matcher = Matcher(get_nlp().vocab)
    matcher.add("A", [[{"TAG": {"IN": []}}]])
    matcher.add("B", [[{"LOWER": {"NOT_IN": []}}, {"TAG": {"IN": ["NN", "DT"]}}]])
    fast = ColumnMatcher.of(matcher, ["A", "B"])
    doc = parse("They built a dam near the town.")
    assert fast(doc) == matcher(doc, allow_missing=True) and fast(doc)


def test_trigger_candidates_are_the_tokens_candidate_frames_answers():
    """``trigger_candidates`` (the doc's lemma column, read once; issue 11) skips only tokens that
    ``candidate_frames`` gives no frame, for the investment and the event frames alike."""
    from graph.extract.events import event_lexicon
    from graph.extract.frames import candidate_frames, frame_lexicon, trigger_candidates

    doc = parse("Acme Corp. agreed to buy a 40% stake in Beta's battery plants for $5m. Protesters "
                "marched in the capital on Monday, and the ministers signed a loan agreement.")
    for frames in (frame_lexicon().frames, event_lexicon().frames):
        assert trigger_candidates(doc[:], frames)  # the frames do have triggers here
        for span in (doc[:], *doc.sents, doc[3:9]):
            expected = [t.i for t in span if candidate_frames(t, frames)]
            assert [t.i for t in trigger_candidates(span, frames)] == expected


def test_lemmas_written_per_doc_are_the_lemmatizers_own():
    """``nlp.pipe`` writes each doc's lemmas in one array (issue 11): the same as spaCy's
    Lemmatizer.__call__, which ``nlp(text)`` still runs, token by token."""
    from spacy.attrs import LEMMA

    texts = [RULER_TEXT, "The ministers are building roads; the road was built. Dams, dam, damming.",
             "Acme's units were sold to Beta Holdings, which owns mines in Vardania."]
    piped, called = list(get_nlp().pipe(texts)), [get_nlp()(t) for t in texts]
    for one, other in zip(piped, called):
        assert one.to_array([LEMMA]).tolist() == other.to_array([LEMMA]).tolist()
    assert [t.lemma_ for t in piped[1]][:5] == ["the", "minister", "be", "build", "road"]


def test_setting_a_parsed_docs_entities_again_changes_no_token():
    """``layout_entities`` and ``drop_lowercase_names`` leave ``doc.ents`` alone when they change
    no entity (issue 11): that is the same doc only if setting them again is a no-op."""
    from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE

    doc = parse("NEWTOWN (Wire) - China Exim Bank and Acme (NYSE: ACM) agreed a $5m loan to Vardania.\n\nMore")
    columns = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
    before = doc.to_array(columns).tolist()
    doc.ents = list(doc.ents)
    assert doc.to_array(columns).tolist() == before and len(doc.ents) > 2


def test_issue_7_a_sum_in_millions_ends_its_sentence():
    """Session 16 (blind13, read half): "… for $72m. Brannock will keep …" was one sentence: the
    tokenizer kept "m." as an abbreviation, so the next sentence's facts were read as this one's."""
    doc = get_nlp()("Orvane Agri bought Sefwi Cocoa for $72m. Brannock Holdings keeps the rest. It closed at 5 p.m. on Friday.")
    assert [s.text for s in doc.sents] == [
        "Orvane Agri bought Sefwi Cocoa for $72m.", "Brannock Holdings keeps the rest.", "It closed at 5 p.m. on Friday."]
    assert [e.text for e in doc.ents if e.label_ == "MONEY"] == ["$72m"]


@pytest.mark.parametrize("form", ["GmbH", "KGaA", "SpA"])
def test_a_full_stop_after_a_mixed_case_legal_form_ends_the_sentence(form: str) -> None:
    """Session 25: "… with Brandt Bau GmbH." kept "GmbH." as one token, outside the name, so the
    counterpart of the contract was no actor."""
    doc = parse(f"Kessa Power signed a contract with Brandt Bau {form}. The work starts in May.")
    assert [t.text for t in doc][8:10] == [form, "."]
    assert len(list(doc.sents)) == 2
