"""ontology/influence.ttl: parses, agrees with the IKG namespace, aligns to standards."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graph.rdf.namespace import IKG, ONTOLOGY_IRI, SCHEMA, PROV
from graph.rdf.vocab import ONTOLOGY_PATH

SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
IKG_TERMS = sorted(IKG.__annotations__)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ONTOLOGY_PATH, format="turtle")


def _ikg_terms_in(graph: Graph) -> set[str]:
    terms = {t for triple in graph for t in triple if isinstance(t, URIRef)}
    return {str(t)[len(ONTOLOGY_IRI):] for t in terms if str(t).startswith(ONTOLOGY_IRI)}


@pytest.mark.parametrize("term", IKG_TERMS)
def test_every_namespace_term_is_declared(onto: Graph, term: str) -> None:
    assert (URIRef(ONTOLOGY_IRI + term), RDF.type, None) in onto


def test_every_ontology_term_is_in_the_namespace(onto: Graph) -> None:
    assert _ikg_terms_in(onto) <= set(IKG_TERMS)


def _declared(onto: Graph, kind: URIRef) -> list[URIRef]:
    return sorted(s for s in onto.subjects(RDF.type, kind) if str(s).startswith(ONTOLOGY_IRI))


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty],
                         ids=["class", "object-property", "datatype-property"])
def test_classes_and_properties_have_english_label_and_comment(onto: Graph, kind: URIRef) -> None:
    terms = _declared(onto, kind)
    assert terms
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            values = list(onto.objects(term, prop))
            assert [v.language for v in values] == ["en"], (term, prop)


@pytest.mark.parametrize("kind", [OWL.ObjectProperty, OWL.DatatypeProperty],
                         ids=["object-property", "datatype-property"])
def test_properties_have_a_domain(onto: Graph, kind: URIRef) -> None:
    for prop in _declared(onto, kind):
        assert onto.value(prop, RDFS.domain) is not None, prop


AXIOMS = [
    (IKG.Country, RDFS.subClassOf, IKG.Actor),
    (IKG.Company, RDFS.subClassOf, IKG.Actor),
    (IKG.Person, RDFS.subClassOf, IKG.Actor),
    (IKG.Organization, RDFS.subClassOf, IKG.Actor),
    (IKG.GovernmentBody, RDFS.subClassOf, IKG.Actor),
    (IKG.Investment, RDFS.subClassOf, IKG.Fact),
    (IKG.Agreement, RDFS.subClassOf, IKG.Fact),
    (IKG.Event, RDFS.subClassOf, IKG.Fact),
    (IKG.Person, OWL.equivalentClass, SCHEMA.Person),
    (IKG.Organization, RDFS.subClassOf, SCHEMA.Organization),
    (IKG.Company, RDFS.subClassOf, SCHEMA.Corporation),
    (IKG.GovernmentBody, RDFS.subClassOf, SCHEMA.GovernmentOrganization),
    (IKG.Country, RDFS.subClassOf, SCHEMA.Country),
    (IKG.Asset, RDFS.subClassOf, SCHEMA.Place),
    (IKG.Event, RDFS.subClassOf, SCHEMA.Event),
    (IKG.Agreement, RDFS.subClassOf, SCHEMA.CreativeWork),
    (IKG.Document, RDFS.subClassOf, SCHEMA.NewsArticle),
    (IKG.Document, RDFS.subClassOf, PROV.Entity),
    (IKG.Evidence, RDFS.subClassOf, PROV.Entity),
    (IKG.Actor, RDFS.subClassOf, PROV.Agent),
    (IKG.Fact, RDFS.subClassOf, PROV.Entity),
    (IKG.Event, RDFS.subClassOf, URIRef(SEM + "Event")),
    (IKG.participant, RDFS.subPropertyOf, URIRef(SEM + "hasActor")),
    (IKG.place, RDFS.subPropertyOf, URIRef(SEM + "hasPlace")),
    (IKG.date, SKOS.closeMatch, URIRef(SEM + "hasTimeStamp")),
]


@pytest.mark.parametrize("axiom", AXIOMS, ids=lambda a: f"{a[0].n3()[-20:]}-{a[1].n3()[-14:]}-{a[2].n3()[-22:]}")
def test_alignment_axiom(onto: Graph, axiom: tuple[URIRef, URIRef, URIRef]) -> None:
    assert axiom in onto


SCHEMES = {
    IKG.EventTypeScheme: {
        "StateVisit": "state visit", "OfficialVisit": "official visit", "Meeting": "meeting",
        "PressConference": "press conference", "ExportRestriction": "export restriction",
        "ExportLicenceGrant": "export licence grant", "ExportPermitPledge": "export permit pledge",
        "Sanction": "sanction", "Bombing": "bombing", "MilitaryDrill": "military drill",
        "ArmsDelivery": "arms delivery", "PlantLaunch": "plant launch", "Donation": "donation",
        "Protest": "protest", "Election": "election", "Referendum": "referendum",
        "PlantClosure": "plant closure", "LicenceRevocation": "licence revocation",
        "DebtDefault": "debt default", "DiplomaticProtest": "diplomatic protest",
        # issue 8: ten groups and the kinds of the news
        "DiplomacyGroup": "diplomacy", "DealLifecycleGroup": "deal lifecycle", "RegulationGroup": "regulation",
        "LegalGroup": "legal", "FinanceGroup": "finance", "TradeGroup": "trade", "UnrestGroup": "unrest",
        "SecurityGroup": "security", "PoliticsGroup": "politics", "IndustryGroup": "industry",
        "Negotiation": "negotiation", "Announcement": "announcement", "Signing": "signing",
        "ContractAward": "contract award", "Groundbreaking": "groundbreaking", "Completion": "completion",
        "Postponement": "postponement", "Cancellation": "cancellation", "Withdrawal": "withdrawal",
        "Approval": "approval", "Ratification": "ratification", "EntryIntoForce": "entry into force",
        "Rejection": "rejection", "Blocking": "blocking", "Investigation": "investigation",
        "CourtRuling": "court ruling", "Lawsuit": "lawsuit", "Merger": "merger", "Listing": "listing",
        "Founding": "founding", "Bankruptcy": "bankruptcy", "DebtRestructuring": "debt restructuring",
        "Strike": "strike", "Appointment": "appointment",
    },
    IKG.InvestmentStatusScheme: {
        "PlannedStage": "planned", "InProgressStage": "in progress", "DoneStage": "done",
        "StoppedStage": "stopped",
        "Announced": "announced", "Pledged": "pledged", "Approved": "approved", "Signed": "signed",
        "UnderConstruction": "under construction", "Completed": "completed", "Opened": "opened",
        "Postponed": "postponed", "Cancelled": "cancelled", "Rejected": "rejected",
        "Blocked": "blocked",
    },
    IKG.FactualityScheme: {
        "Asserted": "asserted", "Planned": "planned", "Possible": "possible", "Denied": "denied",
    },
    IKG.InvestmentTypeScheme: {
        "Acquisition": "acquisition", "SharePurchase": "share purchase", "Greenfield": "greenfield",
        "ExistingHolding": "existing holding", "Grant": "grant",
        "Loan": "loan", "JointVenture": "joint venture", "Bond": "bond", "Guarantee": "guarantee",
        "AggregateInvestment": "aggregate investment",
        "GeneralInvestment": "investment",
    },
}
CONCEPTS = [(scheme, name, label) for scheme, c in SCHEMES.items() for name, label in c.items()]


@pytest.mark.parametrize("scheme,name,label", CONCEPTS, ids=[c[1] for c in CONCEPTS])
def test_concept_has_english_pref_label_in_its_scheme(
    onto: Graph, scheme: URIRef, name: str, label: str
) -> None:
    concept = URIRef(ONTOLOGY_IRI + name)
    assert (concept, RDF.type, SKOS.Concept) in onto
    assert (concept, SKOS.inScheme, scheme) in onto
    assert list(onto.objects(concept, SKOS.prefLabel)) == [Literal(label, lang="en")]


@pytest.mark.parametrize("scheme", list(SCHEMES), ids=lambda s: s.split("#")[1])
def test_scheme_has_exactly_the_listed_concepts_and_unique_labels(onto: Graph, scheme: URIRef) -> None:
    concepts = set(onto.subjects(SKOS.inScheme, scheme))
    assert {str(c).split("#")[1] for c in concepts} == set(SCHEMES[scheme])
    labels = [str(l).casefold() for c in concepts
              for p in (SKOS.prefLabel, SKOS.altLabel) for l in onto.objects(c, p)]
    assert len(labels) == len(set(labels)), "a label names two concepts"


def test_licence_grant_has_american_spelling(onto: Graph) -> None:
    assert (IKG.ExportLicenceGrant, SKOS.altLabel, Literal("export license grant", lang="en")) in onto


def test_ontology_header(onto: Graph) -> None:
    assert (URIRef(ONTOLOGY_IRI.rstrip("#")), RDF.type, OWL.Ontology) in onto


STAGES = {
    IKG.PlannedStage: {IKG.Announced, IKG.Pledged},
    IKG.InProgressStage: {IKG.Approved, IKG.Signed, IKG.UnderConstruction},
    IKG.DoneStage: {IKG.Completed, IKG.Opened},
    IKG.StoppedStage: {IKG.Postponed, IKG.Cancelled, IKG.Rejected, IKG.Blocked},
}


@pytest.mark.parametrize("stage", list(STAGES), ids=lambda s: s.split("#")[1])
def test_status_stage_groups_its_statuses(onto: Graph, stage: URIRef) -> None:
    """Issue 7: the lifecycle groups statuses into four stages a query can climb to."""
    assert (stage, SKOS.topConceptOf, IKG.InvestmentStatusScheme) in onto
    assert set(onto.subjects(SKOS.broader, stage)) == STAGES[stage]


def test_every_status_value_is_a_concept_with_a_definition(onto: Graph) -> None:
    """The Status and Factuality enums name exactly the ontology's leaf concepts."""
    from graph.model import Factuality, Status
    from graph.rdf.vocab import concept_for_label

    for scheme, enum in ((IKG.InvestmentStatusScheme, Status), (IKG.FactualityScheme, Factuality)):
        for value in enum:
            concept = concept_for_label(scheme, value.value)
            assert onto.value(concept, SKOS.definition) is not None, value
            assert (concept, SKOS.topConceptOf, scheme) in onto or scheme == IKG.InvestmentStatusScheme
    leaves = {c for group in STAGES.values() for c in group}
    assert {concept_for_label(IKG.InvestmentStatusScheme, s.value) for s in Status} == leaves


@pytest.mark.parametrize("prop,domain", [(IKG.factuality, IKG.Fact), (IKG.concerns, IKG.Event)],
                         ids=["factuality", "concerns"])
def test_issue_8_properties_are_declared(onto: Graph, prop: URIRef, domain: URIRef) -> None:
    assert (prop, RDF.type, OWL.ObjectProperty) in onto
    assert (prop, RDFS.domain, domain) in onto


def test_every_event_kind_has_a_group_and_a_definition(onto: Graph) -> None:
    """issue 8: each kind sits under one of the ten top groups; CAMEO codes are typed ikg:cameo."""
    groups = set(onto.subjects(SKOS.topConceptOf, IKG.EventTypeScheme))
    assert len(groups) == 10
    kinds = set(onto.subjects(SKOS.inScheme, IKG.EventTypeScheme)) - groups
    assert 40 <= len(kinds) + len(groups) <= 60
    for kind in kinds:
        assert onto.value(kind, SKOS.broader) in groups, kind
        assert onto.value(kind, SKOS.definition) is not None, kind
    codes = [onto.value(k, SKOS.notation) for k in kinds if onto.value(k, SKOS.notation) is not None]
    assert codes and all(c.datatype == IKG.cameo for c in codes)
    assert str(onto.value(IKG.Signing, SKOS.notation)) == "057"
