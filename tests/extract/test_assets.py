"""Asset chains (issue 7): one asset under several descriptions, and the descriptions that are not one.

Regression for issue 7's closing notes: on real articles most wrong investments had the right
investor and the asset named otherwise than the reader names it ("a battery project near X"
for "the Y battery factory"), because every description of an asset was an asset of its own.
"""

from __future__ import annotations

import pytest

from graph.extract import extract_facts
from graph.extract.assets import chains
from graph.nlp import get_nlp
from graph.pipeline import build
from tests.conftest import make_document

CELL_PLANT = (
    "Ontario ends support for Brakvolt cell factory\n\n"
    "TORONTO — The Ontario government is abandoning a $5-billion lithium cell project near Kingston. "
    "The minister said the province is writing off the planned Brakvolt cell factory after spending "
    "$300 million on the struggling venture. Ontario pledged up to $1.2 billion for the project."
)

# (id, passage, descriptions that must be one asset, descriptions that must not join them)
CASES = [
    ("intro-named-definite-and-headline", CELL_PLANT,
     {"lithium cell project near Kingston", "Brakvolt cell factory"}, set()),
    ("a-former-owners-factory-is-the-new-factory",
     "Dorvan Motors is to open its first European factory in Portugal after a deal with Lusa Cars. "
     "The two firms will make cars in the former Velmar factory in Porto's harbour district.",
     {"first European factory", "former Velmar factory"}, set()),
    ("an-indefinite-factory-is-another-one",
     "Dorvan Motors is to open its first European factory in Portugal. "
     "Carro said in May it would build a factory in Poland.",
     {"first European factory"}, {"factory in Poland"}),
    ("another-ordinal-is-another-plant",
     "Tesmar opened its first chip plant in Kyushu last year. The government will fund the second chip plant in Kyushu.",
     {"first chip plant in Kyushu"}, {"second chip plant in Kyushu"}),
    ("another-place-is-another-plant",
     "Halvor Steel runs a rolling mill near Kolbu. The rolling mill in Tarsk will close in May.",
     {"rolling mill near Kolbu"}, {"rolling mill in Tarsk"}),
    ("another-named-plant-nowhere-near-it",
     "Kestrel Motors has postponed its planned assembly plant in Norland. "
     "Workers at the Varga Parts components plant have been on strike since May.",
     {"assembly plant in Norland"}, {"Varga Parts components plant"}),
    ("a-named-plant-the-chain-s-sentence-names",
     "Kestrel Motors has postponed its planned assembly plant in Norland. Officials said the Kestrel plant would be rescheduled.",
     {"assembly plant in Norland", "Kestrel plant"}, set()),
    ("a-place-before-the-head-is-no-name",  # session 21: "the Norland plant" is the plant in Norland
     "Kestrel Motors runs the Kestrel assembly plant in Norland. Workers at the Norland plant went on strike on Monday.",
     {"Kestrel assembly plant", "Norland plant"}, set()),
    ("a-place-the-chain-never-speaks-of",
     "Kestrel Motors runs an assembly plant in Norland. Separately, Halvor built a rolling mill in Tarsk. "
     "The Tarsk plant employs 900 people.",
     {"assembly plant in Norland"}, {"Tarsk plant"}),
    ("two-named-pipelines", "Kessa Energy operates the Ostral oil pipeline to the coast. The Varn gas pipeline was never built.",
     {"Ostral oil pipeline"}, {"Varn gas pipeline"}),
    ("a-facility-where-the-plant-is",  # session 11: a generic head with no describing word, placed alike
     "Vessa Electronics will build a chip assembly plant in Tordun Nagar. The firms will invest $400m in the facility at Tordun Nagar.",
     {"chip assembly plant in Tordun Nagar", "facility at Tordun Nagar"}, set()),
    ("a-facility-elsewhere-is-another-one",
     "Vessa Electronics will build a chip assembly plant in Tordun Nagar. Parlo will invest $400m in the facility at Kessa Nagar.",
     {"chip assembly plant in Tordun Nagar"}, {"facility at Kessa Nagar"}),
    ("an-apposition-is-the-asset-it-follows",  # session 22: "a cell factory in X province, the first plant in Y"
     "Norvex will build a battery cell factory in Lirona province, the first plant in Valdoria to make cells. "
     "Pellam Bank will lend $40m to the Lirona plant.",
     {"battery cell factory in Lirona province", "first plant in Valdoria", "Lirona plant"}, set()),
    ("a-list-of-plants-is-no-apposition",
     "Norvex owns the Kessa cell plant, the Tarvo cell plant and the Lume depot.",
     {"Kessa cell plant"}, {"Tarvo cell plant"}),
    ("a-carriageway-is-the-road-it-widens",  # session 25: heads of one kind (data/lexicon.json's groups)
     "Dravon Bank lends $90m for Tessa–Vorn dual carriageway\n\n"
     "Dravon Bank approved a loan of $90 million for the upgrading of the Tessa–Vorn road, the bank said.",
     {"Tessa–Vorn road", "Tessa–Vorn dual carriageway"}, set()),
    ("a-railway-is-no-road",
     "Dravon Bank approved a loan of $90 million for the Tessa–Vorn road. The Tessa–Vorn railway will follow.",
     {"Tessa–Vorn road"}, {"Tessa–Vorn railway"}),
    ("a-project-and-a-port-share-no-word",
     "Dravonia signed a $2 billion loan for a water project near Lemara. The deal also covers the Tessel port.",
     {"water project near Lemara"}, {"Tessel port"}),
]


def _chained(text: str) -> list[set[str]]:
    doc = get_nlp()(text)
    doc._.document = make_document(text)
    return [{d.name for d in chain.descriptions} for chain in chains(doc)]


@pytest.mark.parametrize(("text", "together", "apart"), [pytest.param(t, y, n, id=i) for i, t, y, n in CASES])
def test_descriptions_of_one_asset(text: str, together: set[str], apart: set[str]) -> None:
    found = _chained(text)
    chain = next(c for c in found if together & c)
    assert together <= chain
    assert not apart & chain


def test_a_fact_on_any_description_names_the_chains_asset() -> None:
    doc = get_nlp()(CELL_PLANT)
    doc._.document = make_document(CELL_PLANT)
    found = extract_facts(doc)
    targets = {f.target.name for f in found.investments}
    assert targets == {"Brakvolt cell factory"}
    described = {m.actor.surface for m in found.mentions if m.actor.name == "Brakvolt cell factory"}
    assert {"lithium cell project near Kingston", "Brakvolt cell factory"} <= described


def test_the_graph_labels_the_asset_with_every_description(tmp_path) -> None:
    (tmp_path / "cells.txt").write_text(CELL_PLANT, encoding="utf-8")
    actors = build([tmp_path]).corpus.actors.values()
    factory = next(a for a in actors if a.label == "Brakvolt cell factory")
    assert "lithium cell project near Kingston" in factory.alt_labels


def test_issue_7_a_chain_is_named_by_what_the_asset_is_not_by_project() -> None:
    """Session 12 (blind9 read half): "the Luagala graphite mine … the Luagala project" was named
    "Luagala project", a name no reader of "the mine" would look for."""
    text = ("Pembe Graphite delays $320m Luagala mine\n\nPembe Graphite has postponed construction of its Luagala "
            "graphite mine in Lindi Region. Landowners protested over land taken for the Luagala project.")
    doc = get_nlp()(text)
    doc._.document = make_document(text)
    names = {chain.name() for chain in chains(doc) if len(chain.descriptions) > 1}
    assert names == {"Luagala mine"}


def test_issue_7_a_hydropower_cascade_is_an_asset() -> None:
    """Session 27: "cascade" was no asset word, so a grant or a pledge for "the X hydropower cascade" had no target."""
    doc = get_nlp()("The World Bank approved a $95m grant for feasibility studies of the Orsk hydropower cascade in 2023.")
    doc._.document = make_document(doc.text)
    found = extract_facts(doc).investments
    assert {(f.investor.name, f.target.name) for f in found} == {("World Bank", "Orsk hydropower cascade")}
