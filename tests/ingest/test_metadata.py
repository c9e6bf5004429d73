from __future__ import annotations

import datetime as dt

import pytest

from graph.ingest.metadata import find_published, guess_title, parse_full_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline here\nUpdated Jul 02, 2025 | 8:31 PM GMT-04\nBody.", dt.date(2025, 7, 2)),
        ("Published: 3 March 2024\n", dt.date(2024, 3, 3)),
        ("May 8, 2024 10:00\n", dt.date(2024, 5, 8)),
        ("Thursday, 8th of May 2024\n", dt.date(2024, 5, 8)),
        ("Posted 2024-05-08T10:00:00Z by Jane Doe, Reuters\n", dt.date(2024, 5, 8)),
        ("Belgrade, Sept. 12, 2023\n", dt.date(2023, 9, 12)),
        ("Updated 9 May 2024\nPublished 8 May 2024\n", dt.date(2024, 5, 8)),
        ("Belgrade, 27 February 2025 | Energy Southeast Europe\n", dt.date(2025, 2, 27)),
        ("PODGORICA, July 14, 2022 (Balkan Wire) \u2014 Montenegro on Wednesday opened a road.\n",
         dt.date(2022, 7, 14)),
        ("SARAJEVO, 9 May 2023 \u2013 Turkish steelmaker Karadeniz agreed to buy a foundry.\n",
         dt.date(2023, 5, 9)),
        ("Orsk drones land in Ilo\n\nBy Defence Desk \u2014 Thursday, 2 October 2025\n\nILO \u2014 Orsk said.\n", dt.date(2025, 10, 2)),
        # issue 7, session 22: a day-first date with dots, as central European sites write it
        ("Orsk drones land in Ilo\nIlo Business Monitor | Defence\nPublished 18.09.2025, 09:15 CEST\n\nOrsk said.\n",
         dt.date(2025, 9, 18)),
        # issue 7, session 23: a slashed date whose day cannot be a month, either way round
        ("Orsk agrees to buy Lume\nLume Financial Daily | Companies\n27/08/2025 21:03\n\nOrsk said.\n", dt.date(2025, 8, 27)),
        ("Posted 08/27/2025\n", dt.date(2025, 8, 27)),
    ],
    ids=["updated-with-time-zone", "published-colon", "date-and-time", "weekday-ordinal",
         "iso-with-byline", "place-dateline", "published-beats-updated", "separated-field",
         "wire-dateline-agency", "wire-dateline", "byline-dash-weekday-date", "day-first-with-dots",
         "day-first-with-slashes", "month-first-with-slashes"],
)
def test_dateline_gives_publication_date(text: str, expected: dt.date) -> None:
    assert find_published(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The plant opened on May 8, 2024 in Kragujevac, the minister said.\n",
        "Published May 2024\n",
        "Updated 2024\n",
        "Feb 30, 2024\n",
        "Title\n" + "filler line\n" * 20 + "Published 3 March 2024\n",
        "No dates at all.\n",
        "ASTANA, June 12 (Central Asia Monitor) - Yoon and Tokayev agreed.\n",
        "The deal, signed May 8, 2024 \u2013 was historic.\n",
        "By then \u2014 signed on May 8, 2024 \u2014 the deal was done.\n",
        "Published 31.02.2025\n",
        "Version 1.2.2024.5\n",
        "Published 03/04/2025\n",
        "Published 31/13/2025\n",
    ],
    ids=["date-inside-sentence", "month-only", "year-only", "impossible-day",
         "below-the-top-lines", "none", "wire-dateline-without-year", "sentence-before-dash",
         "a-sentence-opening-with-by", "impossible-day-with-dots", "a-version-number",
         "slashes-either-way-round", "slashes-no-month"],
)
def test_no_publication_date_is_invented(text: str) -> None:
    assert find_published(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("China Steps Up For Stellantis\n\nBody.", "China Steps Up For Stellantis"),
        ("\n\n  Serbia: A Central Piece of China  \nBody", "Serbia: A Central Piece of China"),
        ("Thewesternbalkans.\n\nSerbia has secured a promise.", None),
        ("Serbia has secured a promise from China to expedite exports.\n", None),
        ("May 8, 2024\nBody", None),
        ("https://example.com/news/article\nBody", None),
        ("word " * 40 + "\n", None),
        ("", None),
    ],
    ids=["headline", "leading-blank-lines", "one-word-site-name", "sentence",
         "date-line", "url", "too-long", "empty"],
)
def test_guess_title(text: str, expected: str | None) -> None:
    assert guess_title(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-08T18:30:00+02:00", dt.date(2024, 5, 8)),
        ("2024/5/8", dt.date(2024, 5, 8)),
        ("8 May 2024", dt.date(2024, 5, 8)),
        ("2024-05", None),
        ("yesterday", None),
    ],
    ids=["iso-datetime", "slashes", "day-month-year", "year-month", "relative"],
)
def test_parse_full_date(value: str, expected: dt.date | None) -> None:
    assert parse_full_date(value) == expected
