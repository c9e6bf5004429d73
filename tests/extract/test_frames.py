"""Frames (issue 7): every frame and role position on passages of our own, fictitious names only.

Each case is one passage and the (investor, target, amount, stake) facts it must state; the
names are invented so that the gazetteer cannot help and the rules must read the grammar.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from graph.extract import investments
from graph.extract.frames import frame_lexicon
from graph.model import Factuality, Status
from graph.nlp import get_nlp

M = Decimal(1_000_000)

# (id, passage, [(investor, target, amount or None, currency or None, stake or None)])
CASES = [
    ("active-verb-stake-seller-price", "Acme Holdings agreed to buy a 40 percent stake in Borin Steel from Calder Group for $300 million.",
     [("Acme Holdings", "Borin Steel", 300 * M, "USD", Decimal("0.4"))]),
    ("passive-with-agent", "Borin Steel was bought by Acme Holdings for £45 million.",
     [("Acme Holdings", "Borin Steel", 45 * M, "GBP", None)]),
    ("nominal-of-by", "The acquisition of Borin Steel by Acme Holdings was completed in May.",
     [("Acme Holdings", "Borin Steel", None, None, None)]),
    ("relative-clause-subject", "Zelco Mining, which bought Pardo Copper last year, is expanding.",
     [("Zelco Mining", "Pardo Copper", None, None, None)]),
    ("partitive-of-percent", "Trevia Bank is to buy 20 per cent of Olsen Financial for 3.5 billion rand.",
     [("Trevia Bank", "Olsen Financial", 3500 * M, "ZAR", Decimal("0.2"))]),
    ("ownership-passive-percent", "Borin Steel is 40 percent owned by Acme Holdings.",
     [("Acme Holdings", "Borin Steel", None, None, Decimal("0.4"))]),
    ("consortium-led-by", "A consortium led by Pelican Fund agreed to buy Harbor Ports from Silt Group.",
     [("Pelican Fund", "Harbor Ports", None, None, None)]),
    ("line-of-credit-to-dative", "Nordia Bank extended a $1 billion line of credit to Kivu Power.",
     [("Nordia Bank", "Kivu Power", 1000 * M, "USD", None)]),
    ("loan-agreement-lender-after-with", "Ostrava Metro signed a $900 million loan agreement with the Tarvan Development Bank.",
     [("Tarvan Development Bank", "Ostrava Metro", 900 * M, "USD", None)]),
    ("greenfield-asset-with-place", "Zelco Motors said it would build a battery plant near Tarvos.",
     [("Zelco Motors", "battery plant near Tarvos", None, None, None)]),
    ("pronoun-governing-subject", "Gallant Motors announced plans to invest 22.6 billion baht in Thailand.",
     [("Gallant Motors", "Thailand", 22600 * M, "THB", None)]),
    ("purpose-clause-target", "The company Vexa Cloud has announced a $4.8 billion investment to develop a data center campus in Mexico.",
     [("Vexa Cloud", "data center campus in Mexico", 4800 * M, "USD", None)]),
    ("government-named-by-country", "The Narvia Infrastructure Bank approved a $356 million loan to the Indian government.",
     [("Narvia Infrastructure Bank", "Government of India", 356 * M, "USD", None)]),
    ("agent-noun-apposition", "Halden Group, owner of Pardo Cars, said sales rose.",
     [("Halden Group", "Pardo Cars", None, None, None)]),
    ("means-by-acquiring", "Zelco Mining strengthened its position by acquiring Pardo Copper for €1.2 billion.",
     [("Zelco Mining", "Pardo Copper", 1200 * M, "EUR", None)]),
    ("conversion-in-brackets-is-not-the-amount", "Quarra Energy is to buy a 6 per cent stake in Lumo Power for €2.2 billion ($2.4 billion).",
     [("Quarra Energy", "Lumo Power", 2200 * M, "EUR", Decimal("0.06"))]),
    ("definite-description-of-class", "Pardo Steel is a steelmaker. Calder Holdings bought a 10 percent stake in the steelmaker.",
     [("Calder Holdings", "Pardo Steel", None, None, Decimal("0.1"))]),
    ("follow-up-sentence-amount", "In 2019 Zelco Mining completed the acquisition of Pardo Copper. This €42 million transaction was its largest.",
     [("Zelco Mining", "Pardo Copper", 42 * M, "EUR", None)]),
    ("sized-asset-under-a-plan", "Pardo Lithium said it has shelved plans for a $233 million refinery in Calvia.",
     [("Pardo Lithium", "refinery in Calvia", 233 * M, "USD", None)]),
    ("hyphen-participle-agent", "The Lorvan Coastal Railway, a Chinese-funded project, opened in May.",
     [("China", "Lorvan Coastal Railway", None, None, None)]),
    ("money-word-object", "Nordia has been pouring money into Kivu.",
     [("Nordia", "Kivu", None, None, None)]),
    ("subsidiary-of", "Minera Tolva, the local subsidiary of Calder Mining, runs the pit.",
     [("Calder Mining", "Minera Tolva", None, None, None)]),
    ("participle-owner-from-host-clause", "Gallant Motors will turn the Rayong plant acquired from Verro Motors into an export base.",
     [("Gallant Motors", "Rayong plant", None, None, None)]),
    ("buy-back", "Halden Group aims to repurchase 20 per cent of Halden Renewables.",
     [("Halden Group", "Halden Renewables", None, None, Decimal("0.2"))]),
    ("conjoined-passive-lender", "The $1.8 billion Tolo power plant is being built by Hanlin Engineering and financed by the Corvia Development Bank.",
     [("Corvia Development Bank", "Tolo power plant", 1800 * M, "USD", None)]),
    ("pronoun-owner-of-a-business", "Orion Ports said it would sell its ports business to Basalt Capital.",
     [("Basalt Capital", "ports business of Orion Ports", None, None, None)]),
    ("a-loan-to-help-a-borrower", "The Kestrel Development Bank approved a $500 million loan to help Tarsia strengthen its banks.",
     [("Kestrel Development Bank", "Tarsia", 500 * M, "USD", None)]),  # session 11: the helped borrower is the target
    ("xcomp-passive", "Borin Steel agreed to be acquired by Acme Holdings.",
     [("Acme Holdings", "Borin Steel", None, None, None)]),
    ("pay-for-a-share", "Acme Holdings will pay €200 million for 60 percent of the Vell terminal.",
     [("Acme Holdings", "Vell terminal", 200 * M, "EUR", Decimal("0.6"))]),
    ("copula-participle", "Borin Steel is majority-owned by Acme Holdings.",
     [("Acme Holdings", "Borin Steel", None, None, None)]),
    ("spend-on-asset-in-unrecognised-town", "Acme Holdings plans to spend $300 million on a new factory in Vell.",
     [("Acme Holdings", "factory in Vell", 300 * M, "USD", None)]),
    ("take-control", "Acme Holdings took full control of Borin Steel in 2019.",
     [("Acme Holdings", "Borin Steel", None, None, Decimal("1"))]),
    ("unnamed-asset-keeps-its-defining-nouns", "Pardo Motors plans to invest up to €250 million in a cell factory.",
     [("Pardo Motors", "cell factory", 250 * M, "EUR", None)]),
    ("the-stake-named-before", "Verro Energy agreed to buy a 45% stake in Dobra Wind. Verro Energy is paying €310m for the stake.",
     [("Verro Energy", "Dobra Wind", 310 * M, "EUR", Decimal("0.45"))]),
    ("it-is-the-previous-named-subject", "Redmark said sales rose. It scrapped plans to build a $210 million drone factory in Vell.",
     [("Redmark", "drone factory in Vell", 210 * M, "USD", None)]),
    ("sum-holds-the-target-preposition", "Baykon will invest about $95 million in the Tolo assembly plant.",
     [("Baykon", "Tolo assembly plant", 95 * M, "USD", None)]),
    ("elliptical-sum-takes-the-asset-before", "Corvia Bank lent $60 million for the Tolo dam. Nordia Finance lent a further $40 million.",
     [("Nordia Finance", "Tolo dam", 40 * M, "USD", None)]),
    ("money-received-from", "Marundi received $300 million from the Corvia Development Bank for the Tolo dam.",
     [("Corvia Development Bank", "Tolo dam", 300 * M, "USD", None)]),
    ("each-plan-misparsed-as-a-noun", "Pardo Motors and its partner Verro Cells each plan to invest up to €250 million in a cell factory.",
     [("Pardo Motors", "cell factory", 250 * M, "EUR", None)]),
    ("a-bank-approving-its-loan-lends", "The Corvia Development Bank approved a $42 million loan for the Tolo railway.",
     [("Corvia Development Bank", "Tolo railway", 42 * M, "USD", None)]),
    ("an-unnamed-venture-keeps-its-description", "Petrona sold its 50 per cent interest in a Nigerian offshore venture to Lagos Energy for $1.4 billion.",
     [("Lagos Energy", "Nigerian offshore venture", 1400 * M, "USD", Decimal("0.5"))]),
    ("board-of-a-named-bank", "The Board of Directors of the Corvia Development Bank has approved a loan of $80 million to Marundi to finance the Tolo ring road.",
     [("Corvia Development Bank", "Tolo ring road", 80 * M, "USD", None)]),
    ("an-asset-subject-receives-a-loan-from", "The Dalvik coal power plant achieved financial close with a $1.5 billion "
     "loan from Orient Development Bank.",
     [("Orient Development Bank", "Dalvik coal power plant", 1500 * M, "USD", None)]),
    ("agreements-worth-a-sum-with-lenders-for-a-project", "Dalvik Power signed financing agreements worth $1.2bn with "
     "Orient Development Bank and the Export-Import Bank of Morland for the Dalvik coal project.",
     [("Orient Development Bank", "Dalvik coal project", 1200 * M, "USD", None),
      ("Export-Import Bank of Morland", "Dalvik coal project", 1200 * M, "USD", None)]),
    ("a-bank-financing-another-s-plant-with-a-loan-lends", "Orient Development Bank financed the Dalvik plant with a "
     "$900 million loan.", [("Orient Development Bank", "Dalvik plant", 900 * M, "USD", None)]),
    ("a-sum-of-the-cost-is-given", "Orient Development Bank provided $900 million of the $1.2 billion cost of the Dalvik plant.",
     [("Orient Development Bank", "Dalvik plant", 900 * M, "USD", None)]),
    ("a-headline-stake-named-by-its-company", "Halvard Group to buy Kessa Power stake for $1.1bn\n\nThe deal was announced on Monday.",
     [("Halvard Group", "Kessa Power", 1100 * M, "USD", None)]),
    ("a-headline-passive-without-was", "Kessa Power sold to Halvard Energy in $1.1bn deal\n\nThe deal closed on Monday.",
     [("Halvard Energy", "Kessa Power", 1100 * M, "USD", None)]),
    ("an-owner-s-named-unit-invests", "Orvik Holdings' Halvard Energy unit will invest $300 million in a wind farm in Kolo.",
     [("Halvard Energy", "wind farm in Kolo", 300 * M, "USD", None)]),
    ("a-co-financer-with-another-funds-too", "The Pan-Savanna Development Bank will co-finance the Kolo road with the "
     "Nordic Lending Fund, each contributing $100 million.",
     [("Pan-Savanna Development Bank", "Kolo road", 100 * M, "USD", None), ("Nordic Lending Fund", "Kolo road", 100 * M, "USD", None)]),
    ("the-total-a-deal-leaves", "With a new $500 million agreement, Orient Bank has extended 10 lines of credit to the Tarsa "
     "Water Authority, taking the total value of its credit lines to $2.18 billion.",
     [("Orient Bank", "Tarsa Water Authority", 2180 * M, "USD", None)]),
    ("the-developer-of-an-asset", "Halvard Motors, the developer of the Kolo solar park, said costs rose.",
     [("Halvard Motors", "Kolo solar park", None, None, None)]),
    ("a-sum-disbursed-of-a-loan-to", "Orient Export Bank has disbursed $50 million of the $200 million loan to the "
     "Tarsa Water Authority.", [("Orient Export Bank", "Tarsa Water Authority", 50 * M, "USD", None)]),
    ("a-part-of-the-sum-with-a-target-of-its-own", "Vardania will provide $9 billion in subsidies for the two Tesmar "
     "plants, including $3.5 billion for the first plant in Kolo.",
     [("Vardania", "Tesmar plants", 9000 * M, "USD", None), ("Vardania", "first plant in Kolo", 3500 * M, "USD", None)]),
    ("board-with-two-of-phrases", "The Board of Directors of the Pan-Savanna Development Bank Group has approved a loan of "
     "$120 million to finance the Kolo-Benu road project in Tarsa State.",
     [("Pan-Savanna Development Bank Group", "Kolo-Benu road", 120 * M, "USD", None)]),
    ("postponed-construction-of-a-sized-asset", "Zelco Chips has postponed the construction of its €30 billion chip factory in Vell.",
     [("Zelco Chips", "chip factory in Vell", 30000 * M, "EUR", None)]),
    ("a-group-including-each-member", "Hutchford Holdings agreed to sell its 80% stake in Panam Ports to a group including Blackrock Partners and Tilo Shipping for $22.8 billion.",
     [("Blackrock Partners", "Panam Ports", 22800 * M, "USD", Decimal("0.8")), ("Tilo Shipping", "Panam Ports", 22800 * M, "USD", Decimal("0.8"))]),
    ("the-automaker-is-the-lede-subject", "Gallant Motors will open a factory in Tolo after buying a plant from Verro Motors. Verro Motors left the market. The automaker plans to invest 2 billion baht in Tolo.",
     [("Gallant Motors", "Tolo", 2000 * M, "THB", None)]),
    ("demonym-investor-recipient", "Lorvania has received significant Chinese investment since 2013, totalling around €18 billion.",
     [("China", "Lorvania", 18000 * M, "EUR", None)]),
    ("nominal-under-a-means-preposition", "Verro Motors grew its fleet business through the acquisition of Dalvik Fleet from Tarn Bank.",
     [("Verro Motors", "Dalvik Fleet", None, None, None)]),
    ("indefinite-description-parsed-as-a-second-subject", "Lorvan's Coastal Railway, a Chinese-funded Meridian Initiative project, is facing delays.",
     [("China", "Coastal Railway", None, None, None)]),
    ("percent-hyphen-participle", "Orion Ports is 30%-owned by Ridgeway Capital.",
     [("Ridgeway Capital", "Orion Ports", None, None, Decimal("0.3"))]),
    ("consortium-of-named-members", "Harbourline Holdings agreed to sell a 90% stake in its ports unit to a consortium of Ridgeway Capital and Tessaly Shipping for $19 billion.",
     [("Ridgeway Capital", "ports unit of Harbourline Holdings", 19000 * M, "USD", Decimal("0.9")),
      ("Tessaly Shipping", "ports unit of Harbourline Holdings", 19000 * M, "USD", Decimal("0.9"))]),
    ("consortium-of-a-name-parsed-as-one", "A consortium of Harvell Capital and Ostrander Partners agreed to buy the Port of Lemara for $2.1 billion.",
     [("Harvell Capital", "Port of Lemara", 2100 * M, "USD", None), ("Ostrander Partners", "Port of Lemara", 2100 * M, "USD", None)]),
    ("consortium-led-by-and-including", "A consortium led by Harvell Capital, including Ostrander Partners and Quill Infrastructure, will acquire 80% of Norvane Ports for $4 billion.",
     [("Harvell Capital", "Norvane Ports", 4000 * M, "USD", Decimal("0.8")), ("Ostrander Partners", "Norvane Ports", 4000 * M, "USD", Decimal("0.8")),
      ("Quill Infrastructure", "Norvane Ports", 4000 * M, "USD", Decimal("0.8"))]),
    ("group-led-by-and-also-comprising", "An investment group led by the Harvell Fund, and also comprising Ostrander Partners and Quill Media, has completed the acquisition of Norvane Ports.",
     [("Harvell Fund", "Norvane Ports", None, None, None), ("Ostrander Partners", "Norvane Ports", None, None, None), ("Quill Media", "Norvane Ports", None, None, None)]),
    ("owners-listed-with-their-shares", "The shareholders of Tarn Power, which owns the 1,320MW plant, include Harvell Energy with 47.5% and Quill Capital with 26%.",
     [("Harvell Energy", "Tarn Power", None, None, Decimal("0.475")), ("Quill Capital", "Tarn Power", None, None, Decimal("0.26"))]),
    ("relative-holding-keeps-no-sum-of-the-main-deal", "Norland Tyre, which already owns a plant in Varosk, will invest $560 million in a new tyre factory in Tangier.",
     [("Norland Tyre", "plant in Varosk", None, None, None), ("Norland Tyre", "tyre factory in Tangier", 560 * M, "USD", None)]),
    ("a-loan-is-not-what-the-asset-cost", "The Tallis coal power plant, which cost $2 billion, received a $500 million loan from Kestrel Development Bank.",
     [("Kestrel Development Bank", "Tallis coal power plant", 500 * M, "USD", None)]),
    ("a-holding-and-a-sum-of-one-sentence-are-one-fact", "Orsk Ports, which holds a 51 per cent stake in the Lemara terminal, has invested about $800 million in the terminal.",
     [("Orsk Ports", "Lemara terminal", 800 * M, "USD", Decimal("0.51"))]),
    ("relative-clause-owned-in-two-shares", "The project is being developed by Tallis Hydro Company, which is 60 per cent owned by state utility Orvo State Energy and 40 per cent owned by Kestrel Renewables.",
     [("Orvo State Energy", "Tallis Hydro Company", None, None, Decimal("0.6")), ("Kestrel Renewables", "Tallis Hydro Company", None, None, Decimal("0.4"))]),
    ("shares-in-relative-clauses-on-the-owners", "Karoo Sun Energy runs the plant. The company is owned by Orvo Power Investments, which holds 65 per cent, and Kestrel Energi, which acquired its 35 per cent stake in 2022 for R2.1 billion.",
     [("Orvo Power Investments", "Karoo Sun Energy", None, None, Decimal("0.65")), ("Kestrel Energi", "Karoo Sun Energy", 2100 * M, "ZAR", Decimal("0.35"))]),
    ("a-when-clause-on-a-date-states-the-same-deal", "Tessaly Airport was acquired by Orvo Airports in April 2024, when the operator bought a 50.01% stake from Kestrel Partners for £1.27 billion.",
     [("Orvo Airports", "Tessaly Airport", 1270 * M, "GBP", Decimal("0.5001"))]),
    ("its-shares-in-a-relative-clause-are-the-owned-company", "Ocean Lemara is controlled by Trivane Capital, a Singapore-based fund that holds 72 percent of its shares.",
     [("Trivane Capital", "Ocean Lemara", None, None, Decimal("0.72"))]),
    ("take-per-cent-of-a-company", "Halcyon Partners will take 50 per cent of Orvis Data, with Siam Tessaly Group acquiring 30 per cent.",
     [("Halcyon Partners", "Orvis Data", None, None, Decimal("0.5")), ("Siam Tessaly Group", "Orvis Data", None, None, Decimal("0.3"))]),
    ("bought-outright-is-all-of-it", "Al-Tessa Sports Capital bought Belgian side KV Tessel outright in 2021 for €14 million.",
     [("Al-Tessa Sports Capital", "KV Tessel", 14 * M, "EUR", Decimal("1"))]),
    ("its-stake-is-the-one-named-before", "Orsk Bank owns 20% of Tarn Bank. Orsk Bank bought its 51% stake in 2008 for €1.3 billion.",
     [("Orsk Bank", "Tarn Bank", 1300 * M, "EUR", Decimal("0.51"))]),
    ("open-a-credit-line-in-a-relative-clause", "The largest commitment came from the Orvo Reconstruction Bank, which agreed to open a $1.5 billion credit line to Tessaly Rail.",
     [("Orvo Reconstruction Bank", "Tessaly Rail", 1500 * M, "USD", None)]),
    ("the-two-companies-are-the-two-named-before", "Orvo Electronics and Taiwan's Lumora Semiconductor formed a joint venture. "
     "The two companies will invest a combined 3,200 crore rupees in the first phase of the facility at Tarvel Nagar, an industrial township south of Ahmedabad.",
     [("Orvo Electronics", "facility at Tarvel Nagar", 32000 * M, "INR", None), ("Lumora Semiconductor", "facility at Tarvel Nagar", 32000 * M, "INR", None)]),
    ("passive-by-lenders-including", "The Lakeside power plant was financed by a consortium of lenders including Kestrel Development Bank and Marlow Exim Bank.",
     [("Kestrel Development Bank", "Lakeside power plant", None, None, None), ("Marlow Exim Bank", "Lakeside power plant", None, None, None)]),
    ("a-loan-for-a-borrower-to-build-funds-the-project", "State lender Banco Rural do Norte approved a R$400 million credit line for Campo Verde to build a rail terminal at Lagoa Seca.",
     [("Banco Rural do Norte", "rail terminal at Lagoa Seca", 400 * M, "BRL", None)]),
    ("a-loan-signed-with-a-ministry-for-a-project-funds-the-project", "The Arctic Development Bank signed a $500 million loan with the Ministry of Finance for the Tundra highway.",
     [("Arctic Development Bank", "Tundra highway", 500 * M, "USD", None)]),
    ("a-loan-with-no-project-goes-to-the-borrower", "Kestrel Bank lent Ravenna Steel $40 million.",
     [("Kestrel Bank", "Ravenna Steel", 40 * M, "USD", None)]),
    ("a-follow-up-says-all-of-it", "Halvard Foods agreed to buy grain trader Silo Torre from Ridge Capital for $90 million. "
     "The acquisition of all of Silo Torre gives Halvard control of nine terminals.",
     [("Halvard Foods", "Silo Torre", 90 * M, "USD", Decimal("1"))]),
    ("bought-all-of-the-shares", "Tamsin Group bought all of the shares of Orrin Bakeries for $12 million.",
     [("Tamsin Group", "Orrin Bakeries", 12 * M, "USD", Decimal("1"))]),
    ("a-sum-spent-on-a-deal-s-own-gerund", "Northgate Sports Partners has promised to spend a further €60 million renovating the Farol stadium.",
     [("Northgate Sports Partners", "Farol stadium", 60 * M, "EUR", None)]),
    ("a-sum-spent-buying-a-company", "Tarnell Energy spent $2 billion buying Elektrum.",
     [("Tarnell Energy", "Elektrum", 2000 * M, "USD", None)]),
    ("each-between-the-auxiliary-and-the-verb", "Kestrel Bank and Rift Trust Bank have each committed $40 million to the Lamu terminal.",
     [("Kestrel Bank", "Lamu terminal", 40 * M, "USD", None), ("Rift Trust Bank", "Lamu terminal", 40 * M, "USD", None)]),
    ("a-subsidiary-named-after-its-owner-s-name", "The local subsidiary of Canada's Northvale Minerals, Minera Tolo, operating the mine, acknowledged the ruling.",
     [("Northvale Minerals", "Minera Tolo", None, None, None)]),
    ("works-on-an-asset-of-no-name", "Orsk Capital and its co-investor Tarn Fund each agreed to put up to £120 million into a new terminal extension.",
     [("Orsk Capital", "terminal extension", 120 * M, "GBP", None), ("Tarn Fund", "terminal extension", 120 * M, "GBP", None)]),
    ("a-gapped-clause-holds-its-own-share", "Dongsan Rail will own 45% of the Kostobe venture and Steppe Rail 55%.",
     [("Dongsan Rail", "Kostobe venture", None, None, Decimal("0.45")), ("Steppe Rail", "Kostobe venture", None, None, Decimal("0.55"))]),
    ("a-gapped-remaining-share-of-a-venture-to-be-called", "Vardan Electronics will hold 60 per cent of the joint venture, to be called Vardan Lumo Semiconductor Pvt Ltd, "
     "and Lumo Micro the remaining 40 per cent.",
     [("Vardan Electronics", "Vardan Lumo Semiconductor Pvt Ltd", None, None, Decimal("0.6")),
      ("Lumo Micro", "Vardan Lumo Semiconductor Pvt Ltd", None, None, Decimal("0.4"))]),
    ("co-investors-share-the-total", "A consortium led by Halden Partners has agreed to buy Orvis Data for $680 million. "
     "Halden will take 50 per cent of Orvis Data, with Siam Tessaly Group acquiring 30 per cent and Kestrel Bank the remaining 20 per cent.",
     [("Halden Partners", "Orvis Data", 680 * M, "USD", Decimal("0.5")), ("Halden Partners", "Orvis Data", 680 * M, "USD", Decimal("0.5")),
      ("Kestrel Bank", "Orvis Data", 680 * M, "USD", Decimal("0.2")), ("Siam Tessaly Group", "Orvis Data", 680 * M, "USD", Decimal("0.3"))]),
    ("each-lender-s-relative-clause-states-its-own-sum", "The Lomo coal plant will be financed by Kestrel Bank, which will lend $300 million, "
     "and Halden Bank, which will provide $150 million.",
     [("Kestrel Bank", "Lomo coal plant", 300 * M, "USD", None), ("Halden Bank", "Lomo coal plant", 150 * M, "USD", None)]),
    ("a-share-of-the-cost-of-an-asset-funds-the-asset", "Kestrel Development Bank will finance 85% of the cost of the Lomo coal plant.",
     [("Kestrel Development Bank", "Lomo coal plant", None, None, None)]),
    ("a-deal-gives-a-stake", "The deal, valued at $120 million, gives Orsk Holdings a 60% stake in Tarnell Foods.",
     [("Orsk Holdings", "Tarnell Foods", 120 * M, "USD", Decimal("0.6"))]),
    ("a-loan-granted-to-a-borrower-for-a-project-funds-the-project", "Kestrel Bank granted Tarvia a $300 million loan for the Tosk railway.",
     [("Kestrel Bank", "Tosk railway", 300 * M, "USD", None)]),
    ("a-line-of-credit-agreement", "Kestrel Bank signed a $500 million line of credit agreement with the government of Sri Lanka.",
     [("Kestrel Bank", "Government of Sri Lanka", 500 * M, "USD", None)]),
    ("a-company-named-after-an-asset-buys-and-the-owner-s-participle-takes-no-sum",
     "Kestrel Towers will pay 350 million euros for 4,000 telecom towers owned by Orsk Telecom in Portugal.",
     [("Kestrel Towers", "telecom towers", 350 * M, "EUR", None), ("Orsk Telecom", "telecom towers", None, None, None)]),
    ("plural-lenders-of-one-nationality-are-their-country", "Chinese state lenders have extended more than $2 billion in loans to Laos since 2015.",
     [("China", "Laos", 2000 * M, "USD", None)]),
    ("a-share-of-a-sized-cost-provided-states-no-sum", "The Kestrel Export Bank will provide 85 per cent of the $3.2 billion cost of the Tosk railway.",
     [("Kestrel Export Bank", "Tosk railway", None, None, None)]),
    ("a-loan-signed-by-borrower-and-lender", "The $400 million loan was signed by the Kenyan finance ministry and Kestrel Development Bank on 4 May 2023.",
     [("Kestrel Development Bank", "Ministry of Finance of Kenya", 400 * M, "USD", None)]),
    ("sum-in-a-grant-noun-received-from", "The Weissburg plant was to receive €9.9 billion in subsidies from the Ostmark Development Agency.",
     [("Ostmark Development Agency", "Weissburg plant", 9900 * M, "EUR", None)]),
    ("sum-in-a-grant-noun-promised-for", "The Ostmark Development Agency had promised €9.9 billion in subsidies for the Weissburg plant.",
     [("Ostmark Development Agency", "Weissburg plant", 9900 * M, "EUR", None)]),
    ("received-loan-for-a-project-names-the-project", "Brightwater Energy secured a $400 million loan from Kestrel Development Bank for its solar farm in Karsk.",
     [("Kestrel Development Bank", "solar farm in Karsk", 400 * M, "USD", None)]),
    ("loan-agreement-purpose-beats-the-borrower", "Kestrel Development Bank signed a $400 million loan agreement with Brightwater Energy to build a solar farm in Karsk.",
     [("Kestrel Development Bank", "solar farm in Karsk", 400 * M, "USD", None)]),
    ("sum-towards-an-asset", "Kestrel Development Bank is providing $400 million towards the solar farm in Karsk.",
     [("Kestrel Development Bank", "solar farm in Karsk", 400 * M, "USD", None)]),
    ("purpose-looks-through-the-works", "Kestrel Development Bank approved a $356 million loan to the government of Vardania to support the expansion of the Belin metro.",
     [("Kestrel Development Bank", "Belin metro", 356 * M, "USD", None)]),
    ("company-possessive-names-its-unit", "Halden Group's Pardo Cars unit reported higher profits.",
     [("Halden Group", "Pardo Cars", None, None, None)]),
    ("a-count-names-a-set-of-assets", "Harbourline Holdings agreed to sell 43 ports in 23 countries to a group led by Ridgeway Capital for $22.8 billion.",
     [("Ridgeway Capital", "43 ports", 22800 * M, "USD", None)]),
    ("place-hung-on-the-verb-locates-the-asset", "Norland Tyre will open a $300 million factory in Tangier next year.",
     [("Norland Tyre", "factory in Tangier", 300 * M, "USD", None)]),
    ("the-company-is-not-the-clause-subject", "Orion Logistics Ltd said Ridgeway Capital would buy a 51% stake in the company for $600 million.",
     [("Ridgeway Capital", "Orion Logistics Ltd", 600 * M, "USD", Decimal("0.51"))]),
    ("received-loan-to-build-names-the-project", "Vardania will receive a $500 million loan from Marlow Exim Bank to build the Belin railway.",
     [("Marlow Exim Bank", "Belin railway", 500 * M, "USD", None)]),
    ("auxiliary-cut-off-by-an-aside", "Kestrel Bank on Monday said it has, on behalf of the Marlovian state, extended a line of credit of $200 million to Tessaly Power.",
     [("Kestrel Bank", "Tessaly Power", 200 * M, "USD", None)]),
    ("apposition-hung-on-the-stake", "Ridgeway Capital also took a 9.1 per cent stake in Marlen's other buy-out target, German builder Hochwald Group.",
     [("Ridgeway Capital", "Hochwald Group", None, None, Decimal("0.091"))]),
    ("the-bulk-of-a-business", "Harbourline Holdings agreed to sell the bulk of its ports business to a group including Ridgeway Capital for $22.8 billion in cash.",
     [("Ridgeway Capital", "ports business of Harbourline Holdings", 22800 * M, "USD", None)]),
    ("hyphen-pair-consortium-each-share-its-own", "The deal will see the Ridgeway-Tessaly consortium acquire 80% of Harbourline Port Holdings and 90% of Selma Ports Company.",
     [("Ridgeway", "Harbourline Port Holdings", None, None, Decimal("0.8")), ("Tessaly", "Selma Ports Company", None, None, Decimal("0.9"))]),
    ("sum-in-loans-from-lenders-including", "The Lakeside coal plant was financed with $1.44 billion in loans from a consortium of lenders including the Kestrel Development Bank and the Corvia Exim Bank.",
     [("Kestrel Development Bank", "Lakeside coal plant", 1440 * M, "USD", None), ("Corvia Exim Bank", "Lakeside coal plant", 1440 * M, "USD", None)]),
    ("the-remaining-share-of-the-same-sentence", "Ridgeway Capital owns 47.5% of Norland Power, while Tessaly Energy holds the remaining 52.5%.",
     [("Tessaly Energy", "Norland Power", None, None, Decimal("0.525"))]),
    ("loan-for-the-construction-of-an-asset", "Kestrel Development Bank has approved a loan of $200 million to Vardania for the construction of the Belin bypass.",
     [("Kestrel Development Bank", "Belin bypass", 200 * M, "USD", None)]),
    ("passive-by-a-loan-from", "The Belin bypass will be financed by a $200 million loan from Kestrel Development Bank.",
     [("Kestrel Development Bank", "Belin bypass", 200 * M, "USD", None)]),
    ("the-loan-funds-the-asset", "The $200 million loan from Kestrel Development Bank will fund the Belin bypass.",
     [("Kestrel Development Bank", "Belin bypass", 200 * M, "USD", None)]),
    ("joint-venture-of-two-named-in-apposition", "Orvano Lithium, a joint venture of Kestrel Mining and Tessaly Chemicals, owns the mine.",
     [("Kestrel Mining", "Orvano Lithium", None, None, None), ("Tessaly Chemicals", "Orvano Lithium", None, None, None)]),
    ("joint-venture-formed-and-named", "Tessaly Motors and Korvia Auto formed a joint venture, Tessaly Korvia Mobility, in 2019.",
     [("Tessaly Motors", "Tessaly Korvia Mobility", None, None, None), ("Korvia Auto", "Tessaly Korvia Mobility", None, None, None)]),
    ("a-description-with-an-owner-apposition-is-still-definite", "Kestrel Games said profits rose. "
     "The world's biggest games maker, owner of Riven Studios and Tallow Games, was said to be interested in Orsk Play.",
     [("Kestrel Games", "Riven Studios", None, None, None), ("Kestrel Games", "Tallow Games", None, None, None)]),
    ("having-bought-a-share-of-the-stake-named-before", "Kestrel Games was reported to be looking to raise its stake in Orsk Play Ltd, having already purchased 5.0 percent in 2018.",
     [("Kestrel Games", "Orsk Play Ltd", None, None, Decimal("0.05"))]),
    ("the-object-of-sees-takes-the-stake", "The takeover sees Tessaly Fund taking an 80per cent stake in Orsk Play Ltd from Monday.",
     [("Tessaly Fund", "Orsk Play Ltd", None, None, Decimal("0.8"))]),
    ("the-company-its-shareholders-sell", "Orion Logistics Ltd shareholders approved the sale of the company to Ridgeway Capital.",
     [("Ridgeway Capital", "Orion Logistics Ltd", None, None, None)]),
    ("a-dashed-pair-of-places-names-the-asset", "The Eastern Development Bank's board approved a $150 million loan for the Ostrava-Belin road project in Vardania.",
     [("Eastern Development Bank", "Ostrava-Belin road", 150 * M, "USD", None)]),
    ("a-country-s-finance-ministry-borrows", "The Tarvan Development Bank signed a $300 million loan agreement with Serbia's finance ministry.",
     [("Tarvan Development Bank", "Ministry of Finance of Serbia", 300 * M, "USD", None)]),
    ("purpose-hung-on-the-sum-names-the-asset-before", "The Varden government approved the construction of two hydroelectric dams in Santa Olm province. "
     "In 2014, the Corvia Development Bank agreed to lend Varden $4.7 billion to finance the construction of the dams.",
     [("Corvia Development Bank", "hydroelectric dams in Santa Olm", 4700 * M, "USD", None)]),
    # triggers added with data only (issue 7): each needs no code of its own
    ("earmark-for", "Zelco Mining has earmarked $300 million for the expansion of its Pardo copper mine.",
     [("Zelco Mining", "Pardo copper mine", 300 * M, "USD", None)]),
    ("sink-into", "Zelco Mining will sink $2 billion into a new lithium refinery in Varden.",
     [("Zelco Mining", "lithium refinery in Varden", 2000 * M, "USD", None)]),
    ("borrow-from-to-build", "Pardo Ports borrowed $450 million from the Corvia Development Bank to build the Olm terminal.",
     [("Corvia Development Bank", "Olm terminal", 450 * M, "USD", None)]),
    ("disburse-to", "The Corvia Development Bank disbursed $120 million to Pardo Ports.",
     [("Corvia Development Bank", "Pardo Ports", 120 * M, "USD", None)]),
    ("expand-at-a-cost", "Pardo Cement plans to expand its Olm cement plant at a cost of $80 million.",
     [("Pardo Cement", "Olm cement plant", 80 * M, "USD", None)]),
    ("possessive-bid-for", "Calder Holdings' $1.5 billion bid for Borin Steel was accepted by the board.",
     [("Calder Holdings", "Borin Steel", 1500 * M, "USD", None)]),
    ("led-a-funding-round-in", "Calder Capital led a $75 million funding round in Pardo Robotics.",
     [("Calder Capital", "Pardo Robotics", 75 * M, "USD", None)]),
    ("government-of-an-unknown-place", "The government of Valdera will provide a $75 million grant to Zelco Mining.",
     [("Government of Valdera", "Zelco Mining", 75 * M, "USD", None)]),
    ("credit-line-to-a-government", "The Corvia Development Bank extended a $1 billion credit line to the government of Valdera.",
     [("Corvia Development Bank", "Government of Valdera", 1000 * M, "USD", None)]),
    ("a-joined-clause-funds-the-same-asset", "Zelco Mining pledged $2.9 billion for the Olm battery plant, while Calder Capital committed $4.4 billion.",
     [("Zelco Mining", "Olm battery plant", 2900 * M, "USD", None), ("Calder Capital", "Olm battery plant", 4400 * M, "USD", None)]),
    ("a-canadian-report-s-dollar", "MONTREAL — Zelco Mining will invest $300 million in its Pardo copper mine.",
     [("Zelco Mining", "Pardo copper mine", 300 * M, "CAD", None)]),
    ("passive-ownership-in-a-relative-clause", "Velora, which is 65-per-cent owned by Calder Telecom, has been under pressure.",
     [("Calder Telecom", "Velora", None, None, Decimal("0.65"))]),
    ("in-which-x-holds-and-the-other-share", "The line is built by Dala Rail, a company in which Orsk Transit holds 51 per cent; Turon Holding owns the other 49 per cent.",
     [("Orsk Transit", "Dala Rail", None, None, Decimal("0.51")), ("Turon Holding", "Dala Rail", None, None, Decimal("0.49"))]),
    ("the-seller-keeps-the-remaining-share", "Zelco Metals agreed to buy a 51 percent stake in the Pardo copper mine from Banda Holdings. "
     "Banda Holdings will keep the remaining 49 percent and two seats on the board.",
     [("Banda Holdings", "Pardo copper mine", None, None, Decimal("0.49"))]),
    ("remaining-share-headed-by-its-number", "Calder Group holds 51 per cent of Pardo Lithium. Zelco Mining holds the remaining 49 per cent.",
     [("Zelco Mining", "Pardo Lithium", None, None, Decimal("0.49"))]),
    ("an-offer-from-x-for-y", "A 2.4 billion reais offer from Calder Grain for Pardo Farms was abandoned in 2022.",
     [("Calder Grain", "Pardo Farms", 2400 * M, "BRL", None)]),
    ("a-takeover-bid-launched", "Calder Capital launched a $900 million takeover bid for Borin Steel.",
     [("Calder Capital", "Borin Steel", 900 * M, "USD", None)]),
    ("a-grant-agreement-with-the-donor", "Varnia's government signed a US$38 million grant agreement with the Kestrel Climate Fund for the Olm hydropower project.",
     [("Kestrel Climate Fund", "Olm hydropower project", 38 * M, "USD", None)]),
    ("a-sized-asset-s-possessor-owns-it", "A tribunal annulled the permit for Pardo Litio's US$1.4 billion lithium brine plant at Olm.",
     [("Pardo Litio", "lithium brine plant at Olm", 1400 * M, "USD", None)]),
    ("a-subsidy-toward-a-sized-plant-is-not-its-size", "Varnia's cabinet will give Zelco Cells 48 billion forints in cash subsidies "
     "toward the €2.2 billion battery plant the company is building outside Olm.",
     [("Zelco Cells", "battery plant", 2200 * M, "EUR", None)]),
    ("a-conjunct-hung-on-an-apposition", "Saudi utility Qamir Energy and Japan's Halden Power will jointly build a 2-gigawatt solar plant at Olm, "
     "in a project costing $900 million.",
     [("Qamir Energy", "solar plant at Olm", 900 * M, "USD", None), ("Halden Power", "solar plant at Olm", 900 * M, "USD", None)]),
    ("a-company-named-after-its-country", "Under the plan, sovereign investor Dana Kestrel will take a 20 per cent stake in Calder Malaysia, "
     "the local operating company, for RM700 million.",
     [("Dana Kestrel", "Calder Malaysia", 700 * M, "MYR", Decimal("0.2"))]),
    ("an-elliptical-sum-after-a-sentence-without-facts", "Zelco Mining will build a $500 million copper smelter in Olm. "
     "Work is expected to take three years. The Corvia Development Bank will lend $40 million.",
     [("Corvia Development Bank", "copper smelter in Olm", 40 * M, "USD", None)]),
    ("an-opening-ceremony-for-a-plant", "Zelco Chips, a maker of sensors, held an opening ceremony on Saturday for its new wafer plant in Varnia.",
     [("Zelco Chips", "wafer plant in Varnia", None, None, None)]),
    ("a-groundbreaking-for-a-sized-plant", "Zelco Mining held a groundbreaking ceremony for its $400 million smelter in Olm on Monday.",
     [("Zelco Mining", "smelter in Olm", 400 * M, "USD", None)]),
    ("a-loan-financing-a-buyers-purchase", "Calder Towers' $1.1bn purchase of the portfolio is being financed with a $700 million term loan "
     "from Pardo Bank and Orsk Bank.",
     [("Pardo Bank", "Calder Towers", 700 * M, "USD", None), ("Orsk Bank", "Calder Towers", 700 * M, "USD", None)]),
    ("co-finance-with-a-loan", "The Corvia Development Bank will co-finance the Olm port with a $150 million loan.",
     [("Corvia Development Bank", "Olm port", 150 * M, "USD", None)]),
    ("gained-control", "Calder Capital gained control of Pardo Foods for $80 million in 2021.",
     [("Calder Capital", "Pardo Foods", 80 * M, "USD", None)]),
    ("a-tranche-disbursed-by", "The first tranche of $120 million was disbursed by the Corvia Development Bank to Pardo Ports.",
     [("Corvia Development Bank", "Pardo Ports", 120 * M, "USD", None)]),
    ("a-gerund-after-an-adjective-s-preposition", "Zelco Mining is interested in acquiring Pardo Copper for $300 million.",
     [("Zelco Mining", "Pardo Copper", 300 * M, "USD", None)]),
    ("pump-into", "Calder Capital will pump $200 million into Pardo Robotics.", [("Calder Capital", "Pardo Robotics", 200 * M, "USD", None)]),
    ("raised-from-investors", "Pardo Robotics raised $75 million from Calder Capital and Orsk Ventures.",
     [("Calder Capital", "Pardo Robotics", 75 * M, "USD", None), ("Orsk Ventures", "Pardo Robotics", 75 * M, "USD", None)]),
    ("two-names-joined-by-the-parser", "Zelco Mining and Calder Capital formed a joint venture to build a $600 million copper smelter in Varden.",
     [("Zelco Mining", "copper smelter in Varden", 600 * M, "USD", None), ("Calder Capital", "copper smelter in Varden", 600 * M, "USD", None)]),
]

# Facts the text does not assert keep their factuality (issue 8) instead of being dropped.
NOT_ASSERTED = [
    ("modal-could", "Acme Holdings could buy Borin Steel next year.", Factuality.POSSIBLE),
    ("negated", "Acme Holdings did not buy Borin Steel.", Factuality.DENIED),
    ("condition", "If Acme Holdings buys Borin Steel, prices will rise.", Factuality.POSSIBLE),
    ("reported-will", "Acme Holdings said it will buy Borin Steel.", Factuality.PLANNED),
]

# What must not become a fact at all.
NO_FACTS = [
    ("a-statement-issued-is-no-share-issue", "Kessa Electric issued a statement to investors on Monday."),
    ("role-in-setting-up-is-not-building", "Local firms, including Pardo Labs, played a role in setting up testing facilities."),
    ("money-object-is-not-a-target", "Zelco Mining spent $40 million last year."),
    ("an-approver-is-not-the-builder", "The Varden government approved the construction of two hydroelectric dams in Olm."),
    ("adjectives-alone-name-no-asset", "Pardo Motors will turn the plant into a regional base."),
    ("a-contractor-awarded-a-contract-to-build", "Hanlin Engineering was awarded the $3 billion contract in 2014 to build the Tolo rail line."),
    ("a-state-cancelling-a-sized-project-is-not-its-investor", "The Varden government scrapped a $7 billion battery project near Olm."),
    ("indefinite-description-resolves-nowhere", "Calder Holdings bought a stake in a steelmaker."),
    ("an-unnamed-joint-venture-is-no-target", "The joint venture between Tessaly Motors and Korvia Auto will build a plant."),
    ("raised-prices-is-no-deal", "Zelco Mining raised prices by 5% to $40 a tonne."),
    ("an-offer-of-help-is-no-bid", "Orsk Holdings rejected an offer of help from its rivals."),
    ("a-country-led-consortium-names-no-member", "A Saudi-led consortium has completed its £300 million takeover of Kessel United."),
    ("a-group-of-two-nationalities-names-no-member", "Orsk Telecom sells 35% of tower unit to Malaysian-Korean group"),
    ("one-unnamed-lender-of-a-nationality-is-no-one", "A Chinese lender has extended a $2 billion loan to Laos."),
    ("a-dividend-given-is-no-stake", "Orsk Holdings gave its shareholders a special dividend."),
    ("a-gapped-clause-s-subject-is-no-target", "Under the agreement, Tessaly Motors will hold 60% of the venture and Korvia Auto the remaining 40%."),
    ("a-relative-clause-s-profit-is-no-sum", "Orsk Trading, which reported a net profit of $148 million last year, "
     "has invested in data centres in Varnia and Tolsa."),
    ("owning-unnamed-things-is-no-holding", "Shares of Orsk Pradit Group, which also owns shopping malls and a "
     "cement business, rose 2.1% in Tolsa trading."),
    ("opening-a-network-to-operators-opens-no-plant", "Varden opened its rail network to private operators in 2019."),
    # session 33 (blind23 and blind28, read halves): "build on" and "put the cost at" are other senses
    ("building-on-cooperation-builds-nothing", "Ms Orvela said the Tarsk project built on earlier cooperation in the rail sector."),
    ("putting-a-cost-at-a-sum-invests-nothing", "The Ministry of Transport now puts the total cost of the Tarsk expressway at €356.4 million."),
    ("a-nationality-owned-firm-is-no-state-holding", "The bidder, Chinese-owned Tarsk Rail Investment, failed to raise the money."),
]


# Who must never come out as the investor.
NOT_INVESTORS = [
    ("a-subsidiary-sold-is-no-holding", "Nigerian operator Orsk Mobile has completed the sale of its tower subsidiary, "
     "Pardo Towers Ltd, to Kelvo Partners for $1 billion, the companies said on Wednesday.", "Orsk Mobile"),
    ("the-seller-of-a-stake", "Calder Group sold its 20% stake in Borin Steel to Acme Holdings for $90 million.", "Calder Group"),
    ("the-lender-s-borrower", "Ostrava Metro signed a $900 million loan agreement with the Tarvan Development Bank.", "Ostrava Metro"),
    ("a-ministry-of-finance-borrows", "Vardania's Ministry of Finance signed a $300 million loan agreement with the Kestrel Development Bank.", "Ministry of Finance"),
    ("a-clause-closed-by-its-comma-renames-nothing", "The shareholders of Tarn Power, which owns the 1,320MW plant, include Harvell Energy with 47.5% and Quill Capital with 26%.", "Tarn Power"),
    ("a-borrower-building-with-the-loan", "Vardania has obtained a $200 million loan from the Kestrel Development Bank to build the Belin bypass.", "Vardania"),
]


def _facts(text: str) -> list[tuple]:
    doc = get_nlp()(text)
    return [
        (f.investor.name, f.target.name, f.amount.value if f.amount else None, f.amount.currency if f.amount else None, f.stake)
        for f in investments.extract(doc)
    ]


@pytest.mark.parametrize(("text", "expected"), [pytest.param(t, e, id=i) for i, t, e in CASES])
def test_frame_states_the_fact(text: str, expected: list[tuple]) -> None:
    found = _facts(text)
    for fact in expected:
        assert fact in found, f"{fact} not in {found}"


@pytest.mark.parametrize(("text", "factuality"), [pytest.param(t, f, id=i) for i, t, f in NOT_ASSERTED])
def test_a_fact_not_asserted_keeps_its_factuality(text: str, factuality: Factuality) -> None:
    found = list(investments.extract(get_nlp()(text)))
    assert [(f.investor.name, f.target.name, f.factuality) for f in found] == [("Acme Holdings", "Borin Steel", factuality)]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NO_FACTS])
def test_no_fact_where_the_text_states_none(text: str) -> None:
    assert _facts(text) == []


@pytest.mark.parametrize(("text", "name"), [pytest.param(t, n, id=i) for i, t, n in NOT_INVESTORS])
def test_who_is_not_the_investor(text: str, name: str) -> None:
    found = _facts(text)
    assert found and all(fact[0] != name for fact in found), found


def test_a_share_of_a_sized_asset_is_no_sum_given() -> None:
    """issue 7: "finance 85 percent of the $1.9 billion Y" gave the lender the asset's whole cost."""
    text = "Orient Export Bank will finance 85 percent of the $1.9 billion Dalvik dam, with the rest from the government."
    assert [(f[0], f[1], f[2]) for f in _facts(text)] == [("Orient Export Bank", "Dalvik dam", None)]


def test_a_company_funding_its_own_share_through_a_bond_borrows() -> None:
    """issue 7 (blind5 p09): "X is funding its share through a bond sold to Y" made X lend to Y."""
    text = ("Delmar Nickel is funding its share partly through a $300 million bond sold last month to state pension "
            "manager Norvik Pension Fund.")
    assert all(fact[0] != "Delmar Nickel" for fact in _facts(text)), _facts(text)


def test_a_description_of_ownership_takes_no_sum_of_its_clause() -> None:
    """issue 7: "X, through its subsidiary Y, will buy a 35% stake in Z for £700m" gave X → Y the
    deal's sum and share; a description of who owns what states neither."""
    found = _facts("Ridgeway Capital, through its subsidiary Ridgeway Infrastructure, will acquire a 35% stake in Kivu Airport for £700 million.")
    assert ("Ridgeway Capital", "Ridgeway Infrastructure", None, None, None) in found
    assert ("Ridgeway Capital", "Kivu Airport", 700 * M, "GBP", Decimal("0.35")) in found


def test_every_frame_declares_an_investor_and_a_target() -> None:
    for frame in frame_lexicon().frames:
        assert {"investor", "target"} <= set(frame.roles), frame.name
        assert frame.verbs or frame.nouns or frame.sized_assets, frame.name


def test_a_share_of_a_plant_s_output_is_no_stake() -> None:
    """issue 7: "buy 60 per cent of the plant's output" made the buyer own 60% of the plant."""
    text = ("Lomo Mining will build the Tarn lithium plant. "
            "Orsk Energy signed a supply agreement to buy 60 per cent of the plant's output for eight years.")
    assert all(fact[0] != "Orsk Energy" for fact in _facts(text))


@pytest.mark.parametrize("frame", frame_lexicon().frames, ids=lambda f: f.name)
def test_every_frame_s_form_is_an_investment_type_of_the_ontology(frame) -> None:
    """issue 7 (found on a blind set): a "joint venture" fact stopped a whole build, the form
    being no label of ikg:InvestmentTypeScheme."""
    from graph.rdf.namespace import IKG
    from graph.rdf.vocab import concept_for_label

    assert concept_for_label(IKG.InvestmentTypeScheme, frame.form)


def test_a_grant_toward_a_sized_plant_takes_its_own_sum() -> None:
    """issue 7: "subsidies toward the €2.2bn plant" are the subsidies' sum, not the plant's."""
    found = _facts("Hungary's government will give Zelco Cells 48 billion forints in cash subsidies toward the "
                   "€2.2 billion battery plant the company is building outside Olm.")
    grants = [f for f in found if f[0] == "Government of Hungary"]
    assert grants and all(f[2:4] == (48000 * M, "HUF") for f in grants), found


def test_a_headline_sum_joins_the_body_share_of_the_same_pair() -> None:
    """issue 7: "X takes control of Y in $310m deal" over "X agreed to buy a 51% stake in Y" is one
    fact with the share and the sum (stated twice: the headline and the body are its evidence)."""
    found = _facts("Zelco Metals takes control of Pardo copper mine in $310m deal\n"
                   "Zelco Metals said on Tuesday it had agreed to buy a 51 percent stake in the Pardo copper mine.")
    assert set(found) == {("Zelco Metals", "Pardo copper mine", 310 * M, "USD", Decimal("0.51"))}
    assert len(found) == 2


LEDE = ("Varosk signs funding for Tallis River hydropower project\n\n"
        "TOSK, 8 May 2023 - Varosk on Monday signed loan and grant agreements worth more than $900 million "
        "for the Tallis River hydropower project.\n\n"
        "The project is expected to cost $1.05 billion in total.\n\n")


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(LEDE + "The Kestrel Development Bank is lending $400 million, the biggest single contribution.",
                 {("Kestrel Development Bank", "Tallis River hydropower project", 400 * M, "USD", None)}, id="a-giving-verb"),
    pytest.param(LEDE + "Japan's Kestrel Overseas Cooperation Agency signed a ¥18 billion concessional loan.",
                 {("Kestrel Overseas Cooperation Agency", "Tallis River hydropower project", 18000 * M, "JPY", None)}, id="a-lender-signing"),
    pytest.param(LEDE + "Varosk has also signed a $50 million loan.", set(), id="a-borrower-signing-names-no-lender"),
    pytest.param(LEDE + "Kestrel has offered a $500 million loan with a 3% interest rate for 20 years.",
                 {("Kestrel", "Tallis River hydropower project", 500 * M, "USD", None)}, id="terms-of-a-loan-name-no-target"),
    pytest.param(LEDE + "The Kestrel Development Bank is providing $520 million, the biggest single portion, under a 16-year facility.",
                 {("Kestrel Development Bank", "Tallis River hydropower project", 520 * M, "USD", None)}, id="the-facility-it-is-lent-under-is-no-target"),
    pytest.param(LEDE + "The Kestrel Development Bank will spend another $40 million sinking a shaft.",
                 {("Kestrel Development Bank", "Tallis River hydropower project", 40 * M, "USD", None)}, id="works-in-a-gerund-are-no-target"),
])
def test_a_bare_sum_in_a_paragraph_naming_no_asset_funds_the_lede_asset(text: str, expected: set) -> None:
    """issue 7: a financing-package article names its project in the headline and the lede, and
    each lender's sum later without it."""
    assert set(_facts(text)) == expected


def test_a_bank_conjoined_to_a_loan_is_not_what_the_loan_funds() -> None:
    """issue 7: "approved a loan, and banks X and Y will provide …" made X the loan's target."""
    found = _facts("Orvo Development Finance Corporation has approved an R8 billion senior loan, "
                   "and commercial banks Kestrel Bank and Cape Tessaly Bank will jointly provide R12 billion.")
    assert all(target not in {"Kestrel Bank", "Cape Tessaly Bank"} for _, target, *_ in found), found


def test_a_sum_and_the_next_sentences_share_of_one_pair_are_one_fact() -> None:
    """issue 7: "X agreed to buy Y for 22.6bn baht. X will take 50 per cent of Y" is one fact with
    both, stated by both sentences (the gold's evidence and evidence_context)."""
    found = _facts("A consortium led by Halcyon Partners has agreed to buy Orvis Data for 22.6bn baht, the buyers said. "
                   "Halcyon Partners will take 50 per cent of Orvis Data, according to a statement.")
    assert found == [("Halcyon Partners", "Orvis Data", 22600 * M, "THB", Decimal("0.5"))] * 2


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Orsk Bank will buy 46% of Bank Tessa. The deal values Bank Tessa at about 9 billion zlotys.",
                 [("Orsk Bank", "Bank Tessa", None, None, Decimal("0.46"))], id="a-valuation-is-no-price"),
    pytest.param("Orsk Bank will buy 46% of Bank Tessa. The deal is worth 4.1 billion zlotys.",
                 [("Orsk Bank", "Bank Tessa", 4100 * M, "PLN", Decimal("0.46"))], id="the-completed-fact-replaces-the-bare-one"),
])
def test_a_follow_up_sentence_completes_the_fact_before(text: str, expected: list[tuple]) -> None:
    """issue 7: "The deal is worth …" completes the fact before it, once; "values Y at …" says what Y is worth."""
    assert _facts(text) == expected


def test_a_short_name_the_tagger_calls_a_nationality_is_the_company() -> None:
    """issue 7: "Veridian" after "Veridian Semiconductor", tagged NORP, is the company, not a nation."""
    text = ("Veridian Semiconductor will expand its plant in Olm. In a separate announcement, Veridian said it had "
            "agreed to buy Serata Test Solutions, a local chip-testing firm, from its founders for US$95 million.")
    assert ("Veridian Semiconductor", "Serata Test Solutions", 95 * M, "USD", None) in _facts(text)


@pytest.mark.parametrize(("text", "status"), [
    pytest.param("Zelco Chips on Monday held an opening ceremony for its wafer plant in Varnia.", Status.OPENED, id="held-on-monday-is-no-hold"),
    pytest.param("Zelco Mining held a groundbreaking ceremony for its $400 million smelter in Olm.", Status.UNDER_CONSTRUCTION, id="groundbreaking"),
])
def test_a_ceremony_states_the_step(text: str, status: Status) -> None:
    """issue 7: "on Saturday held" matched the cue "on hold" and made an opening a postponement."""
    assert [f.status for f in investments.extract(get_nlp()(text))] == [status]


def test_issue_7_adding_a_grant_gives_it():
    """Session 9 (blind7): "X is adding a grant of €30m for sanitation" had no investor: "add" carries
    a deal noun's subject like "provide" does (data/frames.json support_verbs)."""
    text = ("Kestrel Bank signed a $200 million loan for the Ndarugu dam on Monday. The Nordic Water Facility, a fund "
            "backed by four governments, is adding a grant of €30 million for sanitation and for compensation of households.")
    assert ("Nordic Water Facility", "Ndarugu dam", 30 * M, "EUR", None) in _facts(text)
