"""Round 4 of the event extractor (recall on unseen text): the filters in
``graph/extract/event_filters.py`` and the cues and roles that came with them.
All sentences are made up."""

from __future__ import annotations

import pytest

from graph.model import Event


def _events(text: str, published: str | None = None) -> list[Event]:
    from graph.pipeline import extract_document
    from tests.conftest import make_document

    return extract_document(make_document(text, published=published)).events


def _of(kind: str, text: str, published: str | None = None) -> list[Event]:
    return [e for e in _events(text, published) if e.event_type == kind]


# (event type, made-up sentence, publication day, one participant, ISO date)
STATED = {
    "received-arms-is-a-delivery": (
        "arms delivery",
        "Last year the country received ten attack drones from Poland, the ministry said.",
        "2024-05-10",
        "Poland",
        "2023",
    ),
    "handed-helicopters-is-a-delivery": (
        "arms delivery",
        "Norway has handed Estonia four transport helicopters, the defence ministry said on 3 May 2023.",
        None,
        "Norway",
        "2023-05-03",
    ),
    "handed-air-defence-systems": (
        "arms delivery",
        "On 9 June 2024 Germany handed over two air-defence systems to Lithuania.",
        None,
        "Germany",
        "2024-06-09",
    ),
    "called-x-y-at-a-press-conference": (
        "press conference",
        'Spokeswoman Maria Zakharova called the sanctions "illegal" at a press conference in Moscow on 4 June 2024.',
        None,
        "Maria Zakharova",
        "2024-06-04",
    ),
    "signed-during-the-visit": (
        "official visit",
        (
            "Chile and Peru agreed on 2 March 2023 to deepen ties and signed three accords during the official "
            "visit of Peruvian Foreign Minister Ana Gervasi."
        ),
        None,
        "Ana Gervasi",
        "2023-03-02",
    ),
}


@pytest.mark.parametrize(
    ("kind", "text", "published", "participant", "date"),
    list(STATED.values()),
    ids=list(STATED),
)
def test_stated_event(kind, text, published, participant, date):
    found = _of(kind, text, published)
    assert found, f"no {kind} in {text!r}: {_events(text, published)}"
    assert participant in {p.name for p in found[0].participants}
    assert found[0].date is not None and found[0].date.iso() == date


NOT_STATED = {
    "called-for-a-protest": (
        "protest",
        "The opposition called for a protest in Tirana on 5 May 2024.",
    ),
    "will-sign-during-the-visit": (
        "official visit",
        "The two countries will sign three accords during the official visit of Foreign Minister Ana Gervasi.",
    ),
    "called-the-sanctions-illegal": (
        "sanction",
        'Spokeswoman Maria Zakharova called the sanctions "illegal" at a press conference in Moscow on 4 June 2024.',
    ),
    "described-the-drills": (
        "military drill",
        "China described the joint military exercises as a provocation on 2 May 2024.",
    ),
}


@pytest.mark.parametrize(("kind", "text"), list(NOT_STATED.values()), ids=list(NOT_STATED))
def test_not_stated(kind, text):
    assert _of(kind, text) == []


def test_each_of_one_clause_does_not_split_a_meeting_in_the_next():
    """ "X and Y each agreed to lend …, and Z met W": the "each" is the lenders', not the meeting's."""
    text = (
        "In May, Spain and Italy each agreed to lend $50 million to Tunisia, and the bank's president "
        "Nadia Calviño met President Kais Saied in Tunis on 3 June 2024."
    )
    meetings = _of("meeting", text)
    assert len(meetings) == 1
    assert not {"Spain", "Italy"} & {p.name for p in meetings[0].participants}


def test_the_place_of_a_protest_is_not_its_party():
    """ "organised protests in Tirana and Durrës": where the protest was, not who protested."""
    protests = _of(
        "protest",
        "Local activists organised protests in Tirana and Durrës on 3 May 2024.",
    )
    assert not any("Albania" in {p.name for p in e.participants} for e in protests)


def test_the_organiser_in_a_clause_inside_the_place_phrase_takes_part():
    text = "More than 5,000 people joined Tuesday's march in Lyon, which was organised by Greenpeace."
    protests = _of("protest", text, "2024-03-07")
    assert protests and "Greenpeace" in {p.name for p in protests[0].participants}


def test_last_week_dates_an_event_to_its_month():
    meeting = _of(
        "meeting",
        "Finance Minister Rachel Reeves met Christine Lagarde in Paris last week.",
        "2024-12-03",
    )
    assert meeting and meeting[0].date is not None and meeting[0].date.iso() == "2024-11"


def test_a_dateline_date_does_not_keep_the_lede_from_the_news_day():
    text = (
        "OSLO, May 9, 2024 (Nordic Wire) — Norway has handed Estonia four transport helicopters, "
        "officials said.\nThe aircraft landed in Tallinn on Tuesday."
    )
    deliveries = _of("arms delivery", text, "2024-05-09")
    assert deliveries and deliveries[0].date is not None and deliveries[0].date.iso() == "2024-05-07"


def test_goods_told_before_are_the_same_delivery_again():
    text = (
        "Norway delivered four transport helicopters to Estonia on 7 May 2024.\n"
        "The ministry said the helicopters were supplied free of charge."
    )
    assert len(_of("arms delivery", text)) == 1


def test_new_goods_are_a_new_delivery():
    text = (
        "Norway delivered four transport helicopters to Estonia on 7 May 2024.\n"
        "In June 2024 Norway supplied the missiles for them."
    )
    assert len(_of("arms delivery", text)) == 2


def test_a_terminal_receiving_its_first_ship_opens_and_its_builder_takes_part():
    text = (
        "The Lekki Deep Sea Port terminal, built by China Harbour Engineering Company, "
        "received its first container ship on 10 January 2023."
    )
    launches = _of("plant launch", text)
    assert launches and launches[0].date is not None and launches[0].date.iso() == "2023-01-10"
    assert "China Harbour Engineering Company" in {p.name for p in launches[0].participants}


def test_a_ship_received_by_a_navy_opens_nothing():
    assert _of("plant launch", "The navy received its first new patrol ship on 10 January 2023.") == []
