"""Governments and families named by a common noun (graph/extract/governments.py, issue 7)."""

from __future__ import annotations

import pytest

from graph.extract.governments import family, government, subnational_level
from graph.nlp import get_nlp
from graph.pipeline import extract_document
from tests.conftest import make_document


def _head(text: str, word: str):
    return [t for t in get_nlp()(text) if t.text == word][-1]


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("The Kenyan government approved the loan.", "Government of Kenya", id="a-nationality"),
    pytest.param("The government of Chile approved the loan.", "Government of Chile", id="of-a-country"),
    pytest.param("Peru's finance ministry approved the loan.", "Ministry of Finance of Peru", id="a-ministry-by-its-portfolio"),
    pytest.param("The government approved the loan.", None, id="no-country-named"),
    pytest.param("The firm is controlled by the government of China's Jiangxi province.", "Government of Jiangxi",
                 id="of-a-country-s-province"),  # session 19: it was the Government of China
    # session 22: a region's name before "regional"/"provincial"/"state" is a place, however it is tagged
    pytest.param("Pellam signed a deal with the Tarsk regional government.", "Regional government of Tarsk", id="a-regional-government"),
    pytest.param("Pellam signed a deal with the North Tarsk regional administration.", "Regional administration of North Tarsk",
                 id="a-two-word-region-s-administration"),
    pytest.param("Pellam signed a deal with the Tarsk state government.", "State government of Tarsk", id="a-state-government"),
    # session 24 (blind20, read half): the capitalised "Government" was a name of its own, "Government"
    pytest.param("The Government of Kenya will provide counterpart funding of KSh 12 billion.", "Government of Kenya",
                 id="the-government-of-capitalised"),
    pytest.param("Vietnam's Ministry of Finance approved the loan.", None, id="a-ministry-s-own-name-is-no-description"),
])
def test_a_government_is_named_after_its_country(text: str, name: str | None) -> None:
    word = next(w for w in ("ministry", "Ministry", "administration", "Government") if w in text) if any(
        w in text for w in ("ministry", "Ministry", "administration", "Government")) else "government"
    found = government(_head(text, word))
    assert (found.name if found is not None else None) == name


@pytest.mark.parametrize(("text", "level"), [
    pytest.param("The state government approved the plant.", "state", id="state"),
    pytest.param("The provincial government approved the plant.", "provincial", id="provincial"),
    pytest.param("The federal government approved the plant.", None, id="federal-is-the-country-s"),
])
def test_a_region_s_or_a_city_s_government_says_so(text: str, level: str | None) -> None:
    assert subnational_level(_head(text, "government")) == level


def test_the_family_is_the_family_named_before() -> None:
    text = "The Kayalar family sold the mill. The family said it would keep the port."
    assert family(_head(text, "family")).name == "Kayalar family"


def test_issue_7_the_capitalised_government_is_the_country_s() -> None:
    """Session 28: "signed a yen loan … with the Government" (capitalised, as state media and Commonwealth
    papers write it) made a company named "Government"; it is the government of the country told of."""
    text = ("Sri Lanka's Negombo commuter rail link has been stalled for years. The Kaiyo Cooperation Agency signed a "
            "yen loan of ¥41.7 billion with the Government in 2019.")
    found = extract_document(make_document("Rail link\n\n" + text, published="2025-10-01")).agreements
    assert [{p.name for p in a.parties} for a in found] == [{"Kaiyo Cooperation Agency", "Sri Lanka"}]


@pytest.mark.parametrize(("text", "investor"), [
    pytest.param("Albania is building the Fier expressway. The Vjosa Fund provided a €41.2 million grant for the bridge, "
                 "and the state budget will contribute €32.7 million.", "Albania", id="the-state-budget"),
    pytest.param("Albania is building the Fier expressway. Orvan Group said its budget will contribute €32.7 million.",
                 None, id="a-company-s-budget"),
])
def test_issue_7_a_state_budget_pays_as_the_country(text: str, investor: str | None) -> None:
    """Session 28: "the state budget will contribute €32.7m" had no investor; a country's own budget or treasury
    pays as the country the article is about (a company's budget is no state's)."""
    found = extract_document(make_document("Expressway\n\n" + text, published="2025-03-12")).investments
    payers = {f.investor.name for f in found if f.amount is not None and f.amount.value == 32_700_000}
    assert payers == ({investor} if investor else set())


def test_issue_7_the_government_conjoined_with_a_party_is_the_country_s() -> None:
    """Session 29 (blind30): "The Government and Qurum Ports signed …" made a company named "Government" a
    party: the capitalised bare government (its conjunct no part of it) is the article's country's."""
    text = ("Tanzania wants more investment in its ports. The Government and Qurum Ports signed a concession "
            "agreement on 3 July 2023.")
    (agreement,) = extract_document(make_document("Ports\n\n" + text, published="2024-03-12")).agreements
    assert {p.name for p in agreement.parties} == {"Tanzania", "Qurum Ports"}
