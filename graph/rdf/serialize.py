"""Facts → RDF: one named graph per document plus one graph of actors.

IRIs are computed from what a fact *says* (resolved actors, amount, date…),
never from where it was read, so two documents that state the same fact
produce the same node, which then carries two ``prov:wasDerivedFrom`` and two
``ikg:evidence``. Re-running a build gives the same IRIs; no blank nodes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from urllib.parse import quote

from rdflib import Dataset, Literal, URIRef
from rdflib.graph import Graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from graph.model import (
    ActorKind,
    ActorRecord,
    ActorRef,
    Agreement,
    Corpus,
    Document,
    DocumentFacts,
    Event,
    Evidence,
    Factuality,
    Investment,
    Money,
    PartialDate,
    Precision,
    Status,
)
from graph.rdf.namespace import ID, IKG, PROV, SCHEMA, WD
from graph.rdf.vocab import broader_concept, concept_for_label, concept_label

Triple = tuple[URIRef, URIRef, URIRef | Literal]

# rdflib's terms made once: ``RDF.type`` goes through a metaclass lookup on every access, and a
# build asks tens of thousands of times (issue 11; ``ikg:`` terms are made once in namespace.py).
_A, _LABEL, _ALT_LABEL = RDF.type, RDFS.label, SKOS.altLabel
_XSD_DATE, _XSD_DECIMAL = XSD.date, XSD.decimal

ACTORS_GRAPH = ID["graph/actors"]

CLASS_OF_KIND: dict[ActorKind, URIRef] = {
    ActorKind.COUNTRY: IKG.Country,
    ActorKind.COMPANY: IKG.Company,
    ActorKind.PERSON: IKG.Person,
    ActorKind.ORGANIZATION: IKG.Organization,
    ActorKind.GOVERNMENT_BODY: IKG.GovernmentBody,
    ActorKind.ASSET: IKG.Asset,
}

_DATE_TYPE: dict[Precision, URIRef] = {
    Precision.DAY: _XSD_DATE,
    Precision.MONTH: XSD.gYearMonth,
    Precision.YEAR: XSD.gYear,
}


# --------------------------------------------------------------------------
# IRIs and literals


def _slug(text: str) -> str:
    """Percent-encode what is not safe in one IRI path segment."""
    return quote(text, safe="")


def document_iri(doc_id: str) -> URIRef:
    """The IRI of a document, which is also the name of its graph."""
    return ID["document/" + _slug(doc_id)]


@lru_cache(maxsize=1 << 16)
def actor_iri(key: str) -> URIRef:
    """The IRI of a resolved actor or asset (``ActorRecord.key``); remembered, since each
    mention, party and participant asks again (quoting and checking the IRI each time; issue 11)."""
    return ID["actor/" + _slug(key)]


def evidence_iri(evidence: Evidence) -> URIRef:
    """One node per sentence span, shared by every fact the sentence states."""
    return ID["evidence/" + _hash(f"{evidence.doc_id}\x1f{evidence.start}\x1f{evidence.end}")]


def amount_iri(money: Money) -> URIRef:
    return ID["amount/" + _slug(f"{_decimal(money.value)}-{money.currency}")]


def _hash(identity: str) -> str:
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


def _decimal(value: Decimal) -> str:
    """Canonical plain notation: 4.2E+7 and 42000000.00 both give 42000000."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def decimal_literal(value: Decimal) -> Literal:
    return Literal(_decimal(value), datatype=_XSD_DECIMAL)


def date_literal(date: PartialDate) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear by precision, lexical form kept."""
    return Literal(date.iso(), datatype=_DATE_TYPE[date.precision])


# --------------------------------------------------------------------------
# Actors


class _Actors:
    """Resolves refs to records; refs the resolver missed get a record of their own.

    A missing key is a resolver gap, not a reason to lose the fact: the actor
    is written with its surface name, so the graph stays complete and valid.
    """

    def __init__(self, corpus: Corpus) -> None:
        self._key_of = corpus.key_of
        self.records: dict[str, ActorRecord] = dict(corpus.actors)

    def key(self, ref: ActorRef) -> str:
        key = self._key_of(ref)
        if key not in self.records:
            self.records[key] = ActorRecord(key=key, label=ref.name, kind=ref.kind)
        return key

    def iri(self, ref: ActorRef) -> URIRef:
        return actor_iri(self.key(ref))

    def label(self, ref: ActorRef) -> str:
        return self.records[self.key(ref)].label

    def sorted_keys(self, refs: Iterable[ActorRef]) -> list[str]:
        return sorted({self.key(r) for r in refs})


def _record_triples(record: ActorRecord) -> Iterator[Triple]:
    node = actor_iri(record.key)
    yield node, _A, CLASS_OF_KIND[record.kind]
    yield node, _LABEL, Literal(record.label)
    for alt in sorted(record.alt_labels - {record.label}):
        yield node, _ALT_LABEL, Literal(alt)
    if record.country and record.country != record.key:
        yield node, IKG.country, actor_iri(record.country)
    if record.wikidata:
        yield node, IKG.wikidata, WD[record.wikidata]
        yield node, OWL.sameAs, WD[record.wikidata]


def _mention_triples(
    refs: Iterable[ActorRef], doc: URIRef, actors: _Actors
) -> Iterator[Triple]:
    """Per document: which actors it mentions and the other names it uses."""
    for ref in refs:
        node = actors.iri(ref)
        yield node, PROV.wasDerivedFrom, doc
        surface = ref.surface or ref.name
        if surface != actors.label(ref):
            yield node, _ALT_LABEL, Literal(surface)


def _refs_of(facts: DocumentFacts) -> Iterator[ActorRef]:
    yield from (m.actor for m in facts.mentions)
    for inv in facts.investments:
        yield from (r for r in (inv.investor, inv.target, inv.place) if r is not None)
    for agreement in facts.agreements:
        yield from agreement.parties
    for event in facts.events:
        yield from event.participants
        if event.place is not None:
            yield event.place
    for fact in facts.facts:
        if fact.evidence.attributed_to is not None:
            yield fact.evidence.attributed_to


# --------------------------------------------------------------------------
# Provenance


def _document_node_triples(doc: Document) -> Iterator[Triple]:
    node = document_iri(doc.id)
    yield node, _A, IKG.Document
    yield node, _LABEL, Literal(doc.title or doc.file_name)
    yield node, IKG.fileName, Literal(doc.file_name)
    yield node, IKG.contentHash, Literal(doc.sha256)
    if doc.title:
        yield node, IKG.title, Literal(doc.title)
    if doc.published:
        yield node, IKG.published, Literal(doc.published.isoformat(), datatype=_XSD_DATE)


def _evidence_triples(fact: URIRef, doc: URIRef, evidence: Evidence, actors: _Actors) -> Iterator[Triple]:
    node = evidence_iri(evidence)
    if evidence.attributed_to is not None:
        yield node, PROV.wasAttributedTo, actors.iri(evidence.attributed_to)
    yield fact, PROV.wasDerivedFrom, doc
    yield fact, IKG.evidence, node
    yield node, _A, IKG.Evidence
    yield node, IKG.text, Literal(evidence.text)
    yield node, IKG.charStart, Literal(evidence.start)
    yield node, IKG.charEnd, Literal(evidence.end)
    yield node, PROV.wasDerivedFrom, document_iri(evidence.doc_id)


def _amount_triples(money: Money) -> Iterator[Triple]:
    node = amount_iri(money)
    yield node, _A, SCHEMA.MonetaryAmount
    yield node, SCHEMA.value, decimal_literal(money.value)
    yield node, SCHEMA.currency, Literal(money.currency)


# --------------------------------------------------------------------------
# Facts


def _fact_iri(kind: str, identity: Iterable[str]) -> URIRef:
    return ID[f"{kind}/" + _hash("\x1f".join([kind, *identity]))]


def _iso(date: PartialDate | None) -> str:
    return date.iso() if date else ""


def factuality_concept(factuality: Factuality | None) -> URIRef:
    """The ``ikg:FactualityScheme`` concept; ``None`` (no cue in the text) is asserted."""
    return concept_for_label(IKG.FactualityScheme, (factuality or Factuality.ASSERTED).value)


def _factuality_identity(factuality: Factuality | None) -> list[str]:
    """What factuality adds to a fact's hash: nothing when asserted, so the IRIs of
    asserted facts are those of builds before factuality existed."""
    if factuality in (None, Factuality.ASSERTED):
        return []
    return [f"factuality={factuality.value}"]


def _investment_concepts(inv: Investment) -> tuple[URIRef, URIRef | None]:
    kind = concept_for_label(IKG.InvestmentTypeScheme, inv.kind)
    if inv.status is None:
        return kind, None
    return kind, concept_for_label(IKG.InvestmentStatusScheme, inv.status.value)


def _investment_iri(inv: Investment, actors: _Actors) -> URIRef:
    kind, status = _investment_concepts(inv)
    money = inv.amount
    return _fact_iri("investment", [
        actors.key(inv.investor), actors.key(inv.target),
        _decimal(money.value) if money else "", money.currency if money else "",
        (money.qualifier or "") if money else "",
        _decimal(inv.stake) if inv.stake is not None else "",
        _iso(inv.date), str(status or ""), str(kind), inv.period or "",
        actors.key(inv.place) if inv.place else "",
        *_factuality_identity(inv.factuality),
    ])


def _investment_summary(inv: Investment, actors: _Actors) -> str:
    what = []
    if inv.amount:
        what.append(" ".join(filter(None, [inv.amount.qualifier, str(inv.amount)])))
    if inv.stake is not None:
        what.append(f"{_decimal(inv.stake * 100)}%")
    body = " for ".join(what) or concept_label(_investment_concepts(inv)[0])
    when = f" ({inv.date})" if inv.date else ""
    return f"{actors.label(inv.investor)} → {actors.label(inv.target)}: {body}{when}"


def _investment_triples(inv: Investment, actors: _Actors) -> Iterator[Triple]:
    node = _investment_iri(inv, actors)
    kind, status = _investment_concepts(inv)
    yield node, _A, IKG.Investment
    yield node, _LABEL, Literal(_investment_summary(inv, actors))
    yield node, IKG.investor, actors.iri(inv.investor)
    yield node, IKG.target, actors.iri(inv.target)
    yield node, IKG.investmentType, kind
    if inv.amount:
        yield node, IKG.amount, amount_iri(inv.amount)
        yield from _amount_triples(inv.amount)
        if inv.amount.qualifier:
            yield node, IKG.amountQualifier, Literal(inv.amount.qualifier)
    if inv.stake is not None:
        yield node, IKG.stake, decimal_literal(inv.stake)
    if inv.date:
        yield node, IKG.date, date_literal(inv.date)
    if status:
        yield node, IKG.status, status
    yield node, IKG.factuality, factuality_concept(inv.factuality)
    if inv.period:
        yield node, IKG.period, Literal(inv.period)
    if inv.place:
        yield node, IKG.place, actors.iri(inv.place)


def _agreement_iri(agreement: Agreement, actors: _Actors) -> URIRef:
    return _fact_iri("agreement", [
        " ".join(agreement.name.split()), ",".join(actors.sorted_keys(agreement.parties)),
        _iso(agreement.date), _iso(agreement.effective),
        *_factuality_identity(agreement.factuality),
        *_status_identity(agreement.status),
    ])


def _status_identity(status: Status | None) -> list[str]:
    """What an agreement's status adds to its hash: nothing when none is stated, so the IRIs
    of agreements built before statuses existed stay."""
    return [f"status={status.value}"] if status is not None else []


def _status_concept(status: Status | None) -> URIRef | None:
    return concept_for_label(IKG.InvestmentStatusScheme, status.value) if status is not None else None


def _names(keys: list[str], actors: _Actors) -> str:
    return ", ".join(actors.records[k].label for k in keys)


def _agreement_triples(agreement: Agreement, actors: _Actors) -> Iterator[Triple]:
    node = _agreement_iri(agreement, actors)
    keys = actors.sorted_keys(agreement.parties)
    when = f" ({agreement.date})" if agreement.date else ""
    yield node, _A, IKG.Agreement
    yield node, _LABEL, Literal(f"{agreement.name}: {_names(keys, actors)}{when}")
    yield node, IKG.agreementName, Literal(agreement.name)
    for key in keys:
        yield node, IKG.party, actor_iri(key)
    if agreement.date:
        yield node, IKG.date, date_literal(agreement.date)
    if agreement.effective:
        yield node, IKG.effectiveDate, date_literal(agreement.effective)
    if agreement.status is not None:
        yield node, IKG.status, _status_concept(agreement.status)
    yield node, IKG.factuality, factuality_concept(agreement.factuality)


def _event_iri(event: Event, actors: _Actors) -> URIRef:
    return _fact_iri("event", [
        str(concept_for_label(IKG.EventTypeScheme, event.event_type)),
        ",".join(actors.sorted_keys(event.participants)), _iso(event.date),
        actors.key(event.place) if event.place else "",
        *_factuality_identity(event.factuality),
    ])


def _event_summary(event: Event, keys: list[str], actors: _Actors) -> str:
    kind = concept_label(concept_for_label(IKG.EventTypeScheme, event.event_type))
    where = f" in {actors.label(event.place)}" if event.place else ""
    when = f" ({event.date})" if event.date else ""
    return f"{kind}: {_names(keys, actors)}{where}{when}"


def _event_triples(event: Event, actors: _Actors, concerned: dict[Investment | Agreement, URIRef]) -> Iterator[Triple]:
    node = _event_iri(event, actors)
    # a participant the resolver typed an asset (its mentions voted so) takes no part: an event is actors'
    keys = [k for k in actors.sorted_keys(event.participants) if actors.records[k].kind is not ActorKind.ASSET]
    if not keys:
        return
    yield node, _A, IKG.Event
    yield node, _LABEL, Literal(_event_summary(event, keys, actors))
    yield node, IKG.eventType, concept_for_label(IKG.EventTypeScheme, event.event_type)
    for key in keys:
        yield node, IKG.participant, actor_iri(key)
    if event.date:
        yield node, IKG.date, date_literal(event.date)
    if event.place:
        yield node, IKG.place, actors.iri(event.place)
    yield node, IKG.factuality, factuality_concept(event.factuality)
    if event.concerns is not None and event.concerns in concerned:
        yield node, IKG.concerns, concerned[event.concerns]


def _concerned(facts: DocumentFacts, actors: _Actors) -> dict[Investment | Agreement, URIRef]:
    """The node of each fact an event may concern, keyed also by the fact as extracted before
    merging (same sentence, same roles), so ``ikg:concerns`` points at a node the graph holds."""
    found: dict[Investment | Agreement, URIRef] = {}
    by_roles: dict[tuple, URIRef] = {}
    for inv in facts.investments:
        found[inv] = by_roles[("i", inv.evidence.start, inv.investor.name, inv.target.name)] = _investment_iri(inv, actors)
    for agreement in facts.agreements:
        names = tuple(sorted(p.name for p in agreement.parties))
        found[agreement] = by_roles[("a", agreement.evidence.start, names)] = _agreement_iri(agreement, actors)
    for event in facts.events:
        fact = event.concerns
        if isinstance(fact, Investment):
            key = ("i", fact.evidence.start, fact.investor.name, fact.target.name)
        elif isinstance(fact, Agreement):
            key = ("a", fact.evidence.start, tuple(sorted(p.name for p in fact.parties)))
        else:
            continue
        if fact not in found and key in by_roles:
            found[fact] = by_roles[key]
    return found


def _fact_triples(facts: DocumentFacts, actors: _Actors) -> Iterator[Triple]:
    doc = document_iri(facts.document.id)
    for inv in facts.investments:
        yield from _investment_triples(inv, actors)
        yield from _evidence_triples(_investment_iri(inv, actors), doc, inv.evidence, actors)
    for agreement in facts.agreements:
        yield from _agreement_triples(agreement, actors)
        yield from _evidence_triples(_agreement_iri(agreement, actors), doc, agreement.evidence, actors)
    concerned = _concerned(facts, actors)
    for event in facts.events:
        yield from _event_triples(event, actors, concerned)
        yield from _evidence_triples(_event_iri(event, actors), doc, event.evidence, actors)


# --------------------------------------------------------------------------
# Public entry point


def _fill(graph: Graph, triples: Iterable[Triple]) -> None:
    """Each triple once, in first-seen order: four in ten repeat (a mention, an evidence node),
    and rdflib's store pays its full cost for a repeat too (issue 11). Given to the store
    directly: ``Graph.addN`` only checks each quad names this graph and rdflib terms, as ours do."""
    graph.store.addN((s, p, o, graph) for s, p, o in dict.fromkeys(triples))


def _document_graph_triples(facts: DocumentFacts, actors: _Actors) -> Iterator[Triple]:
    """Everything one document contributes: its node, its facts, its mentions."""
    doc = document_iri(facts.document.id)
    yield from _document_node_triples(facts.document)
    yield from _fact_triples(facts, actors)
    yield from _mention_triples(_refs_of(facts), doc, actors)


def corpus_to_dataset(corpus: Corpus) -> Dataset:
    """The whole corpus as a dataset: a graph per document and a graph of actors.

    Dropping a document from a store is then dropping its graph; actors stay.
    """
    dataset = Dataset()
    actors = _Actors(corpus)
    for facts in sorted(corpus.documents, key=lambda f: f.document.id):
        graph = dataset.graph(document_iri(facts.document.id))
        _fill(graph, _document_graph_triples(facts, actors))
    actors_graph = dataset.graph(ACTORS_GRAPH)
    for key in sorted(actors.records):
        _fill(actors_graph, _record_triples(actors.records[key]))
    _fill(actors_graph, _concept_triples(dataset))
    return dataset


def _concept_triples(dataset: Dataset) -> Iterator[Triple]:
    """Labels of the scheme concepts the facts use, so queries can show "state visit",
    and each status's stage (``skos:broader``), so a query can ask for every stopped one."""
    used = {
        o
        for p in (IKG.eventType, IKG.status, IKG.investmentType, IKG.factuality)
        for _, _, o, _ in dataset.quads((None, p, None, None))
    }
    stages = {c: broader_concept(c) for c in used}
    for concept in sorted(used | {s for s in stages.values() if s is not None}):
        yield concept, _A, SKOS.Concept
        yield concept, SKOS.prefLabel, Literal(concept_label(concept), lang="en")
        if stages.get(concept) is not None:
            yield concept, SKOS.broader, stages[concept]
