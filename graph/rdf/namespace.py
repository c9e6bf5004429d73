"""The ``ikg:`` vocabulary: the only place an ontology term is spelled.

``_fail = True`` makes a misspelt term (``IKG.investr``) raise at once instead
of minting a new IRI that silently matches nothing in users' queries.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/influence-kg/ontology#"
RESOURCE_BASE = "https://w3id.org/influence-kg/id/"



class _Namespace(Namespace):
    """A ``Namespace`` whose attribute terms (``PROV.wasDerivedFrom``) are made once: rdflib makes
    and checks a new URIRef on every access, tens of thousands per build (issue 11)."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)  # AttributeError for Python's special names
        self.__dict__[name] = term
        return term


SCHEMA = _Namespace("https://schema.org/")
PROV = _Namespace("http://www.w3.org/ns/prov#")
WD = _Namespace("http://www.wikidata.org/entity/")
ID = _Namespace(RESOURCE_BASE)


class IKG(DefinedNamespace):
    """Terms of ``ontology/influence.ttl``; tests check the two agree."""

    _NS = Namespace(ONTOLOGY_IRI)
    _fail = True

    # Classes: actors and assets
    Actor: URIRef
    Country: URIRef
    Company: URIRef
    Person: URIRef
    Organization: URIRef
    GovernmentBody: URIRef
    Asset: URIRef
    # Classes: facts and provenance
    Fact: URIRef
    Investment: URIRef
    Agreement: URIRef
    Event: URIRef
    Document: URIRef
    Evidence: URIRef

    # Properties of the published contract
    country: URIRef
    investor: URIRef
    target: URIRef
    amount: URIRef
    stake: URIRef
    date: URIRef
    effectiveDate: URIRef
    party: URIRef
    participant: URIRef
    eventType: URIRef
    place: URIRef
    evidence: URIRef
    text: URIRef
    charStart: URIRef
    charEnd: URIRef
    fileName: URIRef

    # Extensions
    status: URIRef
    factuality: URIRef
    concerns: URIRef
    investmentType: URIRef
    amountQualifier: URIRef
    period: URIRef
    title: URIRef
    published: URIRef
    contentHash: URIRef
    wikidata: URIRef
    agreementName: URIRef

    # Aggregates the build derives from the graph (issue 11; graph id:graph/aggregates)
    factCount: URIRef
    partnerCount: URIRef
    nameKey: URIRef
    ContestedFigure: URIRef
    contestedFact: URIRef
    timelineRank: URIRef
    evidenceRank: URIRef
    investmentRank: URIRef
    claimRank: URIRef
    aggregatesVersion: URIRef

    # Concept schemes
    EventTypeScheme: URIRef
    InvestmentStatusScheme: URIRef
    InvestmentTypeScheme: URIRef
    FactualityScheme: URIRef

    # Event types (skos:Concept in EventTypeScheme)
    StateVisit: URIRef
    OfficialVisit: URIRef
    Meeting: URIRef
    PressConference: URIRef
    ExportRestriction: URIRef
    ExportLicenceGrant: URIRef
    ExportPermitPledge: URIRef
    Sanction: URIRef
    Bombing: URIRef
    MilitaryDrill: URIRef
    ArmsDelivery: URIRef
    PlantLaunch: URIRef
    Donation: URIRef
    Protest: URIRef
    Election: URIRef
    Referendum: URIRef
    PlantClosure: URIRef
    LicenceRevocation: URIRef
    DebtDefault: URIRef
    DiplomaticProtest: URIRef
    # event groups (top concepts) and the kinds issue 8 added; the CAMEO datatype of their notations
    DiplomacyGroup: URIRef
    DealLifecycleGroup: URIRef
    RegulationGroup: URIRef
    LegalGroup: URIRef
    FinanceGroup: URIRef
    TradeGroup: URIRef
    UnrestGroup: URIRef
    SecurityGroup: URIRef
    PoliticsGroup: URIRef
    IndustryGroup: URIRef
    Negotiation: URIRef
    Announcement: URIRef
    Signing: URIRef
    ContractAward: URIRef
    Groundbreaking: URIRef
    Completion: URIRef
    Postponement: URIRef
    Cancellation: URIRef
    Withdrawal: URIRef
    Approval: URIRef
    Ratification: URIRef
    EntryIntoForce: URIRef
    Rejection: URIRef
    Blocking: URIRef
    Investigation: URIRef
    CourtRuling: URIRef
    Lawsuit: URIRef
    Merger: URIRef
    Listing: URIRef
    Founding: URIRef
    Bankruptcy: URIRef
    DebtRestructuring: URIRef
    Strike: URIRef
    Appointment: URIRef
    cameo: URIRef

    # Statuses (skos:Concept in InvestmentStatusScheme): four stages, eleven statuses
    PlannedStage: URIRef
    InProgressStage: URIRef
    DoneStage: URIRef
    StoppedStage: URIRef
    Announced: URIRef
    Pledged: URIRef
    Approved: URIRef
    Signed: URIRef
    UnderConstruction: URIRef
    Completed: URIRef
    Opened: URIRef
    Postponed: URIRef
    Cancelled: URIRef
    Rejected: URIRef
    Blocked: URIRef

    # Factualities (skos:Concept in FactualityScheme)
    Asserted: URIRef
    Planned: URIRef
    Possible: URIRef
    Denied: URIRef

    # Investment types (skos:Concept in InvestmentTypeScheme)
    Acquisition: URIRef
    SharePurchase: URIRef
    ExistingHolding: URIRef
    Grant: URIRef
    Greenfield: URIRef
    Loan: URIRef
    JointVenture: URIRef
    Bond: URIRef
    Guarantee: URIRef
    AggregateInvestment: URIRef
    GeneralInvestment: URIRef


# Each ikg: term made once, as a class attribute: a DefinedNamespace resolves ``IKG.x`` through
# its metaclass on every access otherwise (issue 11). Unknown terms still raise (``_fail``).
for _term in IKG.__annotations__:
    setattr(IKG, _term, IKG._NS[_term])
del _term
