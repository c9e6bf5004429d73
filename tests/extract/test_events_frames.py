"""Events from data/events.json over the frame layer, events derived from facts, factuality and
attribution (issue 8). Every passage is made up, with fictitious names."""

from __future__ import annotations

import pytest

from graph.model import Agreement, Event, Factuality, Investment

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _facts(text: str, published: str | None = None):
    from graph.pipeline import extract_document
    from tests.conftest import make_document

    return extract_document(make_document(text, published=published))


def _events(text: str) -> list[Event]:
    return _facts(text).events


def _names(event: Event) -> set[str]:
    return {p.name for p in event.participants}


# (kind, passage, a participant, ISO date) — one or more per group of the scheme
KINDS = {
    "diplomacy-meeting-with": ("meeting", "Premier Olda Varenkova met Chancellor Brin Tasso in Maravel on 4 March 2023.", "Olda Varenkova", "2023-03-04"),
    "diplomacy-talks-between": ("meeting", "Talks between Vantor Mining and Quellor Steel were held on 9 May 2022.", "Quellor Steel", "2022-05-09"),
    "diplomacy-visit-object": ("official visit", "Minister Arno Pellik visited Zorvania on 12 June 2021.", "Arno Pellik", "2021-06-12"),
    "deal-signing-with": ("signing", "Vantor Mining signed a supply contract with Quellor Steel on 2 February 2024.", "Vantor Mining", "2024-02-02"),
    "deal-cancellation-passive-agent": ("cancellation", "The Brightwater port project was cancelled by Quellor Steel on 8 August 2023.", "Quellor Steel", "2023-08-08"),
    "deal-postponement": ("postponement", "Kelsland suspended the Brightwater port project in October 2022.", "Kelsland", "2022-10"),
    "regulation-approval-object": ("approval", "The Maravel Competition Authority approved the Vantor Mining merger on 5 April 2024.", "Maravel Competition Authority", "2024-04-05"),
    "regulation-rejection": ("rejection", "Shareholders of Pellin Bank rejected the Tamsor offer on 3 July 2023.", "Pellin Bank", "2023-07-03"),
    "legal-lawsuit": ("lawsuit", "Quellor Steel sued Vantor Mining in a Maravel court on 1 March 2022.", "Quellor Steel", "2022-03-01"),
    "deal-put-on-hold": ("postponement", "President Olda Varenkova put the Brightwater port project on hold in 2016.", "Olda Varenkova", "2016"),
    "company-founding-formed": ("founding", "Vantor Games was formed in 1986 by five brothers of the Pellik family.", "Vantor Games", "1986"),
    "finance-bankruptcy": ("bankruptcy", "Ostrel Batteries filed for bankruptcy on 14 November 2023.", "Ostrel Batteries", "2023-11-14"),
    "trade-export-ban": ("export restriction", "Zorvania banned exports of cobalt ore on 1 January 2021.", "Zorvania", "2021-01-01"),
    "trade-sanctions-support-verb": ("sanction", "Kelsland imposed sanctions on Vantor Mining on 6 June 2022.", "Vantor Mining", "2022-06-06"),
    "unrest-protest-occasion": ("protest", "The Maravel Miners Union joined a protest against Vantor Mining on 2 May 2023.", "Maravel Miners Union", "2023-05-02"),
    "security-drill-support-verb": ("military drill", "Zorvania held a joint military exercise with Kelsland in September 2022.", "Zorvania", "2022-09"),
    "politics-referendum-occasion": ("referendum", "Zorvania voted in a referendum on 5 June 2022.", "Zorvania", "2022-06-05"),
    "industry-plant-opening": ("plant launch", "Ostrel Batteries opened its cell factory in Maravel on 20 April 2024.", "Ostrel Batteries", "2024-04-20"),
    "industry-production-begins": ("plant launch", "Ostrel Batteries began production at its cell factory in Maravel in March 2024.",
                                   "Ostrel Batteries", "2024-03"),
    "unrest-members-of-a-named-body": ("protest", "On 2 April 2024, members of the Maravel Farmers Front protested outside the offices "
                                       "of Vantor Agro.", "Maravel Farmers Front", "2024-04-02"),
    "unrest-supporters-from-a-group": ("protest", "On 3 May 2023, around 400 supporters from the ultras group Quellor Norte protested "
                                       "outside the pavilion.", "Quellor Norte", "2023-05-03"),
    "court-ordered-to-pay": ("court ruling", "On 9 January 2024 a federal court in Maravel ordered Vantor Mining to pay back taxes.",
                             "Vantor Mining", "2024-01-09"),
}


@pytest.mark.parametrize(("kind", "text", "participant", "date"), list(KINDS.values()), ids=list(KINDS))
def test_event_kind_and_participant_position(kind, text, participant, date):
    """issue 8: a trigger of each group, participants in subject, object, agent, "with", "between"…"""
    found = [e for e in _events(text) if e.event_type == kind]
    assert found, _events(text)
    assert any(participant in _names(e) and e.date is not None and e.date.iso() == date for e in found), found


def test_between_x_and_y_names_both():
    event = next(e for e in _events("Talks between Vantor Mining and Quellor Steel were held on 9 May 2022.") if e.event_type == "meeting")
    assert {"Vantor Mining", "Quellor Steel"} <= _names(event)


def test_place_is_the_in_phrase():
    event = next(e for e in _events("Premier Olda Varenkova met Chancellor Brin Tasso in Maravel on 4 March 2023.")
                 if e.event_type == "meeting")
    assert event.place is not None and event.place.name == "Maravel"


FACTUALITY = {
    "asserted": ("Kelsland imposed sanctions on Zorvania on 6 June 2022.", "sanction", Factuality.ASSERTED),
    "planned-will": ("Minister Arno Pellik will visit Zorvania on 12 June 2025.", "official visit", Factuality.PLANNED),
    "possible-could": ("Kelsland could impose sanctions on Zorvania.", "sanction", Factuality.POSSIBLE),
    "denied-did-not": ("Kelsland did not impose sanctions on Zorvania.", "sanction", Factuality.DENIED),
}


@pytest.mark.parametrize(("text", "kind", "factuality"), list(FACTUALITY.values()), ids=list(FACTUALITY))
def test_event_factuality(text, kind, factuality):
    """issue 8: planned, possible and denied events are kept with their factuality."""
    found = [e for e in _events(text) if e.event_type == kind]
    assert found and {e.factuality for e in found} == {factuality}


NOTHING = {
    "bare-mention-after": ("meeting", "Prices of cobalt fell after the talks."),
    "anniversary": ("bombing", "Zorvania marked the anniversary of the bombing of Maravel."),
    "speech-not-an-act": ("diplomatic protest", "Arno Pellik recalled that the Kelsland ambassador had praised Zorvania."),
    "product-demonstration": ("protest", "Ostrel Batteries demonstrated its new cell in Maravel on 2 May 2024."),
    "month-name": ("protest", "Vantor Mining and Quellor Steel signed the deal in March 2024."),
    "averted": ("debt default", "Zorvania avoided a default on its bond payments in March 2023."),
    "no-participant": ("protest", "There was a protest."),
    "hold-is-not-on-hold": ("postponement", "Vantor Mining put pressure on the regulator to hold a hearing."),
}


@pytest.mark.parametrize(("kind", "text"), list(NOTHING.values()), ids=list(NOTHING))
def test_nothing_is_found(kind, text):
    """issue 8: mentions, speech, averted acts and bare nouns state no event."""
    assert not [e for e in _events(text) if e.event_type == kind]


def test_a_dated_acquisition_yields_its_completion_linked_to_it():
    """issue 8: events from the facts themselves, with ikg:concerns."""
    facts = _facts("Vantor Mining bought Quellor Steel for $40 million in March 2021.")
    derived = [e for e in facts.events if isinstance(e.concerns, Investment)]
    assert derived and derived[0].event_type == "completion"
    assert {"Vantor Mining", "Quellor Steel"} <= _names(derived[0]) and derived[0].date.iso() == "2021-03"


def test_an_undated_fact_without_status_yields_no_event():
    from graph.extract.fact_events import investment_event
    from graph.model import ActorKind, ActorRef, Evidence

    fact = Investment(ActorRef("Vantor Mining", ActorKind.COMPANY), ActorRef("Quellor Steel", ActorKind.COMPANY),
                      Evidence("d", "Vantor Mining owns Quellor Steel.", 0, 32))
    assert investment_event(fact) is None


def test_a_year_alone_dates_no_step_of_a_fact_without_status():
    """Session 12 (blind9 read half): "X, which lent $60m for Y in 2019, said …" gave a 2019 "signing"
    the article never reports; a fact with a status, or dated to the month, still gives its step."""
    background = _facts("Tarvo Fund, which lent $60 million for the Wajir solar plant in 2019, said it would lend again.")
    assert background.investments and not [e for e in background.events if isinstance(e.concerns, Investment)]


@pytest.mark.parametrize(("text", "derived"), [
    pytest.param("Vantor Mining bought Quellor Steel in 2016 for $40 million.", [], id="a-purchase-in-a-year-is-history"),
    pytest.param("Vantor Mining signed a $40 million loan with Quellor Bank in 2019.", [], id="a-signing-in-a-year-is-history"),
    pytest.param("Vantor Mining scrapped its $40 million purchase of Quellor Steel in 2024.", ["cancellation"],
                 id="a-cancellation-in-a-year-is-still-news"),
])
def test_issue_7_a_step_dated_only_to_a_year_is_history(text, derived):
    """Session 20: "X bought Y in 2016" gave a 2016 "completion" the article never reports; of the derived
    completions dated to a year, 17 of 94 (read) and 8 of 102 (untouched) were events a reader annotated."""
    facts = _facts(text)
    assert facts.investments and [e.event_type for e in facts.events if isinstance(e.concerns, Investment)] == derived


def test_an_undated_holding_is_a_state_not_a_completion():
    """issue 7: "X holds 51% of Y" (status completed) gave a "completion" event the text never tells."""
    facts = _facts("Vantor Mining holds 51 per cent of Quellor Steel.")
    assert facts.investments and not [e for e in facts.events if isinstance(e.concerns, Investment)]


def test_a_dated_agreement_yields_its_signing():
    from graph.extract.fact_events import agreement_events
    from graph.model import ActorKind, ActorRef, Evidence, PartialDate

    parties = (ActorRef("Zorvania", ActorKind.COUNTRY), ActorRef("Kelsland", ActorKind.COUNTRY))
    fact = Agreement("trade pact", parties, Evidence("d", "…", 0, 1), date=PartialDate(2020, 5), effective=PartialDate(2021, 1))
    kinds = [(e.event_type, e.date.iso(), e.concerns is fact) for e in agreement_events(fact)]
    assert kinds == [("signing", "2020-05", True), ("entry into force", "2021-01", True)]


ATTRIBUTION = {
    "x-said": ("Vantor Mining bought Quellor Steel in 2021, Arno Pellik said.", "Arno Pellik"),
    "said-x": ('"We bought Quellor Steel in 2021," said Arno Pellik.', "Arno Pellik"),
    "according-to": ("According to Kelsland Wire, Vantor Mining bought Quellor Steel in 2021.", "Kelsland Wire"),
    "statement-by": ("A statement by Quellor Steel showed that Vantor Mining bought it in 2021.", "Quellor Steel"),
    "told-reporters": ("Arno Pellik told reporters that Vantor Mining bought Quellor Steel in 2021.", "Arno Pellik"),
}


def _sentence(text: str):
    from graph.nlp import get_nlp
    from tests.conftest import make_document

    doc = get_nlp()(text)
    doc._.document = make_document(text)
    return next(iter(doc.sents))


@pytest.mark.parametrize(("text", "source"), list(ATTRIBUTION.values()), ids=list(ATTRIBUTION))
def test_attribution_forms(text, source):
    """issue 8: prov:wasAttributedTo for "X said", "according to X", a statement by X."""
    from graph.extract.attribution import attribution

    found = attribution(_sentence(text))
    assert found is not None and source in found.name


@pytest.mark.parametrize("text", ["Vantor Mining bought Quellor Steel in 2021.", "Arno Pellik bought a house."],
                         ids=["plain-statement", "no-reporting-verb"])
def test_no_attribution_without_a_source(text):
    from graph.extract.attribution import attribution

    assert attribution(_sentence(text)) is None


def test_facts_carry_the_attribution_of_their_sentence():
    facts = _facts("Vantor Mining bought Quellor Steel for $40 million in 2021, Arno Pellik said.")
    assert facts.investments and facts.investments[0].evidence.attributed_to.name == "Arno Pellik"


def test_who_is_criticised_for_an_act_did_it():
    """issue 7: "X criticised Y for conducting the air campaign": Y conducted it, not X."""
    (event,) = [e for e in _events("Zorvania criticised Kelsland for conducting an air campaign on 4 May 2019.") if e.event_type == "bombing"]
    assert _names(event) == {"Kelsland"}
