"""The scorer itself: matching rules of the gold format, on a tiny hand-made graph."""

from __future__ import annotations

import json

import pytest

from graph.errors import GoldFormatError
from graph.evaluate import Score, _score, evaluate, maximum_matching, normalise_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("the Zijin Mining group", "Zijin Mining", id="group-and-article"),
        pytest.param("Vučić", "Vucic", id="accents"),
        pytest.param("Linglong company", "LINGLONG", id="company-and-case"),
    ],
)
def test_names_compare_without_filler_case_or_accents(a, b):
    assert normalise_name(a) == normalise_name(b)


def test_score_arithmetic():
    score = Score(predicted=4, gold=5, matched=3)
    assert (score.precision, score.recall) == (0.75, 0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Score(0, 0, 0).f1 == 0.0


GRAPH = """@prefix ikg: <https://w3id.org/influence-kg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/influence-kg/id/> .
id:document\\/d a ikg:Document ; ikg:fileName "d.txt" .
id:actor\\/x a ikg:Company ; rdfs:label "Xcorp" ; prov:wasDerivedFrom id:document\\/d .
id:actor\\/y a ikg:Asset ; rdfs:label "Y mine" ; prov:wasDerivedFrom id:document\\/d .
id:investment\\/1 a ikg:Investment ; ikg:investor id:actor\\/x ; ikg:target id:actor\\/y ;
  ikg:amount id:amount\\/a ; ikg:date "2018"^^xsd:gYear ; prov:wasDerivedFrom id:document\\/d .
id:amount\\/a schema:value 1005000.0 ; schema:currency "EUR" .
"""


@pytest.mark.parametrize(
    ("amount", "currency", "year", "matched"),
    [
        pytest.param(1_000_000, "EUR", 2018, 1, id="amount-within-1-percent"),
        pytest.param(1_000_000, "USD", 2018, 0, id="other-currency"),
        pytest.param(2_000_000, "EUR", 2018, 0, id="other-amount"),
        pytest.param(1_000_000, "EUR", 2019, 0, id="other-year"),
        pytest.param(None, None, None, 1, id="gold-without-amount"),
    ],
)
def test_investment_matching(tmp_path, amount, currency, year, matched):
    graph = tmp_path / "g.ttl"
    graph.write_text(GRAPH, encoding="utf-8")
    gold = [{"doc": "d.txt", "type": "investment", "investor": "XCorp", "target": "Y mine", "amount": amount,
             "currency": currency, "stake": None, "year": year, "evidence": ""}]
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    assert evaluate(graph, tmp_path / "gold.json")["investment"].matched == matched


def test_malformed_gold_is_a_clear_error(tmp_path):
    (tmp_path / "gold.json").write_text('{"not": "a list"}', encoding="utf-8")
    with pytest.raises(GoldFormatError, match="gold.json"):
        evaluate(tmp_path / "nothing.ttl", tmp_path / "gold.json")


@pytest.mark.parametrize(
    ("edges", "size"),
    [
        pytest.param([[0, 1], [0]], 2, id="greedy-would-steal-the-only-match"),
        pytest.param([[0], [0]], 1, id="one-prediction-matches-once"),
        pytest.param([[0, 1, 2], [0], [1]], 3, id="two-step-augmenting-path"),
        pytest.param([[], [2]], 1, id="unmatched-gold"),
    ],
)
def test_matching_is_maximum_and_one_to_one(edges, size):
    assert maximum_matching(edges) == size


def test_a_prediction_is_not_taken_from_the_gold_it_alone_matches():
    predicted = [{"doc": "d", "year": 2018}, {"doc": "d", "year": 2019}]
    gold = [{"doc": "d", "year": None}, {"doc": "d", "year": 2018}]

    def match(p: dict, g: dict) -> bool:
        return g["year"] is None or p["year"] == g["year"]

    assert _score(predicted, gold, match).matched == 2


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        pytest.param("licence revocation", "licence cancellation", True, id="alt-label"),
        pytest.param("export licence grant", "export license grant", True, id="spelling-variant"),
        pytest.param("election", "referendum", False, id="different-concepts"),
        pytest.param("meeting", "a kind nobody defined", False, id="unknown-gold-kind"),
    ],
)
def test_event_kinds_match_through_the_scheme_labels(predicted, gold, same):
    from graph.evaluate import _same_event_type

    assert _same_event_type(predicted, gold) is same
