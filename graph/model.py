"""The typed facts that flow between the stages.

Extractors yield these; ``resolve`` merges them; ``rdf.serialize`` turns them
into triples. They are plain frozen dataclasses so that they hash, compare and
pickle (the Dask and multi-process builds ship them between processes).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import Enum
from pathlib import Path


class ActorKind(str, Enum):
    """The class of an actor; ``ASSET`` is a thing invested in, not an actor."""

    COUNTRY = "country"
    COMPANY = "company"
    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT_BODY = "government body"
    ASSET = "asset"


class Precision(str, Enum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class Status(str, Enum):
    """Where an investment (or agreement) is in its lifecycle, as trackers (AidData,
    AEI) record it; values are the prefLabels of ``ikg:InvestmentStatusScheme``."""

    # planned
    ANNOUNCED = "announced"
    PLEDGED = "pledged"
    # in progress
    APPROVED = "approved"
    SIGNED = "signed"
    UNDER_CONSTRUCTION = "under construction"
    # done
    COMPLETED = "completed"
    OPENED = "opened"
    # stopped
    POSTPONED = "postponed"
    CANCELLED = "cancelled"
    REJECTED = "rejected"
    BLOCKED = "blocked"


class Factuality(str, Enum):
    """How the text states a fact; a fact with ``None`` is ``ASSERTED``.

    Values are the prefLabels of ``ikg:FactualityScheme``.
    """

    ASSERTED = "asserted"
    PLANNED = "planned"
    POSSIBLE = "possible"
    DENIED = "denied"


@dataclass(frozen=True, slots=True)
class Document:
    """One input file, decoded; ``text`` is what the NLP reads and offsets index.

    ``text`` has the same length as the decoded source: non-breaking spaces and
    typographic quotes are replaced one character for one, so an evidence's
    offsets point at the same characters in both.
    """

    id: str
    file_name: str
    text: str
    source_text: str
    sha256: str
    title: str | None = None
    published: dt.date | None = None
    path: Path | None = None

    def without_text(self) -> "Document":
        """The document's identity and metadata only: what resolution and caches keep."""
        return replace(self, text="", source_text="")


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence that states a fact, with offsets into ``Document.text``;
    ``attributed_to`` is who the sentence says makes the claim ("X said", "according to X")."""

    doc_id: str
    text: str
    start: int
    end: int
    attributed_to: ActorRef | None = None


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as precise as the text allows: 2016, 2025-04 or 2024-05-08."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    @property
    def vagueness(self) -> int:
        """0 for a day, 1 for a month, 2 for a year: sort by it to prefer the most precise."""
        return 0 if self.day is not None else 1 if self.month is not None else 2

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    @classmethod
    def from_date(cls, value: dt.date) -> "PartialDate":
        return cls(value.year, value.month, value.day)

    def __str__(self) -> str:
        return self.iso()


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in units of an ISO 4217 currency; qualifier keeps "up to" etc."""

    value: Decimal
    currency: str
    qualifier: str | None = None

    def __str__(self) -> str:
        return f"{self.value:,.0f} {self.currency}"


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor as a fact names it: the surface form and what it is.

    ``name`` is the form to resolve (titles stripped, gazetteer canonical name
    when known); ``surface`` is exactly what the text says.
    """

    name: str
    kind: ActorKind
    surface: str = ""
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an actor in a document."""

    actor: ActorRef
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Investment:
    investor: ActorRef
    target: ActorRef
    evidence: Evidence
    amount: Money | None = None
    stake: Decimal | None = None
    date: PartialDate | None = None
    status: Status | None = None
    kind: str = "investment"
    period: str | None = None
    place: ActorRef | None = None
    factuality: Factuality | None = None


@dataclass(frozen=True, slots=True)
class Agreement:
    name: str
    parties: tuple[ActorRef, ...]
    evidence: Evidence
    date: PartialDate | None = None
    effective: PartialDate | None = None
    factuality: Factuality | None = None
    status: Status | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A happening; ``concerns`` is the investment or agreement it is a step of (its signing, completion …)."""

    event_type: str
    participants: tuple[ActorRef, ...]
    evidence: Evidence
    date: PartialDate | None = None
    place: ActorRef | None = None
    factuality: Factuality | None = None
    concerns: Investment | Agreement | None = None


Fact = Investment | Agreement | Event


def fact_refs(fact: Fact) -> list[ActorRef]:
    """Every actor or asset a fact names: its roles and its place."""
    if isinstance(fact, Investment):
        refs = [fact.investor, fact.target]
    elif isinstance(fact, Agreement):
        refs = list(fact.parties)
    else:
        refs = list(fact.participants)
    place = getattr(fact, "place", None)
    source = fact.evidence.attributed_to
    return refs + [ref for ref in (place, source) if ref is not None]


@dataclass(slots=True)
class DocumentFacts:
    """Everything extracted from one document: the unit a store adds or drops."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    investments: list[Investment] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def facts(self) -> list[Fact]:
        return [*self.investments, *self.agreements, *self.events]


@dataclass(frozen=True, slots=True)
class ActorRecord:
    """One resolved real-world actor: the node the graph shows.

    ``key`` is the IRI slug (``…/id/actor/<key>``); ``country`` is the key of
    the country actor it belongs to.
    """

    key: str
    label: str
    kind: ActorKind
    alt_labels: frozenset[str] = frozenset()
    country: str | None = None
    wikidata: str | None = None


@dataclass(slots=True)
class Corpus:
    """Facts of many documents plus the resolution of their actor references.

    ``key_of`` maps every ``ActorRef`` used by a fact or mention to the key of
    an ``ActorRecord`` in ``actors``.
    """

    documents: list[DocumentFacts]
    actors: dict[str, ActorRecord]
    key_of: Callable[[ActorRef], str]

