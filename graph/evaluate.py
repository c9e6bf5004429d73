"""Score a built graph against hand-annotated gold facts (``tests/data/GOLD_FORMAT.md``).

By default the rules are the published ones ("How a prediction is matched"),
so figures compare with figures measured elsewhere. A prediction is right when
it comes from the gold's document and:

- investment: investor and target each name the gold's (see :func:`names_agree`),
  one amount within ±1 % in the gold's currency and one stake within ±0.005
  where the gold gives them; year and status are not scored;
- agreement: two of the gold's parties (all, if fewer) among its parties, and
  a date agreeing with the gold's signing or effective date where it gives one;
- event: one gold participant among its participants, and an agreeing date;
- actor (recall only): an actor of the document carries the gold name or an alias.

Precision counts predictions that match some gold fact, recall gold facts
matched by some prediction. ``strict=True`` adds one-to-one matching and
checks the investment year and the status where the gold gives them.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.errors import GoldFormatError, NormalizeError
from graph.evaluate_read import PredictedFact, actor_names, read_predictions
from graph.keys import fold
from graph.store import open_store

FILLER = frozenset({"the", "group", "company", "co", "ltd", "inc"})
TYPES = ("investment", "agreement", "event", "actor")
REQUIRED = {"investment": ("investor", "target"), "agreement": ("parties",), "event": ("participants",), "actor": ("name",)}
AMOUNT_TOLERANCE = 0.01  # relative
STAKE_TOLERANCE = 0.005  # absolute
_EPSILON = 1e-9  # so that a difference of exactly the tolerance still counts in floating point
_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of one fact type; ``correct`` predictions match some gold fact, ``found`` gold facts are matched."""

    predicted: int
    gold: int
    correct: int
    found: int
    recall_only: bool = False

    @property
    def precision(self) -> float | None:
        if self.recall_only:
            return None
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class DocumentExplanation:
    """What one document got wrong: gold facts no prediction matched, predictions matching no gold fact."""

    doc: str
    missed: tuple[dict[str, Any], ...]
    unmatched: tuple[PredictedFact, ...]


@dataclass(frozen=True, slots=True)
class Evaluation:
    scores: dict[str, Score]
    documents: tuple[DocumentExplanation, ...] = field(default=())


def evaluate(graph: str | Path | ox.Store, gold_path: str | Path, *, strict: bool = False,
             docs: Collection[str] | None = None) -> dict[str, Score]:
    """Precision, recall and F1 per fact type of ``graph`` against ``gold_path``."""
    return assess(graph, gold_path, strict=strict, docs=docs).scores


def explain(graph: str | Path | ox.Store, gold_path: str | Path, *, strict: bool = False,
            docs: Collection[str] | None = None) -> tuple[DocumentExplanation, ...]:
    """Per document, the missed gold facts and the unmatched predictions (to audit extraction)."""
    return assess(graph, gold_path, strict=strict, docs=docs).documents


def assess(graph: str | Path | ox.Store, gold_path: str | Path, *, strict: bool = False,
           docs: Collection[str] | None = None, all_factuality: bool = False) -> Evaluation:
    """Scores and explanations in one pass; ``docs`` restricts both to those file names.
    Only asserted and planned facts count unless ``all_factuality`` (issue 8): a possible or
    denied fact is not a claim that it happened."""
    gold = scored_gold(load_gold(Path(gold_path)), docs=docs, where=gold_path)
    store = graph if isinstance(graph, ox.Store) else open_store(graph)
    predicted = read_predictions(store)
    if not all_factuality:
        predicted = {k: [p for p in ps if p.scored_by_default()] for k, ps in predicted.items()}
    if docs is not None:
        predicted = {k: [p for p in ps if p.doc in docs] for k, ps in predicted.items()}
    names = NameMatcher(actor_names(store), gold)
    scores: dict[str, Score] = {}
    missed: list[dict[str, Any]] = []
    unmatched: list[PredictedFact] = []
    for kind in TYPES:
        wanted = [g for g in gold if g["type"] == kind]
        result = judge(predicted[kind], wanted, rule(kind, names, strict=strict), one_to_one=strict)
        scores[kind] = result.score(recall_only=kind == "actor")
        missed += [g for i, g in enumerate(wanted) if i not in result.found]
        if kind != "actor":
            unmatched += [p for i, p in enumerate(predicted[kind]) if i not in result.correct]
    return Evaluation(scores, _by_document(missed, unmatched))


def junk_actors(graph: str | Path, junk: list[str]) -> list[str]:
    """Which of ``junk`` the graph names as an actor (it should be none)."""
    store = open_store(graph)
    found = {normalise_name(n) for names in actor_names(store).values() for n in names}
    return [j for j in junk if normalise_name(j) in found]


# --------------------------------------------------------------------------
# gold


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The gold facts of ``path``, checked for the fields the rules read."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise GoldFormatError(f"{path}: cannot read the gold file ({e})") from e
    if not isinstance(gold, list) or not all(isinstance(g, dict) and "doc" in g and "type" in g for g in gold):
        raise GoldFormatError(f"{path}: expected a list of objects with 'doc' and 'type'; see GOLD_FORMAT.md")
    for i, g in enumerate(gold):
        missing = [f for f in REQUIRED.get(g["type"], ("?",)) if f not in g]
        if missing:
            problem = f"lacks {', '.join(missing)}" if g["type"] in REQUIRED else f"has unknown type {g['type']!r}"
            raise GoldFormatError(f"{path}: fact {i} ({g['doc']}) {problem}; see GOLD_FORMAT.md")
    return gold


def scored_gold(gold: list[dict[str, Any]], *, docs: Collection[str] | None, where: object) -> list[dict[str, Any]]:
    """The facts that are scored: of ``docs`` if given, investments only with a named investor."""
    if docs is not None:
        known = {g["doc"] for g in gold}
        unknown = sorted(set(docs) - known)
        if unknown:
            raise GoldFormatError(f"{where}: no gold fact for document {unknown[0]!r}; give a file name the gold file annotates")
        gold = [g for g in gold if g["doc"] in docs]
    return [g for g in gold if g["type"] != "investment" or g.get("investor")]


# --------------------------------------------------------------------------
# names


def normalise_name(name: str) -> str:
    """Lower case, no accents or punctuation, filler words ("the", "group", "company", …) dropped."""
    words = re.sub(r"[^\w\s]", " ", fold(name)).split()
    return " ".join(w for w in words if w not in FILLER)


def names_agree(a: str, b: str, *, countries: Collection[str] | None = None) -> bool:
    """Two names name the same thing: equal once normalised, or one's words all in the
    other's, unless that shorter name is a bare country ("China" is not "Bank of China")."""
    na, nb = normalise_name(a), normalise_name(b)
    return _normalised_agree(na, nb, _country_names() if countries is None else countries)


def _normalised_agree(a: str, b: str, countries: Collection[str]) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    inner = a if wa <= wb else b if wb <= wa else None
    return inner is not None and inner not in countries


@lru_cache(maxsize=1)
def _country_names() -> frozenset[str]:
    """Every name and alias of a country in the gazetteer, normalised."""
    from graph.gazetteer import load_gazetteer
    from graph.model import ActorKind

    entries = load_gazetteer().entries()
    return frozenset(normalise_name(f) for e in entries if e.kind == ActorKind.COUNTRY for f in e.forms)


class NameMatcher:
    """Whether a graph actor names a gold name, with the gold's aliases in that document."""

    def __init__(self, actor_names: dict[str, set[str]], gold: list[dict[str, Any]]) -> None:
        self._names = {iri: {normalise_name(n) for n in names} - {""} for iri, names in actor_names.items()}
        self._aliases = _gold_aliases(gold)
        gold_countries = {f for g in gold if g["type"] == "actor" and g.get("kind") == "country" for f in _forms(g)}
        self._countries = _country_names() | gold_countries

    def forms(self, doc: str, gold_name: str) -> set[str]:
        key = normalise_name(gold_name)
        return self._aliases.get((doc, key), {key}) - {""}

    def names(self, iris: Iterable[str], doc: str, gold_name: str) -> bool:
        """Some actor of ``iris`` names ``gold_name`` (containment allowed)."""
        wanted = self.forms(doc, gold_name)
        return any(_normalised_agree(n, w, self._countries) for i in iris for n in self._names.get(i, ()) for w in wanted)

    def carries(self, iri: str, doc: str, gold_name: str) -> bool:
        """The actor has the gold name or one of its aliases (no containment)."""
        return bool(self._names.get(iri, set()) & self.forms(doc, gold_name))

    def named_count(self, iris: Iterable[str], doc: str, gold_names: list[str]) -> int:
        """How many of ``gold_names`` distinct actors of ``iris`` name, one name each."""
        pool = sorted(set(iris))
        return maximum_matching([[i for i, iri in enumerate(pool) if self.names([iri], doc, g)] for g in gold_names])


def _forms(actor: dict[str, Any]) -> set[str]:
    return {normalise_name(n) for n in [actor["name"], *actor.get("aliases", [])]} - {""}


def _gold_aliases(gold: list[dict]) -> dict[tuple[str, str], set[str]]:
    """(doc, any name of a gold actor) → every name of that actor."""
    out: dict[tuple[str, str], set[str]] = {}
    for g in gold:
        if g["type"] == "actor":
            forms = _forms(g)
            for form in forms:
                out.setdefault((g["doc"], form), set()).update(forms)
    return out


# --------------------------------------------------------------------------
# rules

Rule = Callable[[PredictedFact, dict[str, Any]], bool]


def rule(kind: str, names: NameMatcher, *, strict: bool = False) -> Rule:
    """The predicate saying a prediction of ``kind`` matches a gold fact."""
    published: Rule = {
        "investment": lambda p, g: _investment(p, g, names),
        "agreement": lambda p, g: _agreement(p, g, names),
        "event": lambda p, g: _event(p, g, names),
        "actor": lambda p, g: any(names.carries(i, g["doc"], g["name"]) for i in p.roles["actor"]),
    }[kind]
    if not strict:
        return published
    return lambda p, g: published(p, g) and _strict_extras(p, g)


def _investment(p: PredictedFact, g: dict[str, Any], names: NameMatcher) -> bool:
    return (
        names.names(p.roles.get("investor", ()), g["doc"], g["investor"])
        and names.names(p.roles.get("target", ()), g["doc"], g["target"])
        and amount_agrees(p.amounts, g.get("amount"), g.get("currency"))
        and stake_agrees(p.stakes, g.get("stake"))
    )


def _agreement(p: PredictedFact, g: dict[str, Any], names: NameMatcher) -> bool:
    need = min(2, len(g["parties"]))
    gold_dates = [d for d in (g.get("date"), g.get("effective")) if d]
    return dates_agree_any(p.dates | p.effective, gold_dates) and (
        names.named_count(p.roles.get("party", ()), g["doc"], g["parties"]) >= need
    )


def _event(p: PredictedFact, g: dict[str, Any], names: NameMatcher) -> bool:
    gold_dates = [g["date"]] if g.get("date") else []
    participants = p.roles.get("participant", ())
    return dates_agree_any(p.dates, gold_dates) and any(names.names(participants, g["doc"], n) for n in g["participants"])


def _strict_extras(p: PredictedFact, g: dict[str, Any]) -> bool:
    """The investment year and the status, where the gold gives them."""
    if g["type"] == "investment" and g.get("year") is not None and not any(
        _date_parts(d)[:1] == (str(g["year"]),) for d in p.dates
    ):
        return False
    return not g.get("status") or any(same_status(s, g["status"]) for s in p.statuses)


def amount_agrees(amounts: Iterable[tuple[float, str]], gold: float | None, currency: str | None) -> bool:
    """One amount within ±1 % of the gold's, in its currency (any amount if the gold gives none)."""
    if gold is None:
        return True
    limit = AMOUNT_TOLERANCE * abs(float(gold)) + _EPSILON
    return any(c == currency and abs(v - float(gold)) <= limit for v, c in amounts)


def stake_agrees(stakes: Iterable[float], gold: float | None) -> bool:
    """One stake within ±0.005 of the gold's (any if the gold gives none)."""
    return gold is None or any(abs(s - float(gold)) <= STAKE_TOLERANCE + _EPSILON for s in stakes)


def dates_agree(a: object, b: object) -> bool:
    """Same year, month and day as far as both state them ("2019" agrees with "2019-03-23")."""
    pa, pb = _date_parts(a), _date_parts(b)
    n = min(len(pa), len(pb))
    return n > 0 and pa[:n] == pb[:n]


def dates_agree_any(predicted: Iterable[str], gold: list[Any]) -> bool:
    """True where the gold gives no date; else one predicted date agrees with one gold date."""
    return not gold or any(dates_agree(p, g) for p in predicted for g in gold)


def _date_parts(value: object) -> tuple[str, ...]:
    m = _DATE.match(str(value))
    return tuple(part for part in m.groups() if part) if m else ()


def same_status(predicted: str, gold: str) -> bool:
    """The status labels name one concept of the ontology's status scheme."""
    from graph.rdf.namespace import IKG
    from graph.rdf.vocab import concept_for_label

    try:
        return concept_for_label(IKG.InvestmentStatusScheme, predicted) == concept_for_label(IKG.InvestmentStatusScheme, gold)
    except NormalizeError:
        return fold(predicted) == fold(gold)


# --------------------------------------------------------------------------
# scoring


@dataclass(frozen=True, slots=True)
class Judgement:
    """Indices of the predictions that are right and of the gold facts that are found."""

    predicted: int
    gold: int
    correct: frozenset[int]
    found: frozenset[int]

    def score(self, *, recall_only: bool = False) -> Score:
        return Score(self.predicted, self.gold, len(self.correct), len(self.found), recall_only)


def judge(predicted: list[PredictedFact], gold: list[dict[str, Any]], match: Rule, *, one_to_one: bool = False) -> Judgement:
    """Which predictions match some gold fact of their document, and which gold facts are matched."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(predicted):
        by_doc[p.doc].append(i)
    edges = [[i for i in by_doc.get(g["doc"], []) if match(predicted[i], g)] for g in gold]
    if one_to_one:
        pairs = matching_pairs(edges)
        return Judgement(len(predicted), len(gold), frozenset(pairs), frozenset(pairs.values()))
    correct = frozenset(i for e in edges for i in e)
    return Judgement(len(predicted), len(gold), correct, frozenset(g for g, e in enumerate(edges) if e))


def maximum_matching(edges: list[list[int]]) -> int:
    """Size of a maximum one-to-one matching; ``edges[g]`` lists the predictions gold ``g`` accepts."""
    return len(matching_pairs(edges))


def matching_pairs(edges: list[list[int]]) -> dict[int, int]:
    """A maximum matching as prediction → gold (Kuhn's augmenting paths: a greedy
    pass would let one prediction take a gold fact another alone could match)."""
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

    for g in range(len(edges)):
        augment(g, set())
    return owner


def _by_document(missed: list[dict[str, Any]], unmatched: list[PredictedFact]) -> tuple[DocumentExplanation, ...]:
    docs = sorted({g["doc"] for g in missed} | {p.doc for p in unmatched})
    return tuple(
        DocumentExplanation(
            doc,
            tuple(g for g in missed if g["doc"] == doc),
            tuple(p for p in unmatched if p.doc == doc),
        )
        for doc in docs
    )
