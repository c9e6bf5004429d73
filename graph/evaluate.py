"""Score a built graph against hand-annotated gold facts (``tests/data/GOLD_FORMAT.md``).

A prediction is right when its document matches, its roles name the same
things as the gold (by canonical name or alias, ignoring case, accents and
words like "group" or "company"), and its amount (±1 %, same currency), stake,
status and dates agree where the gold gives them. Matching is one-to-one.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import URIRef

from graph.errors import GoldFormatError, NormalizeError
from graph.keys import fold
from graph.query import run_query
from graph.rdf.namespace import IKG
from graph.rdf.vocab import concept_for_label, concept_label
from graph.store import open_store

FILLER = frozenset({"the", "group", "company", "corporation", "corp", "co", "ltd", "inc", "plc", "mining company"})
TYPES = ("investment", "agreement", "event", "actor")
PREFIXES = """
PREFIX ikg: <https://w3id.org/influence-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@dataclass(frozen=True, slots=True)
class Score:
    predicted: int
    gold: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def normalise_name(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", fold(name)).split()
    return " ".join(w for w in words if w not in FILLER)


def load_gold(path: Path) -> list[dict[str, Any]]:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise GoldFormatError(f"{path}: cannot read the gold file ({e})") from e
    if not isinstance(gold, list) or not all(isinstance(g, dict) and "doc" in g and "type" in g for g in gold):
        raise GoldFormatError(f"{path}: expected a list of objects with 'doc' and 'type'; see GOLD_FORMAT.md")
    return gold


def evaluate(graph: str | Path, gold_path: str | Path) -> dict[str, Score]:
    """Precision, recall and F1 per fact type of ``graph`` against ``gold_path``."""
    gold = load_gold(Path(gold_path))
    store = open_store(graph)
    names = _actor_names(store)
    aliases = _gold_aliases(gold)
    predicted = {
        "investment": _rows(store, INVESTMENTS),
        "agreement": _grouped(store, AGREEMENTS, "party"),
        "event": _grouped(store, EVENTS, "participant"),
        "actor": _rows(store, ACTORS),
    }
    scores = {}
    for kind in TYPES:
        wanted = [g for g in gold if g["type"] == kind]
        matcher = _matchers(names, aliases)[kind]
        scores[kind] = _score(predicted[kind], wanted, matcher)
    return scores


def junk_actors(graph: str | Path, junk: list[str]) -> list[str]:
    """Which of ``junk`` the graph names as an actor (it should be none)."""
    store = open_store(graph)
    found = {normalise_name(n) for names in _actor_names(store).values() for n in names}
    return [j for j in junk if normalise_name(j) in found]


def _score(predicted: list[dict], gold: list[dict], match: Callable[[dict, dict], bool]) -> Score:
    """A maximum one-to-one matching: a greedy pass lets one prediction take a
    gold fact that another prediction alone could have matched."""
    edges = [[i for i, p in enumerate(predicted) if p["doc"] == g["doc"] and match(p, g)] for g in gold]
    return Score(len(predicted), len(gold), maximum_matching(edges))


def maximum_matching(edges: list[list[int]]) -> int:
    """Size of a maximum matching; ``edges[g]`` lists the predictions gold ``g`` accepts (Kuhn's augmenting paths)."""
    owner: dict[int, int] = {}

    def augment(g: int, seen: set[int]) -> bool:
        for p in edges[g]:
            if p in seen:
                continue
            seen.add(p)
            if p not in owner or augment(owner[p], seen):
                owner[p] = g
                return True
        return False

    return sum(1 for g in range(len(edges)) if augment(g, set()))


def _matchers(names: dict[str, set[str]], aliases: dict[tuple[str, str], set[str]]) -> dict:
    def same(iri: str | None, doc: str, gold_name: str | None) -> bool:
        if iri is None or gold_name is None:
            return False
        wanted = aliases.get((doc, normalise_name(gold_name)), {normalise_name(gold_name)})
        return bool({normalise_name(n) for n in names.get(iri, ())} & wanted)

    def some(iris: set[str], doc: str, gold_names: list[str]) -> int:
        return sum(1 for g in gold_names if any(same(i, doc, g) for i in iris))

    def investment(p: dict, g: dict) -> bool:
        return (
            same(p["investor"], g["doc"], g["investor"])
            and same(p["target"], g["doc"], g["target"])
            and _amount_ok(p, g)
            and _equal_if_given(p.get("stake"), g.get("stake"), tolerance=0.005)
            and (g.get("year") is None or str(p.get("date") or "")[:4] == str(g["year"]))
            and (g.get("status") is None or p.get("status") == g["status"])
        )

    def agreement(p: dict, g: dict) -> bool:
        need = min(2, len(g["parties"]))
        return some(p["party"], g["doc"], g["parties"]) >= need and _date_ok(p.get("date"), g.get("date")) and _date_ok(
            p.get("effective"), g.get("effective")
        )

    def event(p: dict, g: dict) -> bool:
        return (
            _same_event_type(p.get("kind"), g["kind"])
            and some(p["participant"], g["doc"], g["participants"]) >= 1
            and _date_ok(p.get("date"), g.get("date"))
        )

    def actor(p: dict, g: dict) -> bool:
        return same(p["actor"], g["doc"], g["name"])

    return {"investment": investment, "agreement": agreement, "event": event, "actor": actor}


def _same_event_type(predicted: str | None, gold: str) -> bool:
    """The gold's kind names the predicted concept by its preferred or an alternative label."""
    if predicted is None:
        return False
    try:
        return concept_for_label(IKG.EventTypeScheme, gold) == concept_for_label(IKG.EventTypeScheme, predicted)
    except NormalizeError:
        return fold(predicted) == fold(gold)


def _amount_ok(p: dict, g: dict) -> bool:
    if g.get("amount") is None:
        return True
    if p.get("amount") is None or p.get("currency") != g.get("currency"):
        return False
    return abs(float(p["amount"]) - float(g["amount"])) <= 0.01 * float(g["amount"])


def _equal_if_given(p: Any, g: Any, *, tolerance: float) -> bool:
    return g is None or (p is not None and abs(float(p) - float(g)) <= tolerance)


def _date_ok(p: Any, g: Any) -> bool:
    return g is None or (p is not None and str(p) == str(g))


def _gold_aliases(gold: list[dict]) -> dict[tuple[str, str], set[str]]:
    """(doc, any name of a gold actor) → every name of that actor."""
    out: dict[tuple[str, str], set[str]] = {}
    for g in gold:
        if g["type"] == "actor":
            forms = {normalise_name(n) for n in [g["name"], *g.get("aliases", [])]}
            for form in forms:
                out.setdefault((g["doc"], form), set()).update(forms)
    return out


def _actor_names(store) -> dict[str, set[str]]:
    names: dict[str, set[str]] = defaultdict(set)
    for row in run_query(store, PREFIXES + NAMES).records():
        names[row["s"]].add(row["name"])
    return names


def _rows(store, sparql: str) -> list[dict]:
    return [_plain(r) for r in run_query(store, PREFIXES + sparql).records()]


def _grouped(store, sparql: str, role: str) -> list[dict]:
    facts: dict[tuple[str, str], dict] = {}
    for row in _rows(store, sparql):
        fact = facts.setdefault((row["fact"], row["doc"]), {**row, role: set()})
        if row.get(role):
            fact[role].add(row[role])
    return list(facts.values())


def _plain(row: dict) -> dict:
    """Values as strings; concept IRIs (status, event type) as their labels."""
    out = {k: (str(v) if v is not None and not isinstance(v, (int, float)) else v) for k, v in row.items()}
    for key in ("status", "kind"):
        if out.get(key):
            out[key] = concept_label(URIRef(out[key]))
    return out


NAMES = "SELECT ?s ?name WHERE { ?s a ?c . ?s rdfs:label|skos:altLabel ?name . FILTER(isIRI(?s)) }"
INVESTMENTS = """SELECT ?fact ?doc ?investor ?target ?amount ?currency ?stake ?date ?status WHERE {
  ?fact a ikg:Investment ; ikg:investor ?investor ; ikg:target ?target ; prov:wasDerivedFrom ?d .
  ?d ikg:fileName ?doc .
  OPTIONAL { ?fact ikg:amount ?a . ?a schema:value ?amount ; schema:currency ?currency }
  OPTIONAL { ?fact ikg:stake ?stake } OPTIONAL { ?fact ikg:date ?date }
  OPTIONAL { ?fact ikg:status ?status }
}"""
AGREEMENTS = """SELECT ?fact ?doc ?party ?date ?effective WHERE {
  ?fact a ikg:Agreement ; prov:wasDerivedFrom ?d . ?d ikg:fileName ?doc .
  OPTIONAL { ?fact ikg:party ?party } OPTIONAL { ?fact ikg:date ?date }
  OPTIONAL { ?fact ikg:effectiveDate ?effective }
}"""
EVENTS = """SELECT ?fact ?doc ?participant ?date ?kind WHERE {
  ?fact a ikg:Event ; prov:wasDerivedFrom ?d . ?d ikg:fileName ?doc .
  OPTIONAL { ?fact ikg:participant ?participant } OPTIONAL { ?fact ikg:date ?date }
  OPTIONAL { ?fact ikg:eventType ?kind }
}"""
ACTORS = """SELECT DISTINCT ?actor ?doc WHERE {
  ?actor a ?c ; prov:wasDerivedFrom ?d . ?d ikg:fileName ?doc .
  FILTER(?c IN (ikg:Country, ikg:Company, ikg:Person, ikg:Organization, ikg:GovernmentBody, ikg:Asset))
}"""
