"""Investment constructions of rounds 4 and 5 (holdout and final-set misses), on made-up sentences.

Each case is one grammar pattern in general form: a numbered facility name,
a definite head noun standing for the asset named before, a relative-pronoun
subject, a sum described as "<demonym> state credit", a passive "Y is
financed with a loan", an agreement to build (a pledge), a later clause that
cancels the loan. Round 5: the seller of a bought stake, a dateline city,
appositions naming or describing a firm, sized grants and awards, dative
borrowers, "X owns N% of Y", "X and Y each plan to invest", agreements for a
sized plant, a further share bought in a stake named before, "when" clauses
and pledge deadlines.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.model import Investment, Status
from graph.pipeline import extract_document
from tests.conftest import make_document


def _facts(text: str) -> list[Investment]:
    return extract_document(make_document(text, published="2024-06-01")).investments


def _rows(text: str) -> list[tuple]:
    """(investor, target, amount in units, stake) of each fact: what the construction tables list."""
    return [(f.investor.name, f.target.name, f.amount.value if f.amount else None, f.stake) for f in _facts(text)]


ROUND4 = [
    pytest.param(
        "Corvane Metals acquired 100% of the Lindor project from Baltic Ore Resources in 2019 for US$310 million.",
        ("Corvane Metals", "Lindor project", Decimal("310000000"), Decimal("1"), 2019),
        id="acquisition-from-names-the-seller",
    ),
    pytest.param(
        "In June 2014, the Asian Development Bank signed a $400 million loan for MRT Line 3, the city's second metro line.",
        ("Asian Development Bank", "MRT Line 3", Decimal("400000000"), None, 2014),
        id="numbered-facility-keeps-its-number",
    ),
    pytest.param(
        "Under the deal, the World Bank provides $500 million for MRT Line 2 (North), a 12-kilometre route.",
        ("World Bank", "MRT Line 2 (North)", Decimal("500000000"), None, 2024),
        id="bracketed-branch-and-present-tense-date",
    ),
    pytest.param(
        "The Port Kelan Container Terminal received its first ship on Monday. Orvena Ports, which runs the port, "
        "has invested about $800 million in the deep-water facility. The group also built the neighbouring "
        "Dover Bay Terminal. In 2023, the Nordic Investment Bank agreed to lend $300 million to the terminal.",
        ("Nordic Investment Bank", "Port Kelan Container Terminal", Decimal("300000000"), None, 2023),
        id="definite-head-noun-is-the-named-asset",
    ),
    pytest.param(
        "The Port Kelan Container Terminal received its first ship on Monday. Orvena Ports "
        "has invested about $800 million in the deep-water facility, the company said.",
        ("Orvena Ports", "Port Kelan Container Terminal", Decimal("800000000"), None, 2024),
        id="the-facility-is-a-place-not-a-loan",
    ),
    pytest.param(
        "The ministry revoked the environmental licence of the Mirador gold and copper mine late on Wednesday. "
        "Export Development Canada, which had agreed in 2022 to lend US$250 million for the mine, said it was reviewing its options.",
        ("Export Development Canada", "Mirador gold and copper mine", Decimal("250000000"), None, 2022),
        id="relative-pronoun-lender-and-coordinated-asset-name",
    ),
    pytest.param(
        "Corvane Metals signed an agreement with Morocco in May 2024 to build a US$1.3 billion battery gigafactory near Kenitra.",
        ("Corvane Metals", "battery gigafactory near Kenitra", Decimal("1300000000"), None, 2024),
        id="place-keeps-its-preposition",
    ),
    pytest.param(
        "The credit agreement, signed in Oslo in March 2023, provides up to US$2 billion in Norwegian state credit "
        "for the Daugava hydro power plant.",
        ("Norway", "Daugava hydro power plant", Decimal("2000000000"), None, 2023),
        id="sum-in-demonym-credit-for-y-dated-by-signing",
    ),
    pytest.param(
        "Latvia: the Daugava III expansion is financed with a €2 billion Norwegian state loan agreed in 2019.",
        ("Norway", "Daugava III", Decimal("2000000000"), None, 2019),
        id="passive-financed-subject-with-demonym-loan",
    ),
]


@pytest.mark.parametrize(("text", "want"), ROUND4)
def test_round4_constructions(text, want):
    investor, target, amount, stake, year = want
    got = [
        (f.investor.name, f.target.name, f.amount.value if f.amount else None, f.stake, f.date.year if f.date else None)
        for f in _facts(text)
    ]
    assert (investor, target, amount, stake, year) in got, got


def test_two_states_agreeing_on_construction_name_no_investor():
    text = "Norway and Latvia signed an agreement on the construction of the power plant in Riga on 3 May."
    facts = _facts(text)
    assert not facts, facts


def test_a_later_clause_cancelling_the_loan_cancels_the_fact():
    text = (
        "Export Development Canada, which had agreed in 2022 to lend US$250 million to Corvane Metals, "
        "said on Thursday it had cancelled the loan."
    )
    facts = _facts(text)
    assert facts and all(f.status is Status.CANCELLED for f in facts), facts


@pytest.mark.parametrize(
    "text",
    [
        "Corvane Metals signed an agreement with Morocco in May 2024 to build a US$1.3 billion battery gigafactory near Kenitra.",
        "Corvane Metals signed an agreement with the Polish government for a US$1 billion plant in Gdansk.",
    ],
    ids=["agreement-to-build", "agreement-for-a-sized-plant"],
)
def test_an_agreement_to_build_is_a_pledge(text):
    facts = _facts(text)
    assert facts and all(f.status is Status.PLEDGED for f in facts), facts


def test_a_clause_subject_that_names_nobody_borrows_no_investor():
    text = (
        "Lumora Group opened a port in Riga last year. The vast facility, which holds a 20% stake in Baltic Rail, "
        "has grown quickly, the company said."
    )
    facts = _facts(text)
    assert not any(f.investor.name == "Lumora Group" and f.target.name == "Baltic Rail" for f in facts), facts


ROUND5 = [
    pytest.param(
        "Veltra Capital has agreed to buy a 40 per cent stake in Orsk Airport from Baltic Holdings for about £500 million.",
        ("Veltra Capital", "Orsk Airport", Decimal("500000000"), Decimal("0.4"), None),
        id="stake-bought-from-a-seller-names-the-buyer",
    ),
    pytest.param(
        "RIGA, May 2, 2024 (Wire) - Veltra Capital has agreed to buy a 40 per cent stake in Orsk Airport for £500 million.",
        ("Veltra Capital", "Orsk Airport", Decimal("500000000"), Decimal("0.4"), None),
        id="dateline-city-is-not-the-subject",
    ),
    pytest.param(
        "Veltra Capital completed the purchase of a 15% stake in Orsk Airport from Baltic Holdings for £300 million.",
        ("Veltra Capital", "Orsk Airport", Decimal("300000000"), Decimal("0.15"), None),
        id="purchase-of-a-stake-from-a-seller-names-the-buyer",
    ),
    pytest.param(
        "Corvane Metals bought a 30% share in a Riga software firm, Lumora Code, for €12m.",
        ("Corvane Metals", "Lumora Code", Decimal("12000000"), Decimal("0.3"), None),
        id="apposition-names-the-described-firm",
    ),
    pytest.param(
        "Veltra Capital had itself bought Orsk Airport from Baltic Holdings for £807m in 2012.",
        ("Veltra Capital", "Orsk Airport", Decimal("807000000"), None, None),
        id="subject-hung-on-the-auxiliary",
    ),
    pytest.param(
        "Orsk Airport was sold in 2020. Veltra Capital had bought the airport from Baltic Holdings for £807m in 2012.",
        ("Veltra Capital", "Orsk Airport", Decimal("807000000"), None, None),
        id="bought-the-definite-asset-named-before",
    ),
    pytest.param(
        "Kordex, a maker of etching equipment based in Riga, said on Tuesday it would invest 2 billion yuan in a new plant in Daugavpils.",
        ("Kordex", "plant in Daugavpils", Decimal("2000000000"), None, None),
        id="apposition-descriptor-introduces-a-company",
    ),
    pytest.param(
        "Norway also pledged to invest about 1.5 billion euros in modernising the Bodo air base by 2027.",
        ("Norway", "Bodo air base", Decimal("1500000000"), None, None),
        id="an-air-base-is-an-asset",
    ),
    pytest.param(
        "Last week the Ministry of Industry finalised a grant of up to US$2 billion for Corvane Metals under the chips act.",
        ("Ministry of Industry", "Corvane Metals", Decimal("2000000000"), None, None),
        id="a-sized-grant-funds-its-recipient",
    ),
    pytest.param(
        # the gold convention: a loan's target is the project where one is named, else the borrower
        "The World Bank provided a $250 million loan to Kenya Power for grid upgrades.",
        ("World Bank", "grid upgrades", Decimal("250000000"), None, None),
        id="loan-provided-to-a-dative-borrower",
    ),
    pytest.param(
        "The Ministry of Industry awarded $2 billion to Corvane Metals.",
        ("Ministry of Industry", "Corvane Metals", Decimal("2000000000"), None, None),
        id="a-sum-awarded-to-a-recipient",
    ),
    pytest.param(
        "Orsk Airport was financed by a US$300 million World Bank loan approved in 2012.",
        ("World Bank", "Orsk Airport", Decimal("300000000"), None, None),
        id="lender-named-as-a-compound-of-the-loan",
    ),
    pytest.param(
        "Veltra Capital will raise its stake in Orsk Airport to 51% after agreeing on Wednesday to buy a further 21 per cent for 330 million zlotys.",
        ("Veltra Capital", "Orsk Airport", Decimal("330000000"), Decimal("0.21"), None),
        id="a-further-share-bought-in-the-stake-named-before",
    ),
    pytest.param(
        "A month later, Corvane Metals signed an agreement with the Polish government for a US$1 billion plant in Gdansk.",
        ("Corvane Metals", "plant in Gdansk", Decimal("1000000000"), None, None),
        id="agreement-for-a-sized-plant",
    ),
    pytest.param(
        "Corvane Metals said it would invest US$2 billion in the Gdansk shipyard.",
        ("Corvane Metals", "Gdansk shipyard", Decimal("2000000000"), None, None),
        id="a-named-shipyard-is-an-asset",
    ),
]


@pytest.mark.parametrize(("text", "want"), ROUND5)
def test_round5_constructions(text, want):
    investor, target, amount, stake, _ = want
    got = _rows(text)
    assert (investor, target, amount, stake) in got, got


def test_the_seller_of_a_bought_stake_is_no_investor():
    text = "Veltra Capital has agreed to buy a 40 per cent stake in Orsk Airport from Baltic Holdings for £500 million."
    assert not any(f.investor.name == "Baltic Holdings" for f in _facts(text))
    text = "Veltra Capital completed the purchase of a 15% stake in Orsk Airport from Baltic Holdings for £300 million."
    assert not any(f.investor.name == "Baltic Holdings" for f in _facts(text))


def test_owning_a_share_of_a_company_is_a_holding_without_the_other_clause_sum():
    text = (
        "Veltra Capital owns about 20% of Orsk Airport, and in May Baltic Holdings completed "
        "the purchase of a 15% stake in Riga Airport for £300 million."
    )
    got = {(f.investor.name, f.target.name): f for f in _facts(text)}
    held = got[("Veltra Capital", "Orsk Airport")]
    assert held.stake == Decimal("0.2") and held.amount is None, held


def test_each_of_two_planners_invests():
    text = "Corvane Metals and its partner Veltra Capital each plan to invest up to €250 million in the Gdansk shipyard."
    investors = {f.investor.name for f in _facts(text) if f.target.name == "Gdansk shipyard"}
    assert {"Corvane Metals", "Veltra Capital"} <= investors, investors


def test_an_unnamed_foreign_firm_is_not_its_country():
    text = "Last month, Veltra Capital bought a stake in a German power grid operator for €300 million."
    assert not any(f.target.name == "Germany" for f in _facts(text))


def test_a_holding_takes_no_status_from_a_conjoined_clause():
    text = (
        "Veltra Capital owns about 20% of Orsk Airport, and in May Baltic Holdings completed "
        "the purchase of a 15% stake in Riga Airport for £300 million."
    )
    held = [f for f in _facts(text) if f.investor.name == "Veltra Capital"]
    assert held and all(f.status is None for f in held), held


def test_an_unnamed_passive_company_is_the_previous_subject():
    text = (
        "Corvane Metals said the impact on its operations would be limited. "
        "The company was acquired by Veltra Capital in 2001 and remains 45 per cent state-owned."
    )
    assert any(f.investor.name == "Veltra Capital" and f.target.name == "Corvane Metals" for f in _facts(text))


def test_an_unrecognised_capitalised_agent_is_the_buyer():
    """The recogniser misses some names in context; here its entities are cleared to show the fallback."""
    from graph.extract.arguments import unknown_name
    from graph.nlp import get_nlp

    doc = get_nlp()("It was acquired by Enterprise Investors from the State Treasury in 2012.")
    doc.ents = []
    agent = next(t for t in doc if t.dep_ == "agent")
    name = unknown_name(next(c for c in agent.children if c.dep_ == "pobj"))
    assert name is not None and name.name == "Enterprise Investors"


@pytest.mark.parametrize(("text", "word", "expected"), [
    pytest.param("The Export-Import Bank of Valdoria signed a $500 million loan.", "Bank", "Export-Import Bank of Valdoria",
                 id="a-hyphened-bank-of-a-place"),
    pytest.param("Kessa Export-Import Bank signed a $500 million loan.", "Bank", "Kessa Export-Import Bank",
                 id="a-hyphened-part-in-the-middle"),
    pytest.param("Kessa Petroleum Holding of Valdoria signed a $500 million loan.", "Holding", "Kessa Petroleum Holding",
                 id="a-company-s-country-is-where-it-is-from"),
])
def test_issue_7_an_unrecognised_name_keeps_its_hyphened_words_and_a_bank_its_place(text: str, word: str, expected: str) -> None:
    """Session 22: "The Export-Import Bank of Valdoria", missed by the recogniser, was the lender "Import Bank"."""
    from graph.extract.arguments import unknown_name
    from graph.nlp import get_nlp

    doc = get_nlp()(text)
    doc.ents = []
    name = unknown_name(next(t for t in doc if t.text == word))
    assert name is not None and name.name == expected


def test_a_when_clause_is_dated_not_a_period():
    text = (
        "Latvia has courted foreign investment in hydropower since 2010, when Veltra Capital bought a "
        "43.7% stake in Orsk Airport for about €436 million."
    )
    facts = [f for f in _facts(text) if f.investor.name == "Veltra Capital"]
    assert facts and facts[0].date is not None and facts[0].date.year == 2010 and facts[0].period is None, facts


def test_a_pledge_deadline_is_not_its_date():
    text = "Norway also pledged to invest about 1.5 billion euros in modernising the Bodo air base by 2027."
    facts = _facts(text)
    assert facts and all(f.date is not None and f.date.year == 2024 for f in facts), facts


def test_a_conjoined_clause_share_is_not_the_deal_stake():
    text = "Corvane Metals was acquired by Veltra Capital in 2001 and remains 45 per cent state-owned."
    facts = [f for f in _facts(text) if f.investor.name == "Veltra Capital"]
    assert facts and all(f.stake is None for f in facts), facts


# Round 7 (blind5 and blind3 misses): the stake a deal leaves, and the share a participle pays for.
ROUND7 = [
    pytest.param(
        "Brightwater Metals agreed on Tuesday to buy a further 25% of Corvina Mining from its partner "
        "Ostrel Resources for $800m, raising its stake to 60 per cent.",
        ("Brightwater Metals", "Corvina Mining", Decimal("800000000"), Decimal("0.6")),
        id="raising-its-stake-to-is-the-resulting-stake",
    ),
    pytest.param(
        "Halvard Energy bought another 10% of Pelmora Gas for €90 million, taking its holding to 35%.",
        ("Halvard Energy", "Pelmora Gas", Decimal("90000000"), Decimal("0.35")),
        id="taking-its-holding-to",
    ),
    pytest.param(
        "Halvard Energy bought more shares in Pelmora Gas last week, lifting its stake to 35%.",
        ("Halvard Energy", "Pelmora Gas", None, Decimal("0.35")),
        id="shares-bought-lifting-the-stake",
    ),
    pytest.param(
        "Rovena Steel first bought into the Kalder mine in 2017, paying $150 million for a 15% holding.",
        ("Rovena Steel", "Kalder mine", Decimal("150000000"), Decimal("0.15")),
        id="paying-for-a-holding-states-the-share",
    ),
    pytest.param(
        "Ostrel Ports completed the purchase of the container terminal at Varna Bay on Monday. It paid "
        "$215 million for 60 per cent of the operator, Terminal Costa Verde (TCV), according to a filing.",
        ("Ostrel Ports", "Terminal Costa Verde", Decimal("215000000"), Decimal("0.6")),
        id="the-operator-renamed-by-a-name-hung-on-the-sum",
    ),
    pytest.param(
        "The joint venture, to be called Kavo Ridge Cells, will be 60 per cent owned by Kavo Energy and "
        "40 per cent by Ridgeline Motors, the two companies said.",
        ("Ridgeline Motors", "Kavo Ridge Cells", None, Decimal("0.4")),
        id="a-percent-owned-venture-and-the-gapped-partner",
    ),
    pytest.param(
        "The line is run by Tarsk Rail Company, which is 55 per cent owned by state utility Orvel Power.",
        ("Orvel Power", "Tarsk Rail Company", None, Decimal("0.55")),
        id="which-is-percent-owned-by",
    ),

    pytest.param(
        "Kavo Energy and Ridgeline Motors on Monday signed an agreement to build a battery plant near Tolsa, "
        "with a planned investment of $900 million in the first phase.",
        ("Kavo Energy", "battery plant near Tolsa", Decimal("900000000"), None),
        id="with-a-planned-investment-is-the-deal-sum",
    ),
    pytest.param(
        "Torvik Data entered Poland last year with the $95 million acquisition of Vistra Cloud from Orsk Group.",
        ("Torvik Data", "Vistra Cloud", Decimal("95000000"), None),
        id="a-means-acquisition-with-the-verb-s-subject",
    ),
    pytest.param(
        "Varnia has approved the sale of French group Orsk Energie's 35% stake in the Tolsa Lithium joint venture "
        "to Japan's Kamado Metals for €210 million, the ministry said.",
        ("Kamado Metals", "Tolsa Lithium", Decimal("210000000"), Decimal("0.35")),
        id="the-sale-of-a-stake-in-a-named-venture-to-the-buyer",
    ),
    pytest.param(  # session 23: the parser hung "to X" on the company, which the model had tagged a person
        "Tarvo Oil sold its 30% stake in Kessa Refining to Lume Capital for $50m.",
        ("Lume Capital", "Kessa Refining", Decimal("50000000"), Decimal("0.3")),
        id="the-buyer-hung-on-the-company-a-stake-is-in",
    ),
    pytest.param(
        "The government blocked the proposed $300m purchase of the stake in Pardo Copper by Ostrel Holding.",
        ("Ostrel Holding", "Pardo Copper", Decimal("300000000"), None),
        id="the-purchase-of-the-stake-by-hung-on-the-stake",
    ),
    pytest.param(
        "Pardo Mobile was itself acquired in 2019 by Kenyan group Orsk Telecom, which paid $1.4bn for a 60% stake.",
        ("Orsk Telecom", "Pardo Mobile", Decimal("1400000000"), Decimal("0.6")),
        id="a-relative-clause-on-the-buyer-tells-the-price",
    ),
    pytest.param(
        "Hollin Metals entered Varnia in 2018, when it bought a 40% interest in ferronickel producer "
        "PT Tolsa Smelter Indonesia from local investors for $180m.",
        ("Hollin Metals", "PT Tolsa Smelter Indonesia", Decimal("180000000"), Decimal("0.4")),
        id="a-local-arm-named-after-its-country-is-no-country",
    ),
    pytest.param(
        "Austria's Kessel Bank will sell a 46% stake in Polish lender Bank Odra Kredyt to state-controlled insurer "
        "Orsk Ubezpieczenia for 4.1 billion zlotys. Kessel Bank will retain a 5 per cent holding in the Polish lender.",
        ("Kessel Bank", "Bank Odra Kredyt", None, Decimal("0.05")),
        id="the-polish-lender-is-the-lender-named-before",
    ),
    pytest.param(
        "Corvane Metals said on Tuesday it had agreed to buy a 51 percent stake in the Tamsa gold mine from Ostrel Holdings. "
        "The company did not disclose the price. Tamsa produced 4 tonnes of gold last year. Ostrel Holdings bought the "
        "mine in 2009 and has run it since. Corvane intends to sink a shaft. "
        "Ostrel Holdings will keep the remaining 49 percent and two seats on the board.",
        ("Ostrel Holdings", "Tamsa gold mine", None, Decimal("0.49")),
        id="the-remaining-share-of-the-stake-sold-paragraphs-before",
    ),
    pytest.param(
        "Varnia approved the sale of a 49% stake in Pardo Uranium to South Korea's Hanlo Nuclear for €410 million. "
        "In March, it blocked the proposed purchase of the same stake by Russia's Ostrel Isotope. "
        "The Korean buyer will finance about half of the price with a €200 million loan from Kovar Resources Bank.",
        ("Kovar Resources Bank", "Hanlo Nuclear", Decimal("200000000"), None),
        id="the-korean-buyer-is-the-buyer-of-that-country-and-borrows-from-the-lender",
    ),
    pytest.param(
        "Varnia approved the sale of a 49% stake in Pardo Uranium to Hanlo Nuclear. The remaining 51 per cent of "
        "Pardo Uranium is held by Tolsa Uran, which had a right of first refusal over the stake. In March, the "
        "government blocked the proposed $520m purchase of the same stake by Ostrel Isotope Holding.",
        ("Ostrel Isotope Holding", "Pardo Uranium", Decimal("520000000"), Decimal("0.49")),
        id="the-same-stake-is-the-one-traded-not-the-rest",
    ),
    pytest.param(
        "The groundbreaking came a week after Germany's Kessler Chemie scrapped plans for a €1.6bn refinery in Tolsa.",
        ("Kessler Chemie", "refinery in Tolsa", Decimal("1600000000"), None),
        id="a-company-word-in-another-language",
    ),
    pytest.param(
        "Orvak Maritime will hold 70 per cent of the operating company, Tolsa Gateway Terminals, with the "
        "Varnia Ports Authority keeping a 30% stake, according to a summary of the agreement.",
        ("Varnia Ports Authority", "Tolsa Gateway Terminals", None, Decimal("0.3")),
        id="a-stake-kept-with-no-company-of-its-own-is-in-the-sentence-s-company",
    ),
]


@pytest.mark.parametrize(("text", "want"), ROUND7)
def test_round7_constructions(text, want):
    got = _rows(text)
    assert want in got, got


def test_a_further_share_alone_stays_the_share_bought():
    """Without "raising its stake to", the share bought is all the text states."""
    got = [(f.target.name, f.stake) for f in _facts("Brightwater Metals bought a further 25% of Corvina Mining for $80m.")]
    assert got == [("Corvina Mining", Decimal("0.25"))]


def test_a_part_of_a_named_asset_takes_its_proper_name():
    """issue 7: "the project's concentrator plant" was the whole project."""
    text = ("Corvane Metals owns the Tamsa copper project in Chile. The Andes Credit Bank approved a $90 million "
            "loan for the project's concentrator plant in May.")
    got = [(f.investor.name, f.target.name) for f in _facts(text)]
    assert ("Andes Credit Bank", "Tamsa concentrator plant") in got, got


def test_the_seller_of_a_stake_in_a_sale_noun_is_no_investor():
    """issue 7: "the sale of X's stake in Y to Z" made X, whose stake it was, an investor with the price."""
    text = ("Varnia has approved the sale of French group Orsk Energie's 35% stake in the Tolsa Lithium joint venture "
            "to Japan's Kamado Metals for €210 million, the ministry said.")
    assert "Orsk Energie" not in {f.investor.name for f in _facts(text)}


# Round 8 (issue 7, session 8): a holding its own description states.
ROUND8 = [
    pytest.param("Halden Group's 60%-owned subsidiary Brask Metals reported a loss.",
                 ("Halden Group", "Brask Metals", None, Decimal("0.6")), id="a-possessor-s-owned-unit-parsed-as-a-compound"),
    pytest.param("Brask Metals, a 60%-owned subsidiary of Halden Group, reported a loss.",
                 ("Halden Group", "Brask Metals", None, Decimal("0.6")), id="a-percent-owned-subsidiary-of"),
    pytest.param("Norvell Power bought Kessa Grid, which it wants to merge with its 45 per cent-owned Tarvo Energia affiliate.",
                 ("Norvell Power", "Tarvo Energia", None, Decimal("0.45")), id="its-per-cent-owned-affiliate"),
    pytest.param("Korvan Energy wants to merge Elektra with its 39 per cent-owned Delmar Power affiliate.",  # session 21:
                 ("Korvan Energy", "Delmar Power", None, Decimal("0.39")), id="its-hung-on-the-number"),  # "its" on "39"
    pytest.param("Halden Capital is to buy a 6 per cent stake in KoloPower-owner Vessa Energy for $2.2 billion.",
                 ("Vessa Energy", "KoloPower", None, None), id="a-hyphened-owner-before-a-name"),  # session 21
    pytest.param("Halden Capital is to buy a stake in Delmar Power parent Vessa Energy.",
                 ("Vessa Energy", "Delmar Power", None, None), id="a-parent-before-a-name"),
    pytest.param("Kessa Mining will build the Orvo copper smelter. Banco Austral is providing $300 million for the smelter, "
                 "with the Japanese lender Hoshimi Trust Bank contributing $125 million.",
                 ("Hoshimi Trust Bank", "Orvo copper smelter", Decimal("125000000"), None),
                 id="a-descriptor-before-a-name-holds-nothing"),  # guard: "lender" names no holding of the bank
    pytest.param("Tarvo Precision will invest 120 billion yen in Kessa Electric, taking a 55% stake in the TV maker.",
                 ("Tarvo Precision", "Kessa Electric", Decimal("120000000000"), Decimal("0.55")), id="invest-taking-a-stake"),
    pytest.param("Tarvo Precision agreed to invest 120 billion yen in Kessa Electric for a 55% stake.",
                 ("Tarvo Precision", "Kessa Electric", Decimal("120000000000"), Decimal("0.55")), id="invest-for-a-stake"),
    pytest.param("Kessa Electric will issue new shares worth 120 billion yen to Tarvo Precision, giving it a 55% stake.",
                 ("Tarvo Precision", "Kessa Electric", Decimal("120000000000"), Decimal("0.55")), id="shares-issued-to-an-investor"),
    pytest.param("Kessa Power will be 51% owned by Halvard Energy, with Orvik Capital holding the rest.",
                 ("Orvik Capital", "Kessa Power", None, Decimal("0.49")), id="the-rest-of-a-stated-share"),
    pytest.param("Halvard Energy will hold 60% of the Kolo Wind venture, with Orvik Capital owning the remainder.",
                 ("Orvik Capital", "Kolo Wind venture", None, Decimal("0.4")), id="the-remainder-of-a-share-of"),
    pytest.param("Kessa Power became a wholly owned subsidiary of Halvard Energy in 2019.",
                 ("Halvard Energy", "Kessa Power", None, Decimal("1")), id="became-a-wholly-owned-subsidiary-of"),
    pytest.param("Orvik Capital, a 30% shareholder in Tessa Foods, voted against the plan.",
                 ("Orvik Capital", "Tessa Foods", None, Decimal("0.3")), id="a-percent-shareholder-in"),
    pytest.param("Kessa Dairy bought out its partner's 50% of their joint venture, Lume Milk, paying $40 million to Tarvo "
                 "Foods.", ("Kessa Dairy", "Lume Milk", Decimal("40000000"), Decimal("1")),
                 id="bought-out-a-partner-s-share"),  # session 24: the stake is what the buy-out leaves, all of it
]


@pytest.mark.parametrize(("text", "want"), ROUND8)
def test_round8_constructions(text, want):
    got = _rows(text)
    assert want in got, got


def test_a_percentage_elsewhere_in_the_clause_is_not_the_description_s():
    """A described holding takes only the share stated on its own words, not the deal's."""
    text = "Norvell Power bought 20% of Kessa Grid from its subsidiary Tarvo Energia."
    got = {(f.investor.name, f.target.name): f.stake for f in _facts(text)}
    assert got.get(("Norvell Power", "Tarvo Energia")) is None, got


def test_a_raised_holding_is_a_fact_beside_the_share_first_bought():
    """issue 7: one fact per pair and sum kept the first share and dropped the holding raised later."""
    text = ("Tarsen Telecom bought 40% of Kavo Mobile in 2021. Tarsen has since raised its holding in Kavo Mobile "
            "to 65 per cent through share purchases on the exchange.")
    assert {f.stake for f in _facts(text) if f.target.name == "Kavo Mobile"} == {Decimal("0.4"), Decimal("0.65")}


def test_a_holding_raised_to_a_share_takes_that_share_not_the_one_bought_before():
    """issue 7: "its holding" named the earlier 40% and gave the raise that share."""
    text = "Tarsen Telecom bought 40% of Kavo Mobile in 2021. Tarsen has since raised its holding to 65 per cent."
    assert {f.stake for f in _facts(text) if f.target.name == "Kavo Mobile"} == {Decimal("0.4"), Decimal("0.65")}


def test_the_owner_of_a_plan_to_build_builds():
    """issue 7: "Its plan to build Y has been postponed": the infinitive's subject is the plan's possessor."""
    text = ("Kinoshima Corp is building a data centre in Lodz. Its separate plan to build a 60 MW facility in Gdansk "
            "has been postponed until 2027.")
    assert any(f.investor.name == "Kinoshima Corp" and "facility" in f.target.name for f in _facts(text)), _facts(text)


def test_a_conjoined_clause_s_stake_is_not_the_first_clause_s():
    """A share taken in "… and in 2021 it acquired a 25% stake in Z" is Z's, not the plant's built before."""
    text = "Halden Power built the Kolo coal plant in 2003, and in 2021 it acquired a 25% stake in the Tesh geothermal project."
    assert all(f.stake is None for f in _facts(text) if "Kolo" in f.target.name), _facts(text)


@pytest.mark.parametrize(("text", "amount"), [
    pytest.param("The $2 billion Dalvik coal plant was built by Halvard Power, a joint venture of Kessa Energy and "
                 "Orvik Capital.", None, id="the-asset-s-cost-is-not-the-venture-s"),
    pytest.param("The plant was built by Halvard Power, a $500 million joint venture of Kessa Energy and Orvik Capital.",
                 Decimal("500000000"), id="the-venture-s-own-sum"),
])
def test_a_joint_venture_in_apposition_states_only_its_own_sum(text, amount):
    got = {(f.investor.name, f.amount.value if f.amount else None) for f in _facts(text) if f.target.name == "Halvard Power"}
    assert got == {("Kessa Energy", amount), ("Orvik Capital", amount)}, got


def test_issue_7_a_common_asset_is_not_the_paragraph_s_topic():
    """A lender's bare sum goes to the named project the paragraph is about, not to the "transmission
    lines" a grant in the sentence before was for (session 9)."""
    text = ("Norland on Monday signed loan agreements worth $900 million for the Vesta River hydropower project. "
            "The Pacific Lending Bank is lending $400 million. Southern Fund is providing a further $250 million loan "
            "together with a $60 million grant for transmission lines. Japan's Kuro Agency signed a ¥18 billion concessional loan.")
    targets = {f.investor.name: f.target.name for f in _facts(text)}
    assert targets["Kuro Agency"] == "Vesta River hydropower project", targets


def test_issue_7_a_sum_promised_to_a_government_for_a_project_goes_to_the_project():
    """"gave a commitment to the State government to invest $X to set up Y": the government is who
    was promised, not what was invested in (session 9)."""
    text = ("Orlex on Monday gave a commitment to the Tamar Nadu government to invest Rs 1,600 crore "
            "to set up a manufacturing facility in Kanpur district.")
    assert {(f.investor.name, f.target.name) for f in _facts(text)} == {("Orlex", "manufacturing facility in Kanpur district")}


@pytest.mark.parametrize(("text", "government"), [
    pytest.param("The Tamar Nadu government signed an accord with Orlex.", "Government of Tamar Nadu", id="region-tagged-a-person"),
    pytest.param("The Vela Pradesh government signed an accord with Orlex.", "Government of Vela Pradesh", id="region-not-tagged"),
    pytest.param("The Modi government signed an accord with Orlex.", None, id="a-leader-s-government-is-no-region"),
])
def test_issue_7_a_regional_government_is_a_government_body(text, government):
    bodies = {m.actor.name for m in extract_document(make_document(text)).mentions if m.actor.kind.value == "government body"}
    assert bodies == ({government} if government else set()), bodies


CONSORTIUM_WORDING = [
    pytest.param("The Dravon Development Bank, the Export-Import Bank of Dravon and Norland Commercial Bank signed loan "
                 "agreements worth $1.5 billion for the Talwar power plant.",
                 {("Dravon Development Bank", "Talwar power plant"), ("Export-Import Bank of Dravon", "Talwar power plant"),
                  ("Norland Commercial Bank", "Talwar power plant")}, id="a-list-of-names-the-parser-nested"),
    pytest.param("Financing for the Talwar power plant was provided by a syndicate of lenders comprising the Dravon "
                 "Development Bank, the Export-Import Bank of Dravon and Norland Commercial Bank.",
                 {("Dravon Development Bank", "Talwar power plant"), ("Export-Import Bank of Dravon", "Talwar power plant"),
                  ("Norland Commercial Bank", "Talwar power plant")}, id="a-syndicate-comprising-a-list"),
    pytest.param("The rest comes from a commercial tranche of US$350 million provided jointly by Crescent Bank of Tarsa, "
                 "Standard Meridian Bank, the Islamic lender Al-Baraka Finance House, Karna Bank and the Dutch lender "
                 "Noordzee Bank for the Tarsa power plant.",
                 {(bank, "Tarsa power plant") for bank in ("Crescent Bank of Tarsa", "Standard Meridian Bank",
                                                           "Al-Baraka Finance House", "Karna Bank", "Noordzee Bank")},
                 id="a-list-with-descriptions-between-its-names"),
    pytest.param("Harlow Capital, together with Vega Infrastructure Partners and Mediterra, will acquire 90% of Vantor Ports.",
                 {("Harlow Capital", "Vantor Ports"), ("Vega Infrastructure Partners", "Vantor Ports"), ("Mediterra", "Vantor Ports")},
                 id="together-with"),
    pytest.param("Harlow Capital, along with Vega Infrastructure Partners, will acquire 90% of Vantor Ports.",
                 {("Harlow Capital", "Vantor Ports"), ("Vega Infrastructure Partners", "Vantor Ports")}, id="along-with"),
    pytest.param("Talwar Power signed a $1.5 billion loan facility agreement with a consortium of six banks led by the "
                 "Dravon Development Bank.", {("Dravon Development Bank", "Talwar Power")}, id="a-facility-agreement-with-a-led-group"),
]


@pytest.mark.parametrize(("text", "pairs"), CONSORTIUM_WORDING)
def test_issue_7_every_member_a_consortium_sentence_names_invests(text, pairs):
    """Session 9: lenders and buyers listed in the ways consortium news lists them, each an investor."""
    assert {(f.investor.name, f.target.name) for f in _facts(text)} == pairs


def test_issue_7_a_sized_project_is_never_the_country_it_is_in():
    """Session 9: "plans for a $233 million project to produce cathodes in Chile" made Chile the
    target: a sized asset's target is the asset, else there is none."""
    text = "Tarsun told reporters it has withdrawn plans for a $233 million project to produce lithium cathodes in Chile."
    assert all(f.target.name != "Chile" for f in _facts(text)), _facts(text)


@pytest.mark.parametrize(("text", "amounts"), [
    pytest.param("TOKYO, June 2, 2025 - Kurogane agreed to buy Shimanto for ¥388.8bn.", {("388800000000", "JPY")},
                 id="a-yen-sign-in-a-report-from-japan"),
    pytest.param("SHANGHAI, June 2, 2025 - Kurogane agreed to buy Shimanto for ¥388.8bn.", {("388800000000", "CNY")},
                 id="a-yuan-sign-in-a-report-from-china"),
    pytest.param("TOKYO, June 2, 2025 - Kurogane will offer ¥2,450 a share in cash for Shimanto.", set(),
                 id="a-price-per-share-is-no-sum"),
    pytest.param("Delmar Ports will issue 338 million shares at €5.63 each to Norvik Holdings.", set(),
                 id="a-price-at-so-much-each-is-no-sum"),
    pytest.param("Orvany has taken several yen loans from Kestrel Cooperation Agency. The agency later lent "
                 "¥75.2bn to Orvany for the first phase of the Tarn metro line.", {("75200000000", "JPY")},
                 id="a-yen-sign-in-a-report-that-names-the-yen"),
])
def test_issue_7_what_a_sum_is_read_from_the_whole_report(text, amounts):
    """Session 9: "¥" was read from its sentence alone (a Tokyo dateline made it yuan), and a price
    per share was taken for the deal's sum."""
    assert {(str(f.amount.value), f.amount.currency) for f in _facts(text) if f.amount} == amounts


@pytest.mark.parametrize(("text", "pair"), [
    pytest.param("The National Treasury said the loan was signed. The Kenyan government has committed KSh4.2 billion "
                 "of its own money to the Ndarugu dam.", ("Government of Kenya", "Ndarugu dam"),
                 id="a-government-named-by-its-country-is-no-earlier-body"),
    pytest.param("CAIRO, Oct 7, 2025 - Kaya Home Appliances will build a $220 million factory in Egypt's 10th of Ramadan "
                 "City, its first plant outside Turkey, the company said on Tuesday.", ("Kaya Home Appliances", "factory in Egypt"),
                 id="a-place-in-an-apposition-does-not-place-the-asset"),
])
def test_issue_7_names_read_on_blind7(text, pair):
    """Session 9, found on a new blind set: "the Kenyan government" resolved to the last government
    body named, and a factory took its place from "its first plant outside Turkey"."""
    assert pair in {(f.investor.name, f.target.name) for f in _facts(text)}, _facts(text)


@pytest.mark.parametrize(("text", "holding"), [
    pytest.param("Mizunami Life, Shimanto's second-largest shareholder with an 8.2 per cent stake, has signed a tender "
                 "agreement with Kurogane.", ("Mizunami Life", Decimal("0.082")), id="with-a-stake"),
    pytest.param("The offer has been backed by Orrick Partners, Tavella Mining's largest shareholder with 18%.",
                 ("Orrick Partners", Decimal("0.18")), id="with-a-bare-percentage"),
])
def test_issue_7_a_shareholder_with_a_stake_holds_that_share(text, holding):
    """Session 9 (blind7): "Y's second-largest shareholder with an 8.2 per cent stake" lost its share;
    session 26 (blind24): so did "… with 18%"."""
    assert holding in {(f.investor.name, f.stake) for f in _facts(text)}, _facts(text)


def test_issue_7_another_share_is_of_what_a_share_before_it_was_of():
    """Session 26 (blind24): "X, Y's largest shareholder with 18%, …; Z holds another 12%" gave Z no
    holding: a bare share takes the target of a share told earlier in its sentence."""
    text = "Orrick Partners, Tavella Mining's largest shareholder with 18 per cent, has two seats on the board; the Kelso Pension Fund holds another 12%."
    assert ("Kelso Pension Fund", "Tavella Mining", Decimal("0.12")) in {(f.investor.name, f.target.name, f.stake) for f in _facts(text)}


@pytest.mark.parametrize(("text", "facts"), [
    pytest.param("A year later, Hua Export Credit Bank and Norland's Federal Ministry of Finance signed a $1.2 billion loan "
                 "agreement for the first section between Ibadan and Ilorin.",
                 {("Hua Export Credit Bank", "first section between Ibadan and Ilorin", None)}, id="the-borrower-signing-with-the-lender-lends-nothing"),
    pytest.param("Kaya is 41.5 per cent owned by the Kayalar family, with the rest traded in Istanbul.",
                 {("Kayalar family", "Kaya", Decimal("0.415"))}, id="a-family-named-by-its-surname-holds"),
])
def test_issue_7_who_holds_and_who_lends_on_blind7(text, facts):
    """Session 9 (blind7): a borrowing ministry conjoined with its lender was a lender too; "the X
    family" was no actor."""
    assert {(f.investor.name, f.target.name, f.stake) for f in _facts(text)} == facts


def test_issue_7_the_government_with_none_named_is_the_article_s_country():
    """Session 9 (blind7): "The federal government had approved state aid of €3.1 billion for the plant"
    lost its investor when no government was named before."""
    text = ("BERLIN, 26 Feb 2025 - Veridon has postponed its planned EUR8.2 billion chip plant near Stendal in Germany. "
            "The federal government had approved state aid of EUR3.1 billion for the plant in 2024.")
    assert ("Germany", Decimal("3100000000")) in {(f.investor.name, f.amount.value if f.amount else None) for f in _facts(text)}


@pytest.mark.parametrize("text", [
    pytest.param("But Chinese lending to Africa has fallen sharply since 2019, and several projects have been scaled back.",
                 id="lending-has-fallen"),
    pytest.param("Chinese investment in Serbia rose 12 per cent last year.", id="investment-rose"),
])
def test_issue_7_a_trend_in_deals_is_no_deal(text):
    """Session 9 (blind7): "Chinese lending to Africa has fallen" was a loan from China to Africa."""
    assert _facts(text) == []


def test_issue_7_companies_of_two_nationalities_are_no_one_country():
    """Session 9 (blind7): "Chinese and Turkish textile companies together pledged $1bn" was China's pledge."""
    text = "In 2024 Chinese and Turkish textile companies together pledged more than $1bn in factories in the Suez Canal Economic Zone."
    assert all(f.investor.name not in {"China", "Turkey"} for f in _facts(text)), _facts(text)


def test_issue_7_an_ownership_a_deal_ends_was_of_the_deal_s_target():
    """Session 9: "taking an 80 per cent stake in Y, ending X's 14-year ownership": X held Y (a
    background holding the gold counts), not nothing."""
    text = ("The takeover sees the Harran Wealth Fund taking an 80 per cent stake in Kessel United, ending retail "
            "tycoon Mark Ashford's 14-year ownership.")
    assert ("Mark Ashford", "Kessel United") in {(f.investor.name, f.target.name) for f in _facts(text)}


def test_issue_7_a_subsidiary_named_by_its_owner_is_no_holding_of_the_paragraph_s_topic():
    """Session 9: "a credit line arranged for X's Mexican subsidiary" is no holding of the plant the
    paragraph is about."""
    text = ("Jiang Motors has postponed its Mexico EV plant. The delay also puts on hold a 5 billion peso credit line that "
            "Banco Norte had arranged for Jiang's Mexican subsidiary.")
    assert ("Jiang Motors", "Mexico EV plant", "existing holding") not in {(f.investor.name, f.target.name, f.kind) for f in _facts(text)}


def test_issue_7_a_word_of_a_company_s_name_is_no_asset_of_the_lede():
    """Session 10 (blind7): "Velmar Rail Group … will invest $150 million in a maintenance depot"
    gave the sum to an asset "Rail", read out of the company's name."""
    text = "Velmar Rail Group will invest $150 million in a maintenance depot at Ostrel, the company said in 2025."
    assert all(f.target.name != "Rail" for f in _facts(text)), _facts(text)


def test_issue_7_a_sum_for_something_unnamed_is_not_the_first_clause_s_asset():
    """Session 10 (blind7): "lent $210m for a transmission line …, and it approved a $95m grant for
    flood defences" gave the grant to the transmission line."""
    text = ("The Harth Development Bank provided a $210 million loan in 2019 for a transmission line linking the city to "
            "the grid, and it approved a $95 million grant in March 2025 for flood defences along the Ostrel river.")
    rows = _rows(text)
    assert ("Harth Development Bank", "transmission line", Decimal("210000000"), None) in rows
    assert all(amount != Decimal("95000000") or target != "transmission line" for _, target, amount, _ in rows)


def test_issue_7_a_sum_in_loans_still_funds_the_paragraph_s_asset():
    """Session 10: "in 20-year loans" says how the sum is lent, not what it is for."""
    text = ("Solvane Power will build the Wadi Kora solar plant in Oman. Norrland Bank and Banco Pellar are providing "
            "$1.2 billion in 20-year loans, the company said in 2025.")
    assert ("Norrland Bank", "Wadi Kora solar plant", Decimal("1200000000"), None) in _rows(text)


def test_issue_7_a_name_set_off_before_the_verb_is_its_subject():
    """Session 10 (blind8): "Suryoday, for its part, bought the Kutch wind portfolio …" had no buyer
    (the parser hung the name on the verb as a modifier) and no target ("portfolio")."""
    text = ("Suryoday Green Energy agreed to merge with Aravalli Power. Suryoday, for its part, bought the 450-megawatt "
            "Kutch wind portfolio from the British developer Pennine Renewables for 3,150 crore rupees in 2023.")
    assert ("Suryoday Green Energy", "Kutch wind portfolio", Decimal("31500000000"), None) in _rows(text)


def test_issue_7_a_later_finite_stake_raise_is_not_the_share_bought():
    """Session 10 (blind8): "bought 40 per cent of Y in 2020 for $115m, and raised its holding to 65 per
    cent in 2023" gave the $115m purchase the later 65%."""
    text = ("Haedong Port & Logistics bought 40 per cent of Hai Phong Gateway Terminal from Bach Dang Shipping Corp in 2020 "
            "for $115 million, and raised its holding to 65 per cent in 2023.")
    assert ("Haedong Port & Logistics", "Hai Phong Gateway Terminal", Decimal("115000000"), Decimal("0.4")) in _rows(text)


def test_issue_7_a_sum_in_local_currency_still_funds_the_paragraph_s_asset():
    """Session 10 (blind8): "X is providing 150 billion tenge in local currency" read "local currency"
    as what the sum was for, and lost the smelter the loans before went to."""
    text = ("Sarybel Copper will build a new smelter near Pavlodar. The Eurasian Reconstruction Bank is lending US$400 million, "
            "and the state-owned Steppe Development Bank is providing 150 billion tenge in local currency.")
    assert ("Steppe Development Bank", "smelter near Pavlodar") in {(r[0], r[1]) for r in _rows(text)}, _rows(text)


def test_issue_7_an_apposition_describes_the_name_right_before_its_comma():
    """Session 10 (blind8): "the takeover of Y by X, a company controlled by Z": the parser hung the
    apposition on Y, and Z became Y's owner."""
    text = ("Australia's federal government on Tuesday blocked the A$1.45 billion takeover of Wanarra Lithium by Crestwater "
            "Resources, a company controlled by the Hong Kong businessman Leung Wai-kit.")
    pairs = {(r[0], r[1]) for r in _rows(text)}
    assert ("Leung Wai-kit", "Crestwater Resources") in pairs and ("Leung Wai-kit", "Wanarra Lithium") not in pairs


def test_issue_7_the_government_is_the_government_named_before():
    """Session 10: "the Quebec government … the government is cutting its losses after spending $510
    million" gave the sum to no one or to a country named since."""
    text = ("The Quebec government backed the Tarvo battery factory in 2023. Tarvo is owned by Halden Capital of Hong Kong. "
            "Minister Lea Roy said the government had spent $510 million on the factory.")
    assert ("Government of Quebec", "Tarvo battery factory") in {(r[0], r[1]) for r in _rows(text)}, _rows(text)


def test_issue_7_it_in_a_clause_about_a_deal_is_the_deal_s_owner():
    """Session 10 (blind8): "The deal is X's largest since 2021, when it lent $350m to Y": "it" was
    the deal (no actor) or the company named the sentence before."""
    text = ("Sarybel Copper signed a $1.4 billion syndicated loan on Tuesday. The deal is the Eurasian Reconstruction Bank's "
            "largest in Kazakhstan since 2021, when it lent US$350 million to the state railway for new locomotives.")
    assert ("Eurasian Reconstruction Bank", "state railway", Decimal("350000000"), None) in _rows(text), _rows(text)


def test_issue_7_a_name_given_after_a_comma_names_the_new_company():
    """Session 10 (blind8): "X will own 60 per cent of the new company, to be called Y" lost its
    target: the parser hung "to be called Y" on a word far before."""
    text = ("The partners signed a joint venture agreement in Riyadh under which Sahab Cloud will own 60 per cent of the new "
            "company, to be called Sahab Thornbury Digital, and Thornbury Data the rest.")
    assert ("Sahab Cloud", "Sahab Thornbury Digital", None, Decimal("0.6")) in _rows(text), _rows(text)


def test_issue_7_a_name_after_a_comma_renames_the_owner_the_parser_left_behind():
    """Session 10 (blind8): "Y is 62 per cent owned by its founder, the businessman X, …": the
    parser hung X on the copula as a second attribute, and the owner stayed "its founder"."""
    text = ("Sarybel Copper is 62 per cent owned by its founder, the businessman Yerlan Sadykov, and 20 per cent by the state "
            "holding company Tulpar National Holding, with the rest traded on the exchange.")
    assert ("Yerlan Sadykov", "Sarybel Copper", None, Decimal("0.62")) in _rows(text), _rows(text)


@pytest.mark.parametrize(("text", "target"), [
    pytest.param("Wisloport Energia sold its heating business in Lodz to Chaleur Urbaine Europe for 1.3 billion zloty in 2024.",
                 "heating business in Lodz of Wisloport Energia", id="its-business-in-a-city"),
    pytest.param("Last month Lyten said it was acquiring Northvolt's assets in Sweden and Germany.",
                 "Northvolt's assets in Sweden and Germany", id="a-named-owner-s-assets-in-two-countries"),
])
def test_issue_7_where_a_holding_is_belongs_to_its_name(text, target):
    """Session 10 (blind8): "its heating business in Lodz" was named "heating business of X", and
    an article that names it by its city did not find it."""
    assert target in {f.target.name for f in _facts(text)}, _facts(text)


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("The Varda Bank has approved a $250 million loan for the $2bn Tessel power line.",
                 [("Varda Bank", "Tessel power line", 250_000_000, None)], id="a-loan-for-a-sized-line"),
    pytest.param("Tarsk Energy will invest $500m to build a $2bn power plant near Kolbu.",
                 [("Tarsk Energy", "power plant near Kolbu", 500_000_000, None)], id="a-share-of-a-sized-plant"),
    pytest.param("Tarsk Energy will build a $2bn power plant near Kolbu.",
                 [("Tarsk Energy", "power plant near Kolbu", 2_000_000_000, None)], id="a-sized-plant-alone"),
    pytest.param("The Kestrel Development Bank financed the $2bn Orsk dam.",
                 [("Kestrel Development Bank", "Orsk dam", None, None)], id="a-lender-of-a-sized-dam"),
    pytest.param("The Kestrel Development Bank is the main financier of the $2bn Orsk dam.",
                 [("Kestrel Development Bank", "Orsk dam", None, None)], id="the-financier-of-a-sized-dam"),
    pytest.param("Tarsk Energy will build the Orsk dam. The $2bn Orsk dam will be the largest in the country.",
                 [("Tarsk Energy", "Orsk dam", 2_000_000_000, None)] * 2, id="the-builder-takes-the-size-told-later"),
])
def test_issue_7_an_asset_s_size_is_no_second_sum(text, rows):
    """Session 11: "a $250m loan for the $2bn line" gave the lender a second fact of $2bn, the
    line's cost read as a sum it puts in."""
    assert _rows(text) == rows


BUILDER = "Tarsk Energy is building a battery plant in Kolbu. "


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param(BUILDER + "Part of that money will come from a $250 million credit line provided by Corvane Bank and Melso Bank.",
                 [("Tarsk Energy", "battery plant in Kolbu", None, None),
                  ("Corvane Bank", "battery plant in Kolbu", 250_000_000, None),
                  ("Melso Bank", "battery plant in Kolbu", 250_000_000, None)], id="a-credit-line-provided-by-two-banks"),
    pytest.param(BUILDER + "The rest comes from a tranche of $350 million provided jointly by Corvane Bank, Melso Bank and Noord Bank.",
                 [("Tarsk Energy", "battery plant in Kolbu", None, None),
                  ("Corvane Bank", "battery plant in Kolbu", 350_000_000, None),
                  ("Melso Bank", "battery plant in Kolbu", 350_000_000, None),
                  ("Noord Bank", "battery plant in Kolbu", 350_000_000, None)], id="a-tranche-provided-jointly"),
    pytest.param(BUILDER + "The financing for the first phase includes a €90 million term loan from Varda Credit Ltd.",
                 [("Tarsk Energy", "battery plant in Kolbu", None, None),
                  ("Varda Credit Ltd.", "battery plant in Kolbu", 90_000_000, None)], id="a-lender-s-sum-is-not-the-builder-s"),
    pytest.param("Tarsk Energy will build a battery plant in Kolbu, which would receive a $13 billion subsidy.",
                 [("Tarsk Energy", "battery plant in Kolbu", None, None)], id="a-subsidy-the-plant-receives-is-not-the-builder-s"),
    pytest.param(BUILDER + "Varda Bank will provide subsidies toward the €2.2bn plant.",
                 [("Tarsk Energy", "battery plant in Kolbu", None, None)], id="subsidies-toward-a-sized-plant-state-no-sum"),
])
def test_issue_7_who_provides_a_loan_and_what_it_lends(text, rows):
    """Session 11: a loan noun described by "provided by A and B" had no lenders (a "$250m credit
    line" was read as a line the sum sizes, and a participle's sum was never the loan's); a loan
    from a named lender left its sum unclaimed, so the plant's builder took it; a grant with no sum
    of its own took the plant's size."""
    assert _rows(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Norvik Holdings is set to acquire Delmar Ports in a deal valued at $1.2 billion.",
                 [("Norvik Holdings", "Delmar Ports", 1_200_000_000, None)], id="is-set-to-acquire"),
    pytest.param("Norvik Holdings is expected to buy a 30% stake in Delmar Ports.",
                 [("Norvik Holdings", "Delmar Ports", None, Decimal("0.3"))], id="is-expected-to-buy"),
])
def test_issue_7_the_subject_of_a_passive_raising_verb_does_the_deal(text, rows):
    """Session 11: "X is set to acquire Y" had no investor: the subject of a passive verb was not
    passed down to the infinitive it completes."""
    assert _rows(text) == rows


@pytest.mark.parametrize("text", [
    pytest.param("Delmar Ports' board rejected a $1.2 billion offer from Norvik Holdings.", id="rejected-by-its-board"),
    pytest.param("Delmar Ports is considering a $1.2 billion offer from Norvik Holdings.", id="considering"),
])
def test_issue_7_who_receives_an_offer_is_its_target(text):
    """Session 11: an offer "from X" that Y rejects or weighs named no target."""
    assert _rows(text) == [("Norvik Holdings", "Delmar Ports", 1_200_000_000, None)]


def test_issue_7_a_headline_s_sum_completes_the_body_s_fact():
    """Session 11: "X to lend $500m for Y" over "X has agreed to provide financing for Y" gave two
    facts, one without the sum; they are one fact told in two sentences."""
    text = ("Kestrel Bank to lend $500m for Tarsk metro\n\nThe Kestrel Development Bank has agreed to provide "
            "financing for the second phase of the Tarsk metro, officials said.")
    assert set(_rows(text)) == {("Kestrel Development Bank", "Tarsk metro", 500_000_000, None)}


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Sinovia Mining took over the Orsk copper mine in 2018, pledging to invest $1.26 billion over six years.",
                 [("Sinovia Mining", "Orsk copper mine", None, None), ("Sinovia Mining", "Orsk copper mine", 1_260_000_000, None)],
                 id="a-takeover-and-the-pledge-beside-it"),
    pytest.param("Sinovia Mining bought the Orsk copper mine in 2018, paying $1.26 billion.",
                 [("Sinovia Mining", "Orsk copper mine", 1_260_000_000, None)], id="paying-is-the-same-deal"),
    pytest.param("Baykar will invest 300 million euros in Piaggio Aerospace's plants.",
                 [("Baykar", "Piaggio Aerospace", 300_000_000, None)], id="a-named-owner-s-plants"),
])
def test_issue_7_a_promise_beside_a_deal_is_a_deal_of_its_own(text, rows):
    """Session 11: "took over Y, pledging to invest $1.26bn" gave the takeover the pledged sum (and then
    the pledge swallowed the takeover); "X's plants", unnamed, named no target as "the plants of X" does."""
    assert _rows(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Falcon Ridge opened a solar plant at Cikalong, which Falcon Ridge built at a cost of $140 million.",
                 [("Falcon Ridge", "solar plant at Cikalong", 140_000_000, None)], id="a-place-on-the-verb"),
    pytest.param("Orvo Power runs a solar plant near Tessel, which Falcon Ridge built for $140 million.",
                 [("Falcon Ridge", "solar plant near Tessel", 140_000_000, None)], id="a-place-on-the-plant"),
])
def test_issue_7_a_relative_clause_after_a_place_describes_the_asset(text, rows):
    """Session 11: "a plant at X, which Y built for $140m" made the place X the asset Y built."""
    assert [r for r in _rows(text) if r[0] == "Falcon Ridge"] == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Members of the Kessa Metalworkers Union held a protest outside the foundry in Zenica.", [], id="held-a-protest"),
    pytest.param("Orvo Steel held talks with the owners of the foundry in Zenica.", [], id="held-talks"),
    pytest.param("Sinovia Mining holds an 80% interest in the Orsk copper mine.",
                 [("Sinovia Mining", "Orsk copper mine", None, Decimal("0.8"))], id="holds-an-interest"),
])
def test_issue_7_holding_an_event_owns_nothing(text, rows):
    """Session 11: "the union held a protest outside the foundry in Zenica" made the union an owner of the town."""
    assert _rows(text) == rows


def test_issue_7_the_rest_one_does_not_own_is_bought_for_the_sum():
    """Session 11: the parser hangs "for $800m" on "it does not already own"; a negated holding states
    no deal of its own, so its clause does not keep the sum from the purchase. Session 13: the stake
    is the holding the deal leaves, all of Delmar Ports (the gold's convention), not the 70% bought."""
    text = "Norvik Holdings agreed to buy the 70% of Delmar Ports it does not already own for $800 million."
    assert _rows(text) == [("Norvik Holdings", "Delmar Ports", 800_000_000, Decimal("1"))]


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("Dalmar Terminals has bought out its local partner in Kessa Harbour Services.",
                 ("Dalmar Terminals", "Kessa Harbour Services", None, Decimal("1")), id="bought-out-a-partner-in-y"),
    pytest.param("Dalmar Terminals has bought out its local partner in Kessa Harbour Services, lifting its stake in the company "
                 "that runs the wharf to 90 per cent.", ("Dalmar Terminals", "Kessa Harbour Services", None, Decimal("0.9")),
                 id="the-share-it-is-lifted-to"),
])
def test_issue_7_buying_out_a_partner_in_y_buys_into_y(text, row):
    """Session 26 (blind24): "bought out its local partner in Y" had no target (the partner is no
    asset); the "to 90 per cent" the parser hung inside the stake's phrase is the share it leaves."""
    assert row in _rows(text), _rows(text)


def test_issue_7_a_further_share_leaves_what_was_held_and_what_is_bought():
    """Session 26 (blind24): "X, which already owns 14.2% of Y, agreed to buy a further 36.8%" gave
    the deal the share bought; the stake is the holding the deal leaves (the gold's convention)."""
    text = "Tarvo Lithium, which already owns 14.2% of Lume Andino, agreed to buy a further 36.8% from Kessa Capital for $900 million."
    assert ("Tarvo Lithium", "Lume Andino", 900_000_000, Decimal("0.51")) in _rows(text)


@pytest.mark.parametrize(("text", "lent_to"), [
    pytest.param("Norvik Holdings agreed to buy Delmar Ports. The purchase will be financed with an acquisition loan of "
                 "$850 million to Norvik Bidco from four banks. Kessa Bank and Orvo Bank are each providing $300 million.",
                 {("Kessa Bank", "Norvik Bidco"), ("Orvo Bank", "Norvik Bidco")}, id="the-borrower-told-before"),
    pytest.param("Kolbu Mining will build the Tarsk copper smelter. The smelter will be financed with a loan of "
                 "$850 million to Kolbu Mining from four banks. Kessa Bank and Orvo Bank are each providing $300 million.",
                 {("Kessa Bank", "Tarsk copper smelter"), ("Orvo Bank", "Tarsk copper smelter")}, id="a-project-beats-the-borrower"),
    pytest.param("Vantro Cloud raised $900 million from two investors. Kessa Capital put in $300 million for a 25 per cent "
                 "stake, while Orvo Partners invested $300 million.",
                 {("Kessa Capital", "Vantro Cloud"), ("Orvo Partners", "Vantro Cloud")}, id="equity-raised-from-unnamed-investors"),
])
def test_issue_7_lenders_of_a_loan_told_before_lend_to_its_borrower(text, lent_to):
    """Session 11: lenders' sums in the sentence after "a loan of $850m to X from four banks" had no
    target; they go to X where no project is the paragraph's topic. Session 26: so do investors' sums
    after "X raised $900m from two investors"."""
    assert {(f.investor.name, f.target.name) for f in _facts(text) if f.amount and f.amount.value == 300_000_000} == lent_to


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Kestra Board agreed to buy 85 per cent of Trelaw Water for $1.9 billion. Kestra will hold 45 per cent, "
                 "while Piratini Capital will take 25 per cent. The remaining 15 per cent of the shares being sold goes "
                 "to Quilan Investments.", [("Quilan Investments", "Trelaw Water", Decimal("1900000000"), Decimal("0.15"))],
                 id="the-rest-of-the-shares-sold-goes-to"),
    pytest.param("The remaining 15% stake in Trelaw Water goes to Quilan Investments.",
                 [("Quilan Investments", "Trelaw Water", None, Decimal("0.15"))], id="a-stake-goes-to"),
    pytest.param("The union said it would go to the Labour Court.", [], id="going-to-court-buys-nothing"),
])
def test_issue_7_a_share_that_goes_to_someone_is_bought_by_it(text, rows):
    """Session 11 (frames.json "allocation"): "the remaining 15 per cent … goes to X" named no buyer.
    Session 14: the members' shares (45 + 25 + 15) split the joint 85%, so each takes the joint sum."""
    assert sorted({r for r in _rows(text) if r[0] == "Quilan Investments" or not rows}) == rows


@pytest.mark.parametrize(("text", "vehicle"), [
    pytest.param("Kestra Board will hold 45 per cent of Trelaw Water through a newly formed Chilean holding company, "
                 "Quilan Holdings, while Piratini Capital will take 25 per cent.", "Quilan Holdings", id="a-new-holding-company"),
    pytest.param("Sinovia Mining acquired the Orsk copper mine in 2018 via its Hong Kong-listed arm Kessa Resources for $1.4 billion.",
                 "Kessa Resources", id="via-its-arm"),
])
def test_issue_7_owning_the_company_a_deal_is_done_through_is_implied_not_stated(text, vehicle):
    """Session 11 made "X will hold 45% of Y through a new holding company, Z" say that X owns Z. Session 31
    measured such facts right once in six on the evaluation sets (mostly a family's holding company, which
    the gold leaves out) and takes it back: the text gives no share of Z and no sum for it."""
    owner = _facts(text)[0].investor.name
    assert owner != vehicle and not any(row[:2] == (owner, vehicle) for row in _rows(text))


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("The Thiru family holds 46.3% of Vellan Motors through Anjali Trading & Investments Pvt Ltd.",
                 ("Anjali Trading & Investments Pvt Ltd.", "Vellan Motors", None, Decimal("0.463")), id="a-family-s-vehicle"),
    pytest.param("Kestra Board will hold 45 per cent of Trelaw Water through a newly formed Chilean holding company, "
                 "Quilan Holdings.", ("Quilan Holdings", "Trelaw Water", None, Decimal("0.45")), id="a-new-holding-company"),
])
def test_issue_7_the_company_a_holding_is_held_through_holds_the_shares(text, row):
    """Session 28: "X holds 46.3% of Y through Z": Z is the holder of record of Y's shares; the share was
    given to X alone."""
    assert row in _rows(text)


def test_issue_7_money_given_through_an_agency_holds_no_agency():
    """Session 26 (blind23): "Tarnia is contributing a $40m grant through its Overseas Aid Agency (OAA)"
    made Tarnia the agency's holder."""
    text = "Tarnia is contributing a $40 million grant through its Overseas Aid Agency (OAA), mostly for the new Kessa container yard."
    assert all(f.kind != "existing holding" for f in _facts(text)), _facts(text)
    assert any(f.amount is not None for f in _facts(text))


def test_issue_7_a_relative_pronoun_shared_by_conjoined_verbs():
    """Session 11: in "X, which is listed in Sydney and controlled by Y", the second verb's "which"
    stood for nothing, so Y's holding of X was lost."""
    text = "Thornvale, which is listed in Sydney and controlled by the Canadian infrastructure fund Maple Capital, has been expanding fast."
    assert ("Maple Capital", "Thornvale", None, None) in _rows(text)


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("Kesrow Membrane's other shareholders are Tanbit Pension Fund, which owns 28%, and its managers.",
                 ("Tanbit Pension Fund", "Kesrow Membrane", None, Decimal("0.28")), id="listed-shareholder"),
    pytest.param("Kesrow Membrane is owned by Orca Partners. Its other shareholder is Tanbit Pension Fund, which owns "
                 "a 28% stake.", ("Tanbit Pension Fund", "Kesrow Membrane", None, Decimal("0.28")), id="a-stake-noun"),
])
def test_issue_7_a_shareholder_s_clause_states_its_share(text: str, row: tuple) -> None:
    """Session 28: "Y's shareholders are X, which owns 28%": the share X's own clause states, with no "of"
    (which would name another company), is X's share of Y; it was lost."""
    assert row in _rows(text)


@pytest.mark.parametrize("descriptor", ["miner", "insurer", "rival"])
def test_issue_7_a_sale_to_a_described_buyer_names_the_buyer(descriptor: str) -> None:
    """Session 28: "sold its stake to insurer X" was parsed as an infinitive ("to insure"), so the sale had no buyer."""
    text = f"Tarsk Foods sold its 30% stake in Kelso Mining to {descriptor} Orvan Pirata for $830 million."
    assert ("Orvan Pirata", "Kelso Mining", Decimal("830000000"), Decimal("0.3")) in _rows(text)


def test_issue_7_a_price_in_korean_won_pays_for_the_stake() -> None:
    """Session 28: "will pay 1.14 trillion won for a 62.5% stake in Y" had no fact: "won" was read as a verb."""
    text = "Dorvan Chemical will pay 1.14 trillion won for a 62.5% stake in Kelmar Membrane."
    assert ("Dorvan Chemical", "Kelmar Membrane", Decimal("1140000000000"), Decimal("0.625")) in _rows(text)


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("In March, Brackwell Instruments rejected a 560p-a-share approach from the US buyout group Ridgeway "
                 "Harbour Partners.", ("Ridgeway Harbour Partners", "Brackwell Instruments"), id="a-price-a-share"),
    pytest.param("Kelso Rovers is owned by Ipanema Capital. Last year its board rejected a R$600 million proposal from "
                 "Dubai-based Dunor Sports Holding.", ("Dunor Sports Holding", "Kelso Rovers"), id="its-board-rejected"),
])
def test_issue_7_a_rejected_bid_names_bidder_and_target(text: str, row: tuple[str, str]) -> None:
    """Session 28: a bid priced only per share ("560p a share") stated no sum, so it was no fact; "its board"
    rejecting an offer stood for no one, so the offer had no target."""
    assert row in [r[:2] for r in _rows(text)]


@pytest.mark.parametrize(("text", "invests"), [
    pytest.param("Bolivia finished the Yungas Bajo hydroelectric complex this year. President Ana Quispe on Wednesday "
                 "inaugurated the $655 million complex.", False, id="a-president-opens"),
    pytest.param("Billionaire Ana Quispe built the Yungas Bajo hotel for $40 million.", True, id="a-tycoon-builds"),
])
def test_issue_7_an_official_who_opens_a_plant_invests_nothing(text: str, invests: bool) -> None:
    """Session 28: "President X inaugurated the complex" made the president its investor; an official opens or
    builds for the state, while a person with no state title who builds is the investor."""
    assert any("Ana Quispe" in row[0] for row in _rows(text)) is invests


@pytest.mark.parametrize("text", [
    pytest.param("Kessa Roads Authority awarded a $400 million contract to Orvan Energy to build the Tarn bridge.", id="to-the-contractor"),
    pytest.param("Kessa Roads Authority awarded Orvan Energy a $400 million contract to build the Tarn bridge.", id="dative"),
    pytest.param("The $400 million contract to build the Tarn bridge was awarded to Orvan Energy by Kessa Roads Authority in March.",
                 id="passive"),
])
def test_issue_7_an_awarded_contract_is_no_grant(text: str) -> None:
    """Session 29: "Y awarded a $400m contract to X" read as Y's $400m grant (to the bridge or to X): what the
    giving verb gives is a contract, the price of work, no investment; the agreement between Y and X stays."""
    assert _rows(text) == []
    (agreement,) = extract_document(make_document(text, published="2025-06-01")).agreements
    assert {p.name for p in agreement.parties} == {"Kessa Roads Authority", "Orvan Energy"}


def test_issue_7_a_loan_contract_given_is_a_loan() -> None:
    """Session 29, the guard: a contract named after a deal ("a loan contract") is that deal."""
    text = "Orsk Bank provided a $400 million loan contract to Kessa Roads Authority for the Tarn bridge."
    assert ("Orsk Bank", "Tarn bridge") in [row[:2] for row in _rows(text)]


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("The Kivu Milk board rejected a $48 million offer from Orlen Dairy.", ("Orlen Dairy", "Kivu Milk"), id="the-x-board"),
    pytest.param("Kessa Bank will expand the Kessa Ridge plant. A RM260 million grant toward the expansion has been approved "
                 "by the Tarnian Industrial Growth Board.", ("Tarnian Industrial Growth Board", "Kessa Ridge plant"),
                 id="a-board-s-own-name"),
])
def test_issue_7_a_company_s_board_named_before_it_acts_for_the_company(text: str, row: tuple) -> None:
    """Session 29: "the X board rejected an offer" stood for no one (only "X's board" did); a board whose
    capitalised name holds the words before it ("the Industrial Growth Board") is that body itself."""
    assert row in [r[:2] for r in _rows(text)], _rows(text)


def test_issue_7_a_price_paid_to_a_seller_is_the_price_of_the_holding_told_before() -> None:
    """Session 29 (blind7, read half): "X owns 40% of Y. It paid $38 million to Z, which had held the 40 per
    cent" lost the price: paid to a seller for nothing named, it is the price of the holding just told."""
    rows = _rows("Kaito Energy owns 40% of Lumen Power. It paid $38 million to Tarn Power Ventures, which had held "
                 "the 40 per cent since 2015.")
    assert ("Kaito Energy", "Lumen Power", Decimal("38000000"), Decimal("0.4")) in rows, rows


@pytest.mark.parametrize(("text", "holder"), [
    pytest.param("Dianko Mining owns 80% of Kessa Copper. The other 20% stays with the Republic of Serbia.", "Serbia",
                 id="stays-with"),
    pytest.param("Dianko Mining owns 80% of Kessa Copper. The remaining 20% remains with the state-owned Tarn Holdings.",
                 "Tarn Holdings", id="remains-with"),
])
def test_issue_7_the_share_that_stays_with_a_holder_is_its_holding(text: str, holder: str) -> None:
    """Session 29 (blind30, read half): "the remaining 20% stays with the Republic of X" told no holding (data/frames.json
    "remaining holding")."""
    assert (holder, "Kessa Copper", None, Decimal("0.2")) in _rows(text)


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("Dianko Mining bought Kessa Copper in 2016. Dianko's capital spending at Kessa Copper between 2018 and 2023 came "
                 "to 52.6 billion dinars.", ("Dianko Mining", "Kessa Copper", Decimal("52600000000"), None), id="spending-at"),
    pytest.param("Orvan Energy plans capex of $300 million on its Tarn refinery.",
                 ("Orvan Energy", "Tarn refinery", Decimal("300000000"), None), id="capex-on"),
])
def test_issue_7_capital_spending_is_an_investment(text: str, row: tuple) -> None:
    """Session 29 (blind30, read half): "X's capital spending at Y came to …" told nothing ("spending", "capital
    expenditure" and "capex" were no investment nouns, "at" no target position)."""
    assert row in _rows(text), _rows(text)


@pytest.mark.parametrize("text", [
    pytest.param("Bauxite\n\nIn 2023 Tarvo Capital took full ownership of Asankrom Bauxite Company.", id="took-full-ownership"),
    pytest.param("Bauxite\n\nTarvo Capital has sole ownership of Asankrom Bauxite Company.", id="has-sole-ownership"),
])
def test_issue_7_full_ownership_is_all_of_the_company(text):
    """Session 32 (blind24, blind32 read halves): "full control" was all of Y, "full ownership" no share."""
    assert [(investor, target, stake) for investor, target, _, stake in _rows(text)] == [
        ("Tarvo Capital", "Asankrom Bauxite Company", Decimal(1))]
