"""Events typed from the scheme, with participants and dates (issue 2)."""

from __future__ import annotations

import pytest

from graph.model import PartialDate
from tests.extract.passages import extracted, params, same

KNOWN_MISSES: dict[str, str] = {}


@pytest.mark.parametrize(("passage", "fact"), params("event", KNOWN_MISSES))
def test_passage_event(passage, fact):
    events = extracted(passage).events
    found = [
        e
        for e in events
        if e.event_type == fact["kind"]
        and any(same(p, passage, name) for p in e.participants for name in fact["participants"])
        and (fact.get("date") is None or (e.date is not None and e.date.iso() == fact["date"]))
    ]
    assert found, f"expected {fact['kind']} with {fact['participants']} on {fact.get('date')}; got {events}"


def test_said_on_sunday_resolves_against_the_publication_date(seeds_build):
    """001 is dated 'Updated Jul 02, 2025': 'said on Sunday' is 29 June 2025."""
    doc = next(d for d in seeds_build.corpus.documents if d.document.file_name.startswith("001"))
    pledges = [e for e in doc.events if e.event_type == "export permit pledge"]
    assert pledges and all(e.date == PartialDate(2025, 6, 29) for e in pledges)


# Issue 8: negated, planned and hedged events stay in the graph with their factuality.
KEPT_WITH_FACTUALITY = {
    "negated-sanctions": ("sanction", "Serbia will not impose sanctions on Russia, Aleksandar Vučić said.", "denied"),
    "planned-plant-opening": ("plant launch", "Hungary plans to open a battery plant in Debrecen.", "planned"),
    "visit-yet-to-come": ("official visit", "Olaf Scholz will visit Beijing on 14 April 2024.", "planned"),
    "modal-drill": ("military drill", "Serbia could hold a military drill with China next year.", "possible"),
}


@pytest.mark.parametrize(("kind", "text", "factuality"), list(KEPT_WITH_FACTUALITY.values()), ids=list(KEPT_WITH_FACTUALITY))
def test_unasserted_events_keep_their_factuality(kind, text, factuality):
    """issue 8"""
    found = [e for e in _events(text) if e.event_type == kind]
    assert found and {e.factuality.value for e in found} == {factuality}


def _events(text: str, published: str | None = None):
    from graph.pipeline import extract_document
    from tests.conftest import make_document

    return extract_document(make_document(text, published=published)).events


# (event type, made-up sentence, one participant the event must have, its ISO date)
PATTERNS = [
    (
        "sanction",
        "The European Union imposed sanctions on Belarus on 3 March 2022.",
        "European Union",
        "2022-03-03",
    ),
    (
        "export restriction",
        "Indonesia banned exports of nickel ore on 1 January 2020.",
        "Indonesia",
        "2020-01-01",
    ),
    (
        "export restriction",
        "The United States imposed export controls on Huawei in May 2019.",
        "United States",
        "2019-05",
    ),
    (
        "export licence grant",
        "China granted export licences to three European magnet makers on 5 May 2024.",
        "China",
        "2024-05-05",
    ),
    (
        "official visit",
        "German Chancellor Olaf Scholz visited Beijing on 4 November 2022.",
        "Olaf Scholz",
        "2022-11-04",
    ),
    (
        "official visit",
        "Hungarian Prime Minister Viktor Orbán made a trip to Moscow on 5 July 2024.",
        "Viktor Orbán",
        "2024-07-05",
    ),
    (
        "meeting",
        "Vladimir Putin held talks with Xi Jinping in Moscow on 21 March 2023.",
        "Xi Jinping",
        "2023-03-21",
    ),
    (
        "meeting",
        "A meeting between Aleksandar Vučić and Xi Jinping took place in Belgrade on 8 May 2024.",
        "Aleksandar Vučić",
        "2024-05-08",
    ),
    (
        "protest",
        "Members of the Independent Trade Union staged a protest in Novi Sad on 1 February 2025.",
        "Independent Trade Union",
        "2025-02-01",
    ),
    (
        "protest",
        "Thousands of people rallied in Belgrade on 15 March 2025 against the government of Serbia.",
        "Serbia",
        "2025-03-15",
    ),
    (
        "election",
        "Serbia held parliamentary elections on 17 December 2023.",
        "Serbia",
        "2023-12-17",
    ),
    (
        "referendum",
        "Kazakhstan voted in a referendum on 5 June 2022.",
        "Kazakhstan",
        "2022-06-05",
    ),
    (
        "plant launch",
        "DP World opened its new container terminal in Dakar on 4 May 2023.",
        "DP World",
        "2023-05-04",
    ),
    (
        "plant closure",
        "Renault closed its plant in Novo Mesto on 3 March 2021.",
        "Renault",
        "2021-03-03",
    ),
    (
        "licence revocation",
        "Ecuador revoked the mining licence of Arrowcrest Minerals on 12 February 2025.",
        "Ecuador",
        "2025-02-12",
    ),
    (
        "debt default",
        "Zambia defaulted on its Eurobond payments on 13 November 2020.",
        "Zambia",
        "2020-11-13",
    ),
    (
        "diplomatic protest",
        "Lithuania summoned the Chinese ambassador on 10 August 2021.",
        "Lithuania",
        "2021-08-10",
    ),
    (
        "military drill",
        "China and Russia held joint naval exercises in the Sea of Japan in July 2023.",
        "Russia",
        "2023-07",
    ),
    (
        "military drill",
        "Russian and Belarusian troops began military exercises near the Polish border on 10 February 2022.",
        "Russia",
        "2022-02-10",
    ),
    (
        "arms delivery",
        "Russia delivered S-400 missile systems to Turkey in July 2019.",
        "Turkey",
        "2019-07",
    ),
    (
        "arms delivery",
        "Washington supplied Patriot missiles to Ukraine in April 2023.",
        "Ukraine",
        "2023-04",
    ),
    (
        "plant launch",
        "Turkish President Recep Tayyip Erdoğan inaugurated a car plant in Bursa on 29 October 2022.",
        "Recep Tayyip Erdoğan",
        "2022-10-29",
    ),
    (
        "donation",
        "The Chinese government donated 500,000 vaccine doses to Serbia in January 2021.",
        "Serbia",
        "2021-01",
    ),
    (
        "bombing",
        "NATO bombed the Chinese embassy in Belgrade on 7 May 1999.",
        "NATO",
        "1999-05-07",
    ),
    (
        "sanction",
        "The European Union adopted restrictive measures against Belarus on 2 June 2021.",
        "European Union",
        "2021-06-02",
    ),
    (
        "export restriction",
        "The US Commerce Department added Huawei to the Entity List on 16 May 2019.",
        "Huawei",
        "2019-05-16",
    ),
    (
        "protest",
        "Hundreds of workers demonstrated outside the Fiat factory in Turin on 4 April 2023.",
        "Fiat",
        "2023-04-04",
    ),
    (
        "protest",
        "Members of the Korean Metal Workers' Union staged a sit-in in Seoul on 3 July 2023.",
        "Metal Workers' Union",
        "2023-07-03",
    ),
    (
        "meeting",
        "Egyptian President Abdel Fattah al-Sisi received Italian Prime Minister Giorgia Meloni in Cairo on 17 March 2024.",
        "Giorgia Meloni",
        "2024-03-17",
    ),
    (
        "meeting",
        "Olaf Scholz was received by Joe Biden at the White House on 3 March 2023.",
        "Joe Biden",
        "2023-03-03",
    ),
    (
        "donation",
        "Japan will donate rice worth $5 million to Sri Lanka in June 2024.",
        "Sri Lanka",
        "2024-06",
    ),
    (
        "plant launch",
        "Tesla followed with a factory in Grünheide, inaugurated in March 2022.",
        "Tesla",
        "2022-03",
    ),
    ("bankruptcy", "Orsk Motors' Swedish parent company filed for bankruptcy in March 2024.", "Orsk Motors", "2024-03"),
    ("cancellation", "The Supreme Court of Panama annulled the Lomo mining contract in March 2023.", "Supreme Court", "2023-03"),
    ("approval", "Kenya's competition regulator approved the deal on 9 February 2024.", "Competition regulator of Kenya", "2024-02-09"),
    ("plant closure", "The Tarvo Motors plant in Lume closed in December 2021.", "Tarvo Motors", "2021-12"),  # session 22
]

PATTERN_IDS = [
    "sanctions-imposed",
    "exports-banned",
    "export-controls-imposed",
    "export-licences-granted",
    "visited",
    "made-a-trip",
    "held-talks-with",
    "meeting-between",
    "staged-a-protest",
    "crowd-rallied",
    "held-elections",
    "voted-in-a-referendum",
    "opened-a-terminal",
    "closed-a-plant",
    "revoked-a-licence",
    "defaulted-on-debt",
    "summoned-an-ambassador",
    "held-joint-exercises",
    "troops-began-exercises",
    "delivered-missiles",
    "supplied-missiles",
    "inaugurated-a-plant",
    "donated-vaccines",
    "bombed",
    "restrictive-measures",
    "added-to-the-entity-list",
    "crowd-demonstrated",
    "staged-a-sit-in",
    "received-a-person",
    "was-received-by-a-person",
    "announced-donation",
    "subjectless-participle-inaugurated",
    "a-company-s-parent-is-the-company-not-its-country",
    "a-court-annulled-a-contract",
    "a-country-s-regulator-approved",
    "a-plant-named-after-its-owner-closed",
]


@pytest.mark.parametrize(
    ("kind", "text", "participant", "date"),
    PATTERNS,
    ids=PATTERN_IDS,
)
def test_event_pattern(kind, text, participant, date):
    found = [e for e in _events(text) if e.event_type == kind]
    assert found, f"no {kind} in {text!r}"
    assert participant in {p.name for p in found[0].participants}
    assert found[0].date is not None and found[0].date.iso() == date


# sentences that mention an event word without stating an event
NOT_EVENTS = {
    "anniversary-of-a-bombing": (
        "bombing",
        "Officials in Beijing marked the 25th anniversary of the NATO bombing of the Chinese embassy.",
    ),
    "undated-policy-mention": (
        "export restriction",
        "Chinese export restrictions are not aimed at friendly nations such as Serbia.",
    ),
    "any-restrictions-china-may-have": (
        "export restriction",
        "Any restrictions that China may have on exports are a common practice.",
    ),
    "bonds-rallied": ("protest", "Egyptian bonds rallied after the announcement."),
    "vote-of-confidence": (
        "election",
        "This is a vote of confidence in the Egyptian economy, Mostafa Madbouly said.",
    ),
    "drilling-for-oil": (
        "military drill",
        "Gazprom Neft will drill new wells in Vojvodina.",
    ),
    "sanctions-lawyer": (
        "sanction",
        '"Exports often go through third countries," said sanctions lawyer Maria Schmidt.',
    ),
    "the-month-of-march": ("protest", "Serbia and China signed the deal in March 2024."),
    "demonstrated-a-product": ("protest", "Siemens demonstrated its new train in Berlin on 2 May 2024."),
    "company-received-a-permit": ("meeting", "Rio Tinto received a permit from Minister Ana Brnabić on 3 May 2024."),
    "march-that-times-another-act": (
        "protest",
        "The ministry revoked the licence of Rio Tinto on 9 August 2024, a day after thousands of people marched.",
    ),
    "after-the-talks-points-back": (
        "meeting",
        '"We are partners," Olaf Scholz said on 3 May 2024 at a press conference after the talks.',
    ),
    "recalled-that-an-ambassador": (
        "diplomatic protest",
        "Aleksandar Vučić recalled that the Chinese ambassador had praised Serbia on 3 May 2024.",
    ),
    "avoided-a-default": ("debt default", "Zambia avoided a default on its Eurobond payments in March 2023."),
    "suspended-a-permit": ("licence revocation", "Ecuador suspended the mining permit of Arrowcrest Minerals on 3 May 2024."),
    "accused-of-supplying": (
        "arms delivery",
        "The United States accused Belarus of supplying drones to Russia on 3 May 2023.",
    ),
    "undated-title-line": (
        "sanction",
        "EU widens sanctions on Belarus over migrants\n\nThe decision was taken in Brussels.",
    ),
}


@pytest.mark.parametrize(("kind", "text"), list(NOT_EVENTS.values()), ids=list(NOT_EVENTS))
def test_mentions_are_not_events(kind, text):
    assert not [e for e in _events(text) if e.event_type == kind]


def test_participants_are_the_triggers_actors_not_the_whole_sentence():
    events = _events(
        "Xi Jinping held talks with Vladimir Putin in Moscow on 21 March 2023, as the United States watched."
    )
    meeting = next(e for e in events if e.event_type == "meeting")
    assert {p.name for p in meeting.participants} == {"Xi Jinping", "Vladimir Putin"}


def test_place_is_in_x_on_the_trigger():
    meeting = next(
        e for e in _events("Hakan Fidan met Aleksandar Vučić in Belgrade on 3 May 2024.") if e.event_type == "meeting"
    )
    assert meeting.place is not None and meeting.place.name == "Belgrade"


def test_possessive_pronoun_is_the_sentences_person():
    events = _events("During his visit to Serbia on 8 May 2024, Xi Jinping met Aleksandar Vučić.")
    visit = next(e for e in events if e.event_type.endswith("visit"))
    assert "Xi Jinping" in {p.name for p in visit.participants}


@pytest.mark.parametrize(
    ("text", "published", "kind", "date"),
    [
        (
            "On Tuesday, Aleksandar Vučić met Xi Jinping in Belgrade.",
            "2024-05-09",
            "meeting",
            "2024-05-07",
        ),
        (
            (
                "China banned gallium exports to the United States on 3 December 2024, "
                "a week after Washington added Chinese firms to a blacklist on 26 November 2024."
            ),
            None,
            "export restriction",
            "2024-12-03",
        ),
        (
            "China has agreed to speed up export approvals for Serbia, Aleksandar Vučić said on Sunday.",
            "2025-07-02",
            "export permit pledge",
            "2025-06-29",
        ),
        (
            "Xi Jinping arrived in Astana on Wednesday for a state visit, his first trip abroad since 2020.",
            "2022-09-14",
            "state visit",
            "2022-09-14",
        ),
    ],
    ids=[
        "relative-day",
        "own-clause-not-the-other",
        "reporting-verb-date",
        "not-the-since-date",
    ],
)
def test_the_triggers_own_date(text, published, kind, date):
    found = [e for e in _events(text, published) if e.event_type == kind]
    assert found and found[0].date is not None and found[0].date.iso() == date


def _one(text: str, kind: str, published: str | None = None):
    found = [e for e in _events(text, published) if e.event_type == kind]
    assert found, f"no {kind} in {text!r}"
    return found[0]


def test_march_on_a_named_day_is_dated_by_the_possessive():
    march = _one("Thousands of farmers from Via Campesina joined Tuesday's march in Brussels.", "protest", "2024-02-28")
    assert march.date is not None and march.date.iso() == "2024-02-27"


def test_a_phrase_before_the_clause_dates_it():
    ban = _one(
        "In a decree signed on Monday, Indonesia extended its ban on bauxite exports.",
        "export restriction",
        "2023-06-14",
    )
    assert ban.date is not None and ban.date.iso() == "2023-06-12"
    assert "Indonesia" in {p.name for p in ban.participants}


def test_undated_press_conference_in_the_lede_is_on_the_news_day():
    text = (
        "BERLIN, 5 May 2024 - Siemens and Egypt signed a rail deal on Saturday.\n\n"
        "Egyptian officials praised the deal.\n\n"
        '"This is a milestone," Siemens chief executive Roland Busch told a joint press conference '
        "with Egyptian Transport Minister Kamel al-Wazir."
    )
    briefing = _one(text, "press conference", "2024-05-05")
    assert briefing.date is not None and briefing.date.iso() == "2024-05-04"
    assert {"Roland Busch", "Kamel al-Wazir"} <= {p.name for p in briefing.participants}


def test_undated_event_takes_its_paragraphs_date_and_he_is_the_earlier_subject():
    text = "Olaf Scholz arrived in Beijing on 14 April 2024. He was received by Xi Jinping at the Great Hall of the People."
    meeting = _one(text, "meeting")
    assert meeting.date is not None and meeting.date.iso() == "2024-04-14"
    assert {p.name for p in meeting.participants} == {"Olaf Scholz", "Xi Jinping"}


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Hyundai built a plant in Nošovice. The South Korean carmaker opened the plant in November 2008.", "Hyundai"),
        ("Volkswagen invested heavily in its Zwickau plant, which it opened in 1990.", "Volkswagen"),
    ],
    ids=["the-demonym-carmaker", "which-it-opened"],
)
def test_a_description_or_it_stands_for_the_company_named_before(text, company):
    launch = _one(text, "plant launch")
    assert any(p.name.startswith(company) for p in launch.participants)
    assert all(p.kind.value != "country" for p in launch.participants)


def test_a_place_after_a_participant_is_not_a_participant():
    meeting = _one("Xi Jinping held talks with Vladimir Putin at the Kremlin on 21 March 2023.", "meeting")
    assert {p.name for p in meeting.participants} == {"Xi Jinping", "Vladimir Putin"}


def test_a_verbless_conjunct_with_its_own_date_is_a_second_event():
    text = "Indonesia imposed curbs on nickel exports on 1 January 2020, and on bauxite exports on 10 June 2023."
    dates = {e.date.iso() for e in _events(text) if e.event_type == "export restriction" and e.date is not None}
    assert dates == {"2020-01-01", "2023-06-10"}


def test_a_second_cue_with_its_own_party_and_date_is_a_second_event():
    text = (
        "Olaf Scholz was received by President Frank-Walter Steinmeier on 3 May 2024 "
        "before holding talks with Emmanuel Macron."
    )
    meetings = [{p.name for p in e.participants} for e in _events(text) if e.event_type == "meeting"]
    assert any("Emmanuel Macron" in m and "Olaf Scholz" in m for m in meetings), meetings
    assert any("Frank-Walter Steinmeier" in m for m in meetings), meetings


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("In May 2021, voters in Berlin approved a housing plan in a referendum.", "Berlin"),
        ("The electorate of Chile rejected a new constitution in a referendum on 4 September 2022.", "Chile"),
    ],
    ids=["voters-in-a-city", "electorate-of-a-country"],
)
def test_the_place_whose_voters_decide_takes_part_in_a_referendum(text, place):
    referendum = _one(text, "referendum")
    assert place in {p.name for p in referendum.participants}


def test_a_ministry_named_in_full_elsewhere_takes_part():
    text = (
        "The Ministry of Environment and Water oversees mining.\n\n"
        "Peru's environment ministry revoked the licence of the Tia Maria mine on 3 March 2023."
    )
    revocation = _one(text, "licence revocation")
    assert any(p.name.startswith("Ministry of Environment") for p in revocation.participants), revocation


@pytest.mark.parametrize(
    ("text", "kind", "dates"),
    [
        (
            "The EU imposed sanctions on Belarus in June 2021. In March 2022 it broadened the regime to cover potash.",
            "sanction",
            {"2021-06", "2022-03"},
        ),
        (
            "Washington banned chip exports to Huawei in May 2019. In August 2020 the United States tightened the measures.",
            "export restriction",
            {"2019-05", "2020-08"},
        ),
        (
            "The EU imposed sanctions on Belarus in June 2021. In March 2022 it extended its programme of aid to Moldova.",
            "sanction",
            {"2021-06"},
        ),
        (
            "Washington banned chip exports to Huawei in May 2019. In August 2020 Japan tightened the measures.",
            "export restriction",
            {"2019-05"},
        ),
    ],
    ids=["it-broadened-the-regime", "named-doer-tightened-the-measures", "other-programme", "other-doer"],
)
def test_a_dated_widening_of_the_regime_is_the_measure_again(text, kind, dates):
    assert {e.date.iso() for e in _events(text) if e.event_type == kind} == dates


def test_a_bare_surname_is_the_person_named_in_full_before():
    text = (
        "Prime Minister Mostafa Madbouly signed the decree.\n\n"
        "Madbouly met Mohamed Alabbar in Cairo on 22 February 2024 to finalise the terms."
    )
    meeting = _one(text, "meeting")
    assert "Mostafa Madbouly" in {p.name for p in meeting.participants}


def test_a_name_qualifying_a_hyphened_participle_is_no_party():
    text = "Activists protested in Podgorica in April 2018 against gravel dumping in a UNESCO-protected area."
    assert not [e for e in _events(text) if "UNESCO" in {p.name for p in e.participants}]


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        (
            "Britain and Canada each imposed their own sanctions on Iran Air on 21 October 2024.",
            [{"United Kingdom", "Iran Air"}, {"Canada", "Iran Air"}],
        ),
        (
            "Britain and Canada imposed sanctions on Iran Air on 21 October 2024.",
            [{"United Kingdom", "Canada", "Iran Air"}],
        ),
    ],
    ids=["each-their-own", "joint-act"],
)
def test_each_of_coordinated_subjects_acts_apart(text, groups):
    assert sorted(({p.name for p in e.participants} for e in _events(text)), key=sorted) == sorted(groups, key=sorted)


def test_names_listed_in_a_participant_phrase_all_take_part():
    text = "Iran summoned the ambassadors of Germany, France and the Netherlands on 21 October 2024."
    protest = _one(text, "diplomatic protest")
    assert {"Iran", "Germany", "France", "Netherlands"} <= {p.name for p in protest.participants}


def test_an_apposition_describing_a_named_party_names_no_other_party():
    referendum = _one("Kazakhstan, Uzbekistan's northern neighbour, held a referendum on 6 October 2024.", "referendum")
    assert {p.name for p in referendum.participants} == {"Kazakhstan"}


@pytest.mark.parametrize(("text", "listed"), [
    pytest.param("Thornbury Data, which is listed in Sydney, has been expanding fast in the Gulf.", False, id="is-listed-a-state"),
    pytest.param("Thornbury Data was listed in Sydney in March 2021.", True, id="was-listed-an-act"),
])
def test_issue_7_a_state_told_in_the_present_passive_is_no_event(text, listed):
    """Session 10 (blind8): "X, which is listed in Sydney" was a listing event."""
    assert any(e.event_type == "listing" for e in _events(text)) is listed


@pytest.mark.parametrize(("text", "kind"), [
    pytest.param("Peru's Supreme Court on Tuesday declared the mining contract with Orsk Minerals unconstitutional.",
                 "court ruling", id="declared-unconstitutional"),
    pytest.param("Orsk Minerals declared a dividend of $1 a share on Monday.", None, id="a-dividend-is-no-ruling"),
    pytest.param("Kenya's Court of Appeal ruled on Friday that the contract with Orvo Rail was illegal.", "court ruling",
                 id="ruled-that"),  # session 21: a "that" clause after "ruled" is what was decided, not speech
    pytest.param("Orsk Minerals said on Friday that the contract with the state was illegal.", None, id="said-that-is-speech"),
])
def test_issue_7_a_court_that_declares_a_contract_unconstitutional_rules(text, kind):
    """Session 17: "the Supreme Court declared the contract unconstitutional" told no event ("declare" was
    no ruling verb; a court's or an unlawfulness word must be in the clause, as for "rule")."""
    found = [e.event_type for e in _events(text, "2024-06-12") if e.event_type == "court ruling"]
    assert found == ([kind] if kind else [])


def test_issue_7_an_investigation_opened_into_a_takeover_opens_no_plant():
    """Session 21: "opened an investigation into X's takeover of Y" gave the takeover the status
    "opened", hence a plant launch of X and Y: a company is not opened, only an asset is."""
    kinds = {e.event_type for e in _events("The European Commission opened an in-depth investigation into Korvan "
                                           "Motors' takeover of Delmar Power on Monday.", "2024-06-12")}
    assert "investigation" in kinds and "plant launch" not in kinds, kinds


@pytest.mark.parametrize(("text", "participant"), [
    pytest.param("About 2,300 workers represented by the Lume Mineworkers' Union have been on strike since 28 October 2024.",
                 "Lume Mineworkers' Union", id="workers-represented-by-a-union"),
    pytest.param("Hundreds of workers of Tarvo Copper protested in Lume on 28 October 2024.", "Tarvo Copper",
                 id="workers-of-a-company"),
])
def test_issue_7_the_workers_of_an_event_take_part_through_whom_they_belong_to(text, participant):
    """Session 23 (blind18, read half): "workers represented by the X union have been on strike" stated no
    event: workers are no actor, but the union that represents them (or the company they work for) is."""
    found = [e for e in _events(text, "2024-11-10") if e.event_type in {"strike", "protest"}]
    assert found and participant in {p.name for p in found[0].participants}, found
    assert found[0].date is not None and found[0].date.iso() == "2024-10-28"  # "on strike since …": when it began


def test_issue_7_a_ruling_told_as_what_the_court_said_is_the_court_s():
    """Session 23 (blind18, read half): "In a ruling published on 14 November 2024, the court said …" dated no
    ruling: the court that says it in the ruling takes part (the occasion's subject), and "the court" is the
    tribunal named before (a court and a tribunal are one class of description)."""
    text = ("Tarvo's Constitutional Tribunal has ruled that the stability agreement was illegal. In a ruling published on "
            "14 November 2024, the court said the ministry had exceeded its powers.")
    found = [e for e in _events(text, "2024-11-20") if e.event_type == "court ruling" and e.date is not None]
    assert [(sorted(p.name for p in e.participants), e.date.iso()) for e in found] == [(["Constitutional Tribunal"], "2024-11-14")]
