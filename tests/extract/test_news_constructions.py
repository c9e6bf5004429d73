"""Constructions common in wire and business news that no evaluation article happened to use (issue 7,
session 13), on made-up passages: each case was written from how such news is phrased, not from a miss."""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.model import Factuality
from graph.pipeline import extract_document
from tests.conftest import make_document
from tests.extract.test_agreements import _agreements
from tests.extract.test_investment_constructions import _rows

M = 1_000_000


def _told(text: str) -> list[tuple]:
    """Each fact's row once, sorted: a fact stated in two sentences is one fact with two evidences."""
    return sorted(set(_rows(text)))


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Ziva Robotics raised $75 million in a Series B round led by Brightwater Partners.",
                 [("Brightwater Partners", "Ziva Robotics", 75 * M, None)], id="raised-in-a-round-led-by"),
    pytest.param("Ziva Robotics, a drone maker, said it had raised $75 million in a funding round led by Brightwater "
                 "Partners, with participation from Oakmere Ventures.",
                 [("Brightwater Partners", "Ziva Robotics", 75 * M, None), ("Oakmere Ventures", "Ziva Robotics", 75 * M, None)],
                 id="with-participation-from"),
    pytest.param("Ziva Robotics said on Tuesday it had closed a $40 million Series A funding round co-led by Brightwater "
                 "Partners and Oakmere Ventures.",
                 [("Brightwater Partners", "Ziva Robotics", 40 * M, None), ("Oakmere Ventures", "Ziva Robotics", 40 * M, None)],
                 id="closed-a-round-co-led-by"),
    pytest.param("Brightwater Partners led a $75 million funding round in Ziva Robotics.",
                 [("Brightwater Partners", "Ziva Robotics", 75 * M, None)], id="led-a-round-in"),
    pytest.param("Gridlet Energy has raised $18 million in a Series A funding round that was led by Sahya Ventures and joined by "
                 "existing investor Monsoon Partners.",
                 [("Sahya Ventures", "Gridlet Energy", 18 * M, None), ("Monsoon Partners", "Gridlet Energy", 18 * M, None)],
                 id="a-round-that-was-led-by-and-joined-by"),
    pytest.param("Ziva Robotics raised $75 million in a funding round.", [], id="a-round-with-no-investor-named"),
])
def test_issue_7_funding_rounds(text, rows):
    """Session 13: who leads, co-leads or joins a round (in a participle or a relative clause) invests in
    the company that raises it; the company that raises or closes the round is its target, never an investor."""
    assert _rows(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Halden Pharma agreed to buy the remaining 40% of Cresta Labs it does not already own for $150 million.",
                 [("Halden Pharma", "Cresta Labs", 150 * M, Decimal("1"))], id="the-remaining-share-it-does-not-own"),
    pytest.param("Morvik Group agreed to buy the rest of Cresta Labs for $150 million.",
                 [("Morvik Group", "Cresta Labs", 150 * M, Decimal("1"))], id="the-rest-of"),
    pytest.param("Morvik Group completed its purchase of the remaining 25% stake in Cresta Labs.",
                 [("Morvik Group", "Cresta Labs", None, Decimal("1"))], id="purchase-of-the-remaining-stake"),
    pytest.param("Morvik Group bought 40% of Cresta Labs for $150 million.",
                 [("Morvik Group", "Cresta Labs", 150 * M, Decimal("0.4"))], id="a-share-bought-is-the-share"),
    pytest.param("Morvik Group owns the remaining 60% of Cresta Labs.",
                 [("Morvik Group", "Cresta Labs", None, Decimal("0.6"))], id="the-remaining-share-held-is-held"),
])
def test_issue_7_buying_the_rest_leaves_all(text, rows):
    """Session 13: the stake is the holding a deal leaves; who buys the remaining share, the rest, or the
    share it does not yet own ends with all of the company (one who owns "the remaining 60%" owns 60%).
    "Cresta Labs", tagged a nationality by the model, is a name: several words, none a demonym."""
    assert _rows(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Harrowgate Minerals has completed its takeover of Quenby Resources, paying A$612 million for the explorer "
                 "after winning approval from Australia's foreign investment regulator.",
                 [("Harrowgate Minerals", "Quenby Resources", 612 * M, None)], id="winning-approval-receives-no-sum"),
    pytest.param("Tarsen Solar won a $40 million grant from the Kelvar Climate Fund.",
                 [("Kelvar Climate Fund", "Tarsen Solar", 40 * M, None)], id="winning-a-grant-receives-it"),
])
def test_issue_7_what_a_receiving_verb_receives(text, rows):
    """Session 13: a receiving verb ("win", "secure") states a deal only when what it receives is a
    sum, a money word or a deal noun."""
    assert _rows(text) == rows


def _parties(text: str) -> list[tuple[list[str], str | None]]:
    return [([p.name for p in f.parties], str(f.date) if f.date else None) for f in _agreements(text)]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("An agreement was signed between the municipality of Tervolde and Stellhorn Automotive in September 2023.",
                 [(["Tervolde", "Stellhorn Automotive"], "2023-09")], id="between-a-body-of-a-place-and-a-company"),
    pytest.param("The agreement between the governments of Norland and Vesteria was signed in May 2024.",
                 [(["Norland", "Vesteria"], "2024-05")], id="between-the-governments-of-two-countries"),
])
def test_issue_7_between_needs_two_sides(text, rows):
    """Session 13: the parser hangs the second side of "between the municipality of X and Y" on X."""
    assert _parties(text) == rows


def test_issue_7_a_sentence_ending_on_an_abbreviation_is_no_headline():
    """Session 13: a first line ending "… Ltd." was read as a headline (no final full stop), and a
    headline's agreements are not read. (Its date is the news's since session 16: "has signed" is news.)"""
    assert [parties for parties, _ in _parties("Ionforge Batteries has signed an agreement to supply cells to Ventara Motors Ltd.")] == [
        ["Ionforge Batteries", "Ventara Motors Ltd."]]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Kestrel Ports is owned by Norvale Capital (40%), Tessaro Infrastructure (35%) and Baltrum Pensions (25%).",
                 [("Norvale Capital", "Kestrel Ports", None, Decimal("0.4")),
                  ("Tessaro Infrastructure", "Kestrel Ports", None, Decimal("0.35")),
                  ("Baltrum Pensions", "Kestrel Ports", None, Decimal("0.25"))], id="owned-by-a-bracketed-list"),
    pytest.param("The Kalmar wind farm will cost $1.1 billion, financed by Arvena Bank ($500 million), Solberg Bank ($300 million) "
                 "and equity from Dravo Energy.",
                 [("Arvena Bank", "Kalmar wind farm", 500 * M, None), ("Solberg Bank", "Kalmar wind farm", 300 * M, None)],
                 id="financed-by-a-bracketed-list"),
    pytest.param("The Pan-Oceanic Development Bank approved a $120 million loan for the Tarsa water project, which is co-financed "
                 "by the Nordic Climate Fund ($30 million) and the government of Fiji ($15 million).",
                 [("Pan-Oceanic Development Bank", "Tarsa water project", 120 * M, None),
                  ("Nordic Climate Fund", "Tarsa water project", 30 * M, None),
                  ("Government of Fiji", "Tarsa water project", 15 * M, None)], id="co-financed-by-a-government-of-with-its-sum"),
    pytest.param("Shareholders in Kestrel Ports include Norvale Capital, with 40%, and Tessaro Infrastructure, with 35%.",
                 [("Norvale Capital", "Kestrel Ports", None, Decimal("0.4")),
                  ("Tessaro Infrastructure", "Kestrel Ports", None, Decimal("0.35"))], id="shareholders-in-include-with-shares"),
    pytest.param("Dravo Energy secured $750 million in financing for the Kalmar wind farm from Arvena Bank and Solberg Bank.",
                 [("Arvena Bank", "Kalmar wind farm", 750 * M, None), ("Solberg Bank", "Kalmar wind farm", 750 * M, None)],
                 id="from-hung-on-the-project"),
])
def test_issue_7_lists_of_members_and_their_shares(text, rows):
    """Session 14: a list whose names each carry a bracketed share or sum is one list whatever the parser
    made of it (it hung the second name on the subject); "shareholders in Y include X, with 40%" names
    the holders and their shares; "from X" hung on the project a sum is for still names the lender."""
    assert sorted(_rows(text)) == sorted(rows)


def test_issue_7_a_consortium_split_into_what_each_member_will_hold():
    """Session 14: after a joint purchase, "A will hold 25%, B 14% and C 10%" (the gapped names read from
    the text, however the parser took them) splits the joint share: each member's fact is its own share
    with the joint sum, and the joint share read as every member's goes."""
    text = ("A consortium of Norvale Capital, Tessaro Infrastructure and Baltrum Pensions has agreed to acquire a 49% stake "
            "in Kestrel Ports for €1.3 billion. Norvale will hold 25%, Tessaro 14% and Baltrum 10%.")
    rows = {(investor.split()[0], target, amount, stake) for investor, target, amount, stake in _rows(text)}
    assert rows == {("Norvale", "Kestrel Ports", 1300 * M, Decimal("0.25")), ("Tessaro", "Kestrel Ports", 1300 * M, Decimal("0.14")),
                    ("Baltrum", "Kestrel Ports", 1300 * M, Decimal("0.1"))}


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Kestrel Ports, which runs three terminals on the Baltic coast, is being sold. Norvale Capital agreed to buy it "
                 "for €2.1 billion.", [("Norvale Capital", "Kestrel Ports", 2100 * M, None)], id="it-is-no-plural-asset"),
])
def test_issue_7_what_an_it_that_is_bought_names(text, rows):
    """Session 14: "X agreed to buy it" after "Y, which runs three terminals, is being sold" is Y: an "it"
    is never a plural asset, and what one buys is the company told of before."""
    assert _told(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Kestrel Ports is selling a 30% stake to Norvale Capital for $150 million.",
                 [("Norvale Capital", "Kestrel Ports", 150 * M, Decimal("0.3"))], id="a-company-selling-a-stake-sells-part-of-itself"),
    pytest.param("Kestrel Ports sold its 30% stake to Norvale Capital for $150 million.", [],
                 id="its-stake-is-a-holding-in-another-company"),
    pytest.param("Kestrel Ports' new owner, Norvale Capital, paid $1.2 billion for the company.",
                 [("Norvale Capital", "Kestrel Ports", 1200 * M, None)], id="the-company-is-not-the-subject-named-in-apposition"),
    pytest.param("A $200 million injection from Norvale Capital will help Kestrel Ports expand.",
                 [("Norvale Capital", "Kestrel Ports", 200 * M, None)], id="an-injection-from-x-helps-y"),
    pytest.param("The $50 million investment by Norvale Capital in Kestrel Ports was approved on Monday.",
                 [("Norvale Capital", "Kestrel Ports", 50 * M, None)], id="investment-by-x-in-y"),
])
def test_issue_7_who_sells_and_who_is_helped(text, rows):
    """Session 14: a company that sells "a 30% stake" (of no company named) sells part of itself; "the
    company" is not the subject a description names in apposition; a deal that "will help Y expand"
    is for Y; "the investment by X in Y" (the parser hangs "in Y" on X) and "an injection from X"."""
    assert _told(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Meridian Pension Fund bought $400 million of bonds issued by Corvane Utilities.",
                 [("Meridian Pension Fund", "Corvane Utilities", 400 * M, None)], id="bought-bonds-issued-by"),
    pytest.param("Corvane Utilities sold a $400 million green bond to Meridian Pension Fund and Halden Insurance.",
                 [("Halden Insurance", "Corvane Utilities", 400 * M, None), ("Meridian Pension Fund", "Corvane Utilities", 400 * M, None)],
                 id="sold-a-bond-to"),
    pytest.param("Halden Insurance invested $120 million in bonds issued by Tarvos Energy last year.",
                 [("Halden Insurance", "Tarvos Energy", 120 * M, None)], id="invested-in-bonds-issued-by"),
    pytest.param("Meridian Pension Fund holds $80 million of Corvane Utilities bonds.",
                 [("Meridian Pension Fund", "Corvane Utilities", 80 * M, None)], id="holds-an-issuer-s-bonds"),
    pytest.param("Corvane Utilities issued $300 million of bonds last year.", [], id="an-issue-with-no-buyer-named"),
    pytest.param("Meridian Pension Fund bought 1.5bn baht of Corvane Utilities' bonds.",
                 [("Meridian Pension Fund", "Corvane Utilities", 1500 * M, None)], id="bought-a-sum-of-the-issuer-s-bonds"),
    pytest.param("Halden Insurance invested $50 million in Tarvos Energy's green bond.",
                 [("Halden Insurance", "Tarvos Energy", 50 * M, None)], id="invested-in-the-issuer-s-bond"),
    pytest.param("Halden Insurance bought $75 million of Tarvos Energy's convertible notes.",
                 [("Halden Insurance", "Tarvos Energy", 75 * M, None)], id="convertible-notes"),
    pytest.param("Tarvos Energy issued R3 billion of notes in June. Halden Insurance bought R1.2 billion of the notes.",
                 [("Halden Insurance", "Tarvos Energy", 1200 * M, None)], id="the-notes-are-the-issue-told-before"),  # session 25
    pytest.param("Tarvos Energy issued R3 billion of shares in June. Halden Insurance bought R1.2 billion of the notes.",
                 [], id="notes-no-one-issued-before"),
    pytest.param("Halden Insurance and Orrin Capital were the main buyers of Tarvos Energy's $500 million bond.",
                 [("Halden Insurance", "Tarvos Energy", 500 * M, None), ("Orrin Capital", "Tarvos Energy", 500 * M, None)],
                 id="the-buyers-of-a-bond-take-its-sum"),
    pytest.param("Norcred provided a $200 million guarantee for the Kalmar wind farm.",
                 [("Norcred", "Kalmar wind farm", 200 * M, None)], id="a-guarantee-for"),
    pytest.param("The export credit agency Norcred guaranteed the $600 million loan from Arvena Bank to Dravo Energy.",
                 [("Arvena Bank", "Dravo Energy", 600 * M, None), ("Norcred", "Dravo Energy", 600 * M, None)],
                 id="guaranteed-a-loan-to"),
    pytest.param("Kestrel Ports is funding the expansion through a $200 million loan from Orvo Bank.",
                 [("Orvo Bank", "Kestrel Ports", 200 * M, None)], id="funding-through-a-loan-borrows"),
    pytest.param("Ardent Logistics agreed to buy Pelham Warehouses for $400 million. Ardent is funding the purchase with internal cash "
                 "and a $300 million term loan from Corvel Bank.",
                 [("Ardent Logistics", "Pelham Warehouses", 400 * M, None), ("Corvel Bank", "Ardent Logistics", 300 * M, None)],
                 id="funding-a-purchase-with-a-loan-from-a-bank-borrows"),
    pytest.param("Tembo Hotels agreed to buy Harbour Inns for £900m. Tembo is funding the deal with £450m of debt provided by "
                 "Straits Union Bank.", [("Tembo Hotels", "Harbour Inns", 900 * M, None)],
                 id="funding-a-deal-with-debt-provided-by-a-bank-borrows"),
    pytest.param("The Kalmar wind farm will be financed with $200m of equity from Tarvos Energy and a $600m loan from Orvo Bank.",
                 [("Orvo Bank", "Kalmar wind farm", 600 * M, None), ("Tarvos Energy", "Kalmar wind farm", 200 * M, None)],
                 id="a-project-financed-with-equity-and-a-loan"),
])
def test_issue_7_bonds_and_guarantees(text, rows):
    """Session 14 (frames.json "bond" and "guarantee", ontology ikg:Bond and ikg:Guarantee): who buys or
    holds bonds invests in their issuer ("issued by Y", "Y's bonds", "Y sold a bond to X"; session 23: a bond
    is a raising, so its possessor issues it and the buyer's verb names the investor), an issue with
    no buyer named states none; a guarantor backs the borrower or the project for the sum guaranteed;
    whoever funds something through a debt borrows it."""
    assert _told(text) == rows


def test_issue_7_a_bond_and_a_guarantee_have_their_own_kinds():
    from tests.extract.test_investment_constructions import _facts
    kinds = {f.investor.name: f.kind for f in _facts("Norcred provided a $200 million guarantee for the Kalmar wind farm. "
                                                    "Halden Insurance bought $90 million of bonds issued by Tarvos Energy.")}
    assert kinds == {"Norcred": "guarantee", "Halden Insurance": "bond"}


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Brindlecombe Foods, a maker of oatcakes, has been struggling. On Wednesday Pellucid Capital agreed to buy the company "
                 "for £84 million.", [("Pellucid Capital", "Brindlecombe Foods", 84 * M, None)], id="a-subject-after-a-day-with-no-comma"),
    pytest.param("Ondo Cement Plc plans to double its capacity. Afrexia Development Bank has approved a $95 million loan to the cement "
                 "maker.", [("Afrexia Development Bank", "Ondo Cement Plc", 95 * M, None)], id="a-name-s-own-word-is-no-description"),
    pytest.param("Zephyra Bio's migraine drug failed a trial in January. Now Hallbrook Pharma is buying the biotech for about $430 "
                 "million.", [("Hallbrook Pharma", "Zephyra Bio", 430 * M, None)], id="the-biotech"),
])
def test_issue_7_descriptions_that_name_the_company_told_before(text, rows):
    """Session 14 (battery2, read half): "On Wednesday X agreed" (the parser reads "On Wednesday X" as one
    phrase) has X as its subject; "Ondo" in "Ondo Cement Plc" is its name, not a description that the
    cement maker is not; "the biotech", "the startup", "the insurer" are generic company words."""
    assert _told(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("The acquisition of Polish games studio Pixelkraft by Swedish publisher Nordspel for 1.1 billion zlotys will be "
                 "completed in the fourth quarter.", [("Nordspel", "Pixelkraft", 1100 * M, None)], id="by-descriptor-name"),
    pytest.param("Mahendra Steel's $1.5bn purchase of the Ravenscar steelworks from Brightline Metals gives the group its first "
                 "European plant.", [("Mahendra Steel", "Ravenscar steelworks", 1500 * M, None)], id="a-steelworks-is-an-asset"),
])
def test_issue_7_descriptors_and_asset_words(text, rows):
    """Session 14 (battery2, read half): "by Swedish publisher X", the parser taking the descriptor for
    the head and hanging X elsewhere, names X; a steelworks, brewery or hatchery is an asset."""
    assert [r for r in _told(text) if r[1] != "first European plant"] == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Huabei Dairy, whose 2015 purchase of Kaimai Dairy for NZ$330m drew protests, is now seeking a buyer.",
                 [("Huabei Dairy", "Kaimai Dairy", 330 * M, None)], id="whose-purchase"),
    pytest.param("Al Sarab Capital has been building a portfolio of football clubs. The Emirati investor on Friday completed the "
                 "purchase of 70% of US Castelvecchio.", [("Al Sarab Capital", "US Castelvecchio", None, Decimal("0.7"))],
                 id="the-emirati-investor-on-friday"),
])
def test_issue_7_whose_and_a_described_investor(text, rows):
    """Session 14 (battery2, read half): "X, whose purchase of Y …" is X's; "the Emirati investor on Friday"
    is a description (a nationality and a day name no one) of the company named before."""
    assert _told(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Alpenwatt AG lifted its stake in Savske Elektrarne to 74% from 51%, paying €88 million for the additional shares.",
                 [("Alpenwatt AG", "Savske Elektrarne", 88 * M, Decimal("0.74"))], id="from-a-share-is-what-was-held-before"),
    pytest.param("Ishikura Bank bolstered its holding in Sao Viet Bank to 20% with a 5 trillion dong purchase.",
                 [("Ishikura Bank", "Sao Viet Bank", 5_000_000 * M, Decimal("0.2"))], id="bolstered-its-holding-to"),
    pytest.param("Vireo Pharma agreed to buy Arclight Therapeutics. Including milestone payments, the deal is worth up to $1.8 "
                 "billion.", [("Vireo Pharma", "Arclight Therapeutics", 1800 * M, None)], id="the-deal-is-worth-after-an-opening-clause"),
])
def test_issue_7_raised_holdings_and_the_deal_told_after(text, rows):
    """Session 14 (battery2, read half): "to 74% from 51%" — the share a raise leaves, never the one
    held before; "bolster", "up", "trim" and "pare" a holding; "…, the deal is worth $X" after an
    opening clause refers back as "The deal is worth $X" does."""
    assert _told(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Tolva, the Finnish pension insurer, and Brightwater Capital, a New York hedge fund, have each bought 8% of "
                 "Laevandus Shipping.", [("Brightwater Capital", "Laevandus Shipping", None, Decimal("0.08")),
                                          ("Tolva", "Laevandus Shipping", None, Decimal("0.08"))], id="x-described-and-y-described"),
    pytest.param("A group of investors led by Corvane Capital and including Meridia Partners has bought logistics software maker "
                 "Routely for $360 million.", [("Corvane Capital", "Routely", 360 * M, None), ("Meridia Partners", "Routely", 360 * M, None)],
                 id="a-name-the-recogniser-missed-after-a-descriptor"),
])
def test_issue_7_lists_around_descriptions(text, rows):
    """Session 14 (battery2, read half): "X, the Finnish insurer, and Y, a hedge fund": the parser hangs Y
    on X's description; "software maker Routely", the name tagged an adverb, is the company the
    descriptor announces."""
    assert _told(text) == rows


def test_issue_7_words_news_uses_for_deals_and_documents():
    """Session 14: vocabulary carries to unseen text better than constructions do: "picked up a 4.8%
    holding", "amassed a 9% stake", and a term sheet signed is an agreement."""
    assert _rows("Activist investor Harlan Greaves has picked up a 4.8% holding in Northrail Systems.") == [
        ("Harlan Greaves", "Northrail Systems", None, Decimal("0.048"))]
    assert _rows("Orvo Capital has amassed a 9% stake in Northrail Systems.") == [("Orvo Capital", "Northrail Systems", None, Decimal("0.09"))]
    assert [sorted(p.name for p in a.parties) for a in _agreements(
        "Pembe Graphite signed a term sheet with Afro-Asia Resources Bank on 3 March 2024.")] == [["Afro-Asia Resources Bank", "Pembe Graphite"]]


def test_issue_7_a_contribution_is_a_grant_s():
    """Session 14: "X's $40m contribution to Y", the noun of the grant verb "contribute". (The works nouns
    "expansion" and "upgrade" stay no deal nouns: "the Daugava III expansion" names the asset a loan is for.)"""
    assert _rows("Norcred's $40 million contribution to the Kalmar wind farm was confirmed on Monday.") == [
        ("Norcred", "Kalmar wind farm", 40 * M, None)]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Orsk Holdings will sell 90% of Canal Terminals to Talvora Capital.",
                 [("Talvora Capital", "Canal Terminals", None, Decimal("0.9"))], id="two-names-tagged-one-across-to"),
    pytest.param("Brightwater Ports will sell 90% of Pellin Foods to a consortium formed by Harlow Asset Management and Tessin "
                 "Shipping.", [("Harlow Asset Management", "Pellin Foods", None, Decimal("0.9")),
                               ("Tessin Shipping", "Pellin Foods", None, Decimal("0.9"))], id="a-consortium-formed-by"),
    pytest.param("A consortium made up of Harlow Asset Management and Tessin Shipping bought Pellin Foods for $2 billion.",
                 [("Harlow Asset Management", "Pellin Foods", 2000 * M, None), ("Tessin Shipping", "Pellin Foods", 2000 * M, None)],
                 id="a-consortium-made-up-of"),
    pytest.param("Tarvik Development Bank lent Olmec Power $300 million to build the Olmec 2 dam.",
                 [("Tarvik Development Bank", "Olmec 2 dam", 300 * M, None)], id="a-numbered-asset-name"),
    pytest.param("Orsk Holdings agreed to sell its stakes in 43 ports in 23 countries to a consortium led by Harlow Capital.",
                 [("Harlow Capital", "43 ports", None, None)], id="selling-its-stakes-in-what-the-parser-hung-on-the-verb"),
    pytest.param("Cabo Verdant Terminals will invest $410 million in the second phase of the port at Nacala.",
                 [("Cabo Verdant Terminals", "port at Nacala", 410 * M, None)], id="a-place-hung-on-the-works"),
    pytest.param("Nimbrosa will invest $1.1 billion in a 96-megawatt data centre campus outside Querétaro.",
                 [("Nimbrosa", "data centre campus outside Querétaro", 1100 * M, None)], id="a-capacity-is-no-name-and-outside-places"),
    pytest.param("Harlow Capital will invest the equivalent of $130 million in the Gödöllő plant.",
                 [("Harlow Capital", "Gödöllő plant", 130 * M, None)], id="the-equivalent-of-a-sum"),
    pytest.param("Tarvik Telecom will invest $300 million in its 5G network in Peru.",
                 [("Tarvik Telecom", "5G network in Peru", 300 * M, None)], id="a-number-written-with-its-letter"),
])
def test_issue_7_sales_to_consortia_and_numbered_assets(text, rows):
    """Session 15 (battery3, read half): the recogniser ran "X Terminals to Y Capital" into one name and
    the parser hung "to Y" on the company sold; a consortium's members follow "formed by" and "made up
    of"; "the Olmec 2 dam" keeps its number."""
    assert _told(text) == rows


def test_issue_7_a_name_ending_in_a_company_word_the_recogniser_took_for_a_person():
    """Session 15: "Skyward Leasing", tagged a person, ends in a company word and signs as a company."""
    assert [sorted(p.name for p in a.parties) for a in _agreements(
        "Brenmoor Air signed an agreement with Skyward Leasing for 20 narrowbody jets on 22 July 2024.")] == [
        ["Brenmoor Air", "Skyward Leasing"]]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Qorvath Minerals has signed a $750 million term loan with a syndicate of Banque Ostrelle and Hallgarth Bank "
                 "to fund the Tsodilo Ridge copper mine.",
                 [("Banque Ostrelle", "Tsodilo Ridge copper mine", 750 * M, None), ("Hallgarth Bank", "Tsodilo Ridge copper mine", 750 * M, None)],
                 id="a-purpose-hung-on-the-lenders"),
    pytest.param("Quorra Investments, Marram Capital and Yellowwood Fund have completed their $3.4bn takeover of Halcyon Rail.",
                 [("Marram Capital", "Halcyon Rail", 3400 * M, None), ("Quorra Investments", "Halcyon Rail", 3400 * M, None),
                  ("Yellowwood Fund", "Halcyon Rail", 3400 * M, None)], id="their-is-the-whole-list"),
    pytest.param("Sulaimani Oil raised its stake in Garmiyan Petroleum to 65% from 50% by buying shares from Halabja Drilling for $80m.",
                 [("Sulaimani Oil", "Garmiyan Petroleum", 80 * M, Decimal("0.65"))], id="raising-a-stake-receives-no-money"),
    pytest.param("Quorra Investments and Marram Capital have completed their takeover of Halcyon Rail. The company is now owned by "
                 "Quorra Investments (60%) and Marram Capital (40%).",
                 [("Marram Capital", "Halcyon Rail", None, Decimal("0.4")), ("Quorra Investments", "Halcyon Rail", None, Decimal("0.6"))],
                 id="the-company-is-none-of-its-owners-named-after-by"),
])
def test_issue_7_lenders_lists_and_raised_stakes(text, rows):
    """Session 15 (battery3, read half): the parser hung a loan's purpose on the syndicate; "their" stood
    for the first of three buyers; "raised its stake" was also read as raising money from the company."""
    assert _told(text) == rows


@pytest.mark.parametrize(("text", "parties"), [
    pytest.param("Orelund Hydrogen, the Port of Rotterdam Authority and Sasolborg Fuels signed a memorandum of understanding on "
                 "8 May 2025.", ["Orelund Hydrogen", "Port of Rotterdam Authority", "Sasolborg Fuels"], id="a-body-inside-a-list"),
    pytest.param("Orelund Hydrogen, Ventara Ports and Sasolborg Fuels signed a memorandum of understanding on 8 May 2025.",
                 ["Orelund Hydrogen", "Sasolborg Fuels", "Ventara Ports"], id="names-tagged-persons-listed-with-a-company"),
])
def test_issue_7_three_signers(text, parties):
    """Session 15 (battery3, read half): "A, the B and C" is a list the parser hung on A as an
    apposition, not A's other name; a name listed with companies is a company's, whatever the
    recogniser tagged it."""
    assert [sorted(p.name for p in a.parties) for a in _agreements(text)] == [sorted(parties)]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("A consortium of Hesperine Infrastructure, Ocotlán Pension Trust and Karri Capital agreed to buy Portmarnock Gas "
                 "Networks for €2.3bn. Hesperine will hold 40%, Ocotlán 35% and Karri Capital the rest.",
                 [("Hesperine Infrastructure", "Portmarnock Gas Networks", 2300 * M, Decimal("0.4")),
                  ("Karri Capital", "Portmarnock Gas Networks", 2300 * M, Decimal("0.25")),
                  ("Ocotlán Pension Trust", "Portmarnock Gas Networks", 2300 * M, Decimal("0.35"))], id="members-shares-in-the-next-sentence"),
    pytest.param("Tarvik Holdings will own 60% of Pellin Foods, Orsk Capital 25% and Brenmoor Partners the rest.",
                 [("Brenmoor Partners", "Pellin Foods", None, Decimal("0.15")), ("Orsk Capital", "Pellin Foods", None, Decimal("0.25")),
                  ("Tarvik Holdings", "Pellin Foods", None, Decimal("0.6"))], id="the-rest-after-two-shares"),
    pytest.param("Lenders led by Tarvik Bank have signed a €260m loan for the Kemijarvi biorefinery. Developer Lumiora will contribute "
                 "€110m of equity, with its partner Aapa Forest Oy adding €45m.",
                 [("Lumiora", "Kemijarvi biorefinery", 110 * M, None), ("Tarvik Bank", "Kemijarvi biorefinery", 260 * M, None)],
                 id="with-x-adding-is-no-counterpart"),
    pytest.param("Dunmarra Power's $600 million loan for the Yalgoo solar farm was provided by Westgate Bank and Pemuda Finance.",
                 [("Pemuda Finance", "Yalgoo solar farm", 600 * M, None), ("Westgate Bank", "Yalgoo solar farm", 600 * M, None)],
                 id="the-possessor-of-a-loan-provided-by-others-borrows"),
    pytest.param("Tarvik Bank and Orsk Capital will lend $800 million and $600 million respectively for the Kalmar road.",
                 [("Orsk Capital", "Kalmar road", 600 * M, None), ("Tarvik Bank", "Kalmar road", 800 * M, None)],
                 id="two-sums-the-recogniser-joined"),
])
def test_issue_7_consortium_shares_and_lender_lists(text, rows):
    """Session 15 (battery3, read half): members' shares told in the sentence after a joint purchase, "the
    rest" after two shares, "with X adding $45m" (an act of X's own, not a counterpart), the borrower
    whose loan others provided, and "$800 million and $600 million" tagged one sum."""
    assert _told(text) == rows


def test_issue_7_agreements_neither_counted_nor_listed_bind_their_signers():
    """Session 15 (battery3, read half): "A, B and C signed agreements on …" is an agreement among them
    (a bare plural was read as an unnamed bundle), and "Lessor", a descriptor, is no word of the first name;
    agreeing to begin negotiations is none yet."""
    signed = _agreements("Lessor Skyrun Leasing, Aeromalaya Express and Tamworth Turbines signed agreements on 20 February 2024.")
    assert [sorted(p.name for p in a.parties) for a in signed] == [["Aeromalaya Express", "Skyrun Leasing", "Tamworth Turbines"]]
    assert _agreements("Vaskiluoto Terminals and Kvarken Ferries agreed to begin negotiations on a port concession.") == []


def test_issue_7_a_majority_is_a_holding():
    """Session 15: "a majority of Y" is a holding, as "control of Y" is: a stake frame needs one."""
    assert _rows("The acquisition hands Harlow Capital a majority of Pellin Foods.") == [("Harlow Capital", "Pellin Foods", None, None)]
    assert _rows("A majority of the financing comes from Harlow Capital.") == []


def test_issue_7_joining_a_round_invests_in_its_raiser():
    """Session 15: "join" carries a round as "lead" does ("X joined Y's $28m Series A round"); joining a
    board is no deal."""
    assert _rows("Oxenbridge Capital joined Brasswick Analytics' $28 million Series A round.") == [
        ("Oxenbridge Capital", "Brasswick Analytics", 28 * M, None)]
    assert _rows("Oxenbridge Capital joined the board of Brasswick Analytics.") == []


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Velmora Power is 65% owned by Casterly Group and 35% by Hollin Energy.",
                 [("Casterly Group", "Velmora Power", None, Decimal("0.65")), ("Hollin Energy", "Velmora Power", None, Decimal("0.35"))],
                 id="second-share-on-the-participle"),
    pytest.param("The plant will be run by Velmora Power, a company 60% owned by Casterly Group and 40% by Hollin Energy.",
                 [("Casterly Group", "Velmora Power", None, Decimal("0.6")), ("Hollin Energy", "Velmora Power", None, Decimal("0.4"))],
                 id="second-share-on-the-described-noun"),
    pytest.param("Velmora Power is 65% owned by Casterly Group, the Lisbon-based family group with interests in coffee and banking, "
                 "and 35% by Hollin Energy, a geothermal developer.",
                 [("Casterly Group", "Velmora Power", None, Decimal("0.65")), ("Hollin Energy", "Velmora Power", None, Decimal("0.35"))],
                 id="second-share-after-the-first-holder-s-apposition"),
    pytest.param("Velmora Power is 65% owned by Casterly Group and 35% by its managers.",
                 [("Casterly Group", "Velmora Power", None, Decimal("0.65"))], id="an-unnamed-second-holder"),
])
def test_issue_7_gapped_passive_owners(text, rows):
    """Session 16 (blind13, read half): "X is 65% owned by A and 35% by B" lost B wherever the parser hung
    "35% by B" on the participle or on the noun it describes rather than on the first share."""
    assert _told(text) == rows


def test_issue_7_a_capacity_is_no_word_of_an_unnamed_asset():
    """Session 16 (blind13, read half): "a new 1.2 million-tonne kiln line" was named "tonne kiln line"."""
    assert _rows("Ruvu Cement opened a new 1.2 million-tonne kiln line on 3 February, a $130 million project.") == [
        ("Ruvu Cement", "kiln line", 130 * M, None)]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Last year Tirsa Pharma took full control of Kerem Coffee.", [("Tirsa Pharma", "Kerem Coffee", None, Decimal(1))],
                 id="full-control"),
    pytest.param("Tirsa Pharma bought 60% of Nadir Silos for $38m in 2020, and last year took full control of Kerem Coffee.",
                 [("Tirsa Pharma", "Kerem Coffee", None, Decimal(1)), ("Tirsa Pharma", "Nadir Silos", 38 * M, Decimal("0.6"))],
                 id="full-control-after-another-purchase"),
    pytest.param("Tirsa Pharma bought 60% of Nadir Silos for $38m in 2020, and last year took full control of Kerem Coffee by "
                 "acquiring the 35% it did not already own.",
                 [("Tirsa Pharma", "Kerem Coffee", None, Decimal(1)), ("Tirsa Pharma", "Nadir Silos", 38 * M, Decimal("0.6"))],
                 id="the-share-bought-to-take-control-is-of-that-company"),
    pytest.param("Tirsa Pharma bought Nadir Holdings' entire stake in Kerem Coffee.", [("Tirsa Pharma", "Kerem Coffee", None, None)],
                 id="an-entire-stake-is-not-the-whole-company"),
])
def test_issue_7_full_control_is_all_of_the_company(text, rows):
    """Session 16 (blind13, read half): "took full control of Y" left the share unsaid; the gold reads it as 100%."""
    assert _told(text) == rows


@pytest.mark.parametrize("text", [
    pytest.param("Casterly Group and Hollin Energy have closed $740 million of project finance for a desalination plant at "
                 "Puerto Brisa.", id="closed-project-finance"),
    pytest.param("Casterly Group has closed a $740 million financing for a desalination plant at Puerto Brisa.",
                 id="closed-a-financing"),
])
def test_issue_7_who_closes_a_financing_borrows_it(text):
    """Session 16 (blind13, read half): "X closed $740m of project finance for Y" made X Y's lender; closing
    a debt is borrowing it, as closing a round is raising it."""
    assert _rows(text) == []


def test_issue_7_a_lender_of_project_finance_still_lends():
    assert _rows("Tarvik Bank will provide $300 million of project finance for the Puerto Brisa plant.") == [
        ("Tarvik Bank", "Puerto Brisa plant", 300 * M, None)]


def test_issue_7_a_sum_conjoined_to_a_loan_with_a_giver_of_its_own():
    """Session 16 (blind13, read half): "financed with a $150m loan from X and $60m from Z" lost Z's $60m:
    the parser conjoins the second sum to the loan, with its own "from"."""
    text = ("Velmora Power will build the Ixchel geothermal plant near Quetzaltenango. The plant was to be financed with a "
            "$150 million loan from the Kanta Development Bank and $60 million from Norrland Climate Finance.")
    assert ("Norrland Climate Finance", "Ixchel geothermal plant", 60 * M, None) in _told(text)
    assert ("Kanta Development Bank", "Ixchel geothermal plant", 150 * M, None) in _told(text)


def test_issue_7_a_sum_of_a_conjoined_verb_is_that_verb_s():
    """Session 16 (blind13, read half): "X rejected a R36.7bn approach from Z and raised its stake in Y to 80%"
    gave the rejected approach's sum to the stake, the sentence's only sum. (Since session 17 the approach is
    a bid of its own, with its sum.)"""
    text = "Tarsa Minerals rejected a R36.7bn approach from Qilong Group and raised its stake in the Mokopane chrome project to 80%."
    assert _rows(text) == [("Qilong Group", "Tarsa Minerals", Decimal("36700000000"), None),
                           ("Tarsa Minerals", "Mokopane chrome project", None, Decimal("0.8"))]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Tirsa Pharma bought 70% of Kelso Labs in 2021. The Halden Bank typically holds its stakes for five to seven years.",
                 [("Tirsa Pharma", "Kelso Labs", None, Decimal("0.7"))], id="another-holder-s-own-stakes"),
    pytest.param("Tirsa Pharma bought 70% of Kelso Labs in 2021. It sold its stake to the Halden Bank in 2024.",
                 [("Halden Bank", "Kelso Labs", None, Decimal("0.7")), ("Tirsa Pharma", "Kelso Labs", None, Decimal("0.7"))],
                 id="the-same-holder-s-stake"),
])
def test_issue_7_its_stake_is_its_holder_s(text, rows):
    """Session 16 (blind13, read half): "Z, which typically holds its stakes for five to seven years" took the
    70% stake X had bought before, making Z a holder of 70% of Y."""
    assert _told(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Tirsa Pharma agreed to buy Velmora Labs from Corvane Capital, which owns 88%.",
                 [("Corvane Capital", "Velmora Labs", None, Decimal("0.88")), ("Tirsa Pharma", "Velmora Labs", None, None)],
                 id="a-seller-s-holding"),
    pytest.param("Tirsa Pharma agreed to buy Velmora Labs from Corvane Capital, which owns 88% of the company.",
                 [("Corvane Capital", "Velmora Labs", None, Decimal("0.88")), ("Tirsa Pharma", "Velmora Labs", None, None)],
                 id="the-company-a-seller-holds-is-the-one-sold"),
    pytest.param("Tirsa Pharma agreed to buy all of Velmora Labs from Corvane Capital, which owns 88%, and the Halden Bank, "
                 "which bought the remaining 12% in 2019 for €18m.",
                 [("Corvane Capital", "Velmora Labs", None, Decimal("0.88")), ("Halden Bank", "Velmora Labs", 18 * M, Decimal("0.12")),
                  ("Tirsa Pharma", "Velmora Labs", None, Decimal("1"))],
                 id="the-remaining-share-a-second-seller-bought"),
    pytest.param("Tirsa Pharma bought the remaining 40% of Velmora Labs in 2019.",
                 [("Tirsa Pharma", "Velmora Labs", None, Decimal("1"))], id="a-buyer-of-the-rest-holds-all"),
])
def test_issue_7_what_the_sellers_hold(text, rows):
    """Session 16 (blind13, read half): "bought Y from X, which owns 88%, and Z, which bought the remaining 12%
    in 2019 for €18m" told no holding: a bare share in a relative clause on a seller is of the company sold,
    and the seller's "remaining 12%" completed the other seller's 88%, not its own holding."""
    assert _told(text) == rows


def test_issue_7_a_purpose_after_two_conjoined_deals_is_both_deals():
    """Session 16 (blind13, read half): "a $85m loan and a $25m grant for Y" lost the loan: the parser
    hangs "for Y" on the last conjunct only."""
    text = "The Kanta Development Bank will provide a $85 million loan and a $25 million grant for the Coral Bay cable."
    assert _told(text) == [("Kanta Development Bank", "Coral Bay cable", 25 * M, None),
                           ("Kanta Development Bank", "Coral Bay cable", 85 * M, None)]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Velmora Copper, a 60:40 joint venture between Casterly Group and Hollin Energy, will build the smelter.",
                 [("Casterly Group", "Velmora Copper", None, Decimal("0.6")), ("Hollin Energy", "Velmora Copper", None, Decimal("0.4"))],
                 id="a-ratio-before-the-venture"),
    pytest.param("Casterly Group and Hollin Energy own Velmora Copper in equal shares.",
                 [("Casterly Group", "Velmora Copper", None, Decimal("0.5")), ("Hollin Energy", "Velmora Copper", None, Decimal("0.5"))],
                 id="equal-shares"),
    pytest.param("The 2019-20 joint venture between Casterly Group and Hollin Energy built the smelter.",
                 [], id="a-span-of-years-is-no-split"),
])
def test_issue_7_a_stated_split_gives_each_partner_its_share(text, rows):
    """Session 16: "a 60:40 joint venture between A and B", "in equal shares": the split the text states
    is each partner's share, in the order they are named."""
    found = [r for r in _told(text) if r[3] is not None]
    assert found == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Adria Gateway Holdings will get a €90m loan provided by Donau Bank and Sadr Bank.",
                 [("Donau Bank", "Adria Gateway Holdings", 90 * M, None), ("Sadr Bank", "Adria Gateway Holdings", 90 * M, None)],
                 id="provided-by"),
    pytest.param("Velmora Pharma is building a plant in Turda. The plant will receive a €20m grant provided by the Kanta Foundation.",
                 [("Kanta Foundation", "plant in Turda", 20 * M, None), ("Velmora Pharma", "plant in Turda", None, None)],
                 id="a-grant-provided-by"),
    pytest.param("Adria Gateway Holdings signed a €90m loan guaranteed by the Vell government.", [], id="a-guarantor-is-no-lender"),
])
def test_issue_7_the_giver_a_participle_names_lends(text, rows):
    """Session 16 (blind13, read half): "a €90m loan provided by X and Y" named no lender: only a
    giving participle's agent is one ("provided", "extended", "arranged"; not "guaranteed", "approved")."""
    assert _told(text) == rows


def test_issue_7_a_number_written_into_an_unnamed_asset_s_word_is_kept():
    """Session 16: "a 5G network" with no place was named "G network" (the place-named form kept it)."""
    assert _rows("Kora Mobile will invest $300 million in a 5G network.") == [("Kora Mobile", "5G network", 300 * M, None)]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Velmora Power will build a desalination plant at Puerto Brisa. The debt comprises a $200m 18-year loan from "
                 "Marlow Invest, $240m from Kenshin Export Bank and $180m from Banco Serrano.",
                 {("Marlow Invest", 200 * M), ("Kenshin Export Bank", 240 * M)}, id="each-sum-with-the-giver-after-it"),
    pytest.param("Velmora Power will invest $300 million in the Ixchel plant, after raising $200 million from Norrland Finance "
                 "and $50 million from Tarvik Bank.", {("Velmora Power", 300 * M)}, id="another-clause-s-givers-give-to-it"),
])
def test_issue_7_a_list_of_sums_each_from_its_giver(text, rows):
    """Session 16 (blind13, read half): "a $200m loan from A, $240m from B, …" gave A the sum after its name:
    the parser hangs each sum on the giver before it. Read from the text: each sum goes to the "from" after it."""
    found = {(r[0], r[2]) for r in _told(text) if r[1] in {"desalination plant at Puerto Brisa", "Ixchel plant"}}
    assert rows <= found and not any(r[0] in {"Norrland Finance", "Tarvik Bank"} for r in found)
    assert all(amount == dict(rows).get(name, amount) for name, amount in found)


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Brightwave Mining has postponed the construction of its $25 billion chip factory in Lodz by two years.",
                 [("Brightwave Mining", "chip factory in Lodz", 25_000 * M, None)], id="postponed-by-two-years"),
    pytest.param("Brightwave Mining has delayed its purchase of Kora Cement by six months.",
                 [("Brightwave Mining", "Kora Cement", None, None)], id="delayed-by-six-months"),
])
def test_issue_7_by_and_a_measure_names_no_one(text, rows):
    """Session 17 (blind14, read half): "pushed back the construction of its fab by two years" took "two
    years" for the builder ("the construction of Y by X") and lost the fact."""
    assert _rows(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Tallis Instruments rejected a £900m approach from Redmoor Partners.",
                 [("Redmoor Partners", "Tallis Instruments", 900 * M, None)], id="a-rejected-approach"),
    pytest.param("Tallis Instruments rejected a £900m takeover proposal from Redmoor Partners.",
                 [("Redmoor Partners", "Tallis Instruments", 900 * M, None)], id="a-rejected-proposal"),
    pytest.param("Redmoor Partners took a new approach to its funding.", [], id="an-approach-with-no-sum"),
])
def test_issue_7_an_approach_or_proposal_with_a_price_is_a_bid(text, rows):
    """Session 17 (blind13 and blind14, read halves): bids are often told as an "approach" or a "proposal"
    from the bidder; only the word "offer" was a bid noun (a sum is required, as for every bid)."""
    assert _rows(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Tamsin Foods is financing the purchase with a $300 million bridge loan from Banco Oriel.",
                 [("Banco Oriel", "Tamsin Foods", 300 * M, None)], id="with-hung-on-the-object"),
    pytest.param("Tamsin Foods is funding the purchase with internal cash and a $300 million term loan from Orchard Bay Bank.",
                 [("Orchard Bay Bank", "Tamsin Foods", 300 * M, None)], id="cash-and-a-loan"),
    pytest.param("Tamsin Foods will fund the purchase with a $50 million loan.", [], id="no-lender-named"),
])
def test_issue_7_a_buyer_funding_its_purchase_with_a_loan_borrows_it(text, rows):
    """Session 17 (blind14, read half): "X is funding the purchase with cash and a loan from Z" lost Z's loan
    to X: the parser hung "with" on "the purchase", or the loan on it as one more conjunct."""
    assert _rows(text) == rows


def test_issue_7_a_clause_with_a_subject_of_its_own_says_what_that_subject_funds():
    """Session 17 (blind14, read half): "X is lending $150m, while Y and Z are providing riyal facilities
    of …" took Y's facilities for what X's loan is for (a gerund with its own subject is no purpose)."""
    text = ("The Kora solar plant will cost $1.3 billion. Norvik Export Credit is lending $150 million, while Riyad Union "
            "Bank and Nakheel Bank are providing riyal facilities of SAR900 million and SAR600 million respectively.")
    assert ("Norvik Export Credit", "Kora solar plant", 150 * M, None) in _rows(text)
    assert all(row[1] != "riyal facilities" for row in _rows(text))


def test_issue_7_funded_by_a_sum_from_a_giver_is_no_measure():
    """Session 17: "funded by $90 million of sponsor equity from X" lost X when "by" and a measure stopped
    naming an agent: a sum after "by" is what funds, not how much something changed."""
    text = ("The Porto Azul data centre campus will cost $350 million, funded by $90 million of sponsor equity from "
            "Coralview Digital and a $40 million mezzanine loan from Abeona Capital Partners.")
    assert ("Coralview Digital", "Porto Azul data centre campus", 90 * M, None) in _rows(text)


@pytest.mark.parametrize(("text", "wrong"), [
    pytest.param("Kovarna Steel secured a $200 million loan to rebuild its Trinec rolling mill. The lenders are Moravia Credit "
                 "and Banka Sudeta.", ("Moravia Credit", "Banka Sudeta"), id="the-lenders-are-a-and-b"),
    pytest.param("Kovarna Steel secured a $200 million loan to rebuild its Trinec rolling mill. The loan was provided by "
                 "Moravia Credit and Banka Sudeta.", ("Moravia Credit", "Banka Sudeta"), id="provided-by-a-and-b"),
    pytest.param("Kovarna Steel signed a $200 million loan for its Trinec rolling mill.", ("Kovarna Steel", "Trinec rolling mill"),
                 id="a-signer-borrowing-for-its-own-mill"),
])
def test_issue_7_lenders_named_together_all_lend(text, wrong):
    """Session 17 (battery3, read half): "X Bank and Y's ministry signed a loan" (the bank lends to the
    ministry) was read into "the lenders are A and B" and "provided by A and B", so A lent to B; and a
    company signing a loan for its own mill was its lender."""
    assert wrong not in [row[:2] for row in _rows(text)]


@pytest.mark.parametrize("text", [
    pytest.param("Kovarna Steel secured a $200 million loan to rebuild its Trinec rolling mill. The loan was provided by "
                 "Moravia Credit and Banka Sudeta.", id="the-loan-was-provided-by"),
    pytest.param("Kovarna Steel secured a $200 million loan to rebuild its Trinec rolling mill. The lenders are Moravia "
                 "Credit and Banka Sudeta.", id="the-lenders-are"),
    pytest.param("Kovarna Steel said it had drawn the first $80 million of a $200 million loan for its Trinec rolling mill. "
                 "The loan was provided by Moravia Credit and Banka Sudeta.", id="a-part-drawn-of-the-loan"),
])
def test_issue_7_lenders_named_after_the_loan_lend_it(text):
    """Session 17 (battery3, read half): a loan told with no lender, whose lenders the next sentence names
    ("The loan was provided by A and B", "The lenders are A and B"): one fact per lender, with the loan's
    sum and purpose, stated by both sentences."""
    assert _told(text) == [("Banka Sudeta", "Trinec rolling mill", 200 * M, None), ("Moravia Credit", "Trinec rolling mill", 200 * M, None)]


def test_issue_7_a_loan_with_a_lender_of_its_own_is_no_earlier_loan():
    text = ("Kovarna Steel secured a $200 million loan to rebuild its Trinec rolling mill. Separately, Lipno Bank lent "
            "$30 million to Orava Foods.")
    assert ("Lipno Bank", "Trinec rolling mill") not in [row[:2] for row in _rows(text)]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("The $3 billion Kora terminal is being developed by Ostara Ports.",
                 [("Ostara Ports", "Kora terminal", 3000 * M, None)], id="developed-by-names-the-developer"),
    pytest.param("The Kora terminal, developed by Ostara Ports, will cost $3 billion.",
                 [("Ostara Ports", "Kora terminal", 3000 * M, None)], id="a-participle-developed-by"),
    pytest.param("The $3 billion Kora terminal will be built by Ostara Construction.", [], id="built-by-names-a-contractor"),
])
def test_issue_7_a_developer_invests_a_builder_may_only_build(text, rows):
    """Session 17: "Y is being developed by X" names the developer, who invests; "Y will be built by X" may
    name a contractor (data/frames.json: "develop" is a frame of its own, with its passive agent)."""
    assert _rows(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Kora Solar Energy Co is 65% owned by Ajran Renewables and 35% by Huaxing New Energy.",
                 [("Ajran Renewables", "Kora Solar Energy Co", None, Decimal("0.65")),
                  ("Huaxing New Energy", "Kora Solar Energy Co", None, Decimal("0.35"))], id="both-by-on-the-participle"),
    pytest.param("Kora Solar Energy Co is 40% owned by Ajran Renewables, 35% by Huaxing New Energy and 25% by Solara SA.",
                 [("Ajran Renewables", "Kora Solar Energy Co", None, Decimal("0.4")),
                  ("Huaxing New Energy", "Kora Solar Energy Co", None, Decimal("0.35")),
                  ("Solara SA", "Kora Solar Energy Co", None, Decimal("0.25"))], id="three-holders"),
])
def test_issue_7_each_holder_takes_the_share_before_its_by(text, rows):
    """Session 17 (blind14, read half): "Y is 40% owned by A, 35% by B and 25% by C" lost B (its share hung on
    A as an apposition), and where the parser hung both "by" phrases on the participle, B took A's 65%."""
    assert _rows(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("The European Commission approved 900 million euros of German state aid for Kestrel Chips' plant in Dresden.",
                 [("Germany", "plant in Dresden", 900 * M, None)], id="a-regulator-approves-a-country-s-aid"),
    pytest.param("The Lindau Bank approved a $300 million loan to Tarnia for the Kora road project.",
                 [("Lindau Bank", "Kora road", 300 * M, None)], id="a-bank-approving-its-loan-lends"),
])
def test_issue_7_who_approves_another_country_s_aid_gives_none(text, rows):
    """Session 17: "the Commission approved German state aid for Y" made the regulator Y's investor; a
    nationality on the deal noun names the giver, the approver only approves."""
    assert _rows(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Fondo Marin, Lauca Capital and Orsk Bank will put $45m, $30m and $15m respectively into Norte Water, a "
                 "venture building a desalination plant.",
                 [("Fondo Marin", "Norte Water", 45 * M, None), ("Lauca Capital", "Norte Water", 30 * M, None),
                  ("Orsk Bank", "Norte Water", 15 * M, None)],
                 id="sums-respectively"),
    pytest.param("Skagen Fund and Maqta Investment Company will pay $1.25bn for a combined 24.9% of Deccan Roads, 14.9% "
                 "and 10% respectively.",
                 [("Skagen Fund", "Deccan Roads", 1250 * M, Decimal("0.149")), ("Maqta Investment Company", "Deccan Roads",
                                                                               1250 * M, Decimal("0.1"))],
                 id="shares-respectively"),
])
def test_issue_7_amounts_listed_respectively_go_to_the_members_in_order(text, rows):
    """Session 17 (battery3, read half): "A, B and C will put $45m, $30m and $15m respectively into Y" gave
    each $45m (the parser split the list apart, so it is read from the text); a share list likewise."""
    found = _rows(text)
    assert [row for row in found if row[1] == rows[0][1]] == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Orsk Construction will build the $2 billion Kora bridge for the Tarnia government.", [],
                 id="built-for-a-government"),
    pytest.param("Orsk Construction will build the $2 billion Kora bridge for Tarnia Railways.", [], id="built-for-a-company"),
    pytest.param("Kestrel Motors will build a $2 billion plant in Zlin for electric cars.",
                 [("Kestrel Motors", "plant in Zlin", 2000 * M, None)], id="built-for-a-purpose"),
])
def test_issue_7_who_builds_for_a_client_is_its_contractor(text, rows):
    """Session 17: "X will build the $2bn Y for the government" made the contractor Y's investor; an actor
    the work is for (on the verb or on what is built) makes the builder a contractor, as a contract does."""
    assert _rows(text) == rows


def test_issue_7_what_a_whose_clause_says_a_name_is_worth_is_no_price():
    """Session 17: "X bought Y, whose market value is $900m" paid $900m; a "whose" clause telling no deal
    describes the name ("… whose board approved a €90m loan" still tells the loan)."""
    assert _rows("Kestrel Motors bought Orsk Cells, whose market value is $900 million.") == [
        ("Kestrel Motors", "Orsk Cells", None, None)]


def test_issue_7_what_the_asset_will_cost_told_next_is_its_size():
    """Session 17: "X will build a battery plant in Y. The plant will cost $2bn": one fact with both
    sentences as evidence, the sum from the second (an asset's cost, like "a plant, which cost $2bn")."""
    assert _told("Kestrel Motors will build a battery plant in Zlin. The plant will cost $2 billion.") == [
        ("Kestrel Motors", "battery plant in Zlin", 2000 * M, None)]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Kestrel Motors sold half of its 40% stake in Orsk Cells to Lipno Capital for $80 million.",
                 [("Kestrel Motors", "Orsk Cells", None, Decimal("0.4")), ("Lipno Capital", "Orsk Cells", 80 * M, Decimal("0.2"))],
                 id="half-of-its-stake"),
    pytest.param("Kestrel Motors sold its 40% stake in Orsk Cells to Lipno Capital for $80 million.",
                 [("Lipno Capital", "Orsk Cells", 80 * M, Decimal("0.4"))], id="its-whole-stake"),
])
def test_issue_7_a_part_of_a_stake_sold_is_that_part_of_it(text, rows):
    """Session 17: "sold half of its 40% stake … for $80m" gave the buyer 50% and the seller's holding the
    sale's $80m; the part is a fraction of the stake, and the sum is the sale's."""
    assert _told(text) == rows


def test_issue_7_a_buyer_hung_on_a_name_read_as_a_conjunct_still_buys():
    """Session 18: in "sold its 30% stake in the glove maker Y to Z", the parser may read Y as a second
    verb of the clause and hang "to Z" on it; a proper name conjoined to the verb is the object it
    continues, and its "to" names the buyer."""
    text = ("As part of that reshuffle, Pelmar Group last year sold its 30% stake in the Malaysian glove maker "
            "Kuala Latex Works to Japan's Kurita Rubber for 3.1bn baht.")
    assert _rows(text) == [("Kurita Rubber", "Kuala Latex Works", 3100 * M, Decimal("0.3"))]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Red Lake Hosting, a Jeddah operator, was acquired in full by Norvik Data in 2022 for $1.9 billion.",
                 [("Norvik Data", "Red Lake Hosting", 1900 * M, Decimal("1"))], id="acquired-in-full"),
    pytest.param("Norvik Data acquired Red Lake Hosting in its entirety in 2022.",
                 [("Norvik Data", "Red Lake Hosting", None, Decimal("1"))], id="in-its-entirety"),
    pytest.param("Karrow Pharma has completed the purchase of Lindqvist Labs, a Swedish drugmaker. It paid $2.8 billion "
                 "for the whole of the company, including debt.",
                 [("Karrow Pharma", "Lindqvist Labs", 2800 * M, Decimal("1"))], id="the-whole-of-the-company"),
])
def test_issue_7_a_company_bought_in_full_is_all_of_it(text, rows):
    """Session 18: "acquired in full", "in its entirety" and "the whole of" are all of the company, as
    "outright" was (data/frames.json whole_words, partitives)."""
    assert _told(text) == rows


def test_issue_7_a_share_of_what_an_asset_makes_is_no_stake():
    """Session 18: "will buy 40 per cent of the plant's ammonia" (an offtake) made the buyer a 40%
    holder of the plant; a share of a possessed noun that names no holding, company or asset is none."""
    text = ("Orlen Azote is building a green ammonia plant at Lublin. Under a ten-year offtake agreement, Brenner "
            "Chemie will buy up to 40 per cent of the plant's ammonia.")
    assert _rows(text) == [("Orlen Azote", "green ammonia plant at Lublin", None, None)]


def test_issue_7_a_unit_of_a_company_described_is_named_without_the_possessive():
    """Session 18: "the group's Polish unit" was named "'s Polish unit of X"."""
    assert _rows("Ostrava Steel said Brenner Chemie will buy 40 per cent of the group's Polish unit.") == [
        ("Brenner Chemie", "Polish unit of Ostrava Steel", None, Decimal("0.4"))]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Takeda Homes will buy 65% of the Song Hong township project through the project company, Song Hong "
                 "Development LLC. Kanto Urban Finance said it would lend up to $150 million to the project company for roads.",
                 [("Kanto Urban Finance", "Song Hong Development LLC", 150 * M, None),  # (session 31: that Takeda
                  ("Takeda Homes", "Song Hong township", None, Decimal("0.65"))],  # owns the vehicle is not stated)
                 id="the-project-company-named-before"),
    pytest.param("Kanto Urban Finance said it would lend up to $150 million to Dalton Ltd for roads.",
                 [("Kanto Urban Finance", "Dalton Ltd", 150 * M, None)], id="a-name-ending-in-a-deal-word-said-it"),
])
def test_issue_7_a_description_given_a_name_stands_for_that_name(text, rows):
    """Session 18: "the project company" stood for the project even where the article had named it ("the
    project company, Y LLC"); and "X Finance said it would lend" lost X, read as a deal noun."""
    assert _told(text) == rows


def test_issue_7_names_before_each_are_the_subject():
    """Session 18: in "A and B have each committed SAR 1.75bn to the facility" the parser makes "each" the
    subject and hangs the names on the auxiliary; the sums went to the builder told before instead."""
    text = ("Najd Cloud will build a data centre campus outside Dammam. Gulf Crescent Bank and Bayan Islamic Bank "
            "have each committed SAR 1.75 billion to the facility.")
    assert _told(text) == [("Bayan Islamic Bank", "data centre campus outside Dammam", 1750 * M, None),
                           ("Gulf Crescent Bank", "data centre campus outside Dammam", 1750 * M, None),
                           ("Najd Cloud", "data centre campus outside Dammam", None, None)]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Hoan Binh Commercial Bank, a Hanoi lender, has signed a $300 million construction loan for the Song "
                 "Hong township.", [("Hoan Binh Commercial Bank", "Song Hong township", 300 * M, None)],
                 id="a-person-tagged-name-runs-on-to-its-company-word"),
    pytest.param("Hoan Binh Commercial Bank has signed a $300 million construction loan for the first 2,800 apartments.",
                 [("Hoan Binh Commercial Bank", "2,800 apartments", 300 * M, None)], id="an-ordinal-names-no-asset"),
])
def test_issue_7_housing_and_a_lender_named_in_part(text, rows):
    """Session 18: townships and apartments are assets (data/lexicon.json asset_heads), "the first 2,800
    apartments" is counted apartments, and a name the model tagged a person up to "Commercial Bank" is the bank's."""
    assert _told(text) == rows


def test_issue_7_a_side_named_is_the_club_and_no_league_or_country_is_one():
    """Session 18: "the club" after "Championship side X … the Football League approved the takeover" was
    the league (its "Football" made it a club; "United" made the United States one); a league, a body or a
    country takes no class from its name's words, and "side" before a name describes a club."""
    text = ("Championship side Ashford Town are set to pass into American hands after the English Football League on "
            "Wednesday approved the £95m takeover of 75 per cent of the club by a consortium led by Red Mesa Sports "
            "Partners. Red Mesa will own 60 per cent of the club.")
    rows = _told(text)
    assert ("Red Mesa Sports Partners", "Ashford Town", 95 * M, Decimal("0.75")) in rows
    assert all(target == "Ashford Town" for _, target, _, _ in rows)


@pytest.mark.parametrize("text", [
    pytest.param("Calder Partners, Groen Pensioen and Hanil Investment Corp will hold 45%, 15% and 10% of Orela Torres "
                 "SLU respectively.", id="respectively-after-the-company"),
    pytest.param("Calder Partners, Groen Pensioen and Hanil Investment Corp will hold 45%, 15% and 10% respectively of "
                 "Orela Torres SLU.", id="respectively-before-the-company"),
])
def test_issue_7_shares_listed_respectively_are_read_apart(text):
    """Session 18: the recogniser may make one entity of "15% and 10%", and a company may stand between the
    shares and "respectively"; each holder got the first share instead of its own."""
    assert _told(f"Tower stake sale\n\n{text}") == [("Calder Partners", "Orela Torres SLU", None, Decimal("0.45")),
                                                     ("Groen Pensioen", "Orela Torres SLU", None, Decimal("0.15")),
                                                     ("Hanil Investment Corp", "Orela Torres SLU", None, Decimal("0.1"))]


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Nilo Chemicals is building an ammonia complex at Port Tawfiq. Under the common terms agreement signed on "
                 "Monday, the European Bank for Reconstruction and Development (EBRD) is lending $250m and the African "
                 "Development Bank $200m.",
                 [("African Development Bank", "ammonia complex at Port Tawfiq", 200 * M, None),  # session 30: its own sum
                  ("European Bank for Reconstruction and Development", "ammonia complex at Port Tawfiq", 250 * M, None),
                  ("Nilo Chemicals", "ammonia complex at Port Tawfiq", None, None)], id="a-second-giver-with-its-verb-left-out"),
    pytest.param("Nilo Chemicals closes $1.6bn Port Tawfiq urea financing as export halt bites\n\nNilo Chemicals is "
                 "building an ammonia complex at Port Tawfiq.",
                 [("Nilo Chemicals", "ammonia complex at Port Tawfiq", None, None)], id="a-place-before-a-project-noun-lends-nothing"),
])
def test_issue_7_who_lends_is_not_read_from_a_gapped_name_or_a_project_s_place(text, rows):
    """Session 18: "A is lending $250m and B $200m" made B the borrower of A's loan (the parser reads B as a
    recipient or a second object, though a recipient comes before what is given); and "X urea financing"
    made the place X a lender (a name before another common noun describes the project, not who lends)."""
    assert _told(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Tanzanian miners\n\nThe Arusha-based Meru Commercial Bank has provided a 250 billion shilling (about "
                 "$95 million) loan to Kivu Mining Holdings of Tanzania.",
                 [("Meru Commercial Bank", "Kivu Mining Holdings", 250_000 * M, None)], id="shilling-as-written-first"),
    pytest.param("Fertiliser\n\nThe project company, Tawfiq Nitrogen Company SAE, is 55% owned by Nilo Chemicals.",
                 [("Nilo Chemicals", "Tawfiq Nitrogen Company SAE", None, Decimal("0.55"))], id="a-legal-form-is-no-acronym"),
])
def test_issue_7_a_currency_in_the_singular_and_a_legal_form_after_company(text, rows):
    """Session 18: "a 250 billion shilling (about $95m) loan" recorded the dollars (the singular was no currency
    name); "X Company SAE" was named "SAE", read as the acronym after "Company" (data/lexicon.json company_words
    now has SAE, SLU, SAC, JSC and other legal forms)."""
    assert _told(text) == rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Refinery stake\n\nHormuz Oil Holding of the United Arab Emirates will raise its shareholding in Sind Coastal Refinery Ltd to "
                 "40 per cent from 25pc by subscribing to new shares worth $210 million.",
                 [("Hormuz Oil Holding", "Sind Coastal Refinery Ltd", 210 * M, Decimal("0.4"))], id="a-holding-s-name-is-no-holding"),
    pytest.param("Parts maker\n\nDaewon is 34.5 percent owned by Hansol Group, the Changwon-based conglomerate, while the National Pension "
                 "Service holds 7.1 percent.",
                 [("Hansol Group", "Daewon", None, Decimal("0.345")), ("National Pension Service", "Daewon", None, Decimal("0.071"))],
                 id="a-place-hyphened-to-based-is-no-listed-name"),
    pytest.param("Refinery\n\nSind Coastal Refinery is planning a deep-conversion upgrade of its plant near Hub. The Islamic Development "
                 "Bank has approved a $300m murabaha facility for the project.",
                 [("Islamic Development Bank", "plant near Hub", 300 * M, None)], id="a-murabaha-facility-is-a-loan"),
])
def test_issue_7_names_that_look_like_holdings_places_or_plants(text, rows):
    """Session 18: "X Holding of the UAE" (tagged a person) was read as a holding of the UAE, which became the
    investor; "the Changwon-based conglomerate" listed Changwon as a second owner; "a murabaha facility for
    the project" was a facility built, not an Islamic loan for the project."""
    assert _told(f"Refinery and parts makers\\n\\n{text}") == rows


def test_issue_7_a_headline_verb_with_its_particle_is_no_asset():
    """Session 18: "X water utility lines up R5.5bn from lenders" (a headline, "lines" tagged a noun) made
    "X water utility lines" the asset every later bare sum went to; a noun with a particle is a verb."""
    text = ("Nelson Bay water utility lines up R5.5bn from development lenders to stem losses\n\nBay Water Services "
            "signed loan agreements with the Development Bank of Southern Africa that will fund its Water Loss Reduction "
            "Programme. The DBSA is lending R1.8 billion over 18 years.")
    assert all("lines" not in target for _, target, _, _ in _told(text))


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("Parts maker sells plant\n\nThe buyer, Avtokomponent-Invest LLC, will acquire 100 percent of Daewon Motech "
                 "Rus, the subsidiary that owns the plant.",
                 [("Avtokomponent-Invest LLC", "Daewon Motech Rus", None, Decimal("1"))], id="an-untagged-name-hyphened-in-two"),
    pytest.param("Parts maker\n\nDaewon Motech agreed to sell its plant in the Kaluga region of Russia to Avtoprom-Invest LLC.\n\n"
                 "At the same time, Daewon will invest 150 million euros in a new plant in Kecskemet, Hungary. The Export-Import "
                 "Bank of Korea has agreed to lend 60 million euros for the project.",
                 [("Avtoprom-Invest LLC", "plant in the Kaluga region", None, None),
                  ("Daewon Motech", "plant in Kecskemet", 150 * M, None),
                  ("Export-Import Bank of Korea", "plant in Kecskemet", 60 * M, None)], id="the-project-its-paragraph-just-named"),
])
def test_issue_7_a_hyphened_name_and_the_project_just_named(text, rows):
    """Session 18: an untagged "Avtokomponent-Invest LLC" was named "Invest LLC" (the hyphen ended the run of
    names); "the project" went to the article's most fully named asset, not the plant the sentence before named."""
    assert _told(text) == rows


def test_issue_7_it_after_a_reported_deal_is_the_buyer_not_the_companies_reporting():
    """Session 18: "X has completed the purchase of Y, the companies said. It paid …": "it" was read as
    "the companies" and so as Y, and the fact came out swapped; the clause a reporting verb tells holds the
    subject, and a plural noun is no "it"."""
    text = ("Lindqvist Labs agrees sale\n\nLindqvist Labs SA makes insulin. Karrow Pharma Ltd has completed the purchase "
            "of Lindqvist Labs SA, the companies said on Wednesday. It paid $2.8 billion for the whole of the company.")
    assert all(investor == "Karrow Pharma Ltd" for investor, _, _, _ in _told(text))


@pytest.mark.parametrize("text", [
    pytest.param("The deal is the latest in a series of Indian acquisitions in Brazil's drug industry.", id="acquisitions"),
    pytest.param("Serbia has used Chinese credit lines for several highway sections.", id="credit-lines"),
])
def test_issue_7_deals_of_a_kind_named_by_a_nationality_are_no_deal(text):
    """Session 18: a plural deal noun whose only investor is a nationality ("Indian acquisitions in Brazil",
    "Chinese credit lines") tells deals of a kind, not one deal by that country."""
    assert _told(text) == []


@pytest.mark.parametrize("name", ["Instituto Mineiro de Biológicos", "Fundação Serra Azul", "Ministerio de Obras Públicas"])
def test_issue_7_a_foreign_body_tagged_a_person_is_a_party(name):
    """Session 18: "the public laboratory Instituto Mineiro de X", tagged a person, was no party: Spanish,
    Portuguese, French and Italian words for institutes, foundations, universities, associations and
    ministries make a body of a name (data/lexicon.json organization_words, government_words)."""
    parties = [[p.name for p in a.parties] for a in _agreements(
        f"Pharma\n\nIn a separate move, Serra Verde signed a technology-transfer agreement with the public laboratory "
        f"{name} on June 2, 2025.")]
    assert parties == [["Serra Verde", name]]


def test_issue_7_a_partner_with_its_own_share_beside_it_is_a_holder_not_a_target():
    """Session 18: "X will own 60 per cent of the club and its partner, Y, 15 per cent" made Y a second
    company X holds 60% of; a conjunct with a share of its own set off beside it is a gapped holder.
    (Session 21: the sale to Red Mesa, told with no sum or share, is the 60% it will own.)"""
    text = ("Club takeover\n\nChampionship side Ashford Town will be sold to Red Mesa Sports Partners. Red Mesa will own 60 "
            "per cent of the club and its partner, the Dubai-based family office Harbour Cove Capital, 15 per cent.")
    assert _told(text) == [("Harbour Cove Capital", "Ashford Town", None, Decimal("0.15")),
                           ("Red Mesa", "Ashford Town", None, Decimal("0.6"))]


def test_issue_7_a_named_programme_funded_takes_the_bare_sums_after_it():
    """Session 18: "loan agreements with A and B that will fund its Water Loss Reduction Programme. A is lending
    R1.8bn, and B $80m": a named programme a fact funds is what the paragraph is about, as a named asset is."""
    text = ("Water utility borrows\n\nBay Water Services signed loan agreements on Monday with the Development Bank of "
            "Southern Africa (DBSA) and the African Development Bank (AfDB) that will fund the bulk of its five-year Water "
            "Loss Reduction Programme. The DBSA is lending R1.8 billion (about $100m) over 18 years, and the AfDB $80 million.")
    rows = _told(text)
    assert ("Development Bank of Southern Africa", "Water Loss Reduction Programme", 1800 * M, None) in rows
    assert ("African Development Bank", "Water Loss Reduction Programme", 80 * M, None) in rows


@pytest.mark.parametrize(("text", "asserted"), [
    pytest.param("Krishna Lifesciences bought a 60% stake in Farmaris for R$1.1 billion, and it holds an option to buy the "
                 "remainder in 2026.", [("Krishna Lifesciences", "Farmaris", 1100 * M, Decimal("0.6"))], id="holds-an-option"),
    pytest.param("Krishna Lifesciences has the right to buy the remaining 40% of Farmaris.", [], id="has-the-right"),
    pytest.param("Krishna Lifesciences exercised its option to buy the remaining 40% of Farmaris for R$500 million.",
                 [("Krishna Lifesciences", "Farmaris", 500 * M, Decimal("1"))], id="exercised-an-option"),
])
def test_issue_7_an_option_to_buy_is_possible_until_exercised(text, asserted):
    """Session 18: "it holds an option to buy the remainder in 2026" was stated as a purchase of all of the
    company; an option or a right held is a possible deal (data/status.json), one exercised is a deal."""
    facts = extract_document(make_document(f"Pharma\n\n{text}", published="2024-06-01")).investments
    rows = [(f.investor.name, f.target.name, f.amount.value if f.amount else None, f.stake) for f in facts
            if f.factuality is not Factuality.POSSIBLE]
    assert sorted(set(rows)) == asserted


def test_issue_7_a_hyphened_fuel_word_keeps_the_plant_s_name():
    """Session 18: "the 1,320-megawatt Kestrel coal-fired power plant" was named "coal-fired power plant" (the
    parser hangs "coal" on "fired" as a modifier of its own, which ended the name before "Kestrel")."""
    assert _told("Financing\n\nChina Development Bank lent $1.5 billion for the 1,320-megawatt Kestrel coal-fired power "
                 "plant.") == [("China Development Bank", "Kestrel coal-fired power plant", 1500 * M, None)]


def test_issue_7_a_dateline_split_off_is_not_the_lede():
    """Session 19: "PORTVILLE -" split off as a sentence of its own was taken for the body's first sentence, so
    the asset the lede names was lost and a later lender's bare sum had no project to go to; the second lender of
    "A is lending $250m and B $200m", which the parser hangs on the verb as whom the sum goes to, lends too."""
    text = ("Velmora closes methanol financing\nHarbour Business Times | Industry\nBy Lena Ostrova\n"
            "Updated: Tue 9 Sep 2025, 15:30 EET\n\nPORTVILLE - Velmora Chemicals reached financial close on Monday for its "
            "planned methanol complex at Port Tarrin, signing loans with three lenders at a ceremony.\n\nUnder the common "
            "terms agreement signed on Monday, the Nordic Investment Bank is lending $250m and the Corvan Development Bank "
            "$200m.")
    assert _told(text) == [("Corvan Development Bank", "methanol complex at Port Tarrin", 200 * M, None),
                           ("Nordic Investment Bank", "methanol complex at Port Tarrin", 250 * M, None)]


@pytest.mark.parametrize(("text", "target"), [
    pytest.param("the 2,000-megawatt Al Sudair 2 solar photovoltaic plant in Qassim province", "Al Sudair 2 solar photovoltaic plant",
                 id="number-beside-a-two-word-name"),
    pytest.param("the 1,500-megawatt Hanakiyah 3 solar plant in Qassim province", "Hanakiyah 3 solar plant", id="number-on-the-noun"),
])
def test_issue_7_a_numbered_name_on_the_asset_s_noun_stays_in_its_name(text, target):
    """Session 19: where the parser hangs the number of "the X 2 plant" on the plant rather than on X, the name
    ended before X and the plant was named by its place."""
    rows = _told(f"Solar debt signed\n\nThe consortium developing {text} signed its loans on Thursday. The Export-Import "
                 "Bank of Corvania is lending $420 million.")
    assert rows == [("Export-Import Bank of Corvania", target, 420 * M, None)]


def test_issue_7_a_board_in_a_whose_clause_acts_for_its_bank():
    """Session 19: "X, whose Board of Directors approved a loan" made the board a lender of its own."""
    rows = _told("Rail loan\n\nThe Kestrel rail line is co-financed by the Nordic Investment Bank, whose Board of Directors on "
                 "12 June 2025 approved a €90 million loan for the project.")
    assert rows == [("Nordic Investment Bank", "Kestrel rail line", 90 * M, None)]


def test_issue_7_the_two_lenders_just_listed_and_a_lettered_loan():
    """Session 19: "… taken up by A and B. The two lenders have each committed …" went to the two companies the
    article names most (one of them the borrower), and the "B" of a "B-loan" was a lender."""
    rows = _told("Port financing\n\nKestrel Port Ltd will build a container terminal at Lamu Bay. Kestrel Port Ltd is 70% owned "
                 "by Dhow Terminals. The Pan-African Infrastructure Bank will lend $220 million to Kestrel Port Ltd. A further "
                 "$180 million B-loan is being syndicated to commercial banks and has so far been taken up by Savanna "
                 "Commercial Bank and Rift Trust Bank.\n\nThe two Ruiru-based lenders have, in addition, each committed "
                 "KSh 4 billion to a shilling tranche that will pay for customs yards.")
    investors = {investor for investor, _, amount, _ in rows if amount == 4000 * M}
    assert investors == {"Savanna Commercial Bank", "Rift Trust Bank"}
    assert all(investor != "B" for investor, _, _, _ in rows)


@pytest.mark.parametrize(("text", "amount"), [
    pytest.param("The project company, Tarrin Nitrogen SAE, is 55% owned by Velmora Chemicals, with the Halden Fund holding the "
                 "remaining 45%, and the two shareholders have committed $560m of equity between them.", 560 * M,
                 id="the-shareholders-between-them"),
    pytest.param("Qamar Energy will own 60 percent of the project company, Sareen Solar Power Co, and Hoshino Power the "
                 "remaining 40 percent. The two partners will invest $900 million in the plant.", 900 * M, id="the-two-partners"),
    pytest.param("Qamar Energy will own 60 percent of the project company, Sareen Solar Power Co, and Hoshino Power the "
                 "remaining 40 percent. The remaining $310m will be contributed as equity by the two shareholders in "
                 "proportion to their holdings.", 310 * M, id="contributed-by-the-two-shareholders"),
    pytest.param("Under the agreement, Veltrana Steel will hold 51 per cent of the new company, Korvel Rolling SA, and "
                 "Ostrana Kovy the remaining 49%. The partners plan to invest €90 million over three years, mainly in an "
                 "electric arc furnace and a cold-rolling line.", 90 * M, id="the-partners-invest-mainly-in-equipment"),
])
def test_issue_7_a_sum_the_holders_just_named_put_in_together_is_each_one_s(text, amount):
    """Session 19: "A owns 55% and B 45%, and the two shareholders have committed $560m between them" gave the
    holdings no sum (the gold of a joint venture gives each member the joint amount) or the sum to one member;
    "Y is 55% owned by A, with B holding the remaining 45%" gave B's share no target. Session 24: "The partners
    plan to invest €90m, mainly in an arc furnace" went to the venture and a partner, for the equipment."""
    rows = _told(f"Joint venture\n\n{text}")
    assert len(rows) == 2 and all(row[2] == amount and row[3] is not None for row in rows)


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("A further $300 million will come from Bank Kessa.", ("Bank Kessa", 300 * M), id="will-come-from"),
    pytest.param("The remaining $300 million comes from the Tarvo Development Fund.", ("Tarvo Development Fund", 300 * M),
                 id="the-remaining-sum-comes-from"),
])
def test_issue_7_a_sum_that_comes_from_a_lender_is_its(text, row):
    """Session 24 (blind6, read half): "A further 1.2 billion zlotys will come from a syndicate led by X" was no fact."""
    rows = _told(f"Ammonia\n\nOdra Chem will build a green ammonia plant at Lume. {text}")
    assert (row[0], "green ammonia plant at Lume", row[1], None) in rows


def test_issue_7_what_comes_from_someone_but_money_is_no_sum_of_theirs():
    """Session 24, the guard: "the offer came from X" states no sum X gives."""
    rows = _told("Ammonia\n\nOdra Chem will build a $300 million green ammonia plant at Lume. The offer came from Bank Kessa.")
    assert all(investor != "Bank Kessa" for investor, *_ in rows)


CONSORTIUM = ("A consortium of Kessa Maritime and the Tarvo Fund has completed the acquisition of a 49 per cent stake in Lume "
              "Terminal SA for $410m. The shares were sold by the state-owned Orvik Ports, which will retain the remaining 51 per "
              "cent. ")


def test_issue_7_the_new_shareholders_sum_is_none_of_the_seller_s():
    """Session 24 (blind20, read half): "the new shareholders have committed to invest a further $250m in a new berth"
    gave the sum to every holder of the terminal, the seller that keeps 51% included."""
    rows = _told(f"Port\n\n{CONSORTIUM}The new shareholders have committed to invest a further $250 million in a new "
                 "deep-water berth.")
    assert all(amount is None for investor, _, amount, _ in rows if investor == "Orvik Ports")
    assert any(target == "deep-water berth" and amount == 250 * M for _, target, amount, _ in rows)


def test_issue_7_shares_within_the_consortium_are_of_the_consortium():
    """Session 24 (blind20, read half): "Within the consortium, A holds 70 per cent and B 30" gave A 70% of the terminal
    the consortium bought 49% of."""
    rows = _told(f"Port\n\n{CONSORTIUM}Within the consortium, Kessa Maritime holds 70 per cent and the Tarvo Fund 30 per cent.")
    assert {stake for investor, target, _, stake in rows if target == "Lume Terminal SA" and investor != "Orvik Ports"} == {
        Decimal("0.49")}


WIND_FARM = ("Tarvo Energy and Kessa Power will jointly build a 600-megawatt wind farm at Lume Ridge, in a project costing "
             "$900 million, the partners said. ")


def test_issue_7_partners_joint_sum_and_their_shares_of_the_venture_are_one_investment_each():
    """Session 24 (blind3, read half): "A and B will jointly build Y, in a project costing $900m. A will own 60% of the
    project company, Z, and B the remaining 40%": the sums had no share and the shares no sum (the gold of a joint
    investment gives each partner the joint total and its own share)."""
    rows = _told(f"Wind\n\n{WIND_FARM}Tarvo will own 60 percent of the project company, Lume Wind Co, and Kessa the "
                 "remaining 40 percent.")
    assert ("Tarvo Energy", "wind farm at Lume Ridge", 900 * M, Decimal("0.6")) in rows
    assert ("Kessa Power", "wind farm at Lume Ridge", 900 * M, Decimal("0.4")) in rows
    assert ("Kessa Power", "Lume Wind Co", 900 * M, Decimal("0.4")) in rows


def test_issue_7_partners_shares_of_other_companies_are_not_their_venture_s():
    """Session 24, the guard: shares the partners hold elsewhere (adding up to more than one whole) take no joint sum."""
    rows = _told(f"Wind\n\n{WIND_FARM}Tarvo already owns 60 percent of Delmar Grid and Kessa owns 70 percent of Orvik Solar.")
    assert ("Tarvo Energy", "wind farm at Lume Ridge", 900 * M, None) in rows
    assert ("Kessa Power", "Orvik Solar", None, Decimal("0.7")) in rows  # Kessa's own clause (nlp_parse.conjoined_subjects)
    assert all(stake is None for _, target, _, stake in rows if target == "wind farm at Lume Ridge")


def test_issue_7_a_sum_of_holders_no_share_was_told_for_goes_to_no_one():
    """Session 19, the case the joint sum must not take: no holding told before it, no one to give it to."""
    assert _told("Joint venture\n\nThe two partners will invest $900 million in the plant.") == []


def test_issue_7_the_sum_a_relative_clause_s_noun_is_part_of():
    """Session 19: "will repay the $150 million of financing it received from X" gave X's loan no sum (the sum
    heads the noun phrase the relative clause's noun is the "of" of), once a second sum in the sentence was read."""
    rows = _told("Airline rescue\n\nVelora Air has also obtained a BRL 600 million loan from Banco Sul to refinance engine "
                 "maintenance, and will repay the $150 million of financing it received in October 2024 from Corcovado "
                 "Credit Partners.")
    assert ("Corcovado Credit Partners", "Velora Air", 150 * M, None) in rows
    assert ("Banco Sul", "Velora Air", 600 * M, None) in rows


def test_issue_7_a_bare_sum_goes_to_what_its_investor_just_invested_in():
    """Session 19: "Y raised RM1.3bn in a round led by A, with participation from B. B invested RM600m" gave B's
    own sum no target (no asset for it to be about)."""
    rows = _told("Data centres\n\nJohor-based Sinar Data Centres Sdn Bhd has raised RM1.3 billion in a funding round led by "
                 "Kurosawa Telecom, with participation from Merlion Fund. Merlion invested RM600 million, the company said "
                 "in a statement.")
    assert ("Merlion Fund", "Sinar Data Centres Sdn Bhd", 600 * M, None) in rows


def test_issue_7_a_share_the_seller_keeps_is_of_what_it_sells():
    """Session 19: "A agreed to buy 65% of Y from B. B will keep a 25% stake" gave B's stake no target (only a bare
    percentage, "will keep 25 per cent", was read as a share of the deal's target)."""
    rows = _told("Lithium\n\nPoyang Metals has agreed to buy 65% of Puna Litio SA from Andes Brine Corp, the regulator said. "
                 "Andes Brine will keep a 25% stake, while the remaining 10% belongs to a provincial state company.")
    assert ("Andes Brine", "Puna Litio SA", None, Decimal("0.25")) in rows


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("Tembusu Hotels has owned 29.9pc of Harbour Inns since 2023.", ("Tembusu Hotels", "Harbour Inns", None, Decimal("0.299")),
                 id="owned-pc"),
    pytest.param("Tembusu Hotels took 30pc of the Spanish resort owner Costa Dorada Resorts two years later.",
                 ("Tembusu Hotels", "Costa Dorada Resorts", None, Decimal("0.3")), id="took-pc"),
])
def test_issue_7_a_percentage_written_pc_is_a_share(text, row):
    """Session 19: British and South Asian papers write "29.9pc"; the tokenizer kept it one word, which no
    partitive reading knew, so the share and its company were lost."""
    assert _told(f"Hotels\n\n{text}") == [row]


@pytest.mark.parametrize("text", [
    pytest.param("Al Waha Agri is 40% owned by the Abu Dhabi holding company Ghaf Holding.", id="city-before-a-description"),
    pytest.param("Al Waha Agri is 40% owned by the Kenyan holding company Ghaf Holding.", id="demonym-before-a-description"),
])
def test_issue_7_a_place_running_into_a_holder_s_description_is_no_holder(text):
    """Session 19: "owned by the Abu Dhabi holding company X" is parsed with two objects of "by", and the
    United Arab Emirates became a second holder."""
    assert _told(f"Grain\n\n{text}") == [("Ghaf Holding", "Al Waha Agri", None, Decimal("0.4"))]


def test_issue_7_a_lender_preparing_a_loan_lends():
    """Session 19: "X is preparing a €95m loan for Y" named no lender ("prepare" was no support verb of a loan)."""
    assert _told("Data\n\nThe Nordic Investment Bank is preparing a €95m senior loan for the expansion of Sumadija Data "
                 "Park.") == [("Nordic Investment Bank", "Sumadija Data Park", 95 * M, None)]


def test_issue_7_the_fund_after_a_pension_plan_is_the_plan():
    """Session 19: "the fund" after "the Laurentian Public Pension Plan (LPPP)" stood for no one: a pension
    plan is a fund (data/frames.json class_synonyms)."""
    rows = _told("Towers\n\nThe Laurentian Public Pension Plan (LPPP) will buy 26 per cent of Vistaar Infratel for Rs 6,300 "
                 "crore, the companies said.\n\nThe fund owns 9.5 per cent of the listed road trust Hind Highways InvIT and "
                 "in 2022 invested Rs 1,200 crore in the renewable energy developer Surya Kiran Power.")
    assert ("Laurentian Public Pension Plan", "Surya Kiran Power", 12_000 * M, None) in rows
    assert ("Laurentian Public Pension Plan", "Hind Highways", None, Decimal("0.095")) in rows


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("Poyang Metals Group has agreed to take control of Puna Litio SA, completing a $620 million deal.",
                 ("Poyang Metals Group", "Puna Litio SA", 620 * M, None), id="completing-a-deal"),
    pytest.param("BUENOS AIRES, Aug 4 (Pampa Wire) - A Chinese state-owned miner has won antitrust clearance to take control of "
                 "lithium developer Puna Litio SA, completing a $620 million deal.\n\nPoyang Metals Group will own 65% of "
                 "Puna Litio after buying shares from Andes Brine Corp, the regulator said.",
                 ("Poyang Metals Group", "Puna Litio", 620 * M, Decimal("0.65")), id="a-buyer-described-then-named"),
])
def test_issue_7_a_deal_s_sum_in_a_participle_and_a_buyer_named_later(text, row):
    """Session 19: "…, completing a $620m deal" was read as a deal of its own, so the sum was no one's; and the
    sum a lede pays with its buyer only described ("a Chinese state-owned miner") did not reach the holding the
    named buyer "will own" after buying."""
    assert row in _told(f"Lithium\n\n{text}")


def test_issue_7_a_lender_hung_on_the_loan_s_aim_lends_for_the_asset_named_before():
    """Session 19: "obtained a $250m loan for the refinery from China Development Bank", with "from" hung on "the
    refinery", named no lender, and the lender's name inside the phrase made "the refinery" a name, not a
    description of the refinery named before."""
    rows = _told("Lithium\n\nPuna Litio is building a $380 million refinery in General Guemes. Puna Litio has also obtained "
                 "a $250 million loan for the refinery from China Development Bank.")
    assert ("China Development Bank", "refinery in General Guemes", 250 * M, None) in rows


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("Hormuz Petroleum will raise its shareholding in Indus Coastal Refinery Ltd to 40 per cent. As a result, the "
                 "stake of Pakistan National Petroleum Holdings will fall to 30pc from 37.5pc.",
                 ("Pakistan National Petroleum Holdings", "Indus Coastal Refinery Ltd", None, Decimal("0.3")), id="the-stake-of-x-will-fall"),
    pytest.param("Hormuz Petroleum will raise its shareholding in Indus Coastal Refinery Ltd to 40 per cent. The stake of Pakistan "
                 "National Petroleum Holdings in the refiner will be diluted to 30 per cent.",
                 ("Pakistan National Petroleum Holdings", "Indus Coastal Refinery Ltd", None, Decimal("0.3")), id="diluted-to"),
])
def test_issue_7_the_share_a_dilution_leaves_a_holder(text, row):
    """Session 19: "the stake of X will fall to 30pc" was read as a trend ("investment in the sector fell 12%"),
    and its "of X" as what the stake is in; a holder's stake that a change leaves at a share is that holding."""
    assert row in _told(f"Refinery\n\n{text}")


def test_issue_7_a_trend_of_a_deal_noun_is_still_no_deal():
    """Session 19, the case the dilution reading must leave alone: no holder, no share it is left at."""
    assert _told("Refinery\n\nForeign investment in the refining sector fell 12 per cent last year.") == []


def test_issue_7_the_phase_is_the_asset_the_phase_named_before_works_on():
    """Session 19: "financing for the phase" after "the second phase of its Sedenak campus" went to the borrower;
    works are named by what they work on, and a definite works noun by what its last mention worked on."""
    rows = _told("Data centres\n\nSinar Data Centres will spend RM2.5 billion on the second phase of its Sedenak campus, "
                 "which will add 120 megawatts. Sinar has also obtained RM1.8 billion of green financing for the phase "
                 "from a consortium of lenders including Bank Seri Murni and Harimau Islamic Bank.")
    assert ("Bank Seri Murni", "Sedenak campus", 1800 * M, None) in rows
    assert ("Harimau Islamic Bank", "Sedenak campus", 1800 * M, None) in rows


@pytest.mark.parametrize(("text", "row"), [
    pytest.param("Harlow Chemicals will spend $900 million on its planned ammonia and urea complex at Ain Darsa.",
                 ("Harlow Chemicals", "ammonia and urea complex at Ain Darsa", 900 * M, None), id="spend-on-its-complex"),
    pytest.param("Orvan Metals paid $40 million for the lead and zinc mine near Velika.",
                 ("Orvan Metals", "lead and zinc mine near Velika", 40 * M, None), id="paid-for-the-mine"),
])
def test_issue_7_an_asset_of_two_materials_is_one_asset(text, row):
    """Session 20: "its ammonia and urea complex at Ain Darsa" was parsed as "ammonia" and a second thing,
    "urea complex", with no verb and no place: the complex had no investor, the mine lost its place
    (graph/nlp_parse.py mends the parse)."""
    assert _told(f"Chemicals\n\n{text}") == [row]


def test_issue_7_lenders_whose_verbs_are_left_out_each_lend_their_own_sum():
    """Session 20: "B $200m" with B unlabelled by the parser, "C has provided a $150m facility" (a debt noun a
    giving verb gives) and "D a tranche of …" (a name joined to a deal noun, its own deal after it): each
    lends its own sum for the complex the lede names; D was read as what C lends to."""
    rows = _told("Urea\n\nHarlow Nitrogen reached financial close on Monday for its planned ammonia and urea complex at "
                 "Ain Darsa.\n\nUnder the common terms agreement, the Arvel Bank for Reconstruction (ABR) is lending $250m "
                 "and the Morvan Development Bank $200m, while the Orvan Export-Import Bank has provided a $150m facility "
                 "and Kessel Union Bank a local-currency tranche of 8 billion Egyptian pounds.")
    complex_ = "ammonia and urea complex at Ain Darsa"
    assert rows == sorted([("Arvel Bank for Reconstruction", complex_, 250 * M, None),
                           ("Kessel Union Bank", complex_, 8000 * M, None),
                           ("Morvan Development Bank", complex_, 200 * M, None),
                           ("Orvan Export-Import Bank", complex_, 150 * M, None)])


def test_issue_7_a_facility_provided_in_the_passive_is_a_loan_not_a_plant():
    """Session 21: "the $90m facility was provided by X to Y" read the facility as a $90m plant."""
    rows = _told("Power\n\nThe $90 million facility was provided by Nordia Bank to Delmar Power.")
    assert rows == [("Nordia Bank", "Delmar Power", 90 * M, None)]


def test_issue_7_the_place_an_asset_is_in_is_no_second_target():
    """Session 21: "set up a factory in X with an investment of $500m": the investment took the verb's "in"
    phrase first, and the place became a second target of the same sum."""
    rows = _told("Cars\n\nKorvan Motors will set up a battery factory in Tarsk with an investment of $500 million.")
    assert rows == [("Korvan Motors", "battery factory in Tarsk", 500 * M, None)]


def test_issue_7_sums_listed_respectively_in_the_first_currency_not_the_gloss():
    """Session 20: "facilities of SAR900 million and SAR600 million (about $240 million and $160 million)
    respectively": the bracketed list glosses the first; each bank lends its own riyal sum."""
    rows = _told("Solar\n\nHarlow Solar reached financial close for the Tarsk solar plant on Monday. Riyad Kessel Bank and "
                 "Al Marwa Bank are providing riyal facilities of SAR900 million and SAR600 million (about $240 million "
                 "and $160 million) respectively.")
    assert ("Riyad Kessel Bank", "Tarsk solar plant", 900 * M, None) in rows
    assert ("Al Marwa Bank", "Tarsk solar plant", 600 * M, None) in rows


def test_issue_7_which_after_a_pair_is_the_name_just_before_it():
    """Session 20, a guard: once "a $180m facility" a bank provides is a deal noun, the clause that carries it
    is a relative one, and its "which" is Kessel Exportbank alone, not the pair (the noun first read it as both)."""
    rows = _told("Water\n\nThe project builds on the partnership between Morvania and Kessel Exportbank, which in 2021 "
                 "provided a US$180 million facility for the Tarsk Water Project.")
    assert rows == [("Kessel Exportbank", "Tarsk Water Project", 180 * M, None)]


def test_issue_7_a_loan_the_buyer_pays_with_goes_to_the_buyer():
    """Session 20: "will pay with cash on hand and a £900mn bridge loan from A and B", with the loan joined to
    the verb by the parser: the payer borrows (the gold's convention: each lender with the joint total)."""
    rows = _told("Sensors\n\nHalvard Seiki Co, the Osaka-based maker of industrial sensors, agreed to buy Corrin Instruments "
                 "for £1.4bn. The Japanese group will pay with cash on hand and a £900mn bridge loan from Sumio Trust Bank "
                 "and Harrow Mercantile.")
    assert ("Sumio Trust Bank", "Halvard Seiki Co", 900 * M, None) in rows
    assert ("Harrow Mercantile", "Halvard Seiki Co", 900 * M, None) in rows


def test_issue_7_a_picture_s_caption_is_not_the_lede():
    """Session 20: "Photo: Bags of beans wait for grading at a warehouse in Tema." came before the body and was
    taken for its first sentence, so every loan the article told with no project of its own went to the warehouse;
    "in the Tema free zone" places the plant as "in the Anzob valley" does (data/word_lists.json area_words)."""
    text = ("Cocoa grinder expands\nBusiness Desk | Accra\n\nPhoto: Bags of dried cocoa beans wait for grading at a warehouse "
            "in Tema.\n\nKessel Cocoa will build a $95 million grinding plant in the Tema free zone, its chief executive "
            "said.\n\nThe Orvan Development Bank approved a $45 million loan last week.")
    rows = _told(text)
    assert ("Orvan Development Bank", "grinding plant in the Tema free zone", 45 * M, None) in rows
    assert not any(row[1].startswith("warehouse") for row in rows)


def test_issue_7_a_name_that_starts_with_its_kind_is_an_asset():
    """Session 20: "the Estádio do Mirante", one token once its particle is joined, was no entity, and the role
    reader made it a company: no asset for the next sentence's lender. Its first word says its kind, as the
    recogniser's names already do (lexicon leading_asset_words)."""
    rows = _told("Football\n\nTarsk Sports Partners will spend €60 million renovating the Estádio do Mirante. Of that "
                 "amount, €25 million will be lent by Banco Kessel Comercial, according to documents presented to members.")
    assert ("Banco Kessel Comercial", "Estádio do Mirante", 25 * M, None) in rows


@pytest.mark.parametrize(("text", "rows"), [
    pytest.param("The 95-megawatt Zunil II geothermal plant was to be financed with a $150 million loan approved by the Central "
                 "Bank for Integration in November 2023 and $60 million from Reykjavik-based Arctic Climate Finance.",
                 [("Arctic Climate Finance", "Zunil II geothermal plant", 60 * M, None),
                  ("Central Bank for Integration", "Zunil II geothermal plant", 150 * M, None)], id="approved-by-a-bank"),
    pytest.param("The Zunil II geothermal plant was to be financed with a $150 million loan approved by parliament in 2023.",
                 [], id="approved-by-parliament"),
])
def test_issue_7_a_lender_that_approves_a_loan_lends_it(text, rows):
    """Session 20: "a $150 million loan approved by the X Bank" named no lender; a lender (by its name) approving
    a loan lends it, and the sum beside it "from Z" is Z's. Parliament approving one lends nothing."""
    assert [r for r in _told(f"Geothermal\n\n{text}") if r[2] is not None] == rows


@pytest.mark.parametrize("text", [
    pytest.param("Harrow Hotels, the owner of 31 seaside hotels from Dunmore to Callan, is set to leave the stock market.",
                 id="the-owner-of-a-count"),
    pytest.param("Nordvik Energi, which also owns wind farms in the Eastern Cape, said it was weighing a bid.",
                 id="which-also-owns-a-plural"),
    pytest.param("Hidrovia Levante, which has built 11 desalination plants in Spain and North Africa, entered Peru in 2017.",
                 id="which-has-built-a-count"),
])
def test_issue_7_a_portfolio_an_owner_is_described_by_is_no_holding(text):
    """Session 20: a count or a bare plural of things an actor is described as owning or having built, with no
    share or sum, is its portfolio, not one asset one could check (the gold annotates none)."""
    assert _told(f"Assets\n\n{text}") == []


def test_issue_7_a_described_owner_of_one_named_asset_still_holds_it():
    """The guard: one asset, named, is a holding a description may state."""
    assert _told("Assets\n\nTarsk Holdings, the owner of the Velika copper mine, is set to leave the stock market.") == [
        ("Tarsk Holdings", "Velika copper mine", None, None)]


def test_issue_7_a_descriptor_opening_a_standfirst_is_no_company() -> None:
    """Session 29 (blind29): "Developer buys former shipyard for €95m", a standfirst, made "Developer" a buyer."""
    rows = _told("update\n\nDeveloper buys old Tarn dockyard for €60m\n\nOrlo Gulf has bought the old "
                 "Tarn dockyard in Velo for €60 million.")
    assert not [row for row in rows if row[0] == "Developer"], rows


def test_issue_7_a_title_leading_a_name_makes_it_a_person_s() -> None:
    """Session 33 (blind28, read half): "President X inaugurates Y hydroelectric complex", a headline whose name the
    model did not tag, made "President X" a company and the complex's investor."""
    rows = _told("President Tamsiro inaugurates Tarsk Upper hydroelectric complex\n\nThe complex cost 4.56 billion bolivianos.")
    assert not [row for row in rows if "Tamsiro" in row[0]], rows


def test_issue_7_a_title_alone_is_no_company() -> None:
    """Session 29 (blind20, read half): "VP commissions US$1.2bn X copper mine", once the verb was read as
    one, made "VP" the mine's investor."""
    rows = _told("VP commissions US$800m Luano East copper mine as exports climb\n\nLUSAKA, May 3 - "
                 "Vice-President Ana Lungu on Friday commissioned the US$800 million Luano East copper mine.")
    assert not [row for row in rows if row[0] == "VP"], rows
