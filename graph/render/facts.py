"""The graph read once into plain records that views draw or analyse.

The HTML network and the networkx projection both start here, so they show
the same actors and facts. Everything is read with a handful of SPARQL
queries on Oxigraph; records are sorted, so every view is deterministic.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from graph.errors import RenderError
from graph.query import run_query
from graph.store import open_store

ACTOR_CLASSES = ("Country", "Company", "Person", "Organization", "GovernmentBody", "Asset", "Actor")
FACT_TYPES = ("investment", "agreement", "event")
ROLES = ("investor", "target", "party", "participant", "place")

_ACTORS = """
SELECT DISTINCT ?a ?type ?label ?country ?countryLabel WHERE {
  ?a a ?type ; rdfs:label ?label .
  VALUES ?type { ikg:Country ikg:Company ikg:Person ikg:Organization ikg:GovernmentBody ikg:Asset ikg:Actor }
  OPTIONAL { ?a ikg:country ?country . OPTIONAL { ?country rdfs:label ?countryLabel } }
}"""
_ALIASES = "SELECT DISTINCT ?a ?alias WHERE { ?a skos:altLabel ?alias }"
_FACTS = """
SELECT DISTINCT ?f ?cls ?label ?date ?amount ?currency ?stake ?kind ?status ?factuality WHERE {
  ?f a ?cls . VALUES ?cls { ikg:Investment ikg:Agreement ikg:Event }
  OPTIONAL { ?f rdfs:label ?label }
  OPTIONAL { ?f ikg:date ?date }
  OPTIONAL { ?f ikg:amount ?m . ?m schema:value ?amount . OPTIONAL { ?m schema:currency ?currency } }
  OPTIONAL { ?f ikg:stake ?stake }
  OPTIONAL { ?f ikg:eventType ?t . OPTIONAL { ?t skos:prefLabel ?tl FILTER(LANG(?tl) IN ("", "en")) } }
  BIND(COALESCE(?tl, REPLACE(STR(?t), "^.*[#/]", "")) AS ?kind)
  OPTIONAL { ?f ikg:status ?s . OPTIONAL { ?s skos:prefLabel ?sl FILTER(LANG(?sl) IN ("", "en")) } }
  BIND(COALESCE(?sl, REPLACE(STR(?s), "^.*[#/]", "")) AS ?status)
  OPTIONAL { ?f ikg:factuality ?q . OPTIONAL { ?q skos:prefLabel ?ql FILTER(LANG(?ql) IN ("", "en")) } }
  BIND(COALESCE(?ql, REPLACE(STR(?q), "^.*[#/]", "")) AS ?factuality)
}"""
_ROLES = """
SELECT DISTINCT ?f ?p ?a WHERE {
  ?f ?p ?a . VALUES ?p { ikg:investor ikg:target ikg:party ikg:participant ikg:place }
}"""
_EVIDENCE = """
SELECT DISTINCT ?f ?text ?file ?start ?end ?published ?d WHERE {
  ?f ikg:evidence ?e . ?e ikg:text ?text .
  OPTIONAL { ?e prov:wasDerivedFrom ?d . ?d ikg:fileName ?file OPTIONAL { ?d ikg:published ?published } }
  OPTIONAL { ?e ikg:charStart ?start }
  OPTIONAL { ?e ikg:charEnd ?end }
}"""


@dataclass(frozen=True, slots=True)
class ActorView:
    """An actor or asset as views show it."""

    iri: str
    label: str
    kind: str
    country: str | None = None
    country_iri: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class EvidenceView:
    """One sentence stating a fact, the file it comes from and where in it."""

    text: str
    file_name: str | None
    start: int | None = None
    end: int | None = None
    published: str | None = None
    document_id: str | None = None  # the id in …/id/document/<id>: kg serve's /document/<id> link


@dataclass(frozen=True, slots=True)
class FactView:
    """An investment, agreement or event with its actors by role."""

    iri: str
    fact_type: str
    label: str
    roles: tuple[tuple[str, str], ...]
    date: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    stake: Decimal | None = None
    kind: str | None = None
    status: str | None = None
    factuality: str | None = None
    evidence: tuple[EvidenceView, ...] = ()

    def actors(self) -> tuple[str, ...]:
        """IRIs of the actors taking part, in role order, without repeats."""
        return tuple(dict.fromkeys(a for _, a in self.roles))


@dataclass(frozen=True, slots=True)
class FactSet:
    """Actors by IRI and facts sorted by IRI: the input of every view."""

    actors: dict[str, ActorView]
    facts: tuple[FactView, ...] = field(default=())

    def countries_of(self, fact: FactView) -> set[str]:
        """Labels of the countries a fact touches (actors' own or home country)."""
        out: set[str] = set()
        for iri in fact.actors():
            actor = self.actors.get(iri)
            if actor is None:
                continue
            if actor.kind == "Country":
                out.add(actor.label)
            if actor.country:
                out.add(actor.country)
        return out

    def filtered(
        self,
        *,
        fact_types: Iterable[str] | None = None,
        countries: Iterable[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> FactSet:
        """Only the facts that pass every given filter (see :func:`keep_fact`)."""
        types = _check_types(fact_types)
        wanted = self._check_countries(countries)
        low = date_bounds(date_from)[0] if date_from else None
        high = date_bounds(date_to)[1] if date_to else None
        kept = tuple(
            f
            for f in self.facts
            if (types is None or f.fact_type in types)
            and (wanted is None or {c.casefold() for c in self.countries_of(f)} & wanted)
            and _in_range(f.date, low, high)
        )
        return replace(self, facts=kept)

    def _check_countries(self, countries: Iterable[str] | None) -> set[str] | None:
        """Folded country labels to keep; one the graph does not know is an error (issue 10)."""
        if not countries:
            return None
        known = {c.casefold(): c for f in self.facts for c in self.countries_of(f)}
        unknown = sorted({c for c in countries if c.casefold() not in known})
        if unknown:
            accepted = ", ".join(sorted(known.values())) or "none (no fact touches a country)"
            raise RenderError(f"unknown country {', '.join(map(repr, unknown))}; the graph's countries are: {accepted}")
        return {c.casefold() for c in countries}


def _check_types(fact_types: Iterable[str] | None) -> set[str] | None:
    if fact_types is None:
        return None
    types = {t.lower() for t in fact_types}
    unknown = types - set(FACT_TYPES)
    if unknown:
        raise RenderError(
            f"unknown fact type(s) {', '.join(sorted(unknown))}; use {', '.join(FACT_TYPES)}"
        )
    return types


def date_bounds(value: str) -> tuple[str, str]:
    """First and last day a partial date covers: "2016" → 2016-01-01..2016-12-31."""
    parts = value.strip().split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
        day = int(parts[2][:2]) if len(parts) > 2 else None
        if month is None:
            return f"{year:04d}-01-01", f"{year:04d}-12-31"
        last = calendar.monthrange(year, month)[1]
        if day is None:
            return f"{year:04d}-{month:02d}-01", f"{year:04d}-{month:02d}-{last:02d}"
        return (f"{year:04d}-{month:02d}-{day:02d}",) * 2
    except (ValueError, IndexError, calendar.IllegalMonthError) as e:
        raise RenderError(f"bad date {value!r}; write YYYY, YYYY-MM or YYYY-MM-DD") from e


def _in_range(date: str | None, low: str | None, high: str | None) -> bool:
    """Whether a fact's date overlaps [low, high]; undated facts fail any bound."""
    if low is None and high is None:
        return True
    if not date:
        return False
    start, end = date_bounds(date)
    return (low is None or end >= low) and (high is None or start <= high)


def load_facts(source: ox.Store | str | Path) -> FactSet:
    """Read actors, facts, roles and evidence from a store or graph file."""
    source = source if isinstance(source, ox.Store) else open_store(source)
    actors = _load_actors(source)
    roles = _group(run_query(source, _ROLES).rows, key=lambda r: r[0])
    evidence = _group(run_query(source, _EVIDENCE).rows, key=lambda r: r[0])
    facts: dict[str, FactView] = {}
    for row in sorted(run_query(source, _FACTS).rows, key=_row_key):
        iri = row[0]
        if iri in facts:
            continue  # a second amount or date: the first in sort order wins
        facts[iri] = _fact(row, roles.get(iri, []), evidence.get(iri, []))
    return FactSet(actors=actors, facts=tuple(facts[k] for k in sorted(facts)))


def _row_key(row: tuple) -> tuple[str, ...]:
    return tuple("" if v is None else str(v) for v in row)


def _group(rows: Iterable[tuple], *, key) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = defaultdict(list)
    for row in sorted(rows, key=_row_key):
        out[key(row)].append(row)
    return out


def _load_actors(source: ox.Store) -> dict[str, ActorView]:
    aliases = _group(run_query(source, _ALIASES).rows, key=lambda r: r[0])
    best: dict[str, ActorView] = {}
    for iri, type_iri, label, country, country_label in sorted(
        run_query(source, _ACTORS).rows, key=_row_key
    ):
        kind = type_iri.rsplit("#", 1)[-1]
        current = best.get(iri)
        if current and ACTOR_CLASSES.index(current.kind) <= ACTOR_CLASSES.index(kind):
            continue  # keep the most specific class
        best[iri] = ActorView(
            iri=iri,
            label=label,
            kind=kind,
            country=country_label,
            country_iri=country,
            aliases=tuple(r[1] for r in aliases.get(iri, [])),
        )
    return dict(sorted(best.items()))


def _fact(row: tuple, roles: list[tuple], evidence: list[tuple]) -> FactView:
    iri, cls, label, date, amount, currency, stake, kind, status, factuality = row
    fact_type = cls.rsplit("#", 1)[-1].lower()
    return FactView(
        iri=iri,
        fact_type=fact_type,
        label=label or iri.rsplit("/", 1)[-1],
        roles=tuple((p.rsplit("#", 1)[-1], a) for _, p, a in sorted(roles, key=_role_order)),
        date=None if date is None else str(date),
        amount=amount if isinstance(amount, Decimal) else _decimal(amount),
        currency=currency,
        stake=stake if isinstance(stake, Decimal) else _decimal(stake),
        kind=kind or None,
        status=status or None,
        factuality=factuality or None,
        evidence=tuple(dict.fromkeys(_evidence(row) for row in _by_offset(evidence))),
    )


def _evidence(row: tuple) -> EvidenceView:
    _, text, file_name, start, end, published, document = row
    return EvidenceView(
        text=text,
        file_name=file_name,
        start=start if isinstance(start, int) else None,
        end=end if isinstance(end, int) else None,
        published=None if published is None else str(published),
        document_id=document.rsplit("/document/", 1)[-1] if document and "/document/" in document else None,
    )


def _role_order(row: tuple) -> tuple[int, str]:
    return ROLES.index(row[1].rsplit("#", 1)[-1]), row[2]


def _by_offset(rows: list[tuple]) -> list[tuple]:
    return sorted(rows, key=lambda r: (r[2] or "", r[3] if isinstance(r[3], int) else 0, r[1]))


def _decimal(value: object) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None
