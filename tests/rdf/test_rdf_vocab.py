"""graph.rdf.vocab: labels → concepts, read from the ontology."""

from __future__ import annotations

import pytest

from graph.errors import KGError, NormalizeError
from graph.model import Status
from graph.rdf.namespace import IKG
from graph.rdf.vocab import (
    UnknownConcept,
    broader_concept,
    concept_for_label,
    concept_label,
    scheme_concepts,
)


@pytest.mark.parametrize(
    "scheme,label,concept",
    [
        (IKG.EventTypeScheme, "state visit", IKG.StateVisit),
        (IKG.EventTypeScheme, "State Visit", IKG.StateVisit),
        (IKG.EventTypeScheme, "  export   licence grant ", IKG.ExportLicenceGrant),
        (IKG.EventTypeScheme, "export license grant", IKG.ExportLicenceGrant),
        (IKG.InvestmentTypeScheme, "investment", IKG.GeneralInvestment),
        (IKG.InvestmentTypeScheme, "share purchase", IKG.SharePurchase),
        (IKG.InvestmentStatusScheme, Status.PLEDGED.value, IKG.Pledged),
        (IKG.InvestmentStatusScheme, "canceled", IKG.Cancelled),
    ],
    ids=["pref", "case", "spaces", "alt-spelling", "general-investment", "two-words",
         "status-enum", "status-alt"],
)
def test_concept_for_label(scheme, label, concept) -> None:
    assert concept_for_label(scheme, label) == concept


@pytest.mark.parametrize("status", list(Status), ids=lambda s: s.value)
def test_every_status_enum_value_has_a_concept(status: Status) -> None:
    assert concept_label(concept_for_label(IKG.InvestmentStatusScheme, status.value)) == status.value


def test_label_of_another_scheme_is_unknown() -> None:
    with pytest.raises(UnknownConcept, match="state visit"):
        concept_for_label(IKG.InvestmentTypeScheme, "state visit")


def test_unknown_label_says_what_to_use() -> None:
    with pytest.raises(KGError) as info:
        concept_for_label(IKG.EventTypeScheme, "parade")
    assert isinstance(info.value, NormalizeError)
    assert "bombing" in str(info.value) and "altLabel" in str(info.value)


def test_concept_label_is_english_pref_label() -> None:
    assert concept_label(IKG.ExportLicenceGrant) == "export licence grant"


def test_concept_label_of_non_concept_raises() -> None:
    with pytest.raises(UnknownConcept):
        concept_label(IKG.Investment)


def test_scheme_concepts_sorted_and_complete() -> None:
    concepts = scheme_concepts(IKG.FactualityScheme)
    assert concepts == sorted([IKG.Asserted, IKG.Planned, IKG.Possible, IKG.Denied])


def test_status_concepts_are_the_enum_and_four_stages() -> None:
    """Issue 7: the eleven lifecycle statuses plus the stages grouping them."""
    stages = [IKG.PlannedStage, IKG.InProgressStage, IKG.DoneStage, IKG.StoppedStage]
    leaves = [concept_for_label(IKG.InvestmentStatusScheme, s.value) for s in Status]
    assert scheme_concepts(IKG.InvestmentStatusScheme) == sorted(stages + leaves)


@pytest.mark.parametrize("concept,stage", [
    (IKG.Announced, IKG.PlannedStage), (IKG.Signed, IKG.InProgressStage),
    (IKG.Opened, IKG.DoneStage), (IKG.Blocked, IKG.StoppedStage), (IKG.PlannedStage, None),
    (IKG.Asserted, None)], ids=lambda c: str(c).split("#")[-1])
def test_broader_concept(concept, stage) -> None:
    assert broader_concept(concept) == stage
