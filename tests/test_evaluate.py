"""The scorer: the published matching rules of the gold format, on tiny hand-written graphs (issue 7).

Every graph here is Turtle written for the test about fictitious actors (Kestrel
Mining, Orvane Capital, the Republic of Valdoria); the rules are those of the
gold format's "How a prediction is matched".
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graph.cli import app
from graph.errors import GoldFormatError
from graph.evaluate import Score, assess, dates_agree, evaluate, explain, maximum_matching, names_agree, normalise_name

HEAD = """@prefix ikg: <https://w3id.org/influence-kg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/influence-kg/id/> .
id:doc-d a ikg:Document ; ikg:fileName "d.txt" .
id:doc-e a ikg:Document ; ikg:fileName "e.txt" .
"""
ACTORS = {  # slug: (class, label, alternative labels)
    "kestrel": ("Company", "Kestrel Mining Corp", ["Kestrel"]),
    "orvane": ("Company", "Orvane Capital", []),
    "valdoria": ("Country", "Valdoria", []),
    "vdb": ("Company", "Valdoria Development Bank", []),
    "ministry": ("GovernmentBody", "Ministry of Roads", []),
    "mine": ("Asset", "Tarn copper mine", []),
}
GOLD_ACTORS = [
    {"doc": "d.txt", "type": "actor", "name": "Kestrel Mining", "aliases": ["the Tarn miner"], "kind": "company"},
    {"doc": "d.txt", "type": "actor", "name": "Orvane", "aliases": ["Orvane Capital Partners"], "kind": "company"},
    {"doc": "d.txt", "type": "actor", "name": "Valdoria", "aliases": [], "kind": "country"},
]


def _date(value: str) -> str:
    kind = {4: "gYear", 7: "gYearMonth"}.get(len(value), "date")
    return f'"{value}"^^xsd:{kind}'


def actors_ttl(doc: str = "d") -> str:
    out = []
    for slug, (cls, label, alts) in ACTORS.items():
        alt = "".join(f' ; skos:altLabel "{a}"' for a in alts)
        out.append(f'id:{slug} a ikg:{cls} ; rdfs:label "{label}"{alt} ; prov:wasDerivedFrom id:doc-{doc} .')
    return "\n".join(out) + "\n"


def fact_ttl(name: str, cls: str, roles: dict[str, list[str]], *, doc: str = "d", amount: tuple | None = None,
             stake: float | None = None, date: str | None = None, effective: str | None = None,
             status: str | None = None, kind: str | None = None, evidence: str = "A sentence.") -> str:
    lines = [f"id:{name} a ikg:{cls} ; prov:wasDerivedFrom id:doc-{doc} ; ikg:evidence id:{name}-ev"]
    lines += [f"ikg:{role} id:{a}" for role, slugs in roles.items() for a in slugs]
    if amount:
        lines.append(f'ikg:amount [ a schema:MonetaryAmount ; schema:value {amount[0]} ; schema:currency "{amount[1]}" ]')
    lines += [f"ikg:stake {stake}"] if stake is not None else []
    lines += [f"ikg:date {_date(date)}"] if date else []
    lines += [f"ikg:effectiveDate {_date(effective)}"] if effective else []
    lines += [f"ikg:status ikg:{status}"] if status else []
    lines += [f"ikg:eventType ikg:{kind}"] if kind else []
    ev = f'id:{name}-ev a ikg:Evidence ; ikg:text "{evidence}" ; ikg:charStart 0 ; prov:wasDerivedFrom id:doc-{doc} .'
    return " ;\n  ".join(lines) + " .\n" + ev + "\n"


def investment_ttl(investor="orvane", target="kestrel", **values) -> str:
    return fact_ttl("inv1", "Investment", {"investor": [investor], "target": [target]}, **values)


def gold_investment(**fields) -> dict:
    return {"doc": "d.txt", "type": "investment", "investor": "Orvane", "target": "Kestrel Mining", "amount": None,
            "currency": None, "stake": None, "year": None, "form": "equity acquisition",
            "evidence": "Orvane bought into Kestrel.", **fields}


def score(tmp_path: Path, facts: str, gold: list[dict], **options) -> dict[str, Score]:
    graph, gold_file = write(tmp_path, facts, gold)
    return evaluate(graph, gold_file, **options)


def write(tmp_path: Path, facts: str, gold: list[dict]) -> tuple[Path, Path]:
    graph = tmp_path / "g.ttl"
    graph.write_text(HEAD + actors_ttl() + facts, encoding="utf-8")
    gold_file = tmp_path / "gold.json"
    gold_file.write_text(json.dumps(GOLD_ACTORS + gold), encoding="utf-8")
    return graph, gold_file


# --------------------------------------------------------------------------
# names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("the Kestrel Mining group", "Kestrel Mining", id="group-and-article"),
        pytest.param("Vučić", "Vucic", id="accents"),
        pytest.param("Orvane company", "ORVANE", id="company-and-case"),
        pytest.param("Orvane Co., Ltd.", "Orvane Inc", id="co-ltd-inc-and-punctuation"),
    ],
)
def test_names_compare_without_filler_case_or_accents(a, b):
    assert normalise_name(a) == normalise_name(b)


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        pytest.param("Kestrel", "Kestrel Mining Corp", True, id="words-contained"),
        pytest.param("Kestrel Mining Corp", "Kestrel", True, id="contained-either-way"),
        pytest.param("Kestrel Mining", "Orvane Mining", False, id="overlap-is-not-containment"),
        pytest.param("France", "Bank of France", False, id="bare-country-not-contained"),
        pytest.param("France", "the French Republic's France", False, id="bare-country-in-longer-name"),
        pytest.param("France", "FRANCE", True, id="country-equal-to-itself"),
        pytest.param("The Group", "Kestrel Group", False, id="only-filler-names-nothing"),
    ],
)
def test_names_agree_by_containment_except_a_bare_country(a, b, agree):
    assert names_agree(a, b) is agree


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        pytest.param("2021", "2021-05-12", True, id="year-against-day"),
        pytest.param("2021-05", "2021-05-12", True, id="month-against-day"),
        pytest.param("2021-06", "2021-05-12", False, id="other-month"),
        pytest.param("2021-05-13", "2021-05-12", False, id="other-day"),
        pytest.param("2020", "2021", False, id="other-year"),
        pytest.param(2021, "2021-01", True, id="year-as-number"),
    ],
)
def test_dates_agree_as_far_as_both_state_them(a, b, agree):
    assert dates_agree(a, b) is agree


def test_score_counts_right_predictions_and_found_gold_separately():
    score = Score(predicted=4, gold=5, correct=3, found=2)
    assert (score.precision, score.recall) == (0.75, 0.4)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.4 / 1.15)
    assert Score(0, 0, 0, 0).f1 == 0.0
    assert Score(7, 5, 4, 4, recall_only=True).precision is None


# --------------------------------------------------------------------------
# investments


@pytest.mark.parametrize(
    ("facts", "gold", "found"),
    [
        pytest.param(investment_ttl(), {}, 1, id="names-only"),
        pytest.param(investment_ttl(amount=(1_005_000, "EUR")), {"amount": 1_000_000, "currency": "EUR"}, 1,
                     id="amount-within-1-percent"),
        pytest.param(investment_ttl(amount=(1_020_000, "EUR")), {"amount": 1_000_000, "currency": "EUR"}, 0,
                     id="amount-2-percent-off"),
        pytest.param(investment_ttl(amount=(1_000_000, "USD")), {"amount": 1_000_000, "currency": "EUR"}, 0,
                     id="amount-other-currency"),
        pytest.param(investment_ttl(), {"amount": 1_000_000, "currency": "EUR"}, 0, id="gold-amount-none-predicted"),
        pytest.param(investment_ttl(amount=(5, "EUR")), {}, 1, id="gold-without-amount"),
        pytest.param(investment_ttl(stake=0.515), {"stake": 0.51}, 1, id="stake-within-0.005"),
        pytest.param(investment_ttl(stake=0.517), {"stake": 0.51}, 0, id="stake-0.007-off"),
        pytest.param(investment_ttl(stake=0.2), {}, 1, id="gold-without-stake"),
        pytest.param(investment_ttl(date="2019"), {"year": 2018}, 1, id="year-not-scored"),
        pytest.param(investment_ttl(status="Pledged"), {"status": "completed"}, 1, id="status-not-scored"),
        pytest.param(investment_ttl(), {"investor": "Orvane Capital Partners"}, 1, id="gold-alias"),
        pytest.param(investment_ttl(), {"target": "the Tarn miner"}, 1, id="alias-of-the-gold-actor"),
        pytest.param(investment_ttl(investor="valdoria"), {"investor": "Valdoria Development Bank"}, 0,
                     id="bare-country-is-not-the-bank"),
        pytest.param(investment_ttl(investor="vdb"), {"investor": "Valdoria Development Bank"}, 1,
                     id="the-bank-itself"),
        pytest.param(investment_ttl(target="mine"), {"target": "nickel mine at Tarn"}, 0, id="other-target"),
        pytest.param(investment_ttl(target="mine"), {"target": "copper mine at Tarn"}, 1, id="word-order-ignored"),
        pytest.param(investment_ttl(target="mine"), {"target": "Tarn copper mine"}, 1, id="asset-target"),
        pytest.param(investment_ttl(doc="e"), {}, 0, id="other-document"),
    ],
)
def test_investment_rules(tmp_path, facts, gold, found):
    assert score(tmp_path, facts, [gold_investment(**gold)])["investment"].found == found


def test_an_investment_without_named_investor_is_not_scored(tmp_path):
    scores = score(tmp_path, "", [gold_investment(investor=None)])
    assert scores["investment"].gold == 0


def test_two_predictions_of_one_gold_fact_are_both_right_by_default_and_one_when_strict(tmp_path):
    facts = investment_ttl() + fact_ttl("inv2", "Investment", {"investor": ["orvane"], "target": ["kestrel"]}, stake=0.3)
    default = score(tmp_path, facts, [gold_investment()])["investment"]
    strict = score(tmp_path, facts, [gold_investment()], strict=True)["investment"]
    assert (default.correct, default.found, default.precision) == (2, 1, 1.0)
    assert (strict.correct, strict.found, strict.precision) == (1, 1, 0.5)


@pytest.mark.parametrize(
    ("facts", "gold", "found"),
    [
        pytest.param(investment_ttl(date="2018-04"), {"year": 2018}, 1, id="same-year"),
        pytest.param(investment_ttl(date="2019"), {"year": 2018}, 0, id="other-year"),
        pytest.param(investment_ttl(), {"year": 2018}, 0, id="no-year"),
        pytest.param(investment_ttl(status="Completed"), {"status": "completed"}, 1, id="same-status"),
        pytest.param(investment_ttl(status="Pledged"), {"status": "completed"}, 0, id="other-status"),
        pytest.param(investment_ttl(), {}, 1, id="gold-gives-neither"),
    ],
)
def test_strict_checks_year_and_status(tmp_path, facts, gold, found):
    assert score(tmp_path, facts, [gold_investment(**gold)], strict=True)["investment"].found == found


def test_strict_matching_is_one_to_one(tmp_path):
    two_gold = [gold_investment(), gold_investment(stake=None, evidence="Orvane again.")]
    assert score(tmp_path, investment_ttl(), two_gold)["investment"].found == 2
    assert score(tmp_path, investment_ttl(), two_gold, strict=True)["investment"].found == 1


@pytest.mark.parametrize(
    ("edges", "size"),
    [
        pytest.param([[0, 1], [0]], 2, id="greedy-would-steal-the-only-match"),
        pytest.param([[0], [0]], 1, id="one-prediction-matches-once"),
        pytest.param([[0, 1, 2], [0], [1]], 3, id="two-step-augmenting-path"),
        pytest.param([[], [2]], 1, id="unmatched-gold"),
    ],
)
def test_one_to_one_matching_is_maximum(edges, size):
    assert maximum_matching(edges) == size


# --------------------------------------------------------------------------
# agreements, events, actors


def gold_agreement(parties: list[str], date: str | None = None, effective: str | None = None) -> dict:
    return {"doc": "d.txt", "type": "agreement", "parties": parties, "name": "road accord", "date": date,
            "effective": effective, "evidence": "They signed the road accord."}


@pytest.mark.parametrize(
    ("parties", "values", "gold", "found"),
    [
        pytest.param(["orvane", "kestrel"], {}, gold_agreement(["Orvane", "Kestrel Mining", "Ministry of Roads"]), 1,
                     id="two-of-three-parties"),
        pytest.param(["orvane"], {}, gold_agreement(["Orvane", "Kestrel Mining", "Ministry of Roads"]), 0,
                     id="one-of-three-parties"),
        pytest.param(["orvane"], {}, gold_agreement(["Orvane"]), 1, id="all-of-one-party"),
        pytest.param(["kestrel"], {}, gold_agreement(["Kestrel Mining", "the Tarn miner"]), 0,
                     id="one-actor-is-not-two-parties"),
        pytest.param(["orvane", "kestrel"], {"date": "2021-05"}, gold_agreement(["Orvane", "Kestrel"], "2021-05-12"), 1,
                     id="month-agrees-with-day"),
        pytest.param(["orvane", "kestrel"], {"date": "2021-06-01"}, gold_agreement(["Orvane", "Kestrel"], "2021-05"), 0,
                     id="other-month"),
        pytest.param(["orvane", "kestrel"], {}, gold_agreement(["Orvane", "Kestrel"], "2021"), 0,
                     id="gold-date-none-predicted"),
        pytest.param(["orvane", "kestrel"], {"date": "2022-01-01"},
                     gold_agreement(["Orvane", "Kestrel"], "2021-05", effective="2022-01-01"), 1,
                     id="date-agrees-with-effective"),
        pytest.param(["orvane", "kestrel"], {"date": "1999"}, gold_agreement(["Orvane", "Kestrel"]), 1,
                     id="gold-without-date"),
    ],
)
def test_agreement_rules(tmp_path, parties, values, gold, found):
    facts = fact_ttl("agr1", "Agreement", {"party": parties}, **values)
    assert score(tmp_path, facts, [gold])["agreement"].found == found


def gold_event(participants: list[str], date: str | None = None, kind: str = "state visit") -> dict:
    return {"doc": "d.txt", "type": "event", "kind": kind, "participants": participants, "date": date,
            "place": None, "evidence": "The minister toured the mine."}


@pytest.mark.parametrize(
    ("participants", "values", "gold", "found"),
    [
        pytest.param(["ministry"], {}, gold_event(["Kestrel Mining", "Ministry of Roads"]), 1, id="one-participant"),
        pytest.param(["orvane"], {}, gold_event(["Kestrel Mining", "Ministry of Roads"]), 0, id="no-participant"),
        pytest.param(["ministry"], {"date": "2023-03-02"}, gold_event(["Ministry of Roads"], "2023-03"), 1,
                     id="date-agrees"),
        pytest.param(["ministry"], {"date": "2023-04"}, gold_event(["Ministry of Roads"], "2023-03"), 0,
                     id="date-differs"),
        pytest.param(["ministry"], {"kind": "Election"}, gold_event(["Ministry of Roads"], kind="plant opening"), 1,
                     id="kind-not-scored"),
    ],
)
def test_event_rules(tmp_path, participants, values, gold, found):
    facts = fact_ttl("ev1", "Event", {"participant": participants}, **values)
    assert score(tmp_path, facts, [gold])["event"].found == found


@pytest.mark.parametrize(
    ("name", "aliases", "found"),
    [
        pytest.param("Kestrel Mining Corp", [], 1, id="label"),
        pytest.param("Kestrel Holdings", ["Kestrel"], 1, id="alt-label-is-a-gold-alias"),
        pytest.param("Kestrel Mining Corp Holdings", [], 0, id="containment-is-not-carrying"),
        pytest.param("Mirelle Foods", [], 0, id="absent"),
    ],
)
def test_actor_recall_by_name_or_alias(tmp_path, name, aliases, found):
    gold = [{"doc": "d.txt", "type": "actor", "name": name, "aliases": aliases, "kind": "company"}]
    graph = tmp_path / "g.ttl"
    graph.write_text(HEAD + actors_ttl(), encoding="utf-8")
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    actors = evaluate(graph, tmp_path / "gold.json")["actor"]
    assert actors.found == found and actors.precision is None


# --------------------------------------------------------------------------
# explanations, documents, bad input

runner = CliRunner()


def test_explain_lists_missed_gold_and_unmatched_predictions_with_their_sentences(tmp_path):
    facts = investment_ttl(amount=(3_000_000, "EUR"), evidence="Orvane put three million euros into Kestrel.")
    gold = [gold_investment(amount=7_000_000, currency="EUR", evidence="Orvane invested seven million euros.")]
    (doc,) = explain(*write(tmp_path, facts, gold))
    assert doc.doc == "d.txt" and [g["evidence"] for g in doc.missed if g["type"] == "investment"] == ["Orvane invested seven million euros."]
    assert [p.evidence for p in doc.unmatched] == [("Orvane put three million euros into Kestrel.",)]
    assert doc.unmatched[0].role_labels("investor") == ["Orvane Capital"]


def test_cli_explain_prints_the_missed_facts_evidence(tmp_path):
    facts = investment_ttl(stake=0.4, evidence="Orvane took forty percent of Kestrel.")
    graph, gold_file = write(tmp_path, facts, [gold_investment(stake=0.25, evidence="Orvane owns a quarter of Kestrel.")])
    result = runner.invoke(app, ["evaluate", str(graph), "--gold", str(gold_file), "--explain"])
    assert result.exit_code == 0, result.output
    assert "missed    investment: Orvane → Kestrel Mining · stake 0.25" in result.stdout
    assert "“Orvane owns a quarter of Kestrel.”" in result.stdout
    assert "unmatched investment: investor Orvane Capital · target Kestrel Mining Corp · stake 0.4" in result.stdout
    assert "“Orvane took forty percent of Kestrel.”" in result.stdout


def test_doc_option_restricts_scoring_to_those_documents(tmp_path):
    facts = investment_ttl(doc="e")
    gold = [gold_investment(), {**gold_investment(), "doc": "e.txt"}]
    graph, gold_file = write(tmp_path, facts, gold)
    assert assess(graph, gold_file, docs={"d.txt"}).scores["investment"] == Score(0, 1, 0, 0)
    assert assess(graph, gold_file, docs={"e.txt"}).scores["investment"] == Score(1, 1, 1, 1)
    result = runner.invoke(app, ["evaluate", str(graph), "--gold", str(gold_file), "--doc", "e.txt", "--doc", "d.txt"])
    assert result.exit_code == 0 and result.stdout.splitlines()[1].split()[1:5] == ["1", "2", "1", "1"]


def test_an_unknown_doc_is_a_one_line_error(tmp_path):
    graph, gold_file = write(tmp_path, "", [gold_investment()])
    result = runner.invoke(app, ["evaluate", str(graph), "--gold", str(gold_file), "--doc", "d.text"])
    assert result.exit_code == 1 and "d.text" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param('{"not": "a list"}', "expected a list", id="not-a-list"),
        pytest.param('[{"doc": "d.txt", "type": "agreement", "name": "x"}]', "lacks parties", id="missing-field"),
        pytest.param('[{"doc": "d.txt", "type": "rumour"}]', "unknown type 'rumour'", id="unknown-type"),
        pytest.param("[{", "cannot read", id="not-json"),
    ],
)
def test_malformed_gold_is_a_clear_error(tmp_path, content, message):
    (tmp_path / "gold.json").write_text(content, encoding="utf-8")
    with pytest.raises(GoldFormatError, match=message) as error:
        evaluate(tmp_path / "nothing.ttl", tmp_path / "gold.json")
    assert "gold.json" in str(error.value)


def test_a_possible_fact_counts_only_with_all_factuality(tmp_path):
    """Issue 8: "could buy" is kept as a possible fact; scoring counts it only when asked."""
    from graph.pipeline import build
    from graph.rdf.io import write_graph

    (tmp_path / "d.txt").write_text("Acme Holdings could buy Borin Steel next year.\n", encoding="utf-8")
    graph = tmp_path / "g.ttl"
    write_graph(build([tmp_path / "d.txt"]).dataset, graph)
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([{**gold_investment(), "investor": "Acme Holdings", "target": "Borin Steel", "evidence": "x"}]), encoding="utf-8")
    default = runner.invoke(app, ["evaluate", str(graph), "--gold", str(gold)])
    everything = runner.invoke(app, ["evaluate", str(graph), "--gold", str(gold), "--all-factuality"])
    assert default.exit_code == 0 and everything.exit_code == 0, default.output + everything.output
    assert default.stdout.splitlines()[1].split()[1:4] == ["0", "1", "0"]
    assert everything.stdout.splitlines()[1].split()[1:4] == ["1", "1", "1"]
