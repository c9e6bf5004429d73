"""graph.extract.status: lifecycle status (issue 7) and factuality (issue 8) of a trigger.

Every passage is written for this test with fictitious names; each is parsed by
the project's real spaCy pipeline and the trigger is the word an extractor
would hand over (a verb, or a noun such as "acquisition" or "loan").
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import Token

from graph.extract.status import factuality_of, governing_chain, status_of
from graph.extract.status_cues import STATUS_PATH, StatusDataError, inflections, status_lexicon
from graph.model import Factuality, Status
from graph.nlp import get_nlp
from graph.validate import validate


def trigger(text: str, word: str) -> Token:
    doc = get_nlp()(text)
    return next(t for t in doc if t.text == word)


S = Status
STATUS_CASES = [
    # announced
    ("announce-nominal", "Talmor announced the acquisition of Pellin Bank.", "acquisition", S.ANNOUNCED),
    ("announce-plans-to", "Talmor intends to buy Pellin Bank.", "buy", S.ANNOUNCED),
    ("announce-will", "Talmor will build a battery plant near Ostrava.", "build", S.ANNOUNCED),
    ("announce-reported-would", "Talmor said it would build a battery plant.", "build", S.ANNOUNCED),
    ("announce-headline", "Talmor to buy Pellin Bank for $1bn", "buy", S.ANNOUNCED),
    ("announce-progressive-deal", "Talmor is buying Pellin Bank for $1bn.", "buying", S.ANNOUNCED),
    ("announce-be-to", "Talmor is to buy 20 per cent of Pellin Bank for $1bn.", "buy", S.ANNOUNCED),
    ("announce-unveil-nominal", "Talmor unveiled a $2bn investment in Dravia.", "investment", S.ANNOUNCED),
    # pledged
    ("pledge-to-build", "Talmor pledged $3bn to build a port.", "build", S.PLEDGED),
    ("pledge-verb", "Talmor committed $400m to the project.", "committed", S.PLEDGED),
    ("promise-to-invest", "Talmor promised to invest $1bn in Dravia.", "invest", S.PLEDGED),
    # approved
    ("approve-verb", "The regulator approved the acquisition of Pellin Bank.", "acquisition", S.APPROVED),
    ("clear-passive", "The acquisition was cleared by the competition authority.", "acquisition", S.APPROVED),
    ("green-light", "The regulator gave the green light to the takeover.", "takeover", S.APPROVED),
    # signed
    ("sign-compound", "Talmor signed a $500m loan agreement with Dravia.", "loan", S.SIGNED),
    ("ink-deal", "The two governments inked a deal for a new port.", "deal", S.SIGNED),
    ("signed-participle", "The $2bn loan, signed in May, funds the railway.", "loan", S.SIGNED),
    ("agreed-to-buy", "Talmor agreed to buy Pellin Bank.", "buy", S.SIGNED),
    # under construction
    ("progressive-build", "Talmor is building a battery plant near Ostrava.", "building", S.UNDER_CONSTRUCTION),
    ("under-construction", "The plant is under construction.", "plant", S.UNDER_CONSTRUCTION),
    ("broke-ground", "Talmor broke ground on the plant in April.", "plant", S.UNDER_CONSTRUCTION),
    ("construction-began", "Construction of the plant began in March.", "plant", S.UNDER_CONSTRUCTION),
    # completed
    ("past-buy", "Talmor bought Pellin Bank in 2019.", "bought", S.COMPLETED),
    ("perfect-buy", "Talmor has bought a stake in Pellin Bank.", "bought", S.COMPLETED),
    ("past-passive", "Pellin Bank was acquired by Talmor last year.", "acquired", S.COMPLETED),
    ("completed-passive", "The acquisition of Pellin Bank was completed in May.", "acquisition", S.COMPLETED),
    ("finalised-passive", "The purchase of Pellin Bank was finalised on 3 May.", "purchase", S.COMPLETED),
    ("closed-the-deal", "Talmor closed the deal to buy Pellin Bank in June.", "buy", S.COMPLETED),
    ("reported-completion", "Talmor announced it had completed the acquisition of Pellin Bank.", "acquisition", S.COMPLETED),
    ("planned-then-completed", "The planned acquisition of Pellin Bank was completed in May.", "acquisition", S.COMPLETED),
    # opened
    ("opened-verb", "The plant opened in 2021.", "plant", S.OPENED),
    ("inaugurated", "Talmor inaugurated the new terminal in May.", "terminal", S.OPENED),
    ("began-production", "The factory began production in March.", "factory", S.OPENED),
    # postponed
    ("postponed-nominal", "Talmor postponed the construction of the plant.", "construction", S.POSTPONED),
    ("put-on-hold", "The project was put on hold after the elections.", "project", S.POSTPONED),
    ("pushed-back", "The opening of the plant was pushed back to 2027.", "opening", S.POSTPONED),
    ("suspended", "Talmor suspended work on the railway.", "work", S.POSTPONED),
    # cancelled
    ("scrapped-plans-to", "Korvex Holdings scrapped plans to build a smelter in Dravia.", "build", S.CANCELLED),
    ("called-off", "Talmor called off the acquisition of Pellin Bank.", "acquisition", S.CANCELLED),
    ("cancelled-passive", "The takeover of Pellin Bank was cancelled.", "takeover", S.CANCELLED),
    ("cancelled-deal-under-which", "A deal under which Talmor would have bought Pellin Bank was cancelled in August.", "bought", S.CANCELLED),
    ("deal-collapsed", "The deal to buy Pellin Bank collapsed in June.", "buy", S.CANCELLED),
    ("pulled-out", "Talmor pulled out of the deal to buy Pellin Bank.", "buy", S.CANCELLED),
    ("ended-talks", "Talmor ended talks to buy Pellin Bank.", "buy", S.CANCELLED),
    # rejected
    ("rejected-bid", "Shareholders rejected the takeover bid.", "bid", S.REJECTED),
    ("turned-down", "Pellin Bank turned down the offer from Talmor.", "offer", S.REJECTED),
    ("voted-against", "Parliament voted against the loan from Talmor.", "loan", S.REJECTED),
    ("ruled-unconstitutional", "The court ruled the concession unconstitutional.", "concession", S.REJECTED),
    # blocked
    ("blocked-verb", "The Dravian government blocked the takeover of Pellin Bank.", "takeover", S.BLOCKED),
    ("vetoed-passive", "The takeover was vetoed by the Dravian president.", "takeover", S.BLOCKED),
    ("barred-from", "Regulators barred Talmor from buying Pellin Bank.", "buying", S.BLOCKED),
    # an announcement tells the status below it (issue 7, session 9)
    ("flagged-delays-to", "Talmor last year flagged delays to a planned $290 million plant in Dravia.", "plant", S.POSTPONED),
    ("announced-delays-to", "Talmor announced delays to its $290 million plant in Dravia.", "plant", S.POSTPONED),
    ("announced-the-completion-of", "Talmor announced the completion of the plant.", "plant", S.COMPLETED),
    ("announced-plans-to-build", "Talmor announced plans to build a plant in Dravia.", "build", S.ANNOUNCED),
]


@pytest.mark.parametrize("text,word,expected", [c[1:] for c in STATUS_CASES], ids=[c[0] for c in STATUS_CASES])
def test_status(text: str, word: str, expected: Status) -> None:
    assert status_of(trigger(text, word)) is expected


def test_every_status_has_two_cases() -> None:
    counts = {s: sum(1 for c in STATUS_CASES if c[3] is s) for s in Status}
    assert min(counts.values()) >= 2, counts


NO_STATUS = [
    ("completed-modifies-another-noun", "Talmor plans to buy the completed plant.", "buy", S.ANNOUNCED),
    ("relative-clause-of-subject", "Talmor, which completed a plant in 2019, plans to buy Pellin Bank.", "buy", S.ANNOUNCED),
    ("closing-a-plant-is-no-deal", "Talmor closed the steel plant in Dravia.", "plant", None),
    ("talks-opened-not-plant", "Talmor opened talks to buy Pellin Bank.", "buy", None),
    ("hedged", "Talmor may buy Pellin Bank.", "buy", None),
    ("negated", "Talmor did not buy Pellin Bank.", "buy", None),
    ("no-plans", "Talmor has no plans to build a plant in Dravia.", "build", None),
    ("failed-to-complete", "Talmor failed to complete the purchase of Pellin Bank.", "purchase", None),
    ("expected-to-complete", "Talmor is expected to complete the purchase next year.", "purchase", S.ANNOUNCED),
    ("hopes-to-finalise", "Talmor hopes to finalise the deal by June.", "deal", S.ANNOUNCED),
    ("time-adjunct-gerund", "Talmor expanded quickly after buying Pellin Bank.", "buying", None),
    ("considered", "Talmor is reportedly considering a bid for Pellin Bank.", "bid", None),
    ("plain-past-investment", "Talmor invested $1bn in Dravia.", "invested", None),
    ("open-to-buying-opens-nothing", "Talmor is open to buying a stake in Pellin Bank.", "buying", None),  # session 21
]


@pytest.mark.parametrize("text,word,expected", [c[1:] for c in NO_STATUS], ids=[c[0] for c in NO_STATUS])
def test_status_does_not_fire(text: str, word: str, expected: Status | None) -> None:
    assert status_of(trigger(text, word)) is expected


F = Factuality
FACTUALITY_CASES = [
    # asserted
    ("asserted-past", "Talmor bought Pellin Bank in 2019.", "bought", F.ASSERTED),
    ("asserted-nominal", "The acquisition of Pellin Bank was completed in May.", "acquisition", F.ASSERTED),
    ("asserted-agreed-to", "Talmor agreed to buy Pellin Bank.", "buy", F.ASSERTED),
    ("asserted-scrapped-plans", "Korvex Holdings scrapped plans to build a smelter in Dravia.", "build", F.ASSERTED),
    ("asserted-planned-modifier-overridden", "The planned acquisition of Pellin Bank was completed in May.", "acquisition", F.ASSERTED),
    # planned
    ("planned-intends", "Talmor intends to buy Pellin Bank.", "buy", F.PLANNED),
    ("planned-will", "Talmor will build a battery plant near Ostrava.", "build", F.PLANNED),
    ("planned-said-would", "Talmor said it would build a battery plant.", "build", F.PLANNED),
    ("planned-pledged", "Talmor pledged $3bn to build a port.", "build", F.PLANNED),
    ("planned-scheduled", "Talmor is scheduled to open the plant in May.", "open", F.PLANNED),
    ("planned-set-to", "Talmor is set to acquire Pellin Bank.", "acquire", F.PLANNED),
    ("planned-modifier", "The proposed acquisition of Pellin Bank worries investors.", "acquisition", F.PLANNED),
    ("planned-headline", "Talmor to buy Pellin Bank for $1bn", "buy", F.PLANNED),
    # possible
    ("possible-may", "Talmor may buy Pellin Bank.", "buy", F.POSSIBLE),
    ("possible-could-if", "Talmor could buy Pellin Bank if regulators agree.", "buy", F.POSSIBLE),
    ("possible-in-talks", "Talmor Group is in talks to buy Pellin Bank.", "buy", F.POSSIBLE),
    ("possible-reportedly-considering", "Talmor is reportedly considering a bid for Pellin Bank.", "bid", F.POSSIBLE),
    ("possible-modifier", "The possible sale of Pellin Bank worries investors.", "sale", F.POSSIBLE),
    ("possible-may-not", "Talmor may not buy Pellin Bank.", "buy", F.POSSIBLE),
    ("possible-did-not-rule-out", "Talmor did not rule out selling the mine.", "selling", F.POSSIBLE),
    ("possible-ready-to", "Talmor said it stood ready to inject further capital into Pellin Bank.", "inject", F.POSSIBLE),
    ("possible-willing-to", "Talmor is willing to invest $50m in Pellin Bank.", "invest", F.POSSIBLE),
    ("possible-did-not-deny", "Talmor did not deny that it would sell the mine.", "sell", F.POSSIBLE),
    # session 28: an option offered with a deal is no purchase yet; an exercised one is
    ("possible-with-an-option", "Talmor paid $80m for 70% of Pellin Bank, with an option to buy the remaining 30%.", "buy", F.POSSIBLE),
    ("asserted-option-exercised", "Talmor exercised its option to buy the remaining 30% of Pellin Bank.", "buy", F.ASSERTED),
    # denied
    ("denied-did-not", "Talmor did not buy Pellin Bank.", "buy", F.DENIED),
    ("denied-denied-would", "Talmor denied it would sell the mine.", "sell", F.DENIED),
    ("denied-refused", "Talmor refused to sell the mine.", "sell", F.DENIED),
    ("denied-failed-to", "Talmor failed to complete the purchase of Pellin Bank.", "purchase", F.DENIED),
    ("denied-no-plans", "Talmor has no plans to build a plant in Dravia.", "build", F.DENIED),
    ("denied-will-not", "Talmor will not build the plant.", "build", F.DENIED),
    ("denied-never", "Talmor never invested in Dravia.", "invested", F.DENIED),
]


@pytest.mark.parametrize("text,word,expected", [c[1:] for c in FACTUALITY_CASES], ids=[c[0] for c in FACTUALITY_CASES])
def test_factuality(text: str, word: str, expected: Factuality) -> None:
    assert factuality_of(trigger(text, word)) is expected


def test_every_factuality_has_two_cases() -> None:
    counts = {f: sum(1 for c in FACTUALITY_CASES if c[3] is f) for f in Factuality}
    assert min(counts.values()) >= 2, counts


def test_chain_stops_at_a_relative_clause() -> None:
    """ "which completed a plant" is the subject's clause, not the purchase's."""
    chain = governing_chain(trigger("Talmor, which completed a plant in 2019, plans to buy Pellin Bank.", "plant"))
    assert [t.text for t in chain] == ["plant", "completed"]


@pytest.mark.parametrize("word,form", [("scrap", "scrapped"), ("hope", "hopes"), ("delay", "delayed"),
                                       ("deny", "denied"), ("open", "opening"), ("shelve", "shelving")])
def test_inflections(word: str, form: str) -> None:
    assert form in inflections(word)


# --------------------------------------------------------------------------
# The data file


def test_data_names_every_status_once() -> None:
    raw = json.loads(STATUS_PATH.read_text(encoding="utf-8"))
    assert sorted(raw["statuses"]) == sorted(s.value for s in Status)


def test_no_cue_names_two_statuses() -> None:
    statuses = json.loads(STATUS_PATH.read_text(encoding="utf-8"))["statuses"]
    seen: dict[str, str] = {}
    for status, entry in statuses.items():
        for cue in entry["cues"]:
            assert cue not in seen, f"{cue!r} is a cue of both {seen[cue]} and {status}"
            seen[cue] = status


@pytest.mark.parametrize("content,message", [
    ("{not json", "cannot read"),
    ('{"statuses": {"finished": {"cues": []}}, "factuality": {}}', "unknown status 'finished'"),
    ('{"statuses": {}}', "malformed"),
], ids=["not-json", "unknown-status", "missing-factuality"])
def test_bad_data_file_names_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "status.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StatusDataError, match=message) as info:
        status_lexicon(path)
    assert "status.json" in str(info.value)


def test_missing_data_file(tmp_path: Path) -> None:
    with pytest.raises(StatusDataError, match="restore it from git"):
        status_lexicon(tmp_path / "absent.json")


# --------------------------------------------------------------------------
# The built sample graph after the ontology change


def test_built_sample_graph_validates(seeds_build) -> None:
    """Issues 7 and 8: the new schemes and shapes accept what the pipeline writes."""
    report = validate(seeds_build.dataset)
    assert report.conforms, report.text
