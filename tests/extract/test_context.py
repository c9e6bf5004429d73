"""Context from earlier sentences: salient actors, topics, stake holdings and fact dates."""

from __future__ import annotations

import pytest

from graph.extract import context
from graph.nlp import get_nlp
from graph.pipeline import extract_document
from tests.conftest import make_document


def _last_sentence(text: str):
    doc = get_nlp()(text)
    return list(doc.sents)[-1]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        pytest.param("Harbin Steel opened an office in Zagreb. It will hire staff.", "Harbin Steel", id="subject"),
        pytest.param("Croatia welcomed Lumora Group in May. It will hire staff.", "Lumora Group", id="last-company"),
    ],
)
def test_salient_actor(text, want):
    ref = context.salient_actor(_last_sentence(text))
    assert ref is not None and ref.name == want


@pytest.mark.parametrize(
    ("text", "published", "year"),
    [
        pytest.param("Lumora Group has pledged up to €150 million for the Split–Zadar motorway.", "2022-07-14", 2022,
                     id="pledge-takes-article-date"),
        pytest.param("Lumora Group paid €88 million for a stake in Adria Ports after the works it promised in 2016 ended.",
                     None, None, id="other-clause-date-ignored"),
        pytest.param((
            "The Export-Import Bank of China granted a €944 million loan for the Bar–Boljare motorway, "
            "signed in October 2014."
        ),
                     None, 2014, id="clause-on-the-trigger-dates-it"),
    ],
)
def test_fact_dates(text, published, year):
    facts = extract_document(make_document(text, published=published)).investments
    assert facts
    assert {f.date.year if f.date else None for f in facts} == {year}


def test_a_paragraph_break_stops_the_date_look_back():
    text = "Lumora Group bought a 51% stake in the Adria Ports company in 2008.\n\nLumora Group later raised its stake."
    facts = extract_document(make_document(text)).investments
    later = [f for f in facts if "later" in f.evidence.text]
    assert later and later[0].date is None


def test_a_reported_fact_without_a_date_takes_the_article_date():
    text = "The fund said Lumora Group paid €88 million for a 16% stake in the Adria Ports company."
    facts = extract_document(make_document(text, published="2021-10-08")).investments
    assert facts and facts[0].date is not None and facts[0].date.year == 2021


def test_a_participle_after_the_loan_phrase_dates_it():
    text = (
        "Tunisia struggles with a shortage of foreign currency. The government is in talks with the "
        "International Monetary Fund (IMF) to expand its $3 billion loan programme, agreed in December 2022."
    )
    facts = extract_document(make_document(text)).investments
    assert facts and facts[0].date is not None and facts[0].date.year == 2022
