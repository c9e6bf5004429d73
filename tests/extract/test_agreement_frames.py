"""Agreement frames (issue 7): every agreement kind and party position on fictitious passages,
and the statements that must state no agreement."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from graph.model import Factuality, PartialDate, Status
from graph.pipeline import build, extract_document
from graph.rdf.namespace import IKG
from tests.conftest import make_document


def _agreements(text: str):
    return extract_document(make_document(text, published="2024-06-12")).agreements


def _named(agreement, name: str) -> bool:
    return any(name in p.name or p.name in name for p in agreement.parties)


# (id, text, two party names, signing date or None)
FRAMES = [
    ("active-subject-with", "Talvora Mining signed a loan agreement with Pellin Bank on 4 March 2022.", ("Talvora Mining", "Pellin Bank"), "2022-03-04"),
    ("a-state-government-the-model-calls-a-nationality", "Kelvo Electronics and the Gujarat government signed a memorandum "
     "of understanding in Gandhinagar on 4 March 2024 covering land and water.", ("Kelvo Electronics", "Gujarat"), "2024-03-04"),
    ("conjoined-signers", "Talvora Mining and Orsk Holdings signed a supply contract in May 2019.", ("Talvora Mining", "Orsk Holdings"), "2019-05"),
    ("passive-by", "The memorandum of understanding was signed by Talvora Mining and Orsk Holdings in June 2021.", ("Talvora Mining", "Orsk Holdings"), "2021-06"),
    ("between-x-and-y", "A framework agreement between Talvora Mining and Orsk Holdings was signed in April 2020.", ("Talvora Mining", "Orsk Holdings"), "2020-04"),
    ("nominal-signing-of-by", "The ceremony marked the signing of the supply contract by Talvora Mining and Orsk Holdings on 3 May 2023.", ("Talvora Mining", "Orsk Holdings"), "2023-05-03"),
    ("participle-signed-with", "Under a concession agreement signed with Brenmoor Ports in 2018, Talvora Mining operates the terminal.", ("Talvora Mining", "Brenmoor Ports"), "2018"),
    ("enter-into", "Talvora Mining entered into a joint venture agreement with Orsk Holdings in 2017.", ("Talvora Mining", "Orsk Holdings"), "2017"),
    ("inked-a-deal", "Talvora Mining inked a deal with Orsk Holdings in January 2020.", ("Talvora Mining", "Orsk Holdings"), "2020-01"),
    ("deal-to-buy-from", "Talvora Mining struck a deal in 2021 to buy the smelter from Orsk Holdings.", ("Talvora Mining", "Orsk Holdings"), "2021"),
    ("ratified-treaty", "Talvora Mining and Orsk Holdings ratified the supplementary agreement on 2 July 2022.", ("Talvora Mining", "Orsk Holdings"), "2022-07-02"),
    ("agreed-with", "Talvora Mining agreed with Orsk Holdings in 2022 to develop a port.", ("Talvora Mining", "Orsk Holdings"), "2022"),
    ("agreed-to-lend", "In 2016, Brenmoor Development Bank agreed to lend Talvora Mining $2 billion.", ("Brenmoor Development Bank", "Talvora Mining"), "2016"),
    ("settled", "Talvora Mining and Orsk Holdings settled the dispute over the port in March 2020.", ("Talvora Mining", "Orsk Holdings"), "2020-03"),
    ("treaty-between-countries", "The border treaty between Peru and Chile was signed on 9 May 2011.", ("Peru", "Chile"), "2011-05-09"),
    # officials sign for the states their titles name (session 15)
    ("ministers-of-x-and-y", "The accord was signed by the transport ministers of Ghana and Peru on 2 May 2023.", ("Ghana", "Peru"), "2023-05-02"),
    ("nationality-ministers", "The memorandum was signed by the Kenyan and Omani energy ministers in 2021.", ("Kenya", "Oman"), "2021"),
    ("minister-and-counterpart", "Chile's trade minister, Rosa Quillen, and her Ghanaian counterpart, Kofi Daramani, signed a framework "
     "agreement on 4 March 2024.", ("Chile", "Ghana"), "2024-03-04"),
    ("participle-on-the-topic", "The agreement on port cooperation, signed in Lima on 9 June 2022 by Talvora Mining and Orsk Holdings, "
     "runs for ten years.", ("Talvora Mining", "Orsk Holdings"), "2022-06-09"),
    ("a-name-ending-in-a-trigger-word", "Talvora Rail Link and Orsk Communications Construction signed a supplementary agreement in 2019.",
     ("Talvora Rail Link", "Orsk Communications Construction"), "2019"),
    ("agentless-participle-takes-the-main-subjects", "Peru and Chile are building a railway. The two governments agreed that "
     "ownership split in an intergovernmental agreement signed in September 2022.", ("Peru", "Chile"), "2022-09"),
    ("the-boards-of-both-companies", "Talvora Bank offered to buy Orsk Mutual Bank. The boards of both banks signed an implementation "
     "agreement in March 2024.", ("Talvora Bank", "Orsk Mutual Bank"), "2024-03"),
    ("an-organisation-named-after-an-asset-signs", "Kenya signed a contract with Calder Rail in 2014.", ("Kenya", "Calder Rail"), "2014"),
    ("the-other-side-hung-on-the-topic", "Talvora Province signed a memorandum of understanding on the initiative with "
     "Orsk Holdings in 2018.", ("Talvora Province", "Orsk Holdings"), "2018"),
    ("a-contract-awarded-to", "Talvora Province awarded a $2 billion contract to Orsk Holdings in 2019 to build the metro.",
     ("Talvora Province", "Orsk Holdings"), "2019"),
    ("a-contract-won-from", "Orsk Holdings won a contract from Talvora Mining in 2020 to build a smelter.",
     ("Talvora Mining", "Orsk Holdings"), "2020"),
    ("a-country-the-model-tags-a-nationality", "Mongolia and Tajikistan signed a water treaty on 4 May 2023.",
     ("Mongolia", "Tajikistan"), "2023-05-04"),
    ("agreed-to-do-with-hung-on-the-object", "Orsk Motors agreed on 3 May 2024 to build a battery plant with Halden Auto in Peru.",
     ("Orsk Motors", "Halden Auto"), "2024-05-03"),
    ("agreed-to-form-a-venture-with", "In March 2023 Orsk Motors agreed to form a joint venture with Halden Auto.",
     ("Orsk Motors", "Halden Auto"), "2023-03"),
    ("passive-by-hung-on-the-occasion", "Peru and Chile signed a trade agreement in Lima on 3 March 2025. A contract to lay "
     "the track was signed at the same ceremony by Orsk Holdings and the Ministry of Transport.",
     ("Orsk Holdings", "Ministry of Transport"), "2025-03-03"),
    ("a-signer-before-a-countrys-body", "Kestrel Export Bank and Peru's Ministry of Finance signed a $1.2 billion loan agreement "
     "in May 2022.", ("Kestrel Export Bank", "Ministry of Finance"), "2022-05"),
    ("a-signer-before-a-countrys-agency-in-apposition", "Chile and Peru signed a trade agreement in Lima on 3 March 2024. On the "
     "same day, Orsk Holdings and Peru's naval procurement agency, Tarnmet, signed a co-operation agreement.",
     ("Orsk Holdings", "Tarnmet"), "2024-03-03"),
    ("the-same-day-as-the-day-told-before", "Peru's first Orsk turbines reached the port of Ilo on Tuesday, officials said. "
     "Peru ordered twelve turbines in 2023.\n\nOn the same day, Orsk Holdings and Peru's state power agency, Tarnmet, signed "
     "a maintenance agreement.", ("Orsk Holdings", "Tarnmet"), "2024-06-11"),
    ("the-company-is-no-body-named-after-a-country", "Peru revokes Orsk mine licence\n\nPeru's environment ministry revoked "
     "the licence of the Tarma gold mine on Wednesday, a day after a march in Lima. Orsk Minerals, the owner of the mine, said "
     "the decision was unfair. Orsk Minerals bought the mine in 2019 for $310 million. Export Credit Peru, which had agreed to "
     "lend $250 million for the mine, said it had cancelled the loan. The company had also signed an investment protection "
     "agreement with Peru's government in 2021.", ("Orsk Minerals", "Peru"), "2021"),
    ("a-descriptors-name-hung-on-the-signer-before-it", "Peru and Brazil signed five memorandums of understanding in Lima on "
     "3 March 2024. The aviation memorandum was signed by Peru's Ministry of Transport and the Brazilian aircraft maker Belmira, "
     "which hopes to sell regional jets to Peruvian carriers.", ("Ministry of Transport", "Belmira"), "2024-03-03"),
    ("the-two-countries-between-which-it-governs-trade", "Chile's foreign minister visited Peru this week. Commerce between the "
     "two countries rests on a trade agreement signed in March 2006, which took effect on 1 January 2007.",
     ("Peru", "Chile"), "2006-03"),
    ("a-signed-loan-is-a-loan-document", "Pellin Bank signed a $85 million loan with Talvora Mining on 3 March 2024.",
     ("Pellin Bank", "Talvora Mining"), "2024-03-03"),
    ("a-borrower-signs-a-credit-with-its-lender", "Talvora Mining signed a €60 million credit with Pellin Bank in May 2023 "
     "for its smelter.", ("Talvora Mining", "Pellin Bank"), "2023-05"),
    ("a-loan-and-a-grant-signed-together", "Pellin Bank last year signed a $85 million loan and a $25 million grant with "
     "Talvora Mining for the Osorno cable.", ("Pellin Bank", "Talvora Mining"), "2023"),
    ("office-holders-sign-for-who-they-serve", "The contract was signed in 2016 by Peru's transport minister and Orsk Holdings' chairman.",
     ("Peru", "Orsk Holdings"), "2016"),
]


@pytest.mark.parametrize(("text", "parties", "date"), [pytest.param(*case[1:], id=case[0]) for case in FRAMES])
def test_agreement_frame_and_party_position(text, parties, date):
    found = [a for a in _agreements(text) if all(_named(a, p) for p in parties)]
    assert found, f"no agreement of {parties} in {_agreements(text)}"
    assert any(a.date is not None and a.date.iso() == date for a in found), [a.date for a in found]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Talvora Mining is in talks with Orsk Holdings on a supply deal.", id="talks"),
        pytest.param("Talvora Mining could sign a supply contract with Orsk Holdings next year.", id="could-sign"),
        pytest.param("Talvora Mining and Orsk Holdings met twice, but no agreement was reached.", id="no-agreement-reached"),
        pytest.param("Talvora Mining denied that it had signed a supply contract with Orsk Holdings.", id="denied"),
        pytest.param("Talvora Mining is negotiating a joint venture agreement with Orsk Holdings.", id="negotiating"),
        pytest.param("Talvora Mining plans to sign a memorandum of understanding with Orsk Holdings.", id="plans-to-sign"),
        pytest.param("Talvora Mining agreed to hold talks with Orsk Holdings.", id="agreed-to-talk"),
        pytest.param("Talvora Mining has yet to sign the supply contract with Orsk Holdings.", id="yet-to-sign"),
        pytest.param("Talvora Mining secured a $85 million loan from Pellin Bank.", id="a-loan-secured-is-not-told-as-signed"),
        pytest.param("Pellin Bank approved a $85 million loan to Talvora Mining.", id="a-loan-approved-is-not-told-as-signed"),
    ],
)
def test_no_agreement_is_stated(text):
    assert _agreements(text) == []


def test_an_agreement_in_force_is_stated_even_in_a_hope():
    """issue 7: "… hoped to double it under a partnership agreement that took effect in 2023" states an
    agreement in force between the two countries, whatever is hoped."""
    text = ("Chile's foreign minister visited Peru this week. Exports between the two countries fell last year, but officials "
            "expect them to recover in 2026 under a customs agreement that took effect in 2021.")
    assert [({p.name for p in a.parties}, a.effective) for a in _agreements(text)] == [({"Peru", "Chile"}, PartialDate(2021))]


def test_an_agreement_that_would_take_effect_is_not_stated():
    text = ("Chile's foreign minister visited Peru this week. Exports between the two countries fell last year, and officials "
            "hope to sign a customs agreement that would take effect in 2026.")
    assert _agreements(text) == []


def test_the_two_governments_the_parser_joins_to_the_last_object_are_the_two_countries():
    """issue 7: "he met Prime Minister X and the two governments signed …" made "the two governments" a
    conjunct of X, read as the state fund named before."""
    text = ("Orsk Holdings and the Peru Investment Authority (PIA) have agreed to build a port. The plan goes back to a trip to "
            "Lima by Chile's president Tomas Brek in March, when he met Peruvian Prime Minister Dina Vell and the two governments "
            "signed a memorandum on fisheries.")
    found = [a for a in _agreements(text) if a.name.startswith("memorandum")]
    assert [{p.name for p in a.parties} for a in found] == [{"Peru", "Chile"}]


def test_a_deal_announced_is_not_between_the_two_countries_of_a_friendship():
    text = ("Orsk Steel bought the Tarn mill in Peru in 2016. The deal, announced during the Chilean president's visit to "
            "Peru, symbolized the growing friendship between the two countries.")
    assert all({"Peru", "Chile"} != {p.name for p in a.parties} for a in _agreements(text))


def test_the_two_companies_are_the_two_the_article_is_about():
    text = "Orsk Holdings courted Pellin Bank for a year. The two companies reached an agreement to build a smelter in 2021."
    (agreement,) = _agreements(text)
    assert {p.name for p in agreement.parties} == {"Orsk Holdings", "Pellin Bank"}
    assert agreement.name == "agreement to build a smelter"


def test_both_companies_are_not_a_company_named_after_them_in_the_sentence():
    """issue 7: "the boards of both companies signed …, and the deal needs the approval of the X
    Company Tribunal" made the tribunal one of the two companies."""
    text = ("Talvora Bank will absorb Orsk Mutual Bank. Talvora Bank shares rose. The boards of both companies signed the merger "
            "agreement in March 2024, and the merger now awaits clearance from the Pellin Company Tribunal.")
    found = [a for a in _agreements(text) if a.name == "merger agreement"]
    assert [{p.name for p in a.parties} for a in found] == [{"Talvora Bank", "Orsk Mutual Bank"}]


def test_a_signed_agreement_is_asserted_and_signed():
    (agreement,) = _agreements("Talvora Mining signed a supply contract with Orsk Holdings in May 2019.")
    assert agreement.factuality is Factuality.ASSERTED
    assert agreement.status is Status.SIGNED


@pytest.mark.parametrize(
    ("text", "effective"),
    [
        pytest.param("The free trade agreement between Peru and Chile, signed in 2023, will take effect on 1 January 2025.",
                     "2025-01-01", id="participle-hung-on-a-party-future-effect"),
        pytest.param("Peru and Chile have announced a free trade agreement, scheduled to begin on 1 July 2024.",
                     "2024-07-01", id="announced-with-start-date"),
    ],
)
def test_an_agreement_that_takes_effect_later_is_stated_with_its_effective_date(text, effective):
    """Regression (issue 7): the sample corpus's free trade agreement had lost its effective date."""
    found = [a for a in _agreements(text) if _named(a, "Peru") and _named(a, "Chile")]
    assert found, _agreements(text)
    assert found[0].effective is not None and found[0].effective.iso() == effective


def test_a_national_government_signs_for_its_country():
    """issue 7: the gold and the users name the country as the party of "X's government signed …"."""
    (agreement,) = _agreements("Peru's government signed a grant agreement with the Kestrel Climate Fund in May 2024.")
    assert {p.name for p in agreement.parties} == {"Peru", "Kestrel Climate Fund"}


def test_a_party_that_pulls_out_of_a_treaty_is_a_party_and_the_exit_is_no_signing_date():
    (agreement,) = _agreements("Peru pulled out of the border treaty with Chile in 2023.")
    assert {p.name for p in agreement.parties} == {"Peru", "Chile"}
    assert agreement.date is None


def test_a_later_undated_re_mention_dates_nothing_new():
    text = "Talvora Mining signed a supply contract with Orsk Holdings on 3 May 2019. The contract was signed in Lima."
    (agreement,) = _agreements(text)
    assert agreement.date == PartialDate(2019, 5, 3)


def test_an_agreements_status_is_written_to_the_graph(tmp_path):
    (tmp_path / "a.txt").write_text("Talvora Mining signed a supply contract with Orsk Holdings in May 2019.\n", encoding="utf-8")
    dataset = build([tmp_path]).dataset
    statuses = {o for s, p, o, _g in dataset.quads((None, IKG.status, None, None)) if (s, None, IKG.Agreement) in _typed(dataset)}
    assert statuses and all(isinstance(o, URIRef) and str(o).lower().endswith("signed") for o in statuses)


def _typed(dataset):
    return {(s, None, o) for s, _p, o, _g in dataset.quads((None, None, IKG.Agreement, None))}


@pytest.mark.parametrize(("text", "parties"), [
    pytest.param("As part of the deal, Duma Mobile signed a 12-year master lease agreement under which it will rent space on the "
                 "towers from the new owner, Kivuli Towers.", {"Duma Mobile", "Kivuli Towers"}, id="from-the-owner"),
    pytest.param("Those contracts include a 15-year sale and purchase agreement, signed in May 2023, under which Ostrel LNG "
                 "Marketing will deliver up to 1.5 million tonnes a year to Kessa LNG Terminal.",
                 {"Ostrel LNG Marketing", "Kessa LNG Terminal"},
                 id="who-delivers-to-whom"),
])
def test_issue_7_what_is_done_under_an_agreement_names_its_parties(text: str, parties: set[str]) -> None:
    """Session 29 (blind22, blind29 read halves): "an agreement under which X will deliver … to Y" named one
    party or none: the clause that says what is done under the document names who deals with whom."""
    found = extract_document(make_document("Towers\n\n" + text, published="2025-02-01")).agreements
    assert parties in [{p.name for p in a.parties} for a in found]
