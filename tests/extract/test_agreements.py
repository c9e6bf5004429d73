"""Agreements: name, parties, signing and effective dates (issue 2)."""

from __future__ import annotations

import pytest

from graph.model import PartialDate
from graph.pipeline import extract_document
from tests.conftest import make_document
from tests.extract.passages import extracted, params, same

KNOWN_MISSES: dict[str, str] = {}


@pytest.mark.parametrize(("passage", "fact"), params("agreement", KNOWN_MISSES))
def test_passage_agreement(passage, fact):
    agreements = extracted(passage).agreements
    need = min(2, len(fact["parties"]))
    found = [
        a
        for a in agreements
        if sum(any(same(p, passage, name) for p in a.parties) for name in fact["parties"]) >= need
        and (fact.get("date") is None or (a.date is not None and a.date.iso() == fact["date"]))
        and (fact.get("effective") is None or (a.effective is not None and a.effective.iso() == fact["effective"]))
    ]
    assert found, f"expected {fact}; got {agreements}"


def test_signing_and_effective_dates_are_told_apart():
    text = (
        "Albania and Turkey signed a free trade agreement on 12 March 2023, "
        "which enters into force on 1 January 2024."
    )
    (agreement,) = extract_document(make_document(text)).agreements
    assert agreement.name == "free trade agreement"
    assert agreement.date == PartialDate(2023, 3, 12)
    assert agreement.effective == PartialDate(2024, 1, 1)
    assert {p.name for p in agreement.parties} == {"Albania", "Turkey"}


def test_an_agreement_that_is_only_talked_about_is_not_extracted():
    facts = extract_document(make_document("The agreement could enhance the competitive edge of the carmaker."))
    assert facts.agreements == []


def _agreements(text: str, published: str | None = "2024-06-12"):
    return extract_document(make_document(text, published=published)).agreements


def _parties(agreement) -> set[str]:
    return {p.name for p in agreement.parties}


# (id, text, parties wanted among the facts' parties, signing date, effective date)
PATTERNS = [
    ("subjects-in-coordination", "Ghana and Japan signed a loan agreement on 3 March 2023.", {"Ghana", "Japan"}, "2023-03-03", None),
    ("signed-with", "In May 2021, Kenya signed a concession agreement with Siemens.", {"Kenya", "Siemens"}, "2021-05", None),
    ("between-x-and-y", "A framework agreement between Chile and Peru was signed in April 2019.", {"Chile", "Peru"}, "2019-04", None),
    ("passive-by-agent", "The agreement was signed in Lima on 2 June 2022 by Peru and Brazil.", {"Peru", "Brazil"}, "2022-06-02", None),
    ("acl-signed-with", "Under a share purchase agreement signed with Vale in March 2020, Glencore bought the mine.", {"Glencore", "Vale"}, "2020-03", None),
    ("government-is-the-country", "Morocco is courting investors. The government signed a memorandum of understanding with Japan in June 2015.", {"Morocco", "Japan"}, "2015-06", None),
    ("two-governments", "Chile hosted Peru's president. The two governments signed a trade agreement in May 2018.", {"Chile", "Peru"}, "2018-05", None),
    ("enters-into-force", "Chile and Peru signed a trade agreement on 1 May 2018, which entered into force on 1 January 2019.", {"Chile", "Peru"}, "2018-05-01", "2019-01-01"),
    ("takes-effect-from", "Chile and Peru signed a trade agreement on 1 May 2018. It takes effect from 1 July 2018.", {"Chile", "Peru"}, "2018-05-01", "2018-07-01"),
    ("date-of-the-signing-clause", "Peru agreed in 2015 to lend Chile money; the two governments signed a loan agreement in March 2016.", {"Chile", "Peru"}, "2016-03", None),
    ("municipality-of", "Siemens signed a land purchase agreement with the municipality of Debrecen in May 2022.", {"Siemens", "Debrecen"}, "2022-05", None),
    # issue 7, session 20: the relative clause hangs on "understanding", the noun of the listed phrase's "of"
    ("a-memorandum-of-understanding-it-signed-with", "The Morvanian Ministry of Economy approved a grant of $9 million under a "
     "memorandum of understanding it signed with Tarsk Data Holdings in November 2023.",
     {"Morvanian Ministry of Economy", "Tarsk Data Holdings"}, "2023-11", None),
    # issue 7, session 22: a bare descriptor before the second name ("state utility") hid the first name
    # session 22: "the two sides" of a company deal are its companies, not the countries their demonyms name
    ("two-sides-of-a-company-deal", "Chile's Kessa Air will invest $250 million in Brazil's Tarvo Airlines for 35% of the carrier. "
     "The two sides signed an investment agreement in January 2025.", {"Kessa Air", "Tarvo Airlines"}, "2025-01", None),
    ("two-sides-of-a-state-visit", "The president of Chile visited Japan on Monday to discuss trade. "
     "The two sides signed a trade agreement in January 2025.", {"Chile", "Japan"}, "2025-01", None),
    ("a-described-second-signer", "Kessa Energy and state utility Tarvo Power Corp signed a supply agreement in May 2024.",
     {"Kessa Energy", "Tarvo Power Corp"}, "2024-05", None),
]


@pytest.mark.parametrize(("text", "parties", "date", "effective"), [pytest.param(*p[1:], id=p[0]) for p in PATTERNS])
def test_grammar_pattern(text, parties, date, effective):
    found = [a for a in _agreements(text) if parties <= _parties(a)]
    assert found, f"no agreement of {parties} in {_agreements(text)}"
    assert found[0].date is None if date is None else found[0].date is not None and found[0].date.iso() == date
    assert effective is None or (found[0].effective is not None and found[0].effective.iso() == effective)


def test_valid_until_is_not_the_effective_date():
    (agreement,) = _agreements("Chile and Peru signed a trade agreement on 1 May 2018, valid until 31 December 2030.")
    assert agreement.effective is None
    assert agreement.date == PartialDate(2018, 5, 1)


def test_issue_7_a_deadline_is_not_the_signing_date():
    """Session 23 (blind18, read half): "… for a second phase, to be completed by 2026" dated the MoU 2026."""
    text = ("Tarvo Pharma signed a memorandum of understanding with the Lume regional government "
            "for a second phase at the site, to cost €70 million and be completed by 2026.")
    (agreement,) = _agreements(text, published="2023-06-04")
    assert agreement.date == PartialDate(2023, 6, 4)


def test_each_listed_agreement_is_one_fact():
    text = "Ghana and Japan signed 12 agreements, including a memorandum of understanding on energy cooperation and a loan agreement for a new port."
    names = sorted(a.name for a in _agreements(text))
    assert names == ["loan agreement for a new port", "memorandum of understanding on energy cooperation"]


def test_name_keeps_the_topic_but_not_the_counterpart():
    (agreement,) = _agreements("Hungary signed a memorandum of understanding with China on the Belt and Road Initiative in June 2015.")
    assert agreement.name == "memorandum of understanding on the Belt and Road Initiative"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Chile and Peru could sign a trade agreement next year.", id="could-sign"),
        pytest.param("Chile and Peru are expected to sign a trade agreement next year.", id="expected-to-sign"),
        pytest.param("Chile and Peru will sign a trade agreement in May.", id="will-sign"),
        pytest.param("Chile is in talks with Peru on a trade deal.", id="talks-on-a-deal"),
        pytest.param("Chile and Peru did not sign the trade agreement.", id="did-not-sign"),
        pytest.param("Chile courted Peru for years, but no agreement has been reached.", id="no-agreement-reached"),
        pytest.param("Chile and Peru are negotiating a free trade agreement.", id="negotiating"),
        pytest.param("Siemens signed a deal to buy a stake in a mine.", id="one-party-only"),
        pytest.param("Chile has yet to sign the trade agreement with Peru.", id="has-yet-to-sign"),
        pytest.param("If Chile signs the trade agreement with Peru, tariffs will fall.", id="if-it-signs"),
        pytest.param("A draft agreement between Chile and Peru was leaked in 2019.", id="draft-agreement"),
        pytest.param("Chile refused to sign the trade agreement with Peru.", id="refused-to-sign"),
    ],
)
def test_talk_about_an_agreement_is_not_a_signing(text):
    assert _agreements(text) == []


def test_an_undated_signing_early_in_the_news_takes_the_date_of_the_news():
    text = "Chile and Peru agreed on Wednesday to expand trade.\n\nThe two governments signed a transport agreement."
    (agreement,) = _agreements(text)
    assert agreement.date == PartialDate(2024, 6, 12)


def test_they_are_the_parties_just_named():
    text = "Chile and Peru signed a trade agreement in May 2018. They also signed a transport agreement."
    transport = [a for a in _agreements(text) if a.name == "transport agreement"]
    assert [_parties(a) for a in transport] == [{"Chile", "Peru"}]
    assert transport[0].date == PartialDate(2018, 5)


def test_a_definite_re_mention_completes_the_signing_it_tells_again():
    text = (
        "Egypt signed a deal with ADQ on 23 February 2024 to develop the coast. "
        "The agreement on the development of Ras El-Hekma was signed by ADQ chief executive Mohamed Alsuwaidi."
    )
    (agreement,) = _agreements(text)
    assert agreement.name == "agreement on the development of Ras El-Hekma"
    assert agreement.date == PartialDate(2024, 2, 23)


def test_each_signatory_signs_for_the_body_of_their_own_title():
    """issue 7: both signatories were read as signing for the last body the sentence named."""
    text = ("The agreement was signed on 3 June 2024 by Mira Tosk, secretary of the finance ministry of Sri Lanka, "
            "and Jon Vell, chief general manager of Kestrel Bank.")
    (agreement,) = _agreements(text)
    assert _parties(agreement) == {"Sri Lanka", "Kestrel Bank"}


def test_a_line_of_credit_agreement_signed_with_a_government():
    (agreement,) = _agreements("Kestrel Bank signed a $500 million line of credit agreement with the government of Sri Lanka on 3 June 2024.")
    assert _parties(agreement) == {"Kestrel Bank", "Sri Lanka"} and agreement.date == PartialDate(2024, 6, 3)


def test_the_partners_are_the_two_companies_named_before():
    text = ("Qamar Energy and Hoshino Power will jointly build a solar plant at Wadi Tosk. The plant will sell its output "
            "to the Tarvia Grid Company under a power purchase agreement the partners signed on 2 June 2025.")
    (agreement,) = _agreements(text)
    assert _parties(agreement) >= {"Qamar Energy", "Hoshino Power"} and agreement.date == PartialDate(2025, 6, 2)


def test_the_two_companies_are_not_the_names_of_a_place_after_them():
    """issue 7: an agreement "to build vans at the old X works in Y" made the works' former owner
    and the district the two companies."""
    text = ("Orsk Motors will open its first plant in Europe after a deal with Halden Auto. A government statement said "
            "the two companies had signed an agreement to build vans at the old Tarn Motors works in the Zona Franca district.")
    assert {frozenset(_parties(a)) for a in _agreements(text)} >= {frozenset({"Orsk Motors", "Halden Auto"})}
    assert all("Tarn Motors" not in _parties(a) for a in _agreements(text))


@pytest.mark.parametrize("club", [pytest.param("Porto Vale FC", id="fc-after"), pytest.param("FC Porto Vale", id="fc-before")])
def test_a_club_named_fc_signs_as_the_club(club):
    """issue 7: "Porto Vale FC" (and "FC Porto Vale") was typed a person, so "the club" that signed was no party."""
    text = (f"Members of {club} voted to sell the club to Harbin Sports Capital. "
            "The club also signed a five-year shirt sponsorship agreement with the operator Tessel Mobile on 30 June 2025.")
    found = [a for a in _agreements(text) if "sponsorship" in a.name]
    assert [(_parties(a), a.date) for a in found] == [({club, "Tessel Mobile"}, PartialDate(2025, 6, 30))]


@pytest.mark.parametrize("first", [pytest.param("Velmar Holding", id="holding"), pytest.param("Velmar Stake Partners", id="share-word-not-last"),
                                   pytest.param("Velmar Energy", id="no-share-word")])
def test_a_name_ending_in_a_share_word_signs_with_its_conjunct(first):
    """Session 25: "Velmar Holding and Y signed a framework agreement" named no party: a name ending in a share
    word ("Holding") was read as a share of which Y, a conjoined name, held its own part."""
    found = _agreements(f"{first} and Oskari Capital Partners signed a framework agreement on 3 May 2024.")
    assert [_parties(a) for a in found] == [{first, "Oskari Capital Partners"}]


def test_a_capitalised_agreement_is_no_party_to_itself():
    """Session 25: "X has signed a Financing Agreement with the World Bank" gave the agreement a third
    party, a company named "Financing Agreement"."""
    found = _agreements("The Government of Tarnia has signed a Financing Agreement with the Orvik Development Bank on 2 April 2025.")
    assert [_parties(a) for a in found] == [{"Government of Tarnia", "Orvik Development Bank"}]


def test_a_re_mention_s_own_signing_date_beats_the_news_date():
    """issue 7: "the agreement, which was signed on July 8" was dropped for naming no party, and the
    agreement kept the date of the news."""
    text = ("Orsk Telecom has agreed to sell 35 per cent of Tarn Towers to Kestrel Infra and Halden Fund, the company said on Wednesday. "
            "Kestrel will acquire 25 per cent under the agreement, which was signed in Tosk on June 8.")
    (agreement,) = _agreements(text)
    assert _parties(agreement) >= {"Orsk Telecom", "Kestrel Infra"} and agreement.date == PartialDate(2024, 6, 8)


def test_a_date_of_something_else_done_to_an_agreement_is_not_its_signing_date():
    (agreement,) = _agreements("Russia pulled out of the New START treaty with the United States in 2023.")
    assert agreement.date is None


def test_the_place_and_day_of_signing_are_not_part_of_the_name():
    (agreement,) = _agreements("Serbia and Hungary signed an agreement on energy cooperation in Belgrade on 4 June 2024.")
    assert agreement.name == "agreement on energy cooperation"


def test_they_after_two_leaders_are_their_countries():
    text = "Vladimir Putin and Aleksandar Vučić met in Moscow on 7 October 2021. They signed an agreement on gas supplies."
    (agreement,) = _agreements(text)
    assert _parties(agreement) == {"Russia", "Serbia"}
    assert agreement.date == PartialDate(2021, 10, 7)


def test_an_effective_date_alone_is_not_a_signing_date():
    text = "Egypt and China signed a currency swap deal, which comes into force on 1 March 2023."
    (agreement,) = _agreements(text)
    assert agreement.date is None
    assert agreement.effective == PartialDate(2023, 3, 1)


def test_agreements_signed_during_a_visit_each_get_the_visit_date():
    text = (
        "During Modi's visit to Abu Dhabi on 13 February 2024, India and the United Arab Emirates "
        "signed a bilateral investment treaty and an MoU on electricity trade."
    )
    found = {a.name: a for a in _agreements(text)}
    assert set(found) == {"bilateral investment treaty", "MoU on electricity trade"}
    assert {a.date for a in found.values()} == {PartialDate(2024, 2, 13)}
    assert all(_parties(a) == {"India", "United Arab Emirates"} for a in found.values())


def test_a_dashed_name_stays_whole():
    text = "Hungary and China signed a loan agreement for the Budapest–Belgrade railway on 9 May 2024."
    (agreement,) = _agreements(text)
    assert agreement.name == "loan agreement for the Budapest–Belgrade railway"


def test_a_batch_signed_then_named_by_topic_is_one_agreement_per_topic():
    text = "Chile and Peru signed three agreements on 4 May 2023. The agreements cover mining, fisheries and tourism."
    found = {a.name: a for a in _agreements(text)}
    assert set(found) == {"agreement on mining", "agreement on fisheries", "agreement on tourism"}
    assert all(_parties(a) == {"Chile", "Peru"} and a.date == PartialDate(2023, 5, 4) for a in found.values())


def test_a_batch_signed_covering_topics_is_one_memorandum_per_topic():
    text = ("Peru's President Dina Vell and Chile's President Tomas Brek signed four memorandums of understanding in Arica "
            "on Tuesday, covering mining, fisheries, health and tourism.")
    found = {a.name: a for a in _agreements(text)}
    assert set(found) == {f"memorandum of understanding on {t}" for t in ("mining", "fisheries", "health", "tourism")}
    assert all(_parties(a) == {"Peru", "Chile"} for a in found.values())


def test_a_batch_that_covers_other_agreements_lists_them_not_topics():
    text = "Chile and Peru signed three agreements on 4 May 2023, covering a loan agreement and a supply contract."
    assert all(" on " not in a.name for a in _agreements(text))


def test_topics_without_a_batch_signed_before_are_not_agreements():
    assert _agreements("The agreements cover mining, fisheries and tourism.") == []


def test_on_the_same_day_a_definite_contract_takes_the_paragraphs_signing_date():
    text = "Chile and Peru signed a trade agreement in Lima on 3 May 2018. On the same day, Siemens and Vale signed the supply contract."
    (contract,) = [a for a in _agreements(text) if a.name == "supply contract"]
    assert _parties(contract) == {"Siemens", "Vale"}
    assert contract.date == PartialDate(2018, 5, 3)


def test_a_contract_named_in_the_lede_takes_the_date_a_later_paragraph_gives_it():
    """issue 7: the re-mention "X was awarded the contract in 2014" came more than four sentences after
    "the rail contract between Peru and X" and was dropped for naming one party."""
    filler = " ".join(f"Critics raised point {n} about the line." for n in range(1, 7))
    text = (f"A court in Lima ruled on Friday that the rail contract between Peru and Tarn Rail Holdings was illegal. {filler} "
            "In 2014 Tarn Rail Holdings was awarded the $2.9bn rail contract, which covers the track.")
    (agreement,) = _agreements(text)
    assert _parties(agreement) == {"Peru", "Tarn Rail Holdings"} and agreement.date == PartialDate(2014)


def test_a_far_re_mention_of_another_noun_is_not_merged():
    filler = " ".join(f"Critics raised point {n} about the line." for n in range(1, 7))
    text = (f"A court in Lima ruled on Friday that the rail contract between Peru and Tarn Rail Holdings was illegal. {filler} "
            "Tarn Rail Holdings signed the loan agreement with Kestrel Bank in 2014.")
    dates = {a.name: a.date for a in _agreements(text)}
    assert dates.get("rail contract") is None


def test_a_short_re_mention_of_a_company_names_it():
    text = (
        "US fund Stone Ridge Capital has bought Dutch maker Kessel Instruments. "
        "The merger agreement between Stone Ridge and Kessel was signed on 3 May 2021."
    )
    (agreement,) = _agreements(text)
    assert "Kessel Instruments" in _parties(agreement)
    assert len(agreement.parties) == 2


def test_the_government_is_the_country_the_previous_sentence_is_about():
    text = (
        "Chile is the main topic here. Chile and Peru traded more in 2023. "
        "Peru, which defaulted in 2020, is courting investors. "
        "Siemens signed an agreement with the government in January this year."
    )
    (agreement,) = _agreements(text)
    assert _parties(agreement) == {"Siemens", "Peru"}
    assert agreement.date == PartialDate(2024, 1)


@pytest.mark.parametrize(("text", "party"), [
    pytest.param("Peru's Callao Ports Authority runs the container terminal, which Orsk Logistics operates under a 30-year lease. "
                 "Siemens signed an agreement with the government in March to build a gas power station.", "Peru",
                 id="the-government-after-an-agency-is-the-country"),
    pytest.param("Peru's Callao Ports Authority runs the container terminal, which Orsk Logistics operates under a 30-year lease. "
                 "Siemens signed an agreement with the authority in March to build a gas power station.", "Callao Ports Authority",
                 id="the-authority-is-the-agency"),
])
def test_the_government_that_signs_is_not_an_agency_named_before(text, party):
    """issue 7: "signed an agreement with the government" took the ports authority named before."""
    (agreement,) = _agreements(text)
    assert _parties(agreement) == {"Siemens", party}


def test_a_length_of_time_in_the_signing_clause_does_not_keep_it_from_the_news_date():
    """issue 7: "with repayment over 18 years" counted as a date of its own that the parser could not read."""
    text = ("Tarn Rail said on Wednesday its line would open in 2029. Kestrel Bank and Orsk Bank signed a $500 million "
            "loan agreement with Tarn Rail, with repayment spread over 15 years.")
    found = [a for a in _agreements(text) if {"Kestrel Bank", "Orsk Bank"} <= _parties(a)]
    assert [a.date for a in found] == [PartialDate(2024, 6, 12)]


def test_a_signing_some_years_later_takes_no_news_date():
    text = ("Tarn Rail said on Wednesday its line would open in 2029. Kestrel Bank and Orsk Bank signed a $500 million "
            "loan agreement with Tarn Rail 15 years later.")
    assert all(a.date is None for a in _agreements(text))


def test_a_date_of_an_earlier_subordinate_clause_does_not_date_a_signing():
    text = "Peru, which defaulted in 2020, is courting investors. Siemens and Vale signed a supply contract."
    (agreement,) = _agreements(text, published=None)
    assert agreement.date is None


def test_companies_named_in_apposition_sign_not_their_possessor_countries():
    text = "Peru's state mining company Minperu and Chile's Andean Copper Ltd signed a supply contract on 2 May 2022."
    (agreement,) = _agreements(text)
    assert "Minperu" in _parties(agreement)
    assert not {"Peru", "Chile"} & _parties(agreement)


@pytest.mark.parametrize(
    ("text", "parties", "year"),
    [
        pytest.param("Peru lent Chile $2 billion under a 2016 credit agreement.", {"Peru", "Chile"}, 2016, id="under-a-year-agreement"),
        pytest.param("Peru scrapped a 2019 memorandum of cooperation with Chile and Japan.", {"Chile", "Japan"}, 2019, id="year-before-a-scrapped-memorandum"),
        pytest.param("Under a 2013 agreement, Peru undertook to supply Bolivia with rail equipment.",
                     {"Peru", "Bolivia"}, 2013, id="under-a-year-agreement-undertook-to-provide-with"),
    ],
)
def test_a_year_before_the_agreement_noun_is_its_signing_year(text, parties, year):
    (agreement,) = _agreements(text)
    assert parties <= _parties(agreement)
    assert agreement.date == PartialDate(year)


def test_a_year_still_to_come_before_the_noun_is_not_a_signing():
    assert _agreements("Peru and Chile discussed the 2030 agenda.", published="2024-06-12") == []
    assert _agreements("Peru and Chile hope for a 2027 trade agreement.") == []


def test_a_signed_new_version_is_an_agreement_of_the_same_parties():
    text = (
        "Chile and Peru signed a trade agreement in March 2010. "
        "An updated version was signed in June 2018 and entered into force in January 2019."
    )
    found = {a.name: a for a in _agreements(text)}
    assert set(found) == {"trade agreement", "updated trade agreement"}
    assert _parties(found["updated trade agreement"]) == {"Chile", "Peru"}
    assert found["updated trade agreement"].date == PartialDate(2018, 6)
    assert found["updated trade agreement"].effective == PartialDate(2019, 1)


def test_a_version_of_something_else_is_not_an_agreement():
    text = "Chile and Peru signed a trade agreement in March 2010. A new version of the app was released in 2018."
    assert [a.name for a in _agreements(text)] == ["trade agreement"]


def test_a_datelines_date_is_the_filing_not_the_signing():
    text = "LIMA, 3 May 2024 — Chile and Peru signed a trade agreement on Tuesday in Lima."
    (agreement,) = _agreements(text, published="2024-05-03")
    assert agreement.date == PartialDate(2024, 4, 30)


def test_a_signing_witnessed_early_in_the_news_takes_the_date_of_the_news():
    text = (
        "Chile and Peru agreed on Wednesday to expand trade.\n\n"
        "The two presidents then witnessed the signing of a memorandum on tourism."
    )
    (agreement,) = _agreements(text)
    assert _parties(agreement) == {"Chile", "Peru"}
    assert agreement.date == PartialDate(2024, 6, 12)


def test_memoranda_on_listed_topics_are_one_memorandum_per_topic():
    text = "Chile and Peru signed memoranda of understanding on mining, fisheries, and public health on 4 May 2023."
    names = sorted(a.name for a in _agreements(text))
    assert names == [
        "memorandum of understanding on fisheries",
        "memorandum of understanding on mining",
        "memorandum of understanding on public health",
    ]


def test_plural_agreements_with_several_counterparts_are_one_per_counterpart():
    text = "In May 2021 Peru signed supply contracts with Siemens and Vale for 300 trains."
    found = sorted(sorted(_parties(a)) for a in _agreements(text))
    assert found == [["Peru", "Siemens"], ["Peru", "Vale"]]


def test_a_singular_agreement_with_two_counterparts_stays_one():
    (agreement,) = _agreements("In May 2021 Peru signed a trilateral treaty with Chile and Bolivia.")
    assert _parties(agreement) == {"Peru", "Chile", "Bolivia"}


def test_a_date_of_the_main_clause_does_not_date_a_signing_told_after_while():
    text = "Chile has courted investors since Vale bought a port in 2016, while Peru has signed trade agreements with Japan and Korea."
    found = _agreements(text)
    assert len(found) == 2
    assert all(a.date is None for a in found)


def test_agreements_with_a_group_of_banks_are_not_split_by_their_countries():
    found = _agreements("In July 2021 the Peruvian finance ministry signed hedging agreements with four US and French banks.")
    assert len(found) <= 1


def test_an_agreement_word_inside_an_organisations_name_is_no_agreement():
    text = "In 2024 Peru and Chile joined the Collective Fisheries Treaty Organization, which will send observers."
    assert _agreements(text) == []


def test_a_signing_with_an_unreadable_date_borrows_no_other_date():
    text = "Clashes broke out in September 2022. Peru and Chile signed a border treaty in Lima on April 9 this year."
    (agreement,) = _agreements(text)
    assert agreement.date is None or agreement.date.month == 4


def test_agreeing_to_raise_relations_to_a_partnership_signs_none():
    assert _agreements("Chile and Peru agreed on Tuesday to raise their relations to a strategic partnership.") == []


def test_a_name_joining_two_parties_names_them_and_a_bare_re_mention_dates_it():
    text = (
        "Exports could double if both sides made full use of the EU–Peru Free Trade Agreement. "
        "The agreement was signed in Lima on 3 May 2012 and entered into force on 1 March 2013."
    )
    (agreement,) = _agreements(text)
    assert _parties(agreement) == {"European Union", "Peru"}
    assert agreement.date == PartialDate(2012, 5, 3)
    assert agreement.effective == PartialDate(2013, 3, 1)
    assert "entered into force" in agreement.evidence.text


def test_a_concession_that_takes_effect_later_completes_the_concession_signed():
    text = (
        "The concession agreement for the dam was signed on 3 October 2019 between the Peruvian government and Vale SA. "
        "Vale SA pledged to build the dam in four years. "
        "The concession ran for 30 years and took effect on 1 January 2020."
    )
    (agreement,) = _agreements(text)
    assert agreement.date == PartialDate(2019, 10, 3)
    assert agreement.effective == PartialDate(2020, 1, 1)


@pytest.mark.parametrize(("text", "ceremony_in_evidence"), [
    pytest.param("Siemens signed an agreement with the Peruvian government for a plant in Lima. "
                 "President Dina Boluarte attended the signing ceremony in Lima on 8 July 2024.", False, id="undated-signing"),
    # issue 7: "A month later, X signed …" left the signing undated, though the next sentence gives the ceremony's day
    pytest.param("Peru doubled its import duties on electric cars in June 2024. "
                 "Weeks later, Orsk Motors signed an agreement with the Peruvian government for an assembly line in Tarma. "
                 "Vice-President Ana Ruiz was at the signing ceremony in Lima on 8 July 2024.", True,
                 id="signing-told-relative-to-an-earlier-date"),
])
def test_a_signing_ceremony_told_next_dates_the_signing(text: str, ceremony_in_evidence: bool):
    (agreement,) = _agreements(text)
    assert agreement.date == PartialDate(2024, 7, 8)
    if ceremony_in_evidence:
        assert "signing ceremony" in agreement.evidence.text


def test_a_date_of_something_else_told_next_does_not_date_a_signing():
    text = (
        "Weeks later, Orsk Motors signed an agreement with the Peruvian government for an assembly line in Tarma. "
        "The line opened in Lima on 8 July 2026, after the signing."
    )
    (agreement,) = _agreements(text)
    assert agreement.date != PartialDate(2026, 7, 8)


@pytest.mark.parametrize("occasion", [
    pytest.param("A contract to lay the track was signed at the same ceremony by Tarn Holdings and the Ministry of Transport.",
                 id="passive-at-the-same-ceremony"),
    pytest.param("On the same day, Tarn Holdings and the Ministry of Transport signed a separate construction contract.",
                 id="on-the-same-day"),
])
def test_a_signing_on_the_same_occasion_takes_the_date_of_the_signing_told_before(occasion):
    """issue 7: "was signed at the same ceremony by X and Y" named no party (the parser hangs "by" on the
    ceremony) and took the news date, not the ceremony's."""
    text = ("Peru's president said on Wednesday that the railway would be rebuilt.\n\n"
            "Peru signed a loan agreement with Orsk Bank on 3 March 2024.\n\n"
            f"The loan will cover 85 per cent of the cost.\n\n{occasion}")
    found = [a for a in _agreements(text) if "contract" in a.name]
    assert [(_parties(a), a.date) for a in found] == [({"Tarn Holdings", "Ministry of Transport"}, PartialDate(2024, 3, 3))]


@pytest.mark.parametrize(("text", "date"), [
    pytest.param("Work on the line began under a contract signed in 2020. A year later, Kestrel Export Bank and Peru's Ministry "
                 "of Finance signed a $900 million loan agreement for the northern section.", PartialDate(2021), id="a-year-later"),
    pytest.param("Peru raised its tariffs on imported cars in June 2023. Two months later, Orsk Motors signed an agreement with "
                 "Tarn Holdings for a plant in Tarma.", PartialDate(2023, 8), id="two-months-later"),
    pytest.param("Peru raised its tariffs on imported cars in 2023. Two months later, Orsk Motors signed an agreement with "
                 "Tarn Holdings for a plant in Tarma.", None, id="months-later-than-a-year-is-unknown"),
])
def test_a_signing_dated_by_its_distance_from_the_date_told_before(text, date):
    """issue 7: "A year later, X and Y signed …" was left undated."""
    (agreement,) = _agreements(text, published=None)
    assert agreement.date == date


def test_a_cancelled_agreement_was_one_and_the_cancellation_does_not_date_it():
    text = "Peru is the focus here. In May, President Dina Boluarte cancelled a $2 billion partnership under which Siemens AG was to build power lines."
    (agreement,) = _agreements(text)
    assert _parties(agreement) == {"Peru", "Siemens"}
    assert agreement.date is None


def test_a_threat_to_cancel_an_agreement_states_none():
    assert _agreements("Peru threatened to cancel a partnership under which Siemens AG was to build power lines.") == []


def test_a_dated_agreement_of_another_kind_right_after_one_is_of_the_same_parties():
    text = (
        "Chile and Peru signed an intergovernmental agreement on the port on 2 May 2023. "
        "The credit agreement, signed in Lima on 9 June 2023, provides $2 billion for the port."
    )
    found = {a.name: a for a in _agreements(text)}
    assert _parties(found["credit agreement"]) == {"Chile", "Peru"}
    assert found["credit agreement"].date == PartialDate(2023, 6, 9)
    assert found["intergovernmental agreement on the port"].date == PartialDate(2023, 5, 2)


def test_the_purchase_agreement_of_an_agreed_purchase_is_the_same_agreement():
    text = ("Orsk Holdings agreed on Wednesday to buy 60 per cent of Tarn Towers from Kestrel Telecom. "
            "Under the share purchase agreement, which was signed in Lima late on Tuesday, Orsk will pay $1.2bn.")
    assert len([a for a in _agreements(text) if "Kestrel Telecom" in _parties(a)]) == 1


def test_agreeing_to_do_something_with_a_counterpart_is_an_agreement_one_per_each():
    text = "Peru signed a trade agreement in May 2022. Siemens and Nokia each later agreed to set up local production with Glencore."
    found = sorted(sorted(_parties(a)) for a in _agreements(text) if a.name == "agreement to set up local production")
    assert found == [["Glencore", "Nokia"], ["Glencore", "Siemens"]]
    assert all(a.date is None for a in _agreements(text) if a.name.startswith("agreement to"))


def test_an_agreement_named_after_its_action_ends_before_the_price():
    text = "Harvell Capital and Ostrander Partners agreed to buy the Port of Lemara for $2.1 billion."
    assert [a.name for a in _agreements(text) if a.name.startswith("agreement to")] == ["agreement to buy the Port of Lemara"]


def test_each_agreeing_with_a_counterpart_hung_on_the_object_is_one_agreement_per_subject():
    text = "Orsk Motors and Halden Auto each later agreed to open local assembly with Peruvian state group Tarnmet."
    found = sorted(sorted(_parties(a)) for a in _agreements(text))
    assert found == [["Halden Auto", "Tarnmet"], ["Orsk Motors", "Tarnmet"]]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Chile agreed to hold talks with Peru on 3 May 2023.", id="agreed-to-talk"),
        pytest.param("Chile agreed to raise relations with Peru on 3 May 2023.", id="agreed-to-raise-relations"),
        pytest.param("Chile could agree to build a port with Peru.", id="could-agree"),
    ],
)
def test_agreeing_to_talk_or_a_possible_agreement_is_none(text):
    assert _agreements(text) == []


def test_contracts_that_followed_a_signing_are_of_the_same_parties_and_undated():
    text = "In May 2022 Peru signed a framework agreement with Siemens for 300 trains, followed by supply contracts worth $2 billion."
    found = {a.name: a for a in _agreements(text)}
    assert _parties(found["supply contracts"]) == {"Peru", "Siemens"}
    assert found["supply contracts"].date is None
    assert found["framework agreement"].date == PartialDate(2022, 5)


def test_the_company_of_a_story_about_one_firm_is_that_firm_not_its_lender():
    text = (
        "Siemens said the decision was illegal. Siemens shares fell 10%. "
        "Siemens bought the Lima plant in 2019. "
        "Deutsche Bank, which had agreed to lend $250 million for the plant, said it had cancelled the loan. "
        "The company had also signed an investment protection agreement with the Peruvian government in 2021."
    )
    (agreement,) = [a for a in _agreements(text) if a.name == "investment protection agreement"]
    assert _parties(agreement) == {"Siemens", "Peru"}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Orsk Bank is to buy 20% of Tarn Bank for $5 billion.", {"Orsk Bank", "Tarn Bank"}, id="new-shares-buyer-and-company"),
        pytest.param("Orsk Bank agreed to buy a 46% stake in Tarn Bank from Halden Group for $5 billion.", {"Orsk Bank", "Halden Group"},
                     id="bought-from-a-seller"),
        pytest.param("Halden Group agreed to sell a 46% stake in Tarn Bank to Orsk Bank for $5 billion.", {"Orsk Bank", "Halden Group"},
                     id="sold-by-a-seller"),
        pytest.param("Orsk Bank will buy a 46% stake in Tarn Bank from Halden Group for $5 billion.", {"Orsk Bank", "Halden Group"},
                     id="a-purchase-announced-with-its-seller"),
        pytest.param("Orsk Bank has agreed to buy Tarn Bank for $5 billion. Tarn Bank is owned by Halden Group, which bought it "
                     "in 2015.", {"Orsk Bank", "Halden Group"}, id="its-owner-told-in-the-next-sentence"),
        pytest.param("Orsk Bank will buy 60 per cent of Tarn Bank, the lender owned by Halden Group, for $5 billion.",
                     {"Orsk Bank", "Halden Group"}, id="its-owner-told-in-a-participle"),
        pytest.param("Orsk Bank will buy 60 per cent of Tarn Bank for $5 billion. Halden Group holds the remaining 40 per cent.",
                     {"Orsk Bank", "Tarn Bank"}, id="a-holder-of-less-than-the-share-sold-is-no-seller"),
    ],
)
def test_an_agreed_purchase_is_a_deal_between_buyer_and_seller(text: str, parties: set[str]) -> None:
    """Issue 7: a share purchase agreement binds buyer and seller; buyer and company only where
    no seller is named (new shares). Session 27: the company's one owner the text names elsewhere,
    holding at least the share sold, is the seller."""
    assert [_parties(a) for a in _agreements(text)] == [parties]


@pytest.mark.parametrize("text", [
    pytest.param("The agreement was signed by Tomas Brek, chief executive, Kestrel Bank, and Anna Vold, secretary, ministry "
                 "of finance, government of Kenya, in Nairobi.", id="flat-titles-after-each-name"),
    pytest.param("Kestrel Bank chairman Tomas Brek and Kenya's finance minister Anna Vold signed the memorandum on Monday.",
                 id="titles-before-the-names"),
    pytest.param("The memorandum was signed by Kestrel Bank chief executive Tomas Brek and Kenyan Finance Minister Anna Vold.",
                 id="titles-before-the-names-after-by"),
])
def test_issue_7_a_signatory_titled_before_the_name_signs_for_that_body(text):
    """Session 9: "X Bank chairman Y" made Y a company (the bank's name read as describing Y), and
    "Kenya's finance minister Z", an apposition of a conjunct, signed for the first signatory's body."""
    (agreement,) = _agreements(text)
    assert _parties(agreement) == {"Kestrel Bank", "Kenya"}


def test_issue_7_an_undated_signing_in_the_news_takes_the_document_s_date():
    """Session 9 (blind7): with no date in the lede's main clause (its "on Wednesday" dates a conjoined
    verb), an early signing in the simple past had no date; the news date is the document's own
    (ingest reads it from the dateline)."""
    text = ("ABU DHABI, 16 July 2025 (Gulf Wire) - Kestria and the Norland Republic signed 14 government-to-government "
            "agreements and witnessed a string of business deals worth about $9bn on Wednesday, on the second day of a "
            "state visit by Kestria's president.\n\nThe largest commercial deal was struck by the state-backed energy "
            "company Falcon Ridge Energy, which signed a joint development agreement with the Kestrian state utility "
            "Tarsa Power to build a floating solar plant on the Vell reservoir.")
    dates = {a.date for a in _agreements(text, published="2025-07-16") if {"Falcon Ridge Energy", "Tarsa Power"} <= _parties(a)}
    assert dates == {PartialDate(2025, 7, 16)}


@pytest.mark.parametrize("text", [
    pytest.param("Varnholt Energy and the Zemblan mines ministry have signed a memorandum of understanding on a lithium refinery.",
                 id="have-signed"),
    pytest.param("A memorandum of understanding on a lithium refinery has been signed by Varnholt Energy and Pellmar Steel.",
                 id="has-been-signed"),
])
def test_issue_7_a_signing_told_in_the_present_perfect_takes_the_news_date(text):
    """Session 16: only the simple past took the news date; "have signed", the wire's usual tense
    for what has just happened, left the agreement undated (wrong wherever the gold dates it)."""
    (agreement,) = _agreements(text, published="2025-03-12")
    assert agreement.date == PartialDate(2025, 3, 12)


def test_a_signing_in_the_present_perfect_with_a_past_date_keeps_it():
    text = "Varnholt Energy and Pellmar Steel have signed a supply agreement in 2019 that runs until 2030."
    (agreement,) = _agreements(text, published="2025-03-12")
    assert agreement.date == PartialDate(2019)


def test_issue_7_a_counterpart_hung_on_what_the_contract_is_for():
    """Session 9 (blind7): "signed a land contract for the site with Y" hangs "with Y" on the site."""
    text = "Kestrel Motors signed a land allocation contract for the 310,000 square-metre site with Egypt's Vell Development Authority on Tuesday."
    (agreement,) = _agreements(text)
    assert _parties(agreement) == {"Kestrel Motors", "Vell Development Authority"}


@pytest.mark.parametrize(("text", "parties"), [
    pytest.param("Wisloport Energia bought its half of the Rozewie wind farm from Skjoldhavn Energy in 2023 for 640 million "
                 "zloty, under a joint venture agreement signed in Copenhagen in May of that year.",
                 {"Wisloport Energia", "Skjoldhavn Energy"}, id="bought-from-under-a-signed-agreement"),
    pytest.param("Daeseong Chemical buys half of the mine's output from Wanarra Lithium under a 2024 offtake agreement.",
                 {"Daeseong Chemical", "Wanarra Lithium"}, id="buys-from-under-a-dated-agreement"),
    pytest.param("Trelaw Water will sell water to Kestra Mining under a supply agreement signed in 2024.",
                 {"Trelaw Water", "Kestra Mining"}, id="sells-to-under-a-signed-agreement"),
    pytest.param("Under a memorandum of understanding signed at the launch, the state investor Tarnvest will take a 20 per cent "
                 "stake in Orsk Chips Sdn Bhd for RM500 million.", {"Tarnvest", "Orsk Chips Sdn Bhd"}, id="a-stake-taken-in-a-company-under-a-signed-memorandum"),
    pytest.param("Orsk Data has also agreed to buy electricity from a solar park that Tarn Solar is building next door, under a "
                 "20-year power purchase agreement signed in 2023.", {"Orsk Data", "Tarn Solar"}, id="agreed-to-buy-from-under-a-signed-agreement"),
])
def test_issue_7_the_document_a_deal_is_done_under_is_between_its_sides(text, parties):
    """Session 10 (blind8): "X bought Y from Z under a joint venture agreement signed in May" named no
    party of the agreement: the clause's dealer and its counterpart are its sides."""
    assert parties in [_parties(a) for a in _agreements(text)]


def test_issue_7_a_place_in_a_relative_clause_is_no_side_of_a_deal():
    """Session 10: "… the sites, which stretch from Lagos to Maiduguri" names places, not parties."""
    text = ("Under a 15-year master lease agreement signed at completion, Kora Mobile will remain the anchor tenant on all "
            "of the 7,400 sites, which stretch from Lagos to Maiduguri.")
    assert all(not {"Lagos", "Maiduguri"} & _parties(a) for a in _agreements(text))


def test_issue_7_a_date_in_a_relative_clause_on_what_was_signed_is_not_the_signing_s() -> None:
    """Session 17 (blind14, read half): "signed an investment agreement … for a complex, which the company
    said would start operating in 2028" was dated 2028; undated, a signing in the lede takes the news date."""
    text = ("Malvo Chemical Co signed an investment agreement with Orsk Holdings for a $1.8 billion polypropylene "
            "complex, which the company said would start operating in 2028.")
    (agreement,) = _agreements(text)
    assert _parties(agreement) == {"Malvo Chemical Co", "Orsk Holdings"} and str(agreement.date) == "2024-06-12"


@pytest.mark.parametrize(("text", "parties"), [
    pytest.param("Chinese tyre maker Kesang Tyre will build a $700 million plant in Jalisco, the Jalisco state government "
                 "said. Kesang signed an agreement with the state government on 8 October.",
                 [{"Kesang Tyre", "State government of Jalisco"}], id="the-state-government-named-before"),
    pytest.param("Chinese tyre maker Kesang Tyre will build a $700 million plant in Jalisco. Kesang signed an agreement "
                 "with the state government on 8 October.", [], id="no-state-government-named"),
])
def test_issue_7_a_state_government_is_the_state_s_not_the_country_s(text, parties) -> None:
    """Session 17 (blind14, read half): "signed an agreement with the state government" made the buyer's own
    country (from "Chinese") the party; a state's, a province's or a city's government is not the country."""
    assert [_parties(a) for a in _agreements(text)] == parties


def test_issue_7_leaders_witnessing_a_signing_between_named_sides_are_no_parties() -> None:
    """Session 17: "X's president and Y's prime minister witnessed the signing of an agreement between A and
    B to build a high-speed line" made the onlookers a party and the line's builders, and cut the name to
    "speed line". (Where no sides are named, the leaders stand for their states: the test above.)"""
    text = ("President Ivo Maric of Tarnia and Orsk's prime minister witnessed the signing of a $3 billion agreement "
            "between Kestrel Rail and Tarnia Railways to build a high-speed line.")
    assert [_parties(a) for a in _agreements(text)] == [{"Kestrel Rail", "Tarnia Railways"}]
    found = extract_document(make_document(text, published="2024-06-12")).investments
    assert sorted((f.investor.name, f.target.name) for f in found) == [
        ("Kestrel Rail", "high-speed line"), ("Tarnia Railways", "high-speed line")]


@pytest.mark.parametrize(("text", "parties"), [
    pytest.param("Kessa Ports runs the container terminal at Lume. The concession agreement was signed with the Lume Port "
                 "Authority in November 2008.", {"Kessa Ports", "Lume Port Authority"}, id="was-signed-with"),
    pytest.param("Tarvo Refining will upgrade its plant near Vessa. The upgrade, under an implementation agreement signed with "
                 "the Petroleum Division in August 2024, will add a hydrocracker.", {"Tarvo Refining", "Petroleum Division"},
                 id="an-agreement-signed-with"),
    pytest.param("Hanak Solar Co is building a solar plant in Lume. The plant will sell its output to the Tarvo Power Company "
                 "under a 25-year power purchase agreement signed in October 2024.", {"Hanak Solar Co", "Tarvo Power Company"},
                 id="a-deal-done-under-an-agreement-by-an-asset"),
    pytest.param("Kessa Copper Mines shut its smelter in May. The company said the decision would be reviewed once an "
                 "agreement was reached with the Lume Mineworkers Union.", None, id="a-condition-is-no-signing"),
])
def test_issue_7_a_passive_signing_with_one_side_names_the_story_s_company(text, parties):
    """Session 23 (blind6 and blind15 read halves): "the concession agreement was signed with Y" names one side;
    the other is the company the story is about, as a reader takes it; so does a deal done "under a power
    purchase agreement" whose doer is an asset ("the plant will sell its output to Y under a PPA")."""
    found = [_parties(a) for a in _agreements(text, published="2024-10-01")]
    assert (parties in found) if parties else not any(len(p) > 1 for p in found), found


@pytest.mark.parametrize(("between", "signed"), [
    pytest.param("Orsk Bank is providing the whole sum. ", PartialDate(2024, 3, 13), id="the-documents-signed-later"),
    pytest.param("Trade could double under the Tarnia-Lume Free Trade Agreement. ", None, id="not-after-another-agreement"),
])
def test_issue_7_the_documents_signed_on_a_day_date_the_signing_told_before(between, signed):
    """Session 26 (blind23): "X has signed loan agreements …, the company said on Thursday. … The
    documents were signed on 13 March" took the report's Thursday; a definite signing a few sentences
    later dates it, unless another agreement is told in between (the later signing is that one's)."""
    text = ("Kessa Wind Ltd has signed a loan agreement worth $120 million with Orsk Bank, the company said on Thursday. "
            + between + "The documents were signed on 13 March 2024 at a ceremony in Nairobi.")
    dates = {a.date for a in _agreements(text) if {p.name for p in a.parties} == {"Kessa Wind Ltd", "Orsk Bank"}}
    assert dates and ((signed in dates) if signed is not None else PartialDate(2024, 3, 13) not in dates)


@pytest.mark.parametrize(("text", "parties"), [
    pytest.param("The governments of Kyrgyzstan and Uzbekistan signed a framework agreement in 2022.",
                 {"Kyrgyzstan", "Uzbekistan"}, id="subject"),
    pytest.param("The project rests on a framework agreement signed in 2022 by the governments of Kyrgyzstan, Uzbekistan and "
                 "Kazakhstan.", {"Kyrgyzstan", "Uzbekistan", "Kazakhstan"}, id="agent-of-a-participle"),
    pytest.param("The dam rests on a treaty signed in 2021 by the government of Nepal, the government of Bhutan and the "
                 "government of Bangladesh.", {"Nepal", "Bhutan", "Bangladesh"}, id="the-government-of-each-in-turn"),
    pytest.param("The corridor rests on a framework agreement signed in Ulaanbaatar in 2023 by the government of the Kyrgyz "
                 "Republic, the government of Mongolia and the government of Laos.", {"Kyrgyzstan", "Mongolia", "Laos"},
                 id="each-in-turn-hung-on-the-subject"),
])
def test_issue_7_the_governments_of_several_countries_are_each_a_party(text: str, parties: set[str]) -> None:
    """Session 27: "the governments of X and Y" was one body, "Governments of X", so the agreement had one party.
    Session 29: "the government of A, the government of B and the government of C" gave at most two (the parser
    hangs the later phrases on A, or on the sentence's subject)."""
    (agreement,) = _agreements(text)
    assert _parties(agreement) == parties


@pytest.mark.parametrize(("text", "parties", "year"), [
    pytest.param("Peru's Ministry of Transport and Communications on Friday terminated the 2019 concession agreement with "
                 "Orvan Aeropuertos SAC, citing missed deadlines.", {"Ministry of Transport and Communications", "Orvan Aeropuertos SAC"},
                 2019, id="terminated"),
    pytest.param("Orvan Lithium said it terminated a 2021 supply memorandum of understanding with Chinese trader Telvik Trading Co.",
                 {"Orvan Lithium", "Telvik Trading Co."}, 2021, id="memorandum-of-understanding-with"),
    pytest.param("Kelso Energy cancelled its 2019 contract with Orvan Builders.", {"Kelso Energy", "Orvan Builders"}, 2019,
                 id="cancelled"),
])
def test_issue_7_who_ends_an_agreement_with_its_other_side_is_a_party(text: str, parties: set[str], year: int) -> None:
    """Session 27: "X terminated its 2019 contract with Y" told an agreement between X and Y signed in
    2019, but the subject of a verb that ends it counted as no party (right for "the court annulled
    the agreement between X and Y", which names both sides)."""
    (agreement,) = _agreements(text)
    assert _parties(agreement) == parties and agreement.date.year == year


@pytest.mark.parametrize("text", [
    pytest.param("Paraguay will rebuild the Puerto Vallo terminal. Finance Minister Ravi Madho-Ramlal signed the loan "
                 "agreement with the Orsova Coastal Bank in Asuncion on 4 March 2025.", id="titled-where-he-signs"),
    pytest.param("Paraguay will rebuild the Puerto Vallo terminal. The Orsova Coastal Bank approved a $60 million loan "
                 "in February, Finance Minister Ravi Madho-Ramlal told reporters. Madho-Ramlal signed the loan agreement "
                 "with the Orsova Coastal Bank in Asuncion on 4 March 2025.", id="titled-earlier-in-the-text"),
])
def test_issue_7_a_minister_signs_for_the_state_the_article_is_about(text):
    """Session 28: a minister, president or ambassador whose title names no body or country signs for
    the country the article is about; untitled, a person signs for no one."""
    assert [(_parties(a), a.date) for a in _agreements(text)] == [({"Orsova Coastal Bank", "Paraguay"}, PartialDate(2025, 3, 4))]


def test_issue_7_a_person_with_no_title_signs_for_no_state():
    """The guard of the case above: a businessman's signing binds no country."""
    text = ("Paraguay will rebuild the Puerto Vallo terminal. Businessman Ravi Madho-Ramlal signed the loan agreement "
            "with the Orsova Coastal Bank in Asuncion on 4 March 2025.")
    assert not any("Paraguay" in _parties(a) for a in _agreements(text))


def test_issue_7_documents_named_after_their_counterparts_are_one_each() -> None:
    """Session 28: "Zambia signed the Huaxin Bank and Orsk Bank loan agreements": the parser made the first
    bank the object (and a lender of Zambia's), the build one agreement of three; one agreement with each bank."""
    found = _agreements("Zambia signed the Huaxin Bank and Orsk Bank loan agreements on 11 March 2025.")
    assert sorted(sorted(_parties(a)) for a in found) == [["Huaxin Bank", "Zambia"], ["Orsk Bank", "Zambia"]]


@pytest.mark.parametrize(("entry", "date"), [
    pytest.param("June 2016 \u2013 Orvel Export Credit Bank signs a $310 million loan agreement with Kessa Copper.",
                 PartialDate(2016, 6), id="month-year"),
    pytest.param("14 February 2021 \u2013 The governments of Kenya and Oman sign an intergovernmental agreement on ports.",
                 PartialDate(2021, 2), id="day-month-year"),
])
def test_issue_7_a_timeline_entry_is_dated_by_the_date_it_opens_with(entry: str, date: PartialDate) -> None:
    """Session 29 (blind30): a timeline entry "March 2017 \u2013 X signs …" was read as a dateline, the report's
    date, so its agreement had none."""
    text = f"Timeline\n\nThe projects, year by year.\n\n{entry}\n\nAugust 2016 \u2013 Kessa Copper opens a smelter.\n"
    (agreement,) = _agreements(text, published="2024-05-01")
    assert agreement.date is not None and (agreement.date.year, agreement.date.month) == (date.year, date.month)


def test_issue_7_a_signed_amendment_is_an_agreement_of_its_signers() -> None:
    """Session 29 (blind28, read half): "The amendment, signed in Tirana on 14 May 2024 by Finance Minister X and
    representatives of Y, lifts the bank's loan …" told no agreement ("amendment" named no document kind), and
    the minister's portfolio, tagged a name, was a party "Finance"."""
    text = ("Albania borrowed from Tessin Bank in 2022.\n\nThe amendment, signed in Tirana on 14 May 2024 by Finance "
            "Minister Arben Lleshi and representatives of Tessin Bank, lifts the bank's loan from €150 million to "
            "€190 million.")
    found = [a for a in _agreements(text, published="2024-05-20") if a.date == PartialDate(2024, 5, 14)]
    assert [_parties(a) for a in found] == [{"Albania", "Tessin Bank"}]


@pytest.mark.parametrize(("text", "parties", "date"), [
    pytest.param("Tarsk Polymers will build the Kolvo resin plant. The balance is covered by a 7.4bn-baht project loan from a "
                 "syndicate led by Orrin Development Bank, signed on 11 February 2025 with Tarsk Polymers as borrower.",
                 {"Orrin Development Bank", "Tarsk Polymers"}, PartialDate(2025, 2, 11), id="syndicate-led-by"),
    pytest.param("Velm Nickel will build the Sarat refinery with a US$700 million loan from a group of banks led by Quorra "
                 "Bank, signed with Velm Nickel in October 2024.", {"Quorra Bank", "Velm Nickel"}, PartialDate(2024, 10),
                 id="group-of-banks-led-by"),
    pytest.param("Kelvo Metals will expand the Varna copper mine. Part of the money will come from a $180 million credit "
                 "line provided by Tarvo Bank and the Orsk Development Bank, which Kelvo Metals signed with the two lenders "
                 "on 14 May 2025.", {"Kelvo Metals", "Tarvo Bank", "Orsk Development Bank"}, PartialDate(2025, 5, 14),
                 id="relative-clause-on-the-last-lender"),
    pytest.param("Kelvo Holdings will buy Varna Shipping. The price will be funded through cash and a US$45 million term "
                 "loan facility granted to Kelvo Holdings by Tarvo Bank Ltd., which Kelvo Holdings signed on 9 May 2025.",
                 {"Kelvo Holdings", "Tarvo Bank Ltd."}, PartialDate(2025, 5, 9), id="relative-clause-on-the-lender"),
])
def test_issue_7_a_signing_set_off_after_a_lenders_name_signs_the_loan(text, parties, date):
    """Session 30: "a loan from a syndicate led by X, signed on 11 February with Y", "a credit line provided by
    X, which Y signed on 14 May": the model hangs the signing clause on X's name, so the loan had no signing and
    was no agreement; a name is not what is signed, the document noun before it is."""
    assert (parties, date) in [(_parties(a), a.date) for a in _agreements(text)]


@pytest.mark.parametrize(("text", "pair"), [
    pytest.param("Orsk Ports and Vela Capital agreed in 2023 to bid jointly for Adriatic terminals. Last week Orsk Ports offered "
                 "€400 million for Kelvo Terminals. Kelvo Terminals rejected the offer, and Kelvo Terminals' chairman said the "
                 "price was low. The two partners signed a cooperation agreement in November 2024.",
                 {"Orsk Ports", "Vela Capital"}, id="named-together-sentences-before"),
    pytest.param("Peru and Chile signed a trade pact in 2019. Officials met in Lima. Brazil agreed in 2015 to lend Bolivia $2 "
                 "billion for a dam; the two governments signed the loan agreement in November 2015.", {"Brazil", "Bolivia"},
                 id="not-further-back-where-its-own-sentence-names-two"),
])
def test_issue_7_the_two_partners_are_the_pair_named_together_before(text, pair):
    """Session 30: "the two partners" were the two companies the article names most where the sentence before
    coordinates none; a pair named together further back is the two, unless the sentence names its own two."""
    assert pair in [_parties(a) for a in _agreements(text) if a.date and a.date.year in {2015, 2024} and a.date.month == 11]


def test_issue_7_a_signed_financing_is_a_loan_agreement():
    """Session 31 (blind32, read half): "X signed the R36.67bn financing on 21 March with a consortium led by Y"
    was a loan and no agreement: "financing" was no document noun."""
    text = ("Kelvo Power signed the R4.2bn financing on 21 March 2024 with a consortium led by the Orsk Development "
            "Finance Corporation.")
    assert ({"Kelvo Power", "Orsk Development Finance Corporation"}, PartialDate(2024, 3, 21)) in [
        (_parties(a), a.date) for a in _agreements(text)]
